"""The week on a handout's first page: a row of tick boxes for each point, a row for the day's
pain, the week's dates and the code that matches a returned handout to its client file. In a
fillable handout the rows with boxes are drawn on each page itself (never copied, see
render/replay.py), and each box says where its form field goes (:class:`Spot`)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from babel.dates import format_date, get_day_names
from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from careprint.content import logbook
from careprint.content.dosage import Dose
from careprint.content.i18n import date_locale
from careprint.content.models import HandoutLabels, SelfMassage
from careprint.layout.blocks import markup
from careprint.layout.brand import Palette
from careprint.layout.pieces import CheckBoxes, Rect, Sized, Stack
from careprint.layout.rtl import para
from careprint.layout.styles import HandoutStyles
from careprint.layout.tagged import Struct, group

if TYPE_CHECKING:
    from careprint.layout.handout import HandoutContent


@dataclass(frozen=True)
class Spot:
    """Where a form field of a fillable handout goes: its name, page (1 is the first), box on
    the page and what a screen reader says of it."""

    name: str
    page: int
    rect: Rect
    tooltip: str


class WeekCalendar:
    """The week's part of a handout (a part of :class:`~careprint.layout.handout.Handout`)."""

    c: HandoutContent
    styles: HandoutStyles
    text: HandoutLabels
    palette: Palette
    language: str
    rtl: bool
    doses: list[Dose]
    week: list[datetime.date]
    spots: list[Spot]
    page: int
    _tooltips: dict[str, str]

    @property
    def width(self) -> float:
        raise NotImplementedError

    def row(self, cells: list[Any]) -> list[Any]:
        raise NotImplementedError

    def _kept(self, key: tuple[object, ...], make: Callable[[], Flowable]) -> Flowable:
        raise NotImplementedError

    def _font_cmds(self) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def mark(self, name: str, rect: Rect) -> None:
        """Note where the form field ``name`` goes (drawn on the page being drawn)."""
        self.spots.append(Spot(name, self.page, rect, self._tooltips.get(name, name)))

    def calendar(self) -> Flowable:
        """The week to tick off: a row of boxes for each point, one box per session, a row for
        the day's pain, and the code that matches a returned handout to its client. Each row is
        kept (the same point, side and sessions look alike in every handout); in a fillable
        handout the rows with fields are drawn on each page itself, to say where they go."""
        s, t = self.styles, self.text
        parts = [
            self._kept(("calendar-title",), lambda: para(markup(t.calendar), s.section)),
            self._kept(("calendar-hint",), lambda: para(markup(t.calendar_hint), s.body)),
            self._kept(("calendar-days", *self._day_names()), self._calendar_days),
        ]
        count = len(self.c.points)
        for number, ((choice, entry), dose) in enumerate(
            zip(self.c.points, self.doses, strict=True), start=1
        ):
            side = "" if choice.side == "both" else f" ({getattr(t.sides, choice.side)})"
            label = f"<b>{number}</b>  {markup(entry.muscle)}{markup(side)}"
            rest = logbook.rest_days(dose.rest_days)
            if self.c.fillable:
                names = self._name_boxes(entry, dose.per_day, rest, f"{entry.muscle}{side}")
                parts.append(Stack.of(self._calendar_row(label, dose.per_day, rest, number, names)))
                continue
            key = ("calendar", label, dose.per_day, rest, number % 2)
            row = partial(self._calendar_row, label, dose.per_day, rest, number)
            parts.append(self._kept(key, row))
        if self.c.fillable:
            for day, name in zip(self._day_names(), self.week, strict=True):
                self._tooltips[logbook.pain_name(name)] = f"{t.pain}, {day}"
            parts.append(Stack.of(self._pain_row(count + 1, fields=True)))
        else:
            parts.append(
                self._kept(("calendar pain", (count + 1) % 2), lambda: self._pain_row(count + 1))
            )
        parts = [*parts[:2], *group("Table", parts[2:])]  # one table for screen readers
        if self.c.code:
            parts += [Spacer(1, 1.5 * mm), self._week_and_code()]
        return KeepTogether(parts)

    def _week_and_code(self) -> Flowable:
        """Under the week: its dates (what a filled-in week is read as), and the code."""
        s, t = self.styles, self.text
        locale = date_locale(self.language)
        first, last = (
            format_date(d, "d MMMM", locale=locale) for d in (self.week[0], self.week[-1])
        )
        return Stack(
            [
                para(markup(t.week.format(first=first, last=last)), s.tight),
                para(
                    markup(t.code.format(code=self.c.code)),
                    s.like(s.tight, "code", alignment=0 if self.rtl else 2),
                ),
            ]
        )

    def _name_boxes(
        self, entry: SelfMassage, per_day: int, rest: frozenset[int], what: str
    ) -> list[tuple[str, ...]]:
        """The field names of a point's boxes, day by day (none on a rest day)."""
        names: list[tuple[str, ...]] = []
        for index, (day, date) in enumerate(zip(self._day_names(), self.week, strict=True)):
            if index in rest:
                names.append(())
                continue
            found = tuple(logbook.box_name(entry.id, date, n) for n in range(1, per_day + 1))
            for n, name in enumerate(found, start=1):
                self._tooltips[name] = f"{what}, {day}" + (f", {n}" if per_day > 1 else "")
            names.append(found)
        return names

    def _day_names(self) -> list[str]:
        days = get_day_names("abbreviated", locale=self.language)
        return [str(days[date.weekday()]) for date in self.week]

    def _calendar_days(self) -> Flowable:
        s, t = self.styles, self.text
        header = [para(markup(t.calendar_point), s.label)] + [
            para(markup(day), s.like(s.label, "day", alignment=1)) for day in self._day_names()
        ]
        return self._calendar_table(header, [], "TH")

    def _calendar_row(
        self,
        label: str,
        per_day: int,
        rest: frozenset[int],
        number: int,
        names: list[tuple[str, ...]] | None = None,
    ) -> Flowable:
        s = self.styles
        cells: list[Any] = [para(label, s.tight)]
        day_off = self._kept(
            ("rest day",),
            lambda: para(
                markup(self.text.rest_day),
                s.like(s.tight, "rest day", alignment=1, textColor=self.palette.text),
            ),
        )
        if names is None:
            # the same boxes in every row with as many sessions a day: laid out once
            boxes = self._kept(
                ("boxes", per_day), lambda: Sized.of(CheckBoxes(per_day, self.palette))
            )
            cells += [day_off if day in rest else boxes for day in range(7)]
        else:
            cells += [
                day_off if day in rest else CheckBoxes(per_day, self.palette, names[day], self.mark)
                for day in range(7)
            ]
        return self._calendar_table(cells, self._row_style(number))

    def _pain_row(self, number: int, fields: bool = False) -> Flowable:
        """The row for the day's pain: a box a day to write a number from 0 to 10 in."""
        s, t = self.styles, self.text
        cells: list[Any] = [para(markup(t.pain), s.tight)]
        for date in self.week:
            names = (logbook.pain_name(date),) if fields else ()
            mark = self.mark if fields else None
            cells.append(CheckBoxes(1, self.palette, names, mark, width=9 * mm))
        style = self._row_style(number)
        style.append(("LINEBELOW", (0, 0), (-1, -1), 0.6, self._rule()))
        return self._calendar_table(cells, style)

    def _rule(self) -> Color:
        return self.palette.lighten(self.palette.text, 0.7)

    def _row_style(self, number: int) -> list[tuple[Any, ...]]:
        ground = self.palette.white if number % 2 else self.palette.tint  # rows alternate
        return [
            ("BACKGROUND", (0, 0), (-1, -1), ground),
            ("LINEABOVE", (0, 0), (-1, 0), 0.6, self._rule()),
        ]

    def _calendar_table(
        self, cells: list[Any], style: list[tuple[Any, ...]], role: str = "TD"
    ) -> Flowable:
        """One row of the week: the header row (``role`` TH) or a point's row (TD, its first
        cell the row's header)."""
        first = 62 * mm
        day_w = (self.width - first) / 7
        scopes = ["Column"] * 8 if role == "TH" else ["Row"] + [""] * 7
        tagged = [
            Struct(cell, "TH" if scope else "TD", {"Scope": scope} if scope else None, order=i)
            for i, (cell, scope) in enumerate(zip(cells, scopes, strict=True))
        ]
        table = Table([self.row(tagged)], colWidths=self.row([first] + [day_w] * 7))
        days_from, days_to = (0, 6) if self.rtl else (1, 7)
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("ALIGN", (days_from, 0), (days_to, -1), "CENTER"),
                    *style,
                    ("TOPPADDING", (0, 0), (-1, -1), 2.5 * mm),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5 * mm),
                    *self._font_cmds(),
                ]
            )
        )
        return Struct(table, "TR")
