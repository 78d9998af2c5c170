"""A QR code that is a link too: scanned from paper, tapped or clicked on a screen."""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable

from careprint.layout.trifold import qr_code


class QRCode(Flowable):  # type: ignore[misc]
    """A QR code for ``url``, ``size`` square: a drawing only, so that it can be a part drawn
    once and copied (render/replay.py); :class:`Linked` puts the link over it."""

    def __init__(self, url: str, size: float, colour: Color, font: str) -> None:
        super().__init__()
        self.size, self.font = size, font
        self.code = qr_code(url, colour, cmyk=False)
        self.width = self.height = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        self.code.fit(self.canv, 0, 0, self.size, self.font)


class Linked(Flowable):  # type: ignore[misc]
    """``child`` with a link to ``url`` over it. A link is something a part copied from another
    document cannot hold, so the child may be such a part and the link is made on the page."""

    def __init__(self, child: Flowable, url: str) -> None:
        super().__init__()
        self.child, self.url = child, url

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = self.child.wrap(avail_width, avail_height)
        return self.width, self.height

    def draw(self) -> None:
        self.child.drawOn(self.canv, 0, 0)
        box = (0, 0, self.width, self.height)
        self.canv.linkURL(self.url, box, relative=1, thickness=0)
