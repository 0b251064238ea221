"""Problems in files are catalogue phrases, said in the reader's language (issue 14's gaps).

The core finds a problem before anyone knows who reads it, so it keeps a key of the
``problems.`` section and the values, never English words. The code is read, not run: every
call that makes a problem (``problems.add``, ``file_problem``, ``MigrationError``, a reader's
``fail``, ``phrase``) must name its texts by catalogue keys that exist in both languages, so
a new ``problems.add(key, "is broken", "fix it")`` fails here.
"""

from __future__ import annotations

import ast
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

import workshop_tui
from workshop_tui.core.i18n import LANGUAGES, Phrase, catalogue, phrase
from workshop_tui.core.storage.errors import file_problem, problem_lines
from workshop_tui.core.storage.library import check_path
from workshop_tui.core.storage.listing import list_sessions

CORE = Path(workshop_tui.__file__).parent / "core"

TEXT_ARGS = {
    # call -> the positions of its arguments that are texts (catalogue keys)
    "add": (1, 2),
    "file_problem": (2, 3),
    "MigrationError": (0, 1),
    "fail": (0, 1),
    "phrase": (0,),
}


def _name(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _receiver(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        owner = func.value
        return (
            owner.attr
            if isinstance(owner, ast.Attribute)
            else owner.id
            if isinstance(owner, ast.Name)
            else ""
        )
    return ""


def _assigned(scope: ast.AST, name: str) -> list[ast.expr]:
    """What ``name`` is set to in ``scope`` (a function): ``fix = "a" if x else "b"``."""
    return [
        node.value
        for node in ast.walk(scope)
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == name for t in node.targets)
    ]


def _texts(node: ast.expr, scope: ast.AST, module: ast.Module) -> Iterator[ast.expr]:
    """The leaves a text argument can be: constants, what a variable was set to, a table's values."""
    if isinstance(node, ast.IfExp):
        yield from _texts(node.body, scope, module)
        yield from _texts(node.orelse, scope, module)
    elif isinstance(node, ast.Name) and (values := _assigned(scope, node.id)):
        for value in values:
            yield from _texts(value, scope, module)
    elif (  # TABLE.get(x, "default"), TABLE a module-level dict of keys
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "get"
        and isinstance(node.func.value, ast.Name)
        and (tables := [v for v in _assigned(module, node.func.value.id) if isinstance(v, ast.Dict)])
    ):
        for table in tables:
            for value in table.values:
                yield from _texts(value, scope, module)
        for default in node.args[1:]:
            yield from _texts(default, scope, module)
    else:
        yield node


def _calls() -> Iterator[tuple[str, ast.expr]]:
    """(where, the argument) for every text argument of every problem-making call in the core."""
    for path in sorted(CORE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        scopes = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)] or [tree]
        for scope in scopes:
            for node in ast.walk(scope):
                if not isinstance(node, ast.Call):
                    continue
                name = _name(node)
                if name not in TEXT_ARGS or (name == "add" and not _receiver(node).endswith("problems")):
                    continue
                for index in TEXT_ARGS[name]:
                    if index < len(node.args):
                        for leaf in _texts(node.args[index], scope, tree):
                            yield f"{path.relative_to(CORE)}:{node.lineno}", leaf


def test_every_problem_in_the_core_is_a_catalogue_key_in_both_languages() -> None:
    keys: set[str] = set()
    wrong = []
    for where, leaf in _calls():
        if isinstance(leaf, ast.Constant) and isinstance(leaf.value, str):
            if leaf.value == "":  # no fix to give
                continue
            keys.add(leaf.value)
            if not leaf.value.startswith("problems.") or any(
                leaf.value not in catalogue(lang) for lang in LANGUAGES
            ):
                wrong.append(f"{where}: {leaf.value!r}")
        elif not (isinstance(leaf, ast.Name) and leaf.id in ("what", "fix")):  # a parameter passed on
            wrong.append(f"{where}: {ast.unparse(leaf)}")
    assert wrong == [], "problems must be catalogue keys (problems.what.* / problems.fix.*), not words"
    assert len(keys) > 120  # the scan sees the calls (a broken scan would pass on nothing)


