"""Nothing private reaches the wall, another phone or an anonymous export.

A session of every kind with named participants (names no text of the library contains)
and a facilitator's note on every exercise. The wall (every exercise, blind and revealed),
the anonymous exports (md, html, csv; with and without ``--notes``), the comparison and the
trend must show no participant's name and no per-person row; the notes appear only in an
export that asked for them (``--notes``), never on the wall. ``--named`` is the one export
that names people (checked, so the test would see a name if one were there).
"""

from __future__ import annotations

import io
import json
import random

import pytest
from rich.console import Console

from workshop_tui.core.model import Participant, Session
from workshop_tui.core.results.summary import build_summary
from workshop_tui.core.results.trends import build_trend
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import new_session
from workshop_tui.export.compare import compare_sessions
from workshop_tui.export.compare_render import render_compare_html, render_compare_markdown
from workshop_tui.export.compare_text import render_text
from workshop_tui.export.csv import render_csv
from workshop_tui.export.html import render_html
from workshop_tui.export.markdown import render_markdown
from workshop_tui.export.trend import render_trend_csv, render_trend_markdown, render_trend_text
from workshop_tui.export.trend_html import render_trend_html
from workshop_tui.tui.screens.projector import projected
from workshop_tui.voting.desk import Desk
from workshop_tui.voting.roll import Roll

NAMES = [f"Qzname{n} Wxsurname{n}" for n in range(1, 7)]
NOTE = "FNOTEQZ"
KINDS = (
    "resistance",
    "kkc-indicators",
    "commitment",
    "challenges-dot-vote",
    "grint-problem-types",
    "psych-safety-zones",
    "us-and-them",
    "ecosystem-mirror",
    "challenges-ranking",
    "take-home",
    "sheet-42",
    "sheet-45",
    "smart-goals",
)


def _room(library: Library, seed: int, date: str = "2026-12-03") -> Session:
    rng = random.Random(seed)
    session = new_session(
        title="Fortroligt",
        date=date,
        exercises=[library.exercises[e] for e in KINDS],
        participants=NAMES,
        groups=["Bord 1", "Bord 2"],
        timestamp=f"{date}T09:00:00+00:00",
        session_id=f"fortroligt-{date}",
    )
    for exercise_id in KINDS:
        exercise = session.exercise(exercise_id)
        session = session.with_facilitator_note(exercise_id, f"{NOTE} {exercise_id}")
        scale = exercise.scale
        if scale is None:
            continue
        for n, _ in enumerate(NAMES, start=1):
            pid = f"p{n}"
            if exercise.kind == "ranking":
                order = rng.sample(range(1, len(exercise.items) + 1), len(exercise.items))
                session = session.with_scores(
                    exercise_id, {i.id: {pid: r} for i, r in zip(exercise.items, order, strict=True)}
                )
            elif exercise.is_vote:
                session = session.with_score(exercise_id, rng.choice(exercise.items).id, pid, 1)
            else:
                for item in exercise.scored_items:
                    session = session.with_score(exercise_id, item.id, pid, rng.randint(scale.min, scale.max))
        session = session.with_blind(exercise_id, False)
    return session.with_open("take-home", "a1", "Et anonymt svar")


def _leaks(text: str) -> list[str]:
    """The names (or a first or last name alone) found in ``text``."""
    return [word for name in NAMES for word in name.split() if word in text]


@pytest.fixture
def room(library: Library) -> Session:
    return _room(library, 1)


@pytest.mark.parametrize("revealed", [True, False])
def test_the_wall_shows_no_name_and_no_note(room: Session, revealed: bool) -> None:
    session = room
    for exercise_id in KINDS:
        if not revealed:
            session = session.with_blind(exercise_id, True)
        for lang in ("da", "en"):
            console = Console(width=160, record=True, file=io.StringIO())
            console.print(projected(session, session.exercise(exercise_id), lang, 160, 48))
            wall = console.export_text()
            assert _leaks(wall) == [], (exercise_id, lang)
            assert NOTE not in wall, (exercise_id, lang)


@pytest.mark.parametrize("notes", [False, True])
def test_anonymous_exports_name_nobody_and_hold_notes_unless_asked(room: Session, notes: bool) -> None:
    summary = build_summary(room, include_notes=notes)
    for render in (render_markdown, render_html, render_csv):
        text = render(summary)
        assert _leaks(text) == [], render.__name__
        assert (NOTE in text) == notes, render.__name__
    named = render_csv(build_summary(room, named=True))
    assert _leaks(named)  # the check can see a name: --named shows them


def test_comparison_and_trend_name_nobody_and_carry_no_note(library: Library) -> None:
    before, after = _room(library, 1, "2026-10-01"), _room(library, 2, "2026-12-03")
    comparison = compare_sessions(before, after)
    trend = build_trend([before, after])
    for text in (
        render_text(comparison),
        render_compare_markdown(comparison),
        render_compare_html(comparison),
        render_trend_markdown(trend),
        render_trend_html(trend),
        render_trend_csv(trend),
        render_trend_text(trend),
    ):
        assert _leaks(text) == []
        assert NOTE not in text


def test_a_phone_sees_no_name_no_note_and_nobody_elses_answers(room: Session) -> None:
    session = room.with_participant(Participant("p7"))
    desk = Desk(Roll("123456"), max_participants=10)
    _token, pid = desk.join(session, {"code": "123456"}, "10.0.0.7")[:2]
    assert pid == "p7"  # a phone takes an anonymous place, never a named one
    for exercise_id in KINDS:
        if session.exercise(exercise_id).scale is None:
            continue
        desk.follow(session, exercise_id)
        state = json.dumps(desk.state(session, pid), ensure_ascii=False)
        assert _leaks(state) == [] and NOTE not in state
        assert json.loads(state)["mine"] == {}
