"""The ``polarity`` keys of an exercise file: read, checked, written back, and set on the built-ins."""

from __future__ import annotations

from pathlib import Path

from workshop_tui.core.results.rules import is_directed, polarity_of
from workshop_tui.core.storage.exercise_codec import exercise_to_dict
from workshop_tui.core.storage.library import Library, check_path, load_exercise_file

GRID = """id = "mine"
version = 1
kind = "rating_grid"
polarity = "negative"
title = { da = "Min", en = "Mine" }

[source]
file = "f.txt"
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

[[items]]
id = "b"
polarity = "positive"
text = { da = "B", en = "B" }
"""


def test_polarity_is_read_and_written_back(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(GRID, encoding="utf-8")
    assert [str(p) for p in check_path(path) if not p.warning] == []
    exercise, _ = load_exercise_file(path)
    assert exercise is not None and exercise.polarity == "negative"
    assert [polarity_of(exercise, i) for i in exercise.items] == ["negative", "positive"]
    again = exercise_to_dict(exercise)
    assert again["polarity"] == "negative" and again["items"][1]["polarity"] == "positive"


def test_an_unknown_polarity_is_named_with_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(GRID.replace('polarity = "negative"', 'polarity = "bad"'), encoding="utf-8")
    found = "\n".join(str(p) for p in check_path(path) if not p.warning)
    assert "polarity" in found and "unknown polarity 'bad'" in found and '"negative"' in found
    path.write_text(GRID.replace('polarity = "positive"', 'polarity = "produced"'), encoding="utf-8")
    assert any("unknown polarity 'produced'" in str(p) for p in check_path(path))


def test_every_built_in_scored_exercise_states_its_polarity(library: Library) -> None:
    exercises = library.exercises
    assert exercises["resistance"].polarity == "negative"
    assert exercises["tension-fields"].polarity == "negative"
    assert exercises["power"].polarity == "neutral" and not is_directed(exercises["power"])
    kkc = exercises["kkc-indicators"]
    competing = next(i for i in kkc.items if i.text.da.startswith("Grupper konkurrerer"))
    assert polarity_of(kkc, competing) == "negative"
    raw = Path(__file__).resolve().parents[2] / "exercises"
    for exercise in exercises.values():
        if exercise.is_scored and not exercise.is_vote and (raw / f"{exercise.id}.toml").exists():
            text = (raw / f"{exercise.id}.toml").read_text(encoding="utf-8")
            assert "\npolarity = " in text, exercise.id
