"""Temp files a save killed mid-write left behind are removed when the session is opened again."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from workshop_tui.core.model import Session
from workshop_tui.core.storage.sessions import SessionWriter, load_session, save_session
from workshop_tui.core.storage.tomlio import DEAD_GRACE, STALE_TEMP_SECONDS, remove_stale_temps

OWN = (
    ".s.toml.k3j_9x2a.tmp",
    ".s.toml.bak.q7w1e2r3.tmp",
    f".s.toml.bak.{os.getpid()}.link.tmp",
    f".s.toml.p{os.getpid()}.k3j_9x2a.tmp",
    f".s.toml.bak.p{os.getpid()}.q7w1e2r3.tmp",
)
"""The temp names a save of s.toml makes (see tomlio.atomic_write and _keep_previous), by a process
that is running (this one): older versions wrote them without the ``p<pid>``."""
OTHERS = (
    "s.toml",
    "s.toml.bak",
    "s.toml.damaged",
    "notes.tmp",
    ".s.toml",
    ".s.toml.tmp",
    ".s.toml.x.tmp.keep",
    ".t.toml.k3j_9x2a.tmp",
    ".s2.toml.k3j_9x2a.tmp",
    ".xs.toml.k3j_9x2a.tmp",
    ".s.toml.bak.toml.k3j_9x2a.tmp",
    ".s.toml.x.toml.bak.4242.link.tmp",
    ".workshop-index.json",
)
"""The session, its backups, other files and other sessions' temps (e.g. of s.toml.x.toml)."""


def _make(folder: Path, names: tuple[str, ...], age: float) -> None:
    stamp = time.time() - age
    for name in names:
        (folder / name).write_text("x", encoding="utf-8")
        os.utime(folder / name, (stamp, stamp))


def _age_all(seconds: float, monkeypatch: pytest.MonkeyPatch) -> None:
    """Let ``seconds`` pass for the cleanup: ctime cannot be set back, so the clock moves on."""
    now = time.time()
    monkeypatch.setattr("workshop_tui.core.storage.stale_temps.time.time", lambda: now + seconds)


def test_stale_temps_of_this_session_are_removed_and_nothing_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _make(tmp_path, OWN + OTHERS, age=3600)
    _age_all(3600, monkeypatch)
    removed = remove_stale_temps(tmp_path / "s.toml")
    assert sorted(p.name for p in removed) == sorted(OWN)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(OTHERS)


def test_fresh_temps_are_kept_a_save_may_be_running(tmp_path: Path) -> None:
    _make(tmp_path, OWN, age=0)
    assert remove_stale_temps(tmp_path / "s.toml") == []
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(OWN)


def test_the_age_limit_counts_from_the_last_change(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _make(tmp_path, OWN, age=0)
    _age_all(STALE_TEMP_SECONDS - 5, monkeypatch)
    assert remove_stale_temps(tmp_path / "s.toml") == []
    _age_all(STALE_TEMP_SECONDS + 5, monkeypatch)
    assert len(remove_stale_temps(tmp_path / "s.toml")) == len(OWN)


def test_a_fresh_hard_link_of_an_old_file_is_kept(tmp_path: Path) -> None:
    """``_keep_previous`` links the session file: the link has the old mtime but a new ctime."""
    path = tmp_path / "s.toml"
    _make(tmp_path, ("s.toml",), age=3600)
    link = tmp_path / f".s.toml.bak.{os.getpid()}.link.tmp"
    os.link(path, link)  # the tests run where saves make such links (Linux, macOS)
    assert remove_stale_temps(path) == []
    assert link.exists()


def test_folders_and_links_with_a_temp_name_are_left(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".s.toml.abcdefgh.tmp").mkdir()
    target = tmp_path / "elsewhere"
    target.write_text("keep", encoding="utf-8")
    (tmp_path / ".s.toml.bak.12345678.tmp").symlink_to(target)
    _age_all(3600, monkeypatch)
    assert remove_stale_temps(tmp_path / "s.toml") == []
    assert target.read_text(encoding="utf-8") == "keep"


def test_a_missing_folder_is_no_error(tmp_path: Path) -> None:
    assert remove_stale_temps(tmp_path / "gone" / "s.toml") == []


KILLED_SAVE = """
import os, signal, sys
from pathlib import Path
from workshop_tui.core.storage import tomlio

path = Path(sys.argv[1])
tomlio.atomic_write(path, "a = 1\\n")
tomlio.os.replace = lambda *args: os.kill(os.getpid(), signal.SIGKILL)  # killed mid-save
tomlio.atomic_write(path, "a = 2\\n")
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="no SIGKILL here")
def test_the_names_match_what_a_killed_save_leaves(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A real save, killed by SIGKILL between writing its temps and renaming them."""
    path = tmp_path / "s.toml"
    done = subprocess.run([sys.executable, "-c", KILLED_SAVE, str(path)], check=False, timeout=60)
    assert done.returncode == -signal.SIGKILL
    left = sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp"))
    assert len(left) == 2, left  # the new text, and the hard link that was to become the .bak
    # Their writer has ended, so a restart right after the crash removes them (after a second's grace).
    _age_all(DEAD_GRACE + 0.5, monkeypatch)
    assert sorted(p.name for p in remove_stale_temps(path)) == left
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.toml"]


def test_opening_a_session_for_running_cleans_up(
    small_session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.toml"
    save_session(small_session, path)
    save_session(small_session, path)
    _make(tmp_path, OWN, age=3600)
    _make(tmp_path, (".t.toml.k3j_9x2a.tmp",), age=3600)
    _age_all(3600, monkeypatch)
    SessionWriter(path)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [".t.toml.k3j_9x2a.tmp", "s.toml", "s.toml.bak"]
    assert load_session(path) == small_session


def test_young_temps_of_a_running_process_are_kept_of_an_ended_one_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 12, item 9: a killed save's temps were left until a later open, a minute on."""
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True)
        dead = int(ended.stdout)
        alive = (f".s.toml.p{sleeper.pid}.abc123.tmp", f".s.toml.bak.{sleeper.pid}.link.tmp")
        gone = (
            f".s.toml.p{dead}.abc123.tmp",
            f".s.toml.bak.p{dead}.def456.tmp",
            f".s.toml.bak.{dead}.link.tmp",
        )
        _make(tmp_path, alive + gone, age=0)
        _age_all(DEAD_GRACE + 0.5, monkeypatch)
        assert sorted(p.name for p in remove_stale_temps(tmp_path / "s.toml")) == sorted(gone)
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(alive)
    finally:
        sleeper.kill()
        sleeper.wait()
