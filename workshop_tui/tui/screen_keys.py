"""Keys typed while the screen changes go to the screen that comes, in order, none lost.

F7 (notes), Ctrl+U (minimum of answers), F6, F8, Ctrl+R, F2 and the rest are handled as
they arrive and push a screen at once; the screen is made and takes the keyboard later,
in its own queue. The keys typed just after the command, in the same burst, were handed
meanwhile to a screen with nothing focused, or behind it: ``4 Ctrl+U 7 Enter`` left "7" in
the box after an Enter that had already refused it empty, and a dialog closing under
typing handed the next keys to a field that was going away.

So from the moment the screen changes (pushed, popped or switched: Textual's
``screen_change_signal``, published as it happens) the app's key gate (``keygate.py``) is
closed, and it opens when the new screen has worked through what was queued for it
before: made, mounted, its focus set. Only the latest change counts: a screen pushed and
popped at once does not keep the gate closed.

A key that may close a dialog (Enter, Esc, Ctrl+S) goes to the dialog's field; the field
handles it later and tells the dialog (``Input.Submitted``), which closes. The keys typed
after it were handed meanwhile to that field: ``Ctrl+U 7 Enter F6 1 2 Enter`` left "71"
refused in the minimum's box. So after such a key the gate is closed too, until the key's
consequences have reached the app (``Settled``, posted behind them from the field), or
the dialog has closed and the screen under it is ready.

The same holds for a key that is no priority key and may change the screen: Esc (the list
of sessions), the list's own keys (Enter opens, N a new session, D the demo, Q quits), a
projector's Esc, the voting panel's F10. Such a key goes to the focused field first and
its command runs only when the key has bubbled up to the app; the keys typed after it
were handed meanwhile to the old screen's field (``Esc n`` typed an "n" into the answer).
So after any key that a screen's or the app's own (not priority) bindings name, the gate
closes until the key's messages have reached the app, or the screen the command shows is
ready; a key the field took for itself (Enter in a one-line box) only waits that long.
A choice's Enter (or Space, ↑, ↓) that opens its list, and the list's Enter or Esc that
closes it, move the keyboard too: the gate closes after them in the same way
(``_opens_or_closes_a_choice``). The session screen's F10 was such a key (``F10 7`` put the 7
in the grid under the panel); its command waits for the voting server before it shows the
panel, so it is now a priority key that holds the gate itself until the panel is up
(``InOrderScreen._after_typed_keys_then``).

``after_typed_keys`` is the other half for a dialog's own priority keys (Ctrl+S saves from
any field): they run on arrival, so they first wait for the keys typed before them, which
still sit in the focused field's queue.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual.app import App
from textual.message import Message
from textual.screen import ModalScreen, Screen

from workshop_tui.tui.keygate import KeyGate

CLOSING_KEYS = frozenset({"enter", "escape", "ctrl+s"})
"""Keys that may close a dialog: what is typed after them waits until they took effect."""


@dataclass
class Settled(Message):
    """Bubbles from a field to the app behind the messages a key made there (``ScreenChangeHold``)."""

    run: Callable[[], None]


class ScreenChangeHold:
    """Closes ``gate`` when the screen changes, until the new screen is ready for keys.

    Made in the app's ``on_mount`` (Textual's signals take subscribers that are running).
    """

    def __init__(self, app: App[Any], gate: KeyGate) -> None:
        self._gate = gate
        self._awaited: Screen[Any] | None = None
        """The screen the gate waits for (the latest change's), None while the gate is not held here."""
        app.screen_change_signal.subscribe(app, self.changed, immediate=True)

    def changed(self, screen: Screen[Any]) -> None:
        """The screen on show is now ``screen``: hold the keys until it has taken the keyboard."""
        if self._awaited is None:
            self._gate.close()
        self._awaited = screen

        def ready() -> None:
            if self._awaited is screen:
                self._awaited = None
                self._gate.open()  # the held keys go on behind the focus it set (both queued on the app)

        if not screen.call_later(ready):  # a screen already closed: nothing to wait for
            ready()

    def after_key(self, app: App[Any], key: str) -> None:
        """``key`` was handed on: if it may close a dialog or change the screen, hold the next keys.

        They wait until the key's messages have reached the app, or until the screen that
        replaced the dialog is ready (``changed`` takes over; a stale ``Settled`` does nothing).
        """
        screen = app.screen
        focused = screen.focused or screen  # Textual hands a key to the screen when nothing is focused
        closing = key in CLOSING_KEYS and isinstance(screen, ModalScreen)
        choice = _opens_or_closes_a_choice(focused, key)
        if not closing and not choice and not _bound(app, screen, key):
            return
        if self._awaited is None:
            self._gate.close()
        self._awaited = screen
        rounds = CHOICE_ROUNDS if choice else 1

        def settled() -> None:
            nonlocal rounds
            rounds -= 1
            if rounds and screen.focused is focused and focused.is_attached:
                # A choice's list hands the keyboard back one message later than its key's own
                # messages (option picked, then the choice told): wait another round for it.
                focused.call_later(behind_its_messages)
                return
            if self._awaited is screen:
                self._awaited = None
                self._gate.open()

        def behind_its_messages() -> None:
            if not focused.is_attached or not focused.post_message(Settled(settled)):
                settled()

        if not focused.call_later(behind_its_messages):
            settled()


CHOICE_ROUNDS = 3
"""Rounds of messages a choice's key may take to move the keyboard (Enter in its list: the
option is picked, the choice is told, the choice takes the keyboard); fewer when it moved."""

CHOICE_KEYS = {
    "Select": frozenset({"enter", "space", "up", "down"}),
    "SelectOverlay": frozenset({"enter", "escape"}),
}
_ANY_CHOICE_KEY = frozenset().union(*CHOICE_KEYS.values())
"""Keys with which a choice (Textual's ``Select``) hands the keyboard to its list, and the list back."""


def _opens_or_closes_a_choice(focused: object, key: str) -> bool:
    """Whether ``key`` opens the focused choice's list or closes the focused list.

    The list takes the keyboard later (in the app's queue): in ``Enter ↓ Enter`` typed in one
    burst, the ↓ and the Enter went meanwhile to the closed choice, which took them for "open"
    again, and the list stayed open with nothing picked; the keys typed after the Enter that
    picks went to the list as it closed. Told by class name (``_css_type_names``, the names of
    the class and its bases), so the key path needs no import of the choice's module.
    """
    if key not in _ANY_CHOICE_KEY:  # a digit or a letter: one set lookup on the key's way
        return False
    names: frozenset[str] = getattr(focused, "_css_type_names", frozenset())
    return any(key in keys for name, keys in CHOICE_KEYS.items() if name in names)


def _bound(app: App[Any], screen: Screen[Any], key: str) -> bool:
    """Whether ``key`` runs a command of ``screen`` or ``app`` once it has bubbled up (not priority).

    A priority key ran on arrival, and a command that changes the screen then closes the gate
    itself (``changed``).
    """
    for node in (screen, app):
        if any(not binding.priority for binding in node._bindings.key_to_bindings.get(key, ())):
            return True
    return False


def after_typed_keys(screen: Screen[Any], action: Callable[[], object]) -> None:
    """Run ``action`` once the keys already handed to ``screen``'s focused widget are handled."""
    focused = screen.focused
    if focused is None or not focused.call_later(screen.call_later, action):
        action()


def after_typed_edits(screen: Screen[Any], action: Callable[[], None]) -> None:
    """Run ``action`` once the keys already handed to the focused field have become edits.

    ``after_typed_keys`` waits for the keys alone; the text they typed reaches the session
    later, as a message the field posts to itself, that its view turns into an edit for the
    screen. A ``Settled`` posted behind the keys bubbles up that same way and reaches the
    app only after the screen has applied those edits (each queue on the way is in order).
    For what must see every typed word: quitting asks about unsaved edits only then.
    """
    focused = screen.focused
    if focused is None:
        action()
        return

    def behind_its_messages() -> None:
        if not focused.is_attached or not focused.post_message(Settled(action)):
            action()

    if not focused.call_later(behind_its_messages):
        action()
