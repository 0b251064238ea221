"""Text from a session made to render as text in Markdown: the one escape of the Markdown exports.

A title, a group name or an answer is written by anyone who had the file. Put into
Markdown as it is, ``<script>`` is live HTML, ``[click](javascript:…)`` after a blank
line is a link, a ``|`` splits a table cell and a ``#`` at the start of a line makes a
heading. ``md_text`` escapes one string; ``markdown_safe`` escapes every text of a
summary (or a comparison) once, before it is rendered, so no part of the renderer can
forget one. Ids and the summary's own codes (kinds, statuses, modes, the language and
the date) are left as they are: the renderer looks them up, and their shape is checked
when the file is read.
"""

from __future__ import annotations

import dataclasses
import re
from operator import attrgetter, is_
from typing import Any, TypeVar

from workshop_tui.core.text_safety import for_terminal

T = TypeVar("T")

KEEP = frozenset(
    {"id", "session_id", "exercise_id", "item_id", "kind", "mode", "status", "language", "date"}
    | {"ranking", "top", "bottom", "dimension", "polarity", "direction", "option_id", "statuses"}
    | {"what"}
)
"""Fields that hold ids or codes, not text (``dimension`` and ``polarity`` name a profile;
``direction`` is an item's polarity code, ``top``/``bottom`` the highlight lists' item ids,
``statuses`` a trend's review status codes with their counts, ``what`` the code of what an
edition left out)."""
MULTILINE = frozenset({("GroupText", "text"), ("ItemSummary", "note"), ("GroupActions", "challenge")})
MULTILINE_FIELDS = frozenset({"facilitator_note"})
"""Texts whose line breaks are kept (answers and notes, shown as block quotes)."""

_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_INLINE = re.compile(r"[\\`*_\[\]|~&<>]")
"""Backslash, code, emphasis, links, table pipes, strike-through; and HTML's &, < and >."""
_ONE_LINE_STARTS = frozenset("#=-+0123456789")
"""The first characters at which ``_LINE_START`` can match (a number only before ``.`` or ``)``)."""
_MULTILINE_STARTS = frozenset("#=-+")
"""The first characters (after blanks) of a line at which ``_LINE_STARTS`` can match."""
_LINE_START = re.compile(r"^([ \t]*)(#|=|-|\+|[0-9]+(?=[.)]))")
"""What makes the start of a one-line text a heading, an underline, a rule or a list item."""
_LINE_STARTS = re.compile(r"^([ \t]*)(#|=|[-+](?![ \t]))", re.MULTILINE)
"""The same for each line of an answer, where a list the person typed ("- a", "1. b") stays a list:
a list is only layout, while a heading or an underline (``---`` under a line) would outrank the
report's own headings."""


def md_text(text: str, *, multiline: bool = False) -> str:
    """``text`` escaped so that Markdown shows it as the same text, and nothing else.

    Args:
        multiline: keep the line breaks (each line is escaped as the start of a line).
            Without it the text is put on one line, so it stays inside its heading,
            list item or table cell.
    """
    text = for_terminal(text, multiline=True)  # a Markdown file is read in terminals too
    if multiline:
        # ``for_terminal`` leaves ``\n`` as the only line break: an answer on one line is one line.
        if not _ends_bare(text):  # nearly every answer: no line ends in a blank (nothing copied)
            text = "\n".join(
                [line.rstrip() for line in text.splitlines()] if "\n" in text else [text.rstrip()]
            )
        # Only a line whose first character after blanks is one of these can be changed by
        # ``_LINE_STARTS``; the inline escape never puts one there nor takes one away (it only
        # writes a backslash or an entity before or instead of its own characters).
        # (Most answers hold none of them: four C scans rather than a Python step per line.)
        starts = any(mark in text for mark in _MULTILINE_STARTS) and any(
            line.lstrip(" \t")[:1] in _MULTILINE_STARTS for line in text.split("\n")
        )
    else:
        # No blank in front: ``_LINE_START`` acts at the first character only.
        if not _single_spaced(text):
            text = " ".join(text.split())
        starts = text[:1] in _ONE_LINE_STARTS
    if _has_inline(text):
        text = _INLINE.sub(lambda m: _HTML.get(m.group(), "\\" + m.group()), text)
    return (_LINE_STARTS if multiline else _LINE_START).sub(_line_start, text) if starts else text


