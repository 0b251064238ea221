"""The roll file's ids are checked on read, as a session's are (audit16).

A roll (``<data dir>/voting/<session id>.toml``) is a file on disk like any other: copied
with the data folder, restored from a backup, edited by hand. Its ``[seats]`` table (the
place a group's writing phone took when it voted) was held to "a string, not a writer's
id": a seat ``"~w1" = "../../x\\u001b[31m"`` was read, the phone's page was told it is
``../../X`` with the escape in it, and its first vote made the session add a participant
with that id, which the model refuses (``participant.bad_id``), so the phone could not vote.
Two writing phones seated at one place, or a writer seated at a phone's own place, would
be two devices voting as one person. Each such file is now refused whole, as any other
damaged roll: kept as ``.damaged`` (its bytes unchanged) and a new roll started.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop_tui.core.model.ids import valid_id
from workshop_tui.core.storage.tomlio import dumps
from workshop_tui.voting.roll import Roll, is_writer, token_hash

HASH = token_hash("a" * 24)
OTHER = token_hash("b" * 24)
HOSTILE = (
    "../../x",
    "..",
    "/etc/passwd",
    "C:\\x",
    "p1\x1b[31m",
    "p1\x07",
    "p\x9b2J",
    "p\u202e1",
    "p\u200b1",
    "p1\n",
    " p1",
    "",
    "P" * 81,
    "x" * 1_000_000,
    "~w2",
)
"""Seat values (places) that are no participant id."""


def _roll(folder: Path, table: dict[str, Any]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "s.toml"
    path.write_text(dumps(table), encoding="utf-8")
    return path


def _refused(path: Path) -> str:
    before = path.read_bytes()
    roll, problem = Roll.load(path)
    assert problem is not None and str(path) in problem, problem
    assert not roll.devices and not roll.seats
    assert not path.exists() and path.with_name(path.name + ".damaged").read_bytes() == before
    return problem


@pytest.mark.parametrize("place", HOSTILE, ids=range(len(HOSTILE)))
def test_a_seat_that_is_no_participant_id_is_refused(tmp_path: Path, place: str) -> None:
    path = _roll(tmp_path, {"devices": {HASH: "~w1"}, "seats": {"~w1": place}})
    problem = _refused(path)
    assert "seat" in problem and "\x1b" not in problem and len(problem) < 400


@pytest.mark.parametrize(
    "table",
    [
        {"devices": {HASH: "~w1", OTHER: "~w2"}, "seats": {"~w1": "p3", "~w2": "p3"}},  # one place, two
        {"devices": {HASH: "~w1", OTHER: "p3"}, "seats": {"~w1": "p3"}},  # a phone's own place
        {"devices": {HASH: "~w1"}, "seats": {"~w01": "p3"}},  # not a writer id the app makes
        {"devices": {HASH: "../../x"}},  # a device's id, as the seat's
        {"devices": {HASH: "p1\x1b]0;PWNED\x07"}},
        {"devices": {HASH: "~w1x"}},
        {"devices": {HASH: "~w1"}, "seats": {"~w1": 3}},  # wrong types
        {"devices": {HASH: "~w1"}, "seats": {"~w1": {"deep": {"er": ["p1"]}}}},
        {"devices": {HASH: "p1"}, "voted": {"p1": ["../../x"]}},  # the exercises a place voted on
        {"devices": {HASH: "p1"}, "voted": {"p1\x1b[2J": ["resistance"]}},
        {"devices": {HASH: "p1"}, "voted": {"p1": [["resistance"]]}},
    ],
    ids=[
        "one-place-two",
        "phone-place",
        "w01",
        "device-path",
        "device-osc",
        "w1x",
        "int",
        "nested",
        "voted-path",
        "voted-escape",
        "voted-nested",
    ],
)
def test_a_roll_whose_devices_or_seats_do_not_fit_together_is_refused(
    tmp_path: Path, table: dict[str, Any]
) -> None:
    _refused(_roll(tmp_path, table))


@pytest.mark.parametrize(
    "text",
    ["x = " + "[" * 100_000 + "]" * 100_000, "devices = " + "{a = " * 5_000 + "1" + "}" * 5_000],
    ids=["arrays", "tables"],
)
def test_a_roll_nested_past_the_parser_s_depth_is_refused_not_raised(tmp_path: Path, text: str) -> None:
    """tomllib recurses per level: a RecursionError escaped ``Roll.load`` and voting did not open."""
    path = tmp_path / "s.toml"
    path.write_text(text, encoding="utf-8")
    problem = _refused(path)
    assert len(problem) < 400


def test_a_roll_the_app_writes_is_read_back(tmp_path: Path) -> None:
    roll = Roll(
        "123456", {HASH: "~w1", OTHER: "p2"}, {"p2": ["resistance"], "p3": ["sheet-42"]}, {"~w1": "p3"}
    )
    path = tmp_path / "s.toml"
    roll.save(path)
    kept, problem = Roll.load(path)
    assert problem is None and kept.seats == {"~w1": "p3"} and kept.participant_ids == {"p2", "p3"}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.dictionaries(st.text(max_size=12), st.text(max_size=12) | st.integers(), max_size=4),
    st.dictionaries(st.sampled_from([HASH, OTHER]), st.text(max_size=12), max_size=2),
)
def test_a_read_roll_holds_only_ids_that_fit(
    tmp_path: Path, seats: dict[str, Any], devices: dict[str, str]
) -> None:
    path = _roll(tmp_path / "p", {"devices": devices, "seats": seats})
    roll, problem = Roll.load(path)
    if problem is not None:
        return
    for device in roll.devices.values():
        assert valid_id(device) or (is_writer(device) and device[2:].isdigit() and device[2] != "0")
    seated = list(roll.seats.values())
    assert all(valid_id(place) and not is_writer(place) for place in seated)
    assert len(seated) == len(set(seated))  # a seat never shares a place: with another seat
    assert not set(seated) & set(roll.devices.values())  # nor with a phone's own


def test_a_second_damaged_roll_is_kept_beside_the_first(tmp_path: Path) -> None:
    """The first damaged roll was replaced by the second (audit17): its record of places was gone."""
    first = _roll(tmp_path, {"devices": {HASH: "../../x"}})
    first_bytes = first.read_bytes()
    _refused(first)
    second = _roll(tmp_path, {"devices": {HASH: "p\u202e1"}})
    second_bytes = second.read_bytes()
    _, problem = Roll.load(second)
    assert problem is not None and "s.toml.damaged-2" in problem, problem
    assert not second.exists()
    assert (tmp_path / "s.toml.damaged").read_bytes() == first_bytes
    assert (tmp_path / "s.toml.damaged-2").read_bytes() == second_bytes
