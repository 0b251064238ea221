"""The app's terminal driver: a terminal that went away must not stop the app from closing.

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
    from textual.drivers.linux_driver import LinuxDriver

    class TerminalDriver(LinuxDriver):
        """Textual's driver, writing through ``TerminalOutput``."""

        def __init__(self, app: App[Any], **options: Any) -> None:
            super().__init__(app, **options)
            self._file = TerminalOutput(sys.__stderr__)  # type: ignore[assignment,arg-type]


def terminal_driver() -> type[Driver]:
    """The driver ``run_app`` and ``run_present`` start the app with (Textual's own on Windows)."""
    if sys.platform == "win32":
        from textual.drivers.windows_driver import WindowsDriver

        return WindowsDriver
    return TerminalDriver
