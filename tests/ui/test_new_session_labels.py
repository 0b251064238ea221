"""The new-session form's labels wrap: the groups' label said its end ("Ctrl+R later") nowhere.

At 80 columns (and even at 120: the form is at most 100 wide) the label was clipped after
"(empty: the whole" (found by hand in tmux, da and en).
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from workshop_tui.tui.screens.new_session import NewSessionScreen

from .conftest import app_for, until


async def test_the_groups_label_is_read_whole_at_80_columns(data_dir: Path) -> None:
    for lang, end in (("en", "Ctrl+R later)"), ("da", "Ctrl+R i sessionen)")):
        app = app_for(None, lang)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("n")
            screen = app.screen
            assert isinstance(screen, NewSessionScreen)
            screen.query_one("#groups", Input).focus()
            await until(pilot, lambda: end in _shown(screen), f"{end!r} on the screen")  # noqa: B023


def _shown(screen: NewSessionScreen) -> str:
    """The screen's text, one line after another, without the frame."""
    lines = (strip.text for strip in screen._compositor.render_strips())
    return " ".join(" ".join(lines).replace("█", " ").split())
