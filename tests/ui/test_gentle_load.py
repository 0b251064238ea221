"""The gentle load (a device's text arriving in a field) behaves alike in both kinds of text field.

The rule lives once (``entry.kept_from_gentle_load``) and is read by the one-line
``EntryInput`` and the multi-line ``EntryArea``. These pin the branches the pilot tests of
devices writing (``test_writers_marks``, ``test_scribes_ui``) do not reach: a field showing
another group's text, a field holding typing not yet reported, and a field the keyboard is
in that was typed in with nothing new from a device.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.app import App, ComposeResult
from textual.widget import Widget

from workshop_tui.tui.widgets.entry import EntryInput
from workshop_tui.tui.widgets.entry_area import EntryArea

ONE = ("text", "g1", "1")
OTHER = ("text", "g2", "1")


def _input_text(widget: Widget) -> str:
    assert isinstance(widget, EntryInput)
    return widget.value


def _area_text(widget: Widget) -> str:
    assert isinstance(widget, EntryArea)
    return widget.text


KINDS: list[tuple[Callable[[], Widget], Callable[[Widget], str]]] = [
    (EntryInput, _input_text),
    (EntryArea, _area_text),
]


class _Fields(App[None]):
    AUTO_FOCUS = None

    def __init__(self, make: Callable[[], Widget]) -> None:
        super().__init__()
        self._make = make

    def compose(self) -> ComposeResult:
        yield self._make()
        yield EntryInput(id="elsewhere")


@pytest.mark.parametrize(("make", "text_of"), KINDS, ids=["input", "area"])
async def test_a_device_s_text_reaches_a_field_only_where_nobody_typed_over_it(
    make: Callable[[], Widget], text_of: Callable[[Widget], str]
) -> None:
    app = _Fields(make)
    async with app.run_test(size=(60, 12)) as pilot:
        field = app.query(type(make())).first()
        assert isinstance(field, EntryInput | EntryArea)
        field.load(ONE, "Gruppe 1")
        field.load(OTHER, "Gruppe 2's telefon", gently=True)
        assert text_of(field) == "Gruppe 1"  # another group's text never lands here
        field.load(ONE, "Gruppe 1 og telefonen", gently=True)
        assert text_of(field) == "Gruppe 1 og telefonen"  # nobody typed: shown
        field.shown = "Gruppe 1 o"  # typing here not yet reported (the field differs from it)
        field.load(ONE, "Fra telefonen", gently=True)
        assert text_of(field) == "Gruppe 1 og telefonen"
        field.load(ONE, "Gruppe 1 og telefonen")  # loaded as it is: nothing typed since
        field.focus()
        await pilot.pause()
        await pilot.press("x")
        typed = text_of(field)
        assert field.typed and "x" in typed
        field.settled(ONE, typed, typed, False)  # the session holds what was typed
        field.load(ONE, typed, gently=True)  # nothing new from a device: the field is left alone
        assert text_of(field) == typed and field.typed
        field.load(ONE, typed + " (telefon)", gently=True)  # a device wrote since: shown
        assert text_of(field) == typed + " (telefon)"
