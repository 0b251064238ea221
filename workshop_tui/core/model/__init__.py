"""The immutable domain: exercises, sessions and their answers.

Everything here is a frozen dataclass. Edits return new values, so the UI can
keep the previous session for undo and the storage layer never sees a
half-applied change. Nothing in this package imports textual or rich.
"""

from workshop_tui.core.model.answers import Action, ExerciseAnswers
from workshop_tui.core.model.exercise import (
    KINDS,
    Dimension,
    Exercise,
    Item,
    Scale,
    Source,
    Text,
)
from workshop_tui.core.model.programme import Programme
from workshop_tui.core.model.session import Group, Participant, Position, Session

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
