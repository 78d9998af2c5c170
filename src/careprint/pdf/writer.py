"""A seeded PDF written straight to bytes: its pages, forms and fonts, and nothing else.

ReportLab's writer formats every object of every PDF anew, the fonts' width tables and
character maps included. The fonts of a PDF that drew no glyph beyond its seed
(layout/replay.py) are, object for object, those of every PDF seeded alike, and its forms are
the same drawings: both are formatted and compressed once per process, so only the pages are
new; a PDF that used a few letters beyond its seed (a client's name) gets font objects made
for exactly those, once. A PDF with anything else in it (an image, a link, an outline, a colour
space) is left to ReportLab, as before.
"""

from __future__ import annotations

import hashlib
import io
import re
import zlib
from collections.abc import Iterator
from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from careprint.layout import replay
from careprint.layout.replay import Seed

PROCSET = b"/ProcSet [ /PDF /Text /ImageB /ImageC /ImageI ]"
CATALOG, INFO, PAGES, FONTS = 1, 2, 3, 4  # object numbers; the font objects follow

# (seed, fonts' names in the PDF) -> the font objects, numbered from FONTS
_FONT_OBJECTS: dict[object, list[bytes] | None] = {}
_FORMS: dict[tuple[bytes, tuple[float, ...]], bytes] = {}  # a form's stream -> its dictionary


def write(canvas: Canvas, pages: list[dict[str, Any]]) -> bytes | None:
    """The PDF of ``pages`` (each a canvas's state when the page was finished), or None when
    the PDF holds something only ReportLab writes."""
    doc = canvas._doc
    seeded: Seed | None = getattr(canvas, "_careprint_seed", None)
    if seeded is None or not _plain(canvas, pages):
        return None
    mapping = tuple(doc.fontMapping.items())
    if {name for name, _ in mapping} != set(seeded.key[0]):
        return None
    # the letters the PDF used beyond its seed (a client's name, say), in the order numbered
    extras = tuple(
        _beyond(name, doc, code) for name, code in zip(seeded.key[0], seeded.codes, strict=True)
    )
    key = (seeded, mapping, extras)
    if key not in _FONT_OBJECTS:
        if len(_FONT_OBJECTS) > 64:
            _FONT_OBJECTS.clear()
        _FONT_OBJECTS[key] = _fonts(canvas, seeded, extras)
    fonts = _FONT_OBJECTS[key]
    if fonts is None:
        return None
    forms: dict[str, int] = {}
    objects: list[bytes] = [b"", b"", b"", *fonts]  # the catalogue, info and pages come last
    for state in pages:
        for name in state["_formsinuse"]:
            internal = doc.getXObjectName(name)
            if internal not in forms:
                form = doc.idToObject.get(internal)
                if not isinstance(form, pdfdoc.PDFFormXObject) or form.XObjects or form.Annots:
                    return None
                objects.append(_form(form))
                forms[internal] = len(objects)
    kids = []
    for state in pages:
        objects.append(b"")  # the page, once its contents have a number
        kids.append(len(objects))
        objects.append(_stream(_content(state)))
        objects[kids[-1] - 1] = _page(state, len(objects), forms, doc)
    count = len(kids)
    refs = " ".join(f"{kid} 0 R" for kid in kids)
    lang = doc.Catalog.__dict__.get("Lang")
    objects[CATALOG - 1] = (
        b"<< "
        + (b"/Lang " + _formatted(lang, doc, lang.s) + b" " if lang is not None else b"")
        + f"/PageMode /UseNone /Pages {PAGES} 0 R /Type /Catalog >>".encode()
    )
    info, stamp = doc.info, doc._timeStamp
    fields = ("title", "author", "subject", "creator", "producer", "keywords", "trapped")
    told = (tuple(getattr(info, name) for name in fields), stamp.t, stamp.tzname)
    objects[INFO - 1] = _formatted(info, doc, (told, info._dateFormatter))
    objects[PAGES - 1] = f"<< /Count {count} /Kids [ {refs} ] /Type /Pages >>".encode()
    return file_of(objects, CATALOG, INFO)


