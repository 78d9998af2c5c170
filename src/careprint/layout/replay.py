"""Draw once, copy after: the PDF operators of a part kept and copied into later PDFs.

ReportLab numbers the glyphs of a font in each PDF in the order they are first used, and names
fonts and transparency states per PDF. A PDF that starts by *seeding* its fonts with a fixed
alphabet numbers those letters exactly as every other PDF seeded alike, so the operators of a
part drawn in one of them can be copied into another as they are, provided the part used
nothing else: no letter outside the alphabet, no font that was not seeded, nothing named by the
PDF but the forms and transparency states it records. A part checks this when it is drawn; a
part that cannot be copied is simply drawn each time.
"""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from careprint.layout import artwork


@dataclass(frozen=True)
class Seed:
    key: tuple[tuple[str, ...], str]  # the fonts and the alphabet
    codes: tuple[int, ...]  # each font's next glyph number right after seeding
    names: frozenset[str]  # the fonts' names in the PDF


def seed(canvas: Canvas, fonts: tuple[str, ...], alphabet: str) -> None:
    """Number the glyphs of ``alphabet`` in ``fonts`` of a new PDF, the same in every PDF."""
    doc = canvas._doc
    names = set()
    for name in fonts:
        font = pdfmetrics.getFont(name)
        for subset in sorted({subset for subset, _ in font.splitString(alphabet, doc)} | {0}):
            names.add(font.getSubsetInternalName(subset, doc))
    codes = tuple(pdfmetrics.getFont(name).state[doc].nextCode for name in fonts)
    canvas._careprint_seed = Seed((fonts, alphabet), codes, frozenset(names))


def _clean(canvas: Canvas, seeded: Seed) -> bool:
    """True while the PDF has numbered no glyph beyond its seed."""
    doc = canvas._doc
    fonts = seeded.key[0]
    return all(
        pdfmetrics.getFont(name).state[doc].nextCode == code
        for name, code in zip(fonts, seeded.codes, strict=True)
    )


class Packed(str):
    """Operators joined as they appear in a page's stream, with that text already compressed
    (a raw deflate stream ending on a byte boundary, so it can be spliced into another one)."""

    deflated: bytes

    def __new__(cls, text: str, deflated: bytes) -> Packed:
        made = super().__new__(cls, text)
        made.deflated = deflated
        return made


def pack(items: list[str], final: bool = False) -> tuple[str, bytes]:
    """``items`` joined by line breaks, and that text as raw deflate data: the packed items'
    data spliced in as it is, only the text between them compressed here."""
    texts: list[str] = []
    chunks: list[bytes] = []
    fresh: list[str] = []
    for item in items:
        if isinstance(item, Packed):
            fresh.append("")  # the line break before it
            run = "\n".join(fresh)
            if run:
                texts.append(run)
                chunks.append(_deflate(run, final=False))
            texts.append(item)
            chunks.append(item.deflated)
            fresh = [""]  # and the one after it
        else:
            fresh.append(item)
    run = "\n".join(fresh)
    texts.append(run)
    chunks.append(_deflate(run, final))
    return "".join(texts), b"".join(chunks)


def _deflate(text: str, final: bool) -> bytes:
    """``text`` as raw deflate blocks ending on a byte boundary (the last ones if ``final``)."""
    data = text.encode("utf-8")
    if len(data) < 128:  # too short to gain: a stored block, the text as it is
        size = len(data)
        return (
            bytes((final,))
            + size.to_bytes(2, "little")
            + (size ^ 0xFFFF).to_bytes(2, "little")
            + data
        )
    squeeze = zlib.compressobj(6, zlib.DEFLATED, -15)
    return squeeze.compress(data) + squeeze.flush(zlib.Z_FINISH if final else zlib.Z_SYNC_FLUSH)


@dataclass(frozen=True)
class Recorded:
    operators: Packed
    forms: tuple[tuple[str, Any, str], ...]  # (name, drawing, font) of each form it shows
    states: tuple[tuple[tuple[str, object], str], ...]  # transparency states and their names


_FONT = re.compile(r"(/\S+) [-\d.]+ Tf")
_STATE = re.compile(r"/(gRLs\d+) gs")
_FORM = re.compile(r"/(\S+) Do")
_OTHER = re.compile(r"/\S+ (cs|CS|scn|SCN|sh)\b|\bBI\b")


