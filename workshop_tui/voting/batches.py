"""The group commit the voting server's saves share: what arrives together is saved together.

Votes and device writes both arrive in bursts (a room told "vote now", eight scribes typing).
Each item waits in a queue; the first one after a quiet moment waits ``GATHER_SECONDS`` so a
burst shares one save, and items that arrive while a save is being written form the next
batch. Each caller is answered only after the save that holds its item, so a phone told
"saved" knows its item is on disk. The subclasses say how a batch becomes one edit.
"""

from __future__ import annotations

import asyncio
from abc import ABC, abstractmethod
from typing import Generic, TypeVar

Item = TypeVar("Item")
Outcome = TypeVar("Outcome")

GATHER_SECONDS = 0.003
"""How long the first item after a quiet moment waits for others to share its save."""


class BatchQueue(ABC, Generic[Item, Outcome]):
    """Queues items and hands them to ``_flush`` batch after batch, one batch at a time."""

    def __init__(self) -> None:
        self._pending: list[tuple[Item, asyncio.Future[Outcome]]] = []
        self._committer: asyncio.Task[None] | None = None

    async def _queued(self, item: Item) -> Outcome:
        """Queue ``item`` for the next batch; what ``_flush`` answered for it."""
        future: asyncio.Future[Outcome] = asyncio.get_running_loop().create_future()
        self._pending.append((item, future))
        if self._committer is None:
            self._committer = asyncio.create_task(self._commit_all())
        return await future

    async def _commit_all(self) -> None:
        """Flush batch after batch: while one batch is saved, the next one gathers."""
        try:
            await asyncio.sleep(GATHER_SECONDS)
            while self._pending:
                batch, self._pending = self._pending, []
                await self._flush(batch)
        finally:
            self._committer = None

    @abstractmethod
    async def _flush(self, batch: list[tuple[Item, asyncio.Future[Outcome]]]) -> None:
        """Apply ``batch`` as one edit, save once, and answer every future of it."""
