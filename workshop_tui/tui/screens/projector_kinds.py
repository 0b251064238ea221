"""What the projector shows for each kind: the question, then the results.

``PROJECTOR`` is the projector's table keyed by kind: each kind's :class:`Piece` says
how its question reads on the wall and what its results look like. :func:`projected`
picks the piece; it holds no kind of its own. A kind that is not in the table has a view
module of its own (``tui/views/<kind>.py``, see ``tui.views``) whose ``PIECE`` is its
piece; a test checks that every kind of ``Kind`` finds one. Nothing here shows a name
or a note: the projector is for the whole room.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from rich.console import Group, RenderableType
from rich.text import Text

from workshop_tui.core.i18n import t
from workshop_tui.core.kinds.actions import ActionBody
from workshop_tui.core.kinds.grids import PairBody
from workshop_tui.core.kinds.placements import PlacementBody
from workshop_tui.core.kinds.sheets import SheetBody
from workshop_tui.core.kinds.tables import TableBody
from workshop_tui.core.kinds.votes import VoteBody
from workshop_tui.core.model import Exercise, Session
from workshop_tui.core.model.exercise import Kind
from workshop_tui.core.results.figures import answered, answered_every, answered_marks
from workshop_tui.core.results.summary import exercise_summary
from workshop_tui.core.results.summary_model import ExerciseSummary
from workshop_tui.tui.screens.projector_fit import fit_entries, fit_lines, hang_lines, measure
from workshop_tui.tui.screens.projector_scores import scored_results
from workshop_tui.tui.screens.projector_texts import action_entries, sheet_entries, table_entries
from workshop_tui.tui.widgets.charts import fit
from workshop_tui.tui.widgets.kind_charts import bipolar_lines, mirror_bars, placement_map, vote_bars

Results = Callable[[Session, Exercise, ExerciseSummary, str, int, int], RenderableType | None]
"""(session, exercise, its summary, language, width, height) -> what the wall shows, or None
while there is nothing to show (the question stays up)."""


@dataclass(frozen=True)
class Piece:
    """How one kind reads on the wall."""

    question: Callable[[Exercise, str], Text]
    results: Results


def projected(session: Session, exercise: Exercise, lang: str, width: int, height: int) -> RenderableType:
    """What the wall shows for the current exercise: results when there are any to show, else the question.

    Scored kinds say how many have answered while the answers come in; the kinds groups
    write in show the groups' texts as they are written.
    """
    piece = piece_of(exercise.kind)
    answers = session.answers_for(exercise.id)
    summary = exercise_summary(session, exercise.id, lang)
    if exercise.is_scored:
        progress = _progress(session, exercise, lang)
        if answers.results_visible and not answers.is_empty:
            shown = piece.results(session, exercise, summary, lang, width, height - 2)
            if shown is not None:
                return Group(progress, Text(""), shown)
        hidden = (
            Text(t("tui.proj.hidden", lang), style="bold reverse")
            if not answers.results_visible
            else Text("")
        )
        # The count under the question is what the room watches while it answers: a long
        # question (18 statements beside the QR board at 80x24) is cut, never the count.
        under = Group(Text(""), progress, ticks(session, exercise, lang), hidden)
        room = height - measure(under, width)
        if room < 3:
            return fit_lines(Group(asked(exercise, lang), under), width, height, lang)
        return Group(fit_lines(asked(exercise, lang), width, room, lang), under)
    shown = piece.results(session, exercise, summary, lang, width, height)
    return shown if shown is not None else fit_lines(asked(exercise, lang), width, height, lang)


def piece_of(kind: Kind) -> Piece:
    """How ``kind`` reads on the wall: its line in ``PROJECTOR``, or its own view module's ``PIECE``."""
    found = PROJECTOR.get(kind)
    if found is None:
        # Imported when asked: a kind's own view module imports ``Piece`` from here.
        from workshop_tui.tui.views import own_module

        piece: Piece = own_module(kind).PIECE
        return piece
    return found


def question_text(exercise: Exercise, lang: str) -> Text:
    """What the group is asked: prompt, items, scale; or the sheet's questions."""
    text = piece_of(exercise.kind).question(exercise, lang)
    text.rstrip()
    return text


def asked(exercise: Exercise, lang: str) -> Group:
    """The question as the wall shows it: each item's wrapped lines under its text (``hang_lines``)."""
    return hang_lines(question_text(exercise, lang))


def _progress(session: Session, exercise: Exercise, lang: str) -> Text:
    """ "9 af 14 har svaret" (anonymous: a count, never who), and how many of them every item.

    Until all who answered have answered every item, the line says how many have
    ("30 of 30 have answered, 2 every item"): alone it read as done while most items
    still showed "no answers yet".
    """
    return Text(answered_text(session, exercise.id, lang), style="bold #FFD700")


