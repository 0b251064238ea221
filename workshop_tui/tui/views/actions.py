"""The view for action lists (sheet 45): a challenge and N trial actions per group."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label, Select, Static

from workshop_tui.core.i18n import t
from workshop_tui.core.kinds.actions import ActionBody
from workshop_tui.core.model import Action, Exercise, Session
from workshop_tui.core.model.dates import normalise_date, reference_date
from workshop_tui.core.model.refusal import Refused, refusal_text
from workshop_tui.core.results.rules import challenges
from workshop_tui.tui.messages import EditRequested
from workshop_tui.tui.plain import plain, plain_text
from workshop_tui.tui.views.base import GroupTextsView, typing
from workshop_tui.tui.views.group_line import append_group
from workshop_tui.tui.widgets.entry import EntryInput, FieldEdited
from workshop_tui.tui.widgets.text_panel import show_text


def challenge_options(session: Session, exercise: Exercise, lang: str) -> list[str]:
    """The items of the exercises named in ``challenge_from`` that call for action.

    Which items, and in which order, is the core's rule (``results.challenges``): the
    weakest items after polarity (most resistance first), or a vote's most-dotted options.
    """
    options = []
    for source_id in exercise.body_as(ActionBody).challenge_from:
        source = session.exercises.get(source_id)
        if source is None or source.scale is None:
            continue
        for item_id, value in challenges(source, session.answers_for(source_id), minimum=session.min_answers):
            if source.is_vote:
                figure = t("tui.vote.dots", lang, n=int(value))
            else:
                figure = f"{value:.1f}".replace(".", "," if lang == "da" else ".")
            options.append(f"{source.item(item_id).text.get(lang)} ({source.title.get(lang)}: {figure})")
    return options


class ActionsView(GroupTextsView):
    """Instructions, the group's challenge, and one row per action: text, owner, date."""

    def __init__(self, exercise: Exercise, lang: str) -> None:
        super().__init__(exercise, lang)
        self._options: list[str] = []
        """The challenges the pick list offers now (set again only when they change)."""

    DEFAULT_CSS = """
    ActionsView #actions-head { height: auto; padding: 0 1; }
    ActionsView #actions-body { height: 1fr; padding: 0 1; }
    ActionsView .action-row { height: auto; }
    ActionsView .action-row Label { width: 12; padding: 1 1 0 0; }
    ActionsView .action-text { width: 3fr; }
    /* An owner's name whole at 80 columns (a quarter of the rest showed "Mette-"); the date
       field holds a date and the cursor, no more. */
    ActionsView .action-owner { width: 1fr; min-width: 18; }
    ActionsView .action-due { width: 17; }
    ActionsView #due-error { height: auto; padding: 0 1; }
    ActionsView #challenge { width: 1fr; }
    ActionsView #pick { width: 1fr; }
    """

    @property
    def body(self) -> ActionBody:
        """The list's count, labels, challenge and instructions."""
        return self.exercise.body_as(ActionBody)

    def compose(self) -> ComposeResult:
        lang = self.lang
        yield Static(id="actions-head")
        with VerticalScroll(id="actions-body", can_focus=False):
            if self.body.challenge_prompt is not None:
                yield Label(plain(self.body.challenge_prompt.get(lang)), classes="heading")
                with Horizontal(classes="action-row"):
                    yield EntryInput(id="challenge", placeholder=t("tui.actions.challenge", lang))
                    yield Select[str]([], prompt=t("tui.actions.pick", lang), id="pick")
            label = (
                self.body.action_label.get(lang) if self.body.action_label else t("tui.actions.text", lang)
            )
            for index in range(self.body.count):
                with Horizontal(classes="action-row"):
                    yield Label(plain(f"{label} {index + 1}", one_line=True))
                    yield EntryInput(
                        id=f"text-{index}", classes="action-text", placeholder=t("tui.actions.text", lang)
                    )
                    yield EntryInput(
                        id=f"owner-{index}", classes="action-owner", placeholder=t("tui.actions.owner", lang)
                    )
                    yield EntryInput(
                        id=f"due-{index}", classes="action-due", placeholder=t("tui.actions.due", lang)
                    )
            yield Static(id="due-error", classes="error-text")

    def focus_main(self) -> None:
        if self.ready and self.body.count:
            # At once (as the grid does), not by ``focus()``, which waits for the app's queue: on
            # opening (the demo opens here) the field took the keyboard after the first frame
            # and the screen was drawn a second time.
            self.take_keyboard(self.query_one("#text-0", EntryInput))

    def _fill_head(self, session: Session) -> None:
        lang, exercise, body = self.lang, self.exercise, self.body
        group = next((g for g in session.groups if g.id == self._group), None)
        head = Text()
        for instruction in body.instructions:
            head.append(f"• {instruction.get(lang)}\n")
        if group is not None:
            width = self.query_one("#actions-head", Static).content_region.width
            append_group(head, group.label(lang), lang, more_groups=len(session.groups) > 1, width=width)
        elsewhere = self.writing_elsewhere(session)
        if elsewhere is not None:
            head.append("   ")
            head.append_text(elsewhere)
        show_text(self.query_one("#actions-head", Static), head)
        if body.challenge_prompt is not None:
            pick = self.query_one("#pick", Select)
            options = challenge_options(session, exercise, lang)
            if options != self._options:
                self._options = options
                with self.prevent(Select.Changed):
                    pick.set_options((plain_text(o, one_line=True), o) for o in options)

    def _fill_fields(self, session: Session) -> None:
        exercise, body, group = self.exercise, self.body, self._group
        answers = session.answers_for(exercise.id)
        actions = answers.actions.get(group, ())
        if body.challenge_prompt is not None:
            field = self.query_one("#challenge", EntryInput)
            field.load(("challenge", group), answers.challenge.get(group, ""), gently=self._gently)
        for index in range(body.count):
            action = actions[index] if index < len(actions) else Action()
            for part in ("text", "owner", "due"):
                field = self.query_one(f"#{part}-{index}", EntryInput)
                field.load(("action", group, str(index), part), getattr(action, part), gently=self._gently)

    @on(Select.Changed, "#pick")
    def _picked(self, event: Select.Changed) -> None:
        event.stop()
        if event.value is not Select.NULL:
            field = self.query_one("#challenge", EntryInput)
            field.value = str(event.value)  # reported by the field, bound to its group

    @on(FieldEdited)
    def _typed(self, event: FieldEdited) -> None:
        event.stop()
        kind, group, *where = event.field
        if not group:
            return
        exercise_id = self.exercise.id
        if kind == "challenge":  # typed over ``event.before``: a device's words there are kept
            self.request_edit(
                typing(exercise_id, group, "challenge", event, f"challenge:{exercise_id}:{group}")
            )
        elif kind == "action":
            index, part = int(where[0]), where[1]
            if part == "due":
                # A date is saved once it reads as one ("20/1", "2027-01-20"); while it is half typed
                # (or not a date at all) the last good date stays saved and the line below says why.
                try:
                    normalise_date(event.value, reference_date(self.session.date if self.session else ""))
                except Refused as refused:
                    self._show_due_error(refusal_text(refused, self.lang), event)
                    return
                self._show_due_error("", event)
            else:  # typed over ``event.before``: a device's words written there meanwhile are kept
                key = f"a:{index}:{part}"
                merge = f"action:{exercise_id}:{group}:{part}-{index}"
                self.request_edit(typing(exercise_id, group, key, event, merge))
                return
            # A date is one value: the facilitator's date holds (a device's is kept beside it by
            # the device's own write, ``core.writing``).
            self.request_edit(
                EditRequested(
                    action_edit(exercise_id, group, index, part, event.value),
                    merge=f"action:{exercise_id}:{group}:{part}-{index}",
                )
            )

    @on(Input.Blurred)
    def _left_date(self, event: Input.Blurred) -> None:
        """Leaving a date field shows the date as it was saved (ISO), or keeps the refusal in view."""
        field = event.input
        if not isinstance(field, EntryInput) or field.field is None or self.session is None:
            return
        kind, group, *where = field.field
        if kind != "action" or len(where) < 2 or where[1] != "due":
            return
        try:
            normalise_date(event.value, reference_date(self.session.date))
        except Refused:
            return
        actions = self.session.answers_for(self.exercise.id).actions.get(group, ())
        index = int(where[0])
        field.load(field.field, actions[index].due if index < len(actions) else "")

    def _show_due_error(self, message: str, edited: FieldEdited) -> None:
        """The refusal below the actions, and the date field itself marked (red at 5 m) until it
        reads as a date again or shows the saved one."""
        self.query_one("#due-error", Static).update(plain(message))  # quotes what was typed
        for field in self.query(EntryInput):
            if field.field == edited.field:
                field.set_class(bool(message), "-invalid")


def action_edit(
    exercise_id: str, group: str, index: int, part: str, value: str
) -> Callable[[Session], Session]:
    """The edit that sets one part (text, owner or due) of a group's action, keeping the other two.

    The other parts are read from the session the edit is applied to, not from the fields
    on screen: those may already show another group.
    """

    def edit(session: Session) -> Session:
        actions = session.answers_for(exercise_id).actions.get(group, ())
        action = actions[index] if index < len(actions) else Action()
        return session.with_action(exercise_id, group, index, replace(action, **{part: value}))

    return edit
