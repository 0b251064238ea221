"""Exercise definitions a session file shares with the built-in library, read without parsing them.

Why: a session file keeps a copy of each exercise it runs, and nearly every copy is a built-in
definition written exactly as the app writes it. In a 90-exercise session those copies are
half of the file's 700 kB and more than half of what reading its TOML costs (issue 15: every
``workshop export`` is a process of its own that reads the whole file). The app writes the same
definition as the same text whatever session it is in, so the text is known in advance.

How: for each built-in definition, the text the app writes for it (``[exercises.<id>]`` and
its tables) is rendered once with a placeholder id, and ``tomllib`` parses that text once: the
pair is kept in the package's ``__pycache__`` (sealed, ``core/kept_files``), like compiled code:
an index, sealed, then each text and table with a checksum of its own, read only when a session
holds that text (``known_texts``).
Reading a session, each run of exercise tables right after the file's first keys is compared
with those texts (the id put in place of the placeholder); a table equal to one, character for
character, is given the table its text parses to (a fresh copy, the id put in), and the rest of
the file is parsed as before with that text taken out (line breaks kept: a problem elsewhere
keeps its line). Validation is unchanged: the exercise is then read and checked from that table
exactly as from one parsed, since it *is* what parsing its text gives.

It is the same table or the same error as ``tomllib`` gives, or the file is parsed whole:

- only what stands between the file's first keys and the first table that is not one of these
  copies is taken, and only when those first keys parse as whole statements on their own (a text
  still open there, which could hold what looks like a table, makes the file parsed whole);
- the rest must start with a table header (keys after the last copy would belong to its last
  table), must not add to a copy (a key added, a table written twice) nor write ``exercises``
  as anything but a table, and must parse: any error is reported from the whole text, as
  ``tomllib`` reports it. The exercises after the copies (the first that differs from a known
  text, and all after it) are parsed with the rest, and follow the copies, as in the file;
- an id given to two copies, or any difference from a known text (one character in any field),
  parses the file as before.

The keys are put back in the order ``tomllib`` gives (``exercises`` after the first keys).
"""

from __future__ import annotations

import contextlib
import marshal
import os
import re
import sys
import zlib
from dataclasses import replace
from pathlib import Path
from typing import Any

from workshop_tui.core.kept_files import HEADER_SIZE, unseal, write_sealed
from workshop_tui.core.storage import fast_toml
from workshop_tui.core.storage.fast_toml_lines import _simple
from workshop_tui.core.storage.locations import builtin_exercises_dir

PLACEHOLDER = "zq-known-exercise-zq"
"""The id the known texts are rendered with (a valid id no built-in text holds)."""
FORMAT = 4
"""Bumped when what is kept changes (3: each text as tomli-w writes it by default too; 4: each
text whole, not split at the placeholder)."""
KIND = b"WTkl"
"""The kept file's first bytes (``WTke`` before its pieces were laid out apart, ``_laid_out``)."""
MAX_HEAD = 128 * 1024
"""Longer first keys are not read twice (once alone, once with the rest): a session writes a few
kB of them (a 400-person session 14 kB); a damaged or hostile file can write megabytes."""
CACHE_FILE = Path(__file__).parent / "__pycache__" / f"known-exercises.{sys.implementation.cache_tag}.marshal"
SEED_FILE = Path(__file__).with_name("known_exercises.seed")
"""The table as shipped with the app (``known_seed``): a fresh install's first read does not make it."""
_HEAD = re.compile(r'\[exercises\.([A-Za-z0-9_-]+)\]\nid = "\1"\nversion = ([0-9]+)\nkind = "([a-z_]+)"\n')
"""The first lines the app writes for an exercise: its id (a bare key), version and kind."""

_TABLE = "\n[exercises."
"""Where an exercise's tables start (a name, not a literal in ``find``: the catalogue's test reads
``find("x.")`` as a catalogue key built from a prefix)."""

Known = dict[tuple[str, str], list[tuple[str, int, str, bytes, int]]]
"""(version, kind) -> each known text (with the placeholder for its id), how many times it holds
the placeholder, its end after the last one, its parsed table (marshal) and its line breaks."""
Piece = tuple[int, int, int]
"""Where a piece lies in the kept file's pieces, its length and its CRC-32 (``_piece``)."""
Kept = dict[tuple[str, str], list[tuple[int, int, str, int, Piece, Piece]]]
"""``Known`` as kept: each text's length, placeholders, end and line breaks, then where its text
(UTF-8) and its table (marshal) lie among the pieces, read only when a session holds that text."""
_known: Kept | None = None
_pieces: memoryview = memoryview(b"")
_texts: dict[int, str | None] = {}
"""The known texts decoded so far (by where they lie): a 90-exercise session holds some twice."""


