"""Arabic: shaped, in reading order when extracted, right-aligned, the sheet mirrored."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from careprint.content import i18n
from careprint.layout.rtl import Word, visual
from careprint.workspace import Workspace
from tests.pdftools import MM, char_boxes

AR = "out/leaflets/triggerpointtherapie-ar-trifold.pdf"


@pytest.fixture(scope="module")
def arabic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from careprint.cli import main
    from tests.conftest import copy_workspace

    ws = copy_workspace(tmp_path_factory.mktemp("arabic") / "practice")
    args = ["build", "triggerpointtherapie", "--layout", "trifold", "--lang", "ar", "--strict"]
    assert main(["-C", str(ws), *args]) == 0
    return ws


def translation(ws: Path, context: str) -> str:
    tr = Workspace(ws).translator("ar", "triggerpointtherapie")
    assert tr.catalog is not None
    message = next(m for m in tr.catalog if m.context == context)
    return str(message.string)


def logical_text(pdf: Path, page: int) -> str:
    """The page's text as extracted, letters only (extractors differ in where they put spaces)."""
    text = PdfReader(pdf).pages[page].extract_text()
    return "".join(unicodedata.normalize("NFKC", text).split())


def letters(text: str) -> str:
    return "".join(text.split())


def test_arabic_extracts_in_reading_order(arabic: Path) -> None:
    text = logical_text(arabic / AR, 1)
    heading = translation(arabic, "triggerpointtherapie:symptoms:heading")
    assert any("\u0600" <= ch <= "\u06ff" for ch in heading)
    assert letters(heading) in text
    assert letters(heading)[::-1] not in text
    words = translation(arabic, "triggerpointtherapie:symptoms:text").split()[:6]
    assert letters(" ".join(words)) in text


def test_each_line_is_marked_with_its_logical_text(arabic: Path) -> None:
    content = PdfReader(arabic / AR).pages[1].get_contents()
    assert content is not None
    spans = re.findall(rb"/ActualText <FEFF([0-9A-F]+)>", content.get_data())
    lines = [bytes.fromhex(span.decode()).decode("utf-16-be") for span in spans]
    heading = translation(arabic, "triggerpointtherapie:symptoms:heading")
    assert any(line in heading and len(line) > 8 for line in lines)


def test_lines_are_right_aligned_in_their_panel(arabic: Path) -> None:
    """Read from the pixels: every line of panel 2 ends at the same right edge, starts anywhere."""
    import pypdfium2 as pdfium

    scale = 2.0
    doc = pdfium.PdfDocument(arabic / AR)
    try:
        image = doc[1].render(scale=scale, grayscale=True).to_pil()
    finally:
        doc.close()
    px = scale * MM  # pixels per mm
    # mirrored sheet: panel 2, read first, is the right-hand third of the inside (197-297 mm)
    left, right = int(197 * px), int(297 * px)
    panel = image.crop((left, 0, right, image.size[1])).point(lambda v: 255 if v < 110 else 0)
    data, width = panel.tobytes(), panel.size[0]
    ink_rows: list[tuple[int, int, int]] = []  # row, leftmost and rightmost ink
    for y in range(panel.size[1]):
        row = data[y * width : (y + 1) * width]
        if b"\xff" in row:
            ink_rows.append((y, left + row.find(b"\xff"), left + row.rfind(b"\xff")))
    lines: list[list[tuple[int, int, int]]] = []
    for row in ink_rows:
        if lines and row[0] - lines[-1][-1][0] <= 2:
            lines[-1].append(row)
        else:
            lines.append([row])
    ends = [max(r[2] for r in line) / px for line in lines if len(line) > 8]
    starts = [min(r[1] for r in line) / px for line in lines if len(line) > 8]
    assert len(ends) >= 15
    edge = max(ends)
    assert edge <= 297 - 9 + 0.5  # the panel's margin before the trim
    assert sum(abs(end - edge) < 1.5 for end in ends) >= 0.9 * len(ends), ends
    assert max(starts) - min(starts) > 15  # ragged left


def test_the_arabic_sheet_is_mirrored(arabic: Path) -> None:
    title = translation(arabic, "triggerpointtherapie:title")
    cover = [b for ch, b in char_boxes(arabic / AR, 0)]
    # the cover is the left third of the outside, where Dutch has its flap
    first_word = title.split()[0]
    text = logical_text(arabic / AR, 0)
    assert letters(first_word) in text
    left_third = [b for b in cover if b[2] < 100 * MM and b[1] > 55 * MM]  # above the logo band
    assert left_third, "the title should be on the left third"


