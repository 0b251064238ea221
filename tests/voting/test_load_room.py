"""The load benchmarks play a real room: each phone from its own loopback address, under the real caps."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

from benchmarks.voting_load import connect_phone, phone_address

ROOT = Path(__file__).resolve().parents[2]


def test_each_phone_has_its_own_loopback_address() -> None:
    addresses = [phone_address(i) for i in range(500)]
    assert len(set(addresses)) == 500 and all(a.startswith("127.") for a in addresses)
    assert "127.0.0.1" not in addresses  # the server's own address is not a phone's


async def test_a_phone_connects_from_its_own_address() -> None:
    seen: list[str] = []

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        seen.append(writer.get_extra_info("peername")[0])
        writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        phone = await connect_phone(port, 7)
        for _ in range(100):
            if seen:
                break
            await asyncio.sleep(0.01)
        assert phone.transport is not None
        phone.transport.close()
    assert seen == [phone_address(7)]


def test_more_phones_than_one_address_may_open_connections_all_vote_and_none_is_lost(tmp_path: Path) -> None:
    """30 phones and their 30 requests for news: 60 connections, over the cap of 24 per address."""
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.voting_load", "--participants", "30"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert 'HTTP statuses           {"200": 75}' in done.stdout  # 30 joins, 30 votes, 15 changes
    assert "lost votes              0   counted twice / unexpected: 0" in done.stdout
