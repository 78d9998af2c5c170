"""Body diagrams: a body outline cropped around a point, its press marker and its pain zone.

Library geometry is given for the right side of the body in the outline's own units (SVG
coordinates, y down). The left side is the mirror image: front and back views are symmetric,
and the side and head views turn round.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from careprint.content.models import Diagram, Side
from careprint.layout.artwork import Artwork
from careprint.layout.brand import Palette

PAD = 16.0  # view units around the points and zones
MIN_SPAN = {"front": 150.0, "back": 150.0, "side": 150.0, "head": 200.0}  # keep some context
MARKER = 2.7 * mm


@dataclass(frozen=True)
class Placed:
    """A diagram's geometry for one side, in view units."""

    points: list[tuple[float, float]]
    zones: list[tuple[float, float, float, float, float]]  # x, y, rx, ry, angle
    mirrored: bool  # draw the outline turned round (left side in side and head views)


def place(diagram: Diagram, side: Side, width: float) -> Placed:
    """The points and zones to draw for ``side``; both sides of symmetric views show twice."""
    right = Placed(
        list(diagram.points),
        [(z.x, z.y, z.rx, z.ry, z.angle) for z in diagram.referred],
        mirrored=False,
    )
    left = Placed(
        [(width - x, y) for x, y in diagram.points],
        [(width - x, y, rx, ry, -a) for x, y, rx, ry, a in right.zones],
        mirrored=diagram.view in ("side", "head"),
    )
    if side == "right":
        return right
    if side == "left":
        return left
    if diagram.view in ("side", "head"):  # one profile shows one side; the text says both
        return right
    return Placed(right.points + left.points, right.zones + left.zones, mirrored=False)


def crop(
    placed: Placed, view: str, size: tuple[float, float], aspect: float
) -> tuple[float, float, float, float]:
    """The part of the view to show (x0, y0, width, height): everything placed, some context."""
    xs: list[float] = []
    ys: list[float] = []
    for x, y in placed.points:
        xs += [x - PAD, x + PAD]
        ys += [y - PAD, y + PAD]
    for x, y, rx, ry, _ in placed.zones:
        reach = max(rx, ry)
        xs += [x - reach - PAD / 2, x + reach + PAD / 2]
        ys += [y - reach - PAD / 2, y + reach + PAD / 2]
    width, height = size
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    span_h = max(y1 - y0, MIN_SPAN[view] / max(1.0, aspect), (x1 - x0) / aspect)
    span_w = span_h * aspect
    if span_w > width or span_h > height:  # the whole view, letterboxed
        scale = min(width / span_w, height / span_h)
        span_w, span_h = span_w * scale, span_h * scale
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    left = min(max(cx - span_w / 2, 0.0), width - span_w)
    top = min(max(cy - span_h / 2, 0.0), height - span_h)
    return left, top, span_w, span_h


class BodyDiagram(Flowable):  # type: ignore[misc]
    """One point on its body outline, in a rounded frame of ``width`` x ``height`` points."""

    def __init__(
        self,
        outline: Artwork,
        view: str,
        diagram: Diagram,
        side: Side,
        palette: Palette,
        font: str,
        width: float,
        height: float,
    ) -> None:
        super().__init__()
        self.outline, self.view, self.palette, self.font = outline, view, palette, font
        self.width, self.height = width, height
        size = (float(outline.width), float(outline.height))
        self.placed = place(diagram, side, size[0])
        self.window = crop(self.placed, view, size, width / height)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas: Canvas = self.canv
        palette = self.palette
        x0, y0, span_w, _ = self.window
        scale = self.width / span_w
        canvas.saveState()
        frame = canvas.beginPath()
        frame.roundRect(0, 0, self.width, self.height, 3 * mm)
        canvas.setFillColor(palette.white)
        canvas.setStrokeColor(palette.lighten(palette.primary, 0.7))
        canvas.setLineWidth(0.8)
        canvas.drawPath(frame, fill=1, stroke=1)
        canvas.clipPath(frame, stroke=0, fill=0)

        def at(x: float, y: float) -> tuple[float, float]:
            return scale * (x - x0), self.height - scale * (y - y0)

        self._outline(canvas, scale)
        zone_fill = Color(*palette.accent.rgb(), alpha=0.42)
        for x, y, rx, ry, angle in self.placed.zones:
            canvas.saveState()
            canvas.translate(*at(x, y))
            canvas.rotate(-angle)
            canvas.setFillColor(zone_fill)
            canvas.setStrokeColor(palette.accent)
            canvas.setLineWidth(0.9)
            canvas.setDash(2, 2)
            canvas.ellipse(-rx * scale, -ry * scale, rx * scale, ry * scale, stroke=1, fill=1)
            canvas.restoreState()
        for x, y in self.placed.points:
            marker(canvas, *at(x, y), palette)
        canvas.restoreState()

    def _outline(self, canvas: Canvas, scale: float) -> None:
        """The outline, placed cropped and scaled."""
        x0, y0, _, _ = self.window
        height = float(self.outline.height)
        canvas.saveState()
        if self.placed.mirrored:
            canvas.translate(
                scale * (float(self.outline.width) - x0), self.height + scale * (y0 - height)
            )
            canvas.scale(-scale, scale)
        else:
            canvas.translate(-scale * x0, self.height + scale * (y0 - height))
            canvas.scale(scale, scale)
        self.outline.draw(canvas, 0, 0, self.font)
        canvas.restoreState()


def marker(canvas: Canvas, x: float, y: float, palette: Palette, radius: float = MARKER) -> None:
    """The press marker: a white disc with a ring in the brand colour and an accent centre."""
    canvas.saveState()
    canvas.setFillColor(palette.white)
    canvas.setStrokeColor(palette.primary)
    canvas.setLineWidth(radius * 0.32)
    canvas.circle(x, y, radius, stroke=1, fill=1)
    canvas.setFillColor(palette.accent)
    canvas.circle(x, y, radius * 0.42, stroke=0, fill=1)
    canvas.restoreState()


def zone_swatch(canvas: Canvas, x: float, y: float, palette: Palette, radius: float) -> None:
    """A small pain-zone sample for the legend."""
    canvas.saveState()
    canvas.setFillColor(Color(*palette.accent.rgb(), alpha=0.42))
    canvas.setStrokeColor(palette.accent)
    canvas.setLineWidth(0.9)
    canvas.setDash(2, 2)
    canvas.ellipse(x - radius * 1.4, y - radius, x + radius * 1.4, y + radius, stroke=1, fill=1)
    canvas.restoreState()
