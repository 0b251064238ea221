"""A keystroke save's folder fsync, shared by the key's thread and the sync thread.

Apart from :mod:`workshop_tui.core.keeper` (which hands a save's steps after its rename to
the sync thread, ``SessionKeeper.apply_and_show``) because it is the one piece of that
hand-off with its own locking: whichever thread comes to the fsync first does it, and the
other waits, so the frame is drawn only once the rename is durable and the fsync is done once.
"""

from __future__ import annotations

import threading

from workshop_tui.core.storage.tomlio import AfterReplace


class FolderSync:
    """A save's folder fsync, run once by whichever thread comes to it first; the other waits."""

    def __init__(self, after: AfterReplace) -> None:
        self._after = after
        self._claim = threading.Lock()
        self._done = threading.Event()

    def run(self) -> None:
        """Fsync the folder, or wait until the thread that took it has."""
        if self._claim.acquire(blocking=False):
            try:
                self._after.sync()
            finally:
                self._done.set()
        else:
            self._done.wait()
