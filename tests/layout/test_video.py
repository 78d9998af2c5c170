"""The QR code to a point's video: read back from the rendered page, the same address as its
link; the library entry's own address before the practice's; no address, no code."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
import zxingcpp
from pypdf import PdfReader

from careprint.app import handouts
from careprint.workspace import Workspace
from tests.conftest import Run

BASE = "https://www.praktijkdelinde.example/zelfmassage/"


def _pdf(ws: Path, stem: str = "dossier-0147") -> bytes:
    return handouts.handout(Workspace(ws), ws / "clients" / f"{stem}.yaml", ws / "out").data


def _codes(pdf: bytes) -> list[list[str]]:
    """The text of every QR code on each page, read from the page rendered at 200 dpi."""
    doc = pdfium.PdfDocument(pdf)
    found = []
    for page in doc:
        image = page.render(scale=200 / 72).to_pil()
        found.append(sorted(r.text for r in zxingcpp.read_barcodes(image, formats=zxingcpp.QRCode)))
    return found


def _links(pdf: bytes) -> list[list[str]]:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return [
        sorted(
            str(a.get_object()["/A"]["/URI"])
            for a in page.get("/Annots", [])
            if a.get_object()["/Subtype"] == "/Link"
        )
        for page in pages
    ]


def _set_practice(ws: Path, line: str | None) -> None:
    path = ws / "practice.yaml"
    kept = [x for x in path.read_text().splitlines() if not x.startswith("videos:")]
    path.write_text("\n".join(kept + ([line] if line else [])) + "\n")


def test_each_point_page_has_a_code_that_reads_as_its_link(workspace: Path) -> None:
    _set_practice(workspace, f"videos: {BASE}")
    pdf = _pdf(workspace)
    codes, links = _codes(pdf), _links(pdf)
    ids = ["upper-trapezius", "levator-scapulae", "suboccipitals"]
    expected = [[BASE + point] for point in ids]
    assert [c for c in codes if c] == expected  # decoded by a QR reader, as a phone would
    assert [link for link in links if link] == expected  # and a link on a screen
    for page_codes, page_links in zip(codes, links, strict=True):
        assert page_codes == page_links  # each on the point's own page


def test_an_entrys_own_video_comes_before_the_practices(workspace: Path) -> None:
    _set_practice(workspace, f"videos: {BASE}")
    entry = workspace / "self-massage" / "suboccipitals.yaml"
    entry.write_text(entry.read_text() + "video: https://video.example.org/neck?t=1\n")
    codes = [c for c in _codes(_pdf(workspace)) if c]
    assert codes[-1] == ["https://video.example.org/neck?t=1"]
    assert codes[0] == [BASE + "upper-trapezius"]


def test_no_address_no_code(workspace: Path) -> None:
    _set_practice(workspace, None)
    pdf = _pdf(workspace)
    assert all(not c for c in _codes(pdf))
    assert all(not link for link in _links(pdf))


def test_the_caption_is_in_the_handouts_language(workspace: Path) -> None:
    _set_practice(workspace, f"videos: {BASE}")
    text = pdfium.PdfDocument(_pdf(workspace, "dossier-0302"))[2].get_textpage().get_text_range()
    assert "videosu için kodu" in " ".join(text.split())


def test_an_address_that_is_not_https_is_a_located_error(workspace: Path, run: Run) -> None:
    entry = workspace / "self-massage" / "masseter.yaml"
    lines = entry.read_text().splitlines()
    entry.write_text("\n".join([*lines, "video: http://video.example.org/jaw"]) + "\n")
    result = run("-C", str(workspace), "handout", "clients/dossier-0302.yaml")
    assert result.code == 2
    n = len(lines) + 1
    assert result.err == (
        f"error: self-massage/masseter.yaml, line {n}: 'video': "
        "'http://video.example.org/jaw' is not a web address starting with https://.\n"
        "    video: http://video.example.org/jaw\n"
        "  Write it in full, e.g. https://www.example.nl/video/neck.\n"
    )
