"""Last time's review on a small wall wraps what fits, and cuts the action's text before its status.

Found by explore21 at 80x24 (the demo's follow-up, F2): each action was cut to one line
("partly done · ⚠ …", "Kommunal udskrivningstelefon …") while eight rows under the counts
stayed empty; whether an action is overdue was the word cut away. Now everything wraps when
it fits; else each action's text is cut to one line and its status wraps; one line for both
is the last resort.
"""

from __future__ import annotations

from pathlib import Path

from textual.containers import VerticalScroll

from workshop_tui.core.storage.sessions import copy_demo
from workshop_tui.tui.screens.projector import ProjectorFrame, ProjectorScreen
from workshop_tui.tui.screens.session import SessionScreen

from .conftest import REVIEW, app_for


async def test_the_demo_review_is_whole_on_a_small_wall(data_dir: Path) -> None:
    first = copy_demo(timestamp="2026-10-14T15:10:00+00:00")
    later = first.with_name(f"{first.stem}-2.toml")
    app = app_for(later, "da")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to(REVIEW)
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause(0.2)
        assert isinstance(app.screen, ProjectorScreen)
        frame = app.screen.query_one(ProjectorFrame)
        text = frame.content_text()
        rows = frame.query_one("#proj-body", VerticalScroll).content_region.height
    assert len(text.splitlines()) <= rows, text
    words = " ".join(text.split())  # a status wrapped under itself reads on
    assert words.count("⚠ forfalden") == 3 and "⚠ forfalden · ↻ videreført" in words, text
