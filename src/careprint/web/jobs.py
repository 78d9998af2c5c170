"""Long work in the background (building every leaflet, checking everything): a thread per
job, its progress polled by the page. The other pages go on meanwhile; ReportLab's lock
(inside the use cases) lets one document be drawn at a time."""

from __future__ import annotations

import logging
import secrets
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field

log = logging.getLogger("careprint.web")


@dataclass
class Job:
    id: str
    kind: str  # build | check
    total: int = 0  # 0: not known beforehand
    done: int = 0
    failed: int = 0
    lines: list[tuple[bool | None, str]] = field(
        default_factory=list
    )  # (ok, text); None: a warning
    finished: bool = False
    bug: bool = False

    def step(self, ok: bool | None, text: str) -> None:
        """One line done: fine, failed, or (None) a warning that does not fail the job."""
        self.lines.append((ok, text))
        self.done += 1
        self.failed += 1 if ok is False else 0

    @property
    def percent(self) -> int:
        return int(100 * self.done / self.total) if self.total else 0


class Jobs:
    """The jobs of this process; one of each kind runs at a time."""

    def __init__(self) -> None:
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()

    def start(self, kind: str, total: int, work: Callable[[Job], None]) -> Job:
        """A new job running ``work`` in a thread, or the job of this kind still running."""
        with self._lock:
            for job in self._jobs.values():
                if job.kind == kind and not job.finished:
                    return job
            job = Job(secrets.token_hex(8), kind, total)
            self._jobs[job.id] = job
            for old in [k for k, j in self._jobs.items() if j.finished][:-20]:
                del self._jobs[old]

        def run() -> None:
            try:
                work(job)
            except Exception:  # careprint's own problem: told on the page, details in the log
                job.bug = True
                details = traceback.format_exc()
                log.error("a %s job stopped with a problem of careprint's own:\n%s", kind, details)
            finally:
                job.finished = True

        threading.Thread(target=run, name=f"careprint-{kind}", daemon=True).start()
        return job

    def get(self, job_id: str) -> Job | None:
        return self._jobs.get(job_id)

    def latest(self, kind: str) -> Job | None:
        """The job of ``kind`` started last (running or finished), if any."""
        found = [job for job in self._jobs.values() if job.kind == kind]
        return found[-1] if found else None
