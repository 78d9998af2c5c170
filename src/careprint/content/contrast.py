"""Which colour is printed on which, in every layout, and whether patients can read it (WCAG 2).

The layouts derive a few shades from the four brand colours (a darker accent for warning
headings, a pale accent behind the urgent signs, the squares of the pressure scale). Those
amounts are declared here and used by the layouts, so the check measures what is printed.

Contrast is measured in RGB (WCAG's relative luminance of sRGB), on screen and office printer
colours; the print shop's CMYK is the same colour in other inks.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from careprint.content.colour import WHITE, Colour, contrast
from careprint.content.models import Colours

NORMAL = 4.5  # WCAG 2 AA for text
LARGE = 3.0  # WCAG 2 AA for large text: 18 pt, or 14 pt bold, and up

WARN_DARKEN = 0.25  # "Let op" and "Stop en bel ons als": the accent with more black
URGENT_GROUND = 0.85  # behind the urgent signs: the accent mixed with this much white
LATIN_LIGHTEN = 0.35  # the Latin muscle names: the text colour mixed with this much white
SCALE_PALEST, SCALE_STEP = 0.9, 0.055  # the numbered pressure scale's squares, 0 to 10


def mix(colour: Colour, white: float) -> Colour:
    """``colour`` mixed with paper white: 0 keeps it, 1 gives white."""
    keep = 1 - white
    return _rgb(tuple(1 - (1 - part) * keep for part in colour.rgb_fractions))


def darker(colour: Colour, black: float) -> Colour:
    """``colour`` with more black: 0 keeps it, 1 gives black."""
    return _rgb(tuple(part * (1 - black) for part in colour.rgb_fractions))


def _rgb(parts: tuple[float, ...]) -> Colour:
    return Colour(rgb="#" + "".join(f"{round(p * 255):02X}" for p in parts), cmyk=(0, 0, 0, 0))


def scale_ground(level: int) -> float:
    """How much white is mixed into the accent for square ``level`` (0-10) of the numbered
    pressure scale: pale at 0, a full but not dark tone at 10."""
    return SCALE_PALEST - SCALE_STEP * level


def digit_on(ground: Colour, text: Colour) -> Colour:
    """The digit colour on a square of the pressure scale: the text colour or white,
    whichever reads better on it."""
    return text if contrast(text, ground) >= contrast(WHITE, ground) else WHITE


@dataclass(frozen=True)
class TextUse:
    """One kind of text on one ground, as the layouts print it."""

    what: str  # what a reader sees, as the error names it
    fore: Callable[[Colours], Colour]
    ground: Callable[[Colours], Colour]
    blame: str  # the brand colour to change when it fails
    change: str  # "darker" or "lighter": which way fixes it
    large: bool = False  # only text of 18 pt (14 pt bold) and up: 3:1 is enough

    @property
    def needs(self) -> float:
        return LARGE if self.large else NORMAL


def _scale(level: int) -> TextUse:
    def ground(c: Colours) -> Colour:
        return mix(c.accent, scale_ground(level))

    return TextUse(
        f"the number {level} on the pressure scale of a handout",
        lambda c: digit_on(ground(c), c.text),
        ground,
        "accent",
        "lighter",
    )


# In the order a practice would fix them: text first, then primary, tint, accent. The cover
# title (20 pt bold and up, white on the primary colour) is the one text large enough for 3:1;
# the same two colours also carry the call to action at body size, which needs 4.5:1.
USES: tuple[TextUse, ...] = (
    TextUse("body text on white", lambda c: c.text, lambda c: WHITE, "text", "darker"),
    TextUse(
        "the Latin muscle names on a handout (the text colour, lighter)",
        lambda c: mix(c.text, LATIN_LIGHTEN),
        lambda c: WHITE,
        "text",
        "darker",
    ),
    TextUse(
        "headings and labels in the primary colour on white",
        lambda c: c.primary,
        lambda c: WHITE,
        "primary",
        "darker",
    ),
    TextUse(
        "the leaflet's title, white on the primary colour of the cover",
        lambda c: WHITE,
        lambda c: c.primary,
        "primary",
        "darker",
        large=True,
    ),
    TextUse(
        "white text on the primary colour (the call to action, the cautions on a handout)",
        lambda c: WHITE,
        lambda c: c.primary,
        "primary",
        "darker",
    ),
    TextUse(
        "body text on the tint colour (boxes, the therapist's notes, the contact panel)",
        lambda c: c.text,
        lambda c: c.tint,
        "tint",
        "lighter",
    ),
    TextUse(
        "headings in the primary colour on the tint colour",
        lambda c: c.primary,
        lambda c: c.tint,
        "tint",
        "lighter",
    ),
    TextUse(
        "'Let op' and 'Stop en bel ons als' on a handout (the accent colour, darker)",
        lambda c: darker(c.accent, WARN_DARKEN),
        lambda c: WHITE,
        "accent",
        "darker",
    ),
    TextUse(
        "the white numbers in the circles on a handout",
        lambda c: WHITE,
        lambda c: c.accent,
        "accent",
        "darker",
    ),
    TextUse(
        "the urgent signs on a handout (text on the accent colour, very light)",
        lambda c: c.text,
        lambda c: mix(c.accent, URGENT_GROUND),
        "accent",
        "darker",
    ),
    *(_scale(level) for level in range(11)),
)


@dataclass(frozen=True)
class Failure:
    use: TextUse
    ratio: float
    suggestion: Colour | None  # a shade of the blamed colour with which every text passes
    change: str  # "darker" or "lighter": what the suggestion is
    suggested_ratio: float


def check(colours: Colours) -> Failure | None:
    """The first text too faint to read, with a shade of its colour that would pass."""
    for use in USES:
        ratio = contrast(use.fore(colours), use.ground(colours))
        if ratio < use.needs:
            suggestion, change = _fix(colours, use)
            after = 0.0
            if suggestion is not None:
                fixed = _with(colours, use.blame, suggestion)
                after = contrast(use.fore(fixed), use.ground(fixed))
            return Failure(use, ratio, suggestion, change, after)
    return None


def shown(ratio: float) -> str:
    """A contrast as a reader of WCAG writes it, never rounded up to a pass: 4.47 is 4.4:1."""
    return f"{math.floor(ratio * 10) / 10:.1f}:1"


def _with(colours: Colours, role: str, colour: Colour) -> Colours:
    return colours.model_copy(update={role: colour})


def _passes(colours: Colours) -> bool:
    return all(contrast(u.fore(colours), u.ground(colours)) >= u.needs for u in USES)


def _fix(colours: Colours, use: TextUse) -> tuple[Colour | None, str]:
    """The nearest shade of the blamed colour (darker or lighter, in steps of 1 %) with which
    every text in every layout passes; None when there is none."""
    original: Colour = getattr(colours, use.blame)
    ways = [("darker", darker), ("lighter", mix)]
    if use.change == "lighter":
        ways.reverse()
    for change, shade in ways:
        for step in range(1, 100):
            candidate = shade(original, step / 100)
            if _passes(_with(colours, use.blame, candidate)):
                return candidate, change
    return None, use.change
