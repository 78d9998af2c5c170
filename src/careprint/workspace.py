"""Find a workspace (the folder holding practice.yaml) and load what it holds, checked.

A :class:`Workspace` reads each file once, when first asked for it: it is a consistent view of
the folder. What is made from the files (parsed and checked models, translations, fonts,
laid-out parts of handouts) is kept in its :class:`~careprint.render.cache.Cache`, keyed by the
files' content; :meth:`Workspace.fresh` gives a new view of the folder with the same cache, so
a process that runs for days (the web app) sees every edit and makes only what changed.
"""

from __future__ import annotations

import difflib
import hashlib
import logging
import re
import shutil
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from careprint import defaults
from careprint.content import contrast, i18n, source
from careprint.content.colour import apart, rough_cmyk
from careprint.content.models import (
    Client,
    Labels,
    LayoutSpec,
    Leaflet,
    PagesSpec,
    Practice,
    SelfMassage,
)
from careprint.content.source import Document, Loc
from careprint.content.validate import parse
from careprint.errors import CareprintError, UsageError
from careprint.render.cache import Cache

M = TypeVar("M", bound=BaseModel)
log = logging.getLogger("careprint")
YAML = ("*.yaml", "*.yml")  # both names users give YAML files
T = TypeVar("T")

# what a practice's folder holds (out/ is made from these)
PARTS = (
    "practice.yaml",
    "leaflets",
    "templates",
    "fonts",
    "self-massage",
    "clients",
    "translations",
    "sets",
)


@dataclass(frozen=True)
class File:
    """A file's bytes as read, and their digest (what keys everything made from them)."""

    data: bytes
    digest: str


MISSING = File(b"", "-")
BIG = 64 * 1024  # files larger than this (fonts) are read again only when their size or time change


@dataclass(frozen=True)
class Loaded(Generic[M]):
    """A validated model together with the document it came from (for located errors)."""

    model: M
    doc: Document


