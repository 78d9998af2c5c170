"""What leaflets and handouts share: the practice's fonts and logo, checks of every character
against the fonts, and the warnings about texts that fell back to the source language."""

from __future__ import annotations

import logging
import unicodedata
from pathlib import Path
from typing import Any

from careprint.content import i18n
from careprint.content.source import Document
from careprint.errors import GlyphError, TranslationError
from careprint.layout import artwork
from careprint.layout.artwork import Artwork
from careprint.layout.brand import Palette
from careprint.layout.handout import outline_colours
from careprint.pdf import pdfx
from careprint.render import fonts as fontlib
from careprint.render.fonts import FontSet
from careprint.workspace import Workspace

log = logging.getLogger("careprint")


def practice_fonts(ws: Workspace, language: str) -> FontSet:
    """The typefaces for a language: the practice's own, or its Arabic pair for Arabic."""
    return ws.once(("fonts", language), lambda: _fonts(ws, language))


def other_fonts(ws: Workspace) -> FontSet:
    """The practice's Arabic pair, for right-to-left words in a left-to-right handout. Their
    glyphs are numbered in each document anew (never the fast path's shared numbering), so
    a handout's bytes do not depend on what the process drew before."""

    def make() -> FontSet:
        fonts = ws.practice.model.fonts.arabic
        faces = []
        for which, named in (("regular", fonts.regular), ("bold", fonts.bold)):
            path = ws.resolve(ws.practice.doc, ("fonts", "arabic", which), named)
            faces.append(fontlib.register(ws.read(path).data, ws.display(path), fast=False))
        return fontlib.pair(*faces)

    return ws.once(("other fonts",), make)


def _fonts(ws: Workspace, language: str) -> FontSet:
    practice = ws.practice
    fonts = practice.model.fonts
    prefix: tuple[str, ...] = ("fonts",)
    pair: tuple[str, str] = (fonts.regular, fonts.bold)
    if i18n.direction(language) == "rtl":
        prefix, pair = ("fonts", "arabic"), (fonts.arabic.regular, fonts.arabic.bold)
    faces = []
    for which, named in zip(("regular", "bold"), pair, strict=True):
        path = ws.resolve(practice.doc, (*prefix, which), named)
        try:
            faces.append(fontlib.register(ws.read(path).data, ws.display(path), ws.fast))
        except GlyphError as exc:  # located at the line that names the font
            raise practice.doc.error((*prefix, which), exc.message, exc.fix, GlyphError) from None
    return fontlib.pair(*faces)


def logo(ws: Workspace, cmyk: bool = False) -> Artwork:
    """The practice's logo, in RGB or in the brand's CMYK (made once for its content)."""
    practice = ws.practice
    path = ws.resolve(practice.doc, ("logo",), practice.model.logo)
    colours = practice.model.colours
    brand = {
        getattr(colours, role).rgb.lower(): getattr(colours, role).cmyk
        for role in artwork.BRAND_ROLES
    }
    key = ("logo", ws.read(path).digest, cmyk and tuple(sorted(brand.items())))

    def make() -> Artwork:
        drawing = _drawing(ws, path, "logo")
        return Artwork(artwork.in_cmyk(drawing, brand) if cmyk else drawing, cmyk)

    return ws.cache.get(key, make)


def print_profile(ws: Workspace) -> pdfx.Profile | None:
    """The print shop's ICC profile named in practice.yaml (``print_profile``), or None; a
    file that is missing or not a CMYK output profile is an error at that line."""
    practice = ws.practice
    named = practice.model.print_profile
    if not named:
        return None
    path = ws.resolve(practice.doc, ("print_profile",), named)
    data = ws.read(path).data
    problem = pdfx.icc_problem(data)
    if problem is not None:
        raise practice.doc.error(
            ("print_profile",),
            f"'{named}' cannot be used as the print shop's profile: {problem}.",
            "Ask the print shop for their ICC profile for CMYK printing (a .icc file), or "
            "remove 'print_profile:' to make PDF/X-1a files for Coated FOGRA39.",
        )
    return pdfx.Profile(data, pdfx.icc_description(data))


def outline(ws: Workspace, view: str) -> Artwork:
    """A body outline (templates/body/VIEW.svg) in the practice's colours."""
    path = ws.path(f"templates/body/{view}.svg")
    fill, stroke = outline_colours(Palette.of(ws.practice.model.colours, cmyk=False))
    key = ("outline", ws.read(path).digest, fill.hexval(), stroke.hexval())

    def make() -> Artwork:
        drawing = _drawing(ws, path, "body outline")
        return Artwork(artwork.recoloured(drawing, fill, stroke))

    return ws.cache.get(key, make)


def _drawing(ws: Workspace, path: Path, what: str) -> Any:
    file = ws.read(path)
    key = ("drawing", ws.display(path), file.digest, what)
    return ws.cache.get(key, lambda: artwork.read(file.data, ws.display(path), what))


def check_glyphs(doc: Document, fonts: FontSet) -> None:
    """Every character of every text in ``doc`` must be in the fonts."""
    for loc, text in doc.strings():
        missing = fonts.missing(text)
        if missing:
            fix = (
                "Replace the character with one the font has (e.g. a plain letter or sign), "
                "or name a font that has it under 'fonts:' in practice.yaml."
            )
            if unicodedata.name(missing[0], "").startswith("ARABIC"):
                fix = (
                    "Arabic letters are printed in the Arabic editions only (a client's "
                    "language: ar, a leaflet's Arabic translation); here, write it in Latin "
                    "letters."
                )
            raise doc.error(
                loc,
                f"the font {fonts.file_of(text)} has no {fontlib.describe(missing[0])}, "
                "so it cannot be printed.",
                fix,
                cls=GlyphError,
            )


def check_po_glyphs(tr: i18n.Translator, fonts: FontSet) -> None:
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
                    f"the font {fonts.file_of(text or '')} has no "
                    f"{fontlib.describe(missing[0])}, so this translation cannot be printed.",
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


def translations(ws: Workspace, language: str, domains: list[str]) -> list[str]:
    """Every translated text of the catalogues ``domains`` in ``language``."""
    texts: list[str] = []
    for domain in domains:
        for message in ws.translator(language, domain).catalog or ():
            found = message.string
            texts += list(found) if isinstance(found, tuple | list) else [found or ""]
    return texts


def language_name(language: str) -> str:
    from babel import Locale

    try:
        return str(Locale.parse(language.replace("-", "_")).get_display_name("en"))
    except ValueError:
        return language


def fit_lines(excess_points: float) -> str:
    """About how many 12 pt lines (with their leading: about 6 mm) make ``excess_points``."""
    lines = max(1, round(excess_points / 72 * 25.4 / 6 + 0.49))
    return "1 line" if lines == 1 else f"{lines} lines"
