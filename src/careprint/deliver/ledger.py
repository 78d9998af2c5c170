"""The email ledger: which handouts were sent or drafted, so none is ever sent twice by accident.

Each delivery is keyed by a SHA-256 of what the handout is made of (the caller's inputs) and
the recipient; the ledger holds only that key, the channel, the state and the time: no names,
no addresses.

A send is recorded in two steps. Before the message goes to the server the key is written as
'sending'; after the server accepts it, it becomes 'sent'. A send that certainly failed removes
the row again, so a retry sends once. If careprint stops between the server's acceptance and the
second write (a crash, a lost connection during the message itself), the row stays 'sending':
the next run cannot know whether the client got the email, so it says so and sends nothing
unless the therapist asks for it with --again.
"""

from __future__ import annotations

import datetime
import hashlib
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path

from careprint.deliver import step

SCHEMA = """
CREATE TABLE IF NOT EXISTS deliveries (
    key     TEXT PRIMARY KEY,   -- sha256 of the handout's inputs + recipient
    state   TEXT NOT NULL,      -- drafted | sending | sent
    channel TEXT NOT NULL,      -- outbox | smtp
    at      TEXT NOT NULL       -- local time, ISO 8601
)
"""


def delivery_key(inputs: list[bytes], recipient: str) -> str:
    """The key of one handout to one recipient: a digest of each input, then of the address."""
    digest = hashlib.sha256()
    for part in (*inputs, recipient.strip().lower().encode()):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


@dataclass(frozen=True)
class Entry:
    state: str
    channel: str
    at: datetime.datetime

    def when(self) -> str:
        return self.at.strftime("%Y-%m-%d %H:%M")


@contextmanager
def connect(path: Path, schema: Sequence[str]) -> Iterator[sqlite3.Connection]:
    """The ledger file, open (write-ahead log, synced; each statement its own transaction
    unless it says otherwise), with the tables of ``schema`` made if missing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, timeout=10, isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        for table in schema:
            db.execute(table)
        yield db
    finally:
        db.close()


class Ledger:
    """The ledger file (SQLite, write-ahead log, every change in its own transaction)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _db(self) -> AbstractContextManager[sqlite3.Connection]:
        return connect(self.path, (SCHEMA,))

    def get(self, key: str) -> Entry | None:
        if not self.path.exists():
            return None
        with self._db() as db:
            row = db.execute(
                "SELECT state, channel, at FROM deliveries WHERE key = ?", (key,)
            ).fetchone()
        if row is None:
            return None
        return Entry(row[0], row[1], datetime.datetime.fromisoformat(row[2]))

    def record(self, key: str, state: str, channel: str) -> None:
        now = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
        step(f"ledger {state}")
        with self._db() as db:
            db.execute(
                "INSERT INTO deliveries (key, state, channel, at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(key) DO UPDATE SET state = excluded.state, "
                "channel = excluded.channel, at = excluded.at",
                (key, state, channel, now),
            )

    def restore(self, key: str, previous: Entry | None) -> None:
        """Put back what was there before a send that failed (or nothing)."""
        if previous is None:
            self.forget(key)
            return
        with self._db() as db:
            db.execute(
                "UPDATE deliveries SET state = ?, channel = ?, at = ? WHERE key = ?",
                (previous.state, previous.channel, previous.at.isoformat(), key),
            )

    def forget(self, key: str) -> None:
        with self._db() as db:
            db.execute("DELETE FROM deliveries WHERE key = ?", (key,))

    def count(self) -> int:
        if not self.path.exists():
            return 0
        with self._db() as db:
            return int(db.execute("SELECT count(*) FROM deliveries").fetchone()[0])