class Workspace:
    """A practice's folder: practice.yaml, leaflets/, templates/, fonts/ and out/."""

    def __init__(self, root: Path, cache: Cache | None = None, fast: bool | None = None) -> None:
        from careprint.render.replay import fast_by_default

        self.root = root.resolve()
        self.cache = cache if cache is not None else Cache()
        # the fast path (render/replay.py), or every document drawn the plain way
        self.fast = fast_by_default() if fast is None else fast
        self._files: dict[Path, File] = {}
        self._translators: dict[tuple[str, str], i18n.Translator] = {}
        self.warned: set[str] = set()  # translation files already warned about
        self._derived: dict[Hashable, Any] = {}
        self._resolved: dict[Path, Path] = {}  # each path resolved once per view

    def fresh(self) -> Workspace:
        """A new view of the folder as it is now, sharing this one's cache (and the paths
        resolved so far: a running app's files stay where they are)."""
        view = Workspace(self.root, self.cache, self.fast)
        view._resolved = self._resolved
        return view

    def with_file(self, path: Path, data: bytes) -> Workspace:
        """A new view of the folder in which ``path`` holds ``data`` (nothing is written): the
        app previews a form's client file before it is saved."""
        view = self.fresh()
        view._files[path.resolve()] = File(data, hashlib.sha256(data).hexdigest())
        return view

    def read(self, path: Path) -> File:
        """The file's bytes and digest, read once for this view (MISSING when absent)."""
        path = self._resolve(path)
        found = self._files.get(path)
        if found is None:
            found = self._files[path] = self._read(path)
        return found

    def _read(self, path: Path) -> File:
        try:
            stat = path.stat()
        except OSError:
            return MISSING
        if stat.st_size > BIG:
            key = ("file", str(path), stat.st_size, stat.st_mtime_ns, stat.st_ino)
            return self.cache.get(key, lambda: _file(path))
        return _file(path)

    def digest(self, paths: Iterable[Path]) -> str:
        """One digest of the content of ``paths`` (what a value made from them is kept by)."""
        digest = hashlib.sha256()
        for path in paths:
            digest.update(f"{self.display(path)}\0{self.read(path).digest}\0".encode())
        return digest.hexdigest()

    @classmethod
    def find(cls, start: Path) -> Workspace:
        """The workspace at ``start`` or the nearest folder above it holding practice.yaml."""
        start = start.resolve()
        for folder in (start, *start.parents):
            if (folder / "practice.yaml").is_file():
                return cls(folder)
        raise UsageError(
            f"no practice.yaml in {start} or the folders above it.",
            fix="Run careprint inside your practice folder, or name it with -C FOLDER.",
        )

    def copy(self, target: Path) -> Path:
        """A copy of this practice's folder at ``target``, without anything built."""
        target.mkdir(parents=True, exist_ok=True)
        for part in PARTS:
            source = self.root / part
            if source.is_dir():
                shutil.copytree(source, target / part, dirs_exist_ok=True)
            elif source.exists():
                shutil.copy2(source, target / part)
        return target

    # -- paths ---------------------------------------------------------------------------------

    def _resolve(self, path: Path) -> Path:
        found = self._resolved.get(path)
        if found is None:
            found = self._resolved[path] = path.resolve()
        return found

    def display(self, path: Path) -> str:
        """A path as the user sees it: from the practice folder; a default of careprint's
        as its place in a practice folder, marked as careprint's own."""
        path = self._resolve(path)
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            pass
        for part in defaults.INSTALLED:
            found = defaults.folder(part)
            if found is not None and path.is_relative_to(found):
                return f"{part}/{path.relative_to(found).as_posix()} (careprint's own)"
        return str(path)

    def path(self, relative: str) -> Path:
        """A file of the practice folder (e.g. "templates/labels.yaml"): the practice's own,
        or careprint's default of the same name when the practice has none."""
        own = self.root / relative
        if own.exists():
            return own
        part, _, rest = relative.partition("/")
        if part == "translations" and not rest.endswith(
            (f"/{i18n.LABELS}.po", f"/{i18n.LIBRARY}.po")
        ):
            return own  # a leaflet's translations are the practice's own
        found = defaults.folder(part) if part in defaults.INSTALLED else None
        if found is not None and (found / rest).exists():
            return found / rest
        return own

    def listing(self, folder: str, pattern: str = "*.yaml") -> dict[str, Path]:
        """The files of a folder by name (stem): careprint's defaults, and the practice's own
        over them."""
        part, _, rest = folder.partition("/")
        found: dict[str, Path] = {}
        default = defaults.folder(part) if part in defaults.INSTALLED else None
        for base in ([default / rest] if default is not None else []) + [self.root / folder]:
            for path in sorted(base.glob(pattern)):
                found[path.stem] = path
        return dict(sorted(found.items()))

    def resolve(self, doc: Document, loc: Loc, relative: str) -> Path:
        """A file named in ``doc`` at ``loc``; it must lie inside the workspace and exist."""
        path = (self.root / relative).resolve()
        if path.is_relative_to(self.root) and not path.exists():
            path = self.path(relative).resolve()  # careprint's own font or example logo
            if path.exists():
                return path
            path = (self.root / relative).resolve()
        if not path.is_relative_to(self.root):
            raise doc.error(
                loc,
                f"'{relative}' points outside the practice folder.",
                "Put the file inside the practice folder and give its path from there.",
            )
        if not path.is_file():
            raise doc.error(
                loc, f"the file '{relative}' does not exist.", "Check the name and the folder."
            )
        return path

    def load(self, model: type[M], path: Path, private: bool = False) -> Loaded[M]:
        """A YAML file as ``model``, checked; parsed once for its content."""
        display = self.display(path)
        file = self.read(path)
        if file is MISSING:
            source.read_text(path, display)  # says that (or why) it cannot be read
        key = ("model", model.__name__, display, file.digest, private)

        def make() -> Loaded[M]:
            doc = source.parse(file.data, display, private)
            return Loaded(parse(model, doc), doc)

        return self.cache.get(key, make)

    # -- contents ------------------------------------------------------------------------------

    @cached_property
    def practice(self) -> Loaded[Practice]:
        loaded = self.load(Practice, self.root / "practice.yaml")
        if not i18n.known_language(loaded.model.language):
            raise loaded.doc.error(
                ("language",),
                f"'{loaded.model.language}' is not a language code careprint knows.",
                f"{i18n.language_hint(loaded.model.language)}"
                "Use a language code such as nl, en, de, tr or ar.",
            )
        colours = loaded.model.colours
        failure = contrast.check(colours)
        if failure is not None:
            use, role = failure.use, failure.use.blame
            fix = f"Choose a {failure.change} {role} colour"
            if failure.suggestion is not None:
                fix += (
                    f", e.g. '{failure.suggestion.rgb}' (this text then has "
                    f"{contrast.shown(failure.suggested_ratio)} and every other text passes too), "
                    "with its CMYK from your print shop or designer"
                )
            raise loaded.doc.error(
                ("colours", role, "rgb"),
                f"{use.what}: a contrast of only {contrast.shown(failure.ratio)} against its "
                f"ground, too little for patients to read it well; {use.needs:g}:1 is needed.",
                fix + ".",
            )
        for role in ("primary", "accent", "tint", "text"):
            colour = getattr(colours, role)
            if apart(colour) > 0.35:
                mark = loaded.doc.mark(("colours", role))
                log.warning(
                    "%s%s: the RGB (%s) and the CMYK (%s) of '%s' are far apart, so the print "
                    "shop's edition will look different; ask your print shop or designer for the "
                    "CMYK of your colour (by a simple conversion, without a colour profile, "
                    "%s is about cmyk: [%s]).",
                    loaded.doc.display,
                    f", line {mark.line}" if mark else "",
                    colour.rgb,
                    ", ".join(f"{part:g}" for part in colour.cmyk),
                    role,
                    colour.rgb,
                    ", ".join(str(part) for part in rough_cmyk(colour)),
                )
        return loaded

    @cached_property
    def labels(self) -> Loaded[Labels]:
        return self.load(Labels, self.path("templates/labels.yaml"))

    def leaflet_names(self) -> list[str]:
        return list(self.yaml_files("leaflets"))

    def yaml_files(self, folder: str) -> dict[str, Path]:
        """The YAML files of a folder of the practice's (.yaml or .yml) by name; the same name
        twice is an error, never a file silently left out."""
        found: dict[str, Path] = {}
        for pattern in YAML:
            for path in sorted((self.root / folder).glob(pattern)):
                if path.stem in found:
                    other = found[path.stem].name
                    raise UsageError(
                        f"{folder}/{other} and {folder}/{path.name} have the same name.",
                        fix="Keep one of the two files (careprint names things after the file).",
                    )
                found[path.stem] = path
        return dict(sorted(found.items()))

    def layout_names(self) -> list[str]:
        return list(self.listing("templates/layouts"))

    def leaflet(self, name: str) -> Loaded[Leaflet]:
        """A leaflet, read and checked once per workspace object."""
        return self.once(("leaflet file", name), lambda: self._leaflet(name))

    def _leaflet(self, name: str) -> Loaded[Leaflet]:
        path = self.yaml_files("leaflets").get(name, self.root / "leaflets" / f"{name}.yaml")
        if not path.is_file():
            raise UsageError(
                f"there is no leaflet '{name}'.",
                fix=_choose("Leaflets here", name, self.leaflet_names()),
            )
        self.expect(path, "leaflet")
        loaded = self.load(Leaflet, path)
        leaflet, doc = loaded.model, loaded.doc
        if leaflet.leaflet != path.stem:
            raise doc.error(
                ("leaflet",),
                f"the leaflet is called '{leaflet.leaflet}' here, but its file is {path.name}.",
                f"Make them the same: the file name names the leaflet (its PDFs and its "
                f"translations), so write leaflet: {path.stem}, or rename the file.",
            )
        seen: dict[str, int] = {}
        for index, block in enumerate(leaflet.blocks):
            if block.id in seen:
                raise doc.error(
                    ("blocks", index, "id"),
                    f"two blocks are called '{block.id}' "
                    f"(the first is block {seen[block.id] + 1}).",
                    "Give each block its own id.",
                )
            seen[block.id] = index
            if not (block.text or block.bullets):
                raise doc.error(
                    ("blocks", index),
                    f"block '{block.id}' has no text and no bullets.",
                    "Add 'text:' or 'bullets:' to the block, or delete the block.",
                )
        layouts = self.layout_names()
        for index, layout in enumerate(leaflet.layouts):
            if layout not in layouts:
                raise doc.error(
                    ("layouts", index),
                    f"unknown layout '{layout}'.",
                    _choose("Use one of", layout, layouts),
                )
        return loaded

    # -- the self-massage library and client files --------------------------------------------

    def languages(self) -> list[str]:
        """Languages a handout or leaflet can be made in: the practice's, and translations."""
        found = set()
        for folder in (self.root / "translations", defaults.folder("translations")):
            if folder is not None and folder.is_dir():
                found |= {p.name for p in folder.iterdir() if p.is_dir()}
        return [self.practice.model.language, *sorted(found - {self.practice.model.language})]

    def once(self, key: Hashable, make: Callable[[], T]) -> T:
        """A value derived from this practice's files (a translation, a check), made once."""
        if key not in self._derived:
            self._derived[key] = make()
        return self._derived[key]  # type: ignore[no-any-return]

    def translator(self, language: str, domain: str) -> i18n.Translator:
        """The translations of one catalogue (a leaflet's, 'self-massage' or 'labels')."""
        key = (language, domain)
        if key not in self._translators:
            path = self.path(f"translations/{language}/{domain}.po")
            display = self.display(path)
            file = self.read(path)
            if file is not MISSING:
                catalog = self.cache.get(
                    ("catalogue", display, file.digest, language),
                    lambda: i18n.parse(file.data, display, language),
                )
                text = file.data.decode("utf-8", errors="replace")
                self._translators[key] = i18n.Translator(catalog, display, language, text)
            else:
                self._translators[key] = i18n.Translator(None, display, language)
        return self._translators[key]

    @cached_property
    def library(self) -> dict[str, Loaded[SelfMassage]]:
        """Every entry of self-massage/, by id; each file's id must match its name."""
        entries: dict[str, Loaded[SelfMassage]] = {}
        for path in self.library_files():
            if not ID.fullmatch(path.stem):
                wanted = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "naam"
                raise UsageError(
                    f"self-massage/{path.name}: the file name is the point's id, and "
                    f"'{path.stem}' cannot be one.",
                    fix=f"Use lower-case letters, digits and '-' only: rename it to {wanted}"
                    f"{path.suffix} (and write id: {wanted} in it).",
                )
            self.expect(path, "library")
            loaded = self.load(SelfMassage, path)
            if loaded.model.id != path.stem:
                raise loaded.doc.error(
                    ("id",),
                    f"the id '{loaded.model.id}' differs from the file name '{path.name}'.",
                    f"Make them the same: id: {path.stem}, or rename the file to "
                    f"{loaded.model.id}.yaml.",
                )
            for name in ("hold", "repeats", "per_day"):
                own, most = getattr(loaded.model, name), getattr(loaded.model.maximum, name)
                if own > most:
                    raise loaded.doc.error(
                        (name,),
                        f"'{name}' is {own}, more than this point's maximum ({most}).",
                        f"Lower '{name}', or raise '{name}' under 'maximum:'.",
                    )
            entries[path.stem] = loaded
        return entries

    def client(self, path: Path) -> Loaded[Client]:
        """A client file, checked against the library and the languages there are."""
        if path.is_dir():
            shown = self.display(path).rstrip("/") + "/"
            raise UsageError(
                f"{shown} is a folder; careprint handout makes the handout of one client file.",
                fix=f"Name a file in it, e.g. careprint handout {shown}"
                f"{next(iter(self.yaml_files('clients')), 'dossier-0147')}.yaml, or make all of "
                f"them: careprint batch {shown}",
            )
        if self.read(path) is MISSING:  # (a preview's unsaved client is read, not on disk)
            found = [p.name for p in self.yaml_files("clients").values()]
            raise UsageError(
                f"there is no client file {self.display(path)}.",
                fix=_choose("Client files in clients/", path.name, found),
            )
        self.expect(path, "client")
        loaded = self.load(Client, path, private=True)
        client, doc = loaded.model, loaded.doc
        languages = self.languages()
        if client.language not in languages:
            raise doc.error(
                ("language",),
                f"there is no translation into '{client.language}'.",
                i18n.language_hint(client.language)
                + _choose("Use one of", client.language, languages),
            )
        ids = list(self.library)
        listing = "'careprint points' lists the points in the library."
        seen: dict[tuple[str, str], int] = {}
        for index, choice in enumerate(client.points):
            if choice.id not in self.library:
                raise doc.error(
                    ("points", index, "id"),
                    f"there is no point '{choice.id}' in the library.",
                    _suggest(choice.id, ids) + listing,
                )
            entry = self.library[choice.id].model
            for name in ("hold", "repeats", "per_day"):
                own, most = getattr(choice, name), getattr(entry.maximum, name)
                if own is not None and own > most:
                    raise doc.error(
                        ("points", index, name),
                        f"'{name}' is {own}, more than the most '{choice.id}' allows ({most}).",
                        f"Use at most {most}, or leave '{name}' out for the library's "
                        f"{getattr(entry, name)}.",
                    )
            key = (choice.id, choice.side)
            if key in seen:
                raise doc.error(
                    ("points", index),
                    f"'{choice.id}' is chosen twice (the first is point {seen[key] + 1}).",
                    "Keep one of them; use 'side: both' for both sides.",
                )
            seen[key] = index
        return loaded

    def library_files(self) -> list[Path]:
        found = self.listing("self-massage")
        found.update(self.yaml_files("self-massage"))  # the practice's own, .yml too
        return list(dict(sorted(found.items())).values())

    def expect(self, path: Path, kind: str) -> None:
        """Say so when ``path`` is not the kind of file a command wants (a leaflet given to
        `handout`, a client file to `build`), from the fields it has."""
        display = self.display(path)
        if path.suffix.lower() not in (".yaml", ".yml"):
            raise UsageError(
                f"this is not a YAML file ({path.suffix or 'no extension'}).",
                file=display,
                fix=WANTED[kind],
            )
        file = self.read(path)
        key = ("file kind", kind, display, file.digest)  # parsed once for its content
        other = self.cache.get(key, lambda: _kind_of(file.data, display, kind))
        if other is not None:
            raise UsageError(
                f"this is {ARTICLE[other]}, not {ARTICLE[kind]}.", file=display, fix=WANTED[kind]
            )

    def layout(self, name: str) -> Loaded[LayoutSpec] | Loaded[PagesSpec]:
        """A layout file, read and checked once per workspace object."""
        return self.once(("layout file", name), lambda: self._layout(name))

    def _layout(self, name: str) -> Loaded[LayoutSpec] | Loaded[PagesSpec]:
        path = self.listing("templates/layouts").get(name, self.root / "templates/layouts/x")
        if not path.is_file():
            raise UsageError(
                f"unknown layout '{name}'.", fix=_choose("Layouts here", name, self.layout_names())
            )
        file = self.read(path)
        doc = source.parse(file.data, self.display(path))
        kind = doc.data.get("kind", "trifold")
        if kind in ("booklet", "pages"):
            return Loaded(parse(PagesSpec, doc), doc)
        if kind != "trifold":
            raise doc.error(
                ("kind",),
                f"unknown layout kind '{kind}'.",
                "Use one of: trifold, booklet, pages.",
            )
        loaded = Loaded(parse(LayoutSpec, doc), doc)
        spec = loaded.model
        for index, side in enumerate(spec.sides):
            total = sum(panel.width for panel in side.panels)
            if abs(total - spec.width) > 0.01:
                raise doc.error(
                    ("sides", index, "panels"),
                    f"the panels of side '{side.side}' add up to {total:g} mm, "
                    f"but the sheet is {spec.width:g} mm wide.",
                    "Make the panel widths add up to the sheet width.",
                )
        panels = spec.panel_x()
        for field in ("cover", "back"):
            if getattr(spec, field) not in panels:
                raise doc.error((field,), f"there is no panel {getattr(spec, field)}.")
        for index, number in enumerate(spec.flow):
            if number not in panels:
                raise doc.error(("flow", index), f"there is no panel {number}.")
        if spec.margin < spec.safe:
            raise doc.error(
                ("margin",),
                f"a margin of {spec.margin:g} mm puts text within {spec.safe:g} mm of a fold.",
                f"Use a margin of at least {spec.safe:g} mm.",
            )
        return loaded


