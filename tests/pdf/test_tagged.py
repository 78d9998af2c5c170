"""Tagged PDF (PDF/UA-1) reopened: the handout in every language, the screen and large-print
editions and the office tri-fold.

veraPDF cannot run here, so these tests check what can be checked by reading the files back
(pikepdf walks, poppler's ``pdfinfo -struct-text``, pdfium for pixels). Of the Matterhorn
Protocol 1.1's machine-checkable failure conditions, these are checked:

- 01-003, 01-004, 01-005: every painted thing (text, path, image or form) lies in a
  marked-content sequence that is tagged (an MCID the ParentTree maps to its structure
  element, which lists it) or in an artifact; no tagged content inside an artifact.
- 01-007: /MarkInfo /Marked true, no /Suspects true.
- 02-001..02-004: only standard structure types are used (no role map needed).
- 06-001..06-003: XMP metadata with dc:title and pdfuaid:part 1.
- 07-001, 07-002: /ViewerPreferences /DisplayDocTitle true, and a /Title.
- 09-004..09-008: TR only in a Table, TH/TD only in a TR, LI only in an L, LBody only in
  an LI (a list's bullet is part of its item's body: no Lbl).
- 11-001, 11-006: the document's /Lang.
- 13-004: every Figure has /Alt.
- 14-002, 14-003: the first heading is H1, and heading levels never skip one going down.
- 15-003: every TH has a Scope attribute; every table row has a header cell.
- checkpoint 28 (annotations): every Link annotation has /Contents and /StructParent and
  sits in a Link structure element (OBJR); every page has /Tabs /S.
- 31-001..: every font embedded (pdffonts).

Also: the reading order poppler gives (``pdfinfo -struct-text``) per layout; right-to-left
lines carry /ActualText inside their tags; an encrypted handout keeps its tags and the
permission to extract for accessibility; and tagging changes no pixel of any page.
"""

from __future__ import annotations

import io
import itertools
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pikepdf
import pypdfium2 as pdfium
import pytest
import yaml

from careprint.app import handouts
from careprint.cli import main
from careprint.pdf.encrypt import encrypt
from careprint.workspace import Workspace
from tests.conftest import copy_workspace
from tests.pdftools import fonts

LANGUAGES = ["nl", "en", "de", "tr", "ar"]
STANDARD = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index",
    "NonStruct", "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl",
    "LBody", "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note",
    "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "Warichu", "Figure", "Formula",
    "Form",
}  # fmt: skip
PAINT = {"Tj", "TJ", "'", '"', "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "Do", "sh", "BI"}
POPPLER = shutil.which("pdfinfo")


# -- reading the files back ------------------------------------------------------------------


def elements(node: Any) -> Iterator[Any]:
    """Every structure element under ``node``, in tree order."""
    kids = node.get("/K")
    if kids is None:
        return
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid
            yield from elements(kid)


def role(node: Any) -> str:
    return str(node.S).lstrip("/")


def marked_mcids(node: Any) -> set[int]:
    """The MCIDs an element lists as its own content."""
    kids = node.get("/K")
    found = set()
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, int):
            found.add(int(kid))
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
            found.add(int(kid.MCID))
    return found


