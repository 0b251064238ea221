"""A thousand sessions listed the first time without parsing them: the sealed first line (storage.seal)."""

from __future__ import annotations

import time
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop_tui.core.keeper import SessionKeeper
from workshop_tui.core.model import Action, Participant, Session
from workshop_tui.core.storage import sessions
from workshop_tui.core.storage.headers import _plain_keys
from workshop_tui.core.storage.listing import (
    INDEX_NAME,
    ListedSession,
    list_sessions,
    read_sealed,
)
from workshop_tui.core.storage.seal import read_seal, unsealed
from workshop_tui.core.storage.sessions import load_session, save_session

MANY = 1_000
BOUND = 10.0
"""Seconds for the first listing of ``MANY`` files; ~0.3 s here, parsing them all took 14 s."""


def _copies(source: Path, folder: Path, count: int) -> None:
    """``count`` copies of a saved session, each under its own id and title (header lines only)."""
    text = source.read_text(encoding="utf-8")
    session = load_session(source)
    for number in range(count):
        copy = text.replace(f'id = "{session.id}"', f'id = "copy-{number:04d}"', 1)
        copy = copy.replace(f'title = "{session.title}"', f'title = "Seminar {number:04d}"', 1)
        (folder / f"copy-{number:04d}.toml").write_text(copy, encoding="utf-8")


def _refuse_full_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: Path) -> Session:
        raise AssertionError(f"{path} was parsed fully")

    monkeypatch.setattr(sessions, "load_session", refuse)


def test_a_thousand_fresh_files_are_listed_the_first_time_without_parsing_one(
    small_session: Session, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "source.toml"
    answered = small_session.with_score("resistance", "trust", "p1", 4)
    save_session(answered, source)
    folder = data_dir / "sessions"
    folder.mkdir(parents=True)
    _copies(source, folder, MANY)
    _refuse_full_reads(monkeypatch)
    started = time.perf_counter()
    listed = list_sessions()
    took = time.perf_counter() - started
    assert took < BOUND, f"listing {MANY} sealed files took {took:.1f} s"
    assert len(listed) == MANY and not any(x.problems or x.pending for x in listed)
    first = listed[0].summary
    assert first is not None
    assert (first.id, first.title, first.progress) == ("copy-0000", "Seminar 0000", answered.progress)
    assert (folder / INDEX_NAME).is_file()


def test_what_the_seal_says_is_what_a_full_read_finds_after_every_kind_of_save(
    small_session: Session, tmp_path: Path
) -> None:
    path = tmp_path / "s.toml"
    keeper = SessionKeeper(small_session, path, clock=lambda: "2026-11-23T10:00:00+00:00")
    people = [p.id for p in small_session.participants]
    items = [i.id for i in small_session.exercise("resistance").scored_items]
    edits = [lambda s, p=p, i=i: s.with_score("resistance", i, p, 3) for i in items for p in people]
    edits.append(lambda s: s.with_action("sheet-45", "g2", 0, Action("Tavlemøde", "Bo", "2026-12-01")))
    edits.append(lambda s: s.with_participant(Participant("p5", "Ny")))  # resistance is no longer done
    seen = []
    for edit in edits:
        keeper.apply(edit)
        assert read_sealed(path) == ListedSession.of(load_session(path))
        seen.append(keeper.session.progress[0])
    keeper.undo()
    assert read_sealed(path) == ListedSession.of(keeper.session)
    assert seen[0] < max(seen) > seen[-1], f"the progress must rise and fall to test the seal: {seen}"


def test_files_without_a_seal_are_read_fully_once_and_then_from_the_index(
    small_session: Session, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = data_dir / "sessions"
    path = folder / "older.toml"
    save_session(small_session, path)
    path.write_bytes(unsealed(path.read_bytes()))  # as an older version wrote it
    assert read_seal(path.read_bytes()) is None and read_sealed(path) is None
    first = list_sessions()
    assert [x.summary for x in first] == [ListedSession.of(small_session)]
    _refuse_full_reads(monkeypatch)
    assert list_sessions() == first


def _sealed_file(session: Session, folder: Path, name: str) -> Path:
    path = folder / name
    save_session(session, path)
    return path


def test_a_sealed_file_edited_by_hand_is_read_fully_and_its_problem_reported(
    small_session: Session, data_dir: Path
) -> None:
    folder = data_dir / "sessions"
    changed = _sealed_file(small_session, folder, "changed.toml")
    text = changed.read_text(encoding="utf-8")
    done = small_session.with_score("resistance", "trust", "p1", 4)
    changed.write_text(text + "\n[answers.resistance.scores.trust]\np1 = 4\n", encoding="utf-8")
    broken = _sealed_file(small_session, folder, "broken.toml")
    broken.write_text(broken.read_text(encoding="utf-8").replace('"p2"', '"p1"', 1), encoding="utf-8")
    listed = {x.path.name: x for x in list_sessions()}
    assert read_sealed(changed) is None and read_sealed(broken) is None
    good = listed["changed.toml"].summary
    assert good is not None and good.progress == done.progress
    problem = listed["broken.toml"].problems[0]
    assert problem.file == broken and "used twice" in problem.what_in("en") and problem.line is not None


def test_a_seal_whose_progress_was_changed_by_hand_is_not_trusted(
    small_session: Session, tmp_path: Path
) -> None:
    path = tmp_path / "s.toml"
    save_session(small_session, path)
    total = len(small_session.agenda)
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"# workshop-tui: 0 of {total} exercises done; checksum ")
    path.write_text(text.replace("0 of", "1 of", 1), encoding="utf-8")
    assert read_seal(path.read_bytes()) is None and read_sealed(path) is None
    (listing,) = list_sessions(tmp_path)
    assert listing.summary is not None and listing.summary.progress == (0, total)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('id = "', 'id = "../', "not a valid"),
        ('date = "', 'date = "soon ', "is not a date"),
        ('language = "da"', 'language = "xx"', "unknown language"),
        ('title = "', 'colour = "red"\ntitle = "', "unknown key"),
        ('title = "', 'title = "' + "æ" * 200_000, "characters long"),
    ],
)
def test_a_valid_seal_on_a_hostile_header_is_not_trusted(
    small_session: Session, data_dir: Path, old: str, new: str, expected: str
) -> None:
    folder = data_dir / "sessions"
    path = _sealed_file(small_session, folder, "hostile.toml")
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    assert read_seal(path.read_bytes()) is not None, "the header is outside the checksum"
    assert read_sealed(path) is None
    (listing,) = list_sessions()
    assert listing.summary is None
    assert expected in str(listing.problems[0]), str(listing.problems[0])
    assert listing.problems[0].line is not None


_LINES = st.one_of(
    st.just("\n"),
    st.text(max_size=12).map(lambda t: f"#{t}\n"),
    st.tuples(st.sampled_from(["id", "title", "x_y", "Id"]), st.text(max_size=12)).map(
        lambda kv: f'{kv[0]} = "{kv[1]}"\n'
    ),
    st.tuples(st.sampled_from(["schema_version", "n"]), st.text("0123456789", min_size=1, max_size=11)).map(
        lambda kv: f"{kv[0]} = {kv[1]}\n"
    ),
)


@given(st.lists(_LINES, max_size=6).map("".join))
@settings(max_examples=100, deadline=None)
def test_a_plain_header_means_what_toml_says_it_means(text: str) -> None:
    """The list reads the app's plain header lines without the TOML parser: never differently."""
    plain = _plain_keys(text)
    if plain is not None:
        assert plain == tomllib.loads(text)
