"""While the room votes on a small wall, "N af M har svaret" stays up and the last line is whole.

Found by explore21 (projector at 80x24, voting open on the K/K/C diagnostic): the QR board
takes the right half, the 18 statements filled the left half, and the lines under them
("13 af 13 har svaret", the ticks, "Resultaterne er skjult") were cut to make room for the
question, so the room saw no count at all; and the note that said so ("… 36 linjer mere –
der er ikke plads til dem på skærmen") wrapped onto a second line below the last row.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text
from textual.containers import VerticalScroll

from workshop_tui.core.storage.sessions import copy_demo
from workshop_tui.tui.screens.projector import ProjectorFrame, ProjectorScreen
from workshop_tui.tui.screens.projector_fit import Entry, fit_entries, fit_lines, measure
from workshop_tui.tui.screens.session import SessionScreen

from .conftest import VOTING_HERE, app_for


@pytest.fixture
def demo_copy(data_dir: Path) -> Path:
    return copy_demo(timestamp="2026-10-14T15:10:00+00:00")


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_the_count_of_answers_stays_on_a_small_wall_while_voting(
    demo_copy: Path, size: tuple[int, int]
) -> None:
    app = app_for(demo_copy, "da", voting=VOTING_HERE)
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to("kkc-indicators")
        await pilot.pause()
        await pilot.press("f10")
        await pilot.pause()
        await pilot.press("escape", "f2")
        await pilot.pause(0.2)
        assert isinstance(app.screen, ProjectorScreen)
        frame = app.screen.query_one(ProjectorFrame)
        text = frame.content_text()
        rows = frame.query_one("#proj-body", VerticalScroll).content_region.height
    lines = text.splitlines()
    assert len(lines) <= rows, text
    assert any("12 af 12 har svaret" in line for line in lines), text
    assert any("Resultaterne er skjult" in line for line in lines), text
    if size == (80, 24):  # the question is cut, and the note saying so is whole on the wall
        assert "på skærmen" in text, text


@pytest.mark.parametrize("width", [24, 30, 40])
def test_a_note_that_wraps_is_counted_in_the_lines_it_takes(width: int) -> None:
    long = Text("\n".join(f"line {n}" for n in range(40)))
    shown = fit_lines(long, width, 10, "da")
    assert measure(shown, width) <= 10
    entries = [Entry(lambda k: Text("\n".join("an answer" for _ in range(k))), 30)]
    assert measure(fit_entries(entries, width, 10, "da"), width) <= 10
