"""The exercises of a trend that no session answered: listed apart, never drawn as figures.

A series where the group skipped an exercise each time (or a follow-up made but not yet
run) gave a table of "ingen svar | ingen svar | –" per item and dimension, pages of it in
the HTML, read by management as if there were figures to follow. A trend shows what
changed; these are named once, in one line ("Uden svar i alle sessioner: …"), in every
format that draws the figures (Markdown, HTML, the terminal). The CSV keeps their rows:
each says ``empty`` there, and a script counting rows should not lose them.

An exercise counts as unanswered only when every point of every line, in every session,
is not asked or has no answers (``rules.status_of``: ``empty``) and no other leader group
in its heatmap has a figure. A blind session is not "no answers": its answers are hidden,
and it stays where it was.
"""

from __future__ import annotations

from dataclasses import replace

from workshop_tui.core.results.trends_model import ExerciseTrend, Trend, VoteAgain, WrittenAgain


def scored_unanswered(exercise: ExerciseTrend) -> bool:
    """No session answered any item of it, and no leader group in its heatmap has a figure."""
    points = [p for line in (*exercise.dimensions, *exercise.items) for p in line.points]
    nothing = all(p is None or p.status == "empty" for p in points)
    return nothing and all(v is None for row in exercise.heat for v in row.values)


def written_unanswered(written: WrittenAgain) -> bool:
    """Nothing written in any session (``0 svar · 0 svar``)."""
    return not any(written.answers)


def vote_unanswered(vote: VoteAgain) -> bool:
    """Nobody voted in any session (each run ``empty``, not held back or blind)."""
    return all(run.status == "empty" for run in vote.runs)


def unanswered(trend: Trend) -> tuple[str, ...]:
    """What the line "Uden svar i alle sessioner" names: scored exercises, then written, then votes."""
    return (
        *(x.title for x in trend.exercises if scored_unanswered(x)),
        *(x.label for x in trend.written if written_unanswered(x)),
        *(x.label for x in trend.votes if vote_unanswered(x)),
    )


def answered(trend: Trend) -> Trend:
    """The trend without the exercises ``unanswered`` names: what the figures and lists draw."""
    return replace(
        trend,
        exercises=tuple(x for x in trend.exercises if not scored_unanswered(x)),
        written=tuple(x for x in trend.written if not written_unanswered(x)),
        votes=tuple(x for x in trend.votes if not vote_unanswered(x)),
    )
