"""`careprint all`: everything the practice folder holds, the same files as the commands one
by one, each told once."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import Run


def test_all_builds_what_build_and_handout_build(workspace: Path, run: Run) -> None:
    result = run("-C", str(workspace), "all")
    assert result.code == 0, result.err
    out = workspace / "out"
    made = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.pdf"))
    told = sorted(line.split()[1].removeprefix("out/") for line in result.out.splitlines())
    assert told == made

    shutil.rmtree(out)
    assert run("-C", str(workspace), "build", "--print-shop", "--lang", "complete").code == 0
    assert run("-C", str(workspace), "handout").code == 0
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.pdf")) == made
    assert len([m for m in made if m.startswith("handouts/")]) == 4
    assert {m.split("-")[1] for m in made if m.startswith("leaflets/")} == {
        "nl",
        "en",
        "de",
        "tr",
        "ar",
    }


def test_all_reports_a_broken_client_file_and_still_builds_the_rest(
    workspace: Path, run: Run
) -> None:
    broken = workspace / "clients" / "dossier-0999.yaml"
    broken.write_text("name: Test\nlanguage: nl\n", encoding="utf-8")
    result = run("-C", str(workspace), "all")
    assert result.code == 2
    assert "clients/dossier-0999.yaml" in result.err
    assert len(list((workspace / "out" / "handouts").glob("*.pdf"))) == 4


def test_an_arabic_handout_is_the_same_whatever_the_process_made_before(workspace: Path) -> None:
    """Joined Arabic letter forms get their numbers in a fixed order, so the handout made
    after Arabic leaflets (in `careprint all`) is byte for byte the one made alone (which the
    email ledger relies on)."""
    import subprocess
    import sys

    def careprint(*args: str) -> None:
        command = [sys.executable, "-m", "careprint", "-C", str(workspace), *args]
        subprocess.run(command, check=True, capture_output=True)

    careprint("all")
    careprint("handout", "clients/dossier-0388.yaml", "--out", str(workspace / "alone"))
    name = "dossier-0388-2026-11-24.pdf"
    together = (workspace / "out" / "handouts" / name).read_bytes()
    assert (workspace / "alone" / name).read_bytes() == together
