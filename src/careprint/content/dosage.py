"""A point's dosage for one client: the library's, with the client's own values where given."""

from __future__ import annotations

from dataclasses import dataclass

from careprint.content.models import Choice, SelfMassage


@dataclass(frozen=True)
class Dose:
    """How long, how often and how many days a week a client presses one point."""

    hold: int
    repeats: int
    per_day: int
    rest_days: int

    @classmethod
    def of(cls, entry: SelfMassage, choice: Choice) -> Dose:
        def pick(name: str) -> int:
            own = getattr(choice, name)
            return int(own if own is not None else getattr(entry, name))

        return cls(pick("hold"), pick("repeats"), pick("per_day"), pick("rest_days"))
