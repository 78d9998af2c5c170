"""Right-to-left text (Arabic): shaped with HarfBuzz, words in visual order, right-aligned.

ReportLab's Paragraph cannot lay out right-to-left text here (its bidi module is not on the
package index, and shaping inside Paragraph fails for Arabic), so this module does the little
that patient texts need. Lines are broken in logical order using the shaped widths of the
words; each word is shaped on its own (Arabic letters join only within a word); words are then
put in visual order with a word-level form of the Unicode bidi rules: Arabic words run from
right to left, a run of Latin words (an email address, a name) keeps its own left-to-right
order, and numbers between Latin words belong to them. Every line is marked with its logical
text (PDF /ActualText), so copying or extracting it gives the Arabic in reading order.

A word the font cannot shape (a glyph missing) is an error rather than a row of disconnected
letters; the callers check characters against the font before layout.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Any
from xml.sax.saxutils import unescape

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.fonts import tt2ps
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import shapeStr
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from careprint.layout.tagged import role_of
from careprint.render import compat, tagging

TAG = re.compile(r"<(/?)(b|br/?)\s*/?>")


@dataclass(frozen=True)
class Word:
    text: str  # logical order
    font: str
    size: float
    bound: bool = False  # kept on the line of the word before it (a no-break space between)
    mark: bool = False  # punctuation after the word before it, drawn beside it without a space

    @property
    def runs(self) -> tuple[tuple[str, float], ...]:
        """The word's pieces in the order they are drawn, left to right, each shaped in its own
        direction, with its width."""
        return _runs(self.text, self.font, self.size)

    @property
    def width(self) -> float:
        return sum(width for _, width in self.runs)

    @property
    def direction(self) -> str:
        """'R' for Arabic letters, 'L' for Latin letters, 'D' for numbers, 'N' for signs only."""
        return _direction(self.text)


# Shaping a word is a pure function of the word, the font (registered under a name made from
# its content, render/fonts.py) and the size: it is memoised, as a function, not a store of
# anything a file could change.
@lru_cache(maxsize=20_000)
def _shape(text: str, font: str, size: float) -> str:
    return shapeStr(text, font, size)  # type: ignore[no-any-return]


MIRROR = str.maketrans("()[]{}<>", ")(][}{><")
NUMERAL = re.compile(r"^(\W*)(\d.*\d|\d)(\W*)$")


def _numeral(text: str) -> str:
    """A number with signs around it, as seen in right-to-left text: the digits left to right,
    the signs on the other side and mirrored ('112؟' shows as '؟112', '(10)' stays '(10)')."""
    match = NUMERAL.match(text)
    if not match:
        return text
    before, number, after = match.groups()
    return after[::-1].translate(MIRROR) + number + before[::-1].translate(MIRROR)


@lru_cache(maxsize=20_000)
def _width(text: str, font: str, size: float) -> float:
    advance = compat.shaped_advance(_shape(_numeral(text), font, size))
    if advance is not None:
        return advance * size / 1000
    return float(stringWidth(text, font, size))


DIGITS = re.compile(r"(\d+(?:[.,:/-]\d+)*)")
TRAILING = re.compile(r"^(.*?[^\s.,:;!?،؛؟])([.,:;!?،؛؟]+)$")


@lru_cache(maxsize=20_000)
def _runs(text: str, font: str, size: float) -> tuple[tuple[str, float], ...]:
    """See :attr:`Word.runs`. HarfBuzz shapes a piece in one direction, so digits joined to
    Arabic letters ("و10", and 10) are shaped apart, and drawn left to right, on the left of
    the letters before them."""
    pieces = [text]
    if _direction(text) == "R" and DIGITS.search(text):
        pieces = [piece for piece in reversed(DIGITS.split(text)) if piece]
    return tuple((_shape(_numeral(p), font, size), _width(p, font, size)) for p in pieces)


def _tokens(text: str, font: str, size: float) -> list[Word]:
    """The words of a text: split at spaces; a no-break space binds two words to one line;
    punctuation after a Latin word ("(RSI)،") is a word of its own, so that in a right-to-left
    line it goes on the word's left, where the reader meets it after the word."""
    words: list[Word] = []
    for token in re.split(r"[ \t\r\n]+", text):
        for index, part in enumerate(token.split("\u00a0")):
            if not part:
                continue
            bound = index > 0
            found = TRAILING.match(part) if _direction(part) == "L" else None
            if found:
                words.append(Word(found.group(1), font, size, bound=bound))
                words.append(Word(found.group(2), font, size, bound=True, mark=True))
            else:
                words.append(Word(part, font, size, bound=bound))
    return words


