"""The terminal guard filters every line any widget draws, whatever widget shows the text."""

from __future__ import annotations

from rich.segment import Segment
from rich.text import Text
from textual.app import ComposeResult
from textual.color import Color
from textual.screen import Screen
from textual.widgets import Label

from workshop_tui.tui.terminal_guard import ControlCharacters

from .conftest import SIZE, app_for

HOSTILE = "Bo\x1b]52;c;UFdORUQ=\x07 \u202eABC\x1b[2J"


def test_a_plain_line_is_passed_on_as_it_is_and_a_hostile_one_cleaned() -> None:
    guard = ControlCharacters()
    plain = [Segment("Prøverum "), Segment("● 3/5")]
    assert guard.apply(plain, Color(0, 0, 0)) is plain
    cleaned = guard.apply([Segment("ok "), Segment(HOSTILE)], Color(0, 0, 0))
    assert cleaned[0].text == "ok "
    assert cleaned[1].text.isprintable() and "Bo" in cleaned[1].text


class Raw(Screen[None]):
    """A screen that shows a text as it is, through a widget of Textual's own."""

    def compose(self) -> ComposeResult:
        yield Label(Text(HOSTILE))


async def test_a_text_with_escape_sequences_reaches_the_screen_without_them() -> None:
    app = app_for(None)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(Raw())
        await pilot.pause()
        lines = [strip.text for strip in app.screen._compositor.render_strips()]
        shown = "\n".join(lines)
        assert "Bo" in shown, "the text is on the screen"
        assert "52;" not in shown and "[2J" not in shown
        assert all(line.isprintable() for line in lines), [line for line in lines if not line.isprintable()]
