"""Returned handouts (careprint progress): a filled-in fillable handout read back, matched to
its client file by the code it carries, kept in the workspace's history of readings, and drawn
as a chart of the sessions done against the plan and the pain over time.

Only the field names, ticks and pain scores are read: never the client's questions (the
caller is told there are some), and no name, address or note is kept or logged.
"""

from __future__ import annotations

import datetime
import io
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from careprint.app.logkey import log_key
from careprint.content import logbook
from careprint.deliver.files import write_atomic
from careprint.deliver.readings import History, Readings, Returned, Session
from careprint.errors import InputError
from careprint.render import chart
from careprint.workspace import Workspace

BOX = re.compile(r"log\.([a-z0-9][a-z0-9-]*)\.(\d{4}-\d{2}-\d{2})\.(\d+)")
PAIN = re.compile(r"pain\.(\d{4}-\d{2}-\d{2})")

# the therapist's view, in the practice's language (as the app's own texts, web/texts.py)
TEXTS = {
    "title": "Voortgang {dossier}",
    "subtitle": "{forms} teruggestuurde {lists}, {first} tot en met {last}",
    "list": "weeklijst",
    "lists": "weeklijsten",
    "sessions_title": "Keren gemasseerd per week",
    "sessions": "keren (omlijnd: het plan)",
    "pain_title": "Pijn per dag",
    "pain": "pijn (0 tot 10)",
    "no_pain": "Geen pijnscores ingevuld",
    "week": "Week",
    "average": "Gem. pijn",
}


@dataclass(frozen=True)
class Read:
    """One returned handout as read: for whom (the client file's stem), what it held, and
    whether it was read before (then it counts once)."""

    path: Path
    dossier: str
    ticked: int
    scores: int
    questions: bool  # the client wrote something in the questions field
    before: datetime.datetime | None
    left_out: tuple[str, ...]  # pain scores that were not a number from 0 to 10


@dataclass(frozen=True)
class Progress:
    """A client's chart, as written, and the data it shows."""

    dossier: str
    pdf: Path
    png: Path
    history: History
    chart: chart.Chart


def ledger_path(ws: Workspace) -> Path:
    return ws.root / "out" / "ledger.sqlite3"


def progress_dir(ws: Workspace) -> Path:
    return ws.root / "out" / "progress"


