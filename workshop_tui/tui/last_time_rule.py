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
