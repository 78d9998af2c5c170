"""The shipped library read as a physiotherapist would check it: two stop levels, maximums,
gentle pressure, the risky spots handled, and the closing page's emergency signs."""

from __future__ import annotations

import pytest

from careprint.content.models import SelfMassage
from careprint.workspace import Workspace
from tests.conftest import ROOT

WS = Workspace(ROOT)
ENTRIES = {key: loaded.model for key, loaded in WS.library.items()}


def texts(entry: SelfMassage) -> str:
    return " ".join([entry.where, entry.how, *entry.avoid, *entry.stop_if, *entry.urgent_if])


@pytest.mark.parametrize("key", sorted(ENTRIES))
def test_every_entry_has_two_stop_levels_and_maximums(key: str) -> None:
    entry = ENTRIES[key]
    assert entry.stop_if and entry.urgent_if
    for name in ("hold", "repeats", "per_day"):
        assert getattr(entry, name) <= getattr(entry.maximum, name)
    assert entry.pressure.target <= 4 and entry.pressure.stop <= 6  # 7 of 10 is severe pain


@pytest.mark.parametrize("key", sorted(ENTRIES))
def test_signs_of_a_stroke_or_an_artery_go_to_the_gp_or_112(key: str) -> None:
    """Blurred or double vision, a weak or numb face, arm or leg: never 'call the practice'."""
    entry = ENTRIES[key]
    for sign in ("wazig", "dubbel", "gezicht", "beroerte"):
        assert not any(sign in line for line in entry.stop_if), (key, sign)


def test_the_risky_spots() -> None:
    scm = ENTRIES["sternocleidomastoid"]
    assert scm.instruction_first and scm.tool == "pinch"
    assert "Druk nooit naar binnen" in scm.how
    assert any("halsslagader" in line for line in scm.avoid)
    for key in ("sternocleidomastoid", "upper-trapezius", "pectoralis-major"):
        assert ENTRIES[key].tool == "pinch", key
    assert ENTRIES["suboccipitals"].hold <= 30 and ENTRIES["suboccipitals"].maximum.hold <= 30
    for key in ("gastrocnemius", "soleus"):  # thrombosis: any one sign is enough
        avoid = " ".join(ENTRIES[key].avoid)
        assert "Eén teken is genoeg" in avoid and "bij lopen" in avoid
        assert "Nieuwe kuitpijn na een operatie, gips, lange reis of bevalling?" in avoid
    assert "knieholte" in " ".join(ENTRIES["gastrocnemius"].avoid)
    for key in ("piriformis", "gluteus-maximus", "gluteus-medius"):  # cauda equina
        urgent = " ".join(ENTRIES[key].urgent_if)
        assert "plas" in urgent and "doof" in urgent, key
    assert "grond" in " ".join(ENTRIES["piriformis"].avoid)  # the wall, not the floor


@pytest.mark.parametrize("key", sorted(ENTRIES))
def test_standing_on_one_leg_or_tiptoe_holds_on(key: str) -> None:
    text = texts(ENTRIES[key])
    if "één been" in text or "op je tenen" in text:
        assert "Houd je vast" in text, key


def test_the_closing_page_names_the_emergency_signs() -> None:
    handout = WS.labels.model.handout
    emergency = handout.emergency
    for sign in ("112", "zwak", "dubbel", "wankel", "pijn op de borst"):
        assert sign in emergency, sign
    assert "huisartsenpost" in handout.urgent_heading
    assert handout.ask_first and "bloedverdunners" in " ".join(handout.ask_first)
    assert "Helpt" not in handout.helps and "sneller" not in handout.intro
