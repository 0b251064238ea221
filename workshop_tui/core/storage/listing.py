"""What the list of sessions shows, read fast enough for a folder of a thousand sessions.

Reading a session fully (parsing and validating every exercise and answer) takes about
10 ms, so a folder of 1,000 sessions would take ten seconds to list. The list needs only a
title, a date and the progress of each file, so three things keep it fast:

- an **index** (``.workshop-index.json`` in the sessions folder) remembers what each file
  said when it was last read fully, keyed by the file's size, times and inode; a file that
  changed in any way is read again. The index is only a cache: a damaged or missing index
  is rebuilt, an unwritable folder just means it is not kept, and opening a session always
  reads and validates the file itself;
- a **header read** gives the title and date of a file the index does not know yet from
  the keys before its first table (the top of the file), so a list can be shown at once;
- a **sealed header** completes it without parsing the file: every save writes the
  progress on the first line with a checksum of the rest (``storage.seal``), so a file
  this version saved is listed from its header once the checksum matches. Only files
  without a valid seal (older versions, edits by hand, broken files) are read and
  validated fully, once; the index then remembers them.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workshop_tui.core.storage.errors import SHOWN_PROBLEMS, FileProblems, Problem, SessionWriteError
from workshop_tui.core.storage.full_reads import (
    problem_as_json,
    problem_from_json,
    read_all,
    summary_as_json,
    summary_from_json,
)
from workshop_tui.core.storage.headers import ListedSession as ListedSession
from workshop_tui.core.storage.headers import may_be_sealed
from workshop_tui.core.storage.headers import read_sealed as read_sealed
from workshop_tui.core.storage.headers import read_summary as read_summary
from workshop_tui.core.storage.locations import read_plain_file, sessions_dir
from workshop_tui.core.storage.tomlio import atomic_write
from workshop_tui.core.text_safety import name_key

if TYPE_CHECKING:
    from workshop_tui.core.model import Session

INDEX_NAME = ".workshop-index.json"
INDEX_VERSION = 2
MAX_INDEX_BYTES = 64 * 1024 * 1024
"""A larger index is not read (rebuilt): some 500 bytes a session, so 100,000 sessions fit."""
StatKey = tuple[int, int, int, int]


def stat_key(path: Path) -> StatKey | None:
    """What identifies one version of a file: every save replaces it, changing these."""
    try:
        st = os.lstat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


class ListingIndex:
    """The index of one sessions folder: file name -> (stat key, summary, problems)."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / INDEX_NAME
        self._old: dict[str, Any] = {}
        self._new: dict[str, Any] = {}
        try:
            data = json.loads(read_plain_file(self.path, MAX_INDEX_BYTES))
        except (OSError, ValueError, RecursionError):
            return
        if isinstance(data, dict) and data.get("version") == INDEX_VERSION:
            entries = data.get("entries")
            self._old = entries if isinstance(entries, dict) else {}

    def lookup(
        self, path: Path, key: StatKey | None
    ) -> tuple[ListedSession | None, tuple[Problem, ...]] | None:
        """What the file said when last read fully, if it has not changed since; else None."""
        entry = self._old.get(path.name)
        if key is None or not isinstance(entry, dict) or entry.get("stat") != list(key):
            return None
        try:
            summary = entry["summary"]
            problems = tuple(problem_from_json(path, p) for p in entry["problems"])
            found = None if summary is None else summary_from_json(summary)
        except (KeyError, TypeError, ValueError):
            return None
        if found is None and not problems:
            return None
        self._new[path.name] = entry
        return found, problems

    def store(
        self, path: Path, key: StatKey | None, summary: ListedSession | None, problems: tuple[Problem, ...]
    ) -> None:
        """Remember what a full read of the file found."""
        if key is None:
            return
        self._new[path.name] = {
            "stat": list(key),
            "summary": None if summary is None else summary_as_json(summary),
            # A list shows the first problem; a message the first ten.
            "problems": [problem_as_json(p) for p in problems[:SHOWN_PROBLEMS] if not p.hidden],
        }

    def keep_all(self) -> None:
        """Keep every entry read (``save`` keeps only those looked up or stored since)."""
        self._new = {**self._old, **self._new}

    def save(self) -> None:
        """Write the index if it changed; a folder that cannot be written to keeps none."""
        if self._new == self._old:
            return
        text = json.dumps({"version": INDEX_VERSION, "entries": self._new}, ensure_ascii=False)
        with contextlib.suppress(SessionWriteError):
            atomic_write(self.path, text, keep_backup=False)
        self._old = dict(self._new)


