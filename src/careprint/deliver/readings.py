"""The readings of returned handouts (careprint progress), kept beside the email ledger in
out/ledger.sqlite3, so that the logs a client sends back over the weeks make one history.

Each returned form is keyed by what was filled in (a SHA-256 of its code, ticks and pain
scores), not by the file's bytes: the same form read twice, or saved again by another
program, counts once. Rows hold the client file's stem (as in file names), point ids, dates
and numbers: no names, no addresses, no notes, not the client's questions.
"""

from __future__ import annotations

import datetime
import hashlib
import sqlite3
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

from careprint.deliver.ledger import connect

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS returned (
        form    TEXT PRIMARY KEY,   -- sha256 of the code and what was filled in
        dossier TEXT NOT NULL,      -- the client file's stem
        at      TEXT NOT NULL       -- when it was first read, local time, ISO 8601
    )""",
    """CREATE TABLE IF NOT EXISTS sessions (
        form    TEXT NOT NULL REFERENCES returned(form),
        point   TEXT NOT NULL,      -- the library id
        number  INTEGER NOT NULL,   -- the point's number on the handout
        day     TEXT NOT NULL,      -- ISO date
        planned INTEGER NOT NULL,   -- sessions the plan asks for that day
        done    INTEGER NOT NULL,   -- boxes ticked
        PRIMARY KEY (form, point, day)
    )""",
    """CREATE TABLE IF NOT EXISTS pain (
        form    TEXT NOT NULL REFERENCES returned(form),
        day     TEXT NOT NULL,
        score   INTEGER NOT NULL,   -- 0 to 10
        PRIMARY KEY (form, day)
    )""",
)


@dataclass(frozen=True)
class Session:
    point: str
    number: int  # on the handout: 1 is the first point
    day: datetime.date
    planned: int
    done: int


@dataclass(frozen=True)
class Returned:
    """What one returned form holds, as plain data."""

    dossier: str
    code: str
    sessions: tuple[Session, ...]
    pain: tuple[tuple[datetime.date, int], ...]

    @property
    def form(self) -> str:
        digest = hashlib.sha256(self.code.encode())
        for s in sorted(self.sessions, key=lambda s: (s.point, s.day)):
            digest.update(f"\0{s.point}\0{s.number}\0{s.day}\0{s.planned}\0{s.done}".encode())
        for day, score in sorted(self.pain):
            digest.update(f"\0pain\0{day}\0{score}".encode())
        return digest.hexdigest()


@dataclass(frozen=True)
class History:
    """All a client's returned forms together: a day's sessions as the most ticked of any
    form, a day's pain as the form read last says."""

    dossier: str
    sessions: tuple[Session, ...]  # by point and day
    pain: tuple[tuple[datetime.date, int], ...]  # by day
    forms: int


class Readings:
    """The readings in the ledger file (SQLite, write-ahead log, one transaction a form)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _db(self) -> AbstractContextManager[sqlite3.Connection]:
        return connect(self.path, SCHEMA)

    def add(self, returned: Returned) -> datetime.datetime | None:
        """Keep a returned form; when it was read before (then nothing changes), or None."""
        form = returned.form
        now = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
        with self._db() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                row = db.execute("SELECT at FROM returned WHERE form = ?", (form,)).fetchone()
                if row is not None:
                    db.execute("ROLLBACK")
                    return datetime.datetime.fromisoformat(row[0])
                db.execute(
                    "INSERT INTO returned (form, dossier, at) VALUES (?, ?, ?)",
                    (form, returned.dossier, now),
                )
                db.executemany(
                    "INSERT INTO sessions (form, point, number, day, planned, done) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    [
                        (form, s.point, s.number, s.day.isoformat(), s.planned, s.done)
                        for s in returned.sessions
                    ],
                )
                db.executemany(
                    "INSERT INTO pain (form, day, score) VALUES (?, ?, ?)",
                    [(form, day.isoformat(), score) for day, score in returned.pain],
                )
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        return None

    def history(self, dossier: str) -> History:
        with self._db() as db:
            forms = db.execute(
                "SELECT count(*) FROM returned WHERE dossier = ?", (dossier,)
            ).fetchone()[0]
            sessions = db.execute(
                "SELECT s.point, min(s.number), s.day, max(s.planned), max(s.done) "
                "FROM sessions s JOIN returned r ON r.form = s.form WHERE r.dossier = ? "
                "GROUP BY s.point, s.day ORDER BY min(s.number), s.point, s.day",
                (dossier,),
            ).fetchall()
            pain = db.execute(
                "SELECT p.day, p.score FROM pain p JOIN returned r ON r.form = p.form "
                "WHERE r.dossier = ? ORDER BY p.day, r.at, r.rowid",
                (dossier,),
            ).fetchall()
        last: dict[str, int] = {}
        for day, score in pain:  # the form read last wins
            last[day] = int(score)
        return History(
            dossier,
            tuple(
                Session(p, int(n), datetime.date.fromisoformat(d), int(pl), int(dn))
                for p, n, d, pl, dn in sessions
            ),
            tuple((datetime.date.fromisoformat(d), s) for d, s in sorted(last.items())),
            int(forms),
        )
