"""Exercise files of the newer kinds: a good file of each checks clean, typical mistakes are named."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_tui.storage.library import check_path

HEAD = """id = "mine"
version = 1
kind = "{kind}"
title = {{ da = "Min øvelse", en = "My exercise" }}

[source]
file = "004_8e00a48e27c5bb05.txt"
lines = "1-2"
"""
SCALE = """
[scale]
min = 1
max = 5
inferred = true
inferred_note = "ours"
min_label = { da = "lav", en = "low" }
max_label = { da = "høj", en = "high" }
"""
GOOD = {
    "single_choice": HEAD.format(kind="single_choice")
    + """
[[items]]
id = "a"
text = { da = "A", en = "A" }
response = { da = "Gør A", en = "Do A" }

[[items]]
id = "b"
text = { da = "B", en = "B" }
""",
    "dot_vote": HEAD.format(kind="dot_vote")
    + """
[votes]
dots = 3
max_per_item = 2
inferred = true

[[items]]
id = "a"
text = { da = "A", en = "A" }

[[items]]
id = "b"
text = { da = "B", en = "B" }
""",
    "bipolar": HEAD.format(kind="bipolar")
    + SCALE
    + """
[[items]]
id = "a"
left = { da = "Magt over", en = "Power over" }
right = { da = "Magt til", en = "Power to" }
""",
    "paired_rating": HEAD.format(kind="paired_rating")
    + """left_label = { da = "Indre", en = "Inner" }
right_label = { da = "Ydre", en = "Outer" }
"""
    + SCALE
    + """
[[items]]
id = "a"
text = { da = "A", en = "A" }
""",
    "two_axis": HEAD.format(kind="two_axis")
    + SCALE
    + """
[[items]]
id = "x"
text = { da = "X", en = "X" }

[[items]]
id = "y"
text = { da = "Y", en = "Y" }

[[zones]]
id = "a"
x = "low"
y = "low"
label = { da = "A", en = "A" }

[[zones]]
id = "b"
x = "low"
y = "high"
label = { da = "B", en = "B" }

[[zones]]
id = "c"
x = "high"
y = "low"
label = { da = "C", en = "C" }

[[zones]]
id = "d"
x = "high"
y = "high"
label = { da = "D", en = "D" }
""",
    "table": HEAD.format(kind="table")
    + """rows = 3

[[columns]]
id = "who"
label = { da = "Hvem", en = "Who" }

[[columns]]
id = "side"
label = { da = "Side", en = "Side" }
options = [{ id = "a", label = { da = "a", en = "a" } }, { id = "b", label = { da = "b", en = "b" }, check = true }]

[[columns]]
id = "mood"
label = { da = "Stemning", en = "Mood" }
options = [{ id = "up", label = { da = "op", en = "up" } }, { id = "down", label = { da = "ned", en = "down" } }]

[matrix]
rows = "side"
columns = "mood"
label = "who"
""",
}


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", sorted(GOOD))
def test_a_good_file_of_each_new_kind_has_no_problems(tmp_path: Path, kind: str) -> None:
    assert check_path(_write(tmp_path, GOOD[kind])) == []


@pytest.mark.parametrize(
    ("kind", "change", "line", "expected"),
    [
        ("single_choice", ('[[items]]\nid = "b"\ntext = { da = "B", en = "B" }\n', ""), 10, "has 1 options"),
        ("single_choice", ('response = { da = "Gør A"', 'reverse = { da = "Gør A"'), 13, "unknown key"),
        ("dot_vote", ("[votes]\ndots = 3\nmax_per_item = 2\ninferred = true\n", ""), 1, "votes: is missing"),
        ("dot_vote", ("max_per_item = 2", "max_per_item = 4"), 12, "more than the 3 dots each person has"),
        ("dot_vote", ("inferred = true\n", ""), 10, "votes.inferred: is missing"),
        ("bipolar", ('right = { da = "Magt til", en = "Power to" }\n', ""), 19, "items[0].right: is missing"),
        ("paired_rating", ('left_label = { da = "Indre", en = "Inner" }\n', ""), 1, "left_label: is missing"),
        ("paired_rating", ('id = "a"', 'id = "a:b"'), 19, "'a:b' is not a valid id"),
        ("two_axis", ('[[items]]\nid = "y"', '[[items]]\nid = "y"\n[[items]]\nid = "z"'), 18, "has 3 axes"),
        ("two_axis", ('x = "low"\ny = "low"', 'x = "middle"\ny = "low"'), 27, "'middle' is not a side"),
        ("two_axis", ('[[zones]]\nid = "d"', '[[zonez]]\nid = "d"'), 44, "has 3 zones"),
        ("table", ('options = [{ id = "up"', 'kind = "choice"\noptions = [{ id = "up"'), 20, "unknown key"),
        ("table", ('label = "who"', 'label = "side"'), 26, "'side' is not a text column"),
        ("table", ('columns = "mood"', 'columns = "who"'), 25, "'who' is not a choice column"),
        ("table", ("rows = 3", "rows = 0"), 9, "out of range"),
        ("table", (', { id = "down", label = { da = "ned", en = "down" } }', ""), 20, "has only one option"),
    ],
)
def test_typical_mistakes_are_named_with_line_key_and_fix(
    tmp_path: Path, kind: str, change: tuple[str, str], line: int, expected: str
) -> None:
    text = GOOD[kind]
    assert change[0] in text, change[0]
    path = _write(tmp_path, text.replace(*change))
    problems = [p for p in check_path(path) if not p.warning]
    assert problems, "the broken file was accepted"
    found = "\n".join(str(p) for p in problems)
    assert expected in found
    assert f"{path}:{line}:" in found, found
    assert " — " in found
