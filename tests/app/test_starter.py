"""careprint init: a practice folder that works at once, never overwriting a file."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Run

LANGUAGES = ("ar", "de", "en", "tr")


def test_a_new_practice_builds_its_example_leaflet_in_every_language(
    tmp_path: Path, run: Run
) -> None:
    folder = tmp_path / "mijn-praktijk"
    result = run("init", str(folder))
    assert result.code == 0, result.err
    made = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert made == [
        ".gitignore",
        "clients/voorbeeld.yaml",
        "leaflets/spanningshoofdpijn.yaml",
        "practice.yaml",
        *(f"translations/{language}/spanningshoofdpijn.po" for language in LANGUAGES),
    ]
    command = ("build", "spanningshoofdpijn", "--layout", "screen", "--lang", "complete")
    result = run("-C", str(folder), *command)
    assert result.code == 0, result.err
    built = sorted(p.name for p in (folder / "out" / "leaflets").glob("*.pdf"))
    assert built == [
        f"spanningshoofdpijn-{language}-screen.pdf" for language in sorted(("nl", *LANGUAGES))
    ]


def test_init_keeps_every_file_that_is_there(tmp_path: Path, run: Run) -> None:
    folder = tmp_path / "praktijk"
    (folder / "clients").mkdir(parents=True)
    (folder / "practice.yaml").write_text("name: Mijn eigen praktijk\n", encoding="utf-8")
    result = run("init", str(folder))
    assert result.code == 0
    assert "kept (it was there): practice.yaml" in result.out
    assert "made: clients/voorbeeld.yaml" in result.out
    assert (folder / "practice.yaml").read_text(encoding="utf-8") == "name: Mijn eigen praktijk\n"


def test_init_refuses_a_file(tmp_path: Path, run: Run) -> None:
    file = tmp_path / "praktijk.txt"
    file.write_text("", encoding="utf-8")
    result = run("init", str(file))
    assert result.code == 2
    assert result.err == (
        f"error: {file} is a file, not a folder.\n"
        "  Name a new folder, e.g. careprint init mijn-praktijk.\n"
    )
