"""The voting server's error log: a file in the data dir, owner-only, with addresses blanked out.

Textual swallows stdout and stderr while it runs, so server errors go to a file; no
address of a participant's device is ever written there, and no join code (the server
never logs it). The file and its rotated copies are readable by the owner only.
"""

from __future__ import annotations

import contextlib
import ipaddress
import logging
import os
import re
import stat
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Any

from workshop_tui.core.storage.locations import data_dir
from workshop_tui.core.text_safety import for_terminal

_IPV4 = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?!\d)")
_CANDIDATE = re.compile(r"[0-9A-Fa-f]*:[0-9A-Fa-f:.]*[0-9A-Fa-f]|(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?!\d)")
"""Anything that could be an address: IPv4, or hex groups with colons (IPv6, IPv4-mapped too)."""
BLANK = "<address>"
LOG_MODE = 0o600
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def log_path() -> Path:
    """The server's error log (Textual swallows stdout and stderr while it runs)."""
    return data_dir() / "logs" / "voting.log"


def _blank_one(match: re.Match[str]) -> str:
    text = match.group(0)
    try:
        ipaddress.ip_address(text)
    except ValueError:
        # Not one address as a whole (e.g. "10.0.0.7:8765" read from the colon): blank the IPv4 in it.
        return _IPV4.sub(BLANK, text)
    return BLANK


def blank_addresses(text: str) -> str:
    """``text`` with every IPv4 and IPv6 address (``::ffff:10.0.0.7`` whole) replaced by ``<address>``."""
    return _CANDIDATE.sub(_blank_one, text)


class _NoAddresses(logging.Formatter):
    """Blanks out anything that looks like an IP address in messages and tracebacks (not the time).

    Control characters are taken out too: a message quotes what a device sent (the path of a
    request that failed: ``/%1b]0;x%07`` arrives decoded), and the log is read with ``cat``.
    """

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 (logging's name)
        record.message = blank_addresses(for_terminal(record.message, multiline=True))
        return super().formatMessage(record)

    def formatException(self, ei: Any) -> str:  # noqa: N802
        return blank_addresses(for_terminal(super().formatException(ei), multiline=True))


class PrivateFileHandler(RotatingFileHandler):
    """A rotating log whose files are created owner-only (0600), whatever the umask."""

    def _open(self) -> Any:
        """The log opened for appending: never through a link, never waiting on a pipe.

        A link named ``voting.log`` had the server's lines appended to whatever it pointed at,
        and that file made owner-only (``chmod`` follows links); a named pipe there made the
        open wait for a reader, so opening voting hung. Either is refused (``OSError``: the log
        is then not kept, ``open_log``).
        """
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0) | _NONBLOCK
        fd = os.open(self.baseFilename, flags, LOG_MODE)
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise OSError(f"{self.baseFilename} is not a regular file")
            if _NONBLOCK:
                os.set_blocking(fd, True)
            with contextlib.suppress(OSError):  # a file from an earlier version was 0644
                if hasattr(os, "fchmod"):
                    os.fchmod(fd, LOG_MODE)
                else:  # Windows before Python 3.13
                    os.chmod(self.baseFilename, LOG_MODE)
        except OSError:
            os.close(fd)
            raise
        return os.fdopen(fd, "a", encoding=self.encoding or "utf-8", errors=self.errors)


def open_log() -> logging.Handler:
    """The handler for the server's log, or a null one when the data dir cannot be written."""
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = PrivateFileHandler(
            path, maxBytes=512 * 1024, backupCount=2, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(_NoAddresses("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.INFO)
    return handler


_LOGGERS = ("workshop_tui.voting", "aiohttp.server", "aiohttp.web", "aiohttp.access")
"""Ours and aiohttp's: while voting is open, all of them write to the error log only."""


def attach_log() -> logging.Handler:
    """The error log, attached to the voting server's loggers for as long as voting is open."""
    handler = open_log()
    for name in _LOGGERS:
        logger = logging.getLogger(name)
        logger.addHandler(handler)
        logger.propagate = False  # nothing may reach the terminal: it is the app's screen
    logging.getLogger("workshop_tui.voting").setLevel(logging.INFO)
    return handler


def detach_log(handler: logging.Handler | None) -> None:
    """Take the error log off the loggers again and close it (None: it was never attached)."""
    if handler is None:
        return
    for name in _LOGGERS:
        logging.getLogger(name).removeHandler(handler)
    handler.close()
