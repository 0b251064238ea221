"""The keystroke writer: saves one session file on every edit, re-rendering only what changed.

A save of a 40-person seminar is about 100 KB of TOML; rendering all of it with tomli-w
takes longer than the disk takes to make it durable, and a keystroke changes one row of
scores. The session is immutable, so the file is kept as pieces, each rendered (and
encoded) again only when the values it is made of are new objects:

- the header keys (id, title, ``updated``…): rendered per save, a few lines;
- the agenda, participants and groups; the position, notes and timers;
- each exercise's answers, and inside them each row of scores;
- the exercise definitions, which do not change while a session runs.

The objects of each piece are kept beside its text, so an ``is`` test never meets a
reused id. The output is the document ``save_session`` writes (tables in another
order). ``render`` can run before the first keystroke (``SessionKeeper.prepare``), so the
first save after opening costs no more than the later ones.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import fields
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from workshop_tui.core.model import Session
from workshop_tui.core.storage.conflicts import DiskWatch, keep_aside
from workshop_tui.core.storage.exercise_codec import exercise_to_dict
from workshop_tui.core.storage.seal import ChunkedSeal, ProgressCache
from workshop_tui.core.storage.session_codec import (
    answers_to_dict,
    head_table,
    is_default,
    people_table,
    place_table,
)
from workshop_tui.core.storage.staging import Staged, stage, stage_unnamed
from workshop_tui.core.storage.tomlio import AfterReplace, atomic_write, dumps, remove_stale_temps

if TYPE_CHECKING:
    from workshop_tui.core.model.answers import ExerciseAnswers

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_PLAIN = re.compile(r"[A-Za-z0-9_.:+-]*")
"""A string written between quotes as it is, exactly as tomli-w writes it (no escapes needed)."""


@cache
def _not_scores() -> tuple[str, ...]:
    """The answers' fields a score leaves as they were (read when first saved: the model loads lazily)."""
    from workshop_tui.core.model.answers import ExerciseAnswers

    return tuple(f.name for f in fields(ExerciseAnswers) if f.name != "scores")


def toml_key(key: str) -> str:
    """A TOML key: bare when it can be, else a basic string (JSON's escapes are TOML's too)."""
    return key if _BARE_KEY.fullmatch(key) else json.dumps(key, ensure_ascii=False)


Piece = tuple[tuple[object, ...], bytes]
"""The values a piece of the file was rendered from (kept, compared with ``is``) and its bytes."""


def _same(known: Piece | None, values: tuple[object, ...]) -> bool:
    return (
        known is not None
        and len(known[0]) == len(values)
        and all(a is b for a, b in zip(known[0], values, strict=True))
    )


