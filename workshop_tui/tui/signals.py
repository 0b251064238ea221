"""A laptop shutting down (SIGTERM) or a terminal window closed (SIGHUP) ends the app as a quit does.

Python's default for both signals is to die where it stands: the session's lock stayed
behind (the next start asked whether another window still writes), with the wall's side
file and the running marker, and a terminal still open was left in raw mode on the
alternate screen. Handled in the app's event loop instead, the signal first saves what is
not on disk yet (as a stop on an error does), then exits the app the ordinary way: the
screens close, each session gives its lock back, and Textual gives the terminal back (to
a terminal that is gone, its writes fail and are dropped: ``tui/terminal_driver.py``).
The exit status is 128 + the signal's number, as a shell reports a process ended by it.

A terminal can also go away without a signal: a program that held the pseudo-terminal
(an editor's or a test's terminal, a multiplexer) dies while the app is not its session's
leader, and the app's input just ends. Textual's input thread then reads "nothing" in a
loop, which kept a core busy for minutes with the session locked. ``watch_input_end``
notices that end (the kernel marks the input hung up) and ends the app as a SIGHUP would,
with exit status 129 (128 + SIGHUP): to the app it *is* a hangup, only no signal said so.

Only ``run_app`` and ``run_present`` install it: an app the tests drive runs in a process
that is not theirs to change.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import select
import signal
import sys
import threading
from collections.abc import Callable
from typing import Any

from textual.app import App

SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))
"""The signals handled (Windows has neither as a signal a process gets)."""

CLOSE_SECONDS = 5.0
"""How long the ordinary close may take after a signal before the process ends anyway.

An app whose terminal was gone was seen to never finish its close: Textual's writer thread
had died on the gone terminal's first refused write and the close waited on its full queue
(``tui/terminal_driver.py`` now drops those writes, and the close finishes). The deadline
stays for a close stuck elsewhere: what is unsaved is saved before the close starts, so
ending the process then loses nothing; a lock left behind names a process that no longer
runs, which the next start takes over.
"""


def stop_on_signals(app: App[Any], before: Callable[[], object] | None = None) -> None:
    """From now on, SIGTERM and SIGHUP run ``before`` (never raising), then exit ``app``.

    Called from the app's ``on_mount`` (in its event loop, on the main thread); the
    handlers go with the loop (``asyncio.run`` closes it when the app has ended, which
    gives the signals their default back).
    """
    loop = asyncio.get_running_loop()
    received: list[int] = []

    def stop(signum: int) -> None:
        if received:  # a second signal while closing (a closed window may send two): the close goes on
            return
        received.append(signum)
        if before is not None:
            with contextlib.suppress(Exception):
                before()
        deadline = threading.Timer(CLOSE_SECONDS, os._exit, args=(128 + signum,))
        deadline.daemon = True  # an app that closes in time ends the process itself
        deadline.start()
        app.exit(return_code=128 + signum)

    for signum in SIGNALS:
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(signum, stop, signum)
    if hasattr(signal, "SIGHUP") and sys.__stdin__ is not None:
        hangup = signal.SIGHUP
        watch_input_end(sys.__stdin__.fileno(), lambda: loop.call_soon_threadsafe(stop, hangup))


def watch_input_end(fd: int, on_end: Callable[[], object]) -> threading.Thread | None:
    """Call ``on_end`` (from a thread of its own) once the input ``fd`` has ended for good.

    The thread polls for nothing but the end (``POLLHUP``/``POLLERR``/``POLLNVAL``, which
    ``poll`` reports whatever was asked), so it sleeps while keys arrive and never takes one
    from Textual's input thread. A pseudo-terminal whose other side closed is hung up (its
    reads give end of file for ever), and so is a pipe whose writer has gone. A daemon: it
    waits, without cost, for as long as the process runs. None where ``poll`` is missing (Windows).
    """
    if not hasattr(select, "poll"):
        return None

    def wait() -> None:
        poller = select.poll()
        poller.register(fd, 0)
        poller.poll()  # returns at the end only: nothing else was asked for
        with contextlib.suppress(RuntimeError):  # the loop has already closed: the app ended
            on_end()

    watcher = threading.Thread(target=wait, name="workshop-input-end", daemon=True)
    watcher.start()
    return watcher
