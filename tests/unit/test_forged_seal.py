"""A forged seal (its checksum valid) shows false progress in the list until a full read corrects it.

The list trusts a file's sealed first line; a line written by hand with a matching checksum says
progress the file does not have. Opening the session reads it fully: what that read found goes
into the folder's index (``remember_full_read``), so the list tells the truth afterwards.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workshop_tui.core.model import Session
from workshop_tui.core.storage.listing import INDEX_NAME, list_sessions, remember_full_read, stat_key
from workshop_tui.core.storage.seal import sealed, unsealed
from workshop_tui.core.storage.sessions import load_session, save_session


def forged(session: Session, folder: Path, name: str) -> Path:
    """The session saved, then its seal rewritten to say every exercise is done (checksum valid)."""
    path = folder / name
    save_session(session, path)
    total = len(session.agenda)
    path.write_bytes(sealed(unsealed(path.read_bytes()), (total, total)))
    return path


def progress(folder: Path) -> dict[str, tuple[int, int] | None]:
    return {x.path.name: x.summary.progress if x.summary else None for x in list_sessions(folder)}


def test_opening_a_file_with_a_forged_seal_corrects_the_list(small_session: Session, data_dir: Path) -> None:
    folder = data_dir / "sessions"
    total = len(small_session.agenda)
    path = forged(small_session, folder, "forged.toml")
    save_session(small_session.with_score("resistance", "trust", "p1", 4), folder / "honest.toml")
    honest = progress(folder)["honest.toml"]
    assert progress(folder)["forged.toml"] == (total, total)  # what the seal says

    key = stat_key(path)
    assert remember_full_read(path, key, load_session(path))
    assert progress(folder) == {"forged.toml": (0, total), "honest.toml": honest}
    entries = json.loads((folder / INDEX_NAME).read_text(encoding="utf-8"))["entries"]
    assert set(entries) == {"forged.toml", "honest.toml"}  # the other files' entries are kept
    assert not remember_full_read(path, key, load_session(path))  # the index says so already: no write
    other = folder / "honest.toml"
    assert not remember_full_read(other, stat_key(other), load_session(other))  # an honest seal: no write


def test_only_a_folder_with_an_index_and_only_the_version_read(
    small_session: Session, tmp_path: Path
) -> None:
    path = forged(small_session, tmp_path, "forged.toml")
    key = stat_key(path)
    session = load_session(path)
    assert not remember_full_read(path, key, session)
    assert not (tmp_path / INDEX_NAME).exists()  # a folder opened from (Downloads) gets no index
    list_sessions(tmp_path)
    path.write_bytes(path.read_bytes() + b"\n")  # changed after the read: left to the next listing
    assert not remember_full_read(path, key, session)


def test_workshop_open_corrects_the_list_too(
    small_session: Session, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workshop_tui.cli import main as cli

    folder = data_dir / "sessions"
    total = len(small_session.agenda)
    path = forged(small_session, folder, "forged.toml")
    assert progress(folder)["forged.toml"] == (total, total)
    monkeypatch.setattr(cli, "_run_app", lambda *args: 0)  # the file is read and checked; no app
    assert cli.main(["open", str(path)]) == 0
    assert progress(folder)["forged.toml"] == (0, total)
