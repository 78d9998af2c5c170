"""The practice password of the app (careprint serve): kept as an argon2 hash in the
workspace's .careprint/ folder (git-ignored), never in practice.yaml and never as itself."""

from __future__ import annotations

from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from careprint.deliver.files import write_atomic
from careprint.errors import UsageError
from careprint.workspace import Workspace

MIN_LENGTH = 10
_hasher = PasswordHasher()


def state_folder(ws: Workspace) -> Path:
    """The app's own state in a practice folder (never client data)."""
    return ws.root / ".careprint"


def password_file(ws: Workspace) -> Path:
    return state_folder(ws) / "password"


def has_password(ws: Workspace) -> bool:
    return password_file(ws).is_file()


def set_password(ws: Workspace, password: str) -> Path:
    """Keep the hash of a new practice password (replacing the one before)."""
    if len(password) < MIN_LENGTH:
        raise UsageError(
            f"the password is {len(password)} characters long; it needs at least {MIN_LENGTH}.",
            fix="Choose a longer password, e.g. four words in a row.",
        )
    path = password_file(ws)
    write_atomic(path, (_hasher.hash(password) + "\n").encode("ascii"), private=True)
    return path


def check_password(ws: Workspace, password: str) -> bool:
    """Whether ``password`` is the practice password (False when none is set)."""
    try:
        stored = password_file(ws).read_text(encoding="ascii").strip()
    except OSError:
        return False
    try:
        return _hasher.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
