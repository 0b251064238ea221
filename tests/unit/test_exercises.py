"""The exercise library: built-ins load cleanly, every kind round-trips, bad files are named."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_tui.core.kinds.actions import ActionBody
from workshop_tui.core.kinds.grids import GridBody
from workshop_tui.core.kinds.sheets import SheetBody
from workshop_tui.core.kinds.votes import VoteBody
from workshop_tui.core.model import KINDS
from workshop_tui.core.storage.exercise_codec import exercise_to_dict, parse_exercise
from workshop_tui.core.storage.keylines import key_lines
from workshop_tui.core.storage.library import Library, check_path, load_library, unread_folder_lines
from workshop_tui.core.storage.locations import builtin_exercises_dir
from workshop_tui.core.storage.reader import Problems, Reader
from workshop_tui.core.storage.tomlio import dumps

CORE = {
    "kkc-indicators",
    "leadership-actions",
    "tension-fields",
    "resistance",
    "sheet-42",
    "sheet-43",
    "sheet-44",
    "commitment",
    "sheet-45",
}


def test_builtin_library_loads_without_any_problem(library: Library) -> None:
    assert set(library.exercises) >= CORE
    assert library.problems == ()
    assert check_path(builtin_exercises_dir()) == []


def test_every_kind_is_represented(library: Library) -> None:
    assert {e.kind for e in library.exercises.values()} == set(KINDS)


def test_only_the_resistance_scale_is_given_by_the_source(library: Library) -> None:
    # A single choice has no scale of its own: its one vote per person is the kind itself.
    rated = [e for e in library.exercises.values() if e.scale and e.kind != "single_choice"]
    given = {e.id for e in rated if e.scale and not e.scale.inferred}
    assert given == {"resistance"}
    # Commitment's 1-10 is the source's, its end labels (lav/høj) are not: so it is inferred.
    commitment = library.exercises["commitment"].scale
    assert commitment is not None and (commitment.min, commitment.max) == (1, 10)
    assert "1-10" in commitment.inferred_note
    for exercise in rated:
        if exercise.scale and exercise.scale.inferred:
            assert exercise.scale.inferred_note, exercise.id
    for exercise in library.exercises.values():
        if exercise.kind == "dot_vote":
            votes = exercise.body_as(VoteBody).votes
            assert votes is not None and votes.inferred and votes.inferred_note


def test_core_content_matches_the_source(library: Library) -> None:
    kkc = library.exercises["kkc-indicators"]
    assert len(kkc.items) == 18
    for dim in ("kurs", "koordinering", "commitment"):
        for polarity in ("produced", "not_produced"):
            assert sum(1 for i in kkc.items if i.dimension == dim and i.polarity == polarity) == 3
    assert len(library.exercises["leadership-actions"].items) == 10
    assert len(library.exercises["tension-fields"].items) == 6
    resistance = library.exercises["resistance"]
    assert len(resistance.items) == 9
    assert resistance.scale is not None and (resistance.scale.min, resistance.scale.max) == (1, 5)
    assert resistance.scale.min_label.da == "lav grad af modstand"
    assert resistance.body_as(GridBody).note_prompt is not None
    assert resistance.items[0].text.da == "Manglende tillid til hinandens motiver og dømmekraft"
    commitment = library.exercises["commitment"]
    assert commitment.scale is not None and (commitment.scale.min, commitment.scale.max) == (1, 10)
    assert [
        len(library.exercises[s].body_as(SheetBody).boxes) for s in ("sheet-42", "sheet-43", "sheet-44")
    ] == [3, 3, 3]
    assert library.exercises["sheet-45"].body_as(ActionBody).count == 3


def test_every_exercise_has_both_languages_and_a_source(library: Library) -> None:
    seeds = Path(__file__).resolve().parents[3] / "shared" / "seeds"
    for exercise in library.exercises.values():
        assert exercise.title.da and exercise.title.en
        for item in exercise.scored_items:
            assert item.text.da and item.text.en, (exercise.id, item.id)
        assert exercise.source.file.endswith(".txt")
        if seeds.is_dir():
            assert (seeds / exercise.source.file).exists(), exercise.source.file


def test_default_programme_follows_the_deck(library: Library) -> None:
    programme = library.default_programme()
    assert programme is not None
    assert programme.exercises[:4] == ("kkc-indicators", "leadership-actions", "tension-fields", "resistance")
    assert programme.exercises[-1] == "sheet-45"


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_round_trips_through_toml(library: Library, kind: str) -> None:
    import tomllib

    of_kind = [e for e in library.exercises.values() if e.kind == kind]
    assert of_kind, f"no built-in exercise of kind {kind} to round-trip"
    for exercise in of_kind:
        text = dumps(exercise_to_dict(exercise))
        problems = Problems(Path("x.toml"), key_lines(text))
        again = parse_exercise(Reader(tomllib.loads(text), "", problems))
        assert problems.errors == []
        assert again == exercise


def _write(tmp_path: Path, text: str, name: str = "broken.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


GOOD = """id = "mine"
version = 1
kind = "rating_grid"
title = { da = "Min øvelse", en = "My exercise" }

