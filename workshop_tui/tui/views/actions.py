"""The view for action lists (sheet 45): a challenge and N trial actions per group."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import Label, Select, Static

from workshop_tui.core.i18n import t
from workshop_tui.core.kinds.actions import ActionBody
from workshop_tui.core.model import Action, Exercise, Session
from workshop_tui.core.model.dates import normalise_date, reference_date
from workshop_tui.core.model.refusal import Refused, refusal_text
from workshop_tui.core.results.numbers import WALL_DIGITS
from workshop_tui.core.results.numbers import figure as number_text
from workshop_tui.core.results.rules import challenges
from workshop_tui.tui.messages import EditRequested
from workshop_tui.tui.plain import plain, plain_text
from workshop_tui.tui.views.base import GroupTextsView, typing
from workshop_tui.tui.views.group_line import append_group
from workshop_tui.tui.widgets.entry import EntryInput, FieldEdited, FieldKey
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
                figure = number_text(value, lang, WALL_DIGITS)
            options.append(f"{source.item(item_id).text.get(lang)} ({source.title.get(lang)}: {figure})")
    return options


class ActionsView(GroupTextsView):
    """Instructions, the group's challenge, and one row per action: text, owner, date."""

    def __init__(self, exercise: Exercise, lang: str) -> None:
        super().__init__(exercise, lang)
        self._options: list[str] = []
        """The challenges the pick list offers now (set again only when they change)."""
        self._due_entered: tuple[FieldKey, str] | None = None
        """The date field with the keyboard and the date saved when it was entered: what comes
        back when it is left holding text that is not a date (``_settle_due``)."""
        self._due_typed: tuple[FieldKey, str] | None = None
        """The date field last typed in and its text then (``closing_edits``)."""
        self._due_sent: tuple[FieldKey, str] | None = None
        """The date field and the last date (ISO) its typing asked to save since it was entered:
        whether the date brought back had changed meanwhile, even before the screen applied it."""
        self._unapplied: EditRequested | None = None
        """The edit that brought a date back, until the screen applies it (``closing_edits``)."""

    DEFAULT_CSS = """
    ActionsView #actions-head { height: auto; padding: 0 1; }
    ActionsView #actions-body { height: 1fr; padding: 0 1; }
    ActionsView .action-row { height: auto; }
    ActionsView .action-row Label { width: 12; padding: 1 1 0 0; }
    ActionsView .action-text { width: 3fr; }
    /* An owner's name whole at 80 columns (a quarter of the rest showed "Mette-"); the date
       field holds its example ("fx 20.1.2027", 12 cells) or a date and the cursor, no more. */
    ActionsView .action-owner { width: 1fr; min-width: 18; }
    ActionsView .action-due { width: 18; }
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
                key = ("action", group, str(index), part)
                if part == "due" and field.has_focus and field.field != key:
                    # Ctrl+G (or an undo) moves the field to another group while it has the
                    # keyboard: the group it leaves is left as if by Tab, and the entered date
                    # is the new group's.
                    if field.field is not None:
                        self._settle_due(field)
                    self._due_entered, self._due_typed, self._due_sent = (key, action.due), None, None
                field.load(key, getattr(action, part), gently=self._gently)

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
                self._due_typed = (event.field, event.value)
                # A date is saved once it reads as one ("20/1", "2027-01-20"); while it is half typed
                # (or not a date at all) the last good date stays saved and the line below says why.
                try:
                    read = normalise_date(
                        event.value, reference_date(self.session.date if self.session else "")
                    )
                except Refused as refused:
                    self._show_due_error(refusal_text(refused, self.lang), event)
                    return
                self._due_sent = (event.field, read)
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

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Entering a date field remembers the date saved then (see ``_settle_due``)."""
        field = event.widget
        if isinstance(field, EntryInput) and _is_due(field.field) and field.field is not None:
            self._due_entered = (field.field, self._saved_due(field.field))
            self._due_typed = self._due_sent = None

    def left_field(self, widget: Widget) -> None:
        """Leaving a date field shows the date as it was saved (ISO), before the refill (which
        would show the last saved prefix in place of the text that is no date)."""
        if isinstance(widget, EntryInput) and _is_due(widget.field):
            self._settle_due(widget)
            self._due_entered = self._due_typed = self._due_sent = None

    def _saved_due(self, key: FieldKey) -> str:
        """The date saved for the action a date field's ``key`` names."""
        if self.session is None:
            return ""
        actions = self.session.answers_for(self.exercise.id).actions.get(key[1], ())
        index = int(key[2])
        return actions[index].due if index < len(actions) else ""

    def _no_date_edit(self, key: FieldKey | None, text: str) -> tuple[EditRequested, str, Refused] | None:
        """When date field ``key`` holds ``text`` that is not a date: the edit that brings back the
        date saved when it was entered, that date, and the refusal; else None."""
        session = self.session
        if key is None or session is None or not _is_due(key):
            return None
        try:
            normalise_date(text, reference_date(session.date))
        except Refused as refused:
            entered = self._due_entered
            back = entered[1] if entered is not None and entered[0] == key else self._saved_due(key)
            index = int(key[2])
            edit = action_edit(self.exercise.id, key[1], index, "due", back)
            return EditRequested(edit, merge=f"action:{self.exercise.id}:{key[1]}:due-{index}"), back, refused
        return None

    def _settle_due(self, field: EntryInput) -> None:
        """The date field is left: a date stays (shown as saved, ISO); other text brings back the
        date saved when the field was entered, with a notice of what could not be read.

        While a date is typed, each prefix that reads as a date is saved ("1.1" of "1.13.2027"
        is 1 January), so the wall follows the typing; keeping the last such prefix when the
        text ends as no date ("1.13.2027": month 13) put a date nobody meant before management.
        """
        key, session = field.field, self.session
        if key is None or session is None:
            return
        found = self._no_date_edit(key, field.value)
        if found is None:
            field.load(key, self._saved_due(key))
            return
        closing_edit, back, refused = found
        bring_back = closing_edit.edit
        # "Still" only when no date other than ``back`` was saved meanwhile: "1.13.2027" saved
        # "1.1" (1 January) on its way, and the date on file came back rather than stayed.
        sent = self._due_sent
        changed = self._saved_due(key) != back or (sent is not None and sent[0] == key and sent[1] != back)

        def applied(current: Session) -> Session:
            if self._unapplied is closing_edit:  # the screen has it: nothing left for the close to do
                self._unapplied = None
            return bring_back(current)

        edit = EditRequested(applied, merge=closing_edit.merge)
        self._unapplied = closing_edit
        self.request_edit(edit)
        # The view reads the date brought back at once: the refill that follows a blur
        # would otherwise show the saved prefix again until the screen publishes the edit.
        self.session = bring_back(session)
        self.query_one("#due-error", Static).update("")
        field.load(key, back)
        lang = self.lang
        date = back or t("tui.actions.due_none", lang)
        wording = "tui.actions.due_restored" if changed else "tui.actions.due_back"
        notice = t(wording, lang, refused=refusal_text(refused, lang), date=date)
        self.app.notify(plain(notice, one_line=True).plain, severity="warning", timeout=10, markup=False)

    def closing_edits(self) -> list[EditRequested]:
        """The session closes (Ctrl+Q, Esc, a closed terminal) while a date field holds no date:
        it is left as by Tab, without a notice (the saved prefix "1.1" of "1.13.2027" stayed)."""
        if self._unapplied is not None:  # left as the app closes: the screen had no turn to apply it
            return [self._unapplied]
        # The view's fields are gone by now (a screen's children unmount first): what the
        # date field holds is the last text it reported.
        entered, typed = self._due_entered, self._due_typed
        if entered is None or typed is None or typed[0] != entered[0]:
            return []
        found = self._no_date_edit(*typed)
        return [found[0]] if found is not None else []

    def _show_due_error(self, message: str, edited: FieldEdited) -> None:
        """The refusal below the actions, and the date field itself marked (red at 5 m) until it
        reads as a date again or shows the saved one."""
        self.query_one("#due-error", Static).update(plain(message))  # quotes what was typed
        for field in self.query(EntryInput):
            if field.field == edited.field:
                field.set_class(bool(message), "-invalid")


def _is_due(key: FieldKey | None) -> bool:
    """Whether ``key`` names an action's date field."""
    return key is not None and key[0] == "action" and len(key) == 4 and key[3] == "due"


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
