"""The app's live preview: a client file that is not on disk checked and drawn as
`careprint handout` would, its mistakes located, the same from a worker process."""

from __future__ import annotations

from pathlib import Path

from careprint.app import clientfile, handouts, preview
from careprint.workspace import Workspace


def test_a_preview_is_the_handout_of_the_unsaved_file(workspace: Path) -> None:
    ws = Workspace(workspace)
    path = workspace / "clients" / "dossier-0147.yaml"
    fields = clientfile.fields_of(path.read_bytes())
    fields.points[1].hold = "40"
    data = clientfile.compose(fields)
    made = preview.preview(ws.fresh(), path, data)
    assert made.problem is None and made.pages >= 4 and not made.rtl
    assert b"hold: 45" in path.read_bytes()  # nothing written
    page = preview.png(ws, made.key, 1)
    assert page is not None and page.startswith(b"\x89PNG")
    path.write_bytes(data)  # the same file saved: the same handout
    saved = handouts.handout(ws.fresh(), path, workspace / "out")
    kept = preview.png(ws, made.key, 1)
    assert kept == preview.rasterise(saved.data, 1)
    assert preview.png(ws, "0" * 64, 1) is None


def test_mistakes_are_located_in_the_form(workspace: Path) -> None:
    ws = Workspace(workspace)
    path = workspace / "clients" / "new.yaml"
    fields = clientfile.ClientFields(
        name="X",
        date="2026-12-01",
        therapist="Y",
        points=[clientfile.PointFields("masseter"), clientfile.PointFields("temporalis")],
    )
    cases = [
        ("email", "x@", ("email",)),
        ("language", "fr", ("language",)),
        ("date", "2026-13-01", ("date",)),
    ]
    for name, value, loc in cases:
        wrong = clientfile.ClientFields(**{**fields.__dict__, name: value})
        made = preview.preview(ws.fresh(), path, clientfile.compose(wrong))
        assert made.problem is not None and made.problem.loc == loc, (name, made.problem)
    fields.points[1].repeats = "9"
    made = preview.preview(ws.fresh(), path, clientfile.compose(fields))
    assert made.problem is not None and made.problem.loc == ("points", 1, "repeats")
    assert not path.exists()


def test_a_worker_process_makes_the_same_preview(workspace: Path) -> None:
    ws = Workspace(workspace)
    path = workspace / "clients" / "dossier-0388.yaml"
    data = path.read_bytes()
    here = preview.preview(ws.fresh(), path, data)
    first = preview.png(ws, here.key, 1)
    other = Workspace(workspace)
    previewer = preview.Previewer(other, workers=1)
    try:
        previewer.warm([path])
        there = previewer.preview(other.fresh(), path, data)
        assert there == here and there.rtl
        assert previewer.png(there.key, 1) == first
        wrong = data.replace(b"side: right", b"side: rigth")
        failed = previewer.preview(other.fresh(), path, wrong)
        assert failed.problem is not None and failed.problem.loc == ("points", 1, "side")
    finally:
        previewer.close()


def test_a_preview_is_drawn_as_the_handout_without_tags_or_fields(workspace: Path) -> None:
    """The app's pictures skip the structure for screen readers and the form fields: the
    pages look the same, pixel for pixel."""
    import io

    import pikepdf
    import pypdfium2 as pdfium

    ws = Workspace(workspace)
    path = workspace / "clients" / "dossier-0147.yaml"  # a fillable handout
    full = handouts.handout(ws, path, workspace / "out").data
    quick = handouts.handout(ws.fresh(), path, workspace / "out", preview=True).data
    with pikepdf.open(io.BytesIO(full)) as doc:
        assert "/StructTreeRoot" in doc.Root and "/AcroForm" in doc.Root
    with pikepdf.open(io.BytesIO(quick)) as doc:
        assert "/StructTreeRoot" not in doc.Root and "/AcroForm" not in doc.Root

    def pixels(pdf: bytes) -> list[bytes]:
        document = pdfium.PdfDocument(pdf)
        try:
            return [page.render(scale=50 / 72).to_pil().tobytes() for page in document]
        finally:
            document.close()

    assert pixels(quick) == pixels(full)
