"""A brand colour given twice: RGB for screens and the office printer, CMYK for the print shop."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator


class Colour(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    rgb: str = Field(description="Screen colour as #RRGGBB, e.g. '#1F6F78'.")
    cmyk: tuple[float, float, float, float] = Field(
        description="Print colour as four percentages [C, M, Y, K], e.g. [80, 25, 35, 20]."
    )

    @field_validator("rgb", mode="before")
    @classmethod
    def _rgb_numbers(cls, value: object) -> object:
        """Three numbers (0-255, or 0-1) written for a colour: say its hexadecimal form."""
        parts = list(value) if isinstance(value, list | tuple) else []
        if len(parts) == 3 and all(isinstance(v, int | float) for v in parts):
            scale = 255 if any(v > 1 for v in parts) else 1
            hexed = "#" + "".join(f"{round(v / scale * 255):02X}" for v in parts)
            raise ValueError(
                f"a colour on screen is written as # and six hexadecimal digits, not as "
                f"three numbers; write '{hexed}'"
            )
        return value

    @field_validator("cmyk", mode="before")
    @classmethod
    def _cmyk_numbers(cls, value: object) -> object:
        """Four percentages: not three, and not fractions of one."""
        if isinstance(value, list | tuple):
            if len(value) != 4:
                raise ValueError(
                    f"a print colour has four numbers, C, M, Y and K, and this has {len(value)}; "
                    "write four percentages, e.g. [84, 35, 40, 15]"
                )
            numbers = [v for v in value if isinstance(v, int | float) and not isinstance(v, bool)]
            if (
                len(numbers) == 4
                and all(0 <= v <= 1 for v in numbers)
                and any(v != int(v) for v in numbers)
            ):
                percent = ", ".join(f"{round(v * 100):g}" for v in numbers)
                raise ValueError(
                    "C, M, Y and K are percentages (0 to 100), not fractions of one; "
                    f"write [{percent}]"
                )
        return value

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


def apart(colour: Colour) -> float:
    """How far a colour's CMYK is from its RGB, 0 to 1 (a rough conversion: enough to see that
    the two describe different colours, not to proof a print)."""
    c, m, y, k = (part / 100 for part in colour.cmyk)
    printed = ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    return max(abs(a - b) for a, b in zip(printed, colour.rgb_fractions, strict=True))


def rough_cmyk(colour: Colour) -> tuple[int, int, int, int]:
    """The RGB colour as CMYK percentages, by the simple formula (no colour profile): a start
    to ask the print shop about, not a proof."""
    r, g, b = colour.rgb_fractions
    k = 1 - max(r, g, b)
    if k >= 1:
        return (0, 0, 0, 100)
    c, m, y = ((1 - part - k) / (1 - k) for part in (r, g, b))
    return (round(c * 100), round(m * 100), round(y * 100), round(k * 100))


def contrast(a: Colour, b: Colour) -> float:
    """WCAG contrast ratio between two colours (1 to 21)."""
    high, low = sorted((a.luminance(), b.luminance()), reverse=True)
    return (high + 0.05) / (low + 0.05)
