"""The session screen draws a change asked for after a pause at once, not at the next beat of a fixed grid.

Textual's frame timer kept a 60-a-second beat counted from its first run: the first frame
waited a whole interval, and a change asked for up to two intervals after a frame waited
for the next beat with the timer resumed (a key just after the clock's frame: up to 33 ms).
"""

from __future__ import annotations

import time
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Static

from workshop_tui.tui.frame_timer import FrameTimer
from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.views.grid import GridView

from .conftest import SIZE, app_for

INTERVAL = 0.3
"""Long against the scheduling noise of a busy test machine."""


class _Ticks(App[None]):
    def compose(self) -> ComposeResult:
        yield Static()

    def on_mount(self) -> None:
        self.ticks: list[float] = []

        def tick() -> None:
            self.ticks.append(time.monotonic())
            self.timer.pause()  # as the screen's update does

        self.timer = FrameTimer(self.query_one(Static), INTERVAL, callback=tick, pause=True)
        self.timer._start()


async def test_a_resumed_frame_timer_ticks_at_once_and_keeps_its_interval_from_the_last_tick() -> None:
    app = _Ticks()
    async with app.run_test() as pilot:
        resumed = time.monotonic()
        app.timer.resume()
        await pilot.pause(INTERVAL / 2)
        assert len(app.ticks) == 1 and app.ticks[0] - resumed < INTERVAL / 2  # at once, not a beat later
        app.timer.resume()  # asked again within the interval: waits until it is up
        await pilot.pause(INTERVAL * 1.5)
        assert len(app.ticks) == 2 and app.ticks[1] - app.ticks[0] >= INTERVAL * 0.95
        await pilot.pause(INTERVAL * 0.2)
        resumed = time.monotonic()  # more than an interval after the last tick: at once
        app.timer.resume()
        await pilot.pause(INTERVAL / 2)
        assert len(app.ticks) == 3 and app.ticks[2] - resumed < INTERVAL / 2
        app.timer.stop()


async def test_the_session_screen_draws_with_the_frame_timer(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert isinstance(screen._update_timer, FrameTimer)
        assert isinstance(screen.view, GridView) and screen.view.grid.get_cell("trust", "p1").plain == "3"
