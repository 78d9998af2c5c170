"""Emailing a handout: the message (jinja2 text, the PDF attached), an outbox draft or an SMTP
send.

Following the Dutch guidance for health data by email (Autoriteit Persoonsgegevens, NEN 7510):
the subject names no complaint, the PDF's file name and properties hold no name, the password
of an encrypted PDF goes by another channel (phone or text message), and the address comes from
the client file the therapist wrote, never from a guess.
"""

from __future__ import annotations

import datetime
import logging
import os
import secrets
import smtplib
import socket
import ssl
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, getaddresses
from pathlib import Path

import jinja2
from babel.dates import format_date

from careprint.content.i18n import date_locale
from careprint.content.models import Client, Practice, Smtp
from careprint.deliver import step
from careprint.errors import CareprintError, UsageError

log = logging.getLogger("careprint")

PASSWORD_VARIABLE = "CAREPRINT_SMTP_PASSWORD"
# letters and digits that cannot be mistaken for one another when read aloud or typed
READABLE = "abcdefghjkmnpqrstuvwxyz23456789"


class MailError(CareprintError):
    """The email could not be delivered; nothing was sent."""


class Uncertain(Exception):
    """The connection was lost while the message itself was being sent: it may have arrived."""


@dataclass(frozen=True)
class Letter:
    subject: str
    body: str


def password(groups: int = 3, size: int = 4) -> str:
    """A random password that reads aloud easily, e.g. 'k7dm-4tqa-h9ze' (about 59 bits)."""
    return "-".join("".join(secrets.choice(READABLE) for _ in range(size)) for _ in range(groups))


def letter(
    templates: list[Path],
    display: str,
    language: str,
    source_language: str,
    context: dict[str, object],
    translate: Callable[[str], str],
) -> Letter:
    """Subject and body of the email (first line: 'Subject: ...').

    ``templates`` are the folders to look in, the practice's first. A language's own
    ``templates/email/<language>.j2`` is used as it is; otherwise the source language's
    template, its sentences translated through ``translate`` (labels.po).
    """

    def find(name: str) -> Path | None:
        return next((folder / name for folder in templates if (folder / name).is_file()), None)

    found = find(f"{language}.j2")
    if found is None:
        found = find(f"{source_language}.j2")
        if found is None:
            raise UsageError(
                f"there is no email text ({display}/{source_language}.j2).",
                fix=f"Write {display}/{source_language}.j2; careprint's example has one.",
            )
    else:
        translate = _same
    path = found
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(path.parent),
        autoescape=jinja2.select_autoescape(["html", "htm"]),  # plain text: nothing to escape
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_callables(  # type: ignore[attr-defined]
        translate, lambda one, other, n: translate(one if n == 1 else other), newstyle=True
    )
    name = f"{display}/{path.name}"
    try:
        text = env.get_template(path.name).render(context)
    except jinja2.TemplateSyntaxError as exc:
        raise UsageError(
            f"the email text has a mistake ({exc.message}).",
            file=name,
            line=exc.lineno,
            fix="Compare it with the example: every {{ and {% needs its closing }} or %}.",
        ) from None
    except jinja2.UndefinedError as exc:
        raise UsageError(
            f"{name}: the email text uses a word careprint does not fill in ({exc.message}).",
            fix="Use only: name, therapist, date, practice, encrypted, fillable.",
        ) from None
    head, _, body = text.lstrip("\n").partition("\n")
    if not head.startswith("Subject:") or not head[8:].strip():
        raise UsageError(
            "the first line of an email text must be 'Subject: ...'.",
            file=name,
            line=1,
            fix="Start the file with the subject line, e.g. 'Subject: Je oefeningen'.",
        )
    return Letter(head[8:].strip(), body.strip() + "\n")


def _same(text: str) -> str:
    return text


def sender(practice: Practice) -> str:
    return practice.mail.sender or str(Address(practice.name, addr_spec=practice.email))


def message(
    practice: Practice,
    client: Client,
    text: Letter,
    pdf: bytes,
    attachment: str,
    message_id: str,
) -> EmailMessage:
    """The complete email: From the practice, To the client, the PDF attached."""
    assert client.email is not None
    msg = EmailMessage()
    msg["From"] = sender(practice)
    msg["To"] = client.email
    msg["Subject"] = text.subject
    msg["Date"] = format_datetime(datetime.datetime.now().astimezone())
    msg["Message-ID"] = message_id
    msg.set_content(text.body)
    msg.add_attachment(pdf, maintype="application", subtype="pdf", filename=attachment)
    return msg


