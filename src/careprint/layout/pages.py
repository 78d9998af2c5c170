"""Leaflets as whole pages in reading order: the A5 booklet, large print and the screen edition.

The same blocks as the tri-fold, flowing from page to page. A booklet has a cover (the brand
colour, the title, the logo) and a back cover with the practice's contact details, and its page
count is made a multiple of four with pages for the reader's notes, so it can be folded and
stapled (the booklet is laid out once to count its pages, then with the pages it needs). Large
print uses dark text on white only. The screen edition has working links and a bookmark for
every block. Page numbers are drawn when the number of pages is known.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from careprint.content.models import PagesSpec
from careprint.layout import marks
from careprint.layout.blocks import block_flowables, markup
from careprint.layout.brand import Palette
from careprint.layout.pieces import WritingLines, page_number
from careprint.layout.rtl import ltr_para, make_rtl, para
from careprint.layout.trifold import QR_SIZE, Content, Edition, LogoFlowable, qr_code, rings


class Bookmark(Flowable):  # type: ignore[misc]
    """An entry in the PDF's outline, pointing at the place where it stands."""

    def __init__(self, key: str, title: str) -> None:
        super().__init__()
        self.key, self.title = key, title
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkHorizontal(self.key, 0, 0)
        self.canv.addOutlineEntry(self.title, self.key, level=0)


def shortened(text: str, most: int = 60) -> str:
    """``text`` cut to at most about ``most`` characters at a word, with an ellipsis."""
    if len(text) <= most:
        return text
    return text[:most].rsplit(" ", 1)[0].rstrip(",;:") + "…"


