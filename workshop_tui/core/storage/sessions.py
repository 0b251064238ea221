"""Loading, saving and listing session files.

A session is one TOML file in the sessions folder. Loading never writes;
saving is atomic and keeps the previous version as ``.bak``. A file that could
not be read is never written to: callers only save sessions they loaded or made.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from workshop_tui.core.model import Exercise, Group, Participant, Position, Session
from workshop_tui.core.model.session import DEFAULT_MIN_ANSWERS
from workshop_tui.core.storage.conflicts import DiskWatch, keep_aside
from workshop_tui.core.storage.errors import FileProblems, Problem
from workshop_tui.core.storage.keylines import key_lines
from workshop_tui.core.storage.locations import builtin_sessions_dir, file_for, sessions_dir
from workshop_tui.core.storage.migrations import MigrationError, migrate
from workshop_tui.core.storage.reader import Problems, Reader
from workshop_tui.core.storage.seal import ProgressCache, sealed
from workshop_tui.core.storage.session_codec import parse_session, session_to_dict
from workshop_tui.core.storage.tomlio import atomic_write, dumps, read_toml, remove_stale_temps

DEMO_FILE = "demo-aeldreomraadet.toml"


def now_iso() -> str:
    """The current time as an ISO 8601 string (seconds, UTC)."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def load_session(path: Path) -> Session:
    """Read, migrate and validate a session file. Never writes.

    Raises:
        FileProblems: every problem found, each naming the file, line and key.
    """
    data, text = read_toml(path)
    try:
        data, _ = migrate(data)
    except MigrationError as error:
        line = key_lines(text).get("schema_version")
        raise FileProblems(path, [Problem(path, "schema_version", error.what, error.fix, line)]) from None
    problems = Problems(path, lambda: key_lines(text))
    session = parse_session(Reader(data, "", problems))
    if session is None or problems.errors:
        raise FileProblems(path, problems.errors)
    return session


def save_session(session: Session, path: Path) -> None:
    """Write a session atomically, keeping the previous version as ``.bak``.

    Raises:
        SessionWriteError: the file could not be written; the old one is intact.
    """
    atomic_write(path, sealed(dumps(session_to_dict(session)), session.progress))


def session_path(session: Session, folder: Path | None = None) -> Path:
    """Where a session's file lives.

    Raises:
        UnsafeName: the session's id is not a valid id (``storage.locations.file_for``).
    """
    return file_for(folder or sessions_dir(), session.id, ".toml")


def slugify(text: str) -> str:
    """An ASCII file-name-safe form of a title (æ→ae, ø→oe, å→aa)."""
    text = text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(slug) > 40:
        # Cut at a word boundary so names stay readable ("...-forloeb", not "...-forlo").
        cut = slug.rfind("-", 0, 41)
        slug = slug[: cut if cut > 10 else 40]
    return slug or "session"


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

    names = groups or [Group.WHOLE_ROOM]
    stamp = timestamp or now_iso()
    chosen = list(exercises)
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
    save_session(copy, target)
    from workshop_tui.core.storage.demo import copy_demo_series  # only ``workshop demo`` needs it

    copy_demo_series(session.id, copy.id, target.parent, stamp)
    return target, copy


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def toml_key(key: str) -> str:
    """A TOML key: bare when it can be, else a basic string (JSON's escapes are TOML's too)."""
    return key if _BARE_KEY.fullmatch(key) else json.dumps(key, ensure_ascii=False)


class SessionWriter:
    """Saves one session file repeatedly, fast enough to save on every keystroke.

    A session's exercise texts do not change while it runs, so their TOML is
    rendered once and reused. A keystroke changes the answers of one exercise, and
    answers are immutable values, so each exercise's answers are rendered again only
    when they are a new object; the header is rendered per save. The output is the
    same document ``save_session`` writes (tables in another order).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        remove_stale_temps(path)  # left by a save killed mid-write; this writer owns the file now
        self._disk = DiskWatch(path)
        """What the file on disk was when this writer last read or wrote it."""
        self.kept_aside: list[Path] = []
        """Versions another program wrote over ours, each kept as a conflict copy (newest last)."""
        self._exercises_key: object = None
        self._exercises_text = ""
        self._answers: dict[str, tuple[object, str]] = {}
        """exercise id -> (the answers object, its TOML); the object is kept so ``is`` is safe."""
        self._rows: dict[tuple[str, str], tuple[object, str]] = {}
        """(exercise id, item id) -> (the row of scores, its TOML table): a keystroke changes one row."""
        self._progress = ProgressCache()
        """The progress written on the first line (``storage.seal``), judged again per changed exercise."""

    def _answers_text(self, exercise_id: str, table: dict[str, Any], scores: Mapping[str, object]) -> str:
        """One exercise's answers as TOML, its rows of scores each from the cache unless changed.

        A 40-person grid has hundreds of scores; rendering only the row a keystroke changed
        keeps the save's own work well below the disk's.
        """
        rows = table.pop("scores", {})
        parts = [dumps({"answers": {exercise_id: table}})]
        for item_id, row in rows.items():
            source = scores[item_id]
            cached = self._rows.get((exercise_id, item_id))
            if cached is None or cached[0] is not source:
                lines = "".join(f"{toml_key(pid)} = {int(score)}\n" for pid, score in row.items())
                cached = (source, f"[answers.{toml_key(exercise_id)}.scores.{toml_key(item_id)}]\n{lines}")
                self._rows[(exercise_id, item_id)] = cached
            parts.append(cached[1])
        return "\n".join(parts)

    def write(self, session: Session) -> None:
        """Write ``session`` atomically (keeping a ``.bak``).

        Raises:
            SessionWriteError: the file could not be written; the old one is intact.
        """
        key = tuple((eid, id(ex)) for eid, ex in session.exercises.items())
        data = session_to_dict(session, exercises=key != self._exercises_key)
        exercises = data.pop("exercises")
        answers = data.pop("answers")
        if key != self._exercises_key:
            self._exercises_text = dumps({"exercises": exercises}) if exercises else ""
            self._exercises_key = key
        chunks = [dumps(data)]
        rendered: dict[str, tuple[object, str]] = {}
        for exercise_id, table in answers.items():
            value = session.answers[exercise_id]
            cached = self._answers.get(exercise_id)
            if cached is None or cached[0] is not value:
                cached = (value, self._answers_text(exercise_id, table, value.scores))
            rendered[exercise_id] = cached
            chunks.append(cached[1])
        self._answers = rendered
        self._rows = {key: row for key, row in self._rows.items() if key[0] in rendered}
        chunks.append(self._exercises_text)
        text = sealed("\n".join(chunk for chunk in chunks if chunk), self._progress.progress(session))
        theirs = self._disk.theirs()
        if theirs is not None:
            self.kept_aside.append(keep_aside(self.path, theirs))
            self._disk.accept(theirs)  # kept: a failed write below must not keep it twice
        atomic_write(self.path, text)
        self._disk.wrote(text)