def loads(text: str) -> dict[str, Any]:
    """``fast_toml.loads`` (the same table or error as ``tomllib``), copies of built-ins not parsed."""
    # As tomllib reads it: ``\r\n`` as ``\n``. Looked for first (a C scan, ~16 us on 700 kB):
    # ``replace`` searches for its pair even where there is none, ~0.7 ms on a 90-exercise file.
    normal = text.replace("\r\n", "\n") if "\r" in text else text
    if "\r" in normal:
        return fast_toml.loads(text)  # an error wherever it stands: tomllib's, from the text as given
    data = _shared(normal)
    return fast_toml.loads(normal) if data is None else data


def _shared(text: str) -> dict[str, Any] | None:
    """The table, with the copies of built-in definitions taken as known; None: parse it whole."""
    first = text.find(_TABLE) + 1
    if first <= 0 or first > MAX_HEAD:
        return None
    head = _simple(text[:first])  # the first keys: whole statements on their own, or no sharing
    if head is None or "exercises" in head:
        return None
    known = known_texts()
    found: dict[str, Any] = {}
    at, lines = first, 0
    while (match := _HEAD.match(text, at)) is not None:
        exercise_id = match.group(1)
        end = _match_known(text, at, exercise_id, known.get((match.group(2), match.group(3)), ()))
        if end is None:
            break
        if exercise_id in found:
            return None  # the same table twice: tomllib says where
        at, kept, line_breaks = end
        table = marshal.loads(kept)
        table["id"] = exercise_id
        found[exercise_id] = table
        lines += line_breaks
        if not text.startswith(_TABLE, at):
            break
        at += 1
        lines += 1
    rest = text[at:]
    if not found or (rest.strip() and not rest.lstrip("\n").startswith("[")):
        return None
    try:
        data = fast_toml.loads(text[:first] + "\n" * lines + rest)
    except (ValueError, RecursionError):
        return None  # reported from the whole text, as tomllib reports it
    later = data.get("exercises", {})
    if not isinstance(later, dict) or not later.keys().isdisjoint(found):
        return None  # the rest adds to a copy, or writes exercises another way: tomllib's result
    out = {key: value for key, value in data.items() if key in head}
    out["exercises"] = {**found, **later}  # the copies came first in the file
    out.update((key, value) for key, value in data.items() if key not in out)
    return out


def _match_known(text: str, at: int, exercise_id: str, candidates: Any) -> tuple[int, Any, int] | None:
    """Where the known text equal to ``text`` at ``at`` (with ``exercise_id``) ends, its table and
    its line breaks (the ``id`` holds none: each known text's are counted once, when it is made)."""
    for length, ids, tail, line_breaks, text_piece, table_piece in candidates:
        # Where this text would end, and its end there first: the other definitions of the same
        # kind differ in it (or in their length), so only the one that can match is read from the
        # kept file, made whole (the id put in) and compared, in C. Comparing part by part (some
        # seventy parts between the ids) was a third of reading the copies, and each text is kept
        # whole, not split at the ids.
        end = at + length + ids * (len(exercise_id) - len(PLACEHOLDER))
        if not text.startswith(tail, end - len(tail)):
            continue
        known_text = _text(text_piece)
        if known_text is not None and text.startswith(known_text.replace(PLACEHOLDER, exercise_id), at):
            table = _piece(table_piece)
            return None if table is None else (end, table, line_breaks)
    return None


def _piece(piece: Piece) -> memoryview | None:
    """A piece of the kept file, if its CRC-32 is what the index says (else None: not taken)."""
    at, size, check = piece
    found = _pieces[at : at + size]
    return found if len(found) == size and zlib.crc32(found) == check else None


def _text(piece: Piece) -> str | None:
    """A known text, decoded once a run (None: its piece is damaged, and nothing is taken as known)."""
    at = piece[0]
    if at not in _texts:
        found = _piece(piece)
        try:
            _texts[at] = None if found is None else str(found, "utf-8")
        except UnicodeDecodeError:
            _texts[at] = None
    return _texts[at]


def known_texts() -> Kept:
    """The built-in definitions' texts and tables: kept from an earlier run, else made and kept.

    Only the index is read whole: the texts (half a megabyte, a second form of each as tomli-w
    writes it) and their tables are decoded and checked when a session holds one (``_piece``).
    Reading, checking (CRC-32) and unmarshalling the whole kept file was ~7.7 M instructions of
    every export, most of them for definitions the session does not hold.
    """
    global _known, _pieces
    if _known is None:
        stamp = _stamp()
        found = _read_kept(stamp)
        if found is None:
            found = _laid_out(_shipped_or_made())
            write_sealed(CACHE_FILE, KIND, stamp, marshal.dumps(found[0]), after=found[1])
        _known, _pieces = found[0], memoryview(found[1])
        _texts.clear()
    return _known


