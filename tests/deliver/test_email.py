"""Emailing a handout: outbox drafts, a real SMTP server on loopback, never twice, encryption,
and no client data in logs or file names."""

from __future__ import annotations

import io
import logging
import re
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from careprint.app.email import inputs
from careprint.app.handouts import handout_content
from careprint.deliver.ledger import Ledger, delivery_key
from careprint.workspace import Workspace
from tests.conftest import Run
from tests.deliver.conftest import Mailbox, serving

CLIENT = "clients/dossier-0147.yaml"
NAME, ADDRESS = "Marieke de Vries", "marieke.devries@example.org"
PDF = "out/handouts/dossier-0147-2026-11-24.pdf"
EML = "out/outbox/dossier-0147-2026-11-24.eml"


def ledger_rows(ws: Path) -> int:
    return Ledger(ws / "out" / "ledger.sqlite3").count()


def attachments(message: EmailMessage) -> list[EmailMessage]:
    return [part for part in message.iter_attachments() if isinstance(part, EmailMessage)]


# -- outbox drafts ----------------------------------------------------------------------------


def test_without_a_mail_server_the_email_is_a_draft_in_the_outbox(
    workspace: Path, run: Run
) -> None:
    result = run("-C", str(workspace), "handout", CLIENT, "--email")
    assert result.code == 0, result.err
    assert f"drafted {EML}: open it in your mail program and press Send." in result.out
    draft = BytesParser(policy=policy.default).parsebytes((workspace / EML).read_bytes())
    assert isinstance(draft, EmailMessage)
    assert draft["To"] == ADDRESS
    assert draft["From"] == "Praktijk De Linde <info@praktijkdelinde.example>"
    assert draft["Subject"] == "Je zelfmassage-oefeningen van Praktijk De Linde"
    assert draft["X-Unsent"] == "1"
    (pdf,) = attachments(draft)
    assert pdf.get_content_type() == "application/pdf"
    assert pdf.get_filename() == "zelfmassage-2026-11-24.pdf"
    assert pdf.get_content() == (workspace / PDF).read_bytes()
    body = draft.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    assert text.startswith(f"Beste {NAME},")
    assert "de oefeningen die we op 24 november 2026 samen hebben uitgekozen" in text
    assert "Met vriendelijke groet,\n\nJoris van Dam\nPraktijk De Linde\n" in text
    assert "wachtwoord" not in text


def test_a_second_email_of_the_same_handout_does_nothing(workspace: Path, run: Run) -> None:
    assert run("-C", str(workspace), "handout", CLIENT, "--email").code == 0
    first = (workspace / EML).read_bytes()
    result = run("-C", str(workspace), "handout", CLIENT, "--email")
    assert result.code == 0
    assert re.search(
        r"clients/dossier-0147.yaml: this handout was already put in the outbox as a draft on "
        r"\d{4}-\d\d-\d\d \d\d:\d\d; nothing sent.\n  To send it once more, add --again.\n",
        result.out,
    )
    assert (workspace / EML).read_bytes() == first
    assert ledger_rows(workspace) == 1


def test_a_client_without_an_email_address(workspace: Path, run: Run) -> None:
    path = workspace / CLIENT
    path.write_text(
        "\n".join(line for line in path.read_text().splitlines() if not line.startswith("email:")),
        encoding="utf-8",
    )
    result = run("-C", str(workspace), "handout", CLIENT, "--email")
    assert result.code == 2
    assert result.err == (
        "error: clients/dossier-0147.yaml: this client file has no email address, so the "
        "handout cannot be emailed.\n"
        "  Add a line 'email: name@example.nl' to the client file, or leave out --email.\n"
    )
    assert not (workspace / "out" / "outbox").exists() and ledger_rows(workspace) == 0


def test_encrypt_and_again_need_email(workspace: Path, run: Run) -> None:
    result = run("-C", str(workspace), "handout", CLIENT, "--encrypt")
    assert (result.code, result.err) == (
        2,
        "error: --encrypt is about emailing.\n"
        "  Add --email, e.g. careprint handout clients/dossier-0147.yaml --email --encrypt.\n",
    )


# -- a real SMTP server on loopback ----------------------------------------------------------


