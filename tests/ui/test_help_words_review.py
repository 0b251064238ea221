"""F1 on the review names every key it lists: Tab, Shift+Tab and Ctrl+O had no words.

Found by explore21 (F1 on the demo's follow-up): the key panel listed "^o", "tab" and
"shift+tab" with nothing beside them; the session screen's Tab and the review's Ctrl+O were
bindings without a description.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_tui.core.storage.library import Library

from .conftest import follow_up_day, on_its_review


@pytest.mark.parametrize(
    ("lang", "words"),
    [("da", {"ctrl+o": "Viderefør handlingen", "tab": "Næste felt", "shift+tab": "Forrige felt"})],
)
async def test_the_review_s_keys_have_words(
    library: Library, data_dir: Path, lang: str, words: dict[str, str]
) -> None:
    async with on_its_review(follow_up_day(library)) as (app, pilot, screen):
        screen.view.focus_main()
        await pilot.pause()
        bindings = screen.active_bindings
        shown = {key: bindings[key].binding.description for key in words}
    assert shown == words
