"""The participant page in a real browser: Debian's headless Chromium, driven by its chromedriver.

The browser is never downloaded: the test uses /usr/bin/chromium and /usr/bin/chromedriver
(``.ci/run`` installs both with apt-get) and is skipped only where Chromium is not installed.
The server runs on 127.0.0.1 in a thread of its own, as it would inside the app.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from workshop_tui.core.i18n import section
from workshop_tui.core.keeper import SessionKeeper
from workshop_tui.core.model import Session
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import load_session, save_session, session_path
from workshop_tui.voting.desk import Desk
from workshop_tui.voting.roll import Roll, roll_path
from workshop_tui.voting.server import VotingServer
from workshop_tui.voting.sink import KeeperSink

from .conftest import CODE
from .test_desk import NINE
from .test_votes import CHALLENGES, CHOICE, PAIRS, make_vote_session

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
PHONE = (390, 844)

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)",
)


class ServerThread:
    """The voting server on its own event loop in a thread, while Selenium blocks this one."""

    def __init__(self, server: VotingServer) -> None:
        self.server = server
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    def call(self, coroutine: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout=10)

    def __enter__(self) -> ServerThread:
        self.thread.start()
        self.call(self.server.start("127.0.0.1", [0]))
        self.url = f"http://127.0.0.1:{self.server.port}"
        return self

    def __exit__(self, *exc: object) -> None:
        self.call(self.server.stop())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=10)
        self.loop.close()


@pytest.fixture
def browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    # Both paths are given, so Selenium Manager has nothing to look up; offline all the same.
    monkeypatch.setenv("SE_OFFLINE", "true")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        f"--user-data-dir={tmp_path / 'chromium'}",
        f"--window-size={PHONE[0]},{PHONE[1]}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=str(CHROMEDRIVER)))
    driver.set_page_load_timeout(15)
    try:
        yield driver
    finally:
        driver.quit()


def test_a_phone_joins_with_the_code_votes_and_sees_the_confirmation(
    browser: Any, room_session: Session, saved: Path, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as shown
    from selenium.webdriver.support.ui import WebDriverWait

    keeper = SessionKeeper(room_session, saved)
    desk = Desk(Roll(CODE), max_participants=5)
    server = VotingServer(desk, KeeperSink(keeper), roll_path(room_session.id))
    server.follow("resistance")
    danish = section("phone.", "da")
    wait = WebDriverWait(browser, 10, poll_frequency=0.05)

    def status_is(text: str) -> Any:
        return shown.text_to_be_present_in_element((By.ID, "status"), text)

    def tap(css: str) -> None:
        # As a thumb does: scroll the button clear of the bar fixed at the bottom, then press it.
        button = browser.find_element(By.CSS_SELECTOR, css)
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
        button.click()

    with ServerThread(server) as running:
        browser.get(running.url + "/")
        code = wait.until(shown.visibility_of_element_located((By.ID, "code")))
        assert browser.find_element(By.ID, "code-label").text == danish["code_label"]
        code.send_keys("246 810")
        browser.find_element(By.ID, "join-button").click()
        title = wait.until(shown.visibility_of_element_located((By.ID, "ex-title")))
        assert title.text == room_session.exercise("resistance").title.da
        assert browser.find_element(By.ID, "who").text == "Du er P1 (anonym)"
        heights = browser.execute_script(
            "return [...document.querySelectorAll('button.choice')].map(b => b.offsetHeight)"
        )
        assert len(heights) == 9 * 5 and min(heights) >= 48  # large touch targets
        for item, score in NINE.items():
            tap(f'button[data-item="{item}"][data-value="{score}"]')
        browser.find_element(By.ID, "send").click()
        wait.until(status_is(danish["sent"]))
        scores = load_session(saved).answers_for("resistance").scores
        assert {item: row["p1"] for item, row in scores.items()} == NINE

        tap('button[data-item="trust"][data-value="5"]')
        assert browser.find_element(By.ID, "send").text == danish["send_changes"]
        browser.find_element(By.ID, "send").click()
        wait.until(status_is(danish["sent"]))
        assert load_session(saved).answers_for("resistance").scores["trust"] == {"p1": 5}

        # The facilitator moves on to a sheet, which has no round but the groups write in it
        # (issue 17): the page follows at once; with no round at all, the page waits.
        running.call(_follow(server, "sheet-42"))
        wait.until(shown.visibility_of_element_located((By.ID, "w-title")))
        running.call(_follow(server, None))
        wait.until(shown.text_to_be_present_in_element((By.ID, "wait-text"), danish["waiting"]))
        browser.save_screenshot(str(tmp_path / "waiting.png"))
    assert len(load_session(saved).participants) == 4  # the phone is P1 of the room's four


def test_a_phone_with_no_free_place_is_told_so_and_sees_nobody_elses_answers(
    browser: Any, room_session: Session, saved: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as shown
    from selenium.webdriver.support.ui import WebDriverWait

    session = room_session
    for pid in ("p1", "p2", "p3"):  # three people answered on paper, the fourth place is free
        session = session.with_score("resistance", "trust", pid, 5)
    keeper = SessionKeeper(session, saved)
    keeper.save()
    desk = Desk(Roll(CODE), max_participants=5)
    server = VotingServer(desk, KeeperSink(keeper), roll_path(session.id))
    server.follow("resistance")
    danish = section("phone.", "da")
    wait = WebDriverWait(browser, 10, poll_frequency=0.05)
    with ServerThread(server) as running:
        browser.get(f"{running.url}/#c={CODE}")
        wait.until(shown.visibility_of_element_located((By.ID, "ex-title")))
        assert browser.find_element(By.ID, "who").text == "Du er P4 (anonym)"
        pressed = browser.find_elements(By.CSS_SELECTOR, 'button.choice[aria-pressed="true"]')
        assert pressed == []  # the 5s the room typed are nowhere on this phone
        assert "5" not in browser.find_element(By.ID, "status").text
        # A second browser (a fresh profile: no token) finds no free place.
        browser.delete_all_cookies()
        browser.execute_script("localStorage.clear()")
        browser.get(f"{running.url}/?again#c={CODE}")  # a query, so the page loads afresh
        wait.until(shown.text_to_be_present_in_element((By.ID, "join-message"), danish["refused_no_place"]))
    assert desk.turned_away == 1
    assert len(load_session(saved).participants) == 4


async def _follow(server: VotingServer, exercise_id: str | None) -> None:
    server.follow(exercise_id)


def test_a_phone_makes_a_single_choice_and_spreads_its_dots(
    browser: Any, library: Library, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as shown
    from selenium.webdriver.support.ui import WebDriverWait

    session = make_vote_session(library, "en")
    saved = session_path(session)
    save_session(session, saved)
    keeper = SessionKeeper(session, saved)
    server = VotingServer(Desk(Roll(CODE), max_participants=5), KeeperSink(keeper), roll_path(session.id))
    server.follow(CHOICE)
    english = section("phone.", "en")
    wait = WebDriverWait(browser, 10, poll_frequency=0.05)

    def find(css: str) -> Any:
        return browser.find_element(By.CSS_SELECTOR, css)

    def tap(css: str) -> None:
        button = find(css)
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
        button.click()

    def pressed() -> list[str]:
        options = browser.find_elements(By.CSS_SELECTOR, "button.option")
        return [b.get_attribute("data-item") for b in options if b.get_attribute("aria-pressed") == "true"]

    def sent() -> None:
        wait.until(shown.text_to_be_present_in_element((By.ID, "status"), english["sent"]))

    def heights(css: str) -> list[int]:
        script = "return [...document.querySelectorAll(arguments[0])].map(b => b.offsetHeight)"
        return [int(height) for height in browser.execute_script(script, css)]

    def mine(exercise_id: str) -> dict[str, int]:
        scores = load_session(saved).answers_for(exercise_id).scores
        return {item: row["p1"] for item, row in scores.items() if "p1" in row}

    with ServerThread(server) as running:
        browser.get(f"{running.url}/#c={CODE}")
        title = wait.until(shown.visibility_of_element_located((By.ID, "ex-title")))
        assert title.text == session.exercise(CHOICE).title.en
        assert browser.find_element(By.ID, "legend").text == english["choose_one"]
        assert len(heights("button.option")) == 4 and min(heights("button.option")) >= 48
        assert not browser.find_element(By.ID, "send").is_enabled()
        tap('button.option[data-item="trust-room"]')
        assert pressed() == ["trust-room"]
        tap('button.option[data-item="coffee-club"]')  # another tap moves the choice
        assert pressed() == ["coffee-club"]
        browser.find_element(By.ID, "send").click()
        sent()
        assert mine(CHOICE) == {"coffee-club": 1}
        tap('button.option[data-item="must-club"]')
        assert browser.find_element(By.ID, "send").text == english["send_changes"]
        browser.find_element(By.ID, "send").click()
        sent()
        assert mine(CHOICE) == {"must-club": 1}
        browser.save_screenshot(str(tmp_path / "single-choice.png"))

        running.call(_follow(server, PAIRS))
        wait.until(shown.text_to_be_present_in_element((By.ID, "legend"), "4"))
        counter = browser.find_element(By.ID, "dots")
        assert counter.is_displayed() and counter.text == "Dots left: 4 of 4"
        assert len(heights("button.step")) == 2 * len(CHALLENGES) and min(heights("button.step")) >= 48
        plus = 'button.step[data-step="1"][data-item="{}"]'
        minus = 'button.step[data-step="-1"][data-item="{}"]'
        assert not find(minus.format("silo")).is_enabled()
        tap(plus.format("silo"))
        tap(plus.format("silo"))
        assert not find(plus.format("silo")).is_enabled()  # two is the most on one option
        assert find('output.count[data-item="silo"]').text == "2"
        assert counter.text == "Dots left: 2 of 4"
        tap(plus.format("structure"))
        tap(plus.format("resources"))
        assert counter.text == "Dots left: 0 of 4"
        assert not any(find(plus.format(item)).is_enabled() for item in CHALLENGES)
        tap(minus.format("structure"))
        assert counter.text == "Dots left: 1 of 4"
        tap(plus.format("conflicting-goals"))
        add = find(plus.format("silo")).get_attribute("aria-label")
        assert add == "Add a dot to option 1"
        browser.find_element(By.ID, "send").click()
        sent()
        assert mine(PAIRS) == {"silo": 2, "resources": 1, "conflicting-goals": 1}
        # The page reloaded shows the device's dots from the server, already sent.
        browser.refresh()
        wait.until(shown.text_to_be_present_in_element((By.ID, "status"), english["sent"]))
        assert browser.find_element(By.ID, "dots").text == "Dots left: 0 of 4"
        tap(minus.format("silo"))
        browser.find_element(By.ID, "send").click()
        sent()
        assert mine(PAIRS) == {"silo": 1, "resources": 1, "conflicting-goals": 1}
        browser.save_screenshot(str(tmp_path / "dot-vote.png"))
