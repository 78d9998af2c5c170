"""Booklet imposition: A5 pages two to a landscape sheet, in the order they are folded.

For a booklet of n pages (a multiple of four), sheet k has on its front the pages n - 2k and
2k + 1 and on its back 2k + 2 and n - 2k - 1 (counting from 0 and 1): print double-sided,
flipping on the short edge, fold the stack in the middle and staple. A right-to-left booklet
is bound on the right, so each side's two pages change places.
"""

from __future__ import annotations

import io
from typing import Any

A4_LANDSCAPE = (297 * 72 / 25.4, 210 * 72 / 25.4)


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


def impose(pdf: bytes, rtl: bool = False) -> bytes:
    """The booklet's pages as printer's spreads, centred on A4 landscape sheets.

    Each page becomes a form XObject (pikepdf: the page's content and resources as they are),
    shown as /L and /R on its sheet; the document's language and properties are kept. Links
    are dropped: paper has none.
    """
    import pikepdf
    from pikepdf import Array, Dictionary, Name, Operator

    with pikepdf.open(io.BytesIO(pdf)) as source, pikepdf.new() as out:
        pages = list(source.pages)
        box = [float(v) for v in pages[0].mediabox]
        width, height = box[2] - box[0], box[3] - box[1]
        sheet_w, sheet_h = max(A4_LANDSCAPE[0], 2 * width), max(A4_LANDSCAPE[1], height)
        x0, y0 = (sheet_w - 2 * width) / 2, (sheet_h - height) / 2
        forms = [out.copy_foreign(page.as_form_xobject()) for page in pages]
        for left, right in spreads(len(pages), rtl):
            shown: list[Any] = []
            for name, x in ((Name.L, x0), (Name.R, x0 + width)):
                shown += [
                    ([], Operator("q")),
                    ([1, 0, 0, 1, round(x, 4), round(y0, 4)], Operator("cm")),
                    ([name], Operator("Do")),
                    ([], Operator("Q")),
                ]
            sheet = Dictionary(
                Type=Name.Page,
                MediaBox=Array([0, 0, round(sheet_w, 4), round(sheet_h, 4)]),
                Resources=Dictionary(XObject=Dictionary(L=forms[left - 1], R=forms[right - 1])),
                Contents=out.make_stream(pikepdf.unparse_content_stream(shown)),
            )
            out.pages.append(pikepdf.Page(sheet))
        lang = source.Root.get("/Lang")
        if lang is not None:
            out.Root.Lang = pikepdf.String(str(lang))
        for key, value in source.docinfo.items():
            out.docinfo[key] = pikepdf.String(str(value))
        buffer = io.BytesIO()
        out.save(buffer, deterministic_id=True, compress_streams=True)
    return buffer.getvalue()
