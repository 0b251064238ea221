"""The command palette says "no matches" in the interface language.

Found by explore21: Ctrl+P, "Gå til øvelse: 12" (there are 11) answered "No matches found"
in the Danish interface, Textual's own English words under a Danish search field.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette

from .conftest import app_for, until


@pytest.mark.parametrize(("lang", "words"), [("da", "Ingen kommandoer passer"), ("en", "No matches found")])
async def test_no_matches_in_the_interface_language(room: Path, lang: str, words: str) -> None:
    app = app_for(room, lang)
    async with app.run_test() as pilot:
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
        await pilot.press(*"jjjjjjjj")  # no command has eight j
        commands = app.screen.query_one(CommandList)
        await until(pilot, lambda: "--no-matches" in commands._id_to_option, "no matches", seconds=5)
        option = commands.get_option_at_index(0)
        shown = str(getattr(option.prompt, "renderable", option.prompt))
    assert shown == words
