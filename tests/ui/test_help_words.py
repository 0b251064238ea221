"""F1's help breaks its lines between words at 80x24, never inside one (wallfit26).

Textual pads every block of the help's Markdown 2 columns a side, a list item's paragraph
inside its list too: at 80 columns the keys' words got 15 columns, and "projektorvisning"
read "projektorvisnin" / "g", "afstemning" "afstemnin" / "g".
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.widgets import Markdown

from workshop_tui.core.storage.sessions import copy_demo

from .conftest import app_for

SMALL = (80, 24)


@pytest.mark.parametrize("lang", ["da", "en"])
async def test_the_help_wraps_at_word_boundaries_at_80_columns(data_dir: Path, lang: str) -> None:
    demo = copy_demo(timestamp="2026-10-14T15:10:00+00:00")
    app = app_for(demo, lang)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("f1")
        await pilot.pause(0.2)
        help_text = app.screen.query_one("HelpPanel #widget-help", Markdown)
        source = help_text.source
        shown: list[str] = []
        while True:  # the help is taller than the panel: page through it
            region = help_text.scrollable_content_region  # the text, without the scrollbar
            strips = app.screen._compositor.render_strips()
            shown += [strip.text[region.x : region.right] for strip in strips[region.y : region.bottom]]
            if help_text.scroll_y >= help_text.max_scroll_y:
                break
            help_text.scroll_page_down(animate=False)
            await pilot.pause()
    words = set(re.sub(r"[*`\\]", "", source).split())
    width = region.width - 6  # the list's margin and bullet
    cut = [
        token
        for line in shown
        for token in line.split()
        if token != "•" and token not in words and not any(len(w) > width and token in w for w in words)
    ]
    assert "projektorvisning" in source or lang == "en"
    assert not cut, (cut, shown)
