"""A session's copies of one definition are validated once per file, and read as if each were read alone."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from workshop_tui.core.storage import exercise_codec
from workshop_tui.core.storage.errors import FileProblems
from workshop_tui.core.storage.exercise_codec import SharedExercises, exercise_to_dict, parse_exercise
from workshop_tui.core.storage.library import load_library
from workshop_tui.core.storage.reader import Problems, Reader
from workshop_tui.core.storage.sessions import load_session, new_session, save_session
from workshop_tui.core.storage.tomlio import dumps


def _reader(table: dict[str, Any]) -> Reader:
    return Reader(table, "exercises.x", Problems(Path("x.toml"), {}))


def test_every_built_in_reads_the_same_under_another_id() -> None:
    """What sharing rests on: the id is the only part of an exercise its table's id gives."""
    shared = SharedExercises()
    for exercise in load_library(include_user=False).exercises.values():
        table = exercise_to_dict(exercise)
        first = shared.parse(_reader(table))
        again = shared.parse(_reader({**table, "id": "another-copy"}))
        assert first == exercise
        assert again == replace(exercise, id="another-copy")
        assert again == parse_exercise(_reader({**table, "id": "another-copy"}))


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    real = exercise_codec.parse_exercise

    def counting(reader: Reader) -> Any:
        calls.append(str(reader.data.get("id")))
        return real(reader)

    monkeypatch.setattr(exercise_codec, "parse_exercise", counting)
    return calls


def test_a_session_validates_each_distinct_definition_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = load_library(include_user=False)
    chosen = [library.exercises[name] for name in sorted(library.exercises)[:3]]
    copies = [replace(ex, id=f"{ex.id}-{n}") for n in range(4) for ex in chosen]
    session = new_session(
        title="Copies", date="2026-11-23", exercises=copies, participants=5, session_id="copies"
    )
    save_session(session, tmp_path / "copies.toml")
    calls = _counted(monkeypatch)
    read = load_session(tmp_path / "copies.toml")
    assert read.exercises == session.exercises
    assert sorted(calls) == sorted(f"{ex.id}-0" for ex in chosen)


def _one_exercise_file(tmp_path: Path, tables: dict[str, dict[str, Any]]) -> Path:
    ids = list(tables)
    head = {"schema_version": 1, "id": "s", "title": "S", "date": "2026-11-23", "agenda": ids}
    path = tmp_path / "s.toml"
    path.write_text(dumps({**head, "exercises": tables}), encoding="utf-8")
    return path


def test_a_copy_under_a_bad_id_is_still_refused(tmp_path: Path) -> None:
    exercise = next(iter(load_library(include_user=False).exercises.values()))
    table = exercise_to_dict(exercise)
    good = {**table, "id": "good"}
    bad = {**table, "id": "bad id!"}
    with pytest.raises(FileProblems) as refused:
        load_session(_one_exercise_file(tmp_path, {"good": good, "bad": bad}))
    keys = [problem.key for problem in refused.value.problems]
    assert "exercises.bad.id" in keys


def test_each_copy_of_a_faulty_table_gets_its_own_problem(tmp_path: Path) -> None:
    exercise = next(iter(load_library(include_user=False).exercises.values()))
    table = {**exercise_to_dict(exercise), "surplus": 1}
    with pytest.raises(FileProblems) as refused:
        load_session(_one_exercise_file(tmp_path, {"a": {**table, "id": "a"}, "b": {**table, "id": "b"}}))
    keys = [problem.key for problem in refused.value.problems]
    assert "exercises.a.surplus" in keys
    assert "exercises.b.surplus" in keys


def test_equal_tables_share_one_read_whatever_objects_hold_their_values(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The key is the values alone: a table whose equal texts are one object (as a parser may
    give them) and one whose texts are copies are the same definition, validated once."""
    exercise = load_library(include_user=False).exercises["boundaries"]
    table = exercise_to_dict(exercise)
    text = "".join(["Samme ", "tekst"])  # made at run time: one object, used twice below
    one_object = {**table, "title": {"da": text, "en": text}}
    copies = {
        **table,
        "id": "copy",
        "title": {"da": "".join(["Samme ", "tekst"]), "en": "".join(["Samme ", "tekst"])},
    }
    calls = _counted(monkeypatch)
    shared = SharedExercises()
    first = shared.parse(_reader(one_object))
    again = shared.parse(_reader(copies))
    assert calls == [exercise.id]
    assert first is not None and again == replace(first, id="copy")
