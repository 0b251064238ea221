"""Sheets: reflection_sheet, numbered answer boxes each group writes in.

A group's answers are texts keyed by box number; the sheet is done when every group
has written in every box.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workshop_tui.core.kinds.schema import put_texts, text_table
from workshop_tui.core.kinds.spec import KindSpec, Read, SummaryInput
from workshop_tui.core.model import Exercise, ExerciseAnswers, Text
from workshop_tui.core.model.exercise import Body, WriteField
from workshop_tui.core.storage.reader import Reader, duplicates

if TYPE_CHECKING:
    from workshop_tui.core.results.summary_model import ReflectionPart


@dataclass(frozen=True)
class SubQuestion:
    """A lettered sub-question under a working question (``a)``, ``b)``)."""

    letter: str
    text: Text


@dataclass(frozen=True)
class Box:
    """A numbered answer box on a reflection sheet with its working question beside it."""

    number: int
    title: Text
    question: Text | None = None
    subquestions: tuple[SubQuestion, ...] = ()

    @property
    def key(self) -> str:
        """The key the box's answers are stored under in a session file."""
        return str(self.number)


@dataclass(frozen=True)
class SheetBody(Body):
    """A reflection sheet: an optional heading over numbered boxes."""

    scored = False
    boxes: tuple[Box, ...] = ()
    heading: Text | None = None

    def text_keys(self, exercise: Exercise) -> frozenset[str]:
        """The box numbers."""
        return frozenset(b.key for b in self.boxes)

    def write_fields(self, exercise: Exercise) -> tuple[WriteField, ...]:
        """Each box with its working question and sub-questions beside it, as on the sheet."""
        return tuple(
            WriteField(
                key=f"t:{box.key}",
                label=Text(f"{box.number}. {box.title.da}", f"{box.number}. {box.title.get('en')}"),
                question=box.question,
                sub_texts=tuple(
                    Text(f"{q.letter}) {q.text.da}", f"{q.letter}) {q.text.get('en')}")
                    for q in box.subquestions
                ),
                section=self.heading if index == 0 else None,
            )
            for index, box in enumerate(self.boxes)
        )

    def done(
        self, exercise: Exercise, answers: ExerciseAnswers, people: frozenset[str], groups: Sequence[str]
    ) -> bool:
        """Every group has written in every box."""
        return all(
            answers.texts.get(group, {}).get(box.key, "").strip() for group in groups for box in self.boxes
        )


def read_sheet(reader: Reader) -> Read:
    """The heading and the ``[[boxes]]``, each with its title, question and sub-questions."""
    heading = reader.text("heading", required=False)
    return Read(SheetBody(boxes=_boxes(reader), heading=heading))


def _boxes(reader: Reader) -> tuple[Box, ...]:
    found = []
    for sub in reader.tables("boxes"):
        subquestions = []
        for q in sub.tables("subquestions", required=False):
            subquestions.append(SubQuestion(letter=q.string("letter"), text=q.text("text") or Text("")))
            q.finish()
        found.append(
            Box(
                number=sub.integer("number", minimum=1, maximum=99),
                title=sub.text("title") or Text(""),
                question=sub.text("question", required=False),
                subquestions=tuple(subquestions),
            )
        )
        sub.finish()
    for dup in duplicates(b.key for b in found):
        reader.problems.add(
            reader.key("boxes"), "problems.what.box_twice", "problems.fix.number_boxes", value=dup
        )
    return tuple(found)


def write_sheet(exercise: Exercise) -> dict[str, Any]:
    """The keys ``read_sheet`` reads."""
    body = exercise.body_as(SheetBody)
    out = put_texts({}, heading=body.heading)
    if body.boxes:
        out["boxes"] = [_box_dict(b) for b in body.boxes]
    return out


def _box_dict(b: Box) -> dict[str, Any]:
    out: dict[str, Any] = {"number": b.number, "title": text_table(b.title)}
    put_texts(out, question=b.question)
    if b.subquestions:
        out["subquestions"] = [{"letter": q.letter, "text": text_table(q.text)} for q in b.subquestions]
    return out


def sheet_summary(given: SummaryInput) -> ReflectionPart:
    """Each box with every group's answer in it."""
    # Loaded when a summary is made: opening a session does not build its classes.
    from workshop_tui.core.results.summary_model import BoxSummary, GroupText, ReflectionPart

    body = given.exercise.body_as(SheetBody)
    groups = given.session.groups
    texts = given.answers.texts
    boxes = tuple(
        BoxSummary(
            number=box.number,
            title=box.title.get(given.lang),
            question=given.text(box.question),
            subquestions=tuple(f"{q.letter}) {q.text.get(given.lang)}" for q in box.subquestions),
            answers=tuple(
                GroupText(g.label(given.lang), texts.get(g.id, {}).get(box.key, "").strip()) for g in groups
            ),
        )
        for box in body.boxes
    )
    return ReflectionPart(heading=given.text(body.heading), boxes=boxes)


SPECS = (KindSpec("reflection_sheet", SheetBody, read_sheet, write_sheet, sheet_summary),)
"""The kinds of this family, for the registry."""