def _plain(canvas: Canvas, pages: list[dict[str, Any]]) -> bool:
    """True when the PDF has only what this writer writes: pages with text, paths and forms."""
    doc = canvas._doc
    if doc.outline.buildtree or doc.encrypt.info() or getattr(doc, "_digiSigs", None):
        return False
    if set(vars(doc.Catalog)) - {"Pages", "Lang", "Outlines"}:
        return False
    if any(not (name == "BasicFonts" or name.startswith("FormXob.")) for name in doc.idToObject):
        return False
    return all(
        not (
            state["_annotationrefs"]
            or state["_colorsUsed"]
            or state["_shadingUsed"]
            or state["_pageRotation"]
            or state["_pageTransition"]
            or state["_pageDuration"] is not None
            or state["_cropMarks"]
            or state["_psCommandsBeforePage"]
            or state["_psCommandsAfterPage"]
            or any(state.get(f"_{box}Box") for box in ("crop", "art", "bleed", "trim"))
        )
        for state in pages
    )


def _beyond(name: str, doc: Any, code: int) -> str:
    """The characters ``doc`` numbered in font ``name`` from ``code`` on, in that order."""
    assigned = pdfmetrics.getFont(name).state[doc].assignments
    return "".join(
        chr(char) for char, n in sorted(assigned.items(), key=lambda i: i[1]) if n >= code
    )


def _fonts(canvas: Canvas, seeded: Seed, extras: tuple[str, ...]) -> list[bytes] | None:
    """The font objects of a PDF seeded like ``canvas`` that then numbered ``extras`` (made by
    ReportLab once, for an empty page), numbered from FONTS; None if that PDF does not number
    and name its glyphs exactly as ``canvas`` does."""
    buffer = io.BytesIO()
    scratch = replay.blank(canvas, seeded, buffer, invariant=1, pageCompression=1)
    if scratch is None:
        return None
    for name, extra in zip(seeded.key[0], extras, strict=True):
        font = pdfmetrics.getFont(name)
        for subset in sorted({subset for subset, _ in font.splitString(extra, scratch._doc)}):
            font.getSubsetInternalName(subset, scratch._doc)
    if scratch._doc.fontMapping != canvas._doc.fontMapping or any(
        pdfmetrics.getFont(name).state[scratch._doc].subsets
        != pdfmetrics.getFont(name).state[canvas._doc].subsets
        for name in seeded.key[0]
    ):
        return None
    scratch.showPage()
    scratch.save()
    found = dict(objects_of(buffer.getvalue()))
    page = next(body for body in found.values() if _PAGE.search(head_of(body)))
    match = re.search(rb"/Font (\d+) 0 R", head_of(page))
    if match is None:
        return None
    order = [int(match.group(1))]  # the font dictionary and all it refers to, breadth first
    for number in order:
        for ref in _REF.findall(head_of(found[number])):
            if int(ref) not in order:
                order.append(int(ref))
    renumber = {old: FONTS + index for index, old in enumerate(order)}

    def moved(body: bytes) -> bytes:
        head = head_of(body)
        head = _REF.sub(lambda m: b"%d 0 R" % renumber[int(m.group(1))], head)
        return head + body[len(head_of(body)) :]

    return [moved(found[old]) for old in order]


_REF = re.compile(rb"(\d+) 0 R")
_PAGE = re.compile(rb"/Type /Page\b(?!s)")
_OBJ = re.compile(rb"(\d+) 0 obj\n")


def objects_of(data: bytes) -> Iterator[tuple[int, bytes]]:
    """The objects of a PDF ReportLab (or this module) wrote: (number, what is between ``obj``
    and ``endobj``), found by its cross-reference table."""
    xref = data.rindex(b"\nxref\n") + 1
    lines = data[xref:].split(b"\n")
    size = int(lines[1].split()[1])
    offsets = [int(line[:10]) for line in lines[3 : 2 + size]]
    starts = sorted(offsets)
    end_of = dict(zip(starts, [*starts[1:], xref], strict=True))
    for number, start in enumerate(offsets, start=1):
        body = data[start : end_of[start]]
        body = body[_OBJ.match(body).end() :]  # type: ignore[union-attr]
        yield number, body[: body.rindex(b"endobj")].rstrip(b"\n")


def head_of(body: bytes) -> bytes:
    """An object's dictionary, without its stream."""
    at = body.find(b"\nstream\n")
    return body if at < 0 else body[:at]


