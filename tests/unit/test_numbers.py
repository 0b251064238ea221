"""The core's one rule for writing a figure (``core.results.numbers``) and where it held.

Before it, the grid and the wall rounded with Python's formatting (an exact half to the even
digit: 3.25 -> 3,2 but 3.75 -> 3,8), the exports did the same at two decimals (3.125 -> 3,12),
shares likewise (12.5 % -> 12 %, 37.5 % -> 38 %), and the action list's pick-list had a copy
of its own. A vote's pick-list also offered the dots of a vote too few had made.
"""

from __future__ import annotations

import pytest

from workshop_tui.core.model import Session
from workshop_tui.core.results.figures import PairGap
from workshop_tui.core.results.numbers import difference, figure, is_zero, percent, rounded, signed, turned
from workshop_tui.core.results.rules import challenges, judge_change
from workshop_tui.core.results.summary import build_summary
from workshop_tui.core.results.trends import Line, Point, build_trend
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import new_session
from workshop_tui.export.compare import OptionChange, compare_sessions
from workshop_tui.export.compare_render import render_compare_markdown
from workshop_tui.export.markdown import render_markdown
from workshop_tui.export.strings import number
from workshop_tui.tui.widgets.charts import fmt, localise


@pytest.mark.parametrize(
    ("value", "digits", "da"),
    [
        (3.25, 1, "3,3"),
        (3.75, 1, "3,8"),
        (2.5, 0, "3"),
        (3.125, 2, "3,13"),
        (3.375, 2, "3,38"),
        (0.145, 2, "0,15"),  # as written, not the binary 0.14499…
        (7 / 47, 1, "0,2"),  # 0.1489… is 0,15 in a report, so 0,2 on the wall (never 0,1)
        (10 / 3, 2, "3,33"),
        (-0.001, 2, "0,00"),
        (-1.25, 1, "-1,3"),
    ],
)
def test_half_up_as_written(value: float, digits: int, da: str) -> None:
    assert figure(value, "da", digits) == da
    assert figure(value, "en", digits) == da.replace(",", ".")


def test_every_surface_writes_the_same_figure() -> None:
    for value in (3.25, 3.75, 3.125, 4.45, 7 / 47, 2.675):
        assert localise(fmt(value), "da") == figure(value, "da", 1)  # grid and wall
        assert number(value, "da") == figure(value, "da", 2)  # exports
        assert localise(fmt(value, 2), "da") == number(value, "da")


def test_none_and_not_a_number_are_a_dash() -> None:
    assert figure(None, "da") == "–"
    assert figure(float("nan"), "da") == "–"
    assert figure(float("inf"), "da") == "–"
    assert percent(None) == "–"
    with pytest.raises(ValueError):
        rounded(float("inf"))


def test_shares_round_half_up() -> None:
    assert percent(1 / 8) == "13 %"
    assert percent(3 / 8) == "38 %"
    assert percent(29 / 200) == "15 %"
    assert percent(1 / 3) == "33 %"
    assert percent(1.0) == "100 %"


def test_a_change_that_shows_as_zero_is_no_change() -> None:
    assert signed(-0.001, "da") == "±0,00"
    assert signed(0.005, "da") == "+0,01"
    assert signed(-0.25, "en") == "−0.25"
    assert is_zero(0.004) and not is_zero(0.005)
    assert judge_change(0.004, "positive") == "same"
    assert judge_change(-0.005, "positive") == "worse"  # written −0,01: not 'the same'


def _voted(library: Library, voters: int, minimum: int = 3) -> list[tuple[str, float]]:
    vote = library.exercises["challenges-dot-vote"]
    session = new_session(
        title="Valg",
        date="2026-12-03",
        exercises=[vote],
        participants=5,
        timestamp="2026-12-03T09:00:00+00:00",
        session_id="valg",
        min_answers=minimum,
    )
    items = [i.id for i in vote.items]
    for n in range(1, voters + 1):
        session = session.with_score(vote.id, items[n % 2], f"p{n}", 1)
    session = session.with_blind(vote.id, False)
    return challenges(vote, session.answers_for(vote.id), minimum=session.min_answers)


def test_a_vote_too_few_made_offers_no_challenge(library: Library) -> None:
    # The wall and the exports hold a vote of two back; the pick-list showed its dots.
    assert _voted(library, 2) == []
    assert _voted(library, 3) != []
    assert _voted(library, 2, minimum=2) != []


def test_a_change_is_between_the_figures_as_written() -> None:
    assert difference(25 / 8, 47 / 15) == 0.0  # 3,13 and 3,13 (the means differ by 0.008)
    assert difference(109 / 35, 131 / 42) == 0.01  # 3,11 then 3,12 (the means differ by 0.005)
    line = Line("x", "x", "positive", (Point(8, 25 / 8, "shown"), Point(15, 47 / 15, "shown")))
    assert (line.change, line.verdict, line.since_first, line.spread) == (0.0, "same", 0.0, 0.0)
    up = Line("x", "x", "positive", (Point(35, 109 / 35, "shown"), Point(42, 131 / 42, "shown")))
    assert (up.verdict, up.spread) == ("better", 0.01)


