"""A terminal that went away must not stop the app's close (``tui/terminal_driver.py``).

Textual's writer thread died on the first write the gone terminal refused (EIO); its queue
holds 30 writes, so the 31st write of the close waited for ever, with the session locked.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import queue
import sys
import threading

import pytest
from textual.drivers._writer_thread import MAX_QUEUED_WRITES, WriterThread

from workshop_tui.tui.terminal_driver import TerminalOutput, terminal_driver


class GoneTerminal(io.StringIO):
    """A terminal whose window closed: every write fails as a hung-up terminal's does."""

    def write(self, text: str) -> int:
        raise OSError(5, "Input/output error")

    def flush(self) -> None:
        raise OSError(5, "Input/output error")


def _close_finishes(file: object) -> bool:
    """Whether a close's worth of writes through Textual's writer thread to ``file`` finishes."""
    writer = WriterThread(file)  # type: ignore[arg-type]
    writer.start()

    def close() -> None:
        for _ in range(MAX_QUEUED_WRITES * 3):
            writer.write("\x1b[?1049l")
        writer.stop()

    closing = threading.Thread(target=close, daemon=True)  # left waiting for ever when it hangs
    closing.start()
    closing.join(timeout=10)
    finished = not closing.is_alive()
    while closing.is_alive():  # a hung close: take its writes, so that no thread is left behind
        with contextlib.suppress(queue.Empty):
            writer._queue.get(timeout=0.1)
    return finished


def test_writes_to_a_gone_terminal_are_dropped_and_the_close_finishes() -> None:
    output = TerminalOutput(GoneTerminal())
    assert _close_finishes(output)
    assert output.gone


@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_textual_alone_hangs_there() -> None:
    # What the driver guards against; if a Textual release fixes it, the guard can go.
    assert not _close_finishes(GoneTerminal())


def test_a_working_terminal_gets_every_write() -> None:
    screen = io.StringIO()
    output = TerminalOutput(screen)
    output.write("ab")
    output.flush()
    output.write("c")
    assert screen.getvalue() == "abc" and not output.gone


@pytest.mark.skipif(sys.platform == "win32", reason="Textual's Linux driver")
def test_the_driver_writes_through_it() -> None:
    from textual.app import App

    async def made() -> object:
        return terminal_driver()(App())

    driver = asyncio.run(made())
    assert isinstance(driver._file, TerminalOutput)  # type: ignore[attr-defined]
