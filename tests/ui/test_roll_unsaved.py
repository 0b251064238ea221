"""A damaged roll that cannot be moved aside is never written over; voting still opens.

The roll (which phone holds which place) of a session is set aside as ``.damaged`` when it
cannot be read. When that failed too (a folder that refuses, every name taken), opening
voting saved a new roll over the damaged one: the only record of the places was gone.
Now the roll is kept in memory for this opening, and the facilitator is told which file to
move or delete.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from workshop_tui.core.storage.sessions import load_session
from workshop_tui.tui.screens.voting_panel import VotingModal
from workshop_tui.voting.roll import roll_path

from .conftest import VOTING_HERE, app_for

DAMAGED = b"devices = [[[ not a roll\n"


def _refuse(*args: Any, **kwargs: Any) -> None:
    raise PermissionError(13, "Permission denied")


async def test_a_roll_that_cannot_be_set_aside_is_not_written_over(
    room: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = roll_path(load_session(room).id)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(DAMAGED)
    # The folder refuses a new name (root ignores permissions, so the refusal is played).
    monkeypatch.setattr(os, "link", _refuse)
    monkeypatch.setattr(Path, "rename", _refuse)
    app = app_for(room, "en", voting=VOTING_HERE)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f10")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, VotingModal)  # voting is open: phones can still vote
        server = modal.controller.server
        assert server is not None
        server.desk.roll.add("0" * 64, "p1")  # a phone joined (the room's places are named here)
        await server._roll.save()  # what the server does after a join: nothing is written
        said = " ".join(str(n.message) for n in app._notifications)
        assert "could not be read nor moved aside" in said and path.name in said, said
        await pilot.press("f10")
        await pilot.pause()
    assert path.read_bytes() == DAMAGED
    assert not list(path.parent.glob("*.tmp*"))
