"""A choice opened and picked in one burst of keys (Tab Enter ↓ Enter Tab), as a fast typist
or a terminal that was waiting for a busy core delivers them.

Enter opens the choice's list, which takes the keyboard only later (in the app's queue): the
↓ and Enter typed after it went meanwhile to the closed choice, which took both for "open the
list" again, and the list stayed open with nothing picked; the keys after that went to the
list. Seen in the follow-up's review of last time's actions (status) by hand in tmux.
"""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import Input, Select

from workshop_tui.core.model import Session
from workshop_tui.core.storage.sessions import load_session, save_session, session_path
from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.views.table import TableView

from .conftest import SIZE, app_for, until


def _burst(app: object, *keys: str) -> None:
    """Post ``keys`` to the app at once, as the terminal's reading thread hands on one read."""
    for key in keys:
        character = key if len(key) == 1 else None
        app.post_message(events.Key(key, character))  # type: ignore[attr-defined]


async def test_a_choice_opened_and_picked_in_one_burst_is_picked_and_typing_goes_on_after_it(
    kinds_blank: Session, data_dir: Path
) -> None:
    path = session_path(kinds_blank)
    save_session(kinds_blank, path)
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("stakeholder-analysis")
        await until(
            pilot,
            lambda: isinstance(screen.view, TableView) and bool(screen.view.query("#cell-1-0")),
            "the table",
        )
        view = screen.view
        assert view is not None
        text = view.query_one("#cell-1-0", Input)
        importance = view.query_one("#cell-1-1", Select)
        activity = view.query_one("#cell-1-2", Select)
        await until(pilot, lambda: app.focused is text, "the first cell has the keyboard")
        _burst(app, "R", "tab", "enter", "down", "enter", "tab", "enter", "down", "down", "enter", "tab")
        await until(pilot, lambda: activity.value != Select.NULL, "the second choice made", seconds=5)
        after = view.query_one("#cell-1-3")
        await until(pilot, lambda: app.focused is after, "on to the next cell", seconds=5)
        assert (text.value, importance.value, activity.value) == ("R", "stor", "passiv")
        texts = load_session(path).answers_for("stakeholder-analysis").texts["g1"]
        assert (texts["1.importance"], texts["1.activity"]) == ("stor", "passiv")
