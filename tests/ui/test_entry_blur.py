"""A one-line field the keyboard has left shows its text from the start, not its tail.

Found by hand: the demo resumes with the keyboard in action 1's text; after Tab the field
still showed "6 i seks uger, bemandet af …" (the end of "… kl. 10–16 i seks uger, …"), a
fragment that reads as a different action to a room looking at the screen.
"""

from __future__ import annotations

from textual.app import App, ComposeResult

from workshop_tui.tui.widgets.entry import EntryInput

LONG = (
    "Kommunal udskrivningstelefon fredag kl. 10–16 i seks uger, bemandet af en sygeplejerske fra Akutteamet."
)


class _TwoFields(App[None]):
    CSS = "EntryInput { width: 40; }"
    AUTO_FOCUS = None  # the text is loaded first, then the keyboard comes to it, as in the app

    def compose(self) -> ComposeResult:
        yield EntryInput(id="first")
        yield EntryInput(id="second")


async def test_a_field_left_by_the_keyboard_shows_its_start_and_returns_to_its_end() -> None:
    app = _TwoFields()
    async with app.run_test(size=(60, 10)) as pilot:
        first = app.query_one("#first", EntryInput)
        first.load(("action", "g1", "0", "text"), LONG)
        first.focus()
        await pilot.pause()
        assert first.cursor_position == len(LONG)
        assert first.scroll_offset.x == 0  # arrived at, not typed in: shown from its start
        await pilot.press("end")
        await pilot.pause()
        assert first.scroll_offset.x > 0  # a key of the field's: the cursor (the end) in view
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is app.query_one("#second", EntryInput)
        assert first.scroll_offset.x == 0
        assert first.value == LONG  # nothing edited by leaving
        await pilot.press("shift+tab")
        await pilot.pause()
        assert first.cursor_position == len(LONG)  # back in it: typing goes on at the end
        await pilot.press("!")
        assert first.value == LONG + "!"


async def test_a_focused_field_nobody_types_in_shows_its_start_until_a_key() -> None:
    """order23: focus put the cursor after the text and Textual scrolled to it, so a narrow
    cell showed only the tail ("… udskrivningen" read "ingen", Danish for "none", on the wall).
    The cursor stays at the end: the first character typed lands there, and is seen."""
    app = _TwoFields()
    async with app.run_test(size=(60, 10)) as pilot:
        first = app.query_one("#first", EntryInput)
        first.focus()
        await pilot.pause()
        first.load(("action", "g1", "0", "text"), LONG)  # loaded while it has the keyboard
        await pilot.pause()
        assert first.has_focus and first.cursor_position == len(LONG)
        assert first.scroll_offset.x == 0
        await pilot.press("f2")  # a key for the screen, not the field: still from the start
        await pilot.pause()
        assert first.scroll_offset.x == 0
        await pilot.press("x")
        await pilot.pause()
        assert first.value == LONG + "x"
        assert first.scroll_offset.x > 0  # typing: the cursor, at the end, is in view
        await pilot.press("tab", "shift+tab")  # left and come back to: the start again
        await pilot.pause()
        assert first.has_focus and first.scroll_offset.x == 0
        await pilot.press("backspace")
        await pilot.pause()
        assert first.value == LONG and first.scroll_offset.x > 0
