"""The contract between the session screen and the view of one exercise."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.containers import Vertical
from textual.widget import Widget

from workshop_tui.core.i18n import t
from workshop_tui.core.model import Exercise, Position, Session
from workshop_tui.core.model.exercise import cell_key
from workshop_tui.core.writing import field_text, typed, with_field
from workshop_tui.tui.messages import EditRequested, PositionChanged
from workshop_tui.tui.plain import plain
from workshop_tui.tui.widgets.entry import EntrySelect, FieldEdited, FieldKey

Writing = Mapping[tuple[str, str], tuple[str, ...]]
"""Who writes where from a device now: (group id, field key such as ``t:2``) -> their places."""


def session_edit(method: Callable[..., Session], *args: object) -> Callable[[Session], Session]:
    """An edit for ``EditRequested``: a ``Session.with_*`` method with its arguments after the session.

    ``session_edit(Session.with_score, "resistance", "trust", "p1", 4)`` is the edit that
    sets that score in whichever session it is given.
    """
    return lambda session: method(session, *args)


def typing(exercise_id: str, group_id: str, key: str, event: FieldEdited, merge: str) -> EditRequested:
    """The facilitator's typing in a group's field, typed over what the field showed before it.

    A device's words written there meanwhile are kept beside the facilitator's
    (``core.writing.typed``); when the screen skips this edit for a newer one of the same
    field, the newer one is typed over this one's starting text (``EditRequested.retyped``).
    """

    def over(before: str) -> Callable[[Session], Session]:
        return session_edit(typed, exercise_id, group_id, key, event.value, before)

    def then(session: Session) -> None:
        """Tell the field what its text became: with a device's words merged in, it shows them."""
        if event.settled is not None:
            held = field_text(session, exercise_id, group_id, key)
            try:  # merged: not what saving the typed text alone holds (a date is kept in its own form)
                alone = with_field(session, exercise_id, group_id, key, event.value)
                merged = held != event.value and held != field_text(alone, exercise_id, group_id, key)
            except (ValueError, KeyError):
                merged = False
            event.settled(event.field, event.value, held, merged)

    return EditRequested(over(event.before), merge=merge, before=event.before, retyped=over, then=then)


