"""Validate a YAML document against a model; turn pydantic's errors into located, plain messages."""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from careprint.content.source import Document, Loc
from careprint.errors import CareprintError

M = TypeVar("M", bound=BaseModel)


def parse(model: type[M], doc: Document) -> M:
    """The document's data as ``model``, or the first problem (in file order) as an InputError."""
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        errors = sorted(exc.errors(), key=lambda e: _line(doc, e["loc"]))
        raise explain(model, doc, errors[0]) from None


def _line(doc: Document, loc: Loc) -> int:
    mark = doc.mark(tuple(loc))
    return mark.line if mark else 0


def explain(model: type[BaseModel], doc: Document, error: ErrorDetails) -> CareprintError:
    """One pydantic error as a message a therapist can act on."""
    loc: Loc = tuple(error["loc"])
    kind = error["type"]
    name = _name(loc)
    value = error.get("input")
    info = _field(model, loc)
    described = f" ({_sentence(info.description)})" if info and info.description else ""

    if kind == "extra_forbidden" and str(loc[-1]).lower() in SECRETS:
        return doc.error(
            loc,
            f"'{loc[-1]}' does not belong in a file: careprint never reads a password from one.",
            "Delete the line; set the mail server's password in the terminal instead: "
            "export CAREPRINT_SMTP_PASSWORD='...'",
        )
    if kind == "extra_forbidden":
        known = _fields_at(model, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
        fix = f"Did you mean '{close[0]}'?" if close else f"Known fields here: {', '.join(known)}."
        return doc.error(loc, f"unknown field '{loc[-1]}'.", fix)
    if kind == "missing":
        choices = _choices(info)
        fix = (
            f"Add '{name}:' with one of: {', '.join(choices)}."
            if choices
            else (f"Add '{name}:'{described}.")
        )
        if len(loc) >= 3 and loc[-3] == "blocks":
            where = "this block"
        elif len(loc) >= 2 and isinstance(loc[-2], str):
            where = f"'{loc[-2]}'"
        else:
            where = "the file"
        if where == "the file":
            first = next(iter(doc.data)) if isinstance(doc.data, dict) and doc.data else None
            if first is not None:
                fix = fix[:-1] + ", e.g. below this line."
                return doc.error((first,), f"'{name}' is missing from {where}.", fix)
        return doc.error(loc[:-1], f"'{name}' is missing from {where}.", fix)
    if kind in ("literal_error", "enum"):
        choices = _choices(info)
        what = f"block {name}" if len(loc) >= 3 and loc[-3] == "blocks" else name
        meant = DUTCH.get(str(value).strip().lower())
        close = difflib.get_close_matches(str(value).lower(), choices, n=1, cutoff=0.6)
        hint = f"Did you mean '{meant or close[0]}'? " if meant in choices or close else ""
        return doc.error(
            loc, f"unknown {what} '{value}'.", f"{hint}Use one of: {', '.join(choices)}."
        )
    raw = doc.raw.get(loc)
    if kind in ("string_type", "string_too_short") and raw is not None:
        what = (
            "nothing"
            if value is None
            else "a yes/no answer"
            if isinstance(value, bool)
            else _describe(value)
        )
        item = isinstance(loc[-1], int)
        quoted = f'- "{raw}"' if item else f'{loc[-1]}: "{raw}"'
        subject = f"item {int(loc[-1]) + 1} of '{name}'" if item else f"'{name}'"
        return doc.error(
            loc,
            f"{subject} should be text, but YAML reads {raw} as {what}.",
            f"Put it in double quotes, as written: {quoted}",
        )
    if kind in ("string_type", "string_too_short"):
        if kind == "string_too_short" or value is None:
            return doc.error(loc, f"'{name}' is empty.", f"Write the text after '{name}:'.")
        return doc.error(
            loc,
            f"'{name}' should be text, not {_describe(value)}.",
            f'Put the text in quotes, e.g. {name}: "{value}".'
            if isinstance(value, int | float | bool)
            else f"Write the text on the same line after '{name}:'{described}.",
        )
    if kind == "string_pattern_mismatch":
        return doc.error(
            loc,
            f"'{value}' cannot be used as {name}.",
            "Use lower-case letters, digits and '-' only, e.g. 'when-to-choose'.",
        )
    if kind in ("list_type", "tuple_type"):
        return doc.error(
            loc,
            f"'{name}' should be a list, not {_describe(value)}.",
            "Write each item on its own line, indented, starting with '- '.",
        )
    if kind in ("too_short",) and isinstance(value, list):
        return doc.error(loc, f"'{name}' is empty.", f"Add at least one item{described}.")
    if kind in ("int_type", "int_parsing", "int_from_float", "float_type", "float_parsing"):
        what = "a whole number" if kind.startswith("int") else "a number"
        number = re.match(r"\s*(\d+)\s*(\w*)", str(value)) if isinstance(value, str) else None
        example = (
            f", e.g. {loc[-1]}: {number.group(1)}" if number and isinstance(loc[-1], str) else ""
        )
        if number and re.fullmatch(r"(?i)min(uut|uten|ute|utes)?|m", number.group(2)):
            seconds = int(number.group(1)) * 60  # hold and the like count seconds
            if "second" in described:
                example = f": {value.strip()} is {loc[-1]}: {seconds}"
        return doc.error(
            loc,
            f"'{name}' should be {what}, not {_describe(value)}.",
            f"Write {what} only{described}{example}.",
        )
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        limit = next(iter((error.get("ctx") or {}).values()), "")
        words = {
            "greater_than": "more than",
            "greater_than_equal": "at least",
            "less_than": "less than",
            "less_than_equal": "at most",
        }
        return doc.error(
            loc,
            f"'{name}' is {value}; it must be {words[kind]} {limit}.",
            f"Change the value{described}.",
        )
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return doc.error(
            loc,
            f"'{name}' should hold named fields, not {_describe(value)}.",
            f"Write the fields on the lines below '{name}:', indented{described}.",
        )
    if kind.startswith(("date_", "datetime_")):
        written = str(value)
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", written):
            return doc.error(
                loc,
                f"'{name}' is {written}, a day that does not exist.",
                "Check the day and the month; write the date as year-month-day, e.g. 2026-11-24.",
            )
        return doc.error(
            loc,
            f"'{name}' should be a date, not {_describe(value)}.",
            "Write the date as year-month-day, e.g. 2026-11-24.",
        )
    if kind == "value_error":
        message = str((error.get("ctx") or {}).get("error", error["msg"]))
        reason, _, fix = message.partition("; ")
        fix = fix.strip().rstrip(".")
        return doc.error(
            loc, f"'{name}': {reason}.", fix[:1].upper() + fix[1:] + "." if fix else None
        )
    return doc.error(loc, f"'{name}': {error['msg']}.", f"Check the value{described}.")


SECRETS = {"password", "passwd", "pass", "wachtwoord", "secret", "token", "api_key", "apikey"}

# Dutch words a practice writes where careprint's fixed English names are wanted
DUTCH = {
    "links": "left",
    "rechts": "right",
    "beide": "both",
    "beiden": "both",
    "bal": "ball",
    "duim": "thumb",
    "vingers": "fingers",
    "knokkels": "knuckles",
    "hand": "hand",
    "voor": "front",
    "voorkant": "front",
    "achter": "back",
    "achterkant": "back",
    "zijkant": "side",
    "hoofd": "head",
    "symptomen": "symptoms",
    "oorzaken": "causes",
    "behandeling": "treatment",
    "zelfhulp": "self-help",
    "tekst": "text",
}


def key(name: str, field: FieldInfo) -> str:
    """The key a field has in a YAML file: its alias ('from') where its name differs."""
    return field.alias or name


def _name(loc: Loc) -> str:
    for part in reversed(loc):
        if isinstance(part, str):
            return part
    return "value"


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"yes/no ({'true' if value else 'false'})"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    return f"'{value}'"


def _sentence(text: str) -> str:
    text = text.strip().rstrip(".")
    return text[:1].lower() + text[1:] if text else text


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The model inside an annotation such as ``list[Block]`` or ``Colour | None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, tuple, typing.Union, types.UnionType, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _model_of(arg)
            if found:
                return found
    return None


def _walk(model: type[BaseModel], loc: Loc) -> tuple[type[BaseModel] | None, FieldInfo | None]:
    current: type[BaseModel] | None = model
    info: FieldInfo | None = None
    for part in loc:
        if isinstance(part, int):
            continue
        fields = {key(name, f): f for name, f in current.model_fields.items()} if current else {}
        if part not in fields:
            return None, None
        info = fields[part]
        current = _model_of(info.annotation)
    return current, info


def _field(model: type[BaseModel], loc: Loc) -> FieldInfo | None:
    return _walk(model, loc)[1]


def _fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    target = _walk(model, loc)[0] if loc else model
    return [key(name, f) for name, f in target.model_fields.items()] if target else []


def _choices(info: FieldInfo | None) -> list[str]:
    if info is None:
        return []

    def literals(annotation: Any) -> list[str]:
        if typing.get_origin(annotation) is typing.Literal:
            return [str(a) for a in typing.get_args(annotation)]
        found: list[str] = []
        for arg in typing.get_args(annotation):
            found += literals(arg)
        return found

    return literals(info.annotation)
