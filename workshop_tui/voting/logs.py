"""The voting server's error log: a file in the data dir, with addresses blanked out.

Textual swallows stdout and stderr while it runs, so server errors go to a file; no
address of a participant's device is ever written there.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from workshop_tui.storage.locations import data_dir

_ADDRESS = re.compile(
    r"\b\d{1,3}(?:\.\d{1,3}){3}\b"  # IPv4
    r"|\b(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}\b"  # IPv6, in full
    # IPv6 shortened with ::
    r"|(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4})*)?::(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4})*)?"
)


def log_path() -> Path:
    """The server's error log (Textual swallows stdout and stderr while it runs)."""
    return data_dir() / "logs" / "voting.log"


class _NoAddresses(logging.Formatter):
    """Blanks out anything that looks like an IP address in messages and tracebacks (not the time)."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 (logging's name)
        record.message = _ADDRESS.sub("<address>", record.message)
        return super().formatMessage(record)

    def formatException(self, ei: Any) -> str:  # noqa: N802
        return _ADDRESS.sub("<address>", super().formatException(ei))
