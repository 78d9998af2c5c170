"""Handouts: a client file checked against the library and its language, laid out and drawn;
and the check that every point of the library fits a page in every language."""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

from careprint.app import common
from careprint.app.logkey import log_key
from careprint.content import i18n, logbook
from careprint.content.dosage import Dose
from careprint.content.models import Choice, Client, Labels, Practice, SelfMassage
from careprint.deliver.files import write_atomic
from careprint.errors import FitError
from careprint.layout.artwork import Artwork
from careprint.layout.blocks import BULLET
from careprint.layout.handout import (
    Handout,
    HandoutContent,
    HeaderTooLong,
    PointTooLong,
    header_name_size,
    made,
)
from careprint.layout.rtl import FOREIGN, glyphs
from careprint.pdf import forms
from careprint.render import documents
from careprint.render.fonts import IGNORED, FontSet
from careprint.render.replay import Replay, keeper
from careprint.workspace import Workspace

VIEWS = ("front", "back", "side", "head")


@dataclass(frozen=True)
class Shared:
    """What every handout in one language shares: checked and translated once, and the digest
    of all of it (the scope under which their common parts are kept)."""

    fonts: FontSet
    labels: Labels
    practice: Practice
    logo: Artwork
    scope: str


def shared(ws: Workspace, language: str) -> Shared:
    return ws.once(("handout", language), lambda: _shared_kept(ws, language))


def _shared_kept(ws: Workspace, language: str) -> Shared:
    """What the handouts in ``language`` share, made once for the content of every file it
    comes from (its checks of every character read all the library: a running app would
    otherwise do that for each preview)."""
    practice = ws.practice.model
    fonts = practice.fonts
    pair = (fonts.regular, fonts.bold)
    if i18n.direction(language) == "rtl":
        pair = (fonts.arabic.regular, fonts.arabic.bold)
    files = [
        ws.path("practice.yaml"),
        ws.path("templates/labels.yaml"),
        *ws.library_files(),
        ws.path(f"translations/{language}/{i18n.LABELS}.po"),
        ws.path(f"translations/{language}/{i18n.LIBRARY}.po"),
        ws.path(practice.logo),
        *(ws.path(f"templates/body/{view}.svg") for view in VIEWS),
        *(ws.path(name) for name in pair),
    ]
    key = ("handout shared", language, ws.fast, ws.digest(files))
    return ws.cache.get(key, lambda: _shared(ws, language))


def _shared(ws: Workspace, language: str) -> Shared:
    practice = ws.practice
    library = ws.library
    fonts = common.practice_fonts(ws, language)
    labels = ws.labels.model
    practice_model = practice.model
    common.check_glyphs(practice.doc, fonts)
    if language == practice.model.language:
        for doc in (ws.labels.doc, *(loaded.doc for loaded in library.values())):
            common.check_glyphs(doc, fonts)
    else:
        labels_tr = ws.translator(language, i18n.LABELS)
        library_tr = ws.translator(language, i18n.LIBRARY)
        for tr in (labels_tr, library_tr):
            common.check_po_glyphs(tr, fonts)
        labels = i18n.translate_labels(labels, labels_tr)
        practice_model = i18n.translate_practice(practice_model, labels_tr)
    logo_path = ws.resolve(practice.doc, ("logo",), practice.model.logo)
    bodies = [ws.path(f"templates/body/{view}.svg") for view in VIEWS]
    scope = hashlib.sha256(
        "\0".join(
            [
                language,
                fonts.regular,
                fonts.bold,
                practice_model.model_dump_json(),
                labels.model_dump_json(),
                ws.digest([logo_path, *bodies]),
            ]
        ).encode()
    ).hexdigest()
    return Shared(fonts, labels, practice_model, common.logo(ws), scope)


def handout_content(ws: Workspace, path: Path) -> HandoutContent:
    """The checked content of one client's handout, in the client's language."""
    client = ws.client(path)
    language = client.model.language
    found = shared(ws, language)
    fonts = found.fonts
    texts = [text for _, text in client.doc.strings()]
    if i18n.direction(language) == "ltr" and any(map(FOREIGN.search, texts)):
        fonts = replace(fonts, other=common.other_fonts(ws))
    common.check_glyphs(client.doc, fonts)
    entries = [_entry(ws, language, choice.id) for choice in client.model.points]
    views = {entry.diagram.view for entry in entries}
    model = client.model
    fillable = model.fillable if model.fillable is not None else found.practice.fillable
    return HandoutContent(
        client=client.model,
        points=list(zip(client.model.points, entries, strict=True)),
        practice=found.practice,
        labels=found.labels,
        fonts=fonts,
        logo=found.logo,
        outlines={view: common.outline(ws, view) for view in sorted(views)},
        alphabet=alphabet(ws, language) if ws.fast else "",
        code=log_code(ws, path, model, entries),
        fillable=fillable,
    )


