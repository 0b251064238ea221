"""Commands are declared once (``tui/commands.py``): bindings, palette, F1 and the README agree with it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from workshop_tui.core.i18n import t
from workshop_tui.tui.app import WorkshopApp
from workshop_tui.tui.commands import (
    APP_COMMANDS,
    HOME_COMMANDS,
    PROJECTOR_COMMANDS,
    SESSION_COMMANDS,
    VOTING_COMMANDS,
    Command,
    key_help,
    key_line,
    key_name,
)
from workshop_tui.tui.screens.home import HomeScreen
from workshop_tui.tui.screens.projector import ProjectorScreen
from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.screens.voting_panel import VotingModal

from .conftest import SIZE, app_for

README = Path(__file__).resolve().parents[2] / "README.md"
KEY = re.compile(r"^(F\d{1,2}|Ctrl\+[A-Z]|Esc)$")
"""A key the README's table names as a command's (not "digits" or "action dates")."""


def readme_keys() -> set[str]:
    """The keys in the first column of the README's table "In the app"."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## In the app", 1)[1].split("\n## ", 1)[0]
    keys: set[str] = set()
    for line in section.splitlines():
        if not line.startswith("| **"):
            continue
        first = line.split("|")[1]
        for bold in re.findall(r"\*\*(.+?)\*\*", first):
            keys.update(k.strip() for k in bold.split("/") if KEY.match(k.strip()))
    return keys


def test_the_readme_key_table_lists_exactly_the_session_commands() -> None:
    declared = {key for command in SESSION_COMMANDS for key in command.shown_keys}
    assert len(declared) == len(SESSION_COMMANDS) == 18
    assert readme_keys() == declared


def test_the_voting_panel_writes_its_keys_from_the_declaration() -> None:
    line = key_line(VOTING_COMMANDS, "da")
    assert line.startswith("Esc: skjul (afstemningen forbliver åben) · F10: luk · +/=: tilføj deltager")
    assert line.endswith("−: fjern ubrugt · N: ny kode")


def test_key_names_are_written_as_people_write_them() -> None:
    assert [key_name(k) for k in ("ctrl+n", "f10", "escape", "shift+tab", "f2")] == [
        "Ctrl+N",
        "F10",
        "Esc",
        "Shift+Tab",
        "F2",
    ]


@pytest.mark.parametrize(
    "command",
    [*SESSION_COMMANDS, *PROJECTOR_COMMANDS, *VOTING_COMMANDS, *HOME_COMMANDS, *APP_COMMANDS],
    ids=lambda c: c.id,
)
def test_every_command_is_named_and_explained_in_both_languages(command: Command) -> None:
    for lang in ("da", "en"):
        for key in (
            f"tui.key.{command.id}",
            f"tui.help.key.{command.id}",
            *([command.palette] if command.palette else []),
        ):
            assert t(key, lang) != key, f"{key} is missing in {lang}"
    assert t(f"tui.help.key.{command.id}", "da") != t(f"tui.help.key.{command.id}", "en")


def test_the_screens_bind_what_is_declared() -> None:
    for screen, commands in (
        (SessionScreen, SESSION_COMMANDS),
        (ProjectorScreen, PROJECTOR_COMMANDS),
        (VotingModal, VOTING_COMMANDS),
        (HomeScreen, HOME_COMMANDS),
        (WorkshopApp, APP_COMMANDS),
    ):
        bound = {
            (b.id, b.key, b.action, b.show) for b in screen.BINDINGS if not isinstance(b, tuple) and b.id
        }
        assert bound == {(c.id, c.bound_keys, c.action, c.footer) for c in commands}
        for command in commands:
            assert callable(getattr(screen, f"action_{command.action}")), command.action


async def test_f1_and_the_palette_come_from_the_declaration(room: Path) -> None:
    app = app_for(room, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert key_help(SESSION_COMMANDS, "en") in (screen.HELP or "")
        assert "- **F10** voting from phones" in (screen.HELP or "")
        await pilot.press("ctrl+p", *"Projector")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ProjectorScreen)
        assert "F2/Esc: back · F3: hide/reveal results" in (app.screen.HELP or "")


async def test_the_home_screens_keys_and_their_tooltips_speak_the_interface_language() -> None:
    app = app_for(None, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        shown = {
            b.binding.id: (b.binding.description, b.tooltip) for b in app.screen.active_bindings.values()
        }
        assert shown["new"] == ("New session", "create a new session")
        assert shown["help"] == ("Help", "show the keys and the help for this screen")
        assert "- **N** create a new session" in (app.screen.HELP or "")
