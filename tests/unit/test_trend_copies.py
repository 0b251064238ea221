"""A trend of a copy of a session never writes over another file's trend report (copies23).

``workshop trend`` named its files by the session ids alone, so a copy of a session in a
series (same id, another file: mailed back with other scores) wrote the original's report
names, and each run replaced the other file's report. The names now carry the rule exports
have (``export.files.file_part``): only the sessions' own files keep the names they had;
running the same files again replaces their own report, and says so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_tui.cli.main import main
from workshop_tui.core.model import Session
from workshop_tui.core.storage.follow_up import follow_up
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import new_session, save_session, session_path
from workshop_tui.export.files import short_id


def _scored(session: Session, scores: list[int]) -> Session:
    for participant, score in zip(session.participants, scores, strict=False):
        session = session.with_score("resistance", "trust", participant.id, score)
    return session


def _series(library: Library, mail: Path) -> tuple[Session, Session, Path]:
    """Two days in the folder, and a copy of the second mailed back with other scores."""
    first = new_session(
        title="Fjordby ledere",
        date="2026-10-14",
        participants=4,
        exercises=[library.exercises["resistance"]],
    )
    first = _scored(first, [4, 4, 5, 5])
    second = _scored(follow_up(first, title="Anden gang", date="2027-01-14"), [3, 3, 3, 3])
    save_session(first, session_path(first))
    save_session(second, session_path(second))
    mail.mkdir()
    copy = mail / "anden gang (1).toml"
    save_session(_scored(second, [1, 1, 1, 1]), copy)
    return first, second, copy


def test_a_copy_s_trend_leaves_the_original_s_report(
    library: Library, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second, copy = _series(library, tmp_path / "mail")
    out = tmp_path / "out"
    assert main(["--lang", "en", "trend", second.id, "--format", "all", "-o", str(out)]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    key = short_id(f"{first.id}\0{second.id}")
    assert sorted(before) == [
        f"trend-anden-gang-2026-10-14-2027-01-14-{key}.{f}" for f in ("csv", "html", "md")
    ]
    capsys.readouterr()
    assert main(["--lang", "en", "trend", str(copy), "--format", "all", "-o", str(out)]) == 0
    assert capsys.readouterr().out.count("Written: ") == 3  # new files, nothing replaced
    after = {p.name: p.read_bytes() for p in out.iterdir()}
    assert len(after) == 6
    assert {name: after[name] for name in before} == before  # the original's report is as it was
    assert all(
        name.startswith(f"trend-anden-gang-2026-10-14-2027-01-14-{key}-") for name in set(after) - set(before)
    )


def test_the_same_files_again_replace_their_own_report_and_say_so(
    library: Library, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, _, copy = _series(library, tmp_path / "mail")
    out = tmp_path / "out"
    assert main(["--lang", "en", "trend", str(copy), "--format", "md", "-o", str(out)]) == 0
    assert capsys.readouterr().out.startswith("Written: ")
    assert main(["--lang", "en", "trend", str(copy), "--format", "md", "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert said.startswith("Written (replaced an earlier report of the same session files): ")
    assert len(list(out.iterdir())) == 1


def test_sessions_named_together_with_a_copy_write_a_report_of_their_own(
    library: Library, data_dir: Path, tmp_path: Path
) -> None:
    first, second, copy = _series(library, tmp_path / "mail")
    out = tmp_path / "out"
    assert main(["--lang", "en", "trend", first.id, second.id, "--format", "md", "-o", str(out)]) == 0
    (own,) = out.iterdir()
    before = own.read_bytes()
    assert main(["--lang", "en", "trend", first.id, str(copy), "--format", "md", "-o", str(out)]) == 0
    assert len(list(out.iterdir())) == 2 and own.read_bytes() == before
