"""The fast session list (an index of what each file said, and header reads) and the fast writer."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from workshop_tui.core.keeper import SessionKeeper
from workshop_tui.core.model import Action, Session
from workshop_tui.core.storage import sessions
from workshop_tui.core.storage.listing import INDEX_NAME, SessionListing, list_sessions, read_summary
from workshop_tui.core.storage.sessions import load_session, save_session, session_path


@pytest.fixture
def folder(small_session: Session, data_dir: Path) -> Path:
    """A sessions folder with one good session and one broken file."""
    save_session(small_session, session_path(small_session))
    (data_dir / "sessions" / "broken.toml").write_bytes(b"\xff")
    return data_dir / "sessions"


def _seen(listings: list[SessionListing]) -> dict[str, object]:
    return {
        x.path.name: (x.summary.title, x.summary.progress) if x.summary else x.problems[0].what_in("en")
        for x in listings
    }


def test_a_second_listing_reads_no_file_that_did_not_change(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = list_sessions()
    assert (folder / INDEX_NAME).exists()

    def refuse(path: Path) -> Session:
        raise AssertionError(f"{path} was read again")

    monkeypatch.setattr(sessions, "load_session", refuse)
    assert _seen(list_sessions()) == _seen(first)
    assert "not UTF-8" in str(list_sessions()[-1].problems[0])


def test_a_changed_file_is_read_again(folder: Path, small_session: Session) -> None:
    list_sessions()
    path = session_path(small_session)
    save_session(small_session.with_score("resistance", "trust", "p1", 4), path)
    (folder / "broken.toml").write_bytes(b"")
    listed = _seen(list_sessions())
    assert listed["broken.toml"] == "is empty"
    assert listed[path.name] == ("Prøve på tværs", (0, len(small_session.agenda)))


def test_a_damaged_or_unwritable_index_is_only_a_slower_listing(folder: Path) -> None:
    expected = _seen(list_sessions())
    index = folder / INDEX_NAME
    for damage in (b"\x00garbage", b'{"version": 1, "entries": {"broken.toml": {"stat": 5}}}', b"[]"):
        index.write_bytes(damage)
        assert _seen(list_sessions()) == expected
    index.unlink()
    index.mkdir()  # cannot be replaced by a file: the index is just not kept
    assert _seen(list_sessions()) == expected


def test_a_quick_listing_reads_headers_and_leaves_the_rest_pending(
    folder: Path, small_session: Session
) -> None:
    quick = {x.path.name: x for x in list_sessions(validate=False)}
    good = quick[session_path(small_session).name]
    assert good.pending and good.summary is not None and good.summary.title == "Prøve på tværs"
    assert good.summary.progress is None
    assert quick["broken.toml"].pending and quick["broken.toml"].summary is None
    assert not any(x.pending for x in list_sessions())
    assert not any(x.pending for x in list_sessions(validate=False))  # now from the index


def test_a_header_read_never_trusts_a_cut_inside_a_string(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text('schema_version = 1\ntitle = """first\n[position]\nstill the title"""\n[position]\n')
    assert read_summary(path) is None
    path.write_text('schema_version = 99\ntitle = "From the future"\n')
    assert read_summary(path) is None
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.toml")
        assert read_summary(tmp_path / "pipe.toml") is None


def test_the_fast_writer_writes_what_the_model_holds_after_any_edits(
    small_session: Session, tmp_path: Path
) -> None:
    path = tmp_path / "s.toml"
    keeper = SessionKeeper(small_session, path, clock=lambda: "2026-11-23T10:00:00+00:00")
    edits = [
        lambda s: s.with_score("resistance", "trust", "p1", 4),
        lambda s: s.with_score("commitment", "value", "p2", 9),
        lambda s: s.with_text("sheet-42", "g1", "1", "Første linje\nAnden"),
        lambda s: s.with_score("resistance", "trust", "p1", 2),
        lambda s: s.with_action("sheet-45", "g2", 0, Action("Tavlemøde", "Bo", "2026-12-01")),
    ]
    for edit in edits:
        keeper.apply(edit)
        assert load_session(path) == keeper.session
    previous = path.read_bytes()
    keeper.undo()
    assert load_session(path) == keeper.session
    assert path.with_name("s.toml.bak").read_bytes() == previous
    keeper.undo()
    keeper.redo()
    assert load_session(path) == keeper.session
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.toml", "s.toml.bak"]
