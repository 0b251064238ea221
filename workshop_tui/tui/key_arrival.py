"""A digit for the score grid is handled in the turn the terminal's reading thread hands it over in.

Textual's driver reads the terminal in a thread and hands each key to the event loop
(``tui/terminal_driver.py``), which puts it in the app's queue; the app's own task takes
it from there one more turn of the loop later (0.22 ms median, 0.4 ms at p95, traced
through the pty with ``python -m benchmarks.key_trace``), asks the priority bindings and
forwards it to the focused widget, where a digit for an idle grid is scored at once
(``widgets/keys_on_arrival.py``). Only then does its save begin.

When nothing waits for the app, that turn orders nothing: its queue is empty and its
task is parked waiting for the next message (so it is not in the middle of one, nor of
the key gate's release, which runs as one of its messages), the key gate is open with no
key held, and no dialog or keymap is involved. A key that can overtake nothing is then
handled in the loop callback itself, by the same calls the app's turn makes, in the
app's context: counted as an input, forwarded to the grid (which takes it at once when
its own queue is empty, or queues it behind what waits there), and shown to the screen
change hold. Anything else, and a digit while anything waits for the app, is put in its
queue as before, so keys keep the order they were typed in.

Only a digit, Delete or Backspace (what the grid takes on arrival: a score, or clearing
one, saved before it is shown), only for a focused score grid, on a screen that is not a
dialog, with no priority binding for it and no keymap.
"""

from __future__ import annotations

import asyncio
from collections.abc import Collection

from textual import events
from textual._queue import Queue
from textual.message import Message
from textual.message_pump import MessagePump
from textual.screen import ModalScreen

from workshop_tui.tui.keygate import KeyGate, PriorityBindings, priority_binding
from workshop_tui.tui.screen_keys import ScreenChangeHold, Settled

DIGITS = frozenset("0123456789")
ON_ARRIVAL = DIGITS | {"delete", "backspace"}
"""What a score grid may take on arrival: a digit scores the cell, Delete and Backspace clear it."""


class TypedKeys(PriorityBindings):
    """The app's way for what is typed: counted, held by the key gate while the keyboard moves, handed on.

    ``WorkshopApp`` makes ``key_gate`` (and the screen change hold, in its ``on_mount``).
    """

    key_gate: KeyGate
    """Holds typed keys while the keyboard moves to another field or exercise (see keygate)."""
    inputs = 0
    """Keys pressed and clicks made so far: a screen tells a move of the user from its own."""
    _screen_hold: ScreenChangeHold | None = None
    """Holds the keys typed while a dialog opens or closes (made in ``on_mount``)."""

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.MouseDown):
            self.inputs += 1
        if isinstance(event, events.Key | events.Paste) and not event.is_forwarded:
            if not self.key_gate.hold(event):  # held while the keyboard moves (see keygate)
                await self._dispatch_key(event)
            return
        await super().on_event(event)

    async def _dispatch_key(self, event: events.Key | events.Paste) -> None:
        """Handle a key or paste the gate held, as if it had just arrived."""
        await super().on_event(event)
        if isinstance(event, events.Key):
            self._after_key(event.key)

    def _after_key(self, key: str) -> None:
        """``key`` was handed on: one that may change the screen holds the next keys (screen_keys)."""
        if self._screen_hold is not None:
            self._screen_hold.after_key(self, key)

    def on_settled(self, message: Settled) -> None:
        """A key's messages have all reached the app (``ScreenChangeHold.after_key``)."""
        message.run()

    def post_typed(self, message: Message) -> None:
        """What the terminal's reading thread read, in the loop's turn: a digit now if it can, else queued."""
        if not (isinstance(message, events.Key) and self._take_on_arrival(message)):
            self.post_message(message)

    def _take_on_arrival(self, event: events.Key) -> bool:
        """Handle ``event`` now, as this app's turn would, if nothing waits that it could overtake.

        True: handled (forwarded to the grid); False: it goes to the app's queue.
        """
        if event.key not in ON_ARRIVAL or event.is_forwarded or self._keymap or self._closing:
            return False
        gate = self.key_gate
        if gate.closed or gate.next_held() is not None or not idle(self):
            return False
        screen = self.screen
        focused = screen.focused
        if (
            focused is None
            or not getattr(focused, "DIGITS_ON_ARRIVAL", False)
            or isinstance(screen, ModalScreen)
            or priority_binding(self, event.key)
            or not self.check_message_enabled(event)
        ):
            return False
        try:
            # What on_event and _dispatch_key above do with such a key, in this app's context as
            # in its own turn: Textual's App.on_event, for a key no priority binding takes, only
            # forwards it to the focused widget.
            with self._context(), self.prevent(*event._prevent):
                self.inputs += 1
                if not self.app_focus:
                    self.app_focus = True
                screen._clear_tooltip()
                focused._forward_event(event)
                self._after_key(event.key)
            self.message_signal.publish(event)
        except Exception as error:  # as the app's task does with an error in a handler
            self._handle_exception(error)
        return True


def idle(pump: MessagePump) -> bool:
    """Whether ``pump``'s own task waits for its next message, with none queued.

    Its task is parked in its queue's ``get`` (on the queue's ready event) only between
    messages: not while it takes one, nor while it runs what comes after one (its idle
    handlers, ``call_next`` callbacks). Unknown (another Python's ``asyncio.Event``) is busy.
    """
    queue: Queue[object] = pump._message_queue
    waiters: Collection[asyncio.Future[None]] = getattr(queue.ready_event, "_waiters", None) or ()
    return (
        not (pump._closing or pump._closed) and queue.empty() and any(not waiter.done() for waiter in waiters)
    )
