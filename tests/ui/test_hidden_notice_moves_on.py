"""The "answers are hidden while voting" notice goes when it stops being true.

Found by hand at 80x24 (explore24): with voting open, Ctrl+N half a second apart through the
programme said the notice for each scored exercise passed (each step past the burst's wait),
and the last one stayed its 8 seconds over the sheet or the table the facilitator stopped on:
"the grid shows only who answered. F3 reveals them", where there is no grid and F3 does
nothing. Over the grid F3 had just revealed it said the opposite of the screen too.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from workshop_tui.core.i18n import t
from workshop_tui.core.storage.sessions import demo_copy
from workshop_tui.tui.app import WorkshopApp
from workshop_tui.tui.screens.session import SessionScreen

from .conftest import VOTING_HERE, app_for, until

HIDDEN = (t("tui.voting.blind", "da"), t("tui.round.blind_again", "da"))


def _hidden_notices(app: WorkshopApp) -> list[str]:
    return [n.message for n in app._notifications if n.message in HIDDEN]


async def _on(pilot: Pilot[object], screen: SessionScreen, key: str, exercise: str) -> None:
    await pilot.press(key)
    await until(pilot, lambda: screen.current == exercise and screen.view is not None, exercise)


async def _voting_on_a_grid(pilot: Pilot[object], app: WorkshopApp) -> SessionScreen:
    """Voting opened on the demo's last exercise (its action list), then one step back to the
    closing rating's grid, whose round opens blind and says so."""
    screen = app.screen
    assert isinstance(screen, SessionScreen)
    assert screen.current == "sheet-45"
    await pilot.press("f10")
    await until(pilot, lambda: screen.voting.is_open, "voting open")
    await pilot.press("escape")
    await _on(pilot, screen, "ctrl+b", "closing-rating")
    await until(pilot, lambda: bool(_hidden_notices(app)), "the notice on the grid")
    return screen


async def test_the_notice_goes_when_the_facilitator_moves_to_a_sheet(data_dir: Path) -> None:
    path, _ = demo_copy()
    app = app_for(path, "da", voting=VOTING_HERE)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _voting_on_a_grid(pilot, app)
        await _on(pilot, screen, "ctrl+b", "sheet-44")
        await pilot.pause(0.3)  # past the wait a notice of the step before would have taken
        assert _hidden_notices(app) == []
        await _on(pilot, screen, "ctrl+n", "closing-rating")  # back on the grid: it is said again
        await until(pilot, lambda: bool(_hidden_notices(app)), "the notice again")


async def test_f3_takes_the_notice_away(data_dir: Path) -> None:
    path, _ = demo_copy()
    app = app_for(path, "da", voting=VOTING_HERE)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _voting_on_a_grid(pilot, app)
        await pilot.press("f3")
        await until(pilot, lambda: screen.session.answers_for("closing-rating").results_visible, "revealed")
        assert _hidden_notices(app) == []


async def test_f3_on_the_projector_takes_the_notice_away_too(data_dir: Path) -> None:
    """F3 on the wall (F2) revealed the results and left the notice over them."""
    path, _ = demo_copy()
    app = app_for(path, "da", voting=VOTING_HERE)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _voting_on_a_grid(pilot, app)
        await pilot.press("f2")
        await pilot.press("f3")
        await until(pilot, lambda: screen.session.answers_for("closing-rating").results_visible, "revealed")
        assert _hidden_notices(app) == []
