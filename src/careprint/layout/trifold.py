"""The tri-fold: an A4 landscape sheet, both sides, folded in three (six panels).

Outside side: flap | back | cover; inside side: three panels read left to right. Blocks flow
through the layout's ``flow`` panels; a block with ``panel:`` starts at the top of that panel,
which may also be the back panel (above the contact details).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from functools import partial
from typing import Generic, TypeVar

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from careprint.content.i18n import direction
from careprint.content.models import Labels, LayoutSpec, Leaflet, PagesSpec, Practice
from careprint.layout import marks
from careprint.layout.artwork import Artwork
from careprint.layout.blocks import block_flowables, markup
from careprint.layout.brand import Palette
from careprint.layout.flow import Filled, Room, draw, pour
from careprint.layout.rtl import lines_of, ltr_para, make_rtl, para
from careprint.layout.styles import Styles, make_styles
from careprint.render import tagging
from careprint.render.fonts import FontSet

TOP_EXTRA = 3 * mm  # a little more room above and below the text than beside it
QR_SIZE = 24 * mm


def qr_code(url: str, colour: Color, cmyk: bool) -> Artwork:
    """A QR code for ``url``, QR_SIZE square."""
    qr = QrCodeWidget(url, barFillColor=colour, barBorder=0)
    x0, y0, x1, y1 = qr.getBounds()
    size = QR_SIZE
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(qr)
    return Artwork(drawing, cmyk)


def rings(canvas: Canvas, cx: float, cy: float, colour: object) -> None:
    """The brand motif: rings spreading from a pressure point."""
    canvas.setStrokeColor(colour)
    canvas.setLineWidth(2.2 * mm)
    for radius in (18, 31, 44, 57, 70, 83):
        canvas.circle(cx, cy, radius * mm, stroke=1, fill=0)


class LogoFlowable(Flowable):  # type: ignore[misc]
    """The logo as a flowable, for stacks of paragraphs."""

    def __init__(self, logo: Artwork, size: float, font: str) -> None:
        super().__init__()
        self.logo, self.size, self.font = logo, size, font
        self.spaceAfter = 3 * mm

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        self.logo.fit(self.canv, 0, 0, self.size, self.font)


class BadPin(Exception):
    """A block pinned to a panel it cannot start in."""

    def __init__(self, block: str, panel: int, reason: str, choices: list[int]) -> None:
        super().__init__(reason)
        self.block, self.panel, self.reason, self.choices = block, panel, reason, choices


@dataclass(frozen=True)
class Content:
    """Everything a tri-fold shows, as plain validated data."""

    leaflet: Leaflet
    practice: Practice
    labels: Labels
    spec: LayoutSpec | PagesSpec
    fonts: FontSet
    logo: Artwork  # in RGB, for screens and the office printer
    logo_cmyk: Artwork  # in the brand's CMYK, for the print shop


@dataclass(frozen=True)
class Fit:
    """Where each panel's text ended: free height (mm) per panel, for ``careprint check``."""

    free_mm: dict[int, float]
    pages: int = 0  # for page layouts: how many pages the text takes


def mirrored(spec: LayoutSpec) -> LayoutSpec:
    """The layout seen in a mirror: each side's panels in the opposite order."""
    sides = [side.model_copy(update={"panels": list(reversed(side.panels))}) for side in spec.sides]
    return spec.model_copy(update={"sides": sides})


S = TypeVar("S", LayoutSpec, PagesSpec)


class Edition(Generic[S]):
    """What every edition of a leaflet sets up alike: its styles, sheet size, bleed and slug
    (print shop only), and the logo in the edition's inks."""

    def __init__(self, content: Content, spec: S, palette: Palette, print_shop: bool) -> None:
        self.c = content
        self.spec: S = spec
        self.palette = palette
        self.print_shop = print_shop
        self.rtl = direction(content.leaflet.language) == "rtl"
        self.styles: Styles = make_styles(
            content.fonts,
            palette,
            spec.body_size,
            spec.line_spacing,
            content.leaflet.language,
            rtl=self.rtl,
            hyphenate=spec.hyphenate if isinstance(spec, PagesSpec) else True,
        )
        self.width, self.height = spec.width * mm, spec.height * mm
        self.bleed = spec.bleed * mm if print_shop else 0.0
        self.slug = spec.slug * mm if print_shop else 0.0
        self.logo = content.logo_cmyk if print_shop else content.logo