def check_content(doc: pikepdf.Pdf) -> None:
    """01-003..01-005: each painting operator inside tagged content or an artifact, and each
    tagged sequence's MCID mapped (ParentTree) to an element that lists it."""
    nums = doc.Root.StructTreeRoot.ParentTree.Nums
    parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    for index, page in enumerate(doc.pages):
        stack: list[str] = []  # "tagged", "artifact" or "other" per open sequence
        seen: set[int] = set()
        mapped = parents[int(page.StructParents)]
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op in ("BDC", "BMC"):
                tag = str(operands[0])
                properties = operands[1] if op == "BDC" else None
                if tag == "/Artifact":
                    assert "tagged" not in stack, f"page {index + 1}: an artifact in content"
                    stack.append("artifact")
                elif isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties:
                    mcid = int(properties.MCID)
                    assert "artifact" not in stack, f"page {index + 1}: tagged in an artifact"
                    assert mcid not in seen, f"page {index + 1}: MCID {mcid} twice"
                    seen.add(mcid)
                    element = mapped[mcid]
                    assert mcid in marked_mcids(element), f"page {index + 1}: MCID {mcid}"
                    assert role(element) == tag.lstrip("/")
                    stack.append("tagged")
                else:
                    stack.append("other")  # a /Span with /ActualText, inside its tag
            elif op == "EMC":
                stack.pop()
            elif op in PAINT:
                assert {"tagged", "artifact"} & set(stack), f"page {index + 1}: untagged {op}"
        assert not stack
        assert seen == set(range(len(mapped))), f"page {index + 1}: MCIDs not all used"


def check_document(pdf: Path | bytes, language: str) -> list[Any]:
    """The document-level conditions; the structure elements in tree order."""
    source = pdf if isinstance(pdf, Path) else io.BytesIO(pdf)
    with pikepdf.open(source) as doc:
        root = doc.Root
        assert root.MarkInfo.Marked is True and not root.MarkInfo.get("/Suspects", False)
        assert root.ViewerPreferences.DisplayDocTitle is True
        assert str(root.Lang) == language
        title = str(doc.docinfo.Title)
        assert title
        meta = doc.open_metadata()
        assert meta["dc:title"] == title
        assert meta["pdfuaid:part"] == "1"
        for page in doc.pages:
            assert page.Tabs == pikepdf.Name.S
            for annot in page.get("/Annots", []):
                if annot.get("/Subtype") == pikepdf.Name.Link:
                    assert str(annot.Contents) and "/StructParent" in annot
                if annot.get("/Subtype") == pikepdf.Name.Widget and not int(annot.F) & 2:
                    # 28-xxx: a visible form field is a Form element, with what it is for
                    form = root.StructTreeRoot.ParentTree.Nums[
                        list(root.StructTreeRoot.ParentTree.Nums).index(annot.StructParent) + 1
                    ]
                    assert str(form.S) == "/Form" and form.K.Obj == annot
                    assert str(annot.TU)
        check_content(doc)
        found = list(elements(root.StructTreeRoot))
        checked = [check_element(node) for node in found]
        assert role(found[0]) == "Document"
        headings = [int(r[1]) for r in checked if re.fullmatch(r"H[1-6]", r)]
        assert headings and headings[0] == 1, "14-002: the first heading is H1"
        for before, after in itertools.pairwise(headings):
            assert after <= before + 1, f"14-003: H{before} then H{after}"
        return checked


def check_element(node: Any) -> str:
    name = role(node)
    assert name in STANDARD, name
    parent = role(node.P) if "/S" in node.P else ""
    if name == "TR":
        assert parent == "Table"
        assert any(role(kid) == "TH" for kid in node.K), "a table row without a header cell"
    if name in ("TH", "TD"):
        assert parent == "TR"
    if name == "TH":
        assert str(node.A.Scope) in ("/Row", "/Column"), "15-003"
    if name == "LI":
        assert parent == "L"
    if name == "LBody":
        assert parent == "LI"
    if name == "Figure":
        assert str(node.Alt).strip(), "13-004"
    if name == "Link":
        assert any(
            isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR" for kid in node.K
        )
    return name


def outline(pdf: Path) -> list[tuple[str, str]]:
    """The headings in poppler's reading of the structure: (role, text)."""
    done = subprocess.run(
        [POPPLER or "pdfinfo", "-struct-text", str(pdf)], capture_output=True, check=True
    )
    lines = done.stdout.decode("utf-8").splitlines()
    found = []
    for line, following in itertools.pairwise(lines):
        match = re.match(r"^\s*(H[1-6]) ", line)
        if match:
            found.append((match.group(1), " ".join(following.strip().strip('"').split())))
    return found


