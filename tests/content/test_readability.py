"""Each rule of the readability report, in each language, with the exact message; the counts
under it (sentences, words, syllables, scores) against known values."""

from __future__ import annotations

from pathlib import Path

import pytest

from careprint.content import readability as rd

ROOT = Path(__file__).parents[2]

# language, rule, a text made to break it (and only it), the message
CASES = [
    (
        "nl",
        "sentence",
        (
            "Als je pijn hebt in je nek en je schouders, kun je de spier zelf zacht "
            "masseren met twee vingers."
        ),
        (
            "a sentence of 20 words (at most 15): 'Als je pijn hebt in je nek en je "
            "schouders, kun je de spier…'"
        ),
    ),
    (
        "nl",
        "word",
        "Lees je arbeidsongeschiktheidsverzekering.",
        "the word 'arbeidsongeschiktheidsverzekering' has 33 letters (at most 20)",
    ),
    (
        "nl",
        "jargon",
        "Je hebt een chronische klacht.",
        "'chronische' is a word many patients do not know",
    ),
    (
        "nl",
        "capitals",
        "BEL METEEN DE HUISARTS.",
        "a whole sentence in capitals: 'BEL METEEN DE HUISARTS.'",
    ),
    (
        "nl",
        "score",
        (
            "Behandelingen verschillen aanzienlijk afhankelijk van persoonlijke "
            "omstandigheden. Verzekeraars vergoeden uitsluitend gedeeltelijk. "
            "Raadpleeg desgewenst aanvullende documentatie betreffende individuele "
            "behandelafspraken en eventuele consequenties."
        ),
        ("hard to read: Flesch-Douma score -86 (at least 60) for this block of 21 words"),
    ),
    (
        "en",
        "sentence",
        (
            "If you have pain in your neck and shoulders, you can gently massage the "
            "muscle with two fingers."
        ),
        (
            "a sentence of 18 words (at most 15): 'If you have pain in your neck and "
            "shoulders, you can gently…'"
        ),
    ),
    (
        "en",
        "word",
        "Read about the characteristically slow recovery.",
        "the word 'characteristically' has 18 letters (at most 15)",
    ),
    (
        "en",
        "jargon",
        "You have a chronic complaint.",
        "'chronic' is a word many patients do not know",
    ),
    (
        "en",
        "capitals",
        "CALL YOUR DOCTOR AT ONCE.",
        "a whole sentence in capitals: 'CALL YOUR DOCTOR AT ONCE.'",
    ),
    (
        "en",
        "score",
        (
            "Physiotherapy interventions demonstrate considerable variability. "
            "Insurance organisations reimburse partially. Consult additional "
            "documentation regarding individual treatment agreements and their "
            "potential consequences."
        ),
        ("hard to read: Flesch reading ease score -92 (at least 60) for this block of 20 words"),
    ),
    (
        "de",
        "sentence",
        (
            "Wenn Sie Schmerzen im Nacken und in den Schultern haben, können Sie den "
            "Muskel sanft mit zwei Fingern massieren."
        ),
        (
            "a sentence of 19 words (at most 15): 'Wenn Sie Schmerzen im Nacken und "
            "in den Schultern haben, kö…'"
        ),
    ),
    (
        "de",
        "word",
        "Lesen Sie die Berufsunfähigkeitsversicherung.",
        "the word 'Berufsunfähigkeitsversicherung' has 30 letters (at most 20)",
    ),
    (
        "de",
        "jargon",
        "Sie haben eine chronische Beschwerde.",
        "'chronische' is a word many patients do not know",
    ),
    (
        "de",
        "capitals",
        "RUFEN SIE SOFORT IHREN HAUSARZT AN.",
        "a whole sentence in capitals: 'RUFEN SIE SOFORT IHREN HAUSARZT AN.'",
    ),
    (
        "de",
        "score",
        (
            "Behandlungsmethoden unterscheiden sich beträchtlich entsprechend "
            "individueller Voraussetzungen. Versicherungen übernehmen Aufwendungen "
            "ausschließlich teilweise. Informieren Sie sich gegebenenfalls über "
            "ergänzende Vereinbarungen und mögliche Konsequenzen."
        ),
        "hard to read: Amstad score -27 (at least 50) for this block of 22 words",
    ),
    (
        "tr",
        "sentence",
        (
            "Boynunuzda ve omuzlarınızda ağrı varsa, kası iki parmağınızla yavaşça ve"
            " dikkatlice, her gün iki kez, birkaç dakika boyunca ovabilirsiniz."
        ),
        (
            "a sentence of 19 words (at most 15): 'Boynunuzda ve omuzlarınızda ağrı "
            "varsa, kası iki parmağınız…'"
        ),
    ),
    (
        "tr",
        "word",
        "Bunu anlayabileceğinizden eminiz.",
        "the word 'anlayabileceğinizden' has 20 letters (at most 18)",
    ),
    (
        "tr",
        "jargon",
        "Kronik bir şikâyetiniz var.",
        "'Kronik' is a word many patients do not know",
    ),
    (
        "tr",
        "capitals",
        "HEMEN EV DOKTORUNUZU ARAYIN.",
        "a whole sentence in capitals: 'HEMEN EV DOKTORUNUZU ARAYIN.'",
    ),
    (
        "tr",
        "score",
        (
            "Fizyoterapi uygulamalarının etkinliği kişiye özel değerlendirmelere "
            "bağlıdır. Sigorta kuruluşlarının karşılayabileceği masraflar değişkenlik"
            " göstermektedir. Ayrıntılı bilgilendirme belgelerini dikkatlice "
            "inceleyiniz. Sorularınızı terapistinize yöneltebilirsiniz."
        ),
        "hard to read: Atesman score -11 (at least 50) for this block of 21 words",
    ),
    (
        "ar",
        "sentence",
        (
            "إذا كان لديك ألم في الرقبة والكتفين يمكنك أن تدلك العضلة بلطف بإصبعين "
            "مرتين كل يوم لبضع دقائق في الصباح والمساء."
        ),
        (
            "a sentence of 21 words (at most 15): 'إذا كان لديك ألم في الرقبة "
            "والكتفين يمكنك أن تدلك العضلة بل…'"
        ),
    ),
    (
        "ar",
        "word",
        "هذه المستشفياتالجامعية كبيرة.",
        "the word 'المستشفياتالجامعية' has 18 letters (at most 12)",
    ),
    (
        "ar",
        "jargon",
        "لديك ألم مزمن في الظهر.",
        "'مزمن' is a word many patients do not know",
    ),
]


