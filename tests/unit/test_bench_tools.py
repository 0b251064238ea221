"""The benchmark's own instruments: a settled screen counts a second repaint, and a rename is seen."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.renames import RenameWatch
from benchmarks.terminal import SYNC_QUERY, SYNC_REPLY, Terminal

PAINTS = """
import os, sys, time
os.write(1, b"a" * {first})
time.sleep({gap})
os.write(1, b"b" * 3000)
time.sleep(30)
"""


def test_a_screen_drawn_again_within_the_quiet_time_settles_after_the_second_drawing() -> None:
    with Terminal([sys.executable, "-c", PAINTS.format(first=3000, gap=0.1)]) as term:
        at = term.settled(quiet=1.0, timeout=30)
        assert b"b" * 3000 in term.output
        assert at - term.started >= 0.1
        assert term.cpu_seconds() >= 0


def test_a_screen_is_not_settled_before_its_first_two_kilobytes() -> None:
    with Terminal([sys.executable, "-c", PAINTS.format(first=500, gap=0.4)]) as term:
        at = term.settled(quiet=0.15, timeout=30)
        assert b"b" * 3000 in term.output
        assert at - term.started >= 0.4


ASKS = """
import os, sys, termios, tty
tty.setraw(0)
os.write(1, b"x" * 2100 + b"\\x1b[?2026$p")
reply = os.read(0, 64)
os.write(1, b"got " + reply.replace(b"\\x1b", b"ESC"))
import time; time.sleep(30)
"""


def test_the_terminal_says_it_has_synchronized_output() -> None:
    with Terminal([sys.executable, "-c", ASKS]) as term:
        deadline = time.monotonic() + 30
        while b"got " not in term.output and time.monotonic() < deadline:
            term.pump(0.1)
    assert SYNC_QUERY in term.output and b"got " + SYNC_REPLY.replace(b"\x1b", b"ESC") in term.output


def test_a_rename_into_the_folder_is_seen_by_name(tmp_path: Path) -> None:
    watch = RenameWatch(tmp_path)
    try:
        watch.renamed("s.toml")  # polling starts from what is there
        (tmp_path / "other.tmp").write_text("x")
        os.replace(tmp_path / "other.tmp", tmp_path / "other.toml")
        assert watch.renamed("s.toml") is None
        (tmp_path / "s.tmp").write_text("new")
        os.replace(tmp_path / "s.tmp", tmp_path / "s.toml")
        assert watch.renamed("s.toml") is not None
        assert watch.renamed("s.toml") is None, "each rename is reported once"
    finally:
        watch.close()


def test_a_rename_is_timed_when_it_happens_even_while_the_loop_is_busy(tmp_path: Path) -> None:
    """The benchmark's loop feeds whole frames to its screen; a rename meanwhile keeps its own time."""
    watch = RenameWatch(tmp_path)
    if not watch.exact:
        watch.close()
        pytest.skip("renames are polled here (no inotify): timed when asked")
    try:
        (tmp_path / "s.tmp").write_text("new")
        os.replace(tmp_path / "s.tmp", tmp_path / "s.toml")
        done = time.perf_counter()
        busy_until = done + 0.5
        while time.perf_counter() < busy_until:  # as when feeding a frame: the loop asks later
            pass
        seen = watch.renamed("s.toml")
        assert seen is not None and seen < busy_until - 0.1, (seen, done, busy_until)
    finally:
        watch.close()


HALF_FRAME = """
import os, time
os.write(1, b"x" * 10 + b"\\x1b[?2026h" + b"hello")
time.sleep(0.4)
os.write(1, b"\\x1b[?2026l")
time.sleep(30)
"""


def test_a_frame_is_shown_and_timed_only_once_it_has_ended() -> None:
    """The screen is fed whole frames: the slow feeding never delays reading a frame's end."""
    with Terminal([sys.executable, "-c", HALF_FRAME]) as term:
        watch = term.watch(lambda screen: screen.find("hello") is not None)
        deadline = time.monotonic() + 30
        while b"hello" not in term.output and time.monotonic() < deadline:
            term.pump(0.1)
        assert term.synchronized
        assert watch.shown() is None and term.screen.find("hello") is None  # its frame is still open
        while (at := watch.shown()) is None and time.monotonic() < deadline:
            term.pump(0.1)
        assert at is not None and at - term.started >= 0.4
        assert term.screen.find("hello") is not None


SPLIT_END = """
import os, time
os.write(1, b"\\x1b[?2026h" + b"hello" + b"\\x1b[?20")
time.sleep(0.4)
os.write(1, b"26l")
time.sleep(30)
"""


