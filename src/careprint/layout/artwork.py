"""Vector artwork (the practice's logo, the body outlines): read from SVG, recoloured for the
edition's inks, and drawn."""

from __future__ import annotations

import copy
import io
import logging
from xml.etree import ElementTree

from reportlab import rl_config
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Group, Shape
from reportlab.lib.colors import CMYKColor, Color, rgb2cmyk
from reportlab.pdfgen.canvas import Canvas

from careprint.errors import ArtworkError

BRAND_ROLES = ("primary", "accent", "tint", "text")


class Artwork:
    """A drawing to draw on pages, in RGB or (``cmyk``) in the print shop's inks."""

    def __init__(self, drawing: Drawing, cmyk: bool = False) -> None:
        self.drawing = drawing
        self.width, self.height = float(drawing.width), float(drawing.height)
        self.cmyk = cmyk

    def draw(self, canvas: Canvas, x: float, y: float, font: str) -> None:
        """Draw at (x, y); ``font`` is the drawing's first font (never Helvetica)."""
        self.drawing.initialFontName = font
        _render(self.drawing, canvas, x, y)

    def fit(self, canvas: Canvas, x: float, y: float, size: float, font: str) -> None:
        """Draw scaled to fit a ``size`` square with its lower left corner at (x, y)."""
        scale = size / max(self.width, self.height)
        canvas.saveState()
        canvas.translate(x, y)
        canvas.scale(scale, scale)
        self.draw(canvas, 0, 0, font)
        canvas.restoreState()


def _render(drawing: Drawing, canvas: Canvas, x: float, y: float) -> None:
    """ReportLab's rendering of a drawing. A picture embedded in an SVG is drawn inline, in the
    page's operators, which must be text: its data is written as ASCII85 (streams elsewhere
    are binary, render/__init__.py)."""
    before = rl_config.useA85
    rl_config.useA85 = 1
    try:
        renderPDF.draw(drawing, canvas, x, y)
    finally:
        rl_config.useA85 = before


def read(data: bytes, display: str, what: str = "logo") -> Drawing:
    """The SVG drawing in ``data`` (the file ``display``); a broken one is a located error."""
    from svglib.svglib import svg2rlg  # imported here: only needed when there is artwork

    picture = _picture_kind(data)
    if picture is not None:
        raise _unreadable(what, display, f"it is a {picture}, not an SVG drawing", picture=True)
    if len(data) > MAX_BYTES:
        size = f"{len(data) / 1e6:.1f} MB"
        raise _unreadable(what, display, f"it is {size}, more than a drawing needs", picture=True)
    try:  # svglib repairs broken XML silently; a broken logo must be reported instead
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        line, column = exc.position
        source = data.decode("utf-8", "replace").splitlines()[line - 1 : line] or [""]
        why = (
            "it is not an SVG drawing"
            if not data.lstrip().startswith(b"<")
            else (f"the SVG is damaged ({str(exc).split(':')[0]})")
        )
        raise _unreadable(what, display, why, line, column, source[0][:100]) from None
    if not root.tag.endswith("svg"):
        raise _unreadable(what, display, "it is not an SVG drawing")
    logging.getLogger("svglib.svglib").setLevel(logging.CRITICAL)  # ours name the file
    try:
        drawing = svg2rlg(io.BytesIO(data))
    except Exception as exc:  # svglib raises lxml, ValueError, ... for broken files
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if "image" in reason:  # Pillow, on a picture embedded in the drawing
            reason, embedded = "a picture inside it cannot be read", True
        else:
            embedded = False
        raise _unreadable(what, display, reason, picture=embedded) from None
    if drawing is None or not drawing.width or not drawing.height:
        raise _unreadable(what, display, "the drawing has no size (width and height)")
    if what != "logo":  # a body outline: in the SVG's own units, as the library's geometry
        box = root.get("viewBox", "").replace(",", " ").split()
        if len(box) == 4:
            width, height = float(box[2]), float(box[3])
            group = Group(*drawing.contents)
            group.scale(width / drawing.width, height / drawing.height)
            drawing = Drawing(width, height, group)
    return drawing


MAX_BYTES = 2_000_000  # a logo or outline drawn as shapes is a few KB; more is a picture in it

PICTURES = {
    b"\x89PNG": "PNG picture",
    b"\xff\xd8\xff": "JPEG photo",
    b"GIF8": "GIF picture",
    b"%PDF": "PDF file",
    b"II*\x00": "TIFF picture",
    b"MM\x00*": "TIFF picture",
}


def _picture_kind(data: bytes) -> str | None:
    """What kind of picture ``data`` is, when it is a common picture rather than a drawing."""
    head = data[:12]
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WebP picture"
    return next((kind for magic, kind in PICTURES.items() if head.startswith(magic)), None)


def _unreadable(
    what: str,
    display: str,
    why: str,
    line: int | None = None,
    column: int | None = None,
    source: str | None = None,
    picture: bool = False,
) -> ArtworkError:
    if picture and what == "logo":
        fix = (
            "careprint prints the logo as a drawing (SVG), sharp at every size and in the print "
            "shop's colours: ask your designer for the logo as SVG made of shapes, without "
            "pictures in it, and point 'logo:' in practice.yaml at that file."
        )
        return ArtworkError(f"the {what} cannot be used: {why}.", file=display, fix=fix)
    fix = (
        "Export the logo again from your drawing program as SVG (File > Export > SVG), "
        "or point 'logo:' in practice.yaml at another file."
        if what == "logo"
        else "Export the drawing again as plain SVG, or restore the file that came with careprint."
    )
    return ArtworkError(
        f"the {what} cannot be read: {why}.",
        file=display,
        line=line,
        column=column,
        source=source,
        fix=fix,
    )


def recoloured(drawing: Drawing, fill: Color, stroke: Color) -> Drawing:
    """A copy of ``drawing`` with every filled shape in ``fill`` and every line in ``stroke``."""
    made = copy.deepcopy(drawing)

    def walk(node: Group | Shape) -> None:
        if getattr(node, "fillColor", None) is not None:
            node.fillColor = fill
        if getattr(node, "strokeColor", None) is not None:
            node.strokeColor = stroke
        for child in getattr(node, "contents", []):
            walk(child)

    walk(made)
    return made


def in_cmyk(drawing: Drawing, brand: dict[str, tuple[float, ...]]) -> Drawing:
    """A copy of ``drawing`` in CMYK: the brand's RGB colours (``#rrggbb`` -> CMYK percent)
    become the brand's own CMYK values, other colours are converted."""
    made = copy.deepcopy(drawing)

    def to_cmyk(colour: Color | None) -> Color | None:
        if colour is None or isinstance(colour, CMYKColor):
            return colour
        hexed = "#" + "".join(f"{round(c * 255):02x}" for c in colour.rgb())
        if hexed in brand:
            c, m, y, k = (part / 100 for part in brand[hexed])
        else:
            c, m, y, k = rgb2cmyk(*colour.rgb())
        return CMYKColor(c, m, y, k, alpha=getattr(colour, "alpha", 1))

    def walk(node: Group | Shape) -> None:
        for attr in ("fillColor", "strokeColor"):
            if hasattr(node, attr):
                setattr(node, attr, to_cmyk(getattr(node, attr)))
        for child in getattr(node, "contents", []):
            walk(child)

    walk(made)
    return made
