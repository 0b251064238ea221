"""Text from files made safe to show on a terminal: the one filter every screen and print uses.

Titles, names, notes and answers come from files anyone may have written. Printed raw,
``ESC ] 52 ; c ; … BEL`` sets the clipboard, ``ESC ] 0 ; … BEL`` renames the window and
``ESC [ 2 J`` blanks a projected screen. ``for_terminal`` removes whole escape sequences
(CSI, OSC, DCS and the like, 7-bit and 8-bit), every other C0 and C1 control character,
DEL, and the Unicode bidi overrides and isolates that make a text read in another order
than it is stored. The data itself is never changed: this is applied to a copy at the
moment it is shown.
"""

from __future__ import annotations

import dataclasses
import os
import re
import unicodedata
from typing import TypeVar, cast

T = TypeVar("T")

_SEQUENCE = re.compile(
    r"""
    (?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?     # CSI … final byte (ED, SGR, cursor moves)
    | \x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?      # OSC, DCS, SOS, PM, APC up to BEL or ST
    | \x1b[\x20-\x2f]*[\x30-\x7e]?                           # any other escape (ESC c resets)
    """,
    re.VERBOSE,
)
"""A string sequence (OSC, DCS …) goes with its payload up to its terminator (or the text's end:
a paste cut by the terminal's reads ends mid-sequence, ``test_escape_keys``). An 8-bit
introducer (0x90, 0x98, 0x9d-0x9f) goes alone, as any C1 control (``_CONTROL``): with every
control character out, what it began is plain text a terminal cannot act on. Taken to the end
of the text, a lone one took the rest of it: UTF-8 read as Latin-1 (a file passed through an
old tool) makes ``”`` into ``â\x80\x9d``, and an option ``Vi har ”silo-tænkning”…`` read
``Vi har â`` on the wall and in every export (test_text_safety_mojibake)."""
INVISIBLE = r"\u180e\u200b\u2060-\u2064\ufeff"
"""The characters drawn as nothing that change neither order nor meaning (as a class's ranges):
the Mongolian vowel separator, zero-width space, word joiner, the invisible operators and the
BOM (zero-width no-break space). Text copied from a web page, a chat or Windows Notepad carries
them beside numbers and dates (``without_invisible``)."""
_CONTROL = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u206f"
    r"\ufff9-\ufffb\u115f\u1160\u3164\uffa0" + INVISIBLE + "]"
)
"""C0 and C1 controls but tab and line feed, DEL, and the bidi marks (the Arabic letter mark too),
embeddings, overrides, isolates; and the invisible format characters a text has no need of on a
screen: zero-width space, word joiner, BOM, the interlinear annotation marks (which hide the text
between them in some renderers). A name ``An\\u200bne`` looked exactly like ``Anne``. The
zero-width joiner and non-joiner stay: emoji and scripts are written with them. The tags
(U+E0000…, drawn as nothing) stay too: a range beyond the BMP made every search of a text
that is not Latin-1 half as slow again (2.3 -> 3.8 us for 1,000 characters; BMP only: 2.5).
The Hangul fillers (U+115F, U+1160, U+3164, U+FFA0) go too: letters to Python (``isprintable``),
drawn as a blank one or two cells wide, so ``Anne\u3164`` read as ``Anne`` and a name of one
filler as an empty column; modern Korean is written without them (``_has_filler``)."""


_INVISIBLE = re.compile(f"[{INVISIBLE}]")


def without_invisible(text: str) -> str:
    """``text`` without the invisible characters of ``INVISIBLE``, for reading what it says.

    A value read as a number, a date or an id is what a person sees: ``3\u200b`` pasted from a
    web page is the score 3, and ``45`` with a zero-width space inside is 45 (not 4 and 5: nobody
    saw two numbers). Bidi marks and controls stay: they change what is shown, so a reader
    refuses them as it did. ASCII text (nearly every value) is returned as it is at once.
    """
    return text if text.isascii() else _INVISIBLE.sub("", text)


