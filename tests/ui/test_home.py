"""Pilot tests of the home screen: the new-session form, the demo, language, help."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Input

from workshop_tui.core.model import Session
from workshop_tui.core.storage.listing import list_sessions
from workshop_tui.core.storage.seal import unsealed
from workshop_tui.core.storage.sessions import save_session
from workshop_tui.tui.screens import home as home_screen
from workshop_tui.tui.screens.home import HomeScreen
from workshop_tui.tui.screens.new_session import NewSessionScreen
from workshop_tui.tui.screens.session import SessionScreen

from .conftest import SIZE, app_for, listed


async def test_new_session_form_creates_and_opens_a_session(data_dir: Path) -> None:
    app = app_for(None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        assert isinstance(app.screen, NewSessionScreen)
        app.screen.query_one("#title", Input).value = "Ældreområdet"
        app.screen.query_one("#participants", Input).value = "Anne, Bo"
        app.screen.query_one("#groups", Input).value = "Bord 1, Bord 2"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        session = app.screen.session
        assert session.title == "Ældreområdet"
        assert [p.label for p in session.participants] == ["Anne", "Bo"]
        assert [g.name for g in session.groups] == ["Bord 1", "Bord 2"]
        assert session.agenda[0] == "kkc-indicators"
    [listing] = list_sessions()
    assert listing.session is not None and listing.session.title == "Ældreområdet"


async def test_new_session_form_says_what_is_wrong(data_dir: Path) -> None:
    app = app_for(None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        app.screen.query_one("#participants", Input).value = "0"
        await pilot.press("ctrl+s")
        assert "titel" in str(app.screen.query_one("#error").render()).lower()
        app.screen.query_one("#title", Input).value = "X"
        await pilot.press("ctrl+s")
        assert "antal" in str(app.screen.query_one("#error").render())
        # The command line's rule: "²" stopped the app (int("²")), two Annes were taken.
        app.screen.query_one("#participants", Input).value = "²"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen) and app.screen.session.participants[0].name == "²"
        await pilot.press("escape", "escape")
        await listed(pilot)
        await pilot.press("n")
        app.screen.query_one("#title", Input).value = "X"
        app.screen.query_one("#participants", Input).value = "Anne [b], Bo, anne [b]"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "'anne [b]' står to gange" in str(app.screen.query_one("#error").render())
        app.screen.query_one("#participants", Input).value = "4"
        app.screen.query_one("#title", Input).value = "X" * 100_001
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NewSessionScreen), "a refused title keeps the form open"
        assert "højst have 100.000 tegn" in str(app.screen.query_one("#error").render())
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
    assert [listing.session.participants[0].name for listing in list_sessions() if listing.session] == ["²"]


async def test_demo_key_opens_a_copy(data_dir: Path) -> None:
    app = app_for(None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        done = len(app.screen.session.agenda)  # the demo is complete
        assert app.screen.session.progress == (done, done)
        assert app.screen.keeper.path.parent == data_dir / "sessions"


async def test_english_interface_and_help(room: Path) -> None:
    app = app_for(room, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        footer = {b.binding.description for b in app.screen.active_bindings.values()}
        assert {"Next", "Previous exercise", "Projector", "Blind/reveal", "Tally mode"} <= footer
        await pilot.press("f1")
        await pilot.pause()
        assert app.screen.query("HelpPanel")
        await pilot.press("f1")
        await pilot.pause()
        assert not app.screen.query("HelpPanel")


async def test_the_progress_filled_in_changes_cells_without_building_the_table_again(
    small_session: Session, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Clearing a table of 4,000 rows and adding them again made it measure every cell anew
    # (a frozen screen for half a second): the same rows in the same order are only updated.
    folder = data_dir / "sessions"
    for number in range(3):
        path = folder / f"s-{number}.toml"
        save_session(replace(small_session, id=f"s-{number}", title=f"Seminar {number}"), path)
        path.write_bytes(unsealed(path.read_bytes()))  # listed from its header, then read fully
    clears: list[bool] = []
    clear = DataTable.clear

    def counted(table: DataTable[Any], columns: bool = False) -> DataTable[Any]:
        clears.append(columns)
        return clear(table, columns)

    monkeypatch.setattr(DataTable, "clear", counted)
    app = app_for(None)
    async with app.run_test(size=SIZE) as pilot:
        home = await listed(pilot)
        table = home.query_one("#sessions", DataTable)
        progress = "{}/{}".format(*small_session.progress)
        assert [str(table.get_row_at(row)[3]) for row in range(3)] == [progress] * 3
        assert clears == [True]  # built once, with the titles; the progress filled in after
        (folder / "s-1.toml").unlink()
        home.load()
        await listed(pilot)
        assert table.row_count == 2 and clears == [True, True]  # another list: built again


async def test_a_long_list_is_put_in_a_part_a_turn_and_a_newer_list_stops_an_older_one(
    small_session: Session, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 4,000 rows added in one go held the screen for 0.3 s; a part a turn lets keys in between.
    folder = data_dir / "sessions"
    for number in range(7):
        save_session(
            replace(small_session, id=f"s-{number}", title=f"Seminar {number}"), folder / f"s-{number}.toml"
        )
    titles = [f"Seminar {n}" for n in range(7)]
    monkeypatch.setattr(home_screen, "ROWS_A_TURN", 2)
    app = app_for(None)
    async with app.run_test(size=SIZE) as pilot:
        home = await listed(pilot)
        table = home.query_one("#sessions", DataTable)
        assert [str(table.get_row_at(row)[0]).strip() for row in range(7)] == titles
        table.move_cursor(row=5)
        home._show(list_sessions()[:6])  # another list (one file fewer): built again, in parts
        assert table.row_count == 2
        home._show(list_sessions())  # and a newer one before the last was put in
        await pilot.pause()
        await pilot.pause()
        assert table.row_count == 7 and table.cursor_row == 5  # only the newer rows, the cursor kept
        assert [str(table.get_row_at(row)[0]).strip() for row in range(7)] == titles


async def test_a_file_broken_after_the_list_read_it_is_marked_when_enter_fails(room: Path) -> None:
    """The row looked openable after Enter said the file could not be read (found by hand:
    the file was damaged while the list showed); the list is read again and marks it ⚠."""
    app = app_for(None)
    async with app.run_test(size=SIZE) as pilot:
        home = await listed(pilot)
        table = home.query_one("#sessions", DataTable)
        assert "⚠" not in str(table.get_row_at(0)[0])
        room.write_text("garbage = [\n", encoding="utf-8")
        await pilot.press("enter")
        await pilot.pause()
        home = await listed(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert "⚠" in str(table.get_row_at(0)[0]), table.get_row_at(0)


async def test_back_from_a_session_the_cursor_is_on_that_session(room: Path, data_dir: Path) -> None:
    """Found by hand (explore17): `workshop open` on a session, Esc to the list, Enter: the
    list's first row opened (a newer session, another group's), not the one just left. Back
    from a session, the cursor is on it, as the ● says."""
    from workshop_tui.core.storage.sessions import load_session, session_path

    newer = replace(load_session(room), id="nyere", title="Nyere seminar", date="2027-01-01")
    save_session(newer, session_path(newer))
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("escape", "escape")
        home = await listed(pilot)
        assert [x.session.title for x in home.listings if x.session] == ["Nyere seminar", "Prøverum"]
        assert home.query_one("#sessions", DataTable).cursor_row == 1
