"""Trends: every scored exercise that recurs in a series of sessions, item by item and dimension by dimension.

A trend is built from each session's *anonymous* summary (``summary.build_summary``, what
``workshop export`` without ``--named`` writes), so every figure of a trend is a figure of
that session's own export, held back where the export holds it back (the session's
``min_answers``). Nothing is computed here that the export does not compute, except the
differences between sessions:

- **Matching.** Exercises are matched by id, items and dimensions by id. An item whose text
  changed between sessions is still the same item (its id says so), and the trend says it
  was renamed; an item or a dimension missing from a session has no point there.
- **Comparable.** A session whose exercise ran on another scale than the latest one, an
  item whose polarity changed, or a dimension whose mean is over other items (another
  set of items, or an item held back for too few answers in one session), has its points
  shown but never subtracted (``Point.comparable``), and the trend says why (``notes``).
- **Change.** ``change`` is the latest session's mean minus the one before it (the last two
  sessions that ran the exercise), ``since_first`` the latest minus the first; each is
  judged better or worse by the item's polarity (``rules.judge_change``), higher or lower
  for a neutral item. A dimension's mean is already oriented (higher is better).
- **Spread over time.** ``spread`` is the highest minus the lowest comparable mean the
  line had over the sessions.
- **Run again without means.** A written exercise (sheet, action list, table, open answers),
  a vote or an action review that ran in two or more sessions has no means to follow; it is
  listed with what each session wrote, its top options, or its done / not done / carried
  over (``trends_again``), so the facilitator sees the group came back to it.
- **Heatmap.** When other leader groups of the same organisation ran the exercise (other
  series), each group's latest session that ran it (of those given) gives a row: its
  dimension means (oriented item means when the exercise has no dimensions), on the
  same scale only.

Pure functions; no UI.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from workshop_tui.core.i18n import t
from workshop_tui.core.i18n.shown import long_date
from workshop_tui.core.model import Session
from workshop_tui.core.results.distinct import distinct_labels, group_labels
from workshop_tui.core.results.held_back import held_back
from workshop_tui.core.results.rules import renamed_note
from workshop_tui.core.results.summary import build_summary, exercise_summary
from workshop_tui.core.results.summary_model import ItemSummary, ReviewPart, ScoredPart, Summary
from workshop_tui.core.results.trends_again import ran_again, review_run, told_apart
from workshop_tui.core.results.trends_again import written_answers as written_answers
from workshop_tui.core.results.trends_model import ExerciseTrend as ExerciseTrend
from workshop_tui.core.results.trends_model import HeatRow as HeatRow
from workshop_tui.core.results.trends_model import Line as Line
from workshop_tui.core.results.trends_model import Point as Point
from workshop_tui.core.results.trends_model import RanOnce as RanOnce
from workshop_tui.core.results.trends_model import ReviewAgain as ReviewAgain
from workshop_tui.core.results.trends_model import ReviewRun as ReviewRun
from workshop_tui.core.results.trends_model import SessionRef as SessionRef
from workshop_tui.core.results.trends_model import TopOption as TopOption
from workshop_tui.core.results.trends_model import Trend as Trend
from workshop_tui.core.results.trends_model import VoteAgain as VoteAgain
from workshop_tui.core.results.trends_model import VoteRun as VoteRun
from workshop_tui.core.results.trends_model import WrittenAgain as WrittenAgain


def ref(session: Session) -> SessionRef:
    """A session as a trend names it."""
    return SessionRef(session.id, session.title, session.date, session.min_answers, session.organisation)


def build_trend(
    series: Sequence[Session],
    others: Sequence[Sequence[Session]] = (),
    *,
    lang: str | None = None,
    branches: Sequence[Sequence[Session]] = (),
    forks: bool = False,
) -> Trend:
    """The trend of a series (any order; sorted by date), with other groups' series for the heatmap.

    Args:
        series: the sessions of one leader group: one line of its series (``storage.branches``).
        others: the series of other leader groups of the same organisation; only their
            latest session that ran an exercise is read, for the heatmap.
        lang: the report's language (default: the latest session's).
        branches: the series' other branches, each from where it leaves ``series``: heatmap
            rows as other groups are, and named in the report's words on how to read it.
        forks: ``series`` ends where its branches start (the session asked for is followed twice).
    """
    ordered = sorted(series, key=lambda s: s.date)
    lang = lang or (ordered[-1].language if ordered else "da")
    summaries = [build_summary(in_language(s, lang)) for s in ordered]
    refs = [ref(s) for s in ordered]
    branch_lines = [sorted(group, key=lambda s: s.date) for group in branches if group]
    other_latest = [*branch_lines, *(sorted(group, key=lambda s: s.date) for group in others if group)]
    other_summaries: dict[str, Summary] = {}
    labels = [_group_label(ordered, lang)] + [_group_label(group, lang) for group in other_latest]
    order: list[str] = []
    for summary in summaries:
        order += [x.id for x in summary.exercises if x.id not in order]
    exercises = []
    once: list[tuple[SessionRef, Summary, str]] = []
    again: list[WrittenAgain] = []
    votes: list[VoteAgain] = []
    reviews: list[ReviewAgain] = []
    for exercise_id in order:
        ran = [(r, s) for r, s in zip(refs, summaries, strict=True) if _ran(s, exercise_id)]
        if len(ran) == 1:
            once.append((ran[0][0], ran[0][1], exercise_id))
            continue
        runs = [(r, s.exercise(exercise_id)) for r, s in ran if _has(s, exercise_id)]
        if len(runs) < 2:  # recurs, but written, a vote or a review: no means to trend
            match ran_again([(r, s.exercise(exercise_id)) for r, s in ran]):
                case WrittenAgain() as written:
                    again.append(written)
                case VoteAgain() as vote:
                    votes.append(vote)
                case ReviewAgain() as review:
                    reviews.append(review)
            continue
        found = _exercise(exercise_id, [(r, x.title, _part(x.part)) for r, x in runs], lang)
        latest = (runs[-1][0], _part(runs[-1][1].part))
        heat_rows = _heat(exercise_id, found, latest, labels, other_latest, other_summaries, lang)
        columns = tuple(d.label for d in found.dimensions) or tuple(i.label for i in found.items)
        exercises.append(_with_heat(found, columns, heat_rows))
    trended = {x.id for x in exercises}
    withheld = tuple((r, held_back(_only(s, trended))) for r, s in zip(refs, summaries, strict=True))
    return Trend(
        language=lang,
        sessions=tuple(refs),
        exercises=tuple(exercises),
        once=_ran_once(once, lang),
        held_back=withheld,
        groups=tuple(labels) if any(x.heat for x in exercises) else (),
        written=told_apart(again, lang),
        votes=told_apart(votes, lang),
        reviews=told_apart(reviews, lang),
        branches=_branch_names(branch_lines, lang),
        forks=forks and bool(branch_lines),
    )


def in_language(session: Session, lang: str) -> Session:
    """``session`` summarised in the report's language: the library's texts it carries (exercise
    titles, items, dimensions) in ``lang`` where they have it, what was written as written.

    Each session was summarised in its own language, so ``--lang en trend`` of a Danish series
    put Danish exercise titles and items under English labels, while ``--lang en export`` of
    the same session said them in English; a series of sessions in two languages would also
    have had its items told apart as renamed. The figures are the same in every language.
    """
    return session if session.language == lang else replace(session, language=lang)


def _branch_names(branches: Sequence[Sequence[Session]], lang: str) -> tuple[str, ...]:
    """The branches as the heatmap names groups: the latest session's title, told apart where alike."""
    rows = [
        (_group_label(group, lang), long_date(group[-1].date, lang), group[-1].title, group[-1].id)
        for group in branches
    ]
    return tuple(group_labels(rows))


