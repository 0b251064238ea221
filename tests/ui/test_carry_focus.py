"""Ctrl+O carries over the action whose field had the cursor when the key was typed.

Ctrl+O is no priority key: it goes to the focused field, behind the keys typed before it,
and only then up to the view's binding, which read the row the cursor was in *by then*.
Found in a pseudo-terminal: Tab to action 1's note, "abc", Ctrl+O, Tab, Tab, "def" in one
burst carried action 2 (the Tabs had moved the cursor on before Ctrl+O reached the view),
while "abc" stayed on action 1. The field that gets the key now says which row it is.
"""

from __future__ import annotations

from pathlib import Path

from textual import events

from workshop_tui.core.storage.library import Library
from workshop_tui.tui.views.action_review import View as ReviewView

from .conftest import REVIEW, follow_up_day, on_its_review, until

BURST = ("tab", "a", "b", "c", "ctrl+o", "tab", "tab", "d", "e", "f")
"""Action 1's note "abc", Ctrl+O, then on to action 2's note and "def"."""


async def test_ctrl_o_in_a_burst_carries_the_row_it_was_typed_in(library: Library, data_dir: Path) -> None:
    async with on_its_review(follow_up_day(library)) as (app, pilot, screen):
        view = screen.view
        assert isinstance(view, ReviewView)
        view.focus_main()  # action 1's status
        await pilot.pause()
        for key in BURST:  # in one go, as the terminal's reading thread hands on one read
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await until(pilot, lambda: "def" in str(screen.session.answers_for(REVIEW).texts), "typed")
        await pilot.pause()
        texts = screen.session.answers_for(REVIEW).texts["g1"]
        assert texts == {"a1.note": "abc", "a1.carried": "yes", "a2.note": "def"}
