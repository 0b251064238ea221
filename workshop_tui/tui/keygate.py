"""Holds the keys that arrive while the screen changes which field has the keyboard.

Textual hands each key, as it arrives, to the widget focused at that moment, and the
widget handles it later, in its own queue. A key that moves the keyboard elsewhere
(Ctrl+N to the next exercise, Ctrl+G to the next group, Tab to the next field) takes
effect only once the keys typed before it are handled; the keys typed *after* it, in the
same burst, would meanwhile be handed to the old field: a text meant for box 2 landed in
box 1, a score meant for the next exercise in the last one.

So while such a move is under way the gate is closed: the app holds every key that
arrives, in order, and hands them on once the move is done and the new field has the
keyboard. Every key then goes to the field that the keys before it left focused, as if
each had been typed after the app caught up. A bracketed paste waits in the same line: it
is typing too, and it lands in the field the keys before it left focused, whole, after
them (handed on at once, it went to the old field ahead of the held keys).

A Tab that arrives as a key is always a move, however close to the keys around it. An
earlier rule took a Tab with text within 10 ms on both sides for a tab inside a paste, but
keys typed ahead while the app's reading thread waited for a busy core arrive in one read
just as a paste does, and a typed "svar⇥næste" then stayed in one field. Nothing in the
bytes tells the two apart; bracketed paste does: every terminal the app supports (and tmux)
wraps a paste in ``ESC[200~ … ESC[201~``, which Textual turns into one ``Paste`` event whose
tabs the field keeps (a text box) or makes spaces (a one-line field). A terminal without
bracketed paste delivers a pasted row's tabs as Tab presses: its words go to the next
fields, in order, none lost.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Awaitable, Callable

from textual import events
from textual.app import App
from textual.message_pump import MessagePump
from textual.timer import Timer

GIVE_UP = 30.0
"""Seconds after which a gate that was never opened opens itself (a move that died).

Generous: on a loaded laptop making the view of a long table can take several seconds,
and keys released before its fields exist would be lost.
"""


Typed = events.Key | events.Paste
"""What the gate holds: a key, or a bracketed paste (one event with the whole text)."""


class KeyGate:
    """Closed while the keyboard moves; keys and pastes that arrive meanwhile wait here, in order."""

    def __init__(self, pump: MessagePump, dispatch: Callable[[Typed], Awaitable[None]]) -> None:
        self._pump = pump
        self._dispatch = dispatch
        self._held: deque[Typed] = deque()
        self._closed = 0
        self._timer: Timer | None = None
        self._releasing = False

    @property
    def closed(self) -> bool:
        """Whether keys are being held."""
        return self._closed > 0

    def hold(self, event: Typed) -> bool:
        """Keep ``event`` for later if the gate is closed or earlier keys still wait; True if kept."""
        if not self._closed and not self._held:
            return False
        self._held.append(event)
        return True

    def next_held(self) -> str | None:
        """The key the gate will hand on first (``Key.key``; "paste" for a paste), None when none waits."""
        if not self._held:
            return None
        first = self._held[0]
        return first.key if isinstance(first, events.Key) else "paste"

    def close(self) -> None:
        """Hold the keys from now until ``open`` (or ``GIVE_UP`` seconds)."""
        self._closed += 1
        if self._timer is not None:
            self._timer.stop()
        self._timer = self._pump.set_timer(GIVE_UP, self._give_up)

    def open(self) -> None:
        """The move is done: hand the held keys on, in order."""
        if self._closed == 0:
            return
        self._closed -= 1
        if self._closed == 0:
            if self._timer is not None:
                self._timer.stop()
                self._timer = None
            if self._held:
                self._pump.call_later(self._release)

    def _give_up(self) -> None:
        self._timer = None
        if self._closed:
            self._closed = 1
            self.open()

    async def _release(self) -> None:
        if self._releasing:
            return
        self._releasing = True
        try:
            while self._held and not self._closed:
                await self._dispatch(self._held.popleft())
        finally:
            self._releasing = False


class PriorityBindings(App[int]):
    """Textual's check of the priority bindings, without building the binding chain for a key none has.

    Every key first asks whether a priority binding takes it (``App._check_bindings`` with
    ``priority=True``), before the focused widget gets it. Textual answers by building the
    whole binding chain: a copy of the bindings of each node from the focused widget up to
    the app (seven for a score cell), each filtered by the widgets below it that consume
    keys. For a digit on the grid that took 0.05-0.08 ms of the key's way to its save
    (traced in the app, between keys), to find no binding. The filtering only removes
    bindings, so when no node on the way up has a priority binding for the key at all, the
    answer is no without the chain. A keymap may move bindings to other keys: with one the
    chain is always built, as before.
    """

    async def _check_bindings(self, key: str, priority: bool = False) -> bool:
        if priority and not self._keymap and not priority_binding(self, key):
            return False
        return await super()._check_bindings(key, priority)


def priority_binding(app: App[int], key: str) -> bool:
    """Whether a node of the binding chain (as Textual builds it) has a priority binding for ``key``."""
    screen = app.screen
    focused = screen.focused
    nodes = [screen, app] if focused is None or focused.loading else focused.ancestors_with_self
    return any(binding.priority for node in nodes for binding in node._bindings.key_to_bindings.get(key, ()))