def test_a_frame_whose_end_marker_is_split_between_two_reads_still_ends() -> None:
    """A large frame comes in many reads; its end marker split between two was never seen (key 'lost')."""
    with Terminal([sys.executable, "-c", SPLIT_END]) as term:
        watch = term.watch(lambda screen: screen.find("hello") is not None)
        deadline = time.monotonic() + 30
        while b"26l" not in term.output and time.monotonic() < deadline:
            term.pump(0.1)
        assert len(term.chunks) >= 2  # the marker's two halves were read apart
        at = watch.shown()
        assert at is not None and at - term.started >= 0.4
        assert term.screen.find("hello") is not None


def test_the_wall_follow_times_a_save_to_a_frame_whose_end_marker_was_split() -> None:
    """present_follow: a save is timed to the end of the next frame, even one ending across two reads."""
    from benchmarks.present_follow import _latencies

    with Terminal([sys.executable, "-c", SPLIT_END]) as term:
        saved = time.perf_counter()
        deadline = time.monotonic() + 30
        while b"26l" not in term.output and time.monotonic() < deadline:
            term.pump(0.1)
        assert len(term.chunks) >= 2  # the marker's two halves were read apart
        latencies = _latencies([saved], term)
        assert len(latencies) == 1 and latencies[0] >= 0.4  # the frame's end, in the second read


async def test_the_lines_reference_redraws_the_row_a_digit_changed() -> None:
    from benchmarks.bare_app import LinesApp

    app = LinesApp()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("3", "4", "down", "home", "5")
        first = str(app.query_one("#i0").render())
        second = str(app.query_one("#i1").render())
        assert first.split()[2:5] == ["3", "4", "·"] and second.split()[2:4] == ["5", "·"]


def test_the_disk_floor_is_timed_until_its_rename_is_seen_as_a_keys_save_is(tmp_path: Path) -> None:
    from benchmarks.keys import FLOOR, disk_floor

    path = tmp_path / "s.toml"
    path.write_bytes(b"x" * 100_000)
    watch = RenameWatch(tmp_path)
    try:
        watch.renamed("s.toml")  # (nothing yet)
        seen, durable = disk_floor(path, watch)
        assert watch.renamed(FLOOR) is None  # taken by the floor: not left for the next key
    finally:
        watch.close()
    assert seen > 0 and durable > 0
    assert (tmp_path / FLOOR).stat().st_size == path.stat().st_size
    assert sorted(p.name for p in tmp_path.iterdir()) == [FLOOR, "s.toml"]  # no temp file left


def test_a_key_trace_gives_each_step_its_first_time_after_the_key(tmp_path: Path) -> None:
    from benchmarks.key_trace import _timelines

    trace = tmp_path / "trace.txt"
    trace.write_text(
        "10.0001 read '3'\n10.0010 key WorkshopApp 3\n10.0030 atomic>\n10.0060 atomic<\n"
        "10.0100 frame>\n10.0120 flushed\n10.0500 frame>\n"
        "11.0002 read '4'\n11.0040 gc0-start\n11.0050 frame>\n",
        encoding="utf-8",
    )
    empty, first, second = _timelines(trace, [9.0, 10.0, 11.0])  # each key sent, the first too
    assert empty == {}
    assert first == pytest.approx(
        {"read": 0.1, "key WorkshopApp": 1.0, "atomic>": 3.0, "atomic<": 6.0, "frame>": 10.0, "flushed": 12.0}
    )
    assert second == pytest.approx({"read": 0.2, "gc": 4.0, "frame>": 5.0})


def test_the_listing_benchmark_also_times_files_another_tool_wrote(tmp_path: Path) -> None:
    """A checker's 1,000 fresh files may come from tomli-w: no seal, so the list reads them fully."""
    from benchmarks.listing import KINDS, fresh_folder
    from workshop_tui.core.storage.listing import list_sessions, read_sealed
    from workshop_tui.core.storage.sessions import load_session

    assert KINDS[" tomli-w files"] == (False, True)
    files = sorted((fresh_folder(tmp_path / "data", count=2, tool=True) / "sessions").glob("*.toml"))
    assert [load_session(path).id for path in files] == ["seminar-0000", "seminar-0001"]
    assert not files[0].read_bytes().startswith(b"# workshop-tui:")
    assert all(read_sealed(path) is None for path in files)
    sealed = sorted((fresh_folder(tmp_path / "mine", count=1) / "sessions").glob("*.toml"))
    assert read_sealed(sealed[0]) is not None
    mine = read_sealed(sealed[0])
    listed = [entry.summary for entry in list_sessions(files[0].parent)]
    assert mine is not None and [s.progress if s else None for s in listed] == [mine.progress] * 2


