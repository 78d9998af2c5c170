"""The print shop's editions reopened as PDF/X: the identification keys, the output intent,
the page boxes, colour operators, fonts, and black text and QR code that overprint; PDF/X-4
with a profile named in practice.yaml, and the errors for a profile that cannot be used."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pikepdf
import pytest

from careprint.cli import main
from tests.conftest import Run, copy_workspace
from tests.pdftools import fonts

GS_PROFILE = Path("/usr/share/color/icc/ghostscript/default_cmyk.icc")
COLOUR_OPERATORS = {"k", "K", "rg", "RG", "g", "G", "cs", "CS", "sc", "SC", "scn", "SCN", "sh"}
DATE = re.compile(r"^D:\d{14}[+-]\d\d'\d\d'$")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every leaflet in Dutch and Arabic, with the print shop's editions."""
    ws = copy_workspace(tmp_path_factory.mktemp("pdfx-built") / "practice")
    assert main(["-C", str(ws), "build", "--print-shop", "--lang", "nl", "--lang", "ar"]) == 0
    return ws


def print_pdfs(built: Path) -> list[Path]:
    found = sorted(
        pdf
        for pdf in (built / "out/leaflets").glob("*-print.pdf")
        if not pdf.name.endswith("-large-print.pdf")  # large print is a screen edition
    )
    names = {pdf.name for pdf in found}
    for leaflet in ("triggerpointtherapie", "spanningshoofdpijn"):
        for language in ("nl", "ar"):
            for layout in ("trifold", "booklet"):
                assert f"{leaflet}-{language}-{layout}-print.pdf" in names
    return found


def painted(page: pikepdf.Page) -> Counter[tuple[str, tuple[float, ...] | None, bool, int]]:
    """What the page paints: (text or rectangle, fill colour, overprint, overprint mode),
    following the graphics state through q/Q and the ExtGState resources it names."""
    states = page.Resources.get("/ExtGState", {})
    state: dict[str, object] = {"fill": None, "op": False, "opm": 0}
    stack: list[dict[str, object]] = []
    result: Counter[tuple[str, tuple[float, ...] | None, bool, int]] = Counter()
    path_is_rect = False
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op == "q":
            stack.append(dict(state))
        elif op == "Q":
            state = stack.pop()
        elif op == "k":
            state["fill"] = tuple(round(float(v), 4) for v in operands)
        elif op == "gs":
            named = states[str(operands[0])]
            if "/op" in named:
                state["op"] = bool(named["/op"])
            if "/OPM" in named:
                state["opm"] = int(named["/OPM"])
        elif op == "re":
            path_is_rect = True
        elif op in ("f", "f*", "B", "b") and path_is_rect:
            result[("rect", state["fill"], state["op"], state["opm"])] += 1  # type: ignore[index]
        if op in ("Tj", "TJ", "'", '"'):
            result[("text", state["fill"], state["op"], state["opm"])] += 1  # type: ignore[index]
        if op in ("f", "f*", "B", "b", "S", "n", "W", "W*"):
            path_is_rect = False
    return result


def test_print_editions_are_pdfx_1a_for_fogra39(built: Path) -> None:
    for pdf in print_pdfs(built):
        with pikepdf.open(pdf) as doc:
            info = doc.docinfo
            assert str(info["/GTS_PDFXVersion"]) == "PDF/X-1a:2003", pdf.name
            assert str(info["/GTS_PDFXConformance"]) == "PDF/X-1a:2003"
            assert info["/Trapped"] == pikepdf.Name("/False")
            assert str(info["/Title"])
            assert DATE.match(str(info["/CreationDate"])) and DATE.match(str(info["/ModDate"]))
            assert len(doc.trailer.ID) == 2 and len(bytes(doc.trailer.ID[0])) == 16
            assert doc.pdf_version == "1.4"
            [intent] = doc.Root.OutputIntents
            assert intent.S == pikepdf.Name.GTS_PDFX
            assert str(intent.OutputConditionIdentifier) == "FOGRA39"
            assert str(intent.RegistryName) == "http://www.color.org"
            assert "Coated FOGRA39" in str(intent.OutputCondition)
            assert "/DestOutputProfile" not in intent  # a registered condition: none needed


