"""The tri-fold reopened: panels, reading order, page boxes, fonts, folds, colours, bytes."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from careprint.app.leaflets import render
from careprint.workspace import Workspace
from tests.pdftools import MM, char_boxes, fonts, region_text

OFFICE = "out/leaflets/triggerpointtherapie-nl-trifold.pdf"
PRINT = "out/leaflets/triggerpointtherapie-nl-trifold-print.pdf"

# (page, panel, left edge mm, right edge mm): outside 5 | 6 | 1, inside 2 | 3 | 4
PANELS = [
    (0, 5, 0, 97),
    (0, 6, 97, 197),
    (0, 1, 197, 297),
    (1, 2, 0, 100),
    (1, 3, 100, 200),
    (1, 4, 200, 297),
]
FOLDS = {0: [97, 197], 1: [100, 200]}
SLUG = 12  # mm of room for marks around the trim in the print-shop edition


def panel_texts(pdf: Path, offset_mm: float = 0) -> dict[int, str]:
    return {panel: region_text(pdf, page, x0, x1, offset_mm * MM) for page, panel, x0, x1 in PANELS}


@pytest.mark.parametrize("edition, offset", [(OFFICE, 0), (PRINT, SLUG)])
def test_blocks_are_in_their_panels_in_reading_order(
    built: Path, edition: str, offset: float
) -> None:
    texts = panel_texts(built / edition, offset)
    expected = {
        1: ["Triggerpointtherapie", "Pijn in je spieren?", "Praktijk De Linde"],
        2: [
            "Wanneer kies ik voor triggerpointtherapie?",
            "Veel mensen weten niet",
            "Welke klachten geven triggerpoints?",
        ],
        3: [
            "Waardoor ontstaan triggerpoints?",
            "Een spier raakt te zwaar belast",
            "Door weinig bewegen worden spieren",
        ],
        4: [
            "Wanneer is triggerpointtherapie nodig?",
            "Wanneer kies je voor triggerpointtherapie?",
            "Als je last hebt van pijnklachten",
            "optimaal kan functioneren en sporten",
        ],
        5: [
            "Zelf je triggerpoints aanpakken, kan dat?",
            "Met zelfmassage.",
            "maak dan een afspraak voor een consult.",
        ],
        6: [
            "Praktijk De Linde",
            "Lindelaan 12",
            "3818 AB Amersfoort",
            "Telefoon",
            "033 000 12 34",
            "info@praktijkdelinde.example",
            "www.praktijkdelinde.example",
            "Scan de code voor onze website.",
        ],
    }
    for panel, phrases in expected.items():
        positions = [texts[panel].find(phrase) for phrase in phrases]
        assert -1 not in positions, (panel, phrases, texts[panel])
        assert positions == sorted(positions), (panel, texts[panel])
    # a block's text is in one place only: the symptoms end in panel 2, the causes start panel 3
    assert "Vraag ons of je huisarts ernaar." in texts[2]
    assert "Vraag ons of je huisarts" not in texts[3]
    assert "Waardoor ontstaan" not in texts[2]


def test_office_edition_is_a4_landscape_two_pages(built: Path) -> None:
    reader = PdfReader(built / OFFICE)
    assert len(reader.pages) == 2
    for page in reader.pages:
        assert (
            round(float(page.mediabox.width) / MM),
            round(float(page.mediabox.height) / MM),
        ) == (297, 210)


def test_print_edition_has_trim_and_bleed_boxes_on_every_page(built: Path) -> None:
    reader = PdfReader(built / PRINT)
    assert len(reader.pages) == 2
    for page in reader.pages:
        media = [float(v) / MM for v in page.mediabox]
        trim = [float(v) / MM for v in page.trimbox]
        bleed = [float(v) / MM for v in page.bleedbox]
        assert media == pytest.approx([0, 0, 297 + 2 * SLUG, 210 + 2 * SLUG], abs=0.01)
        assert trim == pytest.approx([SLUG, SLUG, SLUG + 297, SLUG + 210], abs=0.01)
        assert bleed == pytest.approx([SLUG - 3, SLUG - 3, SLUG + 300, SLUG + 213], abs=0.01)


@pytest.mark.parametrize("edition", [OFFICE, PRINT])
def test_every_font_is_embedded_and_subset(built: Path, edition: str) -> None:
    used = fonts(built / edition)
    assert {name.split("+")[1] for name in used} == {"FiraSans-Regular", "FiraSans-Bold"}
    assert all(info["embedded"] and info["subset"] for info in used.values()), used


@pytest.mark.parametrize("edition, offset", [(OFFICE, 0), (PRINT, SLUG)])
def test_no_character_within_4_mm_of_a_fold_or_the_trim(
    built: Path, edition: str, offset: float
) -> None:
    safe = 4 * MM
    for page, folds in FOLDS.items():
        boxes = char_boxes(built / edition, page)
        assert len(boxes) > 300
        for ch, (left, bottom, right, top) in boxes:
            left, right = left - offset * MM, right - offset * MM
            bottom, top = bottom - offset * MM, top - offset * MM
            if right < 0 or top < 0 or left > 297 * MM or bottom > 210 * MM:
                continue  # the print shop's slug line, outside the trim
            assert left >= safe and right <= 297 * MM - safe, (page, ch, left / MM, right / MM)
            assert bottom >= safe and top <= 210 * MM - safe, (page, ch, bottom / MM, top / MM)
            for fold in folds:
                assert right <= (fold * MM) - safe or left >= (fold * MM) + safe, (page, ch, fold)


def test_print_edition_uses_cmyk_only(built: Path) -> None:
    for page in PdfReader(built / PRINT).pages:
        ops = [op for _, op in page.get_contents().operations]  # type: ignore[union-attr]
        assert b"k" in ops and b"K" in ops
        assert not {b"rg", b"RG", b"g", b"G"} & set(ops)


def test_office_edition_uses_rgb(built: Path) -> None:
    ops = [op for _, op in PdfReader(built / OFFICE).pages[0].get_contents().operations]  # type: ignore[union-attr]
    assert b"rg" in ops and b"k" not in ops


def test_metadata_names_the_leaflet_and_the_practice(built: Path) -> None:
    reader = PdfReader(built / OFFICE)
    assert reader.metadata is not None
    assert reader.metadata.title == "Triggerpointtherapie"
    assert reader.metadata.author == "Praktijk De Linde"
    assert str(reader.trailer["/Root"]["/Lang"]) == "nl"


def test_same_input_gives_the_same_bytes(workspace: Path) -> None:
    ws = Workspace(workspace)
    first = render(ws, "triggerpointtherapie", "trifold", print_shop=True)
    second = render(Workspace(workspace), "triggerpointtherapie", "trifold", print_shop=True)
    assert first == second
    assert render(ws, "triggerpointtherapie", "trifold", print_shop=False) != first


def test_all_text_in_the_trim_is_at_least_11_pt(built: Path) -> None:
    """Read from the PDF's text state: every Tf sets 11 pt or more (body 12, headings larger)."""
    sizes = [
        float(operands[1])
        for page in PdfReader(built / OFFICE).pages
        for operands, op in page.get_contents().operations  # type: ignore[union-attr]
        if op == b"Tf"
    ]
    assert min(sizes) >= 11 and 12 in sizes, sorted(set(sizes))
