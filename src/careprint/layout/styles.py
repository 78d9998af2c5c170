"""Paragraph styles for every layout, from the brand (fonts, colours) and the layout's body size."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

import pyphen
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from careprint.layout.brand import Palette
from careprint.layout.fonts import FontSet
from careprint.layout.rtl import make_rtl


@cache
def hyphenator(language: str) -> Callable[[str], Iterator[tuple[str, str]]] | str:
    """Pyphen's word splitter for a language code ('nl', 'de', 'pt-BR'), or '' when there is none.

    ReportLab accepts a callable here; made once per language, it spares ReportLab loading the
    dictionary again for every paragraph.
    """
    base = language.replace("-", "_")
    names = [base, *sorted(n for n in pyphen.LANGUAGES if n.split("_")[0] == base.split("_")[0])]
    for name in names:
        if name in pyphen.LANGUAGES:
            return pyphen.Pyphen(lang=name).iterate  # type: ignore[no-any-return]
    return ""


# Arabic letters are small for their point size beside Latin ones: the same reading size needs
# a larger type size.
ARABIC_SCALE = 1.12


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    bullet: ParagraphStyle
    heading: ParagraphStyle
    box_heading: ParagraphStyle
    emphasis: ParagraphStyle  # white on the brand colour (call to action)
    small: ParagraphStyle
    contact: ParagraphStyle
    contact_heading: ParagraphStyle
    name: ParagraphStyle


def make_styles(
    fonts: FontSet, palette: Palette, size: float, spacing: float, language: str, rtl: bool = False
) -> Styles:
    """Ragged right, hyphenated, at least ``size`` points with ``spacing`` times that leading."""
    if rtl:
        size *= ARABIC_SCALE
    hyphens = hyphenator(language)
    body = ParagraphStyle(
        "body",
        fontName=fonts.regular,
        fontSize=size,
        leading=size * spacing,
        textColor=palette.text,
        alignment=TA_LEFT,
        spaceAfter=size * 0.6,
        hyphenationLang=hyphens,
        hyphenationMinWordLength=12,  # only long compounds: fewer hyphens read easier
        embeddedHyphenation=1,
        uriWasteReduce=0.3,
        allowWidows=0,
        allowOrphans=0,
    )
    heading_size = round(size * 1.3, 1)
    heading = ParagraphStyle(
        "heading",
        parent=body,
        fontName=fonts.bold,
        fontSize=heading_size,
        leading=heading_size * 1.25,
        textColor=palette.primary,
        spaceBefore=size * 0.9,
        spaceAfter=size * 0.45,
        keepWithNext=1,
        hyphenationLang="",
    )
    bullet = ParagraphStyle(
        "bullet",
        parent=body,
        leftIndent=size * 1.25,
        bulletIndent=size * 0.1,
        bulletFontName=fonts.bold,
        bulletFontSize=size,
        bulletColor=palette.accent,
        spaceAfter=size * 0.35,
    )
    styles = Styles(
        body=body,
        bullet=bullet,
        heading=heading,
        box_heading=ParagraphStyle("box_heading", parent=heading, spaceBefore=0),
        emphasis=ParagraphStyle(
            "emphasis",
            parent=body,
            fontName=fonts.bold,
            fontSize=size * 1.1,
            leading=size * 1.1 * spacing,
            textColor=palette.white,
            spaceAfter=0,
        ),
        small=ParagraphStyle(
            "small",
            parent=body,
            fontSize=max(11.0, size - 1),
            leading=max(11.0, size - 1) * 1.35,
            hyphenationLang="",
        ),
        contact=ParagraphStyle("contact", parent=body, spaceAfter=0, hyphenationLang=""),
        contact_heading=ParagraphStyle(
            "contact_heading", parent=heading, spaceBefore=0, spaceAfter=size * 0.5
        ),
        name=ParagraphStyle(
            "name",
            parent=body,
            fontName=fonts.bold,
            fontSize=size * 1.15,
            leading=size * 1.4,
            textColor=palette.primary,
            spaceAfter=0,
            hyphenationLang="",
        ),
    )
    if rtl:
        for style in vars(styles).values():
            make_rtl(style)
    return styles