def log_plan(client: Client, entries: list[SelfMassage]) -> list[logbook.PointPlan]:
    """The week a client's handout logs: each point's sessions a day, on which days."""
    doses = [Dose.of(entry, choice) for choice, entry in zip(client.points, entries, strict=True)]
    points = [(e.id, d.per_day, d.rest_days) for e, d in zip(entries, doses, strict=True)]
    return logbook.plan(points, client.date)


def log_code(ws: Workspace, path: Path, client: Client, entries: list[SelfMassage]) -> str:
    """The code printed under a handout's week (content/logbook.py)."""
    names = logbook.field_names(log_plan(client, entries), logbook.week(client.date))
    return logbook.code(log_key(ws), path.stem, names)


def _entry(ws: Workspace, language: str, key: str) -> SelfMassage:
    """A library entry in ``language`` (its glyphs are checked with the whole catalogue)."""
    entry = ws.library[key].model
    if language == ws.practice.model.language:
        return entry
    return ws.once(
        ("entry", language, key),
        lambda: i18n.translate_entry(entry, ws.translator(language, i18n.LIBRARY)),
    )


def alphabet(ws: Workspace, language: str) -> str:
    """Every character a handout in ``language`` is likely to print: the library's, the
    labels', the practice's, the names of months and days (and for Arabic their joined forms).
    The same for every client, so their handouts number these glyphs alike and share the parts
    drawn once (render/replay.py)."""
    fonts = common.practice_fonts(ws, language)
    inputs = [
        ws.root / "practice.yaml",
        ws.path("templates/labels.yaml"),
        *ws.library_files(),
        ws.path(f"translations/{language}/{i18n.LABELS}.po"),
        ws.path(f"translations/{language}/{i18n.LIBRARY}.po"),
    ]
    key = ("alphabet", language, fonts, ws.digest(inputs))
    return ws.cache.get(key, lambda: _alphabet(ws, language, fonts))


def _alphabet(ws: Workspace, language: str, fonts: FontSet) -> str:
    from babel.dates import get_day_names, get_month_names

    texts = [chr(code) for code in range(32, 127)] + [BULLET]
    docs = [ws.practice.doc, ws.labels.doc, *(entry.doc for entry in ws.library.values())]
    texts += [text for doc in docs for _, text in doc.strings()]
    if language != ws.practice.model.language:
        texts += common.translations(ws, language, [i18n.LABELS, i18n.LIBRARY])
    locale = language.replace("-", "_")
    for names in (get_month_names("wide", locale=locale), get_day_names("wide", locale=locale)):
        texts += [str(name) for name in names.values()]
    chars = set("".join(texts))
    if i18n.direction(language) == "rtl":  # the joined forms HarfBuzz gives the words
        chars.update(glyphs(" ".join(texts), (fonts.regular, fonts.bold)))
    return "".join(sorted(chars - IGNORED))


def render(ws: Workspace, data: HandoutContent, preview: bool = False) -> bytes:
    """The handout as PDF bytes: the fast way (parts kept in the workspace's cache, copied
    into seeded documents) or the plain way, as the workspace says. ``preview``: only to be
    looked at (the app's pictures of its pages): without the structure for screen readers
    and the form fields, which change no pixel."""
    language = data.client.language
    rtl = i18n.direction(language) == "rtl"
    try:
        header_name_size(data.practice, data.fonts, rtl)
    except HeaderTooLong as exc:
        raise _header_too_long(ws, exc) from None
    scope = shared(ws, language).scope if ws.fast else ""
    with documents.LOCK:
        layout = Handout(data, keeper(ws.cache, scope) if ws.fast else made)
        story = layout.story()
        if ws.fast:
            replay = ws.cache.get(("furniture", scope), lambda: Replay(ws.cache))
            templates = layout.templates(lambda canvas: replay.draw(canvas, layout.furniture))
            seed = ((data.fonts.regular, data.fonts.bold), data.alphabet)
        else:
            templates, seed = layout.templates(layout.furniture), None
        meta = documents.Meta(
            title=data.labels.handout.document,  # never the client's name: it is searchable
            author=data.practice.name,
            subject=data.labels.handout.document,
            language=language,
            font=data.fonts.regular,
            size=12,
            tagged=not preview,
        )
        pdf, _ = documents.flowing(
            story, templates, layout.page_size, meta, layout.footer(), (), seed
        )
    if data.fillable and not preview:
        pdf = forms.add_fields(pdf, _form(layout, data.code))
    return pdf


def _form(layout: Handout, code: str) -> forms.Form:
    """The fields of a fillable handout, where its layout drew their boxes."""
    fields = []
    for spot in layout.spots:
        if spot.name.startswith("pain."):
            kind: forms.Kind = "number"
        elif spot.name == logbook.QUESTIONS:
            kind = "text"
        else:
            kind = "tick"
        limit = (0, logbook.PAIN_MAX) if kind == "number" else None
        fields.append(forms.Field(spot.name, kind, spot.page, spot.rect, spot.tooltip, limit))
    colour = layout.palette.primary.rgb()
    return forms.Form(fields, {logbook.CODE_FIELD: code}, (colour[0], colour[1], colour[2]))


