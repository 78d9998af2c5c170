"""Leaflets: load and check the content, lay it out in a layout and a language, draw the PDFs
(or only check that they fit); and what each translation catalogue holds."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from careprint.app import common
from careprint.content import i18n
from careprint.content.models import Block, Labels, LayoutSpec, Leaflet, Practice
from careprint.content.source import Document
from careprint.errors import CareprintError, FitError
from careprint.layout.flow import Overflow, block_of
from careprint.layout.pages import Pages
from careprint.layout.trifold import BadPin, Content, Fit, Trifold
from careprint.pdf import pdfx
from careprint.pdf.impose import impose
from careprint.render import documents
from careprint.render.fonts import FontSet
from careprint.workspace import Workspace


@dataclass(frozen=True)
class Output:
    path: Path
    data: bytes


@dataclass(frozen=True)
class Where:
    """Where a leaflet's texts came from, to locate errors: its YAML file or a PO file."""

    doc: Document
    translator: i18n.Translator | None = None


def content(
    ws: Workspace, name: str, layout: str, language: str | None = None
) -> tuple[Content, Where]:
    """The checked content of one leaflet in one layout and language, and where it came from."""
    spec = ws.layout(layout)
    language = language or ws.leaflet(name).model.language
    texts, where = ws.once(("leaflet", name, language), lambda: _leaflet(ws, name, language))
    leaflet, practice, labels, fonts = texts
    logos = common.logo(ws), common.logo(ws, cmyk=True)
    return Content(leaflet, practice, labels, spec.model, fonts, *logos), where


_Texts = tuple[Leaflet, Practice, Labels, FontSet]


def _leaflet(ws: Workspace, name: str, language: str) -> tuple[_Texts, Where]:
    """A leaflet's texts in ``language`` (in every layout), checked against its fonts."""
    practice = ws.practice
    labels = ws.labels.model
    loaded = ws.leaflet(name)
    leaflet = loaded.model
    fonts = common.practice_fonts(ws, language)
    practice_model = practice.model
    translator = None
    if language == leaflet.language:
        for doc in (loaded.doc, practice.doc, ws.labels.doc):
            common.check_glyphs(doc, fonts)
    else:
        translator = ws.translator(language, name)
        labels_tr = ws.translator(language, i18n.LABELS)
        for tr in (translator, labels_tr):
            common.check_po_glyphs(tr, fonts)
        common.check_glyphs(practice.doc, fonts)
        leaflet = i18n.translate_leaflet(leaflet, translator)
        labels = i18n.translate_labels(labels, labels_tr)
        practice_model = i18n.translate_practice(practice_model, labels_tr)
    return (leaflet, practice_model, labels, fonts), Where(loaded.doc, translator)


def _located(where: Where, data: Content, exc: Overflow | BadPin) -> CareprintError:
    doc = where.doc
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
    assert isinstance(spec, LayoutSpec)  # only a folded sheet has panels to overflow
    excess_mm = exc.excess / 72 * 25.4
    lines = max(1, round(exc.excess / (spec.body_size * spec.line_spacing) + 0.49))
    chars_per_line = int(
        (spec.width / len(spec.sides[0].panels) - 2 * spec.margin)
        / 25.4
        * 72
        / (spec.body_size * 0.5)
    )
    overflow = f"the text runs {excess_mm:.0f} mm past the end of panel {exc.panel}."
    if where.translator is not None:
        tr = where.translator
        block = data.leaflet.blocks[index]
        field = "text" if block.text else "heading" if block.heading else "bullet:1"
        return tr.error(
            f"{data.leaflet.leaflet}:{exc.block}:{field}",
            f"in {common.language_name(tr.language)} ({tr.language}), block '{exc.block}' does "
            f"not fit: {overflow}",
            f"Shorten the translation of this block by about {lines} lines (some "
            f"{lines * chars_per_line} characters).",
            FitError,
        )
    return doc.error(
        ("blocks", index),
        f"block '{exc.block}' does not fit: {overflow}",
        f"Shorten the texts by about {lines} lines (some {lines * chars_per_line} characters), "
        "or move a block to another panel with 'panel:'.",
        cls=FitError,
    )


def _meta(data: Content, print_shop: bool) -> documents.Meta:
    leaflet = data.leaflet
    return documents.Meta(
        title=leaflet.title,
        author=data.practice.name,
        subject=leaflet.subtitle or leaflet.title,
        language=leaflet.language,
        font=data.fonts.regular,
        size=data.spec.body_size,
        cmyk=print_shop,
        # read on screens (and the tri-fold, so its text reads in panel order): tagged; the
        # booklet's pages go on to be imposed, which tags would not survive
        tagged=not print_shop and getattr(data.spec, "kind", "trifold") != "booklet",
        outline=getattr(data.spec, "outline", False),
    )


def _draw(data: Content, print_shop: bool) -> tuple[bytes, int]:
    """One edition as PDF bytes and its number of pages (Overflow, BadPin when it does not fit)."""
    if isinstance(data.spec, LayoutSpec):
        trifold = Trifold(data, print_shop=print_shop)
        sides = trifold.pages()
        meta = _meta(data, print_shop)
        return documents.sheets(trifold.sheet_size(), meta, sides, trifold.boxes), len(sides)
    edition = Pages(data, print_shop=print_shop)
    meta = _meta(data, edition.print_shop)

    def flow(note_pages: int) -> tuple[bytes, int]:
        return documents.flowing(
            edition.story(note_pages),
            edition.templates(),
            edition.page_size(),
            meta,
            edition.footer(),
            edition.skip,
        )

    pdf, pages = flow(0)
    if edition.booklet and pages % 4:  # pages for notes, to make a multiple of four
        pdf, pages = flow(-pages % 4)
    return pdf, pages


