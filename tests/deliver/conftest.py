"""A real SMTP server on loopback (aiosmtpd) and a practice that sends through it."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Mailbox:
    """What the loopback server received, and addresses it refuses."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.refuse: set[str] = set()

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = BytesParser(policy=policy.default).parsebytes(envelope.content)
        assert isinstance(message, EmailMessage)
        self.messages.append(message)
        return "250 Message accepted for delivery"


def _login(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
    ok = isinstance(data, LoginPassword) and (data.login, data.password) == (b"praktijk", b"geheim")
    return AuthResult(success=ok, handled=False)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def port() -> int:
    return free_port()


@contextmanager
def serving(port: int) -> Iterator[Mailbox]:
    """A mail server on loopback ``port`` while the block runs; what it received."""
    box = Mailbox()
    server = Controller(
        box, hostname="127.0.0.1", port=port, authenticator=_login, auth_require_tls=False
    )
    server.start()
    try:
        yield box
    finally:
        server.stop()


@pytest.fixture
def mailbox(port: int) -> Iterator[Mailbox]:
    with serving(port) as box:
        yield box


@pytest.fixture
def smtp_workspace(workspace: Path, port: int, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The example practice with a mail server on loopback and its password in the environment."""
    with (workspace / "practice.yaml").open("a", encoding="utf-8") as handle:
        handle.write(
            "mail:\n"
            f"  smtp: {{host: 127.0.0.1, port: {port}, starttls: false, username: praktijk,"
            " timeout: 5}\n"
        )
    monkeypatch.setenv("CAREPRINT_SMTP_PASSWORD", "geheim")
    return workspace
