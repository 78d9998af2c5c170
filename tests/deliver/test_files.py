"""Atomic writes: the whole new file or the old one, private when asked, nothing left beside."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from careprint.deliver import files
from careprint.errors import CareprintError


def test_a_file_is_written_whole_and_private(tmp_path: Path) -> None:
    target = tmp_path / "out" / "handout.pdf"
    files.write_atomic(target, b"%PDF-1.4 first", private=True)
    files.write_atomic(target, b"%PDF-1.4 second", private=True)
    assert target.read_bytes() == b"%PDF-1.4 second"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in target.parent.iterdir()) == ["handout.pdf"]


@pytest.mark.skipif(not hasattr(os, "O_TMPFILE"), reason="Linux only")
def test_the_unnamed_file_gets_its_name_on_linux(tmp_path: Path) -> None:
    """The data goes to a file without a name, which is then linked: no named temporary file
    is ever visible (this failed once with 'Invalid cross-device link' and fell back)."""
    target = tmp_path / "leaflet.pdf"
    files._write_unnamed(target, b"%PDF-1.7", 0o644)
    assert target.read_bytes() == b"%PDF-1.7"
    assert [p.name for p in tmp_path.iterdir()] == ["leaflet.pdf"]


def test_a_folder_that_cannot_be_made_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("a file where the folder should be")
    with pytest.raises(CareprintError) as caught:
        files.write_atomic(tmp_path / "out" / "handouts" / "a.pdf", b"%PDF-1.4")
    assert str(caught.value) == (
        f"cannot write {tmp_path}/out/handouts/a.pdf: Not a directory.\n"
        "  Make sure the output folder is a folder you may write to and that the disk has room "
        "(or give another folder with --out)."
    )
