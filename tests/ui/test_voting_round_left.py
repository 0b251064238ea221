"""Passing through exercises with voting open leaves their results as the room saw them.

Found by hand (explore9): on the demo, F10 on the first exercise, Esc, Ctrl+N, Ctrl+N left
every exercise passed through blind and not revealed, so ``workshop export`` held their
figures back as "not shown in the room" (and Ctrl+Z could not bring them back). A round that
brings a vote keeps its results hidden until F3, as before.
"""

from __future__ import annotations

from pathlib import Path

import aiohttp

from workshop_tui.core.storage.sessions import load_session, save_session
from workshop_tui.tui.screens.session import SessionScreen

from .conftest import VOTING_HERE, app_for, post

SIZE = (130, 44)


async def test_a_round_passed_through_gives_back_the_results_and_a_voted_one_keeps_them_hidden(
    room: Path,
) -> None:
    session = load_session(room).with_blind("resistance", True).with_revealed("resistance", True)
    session = session.with_score(
        "tension-fields", session.exercise("tension-fields").scored_items[0].id, "p1", 2
    )
    save_session(session, room)
    before = load_session(room)
    app = app_for(room, "da", voting=VOTING_HERE)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await pilot.press("f10")
        await pilot.pause()
        assert screen.session.answers_for("resistance").blind
        assert not screen.session.answers_for("resistance").revealed  # hidden while the room votes
        await pilot.press("escape", "ctrl+n")
        await pilot.pause()
        assert screen.current == "tension-fields" and screen.session.answers_for("tension-fields").blind
        # Nobody voted on resistance: it is back as the room saw it, on disk too.
        assert screen.session.answers_for("resistance") == before.answers_for("resistance")
        assert load_session(room).answers_for("resistance").results_visible

        info = screen.voting.info()
        assert info is not None
        async with aiohttp.ClientSession() as http:
            await pilot.press("f10", "plus", "escape")
            await pilot.pause()
            joined = await post(http, info.url + "/api/join", {"code": info.code})
            item = before.exercise("tension-fields").scored_items[0].id
            vote = {"exercise": "tension-fields", "scores": {item: 4}}
            await post(http, info.url + "/api/vote", vote, joined["token"])
            await pilot.pause(0.3)
        await pilot.press("ctrl+n")
        await pilot.pause()
        voted = screen.session.answers_for("tension-fields")
        assert voted.blind and not voted.revealed  # new votes the room has not seen stay hidden
        assert load_session(room).answers_for("tension-fields").blind

        current = screen.current
        found = before.answers_for(current)
        await pilot.press("f10", "f10")  # the panel, then F10 in it closes voting
        await pilot.pause()
        assert not screen.voting.is_open
        assert screen.session.answers_for(current) == found  # closed with nothing: as it was


async def test_a_round_passed_through_gives_back_results_whose_notes_hold_control_characters(
    room: Path,
) -> None:
    """The round compared what it found in the screens' copy (control characters stripped)
    with the file's own answers, saw a difference that was never an edit, and left the
    exercise blind: a mailed session's note with an escape in it held its figures back."""
    session = load_session(room)
    item = session.exercise("resistance").scored_items[0].id
    session = session.with_score("resistance", item, "p1", 3).with_note(
        "resistance", item, "rød \x1b[31mtekst\x07"
    )
    save_session(session, room)
    before = load_session(room)
    app = app_for(room, "da", voting=VOTING_HERE)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await pilot.press("f10")
        await pilot.pause()
        assert not screen.session.answers_for("resistance").results_visible
        await pilot.press("escape", "ctrl+n")
        await pilot.pause()
        assert screen.current == "tension-fields"
    assert load_session(room).answers_for("resistance") == before.answers_for("resistance")