def remember_full_read(path: Path, key: StatKey | None, session: Session) -> bool:
    """Put what a full read of ``path`` found (the app opening it) into its folder's index.

    A file is listed from its sealed first line, which says the progress; a line written by
    hand with a checksum that matches shows progress the file does not have, and opening it
    (a full read) did not correct the list. ``key`` is the file's ``stat_key`` taken before
    the read: a file changed since is left to the next listing. Only a folder that already
    keeps an index is written to, and only when the index said something else (an honest
    seal costs one read of the index). Returns whether the index was changed.
    """
    from workshop_tui.core.storage.headers import ListedSession

    folder = path.parent
    if key is None or stat_key(path) != key or not (folder / INDEX_NAME).is_file():
        return False
    index = ListingIndex(folder)
    summary = ListedSession.of(session)
    if index.lookup(path, key) == (summary, ()):
        return False
    index.keep_all()
    index.store(path, key, summary, ())
    index.save()
    return True


@dataclass(frozen=True)
class SessionListing:
    """One line of ``workshop sessions``: what a session file holds, or why it cannot be read."""

    path: Path
    summary: ListedSession | None
    """None when the file is broken (see ``problems``) or was not read yet (``pending``)."""
    problems: tuple[Problem, ...] = ()

    @property
    def pending(self) -> bool:
        """Only the file's header has been read, so its progress and validity are not known yet."""
        return not self.problems and (self.summary is None or self.summary.progress is None)

    @cached_property
    def session(self) -> Session | None:
        """The whole session, read and validated on first use; None when the file is broken."""
        if self.problems:
            return None
        from workshop_tui.core.storage.sessions import load_session

        try:
            return load_session(self.path)
        except FileProblems:
            return None


QUICK_FILES = 100
"""Up to this many files, the header of each can be read without the index in a blink."""


def quick_listing_is_cheap(folder: Path | None = None) -> bool:
    """Whether ``list_sessions(validate=False)`` is quick: the folder has an index, or few files."""
    folder = folder or sessions_dir()
    if (folder / INDEX_NAME).is_file():
        return True
    try:
        with os.scandir(folder) as entries:
            return sum(1 for _ in zip(entries, range(QUICK_FILES + 1), strict=False)) <= QUICK_FILES
    except OSError:
        return True


def list_sessions(
    folder: Path | None = None,
    *,
    validate: bool = True,
    background: bool = False,
    stop: Callable[[], bool] = lambda: False,
) -> list[SessionListing]:
    """Every session file in the folder in a stable order; broken files are listed with their problems.

    The order is the seminar's date (latest first), then the title, then the file name,
    and broken or unread files last: it does not change when a session is opened or
    edited, so the row under the cursor is the one the facilitator saw there before.

    Files the folder's index knows unchanged are not read again (see ``storage.listing``).
    Others are listed from their sealed header (``read_sealed``) or else read and validated
    fully, many at once on every core (``storage.full_reads``; ``background``: all in
    worker processes, for a screen that must answer keys meanwhile); with ``validate=False`` only
    their header is read, so a list can be shown at once and completed by a second call.
    ``stop()`` ends the full reads early (an app that quits): the list then lacks the files
    not read yet, and the index keeps those that were.
    """
    folder = folder or sessions_dir()
    if not folder.is_dir():
        return []
    index = ListingIndex(folder)
    listings = []
    unknown: list[tuple[Path, StatKey | None]] = []
    for path in sorted(folder.glob("*.toml")):
        if path.name.startswith("."):
            continue
        key = stat_key(path)
        known = index.lookup(path, key)
        if known is not None:
            listings.append(SessionListing(path, *known))
        elif not validate:
            listings.append(SessionListing(path, read_summary(path)))
        else:
            unknown.append((path, key))
    if validate:
        keys = dict(unknown)
        unsealed = []
        for path in keys:
            summary = read_sealed(path) if may_be_sealed(path) else None
            if summary is None:
                unsealed.append(path)
            else:
                index.store(path, keys[path], summary, ())
                listings.append(SessionListing(path, summary))
        for path, (summary, problems) in read_all(unsealed, background=background, stop=stop):
            index.store(path, keys[path], summary, problems)
            listings.append(SessionListing(path, summary, problems))
        index.save()
    return sorted(listings, key=listing_order)


def listing_order(listing: SessionListing) -> tuple[bool, str, str, str]:
    """The sort key of ``list_sessions``: readable first, later dates first, then title and file."""
    summary = listing.summary
    if summary is None or listing.problems:
        return (True, "", "", listing.path.name)
    # Dates are ISO (YYYY-MM-DD): turning each digit round sorts later dates first.
    later_first = summary.date.translate(_DESCENDING) or "~"  # undated after dated
    return (False, later_first, summary.title.casefold(), listing.path.name)


_DESCENDING = str.maketrans("0123456789", "9876543210")


