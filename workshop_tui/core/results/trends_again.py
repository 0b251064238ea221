"""Exercises that recur in a series with no means to trend: written ones, votes, action reviews.

A facilitator meeting the group again wants to see them come back, each the way that
session's own summary (``summary.build_summary``, anonymous) has it:

- **Written** (sheet, action list, table, open answers): what each session wrote
  (``written_answers``).
- **Votes** (dot vote, single choice): each session's top options, the wall's ranking
  (most dots first, ``rules.TOP_COUNT`` places with ties, ▲ on the winners); none where the
  session holds the vote back (too few voted, blind), which it says.
- **Action reviews**: per session how many of last time's actions got each review status
  (done, partly, not started, dropped: ``action_review.STATUSES``, each apart), were not
  reviewed, and were carried over into the new list.

Labels that read the same are told apart by the first session's date, then the id.
Pure functions; no UI.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TypeVar

from workshop_tui.core.i18n.shown import long_date
from workshop_tui.core.kinds.action_review import STATUSES
from workshop_tui.core.results.distinct import distinct_labels
from workshop_tui.core.results.rules import TOP_COUNT
from workshop_tui.core.results.summary_model import (
    ActionPart,
    ExerciseSummary,
    OpenAnswersPart,
    ReflectionPart,
    ReviewPart,
    SummaryPart,
    TablePart,
    VotePart,
)
from workshop_tui.core.results.trends_model import (
    ReviewAgain,
    ReviewRun,
    RunAgain,
    SessionRef,
    TopOption,
    VoteAgain,
    VoteRun,
    WrittenAgain,
)

Again = WrittenAgain | VoteAgain | ReviewAgain
"""A recurring exercise with no means to trend, as the trend lists it."""
_Listed = TypeVar("_Listed", bound=RunAgain)


def written_answers(part: SummaryPart) -> int | None:
    """What was written in a written exercise: its groups' texts (a sheet), actions, filled table
    rows (a matrix shows the same rows) or open answers, hidden ones too; None for any other part."""
    match part:
        case ReflectionPart():
            return sum(1 for box in part.boxes for answer in box.answers if answer.text.strip())
        case ActionPart():
            return sum(1 for group in part.groups for action in group.actions if action.text.strip())
        case TablePart():
            return sum(1 for g in part.groups for row in g.rows if any(c.strip() for c in row.cells))
        case OpenAnswersPart():
            return len(part.answers) + part.hidden
        case _:
            return None


def ran_again(runs: list[tuple[SessionRef, ExerciseSummary]]) -> Again | None:
    """A recurring exercise without means, over the sessions that ran it (None for another kind).

    Every run must be of the same family (a vote in each, a review in each...): an id reused
    for another kind of exercise is not put side by side.
    """
    latest = runs[-1][1]
    sessions = tuple(r for r, _ in runs)
    parts = [x.part for _, x in runs]
    answers = [written_answers(p) for p in parts]
    if all(n is not None for n in answers):
        counts = tuple(n or 0 for n in answers)
        return WrittenAgain(latest.id, latest.kind, latest.title, latest.title, sessions, counts)
    votes = [(r, p) for r, p in zip(sessions, parts, strict=True) if isinstance(p, VotePart)]
    if len(votes) == len(runs):
        found = tuple(vote_run(r, p) for r, p in votes)
        return VoteAgain(latest.id, latest.kind, latest.title, latest.title, sessions, found)
    reviews = [(r, p) for r, p in zip(sessions, parts, strict=True) if isinstance(p, ReviewPart)]
    if len(reviews) == len(runs):
        counted = tuple(review_run(r, p) for r, p in reviews)
        return ReviewAgain(latest.id, latest.kind, latest.title, latest.title, sessions, counted)
    return None


def vote_run(session: SessionRef, part: VotePart) -> VoteRun:
    """One session's top options, from its summary's ranking (the wall's; none when held back)."""
    by_id = {o.id: o for o in part.options}
    top = tuple(
        TopOption(o.text, o.dots, o.rank, o.winner)
        for o in (by_id[i] for i in part.ranking)
        if o.rank is not None and o.rank <= TOP_COUNT
    )
    return VoteRun(session, part.status, part.voters, top if part.shown else ())


def review_run(session: SessionRef, part: ReviewPart) -> ReviewRun:
    """One session's review counted: each status apart, not reviewed ("" in the summary), carried over."""
    return ReviewRun(
        session,
        actions=len(part.rows),
        statuses=(*((s, part.count(s)) for s in STATUSES), ("open", part.count(""))),
        carried=sum(1 for row in part.rows if row.carried),
    )


def told_apart(found: list[_Listed], lang: str) -> tuple[_Listed, ...]:
    """Same titles told apart by the first session's date (as people read it), then the id."""
    facts = [(x.title, (long_date(x.sessions[0].date, lang), x.id)) for x in found]
    return tuple(replace(x, label=label) for x, label in zip(found, distinct_labels(facts), strict=True))
