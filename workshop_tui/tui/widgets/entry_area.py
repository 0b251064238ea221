"""The multi-line field bound to a session field (``EntryArea``), apart from the one-line ones.

Textual's ``TextArea`` brings its document, history and syntax-theme modules with it, some
15 ms of a start; a session that opens on a grid or a list has no such field, so this
module is imported only by the views that have one (see ``widgets/entry.py`` for how all
the fields report their edits).
"""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widgets import TextArea

from workshop_tui.core.writing import moved
from workshop_tui.tui.widgets.entry import (
    FieldEdited,
    FieldKey,
    kept_from_gentle_load,
    run_own_binding,
    settle,
)


class EntryArea(TextArea):
    """A multi-line field (Enter makes a new line) bound to a session field.

    Its keys are applied in the order they arrive (``run_own_binding``); Enter, a key the
    text area types itself, keeps every line break of a paste.
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.field: FieldKey | None = None
        self._loading = False
        self.shown = ""
        """The text last loaded or reported: what the facilitator's typing started from."""
        self.typed = False
        """The facilitator typed here since it was last loaded (``load``'s ``gently``)."""
        self._held: tuple[str, str] | None = None
        """(text, what the session held once that text's edit was applied): see EntryInput."""

    async def _on_key(self, event: events.Key) -> None:
        if not await run_own_binding(self, event):
            await super()._on_key(event)

    def load(self, field: FieldKey, value: str, *, gently: bool = False) -> None:
        """Show ``value`` as ``field``'s content, reporting nothing.

        ``gently``: a text that arrived from a device (``kept_from_gentle_load``).
        """
        if gently and kept_from_gentle_load(self, self.text, field, value):
            return
        self.field = field
        self.shown = value
        self.typed = False
        self._held = (value, value)
        if self.text != value:
            self._loading = True
            try:
                self.load_text(value)
            finally:
                self._loading = False
            if self.has_focus:
                self.move_cursor(self.document.end)

    def settled(self, field: FieldKey, value: str, held: str, merged: bool) -> None:
        """The edit that typed ``value`` is applied: see ``EntryInput.settled``."""
        settle(self, self.text, field, value, held, merged)

    def _follow(self, text: str) -> None:
        """Show ``text`` (a device's words merged with the facilitator's), the cursor mapped.

        ``load_text`` also empties the field's own undo history, so its Ctrl+Z can never
        take the device's words out again without a trace.
        """
        row, column = self.cursor_location
        lines = self.text.split("\n")
        cursor = moved(sum(len(line) + 1 for line in lines[:row]) + column, self.text, text)
        self._loading = True
        try:
            self.load_text(text)
        finally:
            self._loading = False
        before = text[:cursor].split("\n")
        self.move_cursor((len(before) - 1, len(before[-1])))
        self.shown = text
        self._held = (text, text)

    def post_message(self, message: Message) -> bool:
        if isinstance(message, TextArea.Changed) and message.text_area is self:
            if self._loading:
                return False
            if self.field is not None:
                super().post_message(FieldEdited(self.field, self.text, self.shown, self.settled))
                self.shown = self.text
                self.typed = True
        return super().post_message(message)

    def on_focus(self, event: events.Focus) -> None:
        if not event.from_app_focus:
            self.move_cursor(self.document.end)
