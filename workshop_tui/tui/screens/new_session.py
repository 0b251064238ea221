"""The new-session form: returns a Session (unsaved); the home screen saves it."""

from __future__ import annotations

from datetime import date as Date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Select, SelectionList, Static

from workshop_tui.core.i18n import t
from workshop_tui.core.model import Session
from workshop_tui.core.model.ids import valid_date
from workshop_tui.core.storage.sessions import new_session
from workshop_tui.core.text_safety import for_terminal
from workshop_tui.tui.base import WorkshopModal
from workshop_tui.tui.commands import NEW_SESSION_COMMANDS, bindings
from workshop_tui.tui.strings import refusal

CUSTOM = "__custom__"


def parse_participants(raw: str) -> int | list[str] | None:
    """A count (1–500) or a comma-separated list of names; None when neither."""
    raw = raw.strip()
    if raw.isdigit():
        count = int(raw)
        return count if 1 <= count <= 500 else None
    names = [n.strip() for n in raw.split(",") if n.strip()]
    return names if 0 < len(names) <= 500 else None


class NewSessionScreen(WorkshopModal):
    """Title, date, organisation, facilitator, language, participants, groups and programme.

    No field holds a grey example: an example that looks filled in was taken for an answer.
    """

    CSS_PATH = "new_session.tcss"
    BINDINGS = bindings(NEW_SESSION_COMMANDS)
    KEYS = NEW_SESSION_COMMANDS

    def compose(self) -> ComposeResult:
        lang = self.lang
        library = self.workshop.library
        # Titles from the facilitator's own exercise files: shown as text (Text, not markup),
        # through the one terminal filter, like every text read from a file.
        programmes = [(Text(for_terminal(p.title.get(lang))), p.id) for p in library.programmes.values()]
        default = library.default_programme()
        with VerticalScroll(id="form"):
            yield Static(t("tui.new.title", lang), classes="heading")
            yield Label(t("tui.new.f.title", lang))
            yield Input(id="title")
            yield Label(t("tui.new.f.date", lang))
            yield Input(Date.today().isoformat(), id="date")
            yield Label(t("tui.new.f.org", lang))
            yield Input(id="organisation")
            yield Label(t("tui.new.f.facilitator", lang))
            yield Input(id="facilitator")
            yield Label(t("tui.new.f.lang", lang))
            yield Select([("Dansk", "da"), ("English", "en")], value=lang, allow_blank=False, id="language")
            yield Label(t("tui.new.f.participants", lang))
            yield Input("12", id="participants")
            yield Label(t("tui.new.f.groups", lang))
            yield Input(id="groups")
            yield Label(t("tui.new.f.programme", lang))
            yield Select(
                [*programmes, (t("tui.new.f.custom", lang), CUSTOM)],
                value=default.id if default else CUSTOM,
                allow_blank=False,
                id="programme",
            )
            yield SelectionList[str](
                *[
                    (Text(for_terminal(f"{e.title.get(lang)}  ({e.id})")), e.id)
                    for e in library.exercises.values()
                ],
                id="custom",
            )
            yield Static(id="error", classes="error-text")
            with Horizontal(id="buttons"):
                yield Button(t("tui.new.create", lang), variant="primary", id="create")
                yield Button(t("tui.cancel", lang), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#custom").display = self.query_one("#programme", Select).value == CUSTOM
        self.query_one("#title", Input).focus()
        self._picked: list[str] = []

    @on(Select.Changed, "#programme")
    def toggle_custom(self, event: Select.Changed) -> None:
        self.query_one("#custom").display = event.value == CUSTOM

    @on(SelectionList.SelectionToggled, "#custom")
    def keep_pick_order(self, event: SelectionList.SelectionToggled[str]) -> None:
        value = event.selection.value
        if value in self._picked:
            self._picked.remove(value)
        else:
            self._picked.append(value)

    @on(Button.Pressed, "#create")
    def action_create(self) -> None:
        """Validate the form and return the new session."""
        lang = self.lang
        error = self.query_one("#error", Static)
        title = self.query_one("#title", Input).value.strip()
        if not title:
            error.update(t("tui.new.err.title", lang))
            self.query_one("#title", Input).focus()
            return
        day = self.query_one("#date", Input).value.strip()
        if not valid_date(day):  # the one check the loader makes: a session saved here opens again
            error.update(t("tui.new.err.date", lang))
            self.query_one("#date", Input).focus()
            return
        participants = parse_participants(self.query_one("#participants", Input).value)
        if participants is None:
            error.update(t("tui.new.err.participants", lang))
            self.query_one("#participants", Input).focus()
            return
        library = self.workshop.library
        programme_id = self.query_one("#programme", Select).value
        if programme_id == CUSTOM:
            ids = list(self._picked)
        else:
            programme = library.programmes[str(programme_id)]
            ids = [e for e in programme.exercises if e in library.exercises]
        if not ids:
            error.update(t("tui.new.err.exercises", lang))
            return
        groups = [g.strip() for g in self.query_one("#groups", Input).value.split(",") if g.strip()]
        try:
            session: Session = new_session(
                title=title,
                date=day,
                exercises=[library.exercises[i] for i in ids],
                participants=participants,
                groups=groups,
                organisation=self.query_one("#organisation", Input).value.strip(),
                facilitator=self.query_one("#facilitator", Input).value.strip(),
                language=str(self.query_one("#language", Select).value),
            )
        except ValueError as refused:  # e.g. a pasted text longer than a session file holds
            error.update(refusal(refused, lang))
            return
        self.dismiss(session)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close the form without creating anything."""
        self.dismiss(None)
