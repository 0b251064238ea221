"""Two files with one session id never write over each other's exports (trust22).

A copy mailed back under another name, or kept in another folder, holds the session's id,
title and date; ``workshop export`` and F8 named their files by those alone, so exporting
the copy replaced the original's exports. The session's own file keeps its names; any other
file's names carry a part of its own (``export.files.file_part``).
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import pytest

from workshop_tui.core.model import Session
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import new_session, save_session, session_path
from workshop_tui.export.commands import register, run
from workshop_tui.export.files import export_session, short_id
from workshop_tui.tui.screens.export import ExportChoice, write_export


def run_cli(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="workshop")
    register(parser.add_subparsers(dest="command"), "en")
    return run(parser.parse_args(argv), "en")


def _session(library: Library) -> Session:
    return new_session(
        title="Fjordby",
        date="2026-03-01",
        exercises=[library.exercises["commitment"]],
        participants=["Anne", "Bo", "Cai"],
    )


def _pair(library: Library, tmp_path: Path) -> tuple[Path, Path]:
    """The session's own file, and a copy of it in another folder under another name, with
    other scores (what a colleague typed into it)."""
    session = _session(library)
    own = session_path(session)
    save_session(session.with_score("commitment", "value", "p1", 3), own)
    copy = tmp_path / "mail" / "fjordby (1).toml"
    copy.parent.mkdir()
    save_session(session.with_score("commitment", "value", "p1", 9), copy)
    return own, copy


def test_a_copy_exported_to_the_same_folder_leaves_the_original_exports(
    library: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    own, copy = _pair(library, tmp_path)
    out = tmp_path / "out"
    assert run_cli(["export", str(own), "--format", "all", "-o", str(out)]) == 0
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    assert run_cli(["export", str(copy), "--format", "all", "-o", str(out)]) == 0
    after = {p.name: p.read_bytes() for p in out.iterdir()}
    assert len(after) == 6
    assert {name: after[name] for name in first} == first  # the original's exports are as they were
    # The own file keeps the names it always had; the copy's have a part of their own.
    plain = f"fjordby-2026-03-01-{short_id(own.stem)}"
    assert sorted(first) == sorted(f"{plain}.{fmt}" for fmt in ("csv", "html", "md"))
    assert all(name.startswith(plain + "-") for name in set(after) - set(first))


def test_the_same_file_again_replaces_its_own_exports_and_says_so(
    library: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, copy = _pair(library, tmp_path)
    out = tmp_path / "out"
    assert run_cli(["export", str(copy), "--format", "md", "-o", str(out)]) == 0
    assert capsys.readouterr().out.startswith("Written: ")
    assert run_cli(["export", str(copy), "--format", "md", "-o", str(out)]) == 0
    assert capsys.readouterr().out.startswith("Written (replaced an earlier export of the same file): ")
    assert len(list(out.iterdir())) == 1


def test_two_copies_with_one_name_in_two_folders_keep_apart(library: Library, tmp_path: Path) -> None:
    session = _session(library)
    one, two = tmp_path / "a" / f"{session.id}.toml", tmp_path / "b" / f"{session.id}.toml"
    for path, score in ((one, 2), (two, 8)):
        path.parent.mkdir()
        save_session(session.with_score("commitment", "value", "p1", score), path)
    out = tmp_path / "out"
    for path in (one, two):
        assert run_cli(["export", str(path), "--format", "csv", "-o", str(out)]) == 0
    assert len(list(out.iterdir())) == 2


def test_f8_of_a_copy_leaves_the_original_exports(library: Library, tmp_path: Path) -> None:
    own, copy = _pair(library, tmp_path)
    from workshop_tui.core.storage.sessions import load_session

    out = tmp_path / "out"
    choice = ExportChoice(formats=("md", "html", "csv"), folder=out, named=False, notes=False)
    _, failed = write_export(load_session(own), choice, "en", own)
    assert not failed
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    said, failed = write_export(load_session(copy), choice, "en", copy)
    assert not failed and "replaced" not in said
    after = {p.name: p.read_bytes() for p in out.iterdir()}
    assert len(after) == 6 and {name: after[name] for name in first} == first
    said, _ = write_export(load_session(copy), choice, "en", copy)
    assert said.endswith("3 files of an earlier export of the same session file replaced.")


def test_the_own_file_keeps_its_names(library: Library, tmp_path: Path) -> None:
    own, _ = _pair(library, tmp_path)
    from workshop_tui.core.storage.sessions import load_session

    session = load_session(own)
    plain = export_session(session, ("md",), tmp_path / "x")
    by_file = export_session(session, ("md",), tmp_path / "y", source=own)
    assert [p.name for p in plain] == [p.name for p in by_file]
    assert plain[0].name == f"fjordby-2026-03-01-{short_id(session.id)}.md"


def test_a_link_to_a_folder_is_the_file_it_leads_to(library: Library, tmp_path: Path) -> None:
    _, copy = _pair(library, tmp_path)
    link = tmp_path / "linked"
    link.symlink_to(copy.parent, target_is_directory=True)
    out = tmp_path / "out"
    for path in (copy, link / copy.name):
        assert run_cli(["export", str(path), "--format", "md", "-o", str(out)]) == 0
    assert len(list(out.iterdir())) == 1
    shutil.rmtree(out)


def test_comparing_a_copy_leaves_the_original_comparison(library: Library, tmp_path: Path) -> None:
    own, copy = _pair(library, tmp_path)
    later = _session(library)
    after = session_path(later)
    save_session(later.with_score("commitment", "value", "p1", 5), after)
    out = tmp_path / "out"
    assert run_cli(["compare", str(own), str(after), "--format", "md", "-o", str(out)]) == 0
    (first,) = out.iterdir()
    kept = first.read_bytes()
    assert run_cli(["compare", str(copy), str(after), "--format", "md", "-o", str(out)]) == 0
    assert len(list(out.iterdir())) == 2 and first.read_bytes() == kept
    assert run_cli(["compare", str(copy), str(after), "--format", "md", "-o", str(out)]) == 0
    assert len(list(out.iterdir())) == 2  # the same files again: their own comparison replaced
