"""careprint's own defaults, shipped in the package: layouts, labels and their translations,
body outlines, email texts, fonts, the self-massage library and its translations.

In the repository they are the example practice's folders (templates/, fonts/, self-massage/,
translations/), mapped into this package when it is built (pyproject.toml). A practice's folder
holds practice.yaml and only what it adds or overrides: a file there replaces the default of
the same name.
"""

from __future__ import annotations

from pathlib import Path

# a folder of a practice -> where its defaults are in the installed package
INSTALLED = {
    "templates": "templates",
    "fonts": "fonts",
    "self-massage": "library",
    "translations": "translations",
    "leaflets": "leaflets",  # only the example leaflet that `careprint init` copies
}
HERE = Path(__file__).resolve().parent


def folder(part: str) -> Path | None:
    """The folder holding the defaults of a practice folder's ``part`` (e.g. "templates"):
    in the installed package, or in the source tree when careprint runs from a checkout."""
    installed = HERE / INSTALLED[part]
    if installed.is_dir():
        return installed
    source = HERE.parents[2] / part  # src/careprint/defaults -> the repository's root
    return source if source.is_dir() else None
