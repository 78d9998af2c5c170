"""Client files written from the app's form: new ones in the usual shape, edited ones with
their comments, key order and way of writing kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from careprint.app import clientfile
from careprint.app.clientfile import ClientFields, PointFields
from careprint.content import source
from careprint.content.models import Client, PointSet
from careprint.content.validate import parse
from tests.conftest import ROOT

CLIENTS = sorted((ROOT / "clients").glob("*.yaml"))


@pytest.mark.parametrize("path", CLIENTS, ids=lambda p: p.stem)
def test_a_file_saved_unchanged_is_the_same_bytes(path: Path) -> None:
    data = path.read_bytes()
    assert clientfile.compose(clientfile.fields_of(data), data) == data


def test_an_edit_changes_only_what_changed() -> None:
    data = (ROOT / "clients" / "dossier-0213.yaml").read_bytes()
    fields = clientfile.fields_of(data)
    fields.points[3].side = "right"  # '- gastrocnemius' becomes a point with a side
    fields.points[0].hold = "20"
    fields.notes = ""
    after = clientfile.compose(fields, data).decode()
    before = data.decode()
    assert after.splitlines()[0] == before.splitlines()[0]  # the comment
    assert "  - id: gastrocnemius\n    side: right\n" in after
    assert "  - id: quadratus-lumborum\n    side: left\n    hold: 20\n" in after
    assert "notes:" not in after
    assert clientfile.changed(data, after.encode()) == ["points", "notes"]


def test_a_new_file_is_an_ordinary_client_file() -> None:
    fields = ClientFields(
        name="Jan de Boer",
        email="jan@example.org",
        language="nl",
        date="2026-12-01",
        therapist="Joris van Dam",
        notes="Eerste regel.\nTweede regel.",
        points=[
            PointFields(id="masseter"),
            PointFields(id="temporalis", side="left", hold="20", note="Rustig."),
        ],
    )
    text = clientfile.compose(fields, None, {"temporalis": {"hold": 20}})
    assert text.decode() == (
        "name: Jan de Boer\n"
        "email: jan@example.org\n"
        "language: nl\n"
        "date: 2026-12-01\n"
        "therapist: Joris van Dam\n"
        "points:\n"
        "  - masseter\n"
        "  - id: temporalis\n"
        "    side: left\n"
        "    note: Rustig.\n"
        "notes: |\n"
        "  Eerste regel.\n"
        "  Tweede regel.\n"
    )
    model = parse(Client, source.parse(text, "clients/x.yaml", private=True))
    assert model.points[1].hold is None  # the library's own dosage is not copied


def test_typed_mistakes_stay_in_the_file_to_be_told() -> None:
    """A value that is not what it should be is written as typed (quoted where YAML would
    read it otherwise), so the checks give their usual located message."""
    fields = ClientFields(
        name="X", date="2026-02-30", therapist="Y", points=[PointFields("a", hold="abc")]
    )
    text = clientfile.compose(fields).decode()
    assert "date: '2026-02-30'" in text and "hold: abc" in text


def test_quotes_colons_and_other_scripts_survive() -> None:
    fields = ClientFields(
        name='Ayşe "Aya" Demir: test',
        date="2026-12-01",
        therapist="Y",
        notes="# geen commentaar\n- geen lijst",
        points=[PointFields("masseter", note="Let op: 's avonds")],
    )
    text = clientfile.compose(fields)
    model = parse(Client, source.parse(text, "clients/x.yaml", private=True))
    assert model.name == 'Ayşe "Aya" Demir: test'
    assert model.notes == "# geen commentaar\n- geen lijst"
    assert model.points[0].note == "Let op: 's avonds"


def test_a_point_set() -> None:
    text = clientfile.point_set("Nek, schouders", [PointFields("masseter", side="left")])
    model = parse(PointSet, source.parse(text, "sets/x.yaml"))
    assert model.name == "Nek, schouders"
    assert model.points[0].side == "left"
