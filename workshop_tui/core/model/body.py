"""The hook by which a kind brings its answer rules to the model: ``Exercise.body``.

``Body`` is the base of each kind family's body (the frozen dataclasses in
:mod:`workshop_tui.core.kinds`): the fields only that family has, and the rules the
model asks it instead of comparing kind strings.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, ClassVar, Literal

from workshop_tui.core.model.answers import ExerciseAnswers, Mode
from workshop_tui.core.model.refusal import ScoreError

if TYPE_CHECKING:
    from workshop_tui.core.model.exercise import Dimension, Exercise, Item, Text

AnswerPart = Literal["note", "closing", "challenge", "action"]
"""The answers beside the scores and texts that only some kinds take."""


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

    def score_rows(self, exercise: Exercise) -> tuple[Item, ...]:
        """The rows of the score grid (the items, unless the kind derives its own)."""
        return exercise.items

    def text_keys(self, exercise: Exercise) -> frozenset[str]:
        """The keys a group's texts may use (reflection boxes, table cells)."""
        return frozenset()

    def text_key_rule(self, exercise: Exercise) -> str:
        """How to fix a group text under a key the exercise does not have (a session file's problem)."""
        return f"use one of {', '.join(sorted(self.text_keys(exercise))) or '(none)'}"

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
        """Record many (checked) scores at once; kinds with rules between scores apply them one by one."""
        return answers.with_scores(scores)

    def problems(self, exercise: Exercise, answers: ExerciseAnswers) -> Iterable[tuple[str, str, str]]:
        """(participant id, what, fix) for each answer a hand-edited session file breaks the rules with."""
        return ()

    def done(
        self, exercise: Exercise, answers: ExerciseAnswers, people: set[str], groups: Sequence[str]
    ) -> bool:
        """Whether the room has finished the exercise (answers are not empty).

        A score grid is done when everyone in the room scored every row, or, tallied, when
        every row has a count.
        """
        rows = self.score_rows(exercise)
        if answers.mode == "tally":
            return all(answers.values_for(item.id) for item in rows)
        return all(people <= set(answers.scores.get(item.id, {})) for item in rows)
