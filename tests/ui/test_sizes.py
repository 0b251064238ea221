"""The main screens render at every terminal size from 80x24 (a laptop) to 240x70 (a projector).

One run per size class walks through the home screen, a score grid and its results on the
projector, a reflection sheet, and the action sheet on the projector, on the full demo
seminar. A layout or rendering error fails the run; each screen's main widget must get room
on the screen (the projector's content may scroll: it is a scroll view without scrollbars).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widget import Widget

from workshop_tui.core.storage.sessions import copy_demo
from workshop_tui.tui.screens.home import HomeScreen
from workshop_tui.tui.screens.projector import ProjectorScreen
from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.views.actions import ActionsView
from workshop_tui.tui.views.grid import GridView
from workshop_tui.tui.views.reflection import ReflectionView

from .conftest import app_for

SIZES = [(80, 24), (120, 36), (160, 48), (240, 70)]
"""Small laptop, default, large, and a projector at full HD with a big font."""


def _shown(widget: Widget, size: tuple[int, int]) -> None:
    """The widget has room, and lies on the screen."""
    region = widget.region
    assert region.width > 0 and region.height > 0, widget
    assert region.right <= size[0] and region.bottom <= size[1], (widget, region)


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_main_screens_render_at(size: tuple[int, int], data_dir: Path) -> None:
    path = copy_demo()
    app = app_for(None)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        _shown(app.screen.query_one("#sessions"), size)
        assert app.open_session(path)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        for exercise, view, projected in (
            ("resistance", GridView, True),
            ("sheet-42", ReflectionView, False),
            ("sheet-45", ActionsView, True),
        ):
            screen.go_to(exercise)
            await pilot.pause()
            assert isinstance(screen.view, view)
            _shown(screen.view.query_one("#grid") if view is GridView else screen.view, size)
            if projected:
                await pilot.press("f2")
                await pilot.pause()
                assert isinstance(app.screen, ProjectorScreen)
                _shown(app.screen.query_one("#proj-body"), size)
                await pilot.press("escape")
                await pilot.pause()
                back: object = app.screen
                assert back is screen
