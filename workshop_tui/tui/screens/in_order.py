"""Keys that move the keyboard (next exercise, group or field) take effect in the order they were typed.

Textual hands a key to the widget focused when it arrives, and the widget handles it later,
in its own queue. Ctrl+N, Ctrl+G, Tab, F3 and F4 are handled here as they arrive, so
digits or letters typed just before them may still wait in the focused field, and the keys
typed just after them would be handed to the old field. So the move queues behind the keys
already typed, and the app's key gate (``tui/keygate.py``) holds the keys typed after it
until the move is done and the new field has the keyboard.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from textual import on
from textual.message import Message

from workshop_tui.tui.base import WorkshopScreen
from workshop_tui.tui.keygate import KeyGate
from workshop_tui.tui.views.base import ExerciseView


@dataclass
class AfterEdits(Message):
    """Bubbles from the focused field to the screen behind the edits its typed keys sent."""

    run: Callable[[], None]


class InOrderScreen(WorkshopScreen):
    """A screen whose keyboard moves wait for the keys typed before them and hold those after."""

    view: ExerciseView | None
    """The exercise view on show (it has the keyboard)."""

    @property
    def key_gate(self) -> KeyGate | None:
        """The app's gate for typed keys (None in an app without one)."""
        gate = getattr(self.app, "key_gate", None)
        return gate if isinstance(gate, KeyGate) else None

    def hold_keys_until_ready(self, view: ExerciseView) -> None:
        """Keys typed while ``view`` is being made wait until its fields can take them."""
        gate = self.key_gate
        if gate is not None and not view.ready:
            gate.close()
            view.when_ready(gate.open)

    def _after_typed_keys(self, action: Callable[[], None]) -> None:
        """Run ``action`` once the keys already typed into the focused widget are handled.

        Ctrl+N works from any field, so it is a priority key: it is handled on arrival,
        while digits typed just before it may still wait in the grid. Going on at once would
        move away from the grid with those scores unread. Instead the step queues behind them
        in the focused widget, and then behind the edits they sent to this screen; the keys
        typed after it wait at the gate until it is done.
        """
        gate = self.key_gate
        if gate is not None:
            gate.close()

        def run() -> None:
            try:
                action()
            finally:
                if gate is not None:
                    view = self.view
                    if view is None:
                        gate.open()
                    else:
                        view.when_ready(gate.open)

        focused = self.focused
        if focused is None or not focused.call_later(self.call_later, run):
            run()

    def _after_typed_keys_then(self, command: Callable[[], Awaitable[object]]) -> None:
        """Run the asynchronous ``command`` once the keys typed before it are handled; hold the keys after it.

        For a command that waits before it shows its screen (F10 starts the voting server,
        then pushes the panel): the gate stays closed from the key's arrival until the
        command has ended, and a screen it pushed meanwhile holds the gate on until it is
        ready (``screen_keys``), so the keys typed after the key go to that screen however
        long the wait. Left to the key's bubbling up, the command ran only once the key
        had reached the app, and the keys after it waited on a hold that a message
        overtaking the command could end early.
        """
        gate = self.key_gate
        if gate is not None:
            gate.close()

        async def run() -> None:
            try:
                await command()
            finally:
                if gate is not None:
                    gate.open()

        focused = self.focused
        if focused is None or not focused.call_later(self.call_later, run):
            self.call_later(run)

    def _after_typed_edits(self, action: Callable[[], None]) -> None:
        """Run ``action`` once the edits of the keys typed before it are applied (undo, redo).

        ``_after_typed_keys`` waits for the keys, which is enough for a move (each edit
        names its own field). An undo must also come after their edits: a text field
        reports its typing as a message that bubbles up through the view, which sends the
        edit on; a message posted behind that report, from the field, takes the same way
        and reaches this screen after the edit (``AfterEdits``). Undone earlier, the undo
        took back the edit before, and the letters typed just ahead of Ctrl+Z were saved
        on top of the undone text while the field showed it without them.
        """
        gate = self.key_gate
        if gate is not None:
            gate.close()  # keys typed after it wait until it is done (and the field refilled)
        focused = self.focused

        def run() -> None:
            try:
                action()
            finally:
                if gate is not None:
                    gate.open()

        def behind_the_edits() -> None:
            if focused is None or not focused.is_attached:
                run()
            else:
                focused.post_message(AfterEdits(run))

        if focused is None or not focused.call_later(behind_the_edits):
            run()

    @on(AfterEdits)
    def _run_after_edits(self, message: AfterEdits) -> None:
        message.stop()
        message.run()

    def action_next_field(self) -> None:
        """Tab: the next field, once the keys typed into this one are handled."""

        def move() -> None:
            self.focus_next()

        self._after_typed_keys(move)

    def action_previous_field(self) -> None:
        """Shift+Tab: the previous field, once the keys typed into this one are handled."""

        def move() -> None:
            self.focus_previous()

        self._after_typed_keys(move)
