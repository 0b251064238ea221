"""A screen shown over the session's and closed again leaves nothing alive behind it.

The projector (F2, Esc) stayed alive with every line it drew: Textual's signal kept it until
the next change was published (``SessionController.unsubscribe``), and Textual's colour cache
kept the last 1,024 widgets' line caches (``tui/styles_colours.py``). On the large seminar,
ten times F2 and Esc without a change raised the peak memory by some 6 MiB.
"""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from textual._styles_cache import StylesCache
from textual.color import Color

from workshop_tui.tui.screens.projector import ProjectorScreen
from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.styles_colours import install

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
        assert _alive(StylesCache) < 400, "closed screens' widgets' caches are not kept"


def test_the_colours_are_textual_s_and_keep_no_widget() -> None:
    install()
    cache = StylesCache()
    colours = (Color(10, 20, 30), Color(200, 100, 50, 0.5))
    inner, outer = cache.get_inner_outer(*colours)
    assert inner.background == colours[0] + colours[1] and outer.background == colours[0]
    kept = weakref.ref(cache)
    del cache
    gc.collect()
    assert kept() is None
