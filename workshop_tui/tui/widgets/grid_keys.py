"""What a score grid's columns and rows are keyed by, and an item's short tag.

``GridLayout`` decides the columns (a change rebuilds the table), ``RowKey`` tells a row
whose answers are the same objects as before (no redraw), ``item_tag`` is the prefix a
label and the detail panel share. Kept apart from ``score_grid`` so the widget stays
about building and filling its table.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop_tui.core.model import Exercise, ExerciseAnswers, Item


@dataclass(frozen=True)
class GridLayout:
    """What decides the grid's columns; a change of any of these rebuilds the table."""

    mode: str
    visible: bool
    columns: tuple[str, ...]
    """Participant ids, or score values as strings in tally mode."""
    lang: str


def item_tag(exercise: Exercise, item: Item, lang: str) -> str:
    """A short prefix: a diagnostic's dimension and ``+``/``−``; ``↺`` on a reverse-scored item."""
    if item.reverse:
        return "↺ "
    if item.polarity is None:
        return ""
    dimension = exercise.dimension(item.dimension or "")
    name = dimension.label.get(lang)[:5] if dimension else ""
    return f"{name}{'+' if item.polarity == 'produced' else '−'} "


class RowKey:
    """Which answers a row shows: the mode and the row's score and tally mappings.

    Answers are immutable and an edit replaces only the rows it touches, so a row whose
    mappings are the same objects as before shows the same thing: comparing identities
    finds the changed rows of a 40-person grid without comparing 40 scores per row.
    """

    __slots__ = ("counted", "item_id", "mode", "scores", "tallies")

    def __init__(self, answers: ExerciseAnswers, item_id: str) -> None:
        self.item_id = item_id
        self.mode = answers.mode
        self.counted = answers.counted_mode
        self.scores = answers.scores.get(item_id)
        self.tallies = answers.tallies.get(item_id)

    def same(self, other: RowKey) -> bool:
        """Whether ``other`` was taken from the same answers of the same row."""
        return (
            self.item_id == other.item_id
            and self.mode == other.mode
            and self.counted == other.counted
            and self.scores is other.scores
            and self.tallies is other.tallies
        )
