"""Rows of scores as the app writes them are split and counted, not matched: with tomllib's table.

``fast_toml_lines._whole_rows`` takes everything up to the next header as rows when its blanks,
``=`` and line breaks are exactly those of ``key = number`` lines; anything else goes to ``_ROWS``
and the statements as before. These tests hold it to ``tomllib`` on rows of every near shape.
"""

from __future__ import annotations

import tomllib
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop_tui.core.storage import fast_toml, fast_toml_lines

HEADER = '[answers.x.scores."kurs.pos.1"]\n'
ROWS = "".join(f"p{n} = {n % 5 + 1}\n" for n in range(1, 401))
NEAR = [
    "p1 = +1\n",
    "p1 = 1_0\n",
    "p1 = \uff14\n",  # a full-width digit: int() takes it, TOML does not
    "p1 = -0\n",
    "p1 = 01\n",
    "p1 = 1000000000000000000000\n",
    "p1 = -100\n",
    "p1 = 101\n",
    "p1 =\t4\n",
    "p1\t= 4\n",
    "p1 = 4 \n",
    " p1 = 4\n",
    "p1 =  4\n",
    "p1  = 4\n",
    "p1 = 4 # a note\n",
    "p1 = 4\r\n",
    "p1 = \x854\n",
    "p1 = 4\xa0\n",
    "p\xe9 = 4\n",
    "p1= = 4\n",
    "p1 = = 4\n",
    "p1 = 4 = 5\n",
    "p1 = 4 p2 = 5\n",
    "p1 = 4\n\n",
    '"p1" = 4\n',
    "p1 = 4.0\n",
    "p1 = true\n",
    'p1 = "4"\n',
    "p1 = 4\np1 = 5\n",
    "p2 = 4\n",
    "=\n",
    "p1\n= 4\n",
    "p1 =\n4\n",
    "[t]\n",
    "[[u]]\n",
    "",
]


def _same(text: str) -> dict[str, Any] | None:
    """``fast_toml.loads`` gives what ``tomllib.loads`` gives, or its error."""
    try:
        expected = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        with pytest.raises(tomllib.TOMLDecodeError) as caught:
            fast_toml.loads(text)
        assert str(caught.value) == str(error)
        return None
    got = fast_toml.loads(text)
    assert got == expected
    return got


@pytest.mark.parametrize("near", NEAR, ids=range(len(NEAR)))
@pytest.mark.parametrize("where", ["first", "middle", "last", "alone"])
def test_rows_of_a_near_shape_read_as_tomllib_reads_them(near: str, where: str) -> None:
    rows = {
        "first": near + ROWS,
        "middle": ROWS[:200] + near + ROWS[200:],
        "last": ROWS + near,
        "alone": near,
    }[where]
    for end in ("", "\n", "\n[next]\na = 1\n", "[next]\n"):
        _same(HEADER + rows + end)
        _same(HEADER + rows.rstrip("\n") + end)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["p1", "p2", "x-y", "=", " ", "\n", "\t", "4", "-3", "12", "+1", "0"]), max_size=30
    )
)
def test_generated_rows_read_as_tomllib_reads_them(pieces: list[str]) -> None:
    _same(HEADER + "".join(pieces) + "\n[t]\n")
    _same(HEADER + ROWS + "".join(pieces))


def test_a_table_of_scores_is_split_not_matched(monkeypatch: pytest.MonkeyPatch) -> None:
    """400 rows as the app writes them do not go through ``_ROWS`` (a fifth of a large read)."""

    class NoMatch:
        def match(self, text: str, at: int) -> None:
            pytest.fail("matched by _ROWS")

    monkeypatch.setattr(fast_toml_lines, "_ROWS", NoMatch())
    data = _same(HEADER + ROWS + "\n" + HEADER.replace("1", "2") + ROWS)
    assert data is not None and len(data["answers"]["x"]["scores"]) == 2