def limits(language: str) -> rd.Limits:
    jargon = (ROOT / "templates" / "readability" / f"{language}.txt").read_text("utf-8")
    return rd.limits(language, jargon=rd.parse_jargon(jargon))


@pytest.mark.parametrize(("language", "rule", "text", "message"), CASES)
def test_each_rule_in_each_language(language: str, rule: str, text: str, message: str) -> None:
    analysis = rd.analyse(text, limits(language))
    problems = list(analysis.problems)
    weak = rd.score_problem(analysis, limits(language))
    problems += [weak] if weak else []
    assert [(p.rule, p.message) for p in problems] == [(rule, message)]


def test_every_rule_is_tried_in_every_language_that_has_it() -> None:
    tried = {(language, rule) for language, rule, _, _ in CASES}
    for language in ("nl", "en", "de", "tr"):
        for rule in ("sentence", "word", "jargon", "capitals", "score"):
            assert (language, rule) in tried
    # Arabic: no capitals in its script, and no score careprint trusts
    assert {rule for language, rule in tried if language == "ar"} == {"sentence", "word", "jargon"}


def test_a_plain_text_passes_in_every_language() -> None:
    plain = {
        "nl": "Druk zacht op de plek. Houd de druk vast. Adem rustig uit. Stop als het pijn doet.",
        "en": "Press gently on the spot. Hold the pressure. Breathe out slowly. Stop if it hurts.",
        "de": "Drücken Sie sanft auf die Stelle. Halten Sie den Druck. Atmen Sie langsam aus.",
        "tr": "Noktaya hafifçe bastırın. Baskıyı tutun. Yavaşça nefes verin. Ağrı artarsa durun.",
        "ar": "اضغط برفق على المكان. حافظ على الضغط. تنفس ببطء. توقف إذا زاد الألم.",
    }
    for language, text in plain.items():
        analysis = rd.analyse(text, limits(language))
        assert analysis.problems == [], language
        assert rd.score_problem(analysis, limits(language)) is None


