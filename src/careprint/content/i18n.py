"""Translations through gettext PO files (Babel): what is translatable, export, status, lookup.

The msgid is always the source text (Dutch); msgctxt says where it is used, e.g.
``triggerpointtherapie:symptoms:text`` or ``upper-trapezius:avoid:2``. Three catalogues per
language live in ``translations/<lang>/``: one per leaflet, ``self-massage.po`` for the library
and ``labels.po`` for the fixed texts of the layouts and the email.

A text that is missing, fuzzy (its source changed) or whose translation drops a placeholder
such as ``{name}`` is printed in the source language; the caller warns once per file, or fails
when asked to be strict.
"""

from __future__ import annotations

import contextlib
import datetime
import gettext
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from babel import Locale, UnknownLocaleError
from pydantic import BaseModel

from careprint.content import pocheck
from careprint.content.models import (
    Block,
    Labels,
    Leaflet,
    Plural,
    Practice,
    SelfMassage,
)
from careprint.errors import CareprintError, InputError

if TYPE_CHECKING:  # Babel's catalogues are imported where PO files are read or written
    from babel.messages.catalog import Catalog, Message

LIBRARY = "self-massage"
LABELS = "labels"
EMAIL = "email"
PLACEHOLDER = re.compile(r"\{(\w+)\}|%\((\w+)\)s")
SOFT_HYPHEN = "\u00ad"  # typed into a translation it would reach the PDF's title and search


@dataclass(frozen=True)
class Source:
    """One translatable text: where it is used, the source text, a note for the translator."""

    context: str
    text: str | tuple[str, str]  # a pair for plural forms (one, other)
    comment: str = ""


def normal(text: str) -> str:
    """A text as translators see it: paragraphs kept, line breaks inside them joined."""
    return "\n\n".join(" ".join(p.split()) for p in text.split("\n\n") if p.strip())


@cache
def direction(language: str) -> str:
    """'rtl' or 'ltr' for a language code, from the CLDR data Babel ships."""
    try:
        order = Locale.parse(language.replace("-", "_")).character_order
    except (UnknownLocaleError, ValueError):
        return "ltr"
    return "rtl" if order == "right-to-left" else "ltr"


DATE_LOCALES = {"en": "en_GB"}  # English readers here write the day first, as in Britain


def date_locale(language: str) -> str:
    """The locale a date is written in for ``language`` (24 November 2026, not November 24)."""
    return DATE_LOCALES.get(language, language.replace("-", "_"))


def known_language(language: str) -> bool:
    try:
        Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return False
    return True


def code_of_name(name: str) -> str | None:
    """The code of a language written by its name, in Dutch, English or the language itself
    ('Nederlands', 'Turks', 'English', 'Türkçe' -> nl, tr, en, tr), or None."""
    wanted = name.strip().lower()
    for code in ("nl", "en", "de", "tr", "ar", "fr", "es", "pl", "pt", "it", "uk", "fa"):
        names = {Locale.parse(code).get_display_name(other) for other in ("nl", "en", code)}
        if wanted in {str(n).lower() for n in names if n}:
            return code
    return None


def language_hint(given: str) -> str:
    """A hint for a language written by its name ('Nederlands'), else ''."""
    code = code_of_name(given)
    return f"Write the language's code, {code}, instead of its name. " if code else ""


# -- what is translatable ------------------------------------------------------------------


def leaflet_sources(leaflet: Leaflet, where: Callable[[Block], str]) -> list[Source]:
    """Every text of a leaflet; ``where`` describes a block's place and room for translators."""
    name = leaflet.leaflet
    found = [
        Source(f"{name}:title", normal(leaflet.title), "Title on the cover, in large type."),
    ]
    if leaflet.subtitle:
        found.append(Source(f"{name}:subtitle", normal(leaflet.subtitle), "Line under the title."))
    for block in leaflet.blocks:
        note = f"Block '{block.id}' ({block.kind}). {where(block)}"
        if block.heading:
            found.append(Source(f"{name}:{block.id}:heading", normal(block.heading), note))
        if block.text:
            found.append(Source(f"{name}:{block.id}:text", normal(block.text), note))
        for index, bullet in enumerate(block.bullets, start=1):
            found.append(Source(f"{name}:{block.id}:bullet:{index}", normal(bullet), note))
    return found


