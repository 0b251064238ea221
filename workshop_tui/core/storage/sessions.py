"""Loading, saving and listing session files.

A session is one TOML file in the sessions folder. Loading never writes;
saving is atomic and keeps the previous version as ``.bak``. A file that could
not be read is never written to: callers only save sessions they loaded or made.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from workshop_tui.core.i18n import Phrase
from workshop_tui.core.model import Exercise, Group, Participant, Position, Session
from workshop_tui.core.model.refusal import Refused
from workshop_tui.core.model.session import DEFAULT_MIN_ANSWERS
from workshop_tui.core.storage import known_exercises
from workshop_tui.core.storage.errors import FileProblems, Problem
from workshop_tui.core.storage.locations import builtin_sessions_dir, file_for, sessions_dir
from workshop_tui.core.storage.migrations import MigrationError, migrate
from workshop_tui.core.storage.parsed_cache import cached_parse
from workshop_tui.core.storage.reader import Problems, Reader
from workshop_tui.core.storage.session_codec import parse_session, session_to_dict
from workshop_tui.core.storage.slugs import slugify as slugify
from workshop_tui.core.storage.tomlio import atomic_write, dumps, read_toml
from workshop_tui.core.text_safety import clean_name, looks_blank, name_key

if TYPE_CHECKING:
    from workshop_tui.core.storage.writer import SessionWriter, toml_key

__all__ = ["SessionWriter", "toml_key"]  # the keystroke writer lives in storage.writer


def __getattr__(name: str) -> object:
    """The keystroke writer's names, imported when first asked for: reading a session (an
    export, a listing) never writes, and the writer's modules (``json`` among them) cost ~3 ms."""
    if name in __all__:
        from workshop_tui.core.storage import writer

        return getattr(writer, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


DEMO_FILE = "demo-aeldreomraadet.toml"


def now_iso() -> str:
    """The current time as an ISO 8601 string (seconds, UTC)."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class SecondStamp:
    """``now_iso`` for the keeper, made once a second: the stamp every edit gets has whole seconds.

    Making it (``datetime.now`` to text) cost each keystroke 0.01 ms, 0.05 ms when the key
    finds the processor's caches cold, before its save could begin. The second is read once
    and the stamp made from that reading, so it is the one ``now_iso`` gives at that moment.
    """

    def __init__(self) -> None:
        self._second = -1
        self._stamp = ""

    def __call__(self) -> str:
        second = int(time.time())
        if second != self._second:
            self._stamp = datetime.fromtimestamp(second, UTC).isoformat()
            self._second = second
        return self._stamp


def load_session(path: Path, *, keep_parsed: bool = False, raw: bytes | None = None) -> Session:
    """Read, migrate and validate a session file. Never writes the file.

    Args:
        keep_parsed: a large file's parsed table is kept in the user's cache folder and
            reused for the same text (``parsed_cache``): the exports, one process each, ask
            for it; the app, which opens a file it has just changed, does not.
        raw: the file's bytes as ``tomlio.file_bytes`` read them (an export that looked its
            kept summary up by them reads no other bytes than those).

    Raises:
        FileProblems: every problem found, each naming the file, line and key.
    """
    if keep_parsed:
        data, text = read_toml(path, parse_read=cached_parse(known_exercises.loads), raw=raw)
    else:
        data, text = read_toml(path, parse=known_exercises.loads, raw=raw)
    try:
        data, _ = migrate(data)
    except MigrationError as error:
        from workshop_tui.core.storage.keylines import key_lines

        line = key_lines(text).get("schema_version")
        args = tuple(error.values.items())
        found = Problem(path, "schema_version", Phrase(error.what, args), Phrase(error.fix, args), line)
        raise FileProblems(path, [found]) from None
    problems = Problems(path, lambda: _key_lines(text))
    session = parse_session(Reader(data, "", problems))
    if session is None or problems.errors:
        raise FileProblems(path, problems.errors)
    return session


def _key_lines(text: str) -> dict[str, int]:
    """Each key's line in ``text``, for a file's problems (keylines is loaded only when there are some)."""
    from workshop_tui.core.storage.keylines import key_lines

    return key_lines(text)


def save_session(session: Session, path: Path) -> None:
    """Write a session atomically, keeping the previous version as ``.bak``.

    Raises:
        SessionWriteError: the file could not be written; the old one is intact.
    """
    from workshop_tui.core.storage.seal import sealed  # (its expressions: only a save needs them)

    atomic_write(path, sealed(dumps(session_to_dict(session)), session.progress))


def session_path(session: Session, folder: Path | None = None) -> Path:
    """Where a session's file lives.

    Raises:
        UnsafeName: the session's id is not a valid id (``storage.locations.file_for``).
    """
    return file_for(folder or sessions_dir(), session.id, ".toml")


def new_session(
    *,
    title: str,
    date: str,
    exercises: Iterable[Exercise],
    participants: int | list[str],
    groups: list[str] | None = None,
    organisation: str = "",
    facilitator: str = "",
    language: str = "da",
    timestamp: str | None = None,
    session_id: str | None = None,
    min_answers: int = DEFAULT_MIN_ANSWERS,
) -> Session:
    """Make a new session with a copy of its exercises.

    Args:
        participants: a count (anonymous P1…Pn) or a list of names.
        groups: group names; one unnamed group for the whole room when None or empty.
        min_answers: the fewest answers for which a figure is shown (``Session.min_answers``).
    """
    if isinstance(participants, int):
        people = tuple(Participant(id=f"p{i}") for i in range(1, participants + 1))
    else:
        people = tuple(Participant(id=f"p{i}", name=name) for i, name in enumerate(participants, start=1))
    import secrets  # only a new session needs a random id: not loaded on every start

    from workshop_tui.core.model.people import parse_title

    title = parse_title(title)  # every new session (the command line, the form, a follow-up)
    # One name rule (``text_safety.clean_name``): blank edges trimmed, NFC; a name of blanks is none.
    names = [clean_name(g) for g in groups or () if not looks_blank(g)] or [Group.WHOLE_ROOM]
    stamp = timestamp or now_iso()
    chosen = list(exercises)
    _check_once(names, chosen)
    return Session(
        id=session_id or f"{date}-{slugify(title)}-{secrets.token_hex(2)}",
        title=title,
        date=date,
        organisation=organisation,
        facilitator=facilitator,
        language=language,
        participants=people,
        groups=tuple(Group(id=f"g{i}", name=n) for i, n in enumerate(names, start=1)),
        agenda=tuple(e.id for e in chosen),
        exercises={e.id: e for e in chosen},
        position=Position(exercise=chosen[0].id if chosen else ""),
        created=stamp,
        updated=stamp,
        min_answers=min_answers,
    )


def _check_once(groups: list[str], exercises: list[Exercise]) -> None:
    """A new session's groups and exercises are each named once, as the session file requires.

    ``workshop new --exercise resistance --exercise resistance`` wrote a file that ``workshop
    open`` then refused ("agenda names 'resistance' twice"), and ``--groups "A,A,B"`` (or the
    form's groups) made two tables called A that no Ctrl+G, wall or export could tell apart,
    where renaming a group to a taken name is refused (``Session.with_group_name``).

    Raises:
        Refused: a group name (ignoring case) or an exercise given twice.
    """
    seen: set[str] = set()
    for name in groups:
        key = name_key(name)  # "Bord 1" and "Bord 1" + a blank Braille cell are one name
        if key in seen:
            raise Refused("groups.twice", name=name)
        seen.add(key)
    ids = [e.id for e in exercises]
    twice = next((i for n, i in enumerate(ids) if i in ids[:n]), None)
    if twice is not None:
        raise Refused("agenda.twice", exercise=twice)


def copy_demo(folder: Path | None = None, timestamp: str | None = None) -> Path:
    """Copy the demo seminar into the sessions folder as a new session; the original is untouched.

    The rest of the demo series (its follow-up day and a second leader group, see
    ``storage.demo.copy_demo_series``) is copied beside it; the seminar is what opens.

    Returns:
        The path of the fresh copy.
    """
    return demo_copy(folder, timestamp)[0]


def demo_copy(folder: Path | None = None, timestamp: str | None = None) -> tuple[Path, Session]:
    """``copy_demo``, also returning the copy as saved, so that ``workshop demo`` need not read it again.

    The copy is the demo as read and checked from the built-in file with a new id and
    time stamps; the file written holds exactly that session (a test reads it back).
    """
    import secrets  # only a new session needs a random id: not loaded on every start

    source = builtin_sessions_dir() / DEMO_FILE
    session = load_session(source)
    stamp = timestamp or now_iso()
    copy = Session(
        **{**session.__dict__, "id": f"demo-{secrets.token_hex(3)}", "created": stamp, "updated": stamp}
    )
    target = session_path(copy, folder)
    target.parent.mkdir(parents=True, exist_ok=True)
    from workshop_tui.core.storage.demo import copy_demo_seminar, copy_demo_series  # only the demo's

    copy_demo_seminar(source, target, session.id, copy.id, stamp)
    copy_demo_series(session.id, copy.id, target.parent, stamp)
    return target, copy
