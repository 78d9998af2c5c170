"""Many handouts at once: one worker process per core, each keeping its workspace and layouts.

The workers load the practice, library and translations once and reuse the laid-out pages of
the points, so a batch costs little more per handout than the drawing itself.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from careprint.errors import CareprintError

if TYPE_CHECKING:
    from careprint.workspace import Workspace

_workspace: Workspace | None = None  # one per worker process


@dataclass(frozen=True)
class Done:
    client: Path
    written: Path | None  # the handout, or None when it failed
    size: int = 0
    pages: int = 0
    error: str = ""


def _start(root: str) -> None:
    global _workspace
    from careprint.workspace import Workspace

    if _workspace is None or _workspace.root != Path(root):  # a forked worker has its parent's
        _workspace = Workspace(Path(root))


def _share(ws: Workspace | None) -> None:
    """Let workers forked from this process start with ``ws`` and what it has loaded."""
    global _workspace
    if ws is not None:
        _workspace = ws


def _one(job: tuple[str, str]) -> Done:
    from careprint import build
    from careprint.deliver.files import write_atomic

    client, out_dir = Path(job[0]), Path(job[1])
    assert _workspace is not None
    try:
        made = build.handout(_workspace, client, out_dir)
        write_atomic(made.path, made.data, private=True)
    except CareprintError as exc:
        return Done(client, None, error=str(exc))
    return Done(client, made.path, len(made.data), made.data.count(b"/Type /Page\n"))


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
    work = [(str(path), str(out_dir)) for path in clients]
    workers = max(1, min(jobs or os.cpu_count() or 1, len(work)))
    if workers == 1:
        _start(str(root))
        for item in work:
            yield _one(item)
            step()
        return
    # each process takes the clients of a few languages: it keeps the pages it has drawn, and
    # a page drawn in one language is of no use in another; a few handouts go one by one to
    # whichever process is free
    order = sorted(range(len(work)), key=lambda i: (_language_of(work[i][0]), i))
    if len(work) <= FEW * workers:
        with ProcessPoolExecutor(workers, initializer=_start, initargs=(str(root),)) as pool:
            futures = {i: pool.submit(_one, work[i]) for i in order}
            for i in range(len(work)):
                yield futures[i].result()
                step()
        return
    share = -(-len(order) // workers)
    slices = [order[k : k + share] for k in range(0, len(order), share)]
    pools = [ProcessPoolExecutor(1, initializer=_start, initargs=(str(root),)) for _ in slices]
    try:
        tasks: list[tuple[list[int], Future[list[Done]]]] = []
        owner: dict[int, int] = {}  # a client's index -> its task's
        for pool, indices in zip(pools, slices, strict=True):
            for k in range(0, len(indices), CHUNK):
                part = indices[k : k + CHUNK]
                owner.update((i, len(tasks)) for i in part)
                tasks.append((part, pool.submit(_many, [work[i] for i in part])))
        finished: dict[int, Done] = {}
        for i in range(len(work)):  # in the order asked for
            if i not in finished:
                part, future = tasks[owner[i]]
                finished.update(zip(part, future.result(), strict=True))
            yield finished.pop(i)
            step()
    finally:
        for pool in pools:
            pool.shutdown(cancel_futures=True)


CHUNK = 8  # clients per task: few enough for a smooth progress bar
FEW = 4  # clients per process below which they are not grouped by language


def _many(jobs: list[tuple[str, str]]) -> list[Done]:
    return [_one(job) for job in jobs]


LANGUAGE = re.compile(rb"^language:[ \t]*[\"']?([A-Za-z-]+)", re.MULTILINE)


def _language_of(path: str) -> bytes:
    """The client file's language, only to group the work (the file is checked when made)."""
    try:
        with open(path, "rb") as file:
            found = LANGUAGE.search(file.read(4096))
    except OSError:
        return b""
    return found.group(1) if found else b""


def _leaflet(
    job: tuple[str, str | None, list[str], bool, str, bool],
) -> tuple[list[tuple[str, bytes]], str]:
    """One leaflet in one language in all its layouts: the files, or the error's text."""
    from careprint import build

    name, language, layouts, print_shop, out_dir, strict = job
    assert _workspace is not None
    files: list[tuple[str, bytes]] = []
    try:
        for layout in layouts:
            made = build.outputs(
                _workspace, name, layout, print_shop, Path(out_dir), language, strict
            )
            files += [(str(f.path), f.data) for f in made]
    except CareprintError as exc:
        return [], str(exc)
    return files, ""


def leaflets(
    root: Path,
    jobs: list[tuple[str, str | None, list[str], bool, str, bool]],
    workers: int,
    step: Callable[[], None] = lambda: None,
    workspace: Workspace | None = None,
) -> Iterator[tuple[list[tuple[str, bytes]], str]]:
    """Build leaflet jobs in ``workers`` processes, results in the order of ``jobs``."""
    _share(workspace)
    if workers <= 1 or len(jobs) <= 1:
        _start(str(root))
        for job in jobs:
            yield _leaflet(job)
            step()
        return
    with ProcessPoolExecutor(workers, initializer=_start, initargs=(str(root),)) as pool:
        for result in pool.map(_leaflet, jobs):
            yield result
            step()
