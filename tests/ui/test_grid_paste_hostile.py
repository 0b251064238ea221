"""A hostile paste into the score grid changes nothing and says so in plain words (audit16).

What a terminal pastes is text from anywhere (a chat, a web page, a mailed spreadsheet): a
paste that is not all scores is refused whole, and the refusal quotes at most 12 characters
of the first word that is not a score. That quote is shown as written (no markup read, no
escape sequence, control or bidi character reaching the screen), and a huge paste or digits
of other scripts (``٣``, ``³``, ``３``) are refused like any other word.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual import events

from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.widgets.score_grid import ScoreGrid

from .conftest import SIZE, app_for

PASTES = (
    "3 \x1b]0;PWNED\x07 4",
    "3\n\x1b[2J\x9b2J",
    "[b]4[/b] [@click=app.quit]x[/]",
    "\u202e3 4",
    "3\u202e4",
    "٣ ³ ３",
    "3 " * 500_000,
    "=HYPERLINK(1)",
    "\x00\x07\x0e",
)
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2066-\u2069\ufeff]")


@pytest.mark.parametrize("paste", PASTES, ids=range(len(PASTES)))
async def test_a_hostile_paste_is_refused_whole_in_plain_words(room: Path, paste: str) -> None:
    app = app_for(room, "en")
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        grid = screen.query_one(ScoreGrid)
        grid.post_message(events.Paste(paste))
        await pilot.pause()
        assert screen.session.answers_for("resistance").scores == {}
        said = [n.message for n in app._notifications]
        assert len(said) == 1 and "Nothing was pasted" in said[0], said
        assert not CONTROL.search(said[0]) and "PWNED" not in said[0] and len(said[0]) < 200, said
        assert all(not n.markup for n in app._notifications)
