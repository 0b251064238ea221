"""The countdown of each exercise: what is left of it, and which one is running.

Kept apart from the screen so its rules are plain: one timer runs at a time (starting
another pauses it), a paused timer keeps what is left, and a timer that ran out starts
again from the exercise's set time. The screen ticks it once a second and shows it.
"""

from __future__ import annotations

from collections.abc import Mapping


class ExerciseTimers:
    """Seconds left per exercise, and the exercise whose timer runs (if any)."""

    def __init__(self) -> None:
        self.left: dict[str, int] = {}
        self.running: str | None = None

    def toggle(self, exercise_id: str, set_seconds: int) -> None:
        """Start (from ``set_seconds`` when new or run out) or pause this exercise's timer."""
        if self.running == exercise_id:
            self.running = None
            return
        if self.left.get(exercise_id, 0) <= 0:
            self.left[exercise_id] = set_seconds
        self.running = exercise_id

    def set(self, exercise_id: str, seconds: int) -> None:
        """The facilitator set a new time: it is what is left now."""
        self.left[exercise_id] = seconds

    def state(self, exercise_id: str, saved: Mapping[str, int]) -> tuple[int | None, bool]:
        """(seconds left, running) for an exercise; an untouched one shows its saved time."""
        remaining = self.left.get(exercise_id)
        if remaining is None:
            remaining = saved.get(exercise_id)
        return remaining, self.running == exercise_id

    def tick(self) -> str | None:
        """One second passed; returns the exercise whose timer just ran out, if one did."""
        running = self.running
        if running is None:
            return None
        left = self.left.get(running, 0) - 1
        self.left[running] = max(0, left)
        if left > 0:
            return None
        self.running = None
        return running
