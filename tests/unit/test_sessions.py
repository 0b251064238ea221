"""Session files: round trips, atomic saves, migrations, and damaged files left untouched."""

from __future__ import annotations

import errno
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from workshop_tui.core.model import Action, Session
from workshop_tui.core.model.session import SESSION_TEXTS
from workshop_tui.core.storage import migrations
from workshop_tui.core.storage.errors import FileProblems, SessionWriteError
from workshop_tui.core.storage.listing import list_sessions
from workshop_tui.core.storage.locations import builtin_sessions_dir
from workshop_tui.core.storage.session_codec import HEADER_KEYS, head_table
from workshop_tui.core.storage.sessions import DEMO_FILE, copy_demo, load_session, save_session, session_path


def _answered(session: Session) -> Session:
    return (
        session.with_score("resistance", "trust", "p1", 4)
        .with_score("resistance", "trust", "p2", 5)
        .with_tally("commitment", "value", 8, 3)
        .with_mode("commitment", "tally")
        .with_note("resistance", "trust", "Mellem visitation og hjemmepleje")
        .with_text("sheet-42", "g1", "1", "Første linje\nAnden linje med æøå")
        .with_action("sheet-45", "g2", 0, Action("Fælles tavlemøde", "Bo", "2026-12-01"))
        .with_closing("tension-fields", "g1", "Økonomien fylder")
        .with_facilitator_note("resistance", "Spørg ind til weekenden")
        .with_blind("resistance", True)
    )


def test_round_trip_keeps_everything(small_session: Session, tmp_path: Path) -> None:
    session = _answered(small_session)
    path = tmp_path / "s.toml"
    save_session(session, path)
    assert load_session(path) == session


