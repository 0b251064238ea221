"""An unexpected error never ends the app silently: session saved, log written, non-zero exit.

The app runs in a real pseudo-terminal with one key's action replaced by one that fails
(the injection is the test's own wrapper around ``workshop``; the app has no test hook).
"""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

from benchmarks.terminal import Terminal, TerminalClosed, plain
from workshop_tui.core.crashlog import write_crash_log
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.lock import lock_path
from workshop_tui.core.storage.sessions import load_session, new_session, save_session, session_path

FAILING_F3 = """
import sys
from workshop_tui.tui.screens.session import SessionScreen

def broken(self):
    raise RuntimeError("injected failure for the test")

SessionScreen.action_blind = broken
from workshop_tui.cli.main import main
raise SystemExit(main(sys.argv[1:]))
"""

F3 = b"\x1bOR"


@pytest.fixture
def session_file(library: Library, data_dir: Path) -> Path:
    session = new_session(
        title="Nedbrud",
        date="2026-11-23",
        exercises=[library.exercises["resistance"]],
        participants=4,
        session_id="nedbrud",
    )
    path = session_path(session)
    save_session(session, path)
    return path


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
@pytest.mark.parametrize(
    ("lang", "saying"), [("en", "The error is described in the log file: "), ("da", "logfilen: ")]
)
def test_an_error_saves_the_session_writes_a_log_and_exits_non_zero(
    session_file: Path, data_dir: Path, lang: str, saying: str
) -> None:
    argv = [sys.executable, "-c", FAILING_F3, "--lang", lang, "open", str(session_file)]
    with Terminal(argv, env={"WORKSHOP_TUI_DATA_DIR": str(data_dir)}) as term:
        term.wait_for_text("P4 ", timeout=60)
        term.send(b"3")
        term.send(b"4")
        term.settle(0.5)
        term.send(F3)
        try:
            while True:
                term.pump(30)
        except TerminalClosed:
            pass
        assert term.process is not None
        code = term.process.wait(timeout=30)
        said = plain(bytes(term.output))
    assert code != 0
    logs = sorted((data_dir / "logs").glob("crash-*.log"))
    assert len(logs) == 1, said[-2000:]
    log = logs[0]
    assert saying + str(log) in said
    assert str(session_file) in said
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert stat.S_IMODE(log.parent.stat().st_mode) == 0o700
    text = log.read_text()
    assert "RuntimeError: injected failure for the test" in text and "in broken" in text
    assert f"session: {session_file} (saved)" in text
    assert load_session(session_file).answers_for("resistance").scores == {"trust": {"p1": 3, "p2": 4}}
    assert not lock_path(session_file).exists()  # given back, not left for the next start to take over


def test_the_log_goes_to_the_temp_folder_when_the_data_dir_cannot_take_it(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "logs").write_text("a file where the folder should be")
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    try:
        raise ValueError("boom")
    except ValueError as error:
        log = write_crash_log(error, [(Path("/x/s.toml"), False)])
    assert log is not None and log.parent == tmp_path
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    text = log.read_text()
    assert "ValueError: boom" in text and "session: /x/s.toml (NOT saved" in text


def test_the_message_after_a_crash_names_a_hostile_file_without_its_escapes(tmp_path: Path) -> None:
    from workshop_tui.tui.crash_report import CrashReport

    hostile = tmp_path / "m\x1b]0;PWNED\x07\x1b[2Jail\u202e.toml"
    message = CrashReport(tmp_path / "crash.log", [(hostile, True)]).message("en")
    assert "mail" in message and str(tmp_path) in message
    assert not any(c in message for c in "\x1b\x07\u202e"), repr(message)
