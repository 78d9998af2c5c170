"""The personal handout, reopened: who it is for, each point in order with its dosage and its
diagram, whole points per page, A4, fonts embedded, and no client name where it does not belong."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from careprint.content.models import Client, SelfMassage
from careprint.layout.handout import Dose
from careprint.workspace import Workspace
from tests.conftest import Run
from tests.pdftools import MM, drawings, find_text, font_sizes, fonts, page_texts

CLIENTS = ["dossier-0147", "dossier-0213"]


def handout(built: Path, stem: str) -> tuple[Path, Client, list[SelfMassage]]:
    ws = Workspace(built)
    client = ws.client(built / "clients" / f"{stem}.yaml").model
    pdf = built / "out" / "handouts" / f"{stem}-{client.date.isoformat()}.pdf"
    return pdf, client, [ws.library[choice.id].model for choice in client.points]


@pytest.mark.parametrize("stem", CLIENTS)
def test_every_page_is_a4_and_numbered(built: Path, stem: str) -> None:
    pdf, _, _ = handout(built, stem)
    pages = PdfReader(pdf).pages
    assert len(pages) >= 2
    for page in pages:
        assert [float(v) for v in page.mediabox] == pytest.approx([0, 0, 595.28, 841.89], abs=0.01)
    texts = page_texts(pdf)
    for number, text in enumerate(texts, start=1):
        assert text.endswith(f"Pagina {number} van {len(texts)}"), text[-40:]


@pytest.mark.parametrize("stem", CLIENTS)
def test_page_one_names_the_client_the_date_and_the_therapist(built: Path, stem: str) -> None:
    pdf, client, _ = handout(built, stem)
    first = page_texts(pdf)[0]
    assert first.startswith("Praktijk De Linde")
    assert f"Zelfmassage voor {client.name}" in first
    months = {11: "november"}
    assert f"Consult van {client.date.day} {months[client.date.month]} 2026" in first
    assert client.therapist in first


@pytest.mark.parametrize("stem", CLIENTS)
def test_each_point_has_its_own_page_in_order_with_its_dosage(built: Path, stem: str) -> None:
    pdf, client, entries = handout(built, stem)
    texts = page_texts(pdf)
    for number, (choice, entry) in enumerate(zip(client.points, entries, strict=True), start=1):
        page = texts[number]  # page 1 is the plan; point N is on page N + 1
        dose = Dose.of(entry, choice)
        assert f"{number} {entry.muscle} {entry.latin}" in page
        seconds = "seconde" if dose.hold == 1 else "seconden"
        assert f"Vasthouden {dose.hold} {seconds}" in page
        assert f"Herhalen {dose.repeats} keer" in page
        assert f"Hoe vaak {dose.per_day} keer per dag" in page
        pressure = f"{entry.pressure.target} van 10, nooit meer dan {entry.pressure.stop}"
        assert f"Druk {pressure}" in page
        for item in (*entry.avoid, *entry.stop_if):  # the point is whole on its page
            assert " ".join(item.split()) in page


def test_client_overrides_replace_the_library_dosage(built: Path) -> None:
    pdf, client, entries = handout(built, "dossier-0147")
    levator = client.points[1]
    assert (levator.id, levator.hold) == ("levator-scapulae", 45)
    assert entries[1].hold != 45
    assert "Vasthouden 45 seconden" in page_texts(pdf)[2]
    assert client.points[2].per_day == 2 != entries[2].per_day
    assert "Hoe vaak 2 keer per dag" in page_texts(pdf)[3]


@pytest.mark.parametrize("stem", CLIENTS)
def test_a_diagram_beside_each_point(built: Path, stem: str) -> None:
    pdf, _, entries = handout(built, stem)
    for page, entry in enumerate(entries, start=1):
        heading = find_text(pdf, page, entry.muscle)
        below = [box for box in drawings(pdf, page) if box[1] < heading[1]]  # not the logo
        assert below, f"no body outline on page {page + 1}"
        left, bottom, right, top = max(below, key=lambda b: (b[2] - b[0]) * (b[3] - b[1]))
        # below the heading, in the left column, at least 60 mm wide and 80 mm tall on paper
        assert left < 30 * MM and heading[1] - top < 25 * MM
        assert right - left > 60 * MM or top - bottom > 80 * MM


@pytest.mark.parametrize("stem", CLIENTS)
def test_the_week_calendar_lists_every_point(built: Path, stem: str) -> None:
    pdf, _, entries = handout(built, stem)
    first = page_texts(pdf)[0]
    assert "Je week" in first and "ma di wo do vr za zo" in first
    positions = [first.index(f"{n} {e.muscle}") for n, e in enumerate(entries, start=1)]
    assert positions == sorted(positions)


@pytest.mark.parametrize("stem", CLIENTS)
def test_fonts_are_embedded_and_text_is_at_least_12_pt(built: Path, stem: str) -> None:
    pdf, _, _ = handout(built, stem)
    used = fonts(pdf)
    assert {name.split("+")[1] for name in used} == {"FiraSans-Regular", "FiraSans-Bold"}
    assert all(info["embedded"] and info["subset"] for info in used.values())
    assert min(font_sizes(pdf)) >= 12


@pytest.mark.parametrize("stem", CLIENTS)
def test_the_client_name_is_in_no_file_name_and_no_metadata(built: Path, stem: str) -> None:
    pdf, client, _ = handout(built, stem)
    for part in client.name.lower().split():
        assert part not in pdf.name.lower()
    metadata = PdfReader(pdf).metadata
    assert metadata is not None
    assert metadata.title == "Persoonlijke zelfmassage-instructies"
    assert all(client.name not in str(value) for value in metadata.values())
    assert client.email is not None and client.email.encode() not in pdf.read_bytes()


def test_the_closing_page_says_when_to_stop_and_how_to_call(built: Path) -> None:
    pdf, _, _ = handout(built, "dossier-0147")
    last = page_texts(pdf)[-1]
    assert "Stop en bel ons als" in last and "112" in last and "033 000 12 34" in last


def test_kept_layouts_give_the_same_pdf_as_a_fresh_layout(workspace: Path) -> None:
    """The fast path (point pages laid out once per process) draws exactly the plain path."""
    from careprint import build
    from careprint.layout import handout as layout

    ws = Workspace(workspace)
    client = workspace / "clients" / "dossier-0213.yaml"
    layout._LAID_OUT.clear()
    fresh = build.handout(ws, client, workspace / "out").data
    assert layout._LAID_OUT, "nothing was kept"
    again = build.handout(Workspace(workspace), client, workspace / "out").data
    assert again == fresh


@pytest.mark.parametrize("stem", ["dossier-0213", "dossier-0388"])
def test_copied_parts_print_what_drawing_them_prints(workspace: Path, stem: str) -> None:
    """Parts drawn once and copied into later handouts (layout/replay.py) give the same pages
    as drawing everything: the same text in the same order, boxes, fonts and pixels."""
    from careprint import build
    from careprint.layout import handout as layout

    ws = Workspace(workspace)
    data = build.handout_content(ws, workspace / "clients" / f"{stem}.yaml")
    layout._LAID_OUT.clear()
    copied = layout.Handout(data).render()
    copied_again = layout.Handout(data).render()
    assert copied_again == copied
    recorded = [
        kept._replay._recorded
        for kept in layout._LAID_OUT.values()
        if isinstance(kept, layout.Frozen) and kept._replay is not None
    ]
    assert any(value is not None for found in recorded for value in found.values())
    plain = layout.Handout(dataclasses.replace(data, alphabet="")).render()  # nothing copied
    assert plain != copied
    paths = {}
    for name, pdf in (("copied", copied), ("plain", plain)):
        paths[name] = workspace / f"{name}.pdf"
        paths[name].write_bytes(pdf)
    assert page_texts(paths["copied"]) == page_texts(paths["plain"])
    assert fonts(paths["copied"]) == fonts(paths["plain"])
    pages = [PdfReader(paths[name]).pages for name in ("copied", "plain")]
    assert [p.mediabox for p in pages[0]] == [p.mediabox for p in pages[1]]
    assert pixels(paths["copied"]) == pixels(paths["plain"])


@pytest.mark.parametrize("stem", ["dossier-0147", "dossier-0213", "dossier-0388"])
def test_the_direct_writer_writes_what_reportlab_writes(
    workspace: Path, stem: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A seeded handout is written by pdf/writer.py, its fonts and forms made once: every
    page's content stream is byte for byte ReportLab's, and so are the boxes, the fonts, the
    text and the pixels; the file is a valid PDF by pypdf's strict reading. (0213's notes have
    letters beyond the seed: its fonts are made for them.)"""
    from careprint import build
    from careprint.pdf import writer

    ws = Workspace(workspace)
    client = workspace / "clients" / f"{stem}.yaml"
    written = [build.handout(ws, client, workspace / "out").data for _ in range(2)]
    assert written[0] == written[1]
    monkeypatch.setattr(writer, "write", lambda canvas, pages: None)
    reference = build.handout(ws, client, workspace / "out").data
    assert written[0].startswith(b"%PDF-1.4\n%\x93\x8c\x8b\x9e careprint\n")
    assert not reference.startswith(b"%PDF-1.4\n%\x93\x8c\x8b\x9e careprint")
    paths = {}
    for name, pdf in (("written", written[0]), ("reference", reference)):
        paths[name] = workspace / f"{name}.pdf"
        paths[name].write_bytes(pdf)
    readers = [PdfReader(paths[name], strict=True) for name in ("written", "reference")]
    assert len(readers[0].pages) == len(readers[1].pages) >= 4
    for ours, theirs in zip(readers[0].pages, readers[1].pages, strict=True):
        assert ours.mediabox == theirs.mediabox
        assert ours.get_contents().get_data() == theirs.get_contents().get_data()
        assert sorted(ours["/Resources"]["/XObject"]) == sorted(theirs["/Resources"]["/XObject"])
    assert readers[0].metadata == readers[1].metadata
    assert readers[0].trailer["/Root"]["/Lang"] == readers[1].trailer["/Root"]["/Lang"]
    assert page_texts(paths["written"]) == page_texts(paths["reference"])
    assert fonts(paths["written"]) == fonts(paths["reference"])
    assert pixels(paths["written"]) == pixels(paths["reference"])