[source]
file = "004_8e00a48e27c5bb05.txt"
lines = "1-2"

[scale]
min = 1
max = 5
inferred = true
min_label = { da = "lav", en = "low" }
max_label = { da = "høj", en = "high" }

[[items]]
id = "a"
text = { da = "A", en = "A" }
"""


def test_a_good_file_has_no_problems(tmp_path: Path) -> None:
    assert check_path(_write(tmp_path, GOOD)) == []


@pytest.mark.parametrize(
    ("change", "line", "expected"),
    [
        (('kind = "rating_grid"', 'kind = "rating_gird"'), 3, "did you mean 'rating_grid'"),
        (("version = 1", 'version = "one"'), 2, "expected a whole number"),
        (("min = 1", "min = 7"), 11, "min (7) is not below max (5)"),
        (("inferred = true\n", "inferred = true\nlabel = 2\n"), 14, "unknown key"),
        (('[[items]]\nid = "a"', '[[items]]\nidd = "a"'), 18, "did you mean 'id'"),
        (
            ('title = { da = "Min øvelse", en = "My exercise" }', 'title = { en = "My exercise" }'),
            4,
            "Danish text is missing",
        ),
        (('lines = "1-2"', 'lines = "1-2'), 8, "is not valid TOML"),
        (("inferred = true\n", ""), 10, "scale.inferred: is missing"),
    ],
)
def test_each_problem_names_line_key_and_fix(
    tmp_path: Path, change: tuple[str, str], line: int, expected: str
) -> None:
    path = _write(tmp_path, GOOD.replace(*change))
    problems = [p for p in check_path(path) if not p.warning]
    assert problems, "the broken file was accepted"
    text = "\n".join(str(p) for p in problems)
    assert expected in text
    assert f"{path}:{line}:" in text
    assert " — " in text  # every problem says how to fix it


def test_duplicate_item_ids_and_duplicate_exercise_ids(tmp_path: Path) -> None:
    twice = GOOD + '\n[[items]]\nid = "a"\ntext = { da = "B", en = "B" }\n'
    assert "item id 'a' is used twice" in "\n".join(map(str, check_path(_write(tmp_path, twice))))
    folder = tmp_path / "two"
    folder.mkdir()
    _write(folder, GOOD, "first.toml")
    _write(folder, GOOD, "second.toml")
    problems = "\n".join(map(str, check_path(folder)))
    assert "second.toml:1: id: id 'mine' is already used by first.toml" in problems


def test_missing_english_is_only_a_warning(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD.replace('text = { da = "A", en = "A" }', 'text = { da = "A" }'))
    problems = check_path(path)
    assert problems and all(p.warning for p in problems)


def test_user_folder_overrides_builtin_and_broken_files_are_reported(data_dir: Path) -> None:
    folder = data_dir / "exercises"
    folder.mkdir(parents=True)
    (folder / "resistance.toml").write_text(
        GOOD.replace('id = "mine"', 'id = "resistance"').replace("version = 1", "version = 2"),
        encoding="utf-8",
    )
    (folder / "bad.toml").write_bytes(b"\xff\xfe not toml")
    library = load_library()
    assert library.exercises["resistance"].version == 2
    assert library.origins["resistance"] == folder / "resistance.toml"
    assert any("not UTF-8" in str(p) for p in library.problems)


def test_an_exercises_folder_that_is_missing_or_a_file_is_named(data_dir: Path, tmp_path: Path) -> None:
    """``--exercises`` with a mistyped folder, or the mailed file instead of its folder, said nothing.

    The day then ran without the colleague's exercises and ``workshop exercises`` listed the
    built-in ones only; now each is a problem naming the path and the fix.
    """
    mailed = tmp_path / "colleague.toml"
    mailed.write_text(GOOD, encoding="utf-8")
    missing = tmp_path / "colleage"
    library = load_library([missing, mailed])
    assert [(p.file, p.warning) for p in library.problems] == [(missing, False), (mailed, False)]
    assert "does not exist — check the path" in library.problems[0].text("en")
    assert "is a file, not a folder — name a folder of exercise files" in library.problems[1].text("en")
    assert library.left_out() == (missing, mailed)
    assert not load_library([tmp_path]).problems  # a real folder: nothing to say


@pytest.mark.parametrize("kind_line", ['kind = "rating_gird"', ""])
def test_a_wrong_kind_is_the_one_problem_named(tmp_path: Path, kind_line: str) -> None:
    """A typo in ``kind`` (or no kind) made every key of that kind 'unknown — remove it'.

    ``scale`` and ``items`` were listed for removal: fixing the file from the top deleted the
    colleague's content before the one-letter typo was reached.
    """
    path = _write(tmp_path, GOOD.replace('kind = "rating_grid"', kind_line))
    problems = check_path(path)
    assert [p.key for p in problems] == ["kind"]
    assert "unknown key" not in "\n".join(map(str, problems))


def test_an_older_copy_of_an_exercise_replaces_it_with_a_warning(data_dir: Path, tmp_path: Path) -> None:
    """A colleague's folder with an earlier version of a built-in exercise replaced it silently.

    It still replaces it (an adapted copy is meant to win), but the facilitator is told which
    file is older than which, and how to say it is meant; the same version says nothing.
    """
    builtin = load_library(include_user=False).exercises["resistance"]
    older = GOOD.replace('id = "mine"', 'id = "resistance"')
    folder = tmp_path / "colleague"
    folder.mkdir()
    _write(folder, older.replace("version = 1", f"version = {builtin.version}"), "resistance.toml")
    assert not load_library([folder]).problems
    assert builtin.version > 1  # so that GOOD's version 1 is older
    _write(folder, older, "resistance.toml")
    library = load_library([folder])
    assert library.exercises["resistance"].version == 1
    [problem] = library.problems
    assert problem.warning and problem.file == folder / "resistance.toml"
    assert f"is version 1, older than version {builtin.version}" in problem.text("en")


def test_a_programme_where_exercises_go_is_one_problem_naming_where_it_belongs() -> None:
    """A programme file among the exercises: one problem, where it goes, not four that delete it.

    Found by hand: ``--exercises exercises/programmes`` (a colleague's programmes folder
    named instead of their exercises folder) gave each programme file "exercises: unknown
    key — remove it", "description: unknown key — did you mean 'question'?", "kind: is
    missing" and "source: is missing": fixing it from the top deleted the programme's list of
    exercises. A file with ``exercises`` and no ``kind`` is said to be a programme, as a
    session file there is said to be a session.
    """
    from workshop_tui.core.storage.library import load_exercise_file

    path = Path(__file__).parents[1] / "fixtures" / "bad" / "exercises" / "programme-file-instead.toml"
    exercise, problems = load_exercise_file(path)
    assert exercise is None
    assert [p.text("en") for p in problems] == [
        f"{path}:4: exercises: is a programme, not an exercise — move it into a folder named"
        " programmes inside the exercises folder"
    ]


def test_a_missing_exercises_folder_is_named_as_a_folder_not_counted_as_a_file(
    data_dir: Path, tmp_path: Path
) -> None:
    """A mistyped ``--exercises`` folder was "1 exercise file(s) could not be read" (explore16).

    The facilitator looked for a broken file where there was only a wrong path: the folder
    is named as a folder, with the fix (the path, the app started again), and not counted.
    """
    mailed = tmp_path / "colleague.toml"
    mailed.write_text(GOOD, encoding="utf-8")
    missing = tmp_path / "colleage"
    library = load_library([missing, mailed])
    assert library.unread_folders == (missing, mailed)
    assert library.left_out_files() == ()
    missing_line, file_line = unread_folder_lines(library, "en")
    assert missing_line.startswith(f"The exercises folder {missing} does not exist")
    assert "--exercises" in missing_line and "start the app again" in missing_line
    assert file_line.startswith(f"{mailed} is a file, not a folder")
    assert unread_folder_lines(library, "da")[0].startswith(f"Øvelsesmappen {missing} findes ikke")
