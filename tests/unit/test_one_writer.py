"""One session, one writer: the lock, read-only keepers, and files changed behind the app's back."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from workshop_tui.core.keeper import ReadOnlySession, SessionKeeper
from workshop_tui.core.model import Position, Session
from workshop_tui.core.storage.lock import LockInfo, SessionLock, lock_path
from workshop_tui.core.storage.sessions import load_session, save_session

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="fork-free POSIX process checks")


def _clock() -> str:
    return "2026-11-23T10:00:00+00:00"


def _saved(session: Session, tmp_path: Path) -> Path:
    path = tmp_path / "s.toml"
    save_session(session, path)
    return path


def test_a_second_lock_on_the_same_file_is_refused_and_names_the_holder(tmp_path: Path) -> None:
    first, second = SessionLock(tmp_path / "s.toml"), SessionLock(tmp_path / "s.toml")
    assert first.acquire().acquired
    outcome = second.acquire()
    assert not outcome.acquired
    assert outcome.holder == LockInfo(os.getpid(), socket.gethostname(), first.info.started)  # type: ignore[union-attr]
    first.release()
    assert not lock_path(tmp_path / "s.toml").exists()
    assert second.acquire().acquired
    second.release()


@posix_only
def test_a_lock_held_by_another_running_process_is_refused(tmp_path: Path) -> None:
    session_file = tmp_path / "s.toml"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path;"
            " from workshop_tui.core.storage.lock import SessionLock;"
            f"lock = SessionLock(Path({str(session_file)!r})); assert lock.acquire().acquired;"
            "print('held', flush=True); time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        outcome = SessionLock(session_file).acquire()
        assert not outcome.acquired
        assert outcome.holder is not None and outcome.holder.pid == holder.pid
    finally:
        holder.kill()
        holder.wait()
    # Killed, it could not remove its lock file; the lock itself went with the process.
    assert lock_path(session_file).exists()
    lock = SessionLock(session_file)
    outcome = lock.acquire()
    assert outcome.acquired
    assert outcome.taken_over is not None and outcome.taken_over.pid == holder.pid
    lock.release()


def test_a_lock_of_another_computer_is_respected(tmp_path: Path) -> None:
    session_file = tmp_path / "s.toml"
    info = {"pid": 4242, "host": "another\x1b[2J-laptop", "started": "2026-11-23T09:00:00+00:00"}
    lock_path(session_file).write_text(json.dumps(info))
    outcome = SessionLock(session_file).acquire()
    assert not outcome.acquired
    # The host is shown to the facilitator: its control characters are never obeyed.
    assert outcome.holder is not None
    assert (outcome.holder.pid, outcome.holder.started) == (4242, info["started"])
    assert "\x1b" not in outcome.holder.host and outcome.holder.host.startswith("another")


def test_a_lock_file_of_rubbish_is_taken_without_a_word(tmp_path: Path) -> None:
    session_file = tmp_path / "s.toml"
    lock_path(session_file).write_text("\x1b]0;hi\x07 not json")
    lock = SessionLock(session_file)
    outcome = lock.acquire()
    assert outcome.acquired and outcome.taken_over is None
    lock.release()


def test_the_keeper_gives_its_lock_back_on_close(small_session: Session, tmp_path: Path) -> None:
    path = _saved(small_session, tmp_path)
    lock = SessionLock(path)
    assert lock.acquire().acquired
    keeper = SessionKeeper(small_session, path, clock=_clock, lock=lock)
    keeper.apply(lambda s: s.with_score("resistance", "trust", "p1", 4))
    keeper.close()
    assert not lock_path(path).exists()


def test_a_read_only_keeper_refuses_edits_and_never_writes(small_session: Session, tmp_path: Path) -> None:
    path = _saved(small_session, tmp_path)
    before = path.read_bytes(), os.stat(path).st_mtime_ns
    keeper = SessionKeeper(small_session, path, clock=_clock, read_only=True)
    with pytest.raises(ReadOnlySession):
        keeper.apply(lambda s: s.with_score("resistance", "trust", "p1", 4))
    keeper.apply(lambda s: s.with_position(Position("resistance", 1, 2)), undoable=False)
    assert keeper.session.position == Position("resistance", 1, 2)  # moving about is allowed
    assert keeper.save() and not keeper.unsaved
    keeper.close()
    assert (path.read_bytes(), os.stat(path).st_mtime_ns) == before
    assert [p.name for p in tmp_path.iterdir()] == ["s.toml"]


def test_a_read_only_keeper_follows_the_writers_saves(small_session: Session, tmp_path: Path) -> None:
    path = _saved(small_session, tmp_path)
    writer = SessionKeeper(small_session, path, clock=_clock)
    viewer = SessionKeeper(small_session, path, clock=_clock, read_only=True)
    viewer.apply(lambda s: s.with_position(Position("sheet-42")), undoable=False)
    assert not viewer.reload_if_changed()
    writer.apply(lambda s: s.with_score("resistance", "trust", "p1", 4))
    assert viewer.reload_if_changed()
    assert viewer.session.answers_for("resistance").scores == {"trust": {"p1": 4}}
    assert viewer.session.position == Position("sheet-42")  # its own place is kept
    assert not viewer.reload_if_changed()


def test_a_file_changed_behind_the_keepers_back_is_kept_aside(small_session: Session, tmp_path: Path) -> None:
    path = _saved(small_session, tmp_path)
    keeper = SessionKeeper(small_session, path, clock=_clock)
    keeper.apply(lambda s: s.with_score("resistance", "trust", "p1", 4))
    assert keeper.take_kept_aside() == []
    # Another program (a second, older app; a sync client) writes its own version.
    theirs = small_session.with_score("resistance", "trust", "p2", 1)
    save_session(theirs, path)
    their_bytes = path.read_bytes()
    keeper.apply(lambda s: s.with_score("resistance", "trust", "p3", 5))
    kept = keeper.take_kept_aside()
    assert len(kept) == 1 and kept[0].name.startswith("s.conflict-") and kept[0].suffix == ".toml"
    assert kept[0].read_bytes() == their_bytes
    assert load_session(kept[0]).answers_for("resistance").scores == {"trust": {"p2": 1}}
    assert load_session(path).answers_for("resistance").scores == {"trust": {"p1": 4, "p3": 5}}
    # Reported once; our next saves are no conflict.
    keeper.apply(lambda s: s.with_score("resistance", "trust", "p4", 2))
    assert keeper.take_kept_aside() == []


def test_a_file_only_touched_is_no_conflict(small_session: Session, tmp_path: Path) -> None:
    path = _saved(small_session, tmp_path)
    keeper = SessionKeeper(small_session, path, clock=_clock)
    keeper.apply(lambda s: s.with_score("resistance", "trust", "p1", 4))
    os.utime(path, ns=(1, 1))
    path.write_bytes(path.read_bytes())  # rewritten in place with the same bytes
    keeper.apply(lambda s: s.with_score("resistance", "trust", "p2", 4))
    assert keeper.take_kept_aside() == []
    assert not list(tmp_path.glob("*.conflict-*"))


def test_a_conflict_copy_that_cannot_be_written_stops_the_save(
    small_session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from workshop_tui.core.storage import conflicts

    path = _saved(small_session, tmp_path)
    keeper = SessionKeeper(small_session, path, clock=_clock)
    save_session(small_session.with_score("resistance", "trust", "p2", 1), path)
    their_bytes = path.read_bytes()
    real_open = os.open

    def full(name: object, flags: int, mode: int = 0o777) -> int:
        if ".conflict-" in str(name):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_open(name, flags, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(conflicts.os, "open", full)
    keeper.apply(lambda s: s.with_score("resistance", "trust", "p1", 4))
    assert keeper.unsaved and keeper.last_error is not None and "full" in keeper.last_error.reason
    assert path.read_bytes() == their_bytes  # theirs is not overwritten while it cannot be kept
    monkeypatch.undo()
    assert keeper.save()
    kept = keeper.take_kept_aside()
    assert len(kept) == 1 and kept[0].read_bytes() == their_bytes


def test_pending_counts_the_edits_not_the_moves(
    small_session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workshop_tui.core.storage import sessions, writer
    from workshop_tui.core.storage.errors import SessionWriteError

    path = _saved(small_session, tmp_path)
    keeper = SessionKeeper(small_session, path, clock=_clock)

    def full(target: Path, text: str, *, keep_backup: bool = True, **_: object) -> None:
        raise SessionWriteError(target, "the disk is full", 28)

    monkeypatch.setattr(sessions, "atomic_write", full)
    monkeypatch.setattr(writer, "atomic_write", full)  # the keystroke writer
    keeper.apply(lambda s: s.with_position(Position("resistance", 0, 2)), undoable=False)
    assert keeper.unsaved and keeper.pending == 0  # only where the facilitator is
    keeper.apply(lambda s: s.with_score("resistance", "trust", "p1", 4))
    keeper.apply(lambda s: s.with_score("resistance", "trust", "p2", 4))
    keeper.apply(lambda s: s.with_position(Position("resistance", 0, 3)), undoable=False)
    assert keeper.pending == 2 and keeper.last_error is not None and keeper.last_error.errno == 28
    monkeypatch.undo()
    assert keeper.save()
    assert keeper.pending == 0 and not keeper.unsaved
    assert load_session(path).position == Position("resistance", 0, 3)


@posix_only
def test_without_a_system_lock_the_process_id_decides(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workshop_tui.core.storage import lock as lock_module

    monkeypatch.setattr(lock_module, "_os_lock", lambda fd: None)  # e.g. a share without flock
    session_file = tmp_path / "s.toml"
    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    dead = int(ended.stdout)
    for pid, stands in ((os.getppid(), True), (dead, False)):
        info = LockInfo(pid, socket.gethostname(), "2026-11-23T09:00:00+00:00")
        lock_path(session_file).write_text(info.to_text())
        lock = SessionLock(session_file)
        outcome = lock.acquire()
        assert outcome.acquired is not stands
        assert (outcome.holder if stands else outcome.taken_over) == info
        lock.release()


def test_reading_commands_work_while_a_session_is_open(
    small_session: Session, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from workshop_tui.cli.main import main
    from workshop_tui.core.storage.sessions import session_path

    path = session_path(small_session)
    save_session(small_session, path)
    lock = SessionLock(path)
    assert lock.acquire().acquired  # the app has it open
    before = path.read_bytes()
    try:
        assert main(["sessions"]) == 0
        assert main(["export", small_session.id, "--format", "md", "-o", str(tmp_path / "out")]) == 0
    finally:
        lock.release()
    assert list((tmp_path / "out").glob("*.md"))
    assert path.read_bytes() == before
    assert "Prøve på tværs" in capsys.readouterr().out


@pytest.mark.parametrize("started", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-12:00", "not a time"])
def test_a_lock_file_s_time_out_of_range_is_shown_as_written(started: str) -> None:
    """The lock dialog shows when another computer took the session on this one's clock: a time
    at the edge of the calendar (a lock file written by hand, or by a hostile tool) overflowed
    there with OverflowError, which the dialog did not expect."""
    assert LockInfo(1, "elsewhere", started).started_local == started[:16]
