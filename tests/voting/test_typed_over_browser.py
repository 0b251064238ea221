"""On the phone, an answer the facilitator typed over shows as typed and marked, and a change is
refused with words (tests/voting/test_typed_over.py for the rules), in headless Chromium."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from workshop_tui.core.i18n import section
from workshop_tui.core.keeper import SessionKeeper
from workshop_tui.core.model import Session
from workshop_tui.core.storage.sessions import load_session
from workshop_tui.voting.desk import Desk
from workshop_tui.voting.roll import Roll, roll_path
from workshop_tui.voting.server import VotingServer
from workshop_tui.voting.sink import KeeperSink

from .conftest import CODE
from .test_browser import CHROMIUM, ServerThread

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium and chromium-driver")


async def _type_over(keeper: SessionKeeper, server: VotingServer) -> None:
    """The facilitator types 5 over P1's trust (as the grid does: the desk told, then the edit)."""
    server.type_over("p1", "resistance", "trust")
    keeper.apply(lambda s: s.with_score("resistance", "trust", "p1", 5))


def test_the_phone_shows_the_typed_answer_and_is_refused_a_change(
    browser: Any, room_session: Session, saved: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as shown
    from selenium.webdriver.support.ui import WebDriverWait

    keeper = SessionKeeper(room_session, saved)
    server = VotingServer(
        Desk(Roll(CODE), max_participants=5), KeeperSink(keeper), roll_path(room_session.id)
    )
    server.follow("resistance")
    danish = section("phone.", "da")
    wait = WebDriverWait(browser, 10, poll_frequency=0.05)

    def tap(css: str) -> None:
        button = browser.find_element(By.CSS_SELECTOR, css)
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
        button.click()

    with ServerThread(server) as running:
        browser.get(f"{running.url}/#c={CODE}")
        wait.until(shown.visibility_of_element_located((By.ID, "ex-title")))
        tap('button[data-item="trust"][data-value="3"]')
        browser.find_element(By.ID, "send").click()
        wait.until(shown.text_to_be_present_in_element((By.ID, "status"), danish["sent"]))
        running.call(_type_over(keeper, server))
        wait.until(shown.text_to_be_present_in_element((By.ID, "item-0"), danish["typed_note"]))
        pressed = browser.find_element(By.CSS_SELECTOR, 'button[data-item="trust"][aria-pressed="true"]')
        assert pressed.get_attribute("data-value") == "5"
        tap('button[data-item="trust"][data-value="2"]')
        browser.find_element(By.ID, "send").click()
        wait.until(shown.text_to_be_present_in_element((By.ID, "status"), danish["refused_typed_over"]))
    assert load_session(saved).answers_for("resistance").scores["trust"]["p1"] == 5
