"""The rules of voting without a network: joining, checking votes, and what a vote changes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from workshop_tui.core.model import Participant, Session
from workshop_tui.core.model.session import MAX_PARTICIPANTS, ScoreError
from workshop_tui.core.storage.sessions import load_session, save_session
from workshop_tui.voting.desk import MAX_BODY_BYTES, PRESENT_SECONDS, Desk, Refused, decode_body
from workshop_tui.voting.limits import Limits, RateLimiter
from workshop_tui.voting.roll import Roll, roll_path, token_hash

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


_ADDRESSES = iter(range(1, 10**6))


def _join(desk: Desk, session: Session, address: str = "") -> tuple[str, str]:
    """Join one device (from an address of its own unless one is given)."""
    token, pid, changed = desk.join(session, {"code": CODE}, address or f"10.1.{next(_ADDRESSES) % 250}.9")
    assert changed
    return token, pid


def test_the_resistance_grid_has_the_nine_items_the_tests_score(room_session: Session) -> None:
    assert [i.id for i in room_session.exercise("resistance").items] == list(NINE)


def test_joining_hands_out_anonymous_ids_and_recognises_a_known_token(
    desk: Desk, room_session: Session
) -> None:
    first, pid1 = _join(desk, room_session)
    second, pid2 = _join(desk, room_session)
    assert (pid1, pid2) == ("p1", "p2")  # the room's own places, not new columns
    assert first != second and len(first) >= 20
    assert desk.join(room_session, {"code": CODE}, "a", first) == (first, "p1", False)
    assert desk.participant_for(first) == "p1"
    assert CODE not in desk.roll.to_text()  # the code is never written
    assert first not in desk.roll.to_text()


def test_a_phone_takes_a_free_place_by_the_stated_rule(desk: Desk, room_session: Session) -> None:
    """Free: anonymous and held by no device; first those with no scores at all, then those
    with none in the open round; a named participant is never a phone's place."""
    session = room_session.with_participant(Participant("p5", "Vera"))
    session = session.with_score("commitment", "value", "p1", 7)  # p1 answered on paper earlier
    session = session.with_score("resistance", "trust", "p2", 4)  # p2 answers this round on paper
    assert _join(desk, session)[1] == "p3"
    assert _join(desk, session)[1] == "p4"
    assert _join(desk, session)[1] == "p1"  # no scores in the open round
    with pytest.raises(Refused) as none:
        _join(desk, session)
    assert (none.value.status, none.value.reason) == (403, "no_place")
    progress = desk.progress(session)
    assert (progress.joined, progress.places, progress.turned_away) == (3, 0, 1)  # p2 is not free here
    session = session.with_participant(Participant("p6"))
    desk.places_added()
    assert _join(desk, session)[1] == "p6" and desk.progress(session).turned_away == 0
    assert len(session.participants) == 6  # no phone added a column


def test_a_phone_never_sees_or_changes_answers_typed_for_its_place(desk: Desk, room_session: Session) -> None:
    session = room_session.with_score("commitment", "value", "p1", 7)
    for pid in ("p2", "p3", "p4"):
        session = session.with_score("commitment", "value", pid, 2)
    token, pid = _join(desk, session)
    assert pid == "p1"
    desk.follow(session, "commitment")
    assert desk.state(session, pid)["mine"] == {}
    with pytest.raises(Refused) as typed:
        desk.ballot(session, pid, {"exercise": "commitment", "scores": {"value": 3}})
    assert (typed.value.status, typed.value.reason) == (409, "typed")
    desk.follow(session, "resistance")
    session = desk.ballot(session, pid, {"exercise": "resistance", "scores": {"trust": 3}}).edit(session)
    assert desk.state(session, pid)["mine"] == {}  # not yet noted as its own vote (the server notes it)
    assert desk.roll.mark_voted(pid, "resistance") and not desk.roll.mark_voted(pid, "resistance")
    assert desk.state(session, pid)["mine"] == {"trust": 3}
    session = desk.ballot(session, pid, {"exercise": "resistance", "scores": {"trust": 5}}).edit(session)
    assert desk.state(session, pid)["mine"] == {"trust": 5}