def test_latin_capitals_in_an_arabic_sentence_are_no_sentence_in_capitals() -> None:
    text = "قد تسبب متاعب مثل CANS أو RSI ألما."
    assert rd.analyse(text, rd.limits("ar")).problems == []


def test_a_term_explained_in_its_sentence_is_not_reported() -> None:
    rules = limits("nl")
    assert rd.analyse("Je had ooit trombose (een bloedprop in een ader).", rules).problems == []
    assert rd.analyse("Dit heet afgeleide pijn.", rules).problems == []
    seen: set[str] = set()
    first = rd.analyse("Klachten door steeds dezelfde beweging (RSI).", rules, seen)
    again = rd.analyse("Migraine of RSI kan een spier uitputten.", rules, seen)
    assert first.problems == again.problems == []  # asked once a file, and explained there


def test_the_practice_extends_the_jargon_and_the_limits() -> None:
    rules = rd.limits("nl", sentence_words=5, word_letters=8, jargon=(("fascie", ""),))
    found = rd.analyse("De fascie rond je spieren kan stijf worden.", rules).problems
    assert [p.message for p in found] == [
        "a sentence of 8 words (at most 5): 'De fascie rond je spieren kan stijf worden.'",
        "'fascie' is a word many patients do not know",
    ]


def test_sentences_end_at_a_stop_and_a_capital_only() -> None:
    text = "Bel bijv. de praktijk om 8.30 uur. Kom je? Ja!\n\nNieuwe alinea. هل تشعر بالألم؟ نعم."
    assert rd.sentences(text) == [
        "Bel bijv. de praktijk om 8.30 uur.",
        "Kom je?",
        "Ja!",
        "Nieuwe alinea.",
        "هل تشعر بالألم؟",
        "نعم.",
    ]
    assert rd.words("Mail info@praktijk.example of bel 033 000 12 34.") == ["Mail", "of", "bel"]


@pytest.mark.parametrize(
    ("word", "language", "count"),
    [
        ("spanningshoofdpijn", "nl", 4),
        ("schouder", "nl", 2),
        ("behandeling", "nl", 4),
        ("area", "en", 2),
        ("easy", "en", 2),
        ("headache", "en", 2),
        ("muscle", "en", 2),
        ("immediately", "en", 5),
        ("Arzt", "de", 1),
        ("Triggerpunkte", "de", 4),
        ("yapabileceğinizi", "tr", 8),
        ("İstanbul", "tr", 3),
    ],
)
def test_syllables(word: str, language: str, count: int) -> None:
    assert rd.syllables(word, language) == count


def test_scores_follow_their_formulas() -> None:
    # 100 words, 10 sentences, 150 syllables: ASL 10, ASW 1.5
    assert rd.score("nl", 100, 10, 150) == pytest.approx(206.835 - 9.3 - 115.5)
    assert rd.score("en", 100, 10, 150) == pytest.approx(206.835 - 10.15 - 126.9)
    assert rd.score("de", 100, 10, 150) == pytest.approx(180 - 10 - 87.75)
    assert rd.score("tr", 100, 10, 150) == pytest.approx(198.825 - 60.2625 - 26.1)
    assert rd.score("ar", 100, 10, 150) is None


def test_a_short_text_gets_a_score_but_never_a_finding_for_it() -> None:
    analysis = rd.analyse("Verzekeringsmaatschappij.", rd.limits("nl", word_letters=40))
    assert analysis.score is not None and analysis.score < 0
    assert rd.score_problem(analysis, rd.limits("nl")) is None
