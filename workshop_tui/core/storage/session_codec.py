"""Sessions to and from TOML tables, validating every key against the session's exercises."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from workshop_tui.core.i18n import LANGUAGES
from workshop_tui.core.model import Exercise, ExerciseAnswers, Participant, Position, Session
from workshop_tui.core.model.ids import valid_date, valid_id
from workshop_tui.core.model.session import (
    DEFAULT_MIN_ANSWERS,
    MAX_MIN_ANSWERS,
    SESSION_TEXTS,
)
from workshop_tui.core.storage import people_codec
from workshop_tui.core.storage.answers_codec import parse_answers, string_map
from workshop_tui.core.storage.errors import Problem
from workshop_tui.core.storage.exercise_codec import SharedExercises, exercise_to_dict
from workshop_tui.core.storage.migrations import SCHEMA_VERSION
from workshop_tui.core.storage.reader import Problems, Reader, check_id, check_ids, duplicates


def session_to_dict(session: Session) -> dict[str, Any]:
    """The TOML table for a session; ``parse_session`` reads it back unchanged.

    Made of the parts below, which the keystroke writer (``storage.writer``) renders and
    caches one by one: each changes at its own pace while a session runs.
    """
    return {
        **head_table(session),
        **people_table(session),
        **place_table(session),
        "exercises": {eid: exercise_to_dict(ex) for eid, ex in session.exercises.items()},
        "answers": {eid: answers_to_dict(a) for eid, a in session.answers.items() if not is_default(a)},
    }


def head_table(session: Session) -> dict[str, Any]:
    """The keys before the first table (``HEADER_KEYS``): what a list of sessions reads."""
    return {
        "schema_version": SCHEMA_VERSION,
        "id": session.id,
        "title": session.title,
        "date": session.date,
        "organisation": session.organisation,
        "facilitator": session.facilitator,
        "language": session.language,
        "created": session.created,
        "updated": session.updated,
        **({"follows": session.follows} if session.follows else {}),
    }


def people_table(session: Session) -> dict[str, Any]:
    """The agenda, the participants and the groups: arrays, written right after the header."""
    return {
        "agenda": list(session.agenda),
        # After the agenda, so the header a list reads (the keys before it) stays the same.
        **({"min_answers": session.min_answers} if session.min_answers != DEFAULT_MIN_ANSWERS else {}),
        "participants": [_participant(p) for p in session.participants],
        "groups": [{"id": g.id, "name": g.name} for g in session.groups],
    }


def _participant(p: Participant) -> dict[str, Any]:
    """A participant's table; ``late_for`` only for a latecomer (most files stay as they were)."""
    if p.late_for:
        return {"id": p.id, "name": p.name, "late_for": sorted(p.late_for)}
    return {"id": p.id, "name": p.name}


def place_table(session: Session) -> dict[str, Any]:
    """Where the facilitator is, the private notes and the timers: small tables."""
    return {
        "position": {
            "exercise": session.position.exercise,
            "row": session.position.row,
            "column": session.position.column,
            "group": session.position.group,
        },
        "notes": dict(session.notes),
        "timers": dict(session.timers),
    }


def is_default(answers: ExerciseAnswers) -> bool:
    """Answers nobody gave yet: left out of the file."""
    return answers.none_given


def answers_to_dict(a: ExerciseAnswers, *, scores: bool = True) -> dict[str, Any]:
    """One exercise's answers as their TOML table (``answers_codec.parse_answers`` reads it).

    Args:
        scores: False leaves the rows of scores out (the keystroke writer renders them itself).
    """
    out: dict[str, Any] = {"mode": a.mode, "blind": a.blind, "revealed": a.revealed}
    if a.round_hid:  # only while a voting round hides the results (and after a crash in one)
        out["round_hid"] = a.round_hid
    if a.scores and scores:
        out["scores"] = {item: dict(row) for item, row in a.scores.items()}
    if a.tallies:
        out["tallies"] = {
            item: {str(s): c for s, c in sorted(row.items())} for item, row in a.tallies.items()
        }
    for name in ("notes", "closing", "challenge"):
        value = getattr(a, name)
        if value:
            out[name] = dict(value)
    if a.texts:
        out["texts"] = {group: dict(boxes) for group, boxes in a.texts.items()}
    if a.opens:
        out["open"] = dict(a.opens)
    if a.open_state:
        out["open_state"] = dict(a.open_state)
    if a.actions:
        out["actions"] = {
            group: [{"text": x.text, "owner": x.owner, "due": x.due} for x in acts]
            for group, acts in a.actions.items()
        }
    return out


