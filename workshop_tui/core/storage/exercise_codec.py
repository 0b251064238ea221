"""Exercise definitions to and from TOML tables, validating every key.

The same parser reads the built-in files, the facilitator's own files and the
copies of exercises kept inside session files, so all three are held to one schema
(documented in ``exercises/README.md``). The keys every exercise has are read here;
the rest belong to its kind and are read by the kind's module (``core.kinds``).
"""

from __future__ import annotations

import marshal
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from workshop_tui.core.kinds.registry import spec_of
from workshop_tui.core.kinds.schema import put_texts, text_table
from workshop_tui.core.model import KINDS, Exercise, Source
from workshop_tui.core.model.ids import ID as ID_PATTERN
from workshop_tui.core.model.ids import valid_id
from workshop_tui.core.storage.reader import Problems, Reader, check_id

__all__ = ["ID_PATTERN", "SharedExercises", "exercise_to_dict", "parse_exercise", "text_table"]


@cache
def _keys_of_any_kind() -> frozenset[str]:
    """Every top-level key some kind reads: each kind reads an empty table, and what it asked for is kept.

    Only a file whose kind is wrong or missing needs it (then every family is imported).
    """
    keys: set[str] = set()
    for kind in KINDS:
        empty = Reader({}, "", Problems(Path(), {}))
        spec_of(kind).read(empty)
        keys.update(empty.used)
    return frozenset(keys)


def parse_exercise(reader: Reader) -> Exercise | None:
    """Build an Exercise from a table, recording every problem on ``reader.problems``.

    Returns None when the table has errors (the problems say which).
    """
    before = reader.problems.error_count
    exercise_id = reader.string("id")
    check_id(reader, "id", exercise_id)
    version = reader.integer("version", minimum=1)
    kind = reader.string("kind")
    if kind and kind not in KINDS:
        import difflib  # only a wrong kind needs it

        close = difflib.get_close_matches(kind, KINDS, n=1)
        reader.problems.add(
            reader.key("kind"),
            "problems.what.unknown_kind",
            "problems.fix.did_you_mean" if close else "problems.fix.use_one_of",
            value=repr(kind[:40]),
            close=repr(close[0]) if close else "",
            choices=", ".join(KINDS),
        )
    title = reader.text("title")
    source = _source(reader.table("source"))
    prompt = reader.text("prompt", required=False)
    guide = reader.text("guide", required=False)
    fields = spec_of(kind).read(reader) if kind in KINDS else None
    if fields is None:
        # Without a known kind, the keys it reads (scale, items, polarity…) are not known
        # either: each was called "unknown — remove it", and a facilitator who fixed the file
        # from the top deleted their content before reaching the one-letter typo in `kind`.
        # A key no kind reads ("titel") is still named.
        reader.used.update(_keys_of_any_kind())
    reader.finish()
    if reader.problems.error_count > before or title is None or source is None or fields is None:
        return None
    return Exercise(
        id=exercise_id,
        version=version,
        kind=kind,  # type: ignore[arg-type]
        title=title,
        source=source,
        body=fields.body,
        prompt=prompt,
        guide=guide,
        scale=fields.scale,
        items=fields.items,
        polarity=fields.polarity,
    )


KEY_FORMAT = 0
"""``marshal``'s format of a table's key in ``SharedExercises``: the first, without the references to
objects seen before that the newer ones look up at every value (half the time: 0.48 against
0.89 ms for the 90 tables of a 90-exercise file). Its bytes depend on the values alone."""


class SharedExercises:
    """``parse_exercise`` for the exercise tables of one file, each distinct definition read once.

    Why: a session holds a copy of each exercise it runs, and a large one (90 exercises) holds
    mostly copies of the same twenty built-in definitions under other ids; validating each copy
    built the same ``Exercise`` (its items, scale and kind body) again, a fifth of an export's
    reading. A table equal to one read before without any problem, key for key and type for
    type (its ``marshal`` bytes, the ``id`` left out), is that exercise with its own id: its
    id is still checked here, and anything else is read in full (a table that gave a problem,
    a value ``marshal`` cannot write, an id of another shape). The exercises share their
    immutable parts (frozen records, tuples); the answers are still validated per exercise.
    """

    def __init__(self) -> None:
        self._read: dict[bytes, Exercise] = {}

    def parse(self, reader: Reader) -> Exercise | None:
        """What ``parse_exercise(reader)`` gives, with the same problems recorded."""
        data = reader.data
        try:
            key = marshal.dumps({name: value for name, value in data.items() if name != "id"}, KEY_FORMAT)
        except ValueError:  # a date or time value: read in full
            return parse_exercise(reader)
        exercise_id = data.get("id")
        known = self._read.get(key)
        if known is not None and type(exercise_id) is str and valid_id(exercise_id):
            reader.used.update(data)
            return replace(known, id=exercise_id)
        before = reader.problems.count
        exercise = parse_exercise(reader)
        if exercise is not None and reader.problems.count == before:
            self._read[key] = exercise
        return exercise


def _source(reader: Reader | None) -> Source | None:
    if reader is None:
        return None
    source = Source(
        file=reader.string("file"),
        lines=reader.string("lines"),
        slide=reader.integer("slide", required=False, minimum=1) if reader.has("slide") else None,
        note=reader.string("note", required=False),
    )
    reader.finish()
    return source


def exercise_to_dict(exercise: Exercise) -> dict[str, Any]:
    """The TOML table for an exercise; ``parse_exercise`` reads it back unchanged."""
    data: dict[str, Any] = {
        "id": exercise.id,
        "version": exercise.version,
        "kind": exercise.kind,
        "title": text_table(exercise.title),
    }
    source: dict[str, Any] = {"file": exercise.source.file, "lines": exercise.source.lines}
    if exercise.source.slide is not None:
        source["slide"] = exercise.source.slide
    if exercise.source.note:
        source["note"] = exercise.source.note
    data["source"] = source
    put_texts(data, prompt=exercise.prompt, guide=exercise.guide)
    data.update(spec_of(exercise.kind).write(exercise))
    return data
