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
        assert first.scroll_offset.x > 0  # the end of the text is in view while typing
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
