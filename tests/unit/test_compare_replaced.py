"""``workshop compare`` says when it replaced an earlier comparison, as export and trend do.

product24: a second ``compare`` of the same two files wrote over the first one's file and
said only "Skrevet: …"; export and trend say "erstattede …". A copy's comparison is a new
file (the copies rule, ``comparison_name``) and is said to be written, not replaced.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from workshop_tui.core.i18n import t
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.sessions import new_session, save_session, session_path
from workshop_tui.export.commands import register, run


def run_cli(argv: list[str], lang: str) -> int:
    parser = argparse.ArgumentParser(prog="workshop")
    register(parser.add_subparsers(dest="command"), lang)
    return run(parser.parse_args(argv), lang)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_second_comparison_of_the_same_files_says_it_replaced_the_first(
    library: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    made = [
        new_session(
            title="Fjordby",
            date=date,
            exercises=[library.exercises["commitment"]],
            participants=["Anne", "Bo", "Cai"],
        ).with_score("commitment", "value", "p1", score)
        for date, score in (("2026-03-01", 3), ("2026-06-01", 7))
    ]
    before, after = (session_path(s) for s in made)
    for session, path in zip(made, (before, after), strict=True):
        save_session(session, path)
    copy = tmp_path / "mail" / "fjordby (1).toml"
    copy.parent.mkdir()
    copy.write_bytes(before.read_bytes())
    out = tmp_path / "out"

    def said(first: Path) -> str:
        assert run_cli(["compare", str(first), str(after), "--format", "md", "-o", str(out)], lang) == 0
        return capsys.readouterr().out.splitlines()[-1]

    written = said(before)
    (path,) = out.iterdir()
    assert written == t("export.cmd.written", lang, path=path)
    assert said(before) == t("export.cmd.compare_replaced", lang, path=path)
    assert said(copy).startswith(t("export.cmd.written", lang, path=""))  # the copy's own file
    assert len(list(out.iterdir())) == 2
