"""Withdrawing a notice that no longer applies.

A notice stays its whole time (8 to 60 seconds) even when what it said has stopped being
true: "Saved again" sat next to the question "Changes are not saved" (found by hand at
80x24). The code that learns the opposite withdraws the older notice, so the screen never
says both at once.
"""

from __future__ import annotations

from typing import Any

from textual.app import App

from workshop_tui.core.text_safety import for_terminal


def withdraw(app: App[Any], message: str) -> None:
    """Take away every notice that says ``message`` (as the app's ``notify`` showed it).

    A notice held while the wall is up (``wall_notices``) is forgotten there too.
    Leans on Textual's ``App._notifications`` and ``App._unnotify`` (no public way to take
    one notice away; ``clear_notifications`` takes all, also those that still apply).
    """
    shown = for_terminal(message, multiline=True)
    held = getattr(app, "wall_notices", None)
    if held is not None and held.withdraw(shown):
        app._refresh_notifications()  # the wall's neutral line counts one fewer
    stale = [notice for notice in app._notifications if notice.message == shown]
    for notice in stale:
        app._unnotify(notice, refresh=notice is stale[-1])
