"""The practice's key for the codes of returned handouts (content/logbook.py): 32 random bytes
in the workspace's .careprint/ folder, made the first time a handout needs one. Without it a
code cannot be made or traced back to a client file; a new key makes older codes unknown."""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile
from pathlib import Path

from careprint.app.access import state_folder
from careprint.errors import OutputError
from careprint.workspace import Workspace


def key_file(ws: Workspace) -> Path:
    return state_folder(ws) / "logbook.key"


def log_key(ws: Workspace) -> bytes:
    """The practice's key, made once (two programs making it at once agree on the first)."""
    path = key_file(ws)
    with contextlib.suppress(FileNotFoundError):
        return path.read_bytes()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, scratch = tempfile.mkstemp(dir=path.parent, prefix=".key-")
        try:
            os.write(fd, secrets.token_bytes(32))
            os.close(fd)
            with contextlib.suppress(FileExistsError):
                os.link(scratch, path)  # never replaces a key made meanwhile
        finally:
            os.unlink(scratch)
    except OSError as exc:
        raise OutputError(
            f"cannot keep the practice's key in {path}: {exc.strerror or exc}.",
            fix="Make sure the practice folder is a folder you may write to.",
        ) from None
    return path.read_bytes()
