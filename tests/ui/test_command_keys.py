"""Every command a screen declares works from every kind of field that screen has.

The footer, the key panel, F1 and the palette show a screen's commands wherever the
keyboard is; a text field that takes the same key for itself (Ctrl+U deletes to the start
of an ``Input``'s line, F6/F7 select in a ``TextArea``, Ctrl+Z is its own undo) made the
command do nothing there while still showing it. This walks the declarations in
``tui/commands.py``: each key of each command, pressed in a one-line field, a text box and
a choice, must reach the screen's action, except a key a text field keeps for its own edit
(``field_keeps``: Ctrl+U deletes to the line's start): in a one-line field or a text box
that key edits the field and runs no command, in a choice it runs the command.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widget import Widget

from workshop_tui.core.i18n import t
from workshop_tui.tui.commands import (
    APP_COMMANDS,
    DIALOG_COMMANDS,
    EDITOR_COMMANDS,
    NEW_SESSION_COMMANDS,
    SESSION_COMMANDS,
    Command,
    bindings,
    key_help,
)
from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.widgets.entry import EntryInput, EntrySelect
from workshop_tui.tui.widgets.entry_area import EntryArea
from workshop_tui.tui.widgets.line_table import LineTable

from .conftest import SIZE, app_for

SCREENS_WITH_FIELDS: dict[str, Sequence[Command]] = {
    "session": SESSION_COMMANDS,
    "editor": EDITOR_COMMANDS,
    "new session": NEW_SESSION_COMMANDS,
    "dialog": DIALOG_COMMANDS,
    "app (every screen)": APP_COMMANDS,
}
"""The declarations of screens that hold text fields or choices (the others have none)."""

FIELDS: dict[str, type[Widget]] = {"one-line field": EntryInput, "text box": EntryArea, "choice": EntrySelect}
TEXT_FIELDS = (EntryInput, EntryArea)


class _Recording(Screen[None]):
    """A screen with a declaration's bindings whose every action only records that it ran."""

    def __init__(self, commands: Sequence[Command]) -> None:
        super().__init__()
        self.commands = commands
        self.ran: list[str] = []

    def compose(self) -> ComposeResult:
        yield EntryInput(id="one-line-field")
        yield EntryArea(id="text-box")
        yield EntrySelect([("a", "a"), ("b", "b")], id="choice")

    def __getattr__(self, name: str) -> Any:
        if name.startswith("action_"):
            return lambda *_: self.ran.append(name.removeprefix("action_"))
        raise AttributeError(name)


class _Host(App[None]):
    def __init__(self, commands: Sequence[Command]) -> None:
        super().__init__()
        screen_type = type("Declared", (_Recording,), {"BINDINGS": bindings(commands)})
        self.recording: _Recording = screen_type(commands)

    def on_mount(self) -> None:
        self.push_screen(self.recording)


@pytest.mark.parametrize("screen", SCREENS_WITH_FIELDS)
async def test_every_declared_key_reaches_its_command_from_every_kind_of_field(screen: str) -> None:
    commands = SCREENS_WITH_FIELDS[screen]
    swallowed: list[str] = []
    app = _Host(commands)
    async with app.run_test() as pilot:
        await pilot.pause()
        recording = app.recording
        for field_name, field_type in FIELDS.items():
            field = recording.query_one(field_type)
            for command in commands:
                for key in command.keys.split(","):
                    field.focus()
                    await pilot.pause()
                    assert recording.focused is field
                    recording.ran.clear()
                    await pilot.press(key.strip())
                    await pilot.pause()
                    expected = (
                        [] if command.field_keeps and isinstance(field, TEXT_FIELDS) else [command.action]
                    )
                    if recording.ran != expected:
                        swallowed.append(f"{key.strip()} ({command.id}) in a {field_name}: {recording.ran}")
    assert not swallowed, "\n".join(["keys the field took for itself (or not):", *swallowed])


async def test_a_key_a_text_field_keeps_edits_the_field_and_runs_no_command() -> None:
    """Ctrl+U opened the minimum's dialog while someone typed, and the next keys went into it."""
    kept = [command for command in SESSION_COMMANDS if command.field_keeps]
    assert [command.keys for command in kept] == ["ctrl+u"]
    app = _Host(SESSION_COMMANDS)
    async with app.run_test() as pilot:
        await pilot.pause()
        recording = app.recording
        line = recording.query_one(EntryInput)
        line.focus()
        await pilot.press("a", "b", "c", "ctrl+u", "d")
        await pilot.pause()
        assert (line.value, recording.ran) == ("d", [])
        box = recording.query_one(EntryArea)
        box.focus()
        await pilot.press("x", "y", "enter", "a", "b", "ctrl+u", "z")
        await pilot.pause()
        assert (box.text, recording.ran) == ("xy\nz", [])


def test_f1_says_where_a_kept_key_works() -> None:
    for lang in ("da", "en"):
        line = next(line for line in key_help(SESSION_COMMANDS, lang).splitlines() if "Ctrl+U" in line)
        assert line.endswith(t("tui.help.outside_fields", lang)), line


async def test_the_footer_lists_the_session_s_keys_in_the_declared_order_whatever_field_has_the_keyboard(
    room: Path,
) -> None:
    # A text box binds F7 itself: Textual listed the screen's F7 in the box's place (first).
    declared = [command.keys.split(",")[0] for command in SESSION_COMMANDS if command.footer]
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        for exercise in ("resistance", "sheet-42", "sheet-45"):
            screen.go_to(exercise)
            await pilot.pause()
            shown = [key for key, active in screen.active_bindings.items() if active.binding.show]
            assert [key for key in shown if key in declared] == declared, exercise
            assert isinstance(screen.focused, EntryArea | EntryInput | LineTable), exercise
