"""Vector artwork (the practice logo): read from SVG once, recoloured for the edition's inks."""

from __future__ import annotations

import copy
import logging
from functools import cache
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Group, Shape
from reportlab.lib.colors import CMYKColor, Color, rgb2cmyk
from reportlab.pdfgen.canvas import Canvas

from careprint.content.models import Colours
from careprint.errors import ArtworkError

BRAND_ROLES = ("primary", "accent", "tint", "text")


@cache
def _read(path: Path) -> Drawing:
    from svglib.svglib import svg2rlg  # imported here: only needed when there is artwork

    svglib_log = logging.getLogger("svglib.svglib")
    svglib_log.setLevel(logging.CRITICAL)  # its own messages name no file; ours below do
    try:
        drawing = svg2rlg(str(path))
    except Exception as exc:  # svglib raises lxml, ValueError, ... for broken files
        raise _unreadable(path, str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from None
    if drawing is None or not drawing.width or not drawing.height:
        raise _unreadable(path, "it is not an SVG drawing")
    return drawing


def _unreadable(path: Path, why: str) -> ArtworkError:
    return ArtworkError(
        f"the logo '{path.name}' cannot be read: {why}.",
        fix="Export the logo from your drawing program as SVG (File > Export > SVG) "
        "and point 'logo:' in practice.yaml at it.",
    )


def logo(path: Path, colours: Colours, cmyk: bool) -> Drawing:
    """The logo at ``path``; in CMYK, brand RGB colours become the brand's own CMYK values."""
    drawing = _read(path)
    if not cmyk:
        return drawing
    drawing = copy.deepcopy(drawing)
    brand = {getattr(colours, role).rgb.lower(): getattr(colours, role) for role in BRAND_ROLES}

    def to_cmyk(colour: Color | None) -> Color | None:
        if colour is None or isinstance(colour, CMYKColor):
            return colour
        hexed = "#%02x%02x%02x" % tuple(round(c * 255) for c in colour.rgb())
        if hexed in brand:
            c, m, y, k = (part / 100 for part in brand[hexed].cmyk)
        else:
            c, m, y, k = rgb2cmyk(*colour.rgb())
        return CMYKColor(c, m, y, k, alpha=getattr(colour, "alpha", 1))

    def walk(node: Group | Shape) -> None:
        for attr in ("fillColor", "strokeColor"):
            if hasattr(node, attr):
                setattr(node, attr, to_cmyk(getattr(node, attr)))
        for child in getattr(node, "contents", []):
            walk(child)

    walk(drawing)
    return drawing


def draw_logo(canvas: Canvas, drawing: Drawing, x: float, y: float, size: float) -> None:
    """Draw ``drawing`` scaled to fit a ``size`` square with its lower left corner at (x, y)."""
    scale = size / max(drawing.width, drawing.height)
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(scale, scale)
    renderPDF.draw(drawing, canvas, 0, 0)
    canvas.restoreState()
