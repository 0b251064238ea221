"""No notice's words on the wall: held while F2 is up, shown when the facilitator leaves it (wall25).

The laptop's screen is mirrored to the projector, so a toast on the F2 wall is read by the room:
two participants' names at opening, a failed save's path. The wall shows one neutral line
instead ("1 besked venter – F2 viser den"), red when one held is an error.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from workshop_tui.tui.present import PresentApp
from workshop_tui.tui.screens.projector import ProjectorScreen
from workshop_tui.tui.screens.session import SessionScreen

from .conftest import app_for, until
from .test_twice_named import _twice

SMALL = (80, 24)


def _toasts(app: Any) -> list[tuple[str, bool]]:
    """The toasts on the screen shown now: (their words, shown as an error)."""
    return [(str(toast.render()), toast.has_class("-error")) for toast in app.screen.query("Toast")]


def _said(app: Any) -> str:
    return " ".join(words for words, _ in _toasts(app))


async def _settle(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.pause(0.1)


async def test_names_shown_at_opening_leave_the_wall_and_come_back_after(room: Path) -> None:
    _twice(room)  # "Bo" and "Bo" + a blank Braille cell: a notice that spells the names, 30 s
    app = app_for(room, lang="da")
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await until(pilot, lambda: "Bo<U+2800>" in _said(app), "the names' notice on the grid")
        await pilot.press("f2")
        await until(pilot, lambda: isinstance(app.screen, ProjectorScreen), "the wall")
        await _settle(pilot)
        said = _said(app)
        assert "Bo" not in said and "Bord" not in said and str(room.parent) not in said
        assert "2 beskeder venter – F2 viser dem" in said
        await pilot.press("f2")
        await until(pilot, lambda: isinstance(app.screen, SessionScreen), "back on the grid")
        await _settle(pilot)
        said = _said(app)
        assert "Bo<U+2800>" in said and "Bord 1" in said  # shown again, in full
        assert "venter" not in said


async def test_a_notice_raised_on_the_wall_is_held_and_shown_after(room: Path) -> None:
    app = app_for(room, lang="da")
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await pilot.press("f2")
        await until(pilot, lambda: isinstance(app.screen, ProjectorScreen), "the wall")
        app.screen.notify("Anne skrev: vi stoler ikke på ledelsen", timeout=8)
        await _settle(pilot)
        assert _toasts(app) == [("1 besked venter – F2 viser den", False)]
        app.notify(f"Kunne ikke gemme {room}", severity="error", timeout=10)
        await _settle(pilot)
        said = _toasts(app)
        assert said == [("2 beskeder venter, heraf en fejl – F2 viser dem", True)], said
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, SessionScreen), "back on the grid")
        await _settle(pilot)
        said = _said(app)
        assert "Anne skrev" in said and f"Kunne ikke gemme {room}" in said and "venter" not in said
        assert any(error for _, error in _toasts(app))


async def test_a_notice_withdrawn_while_held_is_not_shown_after(room: Path) -> None:
    from workshop_tui.tui.notices import withdraw

    app = app_for(room, lang="en")
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await pilot.press("f2")
        await until(pilot, lambda: isinstance(app.screen, ProjectorScreen), "the wall")
        app.notify("Changes are not saved", severity="error")
        await _settle(pilot)
        assert _toasts(app) == [("1 notice waiting, one an error – F2 shows it", True)]
        withdraw(app, "Changes are not saved")  # saved again
        await _settle(pilot)
        assert _toasts(app) == []
        await pilot.press("f2")
        await until(pilot, lambda: isinstance(app.screen, SessionScreen), "back on the grid")
        await _settle(pilot)
        assert _toasts(app) == []


async def test_the_second_window_shows_no_notice_and_ctrl_c_closes_it(room: Path) -> None:
    app = PresentApp(room, lang="da")
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        app.notify("noget privat")
        await _settle(pilot)
        assert _toasts(app) == []
        await pilot.press("ctrl+c")  # was Textual's "Do you want to quit? Press q", in English, on the wall
        await _settle(pilot)
        assert _toasts(app) == []
    assert app.return_code == 0


async def test_after_a_long_time_on_the_wall_only_the_errors_and_the_latest_come_back(room: Path) -> None:
    """A dozen held notices popped at once on leaving (wallfit26): now at most three, errors
    first, then one line with how many are not shown."""
    app = app_for(room, lang="da")
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await pilot.press("f2")
        await until(pilot, lambda: isinstance(app.screen, ProjectorScreen), "the wall")
        app.notify("Kunne ikke gemme: disken er fuld", severity="error", timeout=10)
        for n in range(1, 9):
            app.notify(f"Skærmbillede {n} gemt", timeout=8)
        await _settle(pilot)
        assert _toasts(app) == [("9 beskeder venter, heraf en fejl – F2 viser dem", True)]
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, SessionScreen), "back on the grid")
        await _settle(pilot)
        said = _toasts(app)
    assert said == [
        ("Kunne ikke gemme: disken er fuld", True),
        ("Skærmbillede 7 gemt", False),
        ("Skærmbillede 8 gemt", False),
        ("+ 6 beskeder mere, mens væggen var oppe, vises ikke: kun fejlene og de seneste", False),
    ], said
