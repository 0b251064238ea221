"""The voting board on a small wall shows all of itself.

Found by explore12 (projector with voting open at 80x24): the board was a row taller than the
screen, and its last line (what the groups or the room are doing) was cut.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

import pytest
from rich.console import RenderableType

from workshop_tui.tui.screens.projector import ProjectorScreen
from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.voting_board import VoteBoard

from .conftest import VOTING_HERE, app_for


@pytest.mark.parametrize(
    ("size", "exercise"), [((80, 24), "sheet-45"), ((80, 24), "resistance"), ((120, 36), "sheet-45")]
)
async def test_the_board_fits_the_wall_down_to_its_last_line(
    room: Path, size: tuple[int, int], exercise: str
) -> None:
    app = app_for(room, "da", voting=VOTING_HERE)
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to(exercise)
        await pilot.pause()
        await pilot.press("f10")
        await pilot.pause()
        await pilot.press("escape", "f2")
        await pilot.pause()
        assert isinstance(app.screen, ProjectorScreen)
        board = app.screen.query_one("#proj-vote", VoteBoard)
        assert board.region.bottom <= size[1], (board.region, size)
        shown = cast("RenderableType", board.content)  # the Text that show() drew
        options = app.console.options.update_width(board.content_size.width)
        lines = app.console.render_lines(shown, options, pad=False)
        assert len(lines) <= board.content_size.height, (len(lines), board.content_size)
