"""The header at the top of every screen, safe while its screen closes.

Textual's ``Header`` watches the app's and the screen's title and updates its title widget
in a callback that runs a little later. When the screen changed its title just before it
closed (a fast Esc after a new exercise was shown), the title widget could already be gone
when the callback ran: ``query_one`` raised ``NoMatches`` and the whole app stopped, in
front of the room. Textual catches only ``NoScreen`` there; this header also lets a missing
title widget pass, as there is then nothing left to update.
"""

from __future__ import annotations

import contextlib

from textual.css.query import NoMatches
from textual.dom import NoScreen
from textual.events import Mount
from textual.widget import Widget
from textual.widgets import Header
from textual.widgets._header import HeaderTitle


class SafeHeader(Header):
    """``Header`` whose title update is a no-op once its title widget has gone."""

    def _on_mount(self, event: Mount) -> None:
        # Textual's own ``Header._on_mount`` with the one change above, mirrored: its watchers
        # are what this replaces, so the event stops here (Textual calls the handler of every
        # class up the MRO otherwise) and ``Widget``'s own handler is called by hand.
        event.prevent_default()
        Widget._on_mount(self, event)

        async def set_title() -> None:
            with contextlib.suppress(NoScreen, NoMatches):
                self.query_one(HeaderTitle).update(self.format_title())

        self.watch(self.app, "title", set_title)
        self.watch(self.app, "sub_title", set_title)
        self.watch(self.screen, "title", set_title)
        self.watch(self.screen, "sub_title", set_title)
