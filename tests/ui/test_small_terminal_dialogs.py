"""Dialogs on an 80x24 terminal (a laptop's default window, or a projector at low resolution):
their buttons and every line of their text must be reachable, not cut off below the frame."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.widgets import Button

from workshop_tui.core.i18n import t
from workshop_tui.tui.screens.modals import NotesModal
from workshop_tui.tui.screens.session import SessionScreen

from .conftest import app_for, until

SMALL = (80, 24)


def _screen_text(app: App[object]) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def test_f7_at_80x24_shows_its_buttons_and_the_whole_guide_can_be_read(room: Path) -> None:
    """At 80x24 the panel's Save and Cancel were drawn below its frame: only Esc and Ctrl+S worked,
    and the end of a long guide (sheet 45's) could not be scrolled to from the keyboard."""
    app = app_for(room)
    async with app.run_test(size=SMALL) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        while screen.session.exercise(screen.current).id != "sheet-45":
            before = screen.current
            await pilot.press("ctrl+n")
            await until(pilot, lambda: screen.current != before, "the next exercise")
        guide = screen.session.exercise(screen.current).guide
        assert guide is not None
        await pilot.press("f7")
        await until(pilot, lambda: isinstance(app.screen, NotesModal), "the panel is open")
        await pilot.pause()
        shown = _screen_text(app)
        for button in app.screen.query(Button):
            label = str(button.label)
            assert label in shown, f"{label!r} is not on the screen:\n{shown}"
        last_words = " ".join(guide.get("da").split()[-3:])
        await pilot.press("shift+tab")  # from the note to the guide
        for _ in range(40):
            if last_words in " ".join(_screen_text(app).replace("█", " ").split()):
                break
            await pilot.press("pagedown")
        assert last_words in " ".join(_screen_text(app).replace("█", " ").split()), _screen_text(app)
