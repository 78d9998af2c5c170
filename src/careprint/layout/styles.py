"""Paragraph styles for every layout and the handout, from the brand (fonts, colours) and the
body size."""

from __future__ import annotations

import contextlib
import os
import pickle
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from typing import Any

import pyphen
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from careprint.content.contrast import LATIN_LIGHTEN
from careprint.layout.brand import Palette
from careprint.layout.rtl import make_rtl
from careprint.render.fonts import FontSet


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
            return partial(_splits, _patterns(pyphen.LANGUAGES[name]).iterate)
    return ""


def _splits(
    iterate: Callable[[str], Iterator[tuple[str, str]]], word: str
) -> Iterator[tuple[str, str]]:
    """Pyphen's ways to break ``word`` (head, tail), ReportLab adding the hyphen to the head. A
    word with a hyphen of its own ("out-of-hours", the end of a web address) breaks only there,
    and that hyphen is not printed twice."""
    if "-" in word.strip("-"):
        cuts = [i for i, char in enumerate(word) if char == "-" and 0 < i < len(word) - 1]
        yield from ((word[:i], word[i + 1 :]) for i in reversed(cuts))
        return
    for head, tail in iterate(word):
        if tail.startswith("-"):
            yield head, tail[1:]
        elif head.endswith("-"):
            yield head[:-1], tail
        else:
            yield head, tail


def _patterns(path: Path) -> pyphen.Pyphen:
    """Pyphen for a dictionary, its parsed patterns kept in the user's cache folder.

    Parsing a dictionary takes about half a second; reading the parsed patterns back, a few
    milliseconds. A missing or unreadable cache is simply made again; the patterns of an
    earlier version of the dictionary are removed then.
    """
    folder = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "careprint"
    # a dictionary changes only with pyphen's version (the size guards against hand edits);
    # not the file's time, which every new installation of the same version changes
    version = getattr(pyphen, "__version__", "0")
    cached = folder / f"hyph-{path.stem}-{path.stat().st_size}-{version}.pickle"
    with contextlib.suppress(OSError, pickle.PickleError, EOFError, AttributeError):
        pyphen.hdcache[path] = pickle.loads(cached.read_bytes())
    hyphens = pyphen.Pyphen(filename=path)
    if not cached.exists():
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)
            temp = cached.with_suffix(f".{os.getpid()}.tmp")
            temp.write_bytes(pickle.dumps(hyphens.hd, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(temp, cached)
            for old in folder.glob(f"hyph-{path.stem}-*.pickle"):
                if old != cached:
                    old.unlink(missing_ok=True)
    return hyphens


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
    fonts: FontSet,
    palette: Palette,
    size: float,
    spacing: float,
    language: str,
    rtl: bool = False,
    hyphenate: bool = True,
) -> Styles:
    """Ragged right, hyphenated unless ``hyphenate`` is false, at least ``size`` points with
    ``spacing`` times that leading."""
    if rtl:
        size *= ARABIC_SCALE
    hyphens = hyphenator(language) if hyphenate else ""
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
            fontSize=size if size >= 16 else max(11.0, size - 1),  # large print: never smaller
            leading=(size if size >= 16 else max(11.0, size - 1)) * 1.35,
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


HANDOUT_SIZE = 12.0  # body text of the handout, points; nothing on it is smaller


class HandoutStyles:
    """The handout's styles: 12 pt body text at 1.4 line spacing, headings in the brand colour;
    all right-to-left in a right-to-left language."""

    def __init__(self, fonts: FontSet, palette: Palette, rtl: bool = False) -> None:
        size = HANDOUT_SIZE
        base = ParagraphStyle(
            "body",
            fontName=fonts.regular,
            fontSize=size,
            leading=size * 1.4,
            textColor=palette.text,
            spaceAfter=size * 0.5,
            allowWidows=0,
            allowOrphans=0,
        )

        def style(name: str, **kw: Any) -> ParagraphStyle:
            return ParagraphStyle(name, parent=base, **kw)

        self.body = base
        self.tight = style("tight", spaceAfter=0)
        self.title = style(
            "title",
            fontName=fonts.bold,
            fontSize=24,
            leading=29,
            textColor=palette.primary,
            spaceAfter=4,
        )
        self.point = style(
            "point", fontName=fonts.bold, fontSize=17, leading=21, textColor=palette.primary
        )
        self.latin = style(
            "latin", textColor=palette.lighten(palette.text, LATIN_LIGHTEN), spaceAfter=0
        )
        self.heading = style(
            "subheading",  # the name gives its role in the tagged PDF (layout/tagged.py): H3
            fontName=fonts.bold,
            fontSize=size * 1.15,
            leading=size * 1.4,
            textColor=palette.primary,
            spaceBefore=size * 0.3,
            spaceAfter=size * 0.2,
            keepWithNext=1,
        )
        self.section = style(
            "section",
            fontName=fonts.bold,
            fontSize=18,
            leading=22,
            textColor=palette.primary,
            spaceBefore=size,
            spaceAfter=size * 0.4,
            keepWithNext=1,
        )
        self.label = style("label", fontName=fonts.bold, textColor=palette.primary, spaceAfter=0)
        self.bullet = style(
            "bullet",
            leftIndent=size * 1.1,
            bulletIndent=0,
            bulletFontName=fonts.bold,
            bulletFontSize=size,
            bulletColor=palette.accent,
            spaceAfter=size * 0.25,
        )
        self.white = style("white", textColor=palette.white, fontName=fonts.bold, spaceAfter=0)
        self.right = style("right", alignment=TA_RIGHT, spaceAfter=0)
        self.name = style(
            "name", fontName=fonts.bold, fontSize=14, leading=17, textColor=palette.primary
        )
        self.rtl = rtl
        if rtl:
            for value in list(vars(self).values()):
                if isinstance(value, ParagraphStyle):
                    make_rtl(value)

    def like(self, base: ParagraphStyle, name: str, **kw: Any) -> ParagraphStyle:
        """A variant of ``base``, right-to-left when the handout is."""
        style = ParagraphStyle(name, parent=base, **kw)
        return make_rtl(style) if self.rtl else style
