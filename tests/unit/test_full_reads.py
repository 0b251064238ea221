"""Files without a valid seal are read fully by worker processes: the same listing, only sooner."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from workshop_tui.core.model import Session
from workshop_tui.core.storage import full_reads, sessions
from workshop_tui.core.storage.headers import may_be_sealed
from workshop_tui.core.storage.listing import SessionListing, list_sessions
from workshop_tui.core.storage.seal import unsealed
from workshop_tui.core.storage.sessions import save_session

COUNT = 30
"""More than ``POOL_FROM``: the listing shares the files out among workers."""


@pytest.fixture
def unsealed_folder(small_session: Session, data_dir: Path) -> Path:
    """``COUNT`` sessions as another tool would write them (no seal), one broken, one hostile title."""
    folder = data_dir / "sessions"
    source = folder / "source.toml"
    save_session(small_session.with_score("resistance", "trust", "p1", 4), source)
    text = unsealed(source.read_bytes())
    source.unlink()
    for number in range(COUNT):
        copy = text.replace(f'id = "{small_session.id}"'.encode(), f'id = "s-{number:02d}"'.encode(), 1)
        title = f"Seminar {number:02d}" if number != 7 else "\\u001b]0;owned\\u0007 [red]x"
        copy = copy.replace(f'title = "{small_session.title}"'.encode(), f'title = "{title}"'.encode(), 1)
        (folder / f"s-{number:02d}.toml").write_bytes(copy)
    (folder / "s-03.toml").write_bytes(text.replace(b"schema_version = ", b"schema_version = 1\nx = ", 1))
    (folder / "s-11.toml").write_bytes(text[: len(text) // 2])
    assert full_reads.POOL_FROM <= COUNT
    return folder


def _two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(full_reads, "_cores", lambda: 2)


def _refuse_reads_here(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: Path) -> Session:
        raise AssertionError(f"{path} was read in the process that asked")

    monkeypatch.setattr(sessions, "load_session", refuse)


def _shown(listings: list[SessionListing]) -> list[tuple[str, object, list[str]]]:
    return [(x.path.name, x.summary, [p.text("en") for p in x.problems]) for x in listings]


def _serial(folder: Path, monkeypatch: pytest.MonkeyPatch) -> list[SessionListing]:
    with monkeypatch.context() as serial:
        serial.setattr(full_reads, "POOL_FROM", 10**9)
        listed = list_sessions(folder)
    for index in folder.glob(".workshop-index*"):
        index.unlink()
    return listed


def test_a_background_listing_reads_every_unsealed_file_in_workers_and_finds_what_a_serial_read_finds(
    unsealed_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    serial = _serial(unsealed_folder, monkeypatch)
    assert sum(1 for x in serial if x.problems) == 2 and all(x.summary for x in serial if not x.problems)
    _two_cores(monkeypatch)
    _refuse_reads_here(monkeypatch)
    assert _shown(list_sessions(unsealed_folder, background=True)) == _shown(serial)
    assert _shown(list_sessions(unsealed_folder)) == _shown(serial)  # from the index the workers filled


def test_a_listing_shares_the_files_with_a_worker_and_reads_its_own_part(
    unsealed_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    serial = _serial(unsealed_folder, monkeypatch)
    _two_cores(monkeypatch)
    read_here: list[Path] = []
    load = sessions.load_session

    def counted(path: Path) -> Session:
        read_here.append(path)
        return load(path)

    monkeypatch.setattr(sessions, "load_session", counted)
    assert _shown(list_sessions(unsealed_folder)) == _shown(serial)
    assert 0 < len(read_here) < COUNT  # the worker read the rest


def test_workers_that_cannot_start_or_die_part_way_leave_no_file_unread(
    unsealed_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    serial = _serial(unsealed_folder, monkeypatch)
    _two_cores(monkeypatch)
    with monkeypatch.context() as nowhere:
        nowhere.setattr(sys, "executable", str(unsealed_folder / "no-such-python"))
        assert _shown(list_sessions(unsealed_folder, background=True)) == _shown(serial)
    for index in unsealed_folder.glob(".workshop-index*"):
        index.unlink()
    start = full_reads._start

    def dies_after_one(paths: list[Path]) -> object:
        started = start(paths[:1])  # answers for its first file, then ends
        assert started is not None
        return started[0], started[1]

    monkeypatch.setattr(full_reads, "_start", dies_after_one)
    assert _shown(list_sessions(unsealed_folder, background=True)) == _shown(serial)


def test_a_worker_is_never_a_module_from_the_folder_the_app_started_in(tmp_path: Path) -> None:
    fake = tmp_path / "workshop_tui"
    fake.mkdir()
    (fake / "__init__.py").write_text("raise SystemExit(3)\n")
    worker = subprocess.run(
        [sys.executable, "-P", "-m", full_reads.__name__],
        input=b"[]",
        cwd=tmp_path,
        capture_output=True,
        check=False,
    )
    assert worker.returncode == 0, worker.stderr


def test_only_a_file_that_begins_as_a_seal_is_checked_for_one(small_session: Session, tmp_path: Path) -> None:
    sealed = tmp_path / "sealed.toml"
    save_session(small_session, sealed)
    plain = tmp_path / "plain.toml"
    plain.write_bytes(unsealed(sealed.read_bytes()))
    pipe = tmp_path / "pipe.toml"
    os.mkfifo(pipe)  # opening it for reading must not wait for a writer
    assert may_be_sealed(sealed) and not may_be_sealed(plain)
    assert may_be_sealed(pipe) and may_be_sealed(tmp_path / "missing.toml")  # the full read says why


def test_a_listing_given_up_half_way_leaves_no_worker_reading_on(
    unsealed_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _two_cores(monkeypatch)
    started: list[subprocess.Popen[bytes]] = []
    start = full_reads._start

    def kept(paths: list[Path]) -> object:
        worker = start(paths)
        assert worker is not None
        started.append(worker[0])
        return worker

    monkeypatch.setattr(full_reads, "_start", kept)
    reads = full_reads.read_all(sorted(unsealed_folder.glob("*.toml")))
    next(reads)  # the first file read here; the worker reads its share
    reads.close()
    assert len(started) == 1 and started[0].returncode is not None


@pytest.mark.parametrize("cores", [1, 2])
def test_a_listing_told_to_stop_stops_reading_and_keeps_what_it_read(
    unsealed_folder: Path, monkeypatch: pytest.MonkeyPatch, cores: int
) -> None:
    monkeypatch.setattr(full_reads, "_cores", lambda: cores)
    asked: list[int] = []

    def stop() -> bool:  # an app that quits after the third file read here
        asked.append(1)
        return len(asked) > 3

    listed = list_sessions(unsealed_folder, stop=stop)
    assert len(listed) == 3
    started = sessions.load_session

    def counted(path: Path) -> Session:
        read.append(path.name)
        return started(path)

    read: list[str] = []
    monkeypatch.setattr(full_reads, "POOL_FROM", 10**9)
    monkeypatch.setattr(sessions, "load_session", counted)
    assert len(list_sessions(unsealed_folder)) == COUNT
    assert len(read) == COUNT - 3  # the three read before the stop came from the index
