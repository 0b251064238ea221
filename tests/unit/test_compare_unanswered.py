"""``workshop compare`` says how many shared items it compared when none moved, and leaves out
the items no one answered in either session unless ``--all``.

A pair of sessions with a few answers printed "no shared items with figures in both" when
there were some, all unchanged; and each never-answered item took a row of ``no answers →
no answers``, burying the few that moved. The count and the left-out items are core figures
(``Comparison.compared``, ``unanswered``), read by the text, Markdown and HTML alike.
"""

from __future__ import annotations

from workshop_tui.core.i18n import t
from workshop_tui.core.model import Session
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import new_session
from workshop_tui.export.compare import compare_sessions
from workshop_tui.export.compare_render import render_compare_html, render_compare_markdown
from workshop_tui.export.compare_text import render_text
from workshop_tui.export.html_text import said as as_html


def _pair(library: Library, after: int = 3) -> tuple[Session, Session]:
    """Two sessions of two scored exercises; only the first item of the first is answered:
    3 before, ``after`` after."""
    first, second = library.exercises["kkc-indicators"], library.exercises["closing-rating"]
    sessions = []
    for date, score in (("2026-03-01", 3), ("2026-09-01", after)):
        session = new_session(title="F", date=date, participants=3, exercises=[first, second])
        for person in range(1, 4):
            session = session.with_score(first.id, first.items[0].id, f"p{person}", score)
        sessions.append(session)
    return sessions[0], sessions[1]


def test_none_moved_says_how_many_were_compared(library: Library) -> None:
    comparison = compare_sessions(*_pair(library))
    assert comparison.moved == () and comparison.compared == 1
    for lang in ("da", "en"):
        said = t("export.cmp.none_moved_n", lang, n=1)
        assert "1" in said and said != t("export.cmp.none_moved", lang)
    said = t("export.cmp.none_moved_n", "da", n=1)
    for shown in (render_text(comparison), render_compare_markdown(comparison)):
        assert said in shown
    assert as_html(said) in render_compare_html(comparison)


def test_never_answered_items_are_left_out_unless_all(library: Library) -> None:
    before, after = _pair(library)
    comparison = compare_sessions(before, after)
    first, second = library.exercises["kkc-indicators"], library.exercises["closing-rating"]
    (change,) = comparison.exercises  # the second, never answered, is only named
    assert change.id == first.id and change.items == () and change.hidden == 1
    assert change.unanswered == len(first.items) - 1
    assert comparison.unanswered == (after.exercise(second.id).title.da,)
    text = render_text(comparison)
    assert t("export.status.empty", "da") not in text
    said = t("export.cmp.unanswered", "da", n=change.unanswered)
    for shown in (text, render_compare_markdown(comparison)):
        assert said in shown
    assert as_html(said) in render_compare_html(comparison)  # its --all kept whole (html_text.said)
    assert t("export.cmp.unanswered_list", "da") in text
    everything = compare_sessions(before, after, show_all=True)
    assert everything.unanswered == () and len(everything.exercises) == 2
    assert sum(len(c.items) for c in everything.exercises) > len(first.items)  # the scale: one item


def test_the_left_out_are_counted_beside_an_item_that_moved(library: Library) -> None:
    """Nothing unchanged hidden, only the never answered: the count is still said, in every format."""
    comparison = compare_sessions(*_pair(library, after=5))
    (change,) = comparison.exercises
    assert change.hidden == 0 and len(change.items) == 1 and change.unanswered > 0
    said = t("export.cmp.unanswered", "da", n=change.unanswered)
    for shown in (render_text(comparison), render_compare_markdown(comparison)):
        assert said in shown
    assert as_html(said) in render_compare_html(comparison)
