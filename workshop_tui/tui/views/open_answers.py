"""The open answers kind in the TUI: the facilitator sees each answer first and chooses what the wall shows.

The answers arrive from the participants' devices (voting, F10) in the order they came,
each marked new, on the wall, or hidden. Enter puts the highlighted answer on the wall
(or takes it down), H hides it (or unhides it), A puts every new answer up. The wall
(``PIECE``) shows only answers put up, and their most frequent words; the view shows
every answer and the words of all answers not hidden.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.timer import Timer
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from workshop_tui.core.i18n import t
from workshop_tui.core.kinds.open_answers import OpenBody
from workshop_tui.core.model import Exercise, Session
from workshop_tui.core.model.answers import OpenState
from workshop_tui.core.results.summary_model import ExerciseSummary, OpenAnswersPart
from workshop_tui.core.results.words import frequent_words
from workshop_tui.tui.messages import EditRequested
from workshop_tui.tui.screens.projector_kinds import Piece
from workshop_tui.tui.views.base import ExerciseView, session_edit
from workshop_tui.tui.widgets.cell_text import same_look
from workshop_tui.tui.widgets.text_panel import show_text

HEADING = "bold #FFD700"
ADD_PER_FRAME = 8
"""Answers added to the list per frame while a burst of them arrives (``View._list``)."""
FRAME = 1 / 30
"""The time between two slices of a burst: about a frame of the screen."""
_MARKS = {"new": ("●", "bold #FFD700"), "shown": ("▣", "bold green"), "hidden": ("⊘", "dim")}


def words_line(words: tuple[tuple[str, int], ...], lang: str) -> Text:
    """ "Hyppigste ord: mod ×5 · tillid ×4"."""
    line = Text(t("tui.open.words", lang) + ": ", style="bold")
    line.append(" · ".join(f"{word} ×{n}" for word, n in words))
    return line


class AnswerList(OptionList):
    """The answers, one line each, with the keys that show and hide them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "toggle_shown", "tui.key.open_show", id="open_show"),
        Binding("h", "toggle_hidden", "tui.key.open_hide", id="open_hide"),
        Binding("a", "show_new", "tui.key.open_all", id="open_all"),
    ]

    def action_toggle_shown(self) -> None:
        view = self.parent
        if isinstance(view, View):
            view.toggle("shown")

    def action_toggle_hidden(self) -> None:
        view = self.parent
        if isinstance(view, View):
            view.toggle("hidden")

    def action_show_new(self) -> None:
        view = self.parent
        if isinstance(view, View):
            view.show_new()