def answered_text(session: Session, exercise_id: str, lang: str) -> str:
    """The wall's one count of answers, from the core's figures (``answered``, ``answered_every``).

    Also the QR board's line on the wall: it said "svar: 3 af 5 tilsluttede", counting every
    phone that joined, beside "9 af 14 har svaret" that counts the room (room25).
    """
    n, total = answered(session, exercise_id)
    every = answered_every(session, exercise_id)
    key = "tui.proj.answered" if every >= n else "tui.proj.answered_some"
    return t(key, lang, n=n, total=total, every=every)


def ticks(session: Session, exercise: Exercise, lang: str) -> Text:
    """A tick per participant or device that has answered, a ring per one still to answer.

    Shown until the results are: the room sees answers arrive, never who gave them
    or what (the marks come answered first) until the facilitator reveals.
    """
    marks = answered_marks(session, exercise.id)
    out = Text()
    if not marks:
        return out
    for number, done in enumerate(marks):
        out.append(" " if number else "")
        out.append("✓" if done else "○", style="bold #FFD700" if done else "dim")
    out.append("\n")
    out.append(t("present.ticks", lang), style="dim")
    out.append("\n")
    return out


def symbol_legend(shown: Text, lang: str) -> Text:
    """What each symbol in a newer kind's chart means (only the symbols it shows)."""
    out = Text()
    for symbol, key in (
        ("▲", "tui.legend.most"),
        ("●", "tui.legend.dot"),
        ("⚡", "tui.legend.split"),
        ("↺", "tui.legend.reverse"),
    ):
        if symbol in shown.plain:
            out.append(f"{symbol}  ", style="bold")
            out.append(t(key, lang) + "\n")
    out.rstrip()
    return out


# --- questions -------------------------------------------------------------------------


def _asked(exercise: Exercise, lang: str) -> Text:
    """The prompt and the question, in bold."""
    text = Text()
    for part in (exercise.prompt, exercise.question):
        if part is not None:
            text.append(part.get(lang) + "\n\n", style="bold")
    return text


def _scale_line(exercise: Exercise, lang: str, text: Text) -> None:
    scale = exercise.scale
    assert scale is not None, "a scored exercise always has a scale (checked on load)"
    text.append(
        f"\n{scale.min} = {scale.min_label.get(lang)}    {scale.max} = {scale.max_label.get(lang)}",
        style="bold",
    )


def _rated_question(exercise: Exercise, lang: str, *, numbered: bool = True) -> Text:
    """Items numbered (none for a one-question scale), then the scale's ends."""
    text = _asked(exercise, lang)
    if numbered:
        for number, item in enumerate(exercise.scored_items, start=1):
            text.append(f"{number:>2}. {item.text.get(lang)}\n")
    _scale_line(exercise, lang, text)
    return text


def _sheet_question(exercise: Exercise, lang: str) -> Text:
    text = _asked(exercise, lang)
    for box in exercise.body_as(SheetBody).boxes:
        text.append(f"{box.number}. {box.title.get(lang)}\n", style="bold")
        if box.question is not None:
            text.append(f"   {box.question.get(lang)}\n")
        for sub in box.subquestions:
            text.append(f"      {sub.letter}) {sub.text.get(lang)}\n")
        text.append("\n")
    return text


def _actions_question(exercise: Exercise, lang: str) -> Text:
    text, body = _asked(exercise, lang), exercise.body_as(ActionBody)
    if body.challenge_prompt is not None:
        text.append(body.challenge_prompt.get(lang) + "\n", style="bold")
    for instruction in body.instructions:
        text.append(f"• {instruction.get(lang)}\n")
    return text


def _vote_question(exercise: Exercise, lang: str, *, single: bool) -> Text:
    text = _asked(exercise, lang)
    votes = exercise.body_as(VoteBody).votes
    for number, item in enumerate(exercise.items, start=1):
        text.append(f"{number:>2}. {item.text.get(lang)}\n")
    if single:
        text.append("\n" + t("tui.vote.single", lang), style="bold")
    else:
        per_item = t("tui.vote.per_item", lang, n=votes.max_per_item)
        text.append("\n" + t("tui.vote.each", lang, dots=votes.dots, per_item=per_item), style="bold")
    return text


def _table_question(exercise: Exercise, lang: str) -> Text:
    text, table = _asked(exercise, lang), exercise.body_as(TableBody)
    for instruction in table.instructions:
        text.append(f"{instruction.get(lang)}\n")
    labels = " │ ".join(c.label.get(lang) for c in table.columns)
    text.append(f"\n{labels}", style="bold")
    return text


def _paired_question(exercise: Exercise, lang: str) -> Text:
    text = _asked(exercise, lang)
    pair = exercise.body_as(PairBody)
    left = pair.left_label.get(lang)
    right = pair.right_label.get(lang)
    text.append(f"◧ {left}   ◨ {right}\n\n", style="bold")
    for number, item in enumerate(exercise.items, start=1):
        text.append(f"{number:>2}. {item.text.get(lang)}\n")
    _scale_line(exercise, lang, text)
    return text


