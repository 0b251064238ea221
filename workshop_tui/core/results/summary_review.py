"""The summary part of last time's actions reviewed (``core/kinds/action_review.py``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReviewRow:
    """One action of an earlier session and what the group said of it now."""

    number: int
    id: str
    text: str
    owner: str
    due: str
    group: str
    session: str
    """The title of the session it was written in."""
    status: str
    """A code (``done``, ``partly``, ``not_started``, ``dropped``), or "" while not reviewed."""
    note: str
    overdue: bool
    """Due before the follow-up's date and neither done nor dropped (``action_review.overdue``)."""
    carried: bool
    """Copied into the follow-up's own action list."""


@dataclass(frozen=True)
class ReviewPart:
    """The answers to an ``action_review``: the follow-up's date and each reviewed action."""

    date: str
    instructions: tuple[str, ...]
    rows: tuple[ReviewRow, ...]
    owners_shown: bool = True
    """False when the edition leaves owners out (``results.edition``): no owner column."""
    notes_shown: bool = True
    """False when the edition leaves the notes out: no note column."""
    owners_left_out: int = 0
    notes_left_out: int = 0
    """How many actions had an owner / a note that this edition leaves out."""

    def count(self, status: str) -> int:
        """How many actions have ``status`` ("" counts those not reviewed yet)."""
        return sum(1 for row in self.rows if row.status == status)

    @property
    def overdue(self) -> int:
        """How many actions are overdue."""
        return sum(1 for row in self.rows if row.overdue)
