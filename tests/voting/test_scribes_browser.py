"""A group's scribe writes in a real browser at phone width, and loses the connection (issue 17).

Debian's headless Chromium (as in ``test_browser``): the page is 320 px wide; the scribe
picks a group, types into a sheet's box, the server stops mid-sentence, the scribe types
on, the server starts again on the same port, and the text on disk is exactly what was
typed. Open answers go the same way. axe-core (npm, installed by ``.ci/run``) checks the
new page states for accessibility problems.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from workshop_tui.core.i18n import section
from workshop_tui.core.keeper import SessionKeeper
from workshop_tui.core.model import Session
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import load_session, new_session, save_session, session_path
from workshop_tui.voting.desk import Desk
from workshop_tui.voting.roll import Roll
from workshop_tui.voting.server import VotingServer
from workshop_tui.voting.sink import KeeperSink

from .conftest import CODE
from .test_browser import CHROMIUM, ServerThread, _follow

AXE = Path(__file__).resolve().parents[2] / ".ci" / "node" / "node_modules" / "axe-core" / "axe.min.js"
NARROW = 320

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)",
)


def _table_session(library: Library, session_id: str, title: str, *exercises: str) -> Session:
    """A new session of ``exercises`` for four people at two tables (Bord 1, Bord 2): the room
    every phone test here writes in (not saved yet: a test may put answers in first)."""
    return new_session(
        title=title,
        date="2026-12-02",
        exercises=[library.exercises[e] for e in exercises],
        participants=4,
        groups=["Bord 1", "Bord 2"],
        timestamp="2026-12-02T09:00:00+00:00",
        session_id=session_id,
    )


def _saved(session: Session) -> Path:
    """``session`` saved in the data folder: its file."""
    path = session_path(session)
    save_session(session, path)
    return path


def _server(session: Session, path: Path, exercise_id: str) -> VotingServer:
    """A voting server for four phones writing into ``path`` (through a keeper), on ``exercise_id``."""
    server = VotingServer(Desk(Roll(CODE), max_participants=4), KeeperSink(SessionKeeper(session, path)))
    server.follow(exercise_id)
    return server


def _until(read: Callable[[], Any], expected: Any) -> bool:
    """Whether ``read()`` gives ``expected`` within 10 s: the page writes a pause after the typing."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and read() != expected:
        time.sleep(0.05)
    return bool(read() == expected)


def _sheet_text(path: Path, group: str) -> str:
    """What is on file in sheet 42's first box for ``group``."""
    return load_session(path).answers_for("sheet-42").texts.get(group, {}).get("1", "")


def _pick_group(browser: Any, url: str, index: int) -> None:
    """The phone joins with the code and picks the ``index``-th group (0: Bord 1)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as shown
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(url + "/#c=" + CODE)
    WebDriverWait(browser, 15, poll_frequency=0.05).until(
        shown.visibility_of_element_located((By.ID, "w-groups"))
    )
    browser.find_elements(By.CSS_SELECTOR, "#w-group-buttons button")[index].click()


@pytest.fixture
def scribe_session(library: Library, data_dir: Path) -> tuple[Session, Path]:
    session = _table_session(library, "skrivning-browser", "Skrivning", "sheet-42", "take-home")
    return session, _saved(session)


def _axe(browser: Any) -> list[str]:
    """The accessibility violations axe-core finds on the page as it is now (ids and nodes)."""
    if not AXE.exists():
        return []
    browser.execute_script(AXE.read_text(encoding="utf-8"))
    result = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations)));"
    )
    return [f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in json.loads(result)]


def test_ci_has_axe_core_for_the_accessibility_checks() -> None:
    """Without axe-core the checks below pass vacuously: CI installs it (``.ci/run``)."""
    if os.environ.get("CI"):
        assert AXE.exists(), "npm install --prefix .ci/node axe-core@4"


def _narrow(browser: Any) -> None:
    """A 320 px wide phone screen (a window cannot be made that narrow: the page's viewport is)."""
    metrics = {"width": NARROW, "height": 700, "deviceScaleFactor": 2, "mobile": True}
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)


def _fits(browser: Any) -> None:
    """Nothing wider than the phone, and every control a large target with a label."""
    assert browser.execute_script("return window.innerWidth") == NARROW
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= NARROW, f"the page is {width} px wide at {NARROW} px"
    small = browser.execute_script(
        "return [...document.querySelectorAll('#write button, #write textarea, #write input, #write select')]"
        ".filter(e => e.offsetParent !== null && e.offsetHeight < 44).map(e => e.id || e.textContent)"
    )
    assert small == []