def test_boxes_nest_on_every_page(built: Path) -> None:
    for pdf in print_pdfs(built):
        with pikepdf.open(pdf) as doc:
            for page in doc.pages:
                media = [float(v) for v in page.MediaBox]
                bleed = [float(v) for v in page.BleedBox]
                trim = [float(v) for v in page.TrimBox]
                for outer, inner in ((media, bleed), (bleed, trim)):
                    assert outer[0] <= inner[0] and outer[1] <= inner[1], pdf.name
                    assert inner[2] <= outer[2] and inner[3] <= outer[3], pdf.name
                assert trim[0] - bleed[0] == pytest.approx(3 * 72 / 25.4, abs=0.01)


def test_only_cmyk_colour_and_every_font_embedded(built: Path) -> None:
    for pdf in print_pdfs(built):
        with pikepdf.open(pdf) as doc:
            used: set[str] = set()
            for page in doc.pages:
                used |= {
                    str(op)
                    for _, op in pikepdf.parse_content_stream(page)
                    if str(op) in COLOUR_OPERATORS
                }
                assert "/ColorSpace" not in page.Resources
                assert "/Shading" not in page.Resources
            assert used == {"k", "K"}, pdf.name
        found = fonts(pdf)
        assert found and all(f["embedded"] and f["subset"] for f in found.values()), pdf.name


def test_black_text_and_qr_code_are_solid_k_and_overprint(built: Path) -> None:
    """Every text in 100 % K overprints (op true, overprint mode 1); nothing is in the old
    92 % K; the QR code's modules (hundreds of small rectangles) are 100 % K overprinting;
    white text and the tint boxes knock out (overprint off)."""
    black = (0.0, 0.0, 0.0, 1.0)
    for pdf in print_pdfs(built):
        with pikepdf.open(pdf) as doc:
            seen: Counter[tuple[str, tuple[float, ...] | None, bool, int]] = Counter()
            for page in doc.pages:
                seen += painted(page)
        fills = {fill for _, fill, _, _ in seen}
        assert (0.0, 0.0, 0.0, 0.92) not in fills, pdf.name
        assert seen[("text", black, True, 1)] > 20, pdf.name
        assert seen[("text", black, False, 0)] == 0, pdf.name
        assert seen[("rect", black, True, 1)] > 100, pdf.name  # the QR code
        for kind, fill, overprint, _ in seen:
            if fill != black:
                assert not overprint, (pdf.name, kind, fill)


def test_the_office_editions_are_unchanged_rgb_without_pdfx(built: Path) -> None:
    with pikepdf.open(built / "out/leaflets/triggerpointtherapie-nl-trifold.pdf") as doc:
        assert "/OutputIntents" not in doc.Root
        assert "/GTS_PDFXVersion" not in doc.docinfo


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_workspace(tmp_path_factory.mktemp("pdfx") / "practice")


def name_profile(ws: Path, relative: str) -> None:
    practice = ws / "practice.yaml"
    text = re.sub(r"(?m)^print_profile:.*\n", "", practice.read_text(encoding="utf-8"))
    text = text.replace("\nlogo:", f"\nprint_profile: {relative}\nlogo:", 1)
    practice.write_text(text, encoding="utf-8")