DRAWN_BLANK = frozenset(
    "\u115f\u1160\u3164\uffa0\u2800\u034f\u17b4\u17b5\u180b\u180c\u180d\u180f"
    + "".join(map(chr, range(0xFE00, 0xFE10)))
)
"""Letters and marks drawn as an empty cell (or nothing) that are kept in a text: the blank
Braille cell (U+2800), the Hangul fillers, the grapheme joiner, the Khmer inherent vowels and
the variation selectors. Python calls them printable and no ``strip`` takes them, so a title of
one blank Braille cell was a session listed as a blank line (``looks_blank``)."""
_BLANK_CATEGORIES = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp"})


def looks_blank(text: str) -> bool:
    """Whether ``text`` shows nothing: only spaces, controls, format characters (zero-width
    space, joiners, tags, soft hyphen) and the characters of ``DRAWN_BLANK``.

    For judging a title or a name only: the text itself keeps them (a Braille cell or a
    variation selector beside letters is meant). Judged as shown (``for_terminal``: an escape
    sequence is nothing); ASCII text by ``strip`` at once.
    """
    shown = for_terminal(text)
    if shown.isascii():
        return not shown.strip()
    return all(c in DRAWN_BLANK or unicodedata.category(c) in _BLANK_CATEGORIES for c in shown)


_SELECTORS = frozenset("\u180b\u180c\u180d\u180f" + "".join(map(chr, range(0xFE00, 0xFE10))))


def _blank_at_edge(c: str) -> bool:
    """Whether ``c`` shows nothing at a name's edge (``looks_blank``'s characters, and any space)."""
    return c.isspace() or c in DRAWN_BLANK or unicodedata.category(c) in _BLANK_CATEGORIES


def clean_name(text: str) -> str:
    """A name as kept: what shows blank at its edges trimmed, in one normal form (NFC).

    The one rule of a name's identity (participants, groups): "Bo" and "Bo" with a blank Braille
    cell, a Hangul filler, a zero-width space or a variation selector after it read the same on
    every screen, and so do "Bø" written as one character (NFC) and as o + a combining stroke (NFD,
    as a Mac's file names and some keyboards give it); they were two people. A variation selector
    after a symbol (an emoji's presentation) is part of it and stays. Inside a name nothing is
    taken out: a blank there shows as a gap.
    """
    if text.isascii():
        return text.strip()
    text = unicodedata.normalize("NFC", text)
    start, end = 0, len(text)
    while start < end and _blank_at_edge(text[start]):
        start += 1
    while end > start and _blank_at_edge(text[end - 1]):
        if text[end - 1] in _SELECTORS and end - 1 > start and unicodedata.category(text[end - 2])[0] == "S":
            break
        end -= 1
    return text[start:end]


def name_key(text: str) -> str:
    """What two names must share to be one: as shown (``for_terminal``), ``clean_name``, case folded.

    Compare names only by this (``same_name``): ``casefold`` alone kept "Bo" and "Bo\u2800" apart.
    """
    return unicodedata.normalize("NFC", clean_name(for_terminal(text)).casefold())


def same_name(one: str, other: str) -> bool:
    """Whether two names are one name to the eye (``name_key``)."""
    return name_key(one) == name_key(other)


def spelled(text: str) -> str:
    """``text`` with what does not show spelled out as ``<U+2800>``: two names that are one name
    to the eye (``same_name``) can then be told apart in a message that asks to rename one.

    Spelled: every character that is not a letter, digit, punctuation or symbol (bar the plain
    space), those drawn blank (``DRAWN_BLANK``), and the combining marks of a name not kept
    as NFC ("A" + U+030A where "Å" is one character).
    """
    nfc = unicodedata.is_normalized("NFC", text)
    out = []
    for c in text:
        category = unicodedata.category(c)
        shows = c == " " or (category[0] in "LNPS" and c not in DRAWN_BLANK) or (category[0] == "M" and nfc)
        out.append(c if shows else f"<U+{ord(c):04X}>")
    return "".join(out)


def _has_filler(text: str) -> bool:
    """Whether ``text`` holds a Hangul filler. A text of ASCII (``isascii`` is one flag) or of
    Latin-1 (a wider character is not looked for in it) costs next to nothing."""
    return not text.isascii() and (
        "\u3164" in text or "\uffa0" in text or "\u115f" in text or "\u1160" in text
    )


