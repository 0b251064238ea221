"""The sessions the benchmarks and the crash test run on, built through the core API.

"Large" is the biggest room the seminar is meant for: 40 participants in four groups,
the whole default programme, every exercise answered (every score, every reflection box,
every closing answer and note, every action). The content is pseudo-random but seeded,
so every run measures the same file.
"""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

from workshop_tui.core.kinds.actions import ActionBody
from workshop_tui.core.kinds.grids import GridBody
from workshop_tui.core.kinds.sheets import SheetBody
from workshop_tui.core.model import Action, Exercise, Session
from workshop_tui.core.storage.library import Library, load_library
from workshop_tui.core.storage.sessions import new_session, save_session

STAMP = "2026-11-23T09:00:00+00:00"
WORDS = (
    "borgeren", "udskrivning", "hjemmeplejen", "sygehuset", "visitationen", "aftale", "ansvar",
    "budget", "tillid", "koordinering", "kurs", "commitment", "fælles", "mål", "samarbejde",
    "ledelse", "på", "tværs", "forløb", "weekend", "medicin", "overlevering", "prøvehandling",
)  # fmt: skip


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def _answer_everything(session: Session, exercise: Exercise, rng: random.Random) -> Session:
    """Fill in every answer an exercise of a known kind can take; other kinds are left open."""
    groups = [g.id for g in session.groups]
    grid, sheet = exercise.body_if(GridBody), exercise.body_if(SheetBody)
    if exercise.scale is not None and not exercise.is_vote:  # votes have their own rules: left open
        scale = exercise.scale
        scores: dict[str, dict[str, int]] = {}
        for item in exercise.scored_items:
            # One edit per exercise: an edit per score copies the row each time (quadratic in people).
            scores[item.id] = {p.id: rng.randint(scale.min, scale.max) for p in session.participants}
            if grid is not None and grid.note_prompt is not None:
                session = session.with_note(exercise.id, item.id, _sentence(rng, 25))
        session = session.with_scores(exercise.id, scores)
    for group in groups:
        for box in sheet.boxes if sheet is not None else ():
            text = "\n".join(_sentence(rng, 30) for _ in range(3))
            session = session.with_text(exercise.id, group, box.key, text)
        if grid is not None and grid.closing_question is not None:
            session = session.with_closing(exercise.id, group, _sentence(rng, 60))
        if exercise.kind == "action_list":
            session = session.with_challenge(exercise.id, group, _sentence(rng, 20))
            for index in range(exercise.body_as(ActionBody).count):
                action = Action(_sentence(rng, 18), session.participants[index].label, "2026-12-01")
                session = session.with_action(exercise.id, group, index, action)
    return session


def large_session(
    library: Library | None = None,
    *,
    participants: int = 40,
    answered: bool = True,
    title: str = "Stort seminar",
    seed: int = 7,
    session_id: str | None = None,
) -> Session:
    """A session of the default programme; with ``answered`` every exercise is complete."""
    library = library or load_library(include_user=False)
    programme = library.default_programme()
    if programme is None:
        raise SystemExit("the built-in library has no programme; check exercises/programmes/")
    session = new_session(
        title=title,
        date="2026-11-23",
        exercises=[library.exercises[e] for e in programme.exercises],
        participants=participants,
        groups=["Bord 1", "Bord 2", "Bord 3", "Bord 4"],
        organisation="Fjordby Kommune",
        timestamp=STAMP,
        session_id=session_id,
    )
    if answered:
        rng = random.Random(seed)
        for exercise_id in session.agenda:
            session = _answer_everything(session, session.exercise(exercise_id), rng)
    return session.touched(STAMP)


def many_exercises(count: int = 90, *, participants: int = 40, seed: int = 7) -> Session:
    """A session of ``count`` exercises (the library's, taken in turn under numbered ids), all answered."""
    library = load_library(include_user=False)
    kinds = sorted(library.exercises)
    chosen = [
        replace(library.exercises[kinds[n % len(kinds)]], id=f"{kinds[n % len(kinds)]}-{n + 1:02d}")
        for n in range(count)
    ]
    session = new_session(
        title=f"{count} øvelser",
        date="2026-11-23",
        exercises=chosen,
        participants=participants,
        groups=["Bord 1", "Bord 2", "Bord 3", "Bord 4"],
        timestamp=STAMP,
        session_id=f"exercises-{count}",
    )
    rng = random.Random(seed)
    for exercise_id in session.agenda:
        session = _answer_everything(session, session.exercise(exercise_id), rng)
    return session.touched(STAMP)


def write_session(session: Session, path: Path) -> Path:
    """Save a session (without leaving a ``.bak``) and return its path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    save_session(session, path)
    path.with_name(path.name + ".bak").unlink(missing_ok=True)
    return path