def test_no_problem_is_made_of_english_words() -> None:
    """The old shape, ``problems.add(key, "unknown key", "remove it")``, is gone everywhere."""
    literal = [
        where
        for where, leaf in _calls()
        if isinstance(leaf, ast.Constant) and isinstance(leaf.value, str) and " " in leaf.value
    ]
    assert literal == []


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_problem_text_can_be_said(lang: str) -> None:
    texts = {k: v for k, v in catalogue(lang).items() if k.startswith("problems.")}
    assert len(texts) > 150
    for key, text in texts.items():
        said = phrase(key, **dict.fromkeys(_placeholders(text), "x")).words(lang)
        assert "⟦" not in said and said.strip(), key


def test_the_danish_is_danish() -> None:
    """Only a text that is nothing but its values, or a code, may read the same in both languages."""
    da, en = catalogue("da"), catalogue("en")
    same = sorted(
        k
        for k in da
        if k.startswith("problems.") and da[k] == en[k] and string.Formatter().parse(da[k]) is not None
    )
    allowed = {
        "problems.what.answer_of",  # "{who} {did}"
        "problems.what.refused",  # "{refusal}": the refusal's own words
        "problems.fix.as_said",  # "{said}"
        "problems.noun.dimension",
        "problems.noun.zone",
    }
    assert set(same) <= allowed


def test_a_bad_exercise_is_reported_in_the_readers_language(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('id = "x y"\nversion = 0\nkind = "scael"\ntitel = "t"\n', encoding="utf-8")
    problems = check_path(bad)
    english = "\n".join(problem_lines(problems, "en"))
    danish = "\n".join(problem_lines(problems, "da"))
    assert f"{bad}:1: id: 'x y' is not a valid id — use 1 to 80 ASCII letters" in english
    assert f"{bad}:1: id: 'x y' er ikke et gyldigt id — brug 1 til 80 ASCII-bogstaver" in danish
    assert "kind: unknown kind 'scael' — did you mean 'scale'?" in english
    assert "kind: ukendt slags øvelse 'scael' — mente du 'scale'?" in danish
    assert "version: er 0, uden for det tilladte — brug et tal ≥ 1" in danish
    assert "titel: ukendt nøgle — mente du 'title'?" in danish
    assert str(problems[0]) == problems[0].text("en")  # logs and exceptions say it in English


def test_a_value_that_is_a_phrase_is_said_in_the_same_language() -> None:
    problem = file_problem(
        Path("f.toml"),
        "n",
        "problems.what.wrong_type",
        "problems.fix.write_as",
        found=phrase("problems.value.string", value="'4'"),
        expected=phrase("problems.type.integer"),
        name="n",
        example="1",
    )
    assert problem.text("en") == "f.toml: n: is the string '4', expected a whole number — write it as n = 1"
    assert problem.text("da") == "f.toml: n: er teksten '4', men skal være et helt tal — skriv det som n = 1"


def test_a_phrase_survives_the_listing_index_and_is_said_in_danish(data_dir: Path) -> None:
    folder = data_dir / "sessions"
    folder.mkdir(parents=True)
    (folder / "broken.toml").write_text("schema_version = 1\ntitle = 7\n", encoding="utf-8")
    first = list_sessions()
    again = list_sessions()  # read from the folder's index
    assert (folder / ".workshop-index.json").exists()
    for listing in (first, again):
        (broken,) = [x for x in listing if x.path.name == "broken.toml"]
        said = [p.text("da") for p in broken.problems]
        assert any("title: er tallet 7, men skal være en tekst i anførselstegn" in line for line in said), (
            said
        )
    nested = phrase("problems.what.wrong_type", found=phrase("problems.value.number", value="7"))
    assert Phrase.from_json(nested.as_json()) == nested
    with pytest.raises(TypeError):
        Phrase.from_json({"key": "problems.what.missing", "values": {"x": [1]}})


def test_problems_are_listed_by_line_within_each_file_and_as_found_on_one_line() -> None:
    """``workshop open`` listed line 1140 before line 41 (the file's checks run one after another)."""
    late = file_problem(Path("a.toml"), "x", "problems.what.unknown_key", line=1140)
    early_b = file_problem(Path("a.toml"), "b", "problems.what.unknown_key", line=41)
    early_a = file_problem(Path("a.toml"), "a", "problems.what.unknown_key", line=41)
    whole = file_problem(Path("a.toml"), "", "problems.what.unknown_key")
    other = file_problem(Path("b.toml"), "k", "problems.what.unknown_key", line=2)
    lines = problem_lines([late, other, early_b, whole, early_a], "en")
    assert lines == [p.text("en") for p in (early_b, early_a, late, whole, other)]
