"""Text fields that know which session field they hold, so a typed text always lands in its own field.

A view loads a field (``load``) with the session value and a *field key* naming where
that value lives: ``("text", group, box)``, ``("cell", group, row, column)`` and so on.
Every change the facilitator makes is reported as ``FieldEdited`` with the key and the
value *as they were at that keystroke*. The report travels up to the view through the
event queues while more keys arrive; by the time the view handles it, the view may show
another group or the field another row. Reading the group or the text then (as a plain
``Changed`` handler does) saved one group's words into another's field, or an older text
over a newer one. Loading a value reports nothing, so a refill is never saved back.

Focusing a field puts the cursor at the end of its text (Textual's ``Input`` selects all
on focus, so the next key would replace the whole answer).

Keys are applied in the order they arrive (``InOrderInput``, ``run_own_binding``): Textual
types a character as soon as the field gets it, but runs a field's own bound keys
(Backspace, Delete, arrows, Enter) only once the key has bubbled up to the app, so in a
burst such as Backspace 7 the 7 was typed first and then deleted.

A line break that a terminal delivers in the same burst as the next line is a paste that
came without bracketed paste: a one-line field joins the lines with a space, as it does for
a bracketed paste, instead of running the words together (``EntryInput``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from rich.console import RenderableType
from textual import events
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Select
from textual.widgets.input import Selection

from workshop_tui.core.writing import moved

LINE_BREAKS = ("enter", "ctrl+j")
"""A line break as keys: CR (tmux, most terminals) or LF."""

FieldKey = tuple[str, ...]
"""Where a field's value lives in the session, e.g. ``("text", group id, box key)``."""

PASTE_GAP = 0.25
"""Seconds: a key this soon after a line break is taken for the next line of a paste.

A terminal delivers a paste in one read, so its keys are parsed microseconds apart; on a
busy machine the thread that parses them can wait tens of milliseconds between two keys,
and words run together are worse than a space after an Enter typed quickly before more
text (Enter does nothing else in a one-line field), hence the generous margin.
"""


async def run_own_binding(widget: Widget, event: events.Key) -> bool:
    """Run the widget's own (non-priority) binding for ``event`` now, in the order keys arrive.

    Textual would run it only after the key bubbled up to the app, by which time the keys
    that came after it in the same burst are already typed. The binding is the one Textual
    would pick anyway (the focused widget's own bindings come first). True when it ran.
    """
    for binding in widget._bindings.key_to_bindings.get(event.key, ()):
        if not binding.priority and await widget.app.run_action(binding.action, widget):
            event.stop()
            event.prevent_default()
            return True
    return False


class _Bound(Protocol):
    """What a bound text field (``EntryInput``, ``EntryArea``) keeps of what it shows."""

    field: FieldKey | None
    shown: str
    typed: bool
    _held: tuple[str, str] | None

    @property
    def has_focus(self) -> bool: ...

    def _follow(self, text: str) -> None: ...


def kept_from_gentle_load(widget: _Bound, text: str, field: FieldKey, value: str) -> bool:
    """Whether ``widget`` (showing ``text``) keeps its text when a device's ``value`` for ``field`` arrives.

    The one rule for both kinds of text field (one-line ``value``, multi-line ``text``).
    A field that has the keyboard but was not typed in since it was loaded takes it (False):
    opening an action list puts the cursor in the first action, and a scribe's words there
    stayed out of sight (under the "✎ skriver…" mark) until the facilitator left the field.
    A field typed in takes it once the session holds all the facilitator typed (no edit on
    its way), the cursor kept right after their own typing (``_follow``, as ``settled``
    does); with an edit on its way, that edit's answer shows it. A field showing another
    group's or row's text, or holding typing not yet reported, is left as it is.
    """
    if widget.field == field and widget.has_focus and widget.typed:
        held = widget._held
        if text == widget.shown and held is not None and held[0] == text != value != held[1]:
            widget._follow(value)  # a device wrote here since the last edit: shown, cursor kept
        return True
    return widget.field != field or text != widget.shown


def settle(widget: _Bound, text: str, field: FieldKey, value: str, held: str, merged: bool) -> None:
    """The edit that typed ``value`` into ``widget`` (showing ``text``) is applied; the session holds
    ``held`` there: the rule of both text fields' ``settled``."""
    if field != widget.field:
        return  # the field shows another group's or row's text by now
    widget._held = (value, held)
    if merged and text == value == widget.shown and widget.has_focus:
        widget._follow(held)


