"""Cold starts in a real pseudo-terminal, the home screen with 1,000 sessions, and peak memory.

A start is timed from launching the process to the frame that shows the first interactive
screen: the bare app's table, the home screen's list of sessions, or the grid of an opened
session. Every kind of start is repeated, interleaved with the others, so a slow moment of
the machine does not fall on one kind only.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from benchmarks.large_session import large_session, write_session
from benchmarks.terminal import Terminal, workshop_command
from workshop_tui.core.storage.listing import INDEX_NAME, list_sessions
from workshop_tui.core.storage.locations import builtin_sessions_dir
from workshop_tui.core.storage.session_codec import session_to_dict
from workshop_tui.core.storage.sessions import DEMO_FILE, load_session
from workshop_tui.core.storage.tomlio import dumps

BARE = [sys.executable, str(Path(__file__).with_name("bare_app.py"))]


def cold_start(argv: list[str], shown: str, env: dict[str, str] | None = None) -> float:
    """Milliseconds from launch to the frame that shows ``shown``."""
    with Terminal(argv, env=env) as term:
        at = term.wait_for_text(shown, timeout=60)
        return (at - term.started) * 1000


def seminar_folder(data: Path, count: int) -> Path:
    """A data dir with ``count`` complete seminars (copies of the demo under their own ids and titles)."""
    folder = data / "sessions"
    folder.mkdir(parents=True, exist_ok=True)
    demo = load_session(builtin_sessions_dir() / DEMO_FILE)
    text = dumps(session_to_dict(demo))
    for number in range(1, count + 1):
        copy = text.replace(f'id = "{demo.id}"', f'id = "seminar-{number:04d}"', 1)
        copy = copy.replace(f'title = "{demo.title}"', f'title = "Seminar {number:04d}"', 1)
        (folder / f"seminar-{number:04d}.toml").write_text(copy, encoding="utf-8")
    return data


def start_times(work: Path, runs: int) -> dict[str, list[float]]:
    """Every cold start, ``runs`` times each, interleaved."""
    one = seminar_folder(work / "one", 1)
    many = seminar_folder(work / "many", 1000)
    list_sessions(many / "sessions")  # the index a facilitator's folder has after its first listing
    big = write_session(large_session(session_id="big"), work / "big" / "sessions" / "big.toml")
    index = many / "sessions" / INDEX_NAME
    saved_index = index.read_bytes()
    starts: dict[str, list[float]] = {}

    def home(data: Path) -> float:
        return cold_start(workshop_command("--lang", "da"), "Seminar 0", {"WORKSHOP_TUI_DATA_DIR": str(data)})

    for _ in range(runs):
        starts.setdefault("bare", []).append(cold_start(BARE, "Reference 1"))
        starts.setdefault("home_1", []).append(home(one))
        starts.setdefault("home_1000", []).append(home(many))
        index.unlink()
        starts.setdefault("home_1000_first", []).append(home(many))
        index.write_bytes(saved_index)
        argv = workshop_command("--lang", "da", "open", str(big))
        starts.setdefault("open_big", []).append(
            cold_start(argv, "P6 ", {"WORKSHOP_TUI_DATA_DIR": str(big.parent.parent)})
        )
    return starts


def first_listing_complete(work: Path) -> float:
    """Milliseconds until a folder of 1,000 sessions without an index is fully validated and shown."""
    many = work / "many"
    (many / "sessions" / INDEX_NAME).unlink(missing_ok=True)
    with Terminal(workshop_command("--lang", "da"), env={"WORKSHOP_TUI_DATA_DIR": str(many)}) as term:
        at = term.wait_for_text("9/9", timeout=120)
        return (at - term.started) * 1000


def peak_memory(work: Path) -> float:
    """MiB: the most memory ``workshop open`` held while going through the whole large seminar.

    It visits every exercise of the programme, shows each on the projector and goes back,
    then reads the process's high-water mark of resident memory (VmHWM, Linux).
    """
    path = write_session(large_session(session_id="memory"), work / "memory" / "sessions" / "memory.toml")
    env = {"WORKSHOP_TUI_DATA_DIR": str(path.parent.parent)}
    with Terminal(workshop_command("--lang", "da", "open", str(path)), env=env) as term:
        term.wait_for_text("P6 ")
        for _ in range(len(large_session().agenda)):
            for key in (b"\x1bOQ", b"\x1b", b"\x0e"):  # F2 projector, Esc back, Ctrl+N next
                term.send(key)
                term.settle(0.25)
        time.sleep(0.2)
        assert term.process is not None
        status = Path(f"/proc/{term.process.pid}/status").read_text()
    line = next(x for x in status.splitlines() if x.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024
