"""A compositor that draws a one-line change by rendering one line of each widget under it.

Textual's compositor makes a partial update (a typed score changes one line of the grid)
by asking every widget whose *container* overlaps the changed region for all of its
lines, then keeping the changed ones: on the session screen that is the header, the
footer, the agenda, the grid's 20-odd lines and every container around them, about 200
lines passed through the style cache and its line filters per keystroke, to draw one
(in-process on the test VM, 24 keys: the compositor's update took a median 4.2-6.2 ms
with Textual's way, 3.0-3.3 ms with this one). ``LineCompositor`` asks each widget only
for the lines of its visible region that the update covers, and skips the widgets whose
visible region it does not touch; a full update (opening, resizing) covers every line.

The lines kept are the same: a widget's partial render is what Textual itself asks of a
widget scrolled partly out of view, and the lines and columns left out are those the
update does not draw (``tests/ui/test_line_compositor.py`` compares its updates with
Textual's, byte for byte, on the session screen). It relies on the compositor's
``_get_renders`` and ``visible_widgets`` (Textual 8); ``install`` leaves a screen with
Textual's compositor where they are not as expected.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual._compositor import Compositor
from textual.geometry import Region
from textual.screen import Screen
from textual.strip import Strip


class LineCompositor(Compositor):
    """Renders, for a partial update, only the lines of each widget that the update covers."""

    def _get_renders(self, crop: Region | None = None) -> Iterable[tuple[Region, Region, list[Strip]]]:
        if crop is None:  # no crop asked for: Textual's own
            yield from super()._get_renders(crop)
            return
        crop_left, crop_top, crop_right, crop_bottom = crop.corners  # right and bottom exclusive
        drawn: list[Region] = []
        for widget, (region, clip) in self.visible_widgets.items():  # front to back
            x, y, width, height = region.intersection(clip)
            top, bottom = max(y, crop_top), min(y + height, crop_bottom)
            if not width or bottom <= top or x >= crop_right or x + width <= crop_left:
                continue
            # The widget's whole visible width (the compositor cuts it into its columns),
            # only the lines the update covers; given as its region and clip both, the
            # compositor places these lines where the render starts.
            part = Region(x, top, width, bottom - top)
            if any(front.contains_region(part) for front in drawn):
                # Wholly behind a widget in front (the containers around the grid under a
                # typed score's line): the compositor keeps the first render of each cell,
                # so this one's lines would be thrown away unseen.
                continue
            drawn.append(part)
            yield part, part, widget.render_lines(Region(x - region.x, top - region.y, width, bottom - top))


def install(screen: Screen[object]) -> None:
    """Give a newly made screen the line compositor (before it is mounted)."""
    if isinstance(getattr(screen, "_compositor", None), Compositor) and hasattr(Compositor, "_get_renders"):
        screen._compositor = LineCompositor()