class InOrderInput(Input):
    """A one-line input that applies every key in the order it arrives (see ``run_own_binding``).

    Every one-line field of the app is one (the session's fields, the new-session form, the
    dialogs), so a pasted text is joined into one line by the same rule everywhere: lines
    joined with a space (``_on_paste``, and ``_on_key`` for a paste without bracketed paste).
    Textual's ``Input`` keeps only the first line: "Region Midt⏎Hospitalsenhed Vest" pasted
    as an organisation became "Region Midt", without a sign.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._line_break: float | None = None
        """When the last line break arrived (``event.time``), until the next printable key."""

    async def _on_key(self, event: events.Key) -> None:
        """Join the lines of an unbracketed paste with a space, as ``_on_paste`` does.

        A line break is then one more key: Enter, which a one-line field has no use for, so
        "sygehuset⏎anden" became "sygehusetanden". A key that follows a line break within
        ``PASTE_GAP`` is the next line of the same paste: leading blanks are dropped and one
        space separates it from the text before. Enter itself still does what it did.
        """
        if event.key in LINE_BREAKS:
            self._line_break = event.time
        elif self._line_break is not None and event.is_printable and event.character is not None:
            pasted = event.time - self._line_break <= PASTE_GAP
            if pasted and event.character.isspace():
                self._line_break = event.time  # a blank at the start of the next line
                event.stop()
                event.prevent_default()
                return
            self._line_break = None
            if pasted:
                event.stop()
                event.prevent_default()
                self._type(event.character)
                return
        else:
            self._line_break = None
        if event.key == "ctrl+j":  # LF: a line break, with nothing to submit
            event.stop()
            event.prevent_default()
            return
        if not await run_own_binding(self, event):
            await super()._on_key(event)

    def _on_blur(self, event: events.Blur) -> None:
        self._line_break = None  # a paste never goes on in another field
        super()._on_blur(event)

    def _type(self, character: str) -> None:
        """Type the first character of a pasted line: after a space unless a blank is before it."""
        selection = self.selection
        start = min(selection) if not selection.is_empty else self.cursor_position
        text = character if start == 0 or self.value[start - 1].isspace() else " " + character
        if selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *selection)

    def _on_paste(self, event: events.Paste) -> None:
        """Paste every line, joined by a space: Textual's ``Input`` keeps only the first line.

        A tab becomes a space too (a spreadsheet's row): the row's words stay one line of
        text. (A Tab that arrives as a key is always a move to the next field: see
        ``tui/keygate.py`` on why pastes are told apart by bracketed paste only.)

        A facilitator pasting an action copied from an e-mail over two lines would otherwise
        lose the second line without a sign.
        """
        lines = [line.strip() for line in event.text.replace("\t", " ").splitlines()]
        joined = " ".join(line for line in lines if line)
        if event.text[:1].isspace() and joined:
            joined = " " + joined  # a leading space separates it from the text before
        event.prevent_default()  # Textual's own handler would insert the first line again
        event.stop()
        if not joined:
            return
        selection = self.selection
        if selection.is_empty:
            self.insert_text_at_cursor(joined)
        else:
            self.replace(joined, *selection)


@dataclass
class FieldEdited(Message):
    """The facilitator changed a field: ``value`` is its whole text at that keystroke."""

    field: FieldKey
    value: str
    before: str = ""
    """The field's value before this change (as loaded, or as last reported): the text the
    facilitator typed over, so an edit can keep what a device wrote meanwhile."""
    settled: Callable[[FieldKey, str, str, bool], None] | None = None
    """Told, once the edit is applied, ``field``, ``value``, the field's text then, and whether a device's
    words were merged in (the field's ``settled``)."""

    def can_replace(self, message: Message) -> bool:
        """A newer report of the same field (next in the queue) makes this one stale.

        The newer one then was typed over what this one was typed over (this one is never applied).
        """
        if isinstance(message, FieldEdited) and message.field == self.field:
            message.before = self.before
            return True
        return False


class EntryInput(InOrderInput):
    """A one-line field bound to a session field."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(select_on_focus=False, **kwargs)
        self.field: FieldKey | None = None
        self._loading = False
        self.shown = ""
        """The value last loaded or reported: what the facilitator's typing started from."""
        self.typed = False
        """The facilitator typed here since it was last loaded (``load``'s ``gently``)."""
        self._held: tuple[str, str] | None = None
        """(value, what the session held once that value's edit was applied): see ``settled``."""
        self.resting = False
        """Focused, the cursor at the end, but no key of the field's since: the text is shown
        from its start (``_watch_selection``) until a key of the field wakes it (``_on_key``)."""

    def _on_blur(self, event: events.Blur) -> None:
        """Show the text from its start once the keyboard has left the field.

        Textual leaves a field scrolled to where its cursor was: a long action then reads
        "6 i seks uger, bemandet af …" (the tail of "… kl. 10–16 i seks uger, …"), a fragment
        the room takes for another action. Coming back puts the cursor at the end again
        (``_on_focus``), so typing goes on where it was.
        """
        super()._on_blur(event)
        self.resting = False
        self.cursor_position = 0

    def _watch_selection(self, selection: Selection) -> None:
        """Keep a resting field's text in view from its start; otherwise Textual's scrolling.

        Focus puts the cursor after the text, and Textual scrolls the field to it: a narrow
        cell then shows only the tail, "… udskrivningen" as "ingen" (Danish: "none") on the
        wall while nobody types. The cursor stays at the end for the next key.
        """
        if not self.resting:
            super()._watch_selection(selection)
            return
        self.app.clear_selection()
        self.scroll_to(x=0, animate=False, immediate=True)
        self.app.cursor_position = self.cursor_screen_offset

    async def _on_key(self, event: events.Key) -> None:
        """A key the field itself takes (a character, its own bindings) brings the cursor into
        view before it acts, so typing, End or Backspace are seen where they happen; a key for
        the screen (F2, Ctrl+N, Tab) leaves the text shown from its start. Only the flag is
        handled here: Textual then runs ``InOrderInput._on_key`` (every class's handler runs)."""
        if self.resting and (event.is_printable or event.key in self._bindings.key_to_bindings):
            self.resting = False
            super()._watch_selection(self.selection)

    def _on_paste(self, event: events.Paste) -> None:
        """A paste lands at the cursor: in view (``InOrderInput._on_paste`` then pastes)."""
        if self.resting:
            self.resting = False
            super()._watch_selection(self.selection)

    def load(self, field: FieldKey, value: str, *, gently: bool = False) -> None:
        """Show ``value`` as the content of ``field`` (reported as nothing edited).

        ``gently``: a text that arrived from a device (``kept_from_gentle_load``).
        """
        if gently and kept_from_gentle_load(self, self.value, field, value):
            return
        self.field = field
        self.shown = value
        self.typed = False
        self._held = (value, value)
        self.remove_class("-invalid")  # what is saved is shown: nothing refused is in view
        if self.value != value:
            self._loading = True
            try:
                self.value = value
            finally:
                self._loading = False
            self.resting = self.has_focus  # loaded, not typed: shown from its start
            self.cursor_position = len(value) if self.has_focus else 0

    def settled(self, field: FieldKey, value: str, held: str, merged: bool) -> None:
        """The edit that typed ``value`` is applied; the session holds ``held`` in this field.

        With a device's words merged in and nothing typed since, the field shows them, the
        cursor right after the facilitator's own typing. Left out of sight, every next key
        was merged against a text without the device's words (``core.writing.three_way`` on
        a stale base) and the two writers' letters ended up interleaved in one word.
        """
        settle(self, self.value, field, value, held, merged)

    def _follow(self, text: str) -> None:
        """Show ``text`` (a device's words merged with the facilitator's), the cursor mapped."""
        cursor = moved(self.cursor_position, self.value, text)
        self._loading = True
        try:
            self.value = text
        finally:
            self._loading = False
        self.cursor_position = cursor
        self.shown = text
        self._held = (text, text)

    def post_message(self, message: Message) -> bool:
        if isinstance(message, Input.Changed) and message.input is self:
            if self._loading:
                return False
            if self.field is not None:
                super().post_message(FieldEdited(self.field, message.value, self.shown, self.settled))
                self.shown = message.value
                self.typed = True
        return super().post_message(message)

    def _on_focus(self, event: events.Focus) -> None:
        super()._on_focus(event)
        if not event.from_app_focus:
            self.resting = True  # arrived at, not typed in: the text from its start
            self.cursor_position = len(self.value)


class EntrySelect(Select[str]):
    """A choice bound to a session field; no choice is the empty string."""

    def __init__(self, options: Sequence[tuple[RenderableType, str]], **kwargs: object) -> None:
        super().__init__(options, **kwargs)  # type: ignore[arg-type]
        self.field: FieldKey | None = None
        self._loading = False

    def load(self, field: FieldKey, value: str, *, gently: bool = False) -> None:
        """Show ``value`` (an option's value, or "" for none) as ``field``'s choice."""
        if gently and (self.has_focus or self.field != field):
            return
        self.field = field
        wanted: str | object = value if value in self._legal_values else Select.NULL
        if self.value != wanted:
            self._loading = True
            try:
                self.value = wanted  # type: ignore[assignment]
            finally:
                self._loading = False

    def post_message(self, message: Message) -> bool:
        if isinstance(message, Select.Changed) and message.select is self:
            if self._loading:
                return False
            if self.field is not None:
                value = "" if message.value is Select.NULL else str(message.value)
                super().post_message(FieldEdited(self.field, value))
        return super().post_message(message)
