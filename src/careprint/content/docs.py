"""Field tables for the README, made from the models' own declarations (run this module)."""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from careprint.content import models

DOCUMENTED: list[tuple[str, type[BaseModel]]] = [
    ("practice.yaml", models.Practice),
    ("practice.yaml: colours", models.Colours),
    ("practice.yaml: mail", models.Mail),
    ("practice.yaml: mail: smtp", models.Smtp),
    ("leaflets/NAME.yaml", models.Leaflet),
    ("leaflets/NAME.yaml: each of blocks", models.Block),
    ("self-massage/ID.yaml", models.SelfMassage),
    ("self-massage/ID.yaml: pressure", models.Pressure),
    ("self-massage/ID.yaml: diagram", models.Diagram),
    ("self-massage/ID.yaml: each of diagram.referred", models.Zone),
    ("clients/FILE.yaml", models.Client),
    ("clients/FILE.yaml: each of points (or just the id)", models.Choice),
    ("sets/NAME.yaml", models.PointSet),
    ("templates/layouts/NAME.yaml: a folded sheet (kind: trifold)", models.LayoutSpec),
    ("templates/layouts/NAME.yaml: pages (kind: booklet or pages)", models.PagesSpec),
]


def _type(annotation: Any) -> str:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Literal:
        return " \\| ".join(str(a) for a in args)
    if origin is list:
        return f"list of {_type(args[0])}"
    if origin is tuple:
        return f"{len(args)} numbers"
    if origin in (typing.Union, __import__("types").UnionType):
        return " or ".join(_type(a) for a in args if a is not type(None))
    if origin is typing.Annotated:
        return _type(args[0])
    names = {str: "text", int: "whole number", float: "number", bool: "yes/no"}
    if annotation in names:
        return names[annotation]
    return getattr(annotation, "__name__", str(annotation)).lower()


def _default(field: Any) -> str:
    if field.is_required():
        return "**required**"
    value = field.default_factory() if field.default_factory is not None else field.default
    if value is None or value is PydanticUndefined:
        return "none"
    if isinstance(value, BaseModel):
        return "see below" if not value.model_dump() else "as shipped"
    return f"`{value}`"


def _range(field: Any) -> str:
    """' (5 to 120)' for a number field with limits, else nothing."""
    low = next((getattr(m, "ge", None) for m in field.metadata if hasattr(m, "ge")), None)
    high = next((getattr(m, "le", None) for m in field.metadata if hasattr(m, "le")), None)
    if low is None or high is None:
        return ""
    return f", {low} to {high}"


def table(model: type[BaseModel]) -> str:
    rows = ["| field | type | default | what it is |", "|---|---|---|---|"]
    for name, field in model.model_fields.items():
        description = (field.description or "").replace("|", "\\|")
        kind = _type(field.annotation) + _range(field)
        rows.append(f"| `{field.alias or name}` | {kind} | {_default(field)} | {description} |")
    return "\n".join(rows)


def tables() -> str:
    return "\n\n".join(f"#### {title}\n\n{table(model)}" for title, model in DOCUMENTED)


if __name__ == "__main__":  # pragma: no cover
    import sys

    sys.stdout.write(tables() + "\n")
