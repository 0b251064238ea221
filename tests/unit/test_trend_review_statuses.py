"""The trend's action reviews tell each review status apart: done, partly, not started, dropped.

"ikke gennemført" (not done) lumped together an action half done, one never started and one the
group decided to drop; a manager reading the trend needs them apart (a dropped action is a
decision, not a delay). Every status the model knows (``action_review.STATUSES``) and the actions
not reviewed are counted, in Markdown, text, HTML and CSV (a row per status), and add up to the
number of actions.
"""

from __future__ import annotations

import csv
import io

from workshop_tui.core.kinds.action_review import STATUSES, carry_over, with_review
from workshop_tui.core.model import Session
from workshop_tui.core.model.answers import Action
from workshop_tui.core.results.trends import build_trend
from workshop_tui.core.storage.follow_up import follow_up
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import new_session
from workshop_tui.export.trend import render_trend_csv, render_trend_markdown, render_trend_text, review_count
from workshop_tui.export.trend_html import render_trend_html

REVIEW = "action-review"


def _series(library: Library, lang: str = "da") -> tuple[Session, Session, Session]:
    """Six actions; the first follow-up gives each status once (and leaves two unreviewed), the second
    reviews the two it carried over and the one it left."""
    first = new_session(
        title="Fjordby",
        date="2026-10-14",
        participants=3,
        groups=["Bord 1", "Bord 2"],
        exercises=[library.exercises["sheet-45"]],
        language=lang,
    )
    texts = ("Fredagsmøde", "Skyggedag", "Tavle", "Kaffe", "Mail", "Plan")
    for number, text in enumerate(texts):
        first = first.with_action("sheet-45", f"g{number // 3 + 1}", number % 3, Action(text=text))
    review = library.exercises[REVIEW]
    second = follow_up(first, title="Opfølgning", date="2027-01-20", review=review)
    for action, status in zip(
        ("a1", "a2", "a3", "a4"), ("done", "partly", "not_started", "dropped"), strict=True
    ):
        second = with_review(second, REVIEW, action, "status", status)
    second = carry_over(second, REVIEW, "a2")
    third = follow_up(second, title="Anden opfølgning", date="2027-04-14", review=review)
    return first, second, third


def test_each_review_status_is_counted_apart_and_the_counts_add_up(library: Library) -> None:
    (review,) = build_trend(_series(library)).reviews
    first = review.runs[0]
    assert dict(first.statuses) == {"done": 1, "partly": 1, "not_started": 1, "dropped": 1, "open": 2}
    assert [code for code, _ in first.statuses] == [*STATUSES, "open"]
    for run in review.runs:
        assert sum(n for _, n in run.statuses) == run.actions
        assert run.done + run.not_done + run.open == run.actions
    assert (first.not_done, first.carried) == (3, 1)


def test_every_format_names_each_status(library: Library) -> None:
    series = _series(library)
    trend = build_trend(series)
    statuses = "1 gennemført, 1 delvist, 1 ikke startet, 1 droppet, 2 ikke gennemgåede"
    counts = f"20. januar 2027: {statuses}, 1 videreført (af 6)"
    assert review_count(trend.reviews[0].runs[0], "da") == counts
    for text in (render_trend_markdown(trend), render_trend_text(trend), render_trend_html(trend)):
        assert counts in text and "ikke gennemført" not in text
    english = build_trend(series, lang="en")
    assert review_count(english.reviews[0].runs[0], "en") == (
        "20 January 2027: 1 done, 1 partly done, 1 not started, 1 dropped, 2 not reviewed, "
        "1 carried over (of 6)"
    )
    rows = list(csv.DictReader(io.StringIO(render_trend_csv(trend).lstrip("\ufeff")), delimiter=";"))
    reviews = [(r["line_id"], r["n"]) for r in rows if r["line"] == "review" and r["date"] == "2027-01-20"]
    assert reviews == [
        ("done", "1"),
        ("partly", "1"),
        ("not_started", "1"),
        ("dropped", "1"),
        ("open", "2"),
        ("carried", "1"),
    ]
    assert sum(int(n) for code, n in reviews if code != "carried") == 6


def test_each_status_word_agrees_with_its_count(library: Library) -> None:
    """explore21: "2 gennemført", "0 droppet", "2 videreført" read wrong in Danish; each count's
    word takes its number's form from the catalogue (``{n|gennemført|gennemførte}``), as the
    review screen's counts always did."""
    first, second, _ = _series(library)
    for action in ("a5", "a6"):
        second = with_review(second, REVIEW, action, "status", "done")
    second = carry_over(second, REVIEW, "a3")
    third = follow_up(second, title="Anden opfølgning", date="2027-04-14", review=library.exercises[REVIEW])
    (review,) = build_trend((first, second, third)).reviews
    said = review_count(review.runs[0], "da")
    assert said == (
        "20. januar 2027: 3 gennemførte, 1 delvist, 1 ikke startet, 1 droppet, 0 ikke gennemgåede, "
        "2 videreførte (af 6)"
    ), said
