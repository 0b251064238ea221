"""The answers of one exercise from their TOML table, checked against the exercise and the session.

Split from ``session_codec`` (the session's own keys and tables): this is the part that
knows what each kind of answer may hold, so it grows with the kinds.
"""

from __future__ import annotations

import re
from typing import Any

from workshop_tui.core.model import Action, Exercise, ExerciseAnswers, Group, Participant
from workshop_tui.core.model.answers import MODES, OPEN_STATES, OpenState
from workshop_tui.core.model.exercise import Scale
from workshop_tui.core.model.ids import valid_id
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
        problems.add(
            reader.key("mode"), "problems.what.unknown_mode", "problems.fix.mode", value=repr(mode[:40])
        )
        mode = "participant"
    try:
        exercise.body.check_mode(mode)  # type: ignore[arg-type]
    except ScoreError as error:
        problems.add(
            reader.key("mode"),
            "problems.what.refused",
            "problems.fix.mode_participant",
            refusal=error.phrase(),
        )
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
                    "problems.what.no_item",
                    "problems.fix.use_one_of" if item_ids else "problems.fix.takes_no_scores",
                    exercise=repr(exercise.id),
                    item=repr(item_id),
                    choices=", ".join(sorted(item_ids)),
                )
            elif row is not None:
                rows.append((item_id, row))
        return rows

    def score_ok(key: str, value: int) -> bool:
        if scale is None or not scale.contains(value):
            problems.add(
                key,
                "problems.what.off_scale",
                "problems.fix.number_between" if scale else "problems.fix.no_scale",
                value=str(value),
                low=str(scale.min) if scale else "",
                high=str(scale.max) if scale else "",
            )
            return False
        return True

    scores: dict[str, dict[str, int]] = {}
    for item_id, row in items_table("scores"):
        if _plain_row(row.data, people, scale):
            # Nothing to report (nearly every row): taken whole, not score by score. (Its keys are
            # not marked used: a row's reader is never finished, every key is read or reported.)
            if row.data:
                scores[item_id] = dict(row.data)
            continue
        for pid in list(row.data):
            value = row.integer(pid)
            if pid not in people:
                problems.add(
                    row.key(pid),
                    "problems.what.no_participant",
                    "problems.fix.add_participant",
                    who=repr(pid),
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
                problems.add(
                    row.key(key), "problems.what.not_a_score", "problems.fix.tally_key", value=repr(key)
                )
            elif score_ok(row.key(key), int(key)) and count:
                tallies.setdefault(item_id, {})[int(key)] = count
    notes = string_map(reader, "notes")
    for item_id in notes:
        if item_id not in item_ids:
            problems.add(
                reader.key(f"notes.{item_id}"),
                "problems.what.no_item",
                "problems.fix.move_note",
                exercise=repr(exercise.id),
                item=repr(item_id),
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
                    problems.add(
                        boxes.key(box),
                        "problems.what.no_box",
                        "problems.fix.as_said",
                        exercise=repr(exercise.id),
                        box=repr(box),
                        said=exercise.body.text_key_rule(exercise),
                    )
                text = boxes.string(box)
                if box in box_keys:
                    try:
                        exercise.body.check_text(exercise, box, text)
                    except ScoreError as error:
                        problems.add(
                            boxes.key(box),
                            "problems.what.refused",
                            "problems.fix.pick_option",
                            refusal=error.phrase(),
                        )
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
    opens, open_state = _opens(reader, exercise)
    answers = ExerciseAnswers(
        mode=mode,  # type: ignore[arg-type]
        blind=reader.boolean("blind", required=False),
        revealed=reader.boolean("revealed", required=False),
        round_hid=_round_hid(reader),
        scores=scores,
        tallies=tallies,
        notes=notes,
        texts=texts,
        closing=closing,
        challenge=challenge,
        actions=actions,
        opens=opens,
        open_state=open_state,
    )
    for participant_id, what, fix in exercise.body.problems(exercise, answers):
        problems.add(
            reader.key("scores"),
            "problems.what.answer_of",
            "problems.fix.as_said",
            who=participant_id,
            did=what,
            said=fix,
        )
    reader.finish()
    return answers


def _plain_row(row: dict[str, Any], people: set[str], scale: Scale | None) -> bool:
    """Whether every score of a row is a whole number on the scale, given by a participant.

    A 400-person session has 16,000 scores; checking a row at once instead of each
    score through the reader takes a tenth of the time.
    """
    if scale is None or not people.issuperset(row):
        return False
    if not row:
        return True
    values = row.values()
    # Whole numbers only (not a bool, a float or a text: ``type``, not ``isinstance``), then their
    # range: each a pass in C over the row instead of a step of Python per score.
    return set(map(type, values)) == {int} and scale.min <= min(values) and max(values) <= scale.max


def _check_group(key: str, group_id: str, known: set[str], problems: Any) -> None:
    if group_id not in known:
        problems.add(key, "problems.what.no_group", "problems.fix.add_group", group=repr(group_id))


def _group_texts(reader: Reader, name: str, group_ids: set[str]) -> dict[str, str]:
    texts = string_map(reader, name)
    for group_id in texts:
        _check_group(reader.key(f"{name}.{group_id}"), group_id, group_ids, reader.problems)
    return {g: t for g, t in texts.items() if t}


def _opens(reader: Reader, exercise: Exercise) -> tuple[dict[str, str], dict[str, OpenState]]:
    """``[open]`` (answer id -> text) and ``[open_state]`` (answer id -> "shown" or "hidden")."""
    problems = reader.problems
    opens = string_map(reader, "open")
    if opens:
        try:
            exercise.body.check_answer(exercise, "open")
        except ScoreError as error:
            problems.add(
                reader.key("open"), "problems.what.refused", "problems.fix.open.kind", refusal=error.phrase()
            )
    for answer_id in opens:
        if not valid_id(answer_id):
            key = reader.key(f"open.{answer_id[:40]}")
            problems.add(key, "problems.what.bad_id", "problems.fix.id_rule", value=repr(answer_id[:40]))
    states: dict[str, OpenState] = {}
    for answer_id, state in string_map(reader, "open_state").items():
        key = reader.key(f"open_state.{answer_id[:40]}")
        if state not in OPEN_STATES:
            problems.add(key, "problems.what.open.state", "problems.fix.open.state", value=repr(state[:40]))
        elif answer_id not in opens:
            problems.add(
                key, "problems.what.open.no_answer", "problems.fix.remove", value=repr(answer_id[:40])
            )
        else:
            states[answer_id] = state  # type: ignore[assignment]
    return {k: v for k, v in opens.items() if v}, states


_ROUND_HID = re.compile(r"(?:hidden|hidden_again):[0-9a-f]{16}")


def _round_hid(reader: Reader) -> str:
    """What an open voting round hid (``ExerciseAnswers.round_hid``); a value of another shape is
    reported (nothing else writes it) and read as none, so nothing is given back by mistake."""
    value = reader.string("round_hid", required=False)
    if value and not _ROUND_HID.fullmatch(value):
        reader.problems.add(
            reader.key("round_hid"),
            "problems.what.round_hid",
            "problems.fix.round_hid",
            value=repr(value[:40]),
        )
        return ""
    return value
