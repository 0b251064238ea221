"""Texts in triple quotes are read by ``str.find`` of their end, the same texts and errors as before.

``fast_toml_lines._later_text`` reads a text that starts a line after ``key =`` and three quotes without the
engine's step per character: its end is the first three quotes, and it is taken only when it holds
no backslash and no control character (else the whole expression, ``_line_whole``, reads it as
``_LINE`` did). These tests hold it to tomllib's table and to the shapes it leaves.
"""

from __future__ import annotations

import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop_tui.core.storage import fast_toml_lines

PIECES = [
    "a",
    "æøå",
    "—",
    "😀",
    " ",
    "\t",
    "\n",
    '"',
    '""',
    "\\",
    "\\n",
    "\\u00e9",
    "\x01",
    "\x7f",
    "\r",
    "\x85",
]
TAILS = ["", '"', '""', '"""', " ", "\t# c", "x", " \n\n  "]


def _table(text: str) -> dict[str, object] | None:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12), st.sampled_from(TAILS), st.booleans())
def test_a_text_in_triple_quotes_is_what_tomllib_reads(pieces: list[str], tail: str, more: bool) -> None:
    text = 'k = """\n' + "".join(pieces) + '"""' + tail + ("\nx = 1\n" if more else "")
    found = fast_toml_lines._simple(text)
    assert found is None or found == _table(text)


def test_a_plain_text_is_read_without_the_whole_expression(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused() -> None:
        raise AssertionError("a plain text went to the whole expression")

    monkeypatch.setattr(fast_toml_lines, "_line_whole", refused)
    text = 'k = """\nHej "du" og ""dig""\n\n\tÆble — 😀\x85\n""""\n[t]\nx = 1\n'
    assert fast_toml_lines._simple(text) == tomllib.loads(text)
    assert fast_toml_lines._simple(text)["k"] == 'Hej "du" og ""dig""\n\n\tÆble — 😀\x85\n"'  # type: ignore[index]


@pytest.mark.parametrize(
    ("body", "read"),
    [("a\\tb", True), ("a\\u00e9", False), ("a\x01b", False), ("a\rb", False), ("a\\\nb", False)],
)
def test_an_escape_or_a_control_character_goes_the_whole_way(body: str, read: bool) -> None:
    text = f'k = """\n{body}"""\nx = 1\n'
    found = fast_toml_lines._simple(text)
    assert (found is not None) == read
    assert found is None or found == tomllib.loads(text)


def test_a_text_without_its_end_is_left_to_tomllib() -> None:
    assert fast_toml_lines._simple('k = """\nno end\n') is None
    assert fast_toml_lines._simple('k = """\nend"""x\n') is None
