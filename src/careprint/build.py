"""Build leaflets: load and check the content, lay it out, write the PDFs (or only check them)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from careprint.content import i18n
from careprint.content.models import Block, Labels, LayoutSpec, Leaflet, Practice, SelfMassage
from careprint.content.source import Document
from careprint.errors import CareprintError, FitError, GlyphError, TranslationError
from careprint.layout import fonts as fontlib
from careprint.layout import rtl
from careprint.layout.blocks import BULLET
from careprint.layout.flow import Overflow, block_of
from careprint.layout.handout import Handout, HandoutContent, Outline, PointTooLong
from careprint.layout.pages import Pages
from careprint.layout.trifold import BadPin, Content, Fit, Trifold
from careprint.pdf.impose import impose
from careprint.workspace import Workspace

log = logging.getLogger("careprint")

LAYOUTS: dict[str, type[Trifold] | type[Pages]] = {
    "trifold": Trifold,
    "booklet": Pages,
    "pages": Pages,
}


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
    leaflet, practice, labels, fonts, logo = texts
    return Content(leaflet, practice, labels, spec.model, fonts, logo, ws.display(logo)), where


_Texts = tuple[Leaflet, Practice, Labels, fontlib.FontSet, Path]


def _leaflet(ws: Workspace, name: str, language: str) -> tuple[_Texts, Where]:
    """A leaflet's texts in ``language`` (in every layout), checked against its fonts."""
    practice = ws.practice
    labels = ws.labels.model
    loaded = ws.leaflet(name)
    leaflet = loaded.model
    fonts = practice_fonts(ws, language)
    practice_model = practice.model
    translator = None
    if language == leaflet.language:
        for doc in (loaded.doc, practice.doc, ws.labels.doc):
            check_glyphs(doc, fonts)
    else:
        translator = ws.translator(language, name)
        labels_tr = ws.translator(language, i18n.LABELS)
        for tr in (translator, labels_tr):
            check_po_glyphs(tr, fonts)
        check_glyphs(practice.doc, fonts)
        leaflet = i18n.translate_leaflet(leaflet, translator)
        labels = i18n.translate_labels(labels, labels_tr)
        practice_model = i18n.translate_practice(practice_model, labels_tr)
    logo = ws.resolve(practice.doc, ("logo",), practice.model.logo)
    return (leaflet, practice_model, labels, fonts, logo), Where(loaded.doc, translator)


def practice_fonts(ws: Workspace, language: str) -> fontlib.FontSet:
    """The typefaces for a language: the practice's own, or its Arabic pair for Arabic."""
    practice = ws.practice
    fonts = practice.model.fonts
    prefix: tuple[str, ...] = ("fonts",)
    pair: tuple[str, str] = (fonts.regular, fonts.bold)
    if i18n.direction(language) == "rtl":
        prefix, pair = ("fonts", "arabic"), (fonts.arabic.regular, fonts.arabic.bold)
    regular = ws.resolve(practice.doc, (*prefix, "regular"), pair[0])
    bold = ws.resolve(practice.doc, (*prefix, "bold"), pair[1])
    try:
        loaded = fontlib.load_fonts(regular, bold)
    except GlyphError as exc:  # located at the line that names the font
        which, path = ("regular", regular) if regular.name in exc.message else ("bold", bold)
        raise practice.doc.error(
            (*prefix, which),
            f"the font file '{ws.display(path)}' cannot be read: it is not a TrueType font.",
            exc.fix,
            cls=GlyphError,
        ) from None
    if prefix[-1] == "arabic":
        ws.once(("joined forms", loaded), lambda: _meet_joined_forms(ws, loaded))
    return loaded


def _meet_joined_forms(ws: Workspace, fonts: fontlib.FontSet) -> None:
    """ReportLab numbers a joined letter form that has no character of its own when it first
    meets it, so the number would depend on what the process drew before. Meeting every form
    of this practice's right-to-left texts first, in a fixed order, makes each PDF the same
    whatever was made before it in the same process."""
    texts = []
    for language in ws.languages():
        if i18n.direction(language) == "rtl":
            texts += _translations(ws, language, [*ws.leaflet_names(), i18n.LIBRARY, i18n.LABELS])
    rtl.glyphs(" ".join(texts), (fonts.regular, fonts.bold))


