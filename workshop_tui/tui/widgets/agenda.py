"""The programme overview: every exercise on the agenda with its status."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import OptionList
from textual.widgets.option_list import Option

from workshop_tui.core.i18n import t
from workshop_tui.core.model import Session
from workshop_tui.tui.after_frame import AfterFrame
from workshop_tui.tui.messages import Change
from workshop_tui.tui.plain import plain

if TYPE_CHECKING:
    from workshop_tui.tui.controller import SessionController

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

    _entries: tuple[tuple[str, str], ...] = ()
    """The (text, exercise id) entries last listed."""

    def allow_focus(self) -> bool:
        """Not while hidden (a narrow screen): Textual's first focus went to it, hidden or not,
        and the view then took the keyboard from it, restyling both on opening."""
        return self.display and super().allow_focus()

    def observe(self, controller: SessionController) -> None:
        """List the open session from now on: again whenever its answers or its exercise change."""

        def show() -> None:
            self.show(controller.session, controller.current, controller.lang)

        later = AfterFrame(self, show)

        def changed(change: Change) -> None:
            if change is Change.TIMER or change is Change.VOTING:
                return
            if change is Change.SESSION:
                later()  # a keystroke: its status marks follow the frame that shows the score
            else:
                show()

        controller.subscribe(self, changed)
        show()

    def show(self, session: Session, current: str, lang: str) -> None:
        """List the agenda with status marks, the current exercise highlighted."""
        entries = tuple(
            (f"{MARKS[session.status(eid)]} {number}. {session.exercise(eid).title.get(lang)}", eid)
            for number, eid in enumerate(session.agenda, start=1)
        )
        highlighted = session.agenda.index(current) if current in session.agenda else 0
        if entries != self._entries:
            # Most edits change no status: rebuilding the list would redraw it on every keystroke.
            self._entries = entries
            self.set_options(Option(plain(text, one_line=True), id=eid) for text, eid in entries)
        if self.highlighted != highlighted:
            self.highlighted = highlighted
        self.tooltip = " · ".join(f"{m} {t('tui.status.' + s, lang)}" for s, m in MARKS.items())
