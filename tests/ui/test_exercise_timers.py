"""The exercise timers' rules, without the screen."""

from __future__ import annotations

from workshop_tui.tui.exercise_timers import ExerciseTimers


def test_one_timer_runs_pauses_keep_what_is_left_and_a_finished_one_starts_again() -> None:
    timers = ExerciseTimers()
    assert timers.state("a", {"a": 300}) == (300, False), "an untouched timer shows its saved time"
    timers.toggle("a", 3)
    assert timers.state("a", {}) == (3, True)
    assert timers.tick() is None and timers.state("a", {}) == (2, True)
    timers.toggle("b", 10)
    assert timers.running == "b" and timers.state("a", {}) == (2, False), "starting b pauses a"
    timers.toggle("a", 3)
    assert timers.state("a", {}) == (2, True), "a paused timer carries on from what was left"
    assert timers.tick() is None
    assert timers.tick() == "a", "the tick that reaches zero reports the exercise"
    assert timers.running is None and timers.state("a", {}) == (0, False)
    assert timers.tick() is None
    timers.toggle("a", 3)
    assert timers.state("a", {}) == (3, True), "a finished timer starts again from its set time"
    timers.set("a", 60)
    assert timers.state("a", {}) == (60, True)