def test_at_most_two_devices_join_from_one_address(room_session: Session, clock: Clock) -> None:
    desk = Desk(Roll(CODE), max_participants=50, clock=clock)
    first, _ = _join(desk, room_session, "192.168.1.7")
    _join(desk, room_session, "::ffff:192.168.1.7")  # the same address, as IPv6 writes it
    with pytest.raises(Refused) as third:
        desk.join(room_session, {"code": CODE}, "192.168.1.7")
    assert (third.value.status, third.value.reason) == (403, "address_full")
    assert desk.join(room_session, {"code": CODE}, "192.168.1.7", first)[2] is False  # a known phone
    _join(desk, room_session, "2001:db8:1:2::10")
    _join(desk, room_session, "2001:db8:1:2::11")
    with pytest.raises(Refused) as network:
        desk.join(room_session, {"code": CODE}, "2001:db8:1:2:aaaa::1")  # the same /64
    assert network.value.reason == "address_full"
    assert len(desk.roll.devices) == 4


def test_the_cap_per_address_is_configurable(room_session: Session, clock: Clock) -> None:
    desk = Desk(Roll(CODE), limits=Limits(devices_per_address=1), clock=clock)
    _join(desk, room_session, "10.0.0.2")
    with pytest.raises(Refused):
        _join(desk, room_session, "10.0.0.2")


def test_wrong_codes_lock_the_whole_room_whatever_the_address(room_session: Session, clock: Clock) -> None:
    limits = Limits(wrong_codes_free=10, lockout_seconds=4, lockout_max_seconds=600)
    desk = Desk(Roll(CODE), limits=limits, clock=clock)
    addresses = (f"127.{n // 250}.{n % 250}.1" for n in range(10_000))
    for _ in range(10):  # ten addresses, one guess each: the room's free guesses
        with pytest.raises(Refused) as wrong:
            desk.join(room_session, {"code": "000000"}, next(addresses))
        assert wrong.value.reason == "unknown_code"
    with pytest.raises(Refused):
        desk.join(room_session, {"code": "000001"}, next(addresses))
    locks = []
    for _ in range(12):
        # Every new address is locked out too, even with the right code, until the lock ends.
        with pytest.raises(Refused) as locked:
            desk.join(room_session, {"code": CODE}, next(addresses))
        assert (locked.value.status, locked.value.reason) == (429, "locked")
        assert locked.value.retry_after
        locks.append(round(locked.value.retry_after))
        clock.now += locked.value.retry_after + 0.01
        with pytest.raises(Refused):
            desk.join(room_session, {"code": "000002"}, next(addresses))
    assert locks[:5] == [4, 8, 16, 32, 64] and max(locks) == 600  # doubling, up to the most
    # Thousands of fresh addresses (more than any table keeps) do not buy a single guess.
    for _ in range(5000):
        with pytest.raises(Refused) as flood:
            desk.join(room_session, {"code": "123456"}, next(addresses))
        assert flood.value.reason == "locked"
    assert desk.progress(room_session).locked_for > 0
    old = desk.code
    assert desk.new_code() != old or desk.new_code() != old
    assert desk.progress(room_session).locked_for == 0
    with pytest.raises(Refused) as stale:
        desk.join(room_session, {"code": old}, "10.9.9.9")
    assert stale.value.reason == "unknown_code"
    assert desk.join(room_session, {"code": desk.code}, "10.9.9.10")[2]


def test_wrong_codes_are_refused_then_limited_per_address(desk: Desk, room_session: Session) -> None:
    for _ in range(8):
        with pytest.raises(Refused) as wrong:
            desk.join(room_session, {"code": "000000"}, "10.0.0.9")
        assert (wrong.value.status, wrong.value.reason) == (403, "unknown_code")
    with pytest.raises(Refused) as limited:
        desk.join(room_session, {"code": CODE}, "10.0.0.9")
    assert limited.value.status == 429 and limited.value.retry_after
    assert _join(desk, room_session, "10.0.0.10")[1] == "p1"


def test_the_room_is_full_at_the_facilitators_maximum(room_session: Session, clock: Clock) -> None:
    desk = Desk(Roll(CODE), max_participants=2, clock=clock)
    for _ in range(2):
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
    desk.roll.mark_voted(pid, "resistance")
    state = desk.state(session, pid)
    assert state["open"] and state["participant"] == "P1" and state["mine"] == NINE
    assert set(state) == {"version", "open", "participant", "exercise", "mine", "typed"}  # nobody else's
    exercise = state["exercise"]
    assert exercise["title"] == room_session.exercise("resistance").title.da
    assert [i["id"] for i in exercise["items"]] == list(NINE)
    assert exercise["scale"]["min"] == 1 and exercise["scale"]["max"] == 5
    progress = desk.progress(session)
    assert (progress.joined, progress.answered, progress.complete) == (2, 1, 1)
    desk.close()
    assert desk.state(session, pid)["open"] is False
    assert desk.state(session, pid)["exercise"] is None


