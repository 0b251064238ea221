"""The figures each kind of scored exercise adds to the plain per-item statistics.

The app (live, while the room answers), the summary (for the exports) and the
sheet-45 pick-list all read them from here, so a vote total, a gap between two
sides or a zone count is computed in one place only. Anonymity and blind rules
are not applied here: the summary applies them; the facilitator's own screen
shows everything.

- **Votes** (dot vote, single choice): per option the people who put dots on it,
  the dots, and the option's share of all dots.
- **Reverse-scored items**: an item's *aligned* mean is its mean turned round
  (``min + max − mean``), so that high always means the same thing in an index.
- **Paired ratings**: per item the mean of each side and the gap (left − right).
- **Two-axis placements**: each person's (x, y), the count per zone and the centroid.
  A score on the middle of an even-stepped scale (3 on 1–5) is on the line between
  two zones and counted apart, since the source gives no rule for it.

Pure functions; no UI.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop_tui.core.model import Exercise, ExerciseAnswers, Participant, Scale, Session
from workshop_tui.core.model.exercise import PAIR_SIDES, pair_row_id
from workshop_tui.core.model.people import room_for, tally_room
from workshop_tui.core.results.numbers import REPORT_DIGITS, difference
from workshop_tui.core.results.stats import ItemStats, describe


def item_stats(exercise: Exercise, answers: ExerciseAnswers) -> dict[str, ItemStats]:
    """The statistics of every row of the score grid, by row id."""
    scale = exercise.scale
    assert scale is not None, "a scored exercise always has a scale"
    return {i.id: describe(answers.values_for(i.id), scale.min, scale.max) for i in exercise.scored_items}


def aligned(mean: float | None, scale: Scale, reverse: bool) -> float | None:
    """A mean as it counts in an index: turned round on the scale when the item is reverse-scored.

    The one place a mean is turned (``min + max − mean``); ``rules.oriented`` turns a
    negative item's mean with it.
    """
    if mean is None or not reverse:
        return mean
    return scale.min + scale.max - mean


def index_value(values: list[float | None]) -> float | None:
    """The mean of the values that exist (an index over items, each weighing the same).

    Also a dimension's mean (``rules.dimension_means``): a mean of item means, not of
    all scores pooled, so an item with many answers does not outweigh one with few.
    """
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


@dataclass(frozen=True)
class VoteTotal:
    """One option's votes."""

    item_id: str
    people: int
    """How many put at least one dot on it (tallied: how many tally entries)."""
    dots: int
    share: float | None
    """Its dots as a share of all dots given (None when nobody voted)."""


def vote_totals(exercise: Exercise, answers: ExerciseAnswers) -> list[VoteTotal]:
    """People, dots and share per option, in the exercise's order."""
    raw = [(item.id, answers.values_for(item.id)) for item in exercise.items]
    total = sum(sum(values) for _, values in raw)
    return [
        VoteTotal(item_id, len(values), sum(values), sum(values) / total if total else None)
        for item_id, values in raw
    ]


def voters(answers: ExerciseAnswers) -> int:
    """How many people voted: distinct participants, or (tallied) the counted votes."""
    if answers.counted_mode == "tally":
        return sum(count for row in answers.tallies.values() for count in row.values())
    return len(answers.answerers)


def vote_count(answers: ExerciseAnswers, totals: list[VoteTotal]) -> int:
    """What a vote's minimum of answers is held against: its voters, or (tallied) its dots.

    A tally counts votes, not people, so the dots stand in for them. Every surface that
    shows a vote's figures asks ``rules.status_of`` with this count (the summary, the
    action list's pick-list), so a vote two people made is held back everywhere alike.
    """
    return voters(answers) if answers.counted_mode == "participant" else sum(t.dots for t in totals)


def winners(totals: list[VoteTotal]) -> list[str]:
    """The option ids with the most dots (several when tied; none without votes)."""
    best = max((t.dots for t in totals), default=0)
    return [t.item_id for t in totals if best and t.dots == best]


@dataclass(frozen=True)
class PairGap:
    """One paired item: the mean of each side and the gap between them."""

    item_id: str
    left: float | None
    right: float | None

    @property
    def gap(self) -> float | None:
        """left − right (positive when the left side is stronger), as the exports write the means."""
        return self.gap_at(REPORT_DIGITS)

    def gap_at(self, digits: int) -> float | None:
        """left − right between the two means as written at ``digits`` decimals (``numbers.difference``).

        Beside 3,13 and 3,13 the gap is ±0,00, not the +0,01 of the unrounded means; the wall,
        writing one decimal, asks for its own precision.
        """
        return None if self.left is None or self.right is None else difference(self.right, self.left, digits)


def pair_gaps(exercise: Exercise, means: dict[str, float | None]) -> list[PairGap]:
    """The two sides of every paired item, from the means of the grid's rows."""
    left, right = PAIR_SIDES
    return [
        PairGap(item.id, means.get(pair_row_id(item.id, left)), means.get(pair_row_id(item.id, right)))
        for item in exercise.items
    ]


def answered(session: Session, exercise_id: str) -> tuple[int, int]:
    """(how many have answered, how many are in the room) for "9 af 14 har svaret".

    Per participant: those with at least one score, of the room's participants (a phone
    counts once it has answered, as in ``Session.status``). Tallied: the most answers
    counted on any one item, of the participants typed for.
    """
    marks = answered_marks(session, exercise_id)
    return sum(marks), len(marks)