def _type(element: Any, text: str) -> None:
    for char in text:
        element.send_keys(char)


def test_a_scribe_types_through_a_lost_connection_and_every_character_reaches_the_file(
    browser: Any, scribe_session: tuple[Session, Path]
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as shown
    from selenium.webdriver.support.ui import WebDriverWait

    session, path = scribe_session
    _narrow(browser)
    server = _server(session, path, "sheet-42")
    words = section("phone.", "da")
    wait = WebDriverWait(browser, 15, poll_frequency=0.05)

    def on_disk() -> str:
        return _sheet_text(path, "g2")

    def disk_has(text: str) -> bool:
        return _until(on_disk, text)

    with ServerThread(server) as running:
        browser.get(running.url + "/#c=" + CODE)
        wait.until(shown.visibility_of_element_located((By.ID, "w-groups")))
        _fits(browser)
        assert _axe(browser) == []
        buttons = browser.find_elements(By.CSS_SELECTOR, "#w-group-buttons button")
        assert [b.text for b in buttons] == ["Bord 1", "Bord 2"]
        buttons[1].click()
        box = wait.until(shown.visibility_of_element_located((By.ID, "f-0")))
        label = browser.find_element(By.CSS_SELECTOR, "label[for='f-0']").text
        assert label.startswith("1. ")
        _fits(browser)
        assert _axe(browser) == []
        first = "Vi så, at tillid tager tid.\nÆbler og øl på én gang – æøå"
        _type(box, first)
        started = time.monotonic()
        assert disk_has(first), on_disk()
        assert time.monotonic() - started < 2.5  # within 1 s of the pause, with room for a loaded machine
        port = server.port
        running.call(server.stop())  # the laptop's server goes away mid-sentence
        more = " og så videre, også når nettet er væk"
        _type(box, more)
        wait.until(
            shown.text_to_be_present_in_element(
                (By.CSS_SELECTOR, "#w-fields .field-status"), words["write.unsaved"]
            )
        )
        stored = browser.execute_script("return localStorage.getItem('workshop-scribe-pending')")
        assert json.loads(stored)["sheet-42|g2|t:1"]["text"] == first + more  # kept on the phone
        running.call(server.start("127.0.0.1", [port]))  # back, on the same address
        assert disk_has(first + more), on_disk()
        last = "\nSlut."
        _type(box, last)
        assert disk_has(first + more + last), on_disk()
        wait.until(
            shown.text_to_be_present_in_element(
                (By.CSS_SELECTOR, "#w-fields .field-status"), words["write.saved"]
            )
        )


def test_open_answers_from_a_phone_are_anonymous_and_survive_a_lost_connection(
    browser: Any, scribe_session: tuple[Session, Path]
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as shown
    from selenium.webdriver.support.ui import WebDriverWait

    session, path = scribe_session
    _narrow(browser)
    server = _server(session, path, "take-home")
    words = section("phone.", "da")
    wait = WebDriverWait(browser, 15, poll_frequency=0.05)
    with ServerThread(server) as running:
        browser.get(running.url + "/#c=" + CODE)
        area = wait.until(shown.visibility_of_element_located((By.ID, "w-answer")))
        _fits(browser)
        assert _axe(browser) == []
        _type(area, "Mod på at spørge – æøå")
        browser.find_element(By.ID, "w-answer-send").click()
        wait.until(shown.text_to_be_present_in_element((By.ID, "w-status"), words["write.answer_sent"]))
        port = server.port
        running.call(server.stop())
        _type(area, "Tillid tager tid")
        browser.find_element(By.ID, "w-answer-send").click()
        wait.until(shown.text_to_be_present_in_element((By.ID, "w-status"), words["write.unsaved"]))
        running.call(server.start("127.0.0.1", [port]))
        wait.until(shown.text_to_be_present_in_element((By.ID, "w-status"), words["write.answer_sent"]))
        assert _axe(browser) == []
    opens = load_session(path).answers_for("take-home").opens
    assert sorted(opens.values()) == ["Mod på at spørge – æøå", "Tillid tager tid"]
    assert all(answer_id.startswith("a") and len(answer_id) == 19 for answer_id in opens)


def test_a_date_half_typed_on_a_keyboard_keeps_the_date_on_file(
    browser: Any, library: Library, data_dir: Path
) -> None:
    """Found by hand (a group's laptop as the scribe): one Backspace in the date field's day
    cleared a part, the browser reads a half date as "", and the page sent it: the date on file
    was erased while the page said "Gemt". A half date is not sent; the page says so."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as shown
    from selenium.webdriver.support.ui import WebDriverWait

    from workshop_tui.core.model import Action

    session = _table_session(library, "handlinger-browser", "Handlinger", "sheet-45")
    session = session.with_action(
        "sheet-45", "g1", 0, Action(text="Skyggedag", owner="Jesper", due="2026-12-11")
    )
    path = _saved(session)
    _narrow(browser)
    server = _server(session, path, "sheet-45")
    words = section("phone.", "da")
    wait = WebDriverWait(browser, 15, poll_frequency=0.05)
    with ServerThread(server) as running:
        _pick_group(browser, running.url, 0)
        due = wait.until(shown.visibility_of_element_located((By.CSS_SELECTOR, "input[type=date]")))
        assert due.get_attribute("value") == "2026-12-11"
        due.click()
        due.send_keys(Keys.BACKSPACE)  # one part of the date cleared
        assert browser.execute_script("return arguments[0].validity.badInput", due)
        wait.until(
            shown.text_to_be_present_in_element(
                (By.CSS_SELECTOR, "#w-fields .field-status.bad"), words["write.date_incomplete"]
            )
        )
        time.sleep(2.5)  # more than the page's pause before it sends
        assert load_session(path).answers_for("sheet-45").actions["g1"][0].due == "2026-12-11"


def test_a_scribe_typing_on_while_the_facilitator_adds_words_behind_keeps_typing_in_their_own_word(
    browser: Any, scribe_session: tuple[Session, Path]
) -> None:
    """Found by hand (explore12): the facilitator and a phone typing at the end of one field left
    "TELEFON s facilitatkriver her" on file. The page put the merged text in the box with the
    cursor at its end, after the facilitator's words, and the letters typed on while a write was
    on its way were put there too. Now the cursor stays right after the scribe's own typing."""
    import urllib.request

    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as shown
    from selenium.webdriver.support.ui import WebDriverWait

    from workshop_tui.core.writing import version_of

    session, path = scribe_session
    server = _server(session, path, "sheet-42")
    wait = WebDriverWait(browser, 15, poll_frequency=0.05)

    def on_disk() -> str:
        return _sheet_text(path, "g1")

    def disk_has(text: str) -> bool:
        return _until(on_disk, text)

    def post(url: str, body: dict[str, str], token: str = "") -> Any:
        headers = {"Content-Type": "application/json"} | (
            {"Authorization": f"Bearer {token}"} if token else {}
        )
        request = urllib.request.Request(url, json.dumps(body).encode(), headers, method="POST")
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read())

    with ServerThread(server) as running:
        _pick_group(browser, running.url, 0)
        box = wait.until(shown.visibility_of_element_located((By.ID, "f-0")))
        _type(box, "TELEFON s")
        assert disk_has("TELEFON s"), on_disk()
        # The other writer (here a second device) adds words behind; the scribe types on at once.
        other = post(running.url + "/api/join", {"code": CODE})
        write = {"exercise": "sheet-42", "group": "g1", "field": "t:1"}
        post(
            running.url + "/api/write",
            write | {"text": "TELEFON s facilitat", "base": version_of("TELEFON s")},
            other["token"],
        )
        _type(box, "k")
        assert disk_has("TELEFON sk facilitat"), on_disk()
        _type(box, "river her")
        assert disk_has("TELEFON skriver her facilitat"), on_disk()
        assert box.get_attribute("value") == "TELEFON skriver her facilitat"


def test_the_phone_page_is_headed_by_what_the_phone_does_now(
    browser: Any, scribe_session: tuple[Session, Path]
) -> None:
    """It read "Afstemning" while the groups wrote their sheets (explore16): now the heading and
    the tab's title say the group's sheet, or the answer in one's own words, or voting."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as shown
    from selenium.webdriver.support.ui import WebDriverWait

    session, path = scribe_session
    _narrow(browser)
    server = _server(session, path, "sheet-42")
    words = section("phone.", "da")
    wait = WebDriverWait(browser, 15, poll_frequency=0.05)

    def headed(text: str) -> bool:
        return browser.find_element(By.ID, "brand").text == text and browser.title == text

    with ServerThread(server) as running:
        browser.get(running.url + "/#c=" + CODE)
        wait.until(shown.visibility_of_element_located((By.ID, "w-groups")))
        wait.until(lambda _: headed(words["write.heading_group"]))
        assert words["write.heading_group"] != words["title"]
        running.call(_follow(server, "take-home"))
        wait.until(shown.visibility_of_element_located((By.ID, "w-answer")))
        wait.until(lambda _: headed(words["write.heading_open"]))
        running.call(_follow(server, None))
        wait.until(shown.visibility_of_element_located((By.ID, "wait")))
        wait.until(lambda _: headed(words["title"]))


def test_a_scribe_typing_when_the_facilitator_moves_on_is_told_finishes_and_carries_on_later(
    browser: Any, scribe_session: tuple[Session, Path]
) -> None:
    """The sheet vanished under the scribe's fingers, the open answers in its place, nothing said (explore16).

    Now a scribe typing keeps the sheet, told the facilitator moved on and that the text is kept,
    finishes the sentence (it reaches the file), goes on with the button and is told the
    text is kept; when the sheet comes back, the cursor is at the end of their field.
    """
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as shown
    from selenium.webdriver.support.ui import WebDriverWait

    session, path = scribe_session
    _narrow(browser)
    server = _server(session, path, "sheet-42")
    words = section("phone.", "da")
    title = session.exercise("sheet-42").title.da
    wait = WebDriverWait(browser, 15, poll_frequency=0.05)

    def on_disk() -> str:
        return _sheet_text(path, "g1")

    def disk_has(text: str) -> bool:
        return _until(on_disk, text)

    with ServerThread(server) as running:
        _pick_group(browser, running.url, 0)
        box = wait.until(shown.visibility_of_element_located((By.ID, "f-0")))
        _type(box, "Camilla og ")
        running.call(_follow(server, "take-home"))  # Ctrl+N: the open answers
        moved = wait.until(shown.visibility_of_element_located((By.ID, "moved")))
        assert moved.text.startswith(words["write.moved_finish"].format(title=title)), moved.text
        assert box.is_displayed() and not browser.find_element(By.ID, "w-answer").is_displayed()
        _fits(browser)
        assert _axe(browser) == []
        _type(box, "Jonas tager den")  # the sentence finished on the sheet left
        assert disk_has("Camilla og Jonas tager den"), on_disk()
        browser.find_element(By.ID, "moved-go").click()
        wait.until(shown.visibility_of_element_located((By.ID, "w-answer")))
        assert browser.find_element(By.ID, "moved-text").text == words["write.moved_kept"].format(title=title)
        assert not browser.find_element(By.ID, "moved-go").is_displayed()
        running.call(_follow(server, "sheet-42"))  # the facilitator goes back
        box = wait.until(shown.visibility_of_element_located((By.ID, "f-0")))
        wait.until(lambda _: box.get_attribute("value") == "Camilla og Jonas tager den")
        assert not browser.find_element(By.ID, "moved").is_displayed()
        assert browser.switch_to.active_element == box, "the scribe carries on in their field"
        wait.until(lambda _: browser.execute_script("return arguments[0].selectionStart", box) == 26)
        _type(box, ".")
        assert disk_has("Camilla og Jonas tager den."), on_disk()


def test_a_scribe_not_typing_goes_on_with_the_facilitator_and_is_told_the_sheet_is_kept(
    browser: Any, scribe_session: tuple[Session, Path]
) -> None:
    """Not writing when the facilitator moves on: the page follows at once, and says why the sheet went."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as shown
    from selenium.webdriver.support.ui import WebDriverWait

    session, path = scribe_session
    _narrow(browser)
    server = _server(session, path, "sheet-42")
    words = section("phone.", "da")
    wait = WebDriverWait(browser, 15, poll_frequency=0.05)
    with ServerThread(server) as running:
        _pick_group(browser, running.url, 0)
        wait.until(shown.visibility_of_element_located((By.ID, "f-0")))
        running.call(_follow(server, "take-home"))
        wait.until(shown.visibility_of_element_located((By.ID, "w-answer")))
        said = browser.find_element(By.ID, "moved-text").text
        assert said == words["write.moved_kept"].format(title=session.exercise("sheet-42").title.da)
        assert not browser.find_element(By.ID, "moved-go").is_displayed()
        assert _axe(browser) == []
        running.call(_follow(server, None))  # the next change: the notice has said its piece
        wait.until(shown.visibility_of_element_located((By.ID, "wait")))
        assert not browser.find_element(By.ID, "moved").is_displayed()
