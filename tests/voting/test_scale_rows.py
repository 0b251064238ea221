"""A 1-10 scale on a phone: its buttons in even rows, the scale's last step under its label.

Found by hand (explore17, Chromium at 390x844): the commitment scale's ten buttons wrapped
8 + 2, so "10" sat at the left of the second row while "høj" (high) stood at the right
edge under nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from workshop_tui.core.keeper import SessionKeeper
from workshop_tui.core.model import Session
from workshop_tui.voting.desk import Desk
from workshop_tui.voting.roll import Roll, roll_path
from workshop_tui.voting.server import VotingServer
from workshop_tui.voting.sink import KeeperSink

from .conftest import CODE
from .test_browser import ServerThread, browser  # noqa: F401 (a fixture, used below)
from .test_browser import pytestmark as needs_chromium

pytestmark = needs_chromium


def test_a_ten_step_scale_wraps_in_even_rows_its_last_step_at_the_right(
    browser: Any,  # noqa: F811 (the fixture)
    room_session: Session,
    saved: Path,
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as shown
    from selenium.webdriver.support.ui import WebDriverWait

    server = VotingServer(
        Desk(Roll(CODE), max_participants=5), KeeperSink(SessionKeeper(room_session, saved)), roll_path("x")
    )
    server.follow("commitment")
    with ServerThread(server) as running:
        browser.get(running.url + "/")
        wait = WebDriverWait(browser, 10, poll_frequency=0.05)
        wait.until(shown.visibility_of_element_located((By.ID, "code"))).send_keys("246 810")
        browser.find_element(By.ID, "join-button").click()
        wait.until(shown.visibility_of_element_located((By.CSS_SELECTOR, "button.choice")))
        boxes = browser.execute_script(
            "return [...document.querySelectorAll('button.choice')].map(b => b.getBoundingClientRect())"
            ".map(r => [Math.round(r.top), Math.round(r.right)])"
        )
        assert len(boxes) == 10
        rows = sorted({top for top, _ in boxes})
        per_row = [sum(1 for top, _ in boxes if top == row) for row in rows]
        assert len(set(per_row)) == 1, per_row  # 10 in one row, or 5 + 5: never 8 + 2
        ends = browser.execute_script("return document.querySelector('.ends').getBoundingClientRect().right")
        assert abs(boxes[-1][1] - ends) <= 2, (boxes[-1], ends)  # "10" at the right, above "høj"
