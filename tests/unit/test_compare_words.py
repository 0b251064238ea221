"""``workshop compare`` writes a change in the same words as Ctrl+L and ``workshop trend``.

Found by words15: the comparison's Markdown and HTML wrote the change's figure in one column
and its meaning in another ("±0,00" | "uændret", "+0,40" | "↑ bedre"), so a change read
"±0,00 uændret" in the trend report and on the screen but not in the comparison. Every
format now reads ``numbers.written_change``: one cell, the same words.
"""

from __future__ import annotations

from workshop_tui.core.results.numbers import written_change
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import new_session
from workshop_tui.export.compare import compare_sessions
from workshop_tui.export.compare_render import render_compare_html, render_compare_markdown
from workshop_tui.export.compare_text import render_text
from workshop_tui.export.html_text import e

from .test_compare import scored


def test_every_compare_format_writes_the_core_words(library: Library) -> None:
    ex = library.exercises
    chosen = [ex["resistance"], ex["power"], ex["grint-problem-types"]]
    before = new_session(title="F", date="2026-01-01", participants=5, exercises=chosen)
    after = new_session(title="F", date="2026-06-01", participants=5, exercises=chosen)
    before = scored(before, "resistance", "trust", [5, 5, 4, 4])
    after = scored(after, "resistance", "trust", [2, 3, 3, 3])  # better
    before = scored(before, "resistance", "control", [3, 3, 3])
    after = scored(after, "resistance", "control", [3, 3, 3])  # unchanged (shown with --all)
    weight = ex["power"].items[0].id
    before = scored(before, "power", weight, [2, 2, 2])
    after = scored(after, "power", weight, [4, 4, 4])  # neutral: higher
    options = [o.id for o in ex["grint-problem-types"].items]
    for n in range(1, 5):
        before = before.with_score("grint-problem-types", options[0], f"p{n}", 1)
        after = after.with_score("grint-problem-types", options[0 if n < 2 else 1], f"p{n}", 1)
    comparison = compare_sessions(before, after, show_all=True)
    items = [i for x in comparison.exercises for i in x.items]
    words = {written_change(i.mean_change, i.verdict, "da") for i in items}
    assert {"−1,75 ↓ bedre", "±0,00 uændret", "+2,00 ↑ højere"} <= words
    (vote,) = [x for x in comparison.exercises if x.options]
    assert vote.options[0].change_text("da") == "−75 procentpoint ↓ lavere"
    words |= {o.change_text("da") for o in vote.options}
    text = render_text(comparison)
    md = render_compare_markdown(comparison)
    html = render_compare_html(comparison)
    for said in words:
        assert said in text
        assert f"| {said} |" in md  # one cell, not the figure and its meaning apart
        if said != "–":  # a change not made (too few answers) is plain
            assert f">{e(said)}</span>" in html  # coloured by meaning, the words whole
    assert "Betydning" not in md and "Betydning" not in html


def test_the_terminal_says_each_date_as_the_files_do(library: Library) -> None:
    """explore21: ``workshop compare`` printed "Før: F (2026-01-01)" while its Markdown and HTML
    say "14. oktober 2026" (product20's one rule for dates); now the terminal says it alike."""
    chosen = [library.exercises["resistance"]]
    before = new_session(title="F", date="2026-01-01", participants=5, exercises=chosen)
    after = new_session(title="G", date="2026-06-01", participants=5, exercises=chosen)
    text = render_text(compare_sessions(before, after))
    assert "Før: F · 1. januar 2026" in text and "Efter: G · 1. juni 2026" in text, text
    assert "2026-01-01" not in text
