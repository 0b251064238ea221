"""The voting server over HTTP (aiohttp's test client, and once a real loopback socket)."""

from __future__ import annotations

import asyncio
import logging
import re
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer

from workshop_tui.core.keeper import Edit, SessionKeeper
from workshop_tui.core.model import Session
from workshop_tui.core.storage.sessions import load_session
from workshop_tui.voting.desk import Desk
from workshop_tui.voting.limits import Limits
from workshop_tui.voting.logs import _NoAddresses, log_path
from workshop_tui.voting.page import ASSETS
from workshop_tui.voting.roll import Roll, roll_path
from workshop_tui.voting.server import VotingServer
from workshop_tui.voting.sink import KeeperSink

from .conftest import CODE
from .test_desk import NINE


class CountingSink(KeeperSink):
    """A keeper sink that counts saves, to see votes share them."""

    def __init__(self, keeper: SessionKeeper) -> None:
        super().__init__(keeper)
        self.saves = 0

    async def apply(self, edit: Edit) -> bool:
        self.saves += 1
        return await super().apply(edit)


@pytest.fixture
def sink(keeper: SessionKeeper) -> CountingSink:
    return CountingSink(keeper)


@pytest.fixture
def server(desk: Desk, sink: CountingSink, room_session: Session) -> VotingServer:
    return VotingServer(desk, sink, roll_path(room_session.id))


@pytest.fixture
async def client(server: VotingServer) -> AsyncIterator[TestClient[Any, Any]]:
    async with TestClient(TestServer(server.app())) as test_client:
        yield test_client


async def _join(client: TestClient[Any, Any]) -> dict[str, str]:
    response = await client.post("/api/join", json={"code": CODE})
    assert response.status == 200, await response.text()
    body = await response.json()
    return {"Authorization": f"Bearer {body['token']}"}


async def _vote(client: TestClient[Any, Any], auth: dict[str, str], scores: dict[str, Any]) -> Any:
    return await client.post("/api/vote", json={"exercise": "resistance", "scores": scores}, headers=auth)


async def test_the_page_loads_nothing_from_outside_and_speaks_danish(client: TestClient[Any, Any]) -> None:
    page = await client.get("/")
    html = await page.text()
    assert page.status == 200 and '<html lang="da">' in html and "Skriv koden fra skærmen" in html
    assert "default-src 'none'" in page.headers["Content-Security-Policy"]
    # Every file the page names is served (write.js's parts too), and nothing else is named.
    named = re.findall(r'(?:src|href)="/([^"]+)"', html)
    assert sorted(named) == sorted(ASSETS)
    for name in named:
        asset = await client.get("/" + name)
        assert asset.status == 200 and asset.content_type == ASSETS[name]
        html += await asset.text()
    assert "http://" not in html and "https://" not in html and "//" + "cdn" not in html
    assert (await client.get("/nope")).status == 404
    assert (await client.get("/api/vote")).status == 405


async def test_a_vote_is_saved_and_shown_to_the_device_and_a_re_vote_replaces_it(
    client: TestClient[Any, Any], keeper: SessionKeeper, saved: Path
) -> None:
    auth = await _join(client)
    state = await (await client.get("/api/state", headers=auth)).json()
    assert state["open"] and state["exercise"]["id"] == "resistance" and state["mine"] == {}
    response = await _vote(client, auth, NINE)
    assert response.status == 200 and (await response.json())["scores"] == 9
    on_disk = load_session(saved).answers_for("resistance").scores
    assert {item: row["p1"] for item, row in on_disk.items()} == NINE
    assert (await _vote(client, auth, {"trust": 5})).status == 200
    assert load_session(saved).answers_for("resistance").scores["trust"] == {"p1": 5}
    state = await (await client.get("/api/state", headers=auth)).json()
    assert state["mine"] == {**NINE, "trust": 5} and state["participant"] == "P1"
    # The phone is one of the room's four people, not a fifth column.
    assert [p.id for p in load_session(saved).participants] == ["p1", "p2", "p3", "p4"]
    assert not keeper.can_undo


