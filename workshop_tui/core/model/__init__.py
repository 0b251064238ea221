"""The immutable domain: exercises, sessions and their answers.

Everything here is a frozen dataclass. Edits return new values, so the UI can
keep the previous session for undo and the storage layer never sees a
half-applied change. Nothing in this package imports textual or rich.

The names below are loaded when first asked for (PEP 562 ``__getattr__``): importing a
small module of the package (``model.ids`` for a file name's rule) does not build every
dataclass of the domain, which the list of sessions at start never needs.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workshop_tui.core.model.answers import Action, ExerciseAnswers
    from workshop_tui.core.model.exercise import KINDS, Exercise
    from workshop_tui.core.model.parts import Dimension, Item, Scale, Source, Text
    from workshop_tui.core.model.people import Group, Participant, Position
    from workshop_tui.core.model.programme import Programme
    from workshop_tui.core.model.session import Session

_HOMES = {
    "Action": "answers",
    "ExerciseAnswers": "answers",
    "KINDS": "exercise",
    "Exercise": "exercise",
    "Dimension": "parts",
    "Item": "parts",
    "Scale": "parts",
    "Source": "parts",
    "Text": "parts",
    "Programme": "programme",
    "Group": "people",
    "Participant": "people",
    "Position": "people",
    "Session": "session",
}
"""Each public name and the module of this package it lives in."""

__all__ = [
    "KINDS",
    "Action",
    "Dimension",
    "Exercise",
    "ExerciseAnswers",
    "Group",
    "Item",
    "Participant",
    "Position",
    "Programme",
    "Scale",
    "Session",
    "Source",
    "Text",
]


def __getattr__(name: str) -> object:
    """A public name, from its module, imported on first use (then kept as a module global)."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
