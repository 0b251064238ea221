"""On the wall a numbered item's wrapped lines start under its text, not back at the margin (wallfit26).

Before the results, at 80x24 " 5. Opfatter det tværgående samarbejde som en trussel mod egne
værdier" went on with "og idealer" level with the numbers, read from the back of the room as an
item of its own; a sheet's question-only view and its box headings did the same.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import copy_demo, new_session, save_session, session_path
from workshop_tui.tui.screens.projector import ProjectorScreen
from workshop_tui.tui.screens.session import SessionScreen

from .conftest import app_for


async def _wall(path: Path, exercise: str, size: tuple[int, int], *, blind: bool) -> list[str]:
    """The wall's lines for ``exercise`` (results hidden first when ``blind``)."""
    app = app_for(path, "da")
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.go_to(exercise)
        await pilot.pause()
        if blind:
            screen.controller.toggle_blind()
        await pilot.press("f2")
        await pilot.pause(0.1)
        assert isinstance(app.screen, ProjectorScreen)
        return app.screen.content_text().splitlines()


def _after(lines: list[str], start: str) -> str:
    """The line after the one that starts with ``start``."""
    index = next(i for i, line in enumerate(lines) if line.startswith(start))
    return lines[index + 1]


@pytest.mark.parametrize(
    ("size", "exercise", "item", "rest"),
    [
        ((80, 24), "resistance", " 5. Opfatter", "    og idealer"),
        ((120, 36), "leadership-actions", " 5. Kommuniker", "    viden."),
    ],
)
async def test_a_numbered_item_wraps_under_its_text_before_the_results(
    data_dir: Path, size: tuple[int, int], exercise: str, item: str, rest: str
) -> None:
    demo = copy_demo(timestamp="2026-10-14T15:10:00+00:00")
    lines = await _wall(demo, exercise, size, blind=True)
    assert "Resultaterne er skjult indtil videre." in lines, lines
    assert _after(lines, item) == rest, lines


async def test_a_sheets_heading_wraps_under_its_text_with_the_answers(data_dir: Path) -> None:
    demo = copy_demo(timestamp="2026-10-14T15:10:00+00:00")
    lines = await _wall(demo, "sheet-43", (80, 24), blind=False)
    assert _after(lines, "1. Roller") == "   stole – og hvordan?", lines


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_a_sheets_question_only_view_hangs(
    library: Library, data_dir: Path, size: tuple[int, int]
) -> None:
    session = new_session(
        title="Prøverum",
        date="2026-11-23",
        exercises=[library.exercises["sheet-43"]],
        participants=["Anne", "Bo"],
        groups=["Bord 1"],
        timestamp="2026-11-23T09:00:00+00:00",
        session_id="proeverum",
    )
    path = session_path(session)
    save_session(session, path)
    lines = await _wall(path, "sheet-43", size, blind=False)
    sub = next(i for i, line in enumerate(lines) if line.startswith("      a) Hvem"))
    following = lines[sub + 1 : next(i for i, line in enumerate(lines) if line.startswith("      b) "))]
    if size == (80, 24):
        assert following, lines  # it does wrap at 80 columns
        assert _after(lines, "1. Roller").startswith("   "), lines
    assert all(line.startswith("         ") for line in following), lines
