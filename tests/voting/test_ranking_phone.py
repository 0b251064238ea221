"""The ranking kind on a phone: its control in the page's table, places sent and moved over HTTP."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from workshop_tui.core.i18n import section
from workshop_tui.core.keeper import SessionKeeper
from workshop_tui.core.model import Session
from workshop_tui.core.model.control import Control
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import load_session, new_session, save_session, session_path
from workshop_tui.voting.desk import Desk
from workshop_tui.voting.limits import Limits
from workshop_tui.voting.roll import Roll, roll_path
from workshop_tui.voting.server import VotingServer
from workshop_tui.voting.sink import KeeperSink

from .conftest import CODE, Clock
from .test_browser import CHROMIUM, ServerThread, browser  # noqa: F401 (a fixture, used below)
from .test_scribes_browser import _axe

RANKING = "challenges-ranking"
PAGE = resources.files("workshop_tui.voting").joinpath("page.js").read_text(encoding="utf-8")


@pytest.fixture
def ranking_saved(library: Library, data_dir: Path) -> tuple[Session, Path]:
    session = new_session(
        title="Rangordning",
        date="2026-12-02",
        exercises=[library.exercises[RANKING]],
        participants=3,
        timestamp="2026-12-02T09:00:00+00:00",
        session_id="rangordning",
    )
    path = session_path(session)
    save_session(session, path)
    return session, path


@pytest.fixture
async def phone(ranking_saved: tuple[Session, Path]) -> AsyncIterator[TestClient[Any, Any]]:
    session, path = ranking_saved
    desk = Desk(Roll(CODE), max_participants=5, limits=Limits(poll_seconds=0.3), clock=Clock())
    desk.follow(session, RANKING)
    keeper = SessionKeeper(session, path, clock=lambda: "2026-12-02T10:00:00+00:00")
    server = VotingServer(desk, KeeperSink(keeper), roll_path(session.id))
    async with TestClient(TestServer(server.app())) as client:
        yield client


def test_the_page_draws_a_ranking_with_its_own_control(library: Library) -> None:
    # The ranking declares the "order" shape (issue 14's gaps: the page draws shapes, not kinds).
    ranking = library.exercises[RANKING]
    assert ranking.body.control(ranking) == Control("order")
    table = re.search(r"^const SHAPES = \{\n(.*?)^\};", PAGE, re.MULTILINE | re.DOTALL)
    assert table is not None
    entry = re.search(r"^  order: \{(.*)\},$", table.group(1), re.MULTILINE)
    assert entry is not None and "row: placeRow" in entry.group(1) and "pending: placesLeft" in entry.group(1)
    assert "whole: true" in entry.group(1)  # room25: "Send" stays off until every item has a place
    # The control moves a place that another item held, as the server does.
    body = PAGE.split("function placeRow", 1)[1].split("\n}\n", 1)[0]
    assert "delete chosen[other]" in body


async def test_places_sent_from_a_phone_are_saved_and_a_repeated_place_moves(
    phone: TestClient[Any, Any], ranking_saved: tuple[Session, Path]
) -> None:
    _, path = ranking_saved
    joined = await (await phone.post("/api/join", json={"code": CODE})).json()
    auth = {"Authorization": f"Bearer {joined['token']}"}
    state = await (await phone.get("/api/state", headers=auth)).json()
    shown = state["exercise"]
    assert shown["kind"] == "ranking" and len(shown["items"]) == 7
    assert (shown["scale"]["min"], shown["scale"]["max"]) == (1, 7)
    assert shown["scale"]["min_label"] == "først" and shown["scale"]["max_label"] == "sidst"

    async def send(places: dict[str, int]) -> int:
        response = await phone.post("/api/vote", json={"exercise": RANKING, "scores": places}, headers=auth)
        return response.status

    items = [item["id"] for item in shown["items"]]
    whole = {item: place for place, item in enumerate(items, start=1)}
    # room25: a ranking of some items only is refused whole (the counts per item would differ).
    partial = await phone.post("/api/vote", json={"exercise": RANKING, "scores": {items[0]: 1}}, headers=auth)
    assert partial.status == 422 and (await partial.json())["reason"] == "whole_ranking"
    assert await send({**whole, items[1]: 1}) == 422  # one place given twice: an item without its own
    assert load_session(path).answers_for(RANKING).scores == {}
    assert await send(whole) == 200
    scores = load_session(path).answers_for(RANKING).scores
    assert {item: row["p1"] for item, row in scores.items()} == whole
    # A later ranking that gives first place to another item takes it from the first.
    moved = {**whole, items[0]: whole[items[6]], items[6]: 1}
    assert await send(moved) == 200
    scores = load_session(path).answers_for(RANKING).scores
    assert {item: row["p1"] for item, row in scores.items()} == moved
    assert await send({**whole, items[0]: 8}) == 422  # off the places


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium and chromium-driver")
def test_a_phone_ranks_in_a_real_browser_and_a_tapped_place_moves(
    browser: Any,  # noqa: F811 (the fixture imported from test_browser)
    ranking_saved: tuple[Session, Path],
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as shown
    from selenium.webdriver.support.ui import WebDriverWait

    session, path = ranking_saved
    server = VotingServer(
        Desk(Roll(CODE), max_participants=5), KeeperSink(SessionKeeper(session, path)), roll_path(session.id)
    )
    server.follow(RANKING)
    danish = section("phone.", "da")
    wait = WebDriverWait(browser, 10, poll_frequency=0.05)

    def tap(item: str, place: int) -> None:
        button = browser.find_element(By.CSS_SELECTOR, f'button[data-item="{item}"][data-value="{place}"]')
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
        button.click()

    def pressed(item: str, place: int) -> bool:
        css = f'button[data-item="{item}"][data-value="{place}"]'
        return browser.find_element(By.CSS_SELECTOR, css).get_attribute("aria-pressed") == "true"

    with ServerThread(server) as running:
        browser.get(running.url + "/")
        wait.until(shown.visibility_of_element_located((By.ID, "code"))).send_keys(CODE)
        browser.find_element(By.ID, "join-button").click()
        wait.until(shown.visibility_of_element_located((By.ID, "ex-title")))
        assert browser.find_element(By.ID, "legend").text == "1 = først · 7 = sidst"
        items = [i.id for i in session.exercise(RANKING).items]
        for place, item in enumerate(items, start=1):
            tap(item, place)
        tap(items[6], 1)  # the last item takes first place: the first item loses it
        assert pressed(items[6], 1) and not pressed(items[6], 7) and not pressed(items[0], 1)
        assert browser.find_element(By.ID, "status").text == danish["rank_all"].format(n=1)
        assert not browser.find_element(By.ID, "send").is_enabled()  # room25: only a whole ranking
        assert _axe(browser) == []  # the page with "Send" off and what is missing still passes axe-core
        tap(items[0], 7)
        assert browser.find_element(By.ID, "send").is_enabled()
        browser.find_element(By.ID, "send").click()
        wait.until(shown.text_to_be_present_in_element((By.ID, "status"), danish["sent"]))
    scores = load_session(path).answers_for(RANKING).scores
    given = {item: row["p1"] for item, row in scores.items()}
    assert given == {**{item: place for place, item in enumerate(items, start=1)}, items[6]: 1, items[0]: 7}
