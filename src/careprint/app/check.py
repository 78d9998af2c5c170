"""``careprint check``: every file checked, every leaflet fitted in every layout and language,
every library point fitted on a page, every client's handout laid out; nothing written."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from careprint.app import common, handouts, leaflets, readability
from careprint.errors import CareprintError
from careprint.workspace import Workspace


@dataclass(frozen=True)
class Finding:
    """One line of the report: something that is fine, or an error to fix; ``kind`` is
    "readability" for a file's readability summary and "warning" for a hard text (an error
    under ``strict``)."""

    ok: bool
    text: str
    kind: str = ""


def check(ws: Workspace, strict: bool = False) -> Iterator[Finding]:
    """The report, line by line, in the order the files are checked; the readability of every
    text last (``strict``: a hard text is an error, not a warning)."""
    yield from _files(ws)
    try:
        found = readability.report(ws)
    except CareprintError as exc:
        yield Finding(False, str(exc))
        return
    for summary in readability.summaries(found):
        yield Finding(True, str(summary), "readability")
    for finding in found.findings:
        yield Finding(not strict, str(finding), "" if strict else "warning")


def _files(ws: Workspace) -> Iterator[Finding]:
    try:
        profile = common.print_profile(ws)
    except CareprintError as exc:
        yield Finding(False, str(exc))
    else:
        standard = (
            f"PDF/X-4 with '{profile.description}'"
            if profile
            else "PDF/X-1a:2003 for Coated FOGRA39"
        )
        yield Finding(True, f"print-shop editions: {standard}")
    yield from _leaflets(ws)
    try:
        yield Finding(True, f"the library holds {len(ws.library)} self-massage instructions")
        for language in ws.languages():
            count = handouts.library_fit(ws, language)
            yield Finding(True, f"each of the {count} points fits its page in {language}")
    except CareprintError as exc:
        yield Finding(False, str(exc))
        return
    out = ws.root / "out" / "handouts"
    for path in ws.yaml_files("clients").values():
        try:  # laid out and drawn as `careprint handout` would, and thrown away
            made = handouts.handout(ws, path, out)
        except CareprintError as exc:
            yield Finding(False, str(exc))
            continue
        yield Finding(True, f"{ws.display(path)} ({len(made.content.points)} points)")


def _leaflets(ws: Workspace) -> Iterator[Finding]:
    names = ws.leaflet_names()
    for name in names:
        try:
            layouts = list(ws.leaflet(name).model.layouts)
        except CareprintError as exc:
            yield Finding(False, str(exc))
            continue
        source = ws.leaflet(name).model.language
        # the languages the leaflet is translated into (a file of its own), and its own
        languages = [
            language
            for language in ws.languages()
            if language == source or ws.translator(language, name).catalog is not None
        ]
        for layout in layouts:
            for language in languages:
                try:
                    fit = leaflets.fit(ws, name, layout, language)
                except CareprintError as exc:
                    yield Finding(False, str(exc))
                    if language == source:
                        break  # the source text is wrong: its translations cannot tell more
                    continue
                if fit.pages:
                    yield Finding(True, f"{name} ({layout}, {language}): {fit.pages} pages")
                    continue
                room = ", ".join(f"panel {p}: {mm:.0f} mm" for p, mm in sorted(fit.free_mm.items()))
                yield Finding(
                    True, f"{name} ({layout}, {language}) fits; room left at the foot of {room}"
                )
