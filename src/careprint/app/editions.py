"""Every edition of every leaflet, as the app's leaflets page shows them: which files each
makes and whether they are built, a thumbnail of its first page, and building them with
progress (the same outputs as ``careprint build --print-shop``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from careprint import defaults
from careprint.app import leaflets
from careprint.app.preview import rasterise
from careprint.deliver.files import write_all_atomic
from careprint.errors import CareprintError
from careprint.workspace import Workspace

FILE = re.compile(r"[a-z0-9][a-z0-9-]*\.pdf")
THUMB_SCALE = 0.3


@dataclass(frozen=True)
class Edition:
    leaflet: str
    language: str
    layout: str
    files: tuple[str, ...]  # file names in out/leaflets/: the office edition first
    built: tuple[bool, ...]  # for each file, whether it is there
    kinds: tuple[str, ...] = ()  # for each file: office | imposed | print

    @property
    def complete(self) -> bool:
        return all(self.built)


def out_dir(ws: Workspace) -> Path:
    return ws.root / "out" / "leaflets"


def file_names(ws: Workspace, name: str, language: str, layout: str) -> dict[str, str]:
    """The files ``leaflets.outputs`` makes for one edition with the print-shop edition, by
    kind: office, imposed (a booklet's sheets), print."""
    stem = f"{name}-{language}-{layout}"
    spec = ws.layout(layout).model
    names = {"office": f"{stem}.pdf"}
    if spec.kind == "booklet":
        names["imposed"] = f"{stem}-imposed.pdf"
    if spec.kind == "trifold" or getattr(spec, "print_shop", False):
        names["print"] = f"{stem}-print.pdf"
    return names


def grid(ws: Workspace) -> list[Edition]:
    """Every leaflet in each of its layouts and each language there is."""
    found = []
    folder = out_dir(ws)
    for name in ws.leaflet_names():
        for layout in ws.leaflet(name).model.layouts:
            for language in ws.languages():
                files = file_names(ws, name, language, layout)
                built = tuple((folder / f).is_file() for f in files.values())
                found.append(
                    Edition(name, language, layout, tuple(files.values()), built, tuple(files))
                )
    return found


def built_file(ws: Workspace, name: str) -> Path | None:
    """A built leaflet file by its name, only inside out/leaflets/ (None when absent)."""
    if not FILE.fullmatch(name):
        return None
    folder = out_dir(ws).resolve()
    path = (folder / name).resolve()
    return path if path.parent == folder and path.is_file() else None


@dataclass(frozen=True)
class Outcome:
    edition: str  # "name (layout, language)"
    written: tuple[str, ...]
    error: str = ""


def build(
    ws: Workspace,
    editions: list[tuple[str, str, str]],
    step: Callable[[Outcome], None] = lambda outcome: None,
) -> list[Outcome]:
    """Build ``editions`` (leaflet, language, layout) with their print-shop editions, each
    written whole or not at all; ``step`` is told of each as it is done."""
    done = []
    for name, language, layout in editions:
        label = f"{name} ({layout}, {language})"
        try:
            made = leaflets.outputs(ws, name, layout, True, out_dir(ws), language)
            write_all_atomic({output.path: output.data for output in made})
            outcome = Outcome(label, tuple(output.path.name for output in made))
        except CareprintError as exc:
            outcome = Outcome(label, (), str(exc))
        done.append(outcome)
        step(outcome)
    return done


def thumbnail(ws: Workspace, name: str, language: str, layout: str) -> bytes:
    """The first page of an edition, small, as PNG; made in memory, once per content."""
    practice = ws.practice.model
    inputs = [
        ws.path(f"leaflets/{name}.yaml"),
        ws.path("practice.yaml"),
        ws.path("templates/labels.yaml"),
        ws.path(f"templates/layouts/{layout}.yaml"),
        ws.path(f"translations/{language}/{name}.po"),
        ws.path(f"translations/{language}/labels.po"),
        *(
            ws.path(relative)
            for relative in (practice.logo, practice.fonts.regular, practice.fonts.bold)
        ),
        ws.path(practice.fonts.arabic.regular),
        ws.path(practice.fonts.arabic.bold),
    ]
    key = ("thumbnail", name, language, layout, ws.fast, ws.digest(inputs))

    def make() -> bytes:
        pdf = leaflets.render(ws, name, layout, False, language)
        return rasterise(pdf, 1, THUMB_SCALE)

    return ws.cache.get(key, make)


def finished_languages(ws: Workspace) -> list[str]:
    """``leaflets.complete_languages``, worked out once for the content of the files it reads
    (the app asks on every page)."""
    catalogues = [ws.root / "translations", defaults.folder("translations")]
    files = [
        ws.path("practice.yaml"),
        ws.path("templates/labels.yaml"),
        *ws.listing("templates/email", "*.j2").values(),
        *ws.yaml_files("leaflets").values(),
        *ws.library_files(),
        *(
            po
            for folder in catalogues
            if folder is not None
            for po in sorted(folder.glob("*/*.po"))
        ),
    ]
    key = ("finished languages", ws.digest(files))
    return list(ws.cache.get(key, lambda: tuple(leaflets.complete_languages(ws))))
