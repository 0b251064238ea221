"""Pasting several lines into a form's or a dialog's one-line field keeps every line.

Found by hand (explore14): "Region Midt⏎Hospitalsenhed Vest" pasted as the new session's
organisation kept only "Region Midt" (Textual's ``Input`` drops the other lines); the
session's own fields (``EntryInput``) already joined the lines with a space. One rule now
(``InOrderInput``), the same in every one-line field.
"""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import Input

from workshop_tui.tui.screens.new_session import NewSessionScreen

from .conftest import app_for, until


async def test_a_pasted_organisation_keeps_its_second_line(data_dir: Path) -> None:
    app = app_for(None, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        screen = app.screen
        assert isinstance(screen, NewSessionScreen)
        field = screen.query_one("#organisation", Input)
        field.focus()
        await pilot.pause()
        field.post_message(events.Paste("Region Midt\r\nHospitalsenhed Vest\n"))
        await until(pilot, lambda: field.value == "Region Midt Hospitalsenhed Vest", "both lines, one space")
