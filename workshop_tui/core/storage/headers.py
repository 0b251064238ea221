"""What a list of sessions reads from the top of a file, without parsing the rest.

- ``read_summary``: the keys before the first table (title, date…), for a list shown at
  once; its progress stays unknown;
- ``read_sealed``: the whole summary, progress included, of a file whose sealed first line
  (``storage.seal``) vouches for it, or None when the file must be read fully.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workshop_tui.core.storage import toml_guard
from workshop_tui.core.storage.migrations import SCHEMA_VERSION
from workshop_tui.core.storage.seal import BODY_START, read_seal
from workshop_tui.core.storage.tomlio import MAX_FILE_BYTES

if TYPE_CHECKING:
    from workshop_tui.core.model import Session

HEAD_BYTES = 64 * 1024
"""The header of a real session is under 1 KB; a file whose first table starts later is read fully."""
FIRST_READ = 4096
"""A header is read in one small read when it ends within it."""


@dataclass(frozen=True)
class ListedSession:
    """The few facts about a session that the list shows."""

    id: str
    title: str
    date: str
    organisation: str
    updated: str
    progress: tuple[int, int] | None
    """(exercises done, exercises on the agenda); None until the file was read fully or its seal checked."""
    follows: str = ""
    """The id of the session this one follows ("" for none): what ``storage.series`` chains."""

    @classmethod
    def of(cls, session: Session) -> ListedSession:
        """The summary of a session that was read and validated."""
        return cls(
            session.id,
            session.title,
            session.date,
            session.organisation,
            session.updated,
            session.progress,
            session.follows,
        )


def _regular_file(path: Path) -> bool:
    """Not a link, a folder, or a pipe that would block the read."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


_PLAIN_LINE = re.compile(
    r'(?:#[^\x00-\x08\x0a-\x1f\x7f]*|([a-z_]+) = (?:"([^"\\\x00-\x1f\x7f]*)"|([1-9][0-9]{0,8})))?\n'
)
"""A comment, a blank line, or ``key = "text"`` / ``key = 12`` with nothing TOML would read differently."""


def _plain_keys(text: str) -> dict[str, Any] | None:
    """The keys of a header written the app's plain way, read without a TOML parser; else None.

    A header of plain lines (what the app writes, unless a title holds a quote, a backslash
    or a line break) means the same read by these lines as by ``tomllib``, which takes most
    of the time of listing a thousand sealed files. Anything else returns None and is parsed.
    """
    data: dict[str, Any] = {}
    position = 0
    while position < len(text):
        line = _PLAIN_LINE.match(text, position)
        if line is None:
            return None
        key, string, number = line.groups()
        if key is not None:
            if key in data:
                return None  # TOML refuses a key given twice: let the parser say so
            data[key] = string if string is not None else int(number)
        position = line.end()
    return data


def _header(head: bytes) -> dict[str, Any] | None:
    """The keys before the first table of a file's start, parsed; None if they cannot be read so.

    A cut at the start of a line leaves either valid TOML with exactly the keys written
    before it, or (inside a multi-line string) invalid TOML, which gives None.
    """
    cut = BODY_START.search(head)
    if cut is None and len(head) == HEAD_BYTES:
        return None
    return _keys(head[: cut.start() if cut else len(head)])


def _keys(header: bytes) -> dict[str, Any] | None:
    """The keys of a header (the lines before the first table) of a known schema; else None."""
    try:
        text = toml_guard.file_text(header)
        data = _plain_keys(text)
        if data is None:
            data = toml_guard.loads(text)
    except (UnicodeDecodeError, ValueError, RecursionError):  # ValueError: TOML's, or a 5,000-digit number's
        return None
    version = data.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int) or not 1 <= version <= SCHEMA_VERSION:
        return None
    return data


def _listed(data: dict[str, Any], progress: tuple[int, int] | None) -> ListedSession | None:
    identity, title, date, organisation, updated, follows = (
        data.get(name, "") for name in ("id", "title", "date", "organisation", "updated", "follows")
    )
    if (
        not all(isinstance(value, str) for value in (identity, title, date, organisation, updated, follows))
        or not title
    ):
        return None
    return ListedSession(identity, title, date, organisation, updated, progress=progress, follows=follows)


def read_summary(path: Path) -> ListedSession | None:
    """Title, date and the rest from the top of the file; None if they cannot be read so.

    The file is cut before its first table or array (the list needs only strings, and
    parsing the participants would cost more than the rest). The file is not validated
    here, and its progress is left unknown: that needs a valid seal (``read_sealed``) or
    a full read.
    """
    data = _read_header(path)
    return None if data is None else _listed(data, progress=None)


def read_language(path: Path) -> str | None:
    """The language a session file names in its header (unchecked: the caller checks it); else None.

    The new-session form offers the earlier session's language for a follow-up, as
    ``workshop new --follows`` keeps it, without reading the whole file on each choice.
    """
    return read_header_texts(path, ("language",)).get("language")


def read_header_texts(path: Path, names: Iterable[str]) -> dict[str, str]:
    """Those of ``names`` that a session file's header holds as text (unchecked), in one small read.

    The new-session form shows a follow-up's kept language, organisation and facilitator
    as soon as the earlier session is chosen; reading the whole file on each choice would
    parse every answer. A value that is not text is left out, as is a file that cannot be read.
    """
    data = _read_header(path) or {}
    return {name: value for name in names if isinstance(value := data.get(name), str)}


def _read_header(path: Path) -> dict[str, Any] | None:
    """The keys of a file's header (before its first table), read from its first bytes; else None."""
    if not _regular_file(path):
        return None
    try:
        with path.open("rb") as handle:
            head = handle.read(FIRST_READ)
            if len(head) == FIRST_READ and BODY_START.search(head) is None:
                head += handle.read(HEAD_BYTES - FIRST_READ)
    except OSError:
        return None
    return _header(head)


_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0) | _NO_FOLLOW


SEAL_START = b"# workshop-tui: "
"""How a seal line (``storage.seal``) begins: a file that begins otherwise has no valid seal."""


def may_be_sealed(path: Path) -> bool:
    """Whether the file begins as a seal line does, from its first bytes; else ``read_sealed`` is None.

    Checking a seal reads the whole file (0.1-0.3 ms for a seminar): not worth it for each
    of a thousand files another tool wrote, which must all be read fully anyway. Anything
    that is not a plain readable file says True, so ``read_sealed`` decides as before.
    """
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError:
        return True
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            return True
        return os.read(descriptor, len(SEAL_START)) == SEAL_START
    except OSError:
        return True
    finally:
        os.close(descriptor)


def read_sealed(path: Path) -> ListedSession | None:
    """The whole summary of a file this version saved and nobody changed since, without parsing it.

    The progress comes from the seal line (``storage.seal``), trusted only when its checksum
    matches the rest of the file, the file is of the current schema, and its header keys
    pass the checks a full read makes of them. None otherwise: then the file must be read
    fully (which reports whatever is wrong with it).
    """
    if not _NO_FOLLOW and not _regular_file(path):
        return None
    try:
        # Never through a link, and a pipe must not block the open: the file is checked once open.
        with os.fdopen(os.open(path, _OPEN_FLAGS), "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
                return None
            data = handle.read(info.st_size + 1)  # +1: a file that grew meanwhile fails the seal
    except OSError:
        return None
    seal = read_seal(data)
    header = None if seal is None else _keys(seal.header)
    if seal is None or header is None or header.get("schema_version") != SCHEMA_VERSION:
        return None
    from workshop_tui.core.storage.session_codec import header_problems  # needs the model

    return None if header_problems(header) else _listed(header, seal.progress)
