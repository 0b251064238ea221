"""The wall's side file and the running marker: written whole, read as untrusted, newer ones refused."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from workshop_tui.core.model import Session
from workshop_tui.core.results.figures import answered, answered_marks
from workshop_tui.core.storage.live import (
    LIVE_VERSION,
    MAX_LIVE_BYTES,
    Live,
    LiveProblem,
    LiveTimer,
    LiveVoting,
    clear_running,
    live_path,
    mark_running,
    read_live,
    read_running,
    remove_live,
    running_path,
    write_live,
    writer_gone,
)

FIELD = "present.problem.field"
BOARD = LiveVoting(
    "http://127.0.0.1:8780", "http://127.0.0.1:8780/#c=123456", "123456", True, 3, 2, 1, 14, 60
)


def test_a_side_file_reads_back_as_written_beside_the_session_and_is_never_a_session(tmp_path: Path) -> None:
    session = tmp_path / "s.toml"
    assert read_live(session) is None  # no main app runs it
    live = Live("kkc", "en", LiveTimer(left=61, running=True), BOARD)
    write_live(session, live)
    assert live_path(session).parent == tmp_path and live_path(session).suffix == ".json"
    assert read_live(session) == replace(live, pid=os.getpid(), host=socket.gethostname())
    assert [p.name for p in tmp_path.iterdir()] == ["s.toml.live.json"]  # no temp or backup left
    remove_live(session)
    assert read_live(session) is None


@pytest.mark.parametrize(
    ("content", "key"),
    [
        ("{not json", "present.problem.not_live"),
        ("[1, 2]", "present.problem.not_live"),
        ('{"exercise": "x"}', "present.problem.not_live"),
        (
            json.dumps({"live_version": LIVE_VERSION + 1, "exercise": "x", "lang": "da"}),
            "present.problem.newer",
        ),
        (json.dumps({"live_version": 1, "exercise": 3, "lang": "da"}), FIELD),
        (
            json.dumps({"live_version": 1, "exercise": "x", "lang": "da", "timer": {"left": -1}}),
            "present.problem.field",
        ),
        (
            json.dumps({"live_version": 1, "exercise": "x", "lang": "da", "voting": "yes"}),
            "present.problem.field",
        ),
        (json.dumps({"live_version": 1, "exercise": "x" * 5000, "lang": "da"}), FIELD),
        ("{" + " " * (MAX_LIVE_BYTES + 10) + "}", "present.problem.not_live"),
    ],
)
def test_a_damaged_hostile_or_newer_side_file_is_refused_with_its_reason(
    tmp_path: Path, content: str, key: str
) -> None:
    session = tmp_path / "s.toml"
    live_path(session).write_text(content, encoding="utf-8")
    with pytest.raises(LiveProblem) as raised:
        read_live(session)
    assert raised.value.key == key
    assert raised.value.values["file"] == "s.toml.live.json"


def test_the_running_marker_names_the_open_session_and_only_its_process_removes_it(
    data_dir: Path,
) -> None:
    first, second = data_dir / "sessions" / "a.toml", data_dir / "sessions" / "b.toml"
    assert read_running() is None
    mark_running(first)
    assert read_running() == first.resolve()
    clear_running(second)  # not the session it names: left alone
    assert read_running() == first.resolve()
    data = json.loads(running_path().read_text(encoding="utf-8"))
    running_path().write_text(json.dumps({**data, "pid": os.getppid()}), encoding="utf-8")
    clear_running(first)  # another process's marker: left alone
    assert read_running() == first.resolve()
    mark_running(second)
    clear_running(second)
    assert read_running() is None
    running_path().write_text("\x00garbage", encoding="utf-8")
    assert read_running() is None  # an unusable marker: nothing to follow, no crash


def test_answered_marks_are_one_per_person_in_the_room_answered_first_and_count_as_answered(
    small_session: Session,
) -> None:
    exercise = small_session.exercise("resistance")
    item = exercise.scored_items[0].id
    people = [p.id for p in small_session.participants]
    session = small_session.with_score("resistance", item, people[-1], 3)
    marks = answered_marks(session, "resistance")
    assert marks == (True,) + (False,) * (len(people) - 1)  # the last person answered: shown first, unnamed
    assert answered(session, "resistance") == (1, len(people))
    tallied = session.with_mode("resistance", "tally").with_tally("resistance", item, 2, 2)
    assert answered_marks(tallied, "resistance") == (True, True) + (False,) * (len(people) - 2)


def _ended_pid() -> int:
    """The id of a process that has just ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_side_file_or_marker_left_by_a_killed_main_app_is_known_as_such(data_dir: Path) -> None:
    session = data_dir / "sessions" / "s.toml"
    write_live(session, Live("kkc", "da"))
    live = read_live(session)
    assert live is not None and live.pid == os.getpid() and not writer_gone(live.pid, live.host)
    assert writer_gone(_ended_pid(), live.host)
    assert not writer_gone(_ended_pid(), "another-computer")  # cannot be checked from here: trusted
    mark_running(session)
    data = json.loads(running_path().read_text(encoding="utf-8"))
    running_path().write_text(json.dumps({**data, "pid": _ended_pid()}), encoding="utf-8")
    assert read_running() is None


def test_the_writing_mode_reads_back_and_an_older_file_without_it_is_not_writing(tmp_path: Path) -> None:
    """The board says whether the groups write on their phones ("group", "open"): the second window
    showed "Scan to vote" under a sheet being written. A file without the key (an earlier
    version) reads as not writing; a value that is none of the modes is refused."""
    session = tmp_path / "s.toml"
    write_live(session, Live("sheet-42", "da", None, replace(BOARD, writing="group")))
    live = read_live(session)
    assert live is not None and live.voting is not None and live.voting.writing == "group"
    data = json.loads(live_path(session).read_text(encoding="utf-8"))
    del data["voting"]["writing"]
    live_path(session).write_text(json.dumps(data), encoding="utf-8")
    live = read_live(session)
    assert live is not None and live.voting is not None and live.voting.writing == ""
    data["voting"]["writing"] = "<script>"
    live_path(session).write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LiveProblem):
        read_live(session)


def test_ctrl_l_reads_back_and_an_older_file_without_it_is_off(tmp_path: Path) -> None:
    session = tmp_path / "s.toml"
    write_live(session, Live("kkc", "da", None, None, last=True))
    live = read_live(session)
    assert live is not None and live.last
    data = json.loads(live_path(session).read_text(encoding="utf-8"))
    del data["last"]
    live_path(session).write_text(json.dumps(data), encoding="utf-8")
    live = read_live(session)
    assert live is not None and not live.last
    data["last"] = "yes"
    live_path(session).write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LiveProblem):
        read_live(session)