def _single_spaced(text: str) -> bool:
    """Whether ``" ".join(text.split())`` is ``text``: its only blank is the space, never two in a row
    nor at an edge. ``isprintable`` is false for every other character ``split`` splits at (a test
    walks them all); splitting and joining a title or a label copied it word by word."""
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def _ends_bare(text: str) -> bool:
    """Whether ``"\\n".join(line.rstrip() for line in text.splitlines())`` is ``text``, for a text
    out of ``for_terminal(multiline=True)`` (whose only line break is ``\\n``): no line ends in a
    blank and the text does not end with a line break. Splitting, stripping and joining copied
    the ~220,000 characters of a 90-exercise export's answers twice."""
    if text[-1:].isspace():
        return False
    at = -1
    for _ in range(text.count("\n")):
        at = text.index("\n", at + 1)
        before = text[at - 1 : at]  # empty before a first line that is empty
        if before != "\n" and before.isspace():
            return False
    return True


def _has_inline(text: str) -> bool:
    """Whether ``_INLINE`` can match: most texts hold none of its characters, and looking for each
    (a C scan) costs far less than the expression tried at every character (about 4 of the 11 ms
    of a 90-exercise export's texts; written out, as a loop over the characters took twice as long)."""
    return (
        "\\" in text or "`" in text or "*" in text or "_" in text or "[" in text or "]" in text
        or "|" in text or "~" in text or "&" in text or "<" in text or ">" in text
    )  # fmt: skip


def _line_start(match: re.Match[str]) -> str:
    blank, mark = match.group(1), match.group(2)
    if mark.isdigit():  # "1." or "1)" would number a list: escape the dot, after the digits
        return f"{blank}{mark}\\"
    return f"{blank}\\{mark}"


def markdown_safe(value: T) -> T:
    """A copy of a summary (or comparison) with every text escaped by ``md_text``.

    Only what changes is copied: a value none of whose texts needed escaping is kept as
    it is (a 400-person summary holds tens of thousands of scores and few texts), and
    each distinct text is escaped once.
    """
    return _Walk().walk(value, "", "")  # type: ignore[no-any-return]


_FIELDS: dict[type, tuple[str, ...]] = {}
"""The fields of each dataclass that may hold text (init fields not in ``KEEP``, not numbers)."""
_NUMBERS: frozenset[object] = frozenset(
    {int, float, bool} | {f"{n}{none}" for n in ("int", "float", "bool") for none in ("", " | None")}
)
"""Field types that never hold a text (as written in the class, or resolved)."""
_LEAVES: dict[type, tuple[tuple[str, bool], ...] | None] = {}
"""Per dataclass: (field, multiline) of each text field when every one is a plain ``str``, else None."""


_NUMBER_NAMES = frozenset({"int", "float", "bool", "None", "tuple", "..."})
_NAMES = re.compile(r"[A-Za-z_][\w.]*|\.\.\.")


def _holds_no_text(annotation: object) -> bool:
    """Whether a field's type is numbers only: ``int``, ``float | None``, or tuples of them
    (``tuple[tuple[int, int], ...]``, a distribution: thousands of values a summary need not walk)."""
    if annotation in _NUMBERS:
        return True
    return isinstance(annotation, str) and all(name in _NUMBER_NAMES for name in _NAMES.findall(annotation))


def _text_fields(kind: type) -> tuple[str, ...]:
    names = _FIELDS.get(kind)
    if names is None:
        names = tuple(
            f.name
            for f in dataclasses.fields(kind)
            if f.init and f.name not in KEEP and not _holds_no_text(f.type)
        )
        _FIELDS[kind] = names
    return names


_WALKED: dict[type, tuple[tuple[str, bool], ...]] = {}


_TEXTLESS: set[type] = set()
"""Records none of whose fields may hold a text (``ItemStats``): not walked at all."""


def _walked_fields(kind: type) -> tuple[tuple[str, bool], ...]:
    """(field, multiline) of each text field of a record, as ``walk`` would find them."""
    walked = _WALKED.get(kind)
    if walked is None:
        owner = kind.__name__
        walked = _WALKED[kind] = tuple(
            (name, (owner, name) in MULTILINE or name in MULTILINE_FIELDS) for name in _text_fields(kind)
        )
        if not walked:
            _TEXTLESS.add(kind)
    return walked


def _leaf_fields(kind: type) -> tuple[tuple[str, bool], ...] | None:
    """The text fields of a record whose texts are all plain strings (a ``Score``), else None."""
    if kind not in _LEAVES:
        types = {f.name: f.type for f in dataclasses.fields(kind)}
        names = _text_fields(kind)
        leaf = all(types[name] in ("str", str) for name in names)
        owner = kind.__name__
        _LEAVES[kind] = (
            tuple((name, (owner, name) in MULTILINE or name in MULTILINE_FIELDS) for name in names)
            if leaf
            else None
        )
    return _LEAVES[kind]


def _field_texts(values: tuple[Any, ...], field: str) -> list[str]:
    """A field of each record, in order. ``label`` (a ``Score``'s, by the thousand in a large
    summary) is read by the comprehension's attribute access, which the interpreter specialises to
    the records' class: half the cost of ``attrgetter``'s lookup by name (4.6 against 8.9 us for
    400 scores)."""
    if field == "label":
        return [value.label for value in values]
    return list(map(attrgetter(field), values))


