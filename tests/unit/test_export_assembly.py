"""The exports' last steps make each text once: the Markdown document, the HTML page, the bytes written.

They are the same texts and bytes as before, made without the copies of the whole (page faults
of fresh memory, ~3 us each on the test VM, some 2 ms of a 90-exercise export).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_tui.export import files
from workshop_tui.export.html import page
from workshop_tui.export.markdown import _document

LINES = [
    [],
    [""],
    ["  ", "\t"],
    ["a"],
    ["# T", "", "text", "", ""],
    ["a ", "\t", ""],
    ["x", "a\n", "", " "],
    ["x", "  \n  ", ""],
    ["a\u00a0"],
    ["\x1c", ""],
    ["a", "b\n\n"],
    ["a", "\u2028"],
]


@pytest.mark.parametrize("lines", LINES)
def test_the_markdown_document_is_the_lines_joined_and_stripped_once(lines: list[str]) -> None:
    assert _document(list(lines)) == "\n".join(lines).rstrip() + "\n"


def test_the_html_page_is_the_shell_around_the_parts() -> None:
    parts = ["<section>1</section>", "", "<section>æ → 2</section>\n"]
    text = page("Titel & <x>", "da", "s-1", parts, ".x{}", "Fod")
    head, rest = text.split("<main>\n", 1)
    assert head.startswith('<!DOCTYPE html>\n<html lang="da">')
    assert "<title>Titel &amp; &lt;x&gt;</title>" in head
    assert rest == "".join(parts) + "\n<footer>Fod</footer>\n</main>\n</body>\n</html>\n"


@pytest.mark.parametrize("size", [0, 1, files._PIECE - 1, files._PIECE, 3 * files._PIECE + 7])
def test_a_file_is_written_as_its_whole_text_encoded(tmp_path: Path, size: int) -> None:
    """Written in pieces, a piece ending inside no character: the bytes of the whole text."""
    text = ("aø→\U0001f600" * size)[:size]  # one, two, three and four bytes, across the pieces' ends
    (path,) = files.write_all([(tmp_path / "x.md", text)])
    assert path.read_bytes() == text.encode("utf-8")
