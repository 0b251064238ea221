"""Exercise definitions: what the group is asked, on which scale, from which source.

An ``Exercise`` is the fields every kind has and its kind family's ``Body`` (the answer
rules). The values it is made of (texts, source, scale, items, a scribe's fields) are
leaves in :mod:`workshop_tui.core.model.parts`, exported here too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar, TypeVar

from workshop_tui.core.i18n import Phrase, phrase
from workshop_tui.core.model.answers import ExerciseAnswers, Mode
from workshop_tui.core.model.control import Control
from workshop_tui.core.model.parts import KINDS as KINDS
from workshop_tui.core.model.parts import PAIR_SIDES as PAIR_SIDES
from workshop_tui.core.model.parts import POLARITIES as POLARITIES
from workshop_tui.core.model.parts import SCALE_ITEM_ID as SCALE_ITEM_ID
from workshop_tui.core.model.parts import AnswerPart as AnswerPart
from workshop_tui.core.model.parts import Chart as Chart
from workshop_tui.core.model.parts import Dimension as Dimension
from workshop_tui.core.model.parts import FieldShape as FieldShape
from workshop_tui.core.model.parts import Item as Item
from workshop_tui.core.model.parts import ItemPolarity as ItemPolarity
from workshop_tui.core.model.parts import Kind as Kind
from workshop_tui.core.model.parts import Polarity as Polarity
from workshop_tui.core.model.parts import Scale as Scale
from workshop_tui.core.model.parts import Source as Source
from workshop_tui.core.model.parts import Text as Text
from workshop_tui.core.model.parts import WordedText as WordedText
from workshop_tui.core.model.parts import WriteField as WriteField
from workshop_tui.core.model.parts import cell_key as cell_key
from workshop_tui.core.model.parts import pair_of as pair_of
from workshop_tui.core.model.parts import pair_row_id as pair_row_id
from workshop_tui.core.model.refusal import Missing, ScoreError

_NO_ROW: Mapping[str, int] = {}
"""A row nobody scored yet (read only)."""
_COVERED: dict[tuple[str, str], tuple[Mapping[str, int], frozenset[str], bool]] = {}
"""(exercise id, item id) -> the row of scores last judged there, the people, and whether it held them all."""


def _covers(exercise_id: str, item_id: str, row: Mapping[str, int], people: frozenset[str]) -> bool:
    """Whether everyone in ``people`` scored in ``row``, judged once per row and room.

    Every save judges the exercise it changed (``storage.seal``): a key changes one row of a
    grid, and the other rows and the room are the same objects as at the last save, so their
    answer is kept (held beside it, so their ids are not reused). The keys of a 40-person
    row are compared as a set view, no set built: still 18 x 40 lookups, 70 µs of each save
    on a slow VM, before this remembered the rows (one entry per row of an exercise).
    """
    key = (exercise_id, item_id)
    known = _COVERED.get(key)
    if known is not None and known[0] is row and known[1] is people:
        return known[2]
    covered = row.keys() >= people
    _COVERED[key] = (row, people, covered)
    return covered


class Body:
    """What one kind family adds to the common fields, and the answer rules that go with it.

    The subclasses (frozen dataclasses) live in :mod:`workshop_tui.core.kinds`, one module per
    family; the model asks an exercise's body instead of comparing kind strings, so a new kind
    brings its rules with it. The defaults here are those of a plain score grid.
    """

    scored: ClassVar[bool] = True
    """Answers live in the score grid (scores per participant, or tallies)."""
    vote: ClassVar[bool] = False
    """The items are options people put dots on (dot vote, single choice)."""
    tallied: ClassVar[bool] = True
    """The room's answers may be counted per score instead of typed per person."""
    highlights: ClassVar[bool] = False
    """The best and weakest items are listed (▲/▼) and marked in the grid."""
    linked_scores: ClassVar[bool] = False
    """One person's scores depend on each other (a place given twice moves, a vote's dots run
    out): many scores at once (``scores``) are then given one by one through ``score``."""

    @property
    def chart(self) -> Chart:
        """How the results are drawn (see :data:`Chart`): dots for a vote, else a profile."""
        return "votes" if self.vote else "profile"

    def control(self, exercise: Exercise) -> Control | None:
        """How a phone answers the exercise (None: phones are not asked).

        A kind scored on its scale is rated item by item; a kind with other answers
        declares its shape here (see :mod:`workshop_tui.core.model.control`).
        """
        return Control("rate") if self.scored else None

    def score_rows(self, exercise: Exercise) -> tuple[Item, ...]:
        """The rows of the score grid (the items, unless the kind derives its own)."""
        return exercise.items

    def text_keys(self, exercise: Exercise) -> frozenset[str]:
        """The keys a group's texts may use (reflection boxes, table cells)."""
        return frozenset()

    def write_fields(self, exercise: Exercise) -> tuple[WriteField, ...]:
        """The fields a group's scribe writes on a device (none: groups do not write here)."""
        return ()

    def text_key_rule(self, exercise: Exercise) -> Phrase:
        """How to fix a group text under a key the exercise does not have (a session file's problem)."""
        keys = ", ".join(sorted(self.text_keys(exercise)))
        return phrase("problems.fix.use_one_of", choices=keys) if keys else phrase("problems.fix.no_texts")

    def source_item(self, exercise: Exercise, row: Item) -> Item:
        """The item a row of the grid scores (itself, unless the kind derives its rows)."""
        return row

    def question(self) -> Text | None:
        """The question the exercise asks beside its title, if the kind has one."""
        return None

    def profile(self) -> tuple[Dimension, ...]:
        """The dimensions the items are grouped (and profiled) by, if the kind has them."""
        return ()

    def check_mode(self, mode: Mode) -> None:
        """Refuse tally mode for a kind whose answers are not ``tallied``.

        Raises:
            ScoreError: tally mode (a two-axis placement: counts per score cannot say
                which x goes with which y).
        """
        if mode == "tally" and not self.tallied:
            raise ScoreError("mode.two_axis")

    def check_text(self, exercise: Exercise, key: str, text: str) -> None:
        """Refuse a group text under a key the exercise does not have.

        Raises:
            ScoreError: no such box or cell.
        """
        if key not in self.text_keys(exercise):
            raise ScoreError("box.unknown", exercise=exercise.id, box=key)

    def check_answer(self, exercise: Exercise, part: AnswerPart, index: int = 0) -> None:
        """Refuse a note, a closing answer, a challenge or action number ``index`` the kind does not take.

        Raises:
            ScoreError: the exercise has no note prompt, no closing question, or no actions.
        """
        if part == "note":
            raise ScoreError("notes.none", exercise=exercise.id)
        if part == "closing":
            raise ScoreError("closing.none", exercise=exercise.id)
        if part == "open":
            raise ScoreError("kind.wrong", exercise=exercise.id, kind=exercise.kind, wanted="open_answers")
        raise ScoreError("kind.wrong", exercise=exercise.id, kind=exercise.kind, wanted="action_list")

    def score(
        self,
        exercise: Exercise,
        answers: ExerciseAnswers,
        item_id: str,
        participant_id: str,
        score: int | None,
    ) -> ExerciseAnswers:
        """Record one participant's (checked) score, as the kind's rules allow."""
        return answers.with_score(item_id, participant_id, score)

    def scores(
        self, exercise: Exercise, answers: ExerciseAnswers, scores: Mapping[str, Mapping[str, int]]
    ) -> ExerciseAnswers:
        """Record many (checked) scores at once; kinds with ``linked_scores`` give them one by one."""
        if not self.linked_scores:
            return answers.with_scores(scores)
        for item_id, row in scores.items():
            for participant_id, score in row.items():
                answers = self.score(exercise, answers, item_id, participant_id, score)
        return answers

    def problems(self, exercise: Exercise, answers: ExerciseAnswers) -> Iterable[tuple[str, Phrase, Phrase]]:
        """(participant id, what, fix) for each answer a hand-edited session file breaks the rules with.

        ``what`` and ``fix`` are phrases (``problems.*`` keys), said in the reader's language.
        """
        return ()

    def done(
        self, exercise: Exercise, answers: ExerciseAnswers, people: frozenset[str], groups: Sequence[str]
    ) -> bool:
        """Whether the room has finished the exercise (answers are not empty).

        A score grid is done when everyone in the room scored every row, or, tallied, when
        every row has a count.
        """
        rows = self.score_rows(exercise)
        if answers.mode == "tally":
            return all(answers.values_for(item.id) for item in rows)
        scores = answers.scores
        return all(_covers(exercise.id, item.id, scores.get(item.id, _NO_ROW), people) for item in rows)


