"""Problems found in files, phrased so a facilitator can fix them.

Every problem names the file, the line (when known), the key, what is wrong and
how to fix it: ``file:line: key: what is wrong — how to fix it``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from workshop_tui.core.i18n import Phrase, t
from workshop_tui.core.text_safety import for_terminal, shown_name

SHOWN_PROBLEMS = 10
"""How many problems of one file a message lists; the rest are counted (see ``problem_lines``)."""


def printable(text: str) -> str:
    """``text`` safe to print to a terminal (``text_safety.for_terminal``, keeping line breaks).

    Titles, texts, keys and file names come from files anyone may have written; printed
    raw, an escape sequence in one could clear the screen, retitle the window or set the
    clipboard.
    """
    return for_terminal(text, multiline=True)


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file: where, what is wrong and how to fix it.

    ``what`` and ``fix`` are phrases (catalogue keys under ``problems.`` and their values),
    said in the reader's language with :meth:`text`; ``str()`` says it in English (logs,
    exception messages).
    """

    file: Path
    key: str
    what: Phrase
    fix: Phrase | None = None
    line: int | None = None
    warning: bool = False
    """A warning does not stop the file from loading (e.g. a missing English text)."""
    hidden: int = 0
    """Not a problem itself: it stands for this many more problems of the file, only counted
    (a file with 200,000 unknown keys keeps the first thousand; see ``reader.Problems``)."""

    def what_in(self, lang: str) -> str:
        """What is wrong, in ``lang``."""
        return self.what.words(lang)

    def fix_in(self, lang: str) -> str:
        """How to fix it, in ``lang`` (empty when there is nothing to say)."""
        return self.fix.words(lang) if self.fix is not None else ""

    def text(self, lang: str) -> str:
        """``file:line: key: what is wrong — how to fix it``, in ``lang``, on one line."""
        where = f"{shown_name(self.file)}:{self.line}" if self.line else shown_name(self.file)
        key = f" {self.key}:" if self.key else ""
        fix = self.fix_in(lang)
        fix = f" — {fix}" if fix else ""
        prefix = f"{t('problems.word.warning', lang)} " if self.warning else ""
        return for_terminal(f"{where}:{key} {prefix}{self.what_in(lang)}{fix}")  # one problem, one line

    def __str__(self) -> str:
        return self.text("en")


def file_problem(
    file: Path,
    key: str,
    what: str,
    fix: str = "",
    /,
    *,
    line: int | None = None,
    warning: bool = False,
    **values: object,
) -> Problem:
    """A :class:`Problem` whose ``what`` and ``fix`` are catalogue keys sharing ``values``."""
    args = tuple(values.items())
    return Problem(file, key, Phrase(what, args), Phrase(fix, args) if fix else None, line, warning)


def in_line_order(problems: Iterable[Problem]) -> list[Problem]:
    """``problems`` by file (in the order first met), then by line (those without one last), else as found.

    A file's checks run one after another (the keys, then each exercise, then the answers),
    so their problems came out of order: ``workshop open`` listed line 1140 before line 41,
    and a facilitator fixing the file from the top had to hunt. Lines compare as numbers.
    Problems on one line, or with no line, keep the order they were found in (the sort is
    stable): the first found is the one to fix. Those without a line go after the placed
    ones: a file of 200,000 unknown keys places only its first ones, and a limit broken
    ("at most 500 participants") must not hide behind what it causes.
    """
    listed = list(problems)
    files: dict[Path, int] = {}
    for problem in listed:
        files.setdefault(problem.file, len(files))
    return sorted(listed, key=lambda p: (files[p.file], p.line is None, p.line or 0))


def problem_lines(problems: Iterable[Problem], lang: str = "en", limit: int = SHOWN_PROBLEMS) -> list[str]:
    """The lines that report ``problems`` in line order: at most ``limit`` per file, then how many more.

    A damaged or hostile file can hold any number of problems (200,000 unknown keys); a
    message that lists them all hides the first, which is the one to fix, and floods the
    terminal. Each file gets the first ``limit`` lines and one line counting the rest.
    """
    lines: list[str] = []
    shown: dict[Path, int] = {}
    hidden: dict[Path, int] = {}
    for problem in in_line_order(problems):
        if problem.hidden:
            hidden[problem.file] = hidden.get(problem.file, 0) + problem.hidden
            continue
        count = shown.get(problem.file, 0)
        if count < limit:
            shown[problem.file] = count + 1
            lines.append(problem.text(lang))
        else:
            hidden[problem.file] = hidden.get(problem.file, 0) + 1
    for file, more in hidden.items():
        lines.append(for_terminal(t("problems.more", lang, n=more, file=shown_name(file))))
    return lines


class FileProblems(Exception):
    """A file could not be used; ``problems`` says every reason found."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        super().__init__("\n".join(problem_lines(problems)))


class SessionWriteError(Exception):
    """A session could not be written; the previous file is still intact."""

    def __init__(self, path: Path, reason: str, errno: int | None = None) -> None:
        self.path = path
        self.reason = reason
        self.errno = errno
        """The OS error number (ENOSPC for a full disk), so a UI can say it in its own language."""
        super().__init__(f"{path}: could not save: {reason}")
