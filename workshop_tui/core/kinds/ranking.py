"""Rankings: ranking, where each person puts the items in order (1 = first place).

A place is a score on the scale 1 to n (n items), kept in the score grid like any
score, so typing, tallying, the phones, undo and the session file need nothing new.
What the kind adds:

- **one place per item and person**: giving an item a place that person gave another
  item moves the place (the other item loses it), as a single choice moves a vote;
- **results**: per item the mean rank and the distribution of ranks (the scored part's
  mean and distribution); a lower mean rank is better, so the polarity is negative and
  the top and bottom lists read the best and weakest places.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from workshop_tui.core.i18n import Phrase, phrase
from workshop_tui.core.kinds.schema import items_dict, put_texts, read_items
from workshop_tui.core.kinds.scored import scored_part
from workshop_tui.core.kinds.spec import KindSpec, Read
from workshop_tui.core.model import Exercise, ExerciseAnswers, Scale, Text
from workshop_tui.core.model.control import Control
from workshop_tui.core.model.exercise import Body, WordedText
from workshop_tui.core.storage.reader import Reader

MAX_RANKED = 9
"""The most items to rank: a place is typed as one digit in the grid."""


@dataclass(frozen=True)
class RankingBody(Body):
    """A ranking: the question the order answers."""

    linked_scores = True  # a place given twice moves (``score``)
    question_text: Text | None = None

    def question(self) -> Text | None:
        """The question the order answers."""
        return self.question_text

    def control(self, exercise: Exercise) -> Control | None:
        """A phone gives each item a place; a place given twice moves, as ``score`` does."""
        return Control("order")

    def score(
        self,
        exercise: Exercise,
        answers: ExerciseAnswers,
        item_id: str,
        participant_id: str,
        score: int | None,
    ) -> ExerciseAnswers:
        """Give an item a place; the item that had that place from the same person loses it."""
        if score is not None:
            for other, row in answers.scores.items():
                if other != item_id and row.get(participant_id) == score:
                    answers = answers.with_score(other, participant_id, None)
        return answers.with_score(item_id, participant_id, score)

    def problems(self, exercise: Exercise, answers: ExerciseAnswers) -> Iterable[tuple[str, Phrase, Phrase]]:
        """(participant id, what, fix) for each person who gave one place to two items (hand-edited)."""
        given: dict[tuple[str, int], list[str]] = {}
        for item_id, row in answers.scores.items():
            for participant_id, place in row.items():
                given.setdefault((participant_id, place), []).append(item_id)
        for (participant_id, place), items in given.items():
            if len(items) > 1:
                yield (
                    participant_id,
                    phrase("problems.what.place_twice", place=place, n=len(items), items=", ".join(items)),
                    phrase("problems.fix.one_place"),
                )


def unplaced(exercise: Exercise, given: Mapping[str, int]) -> int:
    """How many of ``exercise``'s items a phone's ranking ``given`` leaves without a place,
    or holds one place twice for (0: a whole ranking, each item one place of its own).

    A ranking is whole or not at all from a phone: with only some items ranked, item counts
    differed (7 against 8) and a mean rank over those who ranked an item first read as its
    standing in the room. The phone page keeps "Send" off until it is whole, and the server
    (``voting.desk.Desk.ballot``) refuses the rest. A ranking typed on the grid may still be
    part-way (the facilitator types it place by place); the figures show each item's n then.
    """
    items = [item.id for item in exercise.scored_items]
    missing = sum(1 for item in items if item not in given)
    twice = len(given) - len(set(given.values()))
    return max(missing, twice)


def places(count: int) -> Scale:
    """The scale a ranking of ``count`` items is scored on: place 1 (first) to ``count`` (last)."""
    return Scale(
        min=1,
        max=count,
        min_label=WordedText("kinds.scale.first"),
        max_label=WordedText("kinds.scale.last"),
        inferred=True,
        inferred_note=f"Places 1 to {count} are the ranking's own (one per item); no source gives them.",
    )


def read_ranking(reader: Reader) -> Read:
    """An optional question, the polarity (only ``negative``) and 2 to ``MAX_RANKED`` items."""
    question = reader.text("question", required=False)
    polarity = reader.string("polarity", required=False) or "negative"
    if polarity != "negative":
        reader.problems.add(
            reader.key("polarity"),
            "problems.what.ranking_polarity",
            "problems.fix.ranking_polarity",
            value=repr(polarity[:20]),
        )
    items = read_items(reader, minimum=2, maximum=MAX_RANKED, what="problems.things.ranked")
    scale = places(len(items)) if items else None
    return Read(RankingBody(question), items, scale, polarity="negative")


def write_ranking(exercise: Exercise) -> dict[str, Any]:
    """The keys ``read_ranking`` reads (the scale follows from the items)."""
    out = put_texts({}, question=exercise.body_as(RankingBody).question_text)
    return out | {"polarity": exercise.polarity} | items_dict(exercise)


SPECS = (KindSpec("ranking", RankingBody, read_ranking, write_ranking, scored_part),)
"""The kinds of this module, for the registry."""
