"""Privacy audit: every command on the example practice with DEBUG logging; no client's name,
address or notes in any log line, file name, PDF property or error message."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from careprint.workspace import Workspace
from tests.conftest import Run


def secrets(ws: Path) -> list[str]:
    """What must never leak: names (and each part longer than 3 letters), addresses, notes."""
    found: list[str] = []
    workspace = Workspace(ws)
    for path in sorted((ws / "clients").glob("*.yaml")):
        client = workspace.client(path).model
        found += [client.name, *(p for p in client.name.split() if len(p) > 3)]
        if client.email:
            found += [client.email, client.email.split("@")[0]]
        if client.notes:
            found.append(" ".join(client.notes.split()[:4]))
        found += [" ".join(c.note.split()[:4]) for c in client.points if c.note]
    return found


def test_no_client_data_leaks_from_any_command(
    workspace: Path, run: Run, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    private = secrets(workspace)
    assert len(private) > 8
    outputs: list[str] = []
    for args in (
        ["check"],
        ["build", "--print-shop"],
        ["handout"],
        ["handout", "--email", "--encrypt"],
        ["batch", "clients"],
        ["points"],
        ["layouts"],
        ["translate", "status"],
    ):
        result = run("-C", str(workspace), "-v", *args)
        assert result.code == 0, (args, result.err)
        outputs += [result.out, result.err]
    # a mistake in a client file is shown without the client's lines
    bad = workspace / "clients" / "dossier-0213.yaml"
    text = bad.read_text()
    bad.write_text(text.replace("gastrocnemius", "gastrocnemus").replace("email:", "emial:"))
    failed = run("-C", str(workspace), "-v", "handout", "clients/dossier-0213.yaml")
    assert failed.code == 2
    outputs += [failed.out, failed.err]
    logs = [record.getMessage() for record in caplog.records]
    for secret in private:
        for text in [*logs, *outputs]:
            assert secret not in text, (secret, text[:200])
    for path in (workspace / "out").rglob("*"):
        assert not any(s.lower() in path.name.lower() for s in private), path
        if path.suffix == ".pdf" and "handouts" in path.parts:
            reader = PdfReader(path)
            metadata = {str(v) for v in (reader.metadata or {}).values()}
            assert not any(s in m for s in private for m in metadata), path
    shutil.rmtree(workspace / "out")