_NAME_HIDDEN = re.compile(_CONTROL.pattern[:-1] + r"\t\n\u2028\u2029\ud800-\udfff]")
"""What ``for_terminal`` would take out of a name, and line breaks, tabs and the lone surrogates
by which Python holds a file name's bytes that are not UTF-8 (printing one raises)."""


def shown_name(name: str | os.PathLike[str]) -> str:
    """A file's name (or path) as the facilitator can find it: every hidden character written out.

    ``for_terminal`` drops an escape sequence, so ``bad\\x1b[31mname.toml`` was listed as
    ``badname.toml``, a file that does not exist, and a zero-width space made two names look
    alike. A name holding any character ``for_terminal`` removes (or a tab, a line break, a byte
    that is not UTF-8) is shown with each of them as ``\\xNN`` / ``\\uNNNN`` and each backslash
    doubled, so the shown form reads back to one name only; so is a name that holds ``\\x`` or
    ``\\u`` itself (else ``a\\x1b`` typed out looked like ``a`` + ESC). Every other name is shown
    as it is (a Windows path keeps its single backslashes).
    """
    text = os.fspath(name)
    plain = text.isascii() and text.isprintable()
    if (plain or not _NAME_HIDDEN.search(text)) and "\\x" not in text and "\\u" not in text:
        return text
    return _NAME_HIDDEN.sub(_written_out, text.replace("\\", "\\\\"))


