"""Updating a text panel without moving the rest of the screen.

``Static.update`` asks for a new layout of the whole screen by default, because new text
may need more or fewer lines. Around the score grid the text changes on every keystroke
(the highlighted item's figures, the profile, the progress line) while its height almost
never does; a layout per keystroke costs more than the frame. These helpers skip text that
did not change and ask for a layout only when the wrapped height did.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from rich.console import Console
from rich.text import Text
from textual.css.scalar import Unit
from textual.widgets import Static

from workshop_tui.tui.plain import plain_text
from workshop_tui.tui.widgets.cell_text import same_look


def text_height(content: Text | str, width: int, console: Console) -> int:
    """How many lines ``content`` takes when wrapped to ``width`` cells."""
    text = content if isinstance(content, Text) else Text(content)
    return len(text.wrap(console, max(1, width))) if text.plain else 0


_heights: WeakKeyDictionary[Static, tuple[int, Text | str, int]] = WeakKeyDictionary()
"""Panel -> (width, the content, its wrapped height): what was last measured."""


def _height(panel: Static, content: Text | str, width: int) -> int:
    known = _heights.get(panel)
    if known is not None and known[0] == width and known[1] is content:
        return known[2]
    height = text_height(content, width, panel.app.console)
    _heights[panel] = (width, content, height)
    return height


def show_text(panel: Static, content: Text | str) -> None:
    """Put ``content`` in ``panel``; re-lay out the screen only if its height changes.

    The height is the wrapped text's, or the panel's ``min-height`` in lines when that is more.
    A ``str`` is shown as written (``plain_text``): these panels show exercise texts, group
    names and labels from files, which a ``Static`` would read as markup.
    """
    if isinstance(content, str):
        content = plain_text(content)
    old = panel.content
    unchanged = (
        same_look(old, content) if isinstance(old, Text) and isinstance(content, Text) else old == content
    )
    if unchanged and type(old) is type(content):
        return
    width = panel.content_region.width
    if not panel.is_mounted or width <= 0 or not isinstance(old, Text | str):
        panel.update(content)
        return
    minimum = panel.styles.min_height
    floor = int(minimum.value) if minimum is not None and minimum.unit == Unit.CELLS else 0
    before = max(floor, _height(panel, old, width))
    panel.update(content, layout=before != max(floor, _height(panel, content, width)))
