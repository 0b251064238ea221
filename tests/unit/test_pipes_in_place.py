"""A named pipe where the app reads one of its own files is refused at once, never waited on (audit17).

``Path.read_bytes`` (or ``open``) of a pipe waits for a writer for ever. The session files
were guarded (``tomlio.read_toml``), but a pipe named ``.workshop-index.json`` in the sessions
folder hung ``workshop sessions`` and the home list, one named ``settings.toml`` hung every
start, and one in place of a live file hung the projector window's reads. Each read is run
in a thread here, so a test that would hang fails after a few seconds instead.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from workshop_tui.cli import main as cli
from workshop_tui.core.storage.listing import INDEX_NAME
from workshop_tui.core.storage.live import LiveProblem, live_path, read_live, read_running, running_path

from .hostile import session_with

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="named pipes are POSIX")


def _returns(call: Callable[[], Any], seconds: float = 10.0) -> Any:
    """``call()``'s result, failing the test if it has not returned within ``seconds``."""
    result: list[Any] = []
    thread = threading.Thread(target=lambda: result.append(call()), daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        # Let the blocked open go (a writer opens the pipe) so the thread ends with the test.
        pytest.fail(f"{call} waited on a named pipe for {seconds} s")
    return result[0] if result else None


def _unblock(pipe: Path) -> None:
    """Open the pipe for writing (without blocking) so that a reader stuck on it ends."""
    with contextlib.suppress(OSError):
        os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))


def test_a_pipe_as_the_list_index_is_not_waited_on(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = data_dir / "sessions"
    session_with(folder, "a.toml", id="a", title="Listed")
    pipe = folder / INDEX_NAME
    os.mkfifo(pipe)
    try:
        code = _returns(lambda: cli.main(["--lang", "en", "sessions"]))
    finally:
        _unblock(pipe)
    assert code == 0 and "Listed" in capsys.readouterr().out


def test_a_pipe_as_the_settings_gives_the_defaults(data_dir: Path) -> None:
    from workshop_tui.tui.settings import Settings, load_settings, settings_path

    settings_path().parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(settings_path())
    try:
        assert _returns(load_settings) == Settings()
    finally:
        _unblock(settings_path())


def test_a_pipe_as_a_live_file_is_a_problem_said_not_a_hang(data_dir: Path) -> None:
    session = session_with(data_dir / "sessions", "a.toml", id="a")
    os.mkfifo(live_path(session))
    running_path().parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(running_path())
    try:
        said = _returns(lambda: _problem(lambda: read_live(session)))
        assert said == "present.problem.not_live"
        assert _returns(read_running) is None
    finally:
        _unblock(live_path(session))
        _unblock(running_path())


def _problem(call: Callable[[], Any]) -> str | None:
    try:
        call()
    except LiveProblem as problem:
        return problem.key
    return None
