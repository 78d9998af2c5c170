"""The readability report: every leaflet, library entry and client note, in every language
that has text, read against the practice's limits (content/readability.py does the counting).

Each finding names the file and line: the YAML line of the sentence for the source language, the
PO entry for a translation (a text still missing or fuzzy there is not read: it prints in Dutch,
and `careprint translate status` reports it). A client's notes are health data: findings on
them say where and how long, never quote them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from careprint.content import i18n
from careprint.content import readability as rd
from careprint.content.source import Document, Loc
from careprint.errors import CareprintError
from careprint.workspace import MISSING, Workspace


@dataclass(frozen=True)
class Finding:
    """One hard place in a text: where, in which language, what and what to do."""

    file: str
    line: int | None
    language: str
    owner: str  # the leaflet's name, the library entry's id or the client file
    rule: str
    message: str
    fix: str
    entry: str = ""  # a translation's msgctxt, to find the entry in a PO editor

    def __str__(self) -> str:
        where = f"{self.file}, line {self.line}" if self.line else self.file
        about = f"{self.language}, {self.entry}" if self.entry else self.language
        return f"{where} ({about}): {self.message}.\n  {self.fix}"


@dataclass
class Summary:
    """How one file (or one entry) reads in one language."""

    file: str
    language: str
    words: int = 0
    sentences: int = 0
    syllables: int = 0
    longest: int = 0
    longest_text: str = ""
    findings: int = 0

    @property
    def score(self) -> float | None:
        return rd.score(self.language, self.words, self.sentences, self.syllables)

    @property
    def score_name(self) -> str | None:
        return rd.SCORES.get(rd.base(self.language))

    def add(self, analysis: rd.Analysis, private: bool) -> None:
        self.words += analysis.words
        self.sentences += analysis.sentences
        self.syllables += analysis.syllables
        if analysis.longest > self.longest:
            self.longest = analysis.longest
            longest = max(analysis.texts, key=lambda s: len(rd.words(s)), default="")
            self.longest_text = "" if private else longest

    def __str__(self) -> str:
        score = self.score
        parts = [f"{self.score_name} {score:.0f}"] if score is not None and self.score_name else []
        parts.append(f"longest sentence {self.longest} words")
        parts.append(f"{self.findings} finding{'' if self.findings == 1 else 's'}")
        return f"{self.file} ({self.language}): " + ", ".join(parts)


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    files: dict[tuple[str, str], Summary] = field(default_factory=dict)  # (file, language)
    owners: dict[tuple[str, str], Summary] = field(default_factory=dict)  # (owner, language)
    ignored: int = 0  # blocks marked readability: ignore

    def counts(self) -> dict[str, int]:
        """Findings per language."""
        found: dict[str, int] = {}
        for finding in self.findings:
            found[finding.language] = found.get(finding.language, 0) + 1
        return found


@dataclass(frozen=True)
class _Unit:
    """One text to read: a heading, a paragraph text, a bullet, a note."""

    file: str
    language: str
    owner: str
    group: str  # the block (or library field) it belongs to: a score is given per group
    text: str
    line: int | None  # where the text starts (PO: the entry's line)
    doc: Document | None = None  # a YAML source: each sentence's own line is looked up
    private: bool = False
    entry: str = ""  # a translation's msgctxt


def report(ws: Workspace) -> Report:
    """The readability of everything a patient reads that the practice wrote."""
    result = Report()
    units: list[_Unit] = []
    for name in ws.leaflet_names():
        units += _leaflet_units(ws, name, result)
    units += _library_units(ws)
    units += _client_units(ws)
    seen: dict[tuple[str, str], set[str]] = {}  # jargon asked about, per file and language
    groups: dict[tuple[str, str, str], tuple[rd.Analysis, _Unit]] = {}
    for unit in units:
        rules = _limits(ws, unit.language)
        analysis = rd.analyse(unit.text, rules, seen.setdefault((unit.file, unit.language), set()))
        for summary in (
            result.files.setdefault((unit.file, unit.language), Summary(unit.file, unit.language)),
            result.owners.setdefault(
                (unit.owner, unit.language), Summary(unit.owner, unit.language)
            ),
        ):
            summary.add(analysis, unit.private)
        for problem in analysis.problems:
            line = _line_of(unit, analysis, problem.sentence)
            message = _private(problem) if unit.private else problem.message
            _add(
                result,
                Finding(
                    unit.file,
                    line,
                    unit.language,
                    unit.owner,
                    problem.rule,
                    message,
                    problem.fix,
                    unit.entry,
                ),
            )
        key = (unit.file, unit.language, unit.group)
        total, _first = groups.setdefault(key, (rd.Analysis(), unit))
        total.words += analysis.words
        total.sentences += analysis.sentences
        total.syllables += analysis.syllables
    for (file, language, _), (total, first) in groups.items():
        weak = rd.score_problem(total, _limits(ws, language))
        if weak is not None:
            _add(
                result,
                Finding(
                    file,
                    first.line,
                    language,
                    first.owner,
                    "score",
                    weak.message,
                    weak.fix,
                    first.entry,
                ),
            )
    result.findings.sort(key=lambda f: (f.file, f.line or 0))
    return result


def _add(result: Report, finding: Finding) -> None:
    result.findings.append(finding)
    for summary in (
        result.files.get((finding.file, finding.language)),
        result.owners.get((finding.owner, finding.language)),
    ):
        if summary is not None:
            summary.findings += 1


def _private(problem: rd.Problem) -> str:
    """A finding on a client's note without its words."""
    return problem.message.split(": '", 1)[0].split(" '", 1)[0] + " (in the notes)"