async def test_every_kind_of_bad_request_is_refused_and_changes_nothing(
    client: TestClient[Any, Any], saved: Path
) -> None:
    auth = await _join(client)
    before = saved.read_bytes()
    vote = {"exercise": "resistance", "scores": {"trust": 3}}
    cases: list[tuple[int, str, dict[str, Any]]] = [
        (401, "/api/vote", {"json": vote}),
        (401, "/api/vote", {"json": vote, "headers": {"Authorization": "Bearer " + "x" * 24}}),
        (401, "/api/vote", {"json": vote, "headers": {"Authorization": "Basic abc"}}),
        (415, "/api/vote", {"data": b'{"exercise": "resistance"}', "headers": auth}),
        (400, "/api/vote", {"data": b"{", "headers": {**auth, "Content-Type": "application/json"}}),
        (400, "/api/vote", {"json": ["resistance"], "headers": auth}),
        (400, "/api/vote", {"json": {**vote, "participant": "p1"}, "headers": auth}),
        (409, "/api/vote", {"json": {"exercise": "commitment", "scores": {"value": 3}}, "headers": auth}),
        (422, "/api/vote", {"json": {"exercise": "resistance", "scores": {"ghost": 3}}, "headers": auth}),
        (422, "/api/vote", {"json": {"exercise": "resistance", "scores": {"trust": 6}}, "headers": auth}),
        (422, "/api/vote", {"json": {"exercise": "resistance", "scores": {"trust": -1}}, "headers": auth}),
        (422, "/api/vote", {"json": {"exercise": "resistance", "scores": {"trust": 3.0}}, "headers": auth}),
        (413, "/api/vote", {"json": {"exercise": "resistance", "scores": {"x" * 9000: 1}}, "headers": auth}),
        (403, "/api/join", {"json": {"code": "111111"}}),
        (400, "/api/join", {"json": {"code": 246810}}),
        (400, "/api/join", {"json": {"code": CODE, "name": "Anne"}}),
        (401, "/api/state", {}),
    ]
    for status, path, kwargs in cases:
        method = client.get if path == "/api/state" else client.post
        response = await method(path, **kwargs)
        assert response.status == status, (status, path, kwargs, await response.text())
        assert (await response.json())["error"] == status
    chunked = await client.post(
        "/api/vote",
        data=_chunks(b"{" + b" " * 10_000 + b"}"),
        headers={**auth, "Content-Type": "application/json"},
    )
    assert chunked.status == 413
    assert saved.read_bytes() == before


async def _chunks(data: bytes) -> AsyncIterator[bytes]:
    for start in range(0, len(data), 1000):
        yield data[start : start + 1000]


async def test_closing_the_round_refuses_votes_and_tells_waiting_pages(
    client: TestClient[Any, Any], server: VotingServer, saved: Path
) -> None:
    auth = await _join(client)
    version = (await (await client.get("/api/state", headers=auth)).json())["version"]
    waiting = asyncio.ensure_future(client.get(f"/api/state?v={version}", headers=auth))
    await asyncio.sleep(0.05)
    assert not waiting.done()
    server.desk.close()
    server._wake()
    state = await (await waiting).json()
    assert state["open"] is False and state["version"] == version + 1
    response = await _vote(client, auth, {"trust": 3})
    assert response.status == 409 and (await response.json())["reason"] == "closed"
    assert load_session(saved).answers_for("resistance").is_empty
    server.follow("commitment")
    state = await (await client.get("/api/state", headers=auth)).json()
    assert state["exercise"]["id"] == "commitment"
    assert state["exercise"]["items"][0]["id"] == "value"


async def test_a_page_waiting_for_news_gets_the_same_state_after_the_poll_time(
    client: TestClient[Any, Any],
) -> None:
    auth = await _join(client)
    version = (await (await client.get("/api/state", headers=auth)).json())["version"]
    state = await (await client.get(f"/api/state?v={version}", headers=auth)).json()
    assert state["version"] == version
    assert (await client.get("/api/state?v=abc", headers=auth)).status == 400
    for seen in ("²", "--1", "1" * 13, "-", "٣"):  # not a version: refused, never a 500
        assert (await client.get("/api/state", params={"v": seen}, headers=auth)).status == 400


async def test_a_phone_more_than_the_room_has_places_is_refused(
    client: TestClient[Any, Any], server: VotingServer, keeper: SessionKeeper
) -> None:
    for _ in range(4):
        await _join(client)
    response = await client.post("/api/join", json={"code": CODE})
    assert response.status == 403 and (await response.json())["reason"] == "no_place"
    assert server.desk.progress(keeper.session).turned_away == 1
    assert len(keeper.session.participants) == 4


async def test_floods_are_refused_with_retry_after(client: TestClient[Any, Any], saved: Path) -> None:
    auth = await _join(client)
    statuses = [(await _vote(client, auth, {"trust": 1 + n % 5})).status for n in range(14)]
    assert statuses[:12] == [200] * 12 and statuses[12:] == [429, 429]
    flooded = await _vote(client, auth, {"trust": 2})
    assert int(flooded.headers["Retry-After"]) >= 1
    for _ in range(8):
        await client.post("/api/join", json={"code": "999999"})
    limited = await client.post("/api/join", json={"code": CODE})
    assert limited.status == 429
    polls = [(await client.get("/api/state", headers=auth)).status for _ in range(32)]
    assert polls.count(429) >= 1


