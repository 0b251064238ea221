"""The session's state is observed: the projector's keys change the controller, and every screen hears it."""

from __future__ import annotations

import re
from pathlib import Path

from workshop_tui.tui import app as app_module
from workshop_tui.tui.screens.projector import ProjectorScreen
from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.widgets.agenda import Agenda
from workshop_tui.tui.widgets.timer import TimerDisplay

from .conftest import SIZE, app_for

TUI = Path(app_module.__file__).parent


async def test_the_projectors_keys_reach_the_session_screen_through_the_controller(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await pilot.press("3", "4", "f3", "f5")  # two scores, blind, the timer runs
        await pilot.pause()
        assert not screen.session.answers_for("resistance").results_visible
        assert screen.query_one(TimerDisplay).running

        await pilot.press("f2")
        projector = app.screen
        assert isinstance(projector, ProjectorScreen)
        assert "skjult" in projector.content_text()  # blind on the wall too
        await pilot.press("f3")  # reveal, from the wall
        await pilot.pause()
        assert screen.session.answers_for("resistance").results_visible
        shown = projector.content_text()
        assert "skjult" not in shown and "1  2  3  4  5" in shown  # the results, drawn on the wall

        await pilot.press("f5")  # pause, from the wall
        await pilot.pause()
        assert screen.controller.timers.running is None
        assert not screen.query_one(TimerDisplay).running

        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.current == "tension-fields"
        assert screen.query_one(Agenda).highlighted == 1
        title = screen.session.exercise("tension-fields").title.get("da")
        assert title[:20] in projector.content_text() or title[:20] in str(
            projector.query_one("#proj-title").render()
        )

        await pilot.press("f2")
        assert app.screen is screen
        assert screen.view is not None and screen.view.exercise.id == "tension-fields"


def test_no_tui_module_pushes_into_other_screens_or_calls_textuals_private_draw() -> None:
    for path in sorted(TUI.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert "_on_timer_update" not in text, path
        assert not re.search(r"owner\.action_", text), path
        if path.name != "app.py":  # the app looks for open sessions when quitting or rescuing
            assert "screen_stack" not in text, path


async def test_a_timer_that_runs_out_rings_tells_and_shows_zero_on_both_screens(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.controller.timers.set("resistance", 2)
        await pilot.press("f5", "f2")
        projector = app.screen
        assert isinstance(projector, ProjectorScreen)
        await pilot.pause(3.5)
        assert screen.controller.timer_state() == (0, False)
        assert screen.query_one(TimerDisplay).has_class("done")
        assert projector.query_one("#proj-timer").has_class("done")
        # Told when the wall is left: held while it is up, since the room reads it (wall25).
        assert any(n.title == "Tiden er gået" for n in app.wall_notices.held)
        assert not any(n.title == "Tiden er gået" for n in app._notifications)
        await pilot.press("f2")
        await pilot.pause()
        assert any(n.title == "Tiden er gået" for n in app._notifications)