def _limits(ws: Workspace, language: str) -> rd.Limits:
    def make() -> rd.Limits:
        settings = ws.practice.model.readability
        own = settings.languages.get(language) or settings.languages.get(rd.base(language))
        jargon = _jargon_file(ws, rd.base(language))
        extra = settings.jargon.get(language, []) + settings.jargon.get(rd.base(language), [])
        jargon += tuple((word.lower(), "") for word in extra)
        return rd.limits(
            language,
            (own.sentence_words if own else None) or settings.sentence_words,
            (own.word_letters if own else None) or settings.word_letters,
            own.min_score if own else None,
            jargon,
        )

    return ws.once(("readability limits", language), make)


def _jargon_file(ws: Workspace, language: str) -> tuple[tuple[str, str], ...]:
    file = ws.read(ws.path(f"templates/readability/{language}.txt"))
    if file is MISSING:
        return ()
    return rd.parse_jargon(file.data.decode("utf-8", errors="replace"))


# -- the texts --------------------------------------------------------------------------------


def _leaflet_units(ws: Workspace, name: str, result: Report) -> list[_Unit]:
    try:
        loaded = ws.leaflet(name)
    except CareprintError:
        return []  # check reports the error itself
    leaflet, doc = loaded.model, loaded.doc
    ignored = {block.id for block in leaflet.blocks if block.readability == "ignore"}
    result.ignored += len(ignored)
    places: dict[str, Loc] = {f"{name}:title": ("title",), f"{name}:subtitle": ("subtitle",)}
    for index, block in enumerate(leaflet.blocks):
        for part in ("heading", "text"):
            places[f"{name}:{block.id}:{part}"] = ("blocks", index, part)
        for number in range(1, len(block.bullets) + 1):
            places[f"{name}:{block.id}:bullet:{number}"] = ("blocks", index, "bullets", number - 1)
    sources = [
        s
        for s in i18n.leaflet_sources(leaflet, lambda block: "")
        if s.context.split(":")[1] not in ignored
    ]
    return _units(ws, doc, leaflet.language, name, sources, places, domain=name)


def _library_units(ws: Workspace) -> list[_Unit]:
    units: list[_Unit] = []
    try:
        library = ws.library
    except CareprintError:
        return []
    language = ws.practice.model.language
    for entry_id, loaded in library.items():
        places: dict[str, Loc] = {}
        entry = loaded.model
        for name in i18n.LIBRARY_NOTES:
            value = getattr(entry, name)
            if isinstance(value, list):
                for number in range(1, len(value) + 1):
                    places[f"{entry_id}:{name}:{number}"] = (name, number - 1)
            else:
                places[f"{entry_id}:{name}"] = (name,)
        sources = i18n.library_sources([entry])
        units += _units(ws, loaded.doc, language, entry_id, sources, places, i18n.LIBRARY)
    return units


