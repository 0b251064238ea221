"""Home: a row whose seal was forged (checksum valid) shows the file's true progress once opened."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from workshop_tui.core.model import Session
from workshop_tui.core.storage.seal import sealed, unsealed
from workshop_tui.core.storage.sessions import save_session
from workshop_tui.tui.screens.session import SessionScreen

from .conftest import SIZE, app_for, listed


async def test_opening_a_row_with_a_forged_seal_makes_the_list_tell_the_truth(
    small_session: Session, data_dir: Path
) -> None:
    path = data_dir / "sessions" / "forged.toml"
    save_session(small_session, path)
    total = len(small_session.agenda)
    path.write_bytes(sealed(unsealed(path.read_bytes()), (total, total)))  # "all done", checksum valid
    app = app_for(None)
    async with app.run_test(size=SIZE) as pilot:
        home = await listed(pilot)
        table = home.query_one("#sessions", DataTable)
        assert str(table.get_row_at(0)[3]) == f"{total}/{total}"  # what the seal says
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("escape", "escape")
        await pilot.pause()
        home = await listed(pilot)
        table = home.query_one("#sessions", DataTable)
        assert str(table.get_row_at(0)[3]) == f"0/{total}"
