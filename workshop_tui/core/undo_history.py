"""The keeper's undo and redo: the sessions to go back to, and what devices wrote since.

Kept apart from ``keeper.py`` (which applies and saves each edit) because it is one question
of its own: which session Ctrl+Z (Ctrl+Y) goes to, and where that would change the answers
before it is made (``next_undo``, the look-ahead the app asks so it never undoes out of
sight). The history holds whole sessions; the edits that did not come from the keyboard
(votes, devices' texts, hiding the results) are logged beside it and made again on whatever
an undo or redo goes to, so Ctrl+Z takes back the facilitator's own edit and never a
participant's vote or a scribe's words.
"""

from __future__ import annotations

from collections.abc import Callable

from workshop_tui.core.model import Session
from workshop_tui.core.model.changed import Place, changed_place

HISTORY = 200
"""How many edits can be undone."""
FOREIGN_KEPT = 1000
"""Batches of votes or devices' texts an undo may replay at most (older history steps go)."""


class UndoHistory:
    """Sessions to go back and forward to, and the edits from devices to make again on them."""

    def __init__(self) -> None:
        self._undo: list[tuple[Session, int]] = []
        self._redo: list[tuple[Session, int]] = []
        """Sessions to go back (forward) to, each with the length of ``_foreign``'s log when taken."""
        self._foreign: list[Callable[[Session], Session]] = []
        """Edits that did not come from the keyboard (votes, devices' texts) since the oldest
        entry of the history: replayed onto an entry when it is undone or redone to, so Ctrl+Z
        takes back the facilitator's own edit and never a participant's vote or a scribe's words."""
        self._foreign_start = 0
        """The place in the log of ``_foreign[0]`` (entries before it were dropped)."""
        self._last_merge: str | None = None

    def record(self, before: Session, merge: str | None) -> None:
        """An undoable edit is made on ``before``: it becomes the step back (``merge``: edits in
        a row with the same key undo as one, typing in one text field), and nothing is redone."""
        if merge is None or merge != self._last_merge:
            self._undo.append((before, self._foreign_end))
            del self._undo[:-HISTORY]
        self._redo.clear()
        self._last_merge = merge

    def next_undo(self, session: Session, *, redo: bool = False) -> Place | None:
        """Where the next undo (``redo``: redo) would change the answers of ``session``, without making it.

        None: no history, or a change no exercise holds. The one question the app asks
        before Ctrl+Z (Ctrl+Y), so it never changes what the screen does not show.
        """
        stack = self._redo if redo else self._undo
        return changed_place(session, self._replayed(stack[-1])) if stack else None

    def undo(self, session: Session) -> Session | None:
        """The session one edit back from ``session`` (what came from devices kept); None if none."""
        if not self._undo:
            return None
        self._last_merge = None
        self._redo.append((session, self._foreign_end))
        return self._restored(self._undo.pop())

    def redo(self, session: Session) -> Session | None:
        """The last undone edit made again on ``session`` (devices' edits since kept); None if none."""
        if not self._redo:
            return None
        self._last_merge = None
        self._undo.append((session, self._foreign_end))
        return self._restored(self._redo.pop())

    @property
    def can_undo(self) -> bool:
        """Whether there is an edit to undo."""
        return bool(self._undo)

    @property
    def _foreign_end(self) -> int:
        return self._foreign_start + len(self._foreign)

    def _restored(self, entry: tuple[Session, int]) -> Session:
        """A session of the history with the foreign edits made since it was taken applied to it again."""
        session = self._replayed(entry)
        self._trim_foreign()
        return session

    def _replayed(self, entry: tuple[Session, int]) -> Session:
        """``_restored`` without forgetting anything: what an undo to ``entry`` would show."""
        session, at = entry
        for edit in self._foreign[at - self._foreign_start :]:
            try:
                session = edit(session)
            except (ValueError, KeyError):
                continue  # refused on the older session (e.g. a place the undone edit removed)
        return session

    def _trim_foreign(self) -> None:
        oldest = min((at for _, at in (*self._undo, *self._redo)), default=self._foreign_end)
        del self._foreign[: oldest - self._foreign_start]
        self._foreign_start = oldest

    def foreign(self, edit: Callable[[Session], Session]) -> None:
        """Note an edit already applied that did not come from the keyboard (a vote, a device's text).

        The history holds whole sessions from before it; undoing or redoing to one of them
        makes this edit again on it, so the facilitator's Ctrl+Z takes back the
        facilitator's own last edit while phones vote and scribes write, and never their
        words. Nothing is kept when there is no history to undo.
        """
        if not self._undo and not self._redo:
            self._foreign_start, self._foreign = self._foreign_end, []
            return
        self._foreign.append(edit)
        if len(self._foreign) > FOREIGN_KEPT:
            # Undoing that far back would replay too much: the oldest steps are forgotten.
            keep = self._foreign_end - FOREIGN_KEPT
            self._undo = [entry for entry in self._undo if entry[1] >= keep]
            self._redo = [entry for entry in self._redo if entry[1] >= keep]
            self._trim_foreign()
