"""Black that overprints, for the print shop's editions: text and the QR code in 100 % K are
printed on top of what is under them instead of leaving a white gap there (a gap shows as a
halo when the plates are not exactly in register).

Through ReportLab's public interface: each time a fill colour is set, on the canvas or in a
text object, overprint is switched on (``setFillOverprint``, with ``setOverprintMask`` so the
zero C, M and Y of the black leave the inks below as they are) for 100 % K and off for every
other colour (white text on the brand colour must knock out). ReportLab writes these as
ExtGState resources and keeps them with the graphics state (q/Q).
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import CMYKColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject


def full_black(colour: object) -> bool:
    """Whether ``colour`` is 100 % K and nothing else."""
    if not isinstance(colour, CMYKColor):
        return False
    d = colour.density
    return (d * colour.cyan, d * colour.magenta, d * colour.yellow, d * colour.black) == (
        0,
        0,
        0,
        1,
    )


class _Overprints:
    """setFillColor that also sets overprint: on for 100 % K, off for any other colour."""

    def setFillColor(self, aColor: Any, alpha: float | None = None) -> None:
        super().setFillColor(aColor, alpha)  # type: ignore[misc]
        black = full_black(aColor)
        self.setFillOverprint(black)  # type: ignore[attr-defined]
        if black:
            self.setOverprintMask(True)  # type: ignore[attr-defined]


class OverprintText(_Overprints, PDFTextObject):  # type: ignore[misc]
    """A text object whose 100 % K overprints."""


class OverprintBlack(_Overprints):
    """Mixed into a canvas: its 100 % K overprints, in its text objects too."""

    def beginText(self, x: float = 0, y: float = 0, direction: str | None = None) -> Any:
        return OverprintText(self, x, y, direction=direction)


def overprinting(cls: type[Canvas]) -> type[Canvas]:
    """``cls`` with 100 % K overprinting."""
    return type(f"Overprint{cls.__name__}", (OverprintBlack, cls), {})