class Replay:
    """The recorded operators of one part, for each seed it has been drawn under."""

    def __init__(self) -> None:
        self._recorded: dict[object, Recorded | None] = {}

    def draw(self, canvas: Canvas, draw: Callable[[Canvas], None]) -> None:
        """Copy the part's operators onto ``canvas``, recording them the first time; or draw
        it when the PDF is not seeded or the part cannot be copied."""
        seeded: Seed | None = getattr(canvas, "_careprint_seed", None)
        if seeded is None:
            draw(canvas)
            return
        if seeded.key not in self._recorded:
            self._recorded[seeded.key] = _record(canvas, seeded, draw)
        recorded = self._recorded[seeded.key]
        if recorded is None or not _prepare(canvas, recorded):
            draw(canvas)
            return
        canvas._code.append(recorded.operators)


def blank(canvas: Canvas, seeded: Seed, out: io.BytesIO, **options: Any) -> Canvas | None:
    """A new canvas like ``canvas`` (page size, first font, colour check), seeded alike; None
    if its fonts are named differently."""
    made = Canvas(
        out,
        pagesize=canvas._pagesize,
        initialFontName=canvas._initialFontName,
        initialFontSize=canvas._initialFontSize,
        initialLeading=canvas._initialLeading,
        **options,
    )
    made._enforceColorSpace = canvas._enforceColorSpace
    seed(made, *seeded.key)
    return made if made._careprint_seed == seeded else None


# scratch canvases that have numbered nothing beyond their seed, ready for the next part
_SCRATCH: dict[object, Canvas] = {}


def _record(canvas: Canvas, seeded: Seed, draw: Callable[[Canvas], None]) -> Recorded | None:
    """The part drawn on a scratch canvas seeded like ``canvas``: its operators, if they can
    be copied into any PDF with that seed."""
    key = (
        seeded.key,
        canvas._pagesize,
        canvas._initialFontName,
        canvas._initialFontSize,
        canvas._initialLeading,
        canvas._enforceColorSpace,
    )
    scratch = _SCRATCH.pop(key, None)
    if scratch is None:
        scratch = blank(canvas, seeded, io.BytesIO())
        if scratch is None:
            return None
    else:  # a blank page again: no operators, graphics state or forms shown
        scratch._restartAccumulators()
        scratch.init_graphics_state()
        scratch.state_stack = []
        scratch.__dict__.pop("_careprint_used", None)
    draw(scratch)
    if not _clean(scratch, seeded):  # it used letters or glyphs beyond the seed
        return None
    _SCRATCH[key] = scratch
    # parts copied into this one were checked when they were recorded, under the same seed
    fresh = "\n".join(item for item in scratch._code if not isinstance(item, Packed))
    if _OTHER.search(fresh) or not set(_FONT.findall(fresh)) <= seeded.names:
        return None
    forms = tuple(scratch.__dict__.get("_careprint_used", ()))
    if not set(_FORM.findall(fresh)) <= {scratch._doc.getXObjectName(n) for n, _, _ in forms}:
        return None
    text = "\n".join(scratch._code)  # compressed whole: smaller than its parts spliced
    deflated = _deflate(text, final=False)
    by_name = {name: key for key, name in scratch._extgstate._c.items()}
    states = tuple((by_name[name], name) for name in sorted(set(_STATE.findall(text))))
    return Recorded(Packed(text, deflated), forms, states)


def _prepare(canvas: Canvas, recorded: Recorded) -> bool:
    """Give this page the forms and transparency states the operators name; False if a name
    is taken for something else here (then the part is drawn as usual)."""
    names = canvas._extgstate._c
    for key, name in recorded.states:
        if names.get(key) != name and (key in names or name in names.values()):
            return False
    for key, name in recorded.states:
        names[key] = name
    for name, drawing, font in recorded.forms:
        artwork.define(canvas, name, drawing, font)
        canvas._formsinuse.append(name)  # the page lists the forms it shows
        # and a part this one is copied into carries them along
        canvas.__dict__.setdefault("_careprint_used", []).append((name, drawing, font))
    return True
