"""The body map of the app's point picker and library: the body outlines of templates/body/
as clean SVG markup, every library point placed on its view, and a search of the library by
muscle, complaint or region."""

from __future__ import annotations

import typing
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass

from careprint.app.handouts import VIEWS
from careprint.content.models import Region, SelfMassage
from careprint.layout.diagram import crop, place
from careprint.workspace import Workspace

SVG = "{http://www.w3.org/2000/svg}"
DRAWN = {"g", "path", "ellipse", "circle", "rect", "line", "polyline", "polygon"}
KEPT = {
    "d",
    "cx",
    "cy",
    "r",
    "rx",
    "ry",
    "x",
    "y",
    "width",
    "height",
    "x1",
    "y1",
    "x2",
    "y2",
    "points",
    "transform",
    "fill",
    "stroke",
    "stroke-width",
    "stroke-linejoin",
    "stroke-linecap",
    "opacity",
    "fill-opacity",
}
REGIONS: tuple[str, ...] = typing.get_args(Region)


@dataclass(frozen=True)
class Marker:
    """One library point on a view: where to click (one or more spots) and its names."""

    id: str
    muscle: str
    region: str
    spots: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class View:
    name: str  # front | back | side | head
    width: float
    height: float
    markup: str  # the outline's drawing, without scripts, links or styles
    markers: tuple[Marker, ...]


def outline_markup(ws: Workspace, view: str) -> tuple[str, float, float]:
    """The drawing of templates/body/VIEW.svg as safe SVG markup, and its width and height."""
    path = ws.path(f"templates/body/{view}.svg")
    file = ws.read(path)
    return ws.cache.get(("body markup", file.digest), lambda: _clean(file.data))


def _clean(data: bytes) -> tuple[str, float, float]:
    root = ET.fromstring(data)
    box = [float(v) for v in (root.get("viewBox") or "0 0 200 400").replace(",", " ").split()]
    parts = [_element(child) for child in root]
    return "".join(p for p in parts if p), box[2], box[3]


def _element(node: ET.Element) -> str:
    tag = node.tag.removeprefix(SVG)
    if tag not in DRAWN:
        return ""
    attrs = "".join(
        f' {name}="{_escape(value)}"' for name, value in node.attrib.items() if name in KEPT
    )
    inner = "".join(_element(child) for child in node)
    return f"<{tag}{attrs}>{inner}</{tag}>" if inner else f"<{tag}{attrs}/>"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def views(ws: Workspace) -> list[View]:
    """Every body view with the library's points on it (both sides on front and back)."""
    found = []
    entries = [loaded.model for loaded in ws.library.values()]
    for name in VIEWS:
        markup, width, height = outline_markup(ws, name)
        markers = []
        for entry in entries:
            if entry.diagram.view != name:
                continue
            spots = place(entry.diagram, "both", width).points
            markers.append(Marker(entry.id, entry.muscle, entry.region, tuple(spots)))
        found.append(View(name, width, height, markup, tuple(markers)))
    return found


@dataclass(frozen=True)
class Figure:
    """A library point's diagram for the library page: the view cropped around the point."""

    view: str
    box: tuple[float, float, float, float]  # x, y, width, height of the part shown
    markup: str
    spots: tuple[tuple[float, float], ...]
    zones: tuple[tuple[float, float, float, float, float], ...]


def figure(ws: Workspace, entry: SelfMassage) -> Figure:
    markup, width, height = outline_markup(ws, entry.diagram.view)
    placed = place(entry.diagram, "right", width)
    box = crop(placed, entry.diagram.view, (width, height), 0.8)
    return Figure(entry.diagram.view, box, markup, tuple(placed.points), tuple(placed.zones))


def search(
    ws: Workspace, query: str, regions: Mapping[str, str] | None = None
) -> list[SelfMassage]:
    """Library points whose muscle, Latin name, complaints, region (or its name in
    ``regions``) or id hold every word of ``query`` (in any case), head to foot."""
    words = query.lower().split()
    found = []
    for loaded in ws.library.values():
        entry = loaded.model
        region = (regions or {}).get(entry.region, "")
        haystack = " ".join(
            [entry.id, entry.muscle, entry.latin, entry.region, region, *entry.complaints]
        ).lower()
        if all(word in haystack for word in words):
            found.append(entry)
    return sorted(found, key=lambda e: (REGIONS.index(e.region), e.muscle.lower()))
