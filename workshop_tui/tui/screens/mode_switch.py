"""The question the mode key (F4) asks before it changes which scores are shown.

Switching between scores entered per participant and tallies keeps both, but the
grid then shows the other ones, and the figures use whichever mode has scores
(``ExerciseAnswers.counted_mode``). When that changes what the room would see, the
facilitator is told the numbers of both and confirms; the rule of when to ask is
the core's (``results.mode_switch``).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label, Static

from workshop_tui.core.i18n import t
from workshop_tui.core.results.rules import ModeSwitch
from workshop_tui.tui.base import MODAL_CSS, WorkshopModal
from workshop_tui.tui.commands import DIALOG_COMMANDS, bindings


class ModeSwitchModal(WorkshopModal):
    """Says what the switch changes; returns True to switch, False to stay."""

    DEFAULT_CSS = MODAL_CSS.format(name="ModeSwitchModal")
    BINDINGS = bindings(DIALOG_COMMANDS)
    KEYS = DIALOG_COMMANDS

    def __init__(self, change: ModeSwitch) -> None:
        super().__init__()
        self.change = change

    def compose(self) -> ComposeResult:
        lang, change = self.lang, self.change
        with Vertical():
            yield Label(t(f"tui.mode.ask.title.{change.target}", lang), classes="heading")
            yield Static(t("tui.mode.ask.counts", lang, typed=change.typed, tallied=change.tallied))
            yield Static(
                t("tui.mode.ask.after", lang, counted=t(f"tui.mode.name.{change.counted_after}", lang))
            )
            with Horizontal():
                yield Button(t("tui.mode.ask.switch", lang), variant="primary", id="switch")
                yield Button(t("tui.cancel", lang), id="cancel")

    @on(Button.Pressed, "#switch")
    def switch(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)