def test_save_keeps_previous_version_as_backup(small_session: Session, tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    save_session(small_session, path)
    first = path.read_bytes()
    save_session(_answered(small_session), path)
    assert path.with_name("s.toml.bak").read_bytes() == first
    assert load_session(path) != small_session


def test_a_save_interrupted_before_the_replace_leaves_the_old_file(
    small_session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.toml"
    save_session(small_session, path)
    before = path.read_bytes()

    def crash(src: Any, dst: Any) -> None:
        raise OSError(errno.EIO, "simulated crash")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(SessionWriteError, match="previous version is still intact"):
        save_session(_answered(small_session), path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert load_session(path) == small_session
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_full_disk_is_reported_and_the_old_file_kept(
    small_session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.toml"
    save_session(small_session, path)
    before = path.read_bytes()
    real_fsync = os.fsync

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(SessionWriteError, match="disk is full"):
        save_session(_answered(small_session), path)
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert path.read_bytes() == before
    assert not any(p.name.endswith(".tmp") for p in tmp_path.iterdir())


def test_unwritable_folder_is_reported(small_session: Session, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(SessionWriteError, match="could not save"):
        save_session(small_session, blocker / "s.toml")


DAMAGED: dict[str, tuple[bytes, str]] = {
    "empty": (b"", "is empty"),
    "blank": (b"\n  \n", "is empty"),
    "binary": (b"\x00\x01\x02\xff\xfe", "is not UTF-8"),
    "latin1": ('title = "Århus"\n'.encode("latin-1"), "is not UTF-8"),
    "bad_toml": (b'schema_version = 1\ntitle = "unclosed\n', ":2: is not valid TOML"),
    "not_a_session": (b'id = "resistance"\nkind = "rating_grid"\n', "has no schema_version"),
    "future": (b'schema_version = 99\nid = "x"\n', "newer workshop-tui"),
    "bad_version": (b'schema_version = "1"\n', "not a valid version"),
}


@pytest.mark.parametrize("name", sorted(DAMAGED))
def test_damaged_files_are_refused_with_a_message_and_left_unchanged(tmp_path: Path, name: str) -> None:
    content, expected = DAMAGED[name]
    path = tmp_path / f"{name}.toml"
    path.write_bytes(content)
    with pytest.raises(FileProblems) as caught:
        load_session(path)
    message = "\n".join(str(p) for p in caught.value.problems)
    assert expected in message
    assert str(path) in message
    assert path.read_bytes() == content


def _demo_text() -> str:
    return (builtin_sessions_dir() / DEMO_FILE).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("p1 = ", "p1 = 9\nx1 = ", "off the scale"),
        ('mode = "participant"', 'mode = "everyone"', "unknown mode 'everyone'"),
        ('title = "', 'title = 5\nx = "', "title: is the number 5, expected a string"),
        ('language = "da"', 'language = "de"', "unknown language 'de'"),
        ("agenda = [\n", 'agenda = [\n    "ghost",\n', "names 'ghost', which has no [exercises.ghost]"),
    ],
)
def test_wrong_values_name_the_key_and_line(tmp_path: Path, old: str, new: str, expected: str) -> None:
    text = _demo_text()
    assert old in text
    damaged = text.replace(old, new, 1)
    path = tmp_path / "s.toml"
    path.write_text(damaged, encoding="utf-8")
    with pytest.raises(FileProblems) as caught:
        load_session(path)
    message = "\n".join(str(p) for p in caught.value.problems)
    assert expected in message
    assert any(p.line for p in caught.value.problems)
    assert path.read_text(encoding="utf-8") == damaged


def test_score_for_unknown_participant_is_refused(small_session: Session, tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    save_session(small_session.with_score("resistance", "trust", "p1", 3), path)
    text = path.read_text(encoding="utf-8").replace("p1 = 3", "p77 = 3")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FileProblems, match="no participant 'p77'"):
        load_session(path)


def test_symlinks_and_huge_files_are_not_opened(tmp_path: Path) -> None:
    real = tmp_path / "real.toml"
    real.write_text(_demo_text(), encoding="utf-8")
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    with pytest.raises(FileProblems, match="symbolic link"):
        load_session(link)
    huge = tmp_path / "huge.toml"
    huge.write_bytes(b"# " + b"x" * (10 * 1024 * 1024))
    with pytest.raises(FileProblems, match="larger than"):
        load_session(huge)


def test_migrations_run_in_order_and_newer_files_are_refused() -> None:
    def one_to_two(data: dict[str, Any]) -> dict[str, Any]:
        data["participants"] = [{"id": f"p{i}", "name": n} for i, n in enumerate(data.pop("names"), 1)]
        return data

    def two_to_three(data: dict[str, Any]) -> dict[str, Any]:
        data["steps"] = data.get("steps", []) + ["3"]
        return data

    data, original = migrations.migrate(
        {"schema_version": 1, "names": ["Anne", "Bo"]}, {1: one_to_two, 2: two_to_three}, target=3
    )
    assert original == 1
    assert data == {
        "schema_version": 3,
        "participants": [{"id": "p1", "name": "Anne"}, {"id": "p2", "name": "Bo"}],
        "steps": ["3"],
    }
    with pytest.raises(migrations.MigrationError, match="newer workshop-tui"):
        migrations.migrate({"schema_version": 4}, {}, target=3)
    with pytest.raises(migrations.MigrationError, match="no migration"):
        migrations.migrate({"schema_version": 1}, {}, target=2)


def test_demo_is_complete_and_copies_never_touch_the_original(data_dir: Path) -> None:
    original = builtin_sessions_dir() / DEMO_FILE
    before = original.read_bytes()
    demo = load_session(original)
    assert demo.progress == (len(demo.agenda), len(demo.agenda))
    assert len(demo.participants) >= 10 and len(demo.groups) == 2
    copy = copy_demo()
    assert copy.parent == data_dir / "sessions"
    again = copy_demo()
    assert copy != again
    assert original.read_bytes() == before
    assert load_session(copy).answers == demo.answers


def test_listing_shows_good_and_broken_sessions(small_session: Session, data_dir: Path) -> None:
    save_session(small_session, session_path(small_session))
    broken = data_dir / "sessions" / "broken.toml"
    broken.write_bytes(b"\xff")
    listings = list_sessions()
    assert {listing.path.name for listing in listings} == {broken.name, f"{small_session.id}.toml"}
    bad = next(listing for listing in listings if listing.session is None)
    assert "not UTF-8" in str(bad.problems[0])
    assert broken.read_bytes() == b"\xff"


def test_the_keystroke_writer_reads_back_as_the_session_after_every_kind_of_edit(
    demo: Session, tmp_path: Path
) -> None:
    """SessionWriter renders rows of scores itself (and caches them): what it writes must read back."""
    from workshop_tui.core.storage.sessions import SessionWriter, toml_key

    assert toml_key("p1") == "p1" and toml_key("kurs.pos.1") == '"kurs.pos.1"'
    assert toml_key('a "b"\n') == '"a \\"b\\"\\n"'
    path = tmp_path / "s.toml"
    writer = SessionWriter(path)
    session = demo
    writer.write(session)
    assert load_session(path) == session
    exercise = "kkc-indicators"
    items = [i.id for i in session.exercise(exercise).scored_items]
    edits = [
        lambda s: s.with_score(exercise, items[0], "p1", 5),
        lambda s: s.with_score(exercise, items[0], "p2", None),
        lambda s: s.with_score(exercise, items[3], "p1", 1),
        lambda s: s.with_mode("resistance", "tally"),
        lambda s: s.with_tally("resistance", session.exercise("resistance").items[0].id, 4, 7),
        lambda s: s.with_note("resistance", "trust", 'a note with "quotes" and\na second line'),
        lambda s: s.with_blind(exercise, True),
    ]
    for edit in edits:
        session = edit(session)
        writer.write(session)
        assert load_session(path) == session
    for person in [p.id for p in session.participants]:
        session = session.with_score(exercise, items[5], person, None)
    writer.write(session)
    assert load_session(path) == session


def test_a_files_header_is_the_sessions_own_texts(small_session: Session) -> None:
    session = replace(small_session, follows="2026-01-01-earlier")
    assert list(head_table(session)) == ["schema_version", *SESSION_TEXTS]
    assert frozenset(head_table(session)) == HEADER_KEYS
