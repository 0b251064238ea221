"""Damaged and hostile files, fed to the CLI: a clear message naming the file, never a traceback.

The committed files are in ``tests/fixtures/bad/`` (its README says what each kind tests);
the big and special ones (10 MB, a symlink, a named pipe, a folder, deep nesting, huge texts,
too many rows) are made here. Every file must be left byte-for-byte unchanged. The app's
side (the list, opening, an unwritable folder, a full disk) is ``tests/ui/test_bad_input_app.py``.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from workshop_tui.cli import main as cli
from workshop_tui.core.storage import staging
from workshop_tui.core.storage.locations import builtin_exercises_dir, builtin_sessions_dir
from workshop_tui.core.storage.sessions import DEMO_FILE, load_session
from workshop_tui.export import files as export_files

BAD = Path(__file__).resolve().parent.parent / "fixtures" / "bad"
VALID_BUT_HOSTILE = {
    "title-with-terminal-escapes.toml",
    "title-with-nul.toml",
    "title-with-markup.toml",
    "text-with-terminal-escapes.toml",
}
"""Files the model can hold (a test elsewhere says any text round-trips); only printing them is dangerous."""


DAMAGED_SESSIONS = {
    "agenda-names-missing-exercise.toml": "names 'ghost', which has no [exercises.ghost] table",
    "answers-unknown-exercise.toml": "answers an exercise 'ghost' that the session does not have",
    "binary.toml": "is not UTF-8 text",
    "date-as-toml-date.toml": "date: is a date, expected a string",
    "duplicate-agenda.toml": "names 'resistance' twice",
    "duplicate-group-ids.toml": "group id 'g1' is used twice",
    "duplicate-participant-ids.toml": "participant id 'p1' is used twice",
    "duplicate-toml-key.toml": "Cannot overwrite a value",
    "duplicate-toml-table.toml": "Cannot declare ('position',) twice",
    "empty.toml": "is empty",
    "exercise-copy-broken.toml": "unknown kind 'rating_gird'",
    "exercise-copy-id-mismatch.toml": "says 'resistence' under [exercises.resistance]",
    "exercise-file-instead.toml": "not a workshop-tui session file",
    "group-text-unknown-group.toml": "no group 'g7' in this session",
    "gzip.toml": "is not UTF-8 text",
    "html-instead.toml": "is not valid TOML",
    "latin1.toml": "is not UTF-8 text",
    "mode-unknown.toml": "unknown mode 'vote'",
    "not-toml-json.toml": "is not valid TOML",
    "only-whitespace.toml": "is empty",
    "participant-id-invalid.toml": "'p 2/../x' is not a valid participant id",
    "position-negative.toml": "position.row: is -5, out of range",
    "schema-version-far-future.toml": "schema 999999",
    "schema-version-future.toml": "schema 99;",
    "schema-version-missing.toml": "has no schema_version",
    "schema-version-string.toml": "schema_version '1' is not a valid version",
    "schema-version-zero.toml": "schema_version 0 is not a valid version",
    "score-bool.toml": "is the boolean true, expected a whole number",
    "score-float.toml": "is the number 3.5, expected a whole number",
    "score-huge-integer.toml": "score 99999999999999999999999999 is off the scale",
    "score-nan.toml": "is the number nan, expected a whole number",
    "score-negative.toml": "score -1 is off the scale",
    "score-out-of-range.toml": "score 9 is off the scale",
    "score-string.toml": "is the string '4', expected a whole number",
    "score-unknown-item.toml": "'resistance' has no item 'nonsense'",
    "score-unknown-participant.toml": "no participant 'p9' in this session",
    "score-zero.toml": "score 0 is off the scale",
    "tally-key-not-a-number.toml": "'x' is not a score",
    "tally-key-superscript-digit.toml": "'²' is not a score",
    "tally-negative-count.toml": "is -3, out of range",
    "timer-huge.toml": "is 1000000000000, out of range",
    "truncated-at-a-line.toml": "exercises: is missing",
    "truncated-mid-string.toml": "Unterminated string",
    "truncated-mid-table.toml": "Expected ']' at the end of a table declaration",
    "unknown-top-level-key.toml": "titel: unknown key",
    "utf16.toml": "is not UTF-8 text",
    "wrong-type-answers.toml": "is not valid TOML",
    "wrong-type-participants.toml": "is not valid TOML",
    "wrong-type-title.toml": "title: is the number 42, expected a string",
}
"""Each committed damaged session -> a fragment of the message that names its problem."""


DAMAGED_EXERCISES = {
    "action-count-huge.toml": "count: is 100000, out of range",
    "action-count-zero.toml": "count: is 0, out of range",
    "binary.toml": "is not UTF-8 text",
    "boxes-duplicate-numbers.toml": "box number 1 is used twice",
    "boxes-missing.toml": "boxes: is missing",
    "duplicate-item-ids.toml": "item id 'trust' is used twice",
    "duplicate-toml-table.toml": "Cannot declare ('scale',) twice",
    "empty.toml": "is empty",
    "id-invalid.toml": "'Modstand mod forandring!' is not a valid id",
    "id-path-traversal.toml": "'../../etc/passwd' is not a valid id",
    "item-unknown-dimension.toml": "unknown dimension 'nowhere-kurs'",
    "items-missing.toml": "items: is missing",
    "items-wrong-type.toml": "expected a list of tables",
    "kind-wrong-type.toml": "kind: is a list, expected a string",
    "latin1.toml": "is not UTF-8 text",
    "not-toml-yaml.toml": "is not valid TOML",
    "nul-bytes.toml": "is not valid TOML",
    "scale-float.toml": "scale.min: is the number 1.5, expected a whole number",
    "scale-missing.toml": "scale: is missing",
    "scale-reversed.toml": "min (9) is not below max (5)",
    "scale-too-many-steps.toml": "the scale has 1000 steps",
    "session-file-instead.toml": "is a session file, not an exercise",
    "programme-file-instead.toml": "is a programme, not an exercise",
    "title-missing.toml": "title: is missing",
    "title-no-danish.toml": "Danish text is missing or empty",
    "title-plain-string.toml": "title: is a plain string",
    "truncated-at-a-line.toml": "items: is missing",
    "truncated.toml": "Unterminated string",
    "unknown-key-typo.toml": "promt: unknown key",
    "unknown-kind.toml": "unknown kind 'rating-grid'",
    "version-string.toml": "version: is the string '1', expected a whole number",
    "version-zero.toml": "version: is 0, out of range",
}
"""Each committed damaged exercise -> a fragment of the first line ``--check`` prints for it."""


def _committed(kind: str) -> list[str]:
    return sorted(p.name for p in (BAD / kind).glob("*.toml") if p.name not in VALID_BUT_HOSTILE)


def _made_sessions(folder: Path) -> dict[str, str]:
    """The special damaged sessions, written into ``folder``; name -> a fragment of the message."""
    demo = (builtin_sessions_dir() / DEMO_FILE).read_text(encoding="utf-8")
    (folder / "ten-megabytes.toml").write_text(demo + "#" + "x" * 10_000_000 + "\n", encoding="utf-8")
    (folder / "huge-title.toml").write_text(
        demo.replace('title = "', 'title = "' + "æ" * 200_000, 1), encoding="utf-8"
    )
    (folder / "deep-nesting.toml").write_text("schema_version = [" + "[" * 50_000 + "]" * 50_001 + "\n")
    (folder / "nested-but-parses.toml").write_text(
        demo.replace('title = "', "title = " + "[" * 300 + '"', 1).replace(
            '"\ndate = ', '"' + "]" * 300 + "\ndate = ", 1
        ),
        encoding="utf-8",
    )
    people = "".join(f'{{ id = "x{n}", name = "" }},\n' for n in range(1, 502))
    (folder / "too-many-participants.toml").write_text(
        demo.replace("participants = [", "participants = [" + people, 1), encoding="utf-8"
    )
    (folder / "symlink.toml").symlink_to(builtin_sessions_dir() / DEMO_FILE)
    (folder / "folder.toml").mkdir()
    found = {
        "ten-megabytes.toml": "larger than",
        "huge-title.toml": "characters long",
        "deep-nesting.toml": "nested too deeply",
        "nested-but-parses.toml": "expected a string",
        "too-many-participants.toml": "at most 500",
        "symlink.toml": "symbolic link",
        "folder.toml": "is a folder",
    }
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.toml")
        found["pipe.toml"] = "not a regular file"
    return found


def _made_exercises(folder: Path) -> dict[str, str]:
    """The special damaged exercises, written into ``folder``; name -> a fragment of the message."""
    source = (builtin_exercises_dir() / "resistance.toml").read_text(encoding="utf-8")
    (folder / "ten-megabytes.toml").write_text(source + "#" + "x" * 10_000_000 + "\n", encoding="utf-8")
    (folder / "huge-text.toml").write_text(
        source.replace('text = { da = "', 'text = { da = "' + "ø" * 150_000, 1), encoding="utf-8"
    )
    (folder / "deep-nesting.toml").write_text("id = " + "{ a = " * 30_000 + "1" + " }" * 30_000 + "\n")
    items = "".join(f'[[items]]\nid = "i{n}"\ntext = {{ da = "x", en = "x" }}\n\n' for n in range(1, 202))
    (folder / "too-many-items.toml").write_text(source + "\n" + items, encoding="utf-8")
    (folder / "symlink.toml").symlink_to(builtin_exercises_dir() / "resistance.toml")
    (folder / "folder.toml").mkdir()
    found = {
        "ten-megabytes.toml": "larger than",
        "huge-text.toml": "characters long",
        "deep-nesting.toml": "nested too deeply",
        "too-many-items.toml": "at most 200",
        "symlink.toml": "symbolic link",
        "folder.toml": "holds no .toml files",  # --check takes folders too
    }
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.toml")
        found["pipe.toml"] = "not a regular file"
    return found


@pytest.fixture(scope="module")
def made() -> Iterator[tuple[Path, dict[str, str], dict[str, str]]]:
    """The special files, made once for the module (the 10 MB ones take a moment)."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "sessions").mkdir()
        (root / "exercises").mkdir()
        yield root, _made_sessions(root / "sessions"), _made_exercises(root / "exercises")


