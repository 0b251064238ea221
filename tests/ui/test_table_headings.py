"""The stakeholder table's column headings are read whole at 80 columns.

At 80x24 they were cut to their cells: "Stakehold", "Active/passiv" (found by hand, explore14).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_tui.core.model import Session
from workshop_tui.core.storage.sessions import save_session, session_path
from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.views.table import TableView

from .conftest import app_for, until


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "en",
            ("Stakeholder", "Importance", "Active/", "passive", "Positive/", "negative", "How to", "handle"),
        ),
        ("da", ("Interessent", "Betydning", "Aktiv/passiv", "Positiv/", "negativ", "Håndtering")),
    ],
)
async def test_the_headings_are_whole_at_80_columns(
    kinds_blank: Session, data_dir: Path, lang: str, words: tuple[str, ...]
) -> None:
    kinds_room = session_path(kinds_blank)
    save_session(kinds_blank, kinds_room)
    app = app_for(kinds_room, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("stakeholder-analysis")
        await pilot.pause()
        assert isinstance(screen.view, TableView)

        def header() -> str:
            """The header's two lines (the row starting "#"), nothing else on the screen."""
            lines = [strip.text for strip in screen._compositor.render_strips()]
            start = next((i for i, line in enumerate(lines) if line.strip().startswith("#")), len(lines))
            return "\n".join(lines[start : start + 2])

        await until(pilot, lambda: all(w in header() for w in words), f"{words} whole in the header")
