"""The HTML management reads, in headless Chromium: the session report and the trend report.

Both are opened from disk as a reader opens a mailed file, checked by axe-core (WCAG 2.1 AA:
contrast, labels, headings; installed by ``.ci/run``), and printed to A4 as the browser
prints them: the pages must hold the report without anything cut at the right edge.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from workshop_tui.cli.main import main
from workshop_tui.core.storage.sessions import demo_copy

from .test_browser import CHROMIUM
from .test_scribes_browser import AXE

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)",
)

A4_CSS_PX = 794
"""An A4 page's width at 96 px per inch (210 mm): what the browser lays a printed page out at."""


@pytest.fixture
def reports(data_dir: Path, tmp_path: Path) -> dict[str, Path]:
    """The demo seminar's anonymous report and its series' trend report, written by the CLI."""
    path, session = demo_copy(data_dir / "sessions")
    out = tmp_path / "out"
    assert main(["--lang", "da", "export", str(path), "--format", "html", "-o", str(out / "export")]) == 0
    follow_up = path.with_name(f"{session.id}-2.toml")
    assert follow_up.exists()
    assert main(["--lang", "da", "trend", str(follow_up), "--format", "html", "-o", str(out / "trend")]) == 0
    compare = ["--lang", "da", "compare", str(path), str(follow_up), "--all", "--format", "html"]
    assert main([*compare, "-o", str(out / "compare")]) == 0
    (export,) = (out / "export").glob("*.html")
    (trend,) = (out / "trend").glob("*.html")
    (compared,) = (out / "compare").glob("*.html")
    return {"export": export, "trend": trend, "compare": compared}


def _violations(browser: Any) -> list[str]:
    browser.execute_script(AXE.read_text(encoding="utf-8"))
    result = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},"
        " resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations)));"
    )
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:5]}" for v in json.loads(result)]


@pytest.mark.parametrize("name", ["export", "trend", "compare"])
def test_the_report_passes_axe_and_prints_on_a4(browser: Any, reports: dict[str, Path], name: str) -> None:
    browser.get(reports[name].as_uri())
    assert browser.find_element("css selector", "h1").text.strip()
    if AXE.exists():  # CI installs it; test_ci_has_axe_core_for_the_accessibility_checks says so
        assert _violations(browser) == []
    # Laid out at an A4 page's width, nothing reaches past the right edge.
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": A4_CSS_PX, "height": 1123, "deviceScaleFactor": 1, "mobile": False},
    )
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    too_wide = browser.execute_script(
        "return [...document.querySelectorAll('body *')]"
        ".filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)"
        ".slice(0, 5).map(e => e.tagName + '.' + e.className);"
    )
    assert too_wide == []
    pdf = browser.execute_cdp_cmd(
        "Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69, "printBackground": True}
    )
    data = base64.b64decode(pdf["data"])
    pages = data.count(b"/Type /Page") - data.count(b"/Type /Pages")
    assert data.startswith(b"%PDF") and pages >= 1


A4_CONTENT_PX = (680, 994)
"""An A4 page less the report's print margins (15 mm each side, 16 mm top, 18 mm bottom) at 96 px
per inch: the box a printed page lays the report out in."""


def test_the_printed_report_keeps_its_cover_on_one_sheet_and_each_exercise_head_whole(
    browser: Any, reports: dict[str, Path]
) -> None:
    """Printed to PDF (found by looking at the pages): the demo's cover ran its last line of notes
    onto page 2, and an exercise's scale line broke between its two sentences, the second alone at
    the top of the next page with the heading a page earlier."""
    browser.get(reports["export"].as_uri())
    width, height = A4_CONTENT_PX
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    cover = browser.execute_script("return document.querySelector('.cover').getBoundingClientRect().height;")
    assert cover <= height, f"the cover is {cover:.0f} px, a printed page holds {height}"
    split = browser.execute_script(
        "return [...document.querySelectorAll('.exercise > .kicker, .exercise > h2, .exercise > .prompt,"
        " .exercise > .scale')].filter(e => getComputedStyle(e).breakInside !== 'avoid'"
        " || getComputedStyle(e).breakAfter !== 'avoid').map(e => e.className || e.tagName);"
    )
    assert split == []


