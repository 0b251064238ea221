"""A table exercise on the wall keeps every column heading whole at any width.

Found by explore12 on the stakeholder table at 80 columns: in five equal columns the heading
"Positiv/negativ" broke as "Positiv/nega" / "tiv".
"""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from workshop_tui.core.results.summary_model import TablePart, TableRow
from workshop_tui.core.results.summary_written import GroupTable, TableColumn
from workshop_tui.tui.screens.projector_texts import table_rows

LABELS = ("Interessent", "Betydning", "Aktiv/passiv", "Positiv/negativ", "Håndtering")
CELLS = (
    "Ét kontaktpunkt i kommunen",
    "stor",
    "aktiv",
    "negativ",
    "Fast kontaktperson og daglig status kl. 11",
)


def _wall(width: int) -> str:
    part = TablePart(
        heading="Interessentanalyse",
        instructions=(),
        columns=tuple(TableColumn(id=str(i), label=label) for i, label in enumerate(LABELS)),
        groups=(GroupTable(group="Bord 1", rows=(TableRow(number=1, cells=CELLS),)),),
    )
    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(table_rows(part, width))
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(out, str)
    return out


@pytest.mark.parametrize("width", [35, 50, 52, 60, 72, 112])
def test_every_heading_stays_whole_or_breaks_only_after_its_slash(width: int) -> None:
    wall = _wall(width)
    words = wall.split()
    for label in LABELS:
        first, _, rest = label.partition("/")
        whole = label in words or f"{label}:" in words
        at_slash = f"{first}/" in words and rest in words
        assert whole or at_slash, (label, wall)
    assert all(len(line.rstrip()) <= width for line in wall.splitlines()), wall


def test_too_narrow_for_the_columns_each_row_is_stacked_under_its_headings() -> None:
    wall = _wall(35)
    assert "Positiv/negativ: negativ" in wall, wall
    assert "Håndtering: Fast kontaktperson" in wall, wall


@pytest.mark.parametrize("width", [72, 112])
def test_where_there_is_room_no_word_in_a_cell_is_folded(width: int) -> None:
    """The choice columns ("stor", "aktiv") stay narrow so the written ones keep their words
    (equal columns at 80 folded "kontaktperso" / "n")."""
    words = _wall(width).split()
    for cell in CELLS:
        assert all(word in words for word in cell.split()), (cell, _wall(width))
