"""What every screen of the app shares: bindings described in the UI language."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, cast

from textual.binding import ActiveBinding
from textual.screen import ModalScreen, Screen

from workshop_tui.core.i18n import find
from workshop_tui.tui.strings import textual_word

if TYPE_CHECKING:
    from workshop_tui.tui.app import WorkshopApp


def _localised(bindings: dict[str, ActiveBinding], lang: str) -> dict[str, ActiveBinding]:
    out = {}
    for key, active in bindings.items():
        binding, tooltip = active.binding, active.tooltip
        if binding.id and (described := find(f"tui.key.{binding.id}", lang)) is not None:
            # Our bindings carry only an id: their words are the catalogue's tui.key.* / tui.tip.*.
            tooltip = find(f"tui.tip.{binding.id}", lang) or tooltip
            binding = replace(binding, description=described, tooltip=tooltip)
        elif binding.description:
            # Textual's own keys ("Cursor up", "palette") in the interface language.
            binding = replace(binding, description=textual_word(binding.description, lang))
        out[key] = ActiveBinding(active.node, binding, active.enabled, tooltip)
    return out


class _Localised:
    """What screens and modals share: the typed app, its language, translated bindings."""

    app: Any

    @property
    def workshop(self) -> WorkshopApp:
        """The app, typed."""
        return cast("WorkshopApp", self.app)

    @property
    def lang(self) -> str:
        """The current interface language."""
        return self.workshop.lang

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return _localised(super().active_bindings, self.lang)  # type: ignore[misc]


class WorkshopScreen(_Localised, Screen[Any]):
    """A screen whose footer and key help speak the facilitator's language.

    Bindings are declared with an ``id`` and, for words, their catalogue key (Textual hides a
    binding without a description); the description (``tui.key.<id>``) and tooltip
    (``tui.tip.<id>``) are looked up in the interface language whenever the footer asks.
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


class WorkshopModal(_Localised, ModalScreen[Any]):
    """A modal with the same localised bindings."""
