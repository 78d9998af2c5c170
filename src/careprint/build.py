"""Build leaflets: load and check the content, lay it out, write the PDFs (or only check them)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from careprint.content.source import Document
from careprint.errors import CareprintError, FitError, GlyphError
from careprint.layout import fonts as fontlib
from careprint.layout.flow import Overflow
from careprint.layout.trifold import BadPin, Content, Fit, Trifold
from careprint.workspace import Workspace

log = logging.getLogger("careprint")

LAYOUTS = {"trifold": Trifold}


@dataclass(frozen=True)
class Output:
    path: Path
    data: bytes


def content(ws: Workspace, name: str, layout: str) -> tuple[Content, Document]:
    """The checked content of one leaflet in one layout, and the leaflet's document."""
    practice = ws.practice
    labels = ws.labels
    leaflet = ws.leaflet(name)
    spec = ws.layout(layout)
    pdoc = practice.doc
    fonts = fontlib.load_fonts(
        ws.resolve(pdoc, ("fonts", "regular"), practice.model.fonts.regular),
        ws.resolve(pdoc, ("fonts", "bold"), practice.model.fonts.bold),
    )
    for doc in (leaflet.doc, pdoc, labels.doc):
        check_glyphs(doc, fonts)
    logo = ws.resolve(pdoc, ("logo",), practice.model.logo)
    return (
        Content(
            leaflet.model, practice.model, labels.model, spec.model, fonts, logo, ws.display(logo)
        ),
        leaflet.doc,
    )


def check_glyphs(doc: Document, fonts: fontlib.FontSet) -> None:
    """Every character of every text in ``doc`` must be in the fonts."""
    for loc, text in doc.strings():
        missing = fonts.missing(text)
        if missing:
            ch = missing[0]
            raise doc.error(
                loc,
                f"the font {fonts.file_of(text)} has no {fontlib.describe(ch)}, "
                "so it cannot be printed.",
                "Replace the character with one the font has (e.g. a plain letter or sign), "
                "or name a font that has it under 'fonts:' in practice.yaml.",
                cls=GlyphError,
            )


def lay_out(ws: Workspace, name: str, layout: str, print_shop: bool) -> Trifold:
    data, _ = content(ws, name, layout)
    return LAYOUTS[layout](data, print_shop=print_shop)


def _located(doc: Document, data: Content, exc: Overflow | BadPin) -> CareprintError:
    index = next(i for i, b in enumerate(data.leaflet.blocks) if b.id == exc.block)
    if isinstance(exc, BadPin):
        listed = ", ".join(str(n) for n in exc.choices) or "none"
        return doc.error(
            ("blocks", index, "panel"),
            f"block '{exc.block}' is pinned to panel {exc.panel}, which {exc.reason}.",
            f"Use one of the panels {listed}, or remove 'panel:'.",
            cls=FitError,
        )
    spec = data.spec
    excess_mm = exc.excess / 72 * 25.4
    lines = max(1, round(exc.excess / (spec.body_size * spec.line_spacing) + 0.49))
    chars_per_line = int(
        (spec.width / len(spec.sides[0].panels) - 2 * spec.margin)
        / 25.4
        * 72
        / (spec.body_size * 0.5)
    )
    return doc.error(
        ("blocks", index),
        f"block '{exc.block}' does not fit: the text runs {excess_mm:.0f} mm past the end "
        f"of panel {exc.panel}.",
        f"Shorten the texts by about {lines} lines (some {lines * chars_per_line} characters), "
        "or move a block to another panel with 'panel:'.",
        cls=FitError,
    )


def render(ws: Workspace, name: str, layout: str, print_shop: bool) -> bytes:
    """One edition of one leaflet as PDF bytes; errors are located in the leaflet file."""
    data, doc = content(ws, name, layout)
    try:
        return LAYOUTS[layout](data, print_shop=print_shop).render()
    except (Overflow, BadPin) as exc:
        raise _located(doc, data, exc) from None


def fit(ws: Workspace, name: str, layout: str) -> Fit:
    """Check that a leaflet fits a layout, without drawing it."""
    data, doc = content(ws, name, layout)
    try:
        return LAYOUTS[layout](data, print_shop=False).fit()
    except (Overflow, BadPin) as exc:
        raise _located(doc, data, exc) from None


def outputs(ws: Workspace, name: str, layout: str, print_shop: bool, out_dir: Path) -> list[Output]:
    """Render every edition of a leaflet in memory; nothing is written here."""
    language = ws.leaflet(name).model.language
    stem = f"{name}-{language}-{layout}"
    result = [Output(out_dir / f"{stem}.pdf", render(ws, name, layout, print_shop=False))]
    if print_shop:
        result.append(Output(out_dir / f"{stem}-print.pdf", render(ws, name, layout, True)))
    return result