def spaced(words: list[Word], order: list[int]) -> list[bool]:
    """For each word in drawing order (``order``), whether a space goes before it: none
    between a punctuation mark and the word it follows."""
    spaces = []
    for position, index in enumerate(order):
        if position == 0:
            spaces.append(False)
            continue
        before = order[position - 1]
        joined = (words[index].mark and index == before + 1) or (
            words[before].mark and before == index + 1
        )
        spaces.append(not joined)
    return spaces


@lru_cache(maxsize=20_000)
def _direction(text: str) -> str:
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return "R"
        if kind == "L":
            return "L"
    return "D" if any(ch.isdigit() for ch in text) else "N"


def glyphs(text: str, fonts: tuple[str, ...]) -> str:
    """The shaped glyphs of every word of ``text`` in each of ``fonts``, as ReportLab encodes
    them (joined letter forms and ligatures are characters of their own)."""
    import uharfbuzz

    words = sorted(set(text.split()))  # in a fixed order: ReportLab numbers new glyphs as met
    found: list[str] = []
    for font in fonts:
        face = pdfmetrics.getFont(font)
        shaper = face.hbFont(12.0)
        seen: set[int] = set()
        for start in range(0, len(words), 100):  # words never join across a space
            line = " ".join(_numeral(word) for word in words[start : start + 100])
            buffer = uharfbuzz.Buffer()
            buffer.cluster_level = uharfbuzz.BufferClusterLevel.MONOTONE_CHARACTERS
            buffer.add_str(line)
            buffer.guess_segment_properties()
            uharfbuzz.shape(shaper, buffer, SHAPING)
            for info in buffer.glyph_infos:
                glyph = info.codepoint
                if glyph in seen:
                    continue
                seen.add(glyph)
                chars = face.face.glyphToChar.get(glyph)
                if chars:  # joined forms have private code points (render/compat.py)
                    found.append(chr(chars[0]))
    return "".join(found)


SHAPING = {"kern": True, "liga": True, "dlig": True}  # as ReportLab shapes


def visual(words: list[Word]) -> list[int]:
    """Indices of one right-to-left line's words in the order they are drawn, left to right."""
    kinds = [w.direction for w in words]
    resolved = list(kinds)
    for i, kind in enumerate(kinds):
        if kind == "D":  # numbers read left to right, a phone number's groups in their order
            resolved[i] = "L"
        elif kind == "N":  # a sign between Latin words goes with them
            before = next((k for k in reversed(kinds[:i]) if k != "N"), "R")
            after = next((k for k in kinds[i + 1 :] if k != "N"), "R")
            resolved[i] = "L" if before in "LD" and after in "LD" else "R"
    runs: list[tuple[bool, list[int]]] = []
    for index, kind in enumerate(resolved):
        ltr = kind == "L"
        if ltr and runs and runs[-1][0]:
            runs[-1][1].append(index)
        else:
            runs.append((ltr, [index]))
    return [index for _, run in reversed(runs) for index in run]


def words_of(markup: str, regular: str, size: float) -> list[Word | None]:
    """The words of a paragraph's markup (``<b>``, ``<br/>``); None marks a line break."""
    bold = tt2ps(regular, 1, 0)
    found: list[Word | None] = []
    font = regular
    position = 0
    for match in [*TAG.finditer(markup), None]:
        end = match.start() if match else len(markup)
        found += _tokens(unescape(markup[position:end]), font, size)
        if match is None:
            break
        closing, tag = match.group(1), match.group(2)
        if tag.startswith("br"):
            found.append(None)
        else:
            font = regular if closing else bold
        position = match.end()
    return found


