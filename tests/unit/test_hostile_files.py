"""Issue 12: a session or exercise file from a colleague is data, never a command.

Hostile files (made here, not kept) go into ``workshop open``, ``sessions``, ``export``,
``compare`` and ``exercises --check``: ids and dates are checked when read, no path is
built from them, nothing of them reaches the terminal as a control sequence, and the file
that was read is never changed.
"""

from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path

import pytest

from workshop_tui.cli import main as cli
from workshop_tui.core.model.ids import valid_date, valid_id
from workshop_tui.core.storage import fast_toml
from workshop_tui.core.storage.errors import FileProblems, file_problem, problem_lines
from workshop_tui.core.storage.locations import UnsafeName, file_for
from workshop_tui.core.storage.sessions import load_session
from workshop_tui.core.storage.tomlio import dumps
from workshop_tui.core.text_safety import for_terminal
from workshop_tui.voting.roll import roll_path

from .hostile import LEAKS, hostile_session, session_with


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """``workshop ARGS`` in-process, English; its whole output must be free of control characters."""
    try:
        code = cli.main(["--lang", "en", *args])
    except SystemExit as stop:
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    text = out + err
    assert "Traceback" not in text
    assert for_terminal(text, multiline=True) == text, "a control character reached the terminal"
    return code, text


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


HOSTILE_IDS = (
    "../sessions/victim-session",
    "../../../../elsewhere/victim",
    "",
    "abc\n",
    "abc\r",
    ".hidden",
    "a/b",
    "a\\b",
    "x" * 81,
    "æøå",
    "a b",
    "\x1b[2J",
)


@pytest.mark.parametrize("value", HOSTILE_IDS)
def test_the_one_id_pattern_refuses_paths_blanks_and_trailing_line_breaks(value: str) -> None:
    assert not valid_id(value)


@pytest.mark.parametrize("value", ["p1", "demo-aeldreomraadet", "kurs.pos.1", "A_b-9", "x" * 80])
def test_the_one_id_pattern_takes_the_ids_the_app_writes(value: str) -> None:
    assert valid_id(value)


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("2026-10-14", True),
        ("2026-10-14/../../../../elsewhere/owned", False),
        ("20261014", False),
        ("2026-W42-3", False),
        ("2026-13-01", False),
        ("2026-02-30", False),
        ("1066-10-14", False),
        ("9999-01-01", False),
        ("2026-10-14\n", False),
        ("", False),
    ],
)
def test_dates_are_iso_dates_in_a_sane_range(value: str, ok: bool) -> None:
    assert valid_date(value) is ok


