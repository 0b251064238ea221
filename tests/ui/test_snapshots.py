"""Snapshots of the key screens at fixed sizes (update with --snapshot-update after a deliberate change)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from workshop_tui.core.storage.sessions import copy_demo

from .conftest import app_for

STAMP = "2026-10-14T15:10:00+00:00"


@pytest.fixture
def demo_copy(data_dir: Path) -> Path:
    """A copy of the demo seminar with a fixed timestamp."""
    return copy_demo(timestamp=STAMP)


def _go(exercise: str, *keys: str) -> Callable[[Pilot[Any]], Any]:
    async def run_before(pilot: Pilot[Any]) -> None:
        pilot.app.screen.go_to(exercise)
        await pilot.pause()
        # A blinking cursor would be caught on or off depending on timing (a flaky snapshot).
        for field in pilot.app.screen.query("TextArea, Input"):
            field.cursor_blink = False  # type: ignore[attr-defined]
            # A TextArea's line cache keys a line on the cursor only while it blinks: a line
            # drawn before the box had the keyboard (or in the blink's off phase) was shown
            # again without its cursor, so the cursor's line differed with the machine's load
            # (seen as trailing spaces on one line). Drawn anew, it is the same every time.
            field.notify_style_update()
            field.refresh()
        if keys:
            await pilot.press(*keys)
        await pilot.pause(0.2)

    return run_before


async def _loaded(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause(0.2)


def test_home_screen(snap_compare: Any, demo_copy: Path, room: Path) -> None:
    assert snap_compare(app_for(None), terminal_size=(120, 36), run_before=_loaded)


def test_resistance_grid(snap_compare: Any, demo_copy: Path) -> None:
    assert snap_compare(app_for(demo_copy), terminal_size=(120, 36), run_before=_go("resistance"))


def test_resistance_grid_small_terminal(snap_compare: Any, demo_copy: Path) -> None:
    assert snap_compare(app_for(demo_copy), terminal_size=(80, 24), run_before=_go("resistance"))


def test_projector_results(snap_compare: Any, demo_copy: Path) -> None:
    assert snap_compare(app_for(demo_copy), terminal_size=(120, 36), run_before=_go("tension-fields", "f2"))


def test_projector_large_english(snap_compare: Any, demo_copy: Path) -> None:
    app = app_for(demo_copy, lang="en")
    assert snap_compare(app, terminal_size=(240, 70), run_before=_go("commitment", "f2"))


def test_reflection_sheet(snap_compare: Any, demo_copy: Path) -> None:
    assert snap_compare(app_for(demo_copy), terminal_size=(120, 36), run_before=_go("sheet-42"))
