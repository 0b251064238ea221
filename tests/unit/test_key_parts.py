"""A key or table header of very many dotted parts is refused before ``tomllib`` reads it.

``tomllib`` builds such a key one part at a time (its time grows as the square of the parts):
8,000 parts took 0.84 s, a 1 MB header minutes. A mailed file would hang ``workshop sessions``,
an export or the home screen. ``toml_guard`` refuses more than ``MAX_KEY_PARTS`` as a problem
of the file, naming its line.
"""

from __future__ import annotations

import time
import tomllib
from pathlib import Path

import pytest

from workshop_tui.cli import main as cli
from workshop_tui.core.storage import fast_toml, headers, toml_guard
from workshop_tui.core.storage.errors import FileProblems, problem_lines
from workshop_tui.core.storage.sessions import load_session
from workshop_tui.core.storage.toml_guard import MAX_KEY_PARTS, KeyTooLong

from .hostile import session_with

PARTS = 10_000
ESCAPED = 'note = "caf\\u00e9"\n'
"""A line the one-pass reader leaves to ``tomllib`` (a ``\\u`` escape): the file takes that path."""


def hostile_files(folder: Path) -> tuple[Path, Path]:
    """A session with a 10,000-part key among its first keys, and one with such a table header."""
    key = session_with(folder, "key.toml", id="key")
    text = key.read_text(encoding="utf-8")
    key.write_text(text.replace("\n", "\n" + ESCAPED + "a." * PARTS + "b = 1\n", 1), encoding="utf-8")
    header = session_with(folder, "header.toml", id="header")
    text = header.read_text(encoding="utf-8")
    header.write_text(text + "\n" + ESCAPED + "[" + "a." * PARTS + "b]\nc = 1\n", encoding="utf-8")
    return key, header


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    try:
        code = cli.main(["--lang", "en", *args])
    except SystemExit as stop:
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    return code, out + err


@pytest.mark.parametrize(
    ("text", "line", "parts"),
    [
        ("a" + ".a" * PARTS + " = 1\n", 1, PARTS + 1),
        ("x = 1\n\n[" + "a." * PARTS + "b]\n", 3, PARTS + 1),
        ("x = 1\n[[" + "a . " * PARTS + "b]]\n", 2, PARTS + 1),
        ('"a".' * PARTS + "'b' = 1\n", 1, PARTS + 1),
        ("t = {" + "a." * PARTS + "b = 1}\n", 1, PARTS + 1),
    ],
)
def test_a_key_of_too_many_parts_is_refused_with_its_line(text: str, line: int, parts: int) -> None:
    started = time.process_time()
    with pytest.raises(KeyTooLong) as error:
        toml_guard.loads(text)
    assert (error.value.line, error.value.parts) == (line, parts)
    assert time.process_time() - started < 0.5


def test_keys_of_up_to_the_limit_and_dots_in_texts_and_comments_pass() -> None:
    limit = "a" + ".a" * (MAX_KEY_PARTS - 1) + " = 1\n"
    texts = 'x = "' + "Ja. Nej. " * 500 + '"\n# ' + "." * 500 + "\ny = '''" + "a." * 500 + "'''\nz = 1.5\n"
    for text in (limit, texts, limit + texts):
        assert toml_guard.loads(text) == tomllib.loads(text)
    assert isinstance(KeyTooLong(1, 2), ValueError)  # every reader that takes TOML's error takes it


def test_the_fast_reader_refuses_it_where_it_hands_the_text_to_tomllib() -> None:
    text = ESCAPED + "[" + "a." * PARTS + "b]\nc = 1\n"
    started = time.process_time()
    with pytest.raises(KeyTooLong):
        fast_toml.loads(text)
    with pytest.raises(KeyTooLong):
        fast_toml.loads(text.replace("\n", "\r\n").replace("c = 1", "c = 1\r"))  # the whole text to tomllib
    assert headers._keys(("schema_version = 1\n" + "a." * PARTS + "b = 1\n").encode()) is None
    assert time.process_time() - started < 1.0


def test_load_session_refuses_both_files_within_a_second(tmp_path: Path) -> None:
    for path in hostile_files(tmp_path):
        text = path.read_text(encoding="utf-8")
        line = text.count("\n", 0, text.index("a.a.")) + 1
        started = time.process_time()
        with pytest.raises(FileProblems) as error:
            load_session(path)
        assert time.process_time() - started < 1.0
        (problem,) = error.value.problems
        assert problem.what.key == "problems.what.key_parts"
        assert problem.line == line
        said = problem_lines(error.value.problems, "en")[0]
        assert f"{path}:{line}: has a key of 10,001 dotted parts" in said, said


def test_workshop_sessions_and_export_refuse_both_within_a_second(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key, header = hostile_files(data_dir / "sessions")
    started = time.process_time()
    code, listed = run(capsys, "sessions")
    assert code == 0 and listed.count("dotted parts") == 2, listed
    for path in (key, header):
        code, said = run(capsys, "export", str(path), "-o", str(tmp_path / "out"))
        assert code == 1 and "dotted parts" in said, said
    assert time.process_time() - started < 3.0
