"""Every text the app shows, in one place (Dutch, the practice's language), so the app can be
translated later the way the labels are. Templates use them as ``t.key``."""

from __future__ import annotations

NL: dict[str, str] = {
    # the frame of every page
    "app": "careprint",
    "skip": "Naar de inhoud",
    "nav": "Hoofdmenu",
    "nav_clients": "Cliënten",
    "nav_new": "Nieuwe handout",
    "nav_leaflets": "Folders",
    "nav_library": "Bibliotheek",
    "logout": "Afmelden",
    "footer": "careprint draait alleen op deze computer; niets gaat naar internet behalve de "
    "e-mails die u zelf verstuurt.",
    # login
    "login_title": "Aanmelden",
    "login_intro": "Deze app is beveiligd met het wachtwoord van de praktijk.",
    "password": "Wachtwoord",
    "login": "Aanmelden",
    "login_wrong": "Dat wachtwoord klopt niet. Probeer het opnieuw.",
    "login_wait": "Te veel pogingen. Wacht {minutes} minuten en probeer het dan opnieuw.",
    # clients
    "clients_title": "Cliënten",
    "clients_intro": "De handouts van uw cliënten, het nieuwste consult bovenaan.",
    "search_dossier": "Zoek op dossiernummer",
    "search": "Zoeken",
    "clear": "Alles tonen",
    "new_handout": "Nieuwe handout",
    "from_set": "Of begin met een opgeslagen set:",
    "col_dossier": "Dossier",
    "col_date": "Consult",
    "col_language": "Taal",
    "col_points": "Punten",
    "col_email": "E-mail",
    "edit": "Openen",
    "no_clients": "Nog geen cliënten.",
    "no_match": "Geen dossier gevonden met '{q}'.",
    "state_drafted": "Klaargezet als concept op {when}",
    "state_sent": "Verstuurd op {when}",
    "state_sending": "Versturen begonnen op {when}, niet bevestigd",
    "state_none": "Nog niet gemaild",
    "state_no-email": "Geen e-mailadres",
    "state_error": "Fout in het bestand",
    # the handout form
    "handout_new": "Nieuwe handout",
    "handout_edit": "Handout {dossier}",
    "client": "Cliënt",
    "dossier": "Dossiernummer",
    "dossier_hint": "Kleine letters, cijfers en streepjes, bijvoorbeeld dossier-0147. "
    "Dit wordt de bestandsnaam; nooit de naam van de cliënt.",
    "dossier_fixed": "Het dossiernummer van een bestaande handout blijft hetzelfde.",
    "dossier_bad": "Gebruik alleen kleine letters, cijfers en '-', bijvoorbeeld dossier-0147.",
    "dossier_taken": "Er is al een handout met dit dossiernummer. Kies een ander nummer, of "
    "open die handout vanuit de lijst.",
    "name": "Naam",
    "name_hint": "Zoals de naam op de handout moet staan.",
    "email": "E-mailadres",
    "email_hint": "Niet verplicht; nodig om de handout te mailen.",
    "language": "Taal van de handout",
    "date": "Datum van het consult",
    "therapist": "Therapeut",
    "fillable": "Weekschema invullen op telefoon of computer",
    "fillable_default": "Zoals ingesteld voor de praktijk",
    "fillable_yes": "Ja, invulbaar",
    "fillable_no": "Nee, alleen op papier",
    "fillable_hint": "Invulbaar: de cliënt vinkt af en vult de pijn in, in de PDF, en mailt die "
    "terug. Afgedrukt ziet de handout er hetzelfde uit.",
    "notes": "Uw toelichting voor de cliënt",
    "notes_hint": "Komt op de eerste pagina van de handout.",
    "points": "Punten",
    "map": "Lichaamskaart",
    "map_hint": "Klik op een punt om het toe te voegen. Met de Tab-toets en Enter gaat het ook.",
    "view_front": "Voorkant",
    "view_back": "Achterkant",
    "view_side": "Zijkant",
    "view_head": "Hoofd",
    "search_points": "Zoek een punt op spier, klacht of lichaamsdeel",
    "search_points_hint": "Bijvoorbeeld: nek, hoofdpijn, kuit.",
    "add": "Toevoegen",
    "added": "gekozen",
    "no_points_found": "Geen punten gevonden.",
    "chosen": "Gekozen punten, in de volgorde van de handout",
    "none_chosen": "Nog geen punten gekozen. Klik op de lichaamskaart of zoek een punt.",
    "up": "Omhoog",
    "down": "Omlaag",
    "remove": "Verwijderen",
    "side": "Kant",
    "side_both": "Beide kanten",
    "side_left": "Links",
    "side_right": "Rechts",
    "hold": "Vasthouden",
    "hold_hint": "seconden, max. {n}",
    "repeats": "Herhalen",
    "repeats_hint": "keer, max. {n}",
    "per_day": "Per dag",
    "per_day_hint": "keer, max. {n}",
    "rest_days": "Rustdagen",
    "rest_days_hint": "per week",
    "point_note": "Tip bij dit punt",
    "practise_first": "eerst oefenen in de praktijk",
    "instruction_first": "Let op: alleen meegeven als de cliënt dit punt eerst in de praktijk "
    "heeft geoefend.",
    "set_save": "Bewaar deze punten als set",
    "set_name": "Naam van de set",
    "set_name_hint": "Bijvoorbeeld: Nek en schouders, beeldschermwerk",
    "set_saved": "De set '{name}' is bewaard.",
    "set_name_missing": "Geef de set een naam.",
    "set_no_points": "Kies eerst punten; een set zonder punten wordt niet bewaard.",
    "set_started": "Begonnen met de set '{name}'. Vul de gegevens van de cliënt in.",
    "save": "Opslaan",
    "saved": "Opgeslagen in {file}.",
    "refresh": "Voorbeeld vernieuwen",
    "not_saved": "Niet opgeslagen: er staat nog een fout in het formulier.",
    "errors_intro": "Nog niet in orde:",
    "other_problem": "Er is een probleem buiten dit formulier:",
    "stale": "Niet opgeslagen: dit bestand is veranderd sinds u het opende (in een editor "
    "of in een ander venster). Uw invoer staat nog hieronder; er is niets verloren.",
    "stale_fields": "Op schijf veranderd: {fields}.",
    "stale_gone": "Niet opgeslagen: het bestand is intussen verwijderd. Uw invoer staat nog "
    "hieronder.",
    "stale_reload": "De nieuwe versie openen (uw wijzigingen vervallen)",
    "stale_overwrite": "Mijn versie toch opslaan, over de nieuwe heen",
    "field_name": "naam",
    "field_email": "e-mailadres",
    "field_language": "taal",
    "field_date": "datum",
    "field_therapist": "therapeut",
    "field_fillable": "weekschema invullen",
    "field_points": "punten",
    "field_notes": "toelichting",
    # preview
    "preview": "Voorbeeld",
    "preview_hint": "Zo ziet de handout eruit. Het voorbeeld volgt uw wijzigingen.",
    "preview_page": "Pagina {page} van {pages} van de handout",
    "preview_rtl": "Deze handout leest van rechts naar links.",
    "preview_none": "Nog geen voorbeeld: kies minstens één punt en vul de gegevens in.",
    "preview_error": "Geen voorbeeld: er staat een fout in het formulier.",
    "preview_stale": "Het voorbeeld is niet bijgewerkt: er staat een fout bij {field}.",
    "preview_other": "Het voorbeeld is niet bijgewerkt: er is een probleem buiten het "
    "formulier (zie hieronder).",
    "point_n": "punt {n}",
    "field_at_point": "{field} van punt {n}",
    "point_maximum": "Voor dit punt hoogstens {n}.",
    "to_error": "Naar de fout",
    # returned handouts (careprint progress)
    "returned": "Teruggestuurde weeklijsten",
    "returned_hint": "Sleep hier de ingevulde handouts die de cliënt terugmailde (PDF), of kies "
    "ze. Alleen vinkjes en pijnscores worden bewaard; de vragen van de cliënt leest u in de PDF "
    "zelf.",
    "returned_files": "Ingevulde handouts (PDF)",
    "returned_drop": "Sleep de PDF's hierheen",
    "returned_add": "Lezen",
    "returned_read": "{file}: {ticked} keer afgevinkt, {scores} pijnscore(s) gelezen.",
    "returned_before": "{file}: al eerder gelezen op {when}; telt één keer.",
    "returned_questions": "{file}: de cliënt schreef er vragen in. Open de PDF om ze te lezen.",
    "returned_left_out": "{file}: niet meegeteld: {what}.",
    "returned_none": "Kies eerst een of meer PDF's.",
    "returned_too_big": "{file} is groter dan 20 MB; dat is geen handout van careprint.",
    "returned_chart": "Voortgang: keren gemasseerd per week tegen het plan, en de pijn per dag",
    "returned_no_chart": "Nog geen teruggestuurde weeklijsten gelezen.",
    "returned_pdf": "Voortgang als PDF",
    # email, download, print
    "deliver": "Mailen, downloaden en afdrukken",
    "deliver_hint": "Dit gebruikt de opgeslagen versie van de handout.",
    "email_send": "E-mail de handout",
    "encrypt": "Beveilig de PDF met een wachtwoord",
    "encrypt_hint": "U krijgt het wachtwoord één keer te zien; geef het telefonisch of per "
    "sms door, nooit in dezelfde e-mail.",
    "email_drafted": "De e-mail staat klaar als concept: {file}. Open het bestand in uw "
    "e-mailprogramma en druk op Verzenden.",
    "email_sent": "De handout is verstuurd naar het e-mailadres van de cliënt.",
    "email_before_drafted": "Deze handout is al als concept klaargezet op {when}. Er is niets "
    "opnieuw verstuurd.",
    "email_before_sent": "Deze handout is al verstuurd op {when}. Er is niets opnieuw verstuurd.",
    "email_again": "Toch opnieuw versturen",
    "email_twice": "Deze e-mail is zojuist al gemaakt (dubbel geklikt); er is maar één verstuurd.",
    "email_twice_password": "Het wachtwoord is getoond bij de eerste klik. Ziet u het niet? "
    "Verstuur de handout dan opnieuw met een nieuw wachtwoord.",
    "email_no_address": "Deze cliënt heeft geen e-mailadres. Vul het in en sla op.",
    "email_save_first": "Sla de handout eerst op; daarna kunt u hem mailen.",
    "password_title": "Wachtwoord van de PDF",
    "password_intro": "Geef dit wachtwoord telefonisch of per sms aan de cliënt, nooit in "
    "dezelfde e-mail. careprint bewaart het niet: schrijf het nu op als u het nodig heeft.",
    "password_close": "Ik heb het wachtwoord genoteerd",
    "download": "Download de PDF",
    "print": "Afdrukken",
    "print_hint": "Opent de PDF in een nieuw tabblad; druk daar af.",
    # leaflets
    "leaflets_title": "Folders",
    "leaflets_intro": "Elke folder in elke opmaak en taal. 'Alles maken' maakt ze allemaal, "
    "met de versie voor de drukker.",
    "build_all": "Alles maken",
    "build_one": "Maken",
    "building": "Bezig met maken: {done} van {total}",
    "built": "Klaar: {done} gemaakt",
    "built_errors": "{failed} niet gelukt:",
    "file_office": "Kantoorprinter",
    "file_imposed": "Boekje om te vouwen",
    "file_print": "Drukkerij",
    "not_built": "Nog niet gemaakt.",
    "thumb_alt": "Eerste pagina van {leaflet}, {layout}, {language}",
    "layout": "Opmaak",
    "check_title": "Controle van alle bestanden",
    "check_intro": "Controleert elke folder in elke opmaak en taal, de bibliotheek en elke "
    "handout. Er wordt niets gemaakt of veranderd.",
    "check_run": "Alles controleren",
    "checking": "Bezig met controleren: {done} gecontroleerd",
    "checked_ok": "Alles in orde ({done} controles).",
    "checked_errors": "{failed} van {done} controles vonden een fout:",
    "translations_title": "Vertalingen",
    "translations_intro": "Hoe ver elke taal is, per bestand.",
    "col_file": "Bestand",
    "col_translated": "Vertaald",
    "col_fuzzy": "Na te kijken",
    "col_missing": "Ontbreekt",
    "complete": "compleet",
    "incomplete": "nog niet compleet",
    "job_refresh": "Vernieuwen",
    "readability_title": "Leesbaarheid",
    "readability_intro": "Hoe makkelijk elke tekst te lezen is, per taal: de score (hoger is "
    "makkelijker; een blok onder 60, in het Duits en Turks onder 50, is moeilijk), de langste "
    "zin en wat beter kan. 'careprint check' noemt bij elk punt het bestand en de regel.",
    "col_text": "Tekst",
    "col_score": "Score",
    "col_longest": "Langste zin",
    "col_findings": "Om te verbeteren",
    "words": "{n} woorden",
    "no_score": "geen score",
    "readable": "goed leesbaar",
    "to_improve": "{n} om te verbeteren",
    "show_findings": "Toon wat beter kan",
    # library
    "library_title": "Bibliotheek",
    "library_intro": "De zelfmassage-instructies van de praktijk, van hoofd tot voet.",
    "region": "Lichaamsdeel",
    "complaints": "Helpt vaak bij",
    "where": "Waar vind je het punt?",
    "how": "Hoe masseer je het?",
    "dosage": "Dosering",
    "pressure": "Druk: {target} van 10, stop bij {stop}",
    "dosage_value": "{hold} seconden vasthouden, {repeats} keer, {per_day} keer per dag; "
    "rustdagen per week: {rest_days}",
    "maximum_value": "Hoogstens: {hold} seconden, {repeats} keer, {per_day} keer per dag",
    "avoid": "Niet doen",
    "stop_if": "Stop en bel de praktijk als",
    "urgent_if": "Stop en bel direct de huisarts, de huisartsenpost of 112 als",
    "diagram_alt": "Lichaamskaart ({view}): waar je drukt en waar de pijn vaak zit",
    "back_to_library": "Terug naar de bibliotheek",
    "readability_point": "Hoe makkelijk deze tekst te lezen is, per taal (hoger is makkelijker).",
    # errors
    "error_title": "Er ging iets mis",
    "not_found": "Deze pagina bestaat niet.",
    "forbidden": "Dit formulier is verlopen of komt niet van deze app. Laad de pagina opnieuw "
    "en probeer het nog eens.",
    "bug": "careprint liep tegen een eigen probleem aan (geen fout van u). Probeer het "
    "opnieuw; blijft het gebeuren, meld het dan aan wie careprint beheert.",
    "home": "Naar de cliënten",
}

