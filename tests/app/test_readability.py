"""The readability report of `careprint check`: located warnings in the source and in the
translations, --strict, blocks marked to be ignored, client notes never quoted, the practice's
own limits and jargon, and the app's use case; the shipped content passes in strict mode."""

from __future__ import annotations

from pathlib import Path

from careprint.app import readability
from careprint.workspace import Workspace
from tests.conftest import Run

LEAFLET = "leaflets/triggerpointtherapie.yaml"
LONG = (
    "zal niet snel vanzelf verdwijnen, ook niet als je rust neemt en je spieren een paar weken "
    "helemaal niet gebruikt."
)
LONG_WARNING = (
    "leaflets/triggerpointtherapie.yaml, line 53 (nl): a sentence of 22 words (at most 15): "
    "'Een triggerpoint zal niet snel vanzelf verdwijnen, ook niet…'.\n"
    "  Split it into shorter sentences: one thing a sentence."
)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")


def make_long(workspace: Path) -> None:
    edit(workspace / LEAFLET, "zal niet snel vanzelf verdwijnen.", LONG)


def test_the_shipped_content_passes_in_strict_mode(workspace: Path, run: Run) -> None:
    result = run("-C", str(workspace), "check", "--strict")
    assert result.code == 0, result.err
    assert result.err == ""
    summaries = [line for line in result.out.splitlines() if line.startswith("readability:")]
    # 2 leaflets, 23 library entries, 4 clients; 4 languages x (2 leaflets + the library)
    assert len(summaries) == 2 + 23 + 4 + 4 * 3
    assert all(line.endswith(", 0 findings") for line in summaries)
    assert (
        "readability: translations/ar/self-massage.po (ar): longest sentence 15 words, "
        "0 findings" in summaries
    )


def test_a_long_sentence_is_a_warning_on_its_own_line(workspace: Path, run: Run) -> None:
    make_long(workspace)
    result = run("-C", str(workspace), "check")
    assert result.code == 0
    assert f"warning: {LONG_WARNING}\n" in result.err
    assert (  # the block as a whole, located at its first line (the heading)
        "warning: leaflets/triggerpointtherapie.yaml, line 51 (nl): hard to read: Flesch-Douma "
        "score 49 (at least 60) for this block of 33 words.\n"
        "  Use shorter sentences and shorter, everyday words.\n" in result.err
    )
    assert (
        "readability: leaflets/triggerpointtherapie.yaml (nl): Flesch-Douma 80, longest "
        "sentence 22 words, 2 findings\n" in result.out
    )


def test_strict_makes_a_warning_an_error(workspace: Path, run: Run) -> None:
    make_long(workspace)
    result = run("-C", str(workspace), "check", "--strict")
    assert result.code == 2
    assert f"error: {LONG_WARNING}\n" in result.err
    assert "warning: leaflets" not in result.err


def test_a_block_may_be_ignored_with_a_reason(workspace: Path, run: Run) -> None:
    make_long(workspace)
    edit(
        workspace / LEAFLET,
        "    panel: 4\n",
        "    panel: 4\n    readability: ignore\n    reason: the practice's own words\n",
    )
    result = run("-C", str(workspace), "check", "--strict")
    assert "triggerpointtherapie.yaml, line" not in result.err
    assert "leaflets/triggerpointtherapie.yaml (nl): Flesch-Douma" in result.out


def test_a_translation_names_its_po_file_line_and_entry(workspace: Path, run: Run) -> None:
    edit(
        workspace / "translations/en/triggerpointtherapie.po",
        '"massages them away. A trigger point will not easily go away on its own."',
        '"massages them away. A TRIGGER POINT WILL NOT GO AWAY ON ITS OWN."',
    )
    result = run("-C", str(workspace), "check")
    assert result.code == 0
    assert result.err == (
        "warning: translations/en/triggerpointtherapie.po, line 149 "
        "(en, triggerpointtherapie:treatment:text): a whole sentence in capitals: "
        "'A TRIGGER POINT WILL NOT GO AWAY ON ITS OWN.'.\n"
        "  Write it in ordinary letters; make it bold to stress it.\n"
    )


def test_a_client_note_is_read_but_never_quoted(workspace: Path, run: Run) -> None:
    edit(
        workspace / "clients/dossier-0147.yaml",
        "note: Doe dit liever 's avonds, na een warme douche.",
        "note: Doe dit liever 's avonds na een warme douche of een warm bad, als je spieren al "
        "wat losser en soepeler zijn.",
    )
    result = run("-C", str(workspace), "check")
    assert result.err == (
        "warning: clients/dossier-0147.yaml, line 16 (nl): a sentence of 22 words "
        "(at most 15) (in the notes).\n"
        "  Split it into shorter sentences: one thing a sentence.\n"
    )
    assert "douche" not in result.out + result.err


def test_the_practice_sets_its_own_limits_and_jargon(workspace: Path, run: Run) -> None:
    with (workspace / "practice.yaml").open("a", encoding="utf-8") as practice:
        practice.write("readability:\n  languages:\n    nl: {sentence_words: 40}\n")
        practice.write("  jargon:\n    nl: [weggemasseerd]\n")
    result = run("-C", str(workspace), "check")
    assert result.err == (
        "warning: leaflets/triggerpointtherapie.yaml, line 53 (nl): 'weggemasseerd' is a word "
        "many patients do not know.\n"
        "  Explain it in everyday words, e.g. in brackets after it (once a file is enough).\n"
    )


def test_the_apps_overview_per_leaflet_and_language(workspace: Path) -> None:
    make_long(workspace)
    ws = Workspace(workspace)
    found = readability.overviews(ws, ["triggerpointtherapie", "upper-trapezius"])
    leaflet = found["triggerpointtherapie"]
    assert [s.language for s in leaflet.summaries] == ["nl", "ar", "de", "en", "tr"]
    assert leaflet.count == 2 and leaflet.summaries[0].longest == 22
    assert leaflet.summaries[1].score is None  # Arabic: lengths only
    entry = found["upper-trapezius"]
    assert entry.count == 0
    assert [s.score_name for s in entry.summaries] == [
        "Flesch-Douma",
        None,
        "Amstad",
        "Flesch reading ease",
        "Atesman",
    ]