@pytest.mark.parametrize("session_id", HOSTILE_IDS)
def test_a_session_with_a_hostile_id_is_refused_on_open_and_nothing_is_written(
    session_id: str, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = data_dir / "sessions"
    victim = session_with(folder, "victim-session.toml", id="victim-session")
    path = session_with(data_dir / "inbox", "hostile.toml", id=session_id)
    before = {p: digest(p) for p in (victim, path)}
    code, text = run(capsys, "open", str(path))
    assert code == 1
    assert "hostile.toml:2: id:" in text and "not a valid id" in text, text
    code, text = run(capsys, "export", str(path), "-o", str(data_dir / "out"))
    assert code == 1 and not (data_dir / "out").exists()
    assert {p: digest(p) for p in before} == before
    assert not (data_dir / "voting").exists()


@pytest.mark.parametrize(
    ("where", "value"),
    [
        ("participants", "p1\n"),
        ("participants", "../p1"),
        ("groups", "g1\n"),
        ("groups", ""),
        ("groups", "../../g"),
    ],
)
def test_participant_and_group_ids_have_the_same_shape(where: str, value: str, data_dir: Path) -> None:
    path = session_with(data_dir, "s.toml")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    data[where][0]["id"] = value
    path.write_text(dumps(data), encoding="utf-8")
    with pytest.raises(FileProblems, match=rf"{where}\[0\]\.id: .* is not a valid"):
        load_session(path)


def test_an_exercise_id_with_a_trailing_line_break_fails_the_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 12, item 7: ``re.match`` with ``$`` let ``"abc\\n"`` pass ``--check``."""
    source = Path(__file__).resolve().parents[2] / "exercises" / "kkc-indicators.toml"
    for number, (old, new) in enumerate(
        [('id = "kkc-indicators"', 'id = "abc\\n"'), ('id = "kurs.pos.1"', 'id = "kurs.pos.1\\n"')]
    ):
        path = tmp_path / f"e{number}.toml"
        text = source.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        code, output = run(capsys, "exercises", "--check", str(path))
        assert code == 1 and "is not a valid id" in output, output


@pytest.mark.parametrize("date", ["2026-10-14/../../../../elsewhere/owned", "20261014", "", "2026-02-30"])
def test_a_session_with_a_hostile_date_is_refused_and_compare_writes_nothing(
    date: str, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = session_with(data_dir / "sessions", "good.toml", id="good")
    bad = session_with(data_dir / "sessions", "bad.toml", id="bad", date=date)
    out = tmp_path / "a" / "b" / "c" / "d" / "out"
    code, text = run(capsys, "compare", str(good), str(bad), "--format", "html", "-o", str(out))
    assert code == 1 and "bad.toml:4: date:" in text, text
    assert not (tmp_path / "a").exists()
    assert sorted(p.name for p in (data_dir / "sessions").iterdir()) == ["bad.toml", "good.toml"]


def test_comparison_file_names_are_slugs_even_for_sessions_made_in_memory(tmp_path: Path) -> None:
    """The loader refuses such dates; the name is a slug all the same, so no path can climb out."""
    from dataclasses import replace

    from workshop_tui.export.files import export_comparison

    before = load_session(session_with(tmp_path / "in", "b.toml", id="b"))
    after = replace(before, id="a", date="2026-10-14/../../../../elsewhere/owned")
    out = tmp_path / "x" / "y" / "out"
    _, path = export_comparison(before, after, "md", out)
    assert path.parent == out and "/" not in path.name and ".." not in path.name
    assert [p.name for p in out.iterdir()] == [path.name]


def test_paths_from_ids_stay_in_their_folder(tmp_path: Path) -> None:
    for bad in HOSTILE_IDS:
        with pytest.raises(UnsafeName):
            roll_path(bad, tmp_path)
    assert roll_path("demo-1", tmp_path) == tmp_path / "voting" / "demo-1.toml"
    for device in ("nul", "CON", "aux.x", "com1", "Lpt9.toml"):  # Windows' devices, on every system
        with pytest.raises(UnsafeName, match="device"):
            roll_path(device, tmp_path)
    for fine in ("console", "nul-1", "com10", "auxiliary.1"):
        assert roll_path(fine, tmp_path) == tmp_path / "voting" / f"{fine}.toml"
    elsewhere = tmp_path / "elsewhere.toml"
    elsewhere.write_text("x", encoding="utf-8")
    (tmp_path / "voting").mkdir()
    (tmp_path / "voting" / "linked.toml").symlink_to(elsewhere)
    with pytest.raises(UnsafeName, match="outside"):
        file_for(tmp_path / "voting", "linked", ".toml")


def test_hostile_texts_reach_no_terminal_through_the_cli(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = hostile_session(data_dir / "sessions")
    before = digest(path)
    exercises = data_dir / "exercises"
    exercises.mkdir()
    source = Path(__file__).resolve().parents[2] / "exercises" / "commitment.toml"
    text = source.read_text(encoding="utf-8").replace('id = "commitment"', 'id = "my-commitment"', 1)
    title = 'title = { da = "Vores commitment'
    assert title in text
    (exercises / "mine.toml").write_text(
        text.replace(title, title + "\\u001b]0;PWNED\\u0007\\u001b[2J\\u009b2J", 1), encoding="utf-8"
    )
    outputs = [
        run(capsys, "sessions"),
        run(capsys, "exercises"),
        run(capsys, "export", str(path), "-o", str(tmp_path / "out")),
        run(capsys, "compare", str(path), str(path)),
        run(capsys, "exercises", "--check", str(exercises / "mine.toml")),
    ]
    for code, output in outputs:
        assert code == 0, output
        assert "PWNED" not in output
    sessions = outputs[0][1]
    assert len(sessions.splitlines()) == 1 and sessions.startswith("Ledelse på tværs")
    assert digest(path) == before


def test_each_session_is_one_line_of_workshop_sessions(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 12, item 6: a title with line breaks could fake further sessions."""
    folder = data_dir / "sessions"
    fake = "Real\n\nFake session  2026-01-01  9/9 exercises  /tmp/fake.toml\r\u2028more\x85end"
    session_with(folder, "a.toml", id="a", title=fake, organisation="Org\nFake")
    session_with(folder, "b.toml", id="b")
    code, text = run(capsys, "sessions")
    assert code == 0
    lines = text.splitlines()
    assert len(lines) == 2, lines
    assert any(line.startswith("Real Fake session") for line in lines)


def test_a_bad_file_is_reported_in_a_few_lines_and_quickly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 12, item 9: 200,000 unknown keys took 15 s and printed 200,001 lines."""
    import gc
    import time

    path = session_with(tmp_path, "junk.toml", **{f"junk{i}": i for i in range(200_000)})
    code, text = run(capsys, "open", str(path))
    assert code == 1
    lines = text.splitlines()
    assert len(lines) == 11, lines[:3]
    assert lines[0].startswith(f"{path}:") and "junk0: unknown key" in lines[0]
    assert lines[-1].startswith(f"… and 199990 more problems in {path}"), lines[-1]
    # Our own work, not TOML parsing (tomllib's, about 2 s for 4 MB): well under 1.5 s of CPU.
    # The fast reader's line reader parses TOML too (0.8 s for this file, instead of tomllib's
    # 2 s): it is left out with tomllib.
    parsed = tomllib.loads(path.read_text(encoding="utf-8"))
    monkeypatch.setattr(tomllib, "loads", lambda text: parsed)
    monkeypatch.setattr(fast_toml, "_simple", lambda text: None)
    # The collector's passes scan every object the test process holds (a pytest worker late in
    # a full run holds far more than a `workshop open` does): frozen, they scan only what the
    # reading makes. CI saw 1.40 s here on a slow hour, 0.42-0.47 s alone.
    gc.collect()
    gc.freeze()
    try:
        started = time.process_time()
        with pytest.raises(FileProblems) as error:
            load_session(path)
        spent = time.process_time() - started
    finally:
        gc.unfreeze()
    assert len(problem_lines(error.value.problems)) == 11
    assert spent < 1.5, f"{spent:.2f} s"  # 0.42-0.47 s alone; the bug was 15 s


def test_problem_lines_show_ten_per_file_then_a_count() -> None:
    a, b = Path("a.toml"), Path("b.toml")
    problems = [file_problem(a, f"k{i}", "problems.what.unknown_key") for i in range(25)]
    problems.append(file_problem(b, "id", "problems.what.missing"))
    lines = problem_lines(problems, "en")
    assert len(lines) == 12
    assert (
        lines[0] == "a.toml: k0: unknown key"
        and problem_lines(problems, "da")[0] == "a.toml: k0: ukendt nøgle"
    )
    assert lines[-1] == "… and 15 more problems in a.toml (fix the first ones, then check the file again)"
    assert problem_lines(problems, "da")[-1].startswith("… og 15 fejl mere i a.toml")


def test_leak_markers_are_what_the_payload_writes() -> None:
    """The markers the terminal tests look for do occur in the raw payload (the tests can fail)."""
    from .hostile import PAYLOAD

    raw = PAYLOAD.encode("utf-8")
    assert all(marker in raw for marker in LEAKS)
    assert not any(marker in for_terminal(PAYLOAD).encode("utf-8") for marker in LEAKS)


def test_a_number_too_long_for_int_is_a_problem_of_the_file_not_a_traceback(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``int`` refuses more than 4,300 digits with a plain ValueError (tomllib's too): a file with
    such a number, in its first keys or below, stopped ``workshop sessions`` and every export."""
    digits = "9" * 5000
    top = session_with(data_dir / "sessions", "top.toml", id="top")
    top.write_text(top.read_text(encoding="utf-8").replace("\n", f"\nbig = {digits}\n", 1), encoding="utf-8")
    below = session_with(data_dir / "sessions", "below.toml", id="below")
    below.write_text(below.read_text(encoding="utf-8") + f"\n[extra]\nbig = {digits}\n", encoding="utf-8")
    code, listed = run(capsys, "sessions")
    assert code == 0 and listed.count("4300 digits") == 2
    for path in (top, below):
        code, said = run(capsys, "export", str(path), "-o", str(tmp_path / "out"))
        assert code == 1 and "4300 digits" in said


def test_settings_with_a_number_too_long_for_int_fall_back_to_the_defaults(data_dir: Path) -> None:
    from workshop_tui.tui.settings import Settings, load_settings, settings_path

    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text(f'lang = "en"\nwidth = {"9" * 5000}\n', encoding="utf-8")
    assert load_settings() == Settings()
