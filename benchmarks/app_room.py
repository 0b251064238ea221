"""What the room load benchmarks share: the app headless with voting open, a watch on its
event loop, and the room played by a second process.

``voting_load`` (phones scoring) and ``writing_load`` (scribes writing, open answers) run
the same app the same way (``room_app``); only what their room does differs. The app's
modules are imported when the app is made, not here, so the room process, which imports
this, does not load them.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
import time
from collections.abc import Coroutine
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.pilot import Pilot

    from workshop_tui.tui.app import WorkshopApp
    from workshop_tui.tui.screens.session import SessionScreen
    from workshop_tui.tui.voting_link import VotingInfo

ROOM_SECONDS = 60
"""The longest a room process may take (it is killed by ``wait_for`` after that)."""
TICK = 0.005
"""How often the loop watch wakes: a later wake-up is a stall of the app's event loop."""


def quantile(values: list[float], q: float) -> float:
    """The ``q`` quantile (nearest rank) of ``values``; NaN for none."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


class LoopWatch:
    """How late the app's event loop runs a task that asks to wake every ``TICK``.

    Each delay is a time the screen could not answer a key; ``start`` and ``stop`` bracket
    what is measured (several times, if the benchmark leaves out a step between).
    """

    def __init__(self) -> None:
        self.stalls: list[float] = []
        self._task: asyncio.Task[None] | None = None
        self._running = False

    def start(self) -> None:
        """Start watching (on the running loop)."""
        self._running = True
        self._task = asyncio.create_task(self._tick())

    async def stop(self) -> None:
        """Stop watching; the stalls so far stay in ``stalls``."""
        self._running = False
        if self._task is not None:
            await self._task
            self._task = None

    async def _tick(self) -> None:
        while self._running:
            started = time.perf_counter()
            await asyncio.sleep(TICK)
            self.stalls.append(time.perf_counter() - started - TICK)

    def figures(self) -> dict[str, float]:
        """The longest stall and the 99th percentile, in seconds, as the reports print them."""
        return {"stall_max": max(self.stalls), "stall_p99": quantile(self.stalls, 0.99)}


def room_app(
    title: str, session_id: str, exercises: list[str], devices: int, groups: list[str]
) -> tuple[WorkshopApp, Path]:
    """A new session of the built-in ``exercises`` with ``devices`` anonymous participants, saved in
    the data folder, and the app (Danish, no clock) opened on it with voting for as many devices on
    127.0.0.1, at any free port; the session's file is returned to read back what the room sent."""
    from workshop_tui.core.storage.library import load_library
    from workshop_tui.core.storage.sessions import new_session, save_session, session_path
    from workshop_tui.tui.app import make_app
    from workshop_tui.tui.settings import Settings
    from workshop_tui.voting.network import VotingOptions

    library = load_library()
    session = new_session(
        title=title,
        date="2026-12-02",
        exercises=[library.exercises[exercise] for exercise in exercises],
        participants=devices,
        groups=groups,
        timestamp="2026-12-02T09:00:00+00:00",
        session_id=session_id,
    )
    path = session_path(session)
    save_session(session, path)
    options = VotingOptions(host="127.0.0.1", port=0, max_participants=devices)
    app = make_app(
        lang="da", session_path=path, settings=Settings(lang="da"), show_clock=False, voting=options
    )
    return app, path


async def open_voting(pilot: Pilot[Any], screen: SessionScreen, exercise_id: str) -> VotingInfo:
    """Go to the exercise, open voting (F10) and hide the panel, so the exercise stays in view."""
    screen.go_to(exercise_id)
    await pilot.press("f10")
    await pilot.pause()
    await pilot.press("escape")
    info = screen.voting.info()
    assert info is not None, "voting did not open"
    return info


async def room_process(module: str, *args: str) -> Any:
    """Run ``python -m module args`` (a room) and return what it prints, read as JSON."""
    child = await asyncio.create_subprocess_exec(
        sys.executable, "-m", module, *args, stdout=asyncio.subprocess.PIPE
    )
    out, _ = await asyncio.wait_for(child.communicate(), ROOM_SECONDS)
    return json.loads(out)


def play_room(url: str, room: Coroutine[Any, Any, Any]) -> None:
    """The room process: play ``room`` against ``url`` (127.0.0.1 only) and print what it did as JSON."""
    if not url.startswith("http://127.0.0.1:"):
        room.close()
        raise SystemExit("the room only ever talks to 127.0.0.1")
    print(json.dumps(asyncio.run(asyncio.wait_for(room, ROOM_SECONDS))))


def run_in_scratch(app_run: Coroutine[Any, Any, dict[str, Any]]) -> tuple[dict[str, Any], list[str]]:
    """Run the app's side in a fresh data folder; its result and the errors the server logged."""
    with tempfile.TemporaryDirectory() as data:
        os.environ["WORKSHOP_TUI_DATA_DIR"] = data
        result = asyncio.run(app_run)
        log = Path(data) / "logs" / "voting.log"
        errors = [line for line in log.read_text().splitlines() if "ERROR" in line] if log.exists() else []
    return result, errors


def stall_line(result: dict[str, Any], note: str) -> str:
    """The report's line on event-loop stalls (``LoopWatch.figures``), with ``note`` in brackets."""
    return (
        f"event-loop stall        longest {result['stall_max'] * 1000:.1f} ms   "
        f"p99 {result['stall_p99'] * 1000:.1f} ms   ({note})"
    )


def latency_line(label: str, values: list[float]) -> str:
    """The report's line on ``values`` (ms) after ``label``: p50, p95, max and the p95 target of 50 ms."""
    p95 = quantile(values, 0.95)
    return (
        f"{label} p50 {quantile(values, 0.5):.1f} ms   p95 {p95:.1f} ms   "
        f"max {max(values):.1f} ms   (target p95 <= 50 ms: {'ok' if p95 <= 50 else 'MISSED'})"
    )


def errors_line(errors: list[str]) -> str | None:
    """The report's line on the server's logged errors, if any."""
    return f"server errors logged    {len(errors)}: {errors[0][:120]}" if errors else None
