"""F1's help scrolls from the keyboard while it is open (wall25).

The help panel's text (every key of the screen) takes the panel's height and scrolls where it
does not fit: at 80x24 the session's keys ran past F6, and the rest could only be reached with
the mouse wheel, in an app that promises everything from the keyboard. While the help is open,
PageUp/PageDown, the arrows up and down, Home and End scroll it. Closed, the keys are the
screen's as before: the bindings below say no (``check_action``), so Textual hands the key on
to the grid or field. In a text field the arrows, Home and End stay the field's (they move in
its text); PageUp/PageDown still scroll the help.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.widget import Widget

SCROLLS = {
    "pageup": "page_up",
    "pagedown": "page_down",
    "up": "up",
    "down": "down",
    "home": "home",
    "end": "end",
}
"""Each key and how it scrolls the help (``Widget.scroll_<how>``)."""

FIELD_KEEPS = {"up", "down", "home", "end"}
"""The ways a text field keeps for itself: they move the cursor in its text."""


class HelpKeys(App[int]):
    """The keys that scroll F1's help while it is open; no key taken while it is closed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(key, f"help_scroll('{how}')", show=False, priority=True, system=True)
        for key, how in SCROLLS.items()
    ]

    def _open_help(self) -> Widget | None:
        """The open help's text (Textual's ``HelpPanel`` ``#widget-help``), or None if closed.

        Asked on every arrow key: Textual mounts the panel on the screen itself, so only the
        screen's children are looked at, not its whole tree (a query walked every widget).
        """
        for child in self.screen.children:
            if type(child).__name__ == "HelpPanel":  # by name: its module (Markdown's) loads on F1
                found = child.query_children("#widget-help")
                return found.first() if found else None
        return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``help_scroll`` only while the help is open (and not a field's own keys in a field)."""
        if action != "help_scroll":
            return super().check_action(action, parameters)
        if self._open_help() is None:
            return False
        if not parameters or parameters[0] not in FIELD_KEEPS:
            return True
        from textual.widgets import Input, TextArea  # here: TextArea's modules load only when needed

        return not isinstance(self.screen.focused, (Input, TextArea))

    def action_help_scroll(self, how: str) -> None:
        """Scroll the help: a page, a line, or to its start or end."""
        text = self._open_help()
        if text is not None and how in SCROLLS.values():
            getattr(text, f"scroll_{how}")(animate=False)
