"""The export dialog's opt-ins are read whole at 80 columns, in both languages.

"Show participant names with scores (anonymous otherwise)" was cut after "(anonym" (found
by hand in tmux, en, 80x24): the words that say the export is anonymous unless ticked.
"""

from __future__ import annotations

from pathlib import Path

from textual.widget import Widget
from textual.widgets import Checkbox

from workshop_tui.tui.screens.export import ExportModal

from .conftest import app_for, until


async def test_the_export_opt_ins_fit_at_80_columns(room: Path) -> None:
    for lang in ("en", "da"):
        app = app_for(room, lang)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("f8")
            await until(pilot, lambda: isinstance(app.screen, ExportModal), "the dialog is open")  # noqa: B023
            await pilot.pause()
            for box in ("#named", "#notes"):
                checkbox = app.screen.query_one(box, Checkbox)
                frame = checkbox.parent
                assert isinstance(frame, Widget)
                # A box as wide as its words, inside the dialog's frame: not cut at its edge.
                assert checkbox.region.right <= frame.content_region.right, (lang, box, checkbox.region)