LIBRARY_NOTES = {
    "muscle": "Plain name of the muscle, as a patient would say it; heading of the point's page.",
    "complaints": "A complaint this point often plays a part in; one bullet.",
    "where": "How to find the spot; short sentences. Column about 95 mm wide.",
    "how": "How to massage it; short sentences. Column about 95 mm wide.",
    "avoid": "What not to do; one bullet in a half-width column (about 80 mm).",
    "stop_if": "Completes 'Stop and call us if ...'; one bullet, half-width column.",
    "urgent_if": "Completes 'Stop and call your GP or the huisartsenpost at once if ...'; "
    "one bullet, half-width column.",
}


def library_sources(entries: Iterable[SelfMassage]) -> list[Source]:
    found = []
    for entry in entries:
        for name in LIBRARY_NOTES:
            value = getattr(entry, name)
            note = f"Self-massage '{entry.id}' ({entry.latin}). {LIBRARY_NOTES[name]}"
            if isinstance(value, list):
                for index, item in enumerate(value, start=1):
                    found.append(Source(f"{entry.id}:{name}:{index}", normal(item), note))
            else:
                found.append(Source(f"{entry.id}:{name}", normal(value), note))
    return found


PRACTICE_TEXTS = {
    "tagline": "The practice's tagline, under its name on the cover and the handout's header.",
    "hours": "When the practice can be reached, on the contact panel and the handout.",
}


def label_sources(
    labels: Labels, email_template: tuple[str, str] | None, practice: Practice | None = None
) -> list[Source]:
    """The fixed texts of the layouts, the practice's own words, the email's sentences."""
    found: list[Source] = []
    for name, note in PRACTICE_TEXTS.items():
        value = getattr(practice, name, None) if practice is not None else None
        if value:
            found.append(Source(f"practice:{name}", normal(value), note))

    def walk(model: Any, prefix: str) -> None:
        for name, info in type(model).model_fields.items():
            value = getattr(model, name)
            key = f"{prefix}:{name}"
            note = info.description or ""
            if name == "language":
                continue
            if isinstance(value, Plural):
                found.append(Source(key, (value.one, value.other), note))
            elif isinstance(value, BaseModel):
                walk(value, key)
            elif isinstance(value, list):
                for index, item in enumerate(value, start=1):
                    found.append(Source(f"{key}:{index}", normal(item), note))
            else:
                found.append(Source(key, normal(value), note))

    walk(labels, "labels")
    if email_template is not None:
        found += email_sources(*email_template)
    return found


def email_sources(text: str, display: str) -> list[Source]:
    from jinja2.ext import babel_extract

    found = []
    options = {"trimmed": "true", "extensions": "jinja2.ext.i18n"}
    for lineno, _, message, _ in babel_extract(
        io.BytesIO(text.encode()), ("gettext", "ngettext", "_"), [], options
    ):
        if isinstance(message, str):
            found.append(Source(EMAIL, message, f"Email to the client ({display}, line {lineno})."))
    return found


# -- catalogues -----------------------------------------------------------------------------


def template(sources: list[Source], language: str, owner: str = "", address: str = "") -> Catalog:
    """A fresh catalogue of ``sources`` for ``language``, nothing translated yet."""
    from babel.messages.catalog import Catalog

    catalog = Catalog(
        locale=language.replace("-", "_"),
        project=owner or "careprint",
        version="1",
        copyright_holder=owner or None,
        msgid_bugs_address=address or None,
        header_comment=(
            f"# Translation of the patient texts of {owner or 'the practice'}.\n"
            "# Made by 'careprint translate export'; edit it with a PO editor such as Poedit.\n"
            "# The msgid is the Dutch text; msgctxt says where it is printed."
        ),
        fuzzy=False,
    )
    for source in sources:
        flags = ["python-brace-format"] if PLACEHOLDER.search(str(source.text)) else []
        string: str | tuple[str, ...] = (
            ("",) * catalog.num_plurals if isinstance(source.text, tuple) else ""
        )
        catalog.add(
            source.text,
            string,
            context=source.context,
            auto_comments=[source.comment] if source.comment else [],
            flags=flags,
        )
    return catalog


