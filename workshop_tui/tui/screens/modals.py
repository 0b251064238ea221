"""Small modals that return a value; the caller does whatever the value asks for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Static

from workshop_tui.core.i18n import t
from workshop_tui.tui.base import MODAL_CSS, WorkshopModal
from workshop_tui.tui.commands import DIALOG_COMMANDS, EDITOR_COMMANDS, bindings
from workshop_tui.tui.plain import plain
from workshop_tui.tui.screen_keys import after_typed_keys
from workshop_tui.tui.widgets.entry import InOrderInput

if TYPE_CHECKING:
    from textual.widgets import TextArea


MAX_MINUTES = 240
"""The longest timer an exercise takes, in minutes."""


class TimerModal(WorkshopModal):
    """Asks for the exercise's time in minutes; returns seconds, or None when cancelled."""

    DEFAULT_CSS = MODAL_CSS.format(name="TimerModal")
    BINDINGS = bindings(DIALOG_COMMANDS)
    KEYS = DIALOG_COMMANDS

    def __init__(self, minutes: float) -> None:
        super().__init__()
        self.minutes = minutes

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(t("tui.timer.minutes", self.lang))
            # "0,5" in Danish, as it is typed there (the field takes either mark).
            shown = f"{self.minutes:g}".replace(".", "," if self.lang == "da" else ".")
            yield InOrderInput(shown, id="minutes", restrict=r"[0-9.,]*")
            yield Static(id="error", classes="error-text")
            with Horizontal():
                yield Button(t("tui.ok", self.lang), variant="primary", id="ok")
                yield Button(t("tui.cancel", self.lang), id="cancel")

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def submit(self) -> None:
        raw = self.query_one("#minutes", Input).value.replace(",", ".")
        try:
            minutes = float(raw)
        except ValueError:
            minutes = -1
        if not 0 < minutes <= MAX_MINUTES:
            self.query_one("#error", Static).update(t("tui.timer.bad", self.lang, max=MAX_MINUTES))
            return
        self.dismiss(round(minutes * 60))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class NotesModal(WorkshopModal):
    """The facilitator's private panel: how to run the exercise, the note (editable), the source.

    Returns the text, or None when cancelled. None of it is shown anywhere else on the
    screen: the normal view is on the wall whenever the projector view is not. The guide
    (the exercise file's ``guide``: how to run it, what is our suggestion) is written for
    the facilitator, so it lives here rather than in F1, which the room sees.

    On a short terminal (80x24) the buttons were drawn below the frame: they are docked at
    the bottom (``MODAL_CSS``), and the guide takes at most a fifth of the height; it can be
    focused (Tab) and scrolled from the keyboard, so a long guide is read whole at any size.
    """

    DEFAULT_CSS = MODAL_CSS.format(name="NotesModal") + (
        "NotesModal TextArea { height: 8; max-height: 20vh; }\n"
        "NotesModal #guide-box { height: auto; max-height: 20vh; margin-bottom: 1; }\n"
        # The notes' title wraps: at 80 columns the promise "never on the screen or the
        # projector" was cut after "never on the" (a Label is as wide as its text, and clipped).
        "NotesModal .heading { width: 100%; }"
    )
    BINDINGS = bindings(EDITOR_COMMANDS)
    KEYS = EDITOR_COMMANDS

    def __init__(self, text: str, source: str = "", guide: str = "") -> None:
        super().__init__()
        self.text = text
        self.source = source
        self.guide = guide

    def compose(self) -> ComposeResult:
        # Textual's text area (its document, history, themes) is loaded when the notes are first
        # opened, not with every session screen: a grid or a list has no such field.
        from textual.widgets import TextArea

        with Vertical():
            if self.guide:
                with VerticalScroll(id="guide-box"):
                    yield Label(t("tui.note.guide", self.lang), classes="heading")
                    yield Static(plain(self.guide), id="guide")
            yield Label(t("tui.note.title", self.lang), classes="heading")
            yield TextArea(self.text, id="note")
            if self.source:
                yield Static(
                    plain(t("tui.note.source", self.lang, source=self.source)), classes="muted", id="source"
                )
            with Horizontal():
                yield Button(t("tui.save", self.lang) + " (Ctrl+S)", variant="primary", id="save")
                yield Button(t("tui.cancel", self.lang), id="cancel")

    def on_mount(self) -> None:
        self.set_focus(self._note(), scroll_visible=False)  # see GroupsModal.on_mount

    def _note(self) -> TextArea:
        from textual.widgets import TextArea

        return self.query_one("#note", TextArea)

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        """Ctrl+S (a priority key, handled on arrival): after the letters typed before it."""

        def save() -> None:
            self.dismiss(self._note().text)

        after_typed_keys(self, save)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