def test_only_phones_heard_from_in_the_last_two_minutes_count_as_connected(
    desk: Desk, room_session: Session, clock: Clock
) -> None:
    """The leave dialog counted the roll's devices, kept between openings: a phone that joined
    an hour ago and left counted as cut off (phones17). Each request is noted by the desk."""
    first, _ = _join(desk, room_session)
    second, _ = _join(desk, room_session)
    writer, _, _ = desk.join(room_session, {"code": CODE}, "10.9.9.9", writing=True)
    progress = desk.progress(room_session)
    assert (progress.joined, progress.present, progress.writers, progress.present_writers) == (2, 2, 1, 1)
    clock.now += 100
    desk.participant_for(first)  # its page asks for news; the others are put away
    clock.now += 30
    progress = desk.progress(room_session)
    assert (progress.joined, progress.present, progress.writers, progress.present_writers) == (2, 1, 1, 0)
    assert progress.present_seconds == PRESENT_SECONDS == 120
    desk.join(room_session, {"code": CODE}, "10.9.9.8", writer)  # a known phone joins again
    assert desk.progress(room_session).present_writers == 1
    clock.now += 121
    progress = desk.progress(room_session)
    assert (progress.joined, progress.present, progress.present_writers) == (2, 0, 0)
    # Voting opened again: the roll (saved) knows the phones, none heard from in this opening.
    path = roll_path(room_session.id)
    desk.roll.save(path)
    again = Desk(Roll.load(path)[0], clock=clock)
    assert (again.progress(room_session).joined, again.progress(room_session).present) == (2, 0)


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
        (b'{"code": "111111", "code": "246810"}', "application/json", 400),
        (b'{"exercise": "a", "scores": {"trust": 1, "trust": 5}}', "application/json", 400),
    ],
    ids=["too-large", "not-json", "truncated", "not-utf8", "nan", "deep", "twice", "twice-inside"],
)
def test_bodies_that_are_not_small_json_are_refused(raw: bytes, content_type: str, status: int) -> None:
    with pytest.raises(Refused) as refused:
        decode_body(raw, content_type)
    assert refused.value.status == status


def test_the_roll_round_trips_without_tokens_and_survives_damage(desk: Desk, room_session: Session) -> None:
    token, _ = _join(desk, room_session)
    desk.roll.mark_voted("p1", "resistance")
    path = roll_path(room_session.id)
    desk.roll.save(path)
    assert token not in path.read_text() and CODE not in path.read_text()
    loaded, problem = Roll.load(path)
    assert problem is None and loaded.participant_for(token) == "p1"
    assert loaded.has_voted("p1", "resistance") and not loaded.has_voted("p1", "commitment")
    assert loaded.code.isdigit() and len(loaded.code) == 6 and loaded.code != CODE  # a new code
    path.write_text('devices = "12"\n')
    fresh, problem = Roll.load(path)
    assert problem and not fresh.devices
    assert path.with_name(path.name + ".damaged").exists()


def test_a_roll_from_an_earlier_version_keeps_its_phones_but_not_its_code(desk: Desk, tmp_path: Path) -> None:
    token = "a" * 24
    path = tmp_path / "old.toml"
    path.write_text(f'code = "{CODE}"\n\n[devices]\n{token_hash(token)} = "v1"\n')
    roll, problem = Roll.load(path)
    assert problem is None and roll.participant_for(token) == "v1" and roll.code != CODE


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


def test_places_are_added_and_only_an_unused_last_one_is_taken_away(room_session: Session) -> None:
    from workshop_tui.voting.places import next_anonymous_id, removable_place, without_place

    session = room_session.with_participant(Participant(next_anonymous_id(room_session)))
    assert [p.id for p in session.participants] == ["p1", "p2", "p3", "p4", "p5"]
    assert removable_place(session, {"p5"}) is None  # a phone holds it
    assert removable_place(session, set()) == "p5"
    assert without_place(session, "p5") == room_session
    scored = session.with_score("resistance", "trust", "p5", 2)
    assert removable_place(scored, set()) is None
    with pytest.raises(ValueError):
        without_place(scored, "p5")
    named = room_session.with_participant(Participant("p5", "Vera"))
    assert removable_place(named, set()) is None