def render(
    ws: Workspace,
    name: str,
    layout: str,
    print_shop: bool,
    language: str | None = None,
    strict: bool = False,
) -> bytes:
    """One edition of one leaflet as PDF bytes; errors are located in the leaflet or PO file."""
    data, where = content(ws, name, layout, language)
    with documents.LOCK:
        try:
            pdf, _ = _draw(data, print_shop)
        except (Overflow, BadPin) as exc:
            raise _located(where, data, exc) from None
    common.settle(ws, _translators(ws, name, where), strict)
    return pdf


def _translators(ws: Workspace, name: str, where: Where) -> list[i18n.Translator]:
    if where.translator is None:
        return []
    return [where.translator, ws.translator(where.translator.language, i18n.LABELS)]


def fit(
    ws: Workspace, name: str, layout: str, language: str | None = None, strict: bool = False
) -> Fit:
    """Check that a leaflet fits a layout in a language; a folded sheet without drawing it."""
    data, where = content(ws, name, layout, language)
    with documents.LOCK:
        try:
            if isinstance(data.spec, LayoutSpec):
                result = Trifold(data, print_shop=False).fit()
            else:
                result = Fit({}, pages=_draw(data, False)[1])
        except (Overflow, BadPin) as exc:
            raise _located(where, data, exc) from None
    common.settle(ws, _translators(ws, name, where), strict)
    return result


def outputs(
    ws: Workspace,
    name: str,
    layout: str,
    print_shop: bool,
    out_dir: Path,
    language: str | None = None,
    strict: bool = False,
) -> list[Output]:
    """Render every edition of a leaflet in memory; nothing is written here."""
    language = language or ws.leaflet(name).model.language
    stem = f"{name}-{language}-{layout}"
    spec = ws.layout(layout).model
    office = render(ws, name, layout, False, language, strict)
    result = [Output(out_dir / f"{stem}.pdf", office)]
    if spec.kind == "booklet":  # two pages to a sheet, in the order they are folded
        imposed = impose(office, rtl=i18n.direction(language) == "rtl")
        result.append(Output(out_dir / f"{stem}-imposed.pdf", imposed))
    if print_shop and (spec.kind == "trifold" or getattr(spec, "print_shop", False)):
        pdf = pdfx.finish(
            render(ws, name, layout, True, language, strict), common.print_profile(ws)
        )
        result.append(Output(out_dir / f"{stem}-print.pdf", pdf))
    return result


# -- translation catalogues --------------------------------------------------------------------


def catalogue_sources(ws: Workspace, notes: bool = True) -> dict[str, list[i18n.Source]]:
    """What each catalogue holds: a leaflet's texts, the library's, the labels' and email's.

    With ``notes``, each leaflet text says where it starts in the tri-fold (which lays it out).
    """
    found: dict[str, list[i18n.Source]] = {}
    for name in ws.leaflet_names():
        leaflet = ws.leaflet(name).model
        rooms = _block_rooms(ws, name, "trifold") if notes and "trifold" in leaflet.layouts else {}

        def where(block: Block, rooms: dict[str, tuple[int, float]] = rooms) -> str:
            if block.id not in rooms:
                return ""
            panel, width = rooms[block.id]
            chars = int(width / 25.4 * 72 / 6)  # a 12 pt line holds about one character per 6 pt
            return (
                f"Starts in panel {panel} of the tri-fold, a column of about {chars} characters; "
                "keep the translation about as long as the Dutch ('careprint check' tells if "
                "it does not fit)."
            )

        found[name] = i18n.leaflet_sources(leaflet, where)
    found[i18n.LIBRARY] = i18n.library_sources(e.model for e in ws.library.values())
    email = ws.path(f"templates/email/{ws.practice.model.language}.j2")
    template = (email.read_text(encoding="utf-8"), ws.display(email)) if email.is_file() else None
    found[i18n.LABELS] = i18n.label_sources(ws.labels.model, template, ws.practice.model)
    return found


def _block_rooms(ws: Workspace, name: str, layout: str) -> dict[str, tuple[int, float]]:
    """Where each block of a leaflet starts in the source language: panel and width (mm)."""
    data, _ = content(ws, name, layout)
    with documents.LOCK:
        try:
            filled, _, _ = Trifold(data, print_shop=False).layout()
        except (Overflow, BadPin):
            return {}
    rooms: dict[str, tuple[int, float]] = {}
    for item in filled:
        for placed in item.placed:
            block = block_of(placed.flowable)
            rooms.setdefault(block, (item.room.panel, item.room.width / 72 * 25.4))
    return rooms


def complete_languages(ws: Workspace) -> list[str]:
    """The source language and every language with nothing missing or fuzzy in any catalogue."""
    sources = catalogue_sources(ws, notes=False)
    done = [ws.practice.model.language]
    for language in ws.languages()[1:]:
        complete = True
        for domain, found in sources.items():
            status = i18n.status(ws.translator(language, domain).catalog, found)
            complete = complete and not (status.fuzzy or status.missing)
        if complete:
            done.append(language)
    return done