def _ran(summary: Summary, exercise_id: str) -> bool:
    return any(x.id == exercise_id for x in summary.exercises)


def _ran_once(once: list[tuple[SessionRef, Summary, str]], lang: str) -> tuple[RanOnce, ...]:
    """The exercises run once, same titles told apart by their number, then date, then id."""
    found = []
    for session, summary, exercise_id in once:
        number = next(i for i, x in enumerate(summary.exercises, start=1) if x.id == exercise_id)
        exercise = summary.exercises[number - 1]
        counted = review_run(session, exercise.part) if isinstance(exercise.part, ReviewPart) else None
        found.append(
            RanOnce(exercise_id, exercise.kind, exercise.title, exercise.title, session, number, counted)
        )
    facts = [
        (x.title, (t("trend.once_number", lang, n=x.number), long_date(x.session.date, lang), x.id))
        for x in found
    ]
    return tuple(replace(x, label=label) for x, label in zip(found, distinct_labels(facts), strict=True))


def _has(summary: Summary, exercise_id: str) -> bool:
    return any(x.id == exercise_id and x.scored is not None for x in summary.exercises)


def _part(part: object) -> ScoredPart:
    assert isinstance(part, ScoredPart)
    return part


def _only(summary: Summary, ids: set[str]) -> Summary:
    return replace(summary, exercises=tuple(x for x in summary.exercises if x.id in ids))


