"""Fuzzing: whatever a leaflet, client or PO file holds, careprint either accepts it or answers
with a CareprintError naming the file (and the line where there is one), never another
exception. The normal run tries a bounded number of examples; see tests/README.md for a long run.
"""

from __future__ import annotations

import os
import shutil
import string
import subprocess
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careprint.app import handouts, leaflets
from careprint.content import i18n
from careprint.errors import CareprintError
from careprint.workspace import Workspace
from tests.conftest import copy_workspace

EXAMPLES = int(os.environ.get("CAREPRINT_FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
KEYS = [
    "leaflet",
    "language",
    "title",
    "subtitle",
    "layouts",
    "blocks",
    "id",
    "kind",
    "heading",
    "text",
    "bullets",
    "panel",
    "name",
    "email",
    "date",
    "therapist",
    "points",
    "side",
    "hold",
    "notes",
    "x",
]
scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=False)
    | st.text(max_size=40)
    | st.sampled_from(
        ["trifold", "symptoms", "2026-02-31", "31-02-2026", "nl", "left", "", "x" * 300]
    )
)
documents = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(KEYS), inner, max_size=6)
    ),
    max_leaves=25,
)
raw_text = st.text(alphabet=string.printable + "\t\ufeffë✓:-[]{}#&*!|>'\"%@`", max_size=300)


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_workspace(tmp_path_factory.mktemp("fuzz") / "practice")


def located(exc: CareprintError, display: str) -> None:
    assert exc.file, f"no file in {exc!r}"
    assert display in str(exc) or exc.file in str(exc)


def leaflet_check(ws: Path, text: str) -> None:
    path = ws / "leaflets" / "triggerpointtherapie.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        leaflets.fit(Workspace(ws), "triggerpointtherapie", "trifold")
    except CareprintError as exc:
        located(exc, "leaflets/triggerpointtherapie.yaml")


def client_check(ws: Path, text: str) -> None:
    path = ws / "clients" / "fuzz.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        handouts.handout_content(Workspace(ws), path)
    except CareprintError as exc:
        located(exc, "clients/fuzz.yaml")


@FUZZ
@given(documents)
def test_any_yaml_document_as_a_leaflet(ws: Path, document: object) -> None:
    leaflet_check(ws, yaml.safe_dump(document, allow_unicode=True))


@FUZZ
@given(raw_text)
def test_any_text_as_a_leaflet(ws: Path, text: str) -> None:
    leaflet_check(ws, text)


@FUZZ
@given(documents)
def test_any_yaml_document_as_a_client(ws: Path, document: object) -> None:
    client_check(ws, yaml.safe_dump(document, allow_unicode=True))


@FUZZ
@given(
    st.lists(
        st.tuples(st.integers(0, 10_000), st.sampled_from(["delete", "dup", "text"]), raw_text),
        min_size=1,
        max_size=4,
    )
)
def test_any_damage_to_a_po_file(ws: Path, edits: list[tuple[int, str, str]]) -> None:
    source = ws / "translations" / "en" / "triggerpointtherapie.po"
    lines = source.read_text(encoding="utf-8").splitlines()
    for where, what, text in edits:
        index = where % len(lines)
        if what == "delete":
            del lines[index]
        elif what == "dup":
            lines.insert(index, lines[index])
        else:
            lines[index] = text
    path = ws / "translations" / "en" / "fuzz.po"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    try:
        catalog = i18n.read(path, "translations/en/fuzz.po", "en")
    except CareprintError as exc:
        located(exc, "translations/en/fuzz.po")
        return
    tr = i18n.Translator(catalog, "translations/en/fuzz.po", "en")
    tr.get("triggerpointtherapie:title", "Triggerpointtherapie")


# -- YAML's implicit types ---------------------------------------------------------------------

IMPLICIT = st.sampled_from(
    [
        "0330001234",
        "0612345678",
        "112",
        "yes",
        "No",
        "on",
        "OFF",
        "true",
        "~",
        "null",
        "8:30",
        "1e3",
        "0x1F",
        "1.5",
        "2026-11-24",
        ".inf",
        "-12",
    ]
)
TEXT_FIELDS = [
    ("practice.yaml", "phone: 033 000 12 34", "phone"),
    ("practice.yaml", "website: www.praktijkdelinde.example", "website"),
    ("clients/dossier-0147.yaml", "therapist: Joris van Dam", "therapist"),
]


@FUZZ
@given(IMPLICIT, st.sampled_from(TEXT_FIELDS))
def test_a_value_yaml_reads_as_another_type_is_shown_as_written(
    ws: Path, written: str, target: tuple[str, str, str]
) -> None:
    file, line, name = target
    path = ws / file
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace(line, f"{name}: {written}", 1), encoding="utf-8")
    try:
        handouts.handout_content(Workspace(ws), ws / "clients" / "dossier-0147.yaml")
    except CareprintError as exc:
        located(exc, file)
        if exc.fix and "double quotes" in exc.fix:
            assert f'{name}: "{written}"' in exc.fix  # the user's own text, never a converted one
    finally:
        path.write_text(original, encoding="utf-8")


# -- PO syntax, against gettext's msgfmt where it is installed -----------------------------------

MSGFMT = shutil.which("msgfmt")
EDITS = st.lists(
    st.tuples(
        st.integers(0, 10_000),
        st.sampled_from(["drop char", "quote", "backslash", "dup line", "drop line", "keyword"]),
        st.integers(0, 200),
    ),
    min_size=1,
    max_size=3,
)


@FUZZ
@given(EDITS)
def test_a_po_file_msgfmt_rejects_is_refused_with_its_line(
    ws: Path, edits: list[tuple[int, str, int]]
) -> None:
    lines = (ws / "translations" / "en" / "labels.po").read_text(encoding="utf-8").splitlines()
    for where, what, at in edits:
        index = where % len(lines)
        text = lines[index]
        position = at % (len(text) + 1)
        if what == "drop char" and text:
            lines[index] = text[:position] + text[position + 1 :]
        elif what == "quote":
            lines[index] = text[:position] + '"' + text[position:]
        elif what == "backslash":
            lines[index] = text[:position] + "\\q" + text[position:]
        elif what == "dup line":
            lines.insert(index, text)
        elif what == "drop line":
            del lines[index]
        else:
            lines[index] = "msgstrr " + text
    path = ws / "translations" / "en" / "fuzz.po"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    try:
        i18n.read(path, "translations/en/fuzz.po", "en")
        refused = False
    except CareprintError as exc:
        located(exc, "translations/en/fuzz.po")
        refused = True
    if MSGFMT:
        checked = subprocess.run(
            [MSGFMT, "--check-format", "-o", "/dev/null", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        syntax = [line for line in checked.stderr.splitlines() if _syntax_problem(line)]
        if checked.returncode != 0 and syntax:
            assert refused, syntax  # what msgfmt calls broken, careprint refuses too


def _syntax_problem(line: str) -> bool:
    """A complaint of msgfmt's about the file's syntax (not about format strings or headers)."""
    return ":" in line and not any(
        word in line
        for word in ("format specification", "header", "Last-Translator", "fatal error", "warning")
    )
