"""A new practice's first hour, as one test: careprint installed from its source the way a user
installs it (not editable, into a new virtual environment), then init, check, build, handout
and handout --email, each run as the installed command."""

from __future__ import annotations

import shutil
import subprocess
import sys
from email import message_from_bytes
from pathlib import Path

from pypdf import PdfReader

from tests.conftest import ROOT

LEFT_OUT = shutil.ignore_patterns(
    ".git", ".venv", "out", "tests", "bench", "docs", "build", "*.egg-info", "__pycache__"
)


def test_a_new_practice_from_install_to_an_emailed_handout(tmp_path: Path) -> None:
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=LEFT_OUT)  # pip builds in the tree it is given
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(source)]
    subprocess.run(pip, check=True, capture_output=True)
    careprint = str(venv / "bin" / "careprint")

    def run(*args: str, cwd: Path) -> str:
        done = subprocess.run(
            [careprint, *args], cwd=cwd, capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
        return done.stdout

    said = run("init", "mijn-praktijk", cwd=tmp_path)
    practice = tmp_path / "mijn-praktijk"
    assert "careprint handout clients/voorbeeld.yaml" in said
    assert sorted(p.name for p in practice.iterdir() if p.is_file()) == [
        ".gitignore",
        "practice.yaml",
    ]

    checked = run("check", cwd=practice)
    assert "ok: spanningshoofdpijn (trifold, nl) fits" in checked
    assert "ok: clients/voorbeeld.yaml (2 points)" in checked

    run("build", cwd=practice)
    leaflets = sorted(p.name for p in (practice / "out" / "leaflets").glob("*.pdf"))
    assert leaflets == [
        "spanningshoofdpijn-nl-booklet-imposed.pdf",
        "spanningshoofdpijn-nl-booklet.pdf",
        "spanningshoofdpijn-nl-large-print.pdf",
        "spanningshoofdpijn-nl-screen.pdf",
        "spanningshoofdpijn-nl-trifold.pdf",
    ]
    trifold = practice / "out" / "leaflets" / leaflets[-1]
    outside = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(trifold), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "Praktijk Voorbeeld" in outside and "Spanningshoofdpijn" in outside

    run("handout", "clients/voorbeeld.yaml", cwd=practice)
    (handout,) = (practice / "out" / "handouts").glob("voorbeeld-*.pdf")
    first = PdfReader(handout).pages[0].extract_text()
    assert "Zelfmassage voor" in first

    said = run("handout", "clients/voorbeeld.yaml", "--email", cwd=practice)
    (draft,) = (practice / "out" / "outbox").glob("*.eml")
    assert f"drafted out/outbox/{draft.name}" in said
    mail = message_from_bytes(draft.read_bytes())
    (attachment,) = [part for part in mail.walk() if part.get_filename()]
    assert attachment.get_payload(decode=True) == handout.read_bytes()