def _group_label(series: Sequence[Session], lang: str) -> str:
    """A leader group (a series) is named by its latest session's title."""
    return series[-1].title


def _point(item: ItemSummary, comparable: bool) -> Point:
    stats = item.stats
    return Point(stats.n, stats.mean, item.status, stats.distribution, stats.sd, comparable)


def _exercise(exercise_id: str, runs: list[tuple[SessionRef, str, ScoredPart]], lang: str) -> ExerciseTrend:
    """Items and dimensions of one exercise over its runs, and what cannot be compared."""
    latest_ref, title, latest = runs[-1]
    notes: list[str] = []
    same_scale = []
    for r, _, part in runs:
        same = (part.scale.min, part.scale.max) == (latest.scale.min, latest.scale.max)
        same_scale.append(same)
        if not same:
            notes.append(
                t(
                    "trend.note.scale",
                    lang,
                    session=r.title,
                    date=long_date(r.date, lang),
                    before=f"{part.scale.min}–{part.scale.max}",
                    after=f"{latest.scale.min}–{latest.scale.max}",
                )
            )
    # Items: the latest session's order first, then items asked only earlier.
    item_ids: list[str] = []
    for _, _, part in reversed(runs):
        item_ids += [i.id for i in part.items if i.id not in item_ids]
    lines = []
    for item_id in item_ids:
        found = [_find(part, item_id) for _, _, part in runs]
        present = [i for i in found if i is not None]
        newest = present[-1]
        renamed = renamed_note([i.text for i in present], lang)
        if renamed:
            notes.append(renamed)
        turned = len({i.direction for i in present}) > 1
        if turned:
            notes.append(t("trend.note.polarity", lang, item=newest.text))
        missing = [r.title for (r, _, _), i in zip(runs, found, strict=True) if i is None]
        if missing:
            notes.append(t("trend.note.missing", lang, item=newest.text, sessions=", ".join(missing)))
        points = tuple(
            None if i is None else _point(i, same and not turned)
            for i, same in zip(found, same_scale, strict=True)
        )
        lines.append(Line(item_id, newest.text, newest.direction, points))
    directed = any(i.direction != "neutral" for i in latest.items)
    dims = _dimensions(runs, same_scale, "positive" if directed else "neutral", lang, notes)
    return ExerciseTrend(
        id=exercise_id,
        title=title,
        low=latest.scale.min,
        high=latest.scale.max,
        sessions=tuple(r for r, _, _ in runs),
        items=tuple(lines),
        dimensions=dims,
        notes=tuple(dict.fromkeys(notes)),
        oriented=directed,
    )


def _find(part: ScoredPart, item_id: str) -> ItemSummary | None:
    return next((i for i in part.items if i.id == item_id), None)


def _dimensions(
    runs: list[tuple[SessionRef, str, ScoredPart]],
    same_scale: list[bool],
    direction: str,
    lang: str,
    notes: list[str],
) -> tuple[Line, ...]:
    """Each dimension's mean per session (the profile's), comparable only over the same items."""
    latest = runs[-1][2]
    dim_ids: list[str] = []
    for _, _, part in reversed(runs):
        dim_ids += [d.id for d in part.dimensions if d.id not in dim_ids]
    lines = []
    for dim_id in dim_ids:
        points: list[Point | None] = []
        label = ""
        # A dimension's mean is over its items with a figure shown: the same items, or no comparison.
        newest_items = {i.id for i in latest.items if i.dimension == dim_id and i.shown}
        for (r, _, part), same in zip(runs, same_scale, strict=True):
            profile = next((d for d in part.dimensions if d.id == dim_id), None)
            if profile is None:
                points.append(None)
                continue
            label = profile.label
            mine = [i for i in part.items if i.dimension == dim_id]
            shown = [i for i in mine if i.shown]
            same_items = {i.id for i in shown} == newest_items
            # No note while the latest has no figure for it (not answered yet, or blind): its
            # point says why, and "an item held back or not asked" would not be true.
            if not same_items and profile.mean is not None and newest_items:
                notes.append(t("trend.note.dimension", lang, dimension=label, session=r.title))
            status = "shown" if profile.mean is not None else _status(mine)
            points.append(Point(len(shown), profile.mean, status, comparable=same and same_items))
        lines.append(Line(dim_id, label, direction, tuple(points)))
    return tuple(lines)


