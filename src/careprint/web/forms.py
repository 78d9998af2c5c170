"""The handout form: what a post of it holds, the changes its buttons make to the chosen
points, and what its template shows (fields, the chosen points with their library's
dosage and maximum, the body map, search results, an error beside each field)."""

from __future__ import annotations

import base64
import binascii
import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from starlette.datastructures import FormData

from careprint.app import bodymap, clientfile, editions
from careprint.app.clientfile import DOSAGE, ClientFields, PointFields
from careprint.app.preview import Problem
from careprint.content.models import SelfMassage
from careprint.web.texts import LANGUAGES, REGIONS, said, texts
from careprint.workspace import Workspace

POINT = re.compile(r"points-(\d{1,3})-id")
POINT_FIELD = re.compile(r"points-(\d{1,3})(?:-(\w+))?")
TOP = ("name", "email", "language", "date", "therapist", "fillable", "notes")
SIDES = ("both", "left", "right")
MAXIMUM = ("hold", "repeats", "per_day")


@dataclass
class HandoutForm:
    """One post of the handout form, as typed."""

    mode: str = "new"  # new | edit
    dossier: str = ""
    opened: str = "-"  # the digest of the file when the form was opened ("-": none)
    original: str = ""  # the file as opened (base64), to tell what changed on disk
    fields: ClientFields = field(default_factory=ClientFields)
    q: str = ""
    set_name: str = ""
    op: str = ""
    action: str = ""
    overwrite: str = ""

    def original_bytes(self) -> bytes | None:
        try:
            return base64.b64decode(self.original, validate=True) if self.original else None
        except (binascii.Error, ValueError):
            return None


def _text(form: FormData, name: str, limit: int = 5000) -> str:
    value = form.get(name, "")
    return value[:limit] if isinstance(value, str) else ""


def parse(form: FormData) -> HandoutForm:
    indexes = sorted(int(m.group(1)) for key in form if (m := POINT.fullmatch(key)))
    points = []
    for i in indexes[:60]:
        side = _text(form, f"points-{i}-side") or "both"
        points.append(
            PointFields(
                id=_text(form, f"points-{i}-id", 80),
                side=side,
                note=_text(form, f"points-{i}-note"),
                **{name: _text(form, f"points-{i}-{name}", 20) for name in DOSAGE},
            )
        )
    fields = ClientFields(points=points, **{name: _text(form, name) for name in TOP})
    mode = "edit" if _text(form, "mode") == "edit" else "new"
    return HandoutForm(
        mode=mode,
        dossier=_text(form, "dossier", 80).strip(),
        opened=_text(form, "opened", 80) or "-",
        original=_text(form, "original", 200_000),
        fields=fields,
        q=_text(form, "q", 100),
        set_name=_text(form, "set_name", 120),
        op=_text(form, "op", 100),
        action=_text(form, "action", 20),
        overwrite=_text(form, "overwrite", 80),
    )


def filled(ws: Workspace, point: PointFields) -> PointFields:
    """A point with the library's dosage in the fields left empty (what the form shows)."""
    entry = ws.library.get(point.id)
    if entry is None:
        return point
    values = {name: getattr(point, name) or str(getattr(entry.model, name)) for name in DOSAGE}
    return PointFields(id=point.id, side=point.side, note=point.note, **values)


def apply(ws: Workspace, form: HandoutForm) -> None:
    """What the button pressed does to the chosen points: add, remove, move up or down."""
    verb, _, arg = form.op.partition(":")
    points = form.fields.points
    if verb == "add" and arg in ws.library:
        if not any(p.id == arg for p in points):
            points.append(filled(ws, PointFields(id=arg)))
        return
    if not arg.isdigit() or not 0 <= int(arg) < len(points):
        return
    index = int(arg)
    if verb == "remove":
        del points[index]
    elif verb == "up" and index > 0:
        points[index - 1], points[index] = points[index], points[index - 1]
    elif verb == "down" and index < len(points) - 1:
        points[index + 1], points[index] = points[index], points[index + 1]


def new_fields(ws: Workspace) -> ClientFields:
    practice = ws.practice.model
    return ClientFields(
        language=practice.language,
        date=datetime.date.today().isoformat(),
        therapist=practice.therapists[0] if practice.therapists else "",
    )


def field_key(loc: tuple[Any, ...] | None) -> str:
    """The form field of a place in the client file (``other``: not a field of the form)."""
    if not loc:
        return "other"
    if loc[0] in TOP and len(loc) == 1:
        return str(loc[0])
    if loc[0] == "points":
        if len(loc) == 1:
            return "points"
        if len(loc) == 2 or loc[2] == "id":
            return f"points-{loc[1]}"
        return f"points-{loc[1]}-{loc[2]}"
    return "other"


