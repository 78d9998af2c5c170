"""Client files written from a form: new ones in the usual shape, edited ones kept as they were.

The app (careprint serve) hands over what a therapist typed, as text. A value is written as
what it is when it is one (a whole number, a date) and as the text typed when it is not, so
the file is checked by the same rules as one written by hand and a mistake comes back as the
same located message. An existing file is edited in place with ruamel.yaml's round trip: its
comments, key order and the way its points are written stay; only the values that changed are
replaced.
"""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

DOSAGE = ("hold", "repeats", "per_day", "rest_days")
TOP = ("name", "email", "language", "date", "therapist", "fillable", "points", "notes")
FILLABLE = {"true": True, "false": False}  # as the form says it ("": the practice's default)
NUMBER = re.compile(r"\d{1,4}")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class PointFields:
    """One chosen point as typed: the id, the side and the dosage fields (empty: the
    library's value) and a note."""

    id: str
    side: str = "both"
    hold: str = ""
    repeats: str = ""
    per_day: str = ""
    rest_days: str = ""
    note: str = ""

    def dosage(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in DOSAGE}


@dataclass
class ClientFields:
    """A client file's fields as typed in the app's form."""

    name: str = ""
    email: str = ""
    language: str = "nl"
    date: str = ""
    therapist: str = ""
    fillable: str = ""  # "true", "false", or "" for the practice's default
    notes: str = ""
    points: list[PointFields] = field(default_factory=list)


def _yaml() -> YAML:
    yaml = YAML()  # round trip: comments, key order and quoting kept
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.preserve_quotes = True
    return yaml


def _value(text: str) -> Any:
    """What a typed value is written as: a number or a date when it is one, else the text."""
    text = text.strip()
    if NUMBER.fullmatch(text):
        return int(text)
    if DATE.fullmatch(text):
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            return text
    return text


def _notes(text: str) -> Any:
    text = text.replace("\r\n", "\n").strip()
    return LiteralScalarString(text + "\n") if "\n" in text else text


def _point(fields: PointFields, old: Any, library: Mapping[str, int]) -> Any:
    """A point as written: the plain id when nothing else is set (as people write them). A
    dosage the same as the library's is left out (the library's then counts, also when it
    changes), unless the file said it already."""
    values: dict[str, Any] = {}
    had = old if isinstance(old, dict) else {}
    if fields.side != "both" or "side" in had:
        values["side"] = fields.side
    for name, typed in fields.dosage().items():
        value = _value(typed) if typed.strip() else None
        if value is not None and (value != library.get(name) or name in had):
            values[name] = value
    if fields.note.strip():
        values["note"] = _notes(fields.note)
    if not values and (old is None or isinstance(old, str)):
        return fields.id
    entry = old if isinstance(old, CommentedMap) else CommentedMap()
    entry["id"] = fields.id
    for name in ("side", *DOSAGE, "note"):
        if name in values:
            if _same(entry.get(name), values[name]):
                continue
            entry[name] = values[name]
        elif name in entry:
            del entry[name]
    return entry


def _same(old: Any, new: Any) -> bool:
    """Whether a value is unchanged (then the old one stays, with its quotes and style)."""
    if old is None:
        return False
    return str(old).strip() == str(new).strip()


def _id_of(entry: Any) -> str | None:
    if isinstance(entry, str):
        return entry
    if isinstance(entry, dict):
        found = entry.get("id")
        return str(found) if found is not None else None
    return None


def compose(
    fields: ClientFields,
    original: bytes | None = None,
    library: Mapping[str, Mapping[str, int]] | None = None,
) -> bytes:
    """The client file for ``fields``: a new one, or ``original`` edited in place.
    ``library`` gives each point's own dosage (by id), which need not be written."""
    yaml = _yaml()
    data: Any = None
    if original:
        try:
            data = yaml.load(original.decode("utf-8-sig"))
        except Exception:  # a file broken by hand: written anew (the form holds every field)
            data = None
    if not isinstance(data, CommentedMap):
        data = CommentedMap()
    top: dict[str, Any] = {
        "name": fields.name.strip(),
        "email": fields.email.strip() or None,
        "language": fields.language.strip(),
        "date": _value(fields.date),
        "therapist": fields.therapist.strip(),
        "fillable": FILLABLE.get(fields.fillable.strip()),
        "notes": _notes(fields.notes) if fields.notes.strip() else None,
    }
    for name in TOP:
        if name == "points":
            data["points"] = _points(fields.points, data.get("points"), library or {})
            continue
        value = top[name]
        if value is None:
            if name in data:
                del data[name]
        elif not _same(data.get(name), value):
            data[name] = value
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue().encode("utf-8")


def _points(
    points: list[PointFields], old: Any, library: Mapping[str, Mapping[str, int]]
) -> CommentedSeq:
    """The points in the form's order; each one that was in the file keeps its comments."""
    before: dict[str, Any] = {}
    if isinstance(old, list):
        for entry in old:
            key = _id_of(entry)
            if key is not None:
                before.setdefault(key, entry)
    seq = CommentedSeq()
    for fields in points:
        seq.append(_point(fields, before.pop(fields.id, None), library.get(fields.id, {})))
    if isinstance(old, CommentedSeq) and [_id_of(e) for e in old] == [p.id for p in points]:
        seq.ca.items.update(old.ca.items)  # the same points in the same order: their comments
    return seq


def fields_of(text: bytes) -> ClientFields:
    """A client file's fields as the form shows them (values as written, ids as given)."""
    yaml = YAML(typ="safe")
    try:
        data = yaml.load(text.decode("utf-8-sig"))
    except Exception:
        data = None
    if not isinstance(data, dict):
        return ClientFields()

    def text_of(value: Any) -> str:
        return "" if value is None else str(value).rstrip("\n")

    points = []
    for entry in data.get("points") or []:
        if isinstance(entry, str):
            points.append(PointFields(id=entry))
        elif isinstance(entry, dict) and entry.get("id") is not None:
            points.append(
                PointFields(
                    id=str(entry["id"]),
                    side=text_of(entry.get("side")) or "both",
                    note=text_of(entry.get("note")),
                    **{name: text_of(entry.get(name)) for name in DOSAGE},
                )
            )
    return ClientFields(
        name=text_of(data.get("name")),
        email=text_of(data.get("email")),
        language=text_of(data.get("language")) or "nl",
        date=text_of(data.get("date")),
        therapist=text_of(data.get("therapist")),
        fillable=_fillable(data.get("fillable")),
        notes=text_of(data.get("notes")),
        points=points,
    )


def _fillable(flag: Any) -> str:
    """A client file's 'fillable' as the form says it ("": not given, the practice's)."""
    return ("true" if flag else "false") if isinstance(flag, bool) else ""


def changed(before: bytes, now: bytes) -> list[str]:
    """Which fields differ between two versions of a client file (for a refused save)."""
    old, new = fields_of(before), fields_of(now)
    return [name for name in TOP if getattr(old, name) != getattr(new, name)]


def point_set(name: str, points: list[PointFields]) -> bytes:
    """A saved set's file: its name and its points, written as in a client file."""
    data = CommentedMap()
    data["name"] = name
    data["points"] = _points(points, None, {})
    out = io.StringIO()
    _yaml().dump(data, out)
    return out.getvalue().encode("utf-8")
