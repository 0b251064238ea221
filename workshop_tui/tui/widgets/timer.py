"""The exercise timer: set, start, pause, a visible countdown and a gentle signal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.reactive import reactive
from textual.widgets import Static

from workshop_tui.tui.messages import Change

if TYPE_CHECKING:
    from workshop_tui.tui.controller import SessionController


def clock(seconds: int) -> str:
    """``mm:ss`` (or ``h:mm:ss`` past an hour)."""
    seconds = max(0, seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes:02}:{secs:02}"


class TimerDisplay(Static):
    """Shows the remaining time; turns to the warning colour in the last minute."""

    DEFAULT_CSS = """
    TimerDisplay {
        width: auto;
        padding: 0 1;
        text-style: bold;
    }
    TimerDisplay.running { color: $success; }
    TimerDisplay.last-minute { color: $warning; }
    TimerDisplay.done { background: $warning; color: $background; }
    """

    remaining: reactive[int | None] = reactive(None, layout=True)
    """Seconds left; a change re-lays out the row, as the width goes from nothing to ``⏱ 10:00``."""
    running: reactive[bool] = reactive(False)

    def observe(self, controller: SessionController) -> None:
        """Show the current exercise's timer from now on, as it ticks and as the exercise changes."""

        def changed(change: Change) -> None:
            if change is Change.TIMER or change is Change.EXERCISE:
                self.show(*controller.timer_state())

        controller.subscribe(self, changed)
        self.show(*controller.timer_state())

    def show(self, remaining: int | None, running: bool) -> None:
        """Show ``remaining`` seconds (None: no timer set), running or paused."""
        self.remaining = remaining
        self.running = running

    def render(self) -> str:
        if self.remaining is None:
            return ""
        mark = "⏵" if self.running else "⏸"
        return f"⏱ {clock(self.remaining)} {mark}"

    def watch_remaining(self, remaining: int | None) -> None:
        self.set_class(remaining is not None and 0 < remaining <= 60, "last-minute")
        self.set_class(remaining == 0, "done")

    def watch_running(self, running: bool) -> None:
        self.set_class(running, "running")
