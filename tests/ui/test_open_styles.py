"""Opening a session styles each widget as it is mounted, and then not again before a key is pressed.

Issue 15: Textual restyled the whole session screen when it first came up (a screen that
comes up again may have missed changes while covered; a new one has not), and each of the
footer's keys restyled itself twice from its "compact" watcher once mounted. Styling is
most of what mounting a screen costs: those restyles were some 4 % of the instructions
of opening the 40-person seminar.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode

from benchmarks.large_session import large_session, write_session
from tests.ui.conftest import SIZE, app_for
from workshop_tui.tui.screens.session import SessionScreen
from workshop_tui.tui.widgets.footer import KeysFooter


async def test_opening_the_large_seminar_restyles_no_widget_but_the_one_given_the_keyboard(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_session(large_session(session_id="styles"), data_dir / "sessions" / "styles.toml")
    restyled: list[str] = []
    update_nodes = Stylesheet.update_nodes

    def counted(self: Stylesheet, nodes: Iterable[DOMNode], animate: bool = False) -> None:
        nodes = list(nodes)
        restyled.extend(type(node).__name__ for node in nodes)
        update_nodes(self, nodes, animate=animate)

    monkeypatch.setattr(Stylesheet, "update_nodes", counted)
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        keys = screen.query_one(KeysFooter).query("FooterKey")
        assert len(keys) > 5 and all(key.has_class("-compact") for key in keys)
        focused = screen.focused
        assert focused is not None
    # The grid takes the keyboard (its :focus style); nothing else is styled a second time.
    assert set(restyled) <= {type(focused).__name__, "ScrollBar", "ScrollBarCorner"}, restyled
