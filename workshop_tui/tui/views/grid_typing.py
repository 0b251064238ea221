"""Typing on the score grid: digits score the highlighted cell and move on, arrows move, Del clears.

A room's scores go in as fast as they are called out; tally mode takes counts instead,
and votes take a choice or a number of dots. Each key becomes one edit of the session
(``grid_edits.py``), asked of the session screen, which saves it before it is shown.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from functools import cache, partial
from typing import Protocol, cast, runtime_checkable

from textual import events

from workshop_tui.core.i18n import t
from workshop_tui.core.kinds.votes import is_single
from workshop_tui.core.model import Exercise, Item, Position, Session
from workshop_tui.core.text_safety import without_invisible
from workshop_tui.tui.messages import EditRequested
from workshop_tui.tui.plain import plain
from workshop_tui.tui.views.base import ExerciseView, session_edit
from workshop_tui.tui.views.grid_edits import Edit, dots_edit, score_edit, tally_edit
from workshop_tui.tui.widgets.score_grid import ScoreGrid

TALLY_APPEND_SECONDS = 1.5
"""A second digit typed within this time extends a tally count (1 then 2 -> 12)."""


MOVES: dict[str, Callable[[ScoreGrid], None]] = {
    "up": ScoreGrid.action_cursor_up,
    "down": ScoreGrid.action_cursor_down,
    "left": ScoreGrid.action_cursor_left,
    "right": ScoreGrid.action_cursor_right,
    "home": ScoreGrid.action_cursor_home,
    "end": ScoreGrid.action_cursor_end,
    "pageup": lambda grid: grid.action_page(-1),
    "pagedown": lambda grid: grid.action_page(1),
    "ctrl+home": ScoreGrid.action_cursor_top,
    "ctrl+end": ScoreGrid.action_cursor_bottom,
}
"""The keys that move the grid's cursor (the table's own bindings, taken in the order typed)."""


@runtime_checkable
class TakesEdits(Protocol):
    """A screen that applies a view's edits (the session screen's ``EditRequested`` handler)."""

    def apply_edit(self, event: EditRequested) -> None: ...


def _in_turn(edits: list[Edit], session: Session) -> Session:
    """``edits`` applied one after the other: a paste's cells as one edit (one save, one undo)."""
    for edit in edits:
        session = edit(session)
    return session


@cache
def _takes_edits(screen: type) -> bool:
    """``isinstance(screen, TakesEdits)``, asked once per screen class: the runtime protocol
    check walks the protocol's attributes on every call (4 µs of each digit's path)."""
    return issubclass(screen, TakesEdits)