def _status(items: Sequence[ItemSummary]) -> str:
    """Why a dimension has no mean: its items were held back, blind, or not answered."""
    statuses = {i.status for i in items}
    for status in ("blind", "too_few"):
        if status in statuses:
            return status
    return "empty"


def _heat(
    exercise_id: str,
    found: ExerciseTrend,
    own: tuple[SessionRef, ScoredPart],
    labels: list[str],
    others: list[list[Session]],
    summaries: dict[str, Summary],
    lang: str,
) -> tuple[HeatRow, ...]:
    """The latest session of each leader group that ran the exercise on the same scale.

    Rows that would read the same get what tells them apart (``distinct_labels``: the date,
    title, id). ``summaries`` keeps each other session's summary (by id) for the next exercise.
    """
    rows = [HeatRow(labels[0], own[0], _row(found, own[1]))]
    for label, group in zip(labels[1:], others, strict=True):
        for session in reversed(group):
            summary = summaries.get(session.id) or summaries.setdefault(
                session.id, build_summary(in_language(session, lang))
            )
            if _has(summary, exercise_id):
                part = _part(summary.exercise(exercise_id).part)
                if (part.scale.min, part.scale.max) == (found.low, found.high):
                    rows.append(HeatRow(label, ref(session), _row(found, part)))
                break
    if len(rows) < 2:
        return ()
    names = group_labels(
        [(r.label, long_date(r.session.date, lang), r.session.title, r.session.id) for r in rows]
    )
    return tuple(replace(r, label=name) for r, name in zip(rows, names, strict=True))


def _row(found: ExerciseTrend, part: ScoredPart) -> tuple[float | None, ...]:
    """Per column a group's figure, higher = better: dimension means, else oriented item means."""
    if found.dimensions:
        means = {d.id: d.mean for d in part.dimensions}
        return tuple(means.get(d.id) for d in found.dimensions)
    items = {i.id: i.oriented_mean for i in part.items}
    return tuple(items.get(i.id) for i in found.items)


def _with_heat(found: ExerciseTrend, columns: tuple[str, ...], heat: tuple[HeatRow, ...]) -> ExerciseTrend:
    return replace(found, columns=columns if heat else (), heat=heat)


def exercise_trend(sessions: Sequence[Session], exercise_id: str, lang: str) -> ExerciseTrend | None:
    """One exercise over the sessions that ran it (the app's "last time" beside "now").

    The same figures as ``build_trend`` (each session's anonymous summary of the exercise,
    ``summary.exercise_summary``), built for this exercise only, so it is cheap enough to
    follow every score typed. None unless two or more of the sessions ran it, scored.
    """
    runs = []
    for session in sorted(sessions, key=lambda s: s.date):
        if exercise_id in session.agenda and exercise_id in session.exercises:
            found = exercise_summary(session, exercise_id, lang)
            if isinstance(found.part, ScoredPart):
                runs.append((ref(session), found.title, found.part))
    return _exercise(exercise_id, runs, lang) if len(runs) >= 2 else None


def ran(session: Session, exercise_id: str) -> bool:
    """Whether ``session`` ran the exercise (on its agenda, its text kept): when
    ``exercise_trend`` gives no last time for an exercise the session before ran, the reason is
    that it has no means to follow (a sheet, an action list, a vote), not that it was not run
    (Ctrl+L on a follow-up's action list said "not run in «day 1»", found by hand)."""
    return exercise_id in session.agenda and exercise_id in session.exercises