@pytest.mark.skipif(not GS_PROFILE.exists(), reason="needs ghostscript's CMYK profile")
def test_a_named_profile_gives_pdfx_4_with_it_embedded(shop: Path) -> None:
    shutil.copy(GS_PROFILE, shop / "templates/shop.icc")
    name_profile(shop, "templates/shop.icc")
    args = ["-C", str(shop), "build", "spanningshoofdpijn", "--layout", "trifold", "--print-shop"]
    assert main(args) == 0
    pdf = shop / "out/leaflets/spanningshoofdpijn-nl-trifold-print.pdf"
    first = pdf.read_bytes()
    with pikepdf.open(pdf) as doc:
        [intent] = doc.Root.OutputIntents
        assert intent.DestOutputProfile.read_bytes() == GS_PROFILE.read_bytes()
        assert int(intent.DestOutputProfile.N) == 4
        assert str(intent.OutputConditionIdentifier) == "Artifex CMYK SWOP Profile"
        assert str(doc.docinfo["/GTS_PDFXVersion"]) == "PDF/X-4"
        assert doc.pdf_version <= "1.6"
        meta = doc.open_metadata()
        assert meta["pdfxid:GTS_PDFXVersion"] == "PDF/X-4"
        assert meta["dc:title"] == str(doc.docinfo["/Title"])
        assert meta["xmp:CreateDate"] == "2000-01-01T00:00:00Z"  # = Info /CreationDate
        assert meta["xmpMM:DocumentID"].startswith("uuid:")
        assert meta["xmpMM:RenditionClass"] == "default"
    checked = subprocess.run(
        [sys.executable, "-m", "careprint", "-C", str(shop), "check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "ok: print-shop editions: PDF/X-4 with 'Artifex CMYK SWOP Profile'" in checked.stdout
    assert main(args) == 0
    assert pdf.read_bytes() == first  # the same input, the same bytes


def rgb_profile() -> bytes:
    from PIL import ImageCms

    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "the file 'templates/shop.icc' does not exist."),
        (b"not a profile\n", "it is not an ICC colour profile."),
        ("rgb", "it is a profile for RGB colours, not for CMYK printing."),
    ],
)
def test_a_profile_that_cannot_be_used_is_an_error_at_its_line(
    workspace: Path, run: Run, content: bytes | str | None, message: str
) -> None:
    target = workspace / "templates/shop.icc"
    if content == "rgb":
        target.write_bytes(rgb_profile())
    elif isinstance(content, bytes):
        target.write_bytes(content)
    name_profile(workspace, "templates/shop.icc")
    line = 1 + workspace.joinpath("practice.yaml").read_text().splitlines().index(
        "print_profile: templates/shop.icc"
    )
    result = run("-C", str(workspace), "build", "triggerpointtherapie", "--print-shop")
    assert result.code == 2
    assert f"practice.yaml, line {line}: " in result.err
    assert message in result.err
    assert "print_profile: templates/shop.icc" in result.err
    assert not list((workspace / "out/leaflets").glob("*-trifold-print.pdf"))
    checked = run("-C", str(workspace), "check")  # careprint check says it too
    assert checked.code == 2
    assert message in checked.out + checked.err


@pytest.mark.skipif(shutil.which("gs") is None, reason="needs ghostscript")
def test_black_overprints_the_tint_on_press(built: Path, tmp_path: Path) -> None:
    """Ghostscript's separations (it simulates overprint) of the back panel, below the logo:
    the contact details and the QR code are solid on the black plate, and the tint's cyan
    (8 %) goes on under them, unbroken: no white gap where the black is."""
    from PIL import Image

    pdf = built / "out/leaflets/triggerpointtherapie-nl-trifold-print.pdf"
    base = tmp_path / "sep.tif"
    subprocess.run(
        ["gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=tiffsep", "-r72", "-dFirstPage=1",
         "-dLastPage=1", f"-sOutputFile={base}", str(pdf)],
        check=True,
    )  # fmt: skip
    mm = 72 / 25.4
    # the outside: panels 5 | 6 | 1, 97 + 100 + 100 mm; 12 mm of slug around the trim
    box = (int((12 + 107) * mm), int((12 + 45) * mm), int((12 + 187) * mm), int((12 + 202) * mm))
    cyan = Counter(Image.open(tmp_path / "sep(Cyan).tif").crop(box).get_flattened_data())
    black = Counter(Image.open(tmp_path / "sep(Black).tif").crop(box).get_flattened_data())
    assert black[0] > 1000  # solid black: text and the QR code (255 is no ink)
    assert cyan[255] == 0  # never knocked out
    assert cyan.most_common(1)[0][0] == round(255 * 0.92)  # the tint, 8 % cyan