def _bipolar_question(exercise: Exercise, lang: str) -> Text:
    text = _asked(exercise, lang)
    for item in exercise.items:
        left = item.left.get(lang) if item.left else ""
        right = item.right.get(lang) if item.right else ""
        text.append(f"• {left}  ↔  {right}\n")
    _scale_line(exercise, lang, text)
    return text


def _placement_question(exercise: Exercise, lang: str) -> Text:
    text = _asked(exercise, lang)
    for item in exercise.items:
        text.append(f"• {item.text.get(lang)}\n")
    zones = exercise.body_as(PlacementBody).zones
    if zones:
        text.append("\n" + " · ".join(z.label.get(lang) for z in zones) + "\n")
    _scale_line(exercise, lang, text)
    return text


# --- results ---------------------------------------------------------------------------


def _scores(
    session: Session, exercise: Exercise, summary: ExerciseSummary, lang: str, width: int, height: int
) -> RenderableType | None:
    """The summary's figures, the same as the exports'."""
    return None if summary.scored is None else scored_results(summary.scored, lang, width, height)


def _with_legend(shown: Text, lang: str) -> RenderableType:
    return Group(shown, Text(""), symbol_legend(shown, lang))


def _held_back(n: int | None, lang: str) -> Text | None:
    """The wall's words for figures held back because too few answered (the core decides)."""
    return None if n is None else Text(t("tui.proj.status.too_few", lang, n=n), style="bold")


def _votes(
    session: Session, exercise: Exercise, summary: ExerciseSummary, lang: str, width: int, height: int
) -> RenderableType | None:
    if summary.votes is not None and (held := _held_back(summary.votes.too_few, lang)) is not None:
        return held
    thickness, gap = fit(len(exercise.items), max(4, height - 6))
    answers = session.answers_for(exercise.id)
    return _with_legend(vote_bars(exercise, answers, lang, width, thickness=thickness, gap=gap), lang)


def _items_at_once(
    draw: Callable[..., Text],
    session: Session,
    exercise: Exercise,
    summary: ExerciseSummary,
    lang: str,
    width: int,
    height: int,
) -> RenderableType | None:
    """Every item in one chart (``draw``: bipolar tracks, mirrored pairs).

    Held back as a whole when any item has too few answers.
    """
    if summary.scored is not None and (held := _held_back(summary.scored.too_few, lang)) is not None:
        return held
    answers, gap = session.answers_for(exercise.id), 1 if height > 4 * len(exercise.items) else 0
    return _with_legend(draw(exercise, answers, lang, width, gap=gap), lang)


def _placement(
    session: Session, exercise: Exercise, summary: ExerciseSummary, lang: str, width: int, height: int
) -> RenderableType | None:
    placed = summary.scored.placement if summary.scored is not None else None
    if placed is not None and (held := _held_back(placed.too_few, lang)) is not None:
        return held
    answers = session.answers_for(exercise.id)
    return _with_legend(placement_map(exercise, answers, lang, cell=5 if width > 80 else 3), lang)


def _sheet(
    session: Session, exercise: Exercise, summary: ExerciseSummary, lang: str, width: int, height: int
) -> RenderableType | None:
    entries = None if summary.reflection is None else sheet_entries(summary.reflection)
    return None if entries is None else fit_entries(entries, width, height, lang)


def _actions(
    session: Session, exercise: Exercise, summary: ExerciseSummary, lang: str, width: int, height: int
) -> RenderableType | None:
    entries = None if summary.actions is None else action_entries(summary.actions, lang, width)
    return None if entries is None else fit_entries(entries, width, height, lang)


def _table(
    session: Session, exercise: Exercise, summary: ExerciseSummary, lang: str, width: int, height: int
) -> RenderableType | None:
    entries = None if summary.table is None else table_entries(summary.table, width)
    return None if entries is None else fit_entries(entries, width, height, lang)


PROJECTOR: dict[Kind, Piece] = {
    "rating_grid": Piece(_rated_question, _scores),
    "scale": Piece(partial(_rated_question, numbered=False), _scores),
    "statement_diagnostic": Piece(_rated_question, _scores),
    "bipolar": Piece(_bipolar_question, partial(_items_at_once, bipolar_lines)),
    "paired_rating": Piece(_paired_question, partial(_items_at_once, mirror_bars)),
    "two_axis": Piece(_placement_question, _placement),
    "single_choice": Piece(partial(_vote_question, single=True), _votes),
    "dot_vote": Piece(partial(_vote_question, single=False), _votes),
    "reflection_sheet": Piece(_sheet_question, _sheet),
    "action_list": Piece(_actions_question, _actions),
    "table": Piece(_table_question, _table),
}
"""Kind -> how it reads on the wall."""
