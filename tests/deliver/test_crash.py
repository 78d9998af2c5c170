"""Crash safety by fault injection: careprint is stopped (SIGKILL) or fails (an OSError) at each
named step of writing a file, of recording in the ledger and of sending an email, at a chosen
occurrence. Every step leaves either the old file or the complete new one, a ledger that opens,
and never an email sent twice without --again."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from careprint import deliver
from careprint.deliver.files import write_atomic
from careprint.errors import OutputError
from tests.conftest import copy_workspace
from tests.deliver.conftest import serving

WRITE_STEPS = ["open", "write", "write more", "fsync", "link", "replace"]
STOPPER = textwrap.dedent(
    """
    import os, signal, sys
    from careprint import deliver
    from careprint.cli import main

    target, nth = sys.argv[1], int(sys.argv[2])
    seen = 0

    def fault(name):
        global seen
        if name == target:
            seen += 1
            if seen == nth:
                os.kill(os.getpid(), signal.SIGKILL)

    deliver.fault = fault
    sys.exit(main(sys.argv[3:]))
    """
)


def careprint_stopped_at(step: str, nth: int, *args: str) -> int:
    """Run ``careprint ARGS`` in a fresh process that is killed at the nth ``step``; its exit
    code (-9 when it was killed there)."""
    done = subprocess.run(
        [sys.executable, "-c", STOPPER, step, str(nth), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    return done.returncode


def pdfs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.glob("*.pdf")}


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The tri-fold's editions before and after an edit of the leaflet, built undisturbed."""
    ws = copy_workspace(tmp_path_factory.mktemp("whole") / "practice")
    build = ["-C", str(ws), "build", "triggerpointtherapie", "--layout", "trifold", "--print-shop"]
    assert subprocess.run([sys.executable, "-m", "careprint", *build], check=False).returncode == 0
    old = pdfs(ws / "out" / "leaflets")
    edit(ws)
    assert subprocess.run([sys.executable, "-m", "careprint", *build], check=False).returncode == 0
    new = pdfs(ws / "out" / "leaflets")
    assert old.keys() == new.keys() and all(old[name] != new[name] for name in old)
    return old, new


def edit(ws: Path) -> None:
    leaflet = ws / "leaflets" / "triggerpointtherapie.yaml"
    text = leaflet.read_text(encoding="utf-8")
    leaflet.write_text(text.replace("Triggerpointtherapie", "Triggerpoint-therapie", 1), "utf-8")


@pytest.mark.parametrize("nth", [1, 2])  # the office edition, then the print-shop one
@pytest.mark.parametrize("step", WRITE_STEPS)
def test_a_build_stopped_at_any_write_step_leaves_old_or_whole_files(
    tmp_path: Path,
    editions: tuple[dict[str, bytes], dict[str, bytes]],
    step: str,
    nth: int,
) -> None:
    old, new = editions
    ws = copy_workspace(tmp_path / "practice")
    folder = ws / "out" / "leaflets"
    folder.mkdir(parents=True)
    for name, data in old.items():
        (folder / name).write_bytes(data)
    edit(ws)
    args = ["-C", str(ws), "build", "triggerpointtherapie", "--layout", "trifold", "--print-shop"]
    assert careprint_stopped_at(step, nth, *args) == -signal.SIGKILL  # the step was reached
    now = pdfs(folder)
    assert now.keys() == old.keys()
    assert all(now[name] in (old[name], new[name]) for name in now)
    assert sum(now[name] == new[name] for name in now) == nth - 1  # those before the stop
    # a file named just before it was to replace the target may be left: swept next time;
    # the next run finishes the work and leaves nothing behind
    assert subprocess.run([sys.executable, "-m", "careprint", *args], check=False).returncode == 0
    assert pdfs(folder) == new
    assert [p for p in folder.iterdir() if p.suffix == ".tmp"] == []


@pytest.mark.parametrize("step", WRITE_STEPS)
def test_a_write_that_fails_at_any_step_keeps_the_old_file(
    tmp_path: Path, step: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A step that fails (a full disk, say) gives a clear error and keeps the old file, or
    (where an unnamed file cannot be linked) the new one is written as a named file instead."""
    target = tmp_path / "out" / "file.pdf"
    target.parent.mkdir()
    target.write_bytes(b"old")

    def fail(name: str) -> None:
        if name == step:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(deliver, "fault", fail)
    if step == "link":  # only unnamed files are linked: the named way is taken
        write_atomic(target, b"new" * 1000)
        assert target.read_bytes() == b"new" * 1000
    else:
        with pytest.raises(OutputError, match="No space left on device"):
            write_atomic(target, b"new" * 1000)
        assert target.read_bytes() == b"old"
    assert [p.name for p in target.parent.iterdir()] == ["file.pdf"]


EMAIL_STEPS = [
    # (step, then: what the next run without --again does, emails the client got in all)
    ("open", "sends", 1),  # the PDF not written yet: nothing recorded, nothing sent
    ("ledger sending", "sends", 1),
    ("smtp data", "asks", 0),  # recorded as being sent: careprint cannot know, so it asks
    ("ledger sent", "asks", 1),  # the server has it, the ledger does not say so yet
]


@pytest.mark.parametrize(("step", "then", "received"), EMAIL_STEPS)
def test_an_email_run_stopped_at_any_step_never_sends_twice(
    tmp_path: Path, step: str, then: str, received: int
) -> None:
    from tests.deliver.conftest import free_port

    port = free_port()
    ws = copy_workspace(tmp_path / "practice")
    with (ws / "practice.yaml").open("a", encoding="utf-8") as handle:
        handle.write(
            f"mail:\n  smtp: {{host: 127.0.0.1, port: {port}, starttls: false, timeout: 5}}\n"
        )
    args = ["-C", str(ws), "handout", "clients/dossier-0147.yaml", "--email"]
    with serving(port) as box:
        assert careprint_stopped_at(step, 1, *args) == -signal.SIGKILL
        ledger = ws / "out" / "ledger.sqlite3"
        if ledger.exists():
            with sqlite3.connect(ledger) as db:
                assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        again = subprocess.run(
            [sys.executable, "-m", "careprint", *args], capture_output=True, text=True, check=False
        )
        if then == "sends":
            assert again.returncode == 0, again.stderr
        else:
            assert again.returncode == 2
            assert "it may or may not have arrived" in again.stderr
            assert "add --again" in again.stderr
        once_more = subprocess.run(
            [sys.executable, "-m", "careprint", *args], capture_output=True, text=True, check=False
        )
        assert once_more.returncode == (0 if then == "sends" else 2)
    assert len(box.messages) == received


def test_no_fault_is_set_outside_tests() -> None:
    assert deliver.fault is None
    assert os.environ.get("CAREPRINT_PLAIN", "") in ("", "0")
