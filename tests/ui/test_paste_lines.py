"""Pasting several lines into a one-line field keeps every line (Textual's Input keeps the first)."""

from __future__ import annotations

from textual import events
from textual.app import App, ComposeResult

from workshop_tui.tui.widgets.entry import PASTE_GAP, EntryInput, FieldEdited


class _OneField(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.edits: list[FieldEdited] = []

    def compose(self) -> ComposeResult:
        yield EntryInput(id="field")

    def on_field_edited(self, message: FieldEdited) -> None:
        self.edits.append(message)


async def test_pasted_lines_are_joined_by_a_space_not_dropped() -> None:
    app = _OneField()
    async with app.run_test() as pilot:
        field = app.query_one(EntryInput)
        field.load(("text", "g1", "a1"), "Ring til sygehuset")
        field.focus()
        await pilot.pause()
        field.post_message(events.Paste(" – før fredag\r\nanden linje æøå\n\n  tredje  "))
        await pilot.pause()
        assert field.value == "Ring til sygehuset – før fredag anden linje æøå tredje"
        assert app.edits and app.edits[-1].value == field.value


async def test_lines_pasted_as_keys_are_joined_by_a_space_and_a_typed_enter_adds_nothing() -> None:
    app = _OneField()
    async with app.run_test() as pilot:
        field = app.query_one(EntryInput)
        field.load(("action", "g1", "0", "text"), "")
        field.focus()
        await pilot.pause()
        # One burst from the terminal (no bracketed paste): the keys are made microseconds apart.
        burst = [events.Key(c, c) for c in "Ring til"]
        burst += [events.Key("enter", "\r"), events.Key("space", " "), events.Key("enter", "\r")]
        burst += [events.Key(c, c) for c in "sygehuset"]
        for key in burst:
            app.post_message(key)
        await pilot.pause()
        assert field.value == "Ring til sygehuset"
        app.post_message(events.Key("enter", "\r"))
        await pilot.pause(PASTE_GAP * 3)  # a person pressing Enter, then typing on
        app.post_message(events.Key("exclamation_mark", "!"))
        await pilot.pause()
        assert field.value == "Ring til sygehuset!"
        assert app.edits[-1].value == field.value
