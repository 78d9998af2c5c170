"""Booklet imposition: A5 pages two to a landscape sheet, in the order they are folded.

For a booklet of n pages (a multiple of four), sheet k has on its front the pages n - 2k and
2k + 1 and on its back 2k + 2 and n - 2k - 1 (counting from 0 and 1): print double-sided,
flipping on the short edge, fold the stack in the middle and staple. A right-to-left booklet
is bound on the right, so each side's two pages change places.
"""

from __future__ import annotations

import re

from careprint.pdf.writer import file_of, head_of, objects_of


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

    ``pdf`` is a booklet as careprint writes it. Each page's content stream becomes a form
    XObject as it is (still compressed, nothing is parsed or rewritten), placed on its sheet;
    the fonts and drawings it names are kept as they are. Links are dropped: paper has none.
    """
    found = dict(objects_of(pdf))
    trailer = pdf[pdf.rindex(b"trailer") :]
    root = _ref(trailer, b"Root")
    info = _ref(trailer, b"Info")
    catalog = head_of(found[root])
    pages = _ref(catalog, b"Pages")
    kids = [int(n) for n in re.findall(rb"(\d+) 0 R", _between(head_of(found[pages]), b"/Kids"))]
    forms, boxes = [], []
    for kid in kids:
        page = head_of(found[kid])
        contents = _ref(page, b"Contents")
        box = _between(page, b"/MediaBox")
        stream = head_of(found[contents])
        if not stream.endswith(b">>"):
            raise ValueError(f"the contents of page object {kid} are not one stream")
        found[contents] = (
            stream[:-2]
            + b" /BBox "
            + box
            + b" /FormType 1 /Matrix [ 1 0 0 1 0 0 ] /Resources "
            + _dictionary(page, b"/Resources")
            + b" /Subtype /Form /Type /XObject >>"
            + found[contents][len(stream) :]
        )
        forms.append(contents)
        boxes.append([float(v) for v in box.strip(b"[] ").split()])
        found[kid] = b"null"  # the page itself is not needed any more
    width, height = boxes[0][2] - boxes[0][0], boxes[0][3] - boxes[0][1]
    sheet_w, sheet_h = max(A4_LANDSCAPE[0], 2 * width), max(A4_LANDSCAPE[1], height)
    x0, y0 = (sheet_w - 2 * width) / 2, (sheet_h - height) / 2
    place = (
        f"q 1 0 0 1 {x0:.4f} {y0:.4f} cm /L Do Q q 1 0 0 1 {x0 + width:.4f} {y0:.4f} cm /R Do Q"
    ).encode("ascii")
    objects = [found.get(number, b"null") for number in range(1, max(found) + 1)]
    sheets = []
    for left, right in spreads(len(kids), rtl):
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(place) + 1, place))
        objects.append(
            (
                f"<< /Contents {len(objects)} 0 R /MediaBox [ 0 0 {sheet_w:.4f} {sheet_h:.4f} ] "
                f"/Parent {pages} 0 R /Resources << /XObject << /L {forms[left - 1]} 0 R "
                f"/R {forms[right - 1]} 0 R >> >> /Type /Page >>"
            ).encode("ascii")
        )
        sheets.append(len(objects))
    refs = " ".join(f"{sheet} 0 R" for sheet in sheets)
    objects[pages - 1] = f"<< /Count {len(sheets)} /Kids [ {refs} ] /Type /Pages >>".encode()
    lang = re.search(rb"/Lang (\([^)]*\))", catalog)
    objects[root - 1] = (
        b"<< "
        + (b"/Lang " + lang.group(1) + b" " if lang else b"")
        + b"/Pages %d 0 R /Type /Catalog >>" % pages
    )
    return file_of(objects, root, info)


def _ref(text: bytes, key: bytes) -> int:
    found = re.search(rb"/" + key + rb"\s+(\d+) 0 R", text)
    if found is None:
        raise ValueError(f"no /{key.decode()} in {text[:80]!r}")
    return int(found.group(1))


def _between(text: bytes, key: bytes) -> bytes:
    """The array after ``key``: ``[ ... ]``."""
    start = text.index(b"[", text.index(key))
    return text[start : text.index(b"]", start) + 1]


def _dictionary(text: bytes, key: bytes) -> bytes:
    """The dictionary after ``key``, ``<< ... >>`` with those nested in it."""
    start = text.index(b"<<", text.index(key))
    depth, at = 0, start
    for token in re.finditer(rb"<<|>>", text[start:]):
        depth += 1 if token.group() == b"<<" else -1
        if depth == 0:
            at = start + token.end()
            break
    return text[start:at]
