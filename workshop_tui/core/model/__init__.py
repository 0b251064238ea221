"""The immutable domain: exercises, sessions and their answers.

Everything here is a frozen dataclass. Edits return new values, so the UI can
keep the previous session for undo and the storage layer never sees a
half-applied change. Nothing in this package imports textual or rich.
"""

from workshop_tui.core.model.answers import Action, ExerciseAnswers
from workshop_tui.core.model.exercise import (
    KINDS,
    Box,
    Column,
    Dimension,
    Exercise,
    Item,
    Matrix,
    Option,
    Scale,
    Source,
    SubQuestion,
    Text,
    Votes,
    Zone,
)
from workshop_tui.core.model.programme import Programme
from workshop_tui.core.model.session import Group, Participant, Position, Session

__all__ = [
    "KINDS",
    "Action",
    "Box",
    "Column",
    "Dimension",
    "Exercise",
    "ExerciseAnswers",
    "Group",
    "Item",
    "Matrix",
    "Option",
    "Participant",
    "Position",
    "Programme",
    "Scale",
    "Session",
    "Source",
    "SubQuestion",
    "Text",
    "Votes",
    "Zone",
]
