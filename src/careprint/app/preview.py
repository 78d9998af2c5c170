"""The live preview of a handout that is not saved yet: its pages as PNG images.

The client file the form would write is checked and drawn in a view of the workspace in which
it exists (:meth:`Workspace.with_file`): nothing is written to disk, and the checks and the
drawing are those of ``careprint handout``. A mistake in the client file comes back with its
place in the file (a field of the form); the PDF is made once per content (the client file
and every file the handout is made of) and each page is rasterised once, when it is asked for.
"""

from __future__ import annotations

import hashlib
import io
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from careprint.app import email, handouts
from careprint.content import i18n, source
from careprint.content.source import Loc
from careprint.errors import CareprintError
from careprint.render.cache import Cache
from careprint.workspace import Workspace

SCALE = 0.8  # pixels per PDF point: an A4 page is 476 x 674 pixels, as wide as the preview
KEPT = 64  # handouts kept for their pages (a few forms being edited at once)
PDFIUM = threading.Lock()  # pdfium is not thread-safe: one page at a time


@dataclass(frozen=True)
class Problem:
    """A mistake that stops the handout: where in the client file (None: in another file),
    what is wrong, how to fix it, and the whole located message."""

    loc: Loc | None
    message: str
    fix: str
    text: str


@dataclass(frozen=True)
class Preview:
    key: str  # the content digest the pages are kept by ("" when there is a problem)
    pages: int
    rtl: bool
    problem: Problem | None = None


def _kept(ws: Workspace) -> Cache:
    """The previews' own small cache, kept in the workspace's cache (its owner)."""
    return ws.cache.get(("preview cache",), lambda: Cache(KEPT * 8))


def preview(ws: Workspace, path: Path, data: bytes) -> Preview:
    """The handout of client file ``path`` if it held ``data``: checked, drawn, kept."""
    view = ws.with_file(path, data)
    view.warned = ws.warned  # say a translation's gaps once per process, not per preview
    try:
        content = handouts.handout_content(view, path)
        scope = handouts.shared(view, content.client.language).scope
        parts = [*email.inputs(view, path, content), scope.encode(), str(view.fast).encode()]
        key = hashlib.sha256(b"\0".join(hashlib.sha256(p).digest() for p in parts)).hexdigest()
        pdf = _kept(ws).get(
            ("pdf", key),
            lambda: handouts.handout(view, path, path.parent, content=content, preview=True).data,
        )
    except CareprintError as exc:
        return Preview("", 0, False, problem(view, path, data, exc))
    rtl = i18n.direction(content.client.language) == "rtl"
    return Preview(key, _pages(ws, key, pdf), rtl)


def _pages(ws: Workspace, key: str, pdf: bytes) -> int:
    def count() -> int:
        import pypdfium2

        with PDFIUM:
            document = pypdfium2.PdfDocument(pdf)
            try:
                return len(document)
            finally:
                document.close()

    return _kept(ws).get(("pages", key), count)


def problem(ws: Workspace, path: Path, data: bytes, exc: CareprintError) -> Problem:
    """An error with its place in the client file when it is there."""
    loc = None
    if exc.file == ws.display(path) and exc.line:
        loc = locate(data, ws.display(path), exc.line, exc.column)
        loc = loc if loc is not None else ()
    return Problem(loc, exc.message, exc.fix or "", str(exc))


def locate(data: bytes, display: str, line: int, column: int | None) -> Loc | None:
    """The most precise place in a YAML file that starts on ``line`` (at ``column``)."""
    try:
        doc = source.parse(data, display, private=True)
    except CareprintError:
        return None
    on_line = [loc for loc, mark in doc.marks.items() if mark.line == line]
    if column is not None:
        exact = [loc for loc in on_line if doc.marks[loc].column == column]
        on_line = exact or on_line
    return max(on_line, key=len) if on_line else None


def png(ws: Workspace, key: str, page: int) -> bytes | None:
    """Page ``page`` (from 1) of a preview made before, as PNG; None when it is not kept."""
    kept = _kept(ws)

    def missing() -> bytes:
        raise LookupError(key)

    try:
        pdf = kept.get(("pdf", key), missing)
    except LookupError:
        return None
    return kept.get(("png", key, page), lambda: rasterise(pdf, page))


def rasterise(pdf: bytes, page: int, scale: float = SCALE) -> bytes:
    """One page of a PDF as a PNG image (empty bytes when there is no such page)."""
    import pypdfium2

    with PDFIUM:
        document = pypdfium2.PdfDocument(pdf)
        try:
            if not 1 <= page <= len(document):
                return b""
            bitmap = document[page - 1].render(scale=scale)
            image = bitmap.to_pil()
        finally:
            document.close()
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=1)
    return out.getvalue()


# -- previews in worker processes ------------------------------------------------------------

_worker: Workspace | None = None  # in a worker process: its own workspace, kept warm


def _start(root: str, fast: bool) -> None:
    global _worker
    _worker = Workspace(Path(root), fast=fast)


def _remote(path: str, data: bytes) -> tuple[Preview, bytes, bytes]:
    """In a worker: the preview, its PDF and its first page (always shown) as PNG."""
    assert _worker is not None
    ws = _worker.fresh()
    ws.warned = _worker.warned
    made = preview(ws, Path(path), data)
    if made.problem is not None:
        return made, b"", b""
    kept = _kept(_worker)
    pdf = kept.get(("pdf", made.key), lambda: b"")
    return made, pdf, png(_worker, made.key, 1) or b""


class Previewer:
    """Previews for an app that runs for days: in ``workers`` processes of their own, so that
    therapists editing at the same time are served side by side (each process draws one
    handout at a time, and Python runs one thread at a time), or in the calling thread
    (``workers=0``). The PDFs and pages are kept in ``ws``'s cache either way."""

    def __init__(self, ws: Workspace, workers: int = 0) -> None:
        self.ws = ws
        self.pool: ProcessPoolExecutor | None = None
        if workers > 0:
            self.pool = ProcessPoolExecutor(
                workers,
                mp_context=multiprocessing.get_context("spawn"),  # the app runs threads
                initializer=_start,
                initargs=(str(ws.root), ws.fast),
            )
            self.workers = workers

    def preview(self, view: Workspace, path: Path, data: bytes) -> Preview:
        """As :func:`preview`, ``view`` being a view of this previewer's workspace."""
        if self.pool is None:
            return preview(view, path, data)
        made, pdf, first = self.pool.submit(_remote, str(path), data).result()
        if made.problem is None:
            kept = _kept(self.ws)
            kept.get(("pdf", made.key), lambda: pdf)
            kept.get(("pages", made.key), lambda: made.pages)
            if first:
                kept.get(("png", made.key, 1), lambda: first)
        return made

    def png(self, key: str, page: int) -> bytes | None:
        return png(self.ws, key, page)

    def warm(self, paths: list[Path]) -> None:
        """Have every worker load the practice (fonts, the library, the parts of a handout
        in each language of ``paths``) before a therapist waits for it."""
        if self.pool is None:
            return
        for path in paths:
            data = path.read_bytes()
            jobs = [self.pool.submit(_remote, str(path), data) for _ in range(self.workers)]
            for job in jobs:
                job.result()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
