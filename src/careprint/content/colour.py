"""A brand colour given twice: RGB for screens and the office printer, CMYK for the print shop."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator


class Colour(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    rgb: str = Field(description="Screen colour as #RRGGBB, e.g. '#1F6F78'.")
    cmyk: tuple[float, float, float, float] = Field(
        description="Print colour as four percentages [C, M, Y, K], e.g. [80, 25, 35, 20]."
    )

    @field_validator("rgb")
    @classmethod
    def _hex(cls, value: str) -> str:
        text = value.strip()
        digits = text.removeprefix("#")
        if len(digits) != 6 or any(c not in "0123456789abcdefABCDEF" for c in digits):
            raise ValueError(
                f"'{text}' is not a colour; write # and six hexadecimal digits, e.g. '#1F6F78'"
            )
        return "#" + digits.upper()

    @field_validator("cmyk")
    @classmethod
    def _percent(cls, value: tuple[float, float, float, float]) -> tuple[float, ...]:
        if any(not 0 <= part <= 100 for part in value):
            raise ValueError(
                "each of C, M, Y and K is a percentage from 0 to 100; "
                "write four numbers between 0 and 100, e.g. [84, 35, 40, 15]"
            )
        return value

    @property
    def rgb_fractions(self) -> tuple[float, float, float]:
        digits = self.rgb[1:]
        r, g, b = (int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4))
        return r, g, b

    def luminance(self) -> float:
        """Relative luminance as defined by WCAG 2."""

        def channel(c: float) -> float:
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(c) for c in self.rgb_fractions)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b


WHITE = Colour(rgb="#FFFFFF", cmyk=(0, 0, 0, 0))


def contrast(a: Colour, b: Colour) -> float:
    """WCAG contrast ratio between two colours (1 to 21)."""
    high, low = sorted((a.luminance(), b.luminance()), reverse=True)
    return (high + 0.05) / (low + 0.05)
