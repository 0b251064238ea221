"""The participants as the app writes them are read whole, with what the reader would give."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from workshop_tui.core.model.limits import MAX_TEXT
from workshop_tui.core.model.session import MAX_PARTICIPANTS
from workshop_tui.core.storage import people_codec
from workshop_tui.core.storage.reader import Problems, Reader
from workshop_tui.core.storage.sessions import load_session, new_session, save_session

_VARIANTS: list[Any] = [
    [],
    [{"id": "p1", "name": ""}, {"id": "p2", "name": "Åse"}],
    [{"id": "p1", "name": ""}, {"id": "p1", "name": "Bo"}],  # an id twice
    [{"id": "p 1", "name": ""}],  # not an id
    [{"id": "", "name": ""}],
    [{"id": 1, "name": ""}],
    [{"id": "p1", "name": 2}],
    [{"id": "p1"}],  # no name: read as ""
    [{"name": "Bo"}, {"id": "p2", "name": ""}],  # no id
    [{"id": "p1", "name": "", "role": "x"}],  # a key of another table
    [{"id": "p1", "nmae": ""}],
    [{"id": "p1", "name": "x" * (MAX_TEXT + 1)}],
    [{"id": "p1", "name": ""}, "p2"],
    "p1, p2",
    {"id": "p1", "name": ""},
    [{"id": f"p{n}", "name": ""} for n in range(MAX_PARTICIPANTS + 1)],
]


def _read(
    value: Any, monkeypatch: pytest.MonkeyPatch, *, plain: bool
) -> tuple[object, list[object], set[str]]:
    """The participants, problems and keys used for a table holding ``participants = value``."""
    with monkeypatch.context() as patch:
        if not plain:
            patch.setattr(people_codec, "_plain_participants", lambda value: None)
        problems = Problems(Path("s.toml"), {})
        reader = Reader({"participants": value}, "", problems)
        found = people_codec.participants(reader)
    return found, [(p.key, p.what, p.fix, p.warning) for p in problems.found], reader.used


@pytest.mark.parametrize("value", _VARIANTS, ids=range(len(_VARIANTS)))
def test_every_table_reads_as_through_the_reader(value: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _read(value, monkeypatch, plain=True) == _read(value, monkeypatch, plain=False)


def test_a_saved_sessions_participants_are_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """400 participants as the app writes them: no reader per participant (half of building the session)."""
    session = new_session(title="Stort", date="2026-11-23", exercises=[], participants=400)
    path = tmp_path / "s.toml"
    save_session(session, path)
    monkeypatch.setattr(people_codec, "_read_participants", lambda reader: pytest.fail("read one by one"))
    assert load_session(path).participants == session.participants
