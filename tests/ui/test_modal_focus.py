"""A dialog has its field focused by the time the keys typed in the burst of its key go on.

The key gate (``screen_keys``) holds the keys typed while a dialog opens, until the dialog
has worked through its own queue. A dialog that focused its field with ``focus()`` only asked
the app's queue to do it later; meanwhile Textual had focused the first field it found, and
keys released then went there: ``Ctrl+R Bord 3 Ctrl+S`` typed the name into the first
group's field under load, and saved no new group.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.screen import ModalScreen

from workshop_tui.tui.keygate import KeyGate
from workshop_tui.tui.screens.session import SessionScreen

from .conftest import SIZE, app_for


@pytest.mark.parametrize(("key", "field"), [("ctrl+r", "new-0"), ("f7", "note"), ("f8", "format")])
async def test_the_dialog_s_field_has_the_keyboard_when_the_held_keys_go_on(
    room: Path, key: str, field: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    focused_at_open: list[tuple[str, str | None]] = []
    opened = KeyGate.open

    def recorded_open(gate: KeyGate) -> None:
        opened(gate)
        if not gate.closed:
            screen = app.screen
            if isinstance(screen, ModalScreen):
                focused = screen.focused
                focused_at_open.append((type(screen).__name__, focused.id if focused else None))

    monkeypatch.setattr(KeyGate, "open", recorded_open)
    app = app_for(room)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        await pilot.press(key)
        await pilot.pause()
        modal: Any = app.screen
        assert isinstance(modal, ModalScreen)
        assert focused_at_open, "the gate never opened on the dialog: the test checked nothing"
        assert focused_at_open[0] == (type(modal).__name__, field)
