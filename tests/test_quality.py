"""The code stays clean, and the README stays true to the code and to CI."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from careprint.content import docs
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _tool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize(
    "args",
    [("ruff", "check", "."), ("ruff", "format", "--check", "."), ("mypy",)],
    ids=["ruff-check", "ruff-format", "mypy"],
)
def test_code_is_clean(args: tuple[str, ...]) -> None:
    result = _tool(*args)
    assert result.returncode == 0, result.stdout + result.stderr


def _commands() -> list[str]:
    return re.findall(r"```sh\n(.+?)\n```", README)


def test_readme_has_two_one_line_commands() -> None:
    install, test = _commands()[:2]
    venv = "python3 -m venv .venv && "  # a stock Debian/Ubuntu Python refuses pip outside one
    assert install == venv + ".venv/bin/pip install -e . && .venv/bin/python generate.py"
    assert test == venv + '.venv/bin/pip install -e ".[test]" && .venv/bin/python -m pytest'


def test_ci_runs_the_readme_test_command_in_a_fresh_venv() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "rm -rf .venv" in ci
    assert ci.rstrip().splitlines()[-1] == _commands()[1]


def test_readme_field_tables_match_the_models() -> None:
    section = README.split("<!-- fields:start -->\n", 1)[1].split("\n<!-- fields:end -->", 1)[0]
    assert section == docs.tables(), "run: python -m careprint.content.docs, paste into README"


def test_readme_pictures_exist() -> None:
    for picture in re.findall(r"\]\((docs/[^)]+\.png)\)", README):
        assert (ROOT / picture).is_file(), picture
