"""The answers of one exercise from their TOML table, checked against the exercise and the session.

Split from ``session_codec`` (the session's own keys and tables): this is the part that
knows what each kind of answer may hold, so it grows with the kinds.
"""

from __future__ import annotations

from typing import Any

from workshop_tui.core.model import Action, Exercise, ExerciseAnswers, Group, Participant
from workshop_tui.core.model.answers import MODES
from workshop_tui.core.model.exercise import Scale
from workshop_tui.core.model.refusal import ScoreError
from workshop_tui.core.storage.reader import Reader


def string_map(reader: Reader, name: str) -> dict[str, str]:
    """A table of strings (``[notes]``), every value checked to be a string."""
    sub = reader.table(name, required=False)
    if sub is None:
        return {}
    out = {key: sub.string(key) for key in list(sub.data)}
    sub.finish()
    return out


def parse_answers(
    reader: Reader, exercise: Exercise, participants: tuple[Participant, ...], groups: tuple[Group, ...]
) -> ExerciseAnswers:
    """One exercise's answers; every problem is added to ``reader.problems``."""
    problems = reader.problems
    mode = reader.string("mode", required=False, default="participant")
    if mode not in MODES:
        problems.add(reader.key("mode"), f"unknown mode {mode!r}", 'use "participant" or "tally"')
        mode = "participant"
    try:
        exercise.body.check_mode(mode)  # type: ignore[arg-type]
    except ScoreError as error:
        problems.add(reader.key("mode"), str(error), 'write mode = "participant"')
    item_ids = {i.id for i in exercise.scored_items}
    people = {p.id for p in participants}
    group_ids = {g.id for g in groups}
    scale = exercise.scale

    def items_table(name: str) -> list[tuple[str, Reader]]:
        sub = reader.table(name, required=False)
        if sub is None:
            return []
        rows = []
        for item_id in list(sub.data):
            sub.used.add(item_id)
            row = sub.table(item_id)
            if item_id not in item_ids:
                problems.add(
                    sub.key(item_id),
                    f"{exercise.id!r} has no item {item_id!r}",
                    f"use one of {', '.join(sorted(item_ids)) or '(none: this exercise takes no scores)'}",
                )
            elif row is not None:
                rows.append((item_id, row))
        return rows

    def score_ok(key: str, value: int) -> bool:
        if scale is None or not scale.contains(value):
            bounds = f"{scale.min} to {scale.max}" if scale else "nothing (no scale)"
            problems.add(key, f"score {value} is off the scale", f"use a whole number from {bounds}")
            return False
        return True

    scores: dict[str, dict[str, int]] = {}
    for item_id, row in items_table("scores"):
        if _plain_row(row.data, people, scale):
            # Nothing to report (nearly every row): taken whole, not score by score.
            row.used.update(row.data)
            if row.data:
                scores[item_id] = dict(row.data)
            continue
        for pid in list(row.data):
            value = row.integer(pid)
            if pid not in people:
                problems.add(
                    row.key(pid),
                    f"no participant {pid!r} in this session",
                    "add the participant or remove the score",
                )
            elif row.data.get(pid) == value and score_ok(row.key(pid), value):
                scores.setdefault(item_id, {})[pid] = value
    tallies: dict[str, dict[int, int]] = {}
    for item_id, row in items_table("tallies"):
        for key in list(row.data):
            count = row.integer(key, minimum=0, maximum=10_000)
            digits = key[1:] if key.startswith("-") else key
            # isdigit alone lets "²" and "--4" through, which int() then refuses with a traceback.
            if not (digits.isascii() and digits.isdigit()):
                problems.add(row.key(key), f"{key!r} is not a score", 'tally keys are scores, e.g. "4" = 3')
            elif score_ok(row.key(key), int(key)) and count:
                tallies.setdefault(item_id, {})[int(key)] = count
    notes = string_map(reader, "notes")
    for item_id in notes:
        if item_id not in item_ids:
            problems.add(
                reader.key(f"notes.{item_id}"),
                f"{exercise.id!r} has no item {item_id!r}",
                "move the note to an existing item",
            )
    texts: dict[str, dict[str, str]] = {}
    box_keys = exercise.text_keys
    sub = reader.table("texts", required=False)
    if sub is not None:
        for group_id in list(sub.data):
            sub.used.add(group_id)
            boxes = sub.table(group_id)
            _check_group(sub.key(group_id), group_id, group_ids, problems)
            if boxes is None:
                continue
            for box in list(boxes.data):
                if box not in box_keys:
                    problems.add(boxes.key(box), f"{exercise.id!r} has no box {box!r}", _box_fix(exercise))
                text = boxes.string(box)
                if box in box_keys:
                    try:
                        exercise.body.check_text(exercise, box, text)
                    except ScoreError as error:
                        problems.add(boxes.key(box), str(error), "pick one of the column's options")
                if text:
                    texts.setdefault(group_id, {})[box] = text
            boxes.finish()
        sub.finish()
    closing = _group_texts(reader, "closing", group_ids)
    challenge = _group_texts(reader, "challenge", group_ids)
    actions: dict[str, tuple[Action, ...]] = {}
    sub = reader.table("actions", required=False)
    if sub is not None:
        for group_id in list(sub.data):
            _check_group(sub.key(group_id), group_id, group_ids, problems)
            rows = sub.tables(group_id)
            acts = []
            for row in rows:
                acts.append(
                    Action(
                        row.string("text", required=False),
                        row.string("owner", required=False),
                        row.string("due", required=False),
                    )
                )
                row.finish()
            if acts:
                actions[group_id] = tuple(acts)
        sub.finish()
    answers = ExerciseAnswers(
        mode=mode,  # type: ignore[arg-type]
        blind=reader.boolean("blind", required=False),
        revealed=reader.boolean("revealed", required=False),
        scores=scores,
        tallies=tallies,
        notes=notes,
        texts=texts,
        closing=closing,
        challenge=challenge,
        actions=actions,
    )
    for participant_id, what, fix in exercise.body.problems(exercise, answers):
        problems.add(reader.key("scores"), f"{participant_id} {what}", fix)
    reader.finish()
    return answers


def _plain_row(row: dict[str, Any], people: set[str], scale: Scale | None) -> bool:
    """Whether every score of a row is a whole number on the scale, given by a participant.

    A 400-person session has 16,000 scores; checking a row at once instead of each
    score through the reader takes a tenth of the time.
    """
    if scale is None or not people.issuperset(row):
        return False
    low, high = scale.min, scale.max
    return all(type(value) is int and low <= value <= high for value in row.values())


def _box_fix(exercise: Exercise) -> str:
    return exercise.body.text_key_rule(exercise)


def _check_group(key: str, group_id: str, known: set[str], problems: Any) -> None:
    if group_id not in known:
        problems.add(
            key,
            f"no group {group_id!r} in this session",
            "add the group or move the text to an existing group",
        )


def _group_texts(reader: Reader, name: str, group_ids: set[str]) -> dict[str, str]:
    texts = string_map(reader, name)
    for group_id in texts:
        _check_group(reader.key(f"{name}.{group_id}"), group_id, group_ids, reader.problems)
    return {g: t for g, t in texts.items() if t}
