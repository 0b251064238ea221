"""Asks for the session's minimum of answers (``Session.min_answers``): below it no figure is shown."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from workshop_tui.core.i18n import t
from workshop_tui.core.model.session import MAX_MIN_ANSWERS
from workshop_tui.tui.base import MODAL_CSS, WorkshopModal
from workshop_tui.tui.widgets.entry import InOrderInput


class MinAnswersModal(WorkshopModal):
    """Returns the new minimum (1 to ``MAX_MIN_ANSWERS``), or None when cancelled."""

    DEFAULT_CSS = MODAL_CSS.format(name="MinAnswersModal")
    BINDINGS = [Binding("escape", "cancel", "tui.key.cancel", id="cancel")]

    def __init__(self, current: int) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(t("tui.min.title", self.lang), classes="bold")
            yield Static(t("tui.min.prompt", self.lang, max=MAX_MIN_ANSWERS))
            yield InOrderInput(str(self.current), id="minimum", restrict=r"[0-9]*", max_length=2)
            yield Static(id="error", classes="error-text")
            with Horizontal():
                yield Button(t("tui.ok", self.lang), variant="primary", id="ok")
                yield Button(t("tui.cancel", self.lang), id="cancel")

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def submit(self) -> None:
        raw = self.query_one("#minimum", Input).value
        value = int(raw) if raw.isascii() and raw.isdigit() else 0
        if not 1 <= value <= MAX_MIN_ANSWERS:
            self.query_one("#error", Static).update(t("tui.min.bad", self.lang, max=MAX_MIN_ANSWERS))
            return
        self.dismiss(value)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