def read_returned(
    ws: Workspace, path: Path, data: bytes, password: str | None = None, shown: str = ""
) -> tuple[Returned, Read]:
    """A returned handout's readings; an :class:`InputError` when it is not a PDF, not a
    careprint handout, not filled in, for a client not in clients/, or changed."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    shown = shown or path.as_posix()  # as the user named it
    if b"%PDF-" not in data[:1024]:
        raise InputError(
            "this is not a PDF file.",
            file=shown,
            fix="Name the handout the client sent back: the PDF attached to their email.",
        )
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            if password is None:
                raise InputError(
                    "this PDF is protected with a password.",
                    file=shown,
                    fix="Add --password with the password you gave the client.",
                )
            if not reader.decrypt(password):
                raise InputError(
                    "the password given does not open this PDF.",
                    file=shown,
                    fix="Give the password you gave the client with this handout.",
                )
        fields = reader.get_fields() or {}
    except PdfReadError as exc:
        raise InputError(
            f"this PDF cannot be read ({exc}).",
            file=shown,
            fix="Ask the client to send the handout again.",
        ) from None
    values = {name: field.get("/V") for name, field in fields.items()}
    code = values.pop(logbook.CODE_FIELD, None)
    if not isinstance(code, str) or not code:
        raise InputError(
            "this PDF is not a fillable careprint handout: it has no careprint code.",
            file=shown,
            fix="Name a handout made with 'fillable: true' and filled in by the client.",
        )
    key = log_key(ws)
    tag = logbook.tag_of(code)
    stems = [stem for stem in ws.yaml_files("clients") if logbook.client_tag(key, stem) == tag]
    if not stems:
        raise InputError(
            f"its code {code} belongs to no client file in clients/.",
            file=shown,
            fix="Read it in the practice folder that made the handout (careprint -C FOLDER "
            "progress ...), or put back the client file it was made for.",
        )
    dossier = stems[0]
    if logbook.code(key, dossier, list(values)) != code:
        raise InputError(
            f"the fields of this handout do not match its code {code}: it was changed after "
            "careprint made it.",
            file=shown,
            fix="Ask the client to send the handout as it was filled in, or note the week from "
            "their paper copy.",
        )
    return _readings(path, shown, dossier, code, values)


def _readings(
    path: Path, shown: str, dossier: str, code: str, values: dict[str, object]
) -> tuple[Returned, Read]:
    planned: dict[tuple[str, datetime.date], int] = defaultdict(int)
    done: dict[tuple[str, datetime.date], int] = defaultdict(int)
    pain: list[tuple[datetime.date, int]] = []  # by day
    left_out: list[str] = []
    numbers: dict[str, int] = {}  # each point's number: the fields come in the handout's order
    for name, value in values.items():
        box, score = BOX.fullmatch(name), PAIN.fullmatch(name)
        if box:
            day = (box[1], datetime.date.fromisoformat(box[2]))
            numbers.setdefault(box[1], len(numbers) + 1)
            planned[day] += 1
            done[day] += str(value or "/Off") not in ("/Off", "Off", "")
        elif score:
            text = str(value or "").strip()
            if not text:
                continue
            if text.isdigit() and 0 <= int(text) <= logbook.PAIN_MAX:
                pain.append((datetime.date.fromisoformat(score[1]), int(text)))
            else:
                left_out.append(f"the pain score on {score[1]} is '{text}', not 0 to 10")
    pain.sort()
    questions = bool(str(values.get(logbook.QUESTIONS) or "").strip())
    ticked = sum(done.values())
    if not ticked and not pain:
        raise InputError(
            "nothing is filled in: no box ticked, no pain score.",
            file=shown,
            fix="Ask the client to tick the boxes and write the pain scores in the PDF, save "
            "it, and send that file back.",
        )
    sessions = tuple(
        Session(p, numbers[p], d, planned[(p, d)], done[(p, d)]) for p, d in sorted(planned)
    )
    returned = Returned(dossier, code, sessions, tuple(pain))
    read = Read(path, dossier, ticked, len(pain), questions, None, tuple(left_out))
    return returned, read


def progress(
    ws: Workspace,
    files: list[tuple[Path, str]],
    password: str | None = None,
    expect: str | None = None,
) -> tuple[list[Read], list[Progress]]:
    """Read each returned handout (its path, and its name as the user gave it), keep its
    readings (once), and draw the chart of every client it was for. Every file is checked
    before anything is kept; with ``expect`` (a client file's stem), each must be for that
    client."""
    found = []
    for path, shown in files:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(
                f"cannot read this file: {exc.strerror or exc}.",
                file=shown,
                fix="Name the PDF the client sent back, saved on this computer.",
            ) from None
        returned, read = read_returned(ws, path, data, password, shown)
        if expect is not None and returned.dossier != expect:
            raise InputError(
                f"this handout was made for another client file ({returned.dossier}); "
                "nothing was read.",
                file=shown,
                fix=f"Add it on the page of {returned.dossier}.",
            )
        found.append((returned, read))
    readings = Readings(ledger_path(ws))
    reads = []
    for returned, read in found:
        before = readings.add(returned)
        reads.append(replace(read, before=before))
    charts = [
        _chart_of(ws, readings.history(dossier))
        for dossier in dict.fromkeys(r.dossier for r in reads)
    ]
    return reads, charts


def _chart_of(ws: Workspace, history: History) -> Progress:
    data = chart_data(ws, history)
    pdf, png = chart.draw(data)
    out = progress_dir(ws)
    pdf_path, png_path = out / f"{history.dossier}.pdf", out / f"{history.dossier}.png"
    write_atomic(pdf_path, pdf, private=True)
    write_atomic(png_path, png, private=True)
    return Progress(history.dossier, pdf_path, png_path, history, data)


def chart_png(ws: Workspace, dossier: str) -> Path | None:
    """The chart of a client's returned handouts as PNG, if there is one."""
    path = progress_dir(ws) / f"{dossier}.png"
    return path if path.is_file() else None


def chart_data(ws: Workspace, history: History) -> chart.Chart:
    """What the chart of a client's history shows: per week (seven days from the first day in
    it, as a handout's week runs from the day after the consult) the sessions done and planned
    of each point, and the pain of each day."""
    days = [s.day for s in history.sessions] + [day for day, _ in history.pain]
    first = min(days) if days else datetime.date.today()

    def _start(day: datetime.date) -> datetime.date:  # the first day of ``day``'s week
        return first + datetime.timedelta(days=(day - first).days // 7 * 7)

    weeks = sorted({_start(day) for day in days})
    points = list(dict.fromkeys(s.point for s in history.sessions))
    done: dict[tuple[str, datetime.date], int] = defaultdict(int)
    planned: dict[tuple[str, datetime.date], int] = defaultdict(int)
    for s in history.sessions:
        done[(s.point, _start(s.day))] += s.done
        planned[(s.point, _start(s.day))] += s.planned
    library = ws.library
    series = tuple(
        chart.Series(
            f"{n}  {library[p].model.muscle if p in library else p}",
            tuple(done[(p, w)] for w in weeks),
            tuple(planned[(p, w)] for w in weeks),
        )
        for n, p in enumerate(points, start=1)
    )
    labels = tuple(f"{n} ({w.strftime('%d-%m')})" for n, w in enumerate(weeks, start=1))
    rows: list[tuple[str, ...]] = [
        (TEXTS["week"], *(str(n) for n in range(1, len(points) + 1)), TEXTS["average"])
    ]
    for week, label in zip(weeks, labels, strict=True):
        scores = [score for day, score in history.pain if _start(day) == week]
        average = f"{sum(scores) / len(scores):.1f}".replace(".", ",") if scores else "-"
        rows.append(
            (label, *(f"{done[(p, week)]} / {planned[(p, week)]}" for p in points), average)
        )
    practice = ws.practice.model
    fonts = practice.fonts
    colours = practice.colours
    span = (min(days), max(days)) if days else (datetime.date.today(),) * 2
    return chart.Chart(
        heading=practice.name,
        title=TEXTS["title"].format(dossier=history.dossier),
        subtitle=TEXTS["subtitle"].format(
            forms=history.forms,
            lists=TEXTS["list" if history.forms == 1 else "lists"],
            first=span[0].strftime("%d-%m-%Y"),
            last=span[1].strftime("%d-%m-%Y"),
        ),
        weeks=tuple(f"week {label}" for label in labels),
        points=series,
        pain=history.pain,
        texts=TEXTS,
        table=tuple(rows),
        colours={
            "primary": colours.primary.rgb,
            "accent": colours.accent.rgb,
            "tint": colours.tint.rgb,
            "text": colours.text.rgb,
        },
        fonts=(
            str(ws.resolve(ws.practice.doc, ("fonts", "regular"), fonts.regular)),
            str(ws.resolve(ws.practice.doc, ("fonts", "bold"), fonts.bold)),
        ),
    )