def _read_kept(stamp: str) -> tuple[Kept, bytes] | None:
    """The kept index (sealed) and the pieces after it; None for a file that is not whole or ours."""
    try:
        data = CACHE_FILE.read_bytes()
    except (OSError, ValueError):
        return None
    end = HEADER_SIZE + int.from_bytes(data[12:16], "little")
    content = unseal(KIND, stamp, data[:end])
    if content is None:
        return None
    with contextlib.suppress(ValueError, EOFError, TypeError):
        index = marshal.loads(content)
        if isinstance(index, dict):
            return index, data[end:]
    return None


def _laid_out(known: Known) -> tuple[Kept, bytes]:
    """``known`` as kept: the index, and the texts and tables one after another (``Kept``)."""
    pieces: list[bytes] = []
    at = 0

    def put(piece: bytes) -> Piece:
        nonlocal at
        pieces.append(piece)
        at += len(piece)
        return at - len(piece), len(piece), zlib.crc32(piece)

    index: Kept = {}
    for key, entries in known.items():
        kept = index[key] = []
        for text, ids, tail, table, line_breaks in entries:
            with contextlib.suppress(UnicodeEncodeError):  # (none from a library read as TOML)
                encoded = text.encode("utf-8")
                kept.append((len(text), ids, tail, line_breaks, put(encoded), put(table)))
    return index, b"".join(pieces)


def _shipped_or_made() -> Known:
    """The table shipped with the app (``known_seed``) when the library is as shipped, else made.

    Made only where it can be kept: a read-only install would make it on every read, and takes
    the shipped table as it is (an entry for a text since changed is only unused).
    """
    from workshop_tui.core.storage import known_seed

    shipped = known_seed.read_seed(FORMAT, SEED_FILE)
    if not _writable(CACHE_FILE.parent):
        return {} if shipped is None else shipped[1]
    if shipped is not None and shipped[0] == known_seed.library_digest():
        return shipped[1]
    return _make()


def _writable(folder: Path) -> bool:
    """Whether ``folder`` (or, not made yet, the folder it goes in) can be written."""
    return os.access(folder if folder.is_dir() else folder.parent, os.W_OK)


def _stamp() -> str:
    """What the kept texts were made from: the Python, this format and the built-in folder.

    The folder's time changes when a definition is added, removed or replaced (editors write a
    new file and rename it). A text kept from an older library is never wrong, only unused: each
    kept table is what its own text parses to, whatever the library holds now.
    """
    try:
        folder = os.stat(builtin_exercises_dir()).st_mtime_ns
    except OSError:
        folder = -1
    return f"{sys.implementation.cache_tag} marshal {marshal.version} v{FORMAT} {folder}"


def _make() -> Known:
    """Render each built-in definition as a session file holds it, and parse that text once."""
    import tomllib

    import tomli_w

    from workshop_tui.core.storage.exercise_codec import exercise_to_dict
    from workshop_tui.core.storage.library import load_library
    from workshop_tui.core.storage.tomlio import dumps

    known: Known = {}
    for exercise in load_library(include_user=False).exercises.values():
        table = {"exercises": {PLACEHOLDER: exercise_to_dict(replace(exercise, id=PLACEHOLDER))}}
        # As the app writes it, then as tomli-w writes it by default (a text's line breaks as
        # ``\n`` in one line): a file made from the same data by another program (a checker's
        # generator, a script) holds the same copies in that form, and its reading was all parse.
        for text in dict.fromkeys((dumps(table), tomli_w.dumps(table))):
            # The placeholder only where the id goes: in the headers and the ``id`` line.
            elsewhere = text.replace("[exercises." + PLACEHOLDER, "").replace(f'\nid = "{PLACEHOLDER}"\n', "")
            match = _HEAD.match(text)
            if match is None or PLACEHOLDER in elsewhere or "\0" in text:
                continue
            parsed = tomllib.loads(text)["exercises"][PLACEHOLDER]
            known.setdefault((match.group(2), match.group(3)), []).append(
                (
                    text,
                    text.count(PLACEHOLDER),
                    text.rsplit(PLACEHOLDER, 1)[1],
                    marshal.dumps(parsed),
                    text.count("\n"),
                )
            )
    return known


def main() -> None:
    """``python -m workshop_tui.core.storage.known_exercises``: make the table and ship it (known_seed)."""
    from workshop_tui.core.storage import known_seed

    known_seed.write_seed(FORMAT, _make(), known_seed.library_digest(), SEED_FILE)
    print(f"wrote {SEED_FILE}")


if __name__ == "__main__":
    main()
