"""A key no priority binding takes reaches the focused widget without Textual's binding chain being built."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import Screen

from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.views.grid import GridView
from workshop_tui.tui.widgets.score_grid import ScoreGrid

from .conftest import SIZE, app_for


@pytest.fixture
def chains(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry each time Textual builds a screen's binding chain."""
    built: list[int] = []
    chain = Screen._binding_chain

    def counted(self: Screen[Any]) -> Any:
        built.append(1)
        return chain.fget(self)  # type: ignore[attr-defined]

    monkeypatch.setattr(Screen, "_binding_chain", property(counted))
    return built


@pytest.fixture
async def on_the_grid(room: Path, chains: list[int]) -> AsyncIterator[tuple[Pilot[Any], SessionScreen]]:
    """The room's session open on its first grid, the cells focused, and no chain counted yet."""
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen) and isinstance(screen.view, GridView)
        await pilot.pause()
        chains.clear()
        yield pilot, screen


async def test_digits_on_the_grid_are_saved_without_building_the_binding_chain(
    on_the_grid: tuple[Pilot[Any], SessionScreen], chains: list[int]
) -> None:
    pilot, screen = on_the_grid
    assert isinstance(pilot.app.focused, ScoreGrid) and screen.view is not None
    await pilot.press("3", "4")
    await pilot.pause()
    assert chains == []  # no priority binding for a digit anywhere on the way up: no chain
    scores = screen.controller.keeper.session.answers_for(screen.view.exercise.id).scores
    assert scores["trust"] == {"p1": 3, "p2": 4}


async def test_a_key_with_a_priority_binding_still_runs_it_from_the_grid(
    on_the_grid: tuple[Pilot[Any], SessionScreen], chains: list[int]
) -> None:
    pilot, screen = on_the_grid
    assert screen.view is not None
    first = screen.view.exercise.id
    await pilot.press("ctrl+n")  # the next exercise: a priority binding of the session screen
    await pilot.pause()
    assert chains  # found on the way up: Textual's chain decides, as before
    assert screen.controller.session.position.exercise != first


async def test_with_a_keymap_every_key_asks_textual_s_chain(
    on_the_grid: tuple[Pilot[Any], SessionScreen], chains: list[int]
) -> None:
    pilot, _ = on_the_grid
    pilot.app.set_keymap({"some_binding": "f12"})  # a keymap may move a priority binding onto any key
    await pilot.pause()
    chains.clear()
    await pilot.press("3")
    await pilot.pause()
    assert chains