def test_fonts_are_the_arabic_pair_embedded(arabic: Path) -> None:
    from tests.pdftools import fonts

    used = fonts(arabic / AR)
    assert {name.split("+")[1] for name in used} == {
        "IBMPlexSansArabic-Regular",
        "IBMPlexSansArabic-Bold",
    }


def test_words_in_visual_order() -> None:
    font = "Helvetica"
    words = [
        Word(t, font, 12) for t in ["اتصل", "بنا", "033", "000", "12", "34", "أو", "info@x.nl"]
    ]
    order = [words[i].text for i in visual(words)]
    # right to left: Arabic words reversed, the phone number's groups kept in their order
    assert order == ["info@x.nl", "أو", "033", "000", "12", "34", "بنا", "اتصل"]


def test_direction_from_locale_data() -> None:
    assert i18n.direction("ar") == "rtl"
    assert i18n.direction("tr") == "ltr"


@pytest.mark.parametrize(
    "word, shown", [("112؟", "؟112"), ("(0-10)", "(0-10)"), ("10.", ".10"), ("033", "033")]
)
def test_numbers_keep_their_signs_on_the_reading_side(word: str, shown: str) -> None:
    from careprint.layout.rtl import _numeral

    assert _numeral(word) == shown


def rtl_line(text: str) -> Path:
    """A PDF with one right-to-left paragraph of ``text`` in the Arabic font (plain path)."""
    import tempfile

    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import SimpleDocTemplate

    from careprint.layout.rtl import make_rtl, para
    from careprint.render import fonts
    from tests.conftest import ROOT

    faces = [
        fonts.register((ROOT / "fonts" / name).read_bytes(), f"fonts/{name}", fast=False)
        for name in ("IBMPlexSansArabic-Regular.ttf", "IBMPlexSansArabic-Bold.ttf")
    ]
    family = fonts.pair(*faces)
    style = make_rtl(ParagraphStyle("t", fontName=family.regular, fontSize=14, leading=20))
    path = Path(tempfile.mkdtemp()) / "line.pdf"
    SimpleDocTemplate(str(path)).build([para(text, style)])
    return path


def shown(path: Path) -> list[tuple[float, bytes]]:
    """Each string the first page shows, in drawing order, with the x where it starts (the
    text origin set before it). Digits and Latin letters keep their own codes in a subset."""
    import pikepdf

    found = []
    x = 0.0
    with pikepdf.open(path) as pdf:
        for operands, operator in pikepdf.parse_content_stream(pdf.pages[0]):
            if str(operator) == "Tm":
                x = float(operands[4])
            elif str(operator) == "Tj":
                found.append((x, bytes(operands[0])))
    return found


def test_a_digit_joined_to_waw_reads_as_its_number() -> None:
    """'و10' (and 10): the digits are shaped apart and drawn left to right, on the left of the
    letter before them, so the page shows 10, not 01; the line's text is the text as written."""
    path = rtl_line("من 0 إلى 5، و10 هو أشد ألم")
    drawn = shown(path)
    (at,) = [i for i, (_, data) in enumerate(drawn) if data == b"10"]
    assert not [data for _, data in drawn if b"01" in data]
    waw_x = drawn[at + 1][0]  # the rest of the word, drawn right after its number
    assert drawn[at][0] < waw_x  # the 10 on the left, the و on its right
    assert "من 0 إلى 5، و10 هو أشد ألم" in actual_text(path)


def test_punctuation_after_a_latin_word_goes_on_its_reading_side() -> None:
    """In '... (RSI)، ...' the Arabic comma follows the Latin word in reading order: on its left."""
    path = rtl_line("مثل إصابات (RSI)، وغيرها")
    drawn = shown(path)
    (at,) = [i for i, (_, data) in enumerate(drawn) if data == b"(RSI)"]
    comma_x = drawn[at + 1][0]  # the comma is drawn next, in reading order
    assert comma_x < drawn[at][0]
    assert "مثل إصابات (RSI)، وغيرها" in actual_text(path)


def actual_text(path: Path) -> str:
    """The /ActualText of every marked line on the first page, in the order drawn."""
    import pikepdf

    with pikepdf.open(path) as pdf:
        texts = []
        for operands, operator in pikepdf.parse_content_stream(pdf.pages[0]):
            if str(operator) == "BDC" and len(operands) == 2:
                found = operands[1].get("/ActualText")
                if found is not None:
                    texts.append(str(found))
        return "\n".join(texts)
