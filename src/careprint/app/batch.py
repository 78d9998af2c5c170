"""Many handouts at once: one worker process per core, each keeping its workspace and layouts.

The workers load the practice, library and translations once and reuse the laid-out pages of
the points, so a batch costs little more per handout than the drawing itself. A file that
fails is reported (a mistake in it, or a problem of careprint's own with its details) and the
others are made all the same.
"""

from __future__ import annotations

import os
import re
import traceback
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import (
    FIRST_COMPLETED,
    Future,
    ProcessPoolExecutor,
    ThreadPoolExecutor,
    wait,
)
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from careprint.errors import CareprintError

if TYPE_CHECKING:
    from careprint.app.handouts import HandoutOutput
    from careprint.workspace import Workspace

_workspace: Workspace | None = None  # one per worker process


@dataclass(frozen=True)
class Done:
    client: Path
    written: Path | None  # the handout, or None when it failed
    size: int = 0
    error: str = ""  # the message of a mistake in the file; or the details of a bug
    bug: bool = False  # careprint's own problem, not the user's


def _start(root: str) -> None:
    global _workspace
    from careprint.workspace import Workspace

    if _workspace is None or _workspace.root != Path(root).resolve():  # forked: its parent's
        _workspace = Workspace(Path(root))


def _share(ws: Workspace | None) -> None:
    """Let workers forked from this process start with ``ws`` and what it has loaded."""
    global _workspace
    if ws is not None:
        _workspace = ws


HandoutJob = tuple[str, str, bool]  # the client file, the folder for the PDF, strict


def _one(job: HandoutJob) -> Done:
    made = _render(job)
    return made if isinstance(made, Done) else _write(Path(job[0]), made)


def _render(job: HandoutJob) -> HandoutOutput | Done:
    from careprint.app import handouts

    client, out_dir, strict = Path(job[0]), Path(job[1]), job[2]
    assert _workspace is not None
    try:
        return handouts.handout(_workspace, client, out_dir, strict)
    except CareprintError as exc:
        return Done(client, None, error=str(exc))
    except Exception:  # one file's bug does not stop the others
        return Done(client, None, error=traceback.format_exc(), bug=True)


def _write(client: Path, made: HandoutOutput) -> Done:
    from careprint.app.handouts import write

    try:
        write(made)
    except CareprintError as exc:
        return Done(client, None, error=str(exc))
    return Done(client, made.path, len(made.data))


def run(
    root: Path,
    clients: Iterable[Path],
    out_dir: Path,
    jobs: int | None = None,
    step: Callable[[], None] = lambda: None,
    workspace: Workspace | None = None,
) -> Iterator[Done]:
    """Make the handouts of ``clients`` with ``jobs`` processes (default: every core)."""
    _share(workspace)
    work = [(str(path), str(out_dir), False) for path in clients]
    workers = max(1, min(jobs or os.cpu_count() or 1, len(work)))
    if workers == 1:
        _start(str(root))
        for item in work:
            yield _one(item)
            step()
        return
    yield from _by_language(str(root), work, workers, step)


def _by_language(
    root: str, work: list[HandoutJob], workers: int, step: Callable[[], None]
) -> Iterator[Done]:
    """Many handouts, in the order they are made. Each process takes whole languages (it keeps
    the pages it has drawn, and a page drawn in one language is of no use in another); one that
    has finished its own helps with the largest language left."""
    queues: dict[bytes, list[int]] = {}
    for index, (path, _, _) in enumerate(work):
        queues.setdefault(_language_of(path), []).append(index)
    largest_first = sorted(queues, key=lambda language: -len(queues[language]))
    owned: list[list[bytes]] = [[] for _ in range(workers)]
    load = [0] * workers
    for language in largest_first:
        least = load.index(min(load))
        owned[least].append(language)
        load[least] += len(queues[language])
    pools = [ProcessPoolExecutor(1, initializer=_start, initargs=(root,)) for _ in owned]
    running: dict[Future[list[Done]], int] = {}  # a task -> its process

    def submit(worker: int) -> None:
        for language in owned[worker] + sorted(queues, key=lambda key: -len(queues[key])):
            if queues[language]:
                part, queues[language] = queues[language][:CHUNK], queues[language][CHUNK:]
                running[pools[worker].submit(_many, [work[i] for i in part])] = worker
                return

    try:
        for worker in range(workers):
            submit(worker)
            submit(worker)  # one more in hand, so the process never waits for work
        while running:
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                worker = running.pop(future)
                for done in future.result():
                    yield done
                    step()
                submit(worker)
    finally:
        for pool in pools:
            pool.shutdown(cancel_futures=True)


