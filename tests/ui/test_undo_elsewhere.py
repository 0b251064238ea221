"""Ctrl+Z / Ctrl+Y change only what the screen shows; a change elsewhere is named, not made.

The history is the whole session's. Typed in one group's sheet, then Ctrl+G to the next
group, Ctrl+Z took back the first group's words while the screen showed the second's (seen
by hand in tmux). A later round said where ("Fortrudt i «…»: ikke det, skærmen viser nu"),
but still changed what nobody was looking at, and a second Ctrl+Z undid more. Now the keeper
says where its next undo would change (``SessionKeeper.next_undo``); off the screen nothing
changes and the toast says where to go first.
"""

from __future__ import annotations

from pathlib import Path

from workshop_tui.core.storage.sessions import load_session
from workshop_tui.tui.screens.session import SessionScreen

from .conftest import SIZE, app_for, until


def _toasts(app: object) -> list[str]:
    return [n.message for n in app._notifications]  # type: ignore[attr-defined]


async def test_undo_of_another_group_s_words_says_go_there_and_changes_nothing(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("sheet-42")
        await until(pilot, lambda: screen.current == "sheet-42" and screen.view is not None, "the sheet")
        await pilot.pause()
        title = screen.session.exercise("sheet-42").title.get("da")
        await pilot.press(*"abc")
        sheet = "sheet-42"
        await until(pilot, lambda: screen.session.answers_for(sheet).texts.get("g1", {}).get("1"), "typed")
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.press("ctrl+z")
        await until(pilot, lambda: any("Fortryd" in m for m in _toasts(app)), "refused")
        assert f"Fortryd gælder «{title}», Bord 1: gå dertil først" in _toasts(app)
        assert screen.session.answers_for("sheet-42").texts["g1"]["1"] == "abc"
        await pilot.press("ctrl+g")  # back to Bord 1: now it is on the screen, and undone
        await pilot.pause()
        await pilot.press("ctrl+z")
        await until(pilot, lambda: "Fortrudt" in _toasts(app), "undone")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not screen.session.answers_for("sheet-42").texts.get("g1", {}).get("1")


async def test_undo_on_the_screen_undoes_and_another_exercise_s_is_named(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await pilot.press("3", "ctrl+z")
        await until(pilot, lambda: "Fortrudt" in _toasts(app), "undone")
        first = screen.current
        await pilot.press("4", "ctrl+n")
        await pilot.pause()
        kept = screen.session.answers_for(first)
        await pilot.press("ctrl+z")
        await until(pilot, lambda: any("Fortryd gælder" in m for m in _toasts(app)), "named")
        title = screen.session.exercise(first).title.get("da")
        assert f"Fortryd gælder «{title}»: gå dertil først" in _toasts(app)
        assert screen.session.answers_for(first) == kept


async def test_redo_elsewhere_is_named_too(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await pilot.press("3", "ctrl+z")
        await until(pilot, lambda: "Fortrudt" in _toasts(app), "undone")
        first = screen.current
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("ctrl+y")
        await until(pilot, lambda: any("Gentag gælder" in m for m in _toasts(app)), "named")
        title = screen.session.exercise(first).title.get("da")
        assert f"Gentag gælder «{title}»: gå dertil først" in _toasts(app)
        assert load_session(room).answers_for(first) == screen.session.answers_for(first)
