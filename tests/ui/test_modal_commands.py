"""Dialogs declare their Esc and Ctrl+S as commands, so the footer and F1 show them like the rest."""

from __future__ import annotations

from pathlib import Path

from textual.binding import Binding

from workshop_tui.tui.base import WorkshopModal
from workshop_tui.tui.leaving import LeaveVotingModal
from workshop_tui.tui.saving import LockedModal, UnsavedModal
from workshop_tui.tui.screens.export import ExportModal
from workshop_tui.tui.screens.groups import GroupsModal
from workshop_tui.tui.screens.modals import NotesModal, TimerModal
from workshop_tui.tui.screens.mode_switch import ModeSwitchModal
from workshop_tui.tui.screens.new_session import NewSessionScreen
from workshop_tui.tui.screens.session import SessionScreen

from .conftest import SIZE, app_for

DIALOGS: tuple[type[WorkshopModal], ...] = (
    TimerModal,
    NotesModal,
    ModeSwitchModal,
    GroupsModal,
    ExportModal,
    NewSessionScreen,
    UnsavedModal,
    LockedModal,
    LeaveVotingModal,
)


def test_every_dialogs_bindings_are_its_declared_commands() -> None:
    for dialog in DIALOGS:
        assert dialog.KEYS, dialog.__name__
        declared = [(c.id, c.keys, c.action) for c in dialog.KEYS]
        bound = [(b.id, b.key, b.action) for b in dialog.BINDINGS if isinstance(b, Binding)]
        assert bound == declared, dialog.__name__
        assert all(hasattr(dialog, f"action_{c.action}") for c in dialog.KEYS), dialog.__name__


async def test_the_notes_dialog_shows_its_keys_in_the_footer_and_f1(room: Path) -> None:
    app = app_for(room, lang="da")
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("f7")
        await pilot.pause()
        assert isinstance(app.screen, NotesModal)
        help_text = app.screen.HELP or ""
        assert "- **Esc** luk uden at ændre noget" in help_text
        assert "- **Ctrl+S** gem og luk" in help_text
        shown = {b.binding.id: b.binding.description for b in app.screen.active_bindings.values()}
        assert shown["cancel"] == "Annullér" and shown["save"] == "Gem"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
