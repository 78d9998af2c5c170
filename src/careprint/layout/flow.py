"""Pour flowables into a row of panels, keeping headings with what follows them.

Layout happens before anything is drawn, so a leaflet that does not fit is reported without a
page being written, and panels can be drawn in any order (the tri-fold's flap is on the first
side of the sheet but is read last).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.platypus import Flowable

EPSILON = 0.01


@dataclass(frozen=True)
class Room:
    """The text area of one panel, in points: lower-left corner, width and height."""

    panel: int
    x: float
    y: float
    width: float
    height: float


@dataclass
class Placed:
    flowable: Flowable
    x: float
    y: float


@dataclass
class Filled:
    room: Room
    placed: list[Placed] = field(default_factory=list)
    free: float = 0.0  # height left unused at the bottom, points


class Overflow(Exception):
    """The flowables need ``excess`` more points than the rooms give; ``block`` is the first one
    that did not fit, ``panel`` the last panel tried."""

    def __init__(self, block: str, panel: int, excess: float) -> None:
        super().__init__(f"block {block!r} overflows panel {panel} by {excess:.1f} pt")
        self.block = block
        self.panel = panel
        self.excess = excess


def block_of(flowable: Flowable) -> str:
    return str(getattr(flowable, "_careprint_block", "?"))


def pour(flowables: list[Flowable], rooms: list[Room]) -> list[Filled]:
    """Place ``flowables`` in order through ``rooms``; raise :class:`Overflow` when they run out."""
    queue = list(flowables)
    filled = [Filled(room) for room in rooms]
    index = 0
    while queue and index < len(rooms):
        if _fill(queue, filled[index]):
            index += 1
    if queue:
        last = rooms[-1]
        raise Overflow(block_of(queue[0]), last.panel, _height(queue, last.width))
    for item in filled:
        if item.placed:
            lowest = min(p.y for p in item.placed)
            item.free = lowest - item.room.y
        else:
            item.free = item.room.height
    return filled


def _fill(queue: list[Flowable], target: Filled) -> bool:
    """Place what fits of ``queue`` in ``target``; True when the room is full (move on)."""
    room = target.room
    top = room.y + room.height
    y = top
    while queue:
        flowable = queue[0]
        at_top = not target.placed
        before = 0.0 if at_top else flowable.getSpaceBefore()
        avail = y - before - room.y
        _, height = flowable.wrap(room.width, avail)
        keep = bool(getattr(flowable, "keepWithNext", 0)) and len(queue) > 1
        if height <= avail + EPSILON and (
            not keep or _starts(queue[1], room.width, avail - height - flowable.getSpaceAfter())
        ):
            y -= before + height
            target.placed.append(Placed(flowable, room.x, y))
            y -= flowable.getSpaceAfter()
            queue.pop(0)
            continue
        if not keep and avail > 0:
            parts = flowable.split(room.width, avail)
            if len(parts) >= 2:
                first = parts[0]
                _, first_height = first.wrap(room.width, avail)
                y -= before + first_height
                target.placed.append(Placed(first, room.x, y))
                for part in parts[1:]:
                    part._careprint_block = block_of(flowable)
                queue[0:1] = parts[1:]
        return True
    return False


def _starts(flowable: Flowable, width: float, avail: float) -> bool:
    """Whether at least the start of ``flowable`` fits in ``avail`` (after a heading)."""
    avail -= flowable.getSpaceBefore()
    if avail <= 0:
        return False
    _, height = flowable.wrap(width, avail)
    if height <= avail + EPSILON:
        return True
    return len(flowable.split(width, avail)) >= 2


def _height(queue: list[Flowable], width: float) -> float:
    """Total height the ``queue`` would need in a room of unlimited height."""
    total = 0.0
    for index, flowable in enumerate(queue):
        _, height = flowable.wrap(width, 1e6)
        total += height + flowable.getSpaceAfter() + (flowable.getSpaceBefore() if index else 0)
    return total


def draw(filled: Filled, canvas: object) -> None:
    """Draw a filled room's flowables on ``canvas`` where :func:`pour` placed them."""
    for placed in filled.placed:
        placed.flowable.wrap(filled.room.width, filled.room.height)
        placed.flowable.drawOn(canvas, placed.x, placed.y)
