"""`careprint all`: everything the practice folder holds, the same files as the commands one
by one, each told once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import Run


def test_all_builds_what_build_and_handout_build(workspace: Path, run: Run) -> None:
    result = run("-C", str(workspace), "all")
    assert result.code == 0, result.err
    out = workspace / "out"
    made = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.pdf"))
    told = sorted(line.split()[1].removeprefix("out/") for line in result.out.splitlines())
    assert told == made

    shutil.rmtree(out)
    assert run("-C", str(workspace), "build", "--print-shop", "--lang", "complete").code == 0
    assert run("-C", str(workspace), "handout").code == 0
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.pdf")) == made
    assert len([m for m in made if m.startswith("handouts/")]) == 4
    assert {m.split("-")[1] for m in made if m.startswith("leaflets/")} == {
        "nl",
        "en",
        "de",
        "tr",
        "ar",
    }


def test_all_reports_a_broken_client_file_and_still_builds_the_rest(
    workspace: Path, run: Run
) -> None:
    broken = workspace / "clients" / "dossier-0999.yaml"
    broken.write_text("name: Test\nlanguage: nl\n", encoding="utf-8")
    result = run("-C", str(workspace), "all")
    assert result.code == 2
    assert "clients/dossier-0999.yaml" in result.err
    assert len(list((workspace / "out" / "handouts").glob("*.pdf"))) == 4


def test_an_arabic_handout_is_the_same_whatever_the_process_made_before(workspace: Path) -> None:
    """Joined Arabic letter forms get their numbers in a fixed order, so the handout made
    after Arabic leaflets (in `careprint all`) is byte for byte the one made alone (which the
    email ledger relies on)."""
    import subprocess
    import sys

    def careprint(*args: str) -> None:
        command = [sys.executable, "-m", "careprint", "-C", str(workspace), *args]
        subprocess.run(command, check=True, capture_output=True)

    careprint("all")
    careprint("handout", "clients/dossier-0388.yaml", "--out", str(workspace / "alone"))
    name = "dossier-0388-2026-11-24.pdf"
    together = (workspace / "out" / "handouts" / name).read_bytes()
    assert (workspace / "alone" / name).read_bytes() == together


def test_a_logo_with_a_picture_inside_prints_on_handouts_and_leaflets(
    workspace: Path, run: Run
) -> None:
    """An SVG logo may carry a bitmap (design tools export them so): it is drawn inline, on
    every page header of a handout and on the leaflets, in both editions."""
    import base64
    import io

    from PIL import Image

    picture = io.BytesIO()
    Image.new("RGB", (4, 4), (255, 0, 0)).save(picture, "PNG")
    data = base64.b64encode(picture.getvalue()).decode()
    logo = workspace / "templates" / "brand" / "logo.svg"
    svg = logo.read_text(encoding="utf-8")
    if "xmlns:xlink" not in svg:
        svg = svg.replace("<svg ", '<svg xmlns:xlink="http://www.w3.org/1999/xlink" ', 1)
    href = f"data:image/png;base64,{data}"
    square = f'<image x="0" y="0" width="40" height="40" xlink:href="{href}"/>'
    logo.write_text(svg.replace("</svg>", square + "</svg>"), encoding="utf-8")

    assert run("-C", str(workspace), "handout", "clients/dossier-0147.yaml").code == 0
    build = run("-C", str(workspace), "build", "triggerpointtherapie", "--layout", "trifold")
    assert build.code == 0, build.err
    (handout,) = (workspace / "out" / "handouts").glob("*.pdf")
    leaflet = workspace / "out" / "leaflets" / "triggerpointtherapie-nl-trifold.pdf"
    assert red_pages(handout) == [True] * len(PdfReader(handout).pages)  # every page's header
    assert len(PdfReader(handout).pages) >= 5
    assert red_pages(leaflet) == [True, False]  # the cover, on the outside of the sheet


def red_pages(pdf: Path) -> list[bool]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        found = []
        for page in doc:
            rgb = page.render(scale=1).to_pil().convert("RGB").tobytes()
            pixels = zip(rgb[0::3], rgb[1::3], rgb[2::3], strict=True)
            found.append(any(r > 230 and g < 40 and b < 40 for r, g, b in pixels))
        return found
    finally:
        doc.close()


def test_a_batch_into_a_folder_that_cannot_be_written_stops_with_the_reason(
    workspace: Path, run: Run
) -> None:
    (workspace / "out").mkdir(exist_ok=True)
    (workspace / "out" / "blocked").write_text("a file, not a folder")
    blocked = workspace / "out" / "blocked" / "handouts"
    result = run("-C", str(workspace), "batch", "clients", "--out", str(blocked))
    assert result.code == 2
    assert result.err.startswith("error: cannot write ")
    assert f"{blocked}/dossier-" in result.err and ": Not a directory." in result.err
    assert "Traceback" not in result.err and "bug" not in result.err


def test_a_bug_is_logged_for_the_user_only_and_never_shown_as_a_traceback(
    workspace: Path, run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from careprint.app import handouts

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("something inside careprint went wrong")

    monkeypatch.setattr(handouts, "handout", broken)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    result = run("-C", str(workspace), "handout", "clients/dossier-0147.yaml")
    assert result.code == 1
    assert "Traceback" not in result.err and "RuntimeError" not in result.err
    log = tmp_path / "state" / "careprint" / "log" / "error.log"
    assert f"The details are in {log};" in result.err
    assert "RuntimeError: something inside careprint went wrong" in log.read_text()
    assert log.stat().st_mode & 0o077 == 0  # the user's own: it may name a client's file
    # a log folder that cannot be written: still a short message, never a traceback
    (tmp_path / "blocked").write_text("a file where the folder would be")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "blocked"))
    result = run("-C", str(workspace), "handout", "clients/dossier-0147.yaml")
    assert result.code == 1
    assert "Traceback" not in result.err
    assert "Its details could not be written down" in result.err
