"""The practice's colours as ReportLab colours, in RGB for screens or CMYK for the print shop."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import CMYKColor, Color

from careprint.content.colour import Colour
from careprint.content.models import Colours


@dataclass(frozen=True)
class Palette:
    cmyk: bool
    primary: Color
    accent: Color
    tint: Color
    text: Color
    white: Color

    @classmethod
    def of(cls, colours: Colours, cmyk: bool) -> Palette:
        def convert(colour: Colour) -> Color:
            if cmyk:
                c, m, y, k = (part / 100 for part in colour.cmyk)
                return CMYKColor(c, m, y, k)
            return Color(*colour.rgb_fractions)

        white = CMYKColor(0, 0, 0, 0) if cmyk else Color(1, 1, 1)
        # in print, text is black ink alone, solid, so it prints crisp and can overprint
        # (render/overprint.py); a tint of black is screened into dots at its edges
        text = CMYKColor(0, 0, 0, 1) if cmyk else convert(colours.text)
        return cls(
            cmyk,
            convert(colours.primary),
            convert(colours.accent),
            convert(colours.tint),
            text,
            white,
        )

    def lighten(self, colour: Color, amount: float) -> Color:
        """``colour`` mixed with paper white: 0 keeps it, 1 gives white (no ink)."""
        keep = 1 - amount
        if isinstance(colour, CMYKColor):
            return CMYKColor(
                colour.cyan * keep, colour.magenta * keep, colour.yellow * keep, colour.black * keep
            )
        return Color(*(1 - (1 - part) * keep for part in (colour.red, colour.green, colour.blue)))

    def darken(self, colour: Color, amount: float) -> Color:
        """``colour`` with more black: for tone-on-tone artwork."""
        if isinstance(colour, CMYKColor):
            return CMYKColor(
                colour.cyan, colour.magenta, colour.yellow, min(1.0, colour.black + amount)
            )
        return Color(*(part * (1 - amount) for part in (colour.red, colour.green, colour.blue)))
