"""The programme overview: every exercise on the agenda with its status."""

from __future__ import annotations

from textual.widgets import OptionList
from textual.widgets.option_list import Option

from workshop_tui.model import Session
from workshop_tui.tui.strings import tr

MARKS = {"not_started": "○", "in_progress": "◐", "done": "●"}


class Agenda(OptionList):
    """Lists the agenda; selecting an entry asks the screen to go there."""

    DEFAULT_CSS = """
    Agenda {
        width: 30;
        height: 1fr;
        border: none;
        border-right: solid $primary 50%;
        padding: 0;
    }
    """

    def show(self, session: Session, current: str, lang: str) -> None:
        """List the agenda with status marks, the current exercise highlighted."""
        options = []
        for number, exercise_id in enumerate(session.agenda, start=1):
            status = session.status(exercise_id)
            title = session.exercise(exercise_id).title.get(lang)
            options.append(Option(f"{MARKS[status]} {number}. {title}", id=exercise_id))
        highlighted = session.agenda.index(current) if current in session.agenda else 0
        self.set_options(options)
        self.highlighted = highlighted
        self.tooltip = " · ".join(f"{m} {tr('status.' + s, lang)}" for s, m in MARKS.items())