def _written_out(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_LINE_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_BLANKS = re.compile(r"[ \t]*[\n\t][ \t\n]*")


def for_terminal(text: str, *, multiline: bool = False) -> str:
    """``text`` without escape sequences or control characters, fit to show on a terminal.

    Args:
        multiline: keep line breaks (as ``\\n``) and tabs, for texts shown as paragraphs
            (answers, notes, exercise texts). Without it, each run of line breaks and tabs
            becomes one space, so a title, a name or a table cell stays on one line.
    """
    if multiline and len(text) > _LONG:
        # An answer or a note: whether it holds a control character is all that counts (with
        # line breaks kept, a printable text and one of printable lines come out the same),
        # and looked at as bytes that costs a third of ``isprintable``.
        if _no_controls(text):
            return text
    elif text.isprintable() and not _has_filler(text):  # nearly every text: nothing to do
        return text
    elif _no_controls(text):
        # Line breaks and tabs only (an answer, a note): every character the expressions act on
        # is a control character or one of those two (each sequence starts with one). Looked
        # for in one pass: ``_SEQUENCE`` costs a try at every character (20 ms over the answers
        # of a 90-exercise export).
        return text if multiline else _BLANKS.sub(" ", text)
    text = _SEQUENCE.sub("", _LINE_BREAKS.sub("\n", text))
    if not multiline:
        text = _BLANKS.sub(" ", text)
    return _CONTROL.sub("", text)


_LONG = 100
"""Longer texts with line breaks kept are looked at as bytes at once (each look costs ~1,500
instructions before its first character, ``isprintable`` some 16 a character)."""
_LATIN1_SHOWN = bytes(c for c in range(256) if _CONTROL.match(chr(c)) is None)
"""The Latin-1 characters ``_CONTROL`` leaves, as bytes."""


def _no_controls(text: str) -> bool:
    """Whether ``text`` holds no character ``_CONTROL`` matches and no line or paragraph separator.

    A text of Latin-1 characters (Danish and English answers: nearly every text) is looked at as
    its bytes: deleting every byte ``_CONTROL`` leaves leaves nothing. One C pass of a few
    instructions a character, where the expression's class costs some 30 (10 M instructions over
    the answers of a 90-exercise export, in each format). Wider texts are searched as before.
    """
    try:
        raw = text.encode("latin-1")  # a copy, for a text stored one byte a character
    except UnicodeEncodeError:
        return not _has_filler(text) and (
            text.isprintable()
            or (_CONTROL.search(text) is None and "\u2028" not in text and "\u2029" not in text)
        )
    return not raw.translate(None, _LATIN1_SHOWN)


ONE_LINE = frozenset(
    {
        "title",
        "name",
        "organisation",
        "facilitator",
        "label",
        "min_label",
        "max_label",
        "action_label",
        # An action's owner, due date and group sit on its one line of facts (``shown.action_facts``)
        # and in the wall's table cells: a pasted line break there split the row.
        "owner",
        "due",
        "group",
    }
)
"""Fields shown on one line (headers, lists, table cells): their line breaks become spaces."""


class ShownCopies:
    """Copies of model values (a whole session) with every text passed through ``for_terminal``.

    This is the boundary between the model and the screens: a screen shows the copy and
    edits the real value (edits are functions of the session, applied by the keeper), so a
    text is changed on disk only where the facilitator edits it. A value without a control
    character is returned as itself, and each immutable part is copied once and then taken
    from a cache (by identity, kept for one call), so a keystroke that makes a new session
    copies only what it changed and the screens' own caches by identity keep working.
    """

    def __init__(self) -> None:
        self._cache: dict[int, tuple[object, object]] = {}

    def __call__(self, value: T) -> T:
        """``value`` with every string in it fit for the terminal (dict keys, which are ids, kept)."""
        hit = self._cache.get(id(value))
        if hit is not None and hit[0] is value:
            # Asked again for the last value: its copy, and the cache of its parts kept for the
            # next value (keeping only what this call visited would keep the top alone, and the
            # next keystroke's session would be copied whole: 20-70 ms on a 40-person seminar).
            return cast(T, hit[1])
        fresh: dict[int, tuple[object, object]] = {}
        result = self._copy(value, False, fresh)
        self._cache = fresh  # only what the last value holds is kept
        return cast(T, result)

    def _copy(self, value: object, one_line: bool, fresh: dict[int, tuple[object, object]]) -> object:
        kind = type(value)
        if kind in _AS_IS:  # nearly every value of a session is a score
            return value
        if isinstance(value, str):
            shown_as_is = value.isprintable() and not _has_filler(value)
            return value if shown_as_is else for_terminal(value, multiline=not one_line)
        if value is None or isinstance(value, int | float):
            return value
        if getattr(kind, "shown_as_is", False):  # words of the app's own (model.WordedText)
            return value
        key = id(value)
        hit = fresh.get(key) or self._cache.get(key)
        if hit is not None and hit[0] is value:
            fresh[key] = hit
            return hit[1]
        copy: object = value
        if isinstance(value, tuple):
            items = tuple(v if type(v) in _AS_IS else self._copy(v, one_line, fresh) for v in value)
            if any(a is not b for a, b in zip(items, value, strict=True)):
                copy = items
        elif isinstance(value, dict):
            entries = {
                k: v if type(v) in _AS_IS else self._copy(v, one_line, fresh) for k, v in value.items()
            }
            if any(entries[k] is not v for k, v in value.items()):
                copy = entries
        elif (fields := _init_fields(kind)) is not None:
            changes = {}
            for name, on_one_line in fields:
                old = getattr(value, name)
                new = self._copy(old, one_line or on_one_line, fresh)
                if new is not old:
                    changes[name] = new
            if changes:
                copy = dataclasses.replace(value, **changes)  # type: ignore[type-var]
        fresh[key] = (value, copy)
        return copy


_AS_IS = frozenset({int, float, bool, type(None)})
"""Types whose values are shown as they are (checked by exact type first: the common case)."""
_FIELDS: dict[type, tuple[tuple[str, bool], ...] | None] = {}


def _init_fields(kind: type) -> tuple[tuple[str, bool], ...] | None:
    """A dataclass's fields given to its constructor, each with whether it is shown on one line.

    None for a type that is not a dataclass. Worked out once per type: a session holds
    some 300 dataclass values of a dozen types.
    """
    try:
        return _FIELDS[kind]
    except KeyError:
        pass
    fields = None
    if dataclasses.is_dataclass(kind):
        fields = tuple((f.name, f.name in ONE_LINE) for f in dataclasses.fields(kind) if f.init)
    _FIELDS[kind] = fields
    return fields
