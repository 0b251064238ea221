"""The main app's half of ``workshop present``: it saves what the wall shows beyond the session file.

The session's controller owns one ``LiveWriter`` (only when it is the session's writer,
never read-only). After every change it publishes, the controller hands over the wall's
state (exercise on show, language, timer, voting board); the writer compares it with what
it last wrote and rewrites the small side file only when it differs, so a keystroke that
only enters a score costs one comparison; once written, it is written again every
``HEARTBEAT_SECONDS`` (``heartbeat``), so ``workshop present`` can tell a file still being
written from one left behind by a killed app or on another computer of a synced folder.
Opening also sets the running marker, so
``workshop present`` without a session follows this one; closing removes both (see
``core/storage/live.py``).

Given the session screen, the side file is written just after the frame that shows the
change (``after_frame``), not before it: the first key after opening changes the wall's
state (nothing is written at opening) and its write waited in the key's path for the
file system, which was committing that key's save (the folder fsync beside the widgets'
update): 5 ms of the first key's 12 ms to its frame, measured through the pty
(``benchmarks/key_trace.py``). The wall follows a second window's polling, not a frame.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from workshop_tui.core.storage.errors import SessionWriteError
from workshop_tui.core.storage.live import (
    HEARTBEAT_SECONDS,
    Live,
    LiveTimer,
    LiveVoting,
    clear_running,
    mark_running,
    remove_live,
    write_live,
)
from workshop_tui.tui.after_frame import AfterFrame
from workshop_tui.tui.voting_link import VotingInfo

if TYPE_CHECKING:
    from textual.dom import DOMNode


class LiveWriter:
    """Keeps ``<session>.toml.live.json`` equal to what the main app's wall shows."""

    def __init__(self, session_file: Path, *, enabled: bool, node: DOMNode | None = None) -> None:
        self.path = session_file
        self.enabled = enabled
        """False for a read-only view: only the session's writer writes its side file."""
        self._later = AfterFrame(node, self._write_wanted) if node is not None else None
        """Writes the side file after ``node``'s next frame (None: at once, in ``note``)."""
        self._wanted: Live | None = None
        """The state last noted, written or about to be (None after a failed write: tried again)."""
        self._written: Live | None = None
        self._marked = False
        self._closed = False
        """Closed: a change published while the session screen goes writes nothing again."""
        self._wrote_at = 0.0
        """When the side file was last written (``time.monotonic``)."""

    def note(self, live: Live) -> None:
        """Write ``live`` if it differs from the last write (a failed write is tried at the next change).

        With a node, after its next frame: the frame that shows the change does not wait for it.
        """
        if not self.enabled or self._closed or live == self._wanted:
            return
        self._wanted = live
        self.mark()
        if self._later is None:
            self._write_wanted()
        else:
            self._later()

    def _write_wanted(self) -> None:
        live = self._wanted
        if live is not None and not self._closed and live != self._written and not self._write(live):
            self._wanted = None

    def heartbeat(self) -> None:
        """Write the side file again if it has not been written for ``HEARTBEAT_SECONDS`` (call each second).

        Only once it exists: opening a session still writes nothing beside it.
        """
        live = self._written
        if live is not None and not self._closed and time.monotonic() - self._wrote_at >= HEARTBEAT_SECONDS:
            self._write(live)

    def _write(self, live: Live) -> bool:
        try:
            write_live(self.path, live)
        except SessionWriteError:
            return False  # the session's own save reports an unwritable folder; the wall waits
        self._written, self._wrote_at = live, time.monotonic()
        return True

    def mark(self) -> None:
        """Name this session in the running marker (once; a read-only view never does)."""
        if self.enabled and not self._closed and not self._marked:
            self._marked = True
            mark_running(self.path)

    def close(self) -> None:
        """The session closes: the side file and (if it is still ours) the running marker go."""
        self._closed = True
        if not self.enabled or not self._marked:
            return
        remove_live(self.path)
        clear_running(self.path)
        self._wanted = self._written = None
        self._marked = False


def live_state(
    exercise_id: str,
    lang: str,
    timer: tuple[int | None, bool],
    voting: VotingInfo | None,
    *,
    last: bool = False,
) -> Live:
    """The side file's content for the wall as the main app has it now."""
    left, running = timer
    board = None
    if voting is not None:
        p = voting.progress
        board = LiveVoting(
            url=voting.url,
            join_url=voting.join_url,
            code=voting.code,
            round_open=voting.round_open,
            joined=p.joined,
            answered=p.answered,
            complete=p.complete,
            participants=voting.participants,
            max_participants=voting.max_participants,
            writing=voting.writing,
        )
    return Live(
        exercise=exercise_id,
        lang=lang,
        timer=None if left is None else LiveTimer(left=max(0, left), running=running),
        voting=board,
        last=last,
    )
