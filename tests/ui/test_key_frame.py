"""A typed score is drawn first; the panels under the grid follow one frame later, never later."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Static

from workshop_tui.tui.after_frame import AfterFrame
from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.views.grid import GridView
from workshop_tui.tui.views.grid_panels import detail_text, profile_text
from workshop_tui.tui.widgets.score_grid import ScoreGrid

from .conftest import SIZE, app_for


def _panels(view: GridView) -> tuple[str, str]:
    return (
        str(view.query_one("#item-detail", Static).render()),
        str(view.query_one("#profile", Static).render()),
    )


async def test_the_panels_follow_a_typed_score_one_frame_later(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen) and isinstance(screen.view, GridView)
        view = screen.view
        before = _panels(view)
        shown: list[tuple[str, str]] = []
        # Right after the edit is shown to the widgets (before the frame): the grid has the
        # score, the panels still their earlier text and a request to follow after the frame.
        screen.controller.subscribe(screen, lambda change: shown.append(_panels(view)))
        await pilot.press("3", "4")
        await pilot.pause()
        grid = view.query_one(ScoreGrid)
        assert grid.get_cell("trust", "p1").plain == "3" and grid.get_cell("trust", "p2").plain == "4"
        assert shown[0] == before
        # After the frame they describe the session as it is now, exactly as built from it.
        session = screen.session
        item = grid.items[grid.cursor_row]
        stats = grid.stats.get(item.id)
        detail = detail_text(view.exercise, session, item, stats, "da", view.labels(), compact=False)
        width = view.query_one("#profile").size.width
        profile = profile_text(view.exercise, session, grid.stats, "da", width) or ""
        assert _panels(view) != before
        assert _panels(view) == (str(Static(detail).render()), str(Static(profile).render()))


class _Counter(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("0")

    def on_mount(self) -> None:
        self.runs = 0

        def count() -> None:
            self.runs += 1

        self.later = AfterFrame(self.query_one(Static), count)


async def test_after_frame_runs_once_per_frame_however_often_it_is_asked() -> None:
    app = _Counter()
    async with app.run_test() as pilot:
        app.later()
        app.later()
        assert app.later.pending and app.runs == 0  # not before the frame
        await pilot.pause()
        assert app.runs == 1 and not app.later.pending
        app.later()
        app.later.now()  # at once: the request still waiting then finds nothing to do
        assert app.runs == 2
        await pilot.pause()
        assert app.runs == 2


async def test_what_opening_made_is_out_of_the_collectors_way_while_the_session_is_open(room: Path) -> None:
    import gc
    import sys

    from workshop_tui.tui.screens import session as session_module

    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(session_module.FREEZE_SECONDS + 0.2)
        assert gc.get_freeze_count() > 0
        # Textual's input and output threads wait at most this long for the interpreter.
        assert sys.getswitchinterval() <= session_module.SWITCH_INTERVAL
    assert gc.get_freeze_count() == 0  # closed: collectable again


async def test_collections_wait_until_the_keys_frame_is_out_and_python_gets_its_thresholds_back(
    room: Path,
) -> None:
    import gc

    from workshop_tui.tui import collector
    from workshop_tui.tui.screens import session as session_module

    before = gc.get_threshold()
    app = app_for(room)
    collected: list[int] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collected.append(info["generation"])

    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(session_module.FREEZE_SECONDS + 0.2)
        # No automatic collection in a key's way: only far more objects than a key makes start one.
        assert gc.get_threshold() == (max(collector.AUTOMATIC, before[0]), before[1], before[2])
        kept = [[] for _ in range(before[0] * 5)]  # far more new objects than Python lets pass
        gc.callbacks.append(seen)
        try:
            await pilot.press("3")
            await pilot.pause(0.1)
        finally:
            gc.callbacks.remove(seen)
        assert collected and collected[0] == 0  # made once the key's frame was out, as Python would have
        del kept
    assert gc.get_threshold() == before  # the session closed: Python's own again
