"""Dialogs on an 80x24 terminal (a laptop's default window, or a projector at low resolution):
their buttons and every line of their text must be reachable, not cut off below the frame."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import App
from textual.widgets import Button

from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import load_session, new_session, save_session, session_path
from workshop_tui.tui.screens.groups import GroupsModal
from workshop_tui.tui.screens.modals import NotesModal, TimerModal
from workshop_tui.tui.screens.session import SessionScreen

from .conftest import app_for, until

SMALL = (80, 24)


def _screen_text(app: App[Any]) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def test_f7_at_80x24_shows_its_buttons_and_the_whole_guide_can_be_read(room: Path) -> None:
    """At 80x24 the panel's Save and Cancel were drawn below its frame: only Esc and Ctrl+S worked,
    and the end of a long guide (sheet 45's) could not be scrolled to from the keyboard."""
    app = app_for(room)
    async with app.run_test(size=SMALL) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert screen.session.agenda[-1] == "sheet-45"
        for _ in screen.session.agenda[1:]:
            await pilot.press("ctrl+n")
        await until(pilot, lambda: screen.current == "sheet-45", "the last exercise, sheet 45")
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


async def test_the_groups_form_with_many_tables_at_80x24_keeps_its_buttons_and_scrolls_to_each_field(
    library: Library, data_dir: Path
) -> None:
    """Eight tables: the form was cut off below the frame (no Save button, the new lines unseen)."""
    session = new_session(
        title="Mange borde",
        date="2026-11-23",
        exercises=[library.exercises["sheet-42"]],
        participants=["Anne", "Bo", "Cecilie", "Dan"],
        groups=[f"Bord {n}" for n in range(1, 9)],
        timestamp="2026-11-23T09:00:00+00:00",
        session_id="mange-borde",
    )
    path = session_path(session)
    save_session(session, path)
    app = app_for(path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("ctrl+r")
        await until(pilot, lambda: isinstance(app.screen, GroupsModal), "the groups form is open")
        await pilot.pause()
        for button in app.screen.query(Button):
            assert str(button.label) in _screen_text(app), _screen_text(app)
        await pilot.press(*"Bord 9")
        await pilot.pause()
        assert "Bord 9" in _screen_text(app), "the field being typed in is in view"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: len(load_session(path).groups) == 9, "the new table is saved")


async def test_a_refused_timer_says_what_to_write_in_words(room: Path) -> None:
    """The timer's box answered a 0 with the bare range "1–240", in no language."""
    app = app_for(room, "en")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("f6")
        await until(pilot, lambda: isinstance(app.screen, TimerModal), "the timer's box")
        await pilot.press("backspace", "backspace", "0", "enter")
        await pilot.pause()
        error = str(app.screen.query_one("#error").render())
        assert error == "Write a number of minutes above 0 and at most 240, e.g. 10 or 7.5.", error


async def test_the_voting_panel_at_80x24_keeps_esc_and_f10_in_view(room: Path) -> None:
    """The QR code and the code take the height: the line of keys under them was out of sight."""
    from workshop_tui.tui.screens.voting_panel import VotingModal

    from .conftest import VOTING_HERE

    app = app_for(room, voting=VOTING_HERE)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("f10")
        await until(pilot, lambda: isinstance(app.screen, VotingModal), "the voting panel is open")
        await pilot.pause()
        await pilot.pause()
        shown = _screen_text(app)
        assert "Esc: skjul" in shown and "F10: luk" in shown, shown
        await pilot.press("escape")
    async with app_for(room, voting=VOTING_HERE).run_test(size=(120, 50)) as pilot:
        await pilot.press("f10")
        await pilot.pause()
        await pilot.pause()
        shown = _screen_text(pilot.app)
        assert shown.count("F10: luk") == 1, shown  # all in view: the keys once, under the code


async def test_f7_at_80x24_says_whole_that_the_notes_never_reach_the_wall(room: Path) -> None:
    """The notes' title was cut at 80 columns after "never on the" (en; da after "aldrig på"):
    the one line that tells the facilitator the notes stay private lost its end."""
    for lang, last in (("en", "screen or the projector)"), ("da", "skærmen eller projektoren)")):
        await _notes_title_ends_with(app_for(room, lang), last)


async def _notes_title_ends_with(app: App[Any], last: str) -> None:
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("f7")
        await until(pilot, lambda: isinstance(app.screen, NotesModal), "the panel is open")
        await pilot.pause()
        shown = " ".join(_screen_text(app).replace("█", " ").split())
        assert last in shown, shown
