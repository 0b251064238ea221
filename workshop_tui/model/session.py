"""A seminar session: who is in the room, the agenda, and every answer given."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

from workshop_tui.model.answers import Action, ExerciseAnswers, Mode, with_key
from workshop_tui.model.exercise import Exercise

Status = Literal["not_started", "in_progress", "done"]


@dataclass(frozen=True)
class Participant:
    """A person in the room; anonymous participants have no name and show as P1…Pn."""

    id: str
    name: str = ""

    @property
    def label(self) -> str:
        """What the grid shows: the name, or the anonymous label (``p3`` -> ``P3``)."""
        return self.name or self.id.upper()


@dataclass(frozen=True)
class Group:
    """A group or table that writes its own reflections and actions."""

    id: str
    name: str


@dataclass(frozen=True)
class Position:
    """Where the facilitator was, so reopening a session resumes exactly there."""

    exercise: str = ""
    row: int = 0
    column: int = 0
    group: str = ""


class ScoreError(ValueError):
    """A score that does not fit the exercise (unknown item, participant or off the scale)."""


@dataclass(frozen=True)
class Session:
    """One seminar with its participants, agenda, exercise texts and answers.

    The session keeps its own copy of every exercise it runs (``exercises``), so it
    still opens and exports after the library changes or a file is deleted.
    """

    id: str
    title: str
    date: str
    organisation: str = ""
    facilitator: str = ""
    language: str = "da"
    participants: tuple[Participant, ...] = ()
    groups: tuple[Group, ...] = ()
    agenda: tuple[str, ...] = ()
    exercises: Mapping[str, Exercise] = field(default_factory=dict)
    answers: Mapping[str, ExerciseAnswers] = field(default_factory=dict)
    notes: Mapping[str, str] = field(default_factory=dict)
    """exercise id -> the facilitator's private note (never projected or exported by default)."""
    timers: Mapping[str, int] = field(default_factory=dict)
    """exercise id -> the timer length in seconds the facilitator set."""
    position: Position = field(default_factory=Position)
    created: str = ""
    updated: str = ""

    def exercise(self, exercise_id: str) -> Exercise:
        """The session's copy of an exercise.

        Raises:
            KeyError: the exercise is not part of this session.
        """
        return self.exercises[exercise_id]

    def answers_for(self, exercise_id: str) -> ExerciseAnswers:
        """The answers to an exercise (empty answers when nothing was given yet)."""
        return self.answers.get(exercise_id, ExerciseAnswers())

    def participant(self, participant_id: str) -> Participant | None:
        """The participant with this id, or None."""
        return next((p for p in self.participants if p.id == participant_id), None)

    def _edit(self, exercise_id: str, change: Callable[[ExerciseAnswers], ExerciseAnswers]) -> Session:
        if exercise_id not in self.exercises:
            raise KeyError(f"exercise {exercise_id!r} is not in this session")
        answers = change(self.answers_for(exercise_id))
        # Untouched answers are left out, so a session equals its saved-and-loaded self.
        kept = None if answers == ExerciseAnswers() else answers
        return replace(self, answers=with_key(self.answers, exercise_id, kept))

    def with_score(self, exercise_id: str, item_id: str, participant_id: str, score: int | None) -> Session:
        """Record (or clear) one participant's score.

        Raises:
            ScoreError: unknown item or participant, or a score off the exercise's scale.
        """
        exercise = self.exercise(exercise_id)
        self._check_item(exercise, item_id)
        if self.participant(participant_id) is None:
            raise ScoreError(f"no participant {participant_id!r} in this session")
        if score is not None:
            self._check_score(exercise, score)
        return self._edit(exercise_id, lambda a: a.with_score(item_id, participant_id, score))

    def with_tally(self, exercise_id: str, item_id: str, score: int, count: int) -> Session:
        """Set how many people gave ``score`` for an item.

        Raises:
            ScoreError: unknown item, a score off the scale, or a negative count.
        """
        exercise = self.exercise(exercise_id)
        self._check_item(exercise, item_id)
        self._check_score(exercise, score)
        if count < 0:
            raise ScoreError(f"a tally cannot be negative (got {count})")
        return self._edit(exercise_id, lambda a: a.with_tally(item_id, score, count))

    def with_mode(self, exercise_id: str, mode: Mode) -> Session:
        """Switch an exercise between per-participant scores and tallies."""
        return self._edit(exercise_id, lambda a: a.with_mode(mode))

    def with_blind(self, exercise_id: str, blind: bool) -> Session:
        """Hide (or stop hiding) an exercise's results until they are revealed."""
        return self._edit(exercise_id, lambda a: a.with_blind(blind))

    def with_revealed(self, exercise_id: str, revealed: bool) -> Session:
        """Reveal a blind exercise's results (or hide them again)."""
        return self._edit(exercise_id, lambda a: a.with_revealed(revealed))

    def with_note(self, exercise_id: str, item_id: str, text: str) -> Session:
        """Set the free-text note on an item (e.g. where the resistance is greatest)."""
        exercise = self.exercise(exercise_id)
        self._check_item(exercise, item_id)
        if exercise.note_prompt is None:
            raise ScoreError(f"exercise {exercise_id!r} takes no notes per item")
        return self._edit(exercise_id, lambda a: a.with_note(item_id, text))

    def with_text(self, exercise_id: str, group_id: str, box_key: str, text: str) -> Session:
        """Set a group's text in a reflection box."""
        self._check_group(group_id)
        boxes = {b.key for b in self.exercise(exercise_id).boxes}
        if box_key not in boxes:
            raise ScoreError(f"exercise {exercise_id!r} has no answer box {box_key!r}")
        return self._edit(exercise_id, lambda a: a.with_text(group_id, box_key, text))

    def with_closing(self, exercise_id: str, group_id: str, text: str) -> Session:
        """Set a group's answer to an exercise's closing question."""
        self._check_group(group_id)
        if self.exercise(exercise_id).closing_question is None:
            raise ScoreError(f"exercise {exercise_id!r} has no closing question")
        return self._edit(exercise_id, lambda a: a.with_closing(group_id, text))

    def with_challenge(self, exercise_id: str, group_id: str, text: str) -> Session:
        """Set the challenge a group's trial actions address."""
        self._check_group(group_id)
        self._check_kind(exercise_id, "action_list")
        return self._edit(exercise_id, lambda a: a.with_challenge(group_id, text))

    def with_action(self, exercise_id: str, group_id: str, index: int, action: Action) -> Session:
        """Set one of a group's actions."""
        self._check_group(group_id)
        count = self._check_kind(exercise_id, "action_list").count
        if not 0 <= index < count:
            raise ScoreError(f"exercise {exercise_id!r} has actions 1 to {count}, not {index + 1}")
        return self._edit(exercise_id, lambda a: a.with_action(group_id, index, action))

    def with_facilitator_note(self, exercise_id: str, text: str) -> Session:
        """Set the facilitator's private note for an exercise."""
        self.exercise(exercise_id)
        return replace(self, notes=with_key(self.notes, exercise_id, text or None))

    def with_timer(self, exercise_id: str, seconds: int | None) -> Session:
        """Remember the timer length for an exercise (None forgets it)."""
        self.exercise(exercise_id)
        return replace(self, timers=with_key(self.timers, exercise_id, seconds))

    def with_position(self, position: Position) -> Session:
        """Remember where the facilitator is."""
        return replace(self, position=position)

    def touched(self, timestamp: str) -> Session:
        """Stamp the session as updated at ``timestamp`` (ISO 8601)."""
        return replace(self, updated=timestamp)

    def status(self, exercise_id: str) -> Status:
        """How far an exercise has come: not started, in progress, or done."""
        exercise = self.exercise(exercise_id)
        answers = self.answers_for(exercise_id)
        if answers.is_empty:
            return "not_started"
        if exercise.is_scored and answers.mode == "tally":
            done = all(answers.values_for(item.id) for item in exercise.scored_items)
        elif exercise.is_scored:
            # Done when everyone in the room has scored every item.
            people = {p.id for p in self.participants}
            done = all(people <= set(answers.scores.get(item.id, {})) for item in exercise.scored_items)
        elif exercise.kind == "reflection_sheet":
            done = all(
                answers.texts.get(group.id, {}).get(box.key, "").strip()
                for group in self.groups
                for box in exercise.boxes
            )
        else:
            done = all(
                any(not a.is_empty for a in answers.actions.get(group.id, ())) for group in self.groups
            )
        return "done" if done else "in_progress"

    @property
    def progress(self) -> tuple[int, int]:
        """(exercises done, exercises on the agenda)."""
        done = sum(1 for ex in self.agenda if self.status(ex) == "done")
        return done, len(self.agenda)

    @staticmethod
    def _check_item(exercise: Exercise, item_id: str) -> None:
        try:
            exercise.item(item_id)
        except KeyError as error:
            raise ScoreError(str(error.args[0])) from None

    @staticmethod
    def _check_score(exercise: Exercise, score: int) -> None:
        scale = exercise.scale
        if scale is None:
            raise ScoreError(f"exercise {exercise.id!r} has no scale; it takes no scores")
        if isinstance(score, bool) or not isinstance(score, int) or not scale.contains(score):
            raise ScoreError(
                f"score {score!r} is off the scale of {exercise.id!r}; "
                f"use a whole number from {scale.min} to {scale.max}"
            )

    def _check_kind(self, exercise_id: str, kind: str) -> Exercise:
        exercise = self.exercise(exercise_id)
        if exercise.kind != kind:
            raise ScoreError(f"exercise {exercise_id!r} is a {exercise.kind}, not a {kind}")
        return exercise

    def _check_group(self, group_id: str) -> None:
        if not any(g.id == group_id for g in self.groups):
            raise KeyError(f"no group {group_id!r} in this session")
