"""Tagged PDF (PDF/UA-1): marked content while drawing, a structure tree kept beside it.

ReportLab has no structure API, so the work is split in two:

* **While drawing**, each piece of real content (a paragraph, a heading, a diagram) is
  wrapped in a marked-content sequence with its own MCID (``/P <</MCID 3>> BDC ... EMC``), and
  a :class:`Tagger` on the canvas keeps the structure element it belongs to in a small
  Python tree (Document > H1/H2/P/L/LI/LBody/Table/TR/TH/TD/Figure ...). Everything else on a
  page is an artifact: each page is wrapped in ``/Artifact BMC ... EMC`` and a tagged sequence
  closes that artifact and opens it again after itself, so headers, footers, page numbers,
  rules, rings and table grounds need no code of their own and no content is left untagged.
  The operators go onto the canvas through render/compat.py, the one module that may touch
  ReportLab's private parts.
* **After the build**, render/structure.py writes the tree with pikepdf (StructTreeRoot,
  ParentTree, /StructParents, MarkInfo, ...): an object model, no PDF formatted by hand. Doing
  it afterwards, rather than with ReportLab's ``pdfdoc`` objects during the build, avoids
  subclassing its catalog and page classes (which drop unknown keys) for the sake of a few
  dictionaries; it costs one more open-and-save of a small file.

The fast path (render/replay.py) records a part's operators once and copies them into other
documents, where its MCIDs would be wrong. So a part being recorded keeps its tagging steps as
:class:`Step` markers among its operators, and copying a part performs each step on the
document's own tagger: the MCIDs are numbered for the page the part lands on, and the
operators come out the same as drawing the part directly (``CAREPRINT_PLAIN=1``).

``CAREPRINT_UNTAGGED=1`` draws without tags (for the test that tagging changes no pixel).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from careprint.render import compat

ATTRIBUTE = "careprint_tags"  # the canvas attribute that holds its Tagger
PAGE_START, PAGE_END = "/Artifact BMC", "EMC"


def enabled() -> bool:
    """Whether documents are tagged (always, unless ``CAREPRINT_UNTAGGED=1``)."""
    return os.environ.get("CAREPRINT_UNTAGGED", "") in ("", "0")


@dataclass(eq=False)
class Element:
    """A structure element: its role (P, H1, Figure ...), attributes (Alt, ActualText, Lang),
    and its kids, elements or marked content as (page index, MCID)."""

    role: str
    attrs: dict[str, str] = field(default_factory=dict)
    key: object = None  # the parts of a split paragraph continue one element
    order: float | None = None  # reading order among its siblings, when not drawing order
    kids: list[Element | tuple[int, int]] = field(default_factory=list)

    def describe(self, depth: int = 0) -> Iterator[str]:
        """The tree as indented lines (for tests and debugging)."""
        yield "  " * depth + self.role
        for kid in self.kids:
            if isinstance(kid, Element):
                yield from kid.describe(depth + 1)


class Step(str):
    """A tagging step among a recorded part's operators (its text is never written)."""

    __slots__ = ("action", "args")
    action: str
    args: tuple[Any, ...]

    def __new__(cls, action: str, *args: Any) -> Step:
        made = super().__new__(cls, "")
        made.action, made.args = action, args
        return made