@dataclass
class Changes:
    added: int = 0
    fuzzy: int = 0
    obsolete: int = 0


def update(old: Catalog | None, fresh: Catalog) -> Changes:
    """Carry the translations of ``old`` into ``fresh``, in place.

    The same source text in the same place keeps its translation. A changed source text keeps
    the old translation marked fuzzy, with the old source as 'previous msgid' for the
    translator. Texts no longer used are kept as obsolete entries at the end of the file.
    """
    changes = Changes()
    if old is None:
        changes.added = len(fresh)
        return changes
    old_by_context = {m.context: m for m in old if m.id}
    used = set()
    for message in fresh:
        if not message.id:
            continue
        before = old.get(message.id, context=message.context)
        if before is not None:
            message.string = before.string
            if before.fuzzy:
                message.flags.add("fuzzy")
            message.previous_id = before.previous_id
            message.user_comments = before.user_comments
            used.add((_key(before.id), before.context))
            continue
        similar = old_by_context.get(message.context)
        if similar is not None and _filled(similar.string):
            message.string = _fit_plural(similar.string, message)
            message.flags.add("fuzzy")
            ids = similar.id if isinstance(similar.id, tuple | list) else [similar.id]
            message.previous_id = [str(i) for i in ids]
            used.add((_key(similar.id), similar.context))
            changes.fuzzy += 1
        else:
            changes.added += 1
    for message in old:
        unused = message.id and (_key(message.id), message.context) not in used
        if unused and _filled(message.string):
            key = (_key(message.id), message.context) if message.context else message.id
            fresh.obsolete[key] = message  # type: ignore[index]
            changes.obsolete += 1
    for key, message in old.obsolete.items():
        fresh.obsolete.setdefault(key, message)
    fresh.creation_date = old.creation_date
    return changes


def _key(msgid: Any) -> str:
    return str(msgid[0] if isinstance(msgid, tuple | list) else msgid)


def _filled(string: Any) -> bool:
    if isinstance(string, tuple | list):
        return any(string)
    return bool(string)


def _fit_plural(string: Any, message: Message) -> Any:
    if isinstance(message.id, tuple) and not isinstance(string, tuple | list):
        return (string,) + ("",) * (len(message.string or ()) - 1)
    if not isinstance(message.id, tuple) and isinstance(string, tuple | list):
        return string[0]
    return string


def read(path: Path, display: str, language: str) -> Catalog:
    """A PO file; a damaged one is an error with its line."""
    return parse(path.read_bytes(), display, language)


def parse(data: bytes, display: str, language: str) -> Catalog:
    """A PO file's bytes (see :func:`read`): checked as msgfmt --check would, then read."""
    from babel.messages.pofile import PoFileError, read_po

    with contextlib.suppress(UnicodeDecodeError):  # said below, by Babel's reading
        pocheck.check(data.decode("utf-8"), display)

    try:
        catalog = read_po(io.BytesIO(data), locale=language.replace("-", "_"), abort_invalid=True)
    except PoFileError as exc:
        match = re.search(r" on (\d+)$", str(exc))
        line = int(match.group(1)) + 1 if match else None  # Babel counts from 0
        lines = data.decode("utf-8", "replace").splitlines()
        source = lines[line - 1] if line and 0 < line <= len(lines) else None
        reason = re.sub(r" on \d+$", "", str(exc)).rstrip(".").lower()
        raise InputError(
            f"the translation file is damaged ({reason}).",
            file=display,
            line=line,
            source=source,
            fix="Open it in a PO editor (e.g. Poedit), which shows and repairs the mistake; "
            "or compare the entry with the ones around it: msgctxt, msgid, msgstr, in quotes.",
        ) from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(
            f"the translation file cannot be read ({exc}).",
            file=display,
            fix="Save it as UTF-8 from a PO editor (e.g. Poedit).",
        ) from None
    _previous_ids(catalog, data.decode("utf-8", "replace"))
    return catalog