def parse_session(reader: Reader) -> Session | None:
    """Build a Session from a (migrated) table; None when there are errors."""
    problems = reader.problems
    before = problems.error_count
    reader.used.add("schema_version")
    language = _language(reader)
    participants = people_codec.participants(reader)
    groups = people_codec.groups(reader)
    exercises: dict[str, Exercise] = {}
    table = reader.table("exercises")
    if table is not None:
        shared = SharedExercises()
        for exercise_id in table.data:
            table.used.add(exercise_id)
            sub = table.table(exercise_id)
            exercise = shared.parse(sub) if sub else None
            if exercise is not None:
                if exercise.id != exercise_id:
                    problems.add(
                        sub.key("id") if sub else exercise_id,
                        "problems.what.id_differs",
                        "problems.fix.same_ids",
                        value=repr(exercise.id),
                        table=exercise_id,
                    )
                exercises[exercise_id] = exercise
    agenda = tuple(check_ids(reader, "agenda", reader.strings("agenda")))
    for exercise_id in agenda:
        if table is not None and exercise_id not in table.data:
            problems.add(
                reader.key("agenda"),
                "problems.what.no_exercise_table",
                "problems.fix.restore_exercise",
                value=repr(exercise_id),
                table=exercise_id,
            )
    for dup in duplicates(agenda):
        problems.add(
            reader.key("agenda"), "problems.what.named_twice", "problems.fix.agenda_once", value=repr(dup)
        )
    answers: dict[str, ExerciseAnswers] = {}
    answers_table = reader.table("answers", required=False)
    if answers_table is not None:
        for exercise_id in answers_table.data:
            answers_table.used.add(exercise_id)
            sub = answers_table.table(exercise_id)
            if sub is None:
                continue
            if exercise_id not in exercises:
                if table is not None and exercise_id not in table.data:
                    problems.add(
                        sub.path,
                        "problems.what.answers_unknown",
                        "problems.fix.restore_table",
                        value=repr(exercise_id),
                        table=exercise_id,
                    )
                continue
            answers[exercise_id] = parse_answers(sub, exercises[exercise_id], participants, groups)
    session_id = reader.string("id")
    check_id(reader, "id", session_id)
    session = Session(
        id=session_id,
        title=_title(reader),
        date=_date(reader),
        organisation=reader.string("organisation", required=False),
        facilitator=reader.string("facilitator", required=False),
        language=language,
        participants=participants,
        groups=groups,
        agenda=agenda,
        exercises=exercises,
        answers=answers,
        notes=string_map(reader, "notes"),
        timers=_int_map(reader, "timers"),
        position=_position(reader),
        created=_timestamp(reader, "created"),
        updated=_timestamp(reader, "updated"),
        follows=_follows(reader, session_id),
        min_answers=reader.integer(
            "min_answers", required=False, default=DEFAULT_MIN_ANSWERS, minimum=1, maximum=MAX_MIN_ANSWERS
        ),
    )
    reader.finish()
    return None if problems.error_count > before else session


def _language(reader: Reader) -> str:
    language = reader.string("language", default="da")
    if language not in LANGUAGES:
        reader.problems.add(
            reader.key("language"),
            "problems.what.unknown_language",
            "problems.fix.language",
            value=repr(language[:40]),
        )
    return language


