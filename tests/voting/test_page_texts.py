"""What a phone is told holds the texts as the wall shows them: no control or bidi characters (audit16).

Exercise texts (titles, prompts, items, vote options, scale ends, a sheet's fields and
options) and group names come from files facilitators mail each other. The wall and every
screen show them through ``text_safety`` (escape sequences, C0/C1 controls, bidi overrides
and zero-width characters taken out); the phone's page was sent them raw. A browser draws no
escape sequence, but it does obey U+202E: an option ``\\u202eabc`` read ``cba`` on every
phone and ``abc`` on the wall, so the room could vote on what it did not read the same.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from aiohttp.test_utils import TestClient, TestServer

from workshop_tui.core.keeper import SessionKeeper
from workshop_tui.core.model import Action
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.session_codec import session_to_dict
from workshop_tui.core.storage.sessions import load_session, new_session
from workshop_tui.core.storage.tomlio import dumps
from workshop_tui.voting.desk import Desk
from workshop_tui.voting.limits import Limits
from workshop_tui.voting.roll import Roll
from workshop_tui.voting.server import VotingServer
from workshop_tui.voting.sink import KeeperSink

from .conftest import CODE

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "unit"))
from hostile import poisoned_everywhere  # noqa: E402

PAYLOAD = " \x1b[31mR\x07\x9b2J\x1b]8;;https://evil.example\x07L\x1b]8;;\x07 \u202eabc\u2066\u200bz\ufeff"
SHOWN = " RL abcz"
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2066-\u2069\ufeff]")
EXERCISES = (
    "challenges-dot-vote",
    "resistance",
    "commitment",
    "sheet-42",
    "stakeholder-analysis",
    "sheet-45",
)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, inner in value.items():
            yield str(key)
            yield from _strings(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _strings(inner)
    elif isinstance(value, str):
        yield value


async def test_the_phone_page_is_told_texts_without_control_or_bidi_characters(
    library: Library, data_dir: Path
) -> None:
    made = new_session(
        title="Post",
        date="2026-12-03",
        exercises=[library.exercises[e] for e in EXERCISES],
        participants=8,
        groups=["Bord 1", "Bord 2"],
        session_id="post",
    )
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "post.toml"
    data = poisoned_everywhere(session_to_dict(made), payload=PAYLOAD)
    data["participants"] = session_to_dict(made)["participants"]  # anonymous places, for phones to take
    path.write_text(dumps(data), encoding="utf-8")
    session = load_session(path)  # a mailed file: its texts as they were written
    assert "\u202e" in session.exercise("challenges-dot-vote").items[0].text.get("da")
    desk = Desk(Roll(CODE), max_participants=20, limits=Limits(poll_seconds=0.1, devices_per_address=10))
    server = VotingServer(desk, KeeperSink(SessionKeeper(session, path)))
    seen: list[str] = []
    async with TestClient(TestServer(server.app())) as client:
        for exercise_id in EXERCISES:
            server.follow(exercise_id)
            joined = await (await client.post("/api/join", json={"code": CODE})).json()
            assert "token" in joined, (exercise_id, joined)
            auth = {"Authorization": f"Bearer {joined['token']}"}
            response = await client.get("/api/state?v=-1", headers=auth)
            assert response.status == 200, await response.text()
            state = await response.json()
            assert (state["exercise"] or state["write"])[
                "id" if state["exercise"] else "exercise"
            ] == exercise_id
            texts = list(_strings(state))
            found = sorted({hex(ord(c)) for text in texts for c in CONTROL.findall(text)})
            assert not found, (exercise_id, found)
            seen += [text for text in texts if SHOWN in text]
    assert len(seen) > 40, len(seen)  # titles, prompts, items, options, scale ends, fields, groups


async def test_a_group_s_texts_from_a_mailed_file_reach_the_scribe_cleaned_and_a_write_replaces_them(
    library: Library, data_dir: Path
) -> None:
    """``/api/texts`` sent a group's texts raw (phones17): cleaned on write, but a mailed session
    file can hold anything. Now as ``/api/state`` sends them (the wall's copy), with the versions
    of the texts on file, so the scribe's write over one replaces it rather than merging beside it."""
    made = new_session(
        title="Post",
        date="2026-12-03",
        exercises=[library.exercises[e] for e in ("sheet-42", "sheet-45")],
        participants=4,
        groups=["Bord 1", "Bord 2"],
        session_id="post",
    )
    made = made.with_text("sheet-42", "g1", "1", "Vi lærte")
    made = made.with_action("sheet-45", "g1", 0, Action("Ring", "Anne", "næste fredag"), due_as_written=True)
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "post.toml"
    data = poisoned_everywhere(session_to_dict(made), payload=PAYLOAD)
    data["participants"] = session_to_dict(made)["participants"]
    path.write_text(dumps(data), encoding="utf-8")
    session = load_session(path)
    assert "\x1b" in session.answers_for("sheet-42").texts["g1"]["1"]  # the file's text as written
    desk = Desk(Roll(CODE), max_participants=8, limits=Limits(poll_seconds=0.1, devices_per_address=10))
    server = VotingServer(desk, KeeperSink(SessionKeeper(session, path)))
    async with TestClient(TestServer(server.app())) as client:
        server.follow("sheet-42")
        joined = await (await client.post("/api/join", json={"code": CODE})).json()
        auth = {"Authorization": f"Bearer {joined['token']}"}
        sent: dict[str, Any] = {}
        for exercise_id in ("sheet-42", "sheet-45"):
            response = await client.get(f"/api/texts?e={exercise_id}&g=g1", headers=auth)
            assert response.status == 200, await response.text()
            body = await response.json()
            found = sorted({hex(ord(c)) for text in _strings(body) for c in CONTROL.findall(text)})
            assert not found, (exercise_id, found)
            sent[exercise_id] = body
        first = sent["sheet-42"]
        assert first["texts"]["t:1"].startswith("Vi lærte") and SHOWN in first["texts"]["t:1"]
        assert sent["sheet-45"]["texts"]["a:0:due"].startswith("næste fredag")
        write = {
            "exercise": "sheet-42",
            "group": "g1",
            "field": "t:1",
            "text": first["texts"]["t:1"] + " Mere.",
            "base": first["versions"]["t:1"],
        }
        answer = await (await client.post("/api/write", json=write, headers=auth)).json()
        assert answer["outcome"] == "saved", answer
        assert not CONTROL.findall(answer["text"])
    assert load_session(path).answers_for("sheet-42").texts["g1"]["1"] == write["text"]
