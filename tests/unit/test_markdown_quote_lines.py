"""A group's text in the Markdown export keeps its lines when the file is read in a viewer.

Sheets 42-44, open answers and notes are quoted (``markdown_parts.quote``). Quoted line by
line without hard breaks, every Markdown viewer joined a paragraph's lines: a list of names
written on three lines read "Anne Bo Carl", and the marks that separate two writers' texts
("——— også skrevet af P2 ———") ran into them. Checked by rendering with markdown-it (CommonMark,
installed with rich).
"""

from __future__ import annotations

from markdown_it import MarkdownIt

from workshop_tui.export.markdown_escape import md_text
from workshop_tui.export.markdown_parts import quote


def _rendered(text: str) -> str:
    return MarkdownIt("commonmark").render("\n".join(quote(md_text(text, multiline=True))))


def test_each_line_of_a_quoted_text_stays_a_line() -> None:
    html = _rendered("Anne\nBo\nCarl")
    assert "Anne<br />\nBo<br />\nCarl" in html


def test_blank_lines_still_part_paragraphs_and_nothing_trails_the_last_line() -> None:
    assert quote("a\nb\n\nc") == ["> a\\", "> b", ">", "> c"]
    html = _rendered("a\nb\n\nc")
    assert "<p>a<br />\nb</p>" in html and "<p>c</p>" in html


def test_a_line_ending_in_a_backslash_keeps_it() -> None:
    html = _rendered("C:\\mappe\\\nnæste linje")
    assert "C:\\mappe\\<br />\nnæste linje" in html


def test_the_merge_marks_of_two_writers_stand_on_their_own_lines() -> None:
    text = "Vores tekst\n——— også skrevet af P2 ———\nDeres tekst"
    html = _rendered(text)
    assert "Vores tekst<br />\n——— også skrevet af P2 ———<br />\nDeres tekst" in html
