"""What each thing on a page is for a screen reader (tagged PDF, see render/tagging.py).

A paragraph tags itself when drawn (layout/rtl.py): its role comes from its style's name
(:data:`ROLES`), a bullet makes it a list item, or the layout names it. :class:`Struct` puts
a structure element around any flowable (a table and its rows and cells, a figure with its
alternative text, a group read in an order of its own). What is drawn outside these is an
artifact: decoration, page furniture, the table grounds and rules.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from careprint.render import tagging

# paragraph style name -> structure role (P when not named)
ROLES = {
    "title": "H1",
    "cover": "H1",
    "heading": "H2",
    "box_heading": "H2",
    "contact_heading": "H2",
    "section": "H2",
    "point": "H2",
    "continued": "H2",
    "subheading": "H3",
}


def role_of(style: Any, bullet: bool, role: str | None) -> str:
    if role is not None:
        return role
    return "LI" if bullet else ROLES.get(str(getattr(style, "name", "")), "P")


class _Standing(Flowable):  # type: ignore[misc]
    """A flowable standing for ``child``: its size, spaces and keeping with the next."""

    child: Flowable

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = self.child.wrap(avail_width, avail_height)
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        return float(self.child.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.child.getSpaceAfter())

    def getKeepWithNext(self) -> bool:
        return bool(self.child.getKeepWithNext())

    @property
    def keepWithNext(self) -> bool:
        return self.getKeepWithNext()


class Struct(_Standing):
    """``child`` inside a structure element of ``role``: its content (``content``: marked as
    one sequence, e.g. a figure) or, by default, whatever its own parts tag.

    ``order`` places it among its siblings when it is drawn out of reading order; the parts
    of a split child continue the same element.
    """

    def __init__(
        self,
        child: Flowable,
        role: str,
        attrs: dict[str, str] | None = None,
        order: float | None = None,
        content: bool = False,
        key: object = None,
    ) -> None:
        super().__init__()
        self.child, self.role, self.attrs, self.order = child, role, attrs, order
        self.content = content
        self.key = key if key is not None else object()

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return [
            Struct(part, self.role, self.attrs, self.order, self.content, self.key)
            for part in self.child.split(avail_width, avail_height)
        ]

    def identity(self, maxLen: int | None = None) -> str:
        return f"{self.role}: {self.child.identity(maxLen)}"

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        around = tagging.content if self.content else tagging.element
        with around(canvas, self.role, self.attrs, self.key, self.order):
            self.child.drawOn(canvas, x, y, _sW)


class Around(_Standing):
    """``child`` as it is (its size, spaces, alignment), opening a structure element before it
    is drawn (``opens``: role and order) and/or closing one after (``closes``). The first and
    last items of a table cell's list stand in for the list: an element around the list
    without a flowable of its own, which would change how the cell lays out."""

    def __init__(
        self, child: Flowable, opens: tuple[str, float | None] | None, closes: bool
    ) -> None:
        super().__init__()
        self.child, self.opens, self.closes = child, opens, closes
        self.hAlign = getattr(child, "hAlign", "LEFT")
        self.vAlign = getattr(child, "vAlign", "BOTTOM")

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        parts = self.child.split(avail_width, avail_height)
        if not parts:
            return []
        made = [Around(part, None, False) for part in parts]
        made[0].opens, made[-1].closes = self.opens, self.closes
        return made

    def minWidth(self) -> float:
        return float(self.child.minWidth())

    def identity(self, maxLen: int | None = None) -> str:
        return str(self.child.identity(maxLen))

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        tagger = tagging.of(canvas)
        if tagger is not None and self.opens is not None:
            tagger.open(canvas, self.opens[0], None, None, self.opens[1])
        self.child.drawOn(canvas, x, y, _sW)
        if tagger is not None and self.closes:
            tagger.close(canvas)


def group(role: str, items: list[Flowable], order: float | None = None) -> list[Flowable]:
    """``items`` (a table cell's list, or flowables that follow each other in a frame) inside
    a structure element, laid out exactly as without it."""
    if not items:
        return items
    if len(items) == 1:
        return [Around(items[0], (role, order), True)]
    return [Around(items[0], (role, order), False), *items[1:-1], Around(items[-1], None, True)]
