"""Where accepted votes go: the session being run, through the app's SessionKeeper."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Protocol

from workshop_tui.core.keeper import Edit, SessionKeeper
from workshop_tui.core.model import Session


class Sink(Protocol):
    """Where accepted votes go: the session being run, and a way to apply and save an edit."""

    @property
    def session(self) -> Session: ...

    async def apply(self, edit: Edit) -> bool:
        """Apply and save ``edit``; True when it is on disk."""
        ...


class KeeperSink:
    """Votes go through the app's ``SessionKeeper``, saved atomically like a typed score."""

    def __init__(self, keeper: SessionKeeper, on_change: Callable[[], None] | None = None) -> None:
        self.keeper = keeper
        self._on_change = on_change

    @property
    def session(self) -> Session:
        return self.keeper.session

    async def apply(self, edit: Edit) -> bool:
        """Apply a batch of votes and save it in a worker thread, so the screen never waits for the disk.

        Votes and devices' texts are not the facilitator's to undo: the keeper makes them
        again on whatever the facilitator's Ctrl+Z goes back to. The screen is told only
        once the save is done, as with a typed score.
        """
        keeper = self.keeper
        before = keeper.session
        keeper.apply(edit, undoable=False, save=False)  # noted as foreign by the keeper
        if keeper.session is before:
            return keeper.last_error is None
        saved = await asyncio.to_thread(keeper.save)
        if self._on_change is not None:
            self._on_change()
        return saved
