"""Saved point sets (sets/NAME.yaml): a choice of points with their sides and dosage, kept
under a name to start a client's handout from ("Nek en schouders, beeldschermwerk")."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from careprint.app import clientfile
from careprint.app.clientfile import PointFields
from careprint.content import source
from careprint.content.models import PointSet
from careprint.content.validate import parse
from careprint.deliver.files import write_atomic
from careprint.errors import CareprintError, UsageError
from careprint.workspace import Workspace

STEM = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")


@dataclass(frozen=True)
class Saved:
    stem: str  # the file's name without .yaml: how the app names the set in its links
    name: str
    points: int


def slug(name: str) -> str:
    """A set's file stem from its name: plain lower-case letters, digits and '-'."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:80]


def folder(ws: Workspace) -> Path:
    return ws.root / "sets"


def path_of(ws: Workspace, stem: str) -> Path:
    if not STEM.fullmatch(stem):
        raise UsageError(f"there is no set '{stem[:40]}'.", fix="Choose a set from the list.")
    return folder(ws) / f"{stem}.yaml"


def listing(ws: Workspace) -> list[Saved]:
    """The sets there are (a broken file is left out of the list; load() tells why)."""
    found = []
    for path in sorted(folder(ws).glob("*.yaml")):
        try:
            model = ws.load(PointSet, path).model
        except CareprintError:
            continue
        found.append(Saved(path.stem, model.name, len(model.points)))
    return sorted(found, key=lambda s: s.name.lower())


def load(ws: Workspace, stem: str) -> tuple[str, list[PointFields]]:
    """A set's name and its points as the form shows them; unknown ids are refused."""
    path = path_of(ws, stem)
    if not path.is_file():
        raise UsageError(f"there is no set '{stem}'.", fix="Choose a set from the list.")
    loaded = ws.load(PointSet, path)
    for index, choice in enumerate(loaded.model.points):
        if choice.id not in ws.library:
            raise loaded.doc.error(
                ("points", index, "id"),
                f"there is no point '{choice.id}' in the library.",
                "Correct the id, or remove the point from the set.",
            )
    points = [
        PointFields(
            id=c.id,
            side=c.side,
            note=c.note or "",
            **{
                name: "" if getattr(c, name) is None else str(getattr(c, name))
                for name in clientfile.DOSAGE
            },
        )
        for c in loaded.model.points
    ]
    return loaded.model.name, points


def save(ws: Workspace, name: str, points: list[PointFields]) -> Saved:
    """Keep ``points`` as the set ``name`` (a set of that name is replaced)."""
    name = " ".join(name.split())
    stem = slug(name)
    if not stem:
        raise UsageError(
            "a set needs a name with letters or digits.", fix="Type a name for the set."
        )
    if not points:
        raise UsageError("there are no points to save.", fix="Choose points first.")
    path = path_of(ws, stem)
    data = clientfile.point_set(name, points)
    parse(PointSet, source.parse(data, ws.display(path)))  # a wrong dosage is told, not kept
    write_atomic(path, data)
    return Saved(stem, name, len(points))
