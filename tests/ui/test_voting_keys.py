"""F10 holds the keys typed after it until the voting panel is up, however long the server takes.

F10's command waits for the voting server to start before it shows the panel. It ran
when the key had bubbled up from the focused field to the app, inside the app's own queue:
the app handled nothing else until the server was up (no key held or drawn, no message),
and the keys typed after F10 depended on a hold that ends on a message from the field
(``screen_keys.ScreenChangeHold``). F10 is now a priority key: the gate closes as it
arrives and opens only after the command (``InOrderScreen._after_typed_keys_then``).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual import events

from workshop_tui.tui.keygate import KeyGate
from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.screens.voting_panel import VotingModal
from workshop_tui.tui.voting_link import VotingController

from .conftest import SIZE, VOTING_HERE, app_for

EXERCISE = "resistance"


async def test_keys_typed_while_the_voting_server_starts_wait_for_the_panel(
    room: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = VotingController.open
    during: list[str] = []
    """What happened while the server started (a callback of the app's, a key's fate)."""

    async def slow_open(controller: VotingController) -> str | None:
        app.call_later(during.append, "the app went on")
        # Typed just after F10, read while the server starts.
        app.post_message(events.Key("3", "3"))
        await asyncio.sleep(0.3)
        gate = app.key_gate
        during.append(f"held {gate.next_held()}" if gate.closed else "gate open")
        return await started(controller)

    monkeypatch.setattr(VotingController, "open", slow_open)
    opened = KeyGate.open
    screens_at_open: list[str] = []

    def recorded_open(gate: KeyGate) -> None:
        opened(gate)
        if not gate.closed:
            screens_at_open.append(type(app.screen).__name__)

    monkeypatch.setattr(KeyGate, "open", recorded_open)
    app = app_for(room, voting=VOTING_HERE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen) and screen.current == EXERCISE
        screens_at_open.clear()
        await pilot.press("4", "f10")
        await pilot.pause(0.5)
        assert isinstance(app.screen, VotingModal)
        assert during == ["the app went on", "held 3"]
        assert screens_at_open and set(screens_at_open) == {"VotingModal"}, screens_at_open
        scores = screen.session.answers_for(EXERCISE).scores
        assert {person: s for row in scores.values() for person, s in row.items()} == {"p1": 4}
