"""Hyphenation patterns: parsed once, kept in the user's cache folder, one file a dictionary."""

from __future__ import annotations

from pathlib import Path

import pyphen
import pytest

from careprint.layout import styles


def test_parsed_patterns_are_kept_once_per_dictionary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    dictionary = Path(pyphen.LANGUAGES["nl_NL"])
    folder = tmp_path / "careprint"
    folder.mkdir()
    stale = folder / f"hyph-{dictionary.stem}-1-1.pickle"  # an earlier version's patterns
    stale.write_bytes(b"not patterns")

    made = styles._patterns(dictionary)
    kept = list(folder.glob("*.pickle"))
    assert len(kept) == 1 and kept[0] != stale
    again = styles._patterns(dictionary)  # read back from the cache
    word = "spanningshoofdpijn"
    assert again.inserted(word) == made.inserted(word) == "span-nings-hoofd-pijn"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kijk op https://www.praktijk-voorbeeld.nl/zelfhulp/oefeningen-voor-thuis", None),
        ("Een arbeidsongeschiktheidsverzekeringsmaatschappij belt.", "-"),
    ],
)
def test_a_word_wider_than_the_line_is_broken_not_run_over_the_edge(
    text: str, expected: str | None
) -> None:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from careprint.layout.rtl import para

    style = ParagraphStyle(
        "body", fontName="Helvetica", fontSize=10, leading=12,
        hyphenationLang=styles.hyphenator("nl"), hyphenationMinWordLength=12,
        embeddedHyphenation=1,
    )  # fmt: skip
    room = 40 * 72 / 25.4  # a 40 mm column
    paragraph = para(text, style)
    paragraph.wrap(room, 1000)
    lines = [" ".join(words) for _, words in paragraph.blPara.lines]  # plain text: (space, words)
    assert len(lines) > 2
    assert all(stringWidth(line, "Helvetica", 10) <= room + 0.01 for line in lines)
    joined = "".join(line.removesuffix("-") if expected else line for line in lines)
    assert joined.replace(" ", "") == text.replace(" ", "")
