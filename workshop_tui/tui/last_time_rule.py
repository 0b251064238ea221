"""Why "last time" has figures or not: one rule for the laptop (Ctrl+L) and the second window.

Its own module: the controller and ``workshop present`` both ask it, and the widget that lays
the figures out imports the controller's type (an import circle otherwise).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop_tui.core.i18n import t
from workshop_tui.core.i18n.shown import long_date

if TYPE_CHECKING:
    from workshop_tui.core.model import Session
    from workshop_tui.core.results.trends import ExerciseTrend
    from workshop_tui.core.results.trends_model import Line


def last_time_of(
    previous: Session | None, session: Session, exercise_id: str, lang: str
) -> tuple[ExerciseTrend | None, str]:
    """The exercise last time and now (the core's figures), or why there is none: one rule for
    the laptop (Ctrl+L) and the second window (``workshop present``), which follows it."""
    if previous is None:
        return None, t("tui.last.no_series", lang)
    # The trend (and the summaries it is made of) is loaded when last time is first asked for.
    from workshop_tui.core.results.trends import exercise_trend, ran

    found = exercise_trend([previous, session], exercise_id, lang)
    if found is None:
        key = "tui.last.no_means" if ran(previous, exercise_id) else "tui.last.not_run"
        return None, t(key, lang, title=previous.title, date=long_date(previous.date, lang))
    return found, ""


def held_on_wall(found: ExerciseTrend | None, session: Session, exercise_id: str) -> ExerciseTrend | None:
    """``found`` for the wall: now's figure of an item tallied over the room held back.

    The wall holds such an item's figures back under its warning (``projector_held``); Ctrl+L's
    last time beside now showed its mean all the same, and a diagnostic's dimension with it in
    (counts26). The laptop's panel keeps them, as its grid does.
    """
    from dataclasses import replace

    from workshop_tui.core.results.figures import tally_over_room
    from workshop_tui.core.results.trends_model import Point

    held = {item for item, _ in tally_over_room(session, exercise_id)}
    if found is None or not held:
        return found
    exercise = session.exercise(exercise_id)
    held |= {i.dimension for i in exercise.scored_items if i.id in held and i.dimension}

    def now_held(points: tuple[Point | None, ...]) -> tuple[Point | None, ...]:
        last = points[-1]
        return (*points[:-1], None if last is None else Point(last.n, None, "miscounted"))

    def lines(given: tuple[Line, ...]) -> tuple[Line, ...]:
        return tuple(replace(x, points=now_held(x.points)) if x.id in held else x for x in given)

    return replace(found, items=lines(found.items), dimensions=lines(found.dimensions))
