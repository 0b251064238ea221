"""The keystroke writer's own pieces: each writes what a fresh render writes, byte for byte.

A keystroke renders the header's ``updated`` line and the ``[position]`` table by hand and
keeps each exercise's answers (all but the rows of scores) rendered from the last save
(``storage.writer``). A piece that misses a change keeps an old value on disk; one that
writes other bytes than tomli-w makes a file another tool reads differently.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest

from workshop_tui.core.model import Action, ExerciseAnswers, Position, Session
from workshop_tui.core.storage.session_codec import head_table, place_table
from workshop_tui.core.storage.tomlio import dumps
from workshop_tui.core.storage.writer import SessionWriter

EXERCISE = "resistance"

# Each field of one exercise's answers, changed (as a whole new value, as the model's edits
# make them): the writer that saved the answers before must write exactly what a fresh one
# writes. A new field fails the first assertion until it is here.
ANSWER_EDITS: dict[str, Callable[[ExerciseAnswers], ExerciseAnswers]] = {
    "mode": lambda a: dataclasses.replace(a, mode="tally"),
    "blind": lambda a: dataclasses.replace(a, blind=True),
    "revealed": lambda a: dataclasses.replace(a, revealed=True),
    "scores": lambda a: dataclasses.replace(a, scores={"trust": {"p1": 4}}),
    "tallies": lambda a: dataclasses.replace(a, tallies={"trust": {3: 2}}),
    "notes": lambda a: dataclasses.replace(a, notes={"trust": "i ledelsen"}),
    "texts": lambda a: dataclasses.replace(a, texts={"g1": {"box": "tekst"}}),
    "closing": lambda a: dataclasses.replace(a, closing={"g1": "afsluttende svar"}),
    "actions": lambda a: dataclasses.replace(a, actions={"g1": (Action("gør noget", "Ida", "2027-01-05"),)}),
    "challenge": lambda a: dataclasses.replace(a, challenge={"g1": "udfordringen"}),
    "opens": lambda a: dataclasses.replace(a, opens={"a1": "et åbent svar"}),
    "open_state": lambda a: dataclasses.replace(a, open_state={"a1": "shown"}),
    "round_hid": lambda a: dataclasses.replace(a, round_hid="hidden:0123456789abcdef"),
}


def _with_answers(session: Session, change: Callable[[ExerciseAnswers], ExerciseAnswers]) -> Session:
    answers = change(session.answers_for(EXERCISE))
    return dataclasses.replace(session, answers={**session.answers, EXERCISE: answers})


def test_every_field_of_an_exercises_answers_reaches_the_file_after_an_earlier_save(
    small_session: Session, tmp_path: Path
) -> None:
    assert set(ANSWER_EDITS) == {field.name for field in dataclasses.fields(ExerciseAnswers)}
    start = _with_answers(small_session, lambda a: dataclasses.replace(a, notes={"trust": "før"}))
    for name, edit in ANSWER_EDITS.items():
        writer = SessionWriter(tmp_path / "a.toml")
        writer.render(start)
        changed = _with_answers(start, edit)
        assert changed != start, name
        assert writer.render(changed) == SessionWriter(tmp_path / "b.toml").render(changed), name


@pytest.mark.parametrize(
    ("title", "updated", "exercise", "group"),
    [
        ("Prøve", "2026-12-02T15:40:00.123456+00:00", "resistance", "g1"),
        ('Et "citat"\nog en linje', 'ikke en "tid"\\', "øvelse med mellemrum", 'g"1'),
        ("", "", "", ""),
    ],
)
def test_the_header_and_the_position_are_the_bytes_tomli_w_writes(
    small_session: Session, tmp_path: Path, title: str, updated: str, exercise: str, group: str
) -> None:
    session = dataclasses.replace(
        small_session, title=title, updated=updated, position=Position(exercise, 3, 7, group)
    )
    writer = SessionWriter(tmp_path / "s.toml")
    for version in (session, dataclasses.replace(session, updated=updated + "0")):  # new stamp, same rest
        data = writer.render(version)
        head = dumps(head_table(version)).encode("utf-8")
        first_table = data.index(b"\nagenda") + 1  # after the blank line that ends the header's piece
        assert data[data.index(b"\n") + 1 : first_table] == head + b"\n"
        assert dumps(place_table(version)).encode("utf-8") in data
