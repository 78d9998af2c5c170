"""Hyphenation patterns: parsed once, kept in the user's cache folder, one file a dictionary."""

from __future__ import annotations

from pathlib import Path

import pyphen
import pytest

from careprint.layout import styles


def test_parsed_patterns_are_kept_once_per_dictionary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    dictionary = Path(pyphen.LANGUAGES["nl_NL"])
    folder = tmp_path / "careprint"
    folder.mkdir()
    stale = folder / f"hyph-{dictionary.stem}-1-1.pickle"  # an earlier version's patterns
    stale.write_bytes(b"not patterns")

    made = styles._patterns(dictionary)
    kept = list(folder.glob("*.pickle"))
    assert len(kept) == 1 and kept[0] != stale
    again = styles._patterns(dictionary)  # read back from the cache
    word = "spanningshoofdpijn"
    assert again.inserted(word) == made.inserted(word) == "span-nings-hoofd-pijn"
