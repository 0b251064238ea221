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
        self._due_typed: tuple[FieldKey, str] | None = None
        """The date field last typed in and its text then (``closing_edits``)."""
        self._unapplied: EditRequested | None = None
        """The edit that kept a date field's words, until the screen applies it (``closing_edits``)."""

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
                    # keyboard: the group it leaves is left as if by Tab.
                    if field.field is not None:
                        self._settle_due(field)
                    self._due_typed = None
                elif (
                    part == "due"
                    and self._gently
                    and field.field == key
                    and field.typed
                    and not field.has_focus
                ):
                    # Left in a burst ("…Tab words Tab"): an earlier field's blur refills before
                    # this field's own blur has kept its words, and showed the saved date over
                    # them (found by hand, explore17). It is left now, so it is settled now.
                    self._settle_due(field)
                    continue
                field.load(key, getattr(action, part), gently=self._gently)
        self._show_due_problems()

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
                # Words left there are kept as written when the field is left (``_settle_due``).
                self._show_due_problems()
                if not self._reads_as_date(event.value):
                    return
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
        """Entering a date field: nothing typed there yet (see ``closing_edits``)."""
        field = event.widget
        if isinstance(field, EntryInput) and _is_due(field.field):
            self._due_typed = None

    def left_field(self, widget: Widget) -> None:
        """Leaving a date field shows the date as it was saved (ISO), or keeps its words as written."""
        if isinstance(widget, EntryInput) and _is_due(widget.field):
            self._settle_due(widget)
            self._due_typed = None

    def _reads_as_date(self, text: str) -> bool:
        """Whether a date field's ``text`` reads as a date ("" included: no date)."""
        try:
            normalise_date(text, reference_date(self.session.date if self.session else ""))
        except Refused:
            return False
        return True

    def _saved_due(self, key: FieldKey) -> str:
        """The date saved for the action a date field's ``key`` names."""
        if self.session is None:
            return ""
        actions = self.session.answers_for(self.exercise.id).actions.get(key[1], ())
        index = int(key[2])
        return actions[index].due if index < len(actions) else ""

    def _keep_words(self, key: FieldKey | None, text: str) -> EditRequested | None:
        """When date field ``key`` is left holding ``text`` that is no date and not yet saved as
        such: the edit that keeps it as written; else None."""
        if key is None or self.session is None or not _is_due(key) or self._reads_as_date(text):
            return None
        if text == self._saved_due(key):
            return None
        index = int(key[2])
        edit = action_edit(self.exercise.id, key[1], index, "due", text, due_as_written=True)
        return EditRequested(edit, merge=f"action:{self.exercise.id}:{key[1]}:due-{index}")

    def _settle_due(self, field: EntryInput) -> None:
        """The date field is left: a date stays (shown as saved, ISO); other words stay as written.

        A facilitator never loses a word: "næste fredag" typed before the room was once
        replaced by the date saved before, and survived only in a 10-second notice. It is now
        saved as the action's due as written (as an old file's "uge 12" is), stays in the
        field, which stays red, and the line below says it is no date and how to write one;
        the exports list it under the dates written as text. A date the typing saved on its
        way ("1.1" of "1.13.2027", 1 January) is replaced by the words, so no date nobody meant
        reaches management.
        """
        key, session = field.field, self.session
        if key is None or session is None:
            return
        kept = self._keep_words(key, field.value)
        if kept is None:
            if self._reads_as_date(field.value):
                field.load(key, self._saved_due(key))
            self._show_due_problems()
            return
        keep = kept.edit

        def applied(current: Session) -> Session:
            if self._unapplied is kept:  # the screen has it: nothing left for the close to do
                self._unapplied = None
            return keep(current)

        self._unapplied = kept
        self.request_edit(EditRequested(applied, merge=kept.merge))
        # The view reads the words kept at once: the refill that follows a blur would
        # otherwise show the saved prefix again until the screen publishes the edit.
        self.session = keep(session)
        field.load(key, field.value)
        self._show_due_problems()

    def closing_edits(self) -> list[EditRequested]:
        """The session closes (Ctrl+Q, Esc, a closed terminal) while a date field holds no date:
        its words are kept as by Tab (the saved prefix "1.1" of "1.13.2027" stayed)."""
        if self._unapplied is not None:  # left as the app closes: the screen had no turn to apply it
            return [self._unapplied]
        # The view's fields are gone by now (a screen's children unmount first): what the
        # date field holds is the last text it reported.
        typed = self._due_typed
        if typed is None:
            return []
        kept = self._keep_words(*typed)
        return [kept] if kept is not None else []

    def _show_due_problems(self) -> None:
        """Each date field that holds no date is marked (red at 5 m), and the line below the
        actions says which and why: while typed, what could not be read; once left, also that
        the words are kept as written, not as a date."""
        if not self.ready or self.session is None:
            return
        lang, body = self.lang, self.body
        label = body.action_label.get(lang) if body.action_label else t("tui.actions.text", lang)
        reference = reference_date(self.session.date)
        lines = []
        for index in range(body.count):
            field = self.query_one(f"#due-{index}", EntryInput)
            try:
                normalise_date(field.value, reference)
            except Refused as refused:
                field.add_class("-invalid")
                wording = "tui.actions.due_typing" if field.has_focus else "tui.actions.due_kept"
                action = f"{label} {index + 1}"
                lines.append(t(wording, lang, action=action, refused=refusal_text(refused, lang)))
            else:
                field.remove_class("-invalid")
        self.query_one("#due-error", Static).update(plain("\n".join(lines)))  # quotes what was typed


def _is_due(key: FieldKey | None) -> bool:
    """Whether ``key`` names an action's date field."""
    return key is not None and key[0] == "action" and len(key) == 4 and key[3] == "due"


def action_edit(
    exercise_id: str, group: str, index: int, part: str, value: str, *, due_as_written: bool = False
) -> Callable[[Session], Session]:
    """The edit that sets one part (text, owner or due) of a group's action, keeping the other two.

    The other parts are read from the session the edit is applied to, not from the fields
    on screen: those may already show another group. ``due_as_written``: a due that is no
    date is kept as written (``Session.with_action``).
    """

    def edit(session: Session) -> Session:
        actions = session.answers_for(exercise_id).actions.get(group, ())
        action = actions[index] if index < len(actions) else Action()
        changed = replace(action, **{part: value})
        return session.with_action(exercise_id, group, index, changed, due_as_written=due_as_written)

    return edit
