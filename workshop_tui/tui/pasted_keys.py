"""A Tab that arrives inside a paste is text for the field pasted into, not a move to the next field.

A terminal without bracketed paste (or a paste that it does not bracket) delivers the
pasted text as keys; a row copied from a spreadsheet or a mail holds tabs, and each of them
arrived as the Tab key, which moves the keyboard on: "Navn⇥Alder" put "Navn" in one field
and "Alder" in the next. A paste's keys come from one read of the terminal, microseconds
apart, and a pasted tab has text on both sides; a person's Tab comes tens of
milliseconds after the key before it, and the next key tens of milliseconds after it. So
a Tab is held for up to ``TAB_GAP``: when a key a paste can hold (a character, a line break
or another tab) came just before it and another comes just after, both within
``TAB_GAP``, it is pasted text and typed into the focused field; otherwise it moves on
(a pressed Tab therefore moves ``TAB_GAP`` later). Typed into the field:

- a one-line field (``Input``) gets a space, as it gets for a bracketed paste's tab and
  line break (``EntryInput``): a table cell or an action stays one line of words;
- a text box (``TextArea``, the sheets' boxes) keeps the tab, as it does in a bracketed
  paste and as the core keeps tabs in texts shown as paragraphs: the same paste gives the
  same text however the terminal delivers it, and a pasted row keeps its columns.

Any other focused widget (the score grid, a choice) still moves on.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from textual import events

if TYPE_CHECKING:  # the widgets are loaded by the screens that have fields (not by a plain start)
    from textual.message_pump import MessagePump
    from textual.timer import Timer
    from textual.widget import Widget

    from workshop_tui.tui.keygate import KeyGate

LINE_BREAKS = ("enter", "ctrl+j")
"""A line break as keys: CR (tmux, most terminals) or LF."""

TAB_GAP = 0.01
"""Seconds: a Tab with a key of the same paste this close on both sides is pasted text.

Measured through a pseudo-terminal at load 7 on two cores, the keys of one paste (one
read) arrive 0.03-0.05 ms apart; a person's keys, and Pilot's, 50 ms and more. Keys a
person typed ahead while the app's reading thread waited for a core can also come in one
read: then a Tab between two letters is taken for a pasted tab (the words stay in one
field, nothing is lost). Every pressed Tab moves this much later.
"""


class PastedTab(events.Key):
    """A Tab key judged part of a paste (``PastedTabs``): the app types it into the field."""

    def __init__(self) -> None:
        super().__init__("tab", "\t")


def _pastable(event: events.Key) -> bool:
    """Whether a paste can hold ``event``: a character, a line break or a tab."""
    return event.is_printable or event.key in LINE_BREAKS or event.key == "tab"


class PastedTabs:
    """Watches the keys as they arrive at the app and tells a pasted Tab from a pressed one.

    ``arrived`` is given every key in the order they come and hands them on in that order
    (to the key gate, which holds them while the keyboard moves, or to the app): a Tab is
    kept back until the next key, or ``TAB_GAP`` with none, says which it is, and then goes
    first, as itself or as a ``PastedTab``.
    """

    def __init__(
        self, pump: MessagePump, gate: KeyGate, dispatch: Callable[[events.Key], Awaitable[None]]
    ) -> None:
        self._pump = pump
        self._gate = gate
        self._dispatch = dispatch
        """Handles a key (the app's); keys wait at ``gate`` while the keyboard moves."""
        self._last: float | None = None
        """When the last key that a paste can hold arrived (``event.time``), else None."""
        self._tab: events.Key | None = None
        """A Tab kept back until the key after it arrives."""
        self._text_before = False
        """Whether a key a paste can hold came just before the kept Tab."""
        self._timer: Timer | None = None

    async def arrived(self, event: events.Key) -> None:
        """Hand on what ``event``'s arrival decides, in order (a kept Tab first)."""
        if self._tab is not None:
            tab, self._tab = self._tab, None
            text_after = _pastable(event) and event.time - tab.time <= TAB_GAP
            await self._deliver(PastedTab() if self._text_before and text_after else tab)
        last, self._last = self._last, (event.time if _pastable(event) else None)
        if event.key != "tab":
            await self._deliver(event)
            return
        self._tab = event
        self._text_before = last is not None and event.time - last <= TAB_GAP
        if self._timer is not None:
            self._timer.stop()
        self._timer = self._pump.set_timer(TAB_GAP, self._flush)

    async def _deliver(self, event: events.Key) -> None:
        if not self._gate.hold(event):
            await self._dispatch(event)

    async def _flush(self) -> None:
        """No key came within ``TAB_GAP`` of the kept Tab: it was pressed (a move)."""
        tab, self._tab = self._tab, None
        if tab is not None:
            await self._deliver(tab)


def type_tab(focused: Widget | None) -> bool:
    """Type a pasted Tab into the ``focused`` text field (see the module); False if it is none.

    The key goes into the field's own queue, behind the keys of the paste before it.
    """
    from textual.widgets import Input, TextArea

    if isinstance(focused, Input):
        focused._forward_event(events.Key("space", " "))
        return True
    if isinstance(focused, TextArea) and not focused.read_only:
        focused._forward_event(events.Paste("\t"))
        return True
    return False
