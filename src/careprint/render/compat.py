"""Every use of ReportLab's private parts, in one module, for the versions in ``TESTED``.

The fast path (render/replay.py) copies a part's PDF operators from one document into others
whose fonts were seeded alike. That needs what ReportLab has no public interface for: a page's
operators and resources, a font's numbering of glyphs in one document, a fresh page on a
scratch canvas. Fonts are given two things here as well: the glyphs of joined Arabic letter
forms get fixed code points when a font is loaded (ReportLab numbers them in the order it
meets them, so a document would depend on what its process drew before), and the fast path
makes each font subset once per process instead of once per document.

:func:`works` runs a self-test once per process; when ReportLab is not a tested version or
does not behave as expected, the fast path is switched off (said at debug level) and every
document is drawn the plain way.
"""

from __future__ import annotations

import io
import logging
import zlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar

import reportlab
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapedStr, TTFont
from reportlab.pdfgen.canvas import Canvas

log = logging.getLogger("careprint")

C = TypeVar("C", bound=Canvas)
TESTED = ("5.1",)  # the minor versions this module is written for (see README, "ReportLab")


# -- fonts --------------------------------------------------------------------------------------


def fix_private_glyphs(font: TTFont) -> None:
    """Give every glyph without a character of its own (joined Arabic forms, ligatures) its
    private code point now, in glyph order, as ReportLab would when it first met it.

    ReportLab hands out these code points (U+E000 on) as shaping meets the glyphs, so the same
    text could be encoded differently after other texts were drawn in the same process.
    """
    face = font.face
    hb_face = font.hbFace  # also sets up ReportLab's table of private code points
    shaper = font.hbFont(1000.0)
    names: dict[str, int] = font._TTFont__hbUnis
    code = 0xE000
    for glyph in range(hb_face.glyph_count):
        if glyph in face.glyphToChar:
            continue
        name = shaper.glyph_to_string(glyph)
        if name in names:
            continue
        while code in face.charToGlyph:
            code += 1
        if code > 0xF800:
            break  # as ReportLab: the private use area is full
        names[name] = code
        face.charToGlyph[code] = glyph
        face.glyphToChar.setdefault(glyph, []).append(code)
        face.charWidths[code] = shaper.get_glyph_h_advance(glyph) * 1000 / hb_face.upem
        font._TTFont__hbPrivate = code


def shaped_advance(text: str) -> float | None:
    """The advance of a HarfBuzz-shaped string (in thousandths of the font size), or None
    when ``text`` was not shaped."""
    if isinstance(text, ShapedStr):
        return float(sum(data.x_advance for data in text.__shapeData__))
    return None


def keep_subsets(font: TTFont) -> None:
    """Make each subset of ``font`` (and compress it) once per process rather than once per
    document: handouts seeded alike embed the same subsets. The fast path only."""
    face = font.face
    make, add, add_font = face.makeSubset, face.addSubsetObjects, font.addObjects

    @lru_cache(maxsize=64)
    def made(subset: tuple[int, ...]) -> bytes:
        return make(list(subset))  # type: ignore[no-any-return]

    def add_objects(doc: Any, fontname: str, subset: list[int]) -> Any:
        reference = add(doc, fontname, subset)
        doc.idToObject[f"fontFile:{face.filename}({fontname})"].filters = [_Flate]
        return reference

    def add_font_objects(doc: Any) -> None:
        add_font(doc)
        for name, made_object in doc.idToObject.items():  # the subsets' character maps too
            if name.startswith("toUnicodeCMap:"):
                made_object.filters = [_Flate]

    face.makeSubset = lambda subset: made(tuple(subset))
    face.addSubsetObjects = add_objects
    font.addObjects = add_font_objects


class _Flate:
    """zlib, once for each font program and character map (a filter ReportLab accepts)."""

    pdfname = "FlateDecode"

    @staticmethod
    @lru_cache(maxsize=256)
    def encode(data: bytes | str) -> bytes:
        return zlib.compress(data.encode("utf-8") if isinstance(data, str) else data)


# -- a document's fonts -------------------------------------------------------------------------


def seed(canvas: Canvas, fonts: tuple[str, ...], alphabet: str) -> tuple[int, ...]:
    """Number the glyphs of ``alphabet`` in each of ``fonts`` in this document, first; the
    next free number of each font afterwards."""
    doc = canvas._doc
    for name in fonts:
        font = pdfmetrics.getFont(name)
        for subset in sorted({subset for subset, _ in font.splitString(alphabet, doc)} | {0}):
            font.getSubsetInternalName(subset, doc)
    return next_codes(canvas, fonts)


def next_codes(canvas: Canvas, fonts: tuple[str, ...]) -> tuple[int, ...]:
    """Each font's next free glyph number in the canvas's document."""
    doc = canvas._doc
    return tuple(pdfmetrics.getFont(name).state[doc].nextCode for name in fonts)


def fonts_named(canvas: Canvas) -> frozenset[str]:
    """The fonts the canvas's document has named so far."""
    return frozenset(canvas._doc.fontMapping)


# -- a page's operators and resources ----------------------------------------------------------


