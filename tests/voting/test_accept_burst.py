"""A burst of connections queued while the app was busy never takes more files than the cap allows.

asyncio accepts up to ``backlog`` queued connections in one go, before the guard sees any of
them. With the backlog at 1024, forty phones (or idle sockets) queued while the app drew a
frame became forty open files at once, over a low file limit, and a save made in that moment
failed with "Too many open files" (seen once in ``test_hostile`` under load).
"""

from __future__ import annotations

import asyncio
import os
import socket
import threading
import time
from pathlib import Path

import pytest

from workshop_tui.core.keeper import SessionKeeper
from workshop_tui.voting.desk import Desk
from workshop_tui.voting.limits import Limits
from workshop_tui.voting.roll import Roll
from workshop_tui.voting.server import VotingServer
from workshop_tui.voting.sink import KeeperSink

from .conftest import CODE

QUEUED = 40
"""Connections waiting in the listening socket's queue when the app looks again."""
MOST = 6
"""The server's connection cap in this test (a low file limit's)."""


def _open_files() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts open files in /proc")
async def test_queued_connections_are_taken_a_cap_at_a_time(
    keeper: SessionKeeper, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = VotingServer(Desk(Roll(CODE), limits=Limits(max_connections=MOST)), KeeperSink(keeper), None)
    await server.start("127.0.0.1", [0])
    clients: list[socket.socket] = []
    peak = [0]
    accept = socket.socket.accept

    def counted_accept(self: socket.socket) -> tuple[socket.socket, object]:
        taken = accept(self)
        peak[0] = max(peak[0], _open_files())
        return taken

    def connect_all() -> None:
        for _ in range(QUEUED):
            clients.append(socket.create_connection(("127.0.0.1", server.port), timeout=5))

    try:
        # The loop is busy (blocked) while the connections arrive: all wait in the queue.
        connecting = threading.Thread(target=connect_all)
        connecting.start()
        connecting.join(10)
        time.sleep(0.2)
        assert len(clients) == QUEUED
        before = _open_files()
        monkeypatch.setattr(socket.socket, "accept", counted_accept)
        await asyncio.sleep(1.5)
        taken_at_once = peak[0] - before
        assert 0 < taken_at_once <= 2 * MOST, taken_at_once
        assert server.guard.open <= MOST
    finally:
        monkeypatch.undo()
        for client in clients:
            client.close()
        await server.stop()
