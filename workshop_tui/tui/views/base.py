"""The contract between the session screen and the view of one exercise."""

from __future__ import annotations

from textual.containers import Vertical

from workshop_tui.model import Exercise, Position, Session


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
        self._start: tuple[Session, Position | None] | None = None

    def start(self, session: Session, position: Position | None) -> None:
        """Show ``session`` (and restore ``position``) as soon as the view is mounted."""
        if self.is_mounted:
            self._begin(session, position)
        else:
            self._start = (session, position)

    def on_mount(self) -> None:
        if self._start is not None:
            session, position = self._start
            self._start = None
            self._begin(session, position)

    def _begin(self, session: Session, position: Position | None) -> None:
        self.show(session)
        if position is not None:
            self.restore(position)
        self.focus_main()

    def show(self, session: Session) -> None:
        """Display ``session``'s answers to this exercise (called after every change)."""
        self.session = session

    def restore(self, position: Position) -> None:
        """Put the cursor (and group) where ``position`` says."""

    def focus_main(self) -> None:
        """Give the keyboard to the view's main widget."""
