"""The voting server probed as a hostile device on the room's network would, on 127.0.0.1 only.

Every loop is bounded. Several loopback source addresses (127.x.y.z, bound with
``local_addr``) stand for several devices, so the limits per address and the room-wide
wrong-code lock are tested as they would be met.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import sys
import time
from asyncio.subprocess import PIPE
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from workshop_tui.core.keeper import SessionKeeper
from workshop_tui.core.model import Session
from workshop_tui.voting.desk import Desk
from workshop_tui.voting.guard import ConnectionGuard, connection_cap
from workshop_tui.voting.limits import Limits
from workshop_tui.voting.logs import log_path
from workshop_tui.voting.network import host_allowed, served_names
from workshop_tui.voting.roll import Roll, roll_path
from workshop_tui.voting.server import VotingServer
from workshop_tui.voting.sink import KeeperSink

from .conftest import CODE

FAST = Limits(poll_seconds=0.3, idle_seconds=0.6, body_seconds=0.6, wrong_codes_free=10)
"""Short timeouts, so that idle and slow connections are seen closed within a test."""
PROMPT = Limits(poll_seconds=0.3, body_seconds=0.6, wrong_codes_free=10)
"""FAST with the usual idle time, for tests whose clients send their request at once.

The tests' clients share the server's event loop: a stall of the loaded test process
between the server accepting a connection and the client writing its request delays the
request itself, and past FAST's 0.6 s idle time the server (rightly) closed the silent
connection just as the request landed: a reset, seen once as an aiohttp ClientOSError in a
full suite run. A phone is a process of its own: its request is in the laptop's socket
while the loop stalls, and is read before the idle timer is judged
(``test_a_phone_is_answered_although_the_laptop_stalls_past_the_idle_time``)."""
CLOSED_WITHIN = 6.0
"""Generous: the machine running the tests may be loaded."""


@contextlib.asynccontextmanager
async def _serving(keeper: SessionKeeper, room_session: Session, limits: Limits) -> AsyncIterator[str]:
    server = VotingServer(Desk(Roll(CODE), limits=limits), KeeperSink(keeper), roll_path(room_session.id))
    server.follow("resistance")
    await server.start("127.0.0.1", [0])
    try:
        yield f"http://127.0.0.1:{server.port}"
    finally:
        await server.stop()


@pytest.fixture
async def base(keeper: SessionKeeper, room_session: Session) -> AsyncIterator[str]:
    """A server whose body timeout is short; its idle timeout is the usual one (``PROMPT``)."""
    async with _serving(keeper, room_session, PROMPT) as url:
        yield url


@pytest.fixture
async def fast_base(keeper: SessionKeeper, room_session: Session) -> AsyncIterator[str]:
    """A server that closes idle connections after 0.6 s (``FAST``)."""
    async with _serving(keeper, room_session, FAST) as url:
        yield url


async def _join_from(base: str, source: str, code: str = CODE) -> tuple[int, dict[str, Any]]:
    """Join as a device at the loopback address ``source``."""
    connector = aiohttp.TCPConnector(local_addr=(source, 0))
    async with (
        aiohttp.ClientSession(connector=connector) as http,
        http.post(base + "/api/join", json={"code": code}) as response,
    ):
        return response.status, await response.json()


async def test_one_address_joins_at_most_two_devices(base: str) -> None:
    statuses = [(await _join_from(base, "127.0.0.2"))[0] for _ in range(2)]
    status, body = await _join_from(base, "127.0.0.2")
    assert statuses == [200, 200] and (status, body["reason"]) == (403, "address_full")
    assert (await _join_from(base, "127.0.0.3"))[0] == 200


async def test_wrong_codes_from_many_addresses_lock_joining_for_the_whole_room(base: str) -> None:
    reasons = []
    for n in range(40):  # forty devices, one guess each
        status, body = await _join_from(base, f"127.0.{10 + n}.1", f"{n:06d}")
        reasons.append(body["reason"])
    assert reasons[:10] == ["unknown_code"] * 10  # the room's free wrong codes
    assert reasons[11:] == ["locked"] * 29  # then no guess is even looked at
    status, body = await _join_from(base, "127.0.99.1")  # the right code, a new address
    assert (status, body["reason"]) == (429, "locked")


async def _raw(port: int, data: bytes = b"") -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    if data:
        writer.write(data)
        await writer.drain()
    return reader, writer


async def _closed_after(reader: asyncio.StreamReader) -> float:
    """Seconds until the server closes the connection (reading whatever it sends first)."""
    started = time.monotonic()
    with contextlib.suppress(ConnectionError):
        while await asyncio.wait_for(reader.read(4096), CLOSED_WITHIN):
            pass
    return time.monotonic() - started


def _port(base: str) -> int:
    return int(base.rsplit(":", 1)[1])


async def test_idle_and_slow_connections_are_closed(fast_base: str) -> None:
    port = _port(fast_base)
    idle, idle_writer = await _raw(port)
    assert await _closed_after(idle) < CLOSED_WITHIN
    # Headers a byte at a time: closed although bytes keep coming.
    slow, slow_writer = await _raw(port)
    request = f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Pad: {'a' * 200}\r\n\r\n".encode()
    started = time.monotonic()
    for byte in request[:60]:
        try:
            slow_writer.write(bytes([byte]))
            await slow_writer.drain()
        except ConnectionError:
            break
        await asyncio.sleep(0.1)
        if slow.at_eof() or time.monotonic() - started > CLOSED_WITHIN:
            break
    assert await _closed_after(slow) < CLOSED_WITHIN
    assert time.monotonic() - started < 2 * CLOSED_WITHIN
    for writer in (idle_writer, slow_writer):
        writer.close()


async def test_a_body_sent_slowly_is_refused_and_the_connection_closed(base: str) -> None:
    port = _port(base)
    status, joined = await _join_from(base, "127.0.0.5")
    assert status == 200
    body = json.dumps({"exercise": "resistance", "scores": {"trust": 3}}).encode()
    head = (
        f"POST /api/vote HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
        f"Authorization: Bearer {joined['token']}\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode()
    reader, writer = await _raw(port, head + body[:5])
    started = time.monotonic()
    for byte in body[5:8]:  # a few bytes, slowly, then nothing more (as one byte every 5 s would)
        writer.write(bytes([byte]))
        await writer.drain()
        await asyncio.sleep(0.1)
    answer = b""
    with contextlib.suppress(ConnectionError):
        answer = await asyncio.wait_for(reader.read(4096), CLOSED_WITHIN)
    assert answer.startswith(b"HTTP/1.1 408"), answer[:100]
    assert await _closed_after(reader) < CLOSED_WITHIN
    assert time.monotonic() - started < 2 * CLOSED_WITHIN
    writer.close()


async def test_connections_over_the_cap_are_closed_at_once(
    keeper: SessionKeeper, room_session: Session
) -> None:
    limits = Limits(poll_seconds=0.3, idle_seconds=30, max_connections=6, connections_per_address=4)
    server = VotingServer(Desk(Roll(CODE), limits=limits), KeeperSink(keeper), roll_path(room_session.id))
    await server.start("127.0.0.1", [0])
    writers: list[asyncio.StreamWriter] = []
    try:
        assert server.guard.most <= 6
        for _ in range(4):  # one address holds its four
            _, writer = await _raw(server.port)
            writers.append(writer)
        fifth, writer = await _raw(server.port)
        writers.append(writer)
        assert await _closed_after(fifth) < 2  # over the cap for one address
        for _ in range(2):  # another address fills the rest
            _, writer = await asyncio.open_connection("127.0.0.1", server.port, local_addr=("127.0.0.8", 0))
            writers.append(writer)
        reader, writer = await asyncio.open_connection("127.0.0.1", server.port, local_addr=("127.0.0.9", 0))
        writers.append(writer)
        assert await _closed_after(reader) < 2  # over the cap in all
        assert server.guard.refused == 2
        for writer in writers:
            writer.close()
        await asyncio.sleep(0.2)
        async with aiohttp.ClientSession() as http, http.get(f"http://127.0.0.1:{server.port}/") as page:
            assert page.status == 200  # closed connections free their places
    finally:
        for writer in writers:
            writer.close()
        await server.stop()


def test_the_connection_cap_stays_well_below_the_file_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    import resource

    monkeypatch.setattr(resource, "getrlimit", lambda _: (256, 4096))
    monkeypatch.setattr("workshop_tui.voting.guard.open_files", lambda: 40)
    cap = connection_cap(512)
    assert 4 <= cap <= (256 - 40) // 2
    monkeypatch.setattr(resource, "getrlimit", lambda _: (64, 64))
    monkeypatch.setattr("workshop_tui.voting.guard.open_files", lambda: 30)
    assert connection_cap(512) <= 16
    monkeypatch.setattr(resource, "getrlimit", lambda _: (1_000_000, 1_000_000))
    assert connection_cap(512) == 512


def test_the_guard_counts_per_address_and_forgets_closed_ones() -> None:
    guard = ConnectionGuard(3, 2)
    assert guard.admit("10.0.0.1") and guard.admit("::ffff:10.0.0.1")
    assert not guard.admit("10.0.0.1")  # the same address, written as IPv6
    assert guard.admit("10.0.0.2") and not guard.admit("10.0.0.3")
    for address in ("10.0.0.1", "10.0.0.1", "10.0.0.2"):
        guard.release(address)
    assert guard.open == 0 and not guard._by_address


@pytest.mark.parametrize(
    ("header", "allowed"),
    [
        ("127.0.0.1:{port}", True),
        ("localhost:{port}", True),
        ("evil.example:{port}", False),
        ("127.0.0.1.nip.io:{port}", False),
        ("127.0.0.1:1", False),
        ("127.0.0.1", False),
        ("", False),
        # A port int() refuses although str.isdigit() takes it: refused, never a 500.
        ("127.0.0.1:²", False),
        ("[::1]:²", False),
        ("127.0.0.1:" + "8" * 5000, False),
    ],
)
async def test_a_request_for_another_host_name_is_refused(base: str, header: str, allowed: bool) -> None:
    port = _port(base)
    host = header.format(port=port)
    reader, writer = await _raw(port, f"GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
    answer = await asyncio.wait_for(reader.read(), CLOSED_WITHIN)
    writer.close()
    status = answer.split(b" ", 2)[1] if answer else b"closed"
    assert status == (b"200" if allowed else b"421"), (host, answer[:200])


def test_host_names_for_each_kind_of_bind() -> None:
    lan = served_names("192.168.1.20")
    assert host_allowed("192.168.1.20:8765", lan, 8765)
    assert not host_allowed("localhost:8765", lan, 8765)
    assert not host_allowed("rebind.example:8765", lan, 8765)
    wildcard = served_names("0.0.0.0")
    assert host_allowed("10.0.0.5:8765", wildcard, 8765) and host_allowed("[fe80::1]:8765", wildcard, 8765)
    assert not host_allowed("rebind.example:8765", wildcard, 8765)
    assert host_allowed("[::1]:8765", served_names("::1"), 8765)


async def test_duplicate_keys_are_refused(base: str) -> None:
    async with (
        aiohttp.ClientSession() as http,
        http.post(
            base + "/api/join",
            data=f'{{"code": "000000", "code": "{CODE}"}}',
            headers={"Content-Type": "application/json"},
        ) as response,
    ):
        assert response.status == 400


async def test_the_log_is_private_and_holds_no_code_or_address(base: str) -> None:
    for n in range(3):
        await _join_from(base, f"127.0.3.{n + 1}", "999999")
    await _join_from(base, "127.0.4.1")
    text = log_path().read_text()
    assert CODE not in text and "127.0." not in text
    assert log_path().stat().st_mode & 0o777 == 0o600


def test_an_old_world_readable_log_becomes_private(data_dir: Path) -> None:
    from workshop_tui.voting.logs import open_log

    path = log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("old\n")
    path.chmod(0o644)
    handler = open_log()
    try:
        import logging

        handler.handle(logging.LogRecord("x", logging.ERROR, "x", 1, "peer ::ffff:10.0.0.7 gone", (), None))
    finally:
        handler.close()
    assert path.stat().st_mode & 0o777 == 0o600
    assert "10.0.0.7" not in path.read_text() and ".0.0.7" not in path.read_text()


@pytest.mark.skipif(sys.platform == "win32", reason="links and pipes as POSIX makes them")
def test_a_link_or_a_pipe_as_the_log_is_not_written_through(data_dir: Path, tmp_path: Path) -> None:
    """A link named voting.log had the server's lines appended to what it pointed at, and that
    file made 0600 (``chmod`` follows links); a pipe there made opening voting wait for a
    reader for ever (audit17). Either is refused: no log is kept, voting still opens."""
    import logging
    import threading

    from workshop_tui.voting.logs import open_log

    path = log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    target = tmp_path / "elsewhere.txt"
    target.write_text("theirs\n")
    target.chmod(0o644)
    path.symlink_to(target)
    handler = open_log()
    handler.handle(logging.LogRecord("x", logging.ERROR, "x", 1, "a line", (), None))
    handler.close()
    assert target.read_text() == "theirs\n" and target.stat().st_mode & 0o777 == 0o644
    path.unlink()
    os.mkfifo(path)
    opened: list[logging.Handler] = []
    thread = threading.Thread(target=lambda: opened.append(open_log()), daemon=True)
    thread.start()
    thread.join(10)
    if thread.is_alive():
        with contextlib.suppress(OSError):  # a reader lets the stuck open go
            os.close(os.open(path, os.O_RDONLY | os.O_NONBLOCK))
        pytest.fail("opening the log waited on a named pipe")
    opened[0].close()


def test_the_log_holds_no_control_character(data_dir: Path) -> None:
    """A message or an error quoting what a device sent is written without its escapes: the
    log is read with ``cat``, where ``ESC ] 0 ; … BEL`` would retitle the window."""
    import logging
    import sys

    from workshop_tui.voting.logs import open_log

    handler = open_log()
    try:
        try:
            raise KeyError("field \x1b]0;PWNED\x07\x1b[2J\u202e")
        except KeyError:
            failure = sys.exc_info()
        message = "error handling POST /api/\x1b]52;c;aGk=\x07\nforged line"
        handler.handle(logging.LogRecord("x", logging.ERROR, "x", 1, message, (), failure))
    finally:
        handler.close()
    text = log_path().read_text(encoding="utf-8")
    assert "field" in text and "/api/" in text
    assert not any(c in text for c in "\x1b\x07\u202e"), repr(text)


async def test_idle_sockets_cannot_use_up_the_apps_files(data_dir: Path) -> None:
    """45 idle sockets against a file limit of 48: the facilitator still saves a typed score.

    Without the connection cap the save fails with "Too many open files".
    """
    script = Path(__file__).with_name("lowfiles_server.py")
    process = await asyncio.create_subprocess_exec(
        sys.executable, str(script), "48", stdin=PIPE, stdout=PIPE, env={**os.environ}
    )
    assert process.stdin is not None and process.stdout is not None
    writers: list[asyncio.StreamWriter] = []
    try:
        port, cap = map(int, (await asyncio.wait_for(process.stdout.readline(), 30)).split())
        assert 4 <= cap <= 32
        for n in range(45):
            with contextlib.suppress(OSError):
                _, writer = await asyncio.open_connection(
                    "127.0.0.1", port, local_addr=(f"127.0.5.{n + 1}", 0)
                )
                writers.append(writer)
        await asyncio.sleep(0.3)
        process.stdin.write(b"save\n")
        await process.stdin.drain()
        answer = (await asyncio.wait_for(process.stdout.readline(), 30)).decode().strip()
        assert answer == "saved"
    finally:
        for writer in writers:
            writer.close()
        if process.returncode is None:
            process.kill()
        await process.wait()


def _stall_after_each_accept(monkeypatch: pytest.MonkeyPatch, seconds: float) -> None:
    """The server's loop stalls for ``seconds`` on the turn after it accepts a connection (a GC
    pass or a descheduled process on a loaded machine, or the app drawing a heavy frame)."""
    admit = ConnectionGuard.admit

    def admit_then_stall(self: ConnectionGuard, address: str) -> bool:
        asyncio.get_running_loop().call_soon(time.sleep, seconds)
        return admit(self, address)

    monkeypatch.setattr(ConnectionGuard, "admit", admit_then_stall)


async def test_joins_in_these_tests_survive_a_stalled_loop(
    base: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The flaky ClientOSError, made certain: with FAST's idle time on ``base`` this join is reset."""
    _stall_after_each_accept(monkeypatch, 0.9)
    assert (await _join_from(base, "127.0.6.1"))[0] == 200


_PHONE = """
import asyncio, sys, aiohttp

async def main() -> None:
    async with aiohttp.ClientSession() as http:
        for _ in range(2):
            close = {"Connection": "close"}
            async with http.post(sys.argv[1], json={"code": sys.argv[2]}, headers=close) as r:
                print(r.status, flush=True)

asyncio.run(main())
"""


async def test_a_phone_is_answered_although_the_laptop_stalls_past_the_idle_time(
    fast_base: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A phone is its own process: its request, sent at once, waits in the socket while the
    laptop's loop stalls past the idle time, and is read before the idle timer is judged."""
    _stall_after_each_accept(monkeypatch, 2 * FAST.idle_seconds)
    phone = await asyncio.create_subprocess_exec(
        sys.executable, "-c", _PHONE, fast_base + "/api/join", CODE, stdout=PIPE, env={**os.environ}
    )
    out, _ = await asyncio.wait_for(phone.communicate(), 60)
    assert phone.returncode == 0 and out.split() == [b"200", b"200"]
