"""One rule for a name's identity (``text_safety.clean_name`` / ``name_key``).

"Bo" and "Bo" followed by a blank Braille cell (U+2800), a Hangul filler, a zero-width space or a
variation selector read the same on every screen, and so do a name in NFC and in NFD; they were
two participants (and two groups) that no column, phone or export could tell apart.
"""

from __future__ import annotations

import unicodedata

import pytest

from workshop_tui.core.model.people import Group, parse_participants
from workshop_tui.core.model.refusal import Refused, ScoreError
from workshop_tui.core.model.roster import added_group, renamed_group
from workshop_tui.core.storage.sessions import new_session
from workshop_tui.core.text_safety import clean_name, name_key, same_name

LOOK_ALIKES = ["Bo\u2800", "\u2800Bo", "Bo\u3164", "Bo\u200b", "Bo\ufe0f", " Bo \u034f", "Bo\u00ad"]
NFD_BJORN = unicodedata.normalize("NFD", "Bjørn Ågård")


@pytest.mark.parametrize("twin", LOOK_ALIKES)
def test_what_shows_blank_at_the_edges_is_no_part_of_a_name(twin: str) -> None:
    assert clean_name(twin) == "Bo" and same_name("Bo", twin)


def test_one_normal_form() -> None:
    assert NFD_BJORN != "Bjørn Ågård" and clean_name(NFD_BJORN) == "Bjørn Ågård"
    assert name_key(NFD_BJORN) == name_key("BJØRN ÅGÅRD")


def test_a_blank_inside_and_an_emojis_selector_stay() -> None:
    assert clean_name("B\u2800o") == "B\u2800o" and not same_name("Bo", "B\u2800o")
    assert clean_name("Bo \u2764\ufe0f") == "Bo \u2764\ufe0f"


@pytest.mark.parametrize(
    ("first", "twin"), [*(("Bo", twin) for twin in LOOK_ALIKES), ("Åse", unicodedata.normalize("NFD", "Åse"))]
)
def test_two_participants_that_read_the_same_are_refused(first: str, twin: str) -> None:
    with pytest.raises(Refused) as refused:
        parse_participants(f"{first}, Anne, {twin}")
    assert refused.value.code == "participants.twice"


def test_a_participants_name_is_kept_clean() -> None:
    assert parse_participants(f"Bo\u2800, {NFD_BJORN}") == ["Bo", "Bjørn Ågård"]


def test_groups_that_read_the_same_are_one_name() -> None:
    groups = (Group("g1", "Bord 1"), Group("g2", "Bord 2"))
    for twin in ("Bord 1\u2800", "bord 1\u3164"):
        with pytest.raises(ScoreError):
            added_group(groups, twin)
        with pytest.raises(ScoreError):
            renamed_group(groups, "g2", twin)
    assert added_group(groups, "Bord 3\u2800")[-1].name == "Bord 3"
    with pytest.raises(ScoreError):
        added_group(groups, "\u2800")


def test_a_new_sessions_groups_follow_the_rule() -> None:
    with pytest.raises(Refused) as refused:
        new_session(title="T", date="2026-12-04", exercises=[], participants=2, groups=["A", "A\u2800"])
    assert refused.value.code == "groups.twice"
    made = new_session(title="T", date="2026-12-04", exercises=[], participants=2, groups=["A\u2800", "B"])
    assert [g.name for g in made.groups] == ["A", "B"]
