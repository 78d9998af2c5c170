"""Delivering what was made: files written atomically, email (MIME, outbox, SMTP), the ledger.

Each step that changes something on disk or on a mail server is named with :func:`step`, so a
test can stop or fail careprint at exactly that step (``fault``) and check what is left.
"""

from __future__ import annotations

from collections.abc import Callable

fault: Callable[[str], None] | None = None  # set by tests only


def step(name: str) -> None:
    """About to do ``name`` (e.g. "write", "replace", "ledger sending", "smtp data")."""
    if fault is not None:
        fault(name)
