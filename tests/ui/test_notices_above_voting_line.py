"""At 80x24 a notice covered the voting status line (address and join code) for its 8 seconds:
the notices now sit above the line while voting is open, and where they were once it closes."""

from __future__ import annotations

from pathlib import Path

from workshop_tui.tui.voting_board import VotingStatus

from .conftest import VOTING_HERE, app_for, until
from .voting_helpers import session_screen


async def test_a_notice_leaves_the_join_code_in_view(room: Path) -> None:
    app = app_for(room, "en", voting=VOTING_HERE)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = session_screen(app)
        await pilot.press("f10")
        await pilot.pause()
        await pilot.press("escape")
        await until(pilot, lambda: bool(app._notifications), "the 'answers are hidden' notice")
        await pilot.pause(0.3)
        line = screen.query_one(VotingStatus).region
        toasts = [toast.region for toast in screen.query("Toast")]
        assert line.height >= 2  # it wraps at 80 columns
        assert toasts and all(t.height > 0 and t.bottom <= line.y for t in toasts), (toasts, line)
        await pilot.press("f10", "f10")
        await until(pilot, lambda: not screen.voting.is_open, "closed")
        await pilot.pause()
        assert screen.query_one("#textual-toastrack").styles.margin.bottom == 1