def _previous_ids(catalog: Catalog, text: str) -> None:
    """Babel drops the '#| msgid' lines it writes; read them back, so they survive an update."""
    previous: dict[int, str] = {}
    pending: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("#| msgid "):
            pending = [line[len("#| msgid ") :]]
        elif line.startswith('#| "') and pending:
            pending.append(line[3:])
        elif line.startswith("msgid ") and pending:
            previous[number] = "".join(_unquote(part) for part in pending)
            pending = []
        elif not line.startswith(("#", "msgctxt")):
            pending = []
    for message in catalog:
        if message.lineno in previous:
            message.previous_id = [previous[message.lineno]]


def _unquote(quoted: str) -> str:
    inner = quoted.strip()[1:-1]
    return inner.replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")


def write(catalog: Catalog, old: Catalog | None = None) -> bytes:
    """The catalogue as PO text; dated now only if it differs from ``old``'s."""
    if old is not None:
        catalog.revision_date = old.revision_date
        unchanged = _po_bytes(catalog)
        if unchanged == _po_bytes(old):
            return unchanged
    catalog.revision_date = datetime.datetime.now(datetime.UTC)
    return _po_bytes(catalog)


def _po_bytes(catalog: Catalog) -> bytes:
    from babel.messages.pofile import write_po

    out = io.BytesIO()
    write_po(out, catalog, width=76, include_previous=True, sort_output=False)
    return out.getvalue()


# -- looking up -----------------------------------------------------------------------------


class TranslatedPlural(Plural):
    """A plural text in a language with its own plural rule (Arabic has six forms)."""

    forms: tuple[str, ...]
    rule: Callable[[int], int]

    def format(self, n: int) -> str:
        return self.forms[min(int(self.rule(n)), len(self.forms) - 1)].format(n=n)


@dataclass
class Status:
    translated: int = 0
    fuzzy: int = 0
    missing: int = 0


@dataclass
class Translator:
    """Translations of one PO file, counting every text that falls back to the source."""

    catalog: Catalog | None  # None: the file does not exist (everything falls back)
    display: str
    language: str
    text: str = ""  # the PO file's text, for showing a line in messages
    missing: set[str] = field(default_factory=set)  # contexts that fell back
    fuzzy: set[str] = field(default_factory=set)
    broken: dict[str, str] = field(default_factory=dict)  # context -> the lost placeholder

    def get(self, context: str, source: str) -> str:
        """The translation of ``source`` used at ``context``, or ``source`` itself."""
        source = normal(source)
        message = self.catalog.get(source, context=context) if self.catalog else None
        if message is None or not _filled(message.string):
            self.missing.add(context)
            return source
        string = message.string[0] if isinstance(message.string, tuple | list) else message.string
        if message.fuzzy:
            self.fuzzy.add(context)
            return source
        lost = _placeholders(source) - _placeholders(str(string))
        if lost:
            self.broken[context] = sorted(lost)[0]
            return source
        return str(string).replace(SOFT_HYPHEN, "")

    def plural(self, context: str, source: Plural) -> Plural:
        message = self.catalog.get(source.one, context=context) if self.catalog else None
        forms = list(message.string or ()) if message is not None else []
        wanted = self.catalog.num_plurals if self.catalog else 2
        if message is None or len(forms) < wanted or not all(forms):  # a form left out
            self.missing.add(context)
            return source
        if message.fuzzy:
            self.fuzzy.add(context)
            return source
        # the last form is for any number and keeps {n}; the others ("one", "two" in Arabic) may
        # say the number in words ("مرتان", twice) instead of a digit beside a dual
        if _placeholders(source.other) - _placeholders(forms[-1]):
            self.broken[context] = "n"
            return source
        assert self.catalog is not None
        rule = gettext.c2py(self.catalog.plural_expr)
        forms = [form.replace(SOFT_HYPHEN, "") for form in forms]
        return TranslatedPlural(one=source.one, other=source.other, forms=tuple(forms), rule=rule)

    def line_of(self, context: str) -> int | None:
        """The line of the entry's msgctxt (Babel knows the msgid's, the line after it)."""
        if self.catalog is None:
            return None
        for message in self.catalog:
            if message.context == context and message.lineno:
                return int(message.lineno) - 1
        return None

    def error(
        self, context: str, message: str, fix: str, cls: type[CareprintError]
    ) -> CareprintError:
        """An error located at the entry for ``context`` in this PO file."""
        line = self.line_of(context)
        lines = self.text.splitlines()
        source = lines[line - 1] if line and 0 < line <= len(lines) else None
        return cls(message, file=self.display, line=line, source=source, fix=fix)

    def problems(self) -> int:
        return len(self.missing) + len(self.fuzzy) + len(self.broken)


