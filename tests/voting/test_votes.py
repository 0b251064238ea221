"""Phones voting on a single choice or a dot vote: what the page is sent, what is accepted.

A vote is sent whole (the options with the device's dots), so it is checked as a whole
before it queues for a save, and it replaces the device's earlier dots in one edit.
"""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from workshop_tui.core.keeper import SessionKeeper
from workshop_tui.core.kinds.votes import VoteBody, Votes, vote_scale
from workshop_tui.core.model import Session
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import load_session, new_session, save_session, session_path
from workshop_tui.voting.desk import Ballot, Desk, Refused, cast_votes, exercise_json
from workshop_tui.voting.limits import Limits
from workshop_tui.voting.roll import Roll, roll_path
from workshop_tui.voting.server import VotingServer
from workshop_tui.voting.sink import KeeperSink

from .conftest import CODE, Clock

CHOICE = "koege-stages"
"""A single choice among four stages of a leader network."""
DOTS = "challenges-dot-vote"
"""A dot vote: three dots, at most one on each of seven challenges."""
PAIRS = "dots-in-pairs"
"""The same challenges with four dots, at most two on one (``max_per_item`` above 1)."""
STAGES = ("learning-group", "trust-room", "coffee-club", "must-club")
CHALLENGES = (
    "silo",
    "value-chain",
    "resources",
    "structure",
    "competencies",
    "between-departments",
    "conflicting-goals",
)


def problems_of(session: Session, exercise_id: str) -> list[tuple[str, str, str]]:
    """The vote rules a session's answers break (as a hand-edited file is checked on load)."""
    exercise = session.exercise(exercise_id)
    return list(exercise.body.problems(exercise, session.answers_for(exercise_id)))


def make_vote_session(library: Library, language: str = "da") -> Session:
    """Four anonymous people, a single choice, a dot vote and a dot vote with two dots per option."""
    dots = library.exercises[DOTS]
    pairs = Votes(dots=4, max_per_item=2, inferred=True)
    return new_session(
        title="Stemmer",
        date="2026-11-23",
        exercises=[
            library.exercises[CHOICE],
            dots,
            dataclasses.replace(dots, id=PAIRS, body=VoteBody(pairs, dots.question), scale=vote_scale(pairs)),
            library.exercises["resistance"],
        ],
        participants=4,
        language=language,
        timestamp="2026-11-23T09:00:00+00:00",
        session_id="stemmer",
    )


@pytest.fixture
def session(library: Library) -> Session:
    return make_vote_session(library)


@pytest.fixture
def desk(clock: Clock) -> Desk:
    limits = Limits(poll_seconds=0.3, devices_per_address=10)
    return Desk(Roll(CODE), max_participants=5, limits=limits, clock=clock)


def _vote(desk: Desk, session: Session, exercise_id: str, scores: dict[str, Any], pid: str = "v1") -> Session:
    desk.follow(session, exercise_id)
    return desk.ballot(session, pid, {"exercise": exercise_id, "scores": scores}).edit(session)


def _mine(session: Session, exercise_id: str, pid: str = "v1") -> dict[str, int]:
    scores = session.answers_for(exercise_id).scores
    return {item: row[pid] for item, row in scores.items() if pid in row}


def test_the_page_is_told_the_kind_the_options_and_the_dots(library: Library) -> None:
    session = make_vote_session(library, "en")
    choice = exercise_json(session.exercise(CHOICE), "en")
    assert choice["kind"] == "single_choice"
    assert choice["title"] == session.exercise(CHOICE).title.en
    assert [item["id"] for item in choice["items"]] == list(STAGES)
    assert choice["items"][2]["text"].startswith("The coffee club")
    assert choice["votes"] == {"dots": 1, "max_per_item": 1}
    dots = exercise_json(session.exercise(DOTS), "da")
    assert dots["kind"] == "dot_vote" and dots["votes"] == {"dots": 3, "max_per_item": 1}
    assert choice["control"] == {"shape": "choose_one"}
    assert dots["control"] == {"shape": "dots", "dots": 3, "max_per_item": 1}
    assert [item["id"] for item in dots["items"]] == list(CHALLENGES)
    assert exercise_json(session.exercise(PAIRS), "da")["votes"] == {"dots": 4, "max_per_item": 2}


def test_a_rating_keeps_the_json_it_had_and_only_gains_its_kind_and_control(session: Session) -> None:
    rating = exercise_json(session.exercise("resistance"), "da")
    # "control" (the shape its kind declares, issue 14's gaps) is all the page reads to draw it.
    assert set(rating) == {"id", "kind", "control", "title", "prompt", "scale", "items"}
    assert rating["control"] == {"shape": "rate"}
    assert rating["kind"] == "rating_grid"
    assert rating["scale"]["min"] == 1 and rating["scale"]["max"] == 5


