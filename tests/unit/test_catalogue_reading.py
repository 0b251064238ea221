"""The catalogue's fast reader reads exactly what tomllib reads, or leaves the file to tomllib.

``core.i18n.reading`` reads the catalogues' few shapes of TOML with one regular expression
per line (a start reads a catalogue every time). Whatever it returns must be what
``tomllib`` reads, flattened; whatever ``tomllib`` refuses it must refuse too (by handing
the text over, so the error is tomllib's).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop_tui.core.i18n import reading

CATALOGUES = sorted((Path(reading.__file__).parent).glob("*.toml"))


def _tomllib_flat(text: str) -> dict[str, str]:
    flat: dict[str, str] = {}
    reading._flatten(tomllib.loads(text), "", flat)
    return flat


def _agree(text: str) -> None:
    """The reader and tomllib agree on ``text``: the same texts, or both refuse it."""
    try:
        expected = _tomllib_flat(text)
    except (tomllib.TOMLDecodeError, TypeError) as error:
        assert reading._read_simple(text) is None, text
        with pytest.raises(type(error)):
            reading.read_catalogue(text)
        return
    fast = reading._read_simple(text)
    assert fast is None or fast == expected, text
    assert reading.read_catalogue(text) == expected


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.name)
def test_each_catalogue_is_read_fast_and_exactly_as_tomllib_reads_it(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fast = reading._read_simple(text)
    assert fast is not None, "the catalogue has a shape the fast reader does not know: it reads slowly"
    assert fast == _tomllib_flat(text)


@pytest.mark.parametrize(
    "text",
    [
        '[a]\nx = "1"\n',
        '[a]\n"b.c" = "1"\n[a.b]\nc = "2"\n',  # the same flat key twice: tomllib's order decides
        '[a]\nb = "1"\n[a.b]\nc = "2"\n',  # a text where a table is: refused
        '[a]\nx = "1"\nx = "2"\n',  # a key twice: refused
        "[a]\n[a]\n",  # a table twice: refused
        "[a]\nx = 1\n",  # not a text: TypeError
        '[a]\nx = "tab\there \\"q\\" \\\\ \\n"\n',
        '[a]\nx = "\\u00e6"\n',  # an escape the fast reader leaves to tomllib
        '[a]\nx = "\\e"\n',  # not an escape in TOML 1.0
        '[a]\nx = """\nline\n  two ""quoted""\n"""\n',
        '[a]\nx = """ab"""""\n',  # quotes before the closing ones
        '[a]\nx = """a \\\n   b"""\n',  # a line continuation
        "[a]\nx = 'lit \\\\ eral'\n",
        '[a]\r\nx = "1"\r\n',
        '[a]\nx = "bell\x07"\n',
        '[a]\nx = "1" # comment\n  # indented comment\n',
        '[ a.b ]\nx = "1"\n',
        '[a]\nx.y = "1"\n',
        '[[a]]\nx = "1"\n',
        '[a]\nx = "unterminated\n',
        '"top" = "1"\n[a]\ny = "2"',  # a key before any table, no final line break
        '[a]\n"" = "empty key"\n',
    ],
)
def test_tricky_texts_are_read_as_tomllib_reads_them(text: str) -> None:
    _agree(text)


def test_the_simple_shapes_are_read_fast() -> None:
    text = '# c\n[a]\nx = "1"\n"q.k" = \'lit\'\n\n[a.b]\ny = """\nm\n"""\n'
    assert reading._read_simple(text) == {"a.x": "1", "a.q.k": "lit", "a.b.y": "m\n"}


_PIECES = st.sampled_from(
    [
        "[a]", "[a.b]", "[b]", "[ a ]", "[[a]]", 'x = "1"', 'y = "2"', '"x" = "3"', '"a.b" = "4"',
        "b = 'lit'", 'z = """', '"""', "text line", 'w = """one"""', 'v = "esc \\" \\\\ \\t"',
        'u = "\\u0041"', "t = 5", "# comment", "", "   ", 'k = "x" # c', 'q = "unterminated',
        'b = "table clash"', 'r = """a""""', "s = '''m'''", 'p = "\t"',
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=12), st.booleans())
def test_texts_made_of_catalogue_pieces_are_read_as_tomllib_reads_them(lines: list[str], end: bool) -> None:
    _agree("\n".join(lines) + ("\n" if end else ""))
