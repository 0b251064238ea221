"""``workshop compare`` says when an item was reworded, as the trend does, from the trend's one rule.

An item keeps its id when its text is reworded between two sessions; the comparison matches it
by id (the same item) and must say so, or a reader compares "Tillid" with a question nobody
asked. The note is the trend's (``rules.renamed_note``), in the terminal text, Markdown and HTML.
"""

from __future__ import annotations

from dataclasses import replace

from workshop_tui.core.model import Session, Text
from workshop_tui.core.results.rules import renamed_note
from workshop_tui.core.results.trends import build_trend
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import new_session
from workshop_tui.export.compare import compare_sessions
from workshop_tui.export.compare_render import render_compare_html, render_compare_markdown
from workshop_tui.export.compare_text import render_text


def _pair(library: Library, new_text: str) -> tuple[Session, Session]:
    """The same resistance exercise twice; in the second, the item "trust" is reworded (same id)."""
    resistance = library.exercises["resistance"]
    before = new_session(title="Før", date="2026-03-01", participants=4, exercises=[resistance])
    items = tuple(
        replace(i, text=Text(da=new_text, en=new_text)) if i.id == "trust" else i for i in resistance.items
    )
    after = new_session(
        title="Efter", date="2026-09-01", participants=4, exercises=[replace(resistance, items=items)]
    )
    for index in range(1, 5):
        before = before.with_score("resistance", "trust", f"p{index}", 2)
        after = after.with_score("resistance", "trust", f"p{index}", 2)  # unchanged mean: item hidden
    return before, after


def test_compare_says_an_item_was_reworded_in_every_format(library: Library) -> None:
    before, after = _pair(library, "Tillid <b>|ny|</b>")
    old = before.exercise("resistance").item("trust").text.da
    comparison = compare_sessions(before, after)
    (resistance,) = comparison.exercises
    note = renamed_note([old, "Tillid <b>|ny|</b>"], "da")
    assert note and resistance.renamed == (note,)
    assert note in render_text(comparison)
    md = render_compare_markdown(comparison)
    assert f"«{old}» hedder nu «Tillid &lt;b&gt;\\|ny\\|&lt;/b&gt;»" in md
    html = render_compare_html(comparison)
    assert f"«{old}» hedder nu «Tillid &lt;b&gt;|ny|&lt;/b&gt;»" in html
    assert "<b>|ny|" not in html


def test_compare_and_trend_say_it_in_the_same_words(library: Library) -> None:
    before, after = _pair(library, "Tillid (nyt navn)")
    (resistance,) = compare_sessions(before, after).exercises
    (trend,) = build_trend([before, after]).exercises
    assert resistance.renamed and set(resistance.renamed) <= set(trend.notes)


def test_an_item_with_the_same_text_has_no_note(library: Library) -> None:
    before, after = _pair(library, "x")
    same = compare_sessions(before, before)
    assert same.exercises[0].renamed == ()
    assert renamed_note(["a", "a"], "da") == ""
    assert renamed_note(["a", "b", "c"], "en") == renamed_note(["a", "c"], "en") != ""


def test_a_reworded_vote_option_is_said_to_be_renamed(library: Library) -> None:
    """A dot vote's option keeps its id when reworded; compare says so in every format."""
    vote = library.exercises["challenges-dot-vote"]
    first = vote.items[0]
    reworded = replace(vote, items=(replace(first, text=Text(da="Siloer | nyt", en="x")), *vote.items[1:]))
    sessions = []
    for date, exercise in (("2026-03-01", vote), ("2026-09-01", reworded)):
        session = new_session(title="F", date=date, participants=3, exercises=[exercise])
        for person in range(1, 4):
            session = session.with_score(vote.id, first.id, f"p{person}", 1)
        sessions.append(session)
    comparison = compare_sessions(*sessions)
    (change,) = comparison.exercises
    note = renamed_note([first.text.da, "Siloer | nyt"], "da")
    assert note and change.renamed == (note,)
    assert note in render_text(comparison)
    assert f"«{first.text.da}» hedder nu «Siloer \\| nyt»" in render_compare_markdown(comparison)
    assert f"«{first.text.da}» hedder nu «Siloer | nyt»" in render_compare_html(comparison)
