"""The wall is drawn to the rows its layout really gives, and says what it leaves out.

The body's height was guessed (the screen less 6 or 9 rows), and what did not fit went on
below the last row of a body whose scrollbar is hidden: at 80x24 the K/K/C diagnostic lost
its last two dimensions and its legend, and the sheets (42-45) their last groups, with no
word on the wall. Now the rows are the laid-out body's; what fits is shown, and a last
line says how many more there are.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.containers import VerticalScroll

from workshop_tui.core.storage.sessions import copy_demo
from workshop_tui.tui.screens.projector import ProjectorFrame, ProjectorScreen

from .conftest import app_for

STAMP = "2026-10-14T15:10:00+00:00"


@pytest.fixture
def demo_copy(data_dir: Path) -> Path:
    return copy_demo(timestamp=STAMP)


async def _wall(demo_copy: Path, exercise: str, size: tuple[int, int]) -> tuple[str, int, int]:
    """The wall's text, its lines, and the rows its body has, for ``exercise`` at ``size``."""
    app = app_for(demo_copy)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.screen.go_to(exercise)  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause(0.2)
        assert isinstance(app.screen, ProjectorScreen)
        frame = app.screen.query_one(ProjectorFrame)
        text = frame.content_text()
        rows = frame.query_one("#proj-body", VerticalScroll).content_region.height
        return text, len(text.splitlines()), rows


DEMO = (
    "kkc-indicators",
    "leadership-actions",
    "tension-fields",
    "resistance",
    "sheet-42",
    "stakeholder-analysis",
    "sheet-43",
    "commitment",
    "sheet-44",
    "closing-rating",
    "sheet-45",
)
"""The demo seminar's agenda: every kind the wall shows once."""


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
@pytest.mark.parametrize("exercise", DEMO)
async def test_nothing_runs_below_the_wall(demo_copy: Path, exercise: str, size: tuple[int, int]) -> None:
    text, lines, rows = await _wall(demo_copy, exercise, size)
    assert lines <= rows, text


async def test_the_kkc_diagnostic_shows_what_fits_and_how_many_more(demo_copy: Path) -> None:
    small, _, _ = await _wall(demo_copy, "kkc-indicators", (80, 24))
    large, _, _ = await _wall(demo_copy, "kkc-indicators", (120, 36))

    def shown(text: str) -> int:
        """The item rows: a statement (+ or −) and its mean, no profile bar (█)."""
        return sum(
            1
            for line in text.splitlines()
            if ("+ " in line or "− " in line) and line.rstrip()[-2:-1] == "," and "█" not in line
        )

    assert "+ 15 mere" in small and shown(small) == 3
    assert shown(large) > 3 and "mere – der er ikke plads" in large
    assert "passer helt" in small and "passer helt" in large  # the legend stays


async def test_the_actions_sheet_says_how_many_actions_are_left_out(demo_copy: Path) -> None:
    text, _, _ = await _wall(demo_copy, "sheet-45", (80, 24))
    assert "15. november 2026" in text  # the one rule for a date
    assert "+ 3 mere – der er ikke plads til dem på skærmen" in text


async def test_a_resized_wall_is_drawn_to_its_new_rows(demo_copy: Path) -> None:
    app = app_for(demo_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.go_to("kkc-indicators")  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause(0.2)
        frame = app.screen.query_one(ProjectorFrame)
        small = frame.content_text()
        await pilot.resize_terminal(120, 36)
        await pilot.pause(0.3)
        large = frame.content_text()
        rows = frame.query_one("#proj-body", VerticalScroll).content_region.height
        assert large != small and len(large.splitlines()) <= rows
        assert len(large.splitlines()) > rows - 4, large  # the new rows are used, not the old 21


async def test_labels_go_to_one_line_before_any_item_is_left_out(demo_copy: Path) -> None:
    """At 80x24 the nine sources of resistance fit on one line each: none is cut for the legend."""
    text, _, _ = await _wall(demo_copy, "resistance", (80, 24))
    assert "mere –" not in text and "Frygt for ydre styring og kontrol" in text, text
