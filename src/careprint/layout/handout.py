"""The personal handout: A4 portrait, the practice's header on every page.

Page 1 is the client's plan: the introduction, the therapist's notes (over more pages when they
are long), a tick-box week of the chosen points and how to read the pressure scale. Then each
point has a page of its own, with a large diagram, the instructions and the dosage; the
cautions and the practice's contact close the last page. A point is never split over two
pages. Page numbers ("Pagina 1 van 2") are drawn once the number of pages is known.

The parts a handout shares with others (a point's page, a row of the week, the header) are
made through ``keep(key, make)``: the fast path keeps them between documents (render/replay.py),
the plain path makes them for every document. Keys name what the part shows, within the
content every handout of the same practice and language shares.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from babel.dates import format_date
from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from careprint.content import logbook
from careprint.content.contrast import URGENT_GROUND, WARN_DARKEN
from careprint.content.dosage import Dose
from careprint.content.i18n import date_locale, direction
from careprint.content.models import Choice, Client, HandoutLabels, Labels, Practice, SelfMassage
from careprint.layout.artwork import Artwork
from careprint.layout.blocks import BULLET, markup
from careprint.layout.brand import Palette
from careprint.layout.diagram import BodyDiagram
from careprint.layout.links import Linked, QRCode
from careprint.layout.pieces import (
    FOOTER,
    FRAME_H,
    HEADER,
    MARGIN,
    SIZE,
    Legend,
    PressureScale,
    ScaleWords,
    Stack,
    WritingLines,
    page_number,
)
from careprint.layout.rtl import FOREIGN, draw_line, foreign, line_width, para, plain
from careprint.layout.styles import HandoutStyles
from careprint.layout.tagged import Struct, group
from careprint.layout.week import Spot, WeekCalendar
from careprint.render.fonts import FontSet

DIAGRAM_W, DIAGRAM_H = 64 * mm, 82 * mm
QR_SIZE = 20 * mm  # the QR code to a point's video: large enough for any phone's camera
ROW = {"Scope": "Row"}  # a header cell's structure attribute: it heads its row
GAP = 7 * mm

Keep = Callable[[Hashable, Callable[[], Flowable]], Flowable]


def made(key: Hashable, make: Callable[[], Flowable]) -> Flowable:
    """``keep`` that keeps nothing: every part made anew."""
    return make()


class HeaderTooLong(Exception):
    """The practice's name or tagline is wider than the room the handout's header has for it."""

    def __init__(self, field: str, excess: float) -> None:
        super().__init__(field)
        self.field, self.excess_mm = field, excess / mm


NAME_SIZES = (14.0, 13.0, 12.0, 11.0)  # the practice's name in the header: smaller, not cut


def header_name_size(practice: Practice, fonts: FontSet, rtl: bool) -> float:
    """The size the practice's name is printed at in the header: the largest of
    :data:`NAME_SIZES` at which it and the tagline fit beside the phone number and web address.
    :class:`HeaderTooLong` when none does."""

    def width(text: str, font: str, size: float) -> float:
        return line_width(text, font, size) if rtl else float(stringWidth(text, font, size))

    shown = (practice.phone, practice.website or "")
    contact = max(width(text, fonts.regular, SIZE) for text in shown)
    room = A4[0] - 2 * MARGIN - 15 * mm - 4 * mm - 6 * mm - contact
    if practice.tagline and (excess := width(practice.tagline, fonts.regular, SIZE) - room) > 0:
        raise HeaderTooLong("tagline", excess)
    for size in NAME_SIZES:
        if (excess := width(practice.name, fonts.bold, size) - room) <= 0:
            return size
    raise HeaderTooLong("name", excess)


class PointTooLong(Exception):
    """A point's instructions do not fit on one page."""

    def __init__(self, point: str, has_note: bool, excess: float) -> None:
        super().__init__(point)
        self.point, self.has_note, self.excess = point, has_note, excess


