"""Translations: export, fill, build, change the source, status; fallbacks, strictness, errors."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from careprint.content import i18n
from careprint.content.models import Plural
from tests.conftest import Run
from tests.pdftools import page_texts, region_text

LEAFLET = "translations/fr/triggerpointtherapie.po"
LABELS = "translations/fr/labels.po"


@pytest.fixture
def fresh(workspace: Path) -> Path:
    """The example practice without its shipped translations."""
    shutil.rmtree(workspace / "translations", ignore_errors=True)
    return workspace


def catalog(path: Path) -> Catalog:
    return i18n.read(path, path.name, "fr")


def fill(path: Path, translations: dict[str, str | tuple[str, ...]]) -> None:
    found = catalog(path)
    for message in found:
        if message.context in translations:
            message.string = translations[message.context]
    path.write_bytes(i18n.write(found))


def test_export_fills_build_and_reopen(fresh: Path, run: Run) -> None:
    result = run("-C", str(fresh), "translate", "export", "--lang", "fr")
    assert result.code == 0, result.err
    assert f"{LEAFLET}: 21 texts; 21 new, 0 changed (fuzzy), 0 no longer used" in result.out
    entry = catalog(fresh / LEAFLET).get(
        "Welke klachten geven triggerpoints?", context="triggerpointtherapie:symptoms:heading"
    )
    assert entry is not None and entry.string == ""
    assert any("panel 2" in comment for comment in entry.auto_comments)
    fill(
        fresh / LEAFLET,
        {
            "triggerpointtherapie:title": "Thérapie des points gâchettes",
            "triggerpointtherapie:symptoms:heading": "Quels symptômes donnent-ils ?",
            "triggerpointtherapie:treatment:heading": "Quand le traitement est-il utile ?",
        },
    )
    built = run(
        "-C", str(fresh), "build", "triggerpointtherapie", "--layout", "trifold", "--lang", "fr"
    )
    assert built.code == 0, built.err
    assert "warning: translations/fr/triggerpointtherapie.po: 18 not translated" in built.err
    pdf = fresh / "out/leaflets/triggerpointtherapie-fr-trifold.pdf"
    assert "Thérapie des points gâchettes" in region_text(pdf, 0, 197, 297)  # the cover
    panel2 = region_text(pdf, 1, 0, 100)
    assert "Quels symptômes donnent-ils ?" in panel2
    assert "Welke klachten" not in panel2
    assert "Quand le traitement est-il utile ?" in region_text(pdf, 1, 200, 297)  # panel 4


def test_a_changed_source_text_turns_fuzzy_and_status_shows_it(fresh: Path, run: Run) -> None:
    run("-C", str(fresh), "translate", "export", "--lang", "fr")
    fill(fresh / LEAFLET, {"triggerpointtherapie:symptoms:heading": "Quels symptômes ?"})
    leaflet = fresh / "leaflets/triggerpointtherapie.yaml"
    leaflet.write_text(
        leaflet.read_text().replace(
            "Welke klachten geven triggerpoints?", "Wat voor klachten geven triggerpoints?"
        )
    )
    result = run("-C", str(fresh), "translate", "export", "--lang", "fr")
    assert f"{LEAFLET}: 21 texts; 0 new, 1 changed (fuzzy), 0 no longer used" in result.out
    entry = catalog(fresh / LEAFLET).get(
        "Wat voor klachten geven triggerpoints?", context="triggerpointtherapie:symptoms:heading"
    )
    assert entry is not None and entry.fuzzy and entry.string == "Quels symptômes ?"
    assert entry.previous_id == ["Welke klachten geven triggerpoints?"]
    status = run("-C", str(fresh), "translate", "status", "--lang", "fr")
    assert re.search(r"triggerpointtherapie\.po\s+0\s+1\s+20\n", status.out), status.out
    built = run(
        "-C", str(fresh), "build", "triggerpointtherapie", "--layout", "trifold", "--lang", "fr"
    )
    assert "1 to be checked (fuzzy)" in built.err
    pdf = fresh / "out/leaflets/triggerpointtherapie-fr-trifold.pdf"
    assert "Wat voor klachten geven triggerpoints?" in region_text(pdf, 1, 0, 100)  # Dutch


def test_a_removed_text_is_kept_as_obsolete(fresh: Path, run: Run) -> None:
    run("-C", str(fresh), "translate", "export", "--lang", "fr")
    fill(fresh / LEAFLET, {"triggerpointtherapie:subtitle": "Mal aux muscles ?"})
    leaflet = fresh / "leaflets/triggerpointtherapie.yaml"
    leaflet.write_text(
        "\n".join(line for line in leaflet.read_text().splitlines() if "subtitle:" not in line)
    )
    result = run("-C", str(fresh), "translate", "export", "--lang", "fr")
    assert f"{LEAFLET}: 20 texts; 0 new, 0 changed (fuzzy), 1 no longer used" in result.out
    assert '#~ msgstr "Mal aux muscles ?"' in (fresh / LEAFLET).read_text()


def test_strict_fails_on_a_missing_translation(fresh: Path, run: Run) -> None:
    run("-C", str(fresh), "translate", "export", "--lang", "fr")
    result = run(
        "-C",
        str(fresh),
        "build",
        "triggerpointtherapie",
        "--layout",
        "trifold",
        "--lang",
        "fr",
        "--strict",
    )
    assert result.code == 2
    assert result.err.startswith(f"error: {LEAFLET}, line ")
    assert "21 not translated: these texts would be printed in the source language." in result.err
    assert "careprint translate export --lang fr" in result.err
    assert not (fresh / "out/leaflets").exists() or not any((fresh / "out/leaflets").iterdir())


def test_a_dropped_placeholder_falls_back_with_a_warning(fresh: Path, run: Run) -> None:
    run("-C", str(fresh), "translate", "export", "--lang", "fr")
    client = fresh / "clients/dossier-0147.yaml"
    client.write_text(client.read_text().replace("language: nl", "language: fr"))
    fill(fresh / LABELS, {"labels:handout:title": "Automassage pour vous"})
    result = run("-C", str(fresh), "handout", "clients/dossier-0147.yaml")
    assert result.code == 0, result.err
    assert "without the placeholder {name}" in result.err
    pdf = fresh / "out/handouts/dossier-0147-2026-11-24.pdf"
    assert "Zelfmassage voor Marieke de Vries" in page_texts(pdf)[0]


def test_a_translation_that_does_not_fit_names_language_file_entry_and_block(
    fresh: Path, run: Run
) -> None:
    run("-C", str(fresh), "translate", "export", "--lang", "fr")
    fill(fresh / LEAFLET, {"triggerpointtherapie:symptoms:text": "Beaucoup de texte. " * 120})
    result = run(
        "-C", str(fresh), "build", "triggerpointtherapie", "--layout", "trifold", "--lang", "fr"
    )
    assert result.code == 2
    line = next(
        i
        for i, text in enumerate((fresh / LEAFLET).read_text().splitlines(), start=1)
        if text == 'msgctxt "triggerpointtherapie:symptoms:text"'
    )
    assert result.err.startswith(
        f"error: {LEAFLET}, line {line}: in French (fr), block 'symptoms' does not fit: the text "
        "runs "
    )
    assert '\n    msgctxt "triggerpointtherapie:symptoms:text"\n' in result.err
    assert "Shorten the translation of this block by about" in result.err


def test_a_character_the_font_lacks_names_file_line_and_font(fresh: Path, run: Run) -> None:
    run("-C", str(fresh), "translate", "export", "--lang", "fr")
    fill(fresh / LEAFLET, {"triggerpointtherapie:title": "Thérapie ✓"})
    result = run(
        "-C", str(fresh), "build", "triggerpointtherapie", "--layout", "trifold", "--lang", "fr"
    )
    assert result.code == 2
    assert (
        "the font FiraSans-Regular.ttf has no '✓' (U+2713), so this translation cannot be printed."
        in result.err
    )
    assert result.err.startswith(f"error: {LEAFLET}, line ")


def test_a_damaged_po_file_is_an_error_with_its_line(fresh: Path, run: Run) -> None:
    run("-C", str(fresh), "translate", "export", "--lang", "fr")
    path = fresh / LEAFLET
    lines = path.read_text().splitlines()
    index = next(i for i, text in enumerate(lines) if text.startswith("msgstr ") and i > 20)
    lines[index] = lines[index].replace("msgstr", "msgstrr")
    path.write_text("\n".join(lines) + "\n")
    result = run(
        "-C", str(fresh), "build", "triggerpointtherapie", "--layout", "trifold", "--lang", "fr"
    )
    assert result.code == 2
    assert result.err == (
        f"error: {LEAFLET}, line {index + 1}: the translation file is damaged ('msgstrr' is not "
        "a keyword of a PO file).\n"
        f"    {lines[index]}\n"
        "  Open it in a PO editor (e.g. Poedit), which shows and repairs the mistake; or compare "
        "the entry with the ones around it: msgctxt, msgid, msgstr, each text in double quotes.\n"
    )


def test_an_unknown_language(workspace: Path, run: Run) -> None:
    result = run("-C", str(workspace), "build", "--lang", "fy")
    assert result.code == 2
    assert result.err.startswith("error: there is no translation into 'fy'.\n")
    assert "careprint translate export --lang fy" in result.err


def test_arabic_plural_forms_follow_its_rule() -> None:
    source = Plural(one="{n} seconde", other="{n} seconden")
    ar = Catalog(locale="ar")
    forms = tuple(f"form{i} {{n}}" for i in range(6))
    ar.add(("{n} seconde", "{n} seconden"), forms, context="labels:handout:seconds")
    tr = i18n.Translator(ar, "translations/ar/labels.po", "ar")
    plural = tr.plural("labels:handout:seconds", source)
    assert ar.num_plurals == 6
    # zero, one, two and a few (3-10) are the first four forms in every version of the rule;
    # 11-99 and 100-102 take the last two, in an order that Babel versions write differently
    assert [plural.format(n) for n in (0, 1, 2, 5)] == ["form0 0", "form1 1", "form2 2", "form3 5"]
    assert {plural.format(30)[:5], plural.format(100)[:5]} == {"form4", "form5"}
    assert plural.format(31)[:5] == plural.format(30)[:5]
