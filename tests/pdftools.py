"""Reading PDFs back for tests: text per region, character boxes, page boxes, fonts."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
from pypdf import PdfReader

MM = 72 / 25.4


def squash(text: str) -> str:
    """Text with every run of white space as one space (lines joined)."""
    text = text.replace("\x02", "")  # pdfium's mark for a hyphen at the end of a line
    return re.sub(r"\s+", " ", text).strip()


def region_text(path: Path, page: int, x0: float, x1: float, offset: float = 0.0) -> str:
    """The text between x0 and x1 (mm from the trim's left edge) on a page, lines joined."""
    doc = pdfium.PdfDocument(path)
    try:
        textpage = doc[page].get_textpage()
        height = doc[page].get_height()
        return squash(textpage.get_text_bounded(offset + x0 * MM, 0, offset + x1 * MM, height))
    finally:
        doc.close()


def char_boxes(
    path: Path, page: int, loose: bool = False
) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Every printed character on a page with its box (left, bottom, right, top) in points.

    ``loose`` boxes span the font's full line height, the same for every letter of a line.
    """
    doc = pdfium.PdfDocument(path)
    try:
        textpage = doc[page].get_textpage()
        result = []
        for index in range(textpage.count_chars()):
            ch = textpage.get_text_range(index, 1)
            if ch.strip():
                result.append((ch, textpage.get_charbox(index, loose=loose)))
        return result
    finally:
        doc.close()


def fonts(path: Path) -> dict[str, dict[str, object]]:
    """Fonts used on any page: base name -> {'embedded': bool, 'subset': bool}."""
    found: dict[str, dict[str, object]] = {}
    for page in PdfReader(path).pages:
        resources = page["/Resources"]
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            name = str(font["/BaseFont"]).lstrip("/")
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[name] = {"embedded": embedded, "subset": bool(re.match(r"^[A-Z]{6}\+", name))}
    return found


def page_texts(path: Path) -> list[str]:
    """The text of every page, lines joined."""
    doc = pdfium.PdfDocument(path)
    try:
        return [squash(page.get_textpage().get_text_range()) for page in doc]
    finally:
        doc.close()


def font_sizes(path: Path) -> list[float]:
    """Every font size set in the pages' text state (the Tf operator), in points."""
    return [
        float(operands[1])
        for page in PdfReader(path).pages
        for operands, op in page.get_contents().operations  # type: ignore[union-attr]
        if op == b"Tf"
    ]


def find_text(path: Path, page: int, needle: str) -> tuple[float, float, float, float]:
    """The box (left, bottom, right, top; points) of the first line holding ``needle``."""
    doc = pdfium.PdfDocument(path)
    try:
        textpage = doc[page].get_textpage()
        searcher = textpage.search(needle, match_case=True)
        found = searcher.get_next()
        if found is None:
            raise LookupError(f"{needle!r} is not on page {page + 1}")
        start, count = found
        boxes = [textpage.get_charbox(i) for i in range(start, start + count)]
        return (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )
    finally:
        doc.close()


def drawings(path: Path, page: int) -> list[tuple[float, float, float, float]]:
    """Boxes (left, bottom, right, top; points) of the vector shapes (paths and forms) that lie
    wholly on a page."""
    doc = pdfium.PdfDocument(path)
    try:
        width, height = doc[page].get_size()
        kinds = [pdfium.raw.FPDF_PAGEOBJ_FORM, pdfium.raw.FPDF_PAGEOBJ_PATH]
        boxes = [obj.get_bounds() for obj in doc[page].get_objects(filter=kinds)]
        return [b for b in boxes if b[0] >= 0 and b[1] >= 0 and b[2] <= width and b[3] <= height]
    finally:
        doc.close()


def fill_form(pdf: bytes, values: dict[str, str], password: str | None = None) -> bytes:
    """``pdf`` with its form filled in as a viewer would save it (pypdf): a tick box takes
    "/Yes", a text field its text."""
    import io

    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(io.BytesIO(pdf))
    if password is not None:
        reader.decrypt(password)
    writer = PdfWriter(clone_from=reader)
    for page in writer.pages:
        names = {a.get_object().get("/T") for a in page.get("/Annots", [])}
        mine = {k: v for k, v in values.items() if k in names}
        if mine:
            writer.update_page_form_field_values(page, mine, auto_regenerate=False)
    if password is not None:
        writer.encrypt(password, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def render_forms(pdf: bytes, scale: float = 2, password: str | None = None) -> list[Any]:
    """Every page as a PIL image, rendered by pdfium with its form fields drawn."""
    doc = pdfium.PdfDocument(pdf, password=password)
    doc.init_forms()
    return [page.render(scale=scale, may_draw_forms=True).to_pil() for page in doc]
