"""Votes: single_choice and dot_vote, where people put dots on options.

A single choice is a dot vote with one dot: both keep per-person votes in the same
score grid (option -> participant -> dots) and tallies (option -> dots -> people),
and are scored on the "scale" of how many dots one person puts on one option. What
differs from a grid is what an edit may do:

- **single choice**: one option per person; choosing another moves the vote.
- **dot vote**: at most ``votes.dots`` dots per person, ``max_per_item`` on one option.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workshop_tui.core.i18n import Phrase, phrase
from workshop_tui.core.kinds.schema import items_dict, put_texts, read_items
from workshop_tui.core.kinds.scored import scores_of
from workshop_tui.core.kinds.spec import KindSpec, Read, SummaryInput
from workshop_tui.core.model import Exercise, ExerciseAnswers, Scale, Text
from workshop_tui.core.model.control import Control
from workshop_tui.core.model.exercise import Body, WordedText
from workshop_tui.core.model.refusal import ScoreError
from workshop_tui.core.model.rules import dots_used
from workshop_tui.core.results.figures import vote_count, vote_totals, voters, winners
from workshop_tui.core.results.rules import status_of
from workshop_tui.core.results.stats import competition_ranks, rank
from workshop_tui.core.storage.reader import Reader

if TYPE_CHECKING:
    from workshop_tui.core.results.summary_model import VotePart

MAX_DOTS = 20


@dataclass(frozen=True)
class Votes:
    """How many dots each person has in a dot vote (a single choice has one)."""

    dots: int
    max_per_item: int = 1
    """How many of their dots one person may put on one option."""
    inferred: bool = True
    """True when the source does not give the number of dots (it never does)."""
    inferred_note: str = ""


@dataclass(frozen=True)
class VoteBody(Body):
    """A vote: how many dots each person has, and the question the options answer."""

    vote = True
    linked_scores = True  # a choice moves, dots run out (``score``)
    votes: Votes
    question_text: Text | None = None
    single: bool = False
    """A single choice: one option per person, and choosing another moves the vote."""

    def question(self) -> Text | None:
        """The question the options answer."""
        return self.question_text

    def control(self, exercise: Exercise) -> Control | None:
        """A phone chooses one option (single choice) or steps dots onto options (dot vote)."""
        if self.single:
            return Control("choose_one")
        return Control("dots", {"dots": self.votes.dots, "max_per_item": self.votes.max_per_item})

    def score(
        self,
        exercise: Exercise,
        answers: ExerciseAnswers,
        item_id: str,
        participant_id: str,
        score: int | None,
    ) -> ExerciseAnswers:
        """Put ``score`` dots of a participant's on an option (None or 0 takes them off).

        Raises:
            ScoreError: a dot vote would exceed the participant's dots.
        """
        if not score:
            return answers.with_score(item_id, participant_id, None)
        if self.single:
            for other, row in answers.scores.items():
                if other != item_id and participant_id in row:
                    answers = answers.with_score(other, participant_id, None)
            return answers.with_score(item_id, participant_id, score)
        used = dots_used(answers, participant_id, skip=item_id)
        if used + score > self.votes.dots:
            left = self.votes.dots - used
            raise ScoreError("dots.left", who=participant_id.upper(), left=left, dots=self.votes.dots)
        return answers.with_score(item_id, participant_id, score)

    def problems(self, exercise: Exercise, answers: ExerciseAnswers) -> Iterable[tuple[str, Phrase, Phrase]]:
        """(participant id, what, fix) for each person whose votes break the rules above.

        Used when a session file is read: the file may have been edited by hand.
        """
        chosen: dict[str, list[str]] = {}
        for item_id, row in answers.scores.items():
            for participant_id in row:
                chosen.setdefault(participant_id, []).append(item_id)
        for participant_id, items in chosen.items():
            if self.single and len(items) > 1:
                yield (
                    participant_id,
                    phrase("problems.what.chose_many", n=len(items), items=", ".join(items)),
                    phrase("problems.fix.one_choice"),
                )
            elif (used := dots_used(answers, participant_id)) > self.votes.dots:
                yield (
                    participant_id,
                    phrase("problems.what.too_many_dots", n=used, dots=self.votes.dots),
                    phrase("problems.fix.fewer_dots"),
                )

    def done(
        self, exercise: Exercise, answers: ExerciseAnswers, people: frozenset[str], groups: Sequence[str]
    ) -> bool:
        """Done when everyone has voted (or, tallied, when any vote is counted).

        The room's size says nothing about how many dots a tally used.
        """
        if answers.mode == "tally":
            return any(any(row.values()) for row in answers.tallies.values())
        return people <= answers.answerers


def is_single(exercise: Exercise) -> bool:
    """Whether the exercise is a single choice (one option per person; another moves the vote)."""
    body = exercise.body_if(VoteBody)
    return body is not None and body.single


def takes_back(exercise: Exercise) -> bool:
    """Whether a phone may send an empty answer to take its answer back (a dot vote's dots)."""
    body = exercise.body_if(VoteBody)
    return body is not None and not body.single


def vote_scale(votes: Votes) -> Scale:
    """The "scale" a vote is scored on: how many dots one person puts on one option."""
    return Scale(
        min=1,
        max=votes.max_per_item,
        min_label=WordedText("kinds.scale.one_dot"),
        max_label=WordedText("kinds.scale.dots", n=votes.max_per_item),
        inferred=votes.inferred,
        inferred_note=votes.inferred_note,
    )


SINGLE_CHOICE = Votes(dots=1, max_per_item=1, inferred=False)
"""A single choice: one dot, given by the kind itself (nothing to infer)."""


def read_single(reader: Reader) -> Read:
    """A single choice: an optional question and at least two options (each may have a response)."""
    question = reader.text("question", required=False)
    items = read_items(reader, extras=frozenset({"response"}), minimum=2, what="problems.things.options")
    return Read(VoteBody(SINGLE_CHOICE, question, single=True), items, vote_scale(SINGLE_CHOICE))


def read_dot_vote(reader: Reader) -> Read:
    """A dot vote: the ``[votes]`` table, an optional question and at least two options."""
    votes = _votes(reader.table("votes"))
    question = reader.text("question", required=False)
    items = read_items(reader, minimum=2, what="problems.things.options")
    body = VoteBody(votes or SINGLE_CHOICE, question)
    return Read(body, items, vote_scale(votes) if votes else None)


def _votes(reader: Reader | None) -> Votes | None:
    if reader is None:
        return None
    dots = reader.integer("dots", minimum=1, maximum=MAX_DOTS, default=1)
    per_item = reader.integer("max_per_item", required=False, default=1, minimum=1, maximum=MAX_DOTS)
    if per_item > dots:
        reader.problems.add(
            reader.key("max_per_item"),
            "problems.what.over_dots",
            "problems.fix.number_between",
            value=str(per_item),
            dots=str(dots),
            low="1",
            high=str(dots),
        )
        per_item = dots
    votes = Votes(
        dots=dots,
        max_per_item=per_item,
        inferred=reader.boolean("inferred"),
        inferred_note=reader.string("inferred_note", required=False),
    )
    reader.finish()
    return votes


def write_vote(exercise: Exercise) -> dict[str, Any]:
    """The keys ``read_single`` and ``read_dot_vote`` read (a single choice's dots are its kind's)."""
    body = exercise.body_as(VoteBody)
    out: dict[str, Any] = {}
    put_texts(out, question=body.question_text)
    if not body.single:
        votes = body.votes
        table: dict[str, Any] = {"dots": votes.dots, "inferred": votes.inferred}
        if votes.max_per_item != 1:
            table["max_per_item"] = votes.max_per_item
        if votes.inferred_note:
            table["inferred_note"] = votes.inferred_note
        out["votes"] = table
    return out | items_dict(exercise)


def votes_summary(given: SummaryInput) -> VotePart:
    """Dots, people and shares per option, ranked; the single choice's responses with them."""
    # Loaded when a summary is made: opening a session does not build its classes.
    from workshop_tui.core.results.summary_model import VoteOption, VotePart

    exercise, answers, lang = given.exercise, given.answers, given.lang
    body = exercise.body_as(VoteBody)
    totals = vote_totals(exercise, answers)
    people = voters(answers)
    total = sum(t.dots for t in totals)
    counted = vote_count(answers, totals)
    status = status_of(answers.results_visible, counted, named=given.named, minimum=given.session.min_answers)
    shown = status == "shown"
    ranking = rank({t.item_id: float(t.dots) if t.dots else None for t in totals}) if shown else []
    places = competition_ranks(ranking, {t.item_id: float(t.dots) for t in totals})
    best = set(winners(totals)) if shown else set()
    options = []
    for item, t in zip(exercise.items, totals, strict=True):
        options.append(
            VoteOption(
                id=item.id,
                text=item.text.get(lang),
                people=t.people if shown else 0,
                dots=t.dots if shown else 0,
                share=t.share if shown else None,
                rank=places.get(item.id) if shown and t.dots else None,
                winner=item.id in best,
                response=given.text(item.response),
                scores=scores_of(answers, item.id, given.labels) if shown else (),
            )
        )
    return VotePart(
        single=body.single,
        dots=body.votes.dots,
        max_per_item=body.votes.max_per_item,
        inferred=body.votes.inferred,
        mode=answers.counted_mode,
        status=status,
        voters=people,
        total=total if shown else 0,
        options=tuple(options),
        ranking=tuple(ranking),
    )


SPECS = (
    KindSpec("single_choice", VoteBody, read_single, write_vote, votes_summary),
    KindSpec("dot_vote", VoteBody, read_dot_vote, write_vote, votes_summary),
)
"""The kinds of this family, for the registry."""
