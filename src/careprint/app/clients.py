"""The client files of a practice as the app lists and saves them: dossier ids checked, each
file with its handout's email state from the ledger, a save that never overwrites a change
made on disk meanwhile."""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from careprint.app import clientfile, email, handouts
from careprint.app.clientfile import ClientFields
from careprint.deliver.files import write_atomic
from careprint.deliver.ledger import delivery_key
from careprint.errors import CareprintError, UsageError
from careprint.workspace import Workspace

DOSSIER = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
ABSENT = "-"  # the digest of a file that is not there (a new client)


def valid_dossier(dossier: str) -> bool:
    """A dossier id is a file stem: lower-case letters, digits and '-', never a path."""
    return bool(DOSSIER.fullmatch(dossier))


def path_of(ws: Workspace, dossier: str) -> Path:
    """The client file of a dossier id, inside the practice's clients/ folder."""
    if not valid_dossier(dossier):
        raise UsageError(
            f"'{dossier[:40]}' cannot be a dossier id.",
            fix="Use lower-case letters, digits and '-' only, e.g. dossier-0147.",
        )
    folder = (ws.root / "clients").resolve()
    path = (folder / f"{dossier}.yaml").resolve()
    if path.parent != folder:  # pragma: no cover - the pattern already allows no path
        raise UsageError(f"'{dossier}' cannot be a dossier id.")
    return path


def digest(data: bytes | None) -> str:
    return ABSENT if data is None else hashlib.sha256(data).hexdigest()


def read(ws: Workspace, dossier: str) -> bytes | None:
    path = path_of(ws, dossier)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


@dataclass(frozen=True)
class Row:
    """One client file in the list: what it holds (never the name) and its email state."""

    dossier: str
    date: datetime.date | None = None
    language: str = ""
    points: int = 0
    state: str = ""  # drafted | sending | sent | "" (not emailed) | no-email
    when: str = ""
    error: str = ""  # the file cannot be made into a handout: the message


def listing(ws: Workspace, search: str = "") -> list[Row]:
    """The client files whose dossier id holds ``search``, newest consult first."""
    rows = []
    wanted = search.strip().lower()
    for path in ws.yaml_files("clients").values():
        if wanted and wanted not in path.stem.lower():
            continue
        rows.append(_row(ws, path))
    return sorted(rows, key=lambda r: (r.date or datetime.date.min, r.dossier), reverse=True)


def _row(ws: Workspace, path: Path) -> Row:
    try:
        content = handouts.handout_content(ws, path)
    except CareprintError as exc:
        return Row(path.stem, error=str(exc))
    client = content.client
    base = Row(path.stem, client.date, client.language, len(client.points))
    if client.email is None:
        return Row(**{**base.__dict__, "state": "no-email"})
    entry = email.ledger(ws).get(delivery_key(email.inputs(ws, path, content), client.email))
    if entry is None:
        return base
    return Row(**{**base.__dict__, "state": entry.state, "when": entry.when()})


def delivered(ws: Workspace, path: Path) -> tuple[str, str]:
    """The email state of a client file's handout as it is now, and when."""
    row = _row(ws, path)
    return row.state, row.when


def library_dosage(ws: Workspace) -> dict[str, dict[str, int]]:
    """Each point's own dosage, by id (what a client file need not repeat)."""
    return {
        key: {name: getattr(loaded.model, name) for name in clientfile.DOSAGE}
        for key, loaded in ws.library.items()
    }


def compose(ws: Workspace, fields: ClientFields, original: bytes | None) -> bytes:
    """The client file's bytes for the form's fields (``original`` edited in place)."""
    return clientfile.compose(fields, original, library_dosage(ws))


@dataclass(frozen=True)
class Stale:
    """A save refused: the file changed on disk since the form was opened."""

    changed: list[str]  # the fields that differ between the version opened and the one on disk
    digest: str  # of the file on disk now (to save over it on purpose)
    exists: bool


def save(
    ws: Workspace, dossier: str, data: bytes, opened: str, original: bytes | None
) -> Stale | None:
    """Write the client file atomically, unless it changed on disk since it was opened (its
    digest then was ``opened``): then nothing is written and the changes are told."""
    path = path_of(ws, dossier)
    try:
        now: bytes | None = path.read_bytes()
    except FileNotFoundError:
        now = None
    if digest(now) != opened:
        fields = clientfile.changed(original or b"", now) if now is not None else []
        return Stale(fields, digest(now), now is not None)
    write_atomic(path, data, private=True)
    return None
