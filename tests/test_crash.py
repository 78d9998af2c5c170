"""Crash safety: a build or an email run killed at any moment leaves only whole PDFs, no
temporary files, and a ledger that opens and is consistent."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import copy_workspace

# seconds after the start at which the build is killed: from import time to the last file
KILL_AFTER = [0.4, 0.8, 1.1, 1.4, 1.7, 2.0, 2.4, 2.8, 3.3, 4.0]


def careprint(ws: Path, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "careprint", "-C", str(ws), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, int]:
    """Each PDF's page count from a build that was left alone."""
    ws = copy_workspace(tmp_path_factory.mktemp("whole") / "practice")
    assert careprint(ws, "build", "triggerpointtherapie", "--print-shop").wait() == 0
    return {p.name: len(PdfReader(p).pages) for p in (ws / "out").rglob("*.pdf")}


@pytest.mark.parametrize("after", KILL_AFTER)
def test_a_killed_build_leaves_only_whole_pdfs(
    tmp_path: Path, reference: dict[str, int], after: float
) -> None:
    ws = copy_workspace(tmp_path / "practice")
    process = careprint(ws, "build", "triggerpointtherapie", "--print-shop")
    time.sleep(after)
    process.send_signal(signal.SIGKILL)
    process.wait()
    out = ws / "out"
    files = [p for p in out.rglob("*") if p.is_file()] if out.exists() else []
    assert not [p for p in files if p.suffix == ".tmp" and p.stat().st_size], (
        files
    )  # no torn output
    for pdf in (p for p in files if p.suffix == ".pdf"):
        assert len(PdfReader(pdf).pages) == reference[pdf.name], pdf.name


@pytest.mark.parametrize("after", [0.5, 1.0, 1.5, 2.0, 2.5])
def test_the_email_ledger_survives_a_kill(tmp_path: Path, after: float) -> None:
    ws = copy_workspace(tmp_path / "practice")
    process = careprint(ws, "handout", "--email", "--again")
    time.sleep(after)
    process.send_signal(signal.SIGKILL)
    process.wait()
    ledger = ws / "out" / "ledger.sqlite3"
    if ledger.exists():
        with sqlite3.connect(ledger) as db:
            assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            states = {row[0] for row in db.execute("SELECT state FROM deliveries")}
            assert states <= {"drafted", "sending", "sent"}
    # and a run after the kill finishes its work
    assert careprint(ws, "handout", "--email").wait() == 0
