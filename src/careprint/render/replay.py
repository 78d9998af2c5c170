"""The fast path: parts laid out once, drawn once, and then copied into later documents.

ReportLab numbers a font's glyphs in each document in the order they are first used, so the
same text gives different operators in two documents. A document that starts by *seeding*
its fonts with a fixed alphabet numbers those letters exactly as every other document seeded
alike, so the operators of a part drawn in one of them are valid in another, provided the
part used nothing else: no letter outside the alphabet, no other font, nothing the document
names but transparency states. A part checks this when it is first drawn (on a scratch
canvas); one that fails is simply drawn every time.

Everything here is kept in the workspace's :class:`~careprint.render.cache.Cache`, by content:
:class:`Kept` parts under the caller's content keys, scratch canvases under their seed.
``CAREPRINT_PLAIN=1`` (or ``fast=False``) draws every document the plain way instead; a test
proves both give the same text and pixels.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from careprint.render import compat, tagging
from careprint.render.cache import Cache


def fast_by_default() -> bool:
    """The fast path, unless ``CAREPRINT_PLAIN=1`` asks for the plain one (or ReportLab is not
    a version it is made for)."""
    return os.environ.get("CAREPRINT_PLAIN", "") in ("", "0") and compat.works()


@dataclass(frozen=True)
class Seed:
    """The fonts and alphabet a document starts with, and what they give (the same in every
    document seeded alike)."""

    fonts: tuple[str, ...]
    alphabet: str
    codes: tuple[int, ...] = ()  # each font's next free glyph number after seeding
    named: frozenset[str] = frozenset()  # the fonts the document names after seeding


class SeededCanvas(Canvas):  # type: ignore[misc]
    """A canvas whose fonts were seeded when it was made (``seed`` is None: not seeded)."""

    seed: Seed | None = None

    def plant(self, fonts: tuple[str, ...], alphabet: str) -> None:
        codes = compat.seed(self, fonts, alphabet)
        self.seed = Seed(fonts, alphabet, codes, compat.fonts_named(self))


@dataclass(frozen=True)
class Recorded:
    operators: tuple[str, ...]  # text, and tagging steps between (render/tagging.py)
    states: tuple[tuple[object, str], ...]  # the transparency states they name


class Replay:
    """The recorded operators of one drawing, for each seed it has been drawn under."""

    def __init__(self, cache: Cache) -> None:
        self.cache = cache
        self._recorded: dict[tuple[Seed, bool], Recorded | None] = {}  # seed, tagged

    def draw(self, canvas: Canvas, draw: Callable[[Canvas], None]) -> None:
        """Copy the recorded operators onto ``canvas``, recording them the first time; or draw
        when the document is not seeded or the drawing cannot be copied."""
        seeded = getattr(canvas, "seed", None)
        if seeded is None:
            draw(canvas)
            return
        tagger = tagging.of(canvas)
        key = (seeded, tagger is not None)
        if key not in self._recorded:
            self._recorded[key] = _record(self.cache, canvas, seeded, draw, tagger is not None)
        recorded = self._recorded[key]
        if recorded is None or not compat.add_states(canvas, recorded.states):
            draw(canvas)
            return
        for piece in recorded.operators:
            if isinstance(piece, tagging.Step):
                assert tagger is not None
                tagger.perform(canvas, piece)
            else:
                canvas.addLiteral(piece)

    @property
    def copied(self) -> bool:
        """Whether the drawing has been recorded to be copied under some seed."""
        return any(found is not None for found in self._recorded.values())


class _Scratch:
    """Scratch canvases of one seed, ready for the next recording (a part recorded while
    another is, inside it, takes a canvas of its own)."""

    def __init__(self) -> None:
        self.canvases: list[SeededCanvas] = []
        self.lock = threading.Lock()


def _record(
    cache: Cache, canvas: Canvas, seeded: Seed, draw: Callable[[Canvas], None], tagged: bool
) -> Recorded | None:
    """The drawing's operators on a blank page seeded like ``canvas``, if they can be copied
    into any document with that seed."""
    pool = cache.get(("scratch canvases", seeded, compat.like(canvas)), _Scratch)
    with pool.lock:
        scratch = pool.canvases.pop() if pool.canvases else None
    if scratch is None:
        scratch = compat.canvas_like(canvas, SeededCanvas)
        scratch.plant(seeded.fonts, seeded.alphabet)
    compat.blank_page(scratch)
    if tagged:  # the tagging steps are kept among the operators, done again when copied
        tagging.attach(scratch, recording=True)
    else:
        tagging.detach(scratch)
    draw(scratch)
    used = compat.resources(scratch)
    if (
        scratch.seed != seeded  # its fonts are numbered differently
        or compat.next_codes(scratch, seeded.fonts) != seeded.codes  # a letter beyond
        or compat.fonts_named(scratch) != seeded.named  # another font
        or used.other  # an image, a link, a colour space ...
    ):
        return None  # and the canvas, which named something new, is dropped
    recorded = Recorded(compat.operators(scratch), used.states)
    with pool.lock:
        pool.canvases.append(scratch)
    return recorded


class Kept(Flowable):  # type: ignore[misc]
    """A part laid out once and drawn by copying: it lays out and breaks as ``part`` does (and
    ``part`` is whole, never split), and is drawn through a :class:`Replay`."""

    def __init__(self, part: Flowable, cache: Cache) -> None:
        super().__init__()
        self.part = part
        self.replay = Replay(cache)
        self.spaceBefore, self.spaceAfter = part.getSpaceBefore(), part.getSpaceAfter()
        self.keepWithNext = part.getKeepWithNext()

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = self.part.wrap(avail_width, avail_height)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        compat.drawn_again(self)  # in many documents
        self.replay.draw(self.canv, lambda canvas: self.part.drawOn(canvas, 0, 0))


def keeper(cache: Cache, scope: Hashable) -> Callable[[Hashable, Callable[[], Flowable]], Any]:
    """``keep(key, make)`` for a layout: the part made once for ``(scope, key)`` and kept in
    ``cache``, laid out and recorded once, copied in every document after."""

    def keep(key: Hashable, make: Callable[[], Flowable]) -> Flowable:
        return cache.get(("kept part", scope, key), lambda: Kept(make(), cache))

    return keep


def plain(key: Hashable, make: Callable[[], Flowable]) -> Flowable:
    """``keep(key, make)`` for the plain path: every part made anew, in every document."""
    return make()
