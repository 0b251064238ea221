"""The sessions open in the app, as the app quits and rescues them: through their controllers.

The app asks each open session's controller and its save guard, not the screens on its
stack: quitting asks the newest session whether phones are joined to its voting, then its
guard whether anything is unsaved, and a stop on an unexpected error rescues each session
(``SessionController.rescue``) before its lock is given back. A session screen registers
its controller when it is mounted and tells when it closes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol


class Rescuable(Protocol):
    """What an open session offers here (``tui.controller.SessionController``)."""

    @property
    def path(self) -> Path:
        """The session file."""

    def rescue(self) -> bool:
        """Save what is not on disk yet; never raises. True when everything is saved."""


class Guard(Protocol):
    """The session's way out (``tui.leaving.Leaving``): its voting first, then unsaved edits."""

    def confirm_quit(self, leave: Callable[[], None]) -> None:
        """Run ``leave`` at once when nothing is at stake; else ask the facilitator first."""


class OpenSessions:
    """The open sessions, oldest first, and what a stop on an error saved of each."""

    def __init__(self) -> None:
        self._open: list[tuple[Rescuable, Guard]] = []
        self.rescued: list[tuple[Path, bool]] = []
        """Each session rescued on an error, and whether everything in it was saved."""

    def opened(self, controller: Rescuable, guard: Guard) -> None:
        """A session screen was mounted."""
        self._open.append((controller, guard))

    def closing(self, controller: Rescuable, *, stopped: bool) -> None:
        """A session screen is closing; ``stopped``: the app stops on an error, so rescue it first."""
        if stopped:
            self.rescued.append((controller.path, controller.rescue()))
        self._open = [(c, g) for c, g in self._open if c is not controller]

    def rescue_all(self) -> list[tuple[Path, bool]]:
        """Rescue every session still open (an error Textual did not catch); all rescued so far."""
        for controller, _ in list(self._open):
            self.closing(controller, stopped=True)
        return list(self.rescued)

    def confirm_quit(self, leave: Callable[[], None]) -> None:
        """Quit at once, or after asking about the newest open session's voting and unsaved edits."""
        if self._open:
            self._open[-1][1].confirm_quit(leave)
        else:
            leave()
