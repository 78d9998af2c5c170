"""Reading PDFs back for tests: text per region, character boxes, page boxes, fonts."""

from __future__ import annotations

import re
from pathlib import Path

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


def char_boxes(path: Path, page: int) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Every printed character on a page with its box (left, bottom, right, top) in points."""
    doc = pdfium.PdfDocument(path)
    try:
        textpage = doc[page].get_textpage()
        result = []
        for index in range(textpage.count_chars()):
            ch = textpage.get_text_range(index, 1)
            if ch.strip():
                result.append((ch, textpage.get_charbox(index)))
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