class RtlParagraph(Flowable):  # type: ignore[misc]
    """A right-to-left paragraph with the ParagraphStyle attributes careprint uses."""

    _tag: tuple[str, dict[str, str] | None, object] | None = None

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        _draw_tagged(self, canvas, lambda: Flowable.drawOn(self, canvas, x, y, _sW), self.said())

    def said(self) -> str:
        """The whole paragraph in reading order (its element's /ActualText: readers take the
        element's text rather than each line's)."""
        lines: list[list[Word]] = [[]]
        for word in self.words:
            if word is None:
                lines.append([])
            else:
                lines[-1].append(word)
        return "\n".join(_logical(line) for line in lines if line)

    def __init__(
        self,
        markup: str,
        style: ParagraphStyle,
        bulletText: str | None = None,
        lines: list[list[Word]] | None = None,
    ) -> None:
        super().__init__()
        self.markup, self.style, self.bulletText = markup, style, bulletText
        self.words = words_of(markup, style.fontName, style.fontSize)
        self.lines = lines
        self._fixed = lines is not None  # the part of a split paragraph keeps its lines
        self._wrapped_for = -1.0
        self.width = 0.0
        self.height = 0.0
        self._space_before: float | None = None  # set on the parts of a split paragraph
        self._space_after: float | None = None

    def getSpaceBefore(self) -> float:
        return float(self.style.spaceBefore if self._space_before is None else self._space_before)

    def getSpaceAfter(self) -> float:
        return float(self.style.spaceAfter if self._space_after is None else self._space_after)

    def getKeepWithNext(self) -> bool:
        return bool(getattr(self.style, "keepWithNext", 0))

    @property
    def keepWithNext(self) -> bool:
        return self.getKeepWithNext()

    def _space(self) -> float:
        return float(stringWidth(" ", self.style.fontName, self.style.fontSize))

    def _break(self, width: float) -> list[list[Word]]:
        """Lines of words; words bound together (a no-break space, a punctuation mark) are
        moved to the next line together."""
        room = width - self.style.leftIndent - self.style.rightIndent  # start indent is right
        units: list[list[Word] | None] = []
        for word in self.words:
            if word is not None and word.bound and units and units[-1] is not None:
                units[-1].append(word)
            else:
                units.append(None if word is None else [word])
        lines: list[list[Word]] = [[]]
        used = 0.0
        space = self._space()
        for unit in units:
            if unit is None:
                lines.append([])
                used = 0.0
                continue
            need = _width_of(unit, space) + (space if lines[-1] else 0.0)
            if lines[-1] and used + need > room:
                lines.append(list(unit))
                used = _width_of(unit, space)
            else:
                lines[-1].extend(unit)
                used += need
        return lines

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        if not self._fixed and (self.lines is None or self._wrapped_for != avail_width):
            self.lines = self._break(avail_width)
            self._wrapped_for = avail_width
        assert self.lines is not None
        self.height = len(self.lines) * self.style.leading
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        assert self.lines is not None
        fits = int(avail_height // self.style.leading)
        if fits <= 0 or fits >= len(self.lines):
            return []
        if not self.style.allowWidows and len(self.lines) - fits < 2 and fits > 2:
            fits -= 1
        first = RtlParagraph(self.markup, self.style, self.bulletText, self.lines[:fits])
        rest = RtlParagraph(self.markup, self.style, None, self.lines[fits:])
        first._space_after = 0
        rest._space_before = 0
        first._tag = rest._tag = self._tag
        return [first, rest]

    def draw(self) -> None:
        canvas: Canvas = self.canv
        style = self.style
        assert self.lines is not None
        space = self._space()
        right = self.width - style.leftIndent  # the style's start indent: on the right here
        left = style.rightIndent
        y = self.height - style.fontSize
        canvas.setFillColor(style.textColor)
        for index, line in enumerate(self.lines):
            width = _width_of(line, space)
            if style.alignment == TA_CENTER:
                x = (left + right - width) / 2
            elif style.alignment == TA_LEFT and _direction(self.markup) != "R":
                x = left
            else:
                x = right - width
            draw_words(canvas, line, x, y, space)
            if index == 0 and self.bulletText:
                canvas.saveState()
                font = style.bulletFontName or style.fontName
                size = style.bulletFontSize or style.fontSize
                canvas.setFont(font, size)
                canvas.setFillColor(style.bulletColor or style.textColor)
                canvas.drawRightString(self.width - style.bulletIndent, y, self.bulletText)
                canvas.restoreState()
            y -= style.leading


def draw_words(canvas: Canvas, words: list[Word], x: float, y: float, space: float) -> float:
    """Draw one line's words (given in logical order) from ``x``, laid out in visual order.

    The words are written in reading order, each at its place, and each word's glyphs in the
    visual order PDF readers expect of right-to-left text, so extraction gives the words in
    logical order; the line also carries its text as /ActualText.
    """
    places: dict[int, float] = {}
    order = visual(words)
    for index, spaced_before in zip(order, spaced(words, order), strict=True):
        x += space if spaced_before else 0.0
        places[index] = x
        x += words[index].width
    logical = _logical(words).encode("utf-16-be").hex().upper()
    canvas.addLiteral(f"/Span <</ActualText <FEFF{logical}>>> BDC")
    text = canvas.beginText()
    for index, word in enumerate(words):  # in reading order, each word at its place
        text.setFont(word.font, word.size)
        at = places[index]
        for shaped, width in word.runs:  # HarfBuzz's glyphs: joined, in their visual order
            text.setTextOrigin(at, y)
            text.textOut(shaped)
            at += width
        if index + 1 < len(words) and not words[index + 1].mark:  # the space, in reading order
            gap = places[index] - space if word.direction == "R" else places[index] + word.width
            text.setTextOrigin(gap, y)
            text.textOut(" ")
    canvas.drawText(text)
    canvas.addLiteral("EMC")
    return x


def draw_line(
    canvas: Canvas, text: str, x: float, y: float, font: str, size: float, align: str = "right"
) -> None:
    """One right-to-left line at ``x`` (its right edge for 'right', left edge for 'left')."""
    words = _tokens(text, font, size)
    space = float(stringWidth(" ", font, size))
    width = _width_of(words, space)
    start = x - width if align == "right" else x - width / 2 if align == "centre" else x
    draw_words(canvas, words, start, y, space)


def line_width(text: str, font: str, size: float) -> float:
    return _width_of(_tokens(text, font, size), float(stringWidth(" ", font, size)))


def _width_of(words: list[Word], space: float) -> float:
    """How wide ``words`` are on one line, with their spaces."""
    gaps = sum(1 for word in words[1:] if not word.mark)
    return sum(word.width for word in words) + space * gaps


def _logical(words: list[Word]) -> str:
    """The line's text in reading order, as written."""
    return "".join(
        ("" if word.mark or not index else " ") + word.text for index, word in enumerate(words)
    )


class _Paragraph(Paragraph):  # type: ignore[misc]
    _tag: tuple[str, dict[str, str] | None, object] | None = None

    """ReportLab's Paragraph, which breaks its lines once per width rather than at every wrap
    (tables wrap their cells again while drawing them), and never lets a word run over the
    edge: a word or web address wider than the line is broken (see :func:`broken`)."""

    _wrapped: tuple[float, tuple[float, float]] | None = None

    def __init__(
        self, text: str | None, style: ParagraphStyle, bulletText: str | None = None, **more: object
    ) -> None:
        super().__init__(text, style, bulletText=bulletText, **more)
        self._markup = text  # None for the parts ReportLab splits off (already broken)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        # the lines depend on the width only; the height offered does not change them
        if self._wrapped is not None and self._wrapped[0] == avail_width:
            return self._wrapped[1]
        size = super().wrap(avail_width, avail_height)
        if self._markup is not None and _overflows(
            self
        ):  # ReportLab leaves such a word whole (hyphenation on): break it
            room = avail_width - self.style.leftIndent - self.style.rightIndent
            text = broken(self._markup, self.style, room)
            Paragraph.__init__(self, text, self.style, bulletText=self.bulletText)
            size = super().wrap(avail_width, avail_height)
        self._wrapped = (avail_width, size)
        return size  # type: ignore[no-any-return]

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self._wrapped = None
        parts: list[Flowable] = super().split(avail_width, avail_height)
        for part in parts:
            part._tag = self._tag
        return parts

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        _draw_tagged(self, canvas, lambda: Paragraph.drawOn(self, canvas, x, y, _sW))


def _overflows(paragraph: Paragraph) -> bool:
    """Whether a line of the wrapped paragraph is wider than the room it was given."""
    for line in paragraph.blPara.lines:
        extra = line[0] if isinstance(line, tuple) else getattr(line, "extraSpace", 0)
        if extra < -0.5:
            return True
    return False


SEPARATORS = re.compile(r"(?<=[/.\-_?&=#@])")  # where a web address may break, no hyphen added


def broken(markup: str, style: ParagraphStyle, room: float) -> str:
    """``markup`` with every word wider than ``room`` broken into pieces that fit: a web or
    email address after a '/', '.' or '-'; a word where it may be hyphenated, with a hyphen;
    failing both, between letters, with a hyphen."""
    font, size = style.fontName, style.fontSize
    hyphenate = style.hyphenationLang if callable(style.hyphenationLang) else None

    def fits(text: str) -> bool:
        return float(stringWidth(unescape(text), font, size)) <= room

    def pieces(word: str) -> list[str]:
        if any(sign in word for sign in ("/", "www.", "@")):
            parts = [part for part in SEPARATORS.split(word) if part]
            return _greedy(parts, fits, "")
        parts = [word]
        if hyphenate is not None:
            splits = {len(head) for head, _ in hyphenate(word)}
            cuts = sorted(cut for cut in splits if 0 < cut < len(word))
            edges = [0, *cuts, len(word)]
            parts = [word[a:b] for a, b in pairwise(edges)]
        chunks = _greedy(parts, lambda text: fits(text + "-"), "-")
        if all(fits(chunk) for chunk in chunks):
            return chunks
        return _greedy(list(word), lambda text: fits(text + "-"), "-")

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        return word if fits(word) else " ".join(pieces(word))

    out, position = [], 0
    for tag in [*re.finditer(r"<[^>]*>", markup), None]:
        end = tag.start() if tag else len(markup)
        out.append(re.sub(r"[^\s<>]+", fix, markup[position:end]))
        if tag is None:
            break
        out.append(tag.group(0))
        position = tag.end()
    return "".join(out)


def _greedy(parts: list[str], fits: Callable[[str], bool], mark: str) -> list[str]:
    """``parts`` joined into as few chunks as fit; ``mark`` ends every chunk but the last."""
    chunks: list[str] = []
    current = ""
    for part in parts:
        if current and not fits(current + part):
            chunks.append(current + mark)
            current = part
        else:
            current += part
    return [*chunks, current] if current else chunks


FOREIGN = re.compile(r"[\u0590-\u08ff\ufb1d-\ufeff]+(?:[ \u00a0]+[\u0590-\u08ff\ufb1d-\ufeff]+)*")


def foreign(markup: str, font: str, size: float) -> str:
    """``markup`` of a left-to-right paragraph with each run of right-to-left words (an Arabic
    name in a Dutch handout) shaped, in drawing order, in ``font``: kept on one line."""

    def run(match: re.Match[str]) -> str:
        words = match.group(0).split()
        shaped = "\u00a0".join(_shape(_numeral(word), font, size) for word in reversed(words))
        return f'<font face="{font}">{shaped}</font>'

    return FOREIGN.sub(run, markup)


def para(
    text: str,
    style: ParagraphStyle,
    bulletText: str | None = None,
    role: str | None = None,
    attrs: dict[str, str] | None = None,
) -> Flowable:
    """A paragraph of ``text`` (ReportLab markup): right-to-left when its style says so. It
    tags itself as ``role`` (by default: from its style, or a list item with a bullet;
    "Artifact": not at all), with structure attributes ``attrs`` (e.g. ActualText)."""
    made: _Paragraph | RtlParagraph
    if getattr(style, "rtl", False):
        made = RtlParagraph(text, style, bulletText)
    else:
        made = _Paragraph(text, style, bulletText=bulletText)
        attrs = {"ActualText": plain(text), **(attrs or {})}
    made._tag = (role_of(style, bool(bulletText), role), attrs, object())
    return made


MARKUP = re.compile(r"<[^>]*>")


def plain(markup: str) -> str:
    """The words of a paragraph's markup, as read (its /ActualText when tagged): without the
    hyphens added at line ends, and with a space where a line breaks between words, which
    readers that take a paragraph's text from its glyphs run together."""
    text = MARKUP.sub(lambda tag: "\n" if tag.group(0).startswith("<br") else "", markup)
    text = unescape(text).replace("\u00a0", " ").replace("\u00ad", "")
    return re.sub(r"[ \t]+", " ", text).strip()


def ltr_para(text: str, style: ParagraphStyle, role: str | None = None) -> Flowable:
    """A paragraph that reads left to right whatever its style (an address, a phone number,
    in a right-to-left leaflet), tagged like :func:`para`."""
    made = _Paragraph(text, style)
    made._tag = (role_of(style, False, role), {"ActualText": plain(text)}, object())
    return made


def _draw_tagged(
    paragraph: Any, canvas: Any, draw: Callable[[], None], said: str | None = None
) -> None:
    """Draw a paragraph as tagged content: a list item's body inside its item; the parts of a
    split paragraph continue one element, ``said`` its /ActualText."""
    tag = paragraph._tag
    if tag is None or tagging.of(canvas) is None or tag[0] == "Artifact":
        draw()
        return
    role, attrs, key = tag
    if said is not None:
        attrs = {**(attrs or {}), "ActualText": said}
    if role == "LI":
        with tagging.element(canvas, "LI", key=key), tagging.content(canvas, "LBody", attrs):
            draw()
        return
    with tagging.content(canvas, role, attrs, key):
        draw()


def make_rtl(style: ParagraphStyle) -> ParagraphStyle:
    """``style`` set right-to-left: right-aligned, no hyphenation."""
    from reportlab.lib.enums import TA_RIGHT

    if style.alignment != TA_CENTER:
        style.alignment = TA_RIGHT
    style.hyphenationLang = ""
    style.rtl = True
    return style


def lines_of(paragraph: Flowable) -> int:
    """How many lines a wrapped paragraph has (either kind)."""
    if isinstance(paragraph, RtlParagraph):
        return len(paragraph.lines or [])
    return len(paragraph.blPara.lines)
