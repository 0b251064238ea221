"""Keeps the session being run: applies edits, saves each one at once, undo and redo.

This is the one place the app changes a session. Every edit is a pure function
``Session -> Session``; the keeper applies it, stamps the time, writes the file
atomically *before* the screen shows the change, and keeps the previous value for
undo. A failed save keeps the change in memory and reports the error; the next
edit tries again, so a full disk never loses what the room has said. ``pending`` says
how many changes wait for a save, for the screen to show until they are written.

A keeper opened read-only (another program holds the session's lock) never writes:
it refuses every edit but moving about, and can follow the file as the other writes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from workshop_tui.core.keeper_sync import FolderSync
from workshop_tui.core.model import Session
from workshop_tui.core.model.changed import Place
from workshop_tui.core.storage.conflicts import DiskWatch, stat_key
from workshop_tui.core.storage.errors import FileProblems, SessionWriteError
from workshop_tui.core.storage.lock import SessionLock
from workshop_tui.core.storage.sessions import SecondStamp, load_session
from workshop_tui.core.storage.staging import StageLater
from workshop_tui.core.storage.tomlio import AfterReplace
from workshop_tui.core.storage.writer import SessionWriter
from workshop_tui.core.undo_history import UndoHistory

Edit = Callable[[Session], Session]


class ReadOnlySession(ValueError):
    """An edit of a session opened read-only; nothing changed."""


class SessionKeeper:
    """The current session, its file, and the undo/redo history."""

    def __init__(
        self,
        session: Session,
        path: Path,
        *,
        clock: Callable[[], str] | None = None,
        lock: SessionLock | None = None,
        read_only: bool = False,
    ) -> None:
        self.session = session
        self.path = path
        self._clock = clock if clock is not None else SecondStamp()
        self.read_only = read_only
        """True when another program writes this session: nothing is ever written here."""
        self._lock = lock
        """The session's lock, held while this keeper writes and released by ``close``."""
        self._writer: SessionWriter | None = None if read_only else SessionWriter(path)
        self._watch: DiskWatch | None = DiskWatch(path) if read_only else None
        """Read-only: the file as last read, to follow the other program's saves."""
        self._history = UndoHistory()
        """The sessions Ctrl+Z and Ctrl+Y go to, and what devices wrote since (``undo_history``)."""
        self.last_error: SessionWriteError | None = None
        """The error of the most recent save, or None when it succeeded."""
        self._changes = 0
        """Changes made so far (counted in the UI thread)."""
        self._edits = 0
        """Of those, the ones that were more than moving about (what the facilitator entered)."""
        self._saved_changes = 0
        self._saved_edits = 0
        """How many of each the last successful save wrote."""
        self._saver: ThreadPoolExecutor | None = None
        """The thread ``prepare`` renders the whole file in, started on first use."""
        self._closed = False
        self._save_lock = threading.Lock()
        """Serialises writes: a batch of votes is saved in a worker thread beside the app's saves."""
        self._syncer: ThreadPoolExecutor | None = None
        """The thread a keystroke's save finishes in (folder fsync, ``.bak``), started on first use."""
        self._finishing: Future[None] | None = None
        """The last save's steps after its rename, while they may still run (see ``apply_and_show``)."""
        self._sync: FolderSync | None = None
        """The last keystroke save's folder fsync, done by whichever thread comes to it first."""
        self._stager = StageLater(self._writer.stage) if self._writer is not None else None
        """Makes the next save's temporary file and ``.bak`` link after each save (``storage.staging``)."""

    def apply(
        self, edit: Edit, *, undoable: bool = True, merge: str | None = None, save: bool = True
    ) -> Session:
        """Apply an edit and save it.

        Args:
            edit: a pure function from the current session to the changed one.
            undoable: False for edits that are not the facilitator's answers (the cursor
                position, hiding the results, a timer, a phone's place or vote): Ctrl+Z never
                takes one back, it is made again on whatever an undo goes back to (``foreign``).
            merge: edits in a row with the same key undo as one (typing in one text field).
            save: False when the caller saves itself, before showing the change: votes from
                phones are saved in a worker thread so the screen does not wait for the disk.

        Raises:
            ValueError/KeyError: the edit was refused by the model; nothing changed.
        """
        changed = edit(self.session)
        if changed == self.session:
            return self.session
        # An edit that changes no answer (a score typed over the same score, which only moves
        # the cursor) is saved as a move, not made a step Ctrl+Z would take back as nothing.
        moved_only = self.session.moved_only(changed)
        undoable = undoable and not moved_only
        if self.read_only and not moved_only:
            raise ReadOnlySession("the session is open read-only")
        if undoable:
            self._history.record(self.session, merge)
        elif not moved_only:
            # The history holds whole sessions: going back to one would take this edit back
            # too (F3 then Ctrl+Z showed a blind round's results; found by hand, explore17).
            self._history.foreign(edit)
        self._replace(changed.touched(self._clock()), save=save, edit=not moved_only)
        return self.session

    def apply_and_show(
        self, edit: Edit, show: Callable[[], None], *, undoable: bool = True, merge: str | None = None
    ) -> Session:
        """Apply an edit, save it, let ``show`` prepare its display: whatever is drawn is durable.

        The save is written in the key's own thread, before ``show``: its changed pieces
        are rendered (``storage.writer``), written, fsynced and renamed into place with the
        interpreter to themselves. A worker thread made the key's save later, not earlier
        (measured end to end through a pseudo-terminal, ``benchmarks/keys.py``): it first had
        to be woken, then waited for the interpreter after each of its system calls while
        ``show`` ran, and the frame waited for both anyway.

        What follows the rename runs in the sync thread while ``show`` updates the widgets:
        the fsync of the folder, which makes the rename survive a power cut, and naming the
        previous version ``.bak``. This returns only once the folder fsync is done, so the
        frame that shows the edit is still drawn after the edit is durable: the decision
        (issue 15) is that the screen never shows what a power cut could take back. Those
        two system calls took 0.3-5 ms per key on the test VM (the ``.bak`` rename right
        after the fsync alone up to 4.5 ms); the fsync now overlaps the widgets' update,
        and the ``.bak`` naming is off the frame's path altogether. Every
        save waits for the previous one's steps first (one writer, saves in order), and a
        crash before the ``.bak`` is named leaves it one version older, as before.

        Raises:
            ValueError/KeyError: the edit was refused by the model; nothing changed, and
                ``show`` was not called.
        """
        before = self.session
        self.apply(edit, undoable=undoable, merge=merge, save=False)
        if self.session is not before:
            self.save(overlap=True)
        try:
            show()
        finally:
            sync, self._sync = self._sync, None
            if sync is not None:
                sync.run()  # or wait for the sync thread, when it has started it
        return self.session

    def prepare(self) -> None:
        """Render the whole file in the save thread now, so the first keystroke saves as fast as later ones.

        The first save renders every exercise and answer (40 ms for a large seminar on a
        busy machine); afterwards a save renders what changed. Called once the session is
        on the screen, so it neither delays the opening nor waits on a key; a keystroke's
        save asked for meanwhile waits for it (they take turns on the writer's lock). The
        sync thread (``apply_and_show``) is started here too, not by the first keystroke. The
        first save's temporary file is made here too, without a name and fsynced empty
        (``SessionWriter.stage_first``); its ``.bak`` link is not: an opening leaves the folder
        and the file's inode untouched until something is saved (``storage.staging``).
        """
        writer = self._writer
        if writer is None or self._closed:
            return

        def render() -> None:
            with self._save_lock:
                writer.render(self.session, opening=True)
                writer.stage_first()

        self._saving_thread().submit(render)
        self._sync_thread().submit(lambda: None)  # the executor starts its thread on a first task

    def _saving_thread(self) -> ThreadPoolExecutor:
        if self._saver is None:
            self._saver = ThreadPoolExecutor(max_workers=1, thread_name_prefix="session-save")
        return self._saver

    def _sync_thread(self) -> ThreadPoolExecutor:
        """The thread a keystroke's save finishes in (made in the app's thread only: no race)."""
        if self._syncer is None:
            self._syncer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="session-sync")
        return self._syncer

    def close(self) -> None:
        """Stop the save threads (after any write under way) and give the lock back."""
        self._closed = True
        if self._stager is not None:
            self._stager.cancel()
        if self._saver is not None:
            self._saver.shutdown(wait=True)
            self._saver = None
        with self._save_lock:
            self._finish_previous()
            if self._syncer is not None:
                self._syncer.shutdown(wait=True)
                self._syncer = None
            if self._writer is not None:
                self._writer.discard_stage()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    @property
    def pending(self) -> int:
        """How many edits are not on disk yet (moving about not counted; 0 when all are saved)."""
        return self._edits - self._saved_edits

    @property
    def unsaved(self) -> bool:
        """Whether some change (an edit, or only where the facilitator is) is not on disk yet."""
        return self._changes > self._saved_changes

    def take_kept_aside(self) -> list[Path]:
        """Conflict copies made since last asked: another program's versions kept beside ours."""
        if self._writer is None or not self._writer.kept_aside:
            return []
        kept, self._writer.kept_aside = self._writer.kept_aside, []
        return kept

    def rescue(self) -> bool:
        """Save what can be saved when the app is about to stop on an error; never raises.

        The session in memory is always one the model accepted (a refused edit changes
        nothing), so it is written if it is not on disk yet. Should even that fail, the
        file holds the last version that was saved: a save replaces it whole or not at all.
        """
        try:
            return self.save() if self.unsaved else True
        except Exception:  # noqa: BLE001 - the app is stopping on an error already
            return False

    def reload_if_changed(self) -> bool:
        """Read-only: take the other program's newest save, keeping our place; True if taken.

        A file that cannot be read just now (being replaced, damaged) is tried again later.
        """
        if self._watch is None or not self._watch.changed():
            return False
        key = stat_key(self.path)
        try:
            session = load_session(self.path)
        except FileProblems:
            return False
        self._watch.accept(b"", key)
        if session == self.session.with_position(session.position):
            return False
        self.session = session.with_position(self.session.position)
        return True

    def next_undo(self, *, redo: bool = False) -> Place | None:
        """Where the next undo (``redo``: redo) would change the answers, without making it
        (``UndoHistory.next_undo``): the app asks before Ctrl+Z (Ctrl+Y)."""
        return self._history.next_undo(self.session, redo=redo)

    def undo(self) -> bool:
        """Go back one edit (keeping the facilitator's place and what came from devices); False if none."""
        return self._go_to(self._history.undo(self.session))

    def redo(self) -> bool:
        """Re-apply the last undone edit (keeping what came from devices since); False if none."""
        return self._go_to(self._history.redo(self.session))

    def _go_to(self, restored: Session | None) -> bool:
        if restored is None:
            return False
        self._replace(restored.with_position(self.session.position).touched(self._clock()))
        return True

    def foreign(self, edit: Edit) -> None:
        """Note an edit already applied that did not come from the keyboard (``UndoHistory.foreign``)."""
        self._history.foreign(edit)

    @property
    def can_undo(self) -> bool:
        """Whether there is an edit to undo."""
        return self._history.can_undo

    def save(self, *, overlap: bool = False) -> bool:
        """Write the current session; returns False (and keeps ``last_error``) on failure.

        Safe to call from a worker thread: writes take turns, and each writes the session
        as it is when its turn comes, so a write never puts back an older session.

        Args:
            overlap: return once the file is renamed into place, the folder fsync and the
                ``.bak`` following in the sync thread (``apply_and_show`` waits for the
                fsync after the screen work); by default the save is whole on return.
        """
        with self._save_lock:
            if self._stager is not None:
                self._stager.cancel()  # a stage not made yet is not made beside this save
            self._finish_previous()
            # Counted before the session is read: an edit made meanwhile stays pending.
            changes, edits = self._changes, self._edits
            if self._writer is None:  # read-only: nothing is ever written
                self._saved_changes, self._saved_edits = changes, edits
                return True
            try:
                if overlap and not self._closed:
                    self._writer.write(self.session, finish=self._finish_in_sync_thread)
                else:
                    self._writer.write(self.session)
            except SessionWriteError as error:
                self.last_error = error
                return False
            self.last_error = None
            if self._stager is not None and not self._closed:
                self._stager.schedule(self._syncer)  # the next save's first steps, off its path
            self._saved_changes = max(self._saved_changes, changes)
            self._saved_edits = max(self._saved_edits, edits)
            return True

    def _finish_in_sync_thread(self, after: AfterReplace) -> None:
        """Hand a save's steps after its rename to the sync thread (called under the save lock)."""
        sync = self._sync = FolderSync(after)

        def finish() -> None:
            sync.run()
            after.name_backup()

        self._finishing = self._sync_thread().submit(finish)

    def _finish_previous(self) -> None:
        """Wait until the previous save's folder fsync and ``.bak`` are done (under the save lock)."""
        if self._finishing is not None:
            self._finishing.result()
            self._finishing = None

    def _replace(self, session: Session, *, save: bool = True, edit: bool = True) -> None:
        self.session = session
        self._changes += 1
        self._edits += edit
        if save:
            self.save()
