"""The grid's line of keys wraps rather than lose its end on a narrow screen.

At 80x24 a single-choice vote's keys ended "· space picks the row · Del" (en; da "· Del"):
the one place that says how to clear a cell lost its word (found by hand in tmux). With
the agenda (F9) beside the grid, any kind's line was cut.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import new_session, save_session, session_path
from workshop_tui.tui.screens.session import SessionScreen

from .conftest import app_for


async def test_a_votes_keys_are_read_whole_at_80x24(library: Library, data_dir: Path) -> None:
    session = new_session(
        title="Valg",
        date="2026-03-01",
        exercises=[library.exercises["grint-problem-types"]],
        participants=12,
        language="en",
    )
    path = session_path(session)
    save_session(session, path)
    for lang, end in (("en", "· Del clears"), ("da", "· Del sletter")):
        app = app_for(path, lang)
        async with app.run_test(size=(80, 24)) as pilot:
            screen = app.screen
            assert isinstance(screen, SessionScreen)
            await pilot.pause()
            keys = screen.query_one("#grid-keys", Static)
            shown = " ".join(strip.text.strip() for strip in app.screen._compositor.render_strips())
            assert str(keys.render()).endswith(end)
            assert end in " ".join(shown.split()), shown
