"""The summary builder against hand-computed figures, and its anonymity rules."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pytest

from workshop_tui.core.model import Action, Session
from workshop_tui.core.results.stats import MIN_ANONYMOUS
from workshop_tui.core.results.summary import build_summary, participant_labels
from workshop_tui.core.results.summary_model import TALLY_LABEL
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import new_session

NAMES = ["Zelda Quist", "Yrsa Vognsen", "Xenia Ulfeldt", "Wilhelm Thygesen"]


def scored(session: Session, exercise: str, item: str, scores: list[int]) -> Session:
    """Give ``scores`` to ``item``, one participant each (p1, p2, …)."""
    for index, score in enumerate(scores, start=1):
        session = session.with_score(exercise, item, f"p{index}", score)
    return session


@pytest.fixture
def session(library: Library) -> Session:
    """Four named participants, two groups, the seminar programme, hand-made answers."""
    programme = library.default_programme()
    assert programme is not None
    s = new_session(
        title="Prøve før",
        date="2026-03-01",
        exercises=[library.exercises[e] for e in programme.exercises],
        participants=NAMES,
        groups=["Bord 1", "Bord 2"],
        timestamp="2026-03-01T09:00:00+00:00",
    )
    s = scored(s, "resistance", "trust", [3, 4, 4, 5])  # mean 4, median 4, sd √(2/4)
    s = scored(s, "resistance", "necessity", [3])  # a single answer: withheld
    s = scored(s, "resistance", "values", [1, 5])  # two answers: withheld
    s = scored(s, "resistance", "control", [1, 1, 5, 5])  # split, mean 3
    s = scored(s, "resistance", "failure", [3, 3, 3, 3])  # mean 3: tied with control
    s = scored(s, "resistance", "status", [2, 3, 3, 4])  # mean 3: tied as well
    s = s.with_note("resistance", "trust", "Mellem visitation og hjemmepleje")
    s = scored(s, "commitment", "value", [7, 8, 8, 10])
    # K/K/C: kurs produced means 2, 3, 4 -> 3.0; not produced 5, 4 -> 4.5 (neg.3 unanswered)
    s = scored(s, "kkc-indicators", "kurs.pos.1", [2, 2, 2, 2])
    s = scored(s, "kkc-indicators", "kurs.pos.2", [3, 3, 3, 3])
    s = scored(s, "kkc-indicators", "kurs.pos.3", [4, 4, 4, 4])
    s = scored(s, "kkc-indicators", "kurs.neg.1", [5, 5, 5, 5])
    s = scored(s, "kkc-indicators", "kurs.neg.2", [4, 4, 4, 4])
    s = s.with_closing("tension-fields", "g2", "Økonomien fylder mest")
    s = s.with_text("sheet-42", "g1", "1", "Vores opgave\nto linjer")
    s = s.with_challenge("sheet-45", "g1", "Tillid ved udskrivning")
    s = s.with_action("sheet-45", "g1", 0, Action("Ring fredag", "Zelda", "2026-04-01"))
    s = s.with_action("sheet-45", "g1", 2, Action("Skyggedag", "", "14.4.2027"))
    return s.with_facilitator_note("resistance", "Hemmelig note")


def test_agenda_order_and_kinds(session: Session) -> None:
    summary = build_summary(session)
    assert [x.id for x in summary.exercises] == list(session.agenda)
    for exercise in summary.exercises:
        parts = [exercise.scored, exercise.reflection, exercise.actions, exercise.votes, exercise.table]
        assert sum(p is not None for p in parts) == 1


def test_item_figures_hand_computed(session: Session) -> None:
    part = build_summary(session).exercise("resistance").scored
    assert part is not None
    s = part.item("trust").stats
    assert (s.n, s.mean, s.median, s.minimum, s.maximum) == (4, 4.0, 4.0, 3, 5)
    assert s.sd == pytest.approx(math.sqrt(2 / 4))
    assert s.distribution == ((1, 0), (2, 0), (3, 1), (4, 2), (5, 1))
    assert not s.split  # nobody in the bottom third
    assert part.item("control").stats.split  # 1, 1, 5, 5: two camps
    assert part.item("trust").note == "Mellem visitation og hjemmepleje"


def test_fewer_than_three_answers_are_withheld(session: Session) -> None:
    part = build_summary(session).exercise("resistance").scored
    assert part is not None
    for item_id, n in (("necessity", 1), ("values", 2)):
        item = part.item(item_id)
        assert n < MIN_ANONYMOUS
        assert item.status == "too_few" and item.stats.n == n
        s = item.stats
        assert (s.mean, s.median, s.minimum, s.maximum, s.sd) == (None,) * 5
        assert s.distribution == () and item.scores == () and item.rank is None
    assert part.item("possibility").status == "empty"


def test_named_lifts_the_threshold_and_shows_names(session: Session) -> None:
    part = build_summary(session, named=True).exercise("resistance").scored
    assert part is not None
    values = part.item("values")
    assert values.status == "shown" and values.stats.mean == 3.0
    assert {(s.label, s.value) for s in values.scores} == {("Zelda Quist", 1), ("Yrsa Vognsen", 5)}


def test_anonymous_scores_cannot_be_lined_up_across_items(session: Session) -> None:
    assert participant_labels(session, named=False) == {}
    part = build_summary(session).exercise("resistance").scored
    assert part is not None
    for item in part.items:
        assert [s.label for s in item.scores] == [""] * len(item.scores)
        assert [s.value for s in item.scores] == sorted(s.value for s in item.scores)
    assert [s.value for s in part.item("trust").scores] == [3, 4, 4, 5]


def test_ranks_follow_polarity_and_ties_share_a_rank(session: Session) -> None:
    part = build_summary(session).exercise("resistance").scored
    assert part is not None and part.directed
    # Resistance is negative: less is better. failure, status, control (3.0) tie for best;
    # trust (4.0, the most resistance) is the weakest. The order every list reads (profile,
    # wall) is the ranks' (results.item_order), best first; the profile keeps the plain means.
    assert part.ranking[:4] == ("failure", "status", "control", "trust")
    assert [part.item(i).rank for i in part.ranking[:4]] == [1, 1, 1, 4]
    assert part.top == ("failure", "status", "control")
    assert part.bottom == ("trust",)
    assert part.item("trust").oriented_mean == pytest.approx(2.0)
    assert set(part.ranking[4:]) == {"necessity", "values", "possibility", "economic-threat", "cost-benefit"}


def test_kkc_profile_is_produced_against_not_produced(session: Session) -> None:
    part = build_summary(session).exercise("kkc-indicators").scored
    assert part is not None
    kurs = next(d for d in part.dimensions if d.id == "kurs")
    assert kurs.produced == pytest.approx(3.0)
    assert kurs.not_produced == pytest.approx(4.5)
    # The dimension's mean reads "not produced" statements turned round: 5 -> 1, 4 -> 2.
    assert kurs.mean == pytest.approx((2 + 3 + 4 + 1 + 2) / 5)
    assert kurs.produced_label == "Hvis der produceres kurs"
    other = next(d for d in part.dimensions if d.id == "commitment")
    assert (other.produced, other.not_produced) == (None, None)
    # Best after polarity: pos.3 (4), pos.2 (3), then pos.1 and neg.2 tied at 2 (both in);
    # the weakest is neg.1 ("Der mangler enighed om prioriteter" scored 5), never a top item.
    assert part.top == ("kurs.pos.3", "kurs.pos.2", "kurs.pos.1", "kurs.neg.2")
    assert part.bottom == ("kurs.neg.1",)


def test_commitment_distribution(session: Session) -> None:
    part = build_summary(session).exercise("commitment").scored
    assert part is not None and len(part.items) == 1
    s = part.items[0].stats
    assert s.mean == 8.25 and s.median == 8.0
    assert dict(s.distribution) == {**{v: 0 for v in range(1, 11)}, 7: 1, 8: 2, 10: 1}


def test_texts_closing_reflection_and_actions(session: Session) -> None:
    summary = build_summary(session)
    tension = summary.exercise("tension-fields").scored
    assert tension is not None
    assert [(c.group, c.text) for c in tension.closing] == [("Bord 2", "Økonomien fylder mest")]
    sheet = summary.exercise("sheet-42").reflection
    assert sheet is not None
    box = sheet.boxes[0]
    assert [(a.group, a.text) for a in box.answers] == [("Bord 1", "Vores opgave\nto linjer"), ("Bord 2", "")]
    actions = summary.exercise("sheet-45").actions
    assert actions is not None
    first = actions.groups[0]
    assert first.challenge == "Tillid ved udskrivning"
    assert [(a.text, a.owner, a.due) for a in first.actions] == [
        ("Ring fredag", "", "2026-04-01"),  # anonymous: the owner is a name, left out
        ("Skyggedag", "", "2027-04-14"),
    ]
    assert actions.groups[1].actions == ()
    named = build_summary(session, named=True).exercise("sheet-45").actions
    assert named is not None
    assert [a.owner for a in named.groups[0].actions] == ["Zelda", ""]


def test_facilitator_notes_only_when_asked(session: Session) -> None:
    assert build_summary(session).exercise("resistance").facilitator_note == ""
    noted = build_summary(session, include_notes=True)
    assert noted.exercise("resistance").facilitator_note == "Hemmelig note"


def test_blind_exercise_never_revealed_is_withheld(session: Session) -> None:
    blind = session.with_blind("resistance", True)
    part = build_summary(blind).exercise("resistance").scored
    assert part is not None
    assert {i.status for i in part.items} == {"blind"}
    assert all(i.stats.mean is None and not i.scores for i in part.items)
    shown = build_summary(blind.with_revealed("resistance", True)).exercise("resistance").scored
    assert shown is not None and shown.item("trust").stats.mean == 4.0


def test_tally_mode(session: Session) -> None:
    s = session.with_mode("resistance", "tally")
    s = s.with_tally("resistance", "trust", 2, 3).with_tally("resistance", "trust", 5, 1)
    part = build_summary(s).exercise("resistance").scored
    assert part is not None and part.mode == "tally"
    trust = part.item("trust")
    assert trust.stats.n == 4 and trust.stats.mean == 2.75
    assert [(x.label, x.value) for x in trust.scores] == [(TALLY_LABEL, 2)] * 3 + [(TALLY_LABEL, 5)]


def test_empty_session_has_no_figures(small_session: Session) -> None:
    summary = build_summary(small_session)
    for exercise in summary.exercises:
        if exercise.scored is not None:
            assert {i.status for i in exercise.scored.items} == {"empty"}
            assert exercise.scored.top == ()


def test_demo_summary_matches_the_session(demo: Session) -> None:
    summary = build_summary(demo)
    for exercise in summary.exercises:
        if exercise.scored is None:
            continue
        answers = demo.answers_for(exercise.id)
        for item in exercise.scored.items:
            values = answers.values_for(item.id)
            assert item.stats.n == len(values)
            if item.shown:
                assert item.stats.mean == pytest.approx(sum(values) / len(values))
                assert sorted(s.value for s in item.scores) == sorted(values)


def test_summary_and_export_do_not_load_textual_or_rich() -> None:
    code = (
        "import sys, workshop_tui.core.results.summary, workshop_tui.export.files,"
        " workshop_tui.export.commands\n"
        "print(','.join(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_one_mode_key_press_never_blanks_the_summary(session: Session) -> None:
    from workshop_tui.export.markdown import render_markdown

    tallied = session.with_mode("resistance", "tally")
    part = build_summary(tallied).exercise("resistance").scored
    assert part is not None and part.mode == "participant" and not part.other_mode
    assert part.item("trust").stats.mean == 4.0  # the entered scores still count
    counted = tallied.with_tally("resistance", "trust", 2, 5)
    part = build_summary(counted).exercise("resistance").scored
    assert part is not None and part.mode == "tally" and part.other_mode
    assert part.item("trust").stats.mean == 2.0
    md = render_markdown(build_summary(counted))
    assert "talt op i rummet" in md and "Der findes også enkeltvis indtastede scorer" in md
    assert "Scorerne er indtastet enkeltvis" in render_markdown(build_summary(tallied))


def test_due_dates_are_dates_only_when_iso(session: Session, tmp_path: Path) -> None:
    from workshop_tui.core.storage.sessions import load_session, save_session
    from workshop_tui.export.csv import render_csv
    from workshop_tui.export.markdown import render_markdown

    # The model now refuses free-text dates; a file from an older version may still hold one.
    path = tmp_path / "older.toml"
    save_session(session, path)
    path.write_text(path.read_text(encoding="utf-8").replace('"2027-04-14"', '"uge 14"'), encoding="utf-8")
    session = load_session(path)
    md = render_markdown(build_summary(session))
    assert "1. april 2026" in md  # "2026-04-01"
    assert "| uge 14 |" not in md and "- Handling 2: uge 14" in md  # the second listed action
    csv = render_csv(build_summary(session))
    assert ";2026-04-01" in csv and "due_text" in csv and ";uge 14" in csv


def test_kind_labels_are_one_table() -> None:
    from workshop_tui.core.i18n import find, t
    from workshop_tui.core.model import KINDS

    for kind in KINDS:
        for lang in ("da", "en"):
            label = find(f"kind.{kind}", lang)
            assert label and t(f"kind.{kind}", lang) == label != f"kind.{kind}"
