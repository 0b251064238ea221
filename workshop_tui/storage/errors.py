"""Problems found in files, phrased so a facilitator can fix them.

Every problem names the file, the line (when known), the key, what is wrong and
how to fix it: ``file:line: key: what is wrong — how to fix it``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` safe to print to a terminal: control characters shown as ``\\x1b`` and the like.

    Titles, texts, keys and file names come from files anyone may have written; printed
    raw, an escape sequence in one could clear the screen, retitle the window or set the
    clipboard. Tabs and line breaks are kept.
    """
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file."""

    file: Path
    key: str
    what: str
    fix: str = ""
    line: int | None = None
    warning: bool = False
    """A warning does not stop the file from loading (e.g. a missing English text)."""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else f"{self.file}"
        key = f" {self.key}:" if self.key else ""
        fix = f" — {self.fix}" if self.fix else ""
        prefix = "warning: " if self.warning else ""
        return printable(f"{where}:{key} {prefix}{self.what}{fix}")


class FileProblems(Exception):
    """A file could not be used; ``problems`` says every reason found."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class SessionWriteError(Exception):
    """A session could not be written; the previous file is still intact."""

    def __init__(self, path: Path, reason: str, errno: int | None = None) -> None:
        self.path = path
        self.reason = reason
        self.errno = errno
        """The OS error number (ENOSPC for a full disk), so a UI can say it in its own language."""
        super().__init__(f"{path}: could not save: {reason}")