def said_headings(pdf: Path) -> list[tuple[str, str]]:
    """The headings in tree order with their /ActualText."""
    with pikepdf.open(pdf) as doc:
        return [
            (role(node), str(node.ActualText))
            for node in elements(doc.Root.StructTreeRoot)
            if re.fullmatch(r"H[1-6]", role(node))
        ]


# -- the handout -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def practice(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example practice with client 0147's handout in every language."""
    ws = copy_workspace(tmp_path_factory.mktemp("tagged") / "practice")
    client = yaml.safe_load((ws / "clients/dossier-0147.yaml").read_text(encoding="utf-8"))
    for language in LANGUAGES:
        client["language"] = language
        target = ws / f"clients/tagged-{language}.yaml"
        target.write_text(yaml.safe_dump(client, allow_unicode=True), encoding="utf-8")
    return ws


def handout(ws: Workspace, language: str) -> bytes:
    return handouts.handout(ws, ws.root / f"clients/tagged-{language}.yaml", ws.root / "out").data


@pytest.mark.parametrize("language", LANGUAGES)
def test_handout_is_tagged_in_every_language(practice: Path, language: str) -> None:
    pdf = handout(Workspace(practice), language)
    roles = check_document(pdf, language)
    assert roles.count("Figure") == 3  # a body diagram for each of the three points
    assert roles.count("Table") == 4  # the week, and a dosage strip for each point
    assert "L" in roles and "LI" in roles and "LBody" in roles
    with pikepdf.open(io.BytesIO(pdf)) as doc:  # the week's boxes to tick, read as such
        boxes = [
            str(node.ActualText)
            for node in elements(doc.Root.StructTreeRoot)
            if "\u2610" in str(node.get("/ActualText", ""))
        ]
    # three points twice a day, each with one rest day in the week; a box a day for the pain
    assert sorted(boxes) == ["\u2610"] * 7 + ["\u2610 \u2610"] * (3 * 7 - 3)
    out = practice / f"tagged-{language}.pdf"
    out.write_bytes(pdf)
    assert all(f["embedded"] for f in fonts(out).values())


def test_handout_figures_are_described_in_the_handouts_language(practice: Path) -> None:
    alts = {}
    for language in ("nl", "en"):
        with pikepdf.open(io.BytesIO(handout(Workspace(practice), language))) as doc:
            alts[language] = [
                str(node.Alt)
                for node in elements(doc.Root.StructTreeRoot)
                if role(node) == "Figure"
            ]
    assert alts["nl"][0] == (
        "Tekening van het hoofd en de nek. De drukpunten zitten op: Bovenkant van "
        "je schouder (monnikskapspier), links en rechts. De gekleurde plekken laten zien waar "
        "je de pijn vaak voelt."
    )
    assert alts["nl"][1].endswith(
        ", rechts. De gekleurde plekken laten zien waar je de pijn vaak voelt."
    )
    assert alts["en"][0].startswith("Drawing of the head and neck. The pressure points are on:")
    assert "both sides" in alts["en"][0] or "left and right" in alts["en"][0]


