"""How the session screen shows its exercises: one view per exercise visited, kept while hidden.

The screen (``session.py``) lays itself out, opens and closes the session and applies
the views' edits; this part decides what is on show below the title: the current
exercise's view (made on the first visit, hidden and shown again after), a word while
it is being made, nothing but the title for an exercise a burst of steps passes, and
each new session value handed to the view on show. Kept apart because it is one
question (which view, in what state, shows what) that the rest of the screen only asks.
"""

from __future__ import annotations

from rich.text import Text
from textual.containers import Vertical
from textual.widgets import Static

from workshop_tui.core.i18n import t
from workshop_tui.tui.commands import SESSION_COMMANDS, key_help
from workshop_tui.tui.screens.session_actions import SessionActions
from workshop_tui.tui.shelf import shelve
from workshop_tui.tui.strings import session_help
from workshop_tui.tui.views import view_for
from workshop_tui.tui.views.base import ExerciseView, GroupTextsView

STEP_KEYS = {
    key.strip(): 1 if command.action == "next" else -1
    for command in SESSION_COMMANDS
    if command.action in ("next", "previous")
    for key in command.keys.split(",")
}
"""The keys that step to the next (1) or previous (-1) exercise (Ctrl+N, Ctrl+B), as declared."""


class ExerciseViews(SessionActions):
    """The session screen's views of its exercises (``SessionScreen`` makes and lays them out)."""

    view: ExerciseView | None
    """The view on show (None: no exercise, or one a burst of steps passes)."""
    _views: dict[str, ExerciseView]
    """One view per exercise visited, kept (hidden) after the facilitator moves on."""

    def _show_writers(self) -> None:
        """Mark the fields of the view that devices are writing in now (views of groups' texts)."""
        if isinstance(self.view, GroupTextsView):
            self.view.show_writers(self.voting.writers(self.current))

    def _show_exercise(self, *, restore: bool) -> None:
        """Show the current exercise's view: made and mounted on the first visit, shown again after.

        Views are never removed on the way (only hidden), so no key, message or refill
        still on its way to a view can find its widgets gone.
        """
        if self.focused is not None and self.view is not None and self.view in self.focused.ancestors:
            self.set_focus(None)  # no key goes to a field that is being hidden
        showing = self._views.get(self.current) if self.current else None
        for kept in self._views.values():
            if kept.display and kept is not showing:
                self.call_after_refresh(shelve, kept)  # hidden: its drawn lines go (tui/shelf.py)
            kept.display = False
        if not self.current:
            self.view = None
            self.query_one("#view-pending", Static).display = False
            return
        if self._passing_through():
            self.view = None  # only the title of an exercise a burst passes through
            self._show_pending(None)
            self._show_frame()
            return
        view = self._views.get(self.current)
        if view is None:
            view = self._views[self.current] = view_for(self.session.exercise(self.current), self.lang)
            self.query_one("#view-slot", Vertical).mount(view)
        self._show_pending(view)
        view.display = True
        self.view = view
        self.hold_keys_until_ready(view)
        position = self.session.position
        view.start(self.session, position if restore and position.exercise == self.current else None)
        self._show_writers()
        if self.keeper.read_only:
            view.call_after_refresh(self.guard.freeze, view)
        self._show_frame()

    def _show_pending(self, view: ExerciseView | None) -> None:
        """Until ``view`` is up (None: a burst passes by), show the exercise's prompt and a word why.

        Making a table's or grid's view takes 100-400 ms on a loaded laptop; the room
        would see an empty wall below the title meanwhile.
        """
        pending = self.query_one("#view-pending", Static)
        if view is not None and view.ready:
            pending.display = False
            return
        exercise = self.session.exercise(self.current)
        shown = Text()
        if exercise.prompt is not None:
            shown.append(exercise.prompt.get(self.lang) + "\n", style="bold")
        shown.append(t("tui.pending.view", self.lang), style="dim")
        pending.update(shown)
        pending.display = True
        if view is not None:

            def up() -> None:
                if self.view is view:
                    pending.display = False

            view.when_ready(up)

    def _passing_through(self) -> bool:
        """Whether the next key waiting is another step (a burst of Ctrl+B or Ctrl+N).

        Such a step leaves the exercise before anyone could read it: making its view
        (100-400 ms for a table or grid on a loaded laptop, during which the area below the
        title was blank) only delayed the exercise the burst leads to. The exercise's
        title is shown on the way; its view is made when the facilitator stops on it.
        """
        gate = self.key_gate
        step = STEP_KEYS.get(gate.next_held() or "") if gate is not None else None
        if step is None:
            return False
        # A step that cannot move (Ctrl+B on the first exercise, Ctrl+N on the last) ends
        # the burst here: the view must be made now, as no later step will come to make it.
        return 0 <= self.session.agenda.index(self.current) + step < len(self.session.agenda)

    def show_unmade_view(self) -> None:
        """Make the current exercise's view if a burst left it unmade (and none is passing on)."""
        if self.view is None and self.current and not self._passing_through():
            self._show_exercise(restore=False)

    def _show_frame(self) -> None:
        session, lang = self.session, self.lang
        exercise = session.exercise(self.current)
        number = session.agenda.index(self.current) + 1
        self.sub_title = f"{number}/{len(session.agenda)} · {exercise.title.get(lang)}"
        # The wall sees this screen unless F2 is on: the source citation and the private note
        # are shown only on demand (F1 help, F7 notes), never here.
        title = Text(exercise.title.get(lang), style="bold")
        title.append(f"  {number}/{len(session.agenda)}", style="dim")
        self.query_one("#exercise-title", Static).update(title)
        self.show_help_text(session_help(lang, exercise.source.cite(), key_help(SESSION_COMMANDS, lang)))

    def _show_session(self, *, reload: bool = False, arrived: bool = False) -> None:
        """Update every widget to the keeper's session (drawn at the next frame).

        Text fields are filled again only with ``reload`` (undo, redo): after a typed edit
        the field already holds that text, or a newer one whose edit is still on its way.
        """
        if self.view is not None and not self.view.ready:
            self.view.renew(self.session)  # not mounted yet: it begins with this session, not an older one
        elif self.view is not None:
            if reload:
                self.view.load(self.session)
            elif arrived:  # votes or texts from devices: the fields show the texts (see ``refill``)
                self.view.refill(self.session)
            else:
                self.view.show(self.session)