def _translations(ws: Workspace, language: str, domains: list[str]) -> list[str]:
    """Every translated text of the catalogues ``domains`` in ``language``."""
    texts: list[str] = []
    for domain in domains:
        for message in ws.translator(language, domain).catalog or ():
            found = message.string
            texts += list(found) if isinstance(found, tuple | list) else [found or ""]
    return texts


def check_po_glyphs(tr: i18n.Translator, fonts: fontlib.FontSet) -> None:
    """Every character of every translation in a PO file must be in the language's fonts."""
    if tr.catalog is None:
        return
    for message in tr.catalog:
        strings = message.string if isinstance(message.string, tuple | list) else [message.string]
        for text in strings:
            missing = fonts.missing(text or "")
            if missing:
                raise tr.error(
                    str(message.context),
                    f"the font {fonts.file_of(text or '')} has no {fontlib.describe(missing[0])}, "
                    "so this translation cannot be printed.",
                    "Replace the character with one the font has, or name a font that has it "
                    "under 'fonts:' in practice.yaml.",
                    GlyphError,
                )


def settle(ws: Workspace, translators: list[i18n.Translator], strict: bool) -> None:
    """Say (once per file) how many texts fell back to the source language; or fail if strict."""
    for tr in translators:
        if not tr.problems():
            continue
        missing, fuzzy, broken = len(tr.missing), len(tr.fuzzy), len(tr.broken)
        parts = []
        if missing:
            parts.append(f"{missing} not translated")
        if fuzzy:
            parts.append(f"{fuzzy} to be checked (fuzzy)")
        if broken:
            first = next(iter(tr.broken.values()))
            parts.append(f"{broken} without the placeholder {{{first}}}")
        what = ", ".join(parts)
        if strict:
            first_context = sorted(tr.fuzzy | set(tr.broken) | tr.missing)[0]
            raise tr.error(
                first_context,
                f"{what}: these texts would be printed in the source language.",
                f"Translate them (careprint translate export --lang {tr.language} adds what is "
                "missing), or build without --strict.",
                TranslationError,
            )
        if tr.display not in ws.warned:
            ws.warned.add(tr.display)
            log.warning("%s: %s; those texts are printed in the source language.", tr.display, what)


def check_glyphs(doc: Document, fonts: fontlib.FontSet) -> None:
    """Every character of every text in ``doc`` must be in the fonts."""
    for loc, text in doc.strings():
        missing = fonts.missing(text)
        if missing:
            ch = missing[0]
            raise doc.error(
                loc,
                f"the font {fonts.file_of(text or '')} has no {fontlib.describe(ch)}, "
                "so it cannot be printed.",
                "Replace the character with one the font has (e.g. a plain letter or sign), "
                "or name a font that has it under 'fonts:' in practice.yaml.",
                cls=GlyphError,
            )


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
            f"in {_language_name(tr.language)} ({tr.language}), block '{exc.block}' does not "
            f"fit: {overflow}",
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


def _language_name(language: str) -> str:
    from babel import Locale

    try:
        return str(Locale.parse(language.replace("-", "_")).get_display_name("en"))
    except ValueError:
        return language


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
    try:
        pdf = LAYOUTS[data.spec.kind](data, print_shop=print_shop).render()
    except (Overflow, BadPin) as exc:
        raise _located(where, data, exc) from None
    settle(ws, _translators(ws, name, where), strict)
    return pdf


def _translators(ws: Workspace, name: str, where: Where) -> list[i18n.Translator]:
    if where.translator is None:
        return []
    return [where.translator, ws.translator(where.translator.language, i18n.LABELS)]


def fit(
    ws: Workspace, name: str, layout: str, language: str | None = None, strict: bool = False
) -> Fit:
    """Check that a leaflet fits a layout in a language, without drawing it."""
    data, where = content(ws, name, layout, language)
    try:
        result = LAYOUTS[data.spec.kind](data, print_shop=False).fit()
    except (Overflow, BadPin) as exc:
        raise _located(where, data, exc) from None
    settle(ws, _translators(ws, name, where), strict)
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
        pdf = render(ws, name, layout, True, language, strict)
        result.append(Output(out_dir / f"{stem}-print.pdf", pdf))
    return result


