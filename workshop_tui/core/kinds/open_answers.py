"""Open answers: open_answers, a short text from each participant's device, collected anonymously.

"Hvad tager du med hjem?": every device may send a few short answers; each is stored under a
random id that says nothing about the device (``ExerciseAnswers.opens``), so the file holds
the room's words and not who wrote them. A new answer is for the facilitator's eyes only
until they put it on the wall (``open_state`` "shown") or hide it ("hidden"); the wall then
shows the shown answers and their most frequent words (``core.results.words``), and the
exports list every answer not hidden.

Nothing is scored, so typing, tallying and the score grid do not apply; the answers come
from devices (``voting``) and the facilitator only shows and hides them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workshop_tui.core.kinds.schema import put_texts
from workshop_tui.core.kinds.spec import KindSpec, Read, SummaryInput
from workshop_tui.core.model import Exercise, ExerciseAnswers, Text
from workshop_tui.core.model.exercise import AnswerPart, Body
from workshop_tui.core.storage.reader import Reader

if TYPE_CHECKING:
    from workshop_tui.core.results.summary_model import OpenAnswersPart

MAX_CHARS = 280
"""The longest answer a device may send, unless the exercise says otherwise (``max_chars``)."""
MAX_PER_DEVICE = 3
"""How many answers one device may give, unless the exercise says otherwise (``per_device``)."""


@dataclass(frozen=True)
class OpenBody(Body):
    """Open answers: the question every device answers, how long and how many answers may be."""

    scored = False
    tallied = False
    question_text: Text | None = None
    max_chars: int = MAX_CHARS
    per_device: int = MAX_PER_DEVICE

    def question(self) -> Text | None:
        """The question the answers answer."""
        return self.question_text

    def check_answer(self, exercise: Exercise, part: AnswerPart, index: int = 0) -> None:
        """Take open answers, and nothing else beside them."""
        if part != "open":
            super().check_answer(exercise, part, index)

    def done(
        self, exercise: Exercise, answers: ExerciseAnswers, people: frozenset[str], groups: Sequence[str]
    ) -> bool:
        """Done once the facilitator has put answers on the wall (the room has seen them)."""
        return any(state == "shown" for state in answers.open_state.values())


def read_open(reader: Reader) -> Read:
    """The question, and optionally ``max_chars`` and ``per_device``."""
    return Read(
        OpenBody(
            question_text=reader.text("question", required=False),
            max_chars=reader.integer(
                "max_chars", required=False, minimum=10, maximum=2000, default=MAX_CHARS
            ),
            per_device=reader.integer(
                "per_device", required=False, minimum=1, maximum=20, default=MAX_PER_DEVICE
            ),
        )
    )


def write_open(exercise: Exercise) -> dict[str, Any]:
    """The keys ``read_open`` reads (the limits only when they differ from the defaults)."""
    body = exercise.body_as(OpenBody)
    out = put_texts({}, question=body.question_text)
    if body.max_chars != MAX_CHARS:
        out["max_chars"] = body.max_chars
    if body.per_device != MAX_PER_DEVICE:
        out["per_device"] = body.per_device
    return out


def open_summary(given: SummaryInput) -> OpenAnswersPart:
    """Every answer not hidden, in the order they came, with the most frequent words."""
    # Loaded when a summary is made: opening a session does not build its classes.
    from workshop_tui.core.results.summary_model import OpenAnswer, OpenAnswersPart
    from workshop_tui.core.results.words import frequent_words

    answers = given.answers
    body = given.exercise.body_as(OpenBody)
    kept = tuple(
        OpenAnswer(text.strip(), answers.open_state.get(answer_id, "new"))
        for answer_id, text in answers.opens.items()
        if answers.open_state.get(answer_id) != "hidden" and text.strip()
    )
    hidden = sum(1 for answer_id in answers.opens if answers.open_state.get(answer_id) == "hidden")
    question = body.question_text or given.exercise.prompt
    return OpenAnswersPart(
        question=given.text(question),
        answers=kept,
        hidden=hidden,
        words=frequent_words(a.text for a in kept),
        wall_words=frequent_words(a.text for a in kept if a.state == "shown"),
    )


SPECS = (KindSpec("open_answers", OpenBody, read_open, write_open, open_summary),)
"""The kinds of this family, for the registry."""
