"""The ranking kind in the TUI: places typed into the score grid, mean ranks on the wall.

A place is typed like a score (the digit is the place, Del clears it); the core's rule
moves a place given twice (``core/kinds/ranking.py``), and the grid shows each item's
mean place and the distribution of places as it shows any score. The wall shows the
summary's figures, as the exports do.
"""

from __future__ import annotations

from workshop_tui.tui.screens.projector_kinds import PROJECTOR, Piece
from workshop_tui.tui.views.grid import GridView


class View(GridView):
    """The score grid, one row per item to rank and one column per person."""


PIECE = Piece(PROJECTOR["rating_grid"].question, PROJECTOR["rating_grid"].results)
"""The items numbered with "1 = først … n = sidst", then the mean places and their spread."""