HEADER_KEYS = frozenset(("schema_version", *SESSION_TEXTS))
"""The keys ``session_to_dict`` writes before the first table: what a list of sessions reads."""


def header_problems(data: dict[str, Any]) -> list[Problem]:
    """What is wrong with the keys before a file's first table, as a full read would find.

    The list trusts a sealed header (``storage.seal``) only when this finds nothing, so it
    never shows a file as good that opening would refuse for its header; any key that is
    not a header key is reported too (a full read must judge it).
    """
    problems = Problems(Path(""), {})
    reader = Reader(data, "", problems)
    _language(reader)
    check_id(reader, "id", reader.string("id"))
    _title(reader)
    _date(reader)
    for name in ("organisation", "facilitator"):
        reader.string(name, required=False)
    for name in ("created", "updated"):
        _timestamp(reader, name)
    _follows(reader, reader.string("id"))
    reader.used.update(HEADER_KEYS)
    reader.finish()
    return problems.found


def _follows(reader: Reader, session_id: str) -> str:
    """The id of the session this one follows: an optional key, an id like any session's.

    It names a file in the sessions folder (``<id>.toml``), so it is checked as an id before
    anything looks for that file; a session cannot follow itself.
    """
    value = reader.string("follows", required=False)
    if not value:
        return ""
    if not valid_id(value):
        reader.problems.add(
            reader.key("follows"),
            "problems.what.series.not_id",
            "problems.fix.series.write_id",
            value=repr(value[:60]),
        )
        return ""
    if value == session_id:
        reader.problems.add(
            reader.key("follows"),
            "problems.what.series.self",
            "problems.fix.series.write_other_id",
        )
        return ""
    return value


def _date(reader: Reader) -> str:
    """The session's date: an ISO date (it names export files and orders comparisons)."""
    value = reader.string("date")
    if (value or reader.data.get("date") == "") and not valid_date(value):
        reader.problems.add(
            reader.key("date"), "problems.what.not_date", "problems.fix.date", value=repr(value[:40])
        )
    return value


def _timestamp(reader: Reader, name: str) -> str:
    """``created`` or ``updated``: an ISO time as the app writes it, or absent."""
    value = reader.string(name, required=False)
    if value:
        try:
            valid = bool(datetime.fromisoformat(value)) and len(value) <= 40 and value.isascii()
        except ValueError:
            valid = False
        if not valid:
            reader.problems.add(
                reader.key(name),
                "problems.what.not_time",
                "problems.fix.time",
                value=repr(value[:40]),
                name=name,
            )
            return ""
    return value


def _position(reader: Reader) -> Position:
    sub = reader.table("position", required=False)
    if sub is None:
        return Position()
    position = Position(
        exercise=sub.string("exercise", required=False),
        row=sub.integer("row", required=False, minimum=0),
        column=sub.integer("column", required=False, minimum=0),
        group=sub.string("group", required=False),
    )
    sub.finish()
    return position


def _int_map(reader: Reader, name: str) -> dict[str, int]:
    sub = reader.table(name, required=False)
    if sub is None:
        return {}
    out = {key: sub.integer(key, minimum=0, maximum=24 * 3600) for key in list(sub.data)}
    sub.finish()
    return out


def _title(reader: Reader) -> str:
    """The title, by the rule a new session's follows (``parse_title``): a blank one is a problem.

    A file mailed in (or written by hand) with ``title = " "`` was listed as a blank line that
    no title opened, and exported with an empty heading.
    """
    from workshop_tui.core.model.people import parse_title
    from workshop_tui.core.model.refusal import Refused

    raw = reader.string("title")
    if "title" not in reader.data or not isinstance(reader.data["title"], str):
        return raw  # missing or not a string: reported by ``string``
    try:
        parse_title(raw)  # only judged: a title is read as written, so a file reads back the same
    except Refused:
        reader.problems.add(reader.key("title"), "problems.what.blank_title", "problems.fix.write_title")
    return raw
