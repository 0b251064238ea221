"""What the room sees on the normal screen: no private note or citation, groups that can be
edited, a visible timer, Danish all through in the Danish interface."""

from __future__ import annotations

import re
from pathlib import Path

from textual.app import App
from textual.widgets import Input

from workshop_tui.core.storage.sessions import load_session
from workshop_tui.tui.screens.groups import GroupsModal
from workshop_tui.tui.screens.modals import NotesModal
from workshop_tui.tui.screens.session import SessionScreen

from .conftest import SIZE, app_for


def _screen_text(app: App[object]) -> str:
    """Every line the terminal shows now (the whole screen, as the room sees it)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def test_the_note_and_the_source_are_shown_only_on_demand(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        source = screen.session.exercise(screen.current).source.cite()
        await pilot.press("f7")
        assert isinstance(app.screen, NotesModal)
        assert source in str(app.screen.query_one("#source").render())
        await pilot.press(*"HEMMELIG", "ctrl+s")
        await pilot.pause()
        assert screen.session.notes[screen.current] == "HEMMELIG"
        shown = _screen_text(app)
        assert "HEMMELIG" not in shown
        assert source.split(",")[0] not in shown, "the source file is on the wall"
        assert source in (screen.HELP or ""), "F1 says where the exercise comes from"


async def test_f7_gives_the_facilitator_the_exercises_guide_and_the_wall_never_shows_it(room: Path) -> None:
    """Every built-in exercise has a guide (how to run it); it was read from the file and shown nowhere."""
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        guide = screen.session.exercise(screen.current).guide
        assert guide is not None
        first_words = " ".join(guide.get("da").split()[:4])
        await pilot.press("f7")
        assert isinstance(app.screen, NotesModal)
        assert first_words in _screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert first_words not in _screen_text(app)


async def test_the_timer_shows_at_once(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        await pilot.pause(0.3)
        # Without a resize: the title row must make room for the timer by itself.
        assert re.search(r"⏱ \d\d:\d\d ⏵", _screen_text(app))


async def test_groups_can_be_renamed_and_added_after_the_start(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await pilot.press("ctrl+r")
        assert isinstance(app.screen, GroupsModal)
        app.screen.query_one("#group-1", Input).value = "Bord to"
        app.screen.query_one("#new-0", Input).value = "Bord 3"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [(g.id, g.name) for g in screen.session.groups] == [
            ("g1", "Bord 1"),
            ("g2", "Bord to"),
            ("g3", "Bord 3"),
        ]
        assert load_session(room).groups == screen.session.groups
        # A name another group has is refused with the reason, in Danish; nothing changes. The form
        # stays open with it and with what was typed (it closed, and the refusal lost every line).
        await pilot.press("ctrl+r")
        form = app.screen
        assert isinstance(form, GroupsModal)
        form.query_one("#group-1", Input).value = "Bord II"
        form.query_one("#new-0", Input).value = "bord 1"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "allerede en gruppe" in str(form.query_one("#error").render())
        assert form.query_one("#group-1", Input).value == "Bord II"
        assert len(screen.session.groups) == 3 and screen.session.groups[1].name == "Bord to"
        form.query_one("#group-0", Input).value = ""  # an emptied name: refused too
        form.query_one("#new-0", Input).value = "Bord 4"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and "skal have et navn" in str(form.query_one("#error").render())
        form.query_one("#group-0", Input).value = "Bord I"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert [g.name for g in screen.session.groups] == ["Bord I", "Bord II", "Bord 3", "Bord 4"]


async def test_ctrl_g_with_one_group_says_so(room: Path, tmp_path: Path) -> None:
    from dataclasses import replace

    from workshop_tui.core.storage.sessions import save_session

    session = load_session(room)
    save_session(replace(session, groups=session.groups[:1]), room)
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("sheet-42")
        await pilot.pause()
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert any("kun én gruppe" in n.message for n in app._notifications)


ENGLISH = ("Search for commands", "Cursor", "Scroll", "palette", "Quit", "Theme", "Keys", "Screenshot")


async def test_the_danish_interface_has_no_textual_english(room: Path) -> None:
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        shown = _screen_text(app)
        await pilot.press("f1", "ctrl+p")
        await pilot.pause()
        shown += _screen_text(app)
        for english in ENGLISH:
            assert english not in shown, english
        assert "Søg efter kommandoer" in shown