def _form(form: pdfdoc.PDFFormXObject) -> bytes:
    data = form.stream if isinstance(form.stream, bytes) else form.stream.encode("utf-8")
    box = (form.lowerx, form.lowery, form.upperx, form.uppery)
    key = (data, box)
    made = _FORMS.get(key)
    if made is None:
        packed = zlib.compress(data) if form.compression else data
        made = (
            (
                f"<< /BBox [ {fp_str(*box)} ] "
                + ("/Filter [ /FlateDecode ] " if form.compression else "")
                + f"/FormType 1 /Length {len(packed)} /Matrix [ 1 0 0 1 0 0 ] "
                + f"/Resources << /Font {FONTS} 0 R {PROCSET.decode()} >> "
                + "/Subtype /Form /Type /XObject >>\nstream\n"
            ).encode()
            + packed
            + b"endstream"
        )
        if len(_FORMS) > 256:
            _FORMS.clear()
        _FORMS[key] = made
    return made


def _content(state: dict[str, Any]) -> bytes:
    """The page's operators, compressed: the parts copied from a recording come compressed
    already and are spliced in (layout/replay.py); only the text between them is new."""
    text, deflated = replay.pack([state["_preamble"], *state["_code"], " ", ""], final=True)
    check = zlib.adler32(text.encode("utf-8"))
    return b"\x78\x9c" + deflated + check.to_bytes(4, "big")


def _stream(packed: bytes) -> bytes:
    return b"<< /Filter [ /FlateDecode ] /Length %d >>\nstream\n%sendstream" % (
        len(packed),
        packed,
    )


def _page(state: dict[str, Any], contents: int, forms: dict[str, int], doc: Any) -> bytes:
    width, height = state["_pagesize"]
    resources = []
    if state["_extgstate"]._c:
        states = state["_extgstate"]
        key = tuple(sorted(states._c.items()))
        resources.append(b"/ExtGState " + _formatted(states.getState(), doc, key))
    resources.append(b"/Font %d 0 R " % FONTS + PROCSET)
    if state["_formsinuse"]:
        named = {doc.getXObjectName(name) for name in state["_formsinuse"]}
        entries = " ".join(f"/{name} {forms[name]} 0 R" for name in sorted(named))
        resources.append(f"/XObject << {entries} >>".encode())
    return (
        f"<< /Contents {contents} 0 R /MediaBox [ 0 0 {fp_str(width)} "
        f"{fp_str(height)} ] /Parent {PAGES} 0 R /Resources << ".encode()
        + b" ".join(resources)
        + b" >> /Rotate 0 /Trans << >> /Type /Page >>"
    )


_FORMATTED: dict[object, bytes] = {}


def _formatted(thing: Any, doc: Any, key: object) -> bytes:
    """ReportLab's formatting of a small object that names no other (the document's
    information, its language, a page's transparency states), once for each ``key``."""
    key = (type(thing), key)
    found = _FORMATTED.get(key)
    if found is None:
        if len(_FORMATTED) > 256:
            _FORMATTED.clear()
        found = _FORMATTED[key] = thing.format(doc)
    return found


def file_of(objects: list[bytes], root: int, info: int) -> bytes:
    """A PDF file of ``objects`` (numbered from 1), its catalogue and information named."""
    out = [b"%PDF-1.4\n%\x93\x8c\x8b\x9e careprint\n"]
    at = len(out[0])
    offsets = []
    digest = hashlib.md5(usedforsecurity=False)
    for number, body in enumerate(objects, start=1):
        chunk = b"%d 0 obj\n%s\nendobj\n" % (number, body)
        offsets.append(at)
        out.append(chunk)
        at += len(chunk)
        digest.update(chunk)
    ident = digest.hexdigest().encode()
    xref = [b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)]
    xref += [b"%010d 00000 n \n" % offset for offset in offsets]
    out += xref
    out.append(
        b"trailer\n<< /ID [ <%s> <%s> ] /Info %d 0 R /Root %d 0 R /Size %d >>\n"
        b"startxref\n%d\n%%%%EOF\n" % (ident, ident, info, root, len(objects) + 1, at)
    )
    return b"".join(out)
