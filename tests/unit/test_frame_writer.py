"""A small frame is written in the thread that made it when nothing waits before it (``tui/frame_writer.py``).

Handed to Textual's output thread, a keystroke's frame waited for that thread to be woken
and to get a CPU and the interpreter: 2.9-3.1 ms of the key's way to the screen on the
test VM under load. The order of the writes must not change for it.
"""

from __future__ import annotations

import sys
import threading

import pytest

from workshop_tui.tui.frame_writer import DIRECT_MAX, FRAME_START, FrameWriter

FRAME_END = "\x1b[?2026l"


class Recording:
    """A terminal that notes each write and flush with the thread that made it."""

    def __init__(self, hold: threading.Event | None = None) -> None:
        self.calls: list[tuple[str, str, int]] = []
        self.text = ""
        self.hold = hold
        """While not set, a large write waits (as for a terminal slow to read)."""
        self.writing = threading.Event()

    def write(self, text: str) -> int:
        if self.hold is not None and len(text) > DIRECT_MAX:
            self.writing.set()
            assert self.hold.wait(10)
        self.calls.append(("write", text, threading.get_ident()))
        self.text += text
        return len(text)

    def flush(self) -> None:
        self.calls.append(("flush", "", threading.get_ident()))

    def fileno(self) -> int:
        return 2

    def isatty(self) -> bool:
        return True


def test_a_small_frame_is_written_and_flushed_in_the_calling_thread() -> None:
    file = Recording()
    writer = FrameWriter(file)  # type: ignore[arg-type]
    writer.start()
    try:
        for text in (FRAME_START, "1", FRAME_END):
            writer.write(text)
        # Returned: the frame is out already, each write made here, none left for the thread.
        me = threading.get_ident()
        assert file.text == FRAME_START + "1" + FRAME_END
        assert all(thread == me for _, _, thread in file.calls)
        # The frame's start goes out with its body, not alone.
        assert [what for what, _, _ in file.calls] == ["write", "write", "flush", "write", "flush"]
    finally:
        writer.stop()


def test_what_waits_for_the_thread_keeps_later_writes_behind_it() -> None:
    hold = threading.Event()
    file = Recording(hold)
    writer = FrameWriter(file)  # type: ignore[arg-type]
    writer.start()
    try:
        repaint = "x" * (DIRECT_MAX + 1)
        writer.write(repaint)  # a full repaint: the output thread's
        assert file.writing.wait(10)  # taken from the queue, being written
        writer.write("a")  # small, but the repaint is not out yet: queued behind it
        writer.write("b")
        assert file.text == ""
        hold.set()
        writer.stop()
        assert file.text == repaint + "ab"
        me = threading.get_ident()
        assert all(thread != me for _, _, thread in file.calls)
        writer.write("c")  # all written and flushed: made here again
        assert file.text.endswith("abc")
    finally:
        hold.set()


@pytest.mark.skipif(sys.platform == "win32", reason="Textual's Linux driver")
def test_the_driver_starts_it_as_its_output_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    import asyncio

    from textual.app import App
    from textual.drivers import linux_driver

    from workshop_tui.tui.terminal_driver import terminal_driver

    made: list[object] = []
    textual_thread = linux_driver.WriterThread  # type: ignore[attr-defined]
    monkeypatch.setattr(linux_driver, "WriterThread", textual_thread)  # given back after
    monkeypatch.setattr(
        linux_driver.LinuxDriver,
        "start_application_mode",
        lambda self: made.append(linux_driver.WriterThread),  # type: ignore[attr-defined]
    )

    async def started() -> None:
        terminal_driver()(App()).start_application_mode()

    asyncio.run(started())
    assert made == [FrameWriter]


def test_a_gone_terminal_still_lets_the_close_finish() -> None:
    """As with Textual's thread (``test_terminal_driver``): what a hung-up terminal refuses is dropped."""
    from workshop_tui.tui.terminal_driver import TerminalOutput

    class Gone(Recording):
        def write(self, text: str) -> int:
            raise OSError(5, "Input/output error")

        def flush(self) -> None:
            raise OSError(5, "Input/output error")

    output = TerminalOutput(Gone())  # type: ignore[arg-type]
    writer = FrameWriter(output)  # type: ignore[arg-type]
    writer.start()
    closing = threading.Thread(
        target=lambda: [writer.write(text) for text in (FRAME_START, "x" * (DIRECT_MAX + 1), "1") * 40],  # type: ignore[func-returns-value]
        daemon=True,
    )
    closing.start()
    closing.join(timeout=10)
    writer.stop()
    assert not closing.is_alive() and output.gone
