"""Updating a text panel without moving the rest of the screen.

``Static.update`` asks for a new layout of the whole screen by default, because new text
may need more or fewer lines. Around the score grid the text changes on every keystroke
(the highlighted item's figures, the profile, the progress line) while its height almost
never does; a layout per keystroke costs more than the frame. These helpers skip text that
did not change and ask for a layout only when the wrapped height did.
"""

from __future__ import annotations

from collections.abc import Callable
from weakref import WeakKeyDictionary

from rich._wrap import divide_line
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text
from textual.app import RenderResult
from textual.css.scalar import Unit
from textual.geometry import Size
from textual.visual import Visual, VisualType, visualize
from textual.widgets import Static

from workshop_tui.tui.plain import plain_text
from workshop_tui.tui.widgets.cell_text import same_look


def text_height(content: Text | str, width: int, console: Console) -> int:
    """How many lines ``content`` takes when wrapped to ``width`` cells, as ``Text.wrap`` wraps it.

    Counted on the plain text, line by line: a line that fits is one, a longer one is cut
    where rich's own word wrap cuts it (``divide_line``, which ``Text.wrap`` uses). Wrapping
    the styled text only to count its lines cost 1.5 ms per text; the grid measures all its
    items' details for the panel's height as it opens (issue 15). Text with tabs is wrapped.
    """
    text = content if isinstance(content, Text) else Text(content)
    plain, width = text.plain, max(1, width)
    if not plain:
        return 0
    if "\t" in plain:
        return len(text.wrap(console, width))
    if text.no_wrap:
        return plain.count("\n") + 1
    fold = (text.overflow or "fold") == "fold"
    height = 0
    for line in plain.split("\n"):
        height += 1 if cell_len(line) <= width else len(divide_line(line, width, fold=fold)) + 1
    return height


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

    The height is the wrapped text's, or the panel's ``min-height`` in lines (a ``FittedPanel``'s
    floor) when that is more.
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
    if isinstance(panel, FittedPanel):
        floor = panel.floor(width)
    else:
        minimum = panel.styles.min_height
        floor = int(minimum.value) if minimum is not None and minimum.unit == Unit.CELLS else 0
    before = max(floor, _height(panel, old, width))
    panel.update(content, layout=before != max(floor, _height(panel, content, width)))


class FittedPanel(Static):
    """A text panel whose text and least height depend on its width, found by the layout giving that width.

    Around the score grid the profile is drawn for the panel's width, and the item's detail
    keeps the height of its tallest item (a cursor move never changes the layout). Before
    the first layout the width is unknown: made after it, from the first ``Resize``, both
    asked for a second layout of the whole screen and drew a second frame just after the
    first one on opening. Here the layout itself asks the panel for its height at the width
    it gives (``get_content_height``), and the panel makes its text for that width then.
    """

    def __init__(self, *, floor: Callable[[int], int] | None = None, **kwargs: str | None) -> None:
        """``floor``: width -> the least height; the rest as for any widget (``id``, ``classes``)."""
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._floor = floor
        """Width -> the least height in lines (the owner keeps what it computes)."""
        self._make: Callable[[int], Text | str] | None = None
        """Width -> the text to show; kept, so a new width gets its own text."""
        self._made_for: int | None = None
        """The width the text shown was made for."""
        self._fitted: tuple[Text, Visual] | None = None
        """The text a layout made (and its visual), shown until the panel is next updated.

        Not put in by ``update``: inside a layout, its repaint asks where the panel is, and
        the compositor lays the whole screen out once more to say (its map is being made).
        """

    @property
    def content(self) -> VisualType:
        """The text shown (the one a layout made, if it made one since the last update)."""
        return self._fitted[0] if self._fitted is not None else super().content

    @content.setter
    def content(self, content: VisualType) -> None:
        self._fitted = None
        Static.content.fset(self, content)  # type: ignore[attr-defined]

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        self._fitted = None
        super().update(content, layout=layout)

    def render(self) -> RenderResult:
        return self._fitted[1] if self._fitted is not None else super().render()

    def floor(self, width: int) -> int:
        """The least height in lines at ``width``."""
        return self._floor(width) if self._floor is not None and width > 0 else 0

    def fit(self, make: Callable[[int], Text | str]) -> None:
        """Show ``make(width)``: now when the panel has its width, else in the layout that gives it one."""
        self._make = make
        width = self.content_region.width
        if self.is_mounted and width > 0:
            self._made_for = width
            show_text(self, make(width))
        else:
            self._made_for = None
            self.refresh(layout=True)  # and forgets the lines drawn: the layout's text is drawn anew

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if self._make is not None and width > 0 and width != self._made_for:
            self._made_for = width
            made = self._make(width)
            text = plain_text(made) if isinstance(made, str) else made
            self._fitted = (text, visualize(self, text, markup=False))
            self.clear_cached_dimensions()
        return max(super().get_content_height(container, viewport, width), self.floor(width))
