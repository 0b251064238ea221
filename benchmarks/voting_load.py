"""A room of phones voting at once: 200 participants on loopback score the nine resistance items.

The app runs headless (Textual's test driver, the real screens) with the demo seminar on
the resistance grid and voting open on 127.0.0.1. A second process plays the room: every
participant joins with the code, keeps a request for news open as the page does, and then
all of them send their nine scores at the same moment; 1.5 s later half of them change
three answers at once (a re-vote must replace, never add). Meanwhile a ticker task in the app measures
how late the event loop runs it, i.e. how long the screen could not respond.

Printed: latency per vote (p50, p95, max; target p95 <= 50 ms), refused or failed requests,
votes lost or counted twice when the saved file is read back (target 0), how many saves
the votes took, and the longest event-loop stall.

Bounded: 200 joins, 300 votes and at most 400 polls, one burst each, with a 60 s limit on
the whole room and 15 s per request. Only 127.0.0.1 is contacted.

Each phone connects from its own loopback address (``phone_address``: 127.0.1.2, 127.0.1.3,
…; all of 127.0.0.0/8 is this machine on Linux), as phones in a room each have their own
address: the server's caps per address (devices and connections, meant for one
misbehaving phone) stay as they are and apply to each phone as they would in the room.

    python -m benchmarks.voting_load [--participants 200]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import time
from typing import Any

from benchmarks.app_room import (
    LoopWatch,
    errors_line,
    latency_line,
    open_voting,
    play_room,
    quantile,
    room_app,
    room_process,
    run_in_scratch,
    stall_line,
)

EXERCISE = "resistance"
REQUEST_SECONDS = 15
REVOTE_AFTER = 1.5


def phone_address(index: int) -> str:
    """The loopback address phone ``index`` connects from: one per phone (up to 62,500)."""
    return f"127.0.{1 + index // 250}.{2 + index % 250}"


def check_phone_addresses() -> None:
    """Stop with a clear message where the loopback network is only 127.0.0.1 (e.g. macOS)."""
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((phone_address(0), 0))
        except OSError as error:
            raise SystemExit(
                f"each phone connects from its own loopback address ({phone_address(0)}, …), "
                f"which this system does not have ({error.strerror}); on macOS add them with "
                "'sudo ifconfig lo0 alias 127.0.1.2' and so on"
            ) from None


async def connect_phone(port: int, index: int) -> Phone:
    """Phone ``index``'s connection to the server on 127.0.0.1, from the phone's own address."""
    loop = asyncio.get_running_loop()
    _, phone = await loop.create_connection(Phone, "127.0.0.1", port, local_addr=(phone_address(index), 0))
    return phone


class Phone(asyncio.Protocol):
    """One phone's keep-alive connection: requests are written ready-made, answers timed on arrival.

    A general HTTP client spends more time per request than the server does, and 200 of
    them in one process would queue behind each other; this measures the server instead.
    """

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.buffer = b""
        self.answer: asyncio.Future[tuple[int, bytes, float]] | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        head, sep, body = self.buffer.partition(b"\r\n\r\n")
        if not sep or self.answer is None or self.answer.done():
            return
        length = next(
            (
                int(line.split(b":")[1])
                for line in head.split(b"\r\n")
                if line.lower().startswith(b"content-length")
            ),
            0,
        )
        if len(body) >= length:
            self.buffer = body[length:]
            self.answer.set_result((int(head.split(b" ")[1]), body[:length], time.perf_counter()))

    def connection_lost(self, exc: Exception | None) -> None:
        if self.answer is not None and not self.answer.done():
            self.answer.set_exception(ConnectionError("closed"))

    def send(self, request: bytes) -> asyncio.Future[tuple[int, bytes, float]]:
        assert self.transport is not None
        self.answer = asyncio.get_running_loop().create_future()
        self.transport.write(request)
        return self.answer


def _request(method: str, path: str, port: int, body: dict[str, Any] | None = None, token: str = "") -> bytes:
    data = json.dumps(body).encode() if body is not None else b""
    lines = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{port}", f"Content-Length: {len(data)}"]
    if body is not None:
        lines.append("Content-Type: application/json")
    if token:
        lines.append(f"Authorization: Bearer {token}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + data


async def exchange(phone: Phone, request: bytes, statuses: dict[str, int]) -> tuple[int, bytes, float]:
    """Send ``request`` on ``phone``: its status counted in ``statuses``, its answer and seconds taken."""
    started = time.perf_counter()
    status, body, done = await asyncio.wait_for(phone.send(request), REQUEST_SECONDS)
    statuses[str(status)] = statuses.get(str(status), 0) + 1
    return status, body, done - started


async def room(url: str, code: str, participants: int, items: list[str], seed: int = 7) -> dict[str, Any]:
    """Play the room (in the second process): join, poll, vote at once, re-vote; report timings."""
    port = int(url.rsplit(":", 1)[1])
    rng = random.Random(seed)
    statuses: dict[str, int] = {}
    latencies: list[list[float]] = [[], []]
    join_times: list[float] = []
    final: dict[str, dict[str, int]] = {}

    phones = await asyncio.gather(*(connect_phone(port, i) for i in range(participants)))
    pollers = await asyncio.gather(*(connect_phone(port, i) for i in range(participants)))
    joined = []
    for phone, answer in zip(
        phones,
        await asyncio.gather(
            *(exchange(p, _request("POST", "/api/join", port, {"code": code}), statuses) for p in phones)
        ),
        strict=True,
    ):
        body = json.loads(answer[1])
        join_times.append(answer[2])
        joined.append((phone, body["token"], body["participant"].lower()))
    # What the page does: hold a request for news open (answered when the round changes).
    held = [
        p.send(_request("GET", "/api/state?v=1000000", port, token=token))
        for p, (_, token, _) in zip(pollers, joined, strict=True)
    ]
    await asyncio.sleep(0.3)

    for wave in (1, 2):
        voters = joined if wave == 1 else joined[::2]
        ready = []
        for phone, token, pid in voters:
            chosen = items if wave == 1 else rng.sample(items, 3)
            scores = {item: rng.randint(1, 5) for item in chosen}
            body = {"exercise": EXERCISE, "scores": scores}
            ready.append((phone, pid, scores, _request("POST", "/api/vote", port, body, token)))
        answers = await asyncio.gather(
            *(exchange(phone, request, statuses) for phone, _, _, request in ready)
        )
        for (_, pid, scores, _), (status, _, took) in zip(ready, answers, strict=True):
            latencies[wave - 1].append(took)
            if status == 200:
                final.setdefault(pid, {}).update(scores)
        # Some seconds pass before people change their minds; the grid redraws meanwhile.
        await asyncio.sleep(REVOTE_AFTER)
    for phone in (*phones, *pollers):
        assert phone.transport is not None
        phone.transport.close()
    await asyncio.gather(*held, return_exceptions=True)
    return {"latencies": latencies, "joins": join_times, "statuses": statuses, "final": final}


async def run_app(participants: int) -> dict[str, Any]:
    """Run the app with voting open and the room in a second process; check the saved file."""
    from workshop_tui.core.storage.sessions import load_session
    from workshop_tui.tui.screens.session import SessionScreen

    # A room of anonymous places, one per phone: phones take the session's participants as
    # their places (the demo's people all have names, so it has no place for a phone).
    exercises = [EXERCISE, "tension-fields"]
    app, path = room_app("Afstemning", "afstemning-load", exercises, participants, ["Alle"])
    before = load_session(path).answers_for(EXERCISE)
    async with app.run_test(size=(160, 50)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        info = await open_voting(pilot, screen, EXERCISE)  # the grid, the busiest screen to redraw
        keeper = screen.keeper
        saves = 0
        save = keeper.save

        def counted() -> bool:
            nonlocal saves
            saves += 1
            return save()

        keeper.save = counted  # type: ignore[method-assign]
        loop = LoopWatch()
        loop.start()
        items = [item.id for item in screen.session.exercise(EXERCISE).scored_items]
        room_args = ("--room", info.url, info.code, str(participants), ",".join(items))
        result: dict[str, Any] = await room_process("benchmarks.voting_load", *room_args)
        await pilot.pause(0.5)
        await loop.stop()
        shown_columns = len(screen.query_one("ScoreGrid").columns)  # type: ignore[attr-defined]
        await pilot.press("f10")
    saved = load_session(path).answers_for(EXERCISE)
    expected: dict[str, dict[str, int]] = result["final"]
    lost = sum(
        1
        for pid, scores in expected.items()
        for item, score in scores.items()
        if saved.scores.get(item, {}).get(pid) != score
    )
    voters = {p for row in saved.scores.values() for p in row}  # every place is a phone's
    extra = sum(1 for row in saved.scores.values() for p in row if p not in expected)
    counts_ok = all(
        len(saved.values_for(item)) == len(before.values_for(item)) + len(expected) for item in items
    )
    result.update(
        saves=saves,
        lost=lost,
        extra=extra + max(0, len(voters) - len(expected)),
        counts_ok=counts_ok,
        **loop.figures(),
        columns=shown_columns,
    )
    return result


def report(result: dict[str, Any], participants: int) -> None:
    """Print the figures."""
    burst, changes = ([s * 1000 for s in wave] for wave in result["latencies"])
    joins = [s * 1000 for s in result["joins"]]
    votes = burst + changes
    print(f"participants            {participants} (votes sent: {len(votes)}, joins: {len(joins)})")
    print(f"HTTP statuses           {json.dumps(result['statuses'], sort_keys=True)}")
    for name, wave in (("all at once", burst), ("half change 3", changes)):
        print(latency_line(f"vote latency, {name:<13}", wave))
    print(f"join latency            p50 {quantile(joins, 0.5):.1f} ms   p95 {quantile(joins, 0.95):.1f} ms")
    print(f"saves for {len(votes)} votes     {result['saves']}")
    print(
        f"lost votes              {result['lost']}   counted twice / unexpected: {result['extra']}   "
        f"n per item = before + voters: {'yes' if result['counts_ok'] else 'NO'}"
    )
    print(stall_line(result, f"grid columns shown: {result['columns']}"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=200)
    parser.add_argument("--room", nargs=4, metavar=("URL", "CODE", "N", "ITEMS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.room:
        url, code, count, items = args.room
        play_room(url, room(url, code, int(count), items.split(",")))
        return
    if not 1 <= args.participants <= 500:
        raise SystemExit("--participants: 1 to 500")
    check_phone_addresses()
    result, errors = run_in_scratch(run_app(args.participants))
    report(result, args.participants)
    if line := errors_line(errors):
        print(line)


if __name__ == "__main__":
    main()
