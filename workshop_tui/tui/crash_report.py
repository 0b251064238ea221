"""What the terminal says after an unexpected error stopped the app, and the crash log's text.

Kept apart from the app (``tui.app``): it is made only after a crash, from the open
sessions the app rescued and the log ``core.crashlog`` wrote.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

from workshop_tui.core.i18n import t
from workshop_tui.core.text_safety import for_terminal


@dataclass(frozen=True)
class CrashReport:
    """What the app did when an unexpected error stopped it."""

    log: Path | None
    """The log with the traceback (None: it could not be written)."""
    sessions: list[tuple[Path, bool]]
    """Each open session file, and whether everything in it was saved."""

    def message(self, lang: str) -> str:
        """What the terminal says after the app has stopped: what is saved, where the log is."""
        lines = [t("tui.crash.stopped", lang)]
        for path, saved in self.sessions:
            lines.append(t("tui.crash.saved" if saved else "tui.crash.not_saved", lang, path=path))
        lines.append(t("tui.crash.log", lang, path=self.log) if self.log else t("tui.crash.no_log", lang))
        for path, _ in self.sessions[-1:]:
            lines.append(t("tui.crash.again", lang, path=shlex.quote(str(path))))
        # Printed on the terminal once the app has gone: a file's name (one unpacked from a mailed
        # archive) may hold an escape sequence, which ``shlex.quote`` leaves in.
        return for_terminal("\n".join(lines), multiline=True)


_LOCALS = re.compile(r"^[│ ]*╭─+ locals ─+╮")
_BOX_END = re.compile(r"^[│ ]*╰─+╯")


def without_locals(report: str) -> str:
    """Textual's report of an error without its panels of local variables.

    Textual draws every frame's locals (show_locals), and they may hold a session's names
    and answers, which the crash log must not (see ``core.crashlog``).
    """
    kept: list[str] = []
    inside = False
    for line in report.splitlines():
        if not inside and _LOCALS.match(line):
            inside = True
            continue
        if inside:
            inside = _BOX_END.match(line) is None
            continue
        kept.append(line)
    return "\n".join(kept)
