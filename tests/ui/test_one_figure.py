"""One figure, one answer: the grid, the wall and every export read the same numbers.

Seeded random rooms (missing answers, a single person, everyone equal, ties, 0–5, 1–5 and
1–10 scales, negative and reverse-scored items, minimums of 1 to 4, Danish and English).
For every item the figures are checked against an oracle computed here from the raw
scores (exact fractions, rounded half up as the core's ``numbers`` rule says), and every
surface must say the same: n, the mean (two decimals in the exports, one on the grid and the
wall, rounded from the exports' figure), the distribution, the split flag, ▲/▼ in the same
order, and what is held back. The phone page's state carries no figure at all.
"""

from __future__ import annotations

import csv
import io
import random
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from rich.console import Console

from workshop_tui.core.model import Session
from workshop_tui.core.results.numbers import percent
from workshop_tui.core.results.summary import build_summary, exercise_summary
from workshop_tui.core.results.summary_model import ScoredPart
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import new_session, save_session, session_path
from workshop_tui.export.csv import render_csv
from workshop_tui.export.html import render_html
from workshop_tui.export.markdown import render_markdown
from workshop_tui.tui.screens.projector import projected
from workshop_tui.tui.widgets.score_grid import ScoreGrid

from .conftest import app_for

EXERCISES = ("tension-fields", "psych-safety-statements", "group-dynamics", "commitment", "boundaries")
"""Negative, reverse-scored items, positive, a 1–10 single scale, a 0–5 neutral grid."""


def half_up(value: Fraction, digits: int) -> Decimal:
    """The oracle's rounding: exact, half away from zero (independent of the core's code)."""
    step = Decimal(1).scaleb(-digits)
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(step, rounding=ROUND_HALF_UP)


def written(value: Decimal, lang: str) -> str:
    text = str(value)
    return text.replace(".", ",") if lang == "da" else text


@dataclass(frozen=True)
class Expected:
    n: int
    shown: bool
    report: str
    """The mean as the exports write it (two decimals)."""
    wall: str
    """The mean as the grid and the projector write it (one decimal, from ``report``)."""
    counts: tuple[int, ...]


def random_room(seed: int) -> Session:
    rng = random.Random(seed)
    exercise_id = EXERCISES[seed % len(EXERCISES)]
    from workshop_tui.core.storage.library import load_library

    exercise = load_library(include_user=False).exercises[exercise_id]
    people = rng.choice([1, 2, 3, 4, 5, 7, 8, 9])
    session = new_session(
        title=f"Rum {seed}",
        date="2026-12-03",
        exercises=[exercise],
        participants=people,
        language=rng.choice(["da", "en"]),
        timestamp="2026-12-03T09:00:00+00:00",
        session_id=f"rum-{seed}",
        min_answers=rng.choice([1, 2, 3, 3, 4]),
    )
    scale = exercise.scale
    assert scale is not None
    shape = rng.choice(["random", "equal", "two", "ties"])
    equal = rng.randint(scale.min, scale.max)
    pair = rng.sample(range(scale.min, scale.max + 1), 2)
    presence = rng.choice([0.4, 0.8, 1.0])
    tied_rows = {i.id: rng.choice(pair) for i in exercise.scored_items}
    for item in exercise.scored_items:
        for p in range(1, people + 1):
            if rng.random() > presence:
                continue
            if shape == "equal":
                score = equal
            elif shape == "two":
                score = rng.choice(pair)
            elif shape == "ties":
                score = tied_rows[item.id]  # every answer of a row the same: rows tie on their means
            else:
                score = rng.randint(scale.min, scale.max)
            session = session.with_score(exercise_id, item.id, f"p{p}", score)
    return session.with_blind(exercise_id, False)


def oracle(session: Session) -> dict[str, Expected]:
    exercise = session.exercise(session.agenda[0])
    scale = exercise.scale
    assert scale is not None
    answers = session.answers_for(exercise.id)
    out = {}
    for item in exercise.scored_items:
        values = answers.values_for(item.id)
        n = len(values)
        counts = tuple(values.count(v) for v in range(scale.min, scale.max + 1))
        if not n:
            out[item.id] = Expected(0, False, "–", "–", counts)
            continue
        report = half_up(Fraction(sum(values), n), 2)
        wall = report.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        shown = n >= session.min_answers
        lang = session.language
        out[item.id] = Expected(n, shown, written(report, lang), written(wall, lang), counts)
    return out


def scored(session: Session) -> ScoredPart:
    part = build_summary(session).exercises[0].scored
    assert part is not None
    return part


def markdown_rows(session: Session) -> dict[str, list[str]]:
    """Item label -> the cells of its row in the export's table of all items."""
    text = render_markdown(build_summary(session))
    part = scored(session)
    rows: dict[str, list[str]] = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        for item in part.items:
            if any(c.endswith(item.text) for c in cells) and item.id not in rows:
                rows[item.id] = cells
    return rows


def wall_text(session: Session) -> list[str]:
    exercise = session.exercise(session.agenda[0])
    console = Console(width=220, record=True, file=io.StringIO())
    console.print(projected(session, exercise, session.language, 220, 80))
    return console.export_text().splitlines()


SEEDS = range(60)
COMMA_POINT = str.maketrans(",.", ".,")
"""The grid is in the interface language, the exports and a room's wall in the session's."""


