"""A room writing at once: 40 devices type into 8 group fields and send 40 open answers, on loopback.

The voting load benchmark's room (``benchmarks.voting_load``), for writing (issue 17). The app
runs headless (Textual's test driver, the real screens) on a session with a reflection sheet,
8 groups and an open-answers exercise, with voting open on 127.0.0.1. A second process plays
the room: 40 devices join; five scribes per group type into their group's first box at
once, as the page does (a chunk of text per write, each typed over the version the last
answer gave back, adopting the kept text when another scribe's write came first); then the
facilitator moves to the open answers and all 40 devices send an answer at the same moment.
Meanwhile a ticker task in the app measures how late the event loop runs it.

Printed: latency per write and per answer (p50, p95, max; target p95 <= 50 ms), HTTP
statuses, how many typed chunks and answers are missing from the saved file (target 0),
how many writes were kept beside another scribe's ("merged"), the saves they took, and the
longest event-loop stall (target <= 50 ms).

Bounded: 40 joins, 40 x ``CHUNKS`` writes and 40 answers, with a 60 s limit on the room and
15 s per request. Only 127.0.0.1 is contacted, each device from its own loopback address
(``voting_load.phone_address``), so the server's caps per address apply as in a room.

    python -m benchmarks.writing_load [--devices 40] [--groups 8]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from typing import Any

from benchmarks.app_room import (
    LoopWatch,
    errors_line,
    latency_line,
    open_voting,
    play_room,
    room_app,
    room_process,
    run_in_scratch,
    stall_line,
)
from benchmarks.voting_load import _request, check_phone_addresses, connect_phone, exchange

SHEET = "sheet-42"
OPEN = "take-home"
FIELD = "t:1"
CHUNKS = 12
"""Writes per scribe: a few words each, as a pause in typing sends them."""
TYPING_PAUSE = 0.05


async def room(url: str, code: str, devices: int, groups: list[str]) -> dict[str, Any]:
    """Play the room (in the second process): join, type in the groups' boxes, answer; report timings."""
    port = int(url.rsplit(":", 1)[1])
    statuses: dict[str, int] = {}
    writes: list[float] = []
    typed: dict[str, list[str]] = {g: [] for g in groups}
    merged = 0

    phones = [await connect_phone(port, i) for i in range(devices)]
    tokens = []
    for phone in phones:
        _, body, _ = await exchange(phone, _request("POST", "/api/join", port, {"code": code}), statuses)
        tokens.append(json.loads(body)["token"])

    async def scribe(index: int) -> None:
        nonlocal merged
        phone, token, group = phones[index], tokens[index], groups[index % len(groups)]
        text, base = "", ""
        for chunk in range(CHUNKS):
            piece = f" «{index:02d}-{chunk:02d} æøå»"
            text += piece
            body = {"exercise": SHEET, "group": group, "field": FIELD, "text": text, "base": base}
            for _attempt in range(5):  # as the page does: sent again until it is on disk
                request = _request("POST", "/api/write", port, body, token)
                status, answer, took = await exchange(phone, request, statuses)
                writes.append(took)
                if status == 200:
                    break
                await asyncio.sleep(0.2)
            else:
                continue
            typed[group].append(piece.strip())
            given = json.loads(answer)
            merged += given["outcome"] == "merged"
            text, base = given["text"], given["version"]  # the page adopts the kept text
            await asyncio.sleep(TYPING_PAUSE)

    await asyncio.gather(*(scribe(i) for i in range(devices)))
    return {"writes": writes, "statuses": statuses, "typed": typed, "merged": merged, "tokens": tokens}


async def answer_room(url: str, tokens: list[str]) -> dict[str, Any]:
    """Every device sends one open answer at the same moment."""
    port = int(url.rsplit(":", 1)[1])
    phones = [await connect_phone(port, i) for i in range(len(tokens))]  # each device from its address
    statuses: dict[str, int] = {}
    texts = [f"Svar {i:02d}: tillid, mod og mere samarbejde æøå" for i in range(len(tokens))]
    requests = [
        _request(
            "POST", "/api/answer", port, {"exercise": OPEN, "answer": f"a{i:04d}x", "text": texts[i]}, token
        )
        for i, token in enumerate(tokens)
    ]
    started = time.perf_counter()
    done = await asyncio.gather(*(p.send(r) for p, r in zip(phones, requests, strict=True)))
    took = [end - started for _, _, end in done]
    for status, _, _ in done:
        statuses[str(status)] = statuses.get(str(status), 0) + 1
    for phone in phones:
        assert phone.transport is not None
        phone.transport.close()
    return {"answers": took, "statuses": statuses, "texts": texts}


