"""The fast path (parts kept, seeded and copied) against plain ReportLab, on generated clients;
a warm process against a fresh one; two practices in one process; edits while it runs.

"Fresh" is a new Python process (``python -m careprint``), so that nothing ReportLab keeps per
process (its font registry, the joined Arabic letter forms) can hide a difference.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, note, settings
from hypothesis import strategies as st
from reportlab.pdfbase.ttfonts import TTFont

from careprint.app import handouts
from careprint.content.i18n import direction
from careprint.errors import CareprintError
from careprint.render import compat
from careprint.render.cache import Cache
from careprint.render.replay import Kept, fast_by_default
from careprint.workspace import Workspace
from tests.conftest import ROOT, copy_workspace
from tests.pdf.test_tagged import structure

EXAMPLES = int(os.environ.get("CAREPRINT_FUZZ_EXAMPLES", "12"))
LANGUAGES = ["nl", "en", "de", "tr", "ar"]
IDS = sorted(p.stem for p in (ROOT / "self-massage").glob("*.yaml"))


def _covered(font: str, letters: str) -> str:
    chars = TTFont("probe", str(ROOT / "fonts" / font)).face.charToGlyph
    return "".join(ch for ch in letters if ord(ch) in chars)


LATIN = _covered(
    "FiraSans-Regular.ttf",
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZàáâäçèéêëïñóôöüßøåæœ"  # Latin
    "çğıİöşüÇĞÖŞÜ"  # Turkish
    "αβγδεζηθικλμνξοπρστυφχψωΑΒΓΔΩ"  # Greek
    "абвгдежзийклмнопрстуфхцчшщыэюяАБВГДЖ"  # Cyrillic
    "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ",  # Vietnamese
)
ARABIC = _covered(
    "IBMPlexSansArabic-Regular.ttf",
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئةى"  # Arabic
    "پچژگکی"  # Persian
    "ێۆڕڵڤە",  # Kurdish
)


def words(letters: str) -> st.SearchStrategy[str]:
    word = st.text(st.sampled_from(letters), min_size=1, max_size=12)
    long_word = st.text(st.sampled_from(letters), min_size=25, max_size=60)
    return st.lists(
        word | long_word | st.sampled_from(["112", "10.", "(ja)", "2-3"]), min_size=1, max_size=40
    ).map(" ".join)


@st.composite
def clients(draw: st.DrawFn) -> dict[str, object]:
    language = draw(st.sampled_from(LANGUAGES))
    letters = ARABIC if direction(language) == "rtl" else LATIN
    ids = draw(st.lists(st.sampled_from(IDS), min_size=1, max_size=5, unique=True))
    points: list[object] = []
    for point in ids:
        choice: dict[str, object] = {
            "id": point,
            "side": draw(st.sampled_from(["both", "left", "right"])),
        }
        for field, values in (
            ("hold", [10, 15, 20]),
            ("repeats", [1, 2]),
            ("per_day", [1]),
            ("rest_days", [0, 1, 3]),
        ):
            if draw(st.booleans()):
                choice[field] = draw(st.sampled_from(values))
        if draw(st.integers(0, 3)) == 0:
            choice["note"] = draw(words(letters))
        points.append(choice)
    client: dict[str, object] = {
        "name": draw(words(letters).map(lambda text: text[:60])),
        "language": language,
        "date": "2026-11-24",
        "therapist": "Joris van Dam",
        "points": points,
    }
    if draw(st.booleans()):
        client["fillable"] = True  # its form fields where the boxes are drawn, on both paths
    if draw(st.booleans()):
        paragraphs = draw(st.lists(words(letters), min_size=1, max_size=4))
        client["notes"] = "\n\n".join(paragraphs)
    return client


POPPLER = shutil.which("pdftotext")


def form_fields(pdf: bytes) -> list[tuple[int, str, list[float]]]:
    """Each form field's page, name and box (none in a handout that is not fillable)."""
    import io

    from pypdf import PdfReader

    found = []
    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, start=1):
        for annot in page.get("/Annots", []):
            widget = annot.get_object()
            if widget.get("/Subtype") == "/Widget":
                found.append(
                    (number, str(widget["/T"]), [round(float(v), 2) for v in widget["/Rect"]])
                )
    return found


def text_and_pixels(pdf: bytes) -> list[tuple[str, bytes]]:
    """Each page's text and its pixels at 50 dpi.

    The text is poppler's (pdftotext), which reads right-to-left lines from their /ActualText.
    pdfium orders, splits and even drops the letters of such lines by guesses that depend on
    how the glyphs are numbered in the font; without poppler, a page with right-to-left text
    is compared by its pixels only."""
    doc = pdfium.PdfDocument(pdf)
    try:
        pixels = [page.render(scale=50 / 72).to_pil().tobytes() for page in doc]
        texts = [page.get_textpage().get_text_range() for page in doc]
    finally:
        doc.close()
    if POPPLER:
        done = subprocess.run(
            [POPPLER, "-layout", "-", "-"], input=pdf, capture_output=True, check=True
        )
        texts = done.stdout.decode("utf-8").split("\f")[: len(pixels)]
    else:
        texts = ["" if _rtl(text) else text for text in texts]
    return list(zip(texts, pixels, strict=True))


