"""Atomic output: a file is either absent, the old version, or complete, never half-written.

The data is written to a file without a name (Linux ``O_TMPFILE``) and flushed to disk; only
then does it get a name beside the target and replace it. A process killed while writing
leaves nothing behind. Where unnamed files are not available, a named temporary file is used.
A temporary file a killed process left (named, or named just before it was to replace the
target) is removed the next time the same output is written.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile
from pathlib import Path

from careprint.deliver import step
from careprint.errors import OutputError


def write_atomic(path: Path, data: bytes, private: bool = False) -> None:
    """Write ``data`` to ``path`` atomically; a ``private`` file is readable by its owner only."""
    try:
        _write(path, data, private)
    except OSError as exc:
        raise OutputError(
            f"cannot write {path}: {exc.strerror or exc}.",
            fix="Make sure the output folder is a folder you may write to and that the disk "
            "has room (or give another folder with --out).",
        ) from None


def _write(path: Path, data: bytes, private: bool) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = 0o600 if private else 0o666 & ~_umask()
    _sweep(path)
    if hasattr(os, "O_TMPFILE"):
        with contextlib.suppress(OSError):
            _write_unnamed(path, data, mode)
            return
    _write_named(path, data, mode)


def _write_unnamed(path: Path, data: bytes, mode: int) -> None:
    step("open")
    fd = os.open(path.parent, os.O_TMPFILE | os.O_WRONLY, mode)
    try:
        _write_all(fd, data)
        temp = path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp"
        # the name comes only once the data is on disk; linkat must follow /proc's link to the
        # file (os.link does so only when given a directory descriptor)
        fds = os.open("/proc/self/fd", os.O_RDONLY | os.O_DIRECTORY)
        try:
            step("link")
            os.link(str(fd), temp, src_dir_fd=fds, follow_symlinks=True)
        finally:
            os.close(fds)
    finally:
        os.close(fd)
    try:
        step("replace")
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise


def _write_named(path: Path, data: bytes, mode: int) -> None:
    step("open")
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(temp, mode)
        _write_all(fd, data)
        os.close(fd)
        fd = -1
        step("replace")
        os.replace(temp, path)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    half = len(data) // 2
    step("write")
    while len(view) > half:  # the first half, then the rest: a stop between leaves half a file
        view = view[os.write(fd, view[: len(view) - half]) :]
    step("write more")
    while view:
        view = view[os.write(fd, view) :]
    step("fsync")
    os.fsync(fd)


def _sweep(path: Path) -> None:
    """Remove temporary files an earlier, killed run left beside ``path``."""
    for stale in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            stale.unlink()


def write_all_atomic(files: dict[Path, bytes]) -> None:
    """Write several files; each one atomically (all are rendered before the first is written)."""
    for path, data in files.items():
        write_atomic(path, data)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