def test_a_letter_outside_the_alphabet_is_drawn_not_copied(workspace: Path) -> None:
    """A note with a letter no library text has (ő) cannot be copied between PDFs: it is drawn
    in each handout, and prints right; the parts around it are still copied."""
    from careprint import build
    from careprint.layout import handout as layout

    client = workspace / "clients" / "dossier-0147.yaml"
    text = client.read_text(encoding="utf-8")
    client.write_text(text.replace("na een warme douche", "na een warme douche (Ősz)"), "utf-8")
    ws = Workspace(workspace)
    layout._LAID_OUT.clear()
    first = build.handout(ws, client, workspace / "out").data
    second = build.handout(ws, client, workspace / "out").data
    assert first == second
    kept = {key[-1]: part for key, part in layout._LAID_OUT.items() if key[1] == "note"}
    (note,) = (part for text, part in kept.items() if "Ősz" in str(text))
    assert isinstance(note, layout.Frozen) and note._replay is not None
    assert list(note._replay._recorded.values()) == [None]  # tried once, drawn ever since
    assert any(
        recorded is not None
        for part in layout._LAID_OUT.values()
        if isinstance(part, layout.Frozen) and part._replay is not None
        for recorded in part._replay._recorded.values()
    )
    pdf = workspace / "note.pdf"
    pdf.write_bytes(second)
    assert "na een warme douche (Ősz)" in page_texts(pdf)[3]


def pixels(path: Path) -> list[bytes]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(path)
    try:
        return [page.render(scale=50 / 72).to_pil().tobytes() for page in doc]
    finally:
        doc.close()


def test_batch_writes_the_same_handouts_as_one_by_one(workspace: Path, run: Run) -> None:
    for path in sorted((workspace / "clients").glob("*.yaml")):  # one at a time, in this process
        assert run("-C", str(workspace), "handout", f"clients/{path.name}").code == 0
    singles = {p.name: p.read_bytes() for p in (workspace / "out/handouts").glob("*.pdf")}
    shutil.rmtree(workspace / "out/handouts")
    result = run("-C", str(workspace), "batch", "clients", "--jobs", "2")
    assert result.code == 0, result.err
    assert result.out == f"wrote {len(singles)} handouts to out/handouts\n"
    batched = {p.name: p.read_bytes() for p in (workspace / "out/handouts").glob("*.pdf")}
    assert batched == singles
