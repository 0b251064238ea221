"""A phone shows what is on file and says what happens to words being typed (phones17), in Chromium.

A date field holding words ("næste fredag", kept as written in the app) stood empty on the
phone, and a date picked replaced the words at once; an open answer being typed vanished when
the facilitator moved on, kept as a draft with nothing said. Debian's headless Chromium at
phone width, as in ``test_scribes_browser``.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from workshop_tui.core.i18n import section
from workshop_tui.core.model import Action
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import load_session

from .conftest import CODE
from .test_browser import CHROMIUM, ServerThread, _follow
from .test_scribes_browser import (
    _axe,
    _fits,
    _narrow,
    _pick_group,
    _saved,
    _server,
    _table_session,
    _type,
    _until,
)

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)",
)


def _pick(browser: Any, element: Any, value: str) -> None:
    """A date chosen in the phone's date picker (it sets the value and fires change)."""
    browser.execute_script(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}))",
        element,
        value,
    )


def test_words_in_a_date_field_are_shown_and_replaced_only_when_the_scribe_says_so(
    browser: Any, library: Library, data_dir: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as shown
    from selenium.webdriver.support.ui import WebDriverWait

    session = _table_session(library, "handlinger-ord", "Handlinger", "sheet-45")
    session = session.with_action(
        "sheet-45", "g1", 0, Action("Skyggedag", "Jesper", "næste fredag"), due_as_written=True
    )
    path = _saved(session)
    _narrow(browser)
    server = _server(session, path, "sheet-45")
    words = section("phone.", "da")
    wait = WebDriverWait(browser, 15, poll_frequency=0.05)

    def due() -> str:
        return load_session(path).answers_for("sheet-45").actions["g1"][0].due

    with ServerThread(server) as running:
        _pick_group(browser, running.url, 0)
        field = wait.until(shown.visibility_of_element_located((By.CSS_SELECTOR, "input[type=date]")))
        written = wait.until(shown.visibility_of_element_located((By.CSS_SELECTOR, ".written")))
        assert written.text == words["write.due_written"].format(text="næste fredag")
        said = browser.find_element(By.ID, written.get_attribute("id") + "-text")
        assert said.get_attribute("id") in field.get_attribute("aria-describedby").split()
        assert not written.find_element(By.CSS_SELECTOR, ".written-buttons").is_displayed()
        _fits(browser)
        assert _axe(browser) == []
        _pick(browser, field, "2026-12-11")  # the scribe picks a date: asked first
        ask = words["write.due_replace_ask"].format(text="næste fredag", date="2026-12-11")
        wait.until(lambda _: said.text == ask)
        use, keep = written.find_elements(By.CSS_SELECTOR, ".written-buttons button")
        assert (use.text, keep.text) == (words["write.due_use"], words["write.due_keep"])
        _fits(browser)
        assert _axe(browser) == []
        time.sleep(2.0)  # well past the page's pause before it sends
        assert due() == "næste fredag"
        keep.click()
        assert field.get_attribute("value") == ""
        assert said.text == words["write.due_written"].format(text="næste fredag")
        _pick(browser, field, "")  # cleared in the picker: nothing sent, the words stay
        time.sleep(1.0)
        assert due() == "næste fredag" and written.is_displayed()
        _pick(browser, field, "2026-12-11")
        wait.until(lambda _: said.text == ask)
        use.click()
        assert _until(due, "2026-12-11"), due()
        wait.until(lambda _: not written.is_displayed())
        assert field.get_attribute("value") == "2026-12-11"


def test_an_open_answer_typed_when_the_facilitator_moves_on_is_told_sent_or_kept_and_back(
    browser: Any, library: Library, data_dir: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as shown
    from selenium.webdriver.support.ui import WebDriverWait

    session = _table_session(library, "svar-browser", "Svar", "take-home", "sheet-42")
    path = _saved(session)
    _narrow(browser)
    server = _server(session, path, "take-home")
    words = section("phone.", "da")
    title = session.exercise("take-home").title.da
    wait = WebDriverWait(browser, 15, poll_frequency=0.05)

    def answers() -> list[str]:
        return sorted(load_session(path).answers_for("take-home").opens.values())

    def has(expected: list[str]) -> bool:
        return _until(answers, expected)

    with ServerThread(server) as running:
        browser.get(running.url + "/#c=" + CODE)
        area = wait.until(shown.visibility_of_element_located((By.ID, "w-answer")))
        _type(area, "Mod på ")
        running.call(_follow(server, "sheet-42"))  # the facilitator moves on mid-sentence
        moved = wait.until(shown.visibility_of_element_located((By.ID, "moved")))
        assert moved.text.startswith(words["write.moved_finish_open"].format(title=title)), moved.text
        assert area.is_displayed()
        _fits(browser)
        assert _axe(browser) == []
        _type(area, "at spørge")  # finished and sent on the question left: it is taken
        browser.find_element(By.ID, "w-answer-send").click()
        assert has(["Mod på at spørge"]), answers()
        browser.find_element(By.ID, "moved-go").click()
        wait.until(shown.visibility_of_element_located((By.ID, "w-groups")))
        assert browser.find_element(By.ID, "w-status").text == ""  # the answer's thanks went with it
        running.call(_follow(server, "take-home"))
        area = wait.until(shown.visibility_of_element_located((By.ID, "w-answer")))
        assert not browser.find_element(By.ID, "moved").is_displayed()
        _type(area, "Tillid tager")  # a second answer, not sent when the facilitator moves on
        running.call(_follow(server, "sheet-42"))
        wait.until(shown.visibility_of_element_located((By.ID, "moved-go"))).click()
        wait.until(shown.visibility_of_element_located((By.ID, "w-groups")))
        said = browser.find_element(By.ID, "moved-text").text
        assert said == words["write.moved_draft"].format(title=title)
        assert answers() == ["Mod på at spørge"]
        assert _axe(browser) == []
        running.call(_follow(server, "take-home"))  # back: the draft in its box, to finish and send
        area = wait.until(shown.visibility_of_element_located((By.ID, "w-answer")))
        wait.until(lambda _: area.get_attribute("value") == "Tillid tager")
        assert not browser.find_element(By.ID, "moved").is_displayed()
        assert browser.switch_to.active_element == area
        _type(area, " tid")
        browser.find_element(By.ID, "w-answer-send").click()
        assert has(["Mod på at spørge", "Tillid tager tid"]), answers()
