"""A PO file's syntax checked as gettext's ``msgfmt --check`` checks it, before Babel reads it.

Babel reads damaged files leniently (an unterminated string is taken as it is, and its mangled
text would be printed on a leaflet); careprint refuses them instead, naming the line: a keyword
it does not know, a string without its closing quote or with text after it, an escape C does not
have, a text line before any keyword, an entry without msgid or msgstr, the
same text twice, and plural forms that do not match the header's count.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from careprint.errors import InputError

KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(.*)$")
ESCAPES = set("\\\"ntrabfv'?01234567x")
PLURALS = re.compile(r"nplurals\s*=\s*(\d+)")
Fail = Callable[..., InputError]  # (line, what is wrong[, how to fix it]) -> the error


@dataclass
class _Entry:
    line: int
    fields: dict[str, int] = field(default_factory=dict)  # keyword -> its line
    forms: list[int] = field(default_factory=list)  # the n of each msgstr[n], in order
    texts: dict[str, str] = field(default_factory=dict)


def check(text: str, display: str) -> None:
    """Raise a located :class:`InputError` for the first thing ``msgfmt --check`` would reject."""
    lines = text.splitlines()
    entries: list[_Entry] = []
    current: _Entry | None = None
    last: str | None = None  # the keyword a continuation line continues

    def fail(number: int, what: str, fix: str = FIX) -> InputError:
        source = lines[number - 1] if 0 < number <= len(lines) else None
        return InputError(
            f"the translation file is damaged ({what}).",
            file=display,
            line=number,
            source=source,
            fix=fix,
        )

    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue  # msgfmt lets a text go on after a blank line or a comment
        match = KEYWORD.match(line)
        if match is None:
            if line.startswith('"') and last is not None:
                assert current is not None
                current.texts[last] += _string(line, number, fail)
                continue
            word = line.split()[0]
            if line.startswith('"'):
                raise fail(number, "a text line that belongs to no msgid or msgstr")
            raise fail(number, f"'{word}' is not a keyword of a PO file")
        keyword, index, rest = match.group(1), match.group(2), match.group(3)
        starts = (
            current is None
            or (keyword == "msgctxt" and ("msgid" in current.fields or "msgctxt" in current.fields))
            or (keyword == "msgid" and "msgid" in current.fields)
        )
        if starts:
            if current is not None:
                entries.append(current)
            current = _Entry(number)
        assert current is not None
        if keyword in current.fields:
            raise fail(number, f"a second {keyword} in one entry")
        current.fields[keyword] = number
        if index is not None:
            current.forms.append(int(index))
        current.texts[keyword] = _string(rest, number, fail)
        last = keyword
    if current is not None:
        entries.append(current)
    _check_entries(entries, fail)


FIX = (
    "Open it in a PO editor (e.g. Poedit), which shows and repairs the mistake; or compare the "
    "entry with the ones around it: msgctxt, msgid, msgstr, each text in double quotes."
)


def _string(rest: str, number: int, fail: Fail) -> str:
    """The text of a quoted string (``"..."``), or the reason it is not one."""
    if not rest.startswith('"'):
        raise fail(number, "a text that does not start with a double quote")
    text, escaped = [], False
    for position, ch in enumerate(rest[1:], start=1):
        if escaped:
            if ch not in ESCAPES:
                raise fail(number, f"'\\{ch}' is not an escape a PO file knows")
            text.append("\\" + ch)
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == '"':
            if rest[position + 1 :].strip():
                raise fail(number, "text after the closing double quote")
            return "".join(text)
        else:
            text.append(ch)
    raise fail(number, "a text without its closing double quote")


def _check_entries(entries: list[_Entry], fail: Fail) -> None:
    seen: dict[tuple[str, str], int] = {}
    plurals = None
    for entry in entries:
        if "msgid" not in entry.fields:
            raise fail(entry.line, "an entry without msgid")
        if not any(k.startswith("msgstr") for k in entry.fields):
            raise fail(entry.fields["msgid"], "an msgid without msgstr")
        if entry.texts["msgid"] == "" and "msgctxt" not in entry.fields:
            found = PLURALS.search(entry.texts.get("msgstr", ""))
            plurals = int(found.group(1)) if found else plurals
            continue
        key = (entry.texts.get("msgctxt", ""), entry.texts["msgid"])
        if key in seen:
            raise fail(
                entry.fields["msgid"],
                f"the same text appears twice; the first is on line {seen[key]}",
                "Keep one of the two entries and delete the other.",
            )
        seen[key] = entry.fields["msgid"]
        if "msgid_plural" in entry.fields:
            if entry.forms != list(range(len(entry.forms))) or not entry.forms:
                what = "plural forms msgstr[0], msgstr[1], ... out of order"
                raise fail(entry.fields["msgid"], what)
            if plurals is not None and len(entry.forms) != plurals:
                raise fail(
                    entry.fields["msgid"],
                    f"{len(entry.forms)} plural form{'s' if len(entry.forms) != 1 else ''} where "
                    f"the language has {plurals}",
                    f"Give msgstr[0] to msgstr[{plurals - 1}], one for each plural form.",
                )
        elif entry.forms:
            raise fail(entry.fields["msgid"], "msgstr[n] without msgid_plural")
