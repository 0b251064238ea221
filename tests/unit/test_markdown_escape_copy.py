"""The Markdown escape copies a changed record without ``__init__`` only where ``replace`` gives the same."""

from __future__ import annotations

import dataclasses
from functools import cached_property

from workshop_tui.export.markdown_escape import _replaced, markdown_safe


@dataclasses.dataclass(frozen=True)
class Plain:
    title: str
    count: int
    note: str = ""


@dataclasses.dataclass(frozen=True)
class Checked:
    title: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "title", self.title.strip())


@dataclasses.dataclass(frozen=True)
class Derived:
    title: str
    shown: str = dataclasses.field(init=False, default="")


@dataclasses.dataclass(frozen=True)
class Cached:
    title: str

    @cached_property
    def upper(self) -> str:
        return self.title.upper()


@dataclasses.dataclass(frozen=True, slots=True)
class Slotted:
    title: str
    count: int


def _same_as_replace(value: object, changes: dict[str, object]) -> None:
    copy, expected = _replaced(value, changes), dataclasses.replace(value, **changes)  # type: ignore[type-var]
    assert copy == expected and type(copy) is type(expected)
    assert [(k, id(v)) for k, v in vars(copy).items()] == [(k, id(v)) for k, v in vars(expected).items()]


def test_a_plain_record_is_copied_as_replace_makes_it() -> None:
    _same_as_replace(Plain("a *b*", 3, "n"), {"title": "a \\*b\\*"})
    _same_as_replace(Plain("a", 3, "<n>"), {"note": "&lt;n&gt;", "title": "x"})


def test_records_that_do_more_in_init_go_through_replace() -> None:
    assert _replaced(Checked("a"), {"title": " b "}).title == "b"
    derived = _replaced(Derived("a"), {"title": "b"})
    assert derived == Derived("b") and derived.shown == ""
    cached = Cached("a")
    assert cached.upper == "A"  # now held by the instance, beside its field
    copy = _replaced(cached, {"title": "b"})
    assert copy.upper == "B" and "upper" not in vars(Cached("b"))
    assert _replaced(Slotted("a", 1), {"title": "b"}) == Slotted("b", 1)


def test_the_escaped_summary_is_the_same() -> None:
    value = (Plain("# heading", 1), Plain("plain", 2, "a | b"))
    escaped = markdown_safe(value)
    assert escaped == (Plain("\\# heading", 1), Plain("plain", 2, "a \\| b"))
    assert escaped[1].title is value[1].title