def errors_of(
    problem: Problem | None, ws: Workspace | None = None, form: HandoutForm | None = None
) -> tuple[dict[str, str], str]:
    """The message beside its field, or (for another file's mistake) the whole message. A
    dosage above what any point allows says the most this point allows."""
    if problem is None:
        return {}, ""
    key = field_key(problem.loc)
    if key == "other" or problem.loc is None:
        return {}, problem.text
    text = said(problem.message, problem.fix)
    loc = problem.loc
    if ws is not None and form is not None and len(loc) == 3 and loc[2] in MAXIMUM:
        index = int(loc[1])
        point = form.fields.points[index] if index < len(form.fields.points) else None
        entry = ws.library.get(point.id) if point else None
        typed = getattr(point, str(loc[2]), "") if point else ""
        most = getattr(entry.model.maximum, str(loc[2])) if entry else None
        if most is not None and typed.strip().isdigit() and int(typed) > most:
            text = texts()["point_maximum"].format(n=most)
    return {key: text}, ""


def field_label(key: str, t: dict[str, str]) -> str:
    """A form field's name as the page shows it, e.g. 'Vasthouden van punt 3'."""
    found = POINT_FIELD.fullmatch(key)
    if found is None:
        return t.get(key, key)
    number = int(found.group(1)) + 1
    if found.group(2) is None:
        return t["point_n"].format(n=number)
    return t["field_at_point"].format(field=t.get(found.group(2), found.group(2)), n=number)


@dataclass
class Row:
    index: int
    fields: PointFields
    muscle: str
    maximum: dict[str, int]
    instruction_first: bool


@dataclass
class View:
    """What the handout template shows of the form."""

    mode: str
    dossier: str
    opened: str
    original: str
    fields: ClientFields
    q: str
    set_name: str
    rows: list[Row]
    chosen: set[str]
    views: list[bodymap.View]
    results: list[SelfMassage]
    languages: list[tuple[str, str]]
    therapists: list[str]
    slots: list[str]
    problem: bool


def view(ws: Workspace, form: HandoutForm, problem: bool = False) -> View:
    rows = []
    for index, point in enumerate(form.fields.points):
        entry = ws.library.get(point.id)
        if entry is None:
            rows.append(Row(index, point, point.id, {n: 120 for n in DOSAGE}, False))
            continue
        model = entry.model
        maximum = {
            "hold": model.maximum.hold,
            "repeats": model.maximum.repeats,
            "per_day": model.maximum.per_day,
            "rest_days": 6,
        }
        rows.append(Row(index, filled(ws, point), model.muscle, maximum, model.instruction_first))
    practice = ws.practice.model
    languages = editions.finished_languages(ws)
    current = form.fields.language
    if current and current not in languages:
        languages.append(current)
    therapists = list(practice.therapists)
    if therapists and form.fields.therapist and form.fields.therapist not in therapists:
        therapists.append(form.fields.therapist)
    return View(
        mode=form.mode,
        dossier=form.dossier,
        opened=form.opened,
        original=form.original,
        fields=form.fields,
        q=form.q,
        set_name=form.set_name,
        rows=rows,
        chosen={p.id for p in form.fields.points},
        views=bodymap.views(ws),
        results=bodymap.search(ws, form.q, REGIONS) if form.q.strip() else [],
        languages=[(code, f"{LANGUAGES.get(code, code)} ({code})") for code in languages],
        therapists=therapists,
        slots=slots(form),
        problem=problem,
    )


def slots(form: HandoutForm) -> list[str]:
    """The keys of every field's error slot on the page."""
    found = ["dossier", *TOP, "points", "set_name"]
    for index in range(len(form.fields.points)):
        found += [f"points-{index}"] + [f"points-{index}-{n}" for n in ("side", *DOSAGE, "note")]
    return found


@dataclass
class Slots:
    """What the preview part needs of the form: its error slots, whether there is a mistake."""

    slots: list[str]
    problem: bool


def opened(ws: Workspace, dossier: str, data: bytes) -> HandoutForm:
    """The form for a client file as it is on disk."""
    from careprint.app.clients import digest

    fields = clientfile.fields_of(data)
    return HandoutForm(
        mode="edit",
        dossier=dossier,
        opened=digest(data),
        original=base64.b64encode(data).decode("ascii"),
        fields=fields,
    )