def _snapshot(path: Path) -> bytes | str:
    """A file's bytes, or what it is when it has none to compare (a link, a folder, a pipe)."""
    if path.is_symlink():
        return f"link to {os.readlink(path)}"
    if path.is_file():
        return path.read_bytes()
    return "folder" if path.is_dir() else "other"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """``workshop ARGS`` in-process; any exception but SystemExit fails the test (a traceback)."""
    try:
        code = cli.main(["--lang", "en", *args])
    except SystemExit as stop:
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    text = out + err
    assert "Traceback" not in text
    assert "\x1b" not in text, "a control character reached the terminal"
    return code, text


def _copy(name: str, kind: str, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    shutil.copyfile(BAD / kind / name, target)
    return target


def _check_refused(capsys: pytest.CaptureFixture[str], path: Path, fragment: str, out: Path) -> None:
    before = _snapshot(path)
    code, text = run(capsys, "open", str(path))
    assert code == 1, text
    assert str(path) in text and fragment in text, text
    code, text = run(capsys, "export", str(path), "-o", str(out))
    assert code == 1 and str(path) in text and fragment in text, text
    assert not out.exists() or not any(out.iterdir())
    assert _snapshot(path) == before


def test_every_committed_damaged_session_has_its_expected_message() -> None:
    assert sorted(DAMAGED_SESSIONS) == _committed("sessions")


@pytest.mark.parametrize("name", _committed("sessions"))
def test_a_damaged_session_is_refused_by_open_and_export(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _copy(name, "sessions", tmp_path / "in")
    _check_refused(capsys, path, DAMAGED_SESSIONS[name], tmp_path / "out")


def test_special_damaged_sessions_are_refused_by_open_and_export(
    made: tuple[Path, dict[str, str], dict[str, str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, sessions, _ = made
    for name, fragment in sessions.items():
        _check_refused(capsys, root / "sessions" / name, fragment, tmp_path / "out")


def test_the_list_names_every_broken_session_and_why(
    made: tuple[Path, dict[str, str], dict[str, str]], data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = data_dir / "sessions"
    for name in _committed("sessions"):
        _copy(name, "sessions", folder)
    root, sessions, _ = made
    for name in sessions:
        if (root / "sessions" / name).is_file() and not (root / "sessions" / name).is_symlink():
            shutil.copyfile(root / "sessions" / name, folder / name)
    (folder / "symlink.toml").symlink_to(builtin_sessions_dir() / DEMO_FILE)
    shutil.copyfile(builtin_sessions_dir() / DEMO_FILE, folder / "good.toml")
    before = {p.name: _snapshot(p) for p in folder.iterdir()}
    for _ in range(2):  # the second listing comes from the folder's index
        code, text = run(capsys, "sessions")
        assert code == 0
        lines = text.splitlines()
        for name in before:
            if name == "good.toml" or name.startswith("."):
                continue
            at = next(i for i, line in enumerate(lines) if line.endswith(str(folder / name)))
            assert lines[at].upper().startswith("CANNOT BE READ"), lines[at]
            assert lines[at + 1].strip().startswith(str(folder / name)), lines[at + 1]
        done = len(load_session(builtin_sessions_dir() / DEMO_FILE).agenda)  # the demo is complete
        assert any(str(folder / "good.toml") in line and f"{done}/{done}" in line for line in lines)
    assert {p.name: _snapshot(p) for p in folder.iterdir() if not p.name.startswith(".")} == before


def test_hostile_texts_are_printed_as_text_not_as_terminal_commands(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("title-with-terminal-escapes.toml", "title-with-nul.toml", "title-with-markup.toml"):
        path = _copy(name, "sessions", data_dir / "sessions")
        before = path.read_bytes()
        code, text = run(capsys, "export", str(path), "-o", str(tmp_path / "out"))
        assert code == 0, text
        assert path.read_bytes() == before
    code, text = run(capsys, "sessions")
    # The escape sequences and the NUL are removed (text_safety.for_terminal), the rest is kept.
    assert code == 0 and "\x1b" not in text and "\x00" not in text and "Prøve" in text
    path = _copy("text-with-terminal-escapes.toml", "exercises", tmp_path / "exercises")
    code, text = run(capsys, "exercises", "--check", str(path))
    assert code == 0, text


def test_every_committed_damaged_exercise_has_its_expected_message() -> None:
    assert sorted(DAMAGED_EXERCISES) == _committed("exercises")


@pytest.mark.parametrize("name", _committed("exercises"))
def test_a_damaged_exercise_is_reported_by_check(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _copy(name, "exercises", tmp_path)
    before = path.read_bytes()
    code, text = run(capsys, "exercises", "--check", str(path))
    assert code == 1, text
    first = text.splitlines()[0]
    assert first.startswith(f"{path}:") and " — " in first, first
    assert DAMAGED_EXERCISES[name] in first, first
    assert path.read_bytes() == before


def test_special_damaged_exercises_are_reported_by_check(
    made: tuple[Path, dict[str, str], dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    root, _, exercises = made
    for name, fragment in exercises.items():
        path = root / "exercises" / name
        before = _snapshot(path)
        code, text = run(capsys, "exercises", "--check", str(path))
        assert code == 1 and str(path) in text and fragment in text, (name, text)
        assert _snapshot(path) == before


def test_bad_files_in_the_own_exercise_folder_leave_the_library_working(
    made: tuple[Path, dict[str, str], dict[str, str]], data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = data_dir / "exercises"
    for name in _committed("exercises"):
        _copy(name, "exercises", folder)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    code, text = run(capsys, "exercises", "--check", str(folder))
    assert code == 1
    for name in before:
        assert str(folder / name) in text, name
    code, text = run(capsys, "exercises")
    assert code == 1 and "kkc-indicators" in text and str(folder / "binary.toml") in text
    code, text = run(capsys, "new", "--title", "Trods alt", "--participants", "3", "--no-open")
    assert code == 0, text
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def _failing(monkeypatch: pytest.MonkeyPatch, error: int) -> None:
    """Make every new file in the data dir fail as a read-only folder or a full disk would.

    A real read-only folder cannot stop root (CI runs as root), so the OS error is raised
    where the file would be created or flushed, exactly as the kernel would report it.
    """
    real_new_file: Callable[[str, str], tuple[int, str]] = staging.new_file
    real_mkstemp: Callable[..., tuple[int, str]] = tempfile.mkstemp
    real_fsync = os.fsync

    def new_file(folder: str, stem: str) -> tuple[int, str]:  # where a save makes its temporary file
        if error != errno.ENOSPC:
            raise OSError(error, os.strerror(error))
        return real_new_file(folder, stem)

    def mkstemp(*args: object, **kwargs: object) -> tuple[int, str]:  # the live files' and .bak's
        if error != errno.ENOSPC:
            raise OSError(error, os.strerror(error))
        return real_mkstemp(*args, **kwargs)

    def fsync(fd: int) -> None:
        if error == errno.ENOSPC:
            raise OSError(error, os.strerror(error))
        real_fsync(fd)

    def write_bytes(self: Path, data: bytes) -> int:
        # A copy of a shipped file (the demo's) is written whole and not flushed: the folder
        # refuses it when it is created, a full disk when its bytes are written.
        raise OSError(error, os.strerror(error))

    real_temp_file = export_files._temp_file

    def temp_file(path: Path) -> tuple[int, str]:  # where an export makes each file (no tempfile)
        if error != errno.ENOSPC:
            raise OSError(error, os.strerror(error))
        return real_temp_file(path)

    monkeypatch.setattr(staging, "new_file", new_file)
    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    monkeypatch.setattr(export_files, "_temp_file", temp_file)
    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(Path, "write_bytes", write_bytes)


@pytest.mark.parametrize(
    ("error", "message"),
    [(errno.EACCES, "not writable"), (errno.EROFS, "not writable"), (errno.ENOSPC, "disk is full")],
)
def test_an_unwritable_data_folder_or_a_full_disk_is_reported_and_nothing_changes(
    error: int,
    message: str,
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = data_dir / "sessions"
    folder.mkdir(parents=True)
    good = folder / "good.toml"
    shutil.copyfile(builtin_sessions_dir() / DEMO_FILE, good)
    before = good.read_bytes()
    _failing(monkeypatch, error)
    for args in (
        ("new", "--title", "X", "--participants", "3", "--no-open"),
        ("demo", "--no-open"),
        ("export", str(good), "-o", str(tmp_path / "out")),
    ):
        code, text = run(capsys, *args)
        assert code == 1 and message in text, (args, text)
    code, text = run(capsys, "sessions")
    assert code == 0 and str(good) in text
    assert sorted(p.name for p in folder.iterdir()) == ["good.toml"]
    assert good.read_bytes() == before
