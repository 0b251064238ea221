"""What a kind declares: how its exercise file is read and written, and its summary part.

Its answer rules and when it is done are methods of its body (``model.exercise.Body``),
because the model asks them without knowing the kinds; the rest is a ``KindSpec`` that
the registry (:mod:`workshop_tui.core.kinds.registry`) maps the kind to.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workshop_tui.core.model import Exercise, ExerciseAnswers, Item, Scale, Session, Text
from workshop_tui.core.model.exercise import Body, Kind, Polarity
from workshop_tui.core.results.edition import Edition
from workshop_tui.core.storage.reader import Reader

if TYPE_CHECKING:
    from workshop_tui.core.results.summary_model import (
        SummaryPart,
    )


@dataclass(frozen=True)
class Read:
    """The fields of an exercise a kind reads from its file, beside the common ones."""

    body: Body
    items: tuple[Item, ...] = ()
    scale: Scale | None = None
    polarity: Polarity = "neutral"


@dataclass(frozen=True)
class SummaryInput:
    """What a kind's summary part is built from: one exercise of a session, in one language.

    ``labels`` are the participants' names in a named export (empty when anonymous) and
    ``named`` lifts the anonymity rule (the facilitator's explicit choice). ``edition`` says
    which free texts about people (owners, review notes) this summary keeps.
    """

    session: Session
    exercise: Exercise
    answers: ExerciseAnswers
    lang: str
    labels: dict[str, str]
    named: bool
    edition: Edition = Edition()

    def text(self, text: Text | None) -> str:
        """An optional text in the summary's language (empty when the exercise lacks it)."""
        return text.get(self.lang) if text is not None else ""


@dataclass(frozen=True)
class KindSpec:
    """One kind: its name, how its own keys are read and written, and its summary part.

    Attributes:
        body: the class of the kind's body (whether its answers are scores, votes …).
        read: reads the kind's keys (``[[items]]``, ``[scale]``, ``[[boxes]]`` …) and
            reports each problem on the reader; the common keys are read already.
        write: the kind's keys as TOML tables, such that ``read`` gives them back.
        summary: the part of the summary every export, the projector and the phone read.
    """

    kind: Kind
    body: type[Body]
    read: Callable[[Reader], Read]
    write: Callable[[Exercise], dict[str, Any]]
    summary: Callable[[SummaryInput], SummaryPart]
