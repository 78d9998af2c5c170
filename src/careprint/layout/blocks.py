"""Content blocks as flowables; the block's kind chooses its look, never its place."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Table, TableStyle

from careprint.content.models import Block
from careprint.layout.brand import Palette
from careprint.layout.rtl import para
from careprint.layout.styles import Styles

BULLET = "\u2022"  # a round bullet, drawn in the accent colour


# a number keeps its word on the same line: "3 dagen", "033 000 12 34", and "bel 112." at the
# end of a sentence never leaves the number alone on the next line
AFTER_NUMBER = re.compile(r"(?<=\d) (?=\w)")
BEFORE_LAST_NUMBER = re.compile(r"(?<=\w) (?=\d[\d.,:/-]*[.!?)]*$)", re.MULTILINE)
NO_BREAK = "\u00a0"


def markup(text: str) -> str:
    """Plain text made safe for ReportLab's paragraph markup; numbers bound to their words."""
    text = AFTER_NUMBER.sub(NO_BREAK, text)
    text = BEFORE_LAST_NUMBER.sub(NO_BREAK, text)
    return escape(text)


def block_flowables(
    block: Block,
    styles: Styles,
    palette: Palette,
    width: float,
    high_contrast: bool = False,
    splittable: bool = False,
) -> list[Flowable]:
    """The flowables of one block, each tagged with the block's id (for fit errors).

    In ``high_contrast`` (large print) boxes are white with a dark border: no text on colour.
    A ``splittable`` box may go on over the next page (page layouts); on a panel it is whole.
    """
    items: list[Flowable] = []
    if high_contrast and block.kind in ("call-to-action", "self-help"):
        items = _plain(block, styles, boxed=True)
        result = [
            _box(
                items,
                palette.white,
                width,
                styles.body,
                border=palette.text,
                split=splittable,
                heading=bool(block.heading),
            )
        ]
    elif block.kind == "call-to-action":
        if block.heading:
            items.append(para(markup(block.heading), styles.emphasis, role="H2"))
        items += [para(markup(p), styles.emphasis) for p in block.paragraphs()]
        items += [para(markup(b), styles.emphasis, bulletText=BULLET) for b in block.bullets]
        result = [
            _box(
                items,
                palette.primary,
                width,
                styles.body,
                split=splittable,
                heading=bool(block.heading),
            )
        ]
    elif block.kind == "self-help":
        items = _plain(block, styles, boxed=True)
        result = [
            _box(
                items,
                palette.tint,
                width,
                styles.body,
                split=splittable,
                heading=bool(block.heading),
            )
        ]
    else:
        result = _plain(block, styles, boxed=False)
    for flowable in result:
        flowable._careprint_block = block.id
    return result


def _plain(block: Block, styles: Styles, boxed: bool) -> list[Flowable]:
    items: list[Flowable] = []
    if block.heading:
        items.append(para(markup(block.heading), styles.box_heading if boxed else styles.heading))
    items += [para(markup(p), styles.body) for p in block.paragraphs()]
    items += [para(markup(b), styles.bullet, bulletText=BULLET) for b in block.bullets]
    if boxed and items:
        items[-1].style = _last(items[-1].style)
    return items


def _last(style: ParagraphStyle) -> ParagraphStyle:
    """The same style without space after it: a box's padding is its own."""
    return ParagraphStyle(style.name + "-last", parent=style, spaceAfter=0)


def _box(
    items: list[Flowable],
    colour: object,
    width: float,
    body: ParagraphStyle,
    border: object | None = None,
    split: bool = False,
    heading: bool = False,
) -> Table:
    """Flowables on a coloured ground with generous padding.

    Whole (one cell) on a panel; one row per paragraph when it may split over pages, except
    that a ``heading`` (the first item) shares its row with the paragraph after it, so a box
    never breaks between its heading and its text (a table row is never split; keepWithNext
    has no effect inside a table).
    """
    size = body.fontSize
    pad = size * 0.9
    if split:
        rows: list[list[object]] = [[item] for item in items]
        if heading and len(items) > 1:
            rows[:2] = [[items[:2]]]
    else:
        rows = [[items]]
    table = Table(rows, colWidths=[width])
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), colour),
                ("LEFTPADDING", (0, 0), (-1, -1), pad),
                ("RIGHTPADDING", (0, 0), (-1, -1), pad),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), size * 0.5 if split else 0),
                ("TOPPADDING", (0, 0), (-1, 0), pad),
                ("BOTTOMPADDING", (0, -1), (-1, -1), pad),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONT", (0, 0), (-1, -1), body.fontName, size),  # not Helvetica, never used
            ]
        )
    )
    if border is not None:
        table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 2, border)]))
    table.spaceBefore = size * 0.9
    table.spaceAfter = size * 0.6
    return table
