"""A digit typed on an idle score grid is handled when it arrives, in the app's turn of the event loop.

Textual hands a key to the focused widget by putting it in the widget's queue
(``Widget._forward_event``); the widget takes it in its own turn, one more pass of the
event loop after the app's (0.6 ms from the key at the app to the key at the grid, traced
through the pty under load with ``python -m benchmarks.key_trace``), and only then does
the score start its save. A digit for a grid with nothing in its queue is handled at
once instead, exactly as the grid's turn would handle it, with the grid as the sender of
whatever it posts: nothing is waiting that it could overtake.

Delete and Backspace (clearing the cell, also a save) are taken the same way. Everything
else takes the usual way: any other key (arrows, letters; their order against the digits
stays the order of the grid's queue), and a digit while the grid still has messages to
take or is in the middle of one (a burst faster than the app: the digit goes behind them,
in order). The app's priority bindings, the key gate (``keygate``)
and dialogs come before this: a key reaches ``_forward_event`` only once the app has
decided that it goes to the focused widget.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.widget import Widget

from workshop_tui.tui.key_arrival import ON_ARRIVAL, idle


def taken_on_arrival(widget: Widget, event: events.Event, keys: Callable[[events.Key], None] | None) -> bool:
    """Have ``keys`` (the owning view's handler) take a score key for ``widget`` now; True if it did.

    Called by the widget's ``_forward_event``, in the app's turn; False: forward the event
    the usual way (it was no digit, the widget was busy, or the view did not take it).
    """
    if not (isinstance(event, events.Key) and event.key in ON_ARRIVAL and keys is not None and _idle(widget)):
        return False
    event._set_forwarded()
    # As the widget's own turn runs a message: the widget is the sender of what it posts.
    with widget._context(), widget.prevent(*event._prevent):
        keys(event)
    # Taken: Widget._on_key would find no key_<digit> (key_delete, key_backspace) method, and a
    # stopped key does not bubble.
    # Not taken (the view is not ready): it goes the usual way, where the view, asked again,
    # decides as it would have; a digit it did not take changed nothing.
    return event._stop_propagation


def _idle(widget: Widget) -> bool:
    """Whether ``widget`` is in the app and its own task waits for its next message, with none queued."""
    return widget.is_attached and idle(widget)
