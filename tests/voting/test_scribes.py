"""Groups write on their devices and everyone gives open answers, over HTTP (issue 17).

A device writes a group's field of a sheet or an action list; the text is on disk when the
server answers; a write sent twice changes nothing; two writers on one field (two devices,
or a device and the facilitator) both keep their text. Open answers are stored under the
page's random ids, never the device's place.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from workshop_tui.core.keeper import SessionKeeper
from workshop_tui.core.model import Session
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import load_session, new_session, save_session, session_path
from workshop_tui.core.writing import version_of
from workshop_tui.voting.desk import Desk
from workshop_tui.voting.limits import Limits
from workshop_tui.voting.roll import Roll
from workshop_tui.voting.server import VotingServer
from workshop_tui.voting.sink import KeeperSink

from .conftest import CODE


@pytest.fixture
def writing_session(library: Library) -> Session:
    return new_session(
        title="Skrivning",
        date="2026-12-02",
        exercises=[library.exercises[e] for e in ("sheet-42", "sheet-45", "take-home", "resistance")],
        participants=6,
        groups=["Bord 1", "Bord 2"],
        timestamp="2026-12-02T09:00:00+00:00",
        session_id="skrivning",
    )


@pytest.fixture
def writing_saved(writing_session: Session, data_dir: Path) -> Path:
    path = session_path(writing_session)
    save_session(writing_session, path)
    return path


@pytest.fixture
def writing_keeper(writing_session: Session, writing_saved: Path) -> SessionKeeper:
    return SessionKeeper(writing_session, writing_saved)


@pytest.fixture
def writing_server(writing_keeper: SessionKeeper) -> VotingServer:
    desk = Desk(Roll(CODE), max_participants=6, limits=Limits(poll_seconds=0.3, devices_per_address=10))
    server = VotingServer(desk, KeeperSink(writing_keeper))
    server.follow("sheet-42")
    return server


@pytest.fixture
async def client(writing_server: VotingServer) -> AsyncIterator[TestClient[Any, Any]]:
    async with TestClient(TestServer(writing_server.app())) as test_client:
        yield test_client


async def _join(client: TestClient[Any, Any]) -> dict[str, str]:
    response = await client.post("/api/join", json={"code": CODE})
    assert response.status == 200, await response.text()
    return {"Authorization": f"Bearer {(await response.json())['token']}"}


async def _write(client: TestClient[Any, Any], auth: dict[str, str], **given: str) -> Any:
    body = {"exercise": "sheet-42", "group": "g1", "field": "t:1", "base": ""} | given
    return await client.post("/api/write", json=body, headers=auth)


async def test_the_page_gets_the_sheet_as_on_paper_and_the_groups(client: TestClient[Any, Any]) -> None:
    auth = await _join(client)
    state = await (await client.get("/api/state?v=-1", headers=auth)).json()
    write = state["write"]
    assert state["open"] is False and write["mode"] == "group" and write["exercise"] == "sheet-42"
    assert [g["name"] for g in write["groups"]] == ["Bord 1", "Bord 2"]
    first = write["fields"][0]
    assert first["key"] == "t:1" and first["shape"] == "lines" and first["label"].startswith("1. ")
    assert all(f["max"] >= 1000 for f in write["fields"])


async def test_a_device_s_text_is_on_disk_when_answered_and_a_resend_changes_nothing(
    client: TestClient[Any, Any], writing_saved: Path
) -> None:
    auth = await _join(client)
    text = "Vi lærte at lytte.\nÆbler, øl og å – æøå ÆØÅ"
    response = await _write(client, auth, text=text)
    body = await response.json()
    assert response.status == 200 and body["outcome"] == "saved" and body["version"] == version_of(text)
    assert load_session(writing_saved).answers_for("sheet-42").texts["g1"]["1"] == text
    again = await (await _write(client, auth, text=text)).json()  # the answer was lost: sent again
    assert again["outcome"] == "same" and again["text"] == text
    more = await (await _write(client, auth, text=text + " Mere.", base=body["version"])).json()
    assert more["outcome"] == "saved"
    assert load_session(writing_saved).answers_for("sheet-42").texts["g1"]["1"] == text + " Mere."
    texts = await (await client.get("/api/texts?e=sheet-42&g=g1", headers=auth)).json()
    assert texts["texts"]["t:1"] == text + " Mere." and texts["versions"]["t:1"] == version_of(
        text + " Mere."
    )


async def test_two_devices_on_one_field_both_keep_their_text_and_see_each_other(
    client: TestClient[Any, Any], writing_saved: Path
) -> None:
    anne, bo = await _join(client), await _join(client)
    assert (await _write(client, anne, text="Annes tekst")).status == 200
    merged = await (await _write(client, bo, text="Bos tekst")).json()  # typed over the empty field
    assert merged["outcome"] == "merged"
    on_disk = load_session(writing_saved).answers_for("sheet-42").texts["g1"]["1"]
    assert on_disk.startswith("Annes tekst\n") and on_disk.endswith("\nBos tekst") and "S2" in on_disk
    seen = await (await client.get("/api/texts?e=sheet-42&g=g1", headers=anne)).json()
    # Anne sees that S2 writes here too (a writing device: no participant place, phones13)
    assert seen["writers"] == {"t:1": "S2"}
    assert (await (await client.get("/api/texts?e=sheet-42&g=g1", headers=bo)).json())["writers"] == {
        "t:1": "S1"
    }


async def test_the_facilitator_s_change_is_kept_beside_the_device_s(
    client: TestClient[Any, Any], writing_keeper: SessionKeeper, writing_saved: Path
) -> None:
    auth = await _join(client)
    first = await (await _write(client, auth, text="Fra telefonen")).json()
    # The facilitator rewrites the sentence while the scribe adds to it: both changes are made.
    writing_keeper.apply(lambda s: s.with_text("sheet-42", "g1", "1", "Facilitatoren rettede"))
    merged = await (await _write(client, auth, text="Fra telefonen, mere", base=first["version"])).json()
    assert merged["outcome"] == "merged" and merged["text"] == "Facilitatoren rettede, mere"
    # Both change the same words: no one right answer, so both texts are kept whole.
    writing_keeper.apply(lambda s: s.with_text("sheet-42", "g1", "1", "Facilitatoren rettede, mindre"))
    clash = await (
        await _write(client, auth, text="Facilitatoren rettede, meget mere", base=merged["version"])
    ).json()
    on_disk = load_session(writing_saved).answers_for("sheet-42").texts["g1"]["1"]
    assert clash["outcome"] == "merged" and on_disk == clash["text"]
    assert on_disk.startswith("Facilitatoren rettede, mindre\n") and on_disk.endswith(
        "\nFacilitatoren rettede, meget mere"
    )
    assert "S1" in on_disk.splitlines()[1]  # the marker names the writer


async def test_five_scribes_typing_at_the_end_of_one_field_keep_every_word_and_no_copies(
    client: TestClient[Any, Any], writing_saved: Path
) -> None:
    devices = [await _join(client) for _ in range(5)]
    held = [("", "")] * 5  # what each page holds: (text, version)
    for chunk in range(6):
        for index, auth in enumerate(devices):
            text, version = held[index]
            body = await (await _write(client, auth, text=f"{text} [{index}.{chunk}]", base=version)).json()
            held[index] = (body["text"], body["version"])  # the page adopts what was kept
    on_disk = load_session(writing_saved).answers_for("sheet-42").texts["g1"]["1"]
    pieces = [f"[{i}.{c}]" for i in range(5) for c in range(6)]
    assert all(on_disk.count(piece) == 1 for piece in pieces), on_disk
    assert len(on_disk) < 400  # no copies of copies: the field grows by what was typed


async def test_actions_take_an_owner_and_a_real_date_and_refuse_a_date_that_is_none(
    client: TestClient[Any, Any], writing_server: VotingServer, writing_saved: Path
) -> None:
    writing_server.follow("sheet-45")
    auth = await _join(client)
    fields = {
        f["key"]: f
        for f in (await (await client.get("/api/state?v=-1", headers=auth)).json())["write"]["fields"]
    }
    assert (
        fields["a:0:due"]["shape"] == "date"
        and fields["a:0:owner"]["shape"] == "line"
        and "challenge" in fields
    )
    for key, text in (("a:0:text", "Fælles morgenmøde"), ("a:0:owner", "Søren"), ("a:0:due", "2027-01-20")):
        response = await _write(client, auth, exercise="sheet-45", group="g2", field=key, text=text)
        assert response.status == 200, await response.text()
    action = load_session(writing_saved).answers_for("sheet-45").actions["g2"][0]
    assert (action.text, action.owner, action.due) == ("Fælles morgenmøde", "Søren", "2027-01-20")
    bad = await _write(client, auth, exercise="sheet-45", group="g2", field="a:1:due", text="i morgen måske")
    assert bad.status == 422 and (await bad.json())["reason"] == "refused"


async def test_a_refused_date_clears_its_writing_mark_at_once_and_tells_the_screen(
    client: TestClient[Any, Any], writing_server: VotingServer
) -> None:
    """A date the session cannot read ("næste uge") was never kept, yet the laptop showed
    "✎ skriver" on the field for a few seconds more (the mark is set as the write is checked)."""
    writing_server.follow("sheet-45")
    told: list[str] = []
    writing_server.on_marks = lambda: told.append("marks")
    auth = await _join(client)
    for key, text in (("a:0:text", "Fælles morgenmøde"), ("a:0:due", "2027-01-20")):
        response = await _write(client, auth, exercise="sheet-45", group="g2", field=key, text=text)
        assert response.status == 200, await response.text()
    marks = writing_server.scribes.writing("sheet-45")
    assert ("g2", "a:0:due") in marks and ("g2", "a:0:text") in marks and not told
    bad = await _write(client, auth, exercise="sheet-45", group="g2", field="a:0:due", text="næste uge")
    assert bad.status == 422
    marks = writing_server.scribes.writing("sheet-45")
    assert ("g2", "a:0:due") not in marks and ("g2", "a:0:text") in marks  # only the refused field's
    assert told == ["marks"]
    assert writing_server.scribes.marks_change_in("sheet-45") is not None  # the text mark goes on time


async def test_bad_writes_are_refused_with_a_reason_and_control_characters_stripped(
    client: TestClient[Any, Any], writing_saved: Path
) -> None:
    auth = await _join(client)
    assert (await _write(client, auth, field="t:99", text="x")).status == 422
    assert (await (await _write(client, auth, group="g9", text="x")).json())["reason"] == "no_group"
    assert (await _write(client, auth, exercise="resistance", text="x")).status == 409
    assert (await _write(client, auth, text="x" * 4001)).status == 422
    assert (await client.post("/api/write", data=b"x" * 30_000, headers=auth)).status == 413
    assert (await client.post("/api/write", json={"text": "x"}, headers=auth)).status == 400
    assert (await client.post("/api/write", json={"exercise": "sheet-42"})).status == 401
    response = await _write(client, auth, text="Rent\x1b]52;c;aGk=\x07 \x00tekst\r\nlinje 2\u202e")
    assert response.status == 200
    assert load_session(writing_saved).answers_for("sheet-42").texts["g1"]["1"] == "Rent tekst\nlinje 2"


async def test_open_answers_are_anonymous_limited_per_device_and_refused_when_too_long(
    client: TestClient[Any, Any], writing_server: VotingServer, writing_saved: Path
) -> None:
    writing_server.follow("take-home")
    auth = await _join(client)
    state = await (await client.get("/api/state?v=-1", headers=auth)).json()
    assert state["write"]["mode"] == "open" and state["write"]["per_device"] == 3

    async def answer(answer_id: str, text: str) -> Any:
        body = {"exercise": "take-home", "answer": answer_id, "text": text}
        return await client.post("/api/answer", json=body, headers=auth)

    assert (await answer("a1f00", "Mod på at spørge mere")).status == 200
    assert (await answer("a1f00", "Mod på at spørge mere")).status == 200  # sent twice: one answer
    assert (await answer("a2f00", "Tillid tager tid")).status == 200
    assert (await answer("a3f00", "x" * 281)).status == 422
    assert (await answer("a3f00", "Mod")).status == 200
    refused = await answer("a4f00", "En fjerde")
    assert refused.status == 422 and (await refused.json())["reason"] == "too_many_answers"
    assert (await answer("../x", "sti")).status == 400
    answers = load_session(writing_saved).answers_for("take-home")
    assert dict(answers.opens) == {
        "a1f00": "Mod på at spørge mere",
        "a2f00": "Tillid tager tid",
        "a3f00": "Mod",
    }
    assert answers.open_state == {}  # new: on the facilitator's screen only
    text = writing_saved.read_text(encoding="utf-8")
    assert "p1" not in text.split("[answers", 1)[1]  # no place in the answers
    other = await _join(client)
    taken = await client.post(
        "/api/answer", json={"exercise": "take-home", "answer": "a1f00", "text": "overskrevet"}, headers=other
    )
    assert taken.status == 409  # another device's answer is never overwritten
    removed = await client.post(
        "/api/answer", json={"exercise": "take-home", "answer": "a1f00", "text": ""}, headers=other
    )
    assert removed.status == 409  # nor taken back (an empty text removed it)
    assert load_session(writing_saved).answers_for("take-home").opens["a1f00"] == "Mod på at spørge mere"
    assert (await answer("a2f00", "")).status == 200  # a device takes back its own
    assert "a2f00" not in load_session(writing_saved).answers_for("take-home").opens