def test_a_single_choice_is_one_dot_and_a_re_vote_moves_it(desk: Desk, session: Session) -> None:
    session = _vote(desk, session, CHOICE, {"trust-room": 1})
    assert _mine(session, CHOICE) == {"trust-room": 1}
    session = _vote(desk, session, CHOICE, {"coffee-club": 1})
    assert _mine(session, CHOICE) == {"coffee-club": 1}
    assert desk.state(session, "v1")["mine"] == {"coffee-club": 1}
    assert list(problems_of(session, CHOICE)) == []


def test_a_dot_vote_replaces_the_devices_earlier_dots(desk: Desk, session: Session) -> None:
    session = _vote(desk, session, DOTS, {"silo": 1, "resources": 1, "structure": 1})
    session = _vote(desk, session, DOTS, {"value-chain": 1, "silo": 1})
    assert _mine(session, DOTS) == {"value-chain": 1, "silo": 1}
    session = _vote(desk, session, PAIRS, {"silo": 2, "structure": 2})
    # Lowering one option while adding another never counts the dots twice, in any order.
    session = _vote(desk, session, PAIRS, {"competencies": 1, "silo": 1, "structure": 2})
    assert _mine(session, PAIRS) == {"competencies": 1, "silo": 1, "structure": 2}
    session = _vote(desk, session, PAIRS, {"silo": 2, "resources": 1})
    assert _mine(session, PAIRS) == {"silo": 2, "resources": 1}
    for exercise_id in (DOTS, PAIRS):
        assert list(problems_of(session, exercise_id)) == []


def test_a_dot_vote_can_be_taken_back_whole_but_nothing_else_can_be_empty(
    desk: Desk, session: Session
) -> None:
    session = _vote(desk, session, DOTS, {"silo": 1, "resources": 1})
    session = _vote(desk, session, DOTS, {})
    assert _mine(session, DOTS) == {}
    assert list(problems_of(session, DOTS)) == []
    for exercise_id in (CHOICE, "resistance"):
        desk.follow(session, exercise_id)
        with pytest.raises(Refused) as refused:
            desk.ballot(session, "v1", {"exercise": exercise_id, "scores": {}})
        assert (refused.value.status, refused.value.reason) == (400, "malformed")


@pytest.mark.parametrize(
    ("exercise_id", "scores", "reason"),
    [
        (CHOICE, {"trust-room": 1, "coffee-club": 1}, "one_choice"),
        (CHOICE, {"trust-room": 2}, "over_item_max"),
        (CHOICE, {"trust-room": 0}, "off_scale"),
        (CHOICE, {"trust-room": True}, "off_scale"),
        (CHOICE, {"nowhere": 1}, "unknown_item"),
        (DOTS, {"silo": 1, "resources": 1, "structure": 1, "competencies": 1}, "too_many_dots"),
        (DOTS, {"silo": 2}, "over_item_max"),
        (DOTS, {"silo": -1}, "off_scale"),
        (DOTS, {"silo": "1"}, "off_scale"),
        (PAIRS, {"silo": 3}, "over_item_max"),
        (PAIRS, {"silo": 2, "resources": 2, "structure": 1}, "too_many_dots"),
    ],
)
def test_votes_against_the_rules_are_refused(
    desk: Desk, session: Session, exercise_id: str, scores: dict[str, Any], reason: str
) -> None:
    desk.follow(session, exercise_id)
    with pytest.raises(Refused) as refused:
        desk.ballot(session, "v1", {"exercise": exercise_id, "scores": scores})
    assert (refused.value.status, refused.value.reason) == (422, reason)


def test_a_ballot_for_a_rating_is_still_merged_not_whole(desk: Desk, session: Session) -> None:
    desk.follow(session, "resistance")
    ballot = desk.ballot(session, "v1", {"exercise": "resistance", "scores": {"trust": 3}})
    assert not ballot.whole
    desk.follow(session, DOTS)
    assert desk.ballot(session, "v1", {"exercise": DOTS, "scores": {"silo": 1}}).whole


def test_in_a_batch_the_devices_last_whole_vote_wins(session: Session) -> None:
    ballots = [
        Ballot(CHOICE, "v1", {"trust-room": 1}, whole=True),
        Ballot(CHOICE, "v2", {"must-club": 1}, whole=True),
        Ballot(CHOICE, "v1", {"learning-group": 1}, whole=True),
    ]
    session = cast_votes(session, ballots)
    assert _mine(session, CHOICE) == {"learning-group": 1}
    assert _mine(session, CHOICE, "v2") == {"must-club": 1}
    session = cast_votes(
        session,
        [
            Ballot(DOTS, "v1", {"silo": 1, "resources": 1, "structure": 1}, whole=True),
            Ballot(DOTS, "v1", {"competencies": 1}, whole=True),
        ],
    )
    assert _mine(session, DOTS) == {"competencies": 1}


