"""A Tab that arrives inside a paste is text for the field pasted into, not a move to the next field.

A terminal without bracketed paste (or a paste that it does not bracket) delivers the
pasted text as keys; a row copied from a spreadsheet or a mail holds tabs, and each of them
arrived as the Tab key, which moves the keyboard on: "Navn⇥Alder" put "Navn" in one field
and "Alder" in the next. A paste's keys come from one read of the terminal, microseconds
apart; a person's Tab comes tens of milliseconds after the key before it. So a Tab that
follows a key a paste can hold (a character, a line break or another such Tab) within
``TAB_GAP`` is taken for pasted text and typed into the focused field:

- a one-line field (``Input``) gets a space, as it gets for a bracketed paste's tab and
  line break (``EntryInput``): a table cell or an action stays one line of words;
- a text box (``TextArea``, the sheets' boxes) keeps the tab, as it does in a bracketed
  paste and as the core keeps tabs in texts shown as paragraphs: the same paste gives the
  same text however the terminal delivers it, and a pasted row keeps its columns.

Any other focused widget (the score grid, a choice) still moves on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events

if TYPE_CHECKING:  # the widgets are loaded by the screens that have fields (not by a plain start)
    from textual.widget import Widget

LINE_BREAKS = ("enter", "ctrl+j")
"""A line break as keys: CR (tmux, most terminals) or LF."""

TAB_GAP = 0.03
"""Seconds: a Tab this soon after a character or line break is part of the same paste.

A person's Tab after a letter is rarely under 50 ms apart (another finger, the little
one); the keys of one paste are parsed from one read, a few milliseconds apart at most
on a loaded machine. A Tab taken wrongly for a paste only types a space where the
facilitator meant to move on (nothing is lost); a paste taken for Tabs scatters its words
over the next fields, hence a margin on the paste's side.
"""


class PastedTab(events.Key):
    """A Tab key judged part of a paste on arrival (``PastedTabs.judge``)."""

    def __init__(self) -> None:
        super().__init__("tab", "\t")


class PastedTabs:
    """Watches the keys as they arrive at the app and tells a pasted Tab from a pressed one."""

    def __init__(self) -> None:
        self._last: float | None = None
        """When the last key that a paste can hold arrived (``event.time``), else None."""

    def judge(self, event: events.Key) -> events.Key:
        """``event``, or a ``PastedTab`` in its place when it is a Tab inside a paste."""
        last, self._last = self._last, None
        pasted_tab = event.key == "tab" and last is not None and event.time - last <= TAB_GAP
        if event.is_printable or event.key in LINE_BREAKS or pasted_tab:
            self._last = event.time
        return PastedTab() if pasted_tab else event


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
