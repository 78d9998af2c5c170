"""Shared fixtures: a scratch copy of the example workspace, the command line, built leaflets."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from careprint.cli import main
from careprint.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Result:
    code: int
    out: str
    err: str


Run = Callable[..., Result]


def copy_workspace(target: Path) -> Path:
    """A fresh copy of the example practice, without anything built."""
    return Workspace(ROOT).copy(target)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    return copy_workspace(tmp_path / "practice")


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """Run ``careprint ARGS...`` in-process; the exit code and what it printed."""

    def runner(*args: str) -> Result:
        code = main(list(args))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return runner


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example workspace with every leaflet (both editions) and handout built, once a run."""
    ws = copy_workspace(tmp_path_factory.mktemp("built") / "practice")
    assert main(["-C", str(ws), "build", "--print-shop"]) == 0
    assert main(["-C", str(ws), "handout"]) == 0
    return ws