def test_exactly_one_message_over_two_runs(
    smtp_workspace: Path, mailbox: Mailbox, run: Run
) -> None:
    first = run("-C", str(smtp_workspace), "handout", CLIENT, "--email")
    assert first.code == 0, first.err
    assert "sent the handout of clients/dossier-0147.yaml to the client's email address." in (
        first.out
    )
    second = run("-C", str(smtp_workspace), "handout", CLIENT, "--email")
    assert second.code == 0
    assert "this handout was already sent on" in second.out
    assert len(mailbox.messages) == 1
    (message,) = mailbox.messages
    assert message["To"] == ADDRESS
    (pdf,) = attachments(message)
    assert pdf.get_content() == (smtp_workspace / PDF).read_bytes()
    assert not (smtp_workspace / "out" / "outbox").exists()


def test_again_sends_once_more_on_purpose(smtp_workspace: Path, mailbox: Mailbox, run: Run) -> None:
    assert run("-C", str(smtp_workspace), "handout", CLIENT, "--email").code == 0
    assert run("-C", str(smtp_workspace), "handout", CLIENT, "--email", "--again").code == 0
    assert len(mailbox.messages) == 2
    first, second = mailbox.messages
    assert first["Message-ID"] != second["Message-ID"]
    assert ledger_rows(smtp_workspace) == 1


def test_a_changed_handout_is_a_new_email(smtp_workspace: Path, mailbox: Mailbox, run: Run) -> None:
    assert run("-C", str(smtp_workspace), "handout", CLIENT, "--email").code == 0
    path = smtp_workspace / CLIENT
    path.write_text(path.read_text().replace("hold: 45", "hold: 40"), encoding="utf-8")
    assert run("-C", str(smtp_workspace), "handout", CLIENT, "--email").code == 0
    assert len(mailbox.messages) == 2


def test_server_down_then_a_later_run_sends_once(smtp_workspace: Path, port: int, run: Run) -> None:
    down = run("-C", str(smtp_workspace), "handout", CLIENT, "--email")
    assert down.code == 2
    assert down.err == (
        f"error: practice.yaml: the mail server 127.0.0.1:{port} cannot be reached "
        "(connection refused).\n"
        "  Check 'host' and 'port' under mail: smtp: in practice.yaml and the internet "
        "connection; then run the same command again (nothing was sent).\n"
    )
    assert ledger_rows(smtp_workspace) == 0
    with serving(port) as box:
        assert run("-C", str(smtp_workspace), "handout", CLIENT, "--email").code == 0
        assert run("-C", str(smtp_workspace), "handout", CLIENT, "--email").code == 0
    assert len(box.messages) == 1


def test_recipient_refused_sends_and_records_nothing(
    smtp_workspace: Path, mailbox: Mailbox, port: int, run: Run
) -> None:
    mailbox.refuse.add(ADDRESS)
    result = run("-C", str(smtp_workspace), "handout", CLIENT, "--email")
    assert result.code == 2
    assert result.err == (
        f"error: practice.yaml: the mail server 127.0.0.1:{port} refused the client's address "
        "(550 5.1.1 No such user here).\n"
        "  Check the email address in the client file; nothing was sent.\n"
    )
    assert mailbox.messages == [] and ledger_rows(smtp_workspace) == 0


