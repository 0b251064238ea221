"""The rules of voting without a network: joining, checking votes, and what a vote changes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from workshop_tui.model import Participant, Session
from workshop_tui.model.session import MAX_PARTICIPANTS, ScoreError
from workshop_tui.storage.sessions import load_session, save_session
from workshop_tui.voting.desk import MAX_BODY_BYTES, Desk, Refused, decode_body
from workshop_tui.voting.limits import RateLimiter
from workshop_tui.voting.roll import Roll, roll_path

from .conftest import CODE, Clock

NINE = {
    "trust": 1,
    "necessity": 2,
    "possibility": 3,
    "economic-threat": 4,
    "values": 5,
    "cost-benefit": 1,
    "failure": 2,
    "status": 3,
    "control": 4,
}


def _join(desk: Desk, session: Session, address: str = "a") -> tuple[str, str]:
    token, pid, changed = desk.join(session, {"code": CODE}, address)
    assert changed
    return token, pid


def test_the_resistance_grid_has_the_nine_items_the_tests_score(room_session: Session) -> None:
    assert [i.id for i in room_session.exercise("resistance").items] == list(NINE)


def test_joining_hands_out_anonymous_ids_and_recognises_a_known_token(
    desk: Desk, room_session: Session
) -> None:
    first, pid1 = _join(desk, room_session)
    second, pid2 = _join(desk, room_session)
    assert (pid1, pid2) == ("v1", "v2")
    assert first != second and len(first) >= 20
    assert desk.join(room_session, {"code": CODE}, "a", first) == (first, "v1", False)
    assert desk.participant_for(first) == "v1"
    assert CODE not in desk.roll.to_text().replace(f'code = "{CODE}"', "")
    assert first not in desk.roll.to_text()


def test_voter_ids_skip_ids_the_session_already_has(desk: Desk, room_session: Session) -> None:
    session = room_session.with_participant(Participant("v1", "Vera"))
    assert _join(desk, session)[1] == "v2"


def test_wrong_codes_are_refused_then_limited_per_address(desk: Desk, room_session: Session) -> None:
    for _ in range(8):
        with pytest.raises(Refused) as wrong:
            desk.join(room_session, {"code": "000000"}, "10.0.0.9")
        assert (wrong.value.status, wrong.value.reason) == (403, "unknown_code")
    with pytest.raises(Refused) as limited:
        desk.join(room_session, {"code": CODE}, "10.0.0.9")
    assert limited.value.status == 429 and limited.value.retry_after
    assert _join(desk, room_session, "10.0.0.10")[1] == "v1"


def test_the_room_is_full_at_the_facilitators_maximum(desk: Desk, room_session: Session) -> None:
    for _ in range(5):
        _join(desk, room_session)
    with pytest.raises(Refused) as full:
        desk.join(room_session, {"code": CODE}, "a")
    assert (full.value.status, full.value.reason) == (403, "full")


@pytest.mark.parametrize(
    ("body", "status", "reason"),
    [
        ([], 400, "malformed"),
        ({"exercise": "resistance"}, 400, "malformed"),
        ({"exercise": "resistance", "scores": {"trust": 3}, "extra": 1}, 400, "malformed"),
        ({"exercise": "resistance", "scores": {}}, 400, "malformed"),
        ({"exercise": 7, "scores": {"trust": 3}}, 400, "malformed"),
        ({"exercise": "resistance", "scores": [3]}, 400, "malformed"),
        ({"exercise": "commitment", "scores": {"value": 3}}, 409, "moved_on"),
        ({"exercise": "resistance", "scores": {"nope": 3}}, 422, "unknown_item"),
        ({"exercise": "resistance", "scores": {"trust": 0}}, 422, "off_scale"),
        ({"exercise": "resistance", "scores": {"trust": 6}}, 422, "off_scale"),
        ({"exercise": "resistance", "scores": {"trust": 2.5}}, 422, "off_scale"),
        ({"exercise": "resistance", "scores": {"trust": True}}, 422, "off_scale"),
        ({"exercise": "resistance", "scores": {"trust": "3"}}, 422, "off_scale"),
        ({"exercise": "resistance", "scores": {"trust": None}}, 422, "off_scale"),
        ({"exercise": "resistance", "scores": {"trust": 3, "status": 9}}, 422, "off_scale"),
    ],
)
def test_bad_votes_are_refused(
    desk: Desk, room_session: Session, body: Any, status: int, reason: str
) -> None:
    with pytest.raises(Refused) as refused:
        desk.ballot(room_session, "v1", body)
    assert (refused.value.status, refused.value.reason) == (status, reason)


def test_a_closed_round_refuses_votes_and_a_sheet_opens_none(desk: Desk, room_session: Session) -> None:
    version = desk.version
    assert desk.close() and desk.version == version + 1
    with pytest.raises(Refused) as closed:
        desk.ballot(room_session, "v1", {"exercise": "resistance", "scores": {"trust": 3}})
    assert (closed.value.status, closed.value.reason) == (409, "closed")
    assert not desk.follow(room_session, "sheet-42")
    assert desk.exercise_id is None
    assert desk.follow(room_session, "commitment") and desk.exercise_id == "commitment"


def test_unknown_tokens_are_refused(desk: Desk) -> None:
    for token in (None, "", "x" * 30, "not a token!"):
        with pytest.raises(Refused) as refused:
            desk.participant_for(token)
        assert refused.value.status == 401


def test_a_vote_adds_the_voter_and_a_re_vote_replaces_it(desk: Desk, room_session: Session) -> None:
    session = desk.ballot(room_session, "v1", {"exercise": "resistance", "scores": NINE}).edit(room_session)
    assert session.participant("v1") == Participant("v1")
    assert session.participant("v1").label == "V1"  # type: ignore[union-attr]
    assert {item: row["v1"] for item, row in session.answers_for("resistance").scores.items()} == NINE
    again = desk.ballot(session, "v1", {"exercise": "resistance", "scores": {"trust": 5}}).edit(session)
    assert again.answers_for("resistance").scores["trust"] == {"v1": 5}
    assert again.answers_for("resistance").values_for("necessity") == [2]
    assert len(again.participants) == 5


def test_in_tally_mode_a_vote_moves_one_count(desk: Desk, room_session: Session) -> None:
    session = room_session.with_mode("resistance", "tally").with_tally("resistance", "trust", 4, 3)
    vote = desk.ballot(session, "v1", {"exercise": "resistance", "scores": {"trust": 2}})
    session = vote.edit(session)
    assert session.answers_for("resistance").tallies["trust"] == {4: 3, 2: 1}
    session = desk.ballot(session, "v1", {"exercise": "resistance", "scores": {"trust": 4}}).edit(session)
    assert session.answers_for("resistance").tallies["trust"] == {4: 4}
    session = desk.ballot(session, "v1", {"exercise": "resistance", "scores": {"trust": 4}}).edit(session)
    assert session.answers_for("resistance").values_for("trust") == [4, 4, 4, 4]


def test_state_and_progress(desk: Desk, room_session: Session) -> None:
    token, pid = _join(desk, room_session)
    _join(desk, room_session)
    session = desk.ballot(room_session, pid, {"exercise": "resistance", "scores": NINE}).edit(room_session)
    state = desk.state(session, pid)
    assert state["open"] and state["participant"] == "V1" and state["mine"] == NINE
    exercise = state["exercise"]
    assert exercise["title"] == room_session.exercise("resistance").title.da
    assert [i["id"] for i in exercise["items"]] == list(NINE)
    assert exercise["scale"]["min"] == 1 and exercise["scale"]["max"] == 5
    progress = desk.progress(session)
    assert (progress.joined, progress.answered, progress.complete) == (2, 1, 1)
    desk.close()
    assert desk.state(session, pid)["open"] is False
    assert desk.state(session, pid)["exercise"] is None


def test_votes_from_one_device_are_limited(desk: Desk, clock: Clock) -> None:
    for _ in range(12):
        desk.check_vote_rate("t")
    with pytest.raises(Refused) as flood:
        desk.check_vote_rate("t")
    assert flood.value.status == 429
    desk.check_vote_rate("other")
    clock.now += 1
    desk.check_vote_rate("t")


def test_the_rate_limiter_forgets_idle_keys(clock: Clock) -> None:
    limiter = RateLimiter(2, 1, clock=clock)
    for n in range(5000):
        assert limiter.allow(str(n)) == 0
    assert len(limiter._buckets) <= 4097


@pytest.mark.parametrize(
    ("raw", "content_type", "status"),
    [
        (b"x" * (MAX_BODY_BYTES + 1), "application/json", 413),
        (b'{"code": "1"}', "text/plain", 415),
        (b'{"code": ', "application/json", 400),
        (b"\xff\xfe", "application/json", 400),
        (b'{"scores": {"trust": NaN}}', "application/json", 400),
        (b"[" * 2000 + b"]" * 2000, "application/json", 400),
    ],
    ids=["too-large", "not-json", "truncated", "not-utf8", "nan", "deep"],
)
def test_bodies_that_are_not_small_json_are_refused(raw: bytes, content_type: str, status: int) -> None:
    with pytest.raises(Refused) as refused:
        decode_body(raw, content_type)
    assert refused.value.status == status


def test_the_roll_round_trips_without_tokens_and_survives_damage(desk: Desk, room_session: Session) -> None:
    token, _ = _join(desk, room_session)
    path = roll_path(room_session.id)
    desk.roll.save(path)
    assert token not in path.read_text()
    loaded, problem = Roll.load(path)
    assert problem is None and loaded.code == CODE and loaded.participant_for(token) == "v1"
    path.write_text('code = "12"\n')
    fresh, problem = Roll.load(path)
    assert problem and fresh.code != CODE and not fresh.devices
    assert path.with_name(path.name + ".damaged").exists()


def test_a_voter_participant_round_trips_through_the_session_file(
    desk: Desk, room_session: Session, tmp_path: Path
) -> None:
    session = desk.ballot(room_session, "v1", {"exercise": "resistance", "scores": NINE}).edit(room_session)
    path = tmp_path / "s.toml"
    save_session(session, path)
    assert load_session(path) == session
    assert "address" not in path.read_text() and "127.0.0.1" not in path.read_text()


@pytest.mark.parametrize(
    "participant",
    [Participant("p1"), Participant("v 1"), Participant(""), Participant("v" * 81), Participant("v1\n")],
)
def test_with_participant_refuses_what_the_file_cannot_hold(
    room_session: Session, participant: Participant
) -> None:
    with pytest.raises(ScoreError):
        room_session.with_participant(participant)


def test_with_participant_refuses_a_full_session(room_session: Session) -> None:
    import dataclasses

    full = dataclasses.replace(
        room_session, participants=tuple(Participant(f"p{i}") for i in range(MAX_PARTICIPANTS))
    )
    with pytest.raises(ScoreError):
        full.with_participant(Participant("v1"))


def test_a_phone_counts_towards_done_only_where_it_answered(desk: Desk, room_session: Session) -> None:
    session = room_session
    for pid in ("p1", "p2", "p3", "p4"):
        session = session.with_score("commitment", "value", pid, 7)
    assert session.status("commitment") == "done"
    session = desk.ballot(session, "v1", {"exercise": "resistance", "scores": {"trust": 2}}).edit(session)
    assert session.participant("v1").by_phone  # type: ignore[union-attr]
    assert session.status("commitment") == "done"
    assert session.status("resistance") == "in_progress"
