"""F1's panel gives the screen's own help the room before Textual's list of editing keys.

product24: Textual caps the help text at half the panel, so at 120x36 the session's F1 was
cut after F8 (F9, F10, Ctrl+G … Esc and the exercise's source unseen) while the key list of
the focused field took the rest. The help now takes the panel's height and scrolls beyond it.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Markdown

from workshop_tui.tui.screens.session import SessionScreen

from .conftest import app_for


async def test_f1_shows_the_session_keys_beyond_half_the_panel(room: Path) -> None:
    app = app_for(room, "da")
    async with app.run_test(size=(120, 36)) as pilot:
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("f1")
        await pilot.pause(0.3)
        help_text = app.screen.query_one("HelpPanel #widget-help", Markdown)
        panel = help_text.parent
        assert panel is not None
        assert help_text.region.height > panel.region.height // 2 + 2
        assert help_text.styles.overflow_y == "auto"  # what does not fit scrolls
