"""Vector artwork (the practice logo): read from SVG once, recoloured for the edition's inks."""

from __future__ import annotations

import copy
import io
import logging
import re
from functools import cache
from pathlib import Path
from xml.etree import ElementTree

from reportlab import rl_config
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Group, Shape
from reportlab.lib.colors import CMYKColor, Color, rgb2cmyk, toColor
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.canvas import Canvas

from careprint.content.models import Colours
from careprint.errors import ArtworkError

BRAND_ROLES = ("primary", "accent", "tint", "text")


@cache
def _read(path: Path, display: str, what: str = "logo") -> Drawing:
    from svglib.svglib import svg2rlg  # imported here: only needed when there is artwork

    try:  # svglib repairs broken XML silently; a broken logo must be reported instead
        text = path.read_bytes()
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as exc:
        line, column = exc.position
        source = text.decode("utf-8", "replace").splitlines()[line - 1 : line] or [""]
        why = (
            "it is not an SVG drawing"
            if not text.lstrip().startswith(b"<")
            else (f"the SVG is damaged ({_reason(exc)})")
        )
        raise _unreadable(what, display, why, line, column, source[0][:100]) from None
    except OSError as exc:
        raise _unreadable(what, display, exc.strerror or "it cannot be opened") from None
    if not root.tag.endswith("svg"):
        raise _unreadable(what, display, "it is not an SVG drawing")
    svglib_log = logging.getLogger("svglib.svglib")
    svglib_log.setLevel(logging.CRITICAL)  # its own messages name no file; ours below do
    try:
        drawing = svg2rlg(str(path))
    except Exception as exc:  # svglib raises lxml, ValueError, ... for broken files
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise _unreadable(what, display, reason) from None
    if drawing is None or not drawing.width or not drawing.height:
        raise _unreadable(what, display, "the drawing has no size (width and height)")
    return drawing


def _reason(exc: ElementTree.ParseError) -> str:
    return str(exc).split(":")[0]


def _unreadable(
    what: str,
    display: str,
    why: str,
    line: int | None = None,
    column: int | None = None,
    source: str | None = None,
) -> ArtworkError:
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


def outline(path: Path, display: str, fill: Color, stroke: Color) -> Drawing:
    """A body outline, every filled shape in ``fill`` and every line in ``stroke``."""
    return _outline(path, display, fill.hexval(), stroke.hexval())


@cache
def _outline(path: Path, display: str, fill_hex: str, stroke_hex: str) -> Drawing:
    fill, stroke = toColor(fill_hex), toColor(stroke_hex)
    read = copy.deepcopy(_read(path, display, "body outline"))
    # svglib sizes the drawing in points (a pixel is 0.75 pt); the library's geometry is in the
    # SVG's own units, so the outline is scaled back to its viewBox
    box = ElementTree.parse(path).getroot().get("viewBox", "").replace(",", " ").split()
    width, height = (float(box[2]), float(box[3])) if len(box) == 4 else (read.width, read.height)
    group = Group(*read.contents)
    group.scale(width / read.width, height / read.height)
    drawing = Drawing(width, height, group)

    def walk(node: Group | Shape) -> None:
        if getattr(node, "fillColor", None) is not None:
            node.fillColor = fill
        if getattr(node, "strokeColor", None) is not None:
            node.strokeColor = stroke
        for child in getattr(node, "contents", []):
            walk(child)

    walk(drawing)
    return drawing


def logo(path: Path, display: str, colours: Colours, cmyk: bool) -> Drawing:
    """The logo at ``path``; in CMYK, brand RGB colours become the brand's own CMYK values."""
    if not cmyk:
        return _read(path, display)
    brand = tuple(
        (getattr(colours, role).rgb.lower(), getattr(colours, role).cmyk) for role in BRAND_ROLES
    )
    return _cmyk_logo(path, display, brand)