# -- handouts ----------------------------------------------------------------------------------

VIEWS = ("front", "back", "side", "head")


def handout_content(ws: Workspace, path: Path) -> HandoutContent:
    """The checked content of one client's handout, in the client's language."""
    client = ws.client(path)
    language = client.model.language
    shared = ws.once(("handout", language), lambda: _shared(ws, language))
    check_glyphs(client.doc, shared.fonts)
    entries = [_entry(ws, language, choice.id) for choice in client.model.points]
    return HandoutContent(
        client=client.model,
        points=list(zip(client.model.points, entries, strict=True)),
        practice=shared.practice,
        labels=shared.labels,
        fonts=shared.fonts,
        logo=shared.logo,
        logo_display=shared.logo_display,
        outlines=_outlines(ws, {entry.diagram.view for entry in entries}),
        alphabet=alphabet(ws, language),
    )


@dataclass(frozen=True)
class _Shared:
    """What every handout in one language shares: checked and translated once."""

    fonts: fontlib.FontSet
    labels: Labels
    practice: Practice
    logo: Path
    logo_display: str


def _entry(ws: Workspace, language: str, key: str) -> SelfMassage:
    """A library entry in ``language`` (its glyphs are checked with the whole catalogue)."""
    entry = ws.library[key].model
    if language == ws.practice.model.language:
        return entry
    return ws.once(
        ("entry", language, key),
        lambda: i18n.translate_entry(entry, ws.translator(language, i18n.LIBRARY)),
    )


def _shared(ws: Workspace, language: str) -> _Shared:
    practice = ws.practice
    library = ws.library
    fonts = practice_fonts(ws, language)
    labels = ws.labels.model
    practice_model = practice.model
    check_glyphs(practice.doc, fonts)
    if language == practice.model.language:
        for doc in (ws.labels.doc, *(loaded.doc for loaded in library.values())):
            check_glyphs(doc, fonts)
    else:
        labels_tr = ws.translator(language, i18n.LABELS)
        library_tr = ws.translator(language, i18n.LIBRARY)
        for tr in (labels_tr, library_tr):
            check_po_glyphs(tr, fonts)
        labels = i18n.translate_labels(labels, labels_tr)
        practice_model = i18n.translate_practice(practice_model, labels_tr)
    logo = ws.resolve(practice.doc, ("logo",), practice.model.logo)
    return _Shared(fonts, labels, practice_model, logo, ws.display(logo))


def _outlines(ws: Workspace, views: set[str]) -> dict[str, Outline]:
    outlines: dict[str, Outline] = {}
    for view in sorted(views):
        outlines[view] = ws.once(("outline", view), partial(_outline, ws, view))
    return outlines


def _outline(ws: Workspace, view: str) -> Outline:
    svg = ws.root / "templates" / "body" / f"{view}.svg"
    return Outline(svg, ws.display(svg))


def alphabet(ws: Workspace, language: str) -> str:
    """Every character a handout in ``language`` is likely to print: the library's, the
    labels', the practice's, the names of months and days (and for Arabic their joined forms).
    The same for every client, so their handouts number these glyphs alike and share the parts
    drawn once (layout/replay.py)."""
    return ws.once(("alphabet", language), lambda: _alphabet(ws, language))


def _alphabet(ws: Workspace, language: str) -> str:
    from babel.dates import get_day_names, get_month_names

    texts = [chr(code) for code in range(32, 127)] + [BULLET]
    docs = [ws.practice.doc, ws.labels.doc, *(entry.doc for entry in ws.library.values())]
    texts += [text for doc in docs for _, text in doc.strings()]
    if language != ws.practice.model.language:
        texts += _translations(ws, language, [i18n.LABELS, i18n.LIBRARY])
    locale = language.replace("-", "_")
    for names in (get_month_names("wide", locale=locale), get_day_names("wide", locale=locale)):
        texts += [str(name) for name in names.values()]
    chars = set("".join(texts))
    if i18n.direction(language) == "rtl":  # the joined forms HarfBuzz gives the words
        fonts = practice_fonts(ws, language)
        chars.update(rtl.glyphs(" ".join(texts), (fonts.regular, fonts.bold)))
    return "".join(sorted(chars - fontlib.IGNORED))


