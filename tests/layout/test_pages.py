"""The page layouts reopened: booklet imposition, page sizes and boxes, large print's type
size, the screen edition's links, bookmarks and metadata."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from careprint.cli import main
from careprint.pdf.impose import spreads
from careprint.workspace import Workspace
from tests.conftest import Run, copy_workspace
from tests.pdftools import MM, font_sizes, page_texts, region_text, squash

STEM = "out/leaflets/triggerpointtherapie-nl"


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = copy_workspace(tmp_path_factory.mktemp("pages") / "practice")
    for layout in ("booklet", "large-print", "screen"):
        assert (
            main(
                ["-C", str(ws), "build", "triggerpointtherapie", "--layout", layout, "--print-shop"]
            )
            == 0
        )
    return ws


def sizes_mm(pdf: Path) -> set[tuple[int, int]]:
    return {
        (round(float(p.mediabox.width) / MM), round(float(p.mediabox.height) / MM))
        for p in PdfReader(pdf).pages
    }


def test_page_sizes_of_every_layout(pages: Path) -> None:
    assert sizes_mm(pages / f"{STEM}-booklet.pdf") == {(148, 210)}
    assert sizes_mm(pages / f"{STEM}-booklet-imposed.pdf") == {(297, 210)}
    assert sizes_mm(pages / f"{STEM}-booklet-print.pdf") == {(148 + 24, 210 + 24)}  # 12 mm slug
    assert sizes_mm(pages / f"{STEM}-large-print.pdf") == {(210, 297)}
    assert sizes_mm(pages / f"{STEM}-screen.pdf") == {(210, 297)}


def test_booklet_print_edition_has_trim_and_bleed_boxes(pages: Path) -> None:
    for page in PdfReader(pages / f"{STEM}-booklet-print.pdf").pages:
        trim = [round(float(v) / MM, 1) for v in page.trimbox]
        bleed = [round(float(v) / MM, 1) for v in page.bleedbox]
        assert trim == [12.0, 12.0, 160.0, 222.0]
        assert bleed == [9.0, 9.0, 163.0, 225.0]


def test_booklet_has_a_multiple_of_four_pages_cover_first_contact_last(pages: Path) -> None:
    texts = page_texts(pages / f"{STEM}-booklet.pdf")
    assert len(texts) % 4 == 0
    assert texts[0].startswith("Triggerpointtherapie")
    assert "033 000 12 34" in texts[-1]
    for number, text in enumerate(texts[1:-1], start=2):
        assert text.endswith(f"Pagina {number} van {len(texts)}")


def test_booklet_imposition_order(pages: Path) -> None:
    """Per sheet side: which page is on the left half and which on the right, read back."""
    imposed = pages / f"{STEM}-booklet-imposed.pdf"
    total = len(page_texts(pages / f"{STEM}-booklet.pdf"))

    def number(text: str) -> int:
        if text.startswith("Triggerpointtherapie"):
            return 1  # the cover
        if "033 000 12 34" in text:
            return total  # the back cover
        found = re.search(r"Pagina (\d+) van", text)
        assert found, text[:80]
        return int(found.group(1))

    seen = []
    for side in range(len(PdfReader(imposed).pages)):
        left = number(region_text(imposed, side, 0.5, 148.5))
        right = number(region_text(imposed, side, 148.5, 296.5))
        seen.append((left, right))
    assert total == 8
    assert seen == [(8, 1), (2, 7), (6, 3), (4, 5)]
    assert seen == spreads(total)
    assert spreads(8, rtl=True) == [(1, 8), (7, 2), (3, 6), (5, 4)]


def test_imposed_sheets_show_the_booklet_pages_as_they_are(pages: Path) -> None:
    """Each sheet shows two pages as forms whose content is the page's own stream, byte for
    byte; the title and the language are kept; a strict reader accepts the file."""
    booklet = PdfReader(pages / f"{STEM}-booklet.pdf")
    imposed = PdfReader(pages / f"{STEM}-booklet-imposed.pdf", strict=True)
    assert imposed.metadata is not None and booklet.metadata is not None
    assert imposed.metadata.title == booklet.metadata.title == "Triggerpointtherapie"
    assert imposed.trailer["/Root"]["/Lang"] == "nl"
    for sheet, (left, right) in zip(imposed.pages, spreads(len(booklet.pages)), strict=True):
        shown = sheet["/Resources"]["/XObject"]
        for name, number in (("/L", left), ("/R", right)):
            form = shown[name].get_object()
            page = booklet.pages[number - 1]
            assert form.get_data() == page.get_contents().get_data()
            assert list(form["/BBox"]) == list(page.mediabox)


def test_large_print_is_at_least_16_pt(pages: Path) -> None:
    sizes = font_sizes(pages / f"{STEM}-large-print.pdf")
    assert min(sizes) >= 16, sorted(set(sizes))


def test_screen_edition_has_links_outline_and_metadata(pages: Path) -> None:
    reader = PdfReader(pages / f"{STEM}-screen.pdf")
    links = {
        str(annot.get_object()["/A"]["/URI"])
        for page in reader.pages
        for annot in page.get("/Annots", [])
        if "/A" in annot.get_object()
    }
    assert links == {
        "https://www.praktijkdelinde.example",
        "mailto:info@praktijkdelinde.example",
        "tel:0330001234",
    }
    leaflet = Workspace(pages).leaflet("triggerpointtherapie").model
    headings = [b.heading for b in leaflet.blocks if b.heading]
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert outline[: len(headings)] == headings[: len(outline)]
    assert len(outline) == len(leaflet.blocks) + 1 and outline[-1] == "Praktijk De Linde"
    assert reader.metadata is not None
    assert reader.metadata.title == "Triggerpointtherapie"
    assert reader.metadata.author == "Praktijk De Linde"
    assert str(reader.trailer["/Root"]["/Lang"]) == "nl"


def test_layouts_command_lists_each_with_its_purpose(workspace: Path, run: Run) -> None:
    result = run("-C", str(workspace), "layouts")
    assert result.code == 0
    names = [line.split()[0] for line in result.out.splitlines()]
    assert names == ["booklet", "large-print", "screen", "trifold"]
    assert "Large print on A4 for low-vision readers" in result.out


def raw_texts(pdf: Path) -> list[str]:
    """pdfium's text of every page, line breaks and its hyphen marks kept."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        return [page.get_textpage().get_text_range() for page in doc]
    finally:
        doc.close()