class GridTyping(ExerciseView):
    """The keys of a score grid; ``GridView`` shows the session around them."""

    def __init__(self, exercise: Exercise, lang: str) -> None:
        super().__init__(exercise, lang)
        self._tally_buffer: tuple[tuple[int, int], str, float] | None = None
        """The tally cell typed into last, the digits typed there, and when."""

    def request_edit(self, edit: EditRequested) -> None:
        """Have the session screen apply ``edit`` now when nothing waits in its queue, else queue it.

        Posting it cost one more turn of the event loop per key before the save (0.5-0.8 ms
        traced through the pty under load). With messages waiting for the screen (an edit
        of a field, a vote), the edit goes behind them as before, so edits keep their order.
        """
        screen = self.screen
        if screen.message_queue_size == 0 and _takes_edits(type(screen)):
            cast("TakesEdits", screen).apply_edit(edit)
        else:
            super().request_edit(edit)

    _score_grid: ScoreGrid | None = None
    """The score table, kept when composed: a digit asks for it half a dozen times."""

    @property
    def grid(self) -> ScoreGrid:
        """The score table."""
        grid = self._score_grid
        if grid is not None and grid.parent is self:
            return grid
        return self.query_one("#grid", ScoreGrid)

    def on_key(self, event: events.Key) -> None:
        if not self.ready or not self.grid.has_focus or self.session is None:
            return
        answers = self.session.answers_for(self.exercise.id)
        key = event.key
        move = MOVES.get(key)
        if move is not None:
            # Handled here, not by the table's bindings: a binding runs only once the key has
            # bubbled up to the app, so a digit typed right after an arrow (or Home, End…)
            # would overtake it and score the cell the cursor was leaving (found by
            # scripts/crash_test.py for the arrows; in tmux for "Down Home 5 5 5").
            event.stop()
            move(self.grid)
        elif key in ("delete", "backspace"):
            event.stop()
            self._clear_cell()
        elif key == "space" and answers.mode == "participant" and is_single(self.exercise):
            event.stop()
            self._pick_row()
        elif answers.mode == "tally" and key in ("plus", "minus", "equals_sign", "+", "-"):
            event.stop()
            self._bump_tally(1 if key in ("plus", "equals_sign", "+") else -1)
        elif event.character is not None and event.character.isascii() and event.character.isdigit():
            # ASCII only: "²" (AltGr+2 on a German keyboard) passes isdigit and crashed int().
            event.stop()
            if answers.mode == "tally":
                self._type_tally(event.character)
            else:
                self._type_score(int(event.character))

    def on_paste(self, event: events.Paste) -> None:
        """A pasted column or row of scores goes in as if typed, one number per cell, or not at all.

        The grid ignored a bracketed paste (what every terminal and tmux send): a column of
        scores copied from a spreadsheet vanished without a word, while the same paste
        unbracketed typed its digits one by one, and "10" became 1 and 10 in two cells.
        Numbers may be split by line breaks, tabs, spaces or semicolons; not by commas, the
        Danish decimal mark ("3,5" is refused, not typed as 3 and 5). A paste
        that is not all scores, or is longer than the cells left, is refused whole with a
        message naming why: half a paste would leave the facilitator to find where it stopped.
        It is one edit, saved once and undone whole by one Ctrl+Z, as it was one action.
        """
        if not self.ready or not self.grid.has_focus or self.session is None:
            return
        event.stop()
        scale = self.exercise.scale
        mode = self.session.answers_for(self.exercise.id).mode
        if scale is None or self.exercise.is_vote or mode == "tally":
            self._refuse_paste(t("tui.paste.scores_only", self.lang))
            return
        # Invisible characters go first, by the core's rule, as the terminal's parser already
        # takes them out of a bracketed paste on Linux and macOS: "3\u200b" from a web page is
        # the score 3 on every terminal (it was refused as "“3” is not a score" where the paste
        # came as it was copied), and "4\u200b5" is refused as the "45" it looks like.
        words = [word for word in re.split(r"[\s;]+", without_invisible(event.text)) if word]
        for word in words:
            if not (word.isascii() and word.isdigit() and len(word) <= 3 and scale.contains(int(word))):
                shown = plain(word[:12], one_line=True).plain  # pasted text: no escapes reach the screen
                words_of = {"value": shown, "low": scale.min, "high": scale.max}
                self._refuse_paste(t("tui.paste.not_score", self.lang, **words_of))
                return
        if not words or self.grid.cell_target() is None:
            self.app.bell()
            return
        left = self._cells_left()
        if len(words) > left:
            self._refuse_paste(t("tui.paste.too_many", self.lang, n=len(words), left=left))
            return
        edits = []
        phones: dict[str, None] = {}  # the places whose phone answers were pasted over, in order
        for word in words:
            target = self.grid.cell_target()
            assert target is not None  # a cell is left for each number (counted above)
            item, participant = target
            if (who := self._over_a_phone(item.id, participant, say=False)) is not None:
                phones[who] = None
            edits.append(score_edit(self.exercise.id, item.id, participant, int(word), self._next()))
            self._advance()
        self.request_edit(EditRequested(partial(_in_turn, edits)))
        if phones:
            who = ", ".join(phones)
            self.notify(t("tui.grid.typed_over", self.lang, who=who), severity="warning", timeout=8)

    def _cells_left(self) -> int:
        """The cells from the cursor to the grid's last one, in the order typing fills them."""
        grid = self.grid
        row, column = grid.cursor_coordinate
        columns = grid.input_columns()
        return (columns.stop - column) + (grid.row_count - row - 1) * len(columns)

    def _refuse_paste(self, reason: str) -> None:
        self.app.bell()
        self.notify(t("tui.refused", self.lang, reason=reason), severity="warning", timeout=6, markup=False)

    def _typed_target(self) -> tuple[Item, str] | None:
        """The cell a digit goes in: the one under the cursor, or on the row's label the row's first.

        A digit typed on the label column was dropped with only a bell (which many terminals
        do not sound): the facilitator who moved up the rows by their labels saw nothing
        happen. There it now scores the row from its first participant (as after Home); on
        the statistics, which no digit can change, a notice says where to go.
        """
        grid = self.grid
        target = grid.cell_target()
        if target is None and grid.row_count and grid.cursor_coordinate.column < grid.home_column():
            grid.cursor_coordinate = grid.cursor_coordinate._replace(column=grid.home_column())
            target = grid.cell_target()
        if target is None:
            self.app.bell()
            self.notify(t("tui.grid.not_a_cell", self.lang), severity="warning", timeout=3)
        return target

    def _type_score(self, digit: int) -> None:
        scale = self.exercise.scale
        assert scale is not None
        target = self._typed_target()
        if target is None:
            return
        if self.exercise.is_vote:
            self._type_vote(digit, target[1])
            return
        score = 10 if digit == 0 and scale.max == 10 else digit
        if not scale.contains(score):
            self.app.bell()
            self.notify(
                t("tui.refused", self.lang, reason=f"{scale.min}–{scale.max}"), severity="warning", timeout=2
            )
            return
        item, participant = target
        self._over_a_phone(item.id, participant)
        self.request_edit(
            EditRequested(score_edit(self.exercise.id, item.id, participant, score, self._next()))
        )
        self._advance()

    def _over_a_phone(self, item_id: str, participant_id: str, *, say: bool = True) -> str | None:
        """Warn when the score typed is one a phone gave: it stands as typed, the phone may not
        change it again (``Desk.type_over``); said once per answer, not per key. Returns the
        place's label when it was (a paste says them all in one notice)."""
        voting = getattr(self.screen, "voting", None)
        typed_over = getattr(voting, "typed_over", None)
        if typed_over is None or self.session is None:
            return None
        if not typed_over(self.exercise.id, item_id, participant_id):
            return None
        found = self.session.participant(participant_id)
        who = found.label if found is not None else participant_id
        if say:
            self.notify(t("tui.grid.typed_over", self.lang, who=who), severity="warning", timeout=8)
        return str(who)

    def _type_vote(self, digit: int, participant: str) -> None:
        """A single choice: digit k chooses option k. A dot vote: the digit is the dots on this option."""
        exercise = self.exercise
        if is_single(exercise):
            if not 1 <= digit <= len(exercise.items):
                self.app.bell()
                return
            self._over_a_phone(exercise.items[digit - 1].id, participant)
            edit = score_edit(exercise.id, exercise.items[digit - 1].id, participant, 1, self._next())
        else:
            item_id = self.grid.items[self.grid.cursor_row].id
            self._over_a_phone(item_id, participant)
            edit = dots_edit(exercise, item_id, participant, digit or None, self._next(), self.lang)
        self.request_edit(EditRequested(edit))
        self._advance()

    def _pick_row(self) -> None:
        """Space on a single choice: the highlighted option becomes the participant's choice."""
        target = self.grid.cell_target()
        if target is None:
            self.app.bell()
            return
        item, participant = target
        self.request_edit(EditRequested(score_edit(self.exercise.id, item.id, participant, 1, self._next())))
        self._advance()

    def _next(self) -> Position:
        """Where the cursor goes after a score: the next participant, or the next row's first."""
        grid = self.grid
        row, column = grid.cursor_coordinate
        columns = grid.input_columns()
        if column + 1 in columns:
            column += 1
        elif row + 1 < grid.row_count:
            row, column = row + 1, columns.start
        return Position(self.exercise.id, row, column, self._group)

    def _advance(self) -> None:
        after = self._next()
        grid = self.grid
        grid.cursor_coordinate = grid.cursor_coordinate._replace(row=after.row, column=after.column)

    def _clear_cell(self) -> None:
        target = self.grid.cell_target()
        if target is None or self.session is None:
            return
        item, column = target
        if self.session.answers_for(self.exercise.id).mode == "tally":
            self.request_edit(
                EditRequested(session_edit(Session.with_tally, self.exercise.id, item.id, int(column[1:]), 0))
            )
        else:
            if is_single(self.exercise):
                # Del clears the participant's choice, whichever option row the cursor is on.
                scores = self.session.answers_for(self.exercise.id).scores
                item = next((i for i in self.exercise.items if column in scores.get(i.id, {})), item)
            self._over_a_phone(item.id, column)
            self.request_edit(
                EditRequested(session_edit(Session.with_score, self.exercise.id, item.id, column, None))
            )

    def _type_tally(self, digit: str) -> None:
        target = self._typed_target()
        if target is None:
            return
        item, column = target
        cell = tuple(self.grid.cursor_coordinate)
        now = time.monotonic()
        text = digit
        buffer = self._tally_buffer
        if buffer and buffer[0] == cell and now - buffer[2] < TALLY_APPEND_SECONDS and len(buffer[1]) < 2:
            text = buffer[1] + digit
        self._tally_buffer = ((cell[0], cell[1]), text, now)
        edit = tally_edit(self.exercise.id, item.id, int(column[1:]), self.lang, count=int(text))
        self.request_edit(EditRequested(edit))

    def _bump_tally(self, delta: int) -> None:
        target = self.grid.cell_target()
        if target is None:
            return
        item, column = target
        self._tally_buffer = None
        self.request_edit(
            EditRequested(tally_edit(self.exercise.id, item.id, int(column[1:]), self.lang, delta=delta))
        )