async def run_app(devices: int, group_count: int) -> dict[str, Any]:
    """Run the app with voting open and the room in a second process; check the saved file."""
    from workshop_tui.core.storage.sessions import load_session
    from workshop_tui.tui.screens.session import SessionScreen

    groups = [f"Bord {n}" for n in range(1, group_count + 1)]
    app, path = room_app("Skrivning", "skrivning-load", [SHEET, OPEN], devices, groups)
    async with app.run_test(size=(160, 50)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        info = await open_voting(pilot, screen, SHEET)
        # The screen's frame after the panel closes is the facilitator's doing, not the room's:
        # it is drawn before the loop watch starts.
        await pilot.pause(0.3)
        loop = LoopWatch()
        loop.start()
        groups = ",".join(g.id for g in screen.session.groups)
        room_args = ("--room", info.url, info.code, str(devices), groups)
        result: dict[str, Any] = await room_process("benchmarks.writing_load", *room_args)
        await loop.stop()
        writing_stalls = len(loop.stalls)
        screen.go_to(OPEN)  # the facilitator moves on (not timed: a screen change); the devices answer
        await pilot.pause(0.5)
        loop.start()
        tokens = "--tokens=" + ",".join(result["tokens"])  # "=": a token may start with "-"
        result["open"] = await room_process("benchmarks.writing_load", "--answers", info.url, tokens)
        await pilot.pause(0.5)
        await loop.stop()
        await pilot.press("f10")
    saved = load_session(path)
    texts = saved.answers_for(SHEET).texts
    missing = sum(
        1
        for group, pieces in result["typed"].items()
        for piece in pieces
        if piece not in texts.get(group, {}).get("1", "")
    )
    opens = set(saved.answers_for(OPEN).opens.values())
    result.update(
        missing=missing,
        chunks=sum(len(p) for p in result["typed"].values()),
        answers_missing=sum(1 for text in result["open"]["texts"] if text not in opens),
        **loop.figures(),
        stall_writing=max(loop.stalls[:writing_stalls]),
        stall_answers=max(loop.stalls[writing_stalls:]),
    )
    return result


def report(result: dict[str, Any], devices: int, groups: int) -> None:
    """Print the figures."""
    writes = [s * 1000 for s in result["writes"]]
    answers = [s * 1000 for s in result["open"]["answers"]]
    print(
        f"devices                 {devices} writing into {groups} group fields, then {devices} open answers"
    )
    print(f"HTTP statuses (writes)  {json.dumps(result['statuses'], sort_keys=True)}")
    print(f"HTTP statuses (answers) {json.dumps(result['open']['statuses'], sort_keys=True)}")
    for name, values in (("write", writes), ("open answer", answers)):
        print(latency_line(f"{name + ' latency':<23}", values))
    print(
        f"typed chunks missing    {result['missing']} of {result['chunks']}   "
        f"writes kept beside another's: {result['merged']}"
    )
    print(f"open answers missing    {result['answers_missing']} of {len(result['open']['texts'])}")
    print(stall_line(result, f"target <= 50 ms: {'ok' if result['stall_max'] <= 0.05 else 'MISSED'}"))
    print(
        f"  longest while writing {result['stall_writing'] * 1000:.1f} ms   "
        f"while answering {result['stall_answers'] * 1000:.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devices", type=int, default=40)
    parser.add_argument("--groups", type=int, default=8)
    parser.add_argument("--room", nargs=4, metavar=("URL", "CODE", "N", "GROUPS"), help=argparse.SUPPRESS)
    parser.add_argument("--answers", metavar="URL", help=argparse.SUPPRESS)
    parser.add_argument("--tokens", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.room:
        url, code, count, groups = args.room
        play_room(url, room(url, code, int(count), groups.split(",")))
        return
    if args.answers:
        play_room(args.answers, answer_room(args.answers, args.tokens.split(",")))
        return
    if not 1 <= args.devices <= 200 or not 1 <= args.groups <= 50:
        raise SystemExit("--devices: 1 to 200, --groups: 1 to 50")
    check_phone_addresses()
    result, errors = run_in_scratch(run_app(args.devices, args.groups))
    report(result, args.devices, args.groups)
    if line := errors_line(errors):
        print(line)


if __name__ == "__main__":
    main()
