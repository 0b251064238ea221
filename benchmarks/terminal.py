"""Run a program in a real pseudo-terminal and watch what it writes, as a terminal emulator would.

The benchmarks and the crash test drive ``workshop`` through this, so that what they time
and check is what a facilitator's terminal gets: the bytes of each frame, with no test
harness inside the app. The terminal answers Textual's one question: it says it supports
synchronized output (mode 2026, as kitty, WezTerm, iTerm2, foot, Ghostty and Windows
Terminal do), so every frame arrives between ``ESC[?2026h`` and ``ESC[?2026l`` and a frame's
end can be seen exactly.
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks.screen import Screen

SYNC_QUERY = b"\x1b[?2026$p"
SYNC_REPLY = b"\x1b[?2026;2$y"
"""DECRPM: mode 2026 is known and currently reset, i.e. supported."""
FRAME_START = b"\x1b[?2026h"
FRAME_END = b"\x1b[?2026l"
_ESCAPES = re.compile(rb"\x1b(?:\[[0-9;?<>=$ ]*[A-Za-z~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[()][A-Za-z0-9]|.)")


class TerminalTimeout(RuntimeError):
    """The program did not show what was awaited in time."""


def _take_terminal() -> None:
    """In the child, after ``setsid``: the pseudo-terminal becomes its controlling terminal.

    As in a terminal window: when the driver ends (finished, killed, timed out), the kernel
    sends the program SIGHUP, and the app saves and quits. Without it, a program left behind
    by a killed test had no terminal to lose, read EOF forever and kept a core busy.
    """
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class TerminalClosed(RuntimeError):
    """The program ended (closed the terminal)."""


def plain(data: bytes) -> str:
    """The text of terminal output with the escape sequences taken out."""
    return _ESCAPES.sub(b"", data).decode("utf-8", errors="replace")


def workshop_command(*args: str) -> list[str]:
    """The ``workshop`` command of this Python, as a facilitator would type it."""
    script = Path(sys.executable).with_name("workshop")
    if script.exists():
        return [str(script), *args]
    return [sys.executable, "-m", "workshop_tui", *args]


class Terminal:
    """One program in a pseudo-terminal of a fixed size.

    Output is read into ``output`` (all bytes so far) and ``chunks`` (arrival time, bytes).
    """

    def __init__(
        self,
        argv: Sequence[str],
        *,
        size: tuple[int, int] = (120, 36),
        env: dict[str, str] | None = None,
        cwd: Path | None = None,
        controlling: bool = True,
    ) -> None:
        self.argv = list(argv)
        self.size = size
        self.env = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor", **(env or {})}
        # COLUMNS and LINES would override the pseudo-terminal's own size in Textual (pytest-xdist's
        # workers set them to 80 and 24): the program is sized by its terminal, as in a real one.
        for name in ("TEXTUAL", "TEXTUAL_DEBUG", "TEXTUAL_LOG", "COLUMNS", "LINES"):
            self.env.pop(name, None)
        self.cwd = cwd
        self.controlling = controlling
        """Whether the pseudo-terminal is the program's controlling terminal (see ``_take_terminal``)."""
        self.output = bytearray()
        self.chunks: list[tuple[float, bytes]] = []
        self.frame_ends: set[int] = set()
        """The chunks in which a synchronized frame ends (its end marker may begin in the chunk before)."""
        self.process: subprocess.Popen[bytes] | None = None
        self.started = 0.0
        self.screen = Screen(*size)
        """What the terminal shows, as far as the output has been fed to it."""
        self._fed = 0
        self._fd = -1
        self.synchronized = False
        """Whether the program draws synchronized frames (then only whole frames are fed to ``screen``)."""

    def start(self) -> float:
        """Start the program; returns the start time (``time.perf_counter``)."""
        master, slave = os.openpty()
        columns, rows = self.size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            self.argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=self.env,
            cwd=self.cwd,
            start_new_session=True,
            close_fds=True,
            preexec_fn=_take_terminal if self.controlling else None,
        )
        os.close(slave)
        self._fd = master
        return self.started

    @property
    def alive(self) -> bool:
        """Whether the program is still running."""
        return self.process is not None and self.process.poll() is None

    def pump(self, timeout: float) -> int:
        """Read what the program wrote within ``timeout`` seconds; returns the byte count.

        Raises:
            TerminalClosed: the program closed the terminal (it ended).
        """
        ready, _, _ = select.select([self._fd], [], [], max(0.0, timeout))
        if not ready:
            return 0
        try:
            data = os.read(self._fd, 65536)
        except OSError:
            data = b""
        if not data:
            raise TerminalClosed(f"{self.argv[0]} ended; last output: {plain(bytes(self.output[-400:]))!r}")
        now = time.perf_counter()
        if SYNC_QUERY in bytes(self.output[-len(SYNC_QUERY) + 1 :]) + data:  # even split across reads
            os.write(self._fd, SYNC_REPLY)
        if not self.synchronized and FRAME_START in bytes(self.output[-len(FRAME_START) + 1 :]) + data:
            self.synchronized = True
        # A large frame arrives in many reads, and its end marker can be split between two of
        # them: found in neither alone, the frame never ended for the watch, and a key shown on
        # time was reported lost after the timeout (the bare DataTable's full redraws).
        if FRAME_END in bytes(self.output[-len(FRAME_END) + 1 :]) + data:
            self.frame_ends.add(len(self.chunks))
        self.output += data
        self.chunks.append((now, data))
        return len(data)

    def fileno(self) -> int:
        """The terminal's side of the pseudo-terminal, for ``select`` beside other files."""
        return self._fd

    def settled(self, *, min_bytes: int = 2048, quiet: float = 0.15, timeout: float = 60.0) -> float:
        """Read until the screen has settled; returns when the last output before the quiet arrived.

        Settled is what a user sees as "ready": output has begun, at least ``min_bytes`` have
        arrived (a first frame of a real screen), and then nothing for ``quiet`` seconds, so
        a second repaint shortly after the first (a screen filled in twice) counts.

        Raises:
            TerminalTimeout: not settled within ``timeout`` seconds.
        """
        deadline = time.perf_counter() + timeout
        while len(self.output) < min_bytes:
            if time.perf_counter() > deadline:
                raise TerminalTimeout(f"{self.argv[0]}: only {len(self.output)} bytes in {timeout} s")
            self.pump(0.05)
        last = self.chunks[-1][0]
        while True:
            now = time.perf_counter()
            if now > deadline:
                raise TerminalTimeout(f"{self.argv[0]}: still drawing after {timeout} s")
            wait = last + quiet - now
            if wait <= 0:
                self.catch_up()
                return last
            if self.pump(wait):
                last = self.chunks[-1][0]

    def cpu_seconds(self) -> float:
        """CPU time (user + system, all threads) the program has used so far (Linux ``/proc``)."""
        assert self.process is not None
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def frames(self, since: float = 0.0) -> int:
        """How many synchronized frames arrived after ``since`` (``time.perf_counter``)."""
        return sum(data.count(FRAME_START) for at, data in self.chunks if at >= since)

    def drain(self) -> None:
        """Read everything already written, without waiting."""
        while self.pump(0):
            pass

    def settle(self, quiet: float = 0.3, timeout: float = 10.0) -> None:
        """Read until the program has written nothing for ``quiet`` seconds."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline and self.pump(quiet):
            pass
        self.catch_up()

    def catch_up(self) -> None:
        """Bring ``screen`` up to date with everything read so far."""
        for _, data in self.chunks[self._fed :]:
            self.screen.feed(data)
        self._fed = len(self.chunks)

    def wait_until(self, shows: Callable[[Screen], bool], timeout: float = 30.0) -> float:
        """Read until the screen shows what ``shows`` looks for; returns when it was shown.

        That is the arrival of the end of the frame that drew it (a terminal shows a
        synchronized frame only once it is complete). The screen is updated only when
        nothing is waiting to be read, so it never delays the time a chunk is read at.

        Raises:
            TerminalTimeout: it was not shown in time.
        """
        deadline = time.perf_counter() + timeout
        watch = self.watch(shows)
        while True:
            self.drain()
            at = watch.shown()
            if at is not None:
                return at
            if time.perf_counter() > deadline:
                if watch.found is not None:
                    return self.chunks[watch.found][0]
                shown = self.screen.text()
                raise TerminalTimeout(f"{self.argv[0]}: not shown in {timeout} s; the screen:\n{shown}")
            self.pump(0.01)

    def watch(self, shows: Callable[[Screen], bool]) -> ShownWatch:
        """Look for what ``shows`` looks for in the output read from now on (see ``ShownWatch``)."""
        return ShownWatch(self, shows)

    def wait_for_text(self, text: str, timeout: float = 30.0) -> float:
        """Wait until ``text`` is on the screen; returns when it was shown."""
        return self.wait_until(lambda screen: screen.find(text) is not None, timeout)

    def send(self, keys: bytes) -> float:
        """Type ``keys``; returns the time just before they were written."""
        now = time.perf_counter()
        os.write(self._fd, keys)
        return now

    def kill(self, sig: int = signal.SIGKILL) -> None:
        """Send ``sig`` to the program and wait for it to end."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(sig)
            self.process.wait(timeout=10)

    def close(self) -> None:
        """Stop the program (if running) and release the terminal."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.kill()
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def __enter__(self) -> Terminal:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class ShownWatch:
    """Whether the output read so far shows something yet, for loops that wait on more than the terminal.

    ``shown()`` feeds the chunks read since the last call to the screen (never while one is
    waiting to be read, so feeding never delays a read) and returns the arrival of the end
    of the frame that drew it, once that has arrived.
    """

    def __init__(self, term: Terminal, shows: Callable[[Screen], bool]) -> None:
        self.term = term
        self.shows = shows
        self.found: int | None = None
        """The chunk at which the screen first showed it."""

    def shown(self) -> float | None:
        """When the frame that showed it ended, or None (not shown, or its frame has not ended).

        Only whole frames are fed to the screen (up to the last chunk that ends one): feeding
        is slow (a Python loop per character, milliseconds for a large frame), and a frame's
        end that arrived while its start was being fed would be read, and timed, that late.
        A terminal shows a synchronized frame only once it has ended anyway.
        """
        term = self.term
        if self.found is None:
            ended = next(
                (i for i in range(len(term.chunks) - 1, term._fed - 1, -1) if i in term.frame_ends),
                None,
            )
            if ended is None and term.synchronized:
                return None
            for index in range(term._fed, len(term.chunks) if ended is None else ended + 1):
                term.screen.feed(term.chunks[index][1])
                term._fed = index + 1
                if self.shows(term.screen):
                    self.found = index
                    break
        if self.found is None:
            return None
        end = next((i for i in range(self.found, len(term.chunks)) if i in term.frame_ends), None)
        if end is None:
            return None
        term.catch_up()
        return term.chunks[end][0]