@pytest.mark.parametrize("name", ["export", "trend", "compare"])
@pytest.mark.parametrize("width", [360, 375, 500])
def test_the_report_reads_on_a_phone_without_scrolling_sideways(
    browser: Any, reports: dict[str, Path], width: int, name: str
) -> None:
    """On a phone (500 px wide) the export scrolled sideways: the document was 683 px wide,
    pushed out by the items table (found by hand). The page fits the phone's width; a table
    too wide for it scrolls inside its own box, which takes the keyboard (axe's rule). The
    compare and trend reports' tables did not (polish16): they are boxed the same way."""
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": True},
    )
    browser.get(reports[name].as_uri())
    unboxed = browser.execute_script(
        "return [...document.querySelectorAll('table')].filter(t => !t.closest('.scrolls')).length;"
    )
    assert unboxed == 0, f"{unboxed} tables not in a box of their own"
    if name == "export":
        assert browser.find_elements("css selector", "table.items"), "the demo's export has an items table"
    wide = browser.execute_script(
        "const w = document.documentElement.clientWidth;"
        "return [document.documentElement.scrollWidth, w, [...document.querySelectorAll('body *')]"
        ".filter(e => !e.closest('.scrolls') && e.getBoundingClientRect().right > w + 1)"
        ".slice(0, 5).map(e => e.tagName + '.' + e.className)];"
    )
    document, shown, too_wide = wide
    assert document <= shown and too_wide == [], wide
    if AXE.exists():
        assert _violations(browser) == []


BROKEN_FLAGS = """
const broken = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  for (const found of node.data.matchAll(/--[a-z][a-z-]*/g)) {
    const range = document.createRange();
    range.setStart(node, found.index);
    range.setEnd(node, found.index + found[0].length);
    const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
    if (tops.size > 1) broken.push(found[0]);
  }
}
return broken;
"""
"""The command-line flags (``--named``) a page's text shows that a line break splits."""


@pytest.mark.parametrize("media", ["screen", "print"])
def test_a_command_line_flag_in_the_report_is_never_split_across_lines(
    browser: Any, reports: dict[str, Path], media: str
) -> None:
    """ "Eksportér med navne (--named)" broke after "--" (found on paper): "(--" at a line's end,
    "named)" on the next, a flag nobody could type back. Laid out at every width from a phone's
    to an A4 page's, on screen and in print, no flag is split."""
    browser.get(reports["export"].as_uri())
    assert "--named" in browser.find_element("css selector", ".about").text  # the demo leaves names out
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media})
    split: dict[int, list[str]] = {}
    for width in range(320, A4_CSS_PX + 1, 6):
        browser.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": 1123, "deviceScaleFactor": 1, "mobile": False},
        )
        broken = browser.execute_script(BROKEN_FLAGS)
        if broken:
            split[width] = broken
    assert split == {}


def test_a_trend_of_unanswered_exercises_names_them_on_its_cover_and_passes_axe(
    browser: Any, data_dir: Path, tmp_path: Path
) -> None:
    """A follow-up made but not yet run: every exercise is named in one line on the cover
    ("Uden svar i alle sessioner"), with no exercise pages of "ingen svar" (trends_unanswered)."""
    assert main(["new", "--title", "Dag 1", "--participants", "3", "--date", "2026-09-01", "--no-open"]) == 0
    (first,) = (data_dir / "sessions").glob("*.toml")
    assert main(["new", "--follows", first.name, "--date", "2026-12-01", "--no-open"]) == 0
    out = tmp_path / "trend"
    assert main(["--lang", "da", "trend", first.name, "--format", "html", "-o", str(out)]) == 0
    (page,) = out.glob("*.html")
    browser.get(page.as_uri())
    cover = browser.find_element("css selector", ".cover").text
    assert "Uden svar i alle sessioner" in cover
    assert browser.find_elements("css selector", ".trend-exercise") == []
    if AXE.exists():
        assert _violations(browser) == []