def file_name(name: str, fallback: str) -> str:
    """``name`` in plain ASCII letters (mail programs show others badly), or ``fallback``."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    plain = "".join(ch for ch in plain if ch.isalnum() or ch in "-_.").strip("-_.")
    return plain if plain.lower().endswith(".pdf") and len(plain) > 4 else fallback


def draft(msg: EmailMessage) -> bytes:
    """The message as an .eml draft: 'X-Unsent: 1' makes mail programs open it ready to send."""
    msg["X-Unsent"] = "1"
    return msg.as_bytes()


def consult_date(client: Client) -> str:
    return format_date(client.date, "long", locale=date_locale(client.language))


def send(settings: Smtp, msg: EmailMessage, display: str) -> None:
    """Send ``msg`` through the practice's mail server.

    Raises :class:`MailError` when it certainly did not go (nothing reached the recipient) and
    :class:`Uncertain` when the connection broke while the message itself was being handed over.
    """
    where = f"{settings.host}:{settings.port}"
    secret = os.environ.get(PASSWORD_VARIABLE)
    if settings.username and not secret:
        raise MailError(
            f"the mail server needs a password, but {PASSWORD_VARIABLE} is not set.",
            file=display,
            fix=f"Set it in this terminal first: export {PASSWORD_VARIABLE}='...' "
            "(careprint never reads passwords from a file).",
        )
    log.debug("smtp: connecting to %s", where)
    try:
        server = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
    except (OSError, smtplib.SMTPException) as exc:
        raise MailError(
            f"the mail server {where} cannot be reached ({_reason(exc)}).",
            file=display,
            fix="Check 'host' and 'port' under mail: smtp: in practice.yaml and the internet "
            "connection; then run the same command again (nothing was sent).",
        ) from None
    try:
        with server:
            server.ehlo()
            if settings.starttls:
                server.starttls(context=ssl.create_default_context())
                server.ehlo()
            if settings.username:
                assert secret is not None
                _login(server, settings.username, secret)
            recipients = [address for _, address in getaddresses([str(msg["To"])])]
            server.mail(_address(str(msg["From"])))
            for address in recipients:
                code, reply = server.rcpt(address)
                if code not in (250, 251):
                    raise smtplib.SMTPRecipientsRefused({address: (code, reply)})
            try:
                step("smtp data")
                code, reply = server.data(msg.as_bytes(policy=policy.SMTP))  # CRLF line ends
            except (OSError, smtplib.SMTPServerDisconnected) as exc:
                raise Uncertain(str(exc)) from None
            if code != 250:  # smtplib leaves the final reply to the caller
                raise smtplib.SMTPDataError(code, reply)
    except smtplib.SMTPAuthenticationError:
        raise MailError(
            f"the mail server {where} refused the login of '{settings.username}'.",
            file=display,
            fix=f"Check 'username' in practice.yaml and the password in {PASSWORD_VARIABLE}.",
        ) from None
    except smtplib.SMTPRecipientsRefused as exc:
        code, reply = next(iter(exc.recipients.values()))
        raise MailError(
            f"the mail server {where} refused the client's address ({code} {_text(reply)}).",
            file=display,
            fix="Check the email address in the client file; nothing was sent.",
        ) from None
    except smtplib.SMTPNotSupportedError:
        raise MailError(
            f"the mail server {where} does not offer STARTTLS.",
            file=display,
            fix="Ask your provider for the right port (usually 587), or set starttls: false "
            "only for a server inside your own network.",
        ) from None
    except (smtplib.SMTPException, OSError, ssl.SSLError) as exc:
        raise MailError(
            f"the mail server {where} did not accept the message ({_reason(exc)}).",
            file=display,
            fix="Run the same command again later (nothing was sent); if it keeps failing, "
            "ask your email provider.",
        ) from None
    log.debug("smtp: %s accepted the message", where)


def _address(value: str) -> str:
    return getaddresses([value])[0][1]


def _login(server: smtplib.SMTP, username: str, secret: str) -> None:
    """Log in with PLAIN where offered (one try: a refused password is not tried again in other
    ways); otherwise with whatever smtplib finds."""
    if "PLAIN" in server.esmtp_features.get("auth", "").upper().split():
        server.user, server.password = username, secret
        server.auth("PLAIN", server.auth_plain)
    else:
        server.login(username, secret)


def _text(reply: bytes | str) -> str:
    return reply.decode(errors="replace") if isinstance(reply, bytes) else reply


def _reason(exc: BaseException) -> str:
    if isinstance(exc, socket.timeout | TimeoutError):
        return "no answer in time"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, socket.gaierror):
        return "unknown host name"
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"{exc.smtp_code} {_text(exc.smtp_error)}"
    return str(exc) or type(exc).__name__
