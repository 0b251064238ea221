"""The view for action lists (sheet 45): a challenge and N trial actions per group."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label, Select, Static

from workshop_tui.figures import ranking_values
from workshop_tui.model import Action, Exercise, Session
from workshop_tui.model.dates import normalise_date, reference_date
from workshop_tui.model.refusal import Refused, refusal_text
from workshop_tui.stats import rank
from workshop_tui.tui.messages import EditRequested
from workshop_tui.tui.strings import tr
from workshop_tui.tui.views.base import GroupTextsView, session_edit

CHALLENGES_PER_EXERCISE = 3


def challenge_options(session: Session, exercise: Exercise, lang: str) -> list[str]:
    """The top items of the exercises named in ``challenge_from``, highest first.

    Rating grids rank by mean (reverse-scored items turned round), dot votes by dots.
    """
    options = []
    for source_id in exercise.challenge_from:
        source = session.exercises.get(source_id)
        if source is None or source.scale is None:
            continue
        values = ranking_values(source, session.answers_for(source_id))
        for item_id in rank(values)[:CHALLENGES_PER_EXERCISE]:
            value = values[item_id]
            if value is None:
                continue
            if source.is_vote:
                figure = tr("vote.dots", lang, n=int(value))
            else:
                figure = f"{value:.1f}".replace(".", "," if lang == "da" else ".")
            options.append(f"{source.item(item_id).text.get(lang)} ({source.title.get(lang)}: {figure})")
    return options


class ActionsView(GroupTextsView):
    """Instructions, the group's challenge, and one row per action: text, owner, date."""

    DEFAULT_CSS = """
    ActionsView #actions-head { height: auto; padding: 0 1; }
    ActionsView #actions-body { height: 1fr; padding: 0 1; }
    ActionsView .action-row { height: auto; }
    ActionsView .action-row Label { width: 12; padding: 1 1 0 0; }
    ActionsView .action-text { width: 3fr; }
    ActionsView .action-owner { width: 1fr; }
    ActionsView .action-due { width: 18; }
    ActionsView #due-error { height: auto; padding: 0 1; }
    ActionsView #challenge { width: 1fr; }
    ActionsView #pick { width: 1fr; }
    """

    def __init__(self, exercise: Exercise, lang: str) -> None:
        super().__init__(exercise, lang)
        self._filling = False

    def compose(self) -> ComposeResult:
        lang = self.lang
        yield Static(id="actions-head")
        with VerticalScroll(id="actions-body"):
            if self.exercise.challenge_prompt is not None:
                yield Label(self.exercise.challenge_prompt.get(lang), classes="heading")
                with Horizontal(classes="action-row"):
                    yield Input(id="challenge", placeholder=tr("actions.challenge", lang))
                    yield Select[str]([], prompt=tr("actions.pick", lang), id="pick")
            label = (
                self.exercise.action_label.get(lang)
                if self.exercise.action_label
                else tr("actions.text", lang)
            )
            for index in range(self.exercise.count):
                with Horizontal(classes="action-row"):
                    yield Label(f"{label} {index + 1}")
                    yield Input(
                        id=f"text-{index}", classes="action-text", placeholder=tr("actions.text", lang)
                    )
                    yield Input(
                        id=f"owner-{index}", classes="action-owner", placeholder=tr("actions.owner", lang)
                    )
                    yield Input(id=f"due-{index}", classes="action-due", placeholder=tr("actions.due", lang))
            yield Static(id="due-error", classes="error-text")

    def focus_main(self) -> None:
        self.query_one("#text-0", Input).focus()

    def _fill(self, session: Session) -> None:
        lang, exercise = self.lang, self.exercise
        group = next((g for g in session.groups if g.id == self._group), None)
        head = Text()
        for instruction in exercise.instructions:
            head.append(f"• {instruction.get(lang)}\n")
        if group is not None:
            head.append(f"{tr('sheet.group', lang)}: ", style="dim")
            head.append(group.name, style="bold reverse")
            if len(session.groups) > 1:
                head.append("  (Ctrl+G)", style="dim")
        self.query_one("#actions-head", Static).update(head)
        answers = session.answers_for(exercise.id)
        actions = answers.actions.get(self._group, ())
        self._filling = True
        try:
            if exercise.challenge_prompt is not None:
                self._set_value("#challenge", answers.challenge.get(self._group, ""))
                pick = self.query_one("#pick", Select)
                options = challenge_options(session, exercise, lang)
                pick.set_options([(o, o) for o in options])
            for index in range(exercise.count):
                action = actions[index] if index < len(actions) else Action()
                self._set_value(f"#text-{index}", action.text)
                self._set_value(f"#owner-{index}", action.owner)
                self._set_value(f"#due-{index}", action.due)
        finally:
            self._filling = False

    def _set_value(self, selector: str, value: str) -> None:
        field = self.query_one(selector, Input)
        if field.value != value:
            field.value = value
            field.cursor_position = 0  # show the start of a long text, not its end

    @on(Select.Changed, "#pick")
    def _picked(self, event: Select.Changed) -> None:
        if self._filling or event.value is Select.NULL:
            return
        self.query_one("#challenge", Input).value = str(event.value)

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        if self._filling or not self._group or not event.input.id:
            return
        field = event.input.id
        if field == "challenge":
            edit = session_edit(Session.with_challenge, self.exercise.id, self._group, event.value)
            self.request_edit(EditRequested(edit, merge=f"challenge:{self.exercise.id}:{self._group}"))
            return
        index = int(field.split("-")[1])
        due = self._saved_due(index)
        if field.startswith("due-"):
            # A date is saved once it reads as one ("20/1", "2027-01-20"); while it is half typed
            # (or not a date at all) the last good date stays saved and the line below says why.
            typed = event.value
            try:
                normalise_date(typed, reference_date(self.session.date if self.session else ""))
            except Refused as refused:
                self._show_due_error(refusal_text(refused, self.lang))
                return
            self._show_due_error("")
            due = typed
        action = Action(
            text=self.query_one(f"#text-{index}", Input).value,
            owner=self.query_one(f"#owner-{index}", Input).value,
            due=due,
        )
        edit = session_edit(Session.with_action, self.exercise.id, self._group, index, action)
        self.request_edit(EditRequested(edit, merge=f"action:{self.exercise.id}:{self._group}:{field}"))

    @on(Input.Blurred)
    def _left_date(self, event: Input.Blurred) -> None:
        """Leaving a date field shows the date as it was saved (ISO), or keeps the refusal in view."""
        field = event.input.id or ""
        if not field.startswith("due-") or self.session is None:
            return
        saved = self._saved_due(int(field.split("-")[1]))
        try:
            normalise_date(event.value, reference_date(self.session.date))
        except Refused:
            return
        self._filling = True
        try:
            self._set_value(f"#{field}", saved)
        finally:
            self._filling = False

    def _saved_due(self, index: int) -> str:
        """The date of action ``index`` as the session holds it."""
        if self.session is None:
            return ""
        actions = self.session.answers_for(self.exercise.id).actions.get(self._group, ())
        return actions[index].due if index < len(actions) else ""

    def _show_due_error(self, message: str) -> None:
        self.query_one("#due-error", Static).update(message)
