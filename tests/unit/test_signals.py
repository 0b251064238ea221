"""A laptop shutting down (SIGTERM) or a terminal window closed (SIGHUP) ends the app as a quit does.

Without its own handler the app died on either signal where it stood: the session's lock
stayed behind (the next start asked whether another window still writes), the side file for
the wall and the running marker too, and a terminal still open was left in raw mode on the
alternate screen. Pilot cannot send a signal to an app, so this drives ``workshop`` in a
pseudo-terminal.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.terminal import Terminal, TerminalClosed
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.lock import lock_path
from workshop_tui.core.storage.sessions import load_session
from workshop_tui.tui.signals import CLOSE_SECONDS

from .test_fast_fingers import _open, _room, _scored, workshop_command

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and a pseudo-terminal")

LEAVE_ALT_SCREEN = b"\x1b[?1049l"


def _until_ended(term: Terminal, timeout: float = 60) -> int:
    """Read what the program writes until it ends; its exit status."""
    assert term.process is not None
    deadline = time.monotonic() + timeout
    with contextlib.suppress(TerminalClosed):
        while term.process.poll() is None and time.monotonic() < deadline:
            term.pump(0.1)
    return term.process.wait(timeout=max(1.0, deadline - time.monotonic()))


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_saves_gives_the_lock_back_and_restores_the_terminal(
    library: Library, data_dir: Path, signum: int
) -> None:
    path = _room(library, data_dir, 8)
    term = _open(path, data_dir)
    try:
        assert lock_path(path).exists()
        term.send(b"543")
        term.wait_until(lambda _: _scored(path) == 3, timeout=60)
        term.settle(0.3)
        shown = len(term.output)
        assert term.process is not None
        term.process.send_signal(signum)
        status = _until_ended(term)
    finally:
        term.close()
    assert status == 128 + signum
    assert not lock_path(path).exists(), "the session's lock was left behind"
    assert not (data_dir / "running.json").exists()
    assert not list(path.parent.glob("*.live.json"))
    session = load_session(path)  # whole: it reads and validates
    assert _scored(path) == 3 and session.id == "rum"
    assert LEAVE_ALT_SCREEN in term.output[shown:], "the terminal was not given back"


def test_a_terminal_window_closed_under_the_app_still_gives_the_lock_back(
    library: Library, data_dir: Path
) -> None:
    # The window is gone: SIGHUP comes with a terminal that can no longer be written to.
    path = _room(library, data_dir, 8)
    term = _open(path, data_dir)
    try:
        term.send(b"45")
        term.wait_until(lambda _: _scored(path) == 2, timeout=60)
        assert term.process is not None
        process = term.process
        os.close(term.fileno())
        term._fd = -1
        process.send_signal(signal.SIGHUP)
        status = process.wait(timeout=60)
    finally:
        term.close()
    assert status == 128 + signal.SIGHUP
    assert not lock_path(path).exists(), "the session's lock was left behind"
    assert _scored(path) == 2


def _without_hangup(path: Path, data_dir: Path) -> Terminal:
    """The app on a pseudo-terminal that is not its controlling terminal: closing it sends no SIGHUP."""
    term = Terminal(
        workshop_command("--lang", "da", "open", str(path)),
        env={"WORKSHOP_TUI_DATA_DIR": str(data_dir)},
        controlling=False,
    )
    term.start()
    return term


def test_an_app_whose_input_ends_without_a_hangup_saves_gives_the_lock_back_and_ends(
    library: Library, data_dir: Path
) -> None:
    # No controlling terminal (started by a program that then died, or detached): its input
    # just ends. Such an app read end of file in a loop at 50-100 % of a core, kept the
    # session's lock for minutes, and only SIGTERM ended it.
    path = _room(library, data_dir, 8)
    term = _without_hangup(path, data_dir)
    try:
        term.wait_for_text("^n", timeout=60)
        term.send(b"45")
        term.wait_until(lambda _: _scored(path) == 2, timeout=60)
        term.settle(0.3)
        assert term.process is not None and lock_path(path).exists()
        process = term.process
        os.close(term.fileno())
        term._fd = -1
        started = time.monotonic()
        status = process.wait(timeout=60)  # no signal: the app notices on its own
        took = time.monotonic() - started
    finally:
        term.close()
    assert status == 128 + signal.SIGHUP, "ended as a hangup would"
    assert took < CLOSE_SECONDS, f"the close took {took:.1f} s: ended by the deadline, not by closing"
    assert not lock_path(path).exists(), "the session's lock was left behind"
    assert not (data_dir / "running.json").exists()
    assert not list(path.parent.glob("*.live.json"))
    assert _scored(path) == 2
    load_session(path)  # whole: it reads and validates


STUCK_CLOSE = """
import asyncio
from workshop_tui.tui.signals import stop_on_signals

class StuckClose:
    def exit(self, return_code: int) -> None:
        pass  # a close that never finishes

async def main() -> None:
    stop_on_signals(StuckClose())  # type: ignore[arg-type]
    print("ready", flush=True)
    await asyncio.sleep(120)

asyncio.run(main())
"""


def test_a_close_that_never_finishes_still_ends_the_process_after_the_signal() -> None:
    process = subprocess.Popen([sys.executable, "-c", STUCK_CLOSE], stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "ready"
        started = time.monotonic()
        process.send_signal(signal.SIGTERM)
        status = process.wait(timeout=CLOSE_SECONDS + 30)
    finally:
        process.kill()
    assert status == 128 + signal.SIGTERM
    assert time.monotonic() - started >= CLOSE_SECONDS - 0.5