async def test_votes_that_arrive_together_share_one_save(
    client: TestClient[Any, Any], sink: CountingSink, desk: Desk, saved: Path
) -> None:
    auths = [await _join(client) for _ in range(4)]
    responses = await asyncio.gather(*(_vote(client, auth, NINE) for auth in auths))
    assert [r.status for r in responses] == [200] * 4
    assert sink.saves < 4
    scores = load_session(saved).answers_for("resistance").scores
    assert set(scores) == set(NINE)  # not vacuous: every item of the vote was saved
    assert all(set(row) == {"p1", "p2", "p3", "p4"} for row in scores.values())


async def test_a_device_keeps_its_participant_after_the_app_restarts(
    client: TestClient[Any, Any], room_session: Session, saved: Path, clock: Any
) -> None:
    auth = await _join(client)
    assert (await _vote(client, auth, {"trust": 2})).status == 200
    # The app is closed and reopened: a new keeper, desk and server from the files on disk.
    roll, problem = Roll.load(roll_path(room_session.id))
    assert problem is None and roll.code != CODE  # a new code each time voting opens
    keeper = SessionKeeper(load_session(saved), saved)
    desk = Desk(roll, max_participants=5, limits=Limits(poll_seconds=0.3), clock=clock)
    server = VotingServer(desk, KeeperSink(keeper), roll_path(room_session.id))
    server.follow("resistance")
    async with TestClient(TestServer(server.app())) as again:
        state = await (await again.get("/api/state", headers=auth)).json()
        assert state["mine"] == {"trust": 2}  # its own vote, remembered in the roll
        assert (await _vote(again, auth, {"trust": 4})).status == 200
        stale = await again.post("/api/join", json={"code": CODE})
        assert stale.status == 403 and (await stale.json())["reason"] == "unknown_code"
    scores = load_session(saved).answers_for("resistance").scores
    assert scores["trust"] == {"p1": 4}
    assert len(load_session(saved).participants) == 4


async def test_a_real_loopback_server_starts_answers_and_stops(server: VotingServer) -> None:
    await server.start("127.0.0.1", [0])
    try:
        assert server.running and server.port > 0
        base = f"http://127.0.0.1:{server.port}"
        async with aiohttp.ClientSession() as http:
            async with http.get(base + "/") as page:
                assert page.status == 200
            async with http.post(base + "/api/join", json={"code": CODE}) as joined:
                token = (await joined.json())["token"]
            async with http.post(
                base + "/api/vote",
                json={"exercise": "resistance", "scores": {"trust": 3}},
                headers={"Authorization": f"Bearer {token}"},
            ) as voted:
                assert voted.status == 200
    finally:
        await server.stop()
    assert not server.running
    with pytest.raises(aiohttp.ClientConnectionError):
        async with aiohttp.ClientSession() as http, http.get(base + "/"):
            pass
    assert log_path().exists()
    logged = log_path().read_text()
    assert "127.0.0.1" not in logged and CODE not in logged and "voting open" in logged
    assert log_path().stat().st_mode & 0o777 == 0o600


def test_the_log_never_shows_an_address_but_keeps_the_time() -> None:
    formatter = _NoAddresses("%(asctime)s %(message)s")
    for address in (
        "192.168.1.7",
        "fe80::1ff:fe23:4567:890a",
        "::1",
        "2001:db8:0:0:0:0:2:1",
        "::ffff:10.0.0.7",
        "::FFFF:10.0.0.7",
        "::ffff:a00:7",
    ):
        record = logging.LogRecord(
            "aiohttp.server", logging.ERROR, "x", 1, "Error handling request from %s", (address,), None
        )
        record.created = 1_700_000_000.0
        shown = formatter.format(record)
        assert shown.endswith("Error handling request from <address>"), shown
        assert re.search(r"\d\d:\d\d:\d\d", shown), shown
    try:
        raise ConnectionResetError("peer 10.1.2.3 went away")
    except ConnectionResetError:
        record = logging.LogRecord("x", logging.ERROR, "x", 1, "failed", (), sys.exc_info())
    assert "10.1.2.3" not in formatter.format(record)


async def test_a_refusal_of_the_model_reaches_the_phone_in_the_rooms_language(
    client: TestClient[Any, Any], saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workshop_tui.core.model.rules import ScoreError
    from workshop_tui.voting import saves as server_module  # the group commit lives in saves.py
    from workshop_tui.voting.desk import Ballot

    def refuse(*_: object) -> Session:
        raise ScoreError("participants.full", max=500)

    auth = await _join(client)
    before = saved.read_bytes()
    monkeypatch.setattr(server_module, "cast_votes", refuse)
    monkeypatch.setattr(Ballot, "edit", refuse)
    response = await _vote(client, auth, NINE)
    body = await response.json()
    assert response.status == 409 and body["reason"] == "refused"
    assert body["detail"] == "en session kan højst have 500 deltagere"
    assert saved.read_bytes() == before
