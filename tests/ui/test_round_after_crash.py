"""Results the room saw stay shown after a crash in the middle of a voting round.

A round opens blind and hides what was revealed; leaving it with nothing new gives that back,
but only in memory (``VotingController._found``). Killed with voting open, the file said blind
and not revealed: reopened, the grid hid results the room had seen and the export held them back
until F3. The file now says what the round hid (``round_hid``), and opening settles it.
"""

from __future__ import annotations

from pathlib import Path

from workshop_tui.core.results.summary import build_summary
from workshop_tui.core.storage.sessions import load_session, save_session
from workshop_tui.tui.screens.session import SessionScreen

from .conftest import VOTING_HERE, app_for, until

SIZE = (130, 44)


def _answered(room: Path) -> None:
    session = load_session(room).with_blind("resistance", True).with_revealed("resistance", True)
    for number, pid in enumerate(("p1", "p2", "p3", "p4"), start=1):
        for item in session.exercise("resistance").scored_items:
            session = session.with_score("resistance", item.id, pid, number)
    save_session(session, room)


async def test_a_crash_with_voting_open_keeps_what_the_room_saw(room: Path) -> None:
    _answered(room)
    app = app_for(room, "en", voting=VOTING_HERE)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await pilot.press("f10")
        await until(pilot, lambda: not load_session(room).answers_for("resistance").revealed, "hidden")
        crashed = room.read_bytes()  # what a kill at this moment leaves on disk
        await pilot.press("escape")
    room.write_bytes(crashed)
    left = load_session(room)
    assert not left.answers_for("resistance").results_visible  # hidden while the room votes
    scored = build_summary(left).exercises[0].scored  # `workshop export` before the app reopens
    assert scored is not None and {i.status for i in scored.items} == {"shown"}
    app = app_for(room, "en")
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await until(pilot, lambda: load_session(room).answers_for("resistance").results_visible, "given back")
        assert screen.session.answers_for("resistance").results_visible
    assert load_session(room).answers_for("resistance").round_hid == ""


def test_a_crashed_round_that_brought_answers_keeps_them_hidden(room: Path) -> None:
    _answered(room)
    session = load_session(room).with_voting_round("resistance")
    item = session.exercise("resistance").scored_items[0].id
    voted = session.with_score("resistance", item, "p1", 5)  # a phone's vote the room never saw
    save_session(voted, room)
    settled = load_session(room).with_rounds_settled()
    assert not settled.answers_for("resistance").results_visible
    assert settled.answers_for("resistance").round_hid == ""
    save_session(session, room)  # the round brought nothing: read back, the room's view returns
    assert load_session(room).with_rounds_settled().answers_for("resistance").results_visible
