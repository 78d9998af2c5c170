"""Returned handouts read back: a fillable handout filled in as a client would (ticks on
several days for two points, pain scores, a question), read with `careprint progress`; the
readings kept once; the chart's data; every way a file can be wrong, with its exact message;
and nothing of the client's (name, email, notes, questions) kept or printed."""

from __future__ import annotations

import datetime
import io
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest

from careprint.app.progress import chart_data, ledger_path
from careprint.deliver.readings import Readings, Session
from careprint.workspace import Workspace
from tests.conftest import Run
from tests.pdftools import fill_form

D = datetime.date
QUESTION = "Mag ik ook een tennisbal tegen de muur gebruiken?"
# Marieke's week (dossier-0147): upper trapezius (2 a day, Sunday off), levator scapulae (2 a
# day, Sunday off) and suboccipitals; she ticks the first two points only
TICKS = [
    "log.upper-trapezius.2026-11-25.1",
    "log.upper-trapezius.2026-11-25.2",
    "log.upper-trapezius.2026-11-26.1",
    "log.upper-trapezius.2026-11-28.1",
    "log.upper-trapezius.2026-11-28.2",
    "log.levator-scapulae.2026-11-26.1",
    "log.levator-scapulae.2026-11-29.2",
]
PAIN = {"pain.2026-11-25": "7", "pain.2026-11-26": "6", "pain.2026-11-28": "4"}


def _handout(ws: Path, run: Run, fillable: bool = True) -> bytes:
    client = ws / "clients" / "dossier-0147.yaml"
    lines = [x for x in client.read_text().splitlines() if not x.startswith("fillable:")]
    client.write_text("\n".join([*lines, f"fillable: {str(fillable).lower()}"]) + "\n")
    assert run("-C", str(ws), "handout", "clients/dossier-0147.yaml").code == 0
    return (ws / "out" / "handouts" / "dossier-0147-2026-11-24.pdf").read_bytes()


def _returned(
    ws: Path, run: Run, name: str = "terug.pdf", extra: dict[str, str] | None = None
) -> Path:
    values = {tick: "/Yes" for tick in TICKS} | PAIN | {"questions": QUESTION} | (extra or {})
    path = ws / "inbox" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(fill_form(_handout(ws, run), values))
    return path


def test_round_trip(workspace: Path, run: Run) -> None:
    returned = _returned(workspace, run)
    result = run("-C", str(workspace), "progress", "inbox/terug.pdf")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "inbox/terug.pdf: dossier-0147, 7 session(s) ticked, 3 pain score(s).\n"
        "  The client wrote questions in it: open the PDF to read them.\n"
        "wrote out/progress/dossier-0147.pdf and out/progress/dossier-0147.png\n"
    )
    history = Readings(ledger_path(Workspace(workspace))).history("dossier-0147")
    assert history.forms == 1
    sessions = {(s.point, s.day): s for s in history.sessions}
    assert sessions[("upper-trapezius", D(2026, 11, 25))] == Session(
        "upper-trapezius", 1, D(2026, 11, 25), 2, 2
    )
    assert sessions[("upper-trapezius", D(2026, 11, 26))].done == 1
    assert sessions[("levator-scapulae", D(2026, 11, 29))] == Session(
        "levator-scapulae", 2, D(2026, 11, 29), 2, 1
    )
    assert ("upper-trapezius", D(2026, 12, 1)) not in sessions  # the week's last day: the rest day
    assert sum(s.done for s in history.sessions) == len(TICKS)
    assert {s.point for s in history.sessions if s.done} == {"upper-trapezius", "levator-scapulae"}
    assert history.pain == ((D(2026, 11, 25), 7), (D(2026, 11, 26), 6), (D(2026, 11, 28), 4))

    data = chart_data(Workspace(workspace), history)
    assert data.weeks == ("week 1 (25-11)",)
    assert [(s.label, s.done, s.planned) for s in data.points] == [
        ("1  Bovenkant van je schouder (monnikskapspier)", (5,), (12,)),
        ("2  Spier tussen nek en schouderblad (schouderbladheffer)", (2,), (12,)),
        ("3  Korte nekspieren onder je achterhoofd", (0,), (12,)),
    ]
    assert data.pain == history.pain
    assert data.table == (
        ("Week", "1", "2", "3", "Gem. pijn"),
        ("1 (25-11)", "5 / 12", "2 / 12", "0 / 12", "5,7"),
    )
    chart = pdfium.PdfDocument(workspace / "out" / "progress" / "dossier-0147.pdf")
    text = " ".join(chart[0].get_textpage().get_text_range().split())
    assert "Voortgang dossier-0147" in text and "Pijn per dag" in text
    assert (workspace / "out" / "progress" / "dossier-0147.png").read_bytes()[:4] == b"\x89PNG"

    again = run("-C", str(workspace), "progress", "inbox/terug.pdf")
    assert again.code == 0 and ", read before on " in again.out and "; counted once." in again.out
    assert Readings(ledger_path(Workspace(workspace))).history("dossier-0147").forms == 1
    # saved again by another program (other bytes, the same form): still once
    resaved = workspace / "inbox" / "opnieuw.pdf"
    with pikepdf.open(returned) as pdf:
        pdf.save(resaved, object_stream_mode=pikepdf.ObjectStreamMode.disable)
    assert resaved.read_bytes() != returned.read_bytes()
    assert "counted once" in run("-C", str(workspace), "progress", "inbox/opnieuw.pdf").out