def handout_name(path: Path, content: HandoutContent) -> str:
    """The handout's file name: the client file's stem and the date, never the client's name."""
    return f"{path.stem}-{content.client.date.isoformat()}.pdf"


@dataclass(frozen=True)
class HandoutOutput:
    path: Path
    data: bytes
    content: HandoutContent


def handout(
    ws: Workspace,
    path: Path,
    out_dir: Path,
    strict: bool = False,
    content: HandoutContent | None = None,
    preview: bool = False,
) -> HandoutOutput:
    """One client's handout as PDF bytes, in memory; nothing is written here. ``content``:
    its content, when the caller has it already."""
    data = content if content is not None else handout_content(ws, path)
    try:
        pdf = render(ws, data, preview)
    except PointTooLong as exc:
        raise _too_long(ws, path, data, exc) from None
    language = data.client.language
    if language != data.practice.language:
        translators = [ws.translator(language, i18n.LIBRARY), ws.translator(language, i18n.LABELS)]
        common.settle(ws, translators, strict)
    return HandoutOutput(out_dir / handout_name(path, data), pdf, data)


def write(made: HandoutOutput) -> None:
    """Write the handout atomically, readable by its owner only (it holds health data)."""
    write_atomic(made.path, made.data, private=True)


def _header_too_long(ws: Workspace, exc: HeaderTooLong) -> FitError:
    """The practice's name or tagline, too wide for the handout's header, as an error there."""
    what = "name" if exc.field == "name" else "tagline"
    wide = max(1, round(exc.excess_mm))
    return ws.practice.doc.error(  # type: ignore[return-value]
        (exc.field,),
        f"the practice's {what} is {wide} mm too wide for the handout's header.",
        f"Shorten the {what}"
        + (", or make the phone number or web address shorter" if exc.field == "name" else "")
        + ".",
        cls=FitError,
    )


def _too_long(ws: Workspace, path: Path, data: HandoutContent, exc: PointTooLong) -> FitError:
    excess_mm = exc.excess / 72 * 25.4
    lines = common.fit_lines(exc.excess)
    what = (
        f"the instructions for '{exc.point}' do not fit on two pages: {excess_mm:.0f} mm too long."
    )
    if exc.has_note:
        index = next(i for i, (c, _) in enumerate(data.points) if c.id == exc.point and c.note)
        doc = ws.client(path).doc
        fix = f"Shorten the note for this point by about {lines}."
        return doc.error(("points", index, "note"), what, fix, cls=FitError)  # type: ignore[return-value]
    doc = ws.library[exc.point].doc
    fix = f"Shorten 'where', 'how', 'avoid' or 'stop_if' by about {lines}."
    return doc.error(("how",), what, fix, cls=FitError)  # type: ignore[return-value]


def library_fit(ws: Workspace, language: str) -> int:
    """Check that every library entry fits one handout page in ``language``; how many there are.

    Client files only show the points they choose; this checks them all, as printed.
    """
    library = ws.library
    found = shared(ws, language)
    entries = [loaded.model for loaded in library.values()]
    translator = None
    if language != ws.practice.model.language:
        translator = ws.translator(language, i18n.LIBRARY)
        entries = [i18n.translate_entry(entry, translator) for entry in entries]
    choices = [Choice(id=entry.id) for entry in entries]
    client = Client(
        name="-", language=language, date=datetime.date.today(), therapist="-", points=choices
    )
    data = HandoutContent(
        client,
        list(zip(choices, entries, strict=True)),
        found.practice,
        found.labels,
        found.fonts,
        found.logo,
        {view: common.outline(ws, view) for view in VIEWS},
    )
    with documents.LOCK:
        layout = Handout(data)
        for number, (choice, entry) in enumerate(data.points, start=1):
            try:
                layout.point_pages(number, choice, entry, Dose.of(entry, choice))
            except PointTooLong as exc:
                raise _library_too_long(ws, language, translator, exc) from None
    return len(data.points)


def _library_too_long(
    ws: Workspace, language: str, translator: i18n.Translator | None, exc: PointTooLong
) -> FitError:
    excess_mm = exc.excess / 72 * 25.4
    lines = common.fit_lines(exc.excess)
    what = f"the instructions for '{exc.point}' do not fit on two pages: {excess_mm:.0f} mm"
    if translator is None:
        return ws.library[exc.point].doc.error(  # type: ignore[return-value]
            ("how",),
            f"{what} too long.",
            f"Shorten 'where', 'how', 'avoid' or 'stop_if' by about {lines}.",
            cls=FitError,
        )
    return translator.error(  # type: ignore[return-value]
        f"{exc.point}:how",
        f"in {common.language_name(language)} ({language}), {what} too long.",
        f"Shorten the translation of 'where', 'how', 'avoid' or 'stop_if' of "
        f"'{exc.point}' by about {lines}.",
        FitError,
    )
