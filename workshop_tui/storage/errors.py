"""Problems found in files, phrased so a facilitator can fix them.

Every problem names the file, the line (when known), the key, what is wrong and
how to fix it: ``file:line: key: what is wrong — how to fix it``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


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
        return f"{where}:{key} {prefix}{self.what}{fix}"


class FileProblems(Exception):
    """A file could not be used; ``problems`` says every reason found."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class SessionWriteError(Exception):
    """A session could not be written; the previous file is still intact."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: could not save: {reason}")