def answered_marks(session: Session, exercise_id: str) -> tuple[bool, ...]:
    """One mark per participant or device in the room, True for those who have answered.

    The wall's ticks beside "9 af 14 har svaret": who answered is counted, never shown, so
    the marks come answered first (no order gives a name away), and never carry a value.
    ``answered`` is their count.
    """
    answers = session.answers_for(exercise_id)
    room = _room(session, exercise_id, answers)
    if answers.mode == "tally":
        most = max((sum(row.values()) for row in answers.tallies.values()), default=0)
        people = tally_room(session.participants, exercise_id)
        if people:  # never "6 af 6" for a room of 3: an item counted over it is flagged instead
            most = min(most, people)  # (``tally_over_room``)
        total = max(most, people)
        return (True,) * most + (False,) * (total - most)
    counts = _answer_counts(session.exercise(exercise_id), answers, {p.id for p in room})
    some = len(counts)
    return (True,) * some + (False,) * (len(room) - some)


def still_to_answer(session: Session, exercise_id: str) -> list[Participant]:
    """Who the wall's rings (○) stand for, in the session's order: the grid names them ("mangler").

    The same room and the same count as ``answered_marks``, so the grid's "Har stemt: 3 af 4
    (mangler: P4)" and the wall's "3 af 4 har svaret" with one ring always agree: a phone that
    never answered, or a place added after the exercise was done, is in neither. Tallied:
    nobody (a tally belongs to nobody).
    """
    answers = session.answers_for(exercise_id)
    if answers.mode == "tally":
        return []
    room = _room(session, exercise_id, answers)
    counts = _answer_counts(session.exercise(exercise_id), answers, {p.id for p in room})
    return [p for p in room if p.id not in counts]


def answered_every(session: Session, exercise_id: str) -> int:
    """How many of ``answered``'s count answered every item (the wall's "…, 2 every item").

    "30 of 30 have answered" was true of anyone with one score while most items still
    read "no answers yet"; this is the other half, from the same per-item scores the grid
    and the exports count. Tallied: the fewest answers counted on any item (a tally
    belongs to nobody, so per item is all there is). A vote is sent whole (``responders``).
    """
    exercise = session.exercise(exercise_id)
    answers = session.answers_for(exercise_id)
    if answers.mode == "tally":
        counts = [sum(answers.tallies.get(item.id, {}).values()) for item in exercise.scored_items]
        people = tally_room(session.participants, exercise_id)
        every = min(counts, default=0)
        return min(every, people) if people else every  # as ``answered_marks``: never past the room
    return responders(exercise, answers, {p.id for p in _room(session, exercise_id, answers)})[1]


def tally_over_room(session: Session, exercise_id: str) -> tuple[tuple[str, int], ...]:
    """(item id, its tally's total) for each item whose counts over all scores pass the room.

    The typed guard refuses such a count (``people.tally_left``), but a file written before it,
    or by hand, may hold one: it loads as it is (nothing is thrown away), the wall's "n af N"
    stops at the room (``answered_marks``), and the wall and the exports name the item as
    miscounted rather than invent which counts were meant. Empty unless the tally is counted.
    """
    answers = session.answers_for(exercise_id)
    people = tally_room(session.participants, exercise_id)
    if answers.counted_mode != "tally" or not people:
        return ()
    exercise = session.exercise(exercise_id)
    totals = ((item.id, sum(answers.tallies.get(item.id, {}).values())) for item in exercise.scored_items)
    return tuple((item_id, total) for item_id, total in totals if total > people)


def part_rankings(exercise: Exercise, answers: ExerciseAnswers) -> int:
    """How many people ranked some of a ranking's items but not all (0 for any other kind).

    A phone sends a ranking whole (``kinds.ranking.unplaced``), but the grid takes it place
    by place and an older file may hold part of one: the items' n then differ (7 against 8),
    and the exports say why beside each item's n rather than read the means as one room's order.

    The exports alone (``export.common.over_room_lines``): the grid's cursor goes on to the next
    person at each place, so while the facilitator types a ranking every person's is part-way
    until the last item's row, and the grid's head and the wall said "n personer har kun
    rangordnet nogle af punkterne" at every key, in front of the room (counts26). Live, the
    grid's n column and the wall's (shown whenever the items' n differ) tell it instead.
    """
    if exercise.kind != "ranking" or answers.counted_mode != "participant":
        return 0
    counts = _answer_counts(exercise, answers, answers.answerers)
    return sum(1 for n in counts.values() if n < len(exercise.scored_items))


def _room(session: Session, exercise_id: str, answers: ExerciseAnswers) -> list[Participant]:
    """Who is in the room for a round: everyone typed for, and the phones that have answered.

    A participant added after the exercise was done counts once they answer it, as in
    ``Session.status`` (``people.late_ids``): "9 af 12", not "9 af 13", for a latecomer.
    """
    return room_for(session.participants, exercise_id, answers.answerers)


def _answer_counts(
    exercise: Exercise, answers: ExerciseAnswers, people: set[str] | frozenset[str]
) -> dict[str, int]:
    """Per participant of ``people`` who scored something: how many items they scored."""
    counts: dict[str, int] = {}
    for item in exercise.scored_items:
        for pid in answers.scores.get(item.id, {}):
            if pid in people:
                counts[pid] = counts.get(pid, 0) + 1
    return counts


def responders(
    exercise: Exercise, answers: ExerciseAnswers, people: set[str] | frozenset[str]
) -> tuple[int, int]:
    """(how many of ``people`` answered some item, how many answered every item).

    A vote is sent whole, so whoever voted is done, however few options they chose.
    Only entered scores count (a tally belongs to nobody).
    """
    counts = _answer_counts(exercise, answers, people)
    if exercise.is_vote:
        return len(counts), len(counts)
    return len(counts), sum(1 for n in counts.values() if n == len(exercise.scored_items))
