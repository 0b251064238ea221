"""The session screen's compositor draws exactly what Textual's draws, from far fewer lines."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from rich.console import Console
from textual._compositor import Compositor
from textual.geometry import Region
from textual.widget import Widget

from workshop_tui.tui.line_compositor import LineCompositor
from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.widgets.score_grid import ScoreGrid

from .conftest import SIZE, app_for


def _update(compositor: Compositor, regions: list[Region], as_class: type[Compositor]) -> str:
    """The bytes of a partial update of ``regions``, made by ``as_class``'s way of rendering."""
    compositor.__class__ = as_class
    try:
        compositor._dirty_regions.update(regions)
        update = compositor.render_update()
    finally:
        compositor.__class__ = LineCompositor
    assert update is not None
    console = Console(width=SIZE[0], height=SIZE[1], color_system="truecolor", force_terminal=True)
    return str(update.render_segments(console))


async def test_partial_updates_are_textuals_own_byte_for_byte(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "4", "right")  # scores and a cursor on the grid
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        compositor = screen._compositor
        assert isinstance(compositor, LineCompositor)
        width, height = SIZE
        rng = random.Random(15)
        grid = screen.query_one(ScoreGrid).region
        cases = [[Region(0, grid.y + 1, width, 1)], [Region(grid.x + 30, grid.y + 2, 5, 1)]]
        for _ in range(60):
            regions = []
            for _ in range(rng.randint(1, 3)):
                x, y = rng.randrange(width), rng.randrange(height)
                regions.append(Region(x, y, rng.randint(1, width - x), rng.randint(1, min(4, height - y))))
            cases.append(regions)
        for regions in cases:
            stock = _update(compositor, regions, Compositor)
            assert _update(compositor, regions, LineCompositor) == stock, regions


async def test_a_typed_score_renders_a_line_of_each_widget_under_it(
    room: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        frames: list[int] = []
        render_lines = Widget.render_lines
        render_update = Compositor.render_update

        def counted_lines(widget: Widget, crop: Region) -> object:
            frames[-1] += crop.height
            return render_lines(widget, crop)

        def counted_update(compositor: Compositor, *args: object, **kwargs: object) -> object:
            frames.append(0)
            return render_update(compositor, *args, **kwargs)

        monkeypatch.setattr(Widget, "render_lines", counted_lines)
        monkeypatch.setattr(Compositor, "render_update", counted_update)
        await pilot.press("2")
        await pilot.pause()
        # The score's frame (the first): one line of the grid and of each widget around it,
        # where Textual's own compositor renders every line of them (about 400 here).
        assert frames and frames[0] <= 30, frames


async def test_a_typed_scores_frame_renders_nothing_wholly_behind_the_grid(
    room: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        frames: list[list[str]] = []
        render_lines = Widget.render_lines
        render_update = Compositor.render_update

        def counted_lines(widget: Widget, crop: Region) -> object:
            frames[-1].append(type(widget).__name__)
            return render_lines(widget, crop)

        def counted_update(compositor: Compositor, *args: object, **kwargs: object) -> object:
            frames.append([])
            return render_update(compositor, *args, **kwargs)

        monkeypatch.setattr(Widget, "render_lines", counted_lines)
        monkeypatch.setattr(Compositor, "render_update", counted_update)
        await pilot.press("2")
        await pilot.pause()
        # The score's frame: the grid's line, not the view, containers and screen around it
        # (their lines there are covered by the grid's; the byte-for-byte test above holds).
        assert frames and frames[0] == ["ScoreGrid"], frames
