"""The log an unexpected error leaves behind, so that it never ends the app without a trace.

The app catches the error, saves the session, writes this log and tells the facilitator
where it is; someone can then see what happened. The log holds the traceback and the
versions, not the session's content (it may name participants), and is readable by its
owner only: ``<data dir>/logs/crash-<time>-<pid>.log``, or the temp folder when the data
dir cannot be written (a full disk is one reason for an error).
"""

from __future__ import annotations

import contextlib
import os
import platform
import sys
import tempfile
import traceback
from datetime import datetime
from pathlib import Path

from workshop_tui import __version__
from workshop_tui.core.storage.locations import logs_dir


def crash_text(error: BaseException | str, sessions: list[tuple[Path, bool]]) -> str:
    """The log's text: when, which versions, which session files, and the traceback.

    ``error`` is the exception, or the report of it as the UI printed it (Textual's).
    """
    lines = [
        f"workshop-tui {__version__} stopped on an unexpected error",
        f"time: {datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"python: {sys.version.split()[0]} on {platform.platform()}",
        f"pid: {os.getpid()}",
    ]
    for path, saved in sessions:
        state = "saved" if saved else "NOT saved (the file holds its last saved version)"
        lines.append(f"session: {path} ({state})")
    lines.append("")
    lines.extend(traceback.format_exception(error) if isinstance(error, BaseException) else [error])
    return "\n".join(line.rstrip("\n") for line in lines) + "\n"


def write_crash_log(error: BaseException | str, sessions: list[tuple[Path, bool]]) -> Path | None:
    """Write the log of ``error``; its path, or None when no folder at all could take it."""
    text = crash_text(error, sessions).encode("utf-8", errors="replace")
    folder = logs_dir()
    name = f"crash-{datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}.log"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        with contextlib.suppress(OSError):
            os.chmod(folder, 0o700)
        path = folder / name
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError:
        try:
            fd, temp = tempfile.mkstemp(prefix="workshop-tui-crash-", suffix=".log")  # 0600
        except OSError:
            return None
        path = Path(temp)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(text)
    except OSError:
        return None
    return path
