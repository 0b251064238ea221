"""Which figures a summary holds back because too few answered, and why: for the management report.

A report sent out of the room says what it does not show (issue 16): an item, a vote or a
placement with fewer answers than the session's minimum (``Session.min_answers``) has no
figure but its n, and this module lists those, once, for every renderer (the export's
"Om tallene" and the trend report). The rule itself is ``rules.status_of``; nothing here
decides what is held back, it only reads the parts' statuses.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import assert_never

from workshop_tui.core.results.summary_model import (
    ActionPart,
    ExerciseSummary,
    OpenAnswersPart,
    ReflectionPart,
    ReviewPart,
    ScoredPart,
    Summary,
    TablePart,
    VotePart,
)


@dataclass(frozen=True)
class HeldBack:
    """One figure not shown: the exercise, the item (empty for a whole vote or placement), and n."""

    exercise: str
    item: str
    n: int


def held_back(summary: Summary) -> tuple[HeldBack, ...]:
    """Every figure of the summary held back for too few answers, in agenda and item order.

    A named summary holds nothing back (the facilitator chose to show who gave what).
    """
    out: list[HeldBack] = []
    for exercise in summary.exercises:
        out.extend(_of(exercise))
    return tuple(out)


def _of(exercise: ExerciseSummary) -> list[HeldBack]:
    part = exercise.part
    match part:
        case ScoredPart():
            if part.placement is not None and part.placement.too_few is not None:
                return [HeldBack(exercise.title, "", part.placement.too_few)]
            return [HeldBack(exercise.title, i.text, i.stats.n) for i in part.items if i.status == "too_few"]
        case VotePart():
            return [] if part.too_few is None else [HeldBack(exercise.title, "", part.too_few)]
        case ReflectionPart() | ActionPart() | TablePart() | ReviewPart() | OpenAnswersPart():
            return []
        case _:
            assert_never(part)
