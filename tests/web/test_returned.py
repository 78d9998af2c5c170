"""Returned handouts on a client's page, over HTTP: a filled-in handout posted as a browser
without scripts posts a file, read once, its chart shown; the wrong files refused with a
message; nothing without the form token."""

from __future__ import annotations

from pathlib import Path

from careprint.app import handouts
from careprint.workspace import Workspace
from tests.pdftools import fill_form
from tests.web.conftest import Client

TICKS = {
    "log.upper-trapezius.2026-11-25.1": "/Yes",
    "log.upper-trapezius.2026-11-26.1": "/Yes",
    "log.levator-scapulae.2026-11-26.2": "/Yes",
    "pain.2026-11-25": "6",
    "pain.2026-11-26": "5",
}


def returned_pdf(ws: Path, values: dict[str, str] | None = None) -> bytes:
    path = ws / "clients" / "dossier-0147.yaml"  # fillable in the example practice
    made = handouts.handout(Workspace(ws), path, ws / "out")
    return fill_form(made.data, TICKS if values is None else values)


def post_files(client: Client, files: list[tuple[str, bytes]], csrf: str | None = None):  # type: ignore[no-untyped-def]
    return client.post(
        "/handout/dossier-0147/returned",
        data={"csrf": client.csrf() if csrf is None else csrf},
        files=[("returned", (name, data, "application/pdf")) for name, data in files],
    )


def test_the_page_offers_a_file_field_and_no_chart_yet(client: Client) -> None:
    page = client.get("/handout/dossier-0147").text
    assert 'enctype="multipart/form-data"' in page
    assert 'type="file" id="returned-files" name="returned"' in page
    assert "Nog geen teruggestuurde weeklijsten gelezen." in page
    assert client.get("/handout/dossier-0147/progress.png").status_code == 404


def test_a_returned_handout_is_read_once_and_charted(client: Client, workspace: Path) -> None:
    data = returned_pdf(workspace)
    response = post_files(client, [("Zelfmassage 24-11.pdf", data)])
    assert response.status_code == 200
    page = response.text
    assert "Zelfmassage 24-11.pdf: 3 keer afgevinkt, 2 pijnscore(s) gelezen." in page
    assert '<img src="/handout/dossier-0147/progress.png?v=' in page
    chart = client.get("/handout/dossier-0147/progress.png")
    assert chart.status_code == 200 and chart.content[:4] == b"\x89PNG"
    assert chart.content == (workspace / "out" / "progress" / "dossier-0147.png").read_bytes()
    pdf = client.get("/handout/dossier-0147/progress.png?pdf=1")
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content[:5] == b"%PDF-"
    again = post_files(client, [("opnieuw.pdf", data)]).text
    assert "opnieuw.pdf: al eerder gelezen op " in again and "; telt één keer." in again
    assert list((workspace / "out" / "progress").iterdir())  # no upload kept under its name
    assert not list(workspace.rglob("opnieuw.pdf"))


def test_wrong_files_are_refused_with_a_message(client: Client, workspace: Path) -> None:
    page = post_files(client, [("brief.pdf", b"Beste Joris")]).text
    assert "brief.pdf: this is not a PDF file." in page
    unfilled = returned_pdf(workspace, {})
    page = post_files(client, [("leeg.pdf", unfilled)]).text
    assert "leeg.pdf: nothing is filled in: no box ticked, no pain score." in page
    page = post_files(client, []).text
    assert "Kies eerst een of meer PDF&#39;s." in page or "Kies eerst een of meer PDF's." in page
    assert not (workspace / "out" / "progress").exists()


def test_a_handout_of_another_client_is_not_read_on_this_page(
    client: Client, workspace: Path
) -> None:
    data = returned_pdf(workspace)
    response = client.post(
        "/handout/dossier-0213/returned",
        data={"csrf": client.csrf()},
        files=[("returned", ("terug.pdf", data, "application/pdf"))],
    )
    assert "terug.pdf: this handout was made for another client file (dossier-0147); " in (
        response.text
    )
    assert not (workspace / "out" / "ledger.sqlite3").exists()


def test_without_the_form_token_nothing_is_read(client: Client, workspace: Path) -> None:
    response = post_files(client, [("terug.pdf", returned_pdf(workspace))], csrf="wrong")
    assert response.status_code == 403
    assert not (workspace / "out" / "ledger.sqlite3").exists()
