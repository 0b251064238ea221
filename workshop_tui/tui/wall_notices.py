"""Notices while the wall is up: held back, and shown when the facilitator leaves the wall (wall25).

The laptop's screen is usually mirrored to the projector, so a notice (Textual's toast) on the
F2 wall is read by the whole room. Of the notices that can come while the wall is up, several
carry what the room must not see: a failed save's reason and the session's path (the
facilitator's home folder), a kept-aside conflict copy's folder, two participant names that
read as one (at opening, 30 s), a screenshot's path; the rest are the facilitator's own
(the timer's end, already on the wall as 00:00; "answers are hidden, F3 reveals them") and
only noise for the room.

One rule, here, for every notice of the app: while the wall is in the screen stack (on top, or
under a dialog opened over it) no notice's text is shown. Each is held, and the wall shows one
neutral line instead: how many are waiting and that F2 shows them, in red when one of them is
an error (a save that failed needs the facilitator now, so that line stays until the wall is
left; the others' line goes after a few seconds). Notices already showing when the wall opens
are held too. When the wall is closed, the held notices are shown on the screen below, each for
its full time, in the order they came; one withdrawn meanwhile (``notices.withdraw``: "saved
again" takes "not saved" away) is not shown. ``workshop present`` shows no notices at all
(``PresentApp.notify``).

At most ``MAX_SHOWN`` come back (wallfit26): after an hour on the wall a dozen toasts popped at
once over the grid, the first gone before the facilitator reached the last. The errors come
first (a save that failed needs the facilitator now), then the latest of the rest, each group
in the order it came; one more notice says how many are not shown ("+ 9 beskeder mere …").

Leans on Textual's notification collection (``App._notifications``), as ``notices.py`` does:
there is no public way to take a notice back before its time.
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.notifications import Notification, SeverityLevel

from workshop_tui.core.i18n import t

SUMMARY_SECONDS = 6.0
"""How long the neutral line stays on the wall when no error is held."""

MAX_SHOWN = 3
"""The most held notices shown when the wall is left; one more line counts the rest."""

MORE_SECONDS = 8.0
"""How long "+ N more notices, not shown" stays."""

RANK = {"error": 0, "warning": 1}
"""Which held notices come back first when not all do: errors, then warnings, then the rest."""

UNTIL_LEFT = 24 * 3600.0
"""An error's neutral line stays until the wall is left (then it is taken away)."""


class WallNotices:
    """The notices held while the wall is up, and the one neutral line shown in their place."""

    def __init__(self) -> None:
        self.held: list[Notification] = []
        self._summary: Notification | None = None

    def sort(self, app: App[Any], lang: str, *, wall_up: bool) -> None:
        """Before Textual shows the app's notices: hold them while ``wall_up``, give them back after.

        Called for every change of the notices and every screen resumed (``AppWords``); whether
        the wall is up is the app's to say (``WorkshopApp.wall_is_up``: only it reads the stack).
        """
        shown = app._notifications
        if wall_up:
            for notice in list(shown):
                if self._summary is None or notice.identity != self._summary.identity:
                    del shown[notice]
                    self._hold(notice)
            self._summarise(app, lang)
            return
        if self._summary is not None:
            del shown[self._summary]
            self._summary = None
        kept = self._kept()
        for notice in kept:
            shown.add(
                Notification(notice.message, notice.title, notice.severity, notice.timeout, markup=False)
            )
        if len(self.held) > len(kept):
            more = t("tui.wall_notices.more", lang, n=len(self.held) - len(kept))
            shown.add(Notification(more, "", "information", MORE_SECONDS, markup=False))
        self.held = []

    def _kept(self) -> list[Notification]:
        """The held notices shown on leaving: errors first, then the latest; each in the order it came."""
        by_need = sorted(range(len(self.held)), key=lambda i: (RANK.get(self.held[i].severity, 2), -i))
        chosen = by_need[:MAX_SHOWN]
        return [self.held[i] for i in sorted(chosen, key=lambda i: (self.held[i].severity != "error", i))]

    def withdraw(self, message: str) -> bool:
        """Forget held notices that say ``message``; True if any was held."""
        kept = [notice for notice in self.held if notice.message != message]
        dropped = len(kept) != len(self.held)
        self.held = kept
        return dropped

    def _hold(self, notice: Notification) -> None:
        # The same words said again while the wall is up are shown once, at the place of the last.
        self.held = [
            other for other in self.held if other.message != notice.message or other.title != notice.title
        ]
        self.held.append(notice)

    def _summarise(self, app: App[Any], lang: str) -> None:
        """The neutral line: replaced only when what it says changes (its time is not restarted)."""
        shown = app._notifications
        error = any(notice.severity == "error" for notice in self.held)
        n = len(self.held)
        message = (
            t("tui.wall_notices.held_error" if error else "tui.wall_notices.held", lang, n=n) if n else ""
        )
        if self._summary is not None and self._summary.message == message:
            return
        if self._summary is not None:
            del shown[self._summary]
            self._summary = None
        if not n:
            return
        severity: SeverityLevel = "error" if error else "information"
        self._summary = Notification(message, "", severity, UNTIL_LEFT if error else SUMMARY_SECONDS)
        shown.add(self._summary)