class View(ExerciseView):
    """The question, the counts and the frequent words, then every answer with its state."""

    DEFAULT_CSS = """
    View #open-head { height: auto; padding: 0 1; }
    View AnswerList { height: 1fr; }
    """

    def __init__(self, exercise: Exercise, lang: str) -> None:
        super().__init__(exercise, lang)
        self._ids: list[str] = []
        self._lines: list[Text] = []
        """The lines listed, as drawn (a line is drawn again only when it changes)."""
        self._drawn = False
        """Whether the list was filled once: the first fill (opening the view) lists every answer."""
        self._more: Timer | None = None
        """The next slice of a burst of answers, due in a frame."""

    def compose(self) -> ComposeResult:
        yield Static(id="open-head")
        yield AnswerList(id="open-answers")

    def focus_main(self) -> None:
        if self.ready:
            self.take_keyboard(self.query_one(AnswerList))

    def show(self, session: Session) -> None:
        super().show(session)
        if not self.ready:
            return
        lang = self.lang
        answers = session.answers_for(self.exercise.id)
        states = answers.open_state
        question = self.exercise.body_as(OpenBody).question_text or self.exercise.prompt
        head = Text()
        if question is not None:
            head.append(question.get(lang) + "\n", style="bold")
        count = {s: sum(1 for a in answers.opens if states.get(a, "new") == s) for s in _MARKS}
        head.append(
            t(
                "tui.open.count",
                lang,
                n=len(answers.opens),
                shown=count["shown"],
                new=count["new"],
                hidden=count["hidden"],
            )
        )
        visible = [text for a, text in answers.opens.items() if states.get(a) != "hidden"]
        words = frequent_words(visible)
        if words:
            head.append("\n")
            head.append_text(words_line(words, lang))
        head.append("\n" + t("tui.open.help", lang), style="dim")
        show_text(self.query_one("#open-head", Static), head)
        self._list(answers.opens, states)

    def _list(self, opens: Mapping[str, str], states: Mapping[str, OpenState]) -> None:
        """Bring the list up to date: lines whose state changed are redrawn, new answers added.

        A burst of answers that arrives while the list is on screen is added ``ADD_PER_FRAME``
        at a time, one slice per frame: drawing an answer's line costs a few milliseconds on a
        busy laptop, and forty drawn in one frame held the app's event loop 100-200 ms.
        """
        lang = self.lang
        listing = self.query_one(AnswerList)
        highlighted = listing.highlighted
        ids = list(opens)
        options, lines = [], []
        for answer_id in ids:
            state = states.get(answer_id, "new")
            mark, style = _MARKS[state]
            line = Text(f"{mark} ", style=style)
            line.append(opens[answer_id], style="dim" if state == "hidden" else "")
            line.append(f"  ({t(f'tui.open.{state}', lang)})", style="dim")
            options.append(Option(line, id=answer_id))
            lines.append(line)
        kept = len(self._ids)
        if not ids and not kept and listing.option_count == 1:
            pass  # still no answer: the line saying so stays
        elif not ids:
            listing.clear_options()
            listing.add_option(Option(Text(t("tui.open.empty", lang), style="dim"), disabled=True))
            kept = 0
        else:
            if not kept or ids[:kept] != self._ids or listing.option_count != kept:
                listing.clear_options()
                kept = 0
            else:
                # Answers arrive at the end: the lines already listed keep their drawing unless
                # their state changed, so a burst of answers draws only the new ones.
                for index, line in enumerate(lines[:kept]):
                    if not same_look(self._lines[index], line):
                        listing.replace_option_prompt_at_index(index, line)
            end = len(ids)
            if self._drawn and end - kept > ADD_PER_FRAME:
                end = kept + ADD_PER_FRAME
                if self._more is None:
                    self._more = self.set_timer(FRAME, self._add_more)
            listing.add_options(options[kept:end])
            kept = end
        self._ids = ids[:kept]
        self._lines = lines[:kept]
        self._drawn = True
        if kept:
            listing.highlighted = min(highlighted or 0, kept - 1)

    def _add_more(self) -> None:
        """The next slice of a burst of answers (``_list``)."""
        self._more = None
        if self.ready and self.session is not None:
            self.show(self.session)

    def _highlighted_id(self) -> str | None:
        listing = self.query_one(AnswerList)
        index = listing.highlighted
        return self._ids[index] if index is not None and 0 <= index < len(self._ids) else None

    def toggle(self, state: OpenState) -> None:
        """Put the highlighted answer on the wall, or hide it; pressing again undoes it."""
        answer_id = self._highlighted_id()
        if answer_id is None or self.session is None:
            return
        current = self.session.answers_for(self.exercise.id).open_state.get(answer_id)
        new: OpenState | None = None if current == state else state
        edit = session_edit(Session.with_open_state, self.exercise.id, (answer_id,), new)
        self.request_edit(EditRequested(edit))

    def show_new(self) -> None:
        """Put every new answer on the wall (hidden ones stay hidden)."""
        if self.session is None:
            return
        answers = self.session.answers_for(self.exercise.id)
        new = tuple(a for a in answers.opens if a not in answers.open_state)
        if new:
            self.request_edit(
                EditRequested(session_edit(Session.with_open_state, self.exercise.id, new, "shown"))
            )


def _question(exercise: Exercise, lang: str) -> Text:
    question = exercise.body_as(OpenBody).question_text or exercise.prompt
    return Text(question.get(lang) if question is not None else exercise.title.get(lang), style="bold")


def _results(
    session: Session, exercise: Exercise, summary: ExerciseSummary, lang: str, width: int, height: int
) -> RenderableType | None:
    """The answers put on the wall, then their most frequent words; None until one is put up."""
    part = summary.part
    if not isinstance(part, OpenAnswersPart) or not part.shown:
        return None
    blocks: list[RenderableType] = [_question(exercise, lang), Text("")]
    if part.wall_words:
        words = Table.grid(padding=(0, 2))
        for word, n in part.wall_words[: max(3, height // 4)]:
            words.add_row(Text(word, style=HEADING), Text(f"×{n}", style="bold"))
        blocks += [Text(t("tui.open.words", lang), style="bold"), words, Text("")]
    room = max(3, height - len(blocks) - 2)
    shown = part.shown
    for text in shown[-room:]:
        blocks.append(Text(f"▸ {text}"))
    return Group(*blocks)


PIECE = Piece(_question, _results)
"""The question, and once the facilitator has put answers up: the frequent words and those answers."""
