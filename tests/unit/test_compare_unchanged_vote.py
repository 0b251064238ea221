"""``workshop compare`` of a vote none of whose options moved: a vote with "no change", not a scale 0–0.

Without ``--all`` the unchanged options are hidden, and the renderers decided "vote" by having
options to show: an unchanged vote was drawn as an empty scored exercise ("Skala 0–0").
They now decide by the exercise's kind (``ExerciseChange.is_vote``) and say "no change" when
every option (or item) is hidden (``ExerciseChange.hidden_text``, one rule for all three formats).
"""

from __future__ import annotations

from dataclasses import replace

from workshop_tui.core.i18n import t
from workshop_tui.core.model import Session
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import new_session
from workshop_tui.export.compare import compare_sessions
from workshop_tui.export.compare_render import render_compare_html, render_compare_markdown
from workshop_tui.export.compare_text import render_text
from workshop_tui.export.html_text import said as as_html
from workshop_tui.export.markdown_escape import md_text


def _same_vote_twice(library: Library) -> tuple[Session, Session]:
    vote = library.exercises["challenges-dot-vote"]
    sessions = []
    for date in ("2026-03-01", "2026-09-01"):
        session = new_session(title="F", date=date, participants=3, exercises=[vote])
        for person in range(1, 4):
            session = session.with_score(vote.id, vote.items[0].id, f"p{person}", 1)
        sessions.append(session)
    return sessions[0], sessions[1]


def test_an_unchanged_vote_is_a_vote_that_says_no_change(library: Library) -> None:
    comparison = compare_sessions(*_same_vote_twice(library))
    (change,) = comparison.exercises
    assert change.options == () and change.hidden > 0 and change.is_vote
    said = t("export.cmp.no_change", "da", n=change.hidden)
    text, md, html = (
        render_text(comparison),
        render_compare_markdown(comparison),
        render_compare_html(comparison),
    )
    scale = t("export.scale", "da")
    for shown in (text, md, html):
        assert "0–0" not in shown
    assert said in text and said in md and as_html(said) in html  # its --all kept whole (html_text.said)
    assert scale not in md and scale not in html and scale.lower() not in text
    assert t("export.cmp.by_dots", "da") not in md + html + text  # no figures to introduce


def test_a_vote_with_a_moved_option_still_says_how_many_are_hidden(library: Library) -> None:
    before, after = _same_vote_twice(library)
    vote = library.exercises["challenges-dot-vote"]
    after = after.with_score(vote.id, vote.items[1].id, "p1", 1)
    (change,) = compare_sessions(before, after).exercises
    assert change.options and change.hidden_text("da") == t("export.cmp.hidden", "da", n=change.hidden)


def test_the_scale_changed_line_is_escaped_in_markdown(library: Library) -> None:
    """The bold line saying the scale changed goes through the one escape (``markdown_safe``)."""
    commitment = library.exercises["commitment"]
    assert commitment.scale is not None
    wider = replace(commitment, scale=replace(commitment.scale, min=0))
    before = new_session(title="F", date="2026-03-01", participants=3, exercises=[commitment])
    after = new_session(title="F", date="2026-09-01", participants=3, exercises=[wider])
    comparison = compare_sessions(before, after)
    (change,) = comparison.exercises
    hostile = replace(change, scale_changed="*1–10* <b>|x|</b>")
    md = render_compare_markdown(replace(comparison, exercises=(hostile,)))
    assert f"**{md_text(hostile.scale_changed)}**" in md and "<b>" not in md
