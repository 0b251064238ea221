"""Saving writes from devices: one edit and one save for every write that arrives together.

Like votes (``saves.GroupCommit``; both are a ``batches.BatchQueue``), writes that arrive
while the previous save is being written are applied as one edit and saved once, and each
device is answered only after the save that holds its text: a page told "saved" knows its
text is on disk. Each write is applied in turn inside that edit (``core.writing``), so two
devices writing one field in the same batch still see each other's text kept.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Protocol

from workshop_tui.core.model import Session
from workshop_tui.core.model.refusal import refusal_text
from workshop_tui.core.writing import Written
from workshop_tui.voting.batches import BatchQueue
from workshop_tui.voting.sink import Sink
from workshop_tui.voting.votes import Refused

log = logging.getLogger("workshop_tui.voting")


class Write(Protocol):
    """A checked write: its edit of the session, and what it did."""

    def apply(self, session: Session) -> tuple[Session, Written]: ...


class EditCommit(BatchQueue[Write, Written]):
    """Queues checked writes and saves them batch after batch through the ``Sink``."""

    def __init__(self, sink: Sink) -> None:
        super().__init__()
        self.sink = sink

    async def commit(self, write: Write) -> Written:
        """Queue a write for the next save; what it did once it is on disk.

        Raises:
            Refused: the session refused it (422, its reason in the room's language), or
                the save failed (503: the page keeps the text and sends it again).
        """
        return await self._queued(write)

    async def _flush(self, batch: list[tuple[Write, asyncio.Future[Written]]]) -> None:
        """Apply every queued write in turn inside one edit and save once."""
        outcomes: list[Written | Refused] = []

        def apply_all(session: Session) -> Session:
            outcomes.clear()
            for write, _ in batch:
                try:
                    session, written = write.apply(session)
                    outcomes.append(written)
                except (ValueError, KeyError) as error:
                    outcomes.append(Refused(422, "refused", refusal_text(error, session.language)))
            return session

        try:
            saved = await self.sink.apply(apply_all)
        except Exception as error:
            log.exception("writes could not be applied")
            for _, future in batch:
                if not future.done():
                    future.set_exception(Refused(500, "error", type(error).__name__))
            return
        for (_, future), outcome in zip(batch, outcomes, strict=True):
            if future.done():
                continue
            if isinstance(outcome, Refused):
                future.set_exception(outcome)
            elif not saved:
                future.set_exception(Refused(503, "not_saved", "the laptop could not save; send again"))
            else:
                future.set_result(outcome)