class SessionWriter:
    """Saves one session file repeatedly, fast enough to save on every keystroke."""

    def __init__(self, path: Path) -> None:
        self.path = path
        remove_stale_temps(path)  # left by a save killed mid-write; this writer owns the file now
        self._disk = DiskWatch(path)
        """What the file on disk was when this writer last read or wrote it."""
        self.kept_aside: list[Path] = []
        """Versions another program wrote over ours, each kept as a conflict copy (newest last)."""
        self._pieces: dict[str, Piece] = {}
        """The session's own pieces by name (people, place, exercises)."""
        self._answers: dict[str, Piece] = {}
        """exercise id -> its answers' piece."""
        self._rows: dict[tuple[str, str], Piece] = {}
        """(exercise id, item id) -> the row of scores' table: a keystroke changes one row."""
        self._lines: dict[str, dict[int, bytes]] = {}
        """participant id -> score -> its line in a row of scores (``P1 = 4``), made once."""
        self._answer_heads: dict[str, Piece] = {}
        """exercise id -> its answers' table without the scores (mode, notes, texts…)."""
        self._head_parts: tuple[tuple[object, ...], bytes, bytes] | None = None
        """The header's values but ``updated``, and its lines before and after ``updated``."""
        self._progress = ProgressCache()
        """The progress written on the first line (``storage.seal``), judged again per changed exercise."""
        self._seal = ChunkedSeal()
        """The first line's checksum, read only up to the last chunk a save changed (``storage.seal``)."""
        self._staged: Staged | None = None
        """The next save's temporary file and ``.bak`` link, made ahead (``stage``)."""
        self._stage_lock = threading.Lock()

    def stage(self, cancel: threading.Event | None = None) -> None:
        """Make the next save's temporary file and ``.bak`` link now, between keys (``storage.staging``).

        Safe beside a save in another thread: a save takes what is staged under the same
        lock, after setting ``cancel``, and a stage is not made once it is set (its link
        would have the name of the one that save makes). A failure here only leaves the
        save to make them itself.
        """
        with self._stage_lock:
            if self._staged is None and not (cancel is not None and cancel.is_set()):
                self._staged = stage(self.path)

    def stage_first(self) -> None:
        """Make the first save's temporary file now, at opening, without a name (``staging.stage_unnamed``).

        Nothing anyone can see changes until a key is saved; where the system refuses an
        unnamed file, the first save makes its own, as before.
        """
        with self._stage_lock:
            if self._staged is None:
                self._staged = stage_unnamed(self.path)

    def discard_stage(self) -> None:
        """Remove what ``stage`` made and no save took (the session closes)."""
        with self._stage_lock:
            staged, self._staged = self._staged, None
        if staged is not None:
            staged.discard()

    def _piece(self, name: str, values: tuple[object, ...], render: Callable[[], str]) -> bytes:
        known = self._pieces.get(name)
        if known is None or not _same(known, values):
            known = (values, render().encode("utf-8"))
            self._pieces[name] = known
        return known[1]

    def _answers_text(self, exercise_id: str, value: ExerciseAnswers) -> bytes:
        """One exercise's answers as TOML, its rows of scores each from the cache unless changed.

        A 40-person grid has hundreds of scores; rendering only the row a keystroke changed
        keeps the save's own work well below the disk's. The table's other keys (mode,
        notes, closing texts…) are rendered again only when one of them is a new value: a
        score leaves them as they were.
        """
        others = tuple([getattr(value, name) for name in _not_scores()])
        known = self._answer_heads.get(exercise_id)
        if known is None or not _same(known, others):
            # Made only here: a score leaves the table as it was (building it was 4 % of a save).
            table = answers_to_dict(value, scores=False)
            known = (others, dumps({"answers": {exercise_id: table}}).encode("utf-8"))
            self._answer_heads[exercise_id] = known
        parts = [known[1]]
        scores = value.scores
        cache = self._rows
        for item_id, row in scores.items():
            cached = cache.get((exercise_id, item_id))
            if cached is None or cached[0][0] is not row:
                head = f"[answers.{toml_key(exercise_id)}.scores.{toml_key(item_id)}]\n".encode()
                cached = ((row,), head + self._score_lines(row))
                cache[(exercise_id, item_id)] = cached
            parts.append(cached[1])
        return b"\n".join(parts)

    def _score_lines(self, row: Mapping[str, int]) -> bytes:
        """A row's lines (``P1 = 4``), each line made once per participant and score and kept.

        A key renders its row of 40 lines again: formatting each (an f-string, ``int``) took
        three times as long as joining kept ones.
        """
        lines = self._lines
        try:
            return b"".join([lines[pid][score] for pid, score in row.items()])
        except KeyError:  # a participant or a score not written before
            for pid, score in row.items():
                known = lines.get(pid)
                if known is None:
                    known = lines[pid] = {}
                if score not in known:
                    known[score] = f"{toml_key(pid)} = {int(score)}\n".encode()
            return b"".join([lines[pid][score] for pid, score in row.items()])

    def _head(self, session: Session) -> bytes:
        """The keys before the first table; only ``updated`` is new on every save."""
        table = head_table(session)
        updated = table.pop("updated")
        keys = list(table)
        at = keys.index("created") + 1
        values = tuple(table.items())
        known = self._head_parts
        if known is None or known[0] != values:  # a few short strings: compared by value
            before = dumps({key: table[key] for key in keys[:at]}).encode("utf-8")
            after = dumps({key: table[key] for key in keys[at:]}).encode("utf-8")
            known = self._head_parts = (values, before, after)
        stamp = (
            f'updated = "{updated}"\n'.encode("ascii")
            if isinstance(updated, str) and _PLAIN.fullmatch(updated)
            else dumps({"updated": updated}).encode("utf-8")
        )
        return known[1] + stamp + known[2]

    def _position(self, session: Session) -> bytes:
        """The ``[position]`` table: it moves with the cursor, so it is rendered on every save."""
        position = session.position
        if _PLAIN.fullmatch(position.exercise) and _PLAIN.fullmatch(position.group):
            return (
                f'[position]\nexercise = "{position.exercise}"\nrow = {int(position.row)}\n'
                f'column = {int(position.column)}\ngroup = "{position.group}"\n'
            ).encode("ascii")
        return dumps({"position": place_table(session)["position"]}).encode("utf-8")

    def render(self, session: Session, *, opening: bool = False) -> bytes:
        """The whole file for ``session``, sealed: only the pieces whose values changed are rendered.

        Args:
            opening: the render made before the first key (``SessionKeeper.prepare``): the
                checksum's kept tail is made to start after the answers of the exercise on
                show, where the first key most likely scores, so that key's seal reads as
                little as the later ones' (``ChunkedSeal``).
        """
        chunks = [
            self._head(session),
            self._piece(
                "people",
                (session.agenda, session.min_answers, session.participants, session.groups),
                lambda: dumps(people_table(session)),
            ),
            # The position and the rest of ``place_table`` (notes, timers), as one ``dumps`` writes them.
            self._position(session),
            self._piece(
                "place",
                (session.notes, session.timers),
                lambda: dumps({k: v for k, v in place_table(session).items() if k != "position"}),
            ),
        ]
        chunks = [chunk for chunk in chunks if chunk]
        rendered: dict[str, Piece] = {}
        known_answers = self._answers
        on_show = session.position.exercise
        keep_from = None
        for exercise_id, value in session.answers.items():
            known = known_answers.get(exercise_id)
            if known is None or known[0][0] is not value:
                if is_default(value):  # only a new value can be a default one: rendered ones are not
                    continue
                known = ((value,), self._answers_text(exercise_id, value))
            rendered[exercise_id] = known
            if known[1]:
                chunks.append(known[1])
                if opening and exercise_id == on_show:
                    keep_from = len(chunks)
        if rendered.keys() != known_answers.keys():  # an exercise's answers came or went
            self._rows = {key: row for key, row in self._rows.items() if key[0] in rendered}
            self._answer_heads = {key: head for key, head in self._answer_heads.items() if key in rendered}
        self._answers = rendered
        exercises = session.exercises
        definitions = self._piece(
            "exercises",
            (*exercises.values(), *exercises),
            lambda: (
                dumps({"exercises": {eid: exercise_to_dict(ex) for eid, ex in exercises.items()}})
                if exercises
                else ""
            ),
        )
        if definitions:
            chunks.append(definitions)
        return self._seal.sealed(chunks, self._progress.progress(session), keep_from=keep_from)

    def write(self, session: Session, *, finish: Callable[[AfterReplace], None] | None = None) -> None:
        """Write ``session`` atomically (keeping a ``.bak``).

        Args:
            finish: takes over the steps after the rename (see ``tomlio.atomic_write``).

        Raises:
            SessionWriteError: the file could not be written; the old one is intact.
        """
        data = self.render(session)
        theirs = self._disk.theirs()
        if theirs is not None:
            self.kept_aside.append(keep_aside(self.path, theirs))
            self._disk.accept(theirs)  # kept: a failed write below must not keep it twice
        with self._stage_lock:
            staged, self._staged = self._staged, None
        if finish is None:
            atomic_write(self.path, data, staged=staged)
        else:
            atomic_write(self.path, data, finish=finish, staged=staged)
        self._disk.wrote(data)
