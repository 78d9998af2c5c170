"""Body diagram geometry: sides mirrored, both sides doubled, the crop keeps everything in view."""

from __future__ import annotations

import pytest

from careprint.content.models import Diagram, Zone
from careprint.layout.diagram import crop, place

BACK = Diagram(
    view="back", points=[(128.0, 78.0)], referred=[Zone(x=140, y=40, rx=10, ry=22, angle=-20)]
)
HEAD = Diagram(view="head", points=[(120.0, 90.0)], referred=[Zone(x=90, y=60, rx=20, ry=30)])


def test_right_side_is_the_library_geometry() -> None:
    placed = place(BACK, "right", 200)
    assert placed.points == [(128.0, 78.0)]
    assert placed.zones == [(140, 40, 10, 22, -20)]
    assert not placed.mirrored


def test_left_side_is_the_mirror_image() -> None:
    placed = place(BACK, "left", 200)
    assert placed.points == [(72.0, 78.0)]
    assert placed.zones == [(60, 40, 10, 22, 20)]
    assert not placed.mirrored  # a back view is symmetric: the outline stays
    assert place(HEAD, "left", 200).mirrored  # a profile turns round


def test_both_sides_show_twice_on_symmetric_views_and_once_in_profile() -> None:
    assert place(BACK, "both", 200).points == [(128.0, 78.0), (72.0, 78.0)]
    assert place(HEAD, "both", 200).points == [(120.0, 90.0)]


def test_crop_holds_every_point_and_zone_with_the_frame_aspect() -> None:
    placed = place(BACK, "both", 200)
    x0, y0, width, height = crop(placed, "back", (200, 400), 0.75)
    assert width / height == pytest.approx(0.75)
    for x, y in placed.points:
        assert x0 < x < x0 + width and y0 < y < y0 + height
    assert x0 >= 0 and x0 + width <= 200 and y0 >= 0 and y0 + height <= 400
    assert height >= 150  # enough of the body to see where it is