class Trifold(Edition[LayoutSpec]):
    def __init__(self, content: Content, print_shop: bool) -> None:
        assert isinstance(content.spec, LayoutSpec)
        rtl = direction(content.leaflet.language) == "rtl"
        # a right-to-left leaflet is the mirror image: it opens and reads from the other side
        spec = mirrored(content.spec) if rtl else content.spec
        palette = Palette.of(content.practice.colours, cmyk=print_shop)
        super().__init__(content, spec, palette, print_shop)
        self.panels = self.spec.panel_x()

    # -- layout --------------------------------------------------------------------------------

    def room(self, panel: int, bottom: float = 0.0) -> Room:
        _, x, width = self.panels[panel]
        inset = self.spec.margin * mm
        y = inset + TOP_EXTRA + bottom
        return Room(
            panel, x * mm + inset, y, width * mm - 2 * inset, self.height - y - inset - TOP_EXTRA
        )

    def back_room(self, contact_height: float) -> Room:
        """Room for blocks pinned to the back panel: below the contact details, above the QR."""
        full = self.room(self.spec.back)
        bottom = QR_SIZE + 6 * mm if self.c.practice.website else 0.0
        return Room(
            full.panel,
            full.x,
            full.y + bottom,
            full.width,
            full.height - bottom - contact_height - 6 * mm,
        )

    def layout(self) -> tuple[list[Filled], list[Flowable], float]:
        """Pour the blocks into their panels; also the contact box for the back panel."""
        contact, contact_height = self.contact_box()
        flow = list(self.spec.flow)
        back = self.spec.back
        sequence = [*flow, back]
        rooms = {n: self.room(n) for n in flow}
        rooms[back] = self.back_room(contact_height)

        segments: list[tuple[int, list[Flowable]]] = [(0, [])]
        for block in self.c.leaflet.blocks:
            if block.panel is not None:
                if block.panel not in sequence:
                    raise BadPin(block.id, block.panel, "cannot hold blocks", sequence)
                start = sequence.index(block.panel)
                if start < segments[-1][0] or (start == segments[-1][0] and segments[-1][1]):
                    current = sequence[segments[-1][0]]
                    raise BadPin(
                        block.id,
                        block.panel,
                        f"is before panel {current}, where the blocks above it already start",
                        sequence[segments[-1][0] + 1 :],
                    )
                segments.append((start, []))
            width = rooms[sequence[segments[-1][0]]].width
            segments[-1][1].extend(block_flowables(block, self.styles, self.palette, width))

        filled: list[Filled] = []
        for index, (start, flowables) in enumerate(segments):
            if index + 1 < len(segments):
                end = segments[index + 1][0]
            else:
                end = len(flow) if start < len(flow) else len(sequence)
            if flowables:
                filled += pour(flowables, [rooms[n] for n in sequence[start:end]])
        return filled, contact, contact_height

    def fit(self) -> Fit:
        filled, _, _ = self.layout()
        free: dict[int, float] = {}
        for item in filled:
            free[item.room.panel] = free.get(item.room.panel, 0) + item.free / mm
        return Fit(free)

    # -- drawing -------------------------------------------------------------------------------

    def pages(self) -> list[Callable[[Canvas], None]]:
        """What draws each side of the sheet (the outside first), laid out before anything is
        drawn: a leaflet that does not fit raises before a page is made."""
        filled, contact, _ = self.layout()
        return [
            partial(self.draw_side, side_index=index, filled=filled, contact=contact)
            for index in range(len(self.spec.sides))
        ]

    def sheet_size(self) -> tuple[float, float]:
        return self.width + 2 * self.slug, self.height + 2 * self.slug

    def boxes(self, canvas: Canvas) -> None:
        """The print-shop edition's trim and bleed boxes, on the page being drawn."""
        if self.print_shop:
            s, b = self.slug, self.bleed
            canvas.setTrimBox((s, s, s + self.width, s + self.height))
            canvas.setBleedBox((s - b, s - b, s + self.width + b, s + self.height + b))

    def draw_side(
        self, canvas: Canvas, side_index: int, filled: list[Filled], contact: list[Flowable]
    ) -> None:
        side = self.spec.sides[side_index]
        canvas.saveState()
        canvas.translate(self.slug, self.slug)
        # each panel's text is read in the panels' order (cover, 2, 3, ...), not drawn in it
        for panel in side.panels:
            with self.panel_tags(canvas, panel.number):
                self.background(canvas, panel.number, contact)
        for item in filled:
            if self.panels[item.room.panel][0] == side_index:
                with self.panel_tags(canvas, item.room.panel):
                    draw(item, canvas)
        if self.print_shop:
            self.draw_marks(canvas, side_index, side.side)
        canvas.restoreState()

    def panel_tags(self, canvas: Canvas, panel: int) -> AbstractContextManager[None]:
        """The structure element of a panel's text, placed by reading order: the cover first,
        then the panels as numbered."""
        order = 0 if panel == self.spec.cover else panel
        return tagging.element(canvas, "Div", key=f"panel {panel}", order=order)

    def panel_rect(self, panel: int) -> tuple[float, float, float, float]:
        """The panel's area including the bleed on the sides that are a trim edge."""
        _, x, width = self.panels[panel]
        left, right = x * mm, (x + width) * mm
        if left <= 0:
            left -= self.bleed
        if right >= self.width - 0.01:
            right += self.bleed
        return left, -self.bleed, right - left, self.height + 2 * self.bleed

    def background(self, canvas: Canvas, panel: int, contact: list[Flowable]) -> None:
        if panel == self.spec.cover:
            self.draw_cover(canvas)
        elif panel == self.spec.back:
            self.draw_back(canvas, contact)
        elif panel in self.spec.motif:
            self.draw_motif(canvas, panel)

    def draw_cover(self, canvas: Canvas) -> None:
        spec, palette, styles = self.spec, self.palette, self.styles
        x, y, w, h = self.panel_rect(spec.cover)
        _, left, width = self.panels[spec.cover]
        inset = spec.margin * mm
        band = 52 * mm  # white band with the logo at the foot of the cover
        canvas.saveState()
        canvas.setFillColor(palette.primary)
        canvas.rect(x, band, w, h - band + y, stroke=0, fill=1)
        # rings around a pressure point, tone on tone, clipped to the coloured part
        path = canvas.beginPath()
        path.rect(x, band, w, h - band + y)
        canvas.clipPath(path, stroke=0, fill=0)
        cx, cy = (left + width * (0.26 if self.rtl else 0.74)) * mm, self.height - 46 * mm
        rings(canvas, cx, cy, palette.lighten(palette.primary, 0.14))
        canvas.setFillColor(palette.accent)
        canvas.circle(cx, cy, 6 * mm, stroke=0, fill=1)
        canvas.restoreState()

        # title and subtitle, white on the brand colour, above the band
        text_x, text_w = left * mm + inset, width * mm - 2 * inset
        title = self.title_paragraph(text_w)
        _, title_h = title.wrap(text_w, self.height)
        parts: list[tuple[Paragraph, float]] = [(title, title_h)]
        if self.c.leaflet.subtitle:
            sub_style = styles.emphasis.clone(
                "subtitle", fontName=self.c.fonts.regular, fontSize=14, leading=19
            )
            if self.rtl:
                make_rtl(sub_style)
            subtitle = para(markup(self.c.leaflet.subtitle), sub_style)
            parts.append((subtitle, subtitle.wrap(text_w, self.height)[1]))
        gap = 5 * mm
        y_text = band + 14 * mm + sum(height for _, height in parts) + gap * (len(parts) - 1)
        for paragraph, height in parts:  # drawn top down, so the text reads in this order
            y_text -= height
            paragraph.drawOn(canvas, text_x, y_text)
            y_text -= gap

        # logo and practice name in the white band
        logo_size = 24 * mm
        logo_y = (band - logo_size) / 2 + 2 * mm
        logo_x = text_x + text_w - logo_size if self.rtl else text_x
        self.logo.fit(canvas, logo_x, logo_y, logo_size, self.c.fonts.regular)
        name_x = text_x if self.rtl else text_x + logo_size + 4 * mm
        name_w = text_w - logo_size - 4 * mm
        lines = [para(markup(self.c.practice.name), styles.name)]
        if self.c.practice.tagline:
            lines.append(para(markup(self.c.practice.tagline), styles.small))
        heights = [p.wrap(name_w, band)[1] for p in lines]
        y_name = logo_y + logo_size / 2 + sum(heights) / 2
        for paragraph, height in zip(lines, heights, strict=True):
            y_name -= height
            paragraph.drawOn(canvas, name_x, y_name)

    def draw_motif(self, canvas: Canvas, panel: int) -> None:
        """Pale rings around a point just outside the panel's lower corner, behind the text."""
        x, y, w, h = self.panel_rect(panel)
        canvas.saveState()
        path = canvas.beginPath()
        path.rect(x, y, w, h)
        canvas.clipPath(path, stroke=0, fill=0)
        _, left, width = self.panels[panel]
        cx = (left + width) * mm if left > 0 else left * mm
        rings(canvas, cx, 0, self.palette.tint)
        canvas.restoreState()

    def title_paragraph(self, width: float) -> Paragraph:
        """The title as large as fits in three lines; a word is hyphenated only when it must be
        (never cut at a random letter), so 'Tension headache' keeps its words whole."""
        style = self.styles.heading
        paragraph = None
        for size in range(34, 19, -2):
            for hyphens in ("", self.styles.body.hyphenationLang):
                candidate = style.clone(
                    "title",
                    fontSize=size,
                    leading=size * 1.12,
                    textColor=self.palette.white,
                    spaceBefore=0,
                    spaceAfter=0,
                    hyphenationMinWordLength=6,
                    hyphenationLang=hyphens,
                )
                if self.rtl:
                    make_rtl(candidate)
                paragraph = para(markup(self.c.leaflet.title), candidate)
                paragraph.wrap(width, self.height)
                if lines_of(paragraph) <= 3 and (hyphens or self._words_fit(candidate, width)):
                    return paragraph
        assert paragraph is not None
        return paragraph

    def _words_fit(self, style: ParagraphStyle, width: float) -> bool:
        """Whether every word of the title fits the width whole (else it would be cut)."""
        return all(
            stringWidth(word, style.fontName, style.fontSize) <= width
            for word in self.c.leaflet.title.split()
        )

    def contact_box(self) -> tuple[list[Flowable], float]:
        """The back panel's contact details (logo, name, address, phone, ...) and their height."""
        practice, labels, styles = self.c.practice, self.c.labels, self.styles
        room = self.room(self.spec.back)
        items: list[Flowable] = [LogoFlowable(self.logo, 26 * mm, self.c.fonts.regular)]
        items.append(para(markup(practice.name), styles.name))
        if practice.tagline:
            items.append(para(markup(practice.tagline), styles.small))
        address = styles.contact.clone("address", spaceBefore=8)
        if self.rtl:
            make_rtl(address)
        items.append(ltr_para("<br/>".join(markup(line) for line in practice.address), address))
        label = styles.contact.clone(
            "label", fontName=self.c.fonts.bold, textColor=self.palette.primary, spaceBefore=7
        )
        if self.rtl:
            make_rtl(label)
        for caption, value in (
            (labels.phone, practice.phone),
            (labels.email, practice.email),
            (labels.website, practice.website),
            (labels.hours, practice.hours),
        ):
            if value:
                items.append(para(markup(caption), label))
                items.append(para(markup(value), styles.contact))
        height = sum(
            f.wrap(room.width, self.height)[1] + f.getSpaceBefore() + f.getSpaceAfter()
            for f in items
        )
        return items, height

    def draw_back(self, canvas: Canvas, items: list[Flowable]) -> None:
        """Tint ground, contact details from the top, a QR code to the website at the foot."""
        x, y, w, h = self.panel_rect(self.spec.back)
        room = self.room(self.spec.back)
        canvas.saveState()
        canvas.setFillColor(self.palette.tint)
        canvas.rect(x, y, w, h, stroke=0, fill=1)
        canvas.restoreState()
        cursor = room.y + room.height
        for flowable in items:
            _, height = flowable.wrap(room.width, self.height)
            cursor -= flowable.getSpaceBefore() + height
            flowable.drawOn(canvas, room.x, cursor)
            cursor -= flowable.getSpaceAfter()
        website = self.c.practice.website
        if website:
            size = QR_SIZE
            url = website if "://" in website else f"https://{website}"
            qr = qr_code(url, self.palette.text, self.palette.cmyk)
            qr_x = room.x + room.width - size if self.rtl else room.x
            qr.draw(canvas, qr_x, room.y, self.c.fonts.regular)
            caption = para(markup(self.c.labels.scan), self.styles.contact)
            cap_w = room.width - size - 5 * mm
            _, cap_h = caption.wrap(cap_w, size)
            cap_x = room.x if self.rtl else room.x + size + 5 * mm
            caption.drawOn(canvas, cap_x, room.y + (size - cap_h) / 2)

    def draw_marks(self, canvas: Canvas, side_index: int, side_name: str) -> None:
        side = self.spec.sides[side_index]
        folds, x = [], 0.0
        for panel in side.panels[:-1]:
            x += panel.width
            folds.append(x * mm)
        marks.crop_marks(canvas, self.width, self.height, self.bleed, self.slug)
        marks.fold_marks(canvas, folds, self.height, self.bleed, self.slug)
        order = " | ".join(str(p.number) for p in side.panels)
        marks.slug_line(
            canvas,
            f"{self.c.leaflet.leaflet} · {self.c.leaflet.language} · {self.spec.layout} · "
            f"{side_name} ({order}) · {self.spec.width:g} x {self.spec.height:g} mm, "
            f"bleed {self.spec.bleed:g} mm",
            self.c.fonts.regular,
            self.bleed,
            self.slug,
        )
