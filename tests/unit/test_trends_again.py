"""Votes and action reviews that recur in a series are listed in the trend.

Found by polish14: a dot vote run at each seminar of a series, and the review of last
time's actions that opens every follow-up, appeared in no section of ``workshop trend``
(no means to follow, and not written). A facilitator meeting the group again wants, for a
vote, each session's top options as the wall showed them (▲ on the winners; none where
too few voted), and for a review, per session how many actions were done, not done and
carried over. Every format (Markdown, text, HTML, CSV) lists the same lines.
"""

from __future__ import annotations

import csv
import io
from dataclasses import replace

from workshop_tui.core.kinds.action_review import carry_over, with_review
from workshop_tui.core.model import Session, Text
from workshop_tui.core.model.answers import Action
from workshop_tui.core.results.trends import build_trend
from workshop_tui.core.storage.follow_up import follow_up
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import new_session
from workshop_tui.export.markdown_escape import markdown_safe
from workshop_tui.export.trend import (
    once_line,
    render_trend_csv,
    render_trend_markdown,
    render_trend_text,
    review_line,
    vote_runs,
)
from workshop_tui.export.trend_html import render_trend_html

VOTE = "challenges-dot-vote"
REVIEW = "action-review"


def _votes(session: Session, dots: dict[int, list[int]]) -> Session:
    """Option index -> the people (1-based) who put a dot on it."""
    options = [o.id for o in session.exercise(VOTE).items]
    for option, people in dots.items():
        for person in people:
            session = session.with_score(VOTE, options[option], f"p{person}", 1)
    return session


def _series(library: Library) -> tuple[Session, Session, Session]:
    first = new_session(
        title="Fjordby",
        date="2026-10-14",
        participants=5,
        groups=["Bord 1", "Bord 2"],
        exercises=[library.exercises[VOTE], library.exercises["sheet-45"]],
    )
    first = _votes(first, {0: [1, 2, 3], 1: [4, 5], 2: [1]})
    first = first.with_action("sheet-45", "g1", 0, Action(text="Fredagsmøde"))
    first = first.with_action("sheet-45", "g1", 1, Action(text="Skyggedag"))
    first = first.with_action("sheet-45", "g2", 0, Action(text="Fælles tavle"))
    review = library.exercises[REVIEW]
    second = follow_up(first, title="Opfølgning", date="2027-01-20", review=review)
    second = _votes(second, {1: [1, 2, 3, 4], 0: [5]})
    second = with_review(second, REVIEW, "a1", "status", "done")
    second = with_review(second, REVIEW, "a2", "status", "partly")
    second = carry_over(second, REVIEW, "a2")
    third = follow_up(second, title="Anden opfølgning", date="2027-04-14", review=review)
    third = _votes(third, {3: [1]})  # one voter: too few to show (min 3)
    third = with_review(third, REVIEW, "a1", "status", "dropped")
    return first, second, third


def test_a_recurring_vote_and_review_are_listed_per_session(library: Library) -> None:
    series = _series(library)
    trend = build_trend(series)
    (vote,) = trend.votes
    assert vote.id == VOTE and [s.date for s in vote.sessions] == ["2026-10-14", "2027-01-20", "2027-04-14"]
    options = [o.text.get("da") for o in series[0].exercise(VOTE).items]
    first, second, third = vote.runs
    assert [(o.text, o.count, o.winner) for o in first.options] == [
        (options[0], 3, True),
        (options[1], 2, False),
        (options[2], 1, False),
    ]
    assert [(o.text, o.count, o.winner) for o in second.options] == [
        (options[1], 4, True),
        (options[0], 1, False),
    ]
    assert third.status == "too_few" and third.options == ()  # held back, as the session's own summary
    (review,) = trend.reviews
    counts = [(r.session.date, r.actions, r.done, r.not_done, r.open, r.carried) for r in review.runs]
    assert counts[0] == ("2027-01-20", 3, 1, 1, 1, 1)
    assert counts[1][0] == "2027-04-14" and counts[1][3:] == (1, counts[1][1] - 1, 0)
    assert {x.id for x in trend.once}.isdisjoint({VOTE, REVIEW})
    runs = vote_runs(vote, "da")
    assert runs[0] == f"14. oktober 2026: ▲ {options[0]} (3), {options[1]} (2), {options[2]} (1)"
    assert runs[2] == "14. april 2027: for få svar til at vise (n = 1)"
    review_text = review_line(review, "da")
    assert (
        "20. januar 2027: 1 gennemført, 1 delvist, 0 ikke startede, 0 droppede, 1 ikke gennemgået, "
        "1 videreført (af 3)" in review_text
    )
    safe = markdown_safe(trend)
    md = render_trend_markdown(trend)
    safe_runs = "".join(f"\n  - {line}" for line in vote_runs(safe.votes[0], "da"))
    assert "## Afstemninger i flere sessioner" in md and f"- {safe.votes[0].label}{safe_runs}\n" in md
    assert "## Sidste gangs handlinger gennemgået i flere sessioner" in md and review_text in md
    for text in (render_trend_text(trend), render_trend_html(trend)):
        assert "Afstemninger i flere sessioner" in text and "Sidste gangs handlinger gennemgået" in text
        assert review_text in text
    assert f"  {vote.label}" + "".join(f"\n    {line}" for line in runs) in render_trend_text(trend)
    rows = list(csv.DictReader(io.StringIO(render_trend_csv(trend).lstrip("\ufeff")), delimiter=";"))
    votes = [
        (r["date"], r["line_id"], r["label"], r["n"], r["status"], r["verdict"])
        for r in rows
        if r["line"] == "vote"
    ]
    assert votes[:2] == [
        ("2026-10-14", "1", options[0], "3", "shown", "winner"),
        ("2026-10-14", "2", options[1], "2", "shown", ""),
    ]
    assert votes[-1] == ("2027-04-14", "", vote.label, "1", "too_few", "")
    reviews = [(r["date"], r["line_id"], r["n"]) for r in rows if r["line"] == "review"]
    assert reviews[:6] == [
        ("2027-01-20", "done", "1"),
        ("2027-01-20", "partly", "1"),
        ("2027-01-20", "not_started", "0"),
        ("2027-01-20", "dropped", "0"),
        ("2027-01-20", "open", "1"),
        ("2027-01-20", "carried", "1"),
    ]


