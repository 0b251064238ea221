"""The line reader takes the blank lines after a statement as one run, ending where a line at a time ended.

``known_exercises`` takes the copies of built-in exercises out of a session's text and leaves
their line breaks (a problem further on keeps its line): thousands of blank lines after one
header. ``fast_toml_lines._LINE`` takes them with one step of the engine per character
(``[ \\t\\n]*\\n``) instead of a group repeated per line; these tests hold it to the same
statements, the same ends and the same tables as the expression it replaced.
"""

from __future__ import annotations

import re
import tomllib

from hypothesis import given, settings
from hypothesis import strategies as st

from workshop_tui.core.storage import fast_toml, fast_toml_lines

RUN = r"(?:[ \t\n]*\n)?"
LINE_AT_A_TIME = re.compile(fast_toml_lines._LINE.pattern.replace(RUN, r"(?:[ \t]*\n)*"))
"""The expression as it was: its blank lines a line at a time."""

PIECES = [" ", "\t", "\n", "\n\n", "  \n", "\r", "a = 1", 'b = "x"', "[t]", "[[u]]", "# c", "x", '"', "]"]
PIECES += ["p1 = 4\n", '"""\nab\n"""', "[\n1,\n]"]


def test_the_run_is_in_the_expression() -> None:
    assert fast_toml_lines._LINE.pattern.endswith(RUN)
    assert LINE_AT_A_TIME.pattern != fast_toml_lines._LINE.pattern


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14), st.integers(min_value=0, max_value=40))
def test_each_statement_ends_where_it_ended_a_line_at_a_time(pieces: list[str], at: int) -> None:
    text = "".join(pieces)
    at = min(at, len(text))
    new, old = fast_toml_lines._LINE.match(text, at), LINE_AT_A_TIME.match(text, at)
    assert (new is None) == (old is None)
    if new is not None and old is not None:
        assert new.span() == old.span()
        assert new.groupdict() == old.groupdict()


def test_thousands_of_blank_lines_after_a_header_are_one_statement() -> None:
    text = "[timers]" + "\n" * 7000 + "  \n\t\n" + "[answers.a.scores.x]\np1 = 4\np2 = 5\n"
    match = fast_toml_lines._LINE.match(text)
    assert match is not None and match.group("table") == "timers"
    assert match.end() == text.index("[answers")
    assert fast_toml.loads(text) == tomllib.loads(text)
    blanks_at_the_end = "[t]\na = 1" + "\n \n" * 3000 + "  "
    assert fast_toml.loads(blanks_at_the_end) == tomllib.loads(blanks_at_the_end)