@pytest.mark.skipif(POPPLER is None, reason="needs poppler's pdfinfo")
@pytest.mark.parametrize("language", ["nl", "ar"])
def test_handout_reads_in_order(practice: Path, language: str) -> None:
    """poppler's reading of the tags: the title, the week, before you start, each point, the
    cautions, as H1 and H2 in this order, H3 within a point."""
    pdf = practice / f"order-{language}.pdf"
    pdf.write_bytes(handout(Workspace(practice), language))
    found = outline(pdf)
    levels = [level for level, _ in found]
    assert levels[:3] == ["H1", "H2", "H2"]
    # week, before you start, three points (one goes on over a page), the cautions
    assert levels.count("H2") in (6, 7)
    assert levels.count("H3") == 3 * 3  # helps with, where, how: for each point
    texts = [text for _, text in found]
    if language == "nl":
        assert [text for level, text in found if level != "H3"] == [
            "Zelfmassage voor Marieke de Vries",
            "Je week",
            "Voor je begint",
            "Bovenkant van je schouder (monnikskapspier)",
            "Spier tussen nek en schouderblad (schouderbladheffer)",
            "Korte nekspieren onder je achterhoofd",
            "3 Korte nekspieren onder je achterhoofd (vervolg)",
            "Stop en bel ons als",
        ]
        assert texts[4:7] == ["Speelt vaak mee bij", "Waar zit het punt?", "Zo doe je het"]
    else:
        # poppler's dump shows the glyphs (joined forms, visual order): the words are in each
        # element's /ActualText, in reading order
        title = handout_title(practice, "ar").format(name="Marieke de Vries")
        with pikepdf.open(pdf) as doc:
            said = [
                str(node.ActualText)
                for node in elements(doc.Root.StructTreeRoot)
                if re.fullmatch(r"H[1-6]", role(node))
            ]
        assert said[0] == title
        assert len(said) == len(found)
        assert all(not re.search(r"[\ufb50-\ufeff]", text) for text in said)  # no joined forms


def handout_title(practice: Path, language: str) -> str:
    """The handout's title in ``language``, from its catalogue."""
    from babel.messages.pofile import read_po

    with (practice / f"translations/{language}/labels.po").open("rb") as file:
        catalogue = read_po(file)
    [entry] = [e for e in catalogue if e.context == "labels:handout:title"]
    return str(entry.string)


def test_right_to_left_lines_carry_their_text_inside_their_tags(practice: Path) -> None:
    """Each Arabic line's /Span with /ActualText is inside a tagged sequence (or, for the
    header, inside the page's artifact), and the text read from the tags is logical."""
    with pikepdf.open(io.BytesIO(handout(Workspace(practice), "ar"))) as doc:
        inside = 0
        for page in doc.pages:
            stack: list[str] = []
            for operands, operator in pikepdf.parse_content_stream(page):
                op = str(operator)
                if op == "BMC":
                    stack.append("artifact")
                elif op == "BDC" and "/MCID" in operands[1]:
                    stack.append("tagged")
                elif op == "BDC":
                    assert "/ActualText" in operands[1] and stack
                    inside += stack[-1] == "tagged"
                    stack.append("span")
                elif op == "EMC":
                    stack.pop()
        assert inside > 50


def test_an_encrypted_handout_keeps_its_tags_and_the_accessibility_permission(
    practice: Path,
) -> None:
    pdf = encrypt(handout(Workspace(practice), "nl"), "geheim")
    with pikepdf.open(io.BytesIO(pdf), password="geheim") as doc:
        assert doc.is_encrypted
        assert doc.allow.accessibility and doc.allow.extract
        assert "/StructTreeRoot" in doc.Root and doc.Root.MarkInfo.Marked


