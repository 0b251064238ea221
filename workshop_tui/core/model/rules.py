"""What each kind of exercise allows beyond "a score on the scale".

The newer kinds keep their answers in the same maps as the rating grids (scores,
tallies, group texts), so the session file, undo and the grid stay the same; what
differs is what an edit may do. These rules live here, in one place, so the
session's edits and the session file's validation refuse exactly the same things:

- **single choice**: one option per person; choosing another moves the vote.
- **dot vote**: at most ``votes.dots`` dots per person, ``max_per_item`` on one option.
- **two-axis placement**: only per person (a tally would lose which x goes with which y).
- **table**: a choice cell holds one of its column's option ids.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from workshop_tui.core.model.answers import ExerciseAnswers, Mode
from workshop_tui.core.model.exercise import Exercise
from workshop_tui.core.model.refusal import Refused


class ScoreError(Refused):
    """A score that does not fit the exercise (unknown item, participant or off the scale)."""


def dots_used(answers: ExerciseAnswers, participant_id: str, *, skip: str = "") -> int:
    """How many dots a participant has placed, leaving out option ``skip``."""
    return sum(row.get(participant_id, 0) for item_id, row in answers.scores.items() if item_id != skip)


def vote(
    exercise: Exercise, answers: ExerciseAnswers, item_id: str, participant_id: str, dots: int | None
) -> ExerciseAnswers:
    """Put ``dots`` of a participant's dots on an option (None or 0 takes them off).

    Raises:
        ScoreError: a dot vote would exceed the participant's dots.
    """
    votes = exercise.votes
    assert votes is not None, "a vote kind always has votes (set on load)"
    if not dots:
        return answers.with_score(item_id, participant_id, None)
    if exercise.kind == "single_choice":
        for other, row in answers.scores.items():
            if other != item_id and participant_id in row:
                answers = answers.with_score(other, participant_id, None)
        return answers.with_score(item_id, participant_id, dots)
    used = dots_used(answers, participant_id, skip=item_id)
    if used + dots > votes.dots:
        left = votes.dots - used
        raise ScoreError("dots.left", who=participant_id.upper(), left=left, dots=votes.dots)
    return answers.with_score(item_id, participant_id, dots)


def check_mode(exercise: Exercise, mode: Mode) -> None:
    """Refuse tally mode where counts per score cannot hold the answers.

    Raises:
        ScoreError: a two-axis placement cannot be tallied.
    """
    if mode == "tally" and exercise.kind == "two_axis":
        raise ScoreError("mode.two_axis")


def check_cell(exercise: Exercise, key: str, text: str) -> None:
    """Refuse a table cell outside the table or a choice that is not one of the column's options.

    Raises:
        ScoreError: an unknown cell or option.
    """
    if key not in exercise.text_keys:
        raise ScoreError("cell.unknown", exercise=exercise.id, cell=key)
    if exercise.kind != "table" or not text:
        return
    column_id = key.partition(".")[2]
    column = next(c for c in exercise.columns if c.id == column_id)
    if column.is_choice and column.option(text) is None:
        choices = ", ".join(o.id for o in column.options)
        raise ScoreError("cell.option", text=text, column=column_id, choices=choices)


def vote_problems(exercise: Exercise, answers: ExerciseAnswers) -> Iterable[tuple[str, str, str]]:
    """(participant id, what, fix) for each person whose votes break the rules above.

    Used when a session file is read: the file may have been edited by hand.
    """
    votes = exercise.votes
    if votes is None:
        return
    chosen: dict[str, list[str]] = {}
    for item_id, row in answers.scores.items():
        for participant_id in row:
            chosen.setdefault(participant_id, []).append(item_id)
    for participant_id, items in chosen.items():
        if exercise.kind == "single_choice" and len(items) > 1:
            yield (
                participant_id,
                f"chose {len(items)} options ({', '.join(items)})",
                "keep one choice per person",
            )
        elif dots_used(answers, participant_id) > votes.dots:
            used = dots_used(answers, participant_id)
            yield (
                participant_id,
                f"placed {used} dots, more than the {votes.dots} each person has",
                ("take dots off until they fit"),
            )


def done(
    exercise: Exercise, answers: ExerciseAnswers, people: set[str], groups: Iterable[str]
) -> bool | None:
    """Whether a vote or a table is finished; None for the kinds the session judges itself.

    A vote is done when everyone has voted (or, tallied, when any vote is counted:
    the room's size says nothing about how many dots were used). A table is done
    when every group has written at least one cell.
    """
    if exercise.is_vote:
        if answers.mode == "tally":
            return any(any(row.values()) for row in answers.tallies.values())
        return people <= {pid for row in answers.scores.values() for pid in row}
    if exercise.kind == "table":
        return all(_filled(answers.texts.get(group, {})) for group in groups)
    return None


def _filled(texts: Mapping[str, str]) -> bool:
    return any(text.strip() for text in texts.values())