def _placeholders(text: str) -> set[str]:
    return {a or b for a, b in PLACEHOLDER.findall(text)}


def status(catalog: Catalog | None, sources: list[Source]) -> Status:
    """How many of ``sources`` the catalogue translates, has fuzzy, or lacks."""
    result = Status()
    for source in sources:
        msgid = source.text[0] if isinstance(source.text, tuple) else source.text
        message = catalog.get(msgid, context=source.context) if catalog else None
        if message is None or not _filled(message.string):
            result.missing += 1
        elif message.fuzzy:
            result.fuzzy += 1
        else:
            result.translated += 1
    return result


# -- applying to the models ------------------------------------------------------------------


def translate_leaflet(leaflet: Leaflet, tr: Translator) -> Leaflet:
    name = leaflet.leaflet
    blocks = []
    for block in leaflet.blocks:
        prefix = f"{name}:{block.id}"
        blocks.append(
            block.model_copy(
                update={
                    "heading": tr.get(f"{prefix}:heading", block.heading)
                    if block.heading
                    else None,
                    "text": tr.get(f"{prefix}:text", block.text) if block.text else None,
                    "bullets": [
                        tr.get(f"{prefix}:bullet:{i}", b)
                        for i, b in enumerate(block.bullets, start=1)
                    ],
                }
            )
        )
    return leaflet.model_copy(
        update={
            "language": tr.language,
            "title": tr.get(f"{name}:title", leaflet.title),
            "subtitle": tr.get(f"{name}:subtitle", leaflet.subtitle) if leaflet.subtitle else None,
            "blocks": blocks,
        }
    )


def translate_entry(entry: SelfMassage, tr: Translator) -> SelfMassage:
    update: dict[str, Any] = {}
    for name in ("muscle", "where", "how"):
        update[name] = tr.get(f"{entry.id}:{name}", getattr(entry, name))
    for name in ("complaints", "avoid", "stop_if", "urgent_if"):
        update[name] = [
            tr.get(f"{entry.id}:{name}:{i}", item)
            for i, item in enumerate(getattr(entry, name), start=1)
        ]
    return entry.model_copy(update=update)


def translate_practice(practice: Practice, tr: Translator) -> Practice:
    """The practice with its tagline and opening hours in the translator's language."""
    update = {
        name: tr.get(f"practice:{name}", getattr(practice, name))
        for name in PRACTICE_TEXTS
        if getattr(practice, name)
    }
    return practice.model_copy(update=update)


def translate_labels(labels: Labels, tr: Translator) -> Labels:
    def walk(model: Any, prefix: str) -> Any:
        update: dict[str, Any] = {}
        for name in type(model).model_fields:
            value = getattr(model, name)
            key = f"{prefix}:{name}"
            if name == "language":
                update[name] = tr.language
            elif isinstance(value, Plural):
                update[name] = tr.plural(key, value)
            elif isinstance(value, BaseModel):
                update[name] = walk(value, key)
            elif isinstance(value, list):
                update[name] = [tr.get(f"{key}:{i}", v) for i, v in enumerate(value, start=1)]
            else:
                update[name] = tr.get(key, value)
        return model.model_copy(update=update)

    return walk(labels, "labels")  # type: ignore[no-any-return]
