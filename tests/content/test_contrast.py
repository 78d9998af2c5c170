"""Every text the layouts print in a brand colour, or on one, is measured against its ground."""

from __future__ import annotations

from pathlib import Path

from careprint.content.colour import WHITE, Colour, contrast
from careprint.content.contrast import LARGE, NORMAL, USES, check, darker, digit_on, mix, shown
from careprint.workspace import Workspace

ROOT = Path(__file__).parents[2]


def test_the_example_practice_passes_every_text_in_every_layout() -> None:
    colours = Workspace(ROOT).practice.model.colours
    assert check(colours) is None
    ratios = {use.what: contrast(use.fore(colours), use.ground(colours)) for use in USES}
    assert min(ratios.values()) >= NORMAL
    assert round(ratios["the white numbers in the circles on a handout"], 2) == 5.09


def test_only_the_cover_title_is_large_enough_for_three_to_one() -> None:
    large = [use.what for use in USES if use.needs == LARGE]
    assert large == ["the leaflet's title, white on the primary colour of the cover"]


def test_shades_as_the_layouts_mix_them() -> None:
    orange = Colour(rgb="#B4502F", cmyk=(10, 75, 85, 10))
    assert mix(orange, 0.5).rgb == "#DAA897"
    assert darker(orange, 0.25).rgb == "#873C23"
    assert mix(orange, 1).rgb == WHITE.rgb


def test_the_scale_digit_is_whichever_reads_better() -> None:
    text = Colour(rgb="#1D2B2D", cmyk=(0, 0, 0, 92))
    assert digit_on(Colour(rgb="#F5E0D9", cmyk=(0, 0, 0, 0)), text) == text
    assert digit_on(Colour(rgb="#5D4037", cmyk=(0, 0, 0, 0)), text) == WHITE


def test_a_contrast_is_never_rounded_up_to_a_pass() -> None:
    assert shown(4.47) == "4.4:1"
    assert shown(4.5) == "4.5:1"