ID = re.compile(r"[a-z0-9][a-z0-9-]*")
# the fields that tell one kind of file from another
KINDS = {
    "leaflet": {"blocks", "leaflet"},
    "client": {"points", "therapist"},
    "practice": {"colours", "address"},
    "library": {"muscle", "diagram"},
}
ARTICLE = {
    "leaflet": "a leaflet",
    "client": "a client file",
    "practice": "the practice's file",
    "library": "a library entry",
}
WANTED = {
    "leaflet": "careprint build takes the name of a leaflet in leaflets/, e.g. careprint build "
    "spanningshoofdpijn.",
    "client": "careprint handout takes a client file from clients/ (name, date, therapist, "
    "points), e.g. careprint handout clients/dossier-0147.yaml; leaflets are made with "
    "careprint build.",
    "library": "A file in self-massage/ is one point of the library (muscle, where, how, "
    "diagram): see the files careprint comes with.",
    "practice": "practice.yaml holds the practice's name, address, colours and logo.",
}


def _file(path: Path) -> File:
    try:
        data = path.read_bytes()
    except OSError:
        return MISSING
    return File(data, hashlib.sha256(data).hexdigest())


def _kind_of(data: bytes, display: str, kind: str) -> str | None:
    """The other kind of file ``data`` is, by its fields, when it is plainly not a ``kind``."""
    try:
        doc = source.parse(data, display, private=kind == "client")
    except CareprintError:
        return None  # said with its line when the file is read
    fields = set(doc.data) if isinstance(doc.data, dict) else set()
    for other, marks in KINDS.items():
        if other != kind and fields & marks and not fields & KINDS[kind]:
            return other
    return None


def _suggest(given: str, names: list[str]) -> str:
    """'Did you mean ...? ' for the closest name, or nothing when none is close."""
    close = difflib.get_close_matches(given, names, n=1, cutoff=0.6)
    return f"Did you mean '{close[0]}'? " if close else ""


def _choose(intro: str, given: str, names: list[str]) -> str:
    if not names:
        return f"{intro}: none yet."
    return f"{_suggest(given, names)}{intro}: {', '.join(names)}."
