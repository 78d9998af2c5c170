"""Every user mistake answered with file, line, the line itself and a fix; exit 2; nothing written.

Each bad fixture in tests/fixtures/bad/ replaces one file of the example practice; its prefix says
which. The expected text is exactly what the user sees after 'error: '.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Run

FIXTURES = Path(__file__).parent / "fixtures" / "bad"
TARGETS = {
    "leaflet": "leaflets/triggerpointtherapie.yaml",
    "practice": "practice.yaml",
    "logo": "templates/brand/logo.svg",
    "layout": "templates/layouts/trifold.yaml",
    "client": "clients/dossier-0147.yaml",
    "library": "self-massage/levator-scapulae.yaml",
    "po": "translations/en/labels.po",
    "font": "fonts/FiraSans-Regular.ttf",
}
HANDOUT = ("handout", "clients/dossier-0147.yaml")  # what client and library fixtures break

CASES = {
    "client-points-not-list.yaml": (
        "clients/dossier-0147.yaml, line 8: 'points' should be a list, not 'upper-trapezius, levator-scapulae'.\n"
        "    points: upper-trapezius, levator-scapulae\n"
        "  Write each item on its own line, indented, starting with '- '."
    ),
    "practice-language-name.yaml": (
        "practice.yaml, line 11: 'nederlands' is not a language code careprint knows.\n"
        "    language: Nederlands\n"
        "  Write the language's code, nl, instead of its name. Use a language code such as nl, en, de, tr or ar."
    ),
    "practice-cmyk-over-100.yaml": (
        "practice.yaml, line 14: 'cmyk': each of C, M, Y and K is a percentage from 0 to 100.\n"
        '      primary: {rgb: "#1F6F78", cmyk: [84, 135, 40, 15]}   # headings, cover, contact panel\n'
        "  Write four numbers between 0 and 100, e.g. [84, 35, 40, 15]."
    ),
    "leaflet-kind-dutch.yaml": (
        "leaflets/triggerpointtherapie.yaml, line 39: unknown block kind 'oorzaken'.\n"
        "        kind: oorzaken\n"
        "  Did you mean 'causes'? Use one of: indications, symptoms, causes, treatment, self-help, call-to-action, text."
    ),
    "client-language-name.yaml": (
        "clients/dossier-0147.yaml, line 5: there is no translation into 'nederlands'.\n"
        "    language: Nederlands\n"
        "  Write the language's code, nl, instead of its name. Use one of: nl, ar, de, en, tr."
    ),
    "client-email-no-at.yaml": (
        "clients/dossier-0147.yaml, line 4: 'email': this is not an email address.\n"
        "  Write it as name@domain.nl."
    ),
    "client-date-dutch-order.yaml": (
        "clients/dossier-0147.yaml, line 6: 'date' should be a date, not '24-11-2026'.\n"
        "    date: 24-11-2026\n"
        "  Write the date as year-month-day, e.g. 2026-11-24."
    ),
    "practice-colon-in-hours.yaml": (
        "practice.yaml, line 10: a colon inside a text confuses the file's structure.\n"
        "    hours: ma-vr: 8:30-17:30   # when patients can reach you\n"
        '  Put the whole text in double quotes: hours: "ma-vr: 8:30-17:30"'
    ),
    "client-hold-minutes.yaml": (
        "clients/dossier-0147.yaml, line 13: 'hold' should be a whole number, not '1 min'.\n"
        "        hold: 1 min\n"
        "  Write a whole number only (seconds to hold, if not the library's): 1 min is hold: 60."
    ),
    "logo-broken-picture.svg": (
        "templates/brand/logo.svg: the logo cannot be used: a picture inside it cannot be read.\n"
        "  careprint prints the logo as a drawing (SVG), sharp at every size and in the print shop's colours: ask your designer for the logo as SVG made of shapes, without pictures in it, and point 'logo:' in practice.yaml at that file."
    ),
    "logo-png-picture.svg": (
        "templates/brand/logo.svg: the logo cannot be used: it is a PNG picture, not an SVG drawing.\n"
        "  careprint prints the logo as a drawing (SVG), sharp at every size and in the print shop's colours: ask your designer for the logo as SVG made of shapes, without pictures in it, and point 'logo:' in practice.yaml at that file."
    ),
    "leaflet-name-differs.yaml": (
        "leaflets/triggerpointtherapie.yaml, line 3: the leaflet is called 'triggerpoints' here, but its file is triggerpointtherapie.yaml.\n"
        "    leaflet: triggerpoints\n"
        "  Make them the same: the file name names the leaflet (its PDFs and its translations), so write leaflet: triggerpointtherapie, or rename the file."
    ),
    "practice-cmyk-three.yaml": (
        "practice.yaml, line 14: 'cmyk': a print colour has four numbers, C, M, Y and K, and this has 3.\n"
        '      primary: {rgb: "#1F6F78", cmyk: [84, 35, 40]}   # headings, cover, contact panel\n'
        "  Write four percentages, e.g. [84, 35, 40, 15]."
    ),
    "practice-rgb-numbers.yaml": (
        "practice.yaml, line 14: 'rgb': a colour on screen is written as # and six hexadecimal digits, not as three numbers.\n"
        "      primary: {rgb: [31, 111, 120], cmyk: [84, 35, 40, 15]}   # headings, cover, contact panel\n"
        "  Write '#1F6F78'."
    ),
    "practice-cmyk-fractions.yaml": (
        "practice.yaml, line 14: 'cmyk': C, M, Y and K are percentages (0 to 100), not fractions of one.\n"
        '      primary: {rgb: "#1F6F78", cmyk: [0.84, 0.35, 0.4, 0.15]}   # headings, cover, contact panel\n'
        "  Write [84, 35, 40, 15]."
    ),
    "practice-password-misspelt.yaml": (
        "practice.yaml, line 21: 'wachtwoord' does not belong in a file: careprint never reads a password from one.\n"
        "  Delete the line; set the mail server's password in the terminal instead: export CAREPRINT_SMTP_PASSWORD='...'"
    ),
    "practice-smtp-password.yaml": (
        "practice.yaml, line 22: 'password' does not belong in a file: careprint never reads a password from one.\n"
        "  Delete the line; set the mail server's password in the terminal instead: export CAREPRINT_SMTP_PASSWORD='...'"
    ),
    "po-missing-msgstr.po": (
        "translations/en/labels.po, line 33: the translation file is damaged (an msgid without msgstr).\n"
        '    msgid "Telefoon"\n'
        "  Open it in a PO editor (e.g. Poedit), which shows and repairs the mistake; or compare the entry with the ones around it: msgctxt, msgid, msgstr, each text in double quotes."
    ),
    "po-duplicate.po": (
        "translations/en/labels.po, line 37: the translation file is damaged (the same text appears twice; the first is on line 33).\n"
        '    msgid "Telefoon"\n'
        "  Keep one of the two entries and delete the other."
    ),
    "po-text-after-quote.po": (
        "translations/en/labels.po, line 34: the translation file is damaged (text after the closing double quote).\n"
        '    msgstr "Phone" (work)\n'
        "  Open it in a PO editor (e.g. Poedit), which shows and repairs the mistake; or compare the entry with the ones around it: msgctxt, msgid, msgstr, each text in double quotes."
    ),
    "po-bad-escape.po": (
        "translations/en/labels.po, line 34: the translation file is damaged ('\\o' is not an escape a PO file knows).\n"
        '    msgstr "Ph\\one"\n'
        "  Open it in a PO editor (e.g. Poedit), which shows and repairs the mistake; or compare the entry with the ones around it: msgctxt, msgid, msgstr, each text in double quotes."
    ),
    "po-unterminated.po": (
        "translations/en/labels.po, line 34: the translation file is damaged (a text without its closing double quote).\n"
        '    msgstr "Phone\n'
        "  Open it in a PO editor (e.g. Poedit), which shows and repairs the mistake; or compare the entry with the ones around it: msgctxt, msgid, msgstr, each text in double quotes."
    ),
    "client-therapist-number.yaml": (
        "clients/dossier-0147.yaml, line 7: 'therapist' should be text, but YAML reads 12 as the number 12.\n"
        "    therapist: 12\n"
        '  Put it in double quotes, as written: therapist: "12"'
    ),
    "client-hash-in-note.yaml": (
        "clients/dossier-0147.yaml, line 16: 'note' stops before its '#': a '#' after a space starts a comment, so what follows it is left out.\n"
        "  Put the whole text of 'note' in double quotes."
    ),
    "leaflet-alias.yaml": (
        "leaflets/triggerpointtherapie.yaml, line 5: '&naam' repeats a part of the file by name (a YAML anchor), which careprint does not read.\n"
        "    title: &naam Triggerpointtherapie\n"
        "  Write the text out where it is needed, or put a text that starts with '&' in double quotes."
    ),
    "leaflet-unclosed-bracket.yaml": (
        "leaflets/triggerpointtherapie.yaml, line 7: a '[' opened here is not closed.\n"
        "    layouts: [trifold, booklet, large-print, screen\n"
        "  Close the list with ']' on the same line."
    ),
    "leaflet-unclosed-quote.yaml": (
        "leaflets/triggerpointtherapie.yaml, line 5: a quote opened here is not closed.\n"
        '    title: "Triggerpointtherapie\n'
        "  Close it with the same quote at the end of the text."
    ),
    "leaflet-hash-in-heading.yaml": (
        "leaflets/triggerpointtherapie.yaml, line 40: 'heading' keeps only 'Stap': a '#' after a space starts a comment, so '#2 in je herstel' is left out.\n"
        "        heading: Stap #2 in je herstel\n"
        '  Put the whole text in double quotes: heading: "Stap #2 in je herstel"'
    ),
    "leaflet-bullet-number.yaml": (
        "leaflets/triggerpointtherapie.yaml, line 64: item 2 of 'bullets' should be text, but YAML reads 112 as the number 112.\n"
        "          - 112\n"
        '  Put it in double quotes, as written: - "112"'
    ),
    "practice-unclosed-brace.yaml": (
        "practice.yaml, line 14: a '{' opened here is not closed.\n"
        '      primary: {rgb: "#1F6F78", cmyk: [84, 35, 40, 15]   # headings, cover, contact panel\n'
        "  Close it with '}' on the same line."
    ),
    "practice-colour-unquoted.yaml": (
        "practice.yaml, line 14: a '#' after a space starts a comment, so the rest of the line after 'rgb:' is left out and a '{' is not closed.\n"
        "      primary: {rgb: #1F6F78, cmyk: [84, 35, 40, 15]}   # headings, cover, contact panel\n"
        '  Put the colour in double quotes: rgb: "#1F6F78"'
    ),
    "practice-website-no.yaml": (
        "practice.yaml, line 9: 'website' should be text, but YAML reads no as a yes/no answer.\n"
        "    website: no\n"
        '  Put it in double quotes, as written: website: "no"'
    ),
    "practice-phone-number.yaml": (
        "practice.yaml, line 7: 'phone' should be text, but YAML reads 0330001234 as the number 56623772.\n"
        "    phone: 0330001234\n"
        '  Put it in double quotes, as written: phone: "0330001234"'
    ),
    "client-date-format.yaml": (
        "clients/dossier-0147.yaml, line 6: 'date' should be a date, not '31-02-2026'.\n"
        "    date: 31-02-2026\n"
        "  Write the date as year-month-day, e.g. 2026-11-24."
    ),
    "client-date-impossible.yaml": (
        "clients/dossier-0147.yaml, line 6: 'date' is 2026-02-31, a day that does not exist.\n"
        "    date: 2026-02-31\n"
        "  Check the day and the month; write the date as year-month-day, e.g. 2026-11-24."
    ),
    "client-duplicate-point.yaml": (
        "clients/dossier-0147.yaml, line 14: 'upper-trapezius' is chosen twice (the first is point 1).\n"
        "      - id: upper-trapezius\n"
        "  Keep one of them; use 'side: both' for both sides."
    ),
    "client-email.yaml": (
        "clients/dossier-0147.yaml, line 4: 'email': this is not an email address.\n"
        "  Write it as name@domain.nl."
    ),
    "client-empty.yaml": (
        "clients/dossier-0147.yaml: the file is empty.\n"
        "  Write the content into it, or delete the file if it is not needed."
    ),
    "client-hold-float.yaml": (
        "clients/dossier-0147.yaml, line 13: 'hold' should be a whole number, not the number 4.5.\n"
        "        hold: 4.5\n"
        "  Write a whole number only (seconds to hold, if not the library's)."
    ),
    "client-hold-not-number.yaml": (
        "clients/dossier-0147.yaml, line 13: 'hold' should be a whole number, not 'een minuut'.\n"
        "        hold: een minuut\n"
        "  Write a whole number only (seconds to hold, if not the library's)."
    ),
    "client-hold-too-long.yaml": (
        "clients/dossier-0147.yaml, line 13: 'hold' is 500; it must be at most 120.\n"
        "        hold: 500\n"
        "  Change the value (seconds to hold, if not the library's)."
    ),
    "client-language.yaml": (
        "clients/dossier-0147.yaml, line 5: there is no translation into 'fr'.\n"
        "    language: fr\n"
        "  Use one of: nl, ar, de, en, tr."
    ),
    "client-missing-name.yaml": (
        "clients/dossier-0147.yaml, line 3: 'name' is missing from the file.\n"
        "  Add 'name:' (the client's name as printed on the handout; never used in a file name), e.g. below this line."
    ),
    "client-notes-glyph.yaml": (
        "clients/dossier-0147.yaml, line 17: the font FiraSans-Regular.ttf has no '✓' (U+2713), so it cannot be printed.\n"
        "  Replace the character with one the font has (e.g. a plain letter or sign), or name a font that has it under 'fonts:' in practice.yaml."
    ),
    "client-points-empty.yaml": (
        "clients/dossier-0147.yaml, line 8: 'points' is empty.\n"
        "    points: []\n"
        "  Add at least one item (chosen points in the order to print them: an id, or id with side and dosage)."
    ),
    "client-side.yaml": (
        "clients/dossier-0147.yaml, line 12: unknown side 'rechts'.\n"
        "        side: rechts\n"
        "  Did you mean 'right'? Use one of: left, right, both."
    ),
    "client-unknown-point.yaml": (
        "clients/dossier-0147.yaml, line 11: there is no point 'levator-scapula' in the library.\n"
        "      - id: levator-scapula\n"
        "  Did you mean 'levator-scapulae'? 'careprint points' lists the points in the library."
    ),
    "font-not-ttf.ttf": (
        "practice.yaml: the font file 'fonts/FiraSans-Regular.ttf' cannot be read: it is not a TrueType font.\n"
        "  Use a TrueType (.ttf) font file; the fonts/ folder has working ones."
    ),
    "layout-widths.yaml": (
        "templates/layouts/trifold.yaml, line 10: the panels of side 'inside' add up to 300 mm, but the sheet is 297 mm wide.\n"
        "        panels: [{number: 2, width: 100}, {number: 3, width: 100}, {number: 4, width: 100}]\n"
        "  Make the panel widths add up to the sheet width."
    ),
    "leaflet-blocks-empty.yaml": (
        "leaflets/triggerpointtherapie.yaml, line 9: 'blocks' is empty.\n"
        "    blocks: []\n"
        "  Add at least one item (the content blocks, in reading order)."
    ),
    "leaflet-bom-tab.yaml": (
        "leaflets/triggerpointtherapie.yaml, line 39: a tab is used for indentation.\n"
        "        kind: causes\n"
        "  Indent with spaces only (two per level); set your editor to insert spaces for tabs."
    ),
    "leaflet-bullets-not-list.yaml": (
        "leaflets/triggerpointtherapie.yaml, line 62: 'bullets' should be a list, not 'Als je last hebt van pijnklachten'.\n"
        "        bullets: Als je last hebt van pijnklachten\n"
        "  Write each item on its own line, indented, starting with '- '."
    ),
    "leaflet-colon-in-text.yaml": (
        "leaflets/triggerpointtherapie.yaml, line 24: a colon inside a text confuses the file's structure.\n"
        "        heading: Let op: welke symptomen geven triggerpoints?\n"
        '  Put the whole text in double quotes: heading: "Let op: welke symptomen geven triggerpoints?"'
    ),
    "leaflet-crlf-unknown-field.yaml": (
        "leaflets/triggerpointtherapie.yaml, line 40: unknown field 'heding'.\n"
        "        heding: Waardoor ontstaan triggerpoints?\n"
        "  Did you mean 'heading'?"
    ),
    "leaflet-duplicate-id.yaml": (
        "leaflets/triggerpointtherapie.yaml, line 59: two blocks are called 'symptoms' (the first is block 2).\n"
        "      - id: symptoms\n"
        "  Give each block its own id."
    ),
    "leaflet-duplicate-key.yaml": (
        "leaflets/triggerpointtherapie.yaml, line 55: 'heading' appears twice here (first on line 54).\n"
        "        heading: Wanneer is het nodig?\n"
        "  Keep one 'heading:' and delete the other."
    ),
    "leaflet-empty.yaml": (
        "leaflets/triggerpointtherapie.yaml: the file is empty.\n"
        "  Write the content into it, or delete the file if it is not needed."
    ),
    "leaflet-huge.yaml": (
        "leaflets/triggerpointtherapie.yaml: the file is 10.0 MB; careprint's files are a few kilobytes.\n"
        "  Check that this is the right file (not a document or an image saved under this name); files up to 1 MB are read."
    ),
    "leaflet-id-uppercase.yaml": (
        "leaflets/triggerpointtherapie.yaml, line 22: 'Symptoms' cannot be used as id.\n"
        "      - id: Symptoms\n"
        "  Use lower-case letters, digits and '-' only, e.g. 'when-to-choose'."
    ),
    "leaflet-indentation.yaml": (
        "leaflets/triggerpointtherapie.yaml, line 23: the indentation does not line up.\n"
        "       kind: symptoms\n"
        "  Line this line up with the lines around it, using spaces only."
    ),
    "leaflet-list-as-title.yaml": (
        "leaflets/triggerpointtherapie.yaml, line 5: 'title' should be text, not a list.\n"
        "    title:\n"
        "  Write the text on the same line after 'title:' (title on the cover)."
    ),
    "leaflet-missing-glyph.yaml": (
        "leaflets/triggerpointtherapie.yaml, line 61: the font FiraSans-Regular.ttf has no '✓' (U+2713), so it cannot be printed.\n"
        "        heading: Wanneer kies je voor triggerpointtherapie? ✓\n"
        "  Replace the character with one the font has (e.g. a plain letter or sign), or name a font that has it under 'fonts:' in practice.yaml."
    ),
    "leaflet-missing-kind.yaml": (
        "leaflets/triggerpointtherapie.yaml, line 38: 'kind' is missing from this block.\n"
        "      - id: causes\n"
        "  Add 'kind:' with one of: indications, symptoms, causes, treatment, self-help, call-to-action, text."
    ),
    "leaflet-missing-title.yaml": (
        "leaflets/triggerpointtherapie.yaml, line 3: 'title' is missing from the file.\n"
        "    leaflet: triggerpointtherapie\n"
        "  Add 'title:' (title on the cover), e.g. below this line."
    ),
    "leaflet-no-text.yaml": (
        "leaflets/triggerpointtherapie.yaml, line 51: block 'treatment' has no text and no bullets.\n"
        "      - id: treatment\n"
        "  Add 'text:' or 'bullets:' to the block, or delete the block."
    ),
    "leaflet-not-utf8.yaml": (
        "leaflets/triggerpointtherapie.yaml, line 32: the file is not UTF-8 text (byte 0xF6 cannot be read).\n"
        "  Save the file as UTF-8 in your editor (often under 'Save as' > 'Encoding')."
    ),
    "leaflet-only-list.yaml": (
        "leaflets/triggerpointtherapie.yaml: the file should hold named fields ('name: value' lines), not a single value or list.\n"
        "  Start each line with a field name and a colon, as in the example files."
    ),
    "leaflet-panel-not-number.yaml": (
        "leaflets/triggerpointtherapie.yaml, line 53: 'panel' should be a whole number, not 'vier'.\n"
        "        panel: vier\n"
        "  Write a whole number only (start the block at the top of this panel instead of after the block before)."
    ),
    "leaflet-pin-backwards.yaml": (
        "leaflets/triggerpointtherapie.yaml, line 72: block 'self-help' is pinned to panel 3, which is before panel 4, where the blocks above it already start.\n"
        "        panel: 3\n"
        "  Use one of the panels 5, 6, or remove 'panel:'."
    ),
    "leaflet-pin-cover.yaml": (
        "leaflets/triggerpointtherapie.yaml, line 53: block 'treatment' is pinned to panel 1, which cannot hold blocks.\n"
        "        panel: 1\n"
        "  Use one of the panels 2, 3, 4, 5, 6, or remove 'panel:'."
    ),
    "leaflet-python-tag.yaml": (
        "leaflets/triggerpointtherapie.yaml, line 5: '!!python/object/apply:os.system' is a YAML tag, which careprint does not read.\n"
        "    title: !!python/object/apply:os.system ['echo hi']\n"
        "  Remove the word starting with '!' (or put the text in quotes)."
    ),
    "leaflet-tab.yaml": (
        "leaflets/triggerpointtherapie.yaml, line 39: a tab is used for indentation.\n"
        "        kind: causes\n"
        "  Indent with spaces only (two per level); set your editor to insert spaces for tabs."
    ),
    "leaflet-too-long.yaml": (
        "leaflets/triggerpointtherapie.yaml, line 66: block 'self-help' does not fit: the text runs 474 mm past the end of panel 5.\n"
        "      - id: self-help\n"
        "  Shorten the texts by about 80 lines (some 3040 characters), or move a block to another panel with 'panel:'."
    ),
    "leaflet-unknown-field.yaml": (
        "leaflets/triggerpointtherapie.yaml, line 40: unknown field 'heding'.\n"
        "        heding: Waardoor ontstaan triggerpoints?\n"
        "  Did you mean 'heading'?"
    ),
    "leaflet-unknown-kind.yaml": (
        "leaflets/triggerpointtherapie.yaml, line 23: unknown block kind 'symptom'.\n"
        "        kind: symptom\n"
        "  Did you mean 'symptoms'? Use one of: indications, symptoms, causes, treatment, self-help, call-to-action, text."
    ),
    "leaflet-unknown-layout.yaml": (
        "leaflets/triggerpointtherapie.yaml, line 7: unknown layout 'drieluik'.\n"
        "    layouts: [trifold, drieluik]\n"
        "  Use one of: booklet, large-print, screen, trifold."
    ),
    "library-id-mismatch.yaml": (
        "self-massage/levator-scapulae.yaml, line 1: the id 'levator' differs from the file name 'levator-scapulae.yaml'.\n"
        "    id: levator\n"
        "  Make them the same: id: levator-scapulae, or rename the file to levator.yaml."
    ),
    "library-missing-where.yaml": (
        "self-massage/levator-scapulae.yaml, line 1: 'where' is missing from the file.\n"
        "    id: levator-scapulae\n"
        "  Add 'where:' (how to find the spot), e.g. below this line."
    ),
    "library-pressure-scale.yaml": (
        "self-massage/levator-scapulae.yaml, line 20: 'target' is 15; it must be at most 10.\n"
        "      target: 15\n"
        "  Change the value (how strong the pressure may feel on the 0-10 scale, where 0 is no pain and 10 the worst imaginable)."
    ),
    "library-stop-below-target.yaml": (
        "self-massage/levator-scapulae.yaml, line 19: 'pressure': the stop level (2) must be higher than the target (3).\n"
        "    pressure:\n"
        "  Make 'stop' at least one more than 'target'."
    ),
    "library-too-long.yaml": (
        "self-massage/levator-scapulae.yaml, line 13: the instructions for 'levator-scapulae' do not fit on two pages: 533 mm too long.\n"
        "    how: |\n"
        "  Shorten 'where', 'how', 'avoid' or 'stop_if' by about 89 lines."
    ),
    "library-too-many-points.yaml": (
        "self-massage/levator-scapulae.yaml, line 45: 'points': List should have at most 3 items after validation, not 4.\n"
        "      points: [[1, 2], [3, 4], [5, 6], [7, 8]]\n"
        "  Check the value (where to press, as x, y in the view's units, for the right side of the body)."
    ),
    "library-tool-unknown.yaml": (
        "self-massage/levator-scapulae.yaml, line 18: unknown tool 'tennisbal'.\n"
        "    tool: tennisbal\n"
        "  Use one of: fingers, thumb, knuckles, ball, hand, pinch."
    ),
    "library-missing-urgent.yaml": (
        "self-massage/levator-scapulae.yaml, line 1: 'urgent_if' is missing from the file.\n"
        "    id: levator-scapulae\n"
        "  Add 'urgent_if:' (when to stop and call the GP or the huisartsenpost at once, or 112), e.g. below this line."
    ),
    "library-missing-maximum.yaml": (
        "self-massage/levator-scapulae.yaml, line 1: 'maximum' is missing from the file.\n"
        "    id: levator-scapulae\n"
        "  Add 'maximum:' (the most a client file may set for hold, repeats and per_day), e.g. below this line."
    ),
    "library-above-maximum.yaml": (
        "self-massage/levator-scapulae.yaml, line 22: 'hold' is 60, more than this point's maximum (45).\n"
        "    hold: 60\n"
        "  Lower 'hold', or raise 'hold' under 'maximum:'."
    ),
    "library-stop-levels-merged.yaml": (
        "self-massage/levator-scapulae.yaml, line 37: 'urgent_if' is empty.\n"
        "    urgent_if: []\n"
        "  Add at least one item (when to stop and call the GP or the huisartsenpost at once, or 112)."
    ),
    "client-above-maximum.yaml": (
        "clients/dossier-0147.yaml, line 13: 'hold' is 90, more than the most 'levator-scapulae' allows (45).\n"
        "        hold: 90\n"
        "  Use at most 45, or leave 'hold' out for the library's 30."
    ),
    "client-repeats-above-maximum.yaml": (
        "clients/dossier-0147.yaml, line 14: 'repeats' is 8, more than the most 'levator-scapulae' allows (4).\n"
        "        repeats: 8\n"
        "  Use at most 4, or leave 'repeats' out for the library's 3."
    ),
    "library-unknown-view.yaml": (
        "self-massage/levator-scapulae.yaml, line 44: unknown view 'rug'.\n"
        "      view: rug\n"
        "  Use one of: front, back, side, head."
    ),
    "logo-broken.svg": (
        "templates/brand/logo.svg, line 1: the logo cannot be read: the SVG is damaged (not well-formed (invalid token)).\n"
        '    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><path d="M10 10 L90 90"</svg>\n'
        "  Export the logo again from your drawing program as SVG (File > Export > SVG), or point 'logo:' in practice.yaml at another file."
    ),
    "logo-not-svg.svg": (
        "templates/brand/logo.svg, line 1: the logo cannot be read: it is not an SVG drawing.\n"
        "    Dit is geen tekening.\n"
        "  Export the logo again from your drawing program as SVG (File > Export > SVG), or point 'logo:' in practice.yaml at another file."
    ),
    "po-broken.po": (
        "translations/en/labels.po, line 34: the translation file is damaged ('msgstrr' is not a keyword of a PO file).\n"
        '    msgstrr "Phone"\n'
        "  Open it in a PO editor (e.g. Poedit), which shows and repairs the mistake; or compare the entry with the ones around it: msgctxt, msgid, msgstr, each text in double quotes."
    ),
    "po-glyph.po": (
        "translations/en/labels.po, line 32: the font FiraSans-Regular.ttf has no '☎' (U+260E), so this translation cannot be printed.\n"
        '    msgctxt "labels:phone"\n'
        "  Replace the character with one the font has, or name a font that has it under 'fonts:' in practice.yaml."
    ),
    "po-not-utf8.po": (
        "translations/en/labels.po: the translation file cannot be read ('utf-8' codec can't decode byte 0xe9 in position 9: invalid continuation byte).\n"
        "  Save it as UTF-8 from a PO editor (e.g. Poedit)."
    ),
    "po-placeholder.po": (
        "translations/en/labels.po, line 58: 1 without the placeholder {name}: these texts would be printed in the source language.\n"
        '    msgctxt "labels:handout:title"\n'
        "  Translate them (careprint translate export --lang en adds what is missing), or build without --strict."
    ),
    "po-plural-count.po": (
        "translations/en/labels.po, line 234: the translation file is damaged (1 plural form where the language has 2).\n"
        '    msgid "{n} seconde"\n'
        "  Give msgstr[0] to msgstr[1], one for each plural form."
    ),
    "practice-cmyk-range.yaml": (
        "practice.yaml, line 14: 'cmyk': each of C, M, Y and K is a percentage from 0 to 100.\n"
        '      primary: {rgb: "#1F6F78", cmyk: [84, 35, 140, 15]}   # headings, cover, contact panel\n'
        "  Write four numbers between 0 and 100, e.g. [84, 35, 40, 15]."
    ),
    "practice-colour-hex.yaml": (
        "practice.yaml, line 14: 'rgb': '#1F6F7' is not a colour.\n"
        '      primary: {rgb: "#1F6F7", cmyk: [84, 35, 40, 15]}   # headings, cover, contact panel\n'
        "  Write # and six hexadecimal digits, e.g. '#1F6F78'."
    ),
    "practice-email.yaml": (
        "practice.yaml, line 8: 'email': this is not an email address.\n"
        "    email: info praktijkdelinde.example\n"
        "  Write it as name@domain.nl."
    ),
    "practice-font-not-ttf.yaml": (
        "practice.yaml, line 19: the font file 'templates/brand/logo.svg' cannot be read: it is not a TrueType font.\n"
        "      regular: templates/brand/logo.svg\n"
        "  Use a TrueType (.ttf) font file; the fonts/ folder has working ones."
    ),
    "practice-font-outside.yaml": (
        "practice.yaml, line 19: '../../etc/passwd' points outside the practice folder.\n"
        "      regular: ../../etc/passwd\n"
        "  Put the file inside the practice folder and give its path from there."
    ),
    "practice-language-unknown.yaml": (
        "practice.yaml, line 11: 'xx' is not a language code careprint knows.\n"
        "    language: xx\n"
        "  Use a language code such as nl, en, de, tr or ar."
    ),
    "practice-logo-missing.yaml": (
        "practice.yaml, line 12: the file 'templates/brand/logo-nieuw.svg' does not exist.\n"
        "    logo: templates/brand/logo-nieuw.svg\n"
        "  Check the name and the folder."
    ),
    "practice-logo-outside.yaml": (
        "practice.yaml, line 12: '../../etc/passwd' points outside the practice folder.\n"
        "    logo: ../../etc/passwd\n"
        "  Put the file inside the practice folder and give its path from there."
    ),
    "practice-low-contrast.yaml": (
        "practice.yaml, line 14: headings and labels in the primary colour on white: a contrast of only 1.8:1 against its ground, too little for patients to read it well; 4.5:1 is needed.\n"
        '      primary: {rgb: "#7FC8D0", cmyk: [84, 35, 40, 15]}   # headings, cover, contact panel\n'
        "  Choose a darker primary colour, e.g. '#4A7479' (this text then has 5.1:1 and every other text passes too), with its CMYK from your print shop or designer."
    ),
    "practice-accent-contrast.yaml": (
        "practice.yaml, line 15: the white numbers in the circles on a handout: a contrast of only 3.2:1 against its ground, too little for patients to read it well; 4.5:1 is needed.\n"
        '      accent:  {rgb: "#D9704F", cmyk: [8, 65, 72, 0]}     # bullets, rules, the dot on the cover\n'
        "  Choose a darker accent colour, e.g. '#B45D42' (this text then has 4.5:1 and every other text passes too), with its CMYK from your print shop or designer."
    ),
    "practice-accent-gold.yaml": (
        "practice.yaml, line 15: 'Let op' and 'Stop en bel ons als' on a handout (the accent colour, darker): a contrast of only 4.0:1 against its ground, too little for patients to read it well; 4.5:1 is needed.\n"
        '      accent:  {rgb: "#D4A017", cmyk: [0, 25, 90, 15]}     # bullets, rules, the dot on the cover\n'
        "  Choose a darker accent colour, e.g. '#947010' (this text then has 7.1:1 and every other text passes too), with its CMYK from your print shop or designer."
    ),
    "practice-accent-scale.yaml": (
        "practice.yaml, line 15: the number 10 on the pressure scale of a handout: a contrast of only 4.0:1 against its ground, too little for patients to read it well; 4.5:1 is needed.\n"
        '      accent:  {rgb: "#5D4037", cmyk: [30, 55, 55, 50]}     # bullets, rules, the dot on the cover\n'
        "  Choose a lighter accent colour, e.g. '#684D45' (this text then has 4.5:1 and every other text passes too), with its CMYK from your print shop or designer."
    ),
    "practice-tint-dark.yaml": (
        "practice.yaml, line 16: body text on the tint colour (boxes, the therapist's notes, the contact panel): a contrast of only 3.8:1 against its ground, too little for patients to read it well; 4.5:1 is needed.\n"
        '      tint:    {rgb: "#5F8A86", cmyk: [40, 10, 25, 10]}       # light boxes behind text\n'
        "  Choose a lighter tint colour, e.g. '#DCE5E4' (this text then has 11.4:1 and every other text passes too), with its CMYK from your print shop or designer."
    ),
    "leaflet-ignore-no-reason.yaml": (
        "leaflets/triggerpointtherapie.yaml, line 51: 'readability': 'ignore' needs a reason.\n"
        "        readability: ignore\n"
        "  Add a line reason: saying why this block must stay as it is."
    ),
    "leaflet-reason-alone.yaml": (
        "leaflets/triggerpointtherapie.yaml, line 48: 'blocks': a reason is only for readability: ignore.\n"
        "      - id: treatment\n"
        "  Delete the line, or add readability: ignore."
    ),
    "practice-phone-missing.yaml": (
        "practice.yaml, line 2: 'phone' is missing from the file.\n"
        "    name: Praktijk De Linde\n"
        "  Add 'phone:' (phone number as it should be printed), e.g. below this line."
    ),
    "practice-smtp-port.yaml": (
        "practice.yaml, line 19: 'port' is 70000; it must be at most 65535.\n"
        "      smtp: {host: smtp.example.nl, port: 70000}\n"
        "  Change the value (the server's port, usually 587)."
    ),
}


def test_every_fixture_has_a_case() -> None:
    assert sorted(p.name for p in FIXTURES.iterdir()) == sorted(CASES)


@pytest.mark.parametrize("fixture", sorted(CASES))
def test_bad_input_is_explained_and_nothing_is_written(
    workspace: Path, run: Run, fixture: str
) -> None:
    kind = fixture.split("-")[0]
    shutil.copyfile(FIXTURES / fixture, workspace / TARGETS[kind])
    if kind == "po":  # the English labels: an English client's handout, strictly
        client = workspace / HANDOUT[1]
        client.write_text(client.read_text().replace("language: nl", "language: en"))
        command: tuple[str, ...] = (*HANDOUT, "--strict")
    elif kind in ("client", "library"):
        command = HANDOUT
    else:
        command = ("build", "triggerpointtherapie", "--print-shop")
    result = run("-C", str(workspace), *command)
    assert result.code == 2
    assert result.err == f"error: {CASES[fixture]}\n"
    assert "Traceback" not in result.err
    assert not (workspace / "out").exists() or not any((workspace / "out").rglob("*.pdf"))


@pytest.mark.parametrize(
    "fixture",
    ["leaflet-unknown-kind.yaml", "leaflet-too-long.yaml", "client-unknown-point.yaml"],
)
def test_check_reports_the_same_errors_and_writes_nothing(
    workspace: Path, run: Run, fixture: str
) -> None:
    shutil.copyfile(FIXTURES / fixture, workspace / TARGETS[fixture.split("-")[0]])
    result = run("-C", str(workspace), "check")
    assert result.code == 2
    assert result.err == f"error: {CASES[fixture]}\n"
    assert not (workspace / "out").exists()


def test_a_failed_build_keeps_the_previous_pdf_whole(workspace: Path, run: Run) -> None:
    build = ("-C", str(workspace), "build", "triggerpointtherapie", "--layout", "trifold")
    assert run(*build).code == 0
    pdf = workspace / "out/leaflets/triggerpointtherapie-nl-trifold.pdf"
    before = pdf.read_bytes()
    shutil.copyfile(FIXTURES / "leaflet-too-long.yaml", workspace / TARGETS["leaflet"])
    assert run(*build).code == 2
    assert pdf.read_bytes() == before
    assert [p.name for p in pdf.parent.iterdir()] == [pdf.name]  # no temporary file left


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["build", "triggerpunt"],
            "there is no leaflet 'triggerpunt'.\n"
            "  Did you mean 'triggerpointtherapie'? Leaflets here: spanningshoofdpijn, "
            "triggerpointtherapie.",
        ),
        (
            ["build", "--layout", "trifolt"],
            "unknown layout 'trifolt'.\n  Did you mean 'trifold'? Layouts here: booklet, "
            "large-print, screen, trifold.",
        ),
    ],
)
def test_command_mistakes(workspace: Path, run: Run, args: list[str], message: str) -> None:
    result = run("-C", str(workspace), *args)
    assert (result.code, result.err) == (2, f"error: {message}\n")


def test_no_workspace(tmp_path: Path, run: Run) -> None:
    result = run("-C", str(tmp_path), "check")
    assert result.code == 2
    assert result.err == (
        f"error: {tmp_path} holds no practice.yaml.\n"
        "  After -C, name the folder that holds practice.yaml.\n"
    )


def test_points_lists_the_library_from_head_to_foot(workspace: Path, run: Run) -> None:
    result = run("-C", str(workspace), "points")
    assert result.code == 0
    ids = sorted(p.stem for p in (workspace / "self-massage").glob("*.yaml"))
    listed = [line.split()[0] for line in result.out.splitlines() if line.startswith("  ")]
    assert sorted(listed) == ids and len(ids) >= 20
    regions = [line[:-1] for line in result.out.splitlines() if not line.startswith(" ")]
    assert regions[0] == "head" and regions[-1] == "foot"
    assert (
        "  levator-scapulae      Spier tussen nek en schouderblad (schouderbladheffer)  "
        "[Musculus levator scapulae]\n"
    ) in result.out


# -- files given to the wrong command, names that cannot work ----------------------------------


def _same_name_twice(ws: Path) -> None:
    shutil.copyfile(ws / "leaflets/spanningshoofdpijn.yaml", ws / "leaflets/spanningshoofdpijn.yml")


def _library_file_name(ws: Path) -> None:
    (ws / "self-massage/thenar.yaml").rename(ws / "self-massage/Duim Bal.yaml")


def _practice_line(field: str, value: str) -> Callable[[Path], object]:
    def prepare(ws: Path) -> None:
        path = ws / "practice.yaml"
        text = re.sub(rf"(?m)^{field}: .*$", f"{field}: {value}", path.read_text(encoding="utf-8"))
        path.write_text(text, encoding="utf-8")

    return prepare


def _arabic_in_a_dutch_leaflet(ws: Path) -> None:
    path = ws / "leaflets" / "spanningshoofdpijn.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: Spanningshoofdpijn", "title: Spanningshoofdpijn (صداع)"))


def _logo_of_3_5_mb(ws: Path) -> None:
    """A logo drawn as 60,000 tiny squares: valid SVG, but no logo needs that much."""
    squares = "".join(
        f'<rect x="{i % 250}" y="{i // 250 % 250}" width="1" height="1" fill="#1d6b70"/>'
        for i in range(60_000)
    )
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 250 250">{squares}</svg>'
    (ws / "templates" / "brand" / "logo.svg").write_text(svg, encoding="utf-8")


COMMAND_CASES = {
    "a language given by its name": (
        None,
        ("build", "spanningshoofdpijn", "--lang", "Duits"),
        "there is no translation into 'Duits'.\n"
        "  Write the language's code, de, instead of its name. Languages here: nl, ar, de, en, tr.",
    ),
    "a logo far larger than a drawing needs": (
        _logo_of_3_5_mb,
        ("build", "spanningshoofdpijn"),
        "templates/brand/logo.svg: the logo cannot be used: it is 3.5 MB, more than a drawing "
        "needs.\n  careprint prints the logo as a drawing (SVG), sharp at every size and in the "
        "print shop's colours: ask your designer for the logo as SVG made of shapes, without "
        "pictures in it, and point 'logo:' in practice.yaml at that file.",
    ),
    "Arabic letters in a Dutch leaflet": (
        _arabic_in_a_dutch_leaflet,
        ("build", "spanningshoofdpijn"),
        "leaflets/spanningshoofdpijn.yaml, line 6: the font FiraSans-Regular.ttf has no 'ص' (U+0635), "
        "so it cannot be printed.\n"
        "    title: Spanningshoofdpijn (صداع)\n"
        "  Arabic letters are printed in the Arabic editions only (a client's language: ar, a "
        "leaflet's Arabic translation); here, write it in Latin letters.",
    ),
    "a practice name too long for the handout's header": (
        _practice_line("name", "Praktijk voor Triggerpointtherapie en Manuele Therapie Van Dijk"),
        ("handout", "clients/dossier-0147.yaml"),
        "practice.yaml, line 2: the practice's name is 22 mm too wide for the handout's header.\n"
        "    name: Praktijk voor Triggerpointtherapie en Manuele Therapie Van Dijk\n"
        "  Shorten the name, or make the phone number or web address shorter.",
    ),
    "a tagline too long for the handout's header": (
        _practice_line(
            "tagline", "Triggerpointtherapie, dry needling, zelfmassage en advies op maat"
        ),
        ("handout", "clients/dossier-0388.yaml"),
        "practice.yaml, line 3: the practice's tagline is 33 mm too wide for the handout's header.\n"
        "    tagline: Triggerpointtherapie, dry needling, zelfmassage en advies op maat\n"
        "  Shorten the tagline.",
    ),
    "a leaflet given to handout": (
        None,
        ("handout", "leaflets/triggerpointtherapie.yaml"),
        "leaflets/triggerpointtherapie.yaml: this is a leaflet, not a client file.\n"
        "  careprint handout takes a client file from clients/ (name, date, therapist, points), e.g. careprint handout clients/dossier-0147.yaml; leaflets are made with careprint build.",
    ),
    "a folder given to handout": (
        None,
        ("handout", "clients"),
        "clients/ is a folder; careprint handout makes the handout of one client file.\n"
        "  Name a file in it, e.g. careprint handout clients/dossier-0147.yaml, or make all of them: careprint batch clients/",
    ),
    "practice.yaml given to handout": (
        None,
        ("handout", "practice.yaml"),
        "practice.yaml: this is the practice's file, not a client file.\n"
        "  careprint handout takes a client file from clients/ (name, date, therapist, points), e.g. careprint handout clients/dossier-0147.yaml; leaflets are made with careprint build.",
    ),
    "a PDF given to handout": (
        lambda ws: (ws / "clients/letter.pdf").write_bytes(b"%PDF-1.4\n"),
        ("handout", "clients/letter.pdf"),
        "clients/letter.pdf: this is not a YAML file (.pdf).\n"
        "  careprint handout takes a client file from clients/ (name, date, therapist, points), e.g. careprint handout clients/dossier-0147.yaml; leaflets are made with careprint build.",
    ),
    "a client file given to build": (
        None,
        ("build", "clients/dossier-0147.yaml"),
        "clients/dossier-0147.yaml: this is a client file, not a leaflet.\n"
        "  careprint build takes the name of a leaflet in leaflets/, e.g. careprint build spanningshoofdpijn.",
    ),
    "two leaflets with the same name": (
        _same_name_twice,
        ("build",),
        "leaflets/spanningshoofdpijn.yaml and leaflets/spanningshoofdpijn.yml have the same name.\n"
        "  Keep one of the two files (careprint names things after the file).",
    ),
    "a library file whose name is no id": (
        _library_file_name,
        ("points",),
        "self-massage/Duim Bal.yaml: the file name is the point's id, and 'Duim Bal' cannot be one.\n"
        "  Use lower-case letters, digits and '-' only: rename it to duim-bal.yaml (and write id: duim-bal in it).",
    ),
}


@pytest.mark.parametrize("case", sorted(COMMAND_CASES))
def test_a_file_that_cannot_work_is_said_to_be_what_it_is(
    workspace: Path, run: Run, case: str
) -> None:
    prepare, command, message = COMMAND_CASES[case]
    if prepare is not None:
        prepare(workspace)
    result = run("-C", str(workspace), *command)
    assert result.code == 2
    assert result.err == f"error: {message}\n"
    assert not (workspace / "out").exists()


def test_codes_and_addresses_are_read_as_meant(workspace: Path, run: Run) -> None:
    """'NL' is the language nl, and an address as mail programs show it is an address."""
    client = workspace / "clients" / "dossier-0147.yaml"
    text = client.read_text(encoding="utf-8")
    text = text.replace("language: nl", "language: NL")
    text = text.replace(
        "email: marieke.devries@example.org", 'email: "Marieke <marieke.devries@example.org>"'
    )
    client.write_text(text, encoding="utf-8")
    result = run("-C", str(workspace), "handout", "clients/dossier-0147.yaml", "--email")
    assert result.code == 0, result.err
    draft = next((workspace / "out" / "outbox").glob("*.eml")).read_text()
    assert "To: marieke.devries@example.org" in draft


def test_rgb_and_cmyk_far_apart_is_a_warning(workspace: Path, run: Run) -> None:
    practice = workspace / "practice.yaml"
    text = practice.read_text(encoding="utf-8")
    practice.write_text(text.replace("cmyk: [84, 35, 40, 15]", "cmyk: [0, 90, 90, 0]"), "utf-8")
    result = run("-C", str(workspace), "build", "triggerpointtherapie", "--layout", "trifold")
    assert result.code == 0
    assert result.err == (
        "warning: practice.yaml, line 14: the RGB (#1F6F78) and the CMYK (0, 90, 90, 0) of "
        "'primary' are far apart, so the print shop's edition will look different; ask your "
        "print shop or designer for the CMYK of your colour (by a simple conversion, without a "
        "colour profile, #1F6F78 is about cmyk: [74, 7, 0, 53]).\n"
    )
