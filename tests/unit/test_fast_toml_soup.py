"""``fast_toml`` against ``tomllib`` on files made of the pieces that make the fast reads differ.

The other differential tests cut and splice files ``tomli-w`` wrote; these are put together from
pieces instead: table headers of scores, rows, long texts over several lines, what may follow
them on their closing line, carriage returns, a BOM, numbers TOML refuses (``+1``, ``1_0``, a
``٣`` that ``int`` would take). Two differences were found this way: ``\\r\\r\\n`` read as one
line break (CRLF replaced twice), and a statement after a text's closing quotes read as a line
of its own. Whatever the pieces, the result is ``tomllib``'s table or its error.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop_tui.core.storage import fast_toml, known_exercises

LONG = "Borgeren udskrives fredag"
PIECES = [
    "\n",
    "\n",
    "\r\n",
    "\r",
    "\ufeff",
    " ",
    "\t",
    "=",
    "#",
    '"',
    '"""',
    "'''",
    "\\",
    "[answers.a.scores.x]\n",
    '[answers.a.scores."x"]\n',
    "[answers.a]\n",
    "[[answers.a]]\n",
    "[answers.a.scores]\n",
    "p1 = 4\n",
    "p2 = -1\n",
    "p1 = 5\n",
    "p3 = +1\n",
    "p4 = 1_0\n",
    "p5 = \u0663\n",
    "scores = 1\n",
    f'k = "{LONG}"\n',
    f'k = """\n{LONG}\n{LONG}"""',
    f'm = """{LONG}\\n\n{LONG}"""',
    "a = 1\n",
    'a."b" = 2\n',
    " # c\n",
    f't = {{ a = """{LONG}\n{LONG}""", b = 1 }}\n',
    "100000000000000000",
    ".5",
    "_1",
]


def _outcome(parse: Callable[[str], dict[str, Any]], text: str) -> tuple[str, object]:
    try:
        return ("table", parse(text))
    except tomllib.TOMLDecodeError as error:
        return ("error", str(error))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=24).map("".join))
def test_files_of_pieces_read_as_tomllib_reads_them(text: str) -> None:
    expected = _outcome(tomllib.loads, text)
    assert _outcome(fast_toml.loads, text) == expected
    assert _outcome(known_exercises.loads, text) == expected


def test_a_string_never_closed_is_one_token_not_tried_again_from_each_quote_inside() -> None:
    """A line of escaped quotes never closed was tried again from each quote inside it, and an
    escaped triple quote on line after line from each one: quadratic (1 MB: minutes)."""
    line = 'k = "' + '\\"' * 1000 + "\n"
    tokens = list(fast_toml._TOKENS.finditer("\n" + line))
    assert [t.lastgroup for t in tokens] == ["unclosed_line"] and tokens[0].end() == len(line)
    lines = 'k = """\n' + 'a\\"""\n' * 1000
    tokens = list(fast_toml._TOKENS.finditer("\n" + lines))
    assert [t.lastgroup for t in tokens] == ["unclosed"] and tokens[0].end() == len(lines) + 1


def test_a_line_of_a_million_quotes_is_refused_in_linear_time() -> None:
    """Each string on a line looked for its line's start and searched from there for ``=``: a
    1 MB line of quotes took 38 s (now 0.4 s on a loaded machine; the bound leaves room)."""
    import contextlib
    import time

    started = time.perf_counter()
    with contextlib.suppress(tomllib.TOMLDecodeError):
        fast_toml.loads('"' * 1_000_000)
    assert time.perf_counter() - started < 10