@pytest.mark.parametrize("seed", SEEDS)
def test_exports_and_wall_agree_with_the_oracle(seed: int) -> None:
    session = random_room(seed)
    expected = oracle(session)
    part = scored(session)
    lang = session.language
    wall_part = exercise_summary(session, session.agenda[0], lang).scored
    assert wall_part is not None
    # The wall's summary is the export's (anonymous) one: same figures, same lists, same order.
    assert (wall_part.top, wall_part.bottom) == (part.top, part.bottom)
    assert [(i.id, i.status, i.stats) for i in wall_part.items] == [
        (i.id, i.status, i.stats) for i in part.items
    ]
    csv_text = render_csv(build_summary(session))
    delimiter = ";" if lang == "da" else ","
    rows = list(csv.reader(io.StringIO(csv_text.lstrip("\ufeff")), delimiter=delimiter))
    html = render_html(build_summary(session))
    for item in part.items:
        want = expected[item.id]
        assert item.stats.n == want.n
        assert item.shown == want.shown, item.id
        if item.shown:
            assert item.stats.distribution == tuple(
                zip(range(part.scale.min, part.scale.max + 1), want.counts, strict=True)
            )
        # CSV: one anonymous score row per answer of a shown item, sorted by value; none otherwise.
        scores = [r[7] for r in rows[1:] if r[0] == "score" and r[3] == item.id]
        assert [r[5] for r in rows[1:] if r[0] == "score" and r[3] == item.id] == [""] * len(scores)
        if item.shown:
            assert scores == sorted(scores, key=int)
            assert len(scores) == want.n
        else:
            assert scores == []
        if item.shown:
            assert want.report in html
    if len(part.items) > 1:
        md = markdown_rows(session)
        for item in part.items:
            want = expected[item.id]
            cells = md[item.id]
            assert str(want.n) in cells
            if item.shown:
                assert want.report in cells, (item.id, cells)
            else:
                assert not [c for c in cells if re.fullmatch(r"\d+[,.]\d+", c)], cells  # no figure held back
    # The wall: each shown item's mean at one decimal, rounded from the export's figure.
    lines = wall_text(session)
    for item in part.items:
        want = expected[item.id]
        if len(part.items) == 1:
            text = " ".join(lines)
            if item.shown:
                assert f"{want.wall} " in text + " "
            continue
        line = next(line for line in lines if item.text[:30] in line)
        tokens = line.split()
        if item.shown:
            assert want.wall in tokens[-2:], (item.id, line)
        mark = tokens[0] if tokens[0] in ("▲", "▼", "▲⚡", "▼⚡", "⚡") else ""
        assert ("▲" in mark) == (item.id in part.top)
        assert ("▼" in mark) == (item.id in part.bottom)
        assert ("⚡" in mark) == (item.shown and item.stats.split)


@pytest.mark.parametrize("seed", [s for s in SEEDS if s % 5 in (0, 1, 2)][:6])
async def test_the_grid_agrees_with_the_exports(seed: int, data_dir: Path, library: Library) -> None:
    """The facilitator's grid shows every figure (also those held back in writing): the same ones."""
    session = random_room(seed)
    path = session_path(session)
    save_session(session, path)
    expected = oracle(session)
    part = scored(session)
    app = app_for(path)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        grid = app.screen.query_one(ScoreGrid)
        assert grid.highlights.top == part.top
        assert grid.highlights.bottom == part.bottom
        for item in part.items:
            want = expected[item.id]
            assert grid.stats[item.id].n == want.n
            assert str(grid.get_cell(item.id, "n")).strip() == str(want.n)
            wall = want.wall if app.lang == session.language else want.wall.translate(COMMA_POINT)
            assert str(grid.get_cell(item.id, "mean")).strip() == wall
            split = "⚡" in str(grid.get_cell(item.id, "flag"))
            assert split == grid.stats[item.id].split
            if item.shown:
                assert split == item.stats.split


VOTES = ("challenges-dot-vote", "grint-problem-types", "governance-paradigms")
"""A dot vote (one dot each), a single choice and a dot vote of ten dots."""


@pytest.mark.parametrize("seed", range(24))
def test_a_vote_reads_the_same_on_the_wall_and_in_the_exports(seed: int, library: Library) -> None:
    rng = random.Random(seed)
    exercise = library.exercises[VOTES[seed % len(VOTES)]]
    people = rng.choice([1, 2, 3, 5, 8])
    session = new_session(
        title=f"Valg {seed}",
        date="2026-12-03",
        exercises=[exercise],
        participants=people,
        timestamp="2026-12-03T09:00:00+00:00",
        session_id=f"valg-{seed}",
        min_answers=rng.choice([1, 3]),
    )
    dots = exercise.body.votes.dots  # type: ignore[attr-defined]
    items = [i.id for i in exercise.items]
    for p in range(1, people + 1):
        chosen = rng.sample(items, min(len(items), rng.randint(1, max(1, min(dots, 3)))))
        for item_id in chosen:
            session = session.with_score(exercise.id, item_id, f"p{p}", 1)
    session = session.with_blind(exercise.id, False)
    part = build_summary(session).exercises[0].votes
    assert part is not None
    text = render_markdown(build_summary(session))
    wall = " ".join(wall_text(session))
    if not part.shown:
        assert not any(o.dots for o in part.options)
        assert f"({percent(0.5)})" not in wall and "%" not in wall  # no share held back is drawn
        return
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    for option in part.options:
        share = percent(option.share)
        assert f" {option.dots}  ({share})" in wall, (option.text, wall)
        row = next(r for r in rows if f" {option.text} |" in r)
        assert f"| {option.dots} | {share} |" in row, row
        assert (f"▲{items.index(option.id) + 1}." in wall) == option.winner