@cache
def _cmyk_logo(
    path: Path, display: str, brand_inks: tuple[tuple[str, tuple[float, ...]], ...]
) -> Drawing:
    drawing = copy.deepcopy(_read(path, display))
    brand = dict(brand_inks)

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

    walk(drawing)
    return drawing


def draw_logo(canvas: Canvas, drawing: Drawing, x: float, y: float, size: float, font: str) -> None:
    """Draw ``drawing`` scaled to fit a ``size`` square with its lower left corner at (x, y)."""
    scale = size / max(drawing.width, drawing.height)
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(scale, scale)
    form(canvas, "careprint-logo", drawing, font)
    canvas.restoreState()


def form(canvas: Canvas, name: str, drawing: Drawing, font: str) -> None:
    """Draw ``drawing`` at the origin, as a form XObject made once per PDF and reused."""
    define(canvas, name, drawing, font)
    canvas.__dict__.setdefault("_careprint_used", []).append((name, drawing, font))
    canvas.doForm(name)


def define(canvas: Canvas, name: str, drawing: Drawing, font: str) -> None:
    """Make ``drawing`` the form XObject ``name`` of this PDF, unless it is already."""
    made: set[str] = canvas.__dict__.setdefault("_careprint_forms", set())
    if name not in made:
        mark = len(canvas._code)
        canvas.saveState()
        canvas.beginForm(name, 0, 0, drawing.width, drawing.height)
        draw(canvas, drawing, 0, 0, font)
        canvas.endForm()
        canvas.restoreState()
        # the empty "q Q" this leaves on the page: a page's operators are the same whether or
        # not the form was defined while drawing it
        if canvas._code[mark:] == ["q", "Q"]:
            del canvas._code[mark:]
        made.add(name)


def draw(canvas: Canvas, drawing: Drawing, x: float, y: float, font: str) -> None:
    """Render a drawing; its initial font is ours, so no unembedded Helvetica is referenced.

    A drawing is rendered to PDF operators once per process and the operators are reused, unless
    they refer to something a PDF holds by name (a font, a transparency, an image)."""
    operators = _operators(drawing, font, canvas)
    if operators is None:
        drawing.initialFontName = font
        _render(drawing, canvas, x, y)
    elif x == y == 0:
        canvas._code.extend(operators)
    else:
        canvas._code.append(f"q 1 0 0 1 {fp_str(x, y)} cm")
        canvas._code.extend(operators)
        canvas._code.append("Q")


# (id(drawing), font, colour check) -> (drawing, operators); the drawing is kept so its id is
# not reused while the entry lives
_OPERATORS: dict[tuple[int, str, object], tuple[Drawing, list[str] | None]] = {}
_NAMED = re.compile(r"/\S+ (Tf|gs|Do|cs|CS|scn|SCN|sh)\b|\bBI\b")


def _operators(drawing: Drawing, font: str, canvas: Canvas) -> list[str] | None:
    # the canvas may convert colours (a print edition is CMYK only): the scratch one does too
    enforce = canvas._enforceColorSpace
    key = (id(drawing), font, enforce)
    hit = _OPERATORS.get(key)
    if hit is None or hit[0] is not drawing:
        scratch = Canvas(io.BytesIO())
        scratch._enforceColorSpace = enforce
        drawing.initialFontName = font
        _render(drawing, scratch, 0, 0)
        code = list(scratch._code)
        hit = (drawing, None if _NAMED.search("\n".join(code)) else code)
        _OPERATORS[key] = hit
    return hit[1]


def _render(drawing: Drawing, canvas: Canvas, x: float, y: float) -> None:
    """ReportLab's rendering of a drawing. A picture embedded in an SVG is drawn inline, in the
    page's operators, which must be text: its data is written as ASCII85 (streams elsewhere
    are binary, layout/__init__.py)."""
    before = rl_config.useA85
    rl_config.useA85 = 1
    try:
        renderPDF.draw(drawing, canvas, x, y)
    finally:
        rl_config.useA85 = before
