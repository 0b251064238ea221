"""The facilitator's voting panel (F10) at 80x24 shows its counts without scrolling.

Found by hand (polish14, 80x24): the QR code and the lines under it took the height, and the
counts ("telefoner: N · deltagere: … · skrivetelefoner: N"), the one thing the facilitator
opens the panel again to read, were below the frame until the panel was scrolled.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any, cast

import pytest
from rich.console import RenderableType
from textual.containers import VerticalScroll
from textual.pilot import Pilot

from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.screens.voting_panel import VotingModal
from workshop_tui.tui.voting_board import VoteBoard, VotingStatus
from workshop_tui.tui.voting_link import VotingInfo, spaced

from .conftest import VOTING_HERE, app_for

SIZES = [((80, 24), 0), ((80, 24), 2), ((120, 36), 2), ((80, 29), 2), ((80, 30), 2), ((100, 32), 2)]
"""The sizes found by hand, the rows either side of the panel's switch (30), and terminals
narrower than 80 columns (the words beside the code in a narrower panel)."""


@pytest.mark.parametrize(("size", "writers"), [*SIZES, ((76, 24), 2), ((68, 24), 2)])
async def test_the_voting_panel_shows_address_code_and_counts_without_scrolling(
    room: Path, size: tuple[int, int], writers: int
) -> None:
    app = app_for(room, "da", voting=VOTING_HERE)
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("sheet-45")
        await pilot.pause()
        await pilot.press("f10")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, VotingModal)
        real = modal.controller.info()
        assert real is not None
        # The longest counts line: the groups' writing phones counted apart.
        info: VotingInfo = replace(real, progress=replace(real.progress, writers=writers))
        modal.controller.info = lambda: info  # type: ignore[method-assign]
        modal.redraw()
        await pilot.pause()
        panel = modal.query_one(VerticalScroll)
        board = modal.query_one(VoteBoard)
        assert panel.region.bottom <= size[1] and panel.scroll_y == 0
        assert board.outer_size.height <= panel.scrollable_content_region.height, (
            board.outer_size,
            panel.scrollable_content_region,
        )
        shown = cast("RenderableType", board.content)
        options = app.console.options.update_width(board.content_size.width)
        lines = ["".join(s.text for s in line).strip() for line in app.console.render_lines(shown, options)]
        assert len(lines) <= board.content_size.height
        said = "\n".join(lines)
        assert info.url in said and spaced(info.code) in said
        assert "telefoner:" in said
        if writers:
            assert f"skrivetelefoner: {writers}" in said.replace("\n", " ")


def test_snapshot_of_the_voting_panel_at_80x24(snap_compare: Any, room: Path) -> None:
    """The panel with its words beside the code; a fixed address and code (the server's are not)."""

    async def run_before(pilot: Pilot[Any]) -> None:
        screen = pilot.app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("sheet-45")
        await pilot.pause()
        await pilot.press("f10")
        await pilot.pause()
        modal = pilot.app.screen
        assert isinstance(modal, VotingModal)
        real = modal.controller.info()
        assert real is not None
        url = "http://192.168.1.20:8800"
        info = replace(real, url=url, join_url=f"{url}/#c=246810", code="246810")
        info = replace(info, progress=replace(info.progress, writers=2))
        modal.controller.info = lambda: info  # type: ignore[method-assign]
        for status in screen.query(VotingStatus):
            status.display = False  # behind the panel, the server's own address and code
        modal.redraw()
        await pilot.pause(0.2)

    app = app_for(room, "da", voting=VOTING_HERE)
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