CHUNK = 8  # clients per task: few enough for a smooth progress bar


def _many(jobs: list[HandoutJob]) -> list[Done]:
    """Handouts made one after the other, each written to disk (and waited for there) by a
    thread while the next one is made."""
    pending: list[Done | Future[Done]] = []
    writer = _writer()
    for job in jobs:
        made = _render(job)
        pending.append(
            made if isinstance(made, Done) else writer.submit(_write, Path(job[0]), made)
        )
    return [done if isinstance(done, Done) else done.result() for done in pending]


_writers: dict[int, ThreadPoolExecutor] = {}  # one per process


def _writer() -> ThreadPoolExecutor:
    pid = os.getpid()
    if pid not in _writers:
        _writers.clear()  # a forked process does not have its parent's thread
        _writers[pid] = ThreadPoolExecutor(1)
    return _writers[pid]


LANGUAGE = re.compile(rb"^language:[ \t]*[\"']?([A-Za-z-]+)", re.MULTILINE)


def _language_of(path: str) -> bytes:
    """The client file's language, only to group the work (the file is checked when made)."""
    try:
        with open(path, "rb") as file:
            found = LANGUAGE.search(file.read(4096))
    except OSError:
        return b""
    return found.group(1) if found else b""


LeafletJob = tuple[str, str | None, list[str], bool, str, bool]  # name, language, layouts, ...
Leaflets = tuple[list[tuple[str, bytes]], str]  # the files (path, bytes), or the error's text


def write(files: list[tuple[str, bytes]]) -> None:
    """Write a leaflet job's files, each atomically (all were made before the first is written)."""
    from careprint.deliver.files import write_all_atomic

    write_all_atomic({Path(path): data for path, data in files})


def _leaflet(job: LeafletJob) -> Leaflets:
    """One leaflet in one language in all its layouts: the files, or the error's text."""
    from careprint.app import leaflets

    name, language, layouts, print_shop, out_dir, strict = job
    assert _workspace is not None
    files: list[tuple[str, bytes]] = []
    try:
        for layout in layouts:
            made = leaflets.outputs(
                _workspace, name, layout, print_shop, Path(out_dir), language, strict
            )
            files += [(str(f.path), f.data) for f in made]
    except CareprintError as exc:
        return [], str(exc)
    return files, ""


def together(
    root: Path,
    jobs: list[LeafletJob],
    clients: list[Path],
    out_dir: Path,
    workers: int,
    step: Callable[[], None] = lambda: None,
    workspace: Workspace | None = None,
    strict: bool = False,
) -> Iterator[Leaflets | Done]:
    """Leaflet jobs, then the handouts of ``clients``, in one set of ``workers`` processes (a
    process that is done with leaflets goes on with handouts); results in that order."""
    _share(workspace)
    handouts = [(str(path), str(out_dir), strict) for path in clients]
    if workers <= 1 or len(jobs) + len(handouts) <= 1:
        _start(str(root))
        for job in jobs:
            yield _leaflet(job)
            step()
        for handout in handouts:
            yield _one(handout)
            step()
        return
    # right-to-left text takes longest (every word is shaped): it goes first, its handouts
    # too, so that no process is left with a long job at the end while the others wait
    rtl_jobs = [job for job in jobs if _rtl(job[1] or "")]
    ltr_jobs = [job for job in jobs if job not in rtl_jobs]
    rtl_handouts = [job for job in handouts if _rtl(_language_of(job[0]).decode())]
    ltr_handouts = [job for job in handouts if job not in rtl_handouts]
    with ProcessPoolExecutor(workers, initializer=_start, initargs=(str(root),)) as pool:
        first = [pool.submit(_leaflet, job) for job in rtl_jobs]
        first_handouts = [pool.submit(_one, job) for job in rtl_handouts]
        futures: list[Future[Leaflets] | Future[Done]] = [
            *first,
            *[pool.submit(_leaflet, job) for job in ltr_jobs],
            *first_handouts,
            *[pool.submit(_one, job) for job in ltr_handouts],
        ]
        for future in futures:  # told in order: the leaflets, then the handouts
            yield future.result()
            step()


def _rtl(language: str) -> bool:
    from careprint.content.i18n import direction

    return bool(language) and direction(language) == "rtl"