def test_login_refused(
    smtp_workspace: Path, mailbox: Mailbox, port: int, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREPRINT_SMTP_PASSWORD", "fout")
    result = run("-C", str(smtp_workspace), "handout", CLIENT, "--email")
    assert result.code == 2
    assert result.err == (
        f"error: practice.yaml: the mail server 127.0.0.1:{port} refused the login of "
        "'praktijk'.\n"
        "  Check 'username' in practice.yaml and the password in CAREPRINT_SMTP_PASSWORD.\n"
    )
    assert mailbox.messages == [] and ledger_rows(smtp_workspace) == 0


def test_missing_password_variable(
    smtp_workspace: Path, mailbox: Mailbox, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CAREPRINT_SMTP_PASSWORD")
    result = run("-C", str(smtp_workspace), "handout", CLIENT, "--email")
    assert result.code == 2
    assert result.err == (
        "error: practice.yaml: the mail server needs a password, but CAREPRINT_SMTP_PASSWORD "
        "is not set.\n"
        "  Set it in this terminal first: export CAREPRINT_SMTP_PASSWORD='...' (careprint never "
        "reads passwords from a file).\n"
    )
    assert mailbox.messages == [] and ledger_rows(smtp_workspace) == 0


def test_an_unconfirmed_send_is_not_repeated_without_again(
    smtp_workspace: Path, mailbox: Mailbox, run: Run
) -> None:
    """A crash after the server's OK but before the ledger said 'sent' leaves 'sending'."""
    assert run("-C", str(smtp_workspace), "handout", CLIENT).code == 0
    ws = Workspace(smtp_workspace)
    content = handout_content(ws, smtp_workspace / CLIENT)
    key = delivery_key(inputs(ws, smtp_workspace / CLIENT, content), ADDRESS)
    Ledger(smtp_workspace / "out" / "ledger.sqlite3").record(key, "sending", "smtp")
    result = run("-C", str(smtp_workspace), "handout", CLIENT, "--email")
    assert result.code == 2
    assert "but careprint stopped before the mail server confirmed it" in result.err
    assert "add --again" in result.err
    assert mailbox.messages == []
    assert run("-C", str(smtp_workspace), "handout", CLIENT, "--email", "--again").code == 0
    assert len(mailbox.messages) == 1


# -- encryption -------------------------------------------------------------------------------


def test_an_encrypted_pdf_opens_with_its_password_only(workspace: Path, run: Run) -> None:
    result = run("-C", str(workspace), "handout", CLIENT, "--email", "--encrypt")
    assert result.code == 0, result.err
    match = re.search(r"password of the PDF: ([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})\n", result.out)
    assert match, result.out
    secret = match.group(1)
    assert not set(secret) & set("01lo")
    draft = BytesParser(policy=policy.default).parsebytes((workspace / EML).read_bytes())
    assert isinstance(draft, EmailMessage)
    (part,) = attachments(draft)
    data = part.get_content()
    assert NAME.encode() not in data and b"Marieke" not in data
    reader = PdfReader(io.BytesIO(data))
    assert reader.is_encrypted
    assert not reader.decrypt("verkeerd-wachtwoord")
    assert reader.decrypt(secret)
    assert f"Zelfmassage voor {NAME}" in reader.pages[0].extract_text()
    assert reader._encryption is not None and reader._encryption.V == 5  # AES-256
    body = draft.get_body(("plain",))
    assert body is not None
    assert "Dat wachtwoord krijg je apart van mij, per telefoon of sms." in body.get_content()
    assert secret not in body.get_content()
    for path in (workspace / "out").rglob("*"):
        if path.is_file() and path.suffix != ".eml":
            assert secret.encode() not in path.read_bytes(), path


# -- privacy ------------------------------------------------------------------------------------


def test_no_client_name_or_address_in_logs_or_file_names(
    smtp_workspace: Path, mailbox: Mailbox, run: Run, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    result = run("-C", str(smtp_workspace), "-v", "handout", CLIENT, "--email", "--encrypt")
    assert result.code == 0, result.err
    assert len(mailbox.messages) == 1
    secrets_of_client = [NAME, "Marieke", "Vries", ADDRESS, "marieke.devries"]
    ours = [r for r in caplog.records if not r.name.startswith("mail.log")]  # not the test server
    assert any(r.name == "careprint" for r in ours)
    for record in ours:
        line = record.getMessage()
        assert not any(part in line for part in secrets_of_client), line
    for output in (result.out, result.err):
        assert not any(part in output for part in secrets_of_client)
    for path in (smtp_workspace / "out").rglob("*"):
        assert not any(part.lower() in path.name.lower() for part in secrets_of_client), path
    ledger = (smtp_workspace / "out" / "ledger.sqlite3").read_bytes()
    assert ADDRESS.encode() not in ledger and b"Marieke" not in ledger


@pytest.mark.parametrize(("stem", "fillable"), [("dossier-0147", True), ("dossier-0213", False)])
def test_a_fillable_handouts_email_says_how_to_send_it_back(
    workspace: Path, run: Run, stem: str, fillable: bool
) -> None:
    assert run("-C", str(workspace), "handout", f"clients/{stem}.yaml", "--email").code == 0
    draft = next((workspace / "out" / "outbox").glob(f"{stem}-*.eml")).read_bytes()
    body = BytesParser(policy=policy.default).parsebytes(draft).get_body(("plain",))
    assert body is not None
    text = " ".join(body.get_content().split())
    sentence = (
        "Bewaar de PDF en stuur hem aan het eind van de week terug als antwoord op deze e-mail."
    )
    assert (sentence in text) == fillable
