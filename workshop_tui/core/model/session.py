"""A seminar session: who is in the room, the agenda, and every answer given."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field, fields, replace

from workshop_tui.core.model.answers import Action, ExerciseAnswers, Mode, OpenState, copied, with_key
from workshop_tui.core.model.dates import dated_action
from workshop_tui.core.model.exercise import Exercise, cell_key
from workshop_tui.core.model.ids import valid_id
from workshop_tui.core.model.limits import check_text
from workshop_tui.core.model.people import MAX_GROUPS as MAX_GROUPS
from workshop_tui.core.model.people import MAX_PARTICIPANTS as MAX_PARTICIPANTS
from workshop_tui.core.model.people import PHONE_PREFIX as PHONE_PREFIX
from workshop_tui.core.model.people import Group as Group
from workshop_tui.core.model.people import Participant as Participant
from workshop_tui.core.model.people import Position as Position
from workshop_tui.core.model.progress import Status as Status
from workshop_tui.core.model.progress import exercise_status
from workshop_tui.core.model.refusal import Missing as Missing
from workshop_tui.core.model.refusal import ScoreError as ScoreError
from workshop_tui.core.model.roster import added_group, check_group, joined, renamed_group
from workshop_tui.core.model.session_limits import DEFAULT_MIN_ANSWERS as DEFAULT_MIN_ANSWERS
from workshop_tui.core.model.session_limits import MAX_MIN_ANSWERS as MAX_MIN_ANSWERS
from workshop_tui.core.model.session_limits import SESSION_TEXTS as SESSION_TEXTS
from workshop_tui.core.model.session_limits import check_item, check_score, check_scores


@dataclass(frozen=True)
class Session:
    """One seminar with its participants, agenda, exercise texts and answers.

    The session keeps its own copy of every exercise it runs (``exercises``), so it
    still opens and exports after the library changes or a file is deleted. Its methods are
    the edits callers know; each rule lives apart and is delegated to: the roster in
    ``roster``, an action's due in ``dates``, the checks of scores in ``session_limits``, an
    exercise's progress in ``progress``, and each kind's answers in its ``body``.
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
    follows: str = ""
    """The id of the session this one follows up (the same group, months later); "" for none.

    Only the id is kept: the earlier session stays its own file, and the series is found
    from the listed sessions (``core.storage.series``), so either file opens alone.
    """
    min_answers: int = DEFAULT_MIN_ANSWERS
    """The fewest answers for which the projector, an export or a trend shows an item's figures
    (``results.rules.status_of``); an optional key of the session file, 3 when absent."""

    def __post_init__(self) -> None:
        """Refuse texts a session file cannot hold (answers are checked by their edits).

        Runs on every new session, so it looks only at the few texts that are the session's own;
        an edit's copy (``_changed``) checks only the fields the edit changed.
        """
        self._check(None)

    def _check(self, names: Collection[str] | None) -> None:
        """The checks of ``__post_init__``, of every field (``names`` None) or of ``names`` only."""
        for name in SESSION_TEXTS:
            if names is None or name in names:
                check_text(getattr(self, name), f"the session's {name}")
        if (names is None or "min_answers" in names) and not 1 <= self.min_answers <= MAX_MIN_ANSWERS:
            raise ScoreError("trends.min_answers", n=self.min_answers, max=MAX_MIN_ANSWERS)
        if names is None or "position" in names:
            check_text(self.position.exercise, "the position's exercise")
            check_text(self.position.group, "the position's group")
        for note in self.notes.values() if names is None or "notes" in names else ():
            check_text(note, "a facilitator's note")

    def _changed(self, **changes: object) -> Session:
        """``replace(self, **changes)`` for an edit (``copied``), checking the changed fields only."""
        copy = copied(self, **changes)
        copy._check(changes.keys())
        return copy

    def exercise(self, exercise_id: str) -> Exercise:
        """The session's copy of an exercise.

        Raises:
            KeyError: the exercise is not part of this session.
        """
        return self.exercises[exercise_id]

    def answers_for(self, exercise_id: str) -> ExerciseAnswers:
        """The answers to an exercise (empty answers when nothing was given yet)."""
        answers = self.answers.get(exercise_id)
        return answers if answers is not None else ExerciseAnswers()  # made only when needed: 5 µs

    def participant(self, participant_id: str) -> Participant | None:
        """The participant with this id, or None."""
        return next((p for p in self.participants if p.id == participant_id), None)

    def with_participant(self, participant: Participant) -> Session:
        """Add a participant at the end (e.g. a phone that joined the vote as V3).

        Raises:
            ScoreError: the id is taken, is not a valid id, or the session is full.
        """
        return replace(self, participants=joined(self.participants, participant))

    def with_group(self, name: str) -> Session:
        """Add a group (table) at the end, e.g. when the room splits up after the session was made.

        Raises:
            ScoreError: the name is empty or taken, or the session has ``MAX_GROUPS`` groups.
        """
        return replace(self, groups=added_group(self.groups, name))

    def with_group_name(self, group_id: str, name: str) -> Session:
        """Rename a group; its answers stay with it (they are kept by its id).

        Raises:
            ScoreError: the name is empty or another group's; Missing: no such group.
        """
        return replace(self, groups=renamed_group(self.groups, group_id, name))

    def with_min_answers(self, minimum: int) -> Session:
        """The session with another minimum of answers below which figures are held back.

        Raises:
            ScoreError: the minimum is below 1 or above ``MAX_MIN_ANSWERS``.
        """
        return replace(self, min_answers=minimum)

    def _edit(
        self,
        exercise_id: str,
        change: Callable[[ExerciseAnswers], ExerciseAnswers],
        position: Position | None = None,
    ) -> Session:
        if exercise_id not in self.exercises:
            raise Missing("exercise.unknown", exercise=exercise_id)
        answers = change(self.answers_for(exercise_id))
        # Untouched answers are left out, so a session equals its saved-and-loaded self.
        kept = None if answers.none_given else answers
        if position is not None:
            return self._changed(answers=with_key(self.answers, exercise_id, kept), position=position)
        return self._changed(answers=with_key(self.answers, exercise_id, kept))

    def with_score(
        self,
        exercise_id: str,
        item_id: str,
        participant_id: str,
        score: int | None,
        *,
        position: Position | None = None,
    ) -> Session:
        """Record (or clear) one participant's score (and, with ``position``, move there in the same edit).

        ``position`` is ``with_position`` in the same copy of the session: a score key moves the
        cursor on in the same save, and each copy costs a keystroke 0.02 ms (more when the key
        finds the caches cold).

        Raises:
            ScoreError: unknown item or participant, or a score off the exercise's scale.
        """
        exercise = self.exercise(exercise_id)
        check_item(exercise, item_id)
        if self.participant(participant_id) is None:
            raise ScoreError("participant.unknown", participant=participant_id)
        if score is not None:
            check_score(exercise, score)
        return self._edit(
            exercise_id, lambda a: exercise.body.score(exercise, a, item_id, participant_id, score), position
        )

    def with_scores(self, exercise_id: str, scores: Mapping[str, Mapping[str, int]]) -> Session:
        """Record many scores in one edit (item id -> participant id -> score), all or nothing.

        A room voting from phones sends hundreds of scores at once; one edit copies each
        row once instead of once per score.

        Raises:
            ScoreError: an unknown item or participant, or a score off the scale.
        """
        exercise = self.exercise(exercise_id)
        check_scores(exercise, {p.id for p in self.participants}, scores)
        return self._edit(exercise_id, lambda a: exercise.body.scores(exercise, a, scores))

    def with_tally(self, exercise_id: str, item_id: str, score: int, count: int) -> Session:
        """Set how many people gave ``score`` for an item.

        Raises:
            ScoreError: unknown item, a score off the scale, or a negative count.
        """
        exercise = self.exercise(exercise_id)
        check_item(exercise, item_id)
        check_score(exercise, score)
        if count < 0:
            raise ScoreError("tally.negative", count=count)
        return self._edit(exercise_id, lambda a: a.with_tally(item_id, score, count))

    def with_mode(self, exercise_id: str, mode: Mode) -> Session:
        """Switch an exercise between per-participant scores and tallies.

        Raises:
            ScoreError: the kind cannot be tallied (a two-axis placement).
        """
        self.exercise(exercise_id).body.check_mode(mode)
        return self._edit(exercise_id, lambda a: a.with_mode(mode))

    def with_blind(self, exercise_id: str, blind: bool) -> Session:
        """Hide (or stop hiding) an exercise's results until they are revealed."""
        return self._edit(exercise_id, lambda a: a.with_blind(blind))

    def with_revealed(self, exercise_id: str, revealed: bool) -> Session:
        """Reveal a blind exercise's results (or hide them again)."""
        return self._edit(exercise_id, lambda a: a.with_revealed(revealed))

    def with_voting_round(self, exercise_id: str) -> Session:
        """Open a voting round on an exercise: its results blind, not revealed (see ``ExerciseAnswers``)."""
        return self._edit(exercise_id, lambda a: a.with_voting_round())

    def with_round_left(self, exercise_id: str, found: ExerciseAnswers) -> Session:
        """Leave the voting round on an exercise (see ``ExerciseAnswers.with_round_left``)."""
        return self._edit(exercise_id, lambda a: a.with_round_left(found))

    def with_rounds_settled(self) -> Session:
        """Every voting round a crash left open settled (``ExerciseAnswers.with_round_settled``);
        the session itself when there is none (the usual case: nothing to write)."""
        session = self
        for exercise_id, answers in self.answers.items():
            if answers.round_hid and exercise_id in self.exercises:
                session = session._edit(exercise_id, lambda a: a.with_round_settled())
        return session

    def with_note(self, exercise_id: str, item_id: str, text: str) -> Session:
        """Set the free-text note on an item (e.g. where the resistance is greatest)."""
        exercise = self.exercise(exercise_id)
        check_item(exercise, item_id)
        exercise.body.check_answer(exercise, "note")
        return self._edit(exercise_id, lambda a: a.with_note(item_id, text))

    def with_text(self, exercise_id: str, group_id: str, box_key: str, text: str) -> Session:
        """Set a group's text in a reflection box (or a table cell, keyed ``row.column``).

        Raises:
            ScoreError: no such box or cell, or a choice that is not one of the column's options.
        """
        self._check_group(group_id)
        exercise = self.exercise(exercise_id)
        exercise.body.check_text(exercise, box_key, text)
        return self._edit(exercise_id, lambda a: a.with_text(group_id, box_key, text))

    def with_cell(self, exercise_id: str, group_id: str, row: int, column_id: str, value: str) -> Session:
        """Set one cell of a group's table (a choice cell takes an option id, or "" to clear)."""
        return self.with_text(exercise_id, group_id, cell_key(row, column_id), value)

    def with_closing(self, exercise_id: str, group_id: str, text: str) -> Session:
        """Set a group's answer to an exercise's closing question."""
        self._check_group(group_id)
        exercise = self.exercise(exercise_id)
        exercise.body.check_answer(exercise, "closing")
        return self._edit(exercise_id, lambda a: a.with_closing(group_id, text))

    def with_challenge(self, exercise_id: str, group_id: str, text: str) -> Session:
        """Set the challenge a group's trial actions address."""
        self._check_group(group_id)
        exercise = self.exercise(exercise_id)
        exercise.body.check_answer(exercise, "challenge")
        return self._edit(exercise_id, lambda a: a.with_challenge(group_id, text))

    def with_action(
        self, exercise_id: str, group_id: str, index: int, action: Action, *, due_as_written: bool = False
    ) -> Session:
        """Set one of a group's actions; its date is made ISO (``20.1.2027`` -> ``2027-01-20``).

        Words that are no date are refused unless kept (``dates.action_due``: already saved, or
        ``due_as_written``, the date field left holding "næste fredag").

        Raises:
            Refused: the date is not a date (``date.invalid``), or no such action.
        """
        self._check_group(group_id)
        saved = self.answers_for(exercise_id).actions.get(group_id, ())
        action = dated_action(action, saved, index, self.date, as_written=due_as_written)
        exercise = self.exercise(exercise_id)
        exercise.body.check_answer(exercise, "action", index)
        return self._edit(exercise_id, lambda a: a.with_action(group_id, index, action))

    def with_open(self, exercise_id: str, answer_id: str, text: str) -> Session:
        """Set one open answer (``answer_id`` is random: it names no device); "" removes it.

        Raises:
            ScoreError: the exercise takes no open answers, or the id is not a valid id.
        """
        exercise = self.exercise(exercise_id)
        exercise.body.check_answer(exercise, "open")
        if not valid_id(answer_id):
            raise ScoreError("open.bad_id", answer=answer_id[:40])
        return self._edit(exercise_id, lambda a: a.with_open(answer_id, text))

    def with_open_state(
        self, exercise_id: str, answer_ids: tuple[str, ...], state: OpenState | None
    ) -> Session:
        """Put open answers on the wall ("shown"), hide them ("hidden"), or make them new again (None)."""
        exercise = self.exercise(exercise_id)
        exercise.body.check_answer(exercise, "open")
        return self._edit(exercise_id, lambda a: a.with_open_state(answer_ids, state))

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

    def moved_only(self, other: Session) -> bool:
        """Whether ``other`` differs from this session in where the facilitator is, and nothing else.

        A score typed over the same score moves the cursor and changes no answer: the keeper
        must not make it a step of the undo history (Ctrl+Z would take back nothing). Fields an
        edit did not touch are the same objects, so this is mostly identity checks.
        """
        for name in _SESSION_FIELDS:
            mine, theirs = getattr(self, name), getattr(other, name)
            if mine is not theirs and name != "position" and mine != theirs:
                return False
        return True

    def touched(self, timestamp: str) -> Session:
        """Stamp the session as updated at ``timestamp`` (ISO 8601)."""
        return self._changed(updated=timestamp)

    def status(self, exercise_id: str) -> Status:
        """How far an exercise has come: not started, in progress, or done."""
        exercise = self.exercise(exercise_id)
        return exercise_status(exercise, self.answers_for(exercise_id), self.participants, self.groups)

    @property
    def progress(self) -> tuple[int, int]:
        """(exercises done, exercises on the agenda)."""
        done = sum(1 for ex in self.agenda if self.status(ex) == "done")
        return done, len(self.agenda)

    def _check_group(self, group_id: str) -> None:
        check_group(self.groups, group_id)


_SESSION_FIELDS = tuple(each.name for each in fields(Session))
"""The session's fields, in order (``Session.moved_only``)."""
