"""The model refuses every text the session reader would refuse, so a saved session always reopens."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from workshop_tui.cli.main import main
from workshop_tui.core.model import Action, Group, Participant, Position, Session
from workshop_tui.core.model.limits import MAX_TEXT, check_text
from workshop_tui.core.storage import reader
from workshop_tui.core.storage.errors import FileProblems
from workshop_tui.core.storage.listing import list_sessions
from workshop_tui.core.storage.sessions import SessionWriter, load_session, save_session

AT_LIMIT = "x" * MAX_TEXT
OVER = "x" * (MAX_TEXT + 1)

Edit = Callable[[Session, str], object]


def _set(name: str) -> Edit:
    """Set one of the session's own texts (as the new-session form and copies do)."""
    return lambda session, text: replace(session, **{name: text})


EDITS: dict[str, Edit] = {
    "item note": lambda s, t: s.with_note("resistance", "trust", t),
    "box text": lambda s, t: s.with_text("sheet-42", "g1", "1", t),
    "closing answer": lambda s, t: s.with_closing("tension-fields", "g1", t),
    "challenge": lambda s, t: s.with_challenge("sheet-45", "g1", t),
    "action text": lambda s, t: s.with_action("sheet-45", "g1", 0, Action(text=t)),
    "action owner": lambda s, t: s.with_action("sheet-45", "g1", 0, Action(text="a", owner=t)),
    # An action's date is no free text any more: a long one is refused as no date (test_dates.py).
    "facilitator note": lambda s, t: s.with_facilitator_note("resistance", t),
    "position exercise": lambda s, t: s.with_position(Position(exercise=t)),
    "position group": lambda s, t: s.with_position(Position(exercise="resistance", group=t)),
    "touched": lambda s, t: s.touched(t),
    # A score's copy checks only the fields it changes (Session._changed): the position it moves to.
    "score's position exercise": lambda s, t: s.with_score(
        "resistance", "trust", "p1", 3, position=Position(exercise=t)
    ),
    "score's position group": lambda s, t: s.with_score(
        "resistance", "trust", "p1", 3, position=Position("resistance", group=t)
    ),
    **{
        f"session {name}": _set(name)
        for name in ("id", "title", "date", "organisation", "facilitator", "language", "created", "updated")
    },
    "participant id": lambda s, t: Participant(id=t),
    "participant name": lambda s, t: Participant(id="p9", name=t),
    "group id": lambda s, t: Group(id=t, name="Bord"),
    "group name": lambda s, t: Group(id="g9", name=t),
}


def test_the_reader_and_the_model_share_one_limit() -> None:
    assert reader.MAX_TEXT is MAX_TEXT
    assert MAX_TEXT == 100_000


def test_the_message_says_the_limit_the_length_and_the_fix() -> None:
    with pytest.raises(ValueError) as error:
        check_text("x" * 123_456, "a note")
    assert str(error.value) == "a note can be at most 100,000 characters (got 123,456); shorten it"


@pytest.mark.parametrize("field", EDITS)
def test_one_character_over_the_limit_is_refused(field: str, small_session: Session) -> None:
    with pytest.raises(ValueError, match=r"at most 100,000 characters \(got 100,001\); shorten it"):
        EDITS[field](small_session, OVER)


@pytest.mark.parametrize("field", EDITS)
def test_exactly_the_limit_is_accepted(field: str, small_session: Session) -> None:
    EDITS[field](small_session, AT_LIMIT)


def test_a_refused_edit_changes_nothing(small_session: Session) -> None:
    before = small_session.with_note("resistance", "trust", "kort")
    with pytest.raises(ValueError):
        before.with_note("resistance", "trust", OVER)
    assert before.answers_for("resistance").notes == {"trust": "kort"}


def _at_limit(session: Session) -> Session:
    """Every free text the session file holds, each exactly at the limit.

    The id, the date and the times have a shape of their own (``model.ids``), checked when read.
    """
    texts = {
        name: chr(ord("a") + i) * MAX_TEXT for i, name in enumerate(("title", "organisation", "facilitator"))
    }
    people = (*session.participants[:-1], Participant(id=session.participants[-1].id, name=AT_LIMIT))
    groups = (session.groups[0], Group(id=session.groups[1].id, name=AT_LIMIT))
    session = replace(session, participants=people, groups=groups, **texts)
    session = (
        session.with_note("resistance", "trust", AT_LIMIT)
        .with_text("sheet-42", "g1", "1", AT_LIMIT)
        .with_closing("tension-fields", "g1", AT_LIMIT)
        .with_challenge("sheet-45", "g1", AT_LIMIT)
        .with_action("sheet-45", "g1", 0, Action(AT_LIMIT, AT_LIMIT, ""))
        .with_facilitator_note("resistance", AT_LIMIT)
        .with_position(Position(exercise=AT_LIMIT, group=AT_LIMIT))
    )
    # An edit refuses a date that is no date, but a file from before dates were checked may
    # hold free text there: the file format still carries it, at the limit.
    actions = session.answers["sheet-45"].with_action("g1", 0, Action(AT_LIMIT, AT_LIMIT, AT_LIMIT))
    return replace(session, answers={**session.answers, "sheet-45": actions})


def test_a_session_at_the_limit_round_trips(small_session: Session, tmp_path: Path) -> None:
    session = _at_limit(small_session)
    path = tmp_path / "s.toml"
    save_session(session, path)
    assert load_session(path) == session
    writer_path = tmp_path / "w.toml"
    SessionWriter(writer_path).write(session)
    assert load_session(writer_path) == session


def test_the_reader_refuses_one_character_more(small_session: Session, tmp_path: Path) -> None:
    """The other side of the shared limit: the file the model now refuses to make is unreadable."""
    path = tmp_path / "s.toml"
    save_session(small_session.with_closing("tension-fields", "g1", AT_LIMIT), path)
    path.write_text(path.read_text(encoding="utf-8").replace(AT_LIMIT, OVER), encoding="utf-8")
    with pytest.raises(FileProblems, match="100,001 characters long"):
        load_session(path)


@pytest.mark.parametrize("option", ["--title", "--organisation", "--participants", "--groups"])
def test_the_cli_refuses_a_new_session_with_a_too_long_text(
    option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = {"--title": "X", "--participants": "Anne", option: OVER}
    assert main(["new", "--no-open", *(part for pair in args.items() for part in pair)]) == 2
    assert "højst have 100.000 tegn (denne har 100.001); gør den kortere" in capsys.readouterr().err
    assert list_sessions() == []
