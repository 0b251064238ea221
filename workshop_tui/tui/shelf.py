"""A view the facilitator has moved away from lets go of the lines it drew while it is hidden.

The session screen keeps one view per exercise visited, hidden, so that no key, message or
refill still on its way to a view finds its widgets gone (``SessionScreen._show_exercise``).
Hidden, each of its widgets still held every line it last drew: Textual's style cache keeps
the widget's lines (``Strip``), each strip keeps the strips made from it (cropped, styled,
filtered for the terminal guard) and each strip carries seven small caches of its own. After
one walk through the large seminar's agenda (10 exercises, 40 people) the hidden views held
about 6,000 of the app's 11,000 strips: some 8 MiB of a peak of 76.

``shelve`` drops them, as Textual itself does for a widget that is removed: the style cache
is cleared and the widget marked as needing to draw all of its lines again, which it does
when it is shown (a view is given the session anew when the facilitator comes back to it,
so most of its lines are drawn again then anyway). Nothing else is touched: the widgets,
their state, focus order and scroll positions stay as they were. It is called after the
frame that hides the view: lines dropped before it would be drawn again by that frame's
updates, which Textual still makes for the widgets that asked for them.
"""

from __future__ import annotations

from textual.geometry import NULL_SIZE
from textual.widget import Widget, _RenderCache


def shelve(view: Widget) -> None:
    """Let ``view`` and every widget in it forget the lines they drew, if it is still hidden."""
    if view.display:
        return  # shown again before this ran (the facilitator came straight back)
    for widget in view.walk_children(Widget, with_self=True):
        # Textual's own private steps (Widget._set_dirty without regions, and the reset at
        # the end of Widget._message_loop_exit): no message is posted, and nothing is drawn
        # until the widget is shown, when its lines are all made again.
        widget._set_dirty()
        widget._render_cache = _RenderCache(NULL_SIZE, [])