def test_in_tally_mode_a_re_vote_moves_one_count(desk: Desk, session: Session) -> None:
    session = session.with_mode(CHOICE, "tally").with_mode(PAIRS, "tally")
    session = _vote(desk, session, CHOICE, {"trust-room": 1})
    session = _vote(desk, session, CHOICE, {"coffee-club": 1})
    answers = session.answers_for(CHOICE)
    assert answers.values_for("trust-room") == [] and answers.values_for("coffee-club") == [1]
    session = _vote(desk, session, PAIRS, {"silo": 2, "resources": 1})
    session = _vote(desk, session, PAIRS, {"silo": 1, "structure": 2})
    answers = session.answers_for(PAIRS)
    assert [answers.values_for(item) for item in ("silo", "resources", "structure")] == [[1], [], [2]]


def test_whoever_voted_is_complete_in_the_progress_of_a_vote(desk: Desk, session: Session) -> None:
    pids = [desk.join(session, {"code": CODE}, f"10.0.0.{n}")[1] for n in range(3)]
    assert pids == ["p1", "p2", "p3"]  # phones take the room's places
    session = _vote(desk, session, CHOICE, {"trust-room": 1}, "p1")
    session = _vote(desk, session, CHOICE, {"must-club": 1}, "p2")
    progress = desk.progress(session)
    assert (progress.joined, progress.answered, progress.complete) == (3, 2, 2)
    assert progress.places == 1 and len(session.participants) == 4


# Over HTTP: the JSON a phone's page gets, and the answers it hears.


@pytest.fixture
def saved(session: Session, data_dir: Path) -> Path:
    path = session_path(session)
    save_session(session, path)
    return path


@pytest.fixture
def server(session: Session, saved: Path, desk: Desk) -> VotingServer:
    return VotingServer(desk, KeeperSink(SessionKeeper(session, saved)), roll_path(session.id))


@pytest.fixture
async def client(server: VotingServer) -> AsyncIterator[TestClient[Any, Any]]:
    async with TestClient(TestServer(server.app())) as test_client:
        yield test_client


async def _join(client: TestClient[Any, Any]) -> dict[str, str]:
    body = await (await client.post("/api/join", json={"code": CODE})).json()
    return {"Authorization": f"Bearer {body['token']}"}


async def test_the_state_tells_the_page_which_controls_to_draw(
    client: TestClient[Any, Any], server: VotingServer
) -> None:
    auth = await _join(client)
    server.follow(CHOICE)
    state = await (await client.get("/api/state", headers=auth)).json()
    assert state["exercise"]["kind"] == "single_choice" and state["mine"] == {}
    assert state["exercise"]["votes"] == {"dots": 1, "max_per_item": 1}
    server.follow(PAIRS)
    state = await (await client.get("/api/state", headers=auth)).json()
    assert state["exercise"]["kind"] == "dot_vote"
    assert state["exercise"]["votes"] == {"dots": 4, "max_per_item": 2}
    assert len(state["exercise"]["items"]) == len(CHALLENGES)


async def test_votes_are_accepted_or_refused_over_http(
    client: TestClient[Any, Any], server: VotingServer, saved: Path
) -> None:
    auth = await _join(client)

    async def vote(exercise_id: str, scores: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        body = {"exercise": exercise_id, "scores": scores}
        response = await client.post("/api/vote", json=body, headers=auth)
        return response.status, await response.json()

    server.follow(PAIRS)
    before = saved.read_bytes()
    assert await vote(PAIRS, {"silo": 3}) == (
        422,
        {"error": 422, "reason": "over_item_max", "detail": "at most 2 dots on one option"},
    )
    status, body = await vote(PAIRS, {"silo": 2, "resources": 2, "structure": 1})
    assert (status, body["reason"]) == (422, "too_many_dots")
    assert saved.read_bytes() == before
    assert await vote(PAIRS, {"silo": 2, "resources": 1}) == (200, {"ok": True, "scores": 2})
    assert await vote(PAIRS, {"silo": 1, "structure": 2, "competencies": 1}) == (
        200,
        {"ok": True, "scores": 3},
    )
    assert _mine(load_session(saved), PAIRS, "p1") == {"silo": 1, "structure": 2, "competencies": 1}
    server.follow(CHOICE)
    status, body = await vote(CHOICE, {"trust-room": 1, "must-club": 1})
    assert (status, body["reason"]) == (422, "one_choice")
    assert (await vote(CHOICE, {"trust-room": 1}))[0] == 200
    assert (await vote(CHOICE, {"must-club": 1}))[0] == 200
    state = await (await client.get("/api/state", headers=auth)).json()
    assert state["mine"] == {"must-club": 1}
    assert _mine(load_session(saved), CHOICE, "p1") == {"must-club": 1}
