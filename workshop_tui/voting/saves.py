"""How the voting server saves: votes by group commit, the roll before a device's token.

Votes that arrive while the previous save is being written are applied as one edit and
saved once, and each phone is answered only after the save that holds its vote: a room
of 200 phones voting at once costs a few saves, and a phone told "thank you" knows its
vote is on disk. The roll (which device holds which place) is written before a device
gets its token, and joins that come together share one write.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from pathlib import Path

from workshop_tui.core.model import Session
from workshop_tui.core.model.refusal import refusal_text
from workshop_tui.core.storage.errors import SessionWriteError
from workshop_tui.core.storage.tomlio import atomic_write
from workshop_tui.voting.batches import BatchQueue
from workshop_tui.voting.desk import Ballot, Desk, Refused, cast_votes
from workshop_tui.voting.sink import Sink

log = logging.getLogger("workshop_tui.voting")


class GroupCommit(BatchQueue[Ballot, bool]):
    """Queues checked ballots and saves them batch after batch through the ``Sink``."""

    def __init__(self, desk: Desk, sink: Sink) -> None:
        super().__init__()
        self.desk = desk
        self.sink = sink

    async def commit(self, ballot: Ballot) -> bool:
        """Queue a vote for the next save; True once it is on disk, False if the save failed.

        Raises:
            Refused: the round closed or moved on meanwhile (409), or the session refused it.
        """
        return await self._queued(ballot)

    async def _flush(self, batch: list[tuple[Ballot, asyncio.Future[bool]]]) -> None:
        """Apply every queued vote as one edit and save once (group commit)."""
        outcomes: list[Refused | None] = [None] * len(batch)
        current = self.desk.exercise_id
        for index, (ballot, _) in enumerate(batch):
            if ballot.exercise_id != current:
                # The facilitator closed or moved the round after this vote was checked.
                outcomes[index] = Refused(409, "closed" if current is None else "moved_on")
        ballots = [ballot for (ballot, _), outcome in zip(batch, outcomes, strict=True) if outcome is None]

        def apply_all(session: Session) -> Session:
            try:
                return cast_votes(session, ballots)
            except (ValueError, KeyError):
                pass
            # One vote spoils the batch (e.g. the session is full): cast them one by one.
            for index, (ballot, _) in enumerate(batch):
                if outcomes[index] is None:
                    try:
                        session = ballot.edit(session)
                    except (ValueError, KeyError) as error:
                        # The model's reason, in the room's language: the page shows it as it is.
                        words = refusal_text(error, session.language)
                        outcomes[index] = Refused(409, "refused", words)
            return session

        try:
            saved = await self.sink.apply(apply_all)
        except Exception as error:
            log.exception("votes could not be applied")
            for _, future in batch:
                if not future.done():
                    future.set_exception(Refused(500, "error", type(error).__name__))
            return
        if not saved:
            log.error("votes are kept in memory but could not be saved; the next save tries again")
        for (_, future), outcome in zip(batch, outcomes, strict=True):
            if future.done():
                continue
            if outcome is None:
                future.set_result(saved)
            else:
                future.set_exception(outcome)


class RollWriter:
    """Writes the desk's roll to ``path`` (None: kept in memory only, as in tests)."""

    def __init__(self, desk: Desk, path: Path | None) -> None:
        self.desk = desk
        self.path = path
        self._lock: asyncio.Lock | None = None
        self._wanted = 0
        self._saved = 0

    async def save_quietly(self) -> None:
        """Save the roll when no device waits for it (a typed-over answer): a failure is logged
        by ``save``, and the next save writes it."""
        with contextlib.suppress(Refused):
            await self.save()

    async def save(self) -> None:
        """Save the roll before the device gets its token (joins that come together share a write).

        Raises:
            Refused: 503 when the file cannot be written (the device is told to try again).
        """
        if self.path is None:
            return
        if self._lock is None:
            self._lock = asyncio.Lock()
        self._wanted += 1
        wanted = self._wanted
        async with self._lock:
            if self._saved >= wanted:
                return
            upto, text = self._wanted, self.desk.roll.to_text()
            try:
                await asyncio.to_thread(atomic_write, self.path, text, keep_backup=False)
            except SessionWriteError as error:
                log.error("the roll could not be saved: %s", error.reason)
                raise Refused(503, "not_saved", "the laptop could not save; try again") from None
            self._saved = upto