def _units(
    ws: Workspace,
    doc: Document,
    source_language: str,
    owner: str,
    sources: list[i18n.Source],
    places: dict[str, Loc],
    domain: str,
) -> list[_Unit]:
    """The texts in the source language (lines from the YAML) and in every translation that has
    them (lines from the PO file)."""
    units = []
    for source in sources:
        text = source.text if isinstance(source.text, str) else source.text[0]
        mark = doc.mark(places.get(source.context, ()))
        group = ":".join(source.context.split(":")[:2])
        units.append(
            _Unit(
                doc.display, source_language, owner, group, text, mark.line if mark else None, doc
            )
        )
    for language in ws.languages():
        if language == source_language:
            continue
        tr = ws.translator(language, domain)
        if tr.catalog is None:
            continue
        lines = {m.context: int(m.lineno) - 1 for m in tr.catalog if m.context and m.lineno}
        for source in sources:
            text = source.text if isinstance(source.text, str) else source.text[0]
            translated = tr.get(source.context, text)
            if source.context in tr.missing | tr.fuzzy or source.context in tr.broken:
                continue  # printed in the source language; translate status says so
            group = ":".join(source.context.split(":")[:2])
            line = lines.get(source.context)  # the msgctxt's line, as tr.line_of gives it
            units.append(
                _Unit(tr.display, language, owner, group, translated, line, entry=source.context)
            )
    return units


def _client_units(ws: Workspace) -> list[_Unit]:
    units = []
    for path in ws.yaml_files("clients").values():
        try:
            loaded = ws.client(path)
        except CareprintError:
            continue  # check reports it
        client, doc = loaded.model, loaded.doc
        display = doc.display
        if client.notes:
            mark = doc.mark(("notes",))
            units.append(
                _Unit(
                    display,
                    client.language,
                    display,
                    "notes",
                    client.notes,
                    mark.line if mark else None,
                    doc,
                    private=True,
                )
            )
        for index, choice in enumerate(client.points):
            if choice.note:
                mark = doc.mark(("points", index, "note"))
                units.append(
                    _Unit(
                        display,
                        client.language,
                        display,
                        f"note {index}",
                        choice.note,
                        mark.line if mark else None,
                        doc,
                        private=True,
                    )
                )
    return units


def _line_of(unit: _Unit, analysis: rd.Analysis, index: int) -> int | None:
    """The line a sentence starts on: in a YAML file the line holding its first words (a text
    may run over several lines); in a PO file the entry's."""
    if unit.doc is None or unit.line is None or index >= len(analysis.texts):
        return unit.line
    first = rd.words(analysis.texts[index])[:3]
    if not first:
        return unit.line
    pattern = r"\W+".join(re.escape(word) for word in first)
    lines = unit.doc.text.splitlines(keepends=True)
    offset = sum(len(line) for line in lines[: unit.line - 1])
    found = re.compile(pattern).search(unit.doc.text, offset)
    if found is None:
        return unit.line
    return unit.doc.text.count("\n", 0, found.start()) + 1


def summaries(report_: Report, files: Iterable[str] | None = None) -> list[Summary]:
    """The per-file summaries, in file order."""
    wanted = set(files) if files is not None else None
    return [s for (file, _), s in sorted(report_.files.items()) if wanted is None or file in wanted]


# -- for the app's pages ----------------------------------------------------------------------


@dataclass(frozen=True)
class Overview:
    """One leaflet's or entry's readability in each language that has text, with its
    findings."""

    owner: str
    summaries: list[Summary]
    findings: list[Finding]

    @property
    def count(self) -> int:
        return len(self.findings)


def overviews(ws: Workspace, owners: Iterable[str]) -> dict[str, Overview]:
    """The readability of each leaflet (by name) or library entry (by id), in the order of
    the practice's languages."""
    found = ws.once(("readability report",), lambda: report(ws))
    order = {language: index for index, language in enumerate(ws.languages())}
    result = {}
    for owner in owners:
        rows = [s for (name, _), s in found.owners.items() if name == owner]
        rows.sort(key=lambda s: order.get(s.language, len(order)))
        findings = [f for f in found.findings if f.owner == owner]
        result[owner] = Overview(owner, rows, findings)
    return result