class Pages(Edition[PagesSpec]):
    def __init__(self, content: Content, print_shop: bool) -> None:
        assert isinstance(content.spec, PagesSpec)
        spec = content.spec
        print_shop = print_shop and spec.print_shop
        palette = Palette.of(content.practice.colours, cmyk=print_shop)
        if spec.high_contrast:  # headings and marks in the dark text colour too
            palette = Palette(
                palette.cmyk, palette.text, palette.text, palette.white, palette.text, palette.white
            )
        super().__init__(content, spec, palette, print_shop)
        self.booklet = self.spec.kind == "booklet"

    # -- story ---------------------------------------------------------------------------------

    @property
    def text_width(self) -> float:
        return float(self.width - 2 * self.spec.margin * mm)

    def story(self, note_pages: int = 0) -> list[Flowable]:
        """The blocks in reading order; a booklet's with ``note_pages`` pages for the reader's
        notes before its back cover."""
        story: list[Flowable] = []
        if self.booklet:
            story += [NextPageTemplate("text"), PageBreak()]  # the cover is drawn, not flowed
        else:
            story += self.title_block()
        for block in self.c.leaflet.blocks:
            if self.spec.outline:
                title = block.heading or shortened((block.paragraphs() or block.bullets)[0])
                story.append(Bookmark(f"block-{block.id}", title))
            story += block_flowables(
                block,
                self.styles,
                self.palette,
                self.text_width,
                self.spec.high_contrast,
                splittable=True,
            )
        if self.booklet:
            height = self.frame_height()
            for _ in range(note_pages):
                story += [
                    PageBreak(),
                    WritingLines(self.notes_title(), self.styles.heading, self.palette, height),
                ]
            story += [NextPageTemplate("back"), PageBreak(), Spacer(1, 1)]
        else:
            if self.spec.outline:
                story.append(Bookmark("contact", self.c.practice.name))
            story += self.contact(boxed=True)
        return story

    def notes_title(self) -> str:
        return self.c.labels.handout.questions

    def title_block(self) -> list[Flowable]:
        """Title, subtitle and the practice's name and logo at the top of page 1."""
        s = self.styles
        title = s.heading.clone(
            "title",
            fontSize=round(self.spec.body_size * 2.2),
            leading=round(self.spec.body_size * 2.6),
            spaceBefore=0,
        )
        subtitle = s.body.clone(
            "subtitle", fontSize=self.spec.body_size * 1.2, leading=self.spec.body_size * 1.6
        )
        if self.rtl:
            make_rtl(title)
            make_rtl(subtitle)
        size = 16 * mm
        name = [para(markup(self.c.practice.name), s.name)]
        if self.c.practice.tagline:
            name.append(para(markup(self.c.practice.tagline), s.small))
        logo = LogoFlowable(self.logo, size, self.c.fonts.regular)
        logo.spaceAfter = 0
        cells = [logo, name]
        widths = [size + 5 * mm, self.text_width - size - 5 * mm]
        if self.rtl:
            cells.reverse()
            widths.reverse()
        header = Table(
            [cells],
            colWidths=widths,
            style=TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("LINEBELOW", (0, 0), (-1, -1), 1.2, self.palette.primary),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4 * mm),
                    ("FONT", (0, 0), (-1, -1), self.c.fonts.regular, self.spec.body_size),
                ]
            ),
        )
        items: list[Flowable] = [
            header,
            Spacer(1, 8 * mm),
            para(markup(self.c.leaflet.title), title),
        ]
        if self.c.leaflet.subtitle:
            items.append(para(markup(self.c.leaflet.subtitle), subtitle))
        items.append(Spacer(1, 4 * mm))
        return items

    def contact(self, boxed: bool) -> list[Flowable]:
        """The practice's contact details; links in the screen edition."""
        practice, labels, s = self.c.practice, self.c.labels, self.styles
        lines: list[Flowable] = [para(markup(practice.name), s.contact_heading)]
        if practice.tagline:
            lines.append(para(markup(practice.tagline), s.small))
        lines.append(para("<br/>".join(markup(line) for line in practice.address), s.contact))
        label = s.contact.clone(
            "label", fontName=self.c.fonts.bold, textColor=self.palette.primary, spaceBefore=6
        )
        value_style = s.contact.clone("value", alignment=2 if self.rtl else 0)
        if self.rtl:
            make_rtl(label)
        website = practice.website or ""
        url = website if "://" in website else f"https://{website}"
        phone_link = "tel:" + "".join(ch for ch in practice.phone if ch.isdigit() or ch == "+")
        for caption, value, link in (
            (labels.phone, practice.phone, phone_link),
            (labels.email, practice.email, f"mailto:{practice.email}"),
            (labels.website, practice.website, url),
            (labels.hours, practice.hours, None),
        ):
            if not value:
                continue
            lines.append(para(markup(caption), label))
            shown = markup(value)
            if self.spec.links and link:
                shown = (
                    f'<a href="{markup(link)}" color="{self.palette.primary.hexval()}">{shown}</a>'
                )
            # addresses and numbers read left to right in every language
            role = "Link" if self.spec.links and link else None  # read with its annotation
            lines.append(ltr_para(shown, value_style, role=role))
        if not boxed:
            return lines
        box = Table([[lines]], colWidths=[self.text_width])
        ground = self.palette.white if self.spec.high_contrast else self.palette.tint
        box.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), ground),
                    (
                        "BOX",
                        (0, 0),
                        (-1, -1),
                        1.5 if self.spec.high_contrast else 0,
                        self.palette.primary,
                    ),
                    ("LEFTPADDING", (0, 0), (-1, -1), 5 * mm),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 5 * mm),
                    ("TOPPADDING", (0, 0), (-1, -1), 4 * mm),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5 * mm),
                    ("FONT", (0, 0), (-1, -1), self.c.fonts.regular, self.spec.body_size),
                ]
            )
        )
        return [Spacer(1, 6 * mm), box]

    # -- pages ---------------------------------------------------------------------------------

    FOOTER = 10 * mm

    def frame_height(self) -> float:
        return float(self.height - 2 * self.spec.margin * mm - self.FOOTER)

    def frame(self) -> Frame:
        inset = self.spec.margin * mm
        return Frame(
            self.slug + inset,
            self.slug + inset + self.FOOTER,
            self.width - 2 * inset,
            self.frame_height(),
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="text",
        )

    def on_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        if self.print_shop:
            s, b = self.slug, self.bleed
            canvas.setTrimBox((s, s, s + self.width, s + self.height))
            canvas.setBleedBox((s - b, s - b, s + self.width + b, s + self.height + b))
            canvas.saveState()
            canvas.translate(s, s)
            marks.crop_marks(canvas, self.width, self.height, self.bleed, self.slug)
            canvas.restoreState()

    def draw_cover(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """The booklet's front: the brand colour into the bleed, rings, title, a logo band."""
        self.on_page(canvas, doc)
        palette, s = self.palette, self.styles
        canvas.saveState()
        canvas.translate(self.slug, self.slug)
        band = 48 * mm
        canvas.setFillColor(palette.primary)
        canvas.rect(
            -self.bleed,
            band,
            self.width + 2 * self.bleed,
            self.height - band + self.bleed,
            stroke=0,
            fill=1,
        )
        path = canvas.beginPath()
        path.rect(-self.bleed, band, self.width + 2 * self.bleed, self.height - band + self.bleed)
        canvas.clipPath(path, stroke=0, fill=0)
        cx = self.width * (0.25 if self.rtl else 0.75)
        rings(canvas, cx, self.height - 50 * mm, palette.lighten(palette.primary, 0.14))
        canvas.setFillColor(palette.accent)
        canvas.circle(cx, self.height - 50 * mm, 6 * mm, stroke=0, fill=1)
        canvas.restoreState()
        canvas.saveState()
        canvas.translate(self.slug, self.slug)
        inset = self.spec.margin * mm
        width = self.width - 2 * inset
        title = s.heading.clone(
            "cover", fontSize=28, leading=32, textColor=palette.white, spaceBefore=0
        )
        sub = s.emphasis.clone("coversub", fontName=self.c.fonts.regular, fontSize=14, leading=19)
        if self.rtl:
            make_rtl(title)
            make_rtl(sub)
        parts = [para(markup(self.c.leaflet.title), title)]
        if self.c.leaflet.subtitle:
            parts.append(para(markup(self.c.leaflet.subtitle), sub))
        heights = [part.wrap(width, self.height)[1] for part in parts]
        y = band + 14 * mm + sum(heights) + 4 * mm * (len(parts) - 1)
        for part, h in zip(parts, heights, strict=True):  # top down: in reading order
            y -= h
            part.drawOn(canvas, inset, y)
            y -= 4 * mm
        size = 22 * mm
        logo_x = self.width - inset - size if self.rtl else inset
        self.logo.fit(canvas, logo_x, (band - size) / 2, size, self.c.fonts.regular)
        name = para(markup(self.c.practice.name), s.name)
        _, h = name.wrap(width - size - 5 * mm, band)
        name.drawOn(canvas, inset if self.rtl else inset + size + 5 * mm, band / 2 - h / 2)
        canvas.restoreState()

    def draw_back(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """The booklet's back: a tint ground, the contact details, a QR code to the website."""
        self.on_page(canvas, doc)
        canvas.saveState()
        canvas.translate(self.slug, self.slug)
        canvas.setFillColor(self.palette.tint)
        canvas.rect(
            -self.bleed,
            -self.bleed,
            self.width + 2 * self.bleed,
            self.height + 2 * self.bleed,
            stroke=0,
            fill=1,
        )
        inset = self.spec.margin * mm
        width = self.width - 2 * inset
        s = self.styles
        y = self.height - inset - 26 * mm
        logo_x = self.width - inset - 26 * mm if self.rtl else inset
        self.logo.fit(canvas, logo_x, y, 26 * mm, self.c.fonts.regular)
        y -= 6 * mm
        for line in self.contact(boxed=False):
            _, h = line.wrap(width, self.height)
            y -= h + line.getSpaceBefore()
            line.drawOn(canvas, inset, y)
            y -= line.getSpaceAfter()
        if self.c.practice.website:
            website = self.c.practice.website
            url = website if "://" in website else f"https://{website}"
            qr_x = self.width - inset - QR_SIZE if self.rtl else inset
            qr_y = inset + 6 * mm
            qr = qr_code(url, self.palette.text, self.palette.cmyk)
            qr.draw(canvas, qr_x, qr_y, self.c.fonts.regular)
            caption = para(markup(self.c.labels.scan), s.contact)
            gap = 5 * mm
            _, cap_h = caption.wrap(width - QR_SIZE - gap, QR_SIZE)
            cap_x = inset if self.rtl else inset + QR_SIZE + gap
            caption.drawOn(canvas, cap_x, qr_y + (QR_SIZE - cap_h) / 2)
        canvas.restoreState()

    def page_size(self) -> tuple[float, float]:
        return self.width + 2 * self.slug, self.height + 2 * self.slug

    def templates(self) -> list[PageTemplate]:
        text = PageTemplate("text", [self.frame()], onPage=self.on_page)
        if not self.booklet:
            return [text]
        return [
            PageTemplate("cover", [self.frame()], onPage=self.draw_cover),
            text,
            PageTemplate("back", [self.frame()], onPage=self.draw_back),
        ]

    def footer(self) -> Callable[[Canvas, int, int], None]:
        """The page number at the foot of each page (not on a booklet's covers: ``skip``)."""
        inset = self.spec.margin * mm
        geometry = (self.slug + inset, self.slug + self.width - inset, self.slug + inset)
        return page_number(
            self.c.labels.handout.page,
            self.c.fonts.regular,
            self.palette.text,
            geometry,
            size=self.spec.body_size,
            rtl=self.rtl,
        )

    @property
    def skip(self) -> tuple[int, ...]:
        return (1, -1) if self.booklet else ()