def handout_name(path: Path, content: HandoutContent) -> str:
    """The handout's file name: the client file's stem and the date, never the client's name."""
    return f"{path.stem}-{content.client.date.isoformat()}.pdf"


@dataclass(frozen=True)
class HandoutOutput(Output):
    content: HandoutContent


def handout(ws: Workspace, path: Path, out_dir: Path, strict: bool = False) -> HandoutOutput:
    """One client's handout as PDF bytes, in memory; nothing is written here."""
    data = handout_content(ws, path)
    try:
        pdf = Handout(data).render()
    except PointTooLong as exc:
        raise _too_long(ws, path, data, exc) from None
    language = data.client.language
    if language != data.practice.language:
        translators = [ws.translator(language, i18n.LIBRARY), ws.translator(language, i18n.LABELS)]
        settle(ws, translators, strict)
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
    email = ws.root / "templates" / "email" / f"{ws.practice.model.language}.j2"
    template = (email.read_text(encoding="utf-8"), ws.display(email)) if email.is_file() else None
    found[i18n.LABELS] = i18n.label_sources(ws.labels.model, template, ws.practice.model)
    return found


def _block_rooms(ws: Workspace, name: str, layout: str) -> dict[str, tuple[int, float]]:
    """Where each block of a leaflet starts in the source language: panel and width (mm)."""
    data, _ = content(ws, name, layout)
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


def library_fit(ws: Workspace, language: str) -> int:
    """Check that every library entry fits one handout page in ``language``; how many there are.

    Client files only show the points they choose; this checks them all, as printed.
    """
    import datetime

    from careprint.content.models import Choice, Client
    from careprint.layout.handout import Dose

    practice = ws.practice
    library = ws.library
    fonts = practice_fonts(ws, language)
    labels = ws.labels.model
    entries = [loaded.model for loaded in library.values()]
    translator = None
    if language != practice.model.language:
        translator = ws.translator(language, i18n.LIBRARY)
        labels = i18n.translate_labels(labels, ws.translator(language, i18n.LABELS))
        entries = [i18n.translate_entry(entry, translator) for entry in entries]
    choices = [Choice(id=entry.id) for entry in entries]
    client = Client(
        name="-", language=language, date=datetime.date.today(), therapist="-", points=choices
    )
    logo = ws.resolve(practice.doc, ("logo",), practice.model.logo)
    outlines = {
        view: Outline(ws.root / "templates" / "body" / f"{view}.svg", f"templates/body/{view}.svg")
        for view in VIEWS
    }
    data = HandoutContent(
        client,
        list(zip(choices, entries, strict=True)),
        practice.model,
        labels,
        fonts,
        logo,
        ws.display(logo),
        outlines,
    )
    layout = Handout(data)
    for number, (choice, entry) in enumerate(data.points, start=1):
        try:
            layout.point(number, choice, entry, Dose.of(entry, choice))
        except PointTooLong as exc:
            excess_mm = exc.excess / 72 * 25.4
            lines = max(1, round(excess_mm / 6 + 0.49))
            what = f"the instructions for '{exc.point}' do not fit on one page: {excess_mm:.0f} mm"
            if translator is None:
                raise library[exc.point].doc.error(
                    ("how",),
                    f"{what} too long.",
                    f"Shorten 'where', 'how', 'avoid' or 'stop_if' by about {lines} lines.",
                    cls=FitError,
                ) from None
            raise translator.error(
                f"{exc.point}:how",
                f"in {_language_name(language)} ({language}), {what} too long.",
                f"Shorten the translation of 'where', 'how', 'avoid' or 'stop_if' of "
                f"'{exc.point}' by about {lines} lines.",
                FitError,
            ) from None
    return len(data.points)
