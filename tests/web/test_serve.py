"""`careprint serve`: loopback by default; another address only with a practice password and
TLS; the password set and kept as a hash."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from careprint.app import access
from careprint.cli import cli
from careprint.web import server
from careprint.workspace import Workspace
from tests.conftest import Run


def test_set_password_keeps_a_hash_only(workspace: Path) -> None:
    result = CliRunner().invoke(
        cli,
        ["-C", str(workspace), "serve", "--set-password"],
        input="a long practice password\na long practice password\n",
    )
    assert result.exit_code == 0, result.output
    stored = (workspace / ".careprint" / "password").read_text()
    assert stored.startswith("$argon2") and "practice password" not in stored
    assert (workspace / ".careprint" / "password").stat().st_mode & 0o777 == 0o600
    ws = Workspace(workspace)
    assert access.check_password(ws, "a long practice password")
    assert not access.check_password(ws, "another password")


def test_a_short_password_is_refused(workspace: Path) -> None:
    from careprint.errors import UsageError

    with pytest.raises(UsageError, match="at least 10"):
        access.set_password(Workspace(workspace), "short")


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::"])
def test_another_address_needs_a_password_and_tls(workspace: Path, run: Run, host: str) -> None:
    result = run("serve", "-C", str(workspace), "--host", host)
    assert result.code == 2
    assert "practice password" in result.err and "TLS certificate" in result.err
    access.set_password(Workspace(workspace), "a long practice password")
    result = run("-C", str(workspace), "serve", "--host", host)
    assert result.code == 2
    assert "TLS certificate" in result.err and "practice password (" not in result.err


def test_tls_needs_both_files(workspace: Path, run: Run) -> None:
    cert = workspace / "cert.pem"
    cert.write_text("x")
    result = run("-C", str(workspace), "serve", "--cert", str(cert))
    assert result.code == 2 and "both a certificate and its key" in result.err


def test_loopback_names() -> None:
    assert server.loopback("127.0.0.1") and server.loopback("::1") and server.loopback("localhost")
    assert not server.loopback("0.0.0.0") and not server.loopback("example.org")
    assert server.url("127.0.0.1", 8740, False) == "http://127.0.0.1:8740/"
    assert server.url("::1", 8740, True) == "https://[::1]:8740/"


def test_the_app_runs_and_says_where(serving: str) -> None:
    import urllib.request

    with urllib.request.urlopen(serving + "clients", timeout=10) as answer:
        assert answer.status == 200
        assert answer.headers["Cache-Control"] == "no-store"
