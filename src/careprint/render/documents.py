"""Drawing documents: flowing stories through page templates, or drawing whole sheets; page
numbers ("Pagina N van M") once the number of pages is known; the PDF's properties.

The layouts say what goes where (layout/); this module turns that into PDF bytes, seeded for
the fast path when asked (render/replay.py). ReportLab keeps per-document state in shared
objects (fonts, and the kept parts of the fast path), so one document is drawn at a time in a
process: callers hold :data:`LOCK` while they lay out and draw.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.platypus import BaseDocTemplate, Flowable, PageTemplate

from careprint.render import compat, structure, tagging
from careprint.render.overprint import overprinting
from careprint.render.replay import SeededCanvas

LOCK = threading.RLock()

Footer = Callable[[Any, int, int], None]  # draws "page N of M" on a canvas
Draw = Callable[[Any], None]  # draws on a canvas


@dataclass(frozen=True)
class Meta:
    """A PDF's properties and first font. Never a client's name: these are searchable."""

    title: str
    author: str
    subject: str
    language: str
    font: str  # the first font (not Helvetica: every font must be embedded)
    size: float
    cmyk: bool = False  # the print-shop edition: every colour in CMYK, 100 % K overprinting
    tagged: bool = False  # read on screens: tagged PDF/UA-1 (render/tagging.py)
    outline: bool = False  # open the bookmarks panel


class NumberedCanvas(SeededCanvas):
    """Holds each page until the end, then draws the footer ("Pagina N van M") on each page but
    those in ``skip`` (1 is the first, -1 the last); the number of pages goes to ``counted``."""

    def __init__(
        self,
        *args: Any,
        footer: Footer | None = None,
        skip: tuple[int, ...] = (),
        counted: list[int] | None = None,
        seed: tuple[tuple[str, ...], str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if seed is not None:
            self.plant(*seed)
        self._footer = footer
        self._skip = skip
        self._counted = counted
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        compat.next_page(self)
        tagger = tagging.of(self)
        if tagger is not None:
            tagger.next_page()

    def save(self) -> None:
        total = len(self._pages)
        if self._counted is not None:
            self._counted.append(total)
        skip = {n if n > 0 else total + 1 + n for n in self._skip}
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            if self._footer is not None and number not in skip:
                self.saveState()
                self._footer(self, number, total)
                self.restoreState()
            tagging.finish_page(self)
            super().showPage()
        super().save()


def _properties(target: Any, meta: Meta) -> None:
    target.setTitle(meta.title)
    target.setAuthor(meta.author)
    target.setSubject(meta.subject)
    target.setCreator("careprint")


def flowing(
    story: list[Flowable],
    templates: Sequence[PageTemplate],
    pagesize: tuple[float, float],
    meta: Meta,
    footer: Footer | None = None,
    skip: tuple[int, ...] = (),
    seed: tuple[tuple[str, ...], str] | None = None,
) -> tuple[bytes, int]:
    """``story`` flowed through ``templates``: the PDF and its number of pages."""
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=pagesize,
        title=meta.title,
        author=meta.author,
        subject=meta.subject,
        creator="careprint",
        lang=meta.language,
        invariant=1,
        pageCompression=1,
        initialFontName=meta.font,
        initialFontSize=meta.size,
        enforceColorSpace="cmyk" if meta.cmyk else None,
    )
    doc.addPageTemplates(list(templates))
    counted: list[int] = []

    made = overprinting(NumberedCanvas) if meta.cmyk else NumberedCanvas

    taggers: list[tagging.Tagger] = []

    def canvas(*args: Any, **kwargs: Any) -> NumberedCanvas:
        drawn = made(*args, footer=footer, skip=skip, counted=counted, seed=seed, **kwargs)
        if meta.tagged and tagging.enabled():
            taggers.append(tagging.attach(drawn))
        return drawn

    doc.build(story, canvasmaker=canvas)
    pdf = buffer.getvalue()
    if taggers:
        pdf = structure.write(pdf, taggers[-1].root, _described(meta))
    return pdf, counted[0] if counted else 0


def _described(meta: Meta) -> structure.Described:
    return structure.Described(meta.title, meta.language, meta.outline)


def sheets(
    pagesize: tuple[float, float],
    meta: Meta,
    pages: Sequence[Draw],
    boxes: Callable[[Any], None] | None = None,
) -> bytes:
    """A document of whole pages, each drawn by one of ``pages``; ``boxes`` sets the trim and
    bleed boxes of each page (the print-shop edition)."""
    buffer = io.BytesIO()
    canvas = (overprinting(SeededCanvas) if meta.cmyk else SeededCanvas)(
        buffer,
        pagesize=pagesize,
        invariant=1,
        pageCompression=1,
        lang=meta.language,
        enforceColorSpace="cmyk" if meta.cmyk else None,
        initialFontName=meta.font,
        initialFontSize=meta.size,
    )
    _properties(canvas, meta)
    tagger = tagging.attach(canvas) if meta.tagged and tagging.enabled() else None
    for draw in pages:
        if boxes is not None:
            boxes(canvas)
        draw(canvas)
        if tagger is not None:
            tagging.finish_page(canvas)
            tagger.next_page()
        canvas.showPage()
    canvas.save()
    if tagger is None:
        return buffer.getvalue()
    return structure.write(buffer.getvalue(), tagger.root, _described(meta))
