"""Letter commands work with Caps Lock on, and the footer, F1 and the hints write them alike.

product24: on the list of sessions only ``n``, ``d``, ``l``, ``q`` worked, while F1 wrote
**N**: a facilitator with Caps Lock on pressed N and nothing happened. Now a bare letter is
bound in both cases (``Command.bound_keys``) and written as F1 writes it everywhere. No
screen with a text field or the grid's typing declares a bare letter, so no capital is
taken from typing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from workshop_tui.core.i18n import t
from workshop_tui.tui.commands import (
    HOME_COMMANDS,
    PRESENT_COMMANDS,
    PROJECTOR_COMMANDS,
    SESSION_COMMANDS,
    VOTING_COMMANDS,
    key_help,
)
from workshop_tui.tui.screens.new_session import NewSessionScreen

from .conftest import VOTING_HERE, app_for, listed
from .voting_helpers import open_voting


@pytest.mark.parametrize("key", ["N", "n"])
async def test_the_new_session_key_works_with_and_without_caps_lock(data_dir: Path, key: str) -> None:
    app = app_for(None, "da")
    async with app.run_test(size=(80, 24)) as pilot:
        await listed(pilot)
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, NewSessionScreen)


@pytest.mark.parametrize("key", ["D", "d"])
async def test_the_demo_key_works_with_and_without_caps_lock(data_dir: Path, key: str) -> None:
    app = app_for(None, "da")
    async with app.run_test(size=(80, 24)) as pilot:
        await listed(pilot)
        await pilot.press(key)
        for _ in range(50):
            await pilot.pause(0.1)
            if app.screen.__class__.__name__ == "SessionScreen":
                break
        assert app.screen.__class__.__name__ == "SessionScreen"


async def test_footer_f1_and_the_empty_hint_write_a_letter_key_alike(data_dir: Path) -> None:
    app = app_for(None, "da")
    async with app.run_test(size=(120, 36)) as pilot:
        home = await listed(pilot)
        shown = {b.binding.id: app.get_key_display(b.binding) for b in home.active_bindings.values()}
        assert shown["new"] == shown["demo"].replace("D", "N") == "N"
        assert shown["lang"] == "L" and shown["quit"] == "Q"
        assert "- **N** opret en ny session" in (home.HELP or "")
        assert key_help(HOME_COMMANDS, "da") in (home.HELP or "")
        assert "Bogstavtasterne virker med og uden Caps Lock." in (home.HELP or "")
        hint = str(home.query_one("#home-hint", Static).render())
        assert t("tui.home.empty_new", "da", letter="N") in hint


@pytest.mark.parametrize("key", ["N", "n"])
async def test_the_voting_panels_new_code_key_works_with_caps_lock(room: Path, key: str) -> None:
    app = app_for(room, "da", voting=VOTING_HERE)
    async with app.run_test(size=(120, 36)) as pilot:
        screen, info = await open_voting(app, pilot, places=0)
        await pilot.press(key)
        await pilot.pause()
        again = screen.voting.info()
        assert again is not None and again.code != info.code
        await pilot.press("f10")
        await pilot.pause()


async def test_the_palette_offers_the_lists_new_session_and_demo(data_dir: Path) -> None:
    """Ctrl+P on the list offered language, quit, theme …, but not N's and D's commands."""
    app = app_for(None, "da")
    async with app.run_test(size=(120, 36)) as pilot:
        home = await listed(pilot)
        titles = [command.title for command in app.get_system_commands(home)]
        assert {t("tui.key.new", "da"), t("tui.key.demo", "da")} <= set(titles)
        await pilot.press("ctrl+p", *"Ny session")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NewSessionScreen)


def test_no_screen_that_takes_typing_declares_a_bare_letter() -> None:
    """The session screen (grid, sheets, fields) and the projector keep every letter for typing."""
    for command in (*SESSION_COMMANDS, *PROJECTOR_COMMANDS):
        assert not any(len(key.strip()) == 1 for key in command.keys.split(",")), command.id
    for command in (*HOME_COMMANDS, *VOTING_COMMANDS, *PRESENT_COMMANDS):
        keys = command.bound_keys.split(",")
        for key in command.keys.split(","):
            if len(key) == 1 and key.isalpha():
                assert {key, key.upper()} <= set(keys), command.id
                assert not command.priority  # a focused field would always see it first
