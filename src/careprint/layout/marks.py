"""Printer's marks for the print-shop edition: crop marks and fold marks outside the bleed."""

from __future__ import annotations

from reportlab.lib.colors import CMYKColor
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

REGISTRATION = CMYKColor(1, 1, 1, 1)  # prints on every plate, so the marks show on all of them
MARK_WIDTH = 0.25  # points: the usual hairline for marks


def crop_marks(canvas: Canvas, width: float, height: float, bleed: float, slug: float) -> None:
    """Corner marks on the trim lines, starting just outside the bleed (all sizes in points).

    The origin is the trim's lower-left corner; marks run from ``bleed + 2 mm`` outwards to the
    edge of the slug less 1 mm.
    """
    start, end = bleed + 2 * mm, slug - 1 * mm
    canvas.saveState()
    canvas.setStrokeColor(REGISTRATION)
    canvas.setLineWidth(MARK_WIDTH)
    for x in (0, width):
        for y in (0, height):
            out_x = -1 if x == 0 else 1
            out_y = -1 if y == 0 else 1
            canvas.line(x + out_x * start, y, x + out_x * end, y)  # horizontal, on the trim line
            canvas.line(x, y + out_y * start, x, y + out_y * end)  # vertical
    canvas.restoreState()


def fold_marks(
    canvas: Canvas, folds: list[float], height: float, bleed: float, slug: float
) -> None:
    """Dashed marks above and below the sheet where it is folded (x positions in points)."""
    start, end = bleed + 2 * mm, slug - 1 * mm
    canvas.saveState()
    canvas.setStrokeColor(REGISTRATION)
    canvas.setLineWidth(MARK_WIDTH)
    canvas.setDash(2, 1.5)
    for x in folds:
        canvas.line(x, height + start, x, height + end)
        canvas.line(x, -start, x, -end)
    canvas.restoreState()


def slug_line(canvas: Canvas, text: str, font: str, bleed: float, slug: float) -> None:
    """A small line of job information in the slug, below the trim, outside the bleed."""
    canvas.saveState()
    canvas.setFillColor(REGISTRATION)
    canvas.setFont(font, 6)
    canvas.drawString(bleed + 12 * mm, -(bleed + slug) / 2 - 2, text)
    canvas.restoreState()
