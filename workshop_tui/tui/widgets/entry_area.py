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

from workshop_tui.tui.widgets.entry import FieldEdited, FieldKey, run_own_binding


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

    async def _on_key(self, event: events.Key) -> None:
        if not await run_own_binding(self, event):
            await super()._on_key(event)

    def load(self, field: FieldKey, value: str, *, gently: bool = False) -> None:
        """Show ``value`` as the content of ``field`` (nothing is reported; ``gently``: see EntryInput)."""
        if gently and ((self.has_focus and self.typed) or self.field != field or self.text != self.shown):
            return
        self.field = field
        self.shown = value
        self.typed = False
        if self.text != value:
            self._loading = True
            try:
                self.load_text(value)
            finally:
                self._loading = False
            if self.has_focus:
                self.move_cursor(self.document.end)

    def post_message(self, message: Message) -> bool:
        if isinstance(message, TextArea.Changed) and message.text_area is self:
            if self._loading:
                return False
            if self.field is not None:
                super().post_message(FieldEdited(self.field, self.text, self.shown))
                self.shown = self.text
                self.typed = True
        return super().post_message(message)

    def on_focus(self, event: events.Focus) -> None:
        if not event.from_app_focus:
            self.move_cursor(self.document.end)