def test_a_reference_app_that_never_shows_a_key_is_counted_not_raised(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The full run crashed when the bare DataTable lost a key: now the key has no time, and that is said."""
    from benchmarks import keys

    monkeypatch.setattr(keys, "KEY_TIMEOUT", 0.3)
    with Terminal([sys.executable, "-c", "import time; time.sleep(30)"]) as term:
        assert keys._reference_key(term, "3", 0, 0) is None
    times = keys.KeyTimes(bare_lost=2)
    assert times.lost() == "bare DataTable: 2 keys without a time"


def test_the_busy_loops_of_a_slow_hour_end_with_the_run() -> None:
    """``benchmarks.keys --busy``: the loops that slow the machine end with the run, even a failed one."""
    from benchmarks import keys

    with pytest.raises(RuntimeError), keys.busy_loops(1) as loops:
        assert len(loops) == 1 and loops[0].poll() is None
        raise RuntimeError("the run failed")
    assert loops[0].poll() is not None


def test_the_floor_made_by_another_process_is_timed_until_the_same_thread_sees_it(tmp_path: Path) -> None:
    from benchmarks.floor_handoff import NAME, HandoffFloor

    path = tmp_path / "s.toml"
    path.write_bytes(b"x" * 100_000)
    watch = RenameWatch(tmp_path)
    floor = HandoffFloor(path)
    try:
        times = [floor.replace(watch), floor.replace(watch)]
        assert watch.renamed(NAME) is None  # taken: not left for the next key
    finally:
        floor.close()
        watch.close()
    assert all(0 < ms < 10_000 for ms in times)
    assert floor._helper.poll() is not None  # ended with close
    assert (tmp_path / NAME).stat().st_size == path.stat().st_size
    assert sorted(p.name for p in tmp_path.iterdir()) == [NAME, "s.toml"]  # no temp file left


TRACED_SAVE = """
import sys
from pathlib import Path
from benchmarks.key_trace import _install
log = []
_install(log)  # wraps every step by name: a name a refactor took away fails here
from benchmarks.large_session import large_session, write_session
from workshop_tui.core.keeper import SessionKeeper
session = large_session(participants=4, session_id="traced")
path = write_session(session, Path(sys.argv[1]) / "traced.toml")
keeper = SessionKeeper(session, path)
keeper.prepare()
exercise = session.exercise("kkc-indicators")
item = exercise.scored_items[0].id
for score in (2, 3):
    keeper.apply_and_show(lambda s: s.with_score(exercise.id, item, "p1", score), lambda: None)
keeper.close()
print(" ".join(sorted({what for _, what in log})))
"""


def test_the_key_trace_wraps_the_steps_a_save_takes_today(tmp_path: Path) -> None:
    """``benchmarks.key_trace`` wraps functions by name; one taken away by a refactor (``writer.sealed``,
    made ``ChunkedSeal.sealed``) stopped it at start, and one no longer on a save's path would leave
    its step silently empty. Two score saves through the keeper, traced: each save step is noted."""
    done = subprocess.run(
        [sys.executable, "-c", TRACED_SAVE, str(tmp_path)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    noted = set(done.stdout.split())
    save_steps = ["apply>", "write>", "answers>", "progress>", "seal>", "seal<", "atomic>", "fsync>"]
    assert [step for step in [*save_steps, "fsync<", "atomic<", "sync<"] if step not in noted] == []


def test_a_first_keys_gaps_count_the_steps_only_it_takes() -> None:
    """The first save names its temporary file and links the ``.bak`` between its fsync and its
    rename: the gaps table shows those steps apart instead of folding them into the rename."""
    from benchmarks.key_trace import _gaps

    first = {"read": 0.2, "fsync>": 1.5, "fsync<": 2.5, "name<": 2.7, "link<": 2.8, "atomic<": 2.9}
    first |= {"live>": 11.0, "flushed": 7.0}  # the wall's side file after the frame: off the key's path
    later = {"read": 0.2, "key ScoreGrid": 9.0, "fsync>": 1.5, "fsync<": 2.4, "atomic<": 2.6}
    assert _gaps(first) == pytest.approx(
        {"fsync>": 1.3, "fsync<": 1.0, "name<": 0.2, "link<": 0.1, "atomic<": 0.1, "flushed": 4.1}
    )
    assert _gaps(later) == pytest.approx({"fsync>": 1.3, "fsync<": 0.9, "atomic<": 0.2})
