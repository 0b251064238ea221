"""The rules of :mod:`workshop_tui.core.results.rules`, one test per rule, against hand-made cases.

Each figure the room or management sees is computed by one function; these tests
pin those functions, and the last ones check that the grid's, the projector's and
the export's readings of one session agree.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop_tui.core.kinds.grids import GridBody, PolesBody
from workshop_tui.core.model import Exercise, ExerciseAnswers, Item, Scale, Source, Text
from workshop_tui.core.results.rules import (
    TOP_COUNT,
    challenges,
    dimension_means,
    exercise_highlights,
    highlights,
    iso_date,
    judge_change,
    mode_switch,
    oriented,
    polarity_of,
    status_of,
)
from workshop_tui.core.results.stats import MIN_ANONYMOUS
from workshop_tui.core.results.summary import build_summary

SCALE = Scale(1, 5, Text("lav"), Text("høj"), inferred=False)


def grid(polarity: str = "neutral", items: tuple[Item, ...] = (), kind: str = "rating_grid") -> Exercise:
    return Exercise(
        id="x",
        version=1,
        kind=kind,  # type: ignore[arg-type]
        title=Text("X"),
        source=Source("f.txt", "1-2"),
        body=PolesBody() if kind == "bipolar" else GridBody(),
        scale=SCALE,
        items=items or tuple(Item(f"i{n}", Text(f"punkt {n}")) for n in range(1, 7)),
        polarity=polarity,  # type: ignore[arg-type]
    )


def answered(exercise: Exercise, means: dict[str, list[int]]) -> ExerciseAnswers:
    answers = ExerciseAnswers()
    for item_id, scores in means.items():
        for n, score in enumerate(scores):
            answers = answers.with_score(item_id, f"p{n}", score)
    return answers


def test_polarity_of_items() -> None:
    produced = Item("a", Text("a"), polarity="produced")
    not_produced = Item("b", Text("b"), polarity="not_produced")
    reverse = Item("c", Text("c"), reverse=True)
    own = Item("d", Text("d"), polarity="neutral")
    plain = Item("e", Text("e"))
    positive = grid("positive", (produced, not_produced, reverse, own, plain))
    assert [polarity_of(positive, i) for i in positive.items] == [
        "positive",
        "negative",
        "negative",
        "neutral",
        "positive",
    ]
    negative = grid("negative", (reverse, plain))
    assert [polarity_of(negative, i) for i in negative.items] == ["positive", "negative"]
    assert polarity_of(grid("neutral", (reverse,)), reverse) == "negative"


def test_oriented_turns_only_negative_means() -> None:
    assert oriented(4.0, SCALE, "negative") == 2.0
    assert oriented(4.0, SCALE, "positive") == 4.0
    assert oriented(4.0, SCALE, "neutral") == 4.0
    assert oriented(None, SCALE, "negative") is None


def test_status_of_blind_empty_too_few_shown() -> None:
    assert status_of(False, 10, named=False, minimum=MIN_ANONYMOUS) == "blind"
    assert status_of(True, 0, named=True, minimum=MIN_ANONYMOUS) == "empty"
    assert status_of(True, MIN_ANONYMOUS - 1, named=False, minimum=MIN_ANONYMOUS) == "too_few"
    assert status_of(True, MIN_ANONYMOUS - 1, named=True, minimum=MIN_ANONYMOUS) == "shown"
    assert status_of(True, MIN_ANONYMOUS, named=False, minimum=MIN_ANONYMOUS) == "shown"


def test_highlights_rule() -> None:
    n = dict.fromkeys("abcdefg", 5)
    # Tie for third: both are in, and the list says it is longer because of the tie.
    found = highlights({"a": 5.0, "b": 4.0, "c": 3.0, "d": 3.0, "e": 2.0, "f": 1.5, "g": 1.0}, n)
    assert found.top == ("a", "b", "c", "d") and found.top_tied
    assert found.bottom == ("g", "f", "e") and not found.bottom_tied
    assert found.ranks == {"a": 1, "b": 2, "c": 3, "d": 3, "e": 5, "f": 6, "g": 7}
    # Only three items with enough answers: nothing stands out, but they are ranked.
    few = highlights({"a": 5.0, "b": 4.0, "c": 3.0, "d": 2.0}, {**n, "d": MIN_ANONYMOUS - 1})
    assert (few.top, few.bottom) == ((), ()) and few.ranks == {"a": 1, "b": 2, "c": 3}
    # Four items: the best three, and the weakest one only (never an item on both lists).
    four = highlights({"a": 5.0, "b": 4.0, "c": 3.0, "d": 2.0}, n)
    assert four.top == ("a", "b", "c") and four.bottom == ("d",)
    # Everything tied: a list of every item says nothing.
    flat = highlights(dict.fromkeys("abcde", 3.0), n)
    assert (flat.top, flat.bottom) == ((), ())
    # Unanswered items are not ranked.
    assert "z" not in highlights({"z": None, **dict.fromkeys("abcd", 1.0)}, n).ranks


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.none(), st.integers(1, 5).map(float)), min_size=0, max_size=12))
def test_highlights_properties(means: list[float | None]) -> None:
    values = {f"i{k}": v for k, v in enumerate(means)}
    found = highlights(values, dict.fromkeys(values, MIN_ANONYMOUS))
    assert not set(found.top) & set(found.bottom)
    counted = [v for v in means if v is not None]
    if found.top:
        assert len(found.top) >= TOP_COUNT and len(found.top) < len(counted)
        worst_top = min(values[i] or 0 for i in found.top)
        assert all((values[i] or 0) <= worst_top for i in values if i not in found.top and values[i])
    for item_id in found.bottom:
        assert all((values[t] or 0) >= (values[item_id] or 0) for t in found.top)


def test_highlights_read_polarity_on_an_exercise() -> None:
    resistance = grid("negative")
    answers = answered(
        resistance,
        {"i1": [5, 5, 5], "i2": [4, 4, 4], "i3": [3, 3, 3], "i4": [2, 2, 2], "i5": [1, 1, 1], "i6": [1, 2]},
    )
    found = exercise_highlights(resistance, answers)
    assert found.directed
    assert found.top == ("i5", "i4", "i3")  # least resistance is best
    assert found.bottom == ("i1", "i2")  # i3 is in the top list already; i6 has two answers
    assert [i for i, _ in challenges(resistance, answers)] == ["i1", "i2"]
    assert exercise_highlights(resistance, answers.with_blind(True)).top == ()
    neutral = grid("neutral")
    plain = exercise_highlights(neutral, answers)
    assert not plain.directed and plain.top == ("i1", "i2", "i3")
    assert [i for i, _ in challenges(neutral, answers)] == ["i1", "i2", "i3"]
    # A one-question scale or a bipolar placement has ranks but no lists.
    assert exercise_highlights(grid("positive", kind="bipolar"), answers).top == ()


def test_dimension_means_weigh_items_and_turn_negative_ones() -> None:
    items = (
        Item("p1", Text("a"), dimension="kurs", polarity="produced"),
        Item("p2", Text("b"), dimension="kurs", polarity="produced"),
        Item("n1", Text("c"), dimension="kurs", polarity="not_produced"),
    )
    from workshop_tui.core.model import Dimension

    exercise = Exercise(
        id="kkc",
        version=1,
        kind="statement_diagnostic",
        title=Text("K"),
        source=Source("f", "1"),
        scale=SCALE,
        items=items,
        body=GridBody(dimensions=(Dimension("kurs", Text("Kurs")),)),
        polarity="positive",
    )
    found = dimension_means(exercise, {"p1": 4.0, "p2": 2.0, "n1": 5.0})["kurs"]
    assert found.produced == pytest.approx(3.0)
    assert found.not_produced == pytest.approx(5.0)
    assert found.mean == pytest.approx((4 + 2 + 1) / 3)


@pytest.mark.parametrize(
    ("change", "polarity", "word"),
    [
        (-1.57, "negative", "better"),  # less resistance
        (-1.0, "positive", "worse"),
        (0.5, "positive", "better"),
        (0.5, "negative", "worse"),
        (0.5, "neutral", "higher"),
        (-0.5, "neutral", "lower"),
        (0.004, "positive", "same"),
        (None, "positive", None),
    ],
)
def test_judge_change(change: float | None, polarity: str, word: str | None) -> None:
    assert judge_change(change, polarity) == word


def test_iso_date_only() -> None:
    assert iso_date("2027-01-20") == date(2027, 1, 20)
    assert iso_date(" 2027-01-20 ") == date(2027, 1, 20)
    for text in ("næste uge", "uge 14", "20270120", "2027-02-30", "027-01-20", "", "2027-1-2"):
        assert iso_date(text) is None, text


def test_mode_switch_asks_only_when_what_is_shown_changes() -> None:
    exercise = grid()
    empty = ExerciseAnswers()
    assert mode_switch(exercise, empty) is None
    typed = answered(exercise, {"i1": [4, 5, 5]})
    asked = mode_switch(exercise, typed)
    assert asked is not None and (asked.target, asked.typed, asked.tallied) == ("tally", 3, 0)
    assert asked.counted_after == "participant"  # no tally yet: the entered scores still count
    tallied = typed.with_mode("tally")
    assert tallied.counted_mode == "participant" and tallied.values_for("i1") == [4, 5, 5]
    # Back before any count: the figures used the entered scores all along, so nothing to ask.
    assert mode_switch(exercise, tallied) is None
    assert mode_switch(exercise, answered(exercise, {}).with_tally("i1", 2, 3)) is None
    tallied = tallied.with_tally("i1", 2, 3)
    assert tallied.counted_mode == "tally" and tallied.values_for("i1") == [2, 2, 2]
    back = mode_switch(exercise, tallied)
    assert back is not None and back.target == "participant" and back.counted_after == "participant"
    same = typed.with_tally("i1", 4, 1).with_tally("i1", 5, 2)
    assert mode_switch(exercise, same) is None  # both modes hold the same scores


def test_legend_names_every_symbol() -> None:
    from workshop_tui.core.results.rules import legend

    assert [line[0] for line in legend(True, "da")] == ["▲", "▼", "⚡"]
    assert "bedste" in legend(True, "da")[0] and "highest" in legend(False, "en")[0]


def test_bottom_list_ids_survive_markdown_escaping() -> None:
    from workshop_tui.core.storage.sessions import new_session
    from workshop_tui.export.markdown import render_markdown

    # Ids with "_" would be escaped as text ("item\_5") and no longer found in the summary.
    items = tuple(Item(f"item_{n}", Text(f"punkt {n}")) for n in range(1, 7))
    exercise = grid("negative", items)
    session = new_session(title="T", date="2026-01-01", exercises=[exercise], participants=3)
    assert len(session.participants) == 3  # the loop below scores every item
    for n, item in enumerate(items, start=1):
        for person in session.participants:
            session = session.with_score("x", item.id, person.id, min(5, n))
    md = render_markdown(build_summary(session))
    assert "▼ De 3 svageste" in md and "punkt 5" in md