def _rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def fresh(ws: Path, client: str) -> bytes | str:
    """The handout of ``client`` (a file in clients/) made by a new process, or its error."""
    out = ws / "fresh"
    shutil.rmtree(out, ignore_errors=True)
    env = {k: v for k, v in os.environ.items() if k != "CAREPRINT_PLAIN"}
    command = ["-C", str(ws), "handout", f"clients/{client}", "--out", str(out)]
    done = subprocess.run(
        [sys.executable, "-m", "careprint", *command],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if done.returncode == 2:
        return done.stderr.removeprefix("error: ").rstrip("\n")
    assert done.returncode == 0, done.stderr
    (pdf,) = out.glob("*.pdf")
    return pdf.read_bytes()


def made(ws: Workspace, client: str) -> bytes:
    return handouts.handout(ws, ws.root / "clients" / client, ws.root / "out").data


def outcome(ws: Workspace, client: str) -> bytes | str:
    """The handout, or the message of the mistake that stops it."""
    try:
        return made(ws, client)
    except CareprintError as exc:
        return str(exc)


@pytest.fixture(scope="module")
def practice(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_workspace(tmp_path_factory.mktemp("fast") / "practice")


@pytest.fixture(scope="module")
def warm(practice: Path) -> Workspace:
    """One workspace for the whole module: warm with everything made before."""
    ws = Workspace(practice, fast=True)
    for path in sorted((practice / "clients").glob("*.yaml")):
        made(ws, path.name)
    return ws


def test_the_fast_path_is_on_and_copies_parts(warm: Workspace) -> None:
    assert compat.works() and fast_by_default()
    kept = [value for value in warm.cache._values.values() if isinstance(value, Kept)]
    assert kept and sum(part.replay.copied for part in kept) > len(kept) / 2


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # each try starts a process: no shrinking
)
@given(client=clients())
def test_fast_equals_plain_and_a_warm_process_equals_a_fresh_one(
    practice: Path, warm: Workspace, client: dict[str, object]
) -> None:
    path = practice / "clients" / "generated.yaml"
    path.write_text(yaml.safe_dump(client, allow_unicode=True), encoding="utf-8")
    note(path.read_text(encoding="utf-8"))
    fast = outcome(warm.fresh(), path.name)
    plain = outcome(Workspace(practice, fast=False), path.name)
    if isinstance(fast, str) or isinstance(plain, str):  # a point's note too long, say
        assert fast == plain
    else:
        assert text_and_pixels(fast) == text_and_pixels(plain)
        assert form_fields(fast) == form_fields(plain)
        assert structure(fast) == structure(plain)  # the tags, each with its MCIDs
    assert fresh(practice, path.name) == fast


def test_two_practices_with_the_same_file_names_in_one_process(tmp_path: Path) -> None:
    """Different typefaces, logos and colours under the same file names: each practice's
    handout is what a fresh process makes of it, whichever was made first."""
    first = copy_workspace(tmp_path / "first")
    second = copy_workspace(tmp_path / "second")
    fonts = vera()
    shutil.copyfile(fonts / "Vera.ttf", second / "fonts" / "FiraSans-Regular.ttf")
    shutil.copyfile(fonts / "VeraBd.ttf", second / "fonts" / "FiraSans-Bold.ttf")
    practice = second / "practice.yaml"
    text = practice.read_text().replace("#1F6F78", "#6A2C70")
    text = text.replace("tagline: Triggerpointtherapie en zelfmassage", "tagline: Zelfmassage")
    practice.write_text(text, encoding="utf-8")  # (Vera is wider: the tagline made shorter)
    logo = second / "templates" / "brand" / "logo.svg"
    logo.write_text(logo.read_text().replace('fill="#1F6F78"', 'fill="#6A2C70"'), "utf-8")
    cache = Cache()  # even one cache for both: its keys are the content, never a name
    for client in ("dossier-0147.yaml", "dossier-0302.yaml"):
        one = outcome(Workspace(first, cache), client)
        two = outcome(Workspace(second, cache), client)
        assert isinstance(one, bytes) and one != two
        assert one == fresh(first, client)
        assert two == fresh(second, client)  # Vera is wider: 0147's note does not fit there
        assert outcome(Workspace(first, cache), client) == one
    assert isinstance(outcome(Workspace(second, cache), "dossier-0302.yaml"), bytes)


def vera() -> Path:
    """The folder of the fonts that come with ReportLab (Bitstream Vera): another typeface."""
    import reportlab

    return Path(reportlab.__file__).parent / "fonts"


EDITS = {
    "colour": ("practice.yaml", "#1F6F78", "#2B5D8A"),
    "logo": ("templates/brand/logo.svg", 'fill="#1F6F78"', 'fill="#8A2B5D"'),
    "label": ("templates/labels.yaml", "Hier druk je", "Druk hier"),
    "library entry": ("self-massage/upper-trapezius.yaml", "tool: pinch", "tool: hand"),
    "translation": ("translations/ar/labels.po", 'msgstr "صفحة {page}', 'msgstr "ص {page}'),
}


def test_every_edit_shows_in_a_process_that_keeps_running(tmp_path: Path) -> None:
    """One workspace kept for the whole test (as the web app keeps it): after each edit of a
    file, the next handout equals a fresh process's."""
    ws_path = copy_workspace(tmp_path / "practice")
    running = Workspace(ws_path)
    for client in ("dossier-0147.yaml", "dossier-0388.yaml"):
        made(running, client)
    for name, (file, old, new) in EDITS.items():
        path = ws_path / file
        text = path.read_text(encoding="utf-8")
        assert old in text, name
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        running = running.fresh()
        for client in ("dossier-0147.yaml", "dossier-0388.yaml"):
            assert made(running, client) == fresh(ws_path, client), f"{name}: {client}"
    # and a font: another typeface under the same file name (wider: a note no longer fits)
    shutil.copyfile(vera() / "VeraBd.ttf", ws_path / "fonts" / "FiraSans-Bold.ttf")
    running = running.fresh()
    for client in ("dossier-0147.yaml", "dossier-0302.yaml"):
        assert outcome(running, client) == fresh(ws_path, client), f"font: {client}"


def test_a_letter_outside_the_alphabet_is_drawn_not_copied(practice: Path) -> None:
    """A note with a letter no library text has (ő) cannot be copied between documents: it is
    drawn in each handout, and prints right; the parts around it are still copied."""
    client = practice / "clients" / "letter.yaml"
    text = (practice / "clients" / "dossier-0147.yaml").read_text(encoding="utf-8")
    client.write_text(text.replace("na een warme douche", "na een warme douche (Ősz)"), "utf-8")
    ws = Workspace(practice, Cache(), fast=True)
    first, second = made(ws, client.name), made(ws, client.name)
    assert first == second
    kept = [value for value in ws.cache._values.values() if isinstance(value, Kept)]
    notes = [part for part in kept if "Ősz" in repr(getattr(part.part, "parts", ""))]
    assert notes and not any(part.replay.copied for part in notes)
    assert sum(part.replay.copied for part in kept) > len(kept) / 2
    pages = [" ".join(text.split()) for text, _ in text_and_pixels(second)]
    assert any("na een warme douche (Ősz)" in text for text in pages)


def test_when_reportlab_is_not_as_expected_the_plain_path_is_taken(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import reportlab

    monkeypatch.setattr(compat, "_works", None)
    monkeypatch.setattr(reportlab, "Version", "9.0.0")
    assert not compat.works()
    assert not fast_by_default()
    assert not Workspace(ROOT).fast
    monkeypatch.setattr(compat, "_works", None)
    monkeypatch.undo()
    assert compat.works()


def test_plain_by_request(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREPRINT_PLAIN", "1")
    assert not Workspace(ROOT).fast


def test_an_arabic_name_in_a_dutch_handout_is_printed_alike_every_way(
    practice: Path, warm: Workspace
) -> None:
    """Right-to-left words in a left-to-right handout come from the Arabic pair, numbered in
    each document anew: fast equals plain, and a warm process a fresh one."""
    client = {
        "name": "سلمى حداد",
        "language": "nl",
        "date": "2026-11-24",
        "therapist": "Joris van Dam",
        "points": [{"id": "upper-trapezius", "note": "Zachtjes, zegt ليلى."}],
        "notes": "Haar dochter (ليلى حداد) helpt.",
    }
    path = practice / "clients" / "arabic-name.yaml"
    path.write_text(yaml.safe_dump(client, allow_unicode=True), encoding="utf-8")
    fast = made(warm.fresh(), path.name)
    plain = made(Workspace(practice, fast=False), path.name)
    assert text_and_pixels(fast) == text_and_pixels(plain)
    assert fresh(practice, path.name) == fast
    text = unicodedata.normalize("NFKC", text_and_pixels(fast)[0][0])
    assert "Zelfmassage voor سلمى حداد" in text.replace("\u202b", "").replace("\u202c", "")
