"""Following the main app from a second window: what ``workshop present`` reads, and when.

The follower never writes and never takes the session's lock. Every ``POLL_SECONDS`` it
looks at up to three files by ``stat`` alone (the running marker when it follows whatever
the main app opens, the session file, and its live side file; see ``core/storage/live.py``)
and reads a file only when its identity, size or time changed. The main app replaces each
file atomically, so a read sees a whole version; a file that cannot be used (damaged, or
from a newer workshop-tui) leaves the last good state in place and sets ``problems``, which
the window shows beside its last good frame.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from workshop_tui.core.i18n import t
from workshop_tui.core.model import Session
from workshop_tui.core.storage.conflicts import StatKey, stat_key
from workshop_tui.core.storage.errors import FileProblems, problem_lines
from workshop_tui.core.storage.errors import Problem as FileProblem
from workshop_tui.core.storage.live import (
    Live,
    LiveProblem,
    live_path,
    read_live,
    read_running,
    running_path,
    writer_gone,
)
from workshop_tui.core.storage.sessions import load_session
from workshop_tui.core.text_safety import ShownCopies, for_terminal

POLL_SECONDS = 0.05
"""How often the files are looked at: well inside the 200 ms a change may take to reach the wall."""
STALE_SECONDS = 15.0
"""A side file whose heartbeat (``Live.beat``, renewed every 5 s) is this old is left behind:
its timer and voting board are not followed, and the window says so."""
SKEW_SECONDS = 600.0
"""Another computer's clock may be off: its file counts as left behind at once only when its
heartbeat is this old by our clock; else once it has not been renewed for ``STALE_SECONDS``."""


def left_behind(live: Live, unchanged_for: float, now: float, here: str) -> bool:
    """Whether the main app that wrote ``live`` no longer writes it (killed, or on another computer).

    Args:
        unchanged_for: seconds (by this window's clock) since its heartbeat last changed.
        now: this computer's time (seconds since 1970).
        here: this computer's name.
    """
    if live.beat <= 0:  # from a workshop-tui without a heartbeat: only the process can be checked
        return False
    if live.host == here:
        return now - live.beat > STALE_SECONDS
    return unchanged_for > STALE_SECONDS or now - live.beat > SKEW_SECONDS


def written_at(beat: float, now: float) -> str:
    """When a heartbeat was, as a reader names it: the time today, else the date and time."""
    moment = time.localtime(beat)
    same_day = moment[:3] == time.localtime(now)[:3]
    return time.strftime("%H:%M:%S" if same_day else "%Y-%m-%d %H:%M", moment)


@dataclass(frozen=True)
class Problem:
    """Why the window cannot show the newest state (an i18n key and its values)."""

    key: str
    values: dict[str, object]
    found: Sequence[FileProblem] = field(default=())
    """A session file's problems, named in the message in the interface language."""

    def text(self, lang: str) -> str:
        """The message in ``lang``."""
        detail = "\n".join(problem_lines(list(self.found), lang, limit=3))
        return t(self.key, lang, **self.values, detail=for_terminal(detail, multiline=True))


class Follower:
    """The newest good session and side file of the session the main app runs."""

    def __init__(self, session_file: Path | None) -> None:
        self.fixed = session_file
        """The session given on the command line; None: follow the running marker."""
        self.path: Path | None = session_file
        """The session file followed now."""
        self.session: Session | None = None
        """The newest good version (texts fit for the terminal), or None before the first."""
        self.live: Live | None = None
        """The newest good side file; None while the main app does not run this session."""
        self.main_runs = False
        """Whether the main app has this session open (the running marker names it)."""
        self.lang: str | None = None
        """The main app's language as last read (kept when it closes, so the wall does not switch)."""
        self.problems: tuple[Problem, ...] = ()
        """What keeps the wall from the newest state: the session file's problem, then the side file's."""
        self._problems: dict[str, Problem] = {}
        self._keys: dict[str, StatKey | None] = {}
        self._shown = ShownCopies()
        self._beat = (0.0, 0.0)
        """The side file's last heartbeat, and when (``time.monotonic``) this window first saw it."""

    def poll(self) -> bool:
        """Look for changes; True when something the window shows changed."""
        changed = self._follow_marker()
        if self.path is not None:
            changed |= self._check("session", self.path, self._read_session)
            changed |= self._check("live", live_path(self.path), self._read_live)
        live = self.live
        if live is not None and writer_gone(live.pid, live.host):
            self.live, changed = None, True  # the main app was killed: its timer and QR are not live
        elif live is not None and self.path is not None:
            unchanged = time.monotonic() - self._beat[1]
            if left_behind(live, unchanged, time.time(), socket.gethostname()):
                # Left behind (a synced folder from another computer, or an app that stopped):
                # the wall shows the session as saved, and says why it does not follow the file.
                self.live, changed = None, True
                self._problems["live"] = Problem(
                    "present.problem.stale",
                    {
                        "file": live_path(self.path).name,
                        "host": for_terminal(live.host),
                        "pid": live.pid,
                        "time": written_at(live.beat, time.time()),
                    },
                )
        problems = tuple(self._problems[name] for name in ("session", "live") if name in self._problems)
        if problems != self.problems:
            self.problems, changed = problems, True
        return changed

    @property
    def timer(self) -> int | None:
        """Seconds left on the exercise's timer: the main app's, else the saved set time (as it shows)."""
        live, session = self.live, self.session
        if live is not None:
            return live.timer.left if live.timer is not None else None
        return session.timers.get(self.exercise_id) if session is not None else None

    @property
    def exercise_id(self) -> str:
        """The exercise on show: the main app's, else the one the session file was left at."""
        session = self.session
        if session is None:
            return ""
        if self.live is not None and self.live.exercise in session.agenda:
            return self.live.exercise
        stored = session.position.exercise
        if stored in session.agenda:
            return stored
        return session.agenda[0] if session.agenda else ""

    def _follow_marker(self) -> bool:
        """Read the running marker when it changed: which session the main app runs (and follow it)."""
        key = stat_key(running_path())
        if "marker" in self._keys and key == self._keys["marker"]:
            return False
        self._keys["marker"] = key
        running = read_running()
        self.main_runs = running is not None and self.path is not None and running == self.path.resolve()
        if self.fixed is not None or running == self.path:
            return True
        self.path, self.session, self.live, self.main_runs = running, None, None, running is not None
        self._keys.pop("session", None)
        self._keys.pop("live", None)
        self._problems.clear()
        return True

    def _check(self, name: str, path: Path, read: Callable[[Path, bool], bool]) -> bool:
        key = stat_key(path)
        if name in self._keys and key == self._keys[name]:
            return False
        self._keys[name] = key  # taken before reading: a save during the read is seen next time
        return read(path, key is None)

    def _read_session(self, path: Path, gone: bool) -> bool:
        if gone:
            if self.session is None:
                self._problems["session"] = Problem("present.problem.missing", {"file": str(path)})
            return True
        try:
            session = load_session(path)
        except FileProblems as error:
            self._problems["session"] = Problem("present.problem.session", {}, tuple(error.problems))
            return True
        self._problems.pop("session", None)
        self.session = self._shown(session)
        return True

    def _read_live(self, path: Path, gone: bool) -> bool:
        if gone:
            self.live = None
            self._problems.pop("live", None)
            return True
        try:
            live = read_live(self.path or path)
        except LiveProblem as error:
            self._problems["live"] = Problem(
                error.key, {k: for_terminal(str(v)) for k, v in error.values.items()}
            )
            return True
        self._problems.pop("live", None)
        self.live = live
        if live is not None:
            self.lang = live.lang
            if live.beat != self._beat[0]:
                self._beat = (live.beat, time.monotonic())
        return True