def test_a_later_return_adds_to_the_history(workspace: Path, run: Run) -> None:
    _returned(workspace, run)
    later = {"log.upper-trapezius.2026-11-30.1": "/Yes", "pain.2026-11-28": "3"}
    _returned(workspace, run, "later.pdf", later)
    result = run("-C", str(workspace), "progress", "inbox/terug.pdf", "inbox/later.pdf")
    assert result.code == 0, result.err
    history = Readings(ledger_path(Workspace(workspace))).history("dossier-0147")
    assert history.forms == 2
    assert sum(s.done for s in history.sessions) == len(TICKS) + 1
    assert dict(history.pain)[D(2026, 11, 28)] == 3  # the form read last


def _error(run: Run, ws: Path, name: str) -> str:
    result = run("-C", str(ws), "progress", name)
    assert result.code == 2 and result.out == ""
    return result.err


def test_not_a_pdf(workspace: Path, run: Run) -> None:
    (workspace / "notes.pdf").write_text("Beste Joris, hierbij mijn schema.")
    assert _error(run, workspace, "notes.pdf") == (
        "error: notes.pdf: this is not a PDF file.\n"
        "  Name the handout the client sent back: the PDF attached to their email.\n"
    )


def test_not_a_careprint_handout(workspace: Path, run: Run) -> None:
    _handout(workspace, run, fillable=False)  # a plain handout has no fields
    assert _error(run, workspace, "out/handouts/dossier-0147-2026-11-24.pdf") == (
        "error: out/handouts/dossier-0147-2026-11-24.pdf: this PDF is not a fillable careprint "
        "handout: it has no careprint code.\n"
        "  Name a handout made with 'fillable: true' and filled in by the client.\n"
    )


def test_not_filled(workspace: Path, run: Run) -> None:
    _handout(workspace, run)
    assert _error(run, workspace, "out/handouts/dossier-0147-2026-11-24.pdf") == (
        "error: out/handouts/dossier-0147-2026-11-24.pdf: nothing is filled in: no box ticked, "
        "no pain score.\n"
        "  Ask the client to tick the boxes and write the pain scores in the PDF, save it, and "
        "send that file back.\n"
    )


def _code(path: Path) -> str:
    with pikepdf.open(path) as pdf:
        fields = {str(f.T): f for f in pdf.Root.AcroForm.Fields}
        return str(fields["careprint.code"].V)


def test_for_a_client_not_in_clients(workspace: Path, run: Run) -> None:
    returned = _returned(workspace, run)
    (workspace / "clients" / "dossier-0147.yaml").rename(workspace / "dossier-0147.yaml")
    assert _error(run, workspace, "inbox/terug.pdf") == (
        f"error: inbox/terug.pdf: its code {_code(returned)} belongs to no client file in "
        "clients/.\n"
        "  Read it in the practice folder that made the handout (careprint -C FOLDER progress "
        "...), or put back the client file it was made for.\n"
    )


def test_tampered(workspace: Path, run: Run) -> None:
    returned = _returned(workspace, run)
    with pikepdf.open(returned, allow_overwriting_input=True) as pdf:
        for field in pdf.Root.AcroForm.Fields:  # a box added on the rest day
            if str(field.T) == "log.upper-trapezius.2026-11-30.1":
                field.T = pikepdf.String("log.upper-trapezius.2026-12-01.1")
        pdf.save(returned)
    assert _error(run, workspace, "inbox/terug.pdf") == (
        f"error: inbox/terug.pdf: the fields of this handout do not match its code "
        f"{_code(returned)}: it was changed after careprint made it.\n"
        "  Ask the client to send the handout as it was filled in, or note the week from their "
        "paper copy.\n"
    )
    assert not ledger_path(Workspace(workspace)).exists()  # nothing kept


def test_an_encrypted_return_needs_its_password(workspace: Path, run: Run) -> None:
    from careprint.pdf.encrypt import encrypt

    handout = encrypt(_handout(workspace, run), "kompas-tulp-77")
    filled = fill_form(handout, {TICKS[0]: "/Yes"}, password="kompas-tulp-77")
    (workspace / "terug.pdf").write_bytes(filled)
    assert _error(run, workspace, "terug.pdf") == (
        "error: terug.pdf: this PDF is protected with a password.\n"
        "  Add --password with the password you gave the client.\n"
    )
    result = run("-C", str(workspace), "progress", "terug.pdf", "--password", "kompas-tulp-77")
    assert result.code == 0 and "1 session(s) ticked, 0 pain score(s)" in result.out


def test_a_pain_score_out_of_range_is_left_out(workspace: Path, run: Run) -> None:
    _returned(workspace, run, extra={"pain.2026-11-29": "12"})
    result = run("-C", str(workspace), "progress", "inbox/terug.pdf")
    assert "  left out: the pain score on 2026-11-29 is '12', not 0 to 10.\n" in result.out
    history = Readings(ledger_path(Workspace(workspace))).history("dossier-0147")
    assert D(2026, 11, 29) not in dict(history.pain)


@pytest.mark.parametrize(
    "secret", ["Marieke", "de Vries", "marieke.devries@example.org", "beeldscherm", "tennisbal"]
)
def test_nothing_of_the_client_is_kept_or_told(
    workspace: Path, run: Run, secret: str, caplog: pytest.LogCaptureFixture
) -> None:
    _returned(workspace, run)
    result = run("-C", str(workspace), "-v", "progress", "inbox/terug.pdf")
    assert result.code == 0
    assert secret not in result.out + result.err + caplog.text
    for path in (workspace / "out").glob("ledger.sqlite3*"):
        assert secret.encode() not in path.read_bytes()
    for path in (workspace / "out" / "progress").iterdir():
        assert secret not in path.name
    chart = pdfium.PdfDocument(workspace / "out" / "progress" / "dossier-0147.pdf")
    assert secret not in chart[0].get_textpage().get_text_range()
    with io.BytesIO((workspace / "out" / "progress" / "dossier-0147.png").read_bytes()) as png:
        assert secret.encode() not in png.read()
