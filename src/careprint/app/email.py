"""Deliver a built handout by email: once, as an outbox draft or through the practice's server.

Whether a handout went before is asked of the ledger by a key made from what the handout is
made of (the client file, the library entries and translations it uses, the practice, the
labels, careprint's version) and the recipient: never from the PDF's bytes, so a handout made
again, in any process, is recognised.
"""

from __future__ import annotations

import functools
import logging
import secrets
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from careprint.content import i18n
from careprint.deliver import mail
from careprint.deliver.files import write_atomic
from careprint.deliver.ledger import Entry, Ledger, delivery_key
from careprint.errors import InputError
from careprint.layout.handout import HandoutContent
from careprint.pdf.encrypt import encrypt
from careprint.workspace import Workspace

log = logging.getLogger("careprint")


@dataclass(frozen=True)
class Delivered:
    channel: str  # outbox | smtp | skipped (delivered before)
    draft: Path | None = None  # the .eml in the outbox
    before: Entry | None = None  # the earlier delivery of the same handout
    password: str | None = None  # of the encrypted PDF: shown once, never kept


def ledger(ws: Workspace) -> Ledger:
    return Ledger(ws.root / "out" / "ledger.sqlite3")


def email_handout(
    ws: Workspace,
    client_file: Path,
    content: HandoutContent,
    pdf: bytes,
    again: bool = False,
    encrypted: bool = False,
) -> Delivered:
    """Email one handout to its client, unless that exact handout went to them before."""
    client, practice = content.client, content.practice
    display = ws.display(client_file)
    if client.email is None:
        raise InputError(
            "this client file has no email address, so the handout cannot be emailed.",
            file=display,
            fix="Add a line 'email: name@example.nl' to the client file, or leave out --email.",
        )
    key = delivery_key(inputs(ws, client_file, content), client.email)
    book = ledger(ws)
    before = book.get(key)
    if before is not None and not again:
        if before.state == "sending":
            raise mail.MailError(
                f"sending this handout was started on {before.when()}, but careprint stopped "
                "before the mail server confirmed it: it may or may not have arrived.",
                file=display,
                fix="Ask the client whether it arrived; to send it once more, add --again.",
            )
        log.debug("ledger: this handout was %s before", before.state)
        return Delivered("skipped", before=before)

    secret = mail.password() if encrypted else None
    attachment = encrypt(pdf, secret) if secret else pdf
    context = {
        "name": client.name,
        "therapist": client.therapist,
        "date": mail.consult_date(client),
        "practice": practice,
        "encrypted": encrypted,
        "fillable": content.fillable,
    }
    source_language = practice.language
    tr = ws.translator(client.language, i18n.LABELS)

    def translate(text: str) -> str:
        return text if client.language == source_language else tr.get(i18n.EMAIL, text)

    text = mail.letter(
        [ws.root / "templates" / "email", ws.path("templates/email/nl.j2").parent],
        "templates/email",
        client.language,
        source_language,
        context,
        translate,
    )
    domain = mail.sender(practice).rpartition("@")[2].rstrip(">") or "careprint.invalid"
    # the same handout keeps its Message-ID, so a copy that went twice is one mail to the client
    unique = f".{secrets.token_hex(4)}" if again else ""
    msg = mail.message(
        practice,
        client,
        text,
        attachment,
        mail.file_name(
            content.labels.handout.attachment.format(date=client.date.isoformat()),
            f"handout-{client.date.isoformat()}.pdf",
        ),
        f"<{key[:32]}{unique}@{domain}>",
    )
    smtp = practice.mail.smtp
    if smtp is None:
        path = ws.root / "out" / "outbox" / f"{client_file.stem}-{client.date.isoformat()}.eml"
        write_atomic(path, mail.draft(msg), private=True)
        book.record(key, "drafted", "outbox")
        return Delivered("outbox", draft=path, before=before, password=secret)

    book.record(key, "sending", "smtp")
    try:
        mail.send(smtp, msg, "practice.yaml")
    except mail.MailError:
        book.restore(key, before)  # certainly not sent: a later run sends it once
        raise
    except mail.Uncertain:
        raise mail.MailError(
            f"the connection to {smtp.host}:{smtp.port} broke while the email was being "
            "handed over: it may or may not have arrived.",
            file=display,
            fix="Ask the client whether it arrived; to send it once more, add --again.",
        ) from None
    book.record(key, "sent", "smtp")
    return Delivered("smtp", before=before, password=secret)


def inputs(ws: Workspace, client_file: Path, content: HandoutContent) -> list[bytes]:
    """What a handout is made of, as the ledger keys it: the client file, the library entries
    it chooses, the practice and its labels, the translations of its language, careprint."""
    root = ws.root
    paths = [client_file, root / "practice.yaml", ws.path("templates/labels.yaml")]
    paths += sorted({ws.path(f"self-massage/{choice.id}.yaml") for choice, _ in content.points})
    language = content.client.language
    if language != ws.practice.model.language:
        for domain in (i18n.LIBRARY, i18n.LABELS):
            paths.append(ws.path(f"translations/{language}/{domain}.po"))
    return [ws.read(path).data for path in paths] + [_version().encode()]


@functools.cache
def _version() -> str:
    try:
        return metadata.version("careprint")
    except metadata.PackageNotFoundError:  # pragma: no cover - run from a source tree
        return "unknown"
