"""The keystroke save: only what changed is rendered (the first key after opening too), atomically."""

from __future__ import annotations

import dataclasses
import errno
import os
import stat
import threading
import time
import tomllib
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from workshop_tui.core.keeper import SessionKeeper
from workshop_tui.core.model import Session
from workshop_tui.core.storage import tomlio
from workshop_tui.core.storage import writer as writer_module
from workshop_tui.core.storage.errors import SessionWriteError
from workshop_tui.core.storage.seal import unsealed
from workshop_tui.core.storage.session_codec import is_default
from workshop_tui.core.storage.sessions import load_session, save_session
from workshop_tui.core.storage.tomlio import atomic_write
from workshop_tui.core.storage.writer import SessionWriter

EXERCISE = "kkc-indicators"


def _counting(counts: Counter[str], name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def counted(*args: Any, **kwargs: Any) -> Any:
        counts[name] += 1
        return function(*args, **kwargs)

    return counted


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How many exercise definitions and exercises' answers the writer renders.

    ``tables``: the answers' tables without their scores built again (``answers_to_dict``).
    """
    counts: Counter[str] = Counter()
    monkeypatch.setattr(
        writer_module, "exercise_to_dict", _counting(counts, "exercises", writer_module.exercise_to_dict)
    )
    monkeypatch.setattr(
        SessionWriter, "_answers_text", _counting(counts, "answers", SessionWriter._answers_text)
    )
    monkeypatch.setattr(
        writer_module, "answers_to_dict", _counting(counts, "tables", writer_module.answers_to_dict)
    )
    return counts


def _answered(session: Session) -> int:
    """The exercises with answers in the file (answers nobody gave are left out)."""
    return sum(not is_default(a) for a in session.answers.values())


def _score(session: Session, person: str, score: int) -> Session:
    """``score`` for ``person`` on the first item, or another one if that is the score already."""
    item = session.exercise(EXERCISE).scored_items[0].id
    if session.answers_for(EXERCISE).scores.get(item, {}).get(person) == score:
        score = score % 5 + 1
    return session.with_score(EXERCISE, item, person, score)


def test_a_keystroke_renders_only_the_exercise_it_changed(
    demo: Session, tmp_path: Path, renders: Counter[str]
) -> None:
    writer = SessionWriter(tmp_path / "s.toml")
    writer.write(demo)
    assert renders["exercises"] == len(demo.exercises)
    assert renders["answers"] == _answered(demo)
    renders.clear()
    session = _score(demo, "p1", 5)
    writer.write(session)
    assert renders == Counter(answers=1)
    assert load_session(tmp_path / "s.toml") == session


def test_a_score_builds_no_answers_table_hiding_the_results_does(
    demo: Session, tmp_path: Path, renders: Counter[str]
) -> None:
    """A score changes a row of scores only: the rest of the exercise's table is kept as rendered
    (it was built again on every key, 4 % of a save, and then thrown away)."""
    writer = SessionWriter(tmp_path / "s.toml")
    writer.write(demo)
    renders.clear()
    session = _score(demo, "p1", 5)
    writer.write(session)
    assert renders["tables"] == 0
    hidden = session.with_blind(EXERCISE, not session.answers_for(EXERCISE).blind)
    writer.write(hidden)
    assert renders["tables"] == 1
    assert load_session(tmp_path / "s.toml") == hidden


def test_the_pieces_make_the_same_document_as_a_full_save(demo: Session, tmp_path: Path) -> None:
    session = _score(demo, "p2", 1)
    save_session(session, tmp_path / "full.toml")
    writer = SessionWriter(tmp_path / "pieces.toml")
    writer.write(demo)
    writer.write(session)

    def table(name: str) -> dict[str, Any]:
        return tomllib.loads(unsealed((tmp_path / name).read_bytes()).decode("utf-8"))

    assert table("pieces.toml") == table("full.toml")


def test_the_first_keystroke_after_prepare_renders_no_exercise(
    demo: Session, tmp_path: Path, renders: Counter[str]
) -> None:
    path = tmp_path / "s.toml"
    save_session(demo, path)
    keeper = SessionKeeper(demo, path)
    try:
        keeper.prepare()
        syncer = keeper._syncer
        assert syncer is not None  # the sync thread too is started before the first key
        before = keeper.session
        keeper.apply_and_show(lambda s: _score(s, "p1", 2), lambda: None)  # waits behind the render
        assert keeper._syncer is syncer
        assert keeper.session is not before
        assert renders["exercises"] == len(demo.exercises)  # all of them once, by prepare
        assert renders["answers"] == _answered(demo) + 1  # and then only the one typed into
        assert load_session(path) == keeper.session
    finally:
        keeper.close()
    keeper.prepare()  # closed: nothing is started again
    assert keeper._saver is None and keeper._syncer is None


def test_a_read_only_keeper_prepares_nothing(demo: Session, tmp_path: Path, renders: Counter[str]) -> None:
    keeper = SessionKeeper(demo, tmp_path / "s.toml", read_only=True)
    keeper.prepare()
    keeper.close()
    assert not renders and not (tmp_path / "s.toml").exists()


def test_a_keystroke_is_saved_in_the_calling_thread_before_it_is_shown(
    small_session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.toml"
    keeper = SessionKeeper(small_session, path)
    writes: list[int] = []
    write = SessionWriter.write

    def counted(self: SessionWriter, session: Session, **kwargs: Any) -> None:
        writes.append(threading.get_ident())
        write(self, session, **kwargs)

    monkeypatch.setattr(SessionWriter, "write", counted)
    on_disk: list[Session] = []
    try:
        keeper.apply_and_show(
            lambda s: s.with_score("resistance", "trust", "p1", 4), lambda: on_disk.append(load_session(path))
        )
        with pytest.raises(ValueError):
            keeper.apply_and_show(lambda s: s.with_score("resistance", "trust", "p1", 99), lambda: None)
        assert keeper._saver is None  # no thread to wake before the save starts
    finally:
        keeper.close()
    assert writes == [threading.get_ident()]  # saved once, here; the refused edit wrote nothing
    assert on_disk == [keeper.session]  # show ran after the file held the edit


@pytest.mark.skipif(os.name != "posix", reason="file modes and hard links as on POSIX")
def test_atomic_write_keeps_the_mode_the_backup_and_makes_the_folder(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "s.toml"
    atomic_write(path, "a = 1\n")  # the folder is made on the first save
    path.chmod(0o640)
    atomic_write(path, "a = 2\n")
    assert path.read_text() == "a = 2\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.with_name("s.toml.bak").read_text() == "a = 1\n"
    # A link left by a save killed between its link and its rename does not stop the next one.
    os.link(path, path.with_name(f".s.toml.bak.{os.getpid()}.link.tmp"))
    atomic_write(path, "a = 3\n")
    assert path.with_name("s.toml.bak").read_text() == "a = 2\n"
    assert sorted(p.name for p in path.parent.iterdir()) == ["s.toml", "s.toml.bak"]


# Each field of a session, changed: the writer that saved the session before must then write
# exactly what a fresh writer writes. A field the writer's pieces do not watch (min_answers was
# one) would keep its old value on disk; a new field fails the first assertion until it is here.
FIELD_EDITS: dict[str, Callable[[Session], Session]] = {
    "id": lambda s: dataclasses.replace(s, id="andet-id"),
    "title": lambda s: dataclasses.replace(s, title="Ny titel"),
    "date": lambda s: dataclasses.replace(s, date="2027-01-20"),
    "organisation": lambda s: dataclasses.replace(s, organisation="Sundby Kommune"),
    "facilitator": lambda s: dataclasses.replace(s, facilitator="Karen Juhl"),
    "language": lambda s: dataclasses.replace(s, language="en"),
    "participants": lambda s: dataclasses.replace(s, participants=s.participants[:-1]),
    "groups": lambda s: dataclasses.replace(s, groups=s.groups[:-1]),
    "agenda": lambda s: dataclasses.replace(s, agenda=tuple(reversed(s.agenda))),
    "exercises": lambda s: dataclasses.replace(
        s, exercises={**s.exercises, s.agenda[0]: dataclasses.replace(s.exercise(s.agenda[0]), version=99)}
    ),
    "answers": lambda s: s.with_score(
        "resistance", s.exercise("resistance").items[0].id, s.participants[0].id, 4
    ),
    "notes": lambda s: s.with_facilitator_note(s.agenda[1], "privat note"),
    "timers": lambda s: s.with_timer(s.agenda[1], 300),
    "position": lambda s: dataclasses.replace(
        s, position=dataclasses.replace(s.position, exercise=s.agenda[1])
    ),
    "created": lambda s: dataclasses.replace(s, created="2026-11-24T09:00:00+00:00"),
    "updated": lambda s: dataclasses.replace(s, updated="2026-11-24T10:00:00+00:00"),
    "follows": lambda s: dataclasses.replace(s, follows="tidligere-session"),
    "min_answers": lambda s: s.with_min_answers(5),
}


def test_every_field_of_a_session_reaches_the_file_after_an_earlier_save(
    small_session: Session, tmp_path: Path
) -> None:
    assert set(FIELD_EDITS) == {field.name for field in dataclasses.fields(Session)}
    assert "resistance" in small_session.agenda
    for name, edit in FIELD_EDITS.items():
        writer = SessionWriter(tmp_path / "a.toml")
        writer.render(small_session)
        changed = edit(small_session)
        assert changed != small_session, name
        assert writer.render(changed) == SessionWriter(tmp_path / "b.toml").render(changed), name


@pytest.mark.skipif(os.name != "posix", reason="hard links as on POSIX")
def test_the_backup_is_named_after_the_save_is_in_place_and_never_fails_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.toml"
    atomic_write(path, "a = 1\n")
    renames: list[str] = []
    replace = os.replace

    def seen(src: Any, dst: Any) -> None:
        renames.append(Path(dst).name)
        replace(src, dst)

    monkeypatch.setattr(os, "replace", seen)
    atomic_write(path, "a = 2\n")
    assert renames == ["s.toml", "s.toml.bak"]  # the save's own rename first: durable one rename sooner
    assert path.with_name("s.toml.bak").read_text() == "a = 1\n"

    def no_backup(src: Any, dst: Any) -> None:
        if Path(dst).name.endswith(".bak"):
            raise OSError(5, "Input/output error")
        replace(src, dst)

    monkeypatch.setattr(os, "replace", no_backup)
    atomic_write(path, "a = 3\n")  # the .bak could not be renamed: the save itself stands
    assert path.read_text() == "a = 3\n"
    assert path.with_name("s.toml.bak").read_text() == "a = 1\n"  # one version older, not wrong
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.toml", "s.toml.bak"]


@pytest.mark.skipif(os.name != "posix", reason="hard links as on POSIX")
def test_a_failed_save_leaves_neither_its_temp_file_nor_the_backups_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.toml"
    atomic_write(path, "a = 1\n")
    atomic_write(path, "a = 2\n")

    def full(*args: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(SessionWriteError):
        atomic_write(path, "a = 3\n")
    assert path.read_text() == "a = 2\n" and path.with_name("s.toml.bak").read_text() == "a = 1\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.toml", "s.toml.bak"]


@pytest.mark.skipif(os.name != "posix", reason="folder fsync and hard links as on POSIX")
def test_a_keystrokes_folder_fsync_overlaps_the_screen_work_and_is_done_before_it_returns(
    small_session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.toml"
    keeper = SessionKeeper(small_session, path)
    assert keeper.save()  # a version to keep as .bak
    first = path.read_bytes()
    events: list[str] = []
    threads: list[str] = []
    started = threading.Event()
    fsync_folder, name_backup = tomlio._fsync_folder, tomlio._name_backup

    def slow_fsync(folder: Path) -> None:
        threads.append(threading.current_thread().name)
        started.set()
        time.sleep(0.2)  # long enough for the screen work to run meanwhile, even on a busy machine
        fsync_folder(folder)
        events.append("folder fsynced")

    def slow_backup(target: Path, link: Path) -> None:
        time.sleep(0.2)  # the next save must wait for this one's .bak, not overtake it
        name_backup(target, link)
        events.append(f"bak {target.with_name(target.name + '.bak').read_bytes() == first}")

    def show() -> None:
        assert started.wait(10)  # the sync thread has the fsync under way
        events.append(f"show, on disk {load_session(path) == keeper.session}")

    monkeypatch.setattr(tomlio, "_fsync_folder", slow_fsync)
    monkeypatch.setattr(tomlio, "_name_backup", slow_backup)
    try:
        keeper.apply_and_show(lambda s: s.with_score("resistance", "trust", "p1", 4), show)
        events.append("returned")
        second = path.read_bytes()
        keeper.apply_and_show(lambda s: s.with_score("resistance", "trust", "p2", 3), lambda: None)
    finally:
        keeper.close()
    # The edit is renamed into place before the screen work, which the folder fsync overlaps;
    # the frame (after the return) waits for the fsync, not for the .bak.
    assert events[:3] == ["show, on disk True", "folder fsynced", "returned"]
    assert threads[0].startswith("session-sync") and len(threads) == 2  # one fsync per save
    # Saves in order: the second waited for the first's .bak (the version before it).
    assert events[3:] == ["bak True", "folder fsynced", "bak False"]
    assert path.with_name("s.toml.bak").read_bytes() == second
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.toml", "s.toml.bak"]


@pytest.mark.skipif(os.name != "posix", reason="folder fsync and hard links as on POSIX")
def test_the_keys_thread_makes_the_folder_fsync_itself_when_the_sync_thread_has_not_started_it(
    small_session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.toml"
    keeper = SessionKeeper(small_session, path)
    assert keeper.save()
    first = path.read_bytes()
    fsyncs: list[str] = []
    fsync_folder = tomlio._fsync_folder

    def counted(folder: Path) -> None:
        fsyncs.append(threading.current_thread().name)
        fsync_folder(folder)

    monkeypatch.setattr(tomlio, "_fsync_folder", counted)
    # The sync thread busy (as when it waits for a CPU on a loaded machine): the frame must not wait for it.
    busy = threading.Event()
    keeper._syncer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="session-sync")
    keeper._syncer.submit(busy.wait, 10)
    try:
        keeper.apply_and_show(lambda s: s.with_score("resistance", "trust", "p1", 4), lambda: None)
        assert fsyncs == [threading.current_thread().name]  # made here, once, before returning
        assert not path.with_name("s.toml.bak").exists()  # the .bak waits for the thread
        busy.set()
    finally:
        busy.set()
        keeper.close()
    assert fsyncs == [threading.current_thread().name]  # the thread did not make it again
    assert path.with_name("s.toml.bak").read_bytes() == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.toml", "s.toml.bak"]
