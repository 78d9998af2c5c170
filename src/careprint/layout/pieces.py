"""Flowables the handout and the page layouts share: stacks laid out once, the pressure scale,
legend symbols, tick boxes, ruled lines for notes, and the page number "Pagina N van M"."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from careprint.content.colour import WHITE, Colour
from careprint.content.contrast import digit_on, scale_ground
from careprint.layout.blocks import markup
from careprint.layout.brand import Palette
from careprint.layout.diagram import marker, zone_swatch
from careprint.layout.rtl import draw_line, make_rtl, para
from careprint.render import compat, tagging

SIZE = 12.0  # body text, points; nothing on the handout is smaller
MARGIN = 18 * mm
HEADER = 30 * mm
FOOTER = 16 * mm
FRAME_H = A4[1] - HEADER - FOOTER - 8 * mm


class Stack(Flowable):  # type: ignore[misc]
    """Flowables one below the other, laid out once for a width and kept whole (never split
    over two pages): a point's page is checked to fit one page when it is made.

    Platypus lays a flowable out again in every document, and tables again while drawing them;
    a stack keeps its layout, so that one shared by many documents (the fast path keeps the
    parts of the points' pages) is laid out once.
    """

    def __init__(self, parts: list[Flowable]) -> None:
        super().__init__()
        self.parts = parts
        self._laid: tuple[float, float, list[tuple[Flowable, float]]] | None = None

    @classmethod
    def of(cls, *parts: Flowable) -> Stack:
        """``parts`` as a stack keeping the space above the first and below the last, as they
        would have stacked in a table cell or a frame (a stack is kept as it is)."""
        if len(parts) == 1 and isinstance(parts[0], Stack):
            return parts[0]
        made = cls(list(parts))
        made.spaceBefore, made.spaceAfter = parts[0].getSpaceBefore(), parts[-1].getSpaceAfter()
        return made

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._laid is None or self._laid[0] != avail_width:
            placed: list[tuple[Flowable, float]] = []
            y = 0.0
            for index, part in enumerate(self.parts):
                if index:
                    y += part.getSpaceBefore()
                _, height = part.wrap(avail_width, FRAME_H)
                y += height
                placed.append((part, y))
                if index + 1 < len(self.parts):
                    y += part.getSpaceAfter()
            self._laid = (avail_width, y, placed)
        return avail_width, self._laid[1]

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        compat.drawn_again(self)  # a stack may be drawn again in another document
        assert self._laid is not None
        _, total, placed = self._laid
        for part, bottom in placed:
            part.drawOn(self.canv, 0, total - bottom)


class Sized(Stack):
    """One flowable kept like :meth:`Stack.of`, as wide as itself rather than the space it is
    given (so that a table cell can centre it)."""

    @classmethod
    def of(cls, *parts: Flowable) -> Stack:
        made = cls(list(parts))
        made.spaceBefore, made.spaceAfter = parts[0].getSpaceBefore(), parts[-1].getSpaceAfter()
        return made

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        height = super().wrap(avail_width, avail_height)[1]
        return self.parts[0].wrap(avail_width, avail_height)[0], height


class PressureScale(Flowable):  # type: ignore[misc]
    """The 0-10 scale as squares: up to the target filled, the stop level marked."""

    def __init__(
        self,
        width: float,
        palette: Palette,
        font: str,
        target: int | None = None,
        stop: int | None = None,
        numbers: bool = False,
        rtl: bool = False,
    ) -> None:
        super().__init__()
        self.width, self.palette, self.font = width, palette, font
        self.target, self.stop, self.numbers = target, stop, numbers
        self.rtl = rtl
        self.cell = width / 11
        self.height = self.cell * (0.8 if numbers else 0.55)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas, palette = self.canv, self.palette
        gap = self.cell * 0.12
        for level in range(11):
            x = (10 - level if self.rtl else level) * self.cell
            if self.target is None:
                fill = palette.lighten(palette.accent, scale_ground(level))
            elif level <= self.target:
                fill = palette.lighten(palette.primary, 0.75 - 0.06 * level)
            elif self.stop is not None and level < self.stop:
                fill = palette.lighten(palette.accent, 0.7)
            else:
                fill = palette.white
            canvas.setFillColor(fill)
            stop = self.stop is not None and level == self.stop
            canvas.setStrokeColor(palette.accent if stop else palette.lighten(palette.text, 0.6))
            canvas.setLineWidth(2.0 if stop else 0.6)
            canvas.roundRect(x + gap / 2, 0, self.cell - gap, self.height, 1.5, stroke=1, fill=1)
            if self.numbers:
                canvas.setFillColor(self._digit(fill))
                canvas.setFont(self.font, SIZE)
                canvas.drawCentredString(
                    x + self.cell / 2, self.height / 2 - SIZE * 0.35, str(level)
                )

    def _digit(self, fill: Color) -> Color:
        """The text colour or white, whichever reads better on ``fill`` (the check in
        content/contrast.py makes sure one of them reads well)."""
        text = self.palette.text
        chosen = digit_on(_as_colour(fill), _as_colour(text))
        return text if chosen.rgb != WHITE.rgb else self.palette.white


def _as_colour(colour: Color) -> Colour:
    red, green, blue = colour.rgb()
    return Colour(
        rgb=f"#{round(red * 255):02X}{round(green * 255):02X}{round(blue * 255):02X}",
        cmyk=(0, 0, 0, 0),
    )


class ScaleWords(Flowable):  # type: ignore[misc]
    """Words under the pressure scale, each centred under its level (0, 2, ... 10), wrapped
    when wider than two squares."""

    def __init__(
        self, width: float, words: list[str], style: ParagraphStyle, rtl: bool = False
    ) -> None:
        super().__init__()
        self.width, self.words, self.rtl = width, words, rtl
        self.cell = width / 11
        last = len(words) - 1
        self.paragraphs = []
        for index, word in enumerate(words):
            at_left = index == (last if rtl else 0)
            at_right = index == (0 if rtl else last)
            alignment = TA_LEFT if at_left else TA_RIGHT if at_right else TA_CENTER
            own = ParagraphStyle(f"{style.name}-{index}", parent=style, alignment=alignment)
            if rtl:
                make_rtl(own).alignment = alignment
            self.paragraphs.append(para(markup(word), own))
        self.height = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.height = max(p.wrap(self.cell * 2, avail_height)[1] for p in self.paragraphs)
        return self.width, self.height

    def draw(self) -> None:
        # read as one line, each word with its level: "0: geen pijn, 2: licht, ..."
        said = ", ".join(f"{2 * index}: {word}" for index, word in enumerate(self.words))
        with tagging.content(self.canv, "P", {"ActualText": said}):
            self._draw_words()

    def _draw_words(self) -> None:
        for index, paragraph in enumerate(self.paragraphs):
            level = 2 * index
            centre = ((10 - level) if self.rtl else level) * self.cell + self.cell / 2
            left = min(max(centre - self.cell, 0.0), self.width - 2 * self.cell)
            _, height = paragraph.wrap(self.cell * 2, self.height)
            paragraph.drawOn(self.canv, left, self.height - height)


class Legend(Flowable):  # type: ignore[misc]
    """A drawn symbol (press marker or pain zone) for the legend under a diagram."""

    def __init__(self, kind: str, palette: Palette) -> None:
        super().__init__()
        self.kind, self.palette = kind, palette
        self.width, self.height = 7 * mm, SIZE

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        x, y = self.width / 2, self.height / 2 - 1
        if self.kind == "point":
            marker(self.canv, x, y, self.palette, radius=2.2 * mm)
        else:
            zone_swatch(self.canv, x, y, self.palette, radius=1.8 * mm)


Rect = tuple[float, float, float, float]  # x0, y0, x1, y1 on the page
Mark = Callable[[str, Rect], None]  # is told where a form field goes: its name, its box


def page_rect(canvas: Canvas, x: float, y: float, width: float, height: float) -> Rect:
    """A box drawn at (x, y) in the canvas's current coordinates, on the page."""
    x0, y0 = canvas.absolutePosition(x, y)
    x1, y1 = canvas.absolutePosition(x + width, y + height)
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


class CheckBoxes(Flowable):  # type: ignore[misc]
    """``count`` empty boxes to tick, side by side; with ``names`` (one per box) and ``mark``,
    each box also says where its form field goes (a fillable handout)."""

    def __init__(
        self,
        count: int,
        palette: Palette,
        names: tuple[str, ...] = (),
        mark: Mark | None = None,
        width: float = 5.5 * mm,
    ) -> None:
        super().__init__()
        self.count, self.palette, self.names, self.mark = count, palette, names, mark
        self.box, self.box_w = 5.5 * mm, width
        self.step = width + self.box * 0.3
        self.width, self.height = count * self.step - self.box * 0.3, self.box

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        # read as that many empty ballot boxes (U+2610): in every language, what is there
        with tagging.content(self.canv, "P", {"ActualText": " ".join("\u2610" * self.count)}):
            self._draw_boxes()

    def _draw_boxes(self) -> None:
        self.canv.setStrokeColor(self.palette.primary)
        self.canv.setFillColor(self.palette.white)
        self.canv.setLineWidth(0.9)
        for index in range(self.count):
            x = index * self.step
            self.canv.roundRect(x, 0, self.box_w, self.box, 1, stroke=1, fill=1)
            if self.mark is not None and index < len(self.names):
                self.mark(self.names[index], page_rect(self.canv, x, 0, self.box_w, self.box))


class WritingLines(Flowable):  # type: ignore[misc]
    """Ruled lines for the client's own questions, filling what is left of the page."""

    MIN = 35 * mm
    STEP = 9 * mm

    def __init__(
        self,
        title: str,
        style: ParagraphStyle,
        palette: Palette,
        limit: float = FRAME_H,
        field: tuple[str, Mark] | None = None,
    ) -> None:
        super().__init__()
        self.title, self.style, self.palette = para(markup(title), style), style, palette
        self.height = 0.0
        self.limit = limit  # never taller than a page's frame, whatever room is offered
        self.field = field  # a fillable handout: the lines are a text field too

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        room = min(avail_height, self.limit)
        self.height = room if room >= self.MIN else 0.0
        return avail_width, self.height

    def draw(self) -> None:
        if not self.height:
            return
        _, title_h = self.title.wrap(self.width, self.height)
        self.title.drawOn(self.canv, 0, self.height - title_h)
        self.canv.setStrokeColor(self.palette.lighten(self.palette.text, 0.65))
        self.canv.setLineWidth(0.6)
        y = self.height - title_h - self.STEP
        while y > 2 * mm:
            self.canv.line(0, y, self.width, y)
            y -= self.STEP
        if self.field is not None:
            name, mark = self.field
            top, bottom = self.height - title_h - 1 * mm, y + self.STEP - 1 * mm
            mark(name, page_rect(self.canv, 0, bottom, self.width, top - bottom))


def page_number(
    label: str,
    font: str,
    colour: Color,
    geometry: tuple[float, float, float],
    size: float = SIZE,
    rtl: bool = False,
) -> Callable[[Canvas, int, int], None]:
    """What draws "Pagina N van M" (``label`` with {page} and {pages}) at the foot of a page:
    ``geometry`` is the left and right edges of the text and the baseline (points); at the
    right edge, or at the left one in a right-to-left text."""
    left, right, y = geometry

    def draw(canvas: Canvas, page: int, pages: int) -> None:
        canvas.setFont(font, size)
        canvas.setFillColor(colour)
        text = label.format(page=page, pages=pages)
        if rtl:
            draw_line(canvas, text, left, y, font, size, align="left")
        else:
            canvas.drawRightString(right, y, text)

    return draw
