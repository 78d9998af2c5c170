"""The week log a handout carries back: which days it covers, the names of its form fields, the
plan they encode, and the code that matches a returned handout to its client file.

The names say what a field holds, so that a returned PDF can be read without its client file:
``log.<point>.<yyyy-mm-dd>.<session>`` is a tick box (one per session of that day),
``pain.<yyyy-mm-dd>`` the day's pain score (0 to 10), ``questions`` the client's questions and
``careprint.code`` (hidden) the code printed under the week.

The code is two keyed hashes (HMAC-SHA256 with the practice's own key, kept in ``.careprint/``):
the first of the client file's stem alone, which finds the client file; the second of the stem
and the field names, which shows the plan was not changed. Neither holds a name or an address,
and without the key neither can be made or traced back to a dossier.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import hmac
from collections.abc import Sequence
from dataclasses import dataclass

CODE_FIELD = "careprint.code"
QUESTIONS = "questions"
PAIN_MAX = 10


def rest_days(count: int) -> frozenset[int]:
    """The days of the week (0 is its first day) without self-massage, spread over the week and
    the last day always one of them: 1 -> {6}, 2 -> {2, 6}, 3 -> {1, 4, 6}."""
    return frozenset(round((k + 1) * 7 / count) - 1 for k in range(count)) if count else frozenset()


def week(consult: datetime.date) -> list[datetime.date]:
    """The seven days of the calendar, in its column order: from the day after the consult,
    the first day the client massages at home (a week that began before the consult would
    offer days already gone); the day names above them follow."""
    start = consult + datetime.timedelta(days=1)
    return [start + datetime.timedelta(days=d) for d in range(7)]


def box_name(point: str, day: datetime.date, session: int) -> str:
    return f"log.{point}.{day.isoformat()}.{session}"


def pain_name(day: datetime.date) -> str:
    return f"pain.{day.isoformat()}"


@dataclass(frozen=True)
class PointPlan:
    """One point of the plan: how many sessions a day, and on which days."""

    point: str
    per_day: int
    days: tuple[datetime.date, ...]  # the days to massage (the rest days left out)


def plan(points: Sequence[tuple[str, int, int]], consult: datetime.date) -> list[PointPlan]:
    """The plan of the week for ``points``: (id, sessions a day, rest days a week) each."""
    days = week(consult)
    made = []
    for point, per_day, rest in points:
        off = rest_days(rest)
        made.append(PointPlan(point, per_day, tuple(d for i, d in enumerate(days) if i not in off)))
    return made


def field_names(plans: Sequence[PointPlan], days: Sequence[datetime.date]) -> list[str]:
    """Every field of a fillable week, but the code: the boxes, the pain scores, the questions."""
    names = [
        box_name(p.point, day, session)
        for p in plans
        for day in p.days
        for session in range(1, p.per_day + 1)
    ]
    return names + [pain_name(day) for day in days] + [QUESTIONS]


def _mac(key: bytes, *parts: str) -> str:
    digest = hmac.new(key, "\0".join(parts).encode(), hashlib.sha256).digest()
    return base64.b32encode(digest).decode()[:8]


def client_tag(key: bytes, stem: str) -> str:
    """The part of the code that names the client file (its stem, keyed)."""
    return _mac(key, "client", stem)


def code(key: bytes, stem: str, names: Sequence[str]) -> str:
    """The code printed under the week: the client's tag and the seal of the plan, as
    ``ABCD-EFGH-JKLM-NPQR``."""
    both = client_tag(key, stem) + _mac(key, "plan", stem, *sorted(names))
    return "-".join(both[i : i + 4] for i in range(0, 16, 4))


def tag_of(printed: str) -> str:
    """The client's tag in a code as printed."""
    return printed.replace("-", "")[:8]
