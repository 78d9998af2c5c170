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
from tests.pdftools import MM, font_sizes, page_texts, region_text

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
