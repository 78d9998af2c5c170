"""Translation files for translators: create or update a language's PO files from the source
texts, and how far each language is."""

from __future__ import annotations

from dataclasses import dataclass

from careprint.app.leaflets import catalogue_sources
from careprint.content import i18n
from careprint.deliver.files import write_atomic
from careprint.errors import UsageError
from careprint.workspace import Workspace


@dataclass(frozen=True)
class Exported:
    """One PO file written (or found up to date): how many texts, and what changed."""

    file: str
    texts: int
    changes: i18n.Changes


def export(ws: Workspace, languages: list[str]) -> list[Exported]:
    """Create or update the PO files of ``languages``: new texts added, changed ones marked
    fuzzy (with the old text shown), texts no longer used kept at the end as obsolete."""
    sources = catalogue_sources(ws)
    practice = ws.practice.model
    done = []
    for language in languages:
        if not i18n.known_language(language) or language == practice.language:
            raise UsageError(
                f"'{language}' is not a language to translate into.",
                fix="Use a language code such as en, de, tr or ar "
                f"(the texts themselves are in {practice.language}).",
            )
        for domain, found in sources.items():
            path = ws.root / "translations" / language / f"{domain}.po"
            base = ws.path(f"translations/{language}/{domain}.po")  # or careprint's own
            old = i18n.read(base, ws.display(base), language) if base.is_file() else None
            fresh = i18n.template(found, language, practice.name, practice.email)
            changes = i18n.update(old, fresh)
            data = i18n.write(fresh, old)
            if base != path and changes.added == changes.fuzzy == 0:
                done.append(Exported(ws.display(base), len(found), changes))
                continue  # careprint's own translation has every text: nothing of the practice's
            if not path.is_file() or data != path.read_bytes():
                write_atomic(path, data)
            done.append(Exported(ws.display(path), len(found), changes))
    return done


def status(ws: Workspace, languages: list[str]) -> dict[str, dict[str, i18n.Status]]:
    """For each language, each catalogue's counts of translated, fuzzy and missing texts."""
    sources = catalogue_sources(ws)
    table: dict[str, dict[str, i18n.Status]] = {}
    for language in languages:
        table[language] = {}
        for domain, found in sources.items():
            path = ws.path(f"translations/{language}/{domain}.po")
            catalog = i18n.read(path, ws.display(path), language) if path.is_file() else None
            table[language][domain] = i18n.status(catalog, found)
    return table
