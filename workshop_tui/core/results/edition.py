"""What one edition of a session's summary includes: the one rule every export reads.

An anonymous edition (the default, without ``--named``) must not name people. Scores
already carry no label (``summary.participant_labels``); the free texts that are *about*
people are left out here as well: an action's owner (a name, typed by the group) unless
``named``, and the notes a follow-up wrote on last time's actions (``action_review``:
"Hanne never got to it") unless ``notes``. What is left out is counted, so the
"About the figures" section and the CSV's ``left_out`` rows say so instead of leaving
cells silently empty. The texts themselves (an action, an answer) may still name someone;
the section warns about that, because no rule can find a name in free text.

Pure core: no textual or rich.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

LeftOutWhat = Literal["owners", "review_notes"]
"""What an edition can leave out: action owners, the notes on reviewed actions."""


@dataclass(frozen=True)
class Edition:
    """The facilitator's choice for one export: names (``--named``) and notes (``--notes``)."""

    named: bool = False
    notes: bool = False

    @property
    def owners(self) -> bool:
        """Action owners are shown (only in a named edition: an owner is a person's name)."""
        return self.named

    @property
    def review_notes(self) -> bool:
        """The notes on last time's actions are shown (free text about people: only with notes)."""
        return self.notes

    def owner(self, text: str) -> str:
        """An action's owner as this edition shows it (empty when left out)."""
        return text if self.owners else ""

    def review_note(self, text: str) -> str:
        """A reviewed action's note as this edition shows it (empty when left out)."""
        return text if self.review_notes else ""


@dataclass(frozen=True)
class LeftOut:
    """What an edition left out of one exercise, and of how many actions (never 0)."""

    exercise_id: str
    exercise: str
    """The exercise's title, in the summary's language."""
    what: LeftOutWhat
    count: int


ROOM = Edition(named=True, notes=True)
"""The room's own screens (the wall, the review view): they show what the room itself wrote."""