REGIONS = {
    "head": "hoofd",
    "neck": "nek",
    "shoulder": "schouder",
    "arm": "arm",
    "back": "rug",
    "hip": "heup",
    "leg": "been",
    "foot": "voet",
}

LANGUAGES = {
    "nl": "Nederlands",
    "en": "Engels",
    "de": "Duits",
    "tr": "Turks",
    "ar": "Arabisch",
}


# careprint's located messages for the fields of the handout form, said in the app's
# language (a message not listed here is shown as careprint gives it)
MESSAGES: list[tuple[str, str]] = [
    (r"'\w+' is empty\.", "Vul dit in."),
    (r"'\w+' should be a whole number, not .*", "Vul een heel getal in."),
    (r"'\w+' should be a date, not .*", "Vul een datum in, bijvoorbeeld 24-11-2026."),
    (r"'\w+' is .*, a day that does not exist\.", "Deze datum bestaat niet."),
    (r"'\w+' is -?\d+; it must be at most (\d+)\.", "Dit mag hoogstens {0} zijn."),
    (r"'\w+' is -?\d+; it must be at least (\d+)\.", "Dit moet minstens {0} zijn."),
    (
        r"'\w+' is \d+, more than the most '[\w-]+' allows \((\d+)\)\.",
        "Voor dit punt hoogstens {0}.",
    ),
    (r"'email': this is not an email address.*", "Dit is geen e-mailadres (naam@domein.nl)."),
    (r"unknown side '.*'\.", "Kies links, rechts of beide kanten."),
    (r"there is no translation into '.*'\.", "Voor deze taal is er geen vertaling."),
    (r"there is no point '.*' in the library\.", "Dit punt staat niet in de bibliotheek."),
    (r"'[\w-]+' is chosen twice.*", "Dit punt staat er al in, met dezelfde kant."),
    (
        r"the font .* has no (.*), so it cannot be printed\.",
        "Het lettertype heeft geen {0}: vervang dat teken.",
    ),
    (
        r"the instructions for '[\w-]+' do not fit on two pages: (\d+) mm too long\.",
        "De tip maakt de uitleg van dit punt te lang ({0} mm): maak hem korter.",
    ),
]


def said(message: str, fix: str) -> str:
    """A located message about a form field, in the app's language where it is known."""
    import re

    for pattern, text in MESSAGES:
        found = re.fullmatch(pattern, message)
        if found:
            return text.format(*found.groups())
    message = message[:1].upper() + message[1:]
    return f"{message} {fix}".strip()


def texts() -> dict[str, str]:
    """The app's texts (one language for now: the practice's, Dutch)."""
    return NL
