"""At 80x24 the notice that a round is blind (or hidden again) never covers the voting panel's keys.

Found by hand: opening voting (F10) said "the results are hidden while the room votes" in a
notice at the bottom right, over the panel's line of keys (Esc, F10) for eight seconds; the
panel kept Textual's bottom rack, not the top one every other dialog has (``MODAL_CSS``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widgets import Static
from textual.widgets._toast import Toast

from workshop_tui.core.i18n import t
from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.screens.voting_panel import VotingModal
from workshop_tui.tui.voting_board import VoteBoard

from .conftest import VOTING_HERE, app_for, until


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_the_blind_notice_leaves_the_keys_and_the_code_in_view(
    room: Path, size: tuple[int, int]
) -> None:
    """At 80x24 the words are beside the code, the top right is empty; at 120x36 the notice
    goes narrow beside the panel (at the top right it covered the QR code's corner)."""
    app = app_for(room, "da", voting=VOTING_HERE)
    async with app.run_test(size=size, notifications=True) as pilot:
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("f10")
        await until(pilot, lambda: isinstance(app.screen, VotingModal), "the panel is open")
        panel = app.screen
        app.notify(t("tui.round.blind_again", "da"), timeout=60)
        await until(pilot, lambda: bool(panel.query(Toast)), "the notice is on the panel")
        await pilot.pause()
        keys = panel.query_one("#voting-keys", Static).region
        board = panel.query_one(VoteBoard).region
        code = Region(board.x, board.y, 33, 17)  # beside its words (80x24): the code is at the left
        frame = panel.query_one("VerticalScroll").region
        bottom = Region(frame.x, frame.bottom - 1, frame.width, 1)  # the keys, in the frame, when cut
        for toast in panel.query(Toast):
            assert toast.region.height >= 4, "the notice is shown whole"
            assert not toast.region.overlaps(keys), f"{toast.region} covers the keys at {keys}"
            assert not toast.region.overlaps(bottom), f"{toast.region} covers the panel's foot"
            assert not toast.region.overlaps(code), f"{toast.region} covers the QR code at {code}"
            if size[0] >= 120:  # room beside the panel: nothing of it is covered
                assert not toast.region.overlaps(frame), f"{toast.region} covers the panel at {frame}"
