"""Build leaflets: load and check the content, lay it out, write the PDFs (or only check them)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from careprint.content.source import Document
from careprint.errors import CareprintError, FitError, GlyphError
from careprint.layout import fonts as fontlib
from careprint.layout.flow import Overflow
from careprint.layout.handout import Handout, HandoutContent, Outline, PointTooLong
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
    fonts = practice_fonts(ws)
    for doc in (leaflet.doc, pdoc, labels.doc):
        check_glyphs(doc, fonts)
    logo = ws.resolve(pdoc, ("logo",), practice.model.logo)
    return (
        Content(
            leaflet.model, practice.model, labels.model, spec.model, fonts, logo, ws.display(logo)
        ),
        leaflet.doc,
    )


def practice_fonts(ws: Workspace) -> fontlib.FontSet:
    practice = ws.practice
    return fontlib.load_fonts(
        ws.resolve(practice.doc, ("fonts", "regular"), practice.model.fonts.regular),
        ws.resolve(practice.doc, ("fonts", "bold"), practice.model.fonts.bold),
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


# -- handouts ----------------------------------------------------------------------------------

VIEWS = ("front", "back", "side", "head")


def handout_content(ws: Workspace, path: Path) -> HandoutContent:
    """The checked content of one client's handout."""
    practice, labels = ws.practice, ws.labels
    client = ws.client(path)
    library = ws.library
    chosen = [library[choice.id] for choice in client.model.points]
    fonts = practice_fonts(ws)
    for doc in (client.doc, practice.doc, labels.doc, *(entry.doc for entry in chosen)):
        check_glyphs(doc, fonts)
    logo = ws.resolve(practice.doc, ("logo",), practice.model.logo)
    views = {entry.model.diagram.view for entry in chosen}
    outlines: dict[str, Outline] = {}
    for view in sorted(views):
        svg = ws.root / "templates" / "body" / f"{view}.svg"
        outlines[view] = Outline(svg, ws.display(svg))
    return HandoutContent(
        client=client.model,
        points=[
            (choice, entry.model) for choice, entry in zip(client.model.points, chosen, strict=True)
        ],
        practice=practice.model,
        labels=labels.model,
        fonts=fonts,
        logo=logo,
        logo_display=ws.display(logo),
        outlines=outlines,
    )


def handout_name(path: Path, content: HandoutContent) -> str:
    """The handout's file name: the client file's stem and the date, never the client's name."""
    return f"{path.stem}-{content.client.date.isoformat()}.pdf"


@dataclass(frozen=True)
class HandoutOutput(Output):
    content: HandoutContent


def handout(ws: Workspace, path: Path, out_dir: Path) -> HandoutOutput:
    """One client's handout as PDF bytes, in memory; nothing is written here."""
    data = handout_content(ws, path)
    try:
        pdf = Handout(data).render()
    except PointTooLong as exc:
        raise _too_long(ws, path, data, exc) from None
    return HandoutOutput(out_dir / handout_name(path, data), pdf, data)


def _too_long(ws: Workspace, path: Path, data: HandoutContent, exc: PointTooLong) -> FitError:
    excess_mm = exc.excess / 72 * 25.4
    lines = max(1, round(excess_mm / 6 + 0.49))  # a 12 pt line with its leading is about 6 mm
    what = (
        f"the instructions for '{exc.point}' do not fit on one page: {excess_mm:.0f} mm too long."
    )
    if exc.has_note:
        index = next(i for i, (c, _) in enumerate(data.points) if c.id == exc.point and c.note)
        doc = ws.client(path).doc
        fix = f"Shorten the note for this point by about {lines} lines."
        return doc.error(("points", index, "note"), what, fix, cls=FitError)  # type: ignore[return-value]
    doc = ws.library[exc.point].doc
    fix = f"Shorten 'where', 'how', 'avoid' or 'stop_if' by about {lines} lines."
    return doc.error(("how",), what, fix, cls=FitError)  # type: ignore[return-value]