def pixels(pdf: bytes) -> list[bytes]:
    doc = pdfium.PdfDocument(pdf)
    try:
        return [page.render(scale=60 / 72).to_pil().tobytes() for page in doc]
    finally:
        doc.close()


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_tagging_changes_no_pixel_of_a_handout(
    practice: Path, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for fast in (True, False):
        tagged = handout(Workspace(practice, fast=fast), language)
        monkeypatch.setenv("CAREPRINT_UNTAGGED", "1")
        untagged = handout(Workspace(practice, fast=fast), language)
        monkeypatch.delenv("CAREPRINT_UNTAGGED")
        with pikepdf.open(io.BytesIO(untagged)) as doc:
            assert "/StructTreeRoot" not in doc.Root
        assert pixels(tagged) == pixels(untagged)


def structure(pdf: bytes) -> list[tuple[str, str, int, tuple[int, ...]]]:
    """Each element: its role, alternative text, page and MCIDs, in tree order."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        pages = {page.objgen: index for index, page in enumerate(doc.pages)}
        return [
            (
                role(node),
                str(node.get("/Alt", "")),
                pages.get(node.Pg.objgen, -1) if "/Pg" in node else -1,
                tuple(sorted(marked_mcids(node))),
            )
            for node in elements(doc.Root.StructTreeRoot)
        ]


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_the_fast_path_tags_as_the_plain_one(practice: Path, language: str) -> None:
    """Parts copied from one document into another get the MCIDs of the page they land on:
    the same structure and the same operators as drawing every part."""
    warm = Workspace(practice, fast=True)
    handout(warm, "nl")  # parts recorded in another document first
    fast = handout(warm, language)
    plain = handout(Workspace(practice, fast=False), language)
    assert structure(fast) == structure(plain)
    assert len(structure(fast)) > 100


# -- the leaflets read on screens, and the office tri-fold --------------------------------------

EDITIONS = ["screen", "large-print", "trifold"]


def build(ws: Path, layout: str, language: str) -> Path:
    args = ["-C", str(ws), "build", "triggerpointtherapie", "--layout", layout]
    assert main([*args, "--lang", language]) == 0
    return ws / f"out/leaflets/triggerpointtherapie-{language}-{layout}.pdf"


@pytest.fixture(scope="module")
def leaflets(practice: Path) -> dict[tuple[str, str], Path]:
    return {
        (layout, language): build(practice, layout, language)
        for layout in EDITIONS
        for language in ("nl", "ar")
    }


@pytest.mark.parametrize("language", ["nl", "ar"])
@pytest.mark.parametrize("layout", EDITIONS)
def test_leaflet_editions_are_tagged(
    leaflets: dict[tuple[str, str], Path], layout: str, language: str
) -> None:
    pdf = leaflets[(layout, language)]
    roles = check_document(pdf, language)
    assert roles.count("H1") == 1 and "L" in roles
    assert all(f["embedded"] for f in fonts(pdf).values())
    if layout == "screen":
        assert roles.count("Link") == 3  # phone, email, website
        with pikepdf.open(pdf) as doc:
            assert doc.Root.PageMode == pikepdf.Name.UseOutlines
            titles = [str(item.title) for item in doc.open_outline().root]
            assert all(len(t) <= 60 or t.endswith("\u2026") for t in titles)


@pytest.mark.skipif(POPPLER is None, reason="needs poppler's pdfinfo")
@pytest.mark.parametrize("layout", EDITIONS)
def test_leaflet_headings_read_in_order(
    practice: Path, leaflets: dict[tuple[str, str], Path], layout: str
) -> None:
    """The title, then each block's heading in the leaflet's order (the tri-fold's panels
    drawn out of order, outside first); the contact details' heading on the page layouts."""
    leaflet = yaml.safe_load((practice / "leaflets/triggerpointtherapie.yaml").read_text("utf-8"))
    practice_name = yaml.safe_load((practice / "practice.yaml").read_text("utf-8"))["name"]
    expected = [("H1", leaflet["title"])]
    expected += [
        ("H2", " ".join(b["heading"].split())) for b in leaflet["blocks"] if "heading" in b
    ]
    if layout != "trifold":
        expected.append(("H2", practice_name))
    pdf = leaflets[(layout, "nl")]
    # poppler's dump gives the glyphs: lines run together, a hyphen where a word was broken
    assert [level for level, _ in outline(pdf)] == [level for level, _ in expected]
    assert said_headings(pdf) == expected  # each heading's /ActualText, as read aloud


@pytest.mark.parametrize("language", ["nl", "ar"])
@pytest.mark.parametrize("layout", EDITIONS)
def test_tagging_changes_no_pixel_of_a_leaflet(
    practice: Path, layout: str, language: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    tagged = build(practice, layout, language).read_bytes()
    monkeypatch.setenv("CAREPRINT_UNTAGGED", "1")
    untagged = build(practice, layout, language).read_bytes()
    monkeypatch.delenv("CAREPRINT_UNTAGGED")
    assert tagged != untagged
    assert pixels(tagged) == pixels(untagged)
    build(practice, layout, language)  # tagged again, for the other tests
