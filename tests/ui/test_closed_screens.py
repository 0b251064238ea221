"""A screen shown over the session's and closed again leaves nothing alive behind it.

The projector (F2, Esc) stayed alive with every line it drew: Textual's signal kept it until
the next change was published (``SessionController.unsubscribe``).
"""

from __future__ import annotations

import gc
from pathlib import Path

from workshop_tui.tui.screens.projector import ProjectorScreen
from workshop_tui.tui.screens.session import SessionScreen

from .conftest import SIZE, app_for


def _alive(kind: type) -> int:
    gc.collect()
    return sum(1 for thing in gc.get_objects() if isinstance(thing, kind))


async def test_a_closed_projector_is_not_kept(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.7)  # after the session screen's freeze (SessionScreen.on_mount)
        assert isinstance(app.screen, SessionScreen)
        for _ in range(4):
            await pilot.press("f2")
            await pilot.pause()
            assert isinstance(app.screen, ProjectorScreen)
            await pilot.press("escape")
            await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        await pilot.pause()
        assert _alive(ProjectorScreen) == 0