B = TypeVar("B", bound=Body)


@dataclass(frozen=True)
class Exercise:
    """One exercise: the fields every kind has, and its kind family's ``body``.

    ``scale`` and ``items`` are common because most kinds score items on a scale; the
    kinds that do not (sheets, action lists, tables) leave them empty.
    """

    id: str
    version: int
    kind: Kind
    title: Text
    source: Source
    body: Body
    prompt: Text | None = None
    guide: Text | None = None
    scale: Scale | None = None
    items: tuple[Item, ...] = ()
    polarity: Polarity = "neutral"
    """What a higher score means for the items (an item's own polarity or ``reverse`` overrides it)."""

    def body_as(self, family: type[B]) -> B:
        """The body, as the family the caller knows this exercise to be of.

        Raises:
            TypeError: the exercise is of another family (a caller's mistake, not the user's).
        """
        if not isinstance(self.body, family):
            raise TypeError(f"{self.id} is a {self.kind}, not a {family.__name__}")
        return self.body

    def body_if(self, family: type[B]) -> B | None:
        """The body if the exercise is of ``family``, else None."""
        return self.body if isinstance(self.body, family) else None

    @property
    def is_scored(self) -> bool:
        """Whether answers live in the score grid (scores per participant, or tallies)."""
        return self.body.scored

    @property
    def is_vote(self) -> bool:
        """Whether the items are options people put dots on (dot vote, single choice)."""
        return self.body.vote

    @property
    def has_reverse(self) -> bool:
        """Whether any item is reverse-scored."""
        return any(i.reverse for i in self.items)

    @cached_property
    def scored_items(self) -> tuple[Item, ...]:
        """The rows of the score grid (a ``scale`` has one row, a paired rating two per item)."""
        return self.body.score_rows(self)

    @property
    def text_keys(self) -> frozenset[str]:
        """The keys a group's texts may use: box numbers, or table cells (``row.column``)."""
        return self.body.text_keys(self)

    @property
    def question(self) -> Text | None:
        """The question the exercise asks beside its title (a scale's, a vote's), or None."""
        return self.body.question()

    @property
    def dimensions(self) -> tuple[Dimension, ...]:
        """The dimensions the items are grouped by (rating grids, diagnostics), or none."""
        return self.body.profile()

    def dimension(self, dimension_id: str) -> Dimension | None:
        """The dimension with this id, or None."""
        return next((d for d in self.dimensions if d.id == dimension_id), None)

    def item(self, item_id: str) -> Item:
        """Look an item up by id.

        Raises:
            KeyError: the exercise has no such item.
        """
        for item in self.scored_items:
            if item.id == item_id:
                return item
        raise Missing("item.unknown", exercise=self.id, item=item_id)