def test_a_recurring_single_choice_lists_its_top_choices_in_english(library: Library) -> None:
    choice = library.exercises["grint-problem-types"]
    options = [o.id for o in choice.items]
    runs = []
    for date, picks in (("2026-10-14", [0, 0, 1, 2]), ("2027-01-20", [1, 1, 1, 0])):
        session = new_session(title="Fjordby", date=date, participants=4, exercises=[choice], language="en")
        for person, pick in enumerate(picks, start=1):
            session = session.with_score(choice.id, options[pick], f"p{person}", 1)
        runs.append(session)
    (vote,) = build_trend(runs).votes
    texts = [o.text.get("en") for o in choice.items]
    assert vote_runs(vote, "en") == (
        f"14 October 2026: ▲ {texts[0]} (2), {texts[1]} (1), {texts[2]} (1)",
        f"20 January 2027: ▲ {texts[1]} (3), {texts[0]} (1)",
    )
    assert "Votes in several sessions" in render_trend_text(build_trend(runs, lang="en"))


def test_a_vote_option_renders_as_text_in_markdown(library: Library) -> None:
    """An option's words are escaped as every other text (its field is not one of the id fields)."""
    vote = library.exercises[VOTE]
    first = vote.items[0]
    items = (replace(first, text=Text(da="Tid | <b>*ro*</b>", en="x")), *vote.items[1:])
    runs = []
    for date in ("2026-10-14", "2027-01-20"):
        session = new_session(title="F", date=date, participants=3, exercises=[replace(vote, items=items)])
        runs.append(_votes(session, {0: [1, 2, 3]}))
    md = render_trend_markdown(build_trend(runs))
    assert "Tid | <b>*ro*</b>" not in md and r"Tid \| &lt;b&gt;\*ro\*&lt;/b&gt; (3)" in md


def test_a_vote_with_long_options_lists_each_session_under_its_label(library: Library) -> None:
    """A vote whose options are sentences made one line of several hundred characters (words15):
    the label, then each session's top options after a ``·``. Each session is now an entry of
    its own under the vote's label, in Markdown, text and HTML."""
    vote = library.exercises[VOTE]
    long = "Vi mangler en fælles forståelse af, hvem der har ansvaret for borgerens udskrivning"
    items = (replace(vote.items[0], text=Text(da=long, en=long)), *vote.items[1:])
    runs = []
    for date in ("2026-10-14", "2027-01-20"):
        session = new_session(title="F", date=date, participants=3, exercises=[replace(vote, items=items)])
        runs.append(_votes(session, {0: [1, 2, 3]}))
    trend = build_trend(runs)
    (again,) = trend.votes
    first, second = (f"{d}: ▲ {long} (3)" for d in ("14. oktober 2026", "20. januar 2027"))
    assert f"- {again.label}\n  - {first}\n  - {second}\n" in render_trend_markdown(trend)
    assert f"  {again.label}\n    {first}\n    {second}\n" in render_trend_text(trend)
    assert f"<li>{again.label}<ul><li>{first}</li><li>{second}</li></ul></li>" in render_trend_html(trend)
    for text in (render_trend_markdown(trend), render_trend_text(trend)):
        assert not [x for x in text.splitlines() if "14. oktober 2026:" in x and "20. januar 2027:" in x]


def test_a_review_run_in_one_session_is_listed_with_its_counts(library: Library) -> None:
    """Found by explore14: run once, a review was listed under 'Kun kørt én gang' by its title alone."""
    first, second, _ = _series(library)
    trend = build_trend([first, second])
    assert not trend.reviews
    (once,) = [x for x in trend.once if x.id == REVIEW]
    assert once.review is not None
    assert (once.review.actions, once.review.done, once.review.not_done, once.review.carried) == (3, 1, 1, 1)
    statuses = "1 gennemført, 1 delvist, 0 ikke startede, 0 droppede, 1 ikke gennemgået"
    counts = f"20. januar 2027: {statuses}, 1 videreført (af 3)"
    assert once_line(once, "da") == f"{once.label} — {counts}"
    sheet = library.exercises["sheet-42"]
    third = replace(
        second, exercises={**second.exercises, sheet.id: sheet}, agenda=(*second.agenda, sheet.id)
    )
    (other,) = [x for x in build_trend([first, third]).once if x.id == "sheet-42"]
    assert other.review is None and once_line(other, "da") == other.label  # any other kind: as before
    for text in (render_trend_markdown(trend), render_trend_text(trend), render_trend_html(trend)):
        assert counts in text
    rows = list(csv.DictReader(io.StringIO(render_trend_csv(trend).lstrip("\ufeff")), delimiter=";"))
    onces = [
        (r["line_id"], r["n"], r["date"]) for r in rows if r["line"] == "once" and r["exercise_id"] == REVIEW
    ]
    assert onces == [
        ("", "", "2027-01-20"),
        ("done", "1", "2027-01-20"),
        ("partly", "1", "2027-01-20"),
        ("not_started", "0", "2027-01-20"),
        ("dropped", "0", "2027-01-20"),
        ("open", "1", "2027-01-20"),
        ("carried", "1", "2027-01-20"),
    ]
