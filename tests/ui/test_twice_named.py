"""A file holding two names that are one name opens with a notice naming them and the fix (trust22).

The one name rule (``text_safety.name_key``) refuses "Bo" beside "Bo" + a blank Braille cell,
or "Åse" typed as NFC and NFD, when they are typed; a file from an older version or edited by
hand may still hold both, and opened without a word.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual.widgets import Input

from workshop_tui.core.model import Group, Participant
from workshop_tui.core.model.roster import read_as_one
from workshop_tui.core.storage.sessions import load_session, save_session
from workshop_tui.core.text_safety import spelled
from workshop_tui.tui.screens.session import SessionScreen

from .conftest import SIZE, app_for


def _twice(room: Path) -> None:
    session = load_session(room)
    people = (Participant("p1", "Bo"), Participant("p2", "Bo\u2800"), Participant("p3", "A\u030ase"))
    people += (Participant("p4", "\u00c5se"),)
    groups = (Group("g1", "Bord 1"), Group("g2", "bord 1 "))
    save_session(replace(session, participants=people, groups=groups), room)


def test_names_that_are_one_name_are_found_and_spelled() -> None:
    assert read_as_one(["Bo", "Anne", "bo\u200b", "", "", "Dan"]) == (("Bo", "bo\u200b"),)
    assert read_as_one(["Bo", "Anne"]) == ()
    assert spelled("Bo\u2800") == "Bo<U+2800>"
    assert spelled("A\u030ase") == "A<U+030A>se" and spelled("\u00c5se") == "\u00c5se"
    assert spelled("Zoë Ng") == "Zoë Ng"


async def test_a_file_with_two_names_that_are_one_opens_with_the_fix(room: Path) -> None:
    _twice(room)
    app = app_for(room, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen) and not screen.keeper.read_only
        messages = [n.message for n in app._notifications]
        people = next(m for m in messages if "the participants" in m)
        assert str(room) in people
        assert "“Bo”, “Bo<U+2800>”; “A<U+030A>se”, “Åse”" in people
        assert "give one of them another name in the file" in people
        groups = next(m for m in messages if "the groups" in m)
        assert "“Bord 1”, “bord 1 ”" in groups and "Ctrl+R" in groups
        await pilot.press("3")  # it is written to as ever
        await pilot.pause()
    after = load_session(room)
    assert after.answers_for("resistance").scores == {"trust": {"p1": 3}}
    assert [p.name for p in after.participants] == ["Bo", "Bo\u2800", "A\u030ase", "\u00c5se"]


async def test_ctrl_r_renames_one_of_two_groups_that_are_one_name(room: Path) -> None:
    """The fix the notice gives: the form checked each unchanged name against the other and refused."""
    _twice(room)
    app = app_for(room, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        await pilot.pause()
        app.screen.query_one("#group-1", Input).value = "Bord 2"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
    assert [g.name for g in load_session(room).groups] == ["Bord 1", "Bord 2"]
