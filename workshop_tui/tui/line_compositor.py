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

from collections.abc import Callable, Iterable
from typing import Any

from rich.console import RenderableType
from textual._compositor import Compositor
from textual.geometry import Region
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget


class LineCompositor(Compositor):
    """Renders, for a partial update, only the lines of each widget that the update covers."""

    def __init__(self) -> None:
        super().__init__()
        self.before_output: Callable[[], None] | None = None
        """Called once an update is rendered, before it goes to the terminal (see ``draw_now``)."""

    def render_update(
        self, full: bool = False, screen_stack: list[Screen[Any]] | None = None, simplify: bool = False
    ) -> RenderableType | None:
        update = super().render_update(full=full, screen_stack=screen_stack, simplify=simplify)
        if self.before_output is not None:
            self.before_output()
        return update

    def _get_renders(self, crop: Region | None = None) -> Iterable[tuple[Region, Region, list[Strip]]]:
        if crop is None:  # no crop asked for: Textual's own
            yield from super()._get_renders(crop)
            return
        crop_left, crop_top, crop_right, crop_bottom = crop.corners  # right and bottom exclusive
        for widget, (region, clip) in self.visible_widgets.items():
            x, y, width, height = region.intersection(clip)
            top, bottom = max(y, crop_top), min(y + height, crop_bottom)
            if not width or bottom <= top or x >= crop_right or x + width <= crop_left:
                continue
            # The widget's whole visible width (the compositor cuts it into its columns),
            # only the lines the update covers; given as its region and clip both, the
            # compositor places these lines where the render starts.
            part = Region(x, top, width, bottom - top)
            yield part, part, widget.render_lines(Region(x - region.x, top - region.y, width, bottom - top))


def install(screen: Screen[object]) -> None:
    """Give a newly made screen the line compositor (before it is mounted)."""
    if isinstance(getattr(screen, "_compositor", None), Compositor) and hasattr(Compositor, "_get_renders"):
        screen._compositor = LineCompositor()


def draw_now(screen: Screen[object], before_output: Callable[[], None] = lambda: None) -> bool:
    """Make and write the frame of what the caller just changed, in the caller's own turn.

    A widget's change reaches the terminal after four turns of the event loop: the widget's
    idle check posts an update to its screen, the screen's idle check wakes its update
    timer, whose task makes the frame. Traced through a pseudo-terminal with the app under
    load, those turns took 1.5-5 ms between the end of a typed score's widget updates and
    the start of its frame (each turn waits for the interpreter behind Textual's threads).
    Here the widgets waiting for a repaint are handed to the screen at once and the frame is
    made as the timer would make it. Anything needing more than a repaint (a layout, new
    styles, scrolling, a recompose) is left to Textual's way; so is a held batch of updates.

    ``before_output`` runs between making the frame and writing it to the terminal (the
    keystroke's save becoming durable meanwhile: ``SessionKeeper.durable``); it runs even
    when no frame is made here. Returns whether the frame was made here.
    """
    app = screen.app
    if (
        not hasattr(screen, "_on_timer_update")
        or not isinstance(getattr(screen, "_dirty_widgets", None), set)
        or app._batch_count
        or not screen.is_current
        or screen._layout_required
        or screen._scroll_required
        or screen._recompose_required
        or not isinstance(compositor := screen._compositor, LineCompositor)
    ):
        before_output()
        return False
    waiting: list[Widget] = []
    for widget in screen.walk_children(Widget):
        if (
            widget._layout_required
            or widget._refresh_styles_required
            or widget._scroll_required
            or widget._recompose_required
        ):
            before_output()
            return False
        if widget._repaint_required:
            waiting.append(widget)
    for widget in waiting:
        widget._repaint_required = False  # what the widget's own idle check would do
        if widget.display:
            screen._dirty_widgets.add(widget)
    made = False

    def output() -> None:
        nonlocal made
        made = True
        before_output()

    compositor.before_output = output
    try:
        screen._on_timer_update()
    finally:
        compositor.before_output = None
    if not made:  # nothing was drawn
        before_output()
    return made
