"""The personal handout, reopened: who it is for, each point in order with its dosage and its
diagram, whole points per page, A4, fonts embedded, and no client name where it does not belong."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from careprint.content.dosage import Dose
from careprint.content.models import Client, SelfMassage
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


def point_pages(texts: list[str], number: int, entry: SelfMassage) -> list[int]:
    """The pages (0-based) a point takes: the page of its heading, and a page marked as its
    continuation."""
    heading = f"{number} {entry.muscle} {entry.latin}"
    continued = f"{number} {entry.muscle} (vervolg)"
    first = [i for i, text in enumerate(texts) if heading in text]
    assert len(first) == 1, heading
    return first + [i for i in (first[0] + 1,) if i < len(texts) and continued in texts[i]]


@pytest.mark.parametrize("stem", CLIENTS)
def test_each_point_has_its_own_page_in_order_with_its_dosage(built: Path, stem: str) -> None:
    pdf, client, entries = handout(built, stem)
    texts = page_texts(pdf)
    starts = []
    for number, (choice, entry) in enumerate(zip(client.points, entries, strict=True), start=1):
        pages = point_pages(texts, number, entry)
        starts.append(pages[0])
        page = " ".join(texts[i] for i in pages)  # its page, and the next when it goes on
        dose = Dose.of(entry, choice)
        assert f"{number} {entry.muscle} {entry.latin}" in page
        seconds = "seconde" if dose.hold == 1 else "seconden"
        assert f"Vasthouden {dose.hold} {seconds}" in page
        assert f"Herhalen {dose.repeats} keer" in page
        assert f"Hoe vaak {dose.per_day} keer per dag" in page
        pressure = f"{entry.pressure.target} van 10, nooit meer dan {entry.pressure.stop}"
        assert f"Druk {pressure}" in page
        for item in (*entry.avoid, *entry.stop_if, *entry.urgent_if):  # all of the point
            assert " ".join(item.split()) in page
        before = page.index("Stop en bel meteen je huisarts of de huisartsenpost als")
        assert before < page.index("Stop en bel ons als")  # the urgent signs first
    assert starts == sorted(starts) and starts[0] >= 1  # in order, after the plan


def test_client_overrides_replace_the_library_dosage(built: Path) -> None:
    pdf, client, entries = handout(built, "dossier-0147")
    levator = client.points[1]
    assert (levator.id, levator.hold) == ("levator-scapulae", 45)
    assert entries[1].hold != 45
    texts = page_texts(pdf)
    assert "Vasthouden 45 seconden" in texts[point_pages(texts, 2, entries[1])[0]]
    assert client.points[2].per_day == 2 != entries[2].per_day
    assert "Hoe vaak 2 keer per dag" in texts[point_pages(texts, 3, entries[2])[0]]


@pytest.mark.parametrize("stem", CLIENTS)
def test_a_diagram_beside_each_point(built: Path, stem: str) -> None:
    pdf, _, entries = handout(built, stem)
    texts = page_texts(pdf)
    for number, entry in enumerate(entries, start=1):
        page = point_pages(texts, number, entry)[0]
        heading = find_text(pdf, page, entry.muscle)
        below = [box for box in drawings(pdf, page) if box[1] < heading[1]]  # not the logo
        assert below, f"no body outline on page {page + 1}"
        left, bottom, right, top = max(below, key=lambda b: (b[2] - b[0]) * (b[3] - b[1]))
        # below the heading, in the left column, at least 60 mm wide and 80 mm tall on paper
        assert left < 30 * MM and heading[1] - top < 25 * MM
        assert right - left > 60 * MM and top - bottom > 80 * MM


@pytest.mark.parametrize("stem", CLIENTS)
def test_the_week_calendar_lists_every_point(built: Path, stem: str) -> None:
    pdf, client, entries = handout(built, stem)
    first = page_texts(pdf)[0]
    names = ["ma", "di", "wo", "do", "vr", "za", "zo"]
    start = client.date.weekday() + 1  # the week runs from the day after the consult
    days = " ".join(names[(start + n) % 7] for n in range(7))
    assert "Je week" in first and days in first
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
