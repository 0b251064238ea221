"""Property test: any session the model can hold survives TOML and back unchanged."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from workshop_tui.core.model import Action, Session
from workshop_tui.core.storage.keylines import key_lines
from workshop_tui.core.storage.reader import Problems, Reader
from workshop_tui.core.storage.session_codec import parse_session, session_to_dict
from workshop_tui.core.storage.tomlio import dumps

texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"),
    max_size=60,
) | st.sampled_from(["", "æøå ÆØÅ", "Linje 1\nLinje 2\n\nLinje 4", '"citat" og \\ backslash', "  "])

edits = st.one_of(
    st.tuples(
        st.just("score"),
        st.sampled_from(["trust", "necessity", "status"]),
        st.sampled_from(["p1", "p2", "p3", "p4"]),
        st.one_of(st.none(), st.integers(1, 5)),
    ),
    st.tuples(st.just("tally"), st.sampled_from(["trust", "control"]), st.integers(1, 5), st.integers(0, 40)),
    st.tuples(st.just("note"), st.sampled_from(["trust", "status"]), texts, st.just(0)),
    st.tuples(st.just("text"), st.sampled_from(["g1", "g2"]), st.sampled_from(["1", "2", "3"]), texts),
    st.tuples(st.just("action"), st.sampled_from(["g1", "g2"]), st.integers(0, 2), texts),
    st.tuples(st.just("facilitator"), st.sampled_from(["resistance", "sheet-42"]), texts, st.just(0)),
    st.tuples(st.just("commitment"), st.sampled_from(["p1", "p4"]), st.integers(1, 10), st.just(0)),
)


def _apply(session: Session, edit: tuple[object, ...]) -> Session:
    kind, a, b, c = edit
    if kind == "score":
        return session.with_score("resistance", str(a), str(b), c)  # type: ignore[arg-type]
    if kind == "tally":
        return session.with_tally("resistance", str(a), int(b), int(c))  # type: ignore[call-overload]
    if kind == "note":
        return session.with_note("resistance", str(a), str(b))
    if kind == "text":
        return session.with_text("sheet-42", str(a), str(b), str(c))
    if kind == "action":
        return session.with_action("sheet-45", str(a), int(b), Action(str(c), "Ejer", ""))  # type: ignore[call-overload]
    if kind == "facilitator":
        return session.with_facilitator_note(str(a), str(b))
    return session.with_score("commitment", "value", str(a), int(b))  # type: ignore[call-overload]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(edits, max_size=12), texts)
def test_session_survives_toml_round_trip(
    small_session: Session, steps: list[tuple[object, ...]], title: str
) -> None:
    session = small_session
    for edit in steps:
        session = _apply(session, edit)
    from dataclasses import replace

    from workshop_tui.core.model.people import parse_title
    from workshop_tui.core.model.refusal import Refused

    try:  # a title that shows nothing is refused by every way in (tests/unit/test_blank_title.py)
        parse_title(title)
    except Refused:
        assume(False)
    session = replace(session, title=title, organisation=title)
    text = dumps(session_to_dict(session))
    problems = Problems(Path("p.toml"), key_lines(text))
    again = parse_session(Reader(tomllib.loads(text), "", problems))
    assert problems.errors == []
    assert again == session


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(edits, max_size=12))
def test_the_keystroke_writer_survives_every_edit(
    small_session: Session, tmp_path_factory: pytest.TempPathFactory, steps: list[tuple[object, ...]]
) -> None:
    """SessionWriter (rows of scores rendered and cached by hand) writes what reads back, edit by edit."""
    from workshop_tui.core.storage.sessions import SessionWriter, load_session

    path = tmp_path_factory.mktemp("writer") / "s.toml"
    writer = SessionWriter(path)
    session = small_session
    for edit in steps:
        session = _apply(session, edit)
        writer.write(session)
        assert load_session(path) == session
