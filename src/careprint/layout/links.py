"""A QR code that is a link too: scanned from paper, tapped or clicked on a screen."""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable

from careprint.layout.trifold import qr_code


class LinkedCode(Flowable):  # type: ignore[misc]
    """A QR code for ``url``, ``size`` square, and a link to ``url`` over it.

    A link is something a part copied from another document cannot hold (render/replay.py), so
    a part with one is drawn anew in each handout."""

    def __init__(self, url: str, size: float, colour: Color, font: str) -> None:
        super().__init__()
        self.url, self.size, self.font = url, size, font
        self.code = qr_code(url, colour, cmyk=False)
        self.width = self.height = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        self.code.fit(self.canv, 0, 0, self.size, self.font)
        self.canv.linkURL(self.url, (0, 0, self.size, self.size), relative=1, thickness=0)
