"""A group's phone that only writes the sheet takes no participant place (found by hand in the demo).

In a room of named people (no anonymous place), a phone opening the sheet to write was told
"every place is taken"; the facilitator's + for each such phone added a participant for good
(the export's cover said 19 participants for 12 people). Writing needs no place now; voting
still does (one person, one vote).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from workshop_tui.core.keeper import SessionKeeper
from workshop_tui.core.model import Participant, Session
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import load_session, new_session, save_session, session_path
from workshop_tui.tui.voting_board import VoteBoard, places_text
from workshop_tui.tui.voting_link import VotingInfo
from workshop_tui.voting.desk import Desk, Progress, Refused
from workshop_tui.voting.limits import Limits
from workshop_tui.voting.places import next_anonymous_id
from workshop_tui.voting.roll import Roll
from workshop_tui.voting.scribes import label
from workshop_tui.voting.server import VotingServer
from workshop_tui.voting.sink import KeeperSink

from .conftest import CODE

NAMES = ["Anne", "Bo", "Carl"]


@pytest.fixture
def named_session(library: Library) -> Session:
    return new_session(
        title="Navne",
        date="2026-12-03",
        exercises=[library.exercises[e] for e in ("sheet-42", "resistance")],
        participants=NAMES,
        groups=["Bord 1", "Bord 2"],
        timestamp="2026-12-03T09:00:00+00:00",
        session_id="navne",
    )


@pytest.fixture
def named_saved(named_session: Session, data_dir: Path) -> Path:
    path = session_path(named_session)
    save_session(named_session, path)
    return path


@pytest.fixture
def named_server(named_session: Session, named_saved: Path) -> VotingServer:
    desk = Desk(Roll(CODE), max_participants=20, limits=Limits(poll_seconds=0.3, devices_per_address=10))
    server = VotingServer(desk, KeeperSink(SessionKeeper(named_session, named_saved)))
    server.follow("sheet-42")
    return server


@pytest.fixture
async def client(named_server: VotingServer) -> AsyncIterator[TestClient[Any, Any]]:
    async with TestClient(TestServer(named_server.app())) as test_client:
        yield test_client


async def _join(client: TestClient[Any, Any]) -> tuple[dict[str, str], str]:
    response = await client.post("/api/join", json={"code": CODE})
    assert response.status == 200, await response.text()
    body = await response.json()
    return {"Authorization": f"Bearer {body['token']}"}, body["participant"]


async def _write(client: TestClient[Any, Any], auth: dict[str, str], text: str, group: str = "g1") -> Any:
    body = {"exercise": "sheet-42", "group": group, "field": "t:1", "base": "", "text": text}
    return await client.post("/api/write", json=body, headers=auth)


async def test_writing_phones_in_a_full_room_join_write_and_add_no_participant(
    client: TestClient[Any, Any], named_server: VotingServer, named_saved: Path
) -> None:
    joined = [await _join(client) for _ in range(4)]
    assert [who for _, who in joined] == [f"S{n}" for n in range(1, 5)]
    for n, (auth, _) in enumerate(joined):
        response = await _write(client, auth, f"Tekst {n}", group="g1" if n < 2 else "g2")
        assert response.status == 200, await response.text()
    saved = load_session(named_saved)
    assert [p.name for p in saved.participants] == NAMES  # no place added, none renamed
    assert saved.answers_for("sheet-42").texts["g1"]["1"].startswith("Tekst 0")
    assert "S2" in saved.answers_for("sheet-42").texts["g1"]["1"]  # the merge marker
    assert named_server.desk.roll.participant_ids == set()  # no place held
    progress = named_server.desk.progress(saved)
    assert progress.joined == 0  # "svar: 0 af 0 tilsluttede", not "af 4"
    assert progress.writers == 4  # shown apart on the panel: the room sees its phones are in
    info = VotingInfo("u", "j", CODE, progress, 20, round_open=False, participants=3, writing="group")
    assert places_text(info, "da").startswith(
        "telefoner: 0 (0 tilsluttet nu) · deltagere: 3 (0 ledige pladser)"
        "  ·  skrivetelefoner: 4 (4 tilsluttet nu)"
    )
    assert "writing phones: 4" in places_text(info, "en")
    seen = await (await client.get("/api/texts?e=sheet-42&g=g1", headers=joined[0][0])).json()
    assert seen["writers"] == {"t:1": "S2"}
    assert named_server.scribes.writing("sheet-42")[("g2", "t:1")] == ("S3", "S4")
    state = await (await client.get("/api/state?v=-1", headers=joined[0][0])).json()
    assert state["participant"] == "S1" and state["mine"] == {}


async def test_a_writing_phone_in_a_full_room_may_not_vote_and_a_voting_phone_is_refused(
    client: TestClient[Any, Any], named_server: VotingServer, named_saved: Path
) -> None:
    auth, _ = await _join(client)
    named_server.follow("resistance")
    assert named_server.scribes.mode(named_server.sink.session) == ""
    items = load_session(named_saved).exercise("resistance").scored_items
    ballot = {"exercise": "resistance", "scores": {items[0].id: 3}}
    response = await client.post("/api/vote", json=ballot, headers=auth)
    assert response.status == 403 and (await response.json())["reason"] == "no_place"
    refused = await client.post("/api/join", json={"code": CODE})  # joins to vote: no place
    assert refused.status == 403 and (await refused.json())["reason"] == "no_place"
    assert load_session(named_saved).answers_for("resistance").is_empty


async def test_a_writing_phone_takes_a_free_place_when_it_votes(
    client: TestClient[Any, Any], named_server: VotingServer, named_saved: Path
) -> None:
    auth, who = await _join(client)
    assert who == "S1"
    place = next_anonymous_id(named_server.sink.session)  # the facilitator's +: one anonymous place
    await named_server.sink.apply(lambda s: s.with_participant(Participant(place)))
    named_server.follow("resistance")
    item = named_server.sink.session.exercise("resistance").scored_items[0].id
    response = await client.post(
        "/api/vote", json={"exercise": "resistance", "scores": {item: 3}}, headers=auth
    )
    assert response.status == 200, await response.text()
    assert load_session(named_saved).answers_for("resistance").scores[item] == {place: 3}
    assert named_server.desk.roll.participant_ids == {place}


def test_a_writing_device_s_label_comes_from_the_catalogue_and_never_from_the_phone(
    named_session: Session,
) -> None:
    assert label(named_session, "p3") == "P3"
    assert label(named_session, "~w2") == "S2"
    english = replace(named_session, language="en")
    assert label(english, "~w7") == "W7"
    assert label(named_session, "~w[red]x\x1b") == "S0"  # no text of its own shown


def test_writing_devices_behind_one_address_join_past_the_voters_cap_but_vote_within_it(
    library: Library,
) -> None:
    session = new_session(
        title="Rum",
        date="2026-12-03",
        exercises=[library.exercises[e] for e in ("sheet-42", "resistance")],
        participants=4,
        groups=["Bord 1", "Bord 2"],
        session_id="rum",
    )
    desk = Desk(Roll(CODE), max_participants=20)
    hotspot = "10.0.0.9"
    writers = [desk.join(session, {"code": CODE}, hotspot, writing=True) for _ in range(2)]
    assert [w[1] for w in writers] == ["~w1", "~w2"]  # no place taken, though four are free
    assert desk.roll.participant_ids == set()
    with pytest.raises(Refused) as more:  # writers per address: the cap, or one per group
        desk.join(session, {"code": CODE}, hotspot, writing=True)
    assert more.value.reason == "address_full"
    voters = [desk.join(session, {"code": CODE}, hotspot)[1] for _ in range(2)]
    assert voters == ["p1", "p2"]  # joining to vote: places, and the cap per address as before
    with pytest.raises(Refused) as voting:
        desk.join(session, {"code": CODE}, hotspot)
    assert voting.value.reason == "address_full"
    with pytest.raises(Refused) as seat:  # a writer from the full address may not take a place
        desk.seat(session, "~w1", hotspot)
    assert seat.value.reason == "address_full"
    assert desk.seat(session, "~w1", "10.0.0.10") == ("p3", True)
    # The device keeps its own id (its label S1); the place is noted beside it.
    assert desk.participant_for(writers[0][0]) == "~w1" and desk.roll.place_of("~w1") == "p3"
    assert desk.roll.participant_ids == {"p1", "p2", "p3"}


async def test_a_writing_phone_that_votes_keeps_its_label_and_its_place(
    client: TestClient[Any, Any], named_server: VotingServer, named_saved: Path
) -> None:
    """A group's writing phone (S1) that votes takes a place; it was then called by the place
    (P4) in the marks, the merge markers and on its own page, so the room saw one phone under
    two names. The roll keeps the device's label and notes the place it took."""
    auth, who = await _join(client)
    assert who == "S1"
    assert (await _write(client, auth, "Først")).status == 200
    place = next_anonymous_id(named_server.sink.session)
    await named_server.sink.apply(lambda s: s.with_participant(Participant(place)))
    named_server.follow("resistance")
    items = [item.id for item in named_server.sink.session.exercise("resistance").scored_items]
    for score in (3, 4):  # the second vote goes to the same place: one place per device
        vote = {"exercise": "resistance", "scores": {items[0]: score}}
        response = await client.post("/api/vote", json=vote, headers=auth)
        assert response.status == 200, await response.text()
    state = await (await client.get("/api/state?v=-1", headers=auth)).json()
    assert state["participant"] == "S1" and state["mine"] == {items[0]: 4}  # its own vote, its label
    assert load_session(named_saved).answers_for("resistance").scores[items[0]] == {place: 4}
    named_server.follow("sheet-42")
    assert (await _write(client, auth, "Først og så", group="g2")).status == 200
    assert named_server.scribes.writing("sheet-42")[("g2", "t:1")] == ("S1",)
    again = await client.post("/api/join", json={"code": CODE}, headers=auth)  # the page comes back
    assert (await again.json())["participant"] == "S1"
    roll = named_server.desk.roll
    assert roll.participant_ids == {place} and set(roll.devices.values()) == {"~w1"}
    kept_file = named_saved.with_name("roll.toml")
    kept_file.write_text(roll.to_text(), encoding="utf-8")
    kept, problem = Roll.load(kept_file)  # after a restart too
    assert problem is None and kept.participant_ids == {place} and kept.seats == {"~w1": place}
    kept_file.write_text(roll.to_text().replace(f'"~w1" = "{place}"', '"~w1" = "~w2"'), encoding="utf-8")
    damaged, problem = Roll.load(kept_file)  # a seat that is no place: the file is not used
    assert problem is not None and "seat" in problem and not damaged.devices
    progress = named_server.desk.progress(named_server.sink.session)
    assert (progress.joined, progress.writers) == (1, 0)  # the panel's counts as before


def test_the_qr_board_says_what_scanning_is_for_now() -> None:
    """It said "Scan for at stemme" while the groups wrote their sheets (explore16)."""
    progress = Progress(joined=0, answered=0, complete=0)
    board = VoteBoard()
    said = {
        writing: board._words(
            VotingInfo("u", "j", CODE, progress, 20, round_open=not writing, writing=writing), "da", "\n"
        ).plain.splitlines()[0]
        for writing in ("group", "open", "")
    }
    assert said == {
        "group": "Scan for at skrive gruppens ark",
        "open": "Scan for at svare",
        "": "Scan for at stemme",
    }
