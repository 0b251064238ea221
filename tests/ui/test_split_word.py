"""A split distribution is called "delt gruppe" on the wall and the laptop, as in its legend.

Found by hand at 80x24 (explore24): the commitment scale on the wall said "⚡ uenig" and the
legend right under it "⚡ delt gruppe: svarene samler sig i to lejre"; the grid's detail panel
said "uenig" too, while every export, the README and "Om tallene" say "delt gruppe". One
flag, one word.
"""

from __future__ import annotations

from pathlib import Path

from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import new_session, save_session, session_path
from workshop_tui.tui.screens.projector import ProjectorScreen
from workshop_tui.tui.screens.session import SessionScreen

from .conftest import app_for


async def test_the_wall_and_the_detail_panel_say_delt_gruppe(library: Library, data_dir: Path) -> None:
    session = new_session(
        title="Commitment",
        date="2026-12-04",
        exercises=[library.exercises["commitment"]],
        participants=6,
        session_id="split-word",
    )
    for number, score in enumerate([1, 1, 2, 9, 10, 10], start=1):
        session = session.with_score("commitment", "value", f"p{number}", score)
    save_session(session, session_path(session))
    app = app_for(session_path(session))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await pilot.pause()
        panel = " ".join(str(w.render()) for w in screen.query("Static"))
        assert "⚡ delt gruppe" in panel and "uenig" not in panel
        await pilot.press("f2")
        assert isinstance(app.screen, ProjectorScreen)
        wall = app.screen.content_text()
        assert "⚡ delt gruppe" in wall and "uenig" not in wall, wall
