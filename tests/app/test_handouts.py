"""Handouts as use cases: notes of any length, what `check` and `batch` do with a file that
cannot be made, and a ledger that knows a handout whatever the process drew before."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

from careprint.deliver.ledger import Ledger
from tests.conftest import Run
from tests.pdftools import page_texts

LONG = " ".join(["Loop elke dag een half uur, ook als het regent."] * 40)


def long_notes(workspace: Path, paragraphs: int) -> Path:
    client = workspace / "clients" / "dossier-0147.yaml"
    text = client.read_text(encoding="utf-8")
    notes = "\n\n".join(f"{number}. {LONG}" for number in range(1, paragraphs + 1))
    start = text.index("notes: |")
    body = "\n".join("  " + line for line in notes.split("\n"))
    client.write_text(text[:start] + "notes: |\n" + body + "\n", encoding="utf-8")
    return client


def test_notes_longer_than_a_page_go_on_over_the_next_pages(workspace: Path, run: Run) -> None:
    long_notes(workspace, 4)  # about three pages of notes, one paragraph longer than a page
    result = run("-C", str(workspace), "handout", "clients/dossier-0147.yaml")
    assert result.code == 0, result.err
    pdf = workspace / "out" / "handouts" / "dossier-0147-2026-11-24.pdf"
    texts = page_texts(pdf)
    joined = " ".join(texts)
    starts = [joined.index(f"{number}. Loop elke dag") for number in range(1, 5)]
    assert starts == sorted(starts)  # the paragraphs in order, none lost
    assert joined.count("ook als het regent.") == 4 * 40
    assert len(PdfReader(pdf).pages) >= 3 + 3  # notes, the week, three points, the close
    assert joined.index("4. Loop") < joined.index("Je week") < joined.index("monnikskapspier")


def test_check_makes_every_handout_as_handout_would(workspace: Path, run: Run) -> None:
    long_notes(workspace, 2)
    note = workspace / "clients" / "dossier-0213.yaml"
    note.write_text(
        note.read_text(encoding="utf-8").replace(
            "  - gastrocnemius", "  - id: gastrocnemius\n    note: " + LONG
        ),
        encoding="utf-8",
    )
    checked = run("-C", str(workspace), "check")
    made = run("-C", str(workspace), "handout", "clients/dossier-0213.yaml")
    assert checked.code == made.code == 2
    error = made.err.removeprefix("error: ")
    assert error.startswith("clients/dossier-0213.yaml, line 16: the instructions for ")
    assert error in checked.err  # the same message, from the same lay-out
    assert "ok: clients/dossier-0147.yaml (3 points)" in checked.out
    assert not (workspace / "out").exists()  # check writes nothing


def test_batch_reports_each_failed_file_and_makes_the_others(workspace: Path, run: Run) -> None:
    bad = workspace / "clients" / "dossier-9999.yaml"
    shutil.copyfile(workspace / "clients" / "dossier-0147.yaml", bad)
    bad.write_text(bad.read_text().replace("upper-trapezius", "upper-trapezuis"), "utf-8")
    result = run("-C", str(workspace), "batch", "clients", "--jobs", "2")
    assert result.code == 2
    assert "error: clients/dossier-9999.yaml, line" in result.err
    assert "there is no point 'upper-trapezuis' in the library" in result.err
    assert result.out == "wrote 4 handouts to out/handouts; 1 failed\n"
    assert len(list((workspace / "out" / "handouts").glob("*.pdf"))) == 4


def test_a_handout_is_known_as_sent_whatever_was_drawn_before(workspace: Path, run: Run) -> None:
    """The ledger's key is made of the inputs: drawing other clients with rare letters (Kurdish
    joined forms) first, in the same process or another, does not make it a new handout."""
    email = ("-C", str(workspace), "handout", "clients/dossier-0388.yaml", "--email")
    assert run(*email).code == 0
    rare = workspace / "clients" / "dossier-0500.yaml"
    text = (workspace / "clients" / "dossier-0388.yaml").read_text(encoding="utf-8")
    rare.write_text(text.replace("سلمى حداد", "شێرکۆ ڕەزا ڤیان"), encoding="utf-8")
    assert run("-C", str(workspace), "handout", "clients/dossier-0500.yaml").code == 0
    again = run(*email)
    assert again.code == 0
    assert "this handout was already put in the outbox as a draft on" in again.out
    later = subprocess.run(
        [sys.executable, "-m", "careprint", *email], capture_output=True, text=True, check=False
    )
    assert "already put in the outbox" in later.stdout
    assert len(list((workspace / "out" / "outbox").glob("*.eml"))) == 1
    assert Ledger(workspace / "out" / "ledger.sqlite3").count() == 1
