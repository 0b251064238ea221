"""Keeps the session being run: applies edits, saves each one at once, undo and redo.

This is the one place the app changes a session. Every edit is a pure function
``Session -> Session``; the keeper applies it, stamps the time, writes the file
atomically *before* the screen shows the change, and keeps the previous value for
undo. A failed save keeps the change in memory and reports the error; the next
edit tries again, so a full disk never loses what the room has said.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from workshop_tui.model import Session
from workshop_tui.storage.errors import SessionWriteError
from workshop_tui.storage.sessions import SessionWriter, now_iso

Edit = Callable[[Session], Session]
HISTORY = 200
"""How many edits can be undone."""


class SessionKeeper:
    """The current session, its file, and the undo/redo history."""

    def __init__(self, session: Session, path: Path, *, clock: Callable[[], str] = now_iso) -> None:
        self.session = session
        self.path = path
        self._clock = clock
        self._writer = SessionWriter(path)
        self._undo: list[Session] = []
        self._redo: list[Session] = []
        self.last_error: SessionWriteError | None = None
        """The error of the most recent save, or None when it succeeded."""
        self.unsaved = False
        self._last_merge: str | None = None
        self._saver: ThreadPoolExecutor | None = None
        """The thread ``apply_and_show`` saves in, started on first use."""
        self._save_lock = threading.Lock()
        """Serialises writes: a batch of votes is saved in a worker thread beside the app's saves."""

    def apply(
        self, edit: Edit, *, undoable: bool = True, merge: str | None = None, save: bool = True
    ) -> Session:
        """Apply an edit and save it.

        Args:
            edit: a pure function from the current session to the changed one.
            undoable: False for edits that are not the room's answers (the cursor position).
            merge: edits in a row with the same key undo as one (typing in one text field).
            save: False when the caller saves itself, before showing the change: votes from
                phones are saved in a worker thread so the screen does not wait for the disk.

        Raises:
            ValueError/KeyError: the edit was refused by the model; nothing changed.
        """
        changed = edit(self.session)
        if changed == self.session:
            return self.session
        if undoable:
            if merge is None or merge != self._last_merge:
                self._undo.append(self.session)
                del self._undo[:-HISTORY]
            self._redo.clear()
            self._last_merge = merge
        self._replace(changed.touched(self._clock()), save=save)
        return self.session

    def apply_and_show(
        self, edit: Edit, show: Callable[[], None], *, undoable: bool = True, merge: str | None = None
    ) -> Session:
        """Apply an edit, and let ``show`` prepare its display while the file is written.

        The write (mostly waiting for the disk to confirm) runs in a worker thread while
        ``show`` runs here; this returns only when both are done, so whatever the caller
        draws afterwards is on disk. A keystroke then costs the longer of the two, not both.

        Raises:
            ValueError/KeyError: the edit was refused by the model; nothing changed, and
                ``show`` was not called.
        """
        before = self.session
        self.apply(edit, undoable=undoable, merge=merge, save=False)
        if self.session is before:
            show()
            return self.session
        if self._saver is None:
            self._saver = ThreadPoolExecutor(max_workers=1, thread_name_prefix="session-save")
        saving = self._saver.submit(self.save)
        try:
            show()
        finally:
            saving.result()
        return self.session

    def close(self) -> None:
        """Stop the save thread (after any write under way)."""
        if self._saver is not None:
            self._saver.shutdown(wait=True)
            self._saver = None

    def undo(self) -> bool:
        """Go back one edit (keeping the facilitator's current place); False if none."""
        if not self._undo:
            return False
        self._last_merge = None
        self._redo.append(self.session)
        self._replace(self._undo.pop().with_position(self.session.position).touched(self._clock()))
        return True

    def redo(self) -> bool:
        """Re-apply the last undone edit; False if none."""
        if not self._redo:
            return False
        self._last_merge = None
        self._undo.append(self.session)
        self._replace(self._redo.pop().with_position(self.session.position).touched(self._clock()))
        return True

    def forget_history(self) -> None:
        """Drop undo and redo after an edit that did not come from the keyboard (a vote).

        The history holds whole sessions from before that edit, so undoing to one of
        them would silently take the participant's vote away again.
        """
        self._undo.clear()
        self._redo.clear()
        self._last_merge = None

    @property
    def can_undo(self) -> bool:
        """Whether there is an edit to undo."""
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        """Whether there is an undone edit to redo."""
        return bool(self._redo)

    def save(self) -> bool:
        """Write the current session; returns False (and keeps ``last_error``) on failure.

        Safe to call from a worker thread: writes take turns, and each writes the session
        as it is when its turn comes, so a write never puts back an older session.
        """
        with self._save_lock:
            try:
                self._writer.write(self.session)
            except SessionWriteError as error:
                self.last_error = error
                self.unsaved = True
                return False
            self.last_error = None
            self.unsaved = False
            return True

    def _replace(self, session: Session, *, save: bool = True) -> None:
        self.session = session
        if save:
            self.save()
