"""`workshop present` and a side file nobody writes any more: noticed by its heartbeat, and said."""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path

from textual.widgets import Digits

from workshop_tui.core.storage.live import (
    HEARTBEAT_SECONDS,
    Live,
    LiveTimer,
    live_path,
    read_live,
    write_live,
)
from workshop_tui.tui.live_writer import LiveWriter
from workshop_tui.tui.present import PresentApp
from workshop_tui.tui.present_follow import STALE_SECONDS, left_behind
from workshop_tui.tui.voting_board import VoteBoard

from .conftest import SIZE, until
from .test_present import BOARD, FOLLOWS, _wall


def _left_on(room: Path, host: str, beat: float) -> None:
    """The side file as another main app left it: its computer's name and its last heartbeat."""
    write_live(room, Live("resistance", "da", LiveTimer(left=42, running=True), BOARD))
    data = json.loads(live_path(room).read_text(encoding="utf-8"))
    live_path(room).write_text(
        json.dumps({**data, "pid": 4242, "host": host, "beat": beat}), encoding="utf-8"
    )


async def test_a_side_file_left_in_a_synced_folder_by_another_computer_is_not_followed_and_the_wall_says_so(
    room: Path,
) -> None:
    _left_on(room, "kontor-pc", time.time() - 3 * 3600)  # three hours ago, on the office computer
    app = PresentApp(room, lang="da")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)
        status = _wall(app)[2]
        assert "skrives ikke længere" in status and "kontor-pc" in status and "4242" in status
        assert not app.screen.query_one("#proj-vote", VoteBoard).display  # its QR code is not live
        assert str(app.screen.query_one("#proj-timer", Digits).value) == ""  # nor its timer
        # The main app here opens the session and writes the side file: followed again at once.
        write_live(room, Live("resistance", "da", LiveTimer(left=42, running=True), BOARD))
        await until(pilot, lambda: app.screen.query_one("#proj-vote", VoteBoard).display, FOLLOWS)
        assert _wall(app)[2] == ""


async def test_another_computer_s_side_file_that_stops_being_renewed_is_noticed(room: Path) -> None:
    _left_on(room, "kontor-pc", time.time())  # fresh (its clock may differ from ours)
    app = PresentApp(room, lang="da")
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.screen.query_one("#proj-vote", VoteBoard).display, FOLLOWS)
        assert _wall(app)[2] == ""  # written a moment ago: followed
        beat, _ = app.follower._beat  # noqa: SLF001 - as if seen this long ago, never renewed since
        app.follower._beat = (beat, time.monotonic() - STALE_SECONDS - 1)  # noqa: SLF001
        await until(pilot, lambda: "skrives ikke længere" in _wall(app)[2], FOLLOWS)


def test_left_behind_by_heartbeat_host_and_clock() -> None:
    here, now = "laptop", 1_800_000_000.0
    fresh = Live("x", "da", pid=1, host=here, beat=now - 4)
    assert not left_behind(fresh, 0, now, here)
    assert left_behind(Live("x", "da", pid=1, host=here, beat=now - STALE_SECONDS - 1), 0, now, here)
    assert not left_behind(Live("x", "da", pid=1, host=here), 99, now, here)  # no heartbeat: pid only
    other = Live("x", "da", pid=1, host="kontor-pc", beat=now - 120)  # a clock two minutes off
    assert not left_behind(other, 3, now, here)
    assert left_behind(other, STALE_SECONDS + 1, now, here)  # but not renewed for too long here


def test_the_main_app_renews_its_side_file_every_few_seconds_once_written(tmp_path: Path) -> None:
    session = tmp_path / "s.toml"
    writer = LiveWriter(session, enabled=True)
    writer.heartbeat()
    assert not live_path(session).exists()  # nothing written yet: still nothing
    writer.note(Live("resistance", "da"))
    first = read_live(session)
    assert first is not None and first.host == socket.gethostname() and first.beat > 0
    time.sleep(0.01)
    writer.heartbeat()
    assert read_live(session).beat == first.beat  # type: ignore[union-attr]  # not yet due
    writer._wrote_at -= HEARTBEAT_SECONDS  # noqa: SLF001 - as if written that long ago
    writer.heartbeat()
    assert read_live(session).beat > first.beat  # type: ignore[union-attr]
