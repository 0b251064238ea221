"""What every screen of the app shares: bindings described in the UI language."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, cast

from textual.binding import ActiveBinding
from textual.screen import ModalScreen, Screen

from workshop_tui.core.i18n import find, t
from workshop_tui.tui.commands import Command, key_help
from workshop_tui.tui.strings import textual_word

if TYPE_CHECKING:
    from workshop_tui.core.model import Session
    from workshop_tui.core.storage.library import Library
    from workshop_tui.tui.open_sessions import OpenSessions
    from workshop_tui.tui.settings import Settings


class Workshop(Protocol):
    """What the screens use of the app (``tui.app.WorkshopApp``), without importing it.

    The app imports every screen; a screen naming the app's class would close a circle.
    """

    lang: str
    show_clock: bool
    inputs: int
    settings: Settings
    sessions: OpenSessions

    @property
    def library(self) -> Library:
        """The exercises and programmes a new session is made from."""

    def open_session(self, path: Path, loaded: Session | None = None, *, attempt: int = 0) -> bool:
        """Open a session file on the session screen."""

    def set_language(self, lang: str) -> None:
        """Switch the interface language and remember it."""

    def show_home(self) -> None:
        """Leave the session screen for the list of sessions."""

    def unfreeze_collector(self) -> None:
        """Give the objects the app froze out of the collector's sight back to it."""


def _localised(bindings: dict[str, ActiveBinding], lang: str) -> dict[str, ActiveBinding]:
    out = {}
    for key, active in bindings.items():
        binding = active.binding
        if binding.id and (described := find(f"tui.key.{binding.id}", lang)) is not None:
            # Our bindings name their catalogue key, not words: the words are looked up here.
            binding = replace(binding, description=described)
            if binding.tooltip:  # a command's F1 text (commands.Command.tooltip)
                binding = replace(binding, tooltip=t(f"tui.help.key.{binding.id}", lang))
        elif binding.description:
            # Textual's own keys ("Cursor up", "palette") and their tooltips (F1's key panel:
            # "Quit the app and return to the command prompt.") in the interface language.
            tooltip = textual_word(binding.tooltip, lang) if binding.tooltip else binding.tooltip
            binding = replace(binding, description=textual_word(binding.description, lang), tooltip=tooltip)
        out[key] = ActiveBinding(active.node, binding, active.enabled, binding.tooltip)
    return out


def _in_declared_order(bindings: dict[str, ActiveBinding], screen: Screen[Any]) -> dict[str, ActiveBinding]:
    """The focused fields' keys, then the screen's in the order it declares them, then the app's.

    Textual lists a key where the first binding of it was found, going up from the focused
    field: a screen's priority key that a text field also binds (F7, which a ``TextArea``
    binds too) took the field's place, so the footer's order changed with the focus.
    """
    declared = {key: index for index, key in enumerate(screen._bindings.key_to_bindings)}
    app = screen.app

    def rank(item: tuple[str, ActiveBinding]) -> tuple[int, int]:
        key, active = item
        if active.node is screen:
            return (1, declared.get(key, len(declared)))
        return (2, 0) if active.node is app else (0, 0)

    return dict(sorted(bindings.items(), key=rank))


class _Localised:
    """What screens and modals share: the typed app, its language, translated bindings."""

    app: Any

    @property
    def workshop(self) -> Workshop:
        """The app, typed."""
        return cast("Workshop", self.app)

    @property
    def lang(self) -> str:
        """The current interface language."""
        return self.workshop.lang

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        bindings = _in_declared_order(super().active_bindings, self)  # type: ignore[misc, arg-type]
        return _localised(bindings, self.lang)


class WorkshopScreen(_Localised, Screen[Any]):
    """A screen whose footer and key help speak the facilitator's language.

    Bindings are declared once with an ``id``; their description is looked up as
    ``key.<id>`` in the UI strings whenever the footer asks for them.
    """

    def relabel(self) -> None:
        """Redraw texts after a language switch (screens extend this)."""
        self.refresh_bindings()

    def show_help_text(self, text: str) -> None:
        """What F1 says about this screen (in the interface language, so set per instance).

        Textual's help panel reads ``HELP`` from the focused widget's ancestors; it is declared
        as a class variable there, hence ``setattr`` for this screen's own text.
        """
        setattr(self, "HELP", text)  # noqa: B010


MODAL_CSS = """
{name} {{
    align: center middle;
}}
{name} > Vertical {{
    width: 70%;
    max-width: 90;
    height: auto;
    max-height: 90%;
    border: thick $accent;
    background: $surface;
    padding: 1 2;
    overflow-y: auto;
}}
{name} Horizontal {{
    height: auto;
    margin-top: 1;
}}
{name} > Vertical > Horizontal {{
    dock: bottom;
}}
{name} Button {{
    margin-right: 2;
}}
{name} ToastRack {{
    layer: default;
    dock: top;
    align: right top;
    max-height: 45%;
    margin-bottom: 0;
}}
"""
"""The look every dialog shares (``DEFAULT_CSS = MODAL_CSS.format(name=...)``): here, beside
``WorkshopModal``, so a screen that only may open a dialog need not import the dialogs.

A dialog taller than the terminal (the groups form with many tables, any form at 80x24)
scrolls, and its row of buttons is docked at the bottom: before, both were cut off below the
frame, and only the keys (Ctrl+S, Esc) still worked.

Notices (Textual's toasts) sit at the top of a dialog's screen, in at most its upper 45%:
at the bottom, where they sit elsewhere, a notice covered the dialog's buttons (found by
hand at 80x24: the lock takeover notice over Cancel in F8 and Ctrl+R). A centred dialog's
buttons are docked at its bottom, below the middle of the screen, so they stay in view
and can be clicked; the keys work either way. There a notice still covered the dialog's upper
right corner (its border, title, first fields) until it expired: the notices are on the
dialog's own layer, where a docked widget takes its room from the others (Textual arranges
docks per layer), so the dialog is centred in the space below them and nothing of it is
covered; with no notice the rack is not displayed and the dialog sits as before.
"""


class WorkshopModal(_Localised, ModalScreen[Any]):
    """A modal with the same localised bindings, declared as commands (``tui.commands``).

    ``KEYS`` are the commands its ``BINDINGS`` are made from (``bindings(KEYS)``): the footer
    shows them, and F1 lists them with what each does, as on every other screen.
    """

    KEYS: ClassVar[Sequence[Command]] = ()

    def on_mount(self) -> None:
        setattr(self, "HELP", key_help(self.KEYS, self.lang))  # noqa: B010 (see show_help_text)
