"""The app's terminal driver: a terminal that went away must not stop the app from closing.

(It also reads Esc followed at once by a key as two keys, ``tui/escape_keys.py``, and writes a
small frame in the event loop's thread when nothing waits before it, ``tui/frame_writer.py``.)

Textual writes to the terminal from a thread (``WriterThread``) that takes the text from a
queue of at most 30 writes. When the terminal is gone (a window closed, the program that
held the pseudo-terminal killed), a write fails (``EIO``): that exception ended the thread,
nobody took from the queue any more, and the 31st write after it waited for ever. The close
writes more than that (mouse, paste and cursor modes off, the alternate screen left), so an
app that had saved everything still hung in its close with the session's lock held, until
``tui/signals.py``'s deadline ended the process without giving the lock back.

Here the thread writes through ``TerminalOutput``, which drops what a gone terminal cannot
take, so the close runs to its end: the screens close and each session gives its lock back.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, TextIO

from textual.driver import Driver

if TYPE_CHECKING:
    from textual.app import App
    from textual.message import Message


class TerminalOutput:
    """The terminal's output for Textual's writer thread; once a write fails, the rest are dropped."""

    def __init__(self, file: TextIO) -> None:
        self._file = file
        self.gone = False
        """A write or flush failed: the terminal is gone, there is no one left to show anything to."""

    def write(self, text: str) -> int:
        """Write ``text``, or drop it when the terminal is gone; the count of characters taken."""
        if not self.gone:
            try:
                self._file.write(text)
            except (OSError, ValueError):  # EIO from a hung-up terminal; ValueError: file closed
                self.gone = True
        return len(text)

    def flush(self) -> None:
        """Flush, or nothing when the terminal is gone."""
        if not self.gone:
            try:
                self._file.flush()
            except (OSError, ValueError):
                self.gone = True

    def fileno(self) -> int:
        """The terminal's file descriptor (Textual asks it for the size)."""
        return self._file.fileno()

    def isatty(self) -> bool:
        """Whether the output is a terminal."""
        return self._file.isatty()


if sys.platform != "win32":
    from textual.drivers import linux_driver
    from textual.drivers.linux_driver import LinuxDriver

    from workshop_tui.tui.escape_keys import EscapeKeyParser
    from workshop_tui.tui.frame_writer import FrameWriter

    class TerminalDriver(LinuxDriver):
        """Textual's driver: writes through ``TerminalOutput`` and ``FrameWriter``, reads Esc + key as two."""

        def start_application_mode(self) -> None:
            """Textual's start, with ``FrameWriter`` as its output thread (``tui/frame_writer.py``).

            The start makes its output thread by the module's name ``WriterThread``, so that
            name is pointed at ours (as ``run_input_thread`` does with the parser).
            """
            linux_driver.WriterThread = FrameWriter  # type: ignore[attr-defined]
            super().start_application_mode()  # type: ignore[no-untyped-call]

        def run_input_thread(self) -> None:
            """Textual's input loop, with ``EscapeKeyParser`` as its parser (``tui/escape_keys.py``).

            The loop makes its parser by the module's name ``XTermParser``, so that name is
            pointed at ours (only this app's driver reads keys in this process).
            """
            linux_driver.XTermParser = EscapeKeyParser  # type: ignore[attr-defined]
            super().run_input_thread()

        def __init__(self, app: App[Any], **options: Any) -> None:
            super().__init__(app, **options)
            self._file = TerminalOutput(sys.__stderr__)  # type: ignore[assignment,arg-type]

        def send_message(self, message: Message) -> None:
            """Hand a key (or any event the input thread read) to the app's queue in one loop turn.

            Textual's driver wraps ``App._post_message`` (which only calls ``post_message``)
            in a coroutine and runs it with ``run_coroutine_threadsafe``: the loop wakes,
            makes a Task, and posts the key one turn later. Calling ``post_message`` from the
            woken loop directly is the same call in the same context (both run in a copy of
            this thread's context), in the same order, without the Task and the extra turn.
            The workshop app takes it with ``post_typed``: a digit for an idle score grid
            is handled in that very turn (``tui/key_arrival.py``), anything else is posted.
            """
            self._loop.call_soon_threadsafe(getattr(self._app, "post_typed", self._app.post_message), message)


def terminal_driver() -> type[Driver]:
    """The driver ``run_app`` and ``run_present`` start the app with (Textual's own on Windows)."""
    if sys.platform == "win32":
        from textual.drivers.windows_driver import WindowsDriver

        return WindowsDriver
    return TerminalDriver