class Tagger:
    """The structure of one document (or, ``recording``, the steps of one part)."""

    def __init__(self, recording: bool = False) -> None:
        self.recording = recording
        self.root = Element("Document")
        self.stack: list[Element | None] = [self.root]  # None: opened inside marked content
        self.page = 0
        self.mcids: list[int] = [0]  # per page: the next MCID
        self.depth = 0  # marked-content sequences open (only the outermost is written)

    # -- steps ----------------------------------------------------------------------------------

    def open(
        self,
        canvas: Any,
        role: str,
        attrs: dict[str, str] | None = None,
        key: object = None,
        order: float | None = None,
    ) -> None:
        """Open a structure element inside the current one (the same one again when ``key``
        is that of the current one's last kid)."""
        if self.recording:
            compat.append_code(canvas, Step("open", role, attrs, key, order))
        parent = self.stack[-1]
        if parent is None or self.depth:  # inside marked content: part of it
            self.stack.append(None)
            return
        # the same element again: the last kid with this key (a split paragraph goes on), or
        # any kid with this name (the header row of a table whose cells draw both rows)
        kids = parent.kids if isinstance(key, str) else parent.kids[-1:]
        for kid in kids:
            if isinstance(kid, Element) and key is not None and kid.key == key and kid.role == role:
                self.stack.append(kid)
                return
        element = Element(role, dict(attrs or {}), key, order)
        parent.kids.append(element)
        self.stack.append(element)

    def close(self, canvas: Any) -> None:
        if self.recording:
            compat.append_code(canvas, Step("close"))
        self.stack.pop()

    def begin(self, canvas: Any) -> None:
        """Start the current element's marked content (it ends the page's artifact)."""
        if self.recording:
            compat.append_code(canvas, Step("begin"))
            self.depth += 1
            return
        self.depth += 1
        element = self.stack[-1]
        if self.depth > 1 or element is None:
            return
        mcid = self.mcids[self.page]
        self.mcids[self.page] += 1
        element.kids.append((self.page, mcid))
        compat.append_code(canvas, f"EMC\n/{element.role} <</MCID {mcid}>> BDC")

    def end(self, canvas: Any) -> None:
        if self.recording:
            compat.append_code(canvas, Step("end"))
            self.depth -= 1
            return
        self.depth -= 1
        if self.depth == 0 and self.stack[-1] is not None:
            compat.append_code(canvas, f"EMC\n{PAGE_START}")

    def perform(self, canvas: Any, step: Step) -> None:
        """Do a recorded step on this document."""
        if step.action == "open":
            self.open(canvas, *step.args)
        elif step.action == "close":
            self.close(canvas)
        elif step.action == "begin":
            self.begin(canvas)
        else:
            self.end(canvas)

    # -- pages ----------------------------------------------------------------------------------

    def next_page(self) -> None:
        self.page += 1
        self.mcids.append(0)


def of(canvas: Any) -> Tagger | None:
    """The canvas's tagger, or None when it draws untagged."""
    return getattr(canvas, ATTRIBUTE, None)


def attach(canvas: Any, recording: bool = False) -> Tagger:
    tagger = Tagger(recording)
    setattr(canvas, ATTRIBUTE, tagger)
    return tagger


def detach(canvas: Any) -> None:
    if hasattr(canvas, ATTRIBUTE):
        delattr(canvas, ATTRIBUTE)


def finish_page(canvas: Any) -> None:
    """Wrap the page's operators as an artifact (tagged sequences have cut themselves out)."""
    if of(canvas) is not None:
        compat.wrap_page(canvas, PAGE_START, PAGE_END)


@contextmanager
def element(
    canvas: Any,
    role: str,
    attrs: dict[str, str] | None = None,
    key: object = None,
    order: float | None = None,
) -> Iterator[None]:
    """A structure element around what is drawn inside (which tags itself)."""
    tagger = of(canvas)
    if tagger is None:
        yield
        return
    tagger.open(canvas, role, attrs, key, order)
    try:
        yield
    finally:
        tagger.close(canvas)


@contextmanager
def content(
    canvas: Any,
    role: str,
    attrs: dict[str, str] | None = None,
    key: object = None,
    order: float | None = None,
) -> Iterator[None]:
    """A structure element whose content is everything drawn inside."""
    with element(canvas, role, attrs, key, order):
        tagger = of(canvas)
        if tagger is None:
            yield
            return
        tagger.begin(canvas)
        try:
            yield
        finally:
            tagger.end(canvas)
