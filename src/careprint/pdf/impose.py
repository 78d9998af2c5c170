"""Booklet imposition: A5 pages two to a landscape sheet, in the order they are folded.

For a booklet of n pages (a multiple of four), sheet k has on its front the pages n - 2k and
2k + 1 and on its back 2k + 2 and n - 2k - 1 (counting from 0 and 1): print double-sided,
flipping on the short edge, fold the stack in the middle and staple. A right-to-left booklet
is bound on the right, so each side's two pages change places.
"""

from __future__ import annotations

import io

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import (
    DecodedStreamObject,
    DictionaryObject,
    EncodedStreamObject,
    NameObject,
    RectangleObject,
)


def spreads(pages: int, rtl: bool = False) -> list[tuple[int, int]]:
    """(left, right) page numbers, 1-based, for each side of each sheet, in printing order."""
    if pages % 4:
        raise ValueError(f"a booklet needs a multiple of 4 pages, not {pages}")
    sides = []
    for k in range(pages // 4):
        front = (pages - 2 * k, 2 * k + 1)
        back = (2 * k + 2, pages - 2 * k - 1)
        sides += [front, back]
    return [(right, left) for left, right in sides] if rtl else sides


A4_LANDSCAPE = (297 * 72 / 25.4, 210 * 72 / 25.4)


def impose(pdf: bytes, rtl: bool = False) -> bytes:
    """The booklet's pages as printer's spreads, centred on A4 landscape sheets.

    Each page becomes a form XObject placed on its sheet, so its content is copied, not parsed.
    """
    reader = PdfReader(io.BytesIO(pdf))
    width = float(reader.pages[0].mediabox.width)
    height = float(reader.pages[0].mediabox.height)
    sheet_w, sheet_h = max(A4_LANDSCAPE[0], 2 * width), max(A4_LANDSCAPE[1], height)
    x0, y0 = (sheet_w - 2 * width) / 2, (sheet_h - height) / 2
    writer = PdfWriter()
    for left, right in spreads(len(reader.pages), rtl):
        sheet = PageObject.create_blank_page(width=sheet_w, height=sheet_h)
        forms = DictionaryObject(
            {
                NameObject("/L"): _form(reader.pages[left - 1]),
                NameObject("/R"): _form(reader.pages[right - 1]),
            }
        )
        sheet[NameObject("/Resources")] = DictionaryObject({NameObject("/XObject"): forms})
        place = (
            f"q 1 0 0 1 {x0:.4f} {y0:.4f} cm /L Do Q q 1 0 0 1 {x0 + width:.4f} {y0:.4f} cm /R Do Q"
        )
        contents = DecodedStreamObject()
        contents.set_data(place.encode("ascii"))
        sheet[NameObject("/Contents")] = contents
        writer.add_page(sheet)
    for key in ("/Title", "/Author", "/Subject"):
        if reader.metadata and key in reader.metadata:
            writer.add_metadata({key: str(reader.metadata[key])})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _form(page: PageObject) -> EncodedStreamObject:
    """A page as a form XObject: its content stream and resources, its media box as bounds."""
    contents = page.get_contents()
    form = DecodedStreamObject()
    form.set_data(contents.get_data() if contents is not None else b"")
    form.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): RectangleObject(page.mediabox),
            NameObject("/Resources"): page["/Resources"],
        }
    )
    return form.flate_encode()