def canvas_like(canvas: Canvas, cls: type[C]) -> C:
    """A scratch canvas of class ``cls`` with ``canvas``'s page size, first font and colour
    rule."""
    made = cls(
        io.BytesIO(),
        pagesize=canvas._pagesize,
        initialFontName=canvas._initialFontName,
        initialFontSize=canvas._initialFontSize,
        initialLeading=canvas._initialLeading,
    )
    made._enforceColorSpace = canvas._enforceColorSpace
    return made  # type: ignore[no-any-return]


def like(canvas: Canvas) -> tuple[object, ...]:
    """What makes two canvases draw alike (for keeping scratch canvases)."""
    return (
        tuple(canvas._pagesize),
        canvas._initialFontName,
        canvas._initialFontSize,
        canvas._initialLeading,
        canvas._enforceColorSpace,
    )


def blank_page(canvas: Canvas) -> None:
    """Start the canvas's page again: no operators, resources or graphics state."""
    canvas._restartAccumulators()
    canvas.init_graphics_state()
    canvas.state_stack = []


def next_page(canvas: Canvas) -> None:
    """Start a new page without writing the current one (it was kept by the caller)."""
    canvas._startPage()


def operators(canvas: Canvas) -> tuple[str, ...]:
    """The operators drawn on the canvas's page so far, as text; tagging steps
    (render/tagging.py: ``str`` subclasses with no text) stay apart, between the texts."""
    pieces: list[str] = []
    run: list[str] = []
    for code in canvas._code:
        if type(code) is str:
            run.append(code)
            continue
        if run:
            pieces.append("\n".join(run))
            run = []
        pieces.append(code)
    if run:
        pieces.append("\n".join(run))
    return tuple(pieces)


def append_code(canvas: Any, code: str) -> None:
    """Add operators (or a tagging step, kept as it is) to the page, as ``addLiteral`` does
    but without turning a ``str`` subclass into plain text. A text object has a list of its
    own."""
    canvas._code.append(code)


def wrap_page(canvas: Canvas, before: str, after: str) -> None:
    """Put ``before`` at the start of the page's operators and ``after`` at their end (the
    page's preamble, which only sets the first font, stays before both)."""
    canvas._code.insert(0, before)
    canvas._code.append(after)


@dataclass(frozen=True)
class Resources:
    """What a page's operators name besides fonts: transparency states (key -> name), and
    whether anything else is named (forms, images, colour spaces, shadings, links)."""

    states: tuple[tuple[object, str], ...]
    other: bool


def resources(canvas: Canvas) -> Resources:
    images = any(not name.startswith("BasicFonts") for name in canvas._doc.idToObject)
    other = bool(
        canvas._formsinuse
        or canvas._colorsUsed
        or canvas._shadingUsed
        or canvas._annotationrefs
        or images
    )
    return Resources(tuple(canvas._extgstate._c.items()), other)


def add_states(canvas: Canvas, states: tuple[tuple[object, str], ...]) -> bool:
    """Name the transparency states ``states`` on the canvas's page as they are named there;
    False (and nothing named) when a name is taken for another state here."""
    named = canvas._extgstate._c
    for key, name in states:
        if named.get(key) != name and (key in named or name in named.values()):
            return False
    for key, name in states:
        named[key] = name
    return True


def drawn_again(flowable: Any) -> None:
    """Let platypus draw ``flowable`` in another document: it marks a flowable it had to move
    to the next page, and expects a fresh one in the next document."""
    flowable.__dict__.pop("_postponed", None)


# -- the self-test ------------------------------------------------------------------------------

_works: bool | None = None  # a fact about the installed ReportLab, found once per process


def works() -> bool:
    """Whether the fast path can be used with the installed ReportLab (tested once)."""
    global _works
    if _works is None:
        _works = _self_test()
        if not _works:
            log.debug("ReportLab %s: the fast path is off, every page is drawn", _version())
    return _works


def _version() -> str:
    return str(getattr(reportlab, "Version", "?"))


def _self_test() -> bool:
    """Seed two documents alike, record a text on one, copy it into the other: the fonts
    must number the same glyphs the same way, and the copy must be what drawing gives."""
    if not _version().startswith(tuple(f"{minor}." for minor in TESTED)):
        return False
    try:
        import os

        path = os.path.join(os.path.dirname(reportlab.__file__), "fonts", "Vera.ttf")
        font = TTFont("careprint-selftest", path)
        pdfmetrics.registerFont(font)
        fonts = ("careprint-selftest",)
        first, second = (Canvas(io.BytesIO(), initialFontName=fonts[0]) for _ in range(2))
        codes = seed(first, fonts, "abc")
        if seed(second, fonts, "abc") != codes:
            return False
        blank_page(first)
        first.setFont(fonts[0], 12)
        first.drawString(10, 10, "cab")
        recorded = "\n".join(operators(first))
        if next_codes(first, fonts) != codes or resources(first).other:
            return False
        second.setFont(fonts[0], 12)
        second.drawString(10, 10, "cab")
        drawn = "\n".join(operators(second))
        canvas_like(second, Canvas)
        like(second)
        add_states(second, ())
        append_code(second, "")
        wrap_page(second, "", "")
        next_page(second)
        return recorded.endswith(drawn.split("\n", 1)[-1]) and fonts_named(first) == fonts_named(
            second
        )
    except Exception:  # any change inside ReportLab: the plain path always works
        log.debug("ReportLab self-test failed", exc_info=True)
        return False
