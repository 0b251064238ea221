"""F1's help beside the wall: the wall is laid out at the width it has left (wall25).

At 80x24 the F2 wall with F1 open was laid out at the screen's width and drawn into the two
thirds beside the help: the action list's table folded "Ansvarlig" into "Ans/var/lig" and the
owners' names mid-word ("Lou/ise"), on the screen the room reads.
"""

from __future__ import annotations

from pathlib import Path

from workshop_tui.core.model import Action
from workshop_tui.core.storage.sessions import load_session, save_session
from workshop_tui.tui.screens.projector import ProjectorScreen
from workshop_tui.tui.screens.session import SessionScreen

from .conftest import app_for, until


async def test_the_wall_beside_the_help_folds_no_word(room: Path) -> None:
    session = load_session(room)
    action = Action("Kommunal udskrivningstelefon fredag kl. 10–16 i seks uger", "Louise Dahl", "2026-11-15")
    session = session.with_action("sheet-45", "g1", 0, action)
    save_session(session.with_blind("sheet-45", False), room)
    app = app_for(room)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("sheet-45")
        await pilot.pause()
        await pilot.press("f2")
        await until(pilot, lambda: isinstance(app.screen, ProjectorScreen), "the wall")
        wall = app.screen
        assert isinstance(wall, ProjectorScreen)
        await until(pilot, lambda: "Louise Dahl" in wall.content_text(), "the action on the wall")
        await pilot.press("f1")
        await until(pilot, lambda: bool(wall.query("HelpPanel")), "the help beside the wall")
        await pilot.pause(0.2)
        words = wall.content_text().split()
        assert {"Louise", "Dahl", "udskrivningstelefon"} <= set(words), wall.content_text()
        assert not {"Ans", "var", "lig"} & set(words), wall.content_text()
        assert max(map(len, wall.content_text().splitlines())) <= wall.query_one("#proj-content").size.width
        await pilot.press("f1")  # closed: the whole width again, the table with its headings
        await until(pilot, lambda: "Ansvarlig" in wall.content_text().split(), "the wall at its whole width")
