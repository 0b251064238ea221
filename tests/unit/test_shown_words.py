"""One rule each for a date, an action without text, and a count of one, as people read them.

Dates were ISO on the screens and in the command line and long in the exports; a blank
action was nothing on the wall; "1 handlinger", "1 fil(er)" and "has actions 1 to 1" were
the words for a count of one.
"""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from workshop_tui.core.i18n import t
from workshop_tui.core.i18n.shown import action_facts, action_text, has_text, long_date
from workshop_tui.core.model import Action, Session
from workshop_tui.core.results.summary_model import ActionPart
from workshop_tui.core.text_safety import ShownCopies


@pytest.mark.parametrize(
    ("iso", "lang", "shown"),
    [
        ("2026-12-04", "da", "4. december 2026"),
        ("2026-12-04", "en", "4 December 2026"),
        ("2027-01-20", "da", "20. januar 2027"),
        ("uge 14", "da", "uge 14"),  # a date written as words in an old file is shown as written
        ("", "en", ""),
    ],
)
def test_one_long_date(iso: str, lang: str, shown: str) -> None:
    assert long_date(iso, lang) == shown


def test_the_exports_use_the_same_rule() -> None:
    from workshop_tui.export import strings

    assert strings.long_date is long_date


def test_an_action_without_text_says_so() -> None:
    assert not has_text("  \n") and has_text("Ring til Mette")
    assert action_text("", "da") == "(uden tekst)"
    assert action_text(" ", "en") == "(no text)"
    assert action_text("Ring til Mette", "da") == "Ring til Mette"


def test_action_facts_on_one_line() -> None:
    assert (
        action_facts("Mette\nDahl", "2027-01-20", "Gruppe 1", "da")
        == "Mette Dahl · 20. januar 2027 · Gruppe 1"
    )
    assert action_facts("", "uge 14", "", "en") == "uge 14"
    assert action_facts("", "", "", "en") == ""


def test_owner_and_due_are_shown_on_one_line() -> None:
    shown = ShownCopies()(Action(text="a", owner="Mette\nDahl", due="uge\n14"))
    assert (shown.owner, shown.due) == ("Mette Dahl", "uge 14")


@pytest.mark.parametrize(
    ("key", "lang", "values", "expected"),
    [
        (
            "series.cli.followed",
            "da",
            {"title": "X", "date": "d"},
            ["0 handlinger", "1 handling ", "2 handlinger"],
        ),
        ("series.cli.followed", "en", {"title": "X", "date": "d"}, ["0 actions", "1 action ", "2 actions"]),
        ("cli.exercises.ok", "da", {}, ["0 filer", "1 fil ", "2 filer"]),
        ("cli.exercises.ok", "en", {}, ["0 files", "1 file ", "2 files"]),
        ("tui.unsaved.question", "en", {"reason": "r"}, ["0 changes are", "1 change is", "2 changes are"]),
    ],
)
def test_counts_zero_one_two(key: str, lang: str, values: dict[str, object], expected: list[str]) -> None:
    for n, words in enumerate(expected):
        said = t(key, lang, n=n, **values)
        assert words in said, said
        assert "(s)" not in said and "(er)" not in said and "|" not in said


def test_review_counts_at_one() -> None:
    counts = dict.fromkeys(("done", "partly", "not_started", "dropped", "open", "overdue"), 1)
    assert t("series.review.counts", "da", **counts) == (
        "1 gennemført · 1 delvist · 1 ikke startet · 1 droppet · 1 ikke gennemgået — 1 forfalden"
    )
    counts = dict.fromkeys(counts, 2)
    assert "2 gennemførte" in t("series.review.counts", "da", **counts)


def test_range_of_one() -> None:
    assert t("refusal.action.range", "en", exercise="x", count=1, number=3) == (
        "exercise 'x' has only action 1, not 3"
    )
    assert "actions 1 to 2" in t("refusal.action.range", "en", exercise="x", count=2, number=3)


def test_no_choice_is_left_unresolved_in_either_catalogue() -> None:
    """Every ``{name|one|other}`` in the catalogues is well formed: no stray ``|`` after filling."""
    from workshop_tui.core.i18n import _CHOICE, catalogue

    for lang in ("da", "en"):
        for key, text in catalogue(lang).items():
            rest = _CHOICE.sub("", text)
            assert "{n|" not in rest and not any(f"{{{w}|" in rest for w in ("count", "total", "left")), key


def test_an_action_with_an_owner_but_no_text_says_so_everywhere_but_the_csv(small_session: Session) -> None:
    from workshop_tui.core.results.summary import build_summary
    from workshop_tui.export.csv import render_csv
    from workshop_tui.export.html import render_html
    from workshop_tui.export.markdown import render_markdown
    from workshop_tui.tui.screens.projector_texts import agreed_actions

    group = small_session.groups[0].id
    session = small_session.with_action("sheet-45", group, 0, Action("", "Anne", "2026-12-04"))
    summary = build_summary(session, named=True)  # owners only in a named edition (results.edition)
    md = render_markdown(summary)
    assert "| 1 | (uden tekst) | Anne | 4. december 2026 |" in md
    assert "| 1 | (uden tekst) | 4. december 2026 |" in render_markdown(build_summary(session))
    assert "<td>(uden tekst)</td>" in render_html(summary)
    rows = [line for line in render_csv(summary).splitlines() if "Anne" in line and "2026-12-04" in line]
    assert rows and "uden tekst" not in rows[0]  # the CSV keeps the cell empty and the date ISO
    part = next(x.part for x in summary.exercises if x.id == "sheet-45")
    assert isinstance(part, ActionPart)
    wall = agreed_actions(part, "da", 80)
    assert wall is not None
    console = Console(width=80, file=io.StringIO())
    console.print(wall)
    said = console.file.getvalue()  # type: ignore[attr-defined]
    assert "(uden tekst)" in said and "4. december 2026" in said


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_count_reads_right_at_0_1_and_2(lang: str) -> None:
    """No "(er)" or "(s)" left for a count; each text with a choice fills at 0, 1 and 2 with no ``|`` left."""
    import re
    import string

    from workshop_tui.core.i18n import _CHOICE, catalogue

    texts = catalogue(lang)
    assert [k for k, v in texts.items() if re.search(r"\((?:er|s|e|ne)\)", v)] == []
    chosen = {k: v for k, v in texts.items() if _CHOICE.search(v)}
    assert len(chosen) > 20
    for key, text in chosen.items():
        plain = _CHOICE.sub(lambda m: f"{{{m[1]}}} {m[2]} {m[3]}", text)
        names = {name for _, name, _, _ in string.Formatter().parse(plain) if name}
        for n in (0, 1, 2):
            said = t(key, lang, **dict.fromkeys(names, n))
            assert "|" not in said and "{" not in said, (key, n, said)
