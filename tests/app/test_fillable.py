"""The fillable handout: the same pages as the plain one when printed, a field for every box of
the week, every day's pain and the questions, named so they can be read back; filled in with
pypdf (as a viewer saves it), the filled state shows in pdfium; and in the encrypted edition."""

from __future__ import annotations

import datetime
import io
from pathlib import Path

import pytest
from PIL import ImageChops
from pypdf import PdfReader
from pypdf.constants import UserAccessPermissions

from careprint.app import handouts
from careprint.content import logbook
from careprint.pdf.encrypt import encrypt
from careprint.workspace import Workspace
from tests.pdftools import fill_form, render_forms

SCALE = 2


def _client(ws: Path, stem: str, fillable: str | None) -> Path:
    path = ws / "clients" / f"{stem}.yaml"
    lines = [x for x in path.read_text().splitlines() if not x.startswith("fillable:")]
    path.write_text("\n".join(lines + ([f"fillable: {fillable}"] if fillable else [])) + "\n")
    return path


def _pdf(ws: Path, stem: str) -> bytes:
    return handouts.handout(Workspace(ws), ws / "clients" / f"{stem}.yaml", ws / "out").data


def _fields(pdf: bytes) -> dict[str, dict[str, object]]:
    found = {}
    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, start=1):
        for annot in page.get("/Annots", []):
            widget = annot.get_object()
            if widget.get("/Subtype") == "/Widget":
                found[str(widget["/T"])] = {"page": number, **widget}
    return found


@pytest.mark.parametrize("stem", ["dossier-0147", "dossier-0388"])  # left to right, Arabic
def test_printed_it_is_the_plain_handout_pixel_for_pixel(workspace: Path, stem: str) -> None:
    _client(workspace, stem, "false")
    plain = _pdf(workspace, stem)
    _client(workspace, stem, "true")
    fillable = _pdf(workspace, stem)
    assert _fields(plain) == {}
    assert len(_fields(fillable)) > 10
    pages = render_forms(plain, SCALE), render_forms(fillable, SCALE)
    assert len(pages[0]) == len(pages[1])
    for number, (a, b) in enumerate(zip(*pages, strict=True), start=1):
        assert ImageChops.difference(a.convert("RGB"), b.convert("RGB")).getbbox() is None, number


def test_a_field_for_every_box_named_by_point_and_date(workspace: Path) -> None:
    _client(workspace, "dossier-0147", "true")
    fields = _fields(_pdf(workspace, "dossier-0147"))
    week = [datetime.date(2026, 11, 25) + datetime.timedelta(days=d) for d in range(7)]
    # the consult was on Tuesday 24 November: the week is the seven days after it
    assert logbook.week(datetime.date(2026, 11, 24)) == week
    # upper trapezius: 2 a day (the library's), 1 rest day (the week's last)
    ticks = {n for n in fields if n.startswith("log.upper-trapezius.")}
    assert ticks == {f"log.upper-trapezius.{d.isoformat()}.{s}" for d in week[:6] for s in (1, 2)}
    # suboccipitals: 2 a day set in the client file
    assert "log.suboccipitals.2026-11-30.2" in fields
    assert "log.suboccipitals.2026-12-01.1" not in fields  # the week's last day: a rest day
    for name, field in fields.items():
        if name.startswith("log."):
            assert field["/FT"] == "/Btn" and field["/V"] == "/Off" and field["page"] == 1
            assert set(field["/AP"]["/N"]) == {"/Yes", "/Off"}
    pain = {n: f for n, f in fields.items() if n.startswith("pain.")}
    assert sorted(pain) == [f"pain.{d.isoformat()}" for d in week]
    for field in pain.values():
        assert field["/FT"] == "/Tx" and field["/MaxLen"] == 2
        assert field["/AA"]["/V"]["/JS"] == "AFRange_Validate(true, 0, true, 10);"
        assert field["/TU"].startswith("Pijn vandaag (0 tot 10), ")
    assert fields["questions"]["/FT"] == "/Tx" and fields["questions"]["page"] == 7
    code = fields[logbook.CODE_FIELD]
    assert code["/F"] == 2 and code["/Ff"] == 1  # hidden, read only
    first = PdfReader(io.BytesIO(_pdf(workspace, "dossier-0147"))).pages[0].extract_text()
    assert f"Code voor de praktijk: {code['/V']}" in first
    assert "Week van 25 november tot en met 1 december" in first  # the dates the fields carry
    # the code names no one
    assert "Marieke" not in str(code["/V"]) and len(str(code["/V"])) == 19


def _box(rect: object, page_height: float) -> tuple[int, int, int, int]:
    """A field's box on the page, in the pixels of a page rendered at SCALE."""
    x0, y0, x1, y1 = (float(v) for v in rect)  # type: ignore[attr-defined]
    top, bottom = page_height - y1, page_height - y0
    return (int(x0 * SCALE), int(top * SCALE), int(x1 * SCALE) + 1, int(bottom * SCALE) + 1)


FILLED = {
    "log.upper-trapezius.2026-11-27.1": "/Yes",
    "log.levator-scapulae.2026-11-28.2": "/Yes",
    "pain.2026-11-27": "6",
    "questions": "Mag ik ook een bal gebruiken?",
}


@pytest.mark.parametrize("password", [None, "kompas-tulp-77"])
def test_filled_in_the_filled_state_shows(workspace: Path, password: str | None) -> None:
    _client(workspace, "dossier-0147", "true")
    pdf = _pdf(workspace, "dossier-0147")
    if password is not None:  # the emailed, encrypted edition may be filled in
        pdf = encrypt(pdf, password)
        reader = PdfReader(io.BytesIO(pdf))
        assert reader.decrypt(password)
        assert reader.user_access_permissions & UserAccessPermissions.FILL_FORM_FIELDS
    filled = fill_form(pdf, FILLED, password)
    before = render_forms(pdf, SCALE, password)
    after = render_forms(filled, SCALE, password)
    reader = PdfReader(io.BytesIO(filled))
    if password is not None:
        reader.decrypt(password)
    fields = {k: v.get("/V") for k, v in reader.get_fields().items()}
    assert {k: fields[k] for k in FILLED} == FILLED
    height = float(reader.pages[0].mediabox.height)
    for name, field in _fields(_pdf(workspace, "dossier-0147")).items():
        if name == logbook.CODE_FIELD:
            continue
        page = int(field["page"]) - 1  # type: ignore[call-overload]
        box = _box(field["/Rect"], height)
        changed = ImageChops.difference(
            before[page].crop(box).convert("RGB"), after[page].crop(box).convert("RGB")
        ).getbbox()
        assert (changed is not None) == (name in FILLED), name


def test_the_practice_default_and_the_client_file(workspace: Path) -> None:
    practice = workspace / "practice.yaml"
    practice.write_text(practice.read_text() + "fillable: true\n")
    _client(workspace, "dossier-0213", None)
    assert _fields(_pdf(workspace, "dossier-0213"))  # the practice's default
    _client(workspace, "dossier-0213", "false")
    assert not _fields(_pdf(workspace, "dossier-0213"))  # the client file says otherwise