def test_large_print_breaks_no_word(pages: Path) -> None:
    """No word of the large-print edition is broken with a hyphen at a line end (pdfium joins
    such a word and marks the added hyphen as U+FFFE or U+0002); the booklet, at 12 pt, still
    hyphenates, so the check can see one."""
    added = re.compile(r"[\ufffe\x02]|[a-z]-\r?\n")
    assert not [
        added.search(text)
        for text in raw_texts(pages / f"{STEM}-large-print.pdf")
        if added.search(text)
    ]
    assert any(added.search(text) for text in raw_texts(pages / f"{STEM}-booklet.pdf"))


def test_boxed_heading_stays_with_its_text_in_the_booklet(pages: Path) -> None:
    """The self-help box's heading and its first sentence are on one page, and no text page
    ends with a heading."""
    texts = page_texts(pages / f"{STEM}-booklet.pdf")
    heading = "Zelf je triggerpoints aanpakken, kan dat?"
    [page] = [text for text in texts if heading in text]
    assert f"{heading} Ja. Als duidelijk is waar jouw triggerpoints" in page
    for text in texts[1:-1]:
        body = re.sub(r" Pagina \d+ van \d+$", "", text)
        assert not body.endswith("?"), body[-80:]


@pytest.mark.parametrize(
    ("language", "caption"),
    [("nl", "Scan de code voor onze website."), ("ar", "مسح الرمز يفتح موقعنا الإلكتروني.")],
)
def test_booklet_qr_code_has_a_caption_beside_it(
    pages: Path, language: str, caption: str, tmp_path: Path
) -> None:
    """The caption's text sits beside the QR code (on the side away from the spine's
    reading start), vertically within the code's height."""
    import pypdfium2 as pdfium

    pdf = pages / f"out/leaflets/triggerpointtherapie-{language}-booklet.pdf"
    if not pdf.exists():
        assert (
            main(
                [
                    "-C",
                    str(pages),
                    "build",
                    "triggerpointtherapie",
                    "--lang",
                    language,
                    "--layout",
                    "booklet",
                ]
            )
            == 0
        )
    doc = pdfium.PdfDocument(pdf)
    try:
        page = doc[len(doc) - 1]
        text = page.get_textpage()
        found = squash(text.get_text_range())
        # pdfium reads Arabic in visual order: each word's letters reversed (the last word,
        # with its lam-alef ligature, is left out of the comparison)
        visual = " ".join(word[::-1] for word in caption.split()[:-1])
        assert caption in found or visual in found
        # the code: the only filled path objects in the lower quarter of the back cover
        codes = [
            obj.get_bounds()
            for obj in page.get_objects(max_depth=3)
            if obj.type == pdfium.raw.FPDF_PAGEOBJ_PATH and obj.get_bounds()[3] < 70 * MM
        ]
        left = min(c[0] for c in codes)
        right = max(c[2] for c in codes)
        bottom, top = min(c[1] for c in codes), max(c[3] for c in codes)
        assert round((right - left) / MM) == 24
        boxes = [
            text.get_charbox(i)
            for i in range(text.count_chars())
            if text.get_text_range(i, 1).strip() and text.get_charbox(i)[1] < top
        ]
        assert boxes
        assert all(bottom <= b[1] and b[3] <= top for b in boxes)
        if language == "ar":
            assert all(b[2] < left for b in boxes)
        else:
            assert all(b[0] > right for b in boxes)
    finally:
        doc.close()
