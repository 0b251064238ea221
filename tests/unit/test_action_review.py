"""Last time's actions reviewed: filled from the earlier session, statuses, overdue, carry-over, exports."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import pytest

from workshop_tui.core.kinds.action_review import (
    ReviewBody,
    carry_over,
    given,
    overdue,
    review_of,
    with_review,
)
from workshop_tui.core.model import Action, Session
from workshop_tui.core.model.refusal import ScoreError
from workshop_tui.core.results.summary import build_summary
from workshop_tui.core.results.summary_model import ReviewPart
from workshop_tui.core.storage.follow_up import follow_up
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import load_session, save_session
from workshop_tui.export.csv import render_csv
from workshop_tui.export.html import render_html
from workshop_tui.export.markdown import render_markdown

REVIEW = "action-review"


def _earlier(small_session: Session) -> Session:
    """The first day: two groups wrote trial actions on sheet 45."""
    first = replace(small_session, id="day-1", date="2026-09-01")
    first = first.with_action("sheet-45", "g1", 0, Action("Fælles visitationsmøde", "Hanne", "2026-10-01"))
    first = first.with_action("sheet-45", "g1", 1, Action("Ring til hjemmeplejen", "Bo", "2027-03-01"))
    return first.with_action("sheet-45", "g2", 0, Action("Tavlemøde om | <b>fredag</b>", "", ""))


def _follow_up(small_session: Session, library: Library) -> Session:
    return follow_up(
        _earlier(small_session),
        title="Opfølgning",
        date="2026-12-01",
        session_id="day-2",
        review=library.exercises[REVIEW],
    )


def test_the_follow_up_opens_with_every_action_of_last_time(small_session: Session, library: Library) -> None:
    later = _follow_up(small_session, library)
    assert later.agenda[0] == REVIEW and later.position.exercise == REVIEW
    actions = later.exercise(REVIEW).body_as(ReviewBody).actions
    assert [(a.id, a.text, a.owner, a.due, a.group) for a in actions] == [
        ("a1", "Fælles visitationsmøde", "Hanne", "2026-10-01", "Bord 1"),
        ("a2", "Ring til hjemmeplejen", "Bo", "2027-03-01", "Bord 1"),
        ("a3", "Tavlemøde om | <b>fredag</b>", "", "", "Bord 2"),
    ]
    assert {a.session for a in actions} == {"Prøve på tværs"} and {a.date for a in actions} == {"2026-09-01"}
    assert not later.answers
    assert library.exercises[REVIEW].body_as(ReviewBody).actions == ()  # the template stays empty


def test_no_review_when_last_time_had_no_actions(small_session: Session, library: Library) -> None:
    later = follow_up(small_session, title="x", date="2027-01-01", review=library.exercises[REVIEW])
    assert REVIEW not in later.agenda and later.agenda == small_session.agenda


def test_statuses_and_notes_are_checked_and_make_it_done(small_session: Session, library: Library) -> None:
    later = _follow_up(small_session, library)
    assert later.status(REVIEW) == "not_started"
    later = with_review(later, REVIEW, "a1", "status", "done")
    later = with_review(later, REVIEW, "a1", "note", "Kører hver anden tirsdag")
    assert later.status(REVIEW) == "in_progress"
    with pytest.raises(ScoreError, match="is not a status"):
        with_review(later, REVIEW, "a2", "status", "halvt")
    with pytest.raises(ScoreError):
        with_review(later, REVIEW, "a9", "status", "done")
    for action_id, status in (("a2", "not_started"), ("a3", "dropped")):
        later = with_review(later, REVIEW, action_id, "status", status)
    assert later.status(REVIEW) == "done"
    assert given(later, REVIEW, "a1", "note") == "Kører hver anden tirsdag"


@pytest.mark.parametrize(
    ("due", "status", "expected"),
    [
        ("2026-10-01", "", True),
        ("2026-10-01", "partly", True),
        ("2026-10-01", "not_started", True),
        ("2026-10-01", "done", False),
        ("2026-10-01", "dropped", False),
        ("2026-12-01", "", False),  # due on the day itself: not yet overdue
        ("2027-03-01", "not_started", False),
        ("uge 40", "", False),  # not a date: never called overdue
        ("", "", False),
    ],
)
def test_overdue_is_due_before_the_follow_up_and_not_closed(due: str, status: str, expected: bool) -> None:
    assert overdue(due, status, "2026-12-01") is expected


def test_carry_over_puts_the_action_in_todays_list_once(small_session: Session, library: Library) -> None:
    later = _follow_up(small_session, library)
    later = carry_over(later, REVIEW, "a2")
    assert later.answers_for("sheet-45").actions["g1"][0] == Action("Ring til hjemmeplejen", "Bo", "")
    assert given(later, REVIEW, "a2", "carried") == "yes"
    with pytest.raises(ScoreError, match="already"):
        carry_over(later, REVIEW, "a2")
    later = carry_over(later, REVIEW, "a3")  # Bord 2's action goes to Bord 2's list
    assert later.answers_for("sheet-45").actions["g2"][0].text == "Tavlemøde om | <b>fredag</b>"
    later = carry_over(later, REVIEW, "a1")
    assert [a.text for a in later.answers_for("sheet-45").actions["g1"]] == [
        "Ring til hjemmeplejen",
        "Fælles visitationsmøde",
    ]


def test_carry_over_refuses_a_full_list_and_a_session_without_one(
    small_session: Session, library: Library
) -> None:
    later = _follow_up(small_session, library)
    for index in range(3):
        later = later.with_action("sheet-45", "g1", index, Action(f"Ny {index}"))
    with pytest.raises(ScoreError, match="full"):
        carry_over(later, REVIEW, "a1")
    bare = replace(later, agenda=(REVIEW,))
    with pytest.raises(ScoreError, match="no action list"):
        carry_over(bare, REVIEW, "a1")


def test_open_actions_travel_to_the_next_follow_up(small_session: Session, library: Library) -> None:
    second = _follow_up(small_session, library)
    second = with_review(second, REVIEW, "a1", "status", "done")
    second = with_review(second, REVIEW, "a3", "status", "partly")
    second = carry_over(second, REVIEW, "a2")
    second = second.with_action("sheet-45", "g1", 1, Action("Nyt forsøg", "Dan", "2027-02-01"))
    third = follow_up(second, title="Tredje", date="2027-03-01", review=library.exercises[REVIEW])
    texts = [a.text for a in third.exercise(REVIEW).body_as(ReviewBody).actions]
    # the one left partly done travels on; done and carried ones do not; today's actions come after
    assert texts == ["Tavlemøde om | <b>fredag</b>", "Ring til hjemmeplejen", "Nyt forsøg"]
    assert third.agenda.count(REVIEW) == 1


def test_the_review_survives_its_session_file(
    small_session: Session, library: Library, tmp_path: Path
) -> None:
    later = with_review(_follow_up(small_session, library), REVIEW, "a1", "status", "partly")
    later = carry_over(later, REVIEW, "a1")
    path = tmp_path / "day-2.toml"
    save_session(later, path)
    again = load_session(path)
    assert again == later


def test_a_hand_edited_status_is_reported_with_its_fix(
    small_session: Session, library: Library, tmp_path: Path
) -> None:
    later = with_review(_follow_up(small_session, library), REVIEW, "a1", "status", "done")
    path = tmp_path / "day-2.toml"
    save_session(later, path)
    path.write_text(
        path.read_text(encoding="utf-8").replace('"a1.status" = "done"', '"a1.status" = "færdig"')
    )
    with pytest.raises(Exception, match="færdig"):
        load_session(path)


def _reviewed(small_session: Session, library: Library) -> Session:
    later = _follow_up(small_session, library)
    later = with_review(later, REVIEW, "a1", "status", "partly")
    later = with_review(later, REVIEW, "a1", "note", "Kun to møder holdt")
    later = with_review(later, REVIEW, "a2", "status", "done")
    return carry_over(later, REVIEW, "a1")


def test_the_summary_marks_overdue_and_carried(small_session: Session, library: Library) -> None:
    part = next(e.part for e in build_summary(_reviewed(small_session, library)).exercises if e.id == REVIEW)
    assert isinstance(part, ReviewPart)
    assert [(r.status, r.overdue, r.carried) for r in part.rows] == [
        ("partly", True, True),
        ("done", False, False),
        ("", False, False),
    ]
    assert (part.count("partly"), part.count("done"), part.count(""), part.overdue) == (1, 1, 1, 1)


def test_every_export_shows_the_review(small_session: Session, library: Library) -> None:
    summary = build_summary(_reviewed(small_session, library), named=True, include_notes=True)
    md = render_markdown(summary)
    assert "| # | Handling | Ansvarlig | Frist | Gruppe | Status | Note |" in md
    assert (
        "| 1 | Fælles visitationsmøde | Hanne | 1. oktober 2026 | Bord 1 "
        "| delvist · ⚠ forfalden · ↻ videreført |" in md
    )
    assert "Tavlemøde om \\| &lt;b&gt;fredag&lt;/b&gt;" in md  # a pipe or tag from a file stays text
    # No owner, no date: "–", as the action list's table says it (the cells were blank)
    assert "| 3 | Tavlemøde om \\| &lt;b&gt;fredag&lt;/b&gt; | – | – | Bord 2 | ikke gennemgået |" in md
    assert "1 gennemført · 1 delvist · 0 ikke startede · 0 droppede · 1 ikke gennemgået — 1 forfalden" in md
    html = render_html(summary)
    assert "⚠ forfalden" in html and "Kun to møder holdt" in html and "<b>fredag" not in html
    rows = list(csv.DictReader(io.StringIO(render_csv(summary)[1:]), delimiter=";"))
    review = [r for r in rows if r["øvelse_id"] == REVIEW]
    assert [r["type"] for r in review] == ["review"] * 3
    assert review[0]["tekst"] == "delvist · ⚠ forfalden · ↻ videreført · Kun to møder holdt"
    assert (review[0]["ansvarlig"], review[0]["frist"], review[0]["gruppe"]) == (
        "Hanne",
        "2026-10-01",
        "Bord 1",
    )


def test_an_empty_review_says_so(small_session: Session, library: Library) -> None:
    session = new_with_template(small_session, library)
    md = render_markdown(build_summary(session))
    assert "Ingen handlinger fra sidste gang at gennemgå." in md


def new_with_template(session: Session, library: Library) -> Session:
    """A session that runs the library's (empty) review exercise."""
    template = library.exercises[REVIEW]
    return replace(
        session,
        agenda=(REVIEW, *session.agenda),
        exercises={REVIEW: review_of(template, replace(session, agenda=())), **session.exercises},
    )


def test_an_action_with_an_owner_and_a_date_but_no_text_is_reviewed_and_the_follow_up_opens(
    small_session: Session, library: Library, tmp_path: Path
) -> None:
    """Found by hand (explore17): a group wrote only the owner and the date of an action;
    ``workshop new --follows`` wrote the follow-up (an empty text is left out of the file),
    and the file could not be read again ("actions[3].text: mangler"), so the next day's
    session did not open, compare or export. A reviewed action's text may be empty."""
    earlier = replace(small_session, id="day-1", date="2026-09-01")
    earlier = earlier.with_action("sheet-45", "g1", 0, Action("", "Hanne", "2026-10-01"))
    later = follow_up(earlier, title="Opfølgning", date="2026-12-01", review=library.exercises[REVIEW])
    path = tmp_path / "later.toml"
    save_session(later, path)
    actions = load_session(path).exercise(REVIEW).body_as(ReviewBody).actions
    assert [(a.text, a.owner, a.due) for a in actions] == [("", "Hanne", "2026-10-01")]
