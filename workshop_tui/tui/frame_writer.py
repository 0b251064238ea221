"""A small frame is written by the thread that made it, when nothing waits to be written before it.

Textual hands every write to an output thread (``WriterThread``) through a queue, so that a
terminal slow to read never holds up the event loop. For a keystroke's frame that hand-off
is the last step of the key's way to the screen, and the one most sensitive to a busy
machine: the output thread must be woken, get a CPU and then the interpreter, while the
event loop goes on to the work deferred after the frame. Traced through the pty
(``python -m benchmarks.key_trace``), the frame left 2.9 ms (median) after it was made on
the test VM with its usual load, 3.1 ms with a busy loop beside it, of a key's 9-12 ms.

So a write is made at once, in the calling thread, when the output thread has nothing
queued or under way (every earlier write is already out, so the order is kept) and the
text is small (a key's frame is a few hundred bytes to a few kB: it cannot fill a
terminal's buffer and block the loop for long). Anything else goes to the queue as
before: a full repaint, or any write while earlier ones wait. A frame's start marker
(``ESC[?2026h``, its own write in Textual) is flushed with the frame's body, so the
terminal gets the frame in one piece.
"""

from __future__ import annotations

import threading
from typing import IO

from textual.drivers._writer_thread import WriterThread

DIRECT_MAX = 8192
"""Characters a write may have to be made in the calling thread (larger: the output thread)."""
FRAME_START = "\x1b[?2026h"
"""Textual's start of a synchronized frame: its body follows at once, flushed with it."""


class FrameWriter(WriterThread):
    """Textual's output thread, except that a small write with nothing before it is made in the caller."""

    def __init__(self, file: IO[str]) -> None:
        super().__init__(file)
        self._lock = threading.Lock()
        """Held while a write is made in the caller and while ``_queued`` changes."""
        self._queued = 0
        """Writes handed to the thread and not yet written (and flushed, when it was the last)."""
        self.direct = 0
        """Writes made in the calling thread so far (for tests and traces)."""

    def write(self, text: str) -> None:
        """Write ``text`` now when nothing waits and it is small; else queue it for the thread."""
        with self._lock:
            if not self._queued and len(text) <= DIRECT_MAX:
                self._file.write(text)
                if text != FRAME_START:
                    self._file.flush()
                self.direct += 1
                return
            self._queued += 1
        self._queue.put(text)

    def run(self) -> None:
        """Textual's loop (write each text, flush when the queue is empty), counting what is written."""
        write = self._file.write
        flush = self._file.flush
        get = self._queue.get
        qsize = self._queue.qsize
        while True:
            text = get()
            if text is None:
                break
            write(text)
            if qsize() == 0:
                flush()
            with self._lock:  # after the flush: a write in the caller now comes after this one
                self._queued -= 1
        flush()
