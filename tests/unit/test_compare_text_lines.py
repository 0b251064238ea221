"""``workshop compare`` prints one line per text: a mailed file cannot add a line of figures (audit16).

The comparison printed to the terminal put titles, item and option texts into its lines as
they were written. Control characters were taken out at the print (``printable``), but its
line breaks were kept (the output is many lines), so an item text of a mailed session such as
``Tillid\\n      1,00 → 5,00   ændring +4,00 ↑ bedre`` printed a line of figures the core never
computed, under the real ones. Each text is now one line (``for_terminal``, as the screens
show a title or a table cell), so every line that looks like a figure line is one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_tui.cli import main as cli
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.session_codec import session_to_dict
from workshop_tui.core.storage.sessions import new_session
from workshop_tui.core.storage.tomlio import dumps

from .test_compare import scored

FORGED = (
    "\n      1,00 → 5,00   ændring +4,00 ↑ bedre   1·0·0·0·0 → 0·0·0·0·1\r\n  Falsk: 9 → 9   ±0,00 uændret"
)


def _forged(value: object, key: str = "") -> object:
    if isinstance(value, dict):
        return {k: _forged(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_forged(v, key) for v in value]
    if isinstance(value, str) and key in ("title", "da", "en"):
        return value + FORGED
    return value


def test_no_text_of_a_compared_session_adds_a_line(
    library: Library, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chosen = [library.exercises["resistance"], library.exercises["grint-problem-types"]]
    paths = []
    for n, (date, trust) in enumerate((("2026-01-01", [5, 5, 4, 4]), ("2026-06-01", [2, 3, 3, 3]))):
        session = scored(
            new_session(title="F", date=date, participants=4, exercises=chosen), "resistance", "trust", trust
        )
        options = [o.id for o in library.exercises["grint-problem-types"].items]
        for person in range(1, 5):
            session = session.with_score("grint-problem-types", options[(person + n) % 2], f"p{person}", 1)
        path = tmp_path / f"s{n}.toml"
        path.write_text(dumps(_forged(session_to_dict(session))), encoding="utf-8")
        paths.append(path)
    assert cli.main(["--lang", "da", "compare", str(paths[0]), str(paths[1]), "--all"]) == 0
    out = capsys.readouterr().out
    assert "Falsk" in out  # the text is there, on the line of the text it belongs to
    lines = out.splitlines()
    assert not [line for line in lines if line.startswith(("  Falsk", "      1,00 → 5,00"))], out
    assert all(line.count("Falsk") <= 2 for line in lines)  # a text and its forged part on one line