def find_session(name: str, folder: Path | None = None) -> Path | None:
    """Resolve a path, a session id or an exact (case-insensitive) title to a file.

    An id is the one written inside the file (``id = ...``), not only its name: a session
    copied, renamed or mailed back under another name holds the same id as the original,
    and opening "the" session by id then picked the one whose file name matched, silently.
    Exactly one file must match (by its name or the id inside); else None, and
    :func:`not_found` names the candidates.
    """
    from workshop_tui.core.model.ids import valid_id  # the model waits until a name must be checked

    candidate = Path(name).expanduser()
    if candidate.suffix == ".toml" and candidate.exists() and not bare_file_name(name):
        return candidate
    folder = folder or sessions_dir()
    named = _named_files(name, folder)
    if named:
        return named[0] if len(named) == 1 else None
    if valid_id(name):
        by_id = _with_id(name, folder)
        if by_id:
            return by_id[0] if len(by_id) == 1 else None
    matches = _titled(name, folder)
    return matches[0] if len(matches) == 1 else None


def bare_file_name(name: str) -> bool:
    """Whether ``name`` is a session's file name alone (``2026-10-14-dag-1.toml``), no folder.

    ``workshop sessions`` prints each file's path and the facilitator sees the names in the
    folder; a bare name typed back to ``new --follows``, ``open``, ``export``, ``trend`` or
    ``compare`` was looked for in the working folder only, and found nothing. A name with a
    folder part (``./x.toml``, ``../x.toml``, ``~/x.toml``) is a path and stays one: a bare name
    is one entry of the sessions folder, and never leads out of it.
    """
    return name == Path(name).name and Path(name).suffix == ".toml"


def _named_files(name: str, folder: Path) -> list[Path]:
    """The files a bare file name means: in the working folder and in the sessions folder.

    Both are kept when they are two different files (a copy mailed back into the working
    folder): the message then names both by path instead of opening one of them silently.
    """
    if not bare_file_name(name):
        return []
    found: list[Path] = []
    for path in (Path(name), folder / name):
        if path.is_file() and not any(_same_file(path, other) for other in found):
            found.append(path.absolute())
    return found


def _same_file(one: Path, other: Path) -> bool:
    with contextlib.suppress(OSError):
        return one.samefile(other)
    return False


def _with_id(name: str, folder: Path) -> list[Path]:
    """The files named ``name.toml`` or holding the id ``name``, each once, in listing order."""
    named = folder / f"{name}.toml"
    found = [s.path for s in list_sessions(folder) if s.path == named or (s.summary and s.summary.id == name)]
    if named.exists() and named not in found:  # not listed (a dot file, a race): still the file asked for
        found.insert(0, named)
    return found


def _titled(name: str, folder: Path) -> list[Path]:
    """The sessions whose title reads as ``name`` where it is shown (``name_key``, case folded).

    A title is kept as typed but shown through ``for_terminal``: one pasted with a bidi mark or a
    zero-width space was listed by ``workshop sessions`` as "Ledergruppe Øst", and that title,
    typed back to ``open``, ``export`` or ``new --follows``, found nothing.
    """
    key = name_key(name)
    return [s.path for s in list_sessions(folder) if s.summary and name_key(s.summary.title) == key]


def not_found(name: str, lang: str, folder: Path | None = None) -> str:
    """Why ``find_session(name)`` found nothing: no such session, or several with that title or id.

    Three sessions titled "x" (a series, or a day created twice) made ``workshop open x``
    say "No session 'x' found", though the list showed all three: now it says so and names
    the ids that open each (the file names, which ``find_session`` takes). Two files holding
    one id (a copy) are named by their paths: the id would not tell them apart.
    """
    from workshop_tui.core.i18n import t

    return ambiguous(name, lang, folder) or t("cli.error.no_session", lang, name=name)


def ambiguous(name: str, lang: str, folder: Path | None = None) -> str | None:
    """The message when ``name`` matches several sessions (by id or title), else None."""
    from workshop_tui.core.i18n import t
    from workshop_tui.core.model.ids import valid_id

    folder = folder or sessions_dir()
    named = _named_files(name, folder)
    if len(named) > 1:
        paths = ", ".join(str(path) for path in named)
        return t("cli.error.same_file_name", lang, name=name, n=len(named), paths=paths)
    same_id = _with_id(name, folder) if valid_id(name) else []
    if len(same_id) > 1:
        paths = ", ".join(str(path) for path in same_id)
        return t("cli.error.same_id", lang, name=name, n=len(same_id), paths=paths)
    matches = _titled(name, folder)
    if len(matches) > 1:
        ids = ", ".join(path.stem for path in matches)
        return t("cli.error.many_sessions", lang, name=name, n=len(matches), ids=ids)
    return None
