"""The typefaces: registered once per file, and asked which characters they can print."""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from careprint.errors import GlyphError

IGNORED = {"\n", "\r", "\t", "\u00ad"}  # line breaks and soft hyphens are never drawn as glyphs


@dataclass(frozen=True)
class FontSet:
    """A regular and a bold face registered with ReportLab, by their internal names."""

    regular: str
    bold: str

    def missing(self, text: str) -> list[str]:
        """Characters of ``text`` that either face lacks, in order of first appearance."""
        return list(_missing(self.regular, self.bold, text))

    def file_of(self, text: str) -> str:
        """Name of the face that lacks a character of ``text`` (for error messages)."""
        for face in (self.regular, self.bold):
            if any(ord(ch) not in _charmap(face) for ch in text if ch not in IGNORED):
                return _files[face]
        return _files[self.regular]


_files: dict[str, str] = {}


@lru_cache(maxsize=50_000)
def _missing(regular: str, bold: str, text: str) -> tuple[str, ...]:
    found: list[str] = []
    for face in (regular, bold):
        chars = _charmap(face)
        for ch in text:
            if ch not in IGNORED and ord(ch) not in chars and ch not in found:
                found.append(ch)
    return tuple(found)


@cache
def _charmap(name: str) -> frozenset[int]:
    font = pdfmetrics.getFont(name)
    return frozenset(font.face.charToGlyph)


@cache
def _register(path: Path) -> str:
    name = path.stem
    try:
        font = TTFont(name, str(path))
        _keep_subsets(font)
        pdfmetrics.registerFont(font)
    except (TTFError, OSError, ValueError, AssertionError):
        raise GlyphError(
            f"the font file '{path.parent.name}/{path.name}' cannot be read: it is not a "
            "TrueType font.",
            fix="Use a TrueType (.ttf) font file; the fonts/ folder has working ones.",
        ) from None
    _files[name] = path.name
    return name


class _Flate:
    """zlib, once for each font program and character map: PDFs embed the same subsets."""

    pdfname = "FlateDecode"

    @staticmethod
    @lru_cache(maxsize=64)
    def encode(data: bytes | str) -> bytes:
        return zlib.compress(data.encode("utf-8") if isinstance(data, str) else data)


def _keep_subsets(font: TTFont) -> None:
    """Make each subset of the font once per process, not once per PDF: handouts seeded alike
    (layout/replay.py) embed the same subsets."""
    face = font.face
    make, add, add_font = face.makeSubset, face.addSubsetObjects, font.addObjects

    @lru_cache(maxsize=64)
    def made(subset: tuple[int, ...]) -> bytes:
        return make(list(subset))  # type: ignore[no-any-return]

    def add_objects(doc: Any, fontname: str, subset: list[int]) -> Any:
        reference = add(doc, fontname, subset)
        doc.idToObject[f"fontFile:{face.filename}({fontname})"].filters = [_Flate]
        return reference

    def add_font_objects(doc: Any) -> None:
        add_font(doc)
        for name, made_object in doc.idToObject.items():  # the subsets' character maps too
            if name.startswith("toUnicodeCMap:"):
                made_object.filters = [_Flate]

    face.makeSubset = lambda subset: made(tuple(subset))
    face.addSubsetObjects = add_objects
    font.addObjects = add_font_objects


def load_fonts(regular: Path, bold: Path) -> FontSet:
    """Register both faces (once per process) and map bold for <b> in paragraphs."""
    fonts = FontSet(_register(regular), _register(bold))
    addMapping(fonts.regular, 0, 0, fonts.regular)
    addMapping(fonts.regular, 1, 0, fonts.bold)
    addMapping(fonts.regular, 0, 1, fonts.regular)
    addMapping(fonts.regular, 1, 1, fonts.bold)
    return fonts


def describe(ch: str) -> str:
    """A character as a user can find it: the character itself and its U+ code."""
    return f"'{ch}' (U+{ord(ch):04X})"