class _Walk:
    """One escape of a whole value, remembering the texts it has escaped."""

    def __init__(self) -> None:
        self._escaped: dict[tuple[str, bool], str] = {}

    def text(self, value: str, multiline: bool) -> str:
        key = (value, multiline)
        escaped = self._escaped.get(key)
        if escaped is None:
            escaped = md_text(value, multiline=multiline)
            # The same text kept as the same object, so what needed no escape is not copied.
            escaped = self._escaped[key] = value if escaped == value else escaped
        return escaped

    def _unchanged(self, values: tuple[Any, ...]) -> bool:
        """Whether a tuple of records of one kind whose texts are plain strings needs no escape.

        A 400-person summary holds some 17,000 ``Score`` records, nearly all with the same
        (empty) label: their distinct texts are checked once each instead of walking every one.
        """
        kind = type(values[0])
        if _shape(kind) is not _RECORD:
            return False
        leaves = _leaf_fields(kind)
        # C-level passes over the records: a Python step per record cost more than the rest of
        # a 400-person escape. Their types are counted (by identity, no hashing) rather than put
        # in a set.
        if leaves is None:
            return False
        types = list(map(type, values))
        if types.count(kind) != len(types):
            return False
        for field, multiline in leaves:
            texts = _field_texts(values, field)
            first = texts[0]
            # Nearly always one label for all (none, anonymous): counted, not hashed into a set.
            for text in (first,) if texts.count(first) == len(texts) else set(texts):
                if self.text(text, multiline) is not text:
                    return False
        return True

    def walk(self, value: Any, owner: str, name: str) -> Any:
        shape = _shape(type(value))
        if shape is _TEXT:
            if name in KEEP:
                return value
            return self.text(value, (owner, name) in MULTILINE or name in MULTILINE_FIELDS)
        if shape is _TUPLE:
            if value and self._unchanged(value):
                return value
            walked = tuple([self.walk(v, owner, name) for v in value])
            return value if all(map(is_, walked, value)) else walked
        if shape is _RECORD:
            kind = type(value)
            owner = kind.__name__
            changes = {}
            escaped = self._escaped
            for field, multiline in _walked_fields(kind):
                old = getattr(value, field)
                # A plain text is escaped here, not through another call of ``walk`` (some
                # 3,000 texts in a 90-exercise summary), and one escaped before is looked up
                # here; an empty text (a third of them: no note, no pole labels) and None are
                # left as they are, and so is a record that holds no text (an item's figures);
                # anything else is walked.
                if type(old) is str:
                    if not old:
                        continue
                    new = escaped.get((old, multiline)) or self.text(old, multiline)
                elif old is None or type(old) in _TEXTLESS:
                    continue
                else:
                    new = self.walk(old, owner, field)
                if new is not old:
                    changes[field] = new
            return _replaced(value, changes) if changes else value
        return value


_PLAIN: dict[type, int] = {}
"""Per dataclass: how many fields its instances hold when a copy can be made without ``__init__``; else 0."""


def _replaced(value: Any, changes: dict[str, Any]) -> Any:
    """``dataclasses.replace(value, **changes)``, without its per-field Python for a plain record.

    ``replace`` calls the class with every field (about 30,000 instructions a record, 10 M of a
    90-exercise Markdown export). A record whose class takes every field in ``__init__`` and
    does nothing more (no ``__post_init__``, no slots) and whose instance holds just its fields
    is what that ``__init__`` makes of them: a copy of its attributes with the changes in place,
    in the same order.
    """
    kind = type(value)
    count = _PLAIN.get(kind)
    if count is None:
        fields = dataclasses.fields(kind)
        plain = all(f.init for f in fields) and not hasattr(kind, "__post_init__")
        count = _PLAIN[kind] = len(fields) if plain and "__slots__" not in kind.__dict__ else 0
    attributes = getattr(value, "__dict__", None)
    if not count or attributes is None or len(attributes) != count:
        return dataclasses.replace(value, **changes)
    copy = object.__new__(kind)
    copy.__dict__.update(attributes)
    copy.__dict__.update(changes)
    return copy


_TEXT, _TUPLE, _RECORD, _OTHER = "text", "tuple", "record", "other"
_SHAPES: dict[type, str] = {}


def _shape(kind: type) -> str:
    """What ``_Walk.walk`` does with a value of this type (asked once per type)."""
    shape = _SHAPES.get(kind)
    if shape is None:
        if issubclass(kind, str):
            shape = _TEXT
        elif issubclass(kind, tuple):
            shape = _TUPLE
        elif dataclasses.is_dataclass(kind):
            shape = _RECORD
        else:
            shape = _OTHER
        _SHAPES[kind] = shape
    return shape
