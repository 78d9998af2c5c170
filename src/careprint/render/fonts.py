"""Typefaces: registered with ReportLab under a name made from their content, and asked which
characters they can print.

ReportLab keeps fonts in one registry per process, by name. A font is registered as
``<file stem>-<digest>``, so two practices whose font files share a name but not their
content never get each other's font, and an edited font file is a new font.
"""

from __future__ import annotations

import hashlib
import io
import unicodedata
from dataclasses import dataclass, field

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from careprint.errors import GlyphError
from careprint.render import compat

IGNORED = {"\n", "\r", "\t", "\u00ad"}  # line breaks and soft hyphens are never drawn as glyphs


@dataclass(frozen=True)
class Face:
    """One registered typeface: its name in ReportLab, its file (for messages), its characters."""

    name: str
    file: str
    chars: frozenset[int] = field(compare=False, repr=False)


@dataclass(frozen=True)
class FontSet:
    """A regular and a bold face, as registered with ReportLab; ``other``: the faces that
    print right-to-left letters (an Arabic name in a Dutch handout), when the text has them."""

    regular_face: Face
    bold_face: Face
    other: FontSet | None = None

    @property
    def regular(self) -> str:
        return self.regular_face.name

    @property
    def bold(self) -> str:
        return self.bold_face.name

    def missing(self, text: str) -> list[str]:
        """Characters of ``text`` that either face lacks, in order of first appearance."""
        found: list[str] = []
        for face in (self.regular_face, self.bold_face):
            for ch in text:
                if ch not in IGNORED and ord(ch) not in face.chars and ch not in found:
                    found.append(ch)
        if self.other is not None:
            other = self.other.missing(text)
            found = [ch for ch in found if ch in other or not right_to_left(ch)]
        return found

    def file_of(self, text: str) -> str:
        """The file of the face that lacks a character of ``text`` (for error messages)."""
        for face in (self.regular_face, self.bold_face):
            if any(ord(ch) not in face.chars for ch in text if ch not in IGNORED):
                return face.file
        return self.regular_face.file


def register(data: bytes, file: str, fast: bool) -> Face:
    """The font in ``data`` (read from ``file``), registered once per process for its content
    (and the path it is drawn by: the fast path makes each subset once)."""
    digest = hashlib.sha256(data).hexdigest()[:16]
    stem = file.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    name = f"{stem}-{digest}" + ("" if fast else "-plain")
    if name in pdfmetrics.getRegisteredFontNames():  # asking getFont would search for it
        font = pdfmetrics.getFont(name)
    else:
        try:
            font = TTFont(name, io.BytesIO(data))
        except (TTFError, OSError, ValueError, AssertionError, IndexError, KeyError):
            raise GlyphError(
                f"the font file '{file}' cannot be read: it is not a TrueType font.",
                fix="Use a TrueType (.ttf) font file; the fonts/ folder has working ones.",
            ) from None
        compat.fix_private_glyphs(font)
        if fast:
            compat.keep_subsets(font)
        pdfmetrics.registerFont(font)
    return Face(name, file.rsplit("/", 1)[-1], frozenset(font.face.charToGlyph))


def pair(regular: Face, bold: Face) -> FontSet:
    """The two faces as one family, so that <b> in a paragraph means the bold face."""
    addMapping(regular.name, 0, 0, regular.name)
    addMapping(regular.name, 1, 0, bold.name)
    addMapping(regular.name, 0, 1, regular.name)
    addMapping(regular.name, 1, 1, bold.name)
    return FontSet(regular, bold)


def right_to_left(ch: str) -> bool:
    """Whether ``ch`` is a letter of a right-to-left script (Arabic, Hebrew)."""
    return unicodedata.bidirectional(ch) in ("R", "AL")


def describe(ch: str) -> str:
    """A character as a user can find it: the character itself and its U+ code."""
    return f"'{ch}' (U+{ord(ch):04X})"
