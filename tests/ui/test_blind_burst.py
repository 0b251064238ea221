"""A blind round's grid shows no score on the facilitator's screen, however fast they move.

Found by hand (blind15; old, also on 15f1c52): on the demo at 80x24, F10 opened voting,
Esc, then one burst of Ctrl+B to 2/11. The notice said the answers were hidden and the file
held the exercise blind, but the grid showed every score, n and mean (no banner). The burst
makes no view for the exercises it passes (``SessionScreen._passing_through``); the view of
the exercise it stops on was made then, and ``ExerciseView.start`` kept the session of that
moment until the view was mounted. Voting's round hid the results meanwhile (an edit the
screen shows only to a view that is ready), and the view began with the older session.
The facilitator's screen is often the one projected.
"""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.pilot import Pilot
from textual.widgets import Static

from workshop_tui.core.i18n import t
from workshop_tui.core.storage.sessions import demo_copy, load_session
from workshop_tui.tui.app import WorkshopApp
from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.views.grid import GridView

from .conftest import VOTING_HERE, app_for, until

SIZE = (80, 24)


def _burst(app: WorkshopApp, *keys: str) -> None:
    """Post ``keys`` to the app at once, as the terminal's reading thread hands on one read."""
    for key in keys:
        app.post_message(events.Key(key, None))


def _shows_scores(screen: SessionScreen) -> bool:
    """Whether the facilitator's grid (its table, head and detail panel) shows the results."""
    view = screen.view
    assert isinstance(view, GridView)
    layout = view.grid.layout_key
    assert layout is not None
    head = str(view.query_one("#grid-head", Static).render())
    return layout.visible or not view.has_class("blind") or t("tui.grid.blind_banner", "da") not in head


async def _settle(pilot: Pilot[object], screen: SessionScreen, exercise: str) -> None:
    """Until the burst has stopped on ``exercise``, its view is up and no edit is on its way."""
    await until(pilot, lambda: screen.current == exercise and screen.view is not None, exercise)
    await until(pilot, lambda: screen.view is not None and screen.view.ready, "the view")
    for _ in range(5):
        await pilot.pause(0.05)


async def _burst_with_voting_open(pilot: Pilot[object], app: WorkshopApp) -> SessionScreen:
    """The hand-found steps: F10 opens voting, Esc hides the panel, nine Ctrl+B in one burst to 2/11."""
    screen = app.screen
    assert isinstance(screen, SessionScreen)
    await pilot.press("f10")
    await until(pilot, lambda: screen.voting.is_open, "voting open")
    await pilot.press("escape")
    await pilot.pause()
    _burst(app, *["ctrl+b"] * 9)
    await _settle(pilot, screen, "leadership-actions")
    return screen


async def test_a_burst_of_steps_with_voting_open_stops_on_a_grid_that_shows_no_score(data_dir: Path) -> None:
    path, _ = demo_copy()
    app = app_for(path, "da", voting=VOTING_HERE)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _burst_with_voting_open(pilot, app)
        assert not screen.session.answers_for("leadership-actions").results_visible
        assert not _shows_scores(screen)
        # Back and forth through the exercises the burst passed: each stop is blind too.
        for keys, stop in (
            (["ctrl+n"], "tension-fields"),
            (["ctrl+b"], "leadership-actions"),
            (["ctrl+n", "ctrl+n"], "resistance"),
            (["ctrl+b"] * 3, "kkc-indicators"),
            (["ctrl+n"] * 3, "resistance"),
        ):
            _burst(app, *keys)
            await _settle(pilot, screen, stop)
            assert not screen.session.answers_for(stop).results_visible, stop
            assert not _shows_scores(screen), stop


async def test_the_exercises_a_burst_passes_with_voting_open_are_left_as_the_room_saw_them(
    data_dir: Path,
) -> None:
    """Each step hides the new round's results and gives back those of the round it leaves.

    In a burst the hiding was still on its way when the next step left the round, which
    then found nothing to give back: the exercises passed stayed blind, and the exports
    held their figures back as never shown in the room (as in ``test_voting_round_left``).
    """
    path, before = demo_copy()
    app = app_for(path, "da", voting=VOTING_HERE)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _burst_with_voting_open(pilot, app)
        passed = ["tension-fields", "resistance", "commitment", "closing-rating"]
        found = {e: before.answers_for(e) for e in passed}
        assert {e: screen.session.answers_for(e) for e in passed} == found
        saved = load_session(path)
        assert {e: saved.answers_for(e) for e in passed} == found  # on disk too
        assert not saved.answers_for("leadership-actions").results_visible  # the round open stays blind


async def test_a_burst_of_steps_with_voting_open_leaves_one_hidden_notice(data_dir: Path) -> None:
    """Each step said "the answers are hidden" anew: four notices stacked over the grid at 80x24."""
    path, _ = demo_copy()
    app = app_for(path, "da", voting=VOTING_HERE)
    async with app.run_test(size=SIZE) as pilot:
        await _burst_with_voting_open(pilot, app)
        hidden = t("tui.voting.blind", "da")
        await until(pilot, lambda: hidden in [n.message for n in app._notifications], "the notice")
        await pilot.pause(0.3)
        assert [n.message for n in app._notifications].count(hidden) == 1
