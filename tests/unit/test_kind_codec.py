"""Exercise files of the newer kinds: a good file of each checks clean, typical mistakes are named."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from workshop_tui.core.storage.library import check_path

HEAD = """id = "mine"
version = 1
kind = "{kind}"
title = {{ da = "Min øvelse", en = "My exercise" }}
"""
SOURCE = """
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
    + SOURCE
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
    + SOURCE
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
    + SOURCE
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
    + SOURCE
    + SCALE
    + """
[[items]]
id = "a"
text = { da = "A", en = "A" }
""",
    "two_axis": HEAD.format(kind="two_axis")
    + SOURCE
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
"""
    + SOURCE
    + """
[[columns]]
id = "who"
label = { da = "Hvem", en = "Who" }

[[columns]]
id = "side"
label = { da = "Side", en = "Side" }
options = [
    { id = "a", label = { da = "a", en = "a" } },
    { id = "b", label = { da = "b", en = "b" }, check = true },
]

[[columns]]
id = "mood"
label = { da = "Stemning", en = "Mood" }
options = [{ id = "u", label = { da = "op", en = "up" } }, { id = "d", label = { da = "ned", en = "down" } }]

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
    ("kind", "change", "at", "expected"),
    [
        (
            "single_choice",
            ('\n[[items]]\nid = "b"\ntext = { da = "B", en = "B" }\n', ""),
            "[[items]]",
            "has 1 options",
        ),
        (
            "single_choice",
            ('response = { da = "Gør A"', 'reverse = { da = "Gør A"'),
            "reverse",
            "unknown key",
        ),
        (
            "dot_vote",
            ("[votes]\ndots = 3\nmax_per_item = 2\ninferred = true\n", ""),
            None,
            "votes: is missing",
        ),
        ("dot_vote", ("max_per_item = 2", "max_per_item = 4"), "max_per_item", "more than the 3 dots"),
        ("dot_vote", ("inferred = true\n", ""), "[votes]", "votes.inferred: is missing"),
        (
            "bipolar",
            ('right = { da = "Magt til", en = "Power to" }\n', ""),
            "[[items]]",
            "items[0].right: is missing",
        ),
        (
            "paired_rating",
            ('left_label = { da = "Indre", en = "Inner" }\n', ""),
            None,
            "left_label: is missing",
        ),
        ("paired_rating", ('id = "a"', 'id = "a:b"'), 'id = "a:b"', "'a:b' is not a valid id"),
        (
            "two_axis",
            ('[[items]]\nid = "y"', '[[items]]\nid = "y"\n[[items]]\nid = "z"'),
            "[[items]]",
            "has 3 axes",
        ),
        ("two_axis", ('x = "low"\ny = "low"', 'x = "middle"\ny = "low"'), "middle", "'middle' is not a side"),
        ("two_axis", ('[[zones]]\nid = "d"', '[[zonez]]\nid = "d"'), "[[zones]]", "has 3 zones"),
        ("table", ('id = "mood"', 'id = "mood"\nkind = "choice"'), 'kind = "choice"', "unknown key"),
        ("table", ('label = "who"', 'label = "side"'), 'label = "side"', "'side' is not a text column"),
        ("table", ('columns = "mood"', 'columns = "who"'), 'columns = "who"', "'who' is not a choice column"),
        ("table", ("rows = 3", "rows = 0"), "rows = 0", "out of range"),
        (
            "table",
            (', { id = "d", label = { da = "ned", en = "down" } }', ""),
            '[{ id = "u"',
            "only one option",
        ),
    ],
)
def test_typical_mistakes_are_named_with_line_key_and_fix(
    tmp_path: Path, kind: str, change: tuple[str, str], at: str | None, expected: str
) -> None:
    text = GOOD[kind]
    assert change[0] in text, change[0]
    text = text.replace(*change)
    path = _write(tmp_path, text)
    problems = [p for p in check_path(path) if not p.warning]
    assert problems, "the broken file was accepted"
    found = "\n".join(str(p) for p in problems)
    assert expected in found
    assert " — " in found
    # The line of the marker (its first occurrence); a missing top-level key has no line.
    line = next((n for n, t in enumerate(text.splitlines(), start=1) if at and at in t), None)
    assert (f"{path}:{line}:" if line else f"{path}: ") in found, found


def test_every_exercise_example_in_the_schema_readme_checks_clean(tmp_path: Path) -> None:
    """The README's examples are whole exercise files: each must pass ``--check`` as written."""
    readme = Path(__file__).resolve().parents[2] / "exercises" / "README.md"
    blocks = re.findall(r"```toml\n(.*?)```", readme.read_text(encoding="utf-8"), re.S)
    examples = [b for b in blocks if b.startswith("id = ") and "\nkind = " in b]
    assert len(examples) >= 11  # one per kind
    for number, example in enumerate(examples):
        path = tmp_path / f"example-{number}.toml"
        path.write_text(example, encoding="utf-8")
        assert [str(p) for p in check_path(path) if not p.warning] == [], example.splitlines()[0]