@dataclass(frozen=True)
class HandoutContent:
    """Everything a handout shows, as plain validated data."""

    client: Client
    points: list[tuple[Choice, SelfMassage]]
    practice: Practice
    labels: Labels
    fonts: FontSet
    logo: Artwork
    outlines: dict[str, Artwork]  # view name -> its body outline, in the handout's colours
    # the letters every handout in this language starts its fonts with (render/replay.py)
    alphabet: str = ""
    code: str = ""  # printed under the week: matches a returned handout to its client file
    fillable: bool = False  # the week, the pain scores and the questions as form fields


class Handout(WeekCalendar):
    def __init__(self, content: HandoutContent, keep: Keep = made) -> None:
        self.c = content
        self.keep = keep
        self.text: HandoutLabels = content.labels.handout
        self.language = content.client.language
        self.rtl = direction(self.language) == "rtl"
        self.palette = Palette.of(content.practice.colours, cmyk=False)
        self.styles = HandoutStyles(content.fonts, self.palette, self.rtl)
        self.doses = [Dose.of(entry, choice) for choice, entry in content.points]
        self.week = logbook.week(content.client.date)
        self.spots: list[Spot] = []  # a fillable handout's fields, as they are drawn
        self.page = 0  # the page being drawn
        self._tooltips: dict[str, str] = {}

    # -- flowables -----------------------------------------------------------------------------

    def story(self) -> list[Flowable]:
        s, t, client = self.styles, self.text, self.c.client
        date = format_date(client.date, "long", locale=date_locale(self.language))
        story: list[Flowable] = [
            self._mixed(t.title.format(name=client.name), s.title),
            para(markup(t.consult.format(date=date, therapist=client.therapist)), s.body),
            Spacer(1, 2 * mm),
            self._kept(("intro",), lambda: para(markup(t.intro), s.body)),
        ]
        if client.notes:
            story.append(self.notes(client.notes))
        story += [
            self.calendar(),
            KeepTogether(  # before you start: on page 1 when there is room, else together on 2
                [
                    self._kept(("before", "title"), lambda: para(markup(t.before), s.section)),
                    self._kept(("ask first",), self.ask_first),
                    self._kept(("guide",), self.reading_guide),
                ]
            ),
        ]
        for number, ((choice, entry), dose) in enumerate(
            zip(self.c.points, self.doses, strict=True), start=1
        ):
            story += [PageBreak(), *self.point_pages(number, choice, entry, dose)]
        questions = None
        if self.c.fillable:
            self._tooltips[logbook.QUESTIONS] = self.text.questions
            questions = (logbook.QUESTIONS, self.mark)
        story += [
            self._kept(("closing",), self.closing),
            WritingLines(self.text.questions, self.styles.label, self.palette, field=questions),
        ]
        return story

    def notes(self, notes: str) -> Flowable:
        """The therapist's notes in a tinted box: one row per paragraph, so that notes of any
        length go on over the next page (a paragraph longer than a page is split too)."""
        s = self.styles
        rows = [[para(markup(self.text.notes), s.label)]]
        rows += [[self._mixed(p, s.body)] for p in _paragraphs(notes)]
        table = Table(rows, colWidths=[self.width], splitInRow=1)
        table.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), self.palette.tint),
                    ("LEFTPADDING", (0, 0), (-1, -1), SIZE),
                    ("RIGHTPADDING", (0, 0), (-1, -1), SIZE),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, 0), SIZE * 0.8),
                    ("BOTTOMPADDING", (0, 1), (-1, -1), s.body.spaceAfter),  # between paragraphs
                    ("BOTTOMPADDING", (0, -1), (-1, -1), SIZE * 0.9),
                    ("ROUNDEDCORNERS", [2 * mm] * 4),
                    *self._font_cmds(),
                ]
            )
        )
        table.spaceBefore, table.spaceAfter = SIZE * 0.5, SIZE * 0.5
        return table

    def reading_guide(self) -> Flowable:
        """How to read the pressure scale and the diagrams, once, on page 1."""
        s, t = self.styles, self.text
        return Stack(
            [
                self._box(
                    [
                        para(markup(t.scale), s.tight),
                        Spacer(1, 3 * mm),
                        PressureScale(
                            self.width - 2 * SIZE,
                            self.palette,
                            self.c.fonts.regular,
                            numbers=True,
                            rtl=self.rtl,
                        ),
                        Spacer(1, 1 * mm),
                        ScaleWords(
                            self.width - 2 * SIZE,
                            [getattr(t.scale_words, name) for name in SCALE_WORDS],
                            s.like(s.tight, "scale word", alignment=1),
                            rtl=self.rtl,
                        ),
                        Spacer(1, 3 * mm),
                        para(markup(t.next_day), s.tight),
                        Spacer(1, 3 * mm),
                        self._legend(self.width - 2 * SIZE),
                    ],
                    self.palette.tint,
                ),
            ]
        )

    def ask_first(self) -> Flowable:
        """Before starting: when to ask the practice first (in two columns)."""
        s, t = self.styles, self.text
        items = [para(markup(i), s.bullet, bulletText=BULLET) for i in t.ask_first]
        half = (len(items) + 1) // 2
        inner = self.width - 2 * SIZE
        columns = Table(
            [self.row([group("Div", items[:half], 0), group("Div", items[half:], 1)])],
            colWidths=[inner / 2, inner / 2],
            style=self._grid_style(pad=0),
        )
        columns.setStyle(TableStyle([("RIGHTPADDING", (0, 0), (0, -1), GAP / 2)]))
        columns.setStyle(TableStyle([("LEFTPADDING", (1, 0), (1, -1), GAP / 2)]))
        return self._box(
            [para(markup(t.ask_first_heading), s.label), Spacer(1, 1 * mm), Struct(columns, "Div")],
            self.palette.tint,
        )

    def _legend(self, width: float) -> Table:
        s, t = self.styles, self.text
        return Table(
            [
                self.row(
                    [
                        Legend("point", self.palette),
                        para(markup(t.legend_point), s.tight),
                        Legend("zone", self.palette),
                        para(markup(t.legend_zone), s.tight),
                    ]
                )
            ],
            colWidths=self.row([9 * mm, width / 2 - 9 * mm, 9 * mm, width / 2 - 9 * mm]),
            style=self._grid_style(pad=1.5),
        )

    def row(self, cells: list[Any]) -> list[Any]:
        """Cells of a table row in reading order, drawn from the right in a right-to-left text."""
        return list(reversed(cells)) if self.rtl else cells

    @property
    def width(self) -> float:
        return float(A4[0] - 2 * MARGIN)

    def _kept(self, key: tuple[object, ...], make: Callable[[], Flowable]) -> Flowable:
        """A part made through ``keep``: whole, laid out once (see the module's docstring)."""
        return self.keep(key, lambda: Stack.of(make()))

    def _cell(self, key: tuple[object, ...], make: Callable[[], list[Flowable]]) -> Flowable:
        """The flowables of a table cell (left-aligned), kept on their own: the tables around
        them differ more often than they do."""
        return self.keep(("cell", *key), lambda: Stack.of(*make()))

    def point_pages(
        self, number: int, choice: Choice, entry: SelfMassage, dose: Dose
    ) -> list[Flowable]:
        """A point's parts on one page, or on two: the rest under the heading marked as
        continued. :class:`PointTooLong` when two pages are too few."""
        parts, safety = self.point_parts(number, choice, entry, dose)
        if _height(parts, self.width) <= FRAME_H:
            return [Stack(parts)]
        fits = [k for k in range(1, len(parts)) if _height(parts[:k], self.width) <= FRAME_H]
        # the safety texts (the urgent signs, what to avoid, when to stop) stay together on the
        # second page where they fit there; else as much as fits goes on the first
        first = safety if safety in fits else max(fits, default=1)
        rest = parts[first:]
        while rest and isinstance(rest[0], Spacer):
            rest = rest[1:]
        heading = self._kept(
            ("continued", number, entry.muscle), lambda: self._continued(number, entry)
        )
        rest = [heading, Spacer(1, 3 * mm), *rest]
        excess = max(_height(parts[:first], self.width), _height(rest, self.width)) - FRAME_H
        if excess > 0:
            raise PointTooLong(entry.id, bool(choice.note), excess)
        return [Stack(parts[:first]), PageBreak(), Stack(rest)]

    def _continued(self, number: int, entry: SelfMassage) -> Flowable:
        s = self.styles
        text = f"{number}  {markup(entry.muscle)} ({markup(self.text.continued)})"
        return para(text, s.like(s.point, "continued", fontSize=SIZE * 1.15, leading=SIZE * 1.4))

    def point_parts(
        self, number: int, choice: Choice, entry: SelfMassage, dose: Dose
    ) -> tuple[list[Flowable], int]:
        """The parts of a point's page, and where its safety texts start (see
        :meth:`point_pages`)."""
        t = self.text
        entry_key = entry.model_dump_json()
        parts: list[Flowable] = [
            self._kept(
                ("head", number, entry.muscle, entry.latin),
                lambda: self._point_heading(number, entry),
            ),
        ]
        if entry.instruction_first:
            parts += [
                Spacer(1, 2 * mm),
                self._kept(("practice first",), self._practice_first),
            ]
        # a link cannot be copied (render/replay.py): with a video, the body is laid out for
        # each handout around its parts, which are copied
        body = (
            self._body(entry, choice)
            if self.c.practice.video(entry)
            else self._kept(("body", entry_key, choice.side), lambda: self._body(entry, choice))
        )
        parts += [
            Spacer(1, 3 * mm),
            body,
            Spacer(1, 2 * mm),
            self._kept(("dose", entry_key, dose), lambda: self.dosage(entry, dose)),
            Spacer(1, 2 * mm),
        ]
        safety = len(parts)
        parts += [
            self._kept(("urgent", entry_key), lambda: self._urgent(entry.urgent_if)),
            Spacer(1, 2 * mm),
            self._kept(
                ("lists", entry_key),
                lambda: self._two_lists(
                    (t.avoid, entry.avoid), (t.stop_if, entry.stop_if), self.palette.accent
                ),
            ),
        ]
        if choice.note:
            note = choice.note
            kept = self._note(note) if FOREIGN.search(note) else None  # drawn in its document
            parts.append(kept or self._kept(("note", note), lambda: self._note(note)))
        return parts, safety

    def _practice_first(self) -> Flowable:
        """On a point given only after it was practised in the practice: say so, in a frame."""
        notice = para(markup(self.text.instruction_first), self.styles.label)
        return self._framed([notice], self.palette.primary, None, pad=(0.8, 0.4, 0.5))

    def _urgent(self, items: list[str]) -> Flowable:
        """When to stop and call the GP or the huisartsenpost at once (or 112): a framed box
        in the accent colour, before the practice's own stop signs."""
        s, t, palette = self.styles, self.text, self.palette
        heading = s.like(s.label, "urgent heading", textColor=palette.text)
        bullet = s.like(s.bullet, "urgent", spaceAfter=SIZE * 0.15)
        flowables = [para(markup(t.urgent_if), heading), Spacer(1, 1 * mm)]
        flowables += [para(emphasised(i), bullet, bulletText=BULLET) for i in items]
        return self._framed(flowables, *self._urgent_colours(), pad=(0.8, 0.5, 0.4))

    def _urgent_colours(self) -> tuple[Color, Color]:
        """The urgent signs' frame and ground: the accent colour, darker and very light."""
        accent = self.palette.accent
        return self.palette.darken(accent, 0.15), self.palette.lighten(accent, URGENT_GROUND)

    def _framed(
        self,
        items: list[Flowable],
        border: Color,
        ground: Color | None,
        pad: tuple[float, float, float],
    ) -> Table:
        """``items`` in a rounded frame of ``border``, on ``ground``; ``pad`` is the padding
        beside, above and below them, in body sizes."""
        side, top, bottom = (SIZE * part for part in pad)
        commands: list[tuple[Any, ...]] = [
            ("BOX", (0, 0), (-1, -1), 2 if ground is not None else 1.6, border),
            ("LEFTPADDING", (0, 0), (-1, -1), side),
            ("RIGHTPADDING", (0, 0), (-1, -1), side),
            ("TOPPADDING", (0, 0), (-1, -1), top),
            ("BOTTOMPADDING", (0, 0), (-1, -1), bottom),
            ("ROUNDEDCORNERS", [2 * mm] * 4),
            *self._font_cmds(),
        ]
        if ground is not None:
            commands.insert(0, ("BACKGROUND", (0, 0), (-1, -1), ground))
        return Table([[items]], colWidths=[self.width], style=TableStyle(commands))

    def _mixed(self, text: str, style: ParagraphStyle) -> Flowable:
        """A paragraph of ``text``; right-to-left words in it (a client's name in Arabic) in
        the faces that have them, read (ActualText) in their own order."""
        other = self.c.fonts.other
        if other is None or self.rtl:
            return para(markup(text), style)
        font = other.bold if style.fontName == self.c.fonts.bold else other.regular
        shown = foreign(markup(text), font, style.fontSize)
        return para(shown, style, attrs={"ActualText": plain(markup(text))})

    def _note(self, note: str) -> Flowable:
        s, t = self.styles, self.text
        return self._box(
            [
                para(markup(t.note), s.label),
                *[self._mixed(p, s.tight) for p in _paragraphs(note)],
            ],
            self.palette.tint,
        )

    def _body(self, entry: SelfMassage, choice: Choice) -> Flowable:
        """The diagram with its legend beside where to find the point and how to massage it."""
        s, t = self.styles, self.text
        side = getattr(t.sides, choice.side)
        right_width = self.width - DIAGRAM_W - GAP
        diagram = self._kept(
            ("diagram", entry.diagram.model_dump_json(), choice.side),
            lambda: BodyDiagram(
                self.c.outlines[entry.diagram.view],
                entry.diagram.view,
                entry.diagram,
                choice.side,
                self.palette,
                self.c.fonts.regular,
                DIAGRAM_W,
                DIAGRAM_H,
            ),
        )
        legend = self._kept(("diagram legend",), self._diagram_legend)
        figure = Struct(diagram, "Figure", {"Alt": self.alt_text(entry, choice)}, content=True)
        shown: list[Flowable] = [figure, Spacer(1, 2 * mm), legend]
        url = self.c.practice.video(entry)
        if url:
            shown += [Spacer(1, 2 * mm), self._video(url)]
        left = group("Div", shown, 0)
        right: list[Flowable] = [  # the text, in parts shared by the point's sides and tools
            self._cell(
                ("where", tuple(entry.complaints), entry.where),
                lambda: [
                    para(markup(t.helps), s.heading),
                    *[para(markup(c), s.bullet, bulletText=BULLET) for c in entry.complaints],
                    para(markup(t.where), s.heading),
                    *[para(markup(p), s.body) for p in _paragraphs(entry.where)],
                    para(markup(t.how), s.heading),
                ],
            ),
            self._cell(
                ("tool", entry.tool, side),
                lambda: [
                    para(
                        f"<b>{markup(t.tool)}:</b> {markup(getattr(t.tools, entry.tool))}. "
                        f"<b>{markup(t.side)}:</b> {markup(side)}.",
                        s.body,
                    )
                ],
            ),
            self._cell(
                ("how", entry.how),
                lambda: [para(markup(p), s.body) for p in _paragraphs(entry.how)],
            ),
        ]
        body = Table(
            [self.row([left, group("Div", right, 1)])],
            colWidths=self.row([DIAGRAM_W + GAP, right_width]),
            style=self._grid_style(pad=0),
        )
        if self.rtl:  # the diagram on the right, the gap between it and the text
            body.setStyle(TableStyle([("ALIGN", (1, 0), (1, 0), "RIGHT")]))
        return Struct(body, "Div")

    def _diagram_legend(self) -> Flowable:
        s, t = self.styles, self.text
        return Table(
            [
                self.row([Legend("point", self.palette), para(markup(t.legend_point), s.tight)]),
                self.row([Legend("zone", self.palette), para(markup(t.legend_zone), s.tight)]),
            ],
            colWidths=self.row([9 * mm, DIAGRAM_W - 9 * mm]),
            style=self._grid_style(pad=1.5),
        )

    def alt_text(self, entry: SelfMassage, choice: Choice) -> str:
        """What a body diagram shows, in words (the figure's alternative text)."""
        t = self.text
        return t.figure_alt.format(
            view=getattr(t.figure_views, entry.diagram.view),
            muscle=entry.muscle,
            side=getattr(t.sides, choice.side),
        )

    def _video(self, url: str) -> Flowable:
        """The QR code to the point's video, and a line saying what it opens, beside it."""
        s = self.styles
        colour, font = self.palette.text, self.c.fonts.regular
        drawn = self._kept(("qr", url), lambda: QRCode(url, QR_SIZE, colour, font))
        code = Struct(Linked(drawn, url), "Link", content=True)  # read with its annotation
        caption = para(markup(self.text.video), s.tight)
        table = Table(
            [self.row([code, caption])],
            colWidths=self.row([QR_SIZE + 3 * mm, DIAGRAM_W - QR_SIZE - 3 * mm]),
            style=self._grid_style(pad=0),
        )
        if self.rtl:  # the code on the right, the gap between it and its caption
            table.setStyle(TableStyle([("ALIGN", (1, 0), (1, 0), "RIGHT")]))
        return table

    def _point_heading(self, number: int, entry: SelfMassage) -> Flowable:
        s = self.styles
        badge = Table(
            [[para(str(number), s.like(s.white, "badge", alignment=1), role="Artifact")]],
            colWidths=[9 * mm],
            rowHeights=[9 * mm],
            style=TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), self.palette.accent),
                    ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("ROUNDEDCORNERS", [4.5 * mm] * 4),
                    *self._font_cmds(),
                ]
            ),
        )
        names = self._cell(
            ("names", entry.muscle, entry.latin),
            lambda: [para(markup(entry.muscle), s.point), para(markup(entry.latin), s.latin)],
        )
        return Table(
            [self.row([badge, names])],
            colWidths=self.row([13 * mm, self.width - 13 * mm]),
            style=TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                    ("LINEABOVE", (0, 0), (-1, 0), 1.2, self.palette.primary),
                    ("TOPPADDING", (0, 0), (-1, 0), 3 * mm),
                    *self._font_cmds(),
                ]
            ),
        )

    def dosage(self, entry: SelfMassage, dose: Dose) -> Flowable:
        s, t = self.styles, self.text
        rest = t.rest_value.format(dose.rest_days) if dose.rest_days else t.rest_none
        first = self.width * 0.28
        cell_w = (self.width - first) / 4

        def cell(index: int, label: str, value: str, scale: bool = False) -> list[Flowable]:
            def items() -> list[Flowable]:
                row = f"row {index}"  # read as a table: a row for each, the label its header
                made: list[Flowable] = [
                    Struct(
                        Struct(para(markup(label), s.label), "TH", ROW, order=0),
                        "TR",
                        order=index,
                        key=row,
                    ),
                    Struct(
                        Struct(para(markup(value), s.tight), "TD", order=1),
                        "TR",
                        order=index,
                        key=row,
                    ),
                ]
                if scale:
                    made += [
                        Spacer(1, 1.5 * mm),
                        PressureScale(
                            first - 6 * mm,
                            self.palette,
                            self.c.fonts.regular,
                            target=entry.pressure.target,
                            stop=entry.pressure.stop,
                            rtl=self.rtl,
                        ),
                    ]
                return made

            key = (index, label, value, scale and (entry.pressure.target, entry.pressure.stop))
            return [self._cell(key, items)]

        pressure = t.pressure_value.format(target=entry.pressure.target, stop=entry.pressure.stop)
        row = [
            cell(0, t.pressure, pressure, scale=True),
            cell(1, t.hold, t.seconds.format(dose.hold)),
            cell(2, t.repeats, t.times.format(dose.repeats)),
            cell(3, t.per_day, t.per_day_value.format(dose.per_day)),
            cell(4, t.rest, rest),
        ]
        table = Table([self.row(row)], colWidths=self.row([first] + [cell_w] * 4))
        table.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), self.palette.tint),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm),
                    ("TOPPADDING", (0, 0), (-1, -1), 2.2 * mm),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2 * mm),
                    ("LINEAFTER", (0, 0), (-2, -1), 0.8, self.palette.white),
                    ("ROUNDEDCORNERS", [2 * mm] * 4),
                    *self._font_cmds(),
                ]
            )
        )
        return Struct(table, "Table")

    def _two_lists(
        self, first: tuple[str, list[str]], second: tuple[str, list[str]], colour: Color
    ) -> Flowable:
        s = self.styles
        heading = s.like(s.label, "warn", textColor=self.palette.darken(colour, WARN_DARKEN))
        columns = []
        for index, (title, items) in enumerate((first, second)):
            columns.append(
                group(
                    "Div",
                    [
                        para(markup(title), heading),
                        Spacer(1, 1 * mm),
                        *[para(markup(i), s.bullet, bulletText=BULLET) for i in items],
                    ],
                    index,
                )
            )
        half = self.width / 2  # each column gives half of the gap between them
        table = Table([self.row(columns)], colWidths=[half, half], style=self._grid_style(pad=0))
        table.setStyle(TableStyle([("RIGHTPADDING", (0, 0), (0, -1), GAP / 2)]))
        table.setStyle(TableStyle([("LEFTPADDING", (1, 0), (1, -1), GAP / 2)]))
        return Struct(table, "Div")

    def closing(self) -> Flowable:
        s, t, practice = self.styles, self.text, self.c.practice
        labels = self.c.labels
        items: list[Flowable] = [
            para(
                markup(t.cautions_heading),
                s.like(s.white, "h", fontSize=15, leading=19),
                role="H2",
            ),
            Spacer(1, 1.5 * mm),
            *[
                para(
                    markup(c),
                    s.like(s.bullet, "cb", textColor=self.palette.white),
                    bulletText=BULLET,
                )
                for c in t.cautions
            ],
        ]
        emergency = para(
            emphasised(t.emergency), s.like(s.label, "112", textColor=self.palette.text)
        )
        contact = [
            para(markup(t.contact), s.label),
            para(f"<b>{markup(labels.phone)}:</b> {markup(practice.phone)}", s.tight),
            para(f"<b>{markup(labels.email)}:</b> {markup(practice.email)}", s.tight),
        ]
        if practice.hours:
            contact.append(
                para(f"<b>{markup(labels.hours)}:</b> {markup(practice.hours)}", s.tight)
            )
        return Stack(
            [
                Spacer(1, 6 * mm),
                self._urgent_closing(t.urgent_heading, t.urgent, emergency),
                Spacer(1, 3 * mm),
                self._box(items, self.palette.primary),
                Spacer(1, 3 * mm),
                *contact,
                Spacer(1, 8 * mm),
            ]
        )

    def _urgent_closing(self, heading: str, items: list[str], emergency: Flowable) -> Flowable:
        """The closing page's urgent signs (GP or huisartsenpost at once), then 112."""
        s, palette = self.styles, self.palette
        flowables: list[Flowable] = [
            para(markup(heading), s.like(s.label, "urgent closing", textColor=palette.text)),
            Spacer(1, 1 * mm),
            *[para(emphasised(i), s.bullet, bulletText=BULLET) for i in items],
            Spacer(1, 1.5 * mm),
            emergency,
        ]
        return self._framed(flowables, *self._urgent_colours(), pad=(1, 0.8, 0.9))

    def _box(self, items: list[Flowable], colour: Color) -> Table:
        table = Table([[items]], colWidths=[self.width])
        table.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), colour),
                    ("LEFTPADDING", (0, 0), (-1, -1), SIZE),
                    ("RIGHTPADDING", (0, 0), (-1, -1), SIZE),
                    ("TOPPADDING", (0, 0), (-1, -1), SIZE * 0.8),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), SIZE * 0.9),
                    ("ROUNDEDCORNERS", [2 * mm] * 4),
                    *self._font_cmds(),
                ]
            )
        )
        table.spaceBefore, table.spaceAfter = SIZE * 0.5, SIZE * 0.5
        return table

    def _font_cmds(self) -> list[tuple[Any, ...]]:
        return [("FONT", (0, 0), (-1, -1), self.c.fonts.regular, SIZE)]  # never Helvetica

    def _grid_style(self, pad: float, right: float = 0) -> TableStyle:
        return TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, -1), right),
                ("TOPPADDING", (0, 0), (-1, -1), pad),
                ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
                *self._font_cmds(),
            ]
        )

    # -- pages ---------------------------------------------------------------------------------

    page_size = A4

    def templates(self, furniture: Callable[[Canvas], None]) -> list[PageTemplate]:
        """One page template: the text frame, and ``furniture`` (the header) on every page."""
        frame = Frame(
            MARGIN,
            FOOTER + 4 * mm,
            self.width,
            FRAME_H,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="text",
        )

        def on_page(canvas: Canvas, doc: object) -> None:
            self.page += 1
            furniture(canvas)

        return [PageTemplate("page", [frame], onPage=on_page)]

    def footer(self) -> Callable[[Canvas, int, int], None]:
        geometry = (MARGIN, A4[0] - MARGIN, FOOTER - 6 * mm)
        return page_number(
            self.text.page, self.c.fonts.regular, self.palette.text, geometry, rtl=self.rtl
        )

    def furniture(self, canvas: Canvas) -> None:
        """The practice's header and the footer rule, drawn on every page."""
        practice, palette = self.c.practice, self.palette
        width, height = A4
        top = height - 12 * mm
        logo = 15 * mm
        canvas.saveState()
        regular, bold = self.c.fonts.regular, self.c.fonts.bold
        name_size = header_name_size(practice, self.c.fonts, self.rtl)
        if self.rtl:  # the mirror image: logo and name on the right, contact on the left
            self.c.logo.fit(canvas, width - MARGIN - logo, top - logo, logo, regular)
            name_x = width - MARGIN - logo - 4 * mm
            canvas.setFillColor(palette.primary)
            draw_line(canvas, practice.name, name_x, top - 6 * mm, bold, name_size)
            canvas.setFillColor(palette.text)
            if practice.tagline:
                draw_line(canvas, practice.tagline, name_x, top - 12 * mm, regular, SIZE)
            canvas.setFont(regular, SIZE)
            canvas.drawString(MARGIN, top - 6 * mm, practice.phone)
            if practice.website:
                canvas.drawString(MARGIN, top - 12 * mm, practice.website)
        else:
            self.c.logo.fit(canvas, MARGIN, top - logo, logo, regular)
            canvas.setFillColor(palette.primary)
            canvas.setFont(bold, name_size)
            canvas.drawString(MARGIN + logo + 4 * mm, top - 6 * mm, practice.name)
            canvas.setFillColor(palette.text)
            canvas.setFont(regular, SIZE)
            if practice.tagline:
                canvas.drawString(MARGIN + logo + 4 * mm, top - 12 * mm, practice.tagline)
            canvas.drawRightString(width - MARGIN, top - 6 * mm, practice.phone)
            if practice.website:
                canvas.drawRightString(width - MARGIN, top - 12 * mm, practice.website)
        canvas.setStrokeColor(palette.primary)
        canvas.setLineWidth(1.2)
        canvas.line(MARGIN, height - HEADER + 2 * mm, width - MARGIN, height - HEADER + 2 * mm)
        canvas.setStrokeColor(palette.lighten(palette.primary, 0.7))
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN, FOOTER, width - MARGIN, FOOTER)
        canvas.restoreState()


SCALE_WORDS = ("none", "light", "clear", "painful", "severe", "worst")  # at 0, 2, 4, 6, 8, 10


def emphasised(text: str) -> str:
    """``text`` as markup, the emergency number 112 in bold."""
    return re.sub(r"\b112\b", "<b>112</b>", markup(text))


def _height(parts: list[Flowable], width: float) -> float:
    """How tall ``parts`` are, one below the other (as a :class:`Stack` lays them out)."""
    return float(Stack(parts).wrap(width, FRAME_H)[1])


def _paragraphs(text: str) -> list[str]:
    return [" ".join(chunk.split()) for chunk in text.split("\n\n") if chunk.strip()]


def outline_colours(palette: Palette) -> tuple[Color, Color]:
    """The body outline's fill and line colours: the tint, and the brand colour softened."""
    return palette.tint, Color(*(0.15 + 0.85 * part for part in palette.primary.rgb()))