class ExerciseView(Vertical):
    """Shows one exercise; told about every new session value through ``show``.

    Views never change the session themselves: they post ``EditRequested`` with a
    pure edit and ``PositionChanged`` when the facilitator moves.
    """

    DEFAULT_CSS = """
    ExerciseView {
        height: 1fr;
    }
    """

    def __init__(self, exercise: Exercise, lang: str) -> None:
        super().__init__(classes="exercise-view")
        self.exercise = exercise
        self.lang = lang
        self.session: Session | None = None
        self._group = ""
        """The group (table) whose texts are shown; views without group texts ignore it."""
        self._start: tuple[Session, Position | None] | None = None
        self._ready = False
        self._retired = False
        self._waiting: list[Callable[[], None]] = []

    def request_edit(self, edit: EditRequested) -> None:
        """Ask the session screen to apply (and save) an edit.

        The message goes straight to the screen rather than bubbling up through the
        containers in between: each hop is a turn of the event loop, and a score typed
        while the screen is drawing the cursor's move would otherwise wait a whole frame.
        """
        self.screen.post_message(edit)

    def report_position(self, position: Position) -> None:
        """Tell the session screen where the facilitator is now (``PositionChanged``).

        Straight to the screen, as an edit: bubbled, the message took a turn of the event
        loop at each of the four containers between the view and the screen, on every
        score typed (the cursor moves on), before the screen went idle and drew the frame.
        A view no longer on a screen (closing) has nowhere to report to.
        """
        if self.is_attached:
            self.screen.post_message(PositionChanged(position))

    @property
    def ready(self) -> bool:
        """Whether the view's widgets are mounted and it is still in use (safe to query them)."""
        return self._ready and not self._retired and self.is_attached

    def start(self, session: Session, position: Position | None) -> None:
        """Show ``session`` (and restore ``position``) now, or as soon as the view is mounted.

        Called each time the facilitator comes to the exercise: a view is made once per
        exercise and kept (hidden) when the facilitator moves on, so switching exercises
        never removes widgets that keys or refills may still be on their way to.
        """
        if self.ready:
            self._begin(session, position)
        elif not self._retired:
            self._start = (session, position)

    def renew(self, session: Session) -> None:
        """A newer session for a view still on its way to the screen: it begins with that one.

        ``start`` keeps the session of the moment the facilitator came to the exercise
        until the view is mounted. Every change in between (voting's round hiding the
        results as the facilitator arrives) was otherwise lost: the screen shows changes
        only to a view that is ready, and the view then began with the older session, so
        a blind round's grid showed every score until the next change (found by hand,
        blind15). A ready or retired view is left alone (``show`` reaches a ready one).
        """
        if self._start is not None and not self._retired:
            self._start = (session, self._start[1])

    def on_mount(self) -> None:
        self._ready = True
        if self._start is not None:
            session, position = self._start
            self._start = None
            self._begin(session, position)
        self._call_waiting()

    def when_ready(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once the view is mounted and showing (now, if it is)."""
        if self.ready or self._retired:
            callback()
        else:
            self._waiting.append(callback)

    def retire(self) -> None:
        """The view is about to be removed: it ignores every later call and event."""
        self._retired = True
        self._call_waiting()

    def _call_waiting(self) -> None:
        waiting, self._waiting = self._waiting, []
        for callback in waiting:
            callback()

    def _begin(self, session: Session, position: Position | None) -> None:
        self.load(session)
        if position is not None:
            self.restore(position)
        self.focus_main()

    def show(self, session: Session) -> None:
        """Display ``session``'s answers (after every change); fields being typed in are left alone.

        A text field is only ever filled by ``load``: the session a refill would show
        can be older than what the field holds, while the field's last keys are still on
        their way to the session.
        """
        self.session = session

    def load(self, session: Session) -> None:
        """Display ``session`` including every text field (on arrival, group switch, undo, redo)."""
        self.show(session)

    def refill(self, session: Session) -> None:
        """Show texts that arrived from devices in the fields the facilitator is not typing in."""
        self.show(session)

    def restore(self, position: Position) -> None:
        """Put the cursor (and group) where ``position`` says."""

    def focus_main(self) -> None:
        """Give the keyboard to the view's main widget (with ``take_keyboard``)."""

    def closing_edits(self) -> list[EditRequested]:
        """Edits the view makes when the session closes with a field not left (none by default)."""
        return []

    def take_keyboard(self, widget: Widget) -> None:
        """Give ``widget`` the keyboard now, not by ``widget.focus()``.

        ``focus()`` only asks the app's queue to do it later. The key gate opens as soon
        as the view is ready (``when_ready``): a key already in the app's queue, ahead of
        that request (typed in the burst of the Ctrl+N, Ctrl+B or Ctrl+G that led here),
        was then handed to whatever had the keyboard: nothing (the last view's field was
        blurred as it was hidden), so the key was lost or taken as a command.
        ``tests/ui/test_view_focus.py`` checks every kind.
        """
        self.screen.set_focus(widget)

    def settle_group(self, session: Session) -> None:
        """Keep the shown group if it still exists, else take the remembered one, else the first."""
        ids = [g.id for g in session.groups]
        if self._group not in ids:
            self._group = session.position.group if session.position.group in ids else (ids[0] if ids else "")

    def restore_group(self, position: Position) -> bool:
        """Show the group ``position`` names; True when it is one of the session's groups."""
        if self.session is None or position.group not in [g.id for g in self.session.groups]:
            return False
        self._group = position.group
        return True

    def advance_group(self) -> bool:
        """Move to the next group (wrapping); False when the session has no groups."""
        session = self.session
        if session is None or not session.groups:
            return False
        ids = [g.id for g in session.groups]
        index = ids.index(self._group) if self._group in ids else -1
        self._group = ids[(index + 1) % len(ids)]
        return True


def write_key(field: FieldKey) -> str | None:
    """The key a device writes a view's field under (``core.writing``), from the field's own key."""
    match field:
        case ("text", _, box, *_):
            return f"t:{box}"
        case ("cell", _, row, column) if row.isdigit():
            return f"t:{cell_key(int(row), column)}"
        case ("challenge", _):
            return "challenge"
        case ("action", _, index, part):
            return f"a:{index}:{part}"
    return None


BORDER_TITLE_MARGIN = 6
"""Columns of a bordered field's top line its title cannot use (corners, a space and padding each side)."""


def writing_title(group: str, who: Sequence[str], lang: str, width: int) -> str:
    """The writing mark for a field ``width`` columns wide: "✎ skriver… · Bord 1 (P1)" where it fits.

    A narrow field (a choice cell) cut that to "✎ skriver… · B", and the facilitator could not
    see who was writing. There the mark names who first, "✎ P1 · Bord 1", so that a cut takes
    the end of the group's name (the group on show), never who. Width 0 (not laid out yet): the full form.
    """
    names = ", ".join(who)
    full = t("tui.writing.field", lang, group=group, who=names)
    if width <= 0 or cell_len(full) <= width - BORDER_TITLE_MARGIN:
        return full
    return t("tui.writing_narrow.field", lang, group=group, who=names)


class GroupTextsView(ExerciseView):
    """A view of what each group writes (sheets, tables, actions), one group at a time.

    Showing, restoring and Ctrl+G work the same for all of them; a subclass says only
    how to show the heading (``_fill_head``) and how to load the shown group's texts into
    its fields (``_fill_fields``), each field bound to where its text lives (``FieldEdited``).

    A field a group's scribe is writing in from a device says so on its border
    ("✎ skriver… · Bord 2 (P3)", in the warning colour, readable from across the room) until
    a few seconds after the device's last write; the heading names the other groups
    writing now, so the facilitator knows where Ctrl+G leads.
    """

    DEFAULT_CSS = """
    GroupTextsView .being-written, GroupTextsView Select > SelectCurrent.being-written {
        border: tall $warning;
        border-title-color: $warning;
        border-title-style: bold;
    }
    """

    _writing: Writing = {}
    """Who writes where from a device now (``show_writers``)."""

    def show_writers(self, writing: Writing) -> None:
        """Mark the fields devices are writing in now, and name the other groups writing."""
        if writing == self._writing:
            return
        self._writing = writing
        if self.ready and self.session is not None:
            self._fill_head(self.session)
            self._mark_fields()

    def _mark_fields(self) -> None:
        session, lang = self.session, self.lang
        if session is None:
            return
        labels = {g.id: g.label(lang) for g in session.groups}
        for widget in self.query("EntryInput, EntryArea, EntrySelect"):
            field: FieldKey | None = getattr(widget, "field", None)
            key = write_key(field) if field else None
            who = self._writing.get((field[1], key), ()) if field and key else ()
            # A choice (Select) draws no border of its own: the box it shows its choice in does.
            marked = widget.query_one("SelectCurrent") if isinstance(widget, EntrySelect) else widget
            title = (
                writing_title(labels.get(field[1], ""), who, lang, marked.outer_size.width)
                if field and who
                else None
            )
            # Group names and participants' labels come from a file that may have been mailed
            # here: the title is plain Content, never markup ("[/]" would crash the screen and
            # "[@click=…]" would be a link). What is shown is kept beside the widget, since
            # Textual hands the title back as escaped markup.
            if getattr(marked, "_shown_writing_title", None) != title:
                marked.border_title = None if title is None else plain(title, one_line=True)
                setattr(marked, "_shown_writing_title", title)  # noqa: B010
            marked.set_class(bool(who), "being-written")

    def on_resize(self) -> None:
        """A narrower or wider field may need a shorter or the full writing mark (``writing_title``),
        and the heading a shorter or the full group name (``group_line``)."""
        if self._writing:
            self.call_after_refresh(self._mark_fields)
        if self.ready and self.session is not None:
            self.call_after_refresh(self._refill_head)

    def _refill_head(self) -> None:
        if self.ready and self.session is not None and self.is_attached:
            self._fill_head(self.session)

    def writing_elsewhere(self, session: Session) -> Text | None:
        """ "✎ Bord 2 skriver nu (Ctrl+G)": the other groups whose scribes write now, for the heading."""
        others = {group for group, _ in self._writing if group != self._group}
        if not others:
            return None
        names = ", ".join(g.label(self.lang) for g in session.groups if g.id in others)
        return Text(t("tui.writing.elsewhere", self.lang, groups=names), style="bold")

    _fill_head: Callable[[Session], None]
    """Show the heading for the shown group (each view defines it)."""
    _fill_fields: Callable[[Session], None]
    """Load the shown group's texts into the view's fields (each view defines it)."""

    def show(self, session: Session) -> None:
        super().show(session)
        if not self.ready:
            return
        self.settle_group(session)
        self._fill_head(session)

    def load(self, session: Session) -> None:
        self.show(session)
        if self.ready:
            self._fill_fields(session)
            self._mark_fields()  # the marks of the group now shown

    def refill(self, session: Session) -> None:
        """Texts that arrived from devices: every field shows them (``load(…, gently=True)``),
        except one whose typing is still on its way to the session (that edit's answer shows them)."""
        self.show(session)
        if self.ready:
            self._gently = True
            try:
                self._fill_fields(session)
            finally:
                self._gently = False

    _gently = False
    """Set while ``refill`` fills the fields: a view's ``_fill_fields`` passes it to ``load``."""

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        """Leaving a field shows what devices wrote in it while the facilitator typed there."""
        self.left_field(event.widget)
        if self.session is not None:
            self.refill(self.session)

    def left_field(self, widget: Widget) -> None:
        """The keyboard left ``widget``: a view settles what it holds before the refill shows the
        saved texts (a date field that holds no date, ``ActionsView``)."""

    def restore(self, position: Position) -> None:
        if self.ready and self.restore_group(position) and self.session is not None:
            self.load(self.session)

    def next_group(self) -> None:
        """Show the next group's texts; every word of the last one is already on its way to the file."""
        session = self.session
        if not self.ready or session is None or not self.advance_group():
            return
        self.load(session)
        self.report_position(Position(self.exercise.id, 0, 0, self._group))