def _rated(library: Library, scores: list[int], date: str) -> Session:
    session = new_session(
        title="Måling",
        date=date,
        exercises=[library.exercises["closing-rating"]],
        participants=len(scores),
        timestamp=f"{date}T09:00:00+00:00",
        session_id=f"maaling-{date}",
    )
    item = session.exercise("closing-rating").scored_items[0].id
    for n, score in enumerate(scores, start=1):
        session = session.with_score("closing-rating", item, f"p{n}", score)
    return session.with_blind("closing-rating", False)


def test_comparison_and_trend_see_no_change_between_equal_figures(library: Library) -> None:
    before = _rated(library, [3] * 7 + [4], "2026-10-01")  # 25/8: 3,13
    after = _rated(library, [3] * 14 + [5], "2026-12-01")  # 47/15: 3,13
    comparison = compare_sessions(before, after)
    assert comparison.exercises[0].items == ()  # unchanged at the two decimals shown: left out
    assert "+0,01" not in render_compare_markdown(compare_sessions(before, after, show_all=True))
    line = build_trend([before, after]).exercises[0].items[0]
    assert (line.change, line.verdict) == (0.0, "same")


def test_a_share_changes_by_the_whole_percents_shown() -> None:
    option = OptionChange("a", "A", 1 / 8, 0.134, single=True)  # 13 % then 13 %
    assert option.verdict == "same"
    assert OptionChange("a", "A", 0.124, 0.125, single=True).verdict == "higher"  # 12 % then 13 %


def test_a_pair_gap_is_between_the_sides_as_written() -> None:
    same = PairGap("x", 25 / 8, 47 / 15)  # 3,13 and 3,13
    assert signed(same.gap, "da") == "±0,00"
    apart = PairGap("x", 3.15, 25 / 8)  # the wall: 3,2 and 3,1 (from 3,15 and 3,13)
    assert signed(apart.gap, "da") == "+0,02"
    assert signed(apart.gap_at(1), "da", 1) == "+0,1"
    assert PairGap("x", None, 3.0).gap is None


def test_a_mean_and_its_turned_mean_add_up_as_written() -> None:
    for n in range(1, 41):
        for total in range(n, 5 * n + 1):
            mean = total / n
            both = rounded(mean) + rounded(turned(mean, 1, 5))
            assert both == 6, (total, n)


def test_the_reverse_table_adds_up(library: Library) -> None:
    exercise = library.exercises["psych-safety-statements"]
    session = new_session(
        title="Vendt",
        date="2026-12-03",
        exercises=[exercise],
        participants=8,
        timestamp="2026-12-03T09:00:00+00:00",
        session_id="vendt",
    )
    for n, score in enumerate([3] * 7 + [4], start=1):  # 25/8 = 3.125
        for item in exercise.scored_items:
            session = session.with_score(exercise.id, item.id, f"p{n}", score)
    session = session.with_blind(exercise.id, False)
    text = render_markdown(build_summary(session))
    reversed_rows = [line for line in text.splitlines() if line.startswith("| ↺")]
    assert reversed_rows and all(line.endswith("| 3,13 | 2,87 |") for line in reversed_rows), reversed_rows


def _reference(value: float, digits: int) -> str:
    """Half up as written, in decimal all the way (what the fast path must equal)."""
    from decimal import ROUND_HALF_UP, Decimal

    report = Decimal(repr(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    text = str(report.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))
    return text[1:] if text.startswith("-") and not text.strip("-0.") else text


def test_the_fast_path_rounds_as_decimal_does() -> None:
    import random

    rng = random.Random(13)
    values = [k / n for n in range(1, 401) for k in range(0, 10 * n + 1, max(1, n // 7))]
    values += [rng.uniform(-20, 20) for _ in range(20_000)]
    values += [round(rng.uniform(-10, 10), 3) for _ in range(20_000)]  # many ties as written
    values += [1e-5, -1e-7, 0.005, -0.005, 0.045, 2.675, 1.005, 12345.675, 0.0, -0.0]
    for value in values:
        for digits in (0, 1, 2):
            assert figure(value, "en", digits) == _reference(value, digits), (value, digits)


def test_whole_percents_round_as_decimal_does() -> None:
    from decimal import ROUND_HALF_UP, Decimal

    for n in range(1, 301):
        for k in range(n + 1):
            want = int((Decimal(repr(k / n)) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
            assert percent(k / n) == f"{want} %", (k, n)
