"""The fast read of rows of scores and long texts gives exactly what ``tomllib`` gives, or its error."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop_tui.core.storage import fast_toml
from workshop_tui.core.storage.locations import builtin_sessions_dir
from workshop_tui.core.storage.sessions import DEMO_FILE

ROWS = "[answers.a.scores.x]\np1 = 4\np2 = -1\n\n[answers.a.scores.y]\np1 = 0\n"
LONG = "Borgeren udskrives fredag eftermiddag, og hjemmeplejen får besked for sent – igen. " * 2


def _same(text: str) -> None:
    """``fast_toml.loads`` and ``tomllib.loads`` agree: the same table, or the same error."""
    try:
        expected = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        with pytest.raises(tomllib.TOMLDecodeError) as caught:
            fast_toml.loads(text)
        assert str(caught.value) == str(error)
        return
    assert fast_toml.loads(text) == expected


def test_the_demo_reads_the_same() -> None:
    text = (builtin_sessions_dir() / DEMO_FILE).read_text(encoding="utf-8")
    assert "scores." in text
    _same(text)


@pytest.mark.parametrize(
    "text",
    [
        ROWS,
        '[answers.a]\nmode = "participant"\n\n' + ROWS + '\n[answers.a.texts.g1]\nk = "v"\n',
        ROWS + '[answers.b]\nmode = "tally"\n',  # a super-table after its sub-tables
        # A text answer holding lines that look like a table of scores is a text.
        '[answers.a.texts.g1]\nk = """\n' + ROWS + '"""\n' + ROWS.replace("a.", "b."),
        "[answers.a.texts.g1]\nk = '''\n" + ROWS + "'''\n",
        '[answers.a.texts.g1]\nk = """ends with two quotes"""""\n' + ROWS,
        '[answers.a.texts.g1]\nk = """escaped \\""" quote\n' + ROWS + '"""\n',
        '# [answers.a.scores.x]\nk = "[answers.a.scores.x]"\n' + ROWS,
        # Keys after the rows belong to the table of scores: that table is left to tomllib.
        "[answers.a.scores.x]\np1 = 4\nnote = 'x'\n",
        "[answers.a.scores.x]\np1 = 4\n[answers.a.scores.x]\np2 = 1\n",  # the same table twice
        "[answers.a.scores.x]\np1 = 4\np1 = 5\n",  # the same key twice
        "[answers.a]\nscores = { z = { p1 = 1 } }\n" + ROWS,  # scores written inline as well
        "[answers.a.scores]\n" + ROWS,  # and as its own table
        'answers = "no"\n' + ROWS,
        "[[answers]]\n" + ROWS,
        "[answers.a.scores.x]\np1 = 04\n",  # not TOML: leading zero
        "[answers.a.scores.x]\np1 = 4\r\np2 = 5\r\n",
        ROWS + "[answers.b]\nmode = \n",  # an error below the rows: reported on its own line
        # Quoted ids (an item "kurs.pos.1"), the same table under both spellings.
        '[answers.a.scores."kurs.pos.1"]\np1 = 3\n\n[answers."b c".scores."x"]\np1 = 1\n',
        '[answers.a.scores."x"]\np1 = 3\n\n[answers.a.scores.x]\np2 = 1\n',
        '[answers.a.scores."x\\u0041"]\np1 = 3\n',
        # Long texts: plain ones are read by a regular expression, the rest by tomllib.
        f'[answers.a.texts.g1]\nk = "{LONG}"\nm = """\n{LONG}\n{LONG}"""\n' + ROWS,
        f'k = """{LONG}""""\nj = """\n\n{LONG}\n"""""\n',  # quotes at the end are text
        f'k = "{LONG}\\n{LONG}"\nm = """{LONG}\\\n   {LONG}"""\n',  # escapes
        f'k = "{LONG}\x7f"\n',  # a control character: tomllib's error
        f'"{LONG}" = 1\n"{LONG}" = 2\n',  # a long key, twice: tomllib's error
        f'k = ["{LONG}", "{LONG}"]\nm = [\n  """{LONG}\n""",\n]\n',  # in arrays
        f't = {{ a = "{LONG}", b = 1 }}\nu = {{ a = """{LONG}\n{LONG}""" }}\n',  # in inline tables
        f'k = "{LONG}"\nk = "{LONG}"\n',  # a key twice
        f'k = """{LONG}\n{LONG}"""\nbroken = \n',  # an error below a long text: the same line
        f"k = \"{LONG}\" # \"{LONG}\"\nj = '{LONG}'\nm = '''{LONG}\n'''\n",
        f'k = "\ue000{LONG}"\n',
        f'k = "{LONG}"\r\nm = """\r\n{LONG}\r\n"""\r\n',
        # A text's placeholder is a number: what follows the text must not make it another value.
        'k = "a short text".5\n',
        'k = "a short text"e5\n',
        'k = "a short text"_1\n',
        'k = "a short text"1\n',
        # One-letter escapes are read by the fast path; \u, \x and a backslash at a line's end are not.
        'k = "say \\"hi\\" \\\\ \\t \\n \\r \\b \\f"\nm = """\nsay \\"hi\\"\n\\\\n"""\n',
        'k = "a \\u00e6 b \\U0001F600 c \\"q\\""\nm = "bad \\x41 escape"\n',
        'k = """line one \\\n   line two \\"q\\" """\n',
        'k = "a \\ud800 surrogate \\"q\\""\n',
        'k = """ends with an escaped quote \\""""\n',
        'k = """ends with quotes \\"\\"""""\n',
        'k = "a short text"-01-01\n',
        'k = "a short text",\n',
        't = { a = "a short text", b = "another text" }\nu = [{ c = "a third text" }]\n',
        # A carriage return before a CRLF: tomllib refuses it; replacing CRLF twice would not.
        "a = 1\r\r\nb = 2\n",
        f'k = "{LONG}"\r\r\n',
        f'k = """{LONG}\r\r\n{LONG}"""\n',
        ROWS.replace("\n", "\r\r\n"),
        "[answers.a.scores.x]\np1 = 4\n\r\r\n[answers.a.scores.y]\np1 = 0\n",
        # A statement on the closing line of a text over several lines: refused by TOML, and
        # not read as a line of its own once the text is taken out (its line breaks put after).
        f'k = """{LONG}\n{LONG}"""a = 1\n',
        f'k = """{LONG}\n{LONG}"""  a."b" = 2\n',
        f'k = """{LONG}\n{LONG}"""  # a comment\nm = 1\n',
        f't = {{ a = """{LONG}\n{LONG}""", b = 1 }}\n',
    ],
)
def test_tricky_files_read_as_tomllib_reads_them(text: str) -> None:
    _same(text)


def test_an_error_after_the_rows_keeps_its_line_number() -> None:
    with pytest.raises(tomllib.TOMLDecodeError, match=r"line 8"):
        fast_toml.loads(ROWS + "\nbroken =\n")


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What reaches tomllib when it reads the rest (the line reader, ``_simple``, turned off)."""
    monkeypatch.setattr(fast_toml, "_simple", lambda text: None)
    seen: list[str] = []
    real = tomllib.loads

    def parse(text: str) -> dict[str, object]:
        seen.append(text)
        return real(text)

    monkeypatch.setattr(tomllib, "loads", parse)
    return seen


def test_the_rows_are_not_parsed_by_tomllib(seen: list[str]) -> None:
    scores = {"x": {"p1": 4, "p2": -1}, "y": {"p1": 0}}
    assert fast_toml.loads(ROWS) == {"answers": {"a": {"scores": scores}}}
    assert seen == ["\n" * ROWS.count("\n")]


def test_long_texts_are_not_parsed_by_tomllib(seen: list[str]) -> None:
    text = f'k = "{LONG}"\nm = """\n{LONG}\n{LONG}"""\n'
    assert fast_toml.loads(text) == {"k": LONG, "m": f"{LONG}\n{LONG}"}
    assert len(seen) == 1 and LONG not in seen[0] and seen[0].count("\n") == text.count("\n")


def test_texts_with_one_letter_escapes_are_not_parsed_by_tomllib(seen: list[str]) -> None:
    text = 'k = "Spørg: \\"Hvor stærkt?\\"\\tC:\\\\"\nm = """\nEn \\"linje\\"\nto"""\n'
    assert fast_toml.loads(text) == {"k": 'Spørg: "Hvor stærkt?"\tC:\\', "m": 'En "linje"\nto'}
    assert len(seen) == 1 and "Spørg" not in seen[0] and "linje" not in seen[0]


# Generated files: session-shaped TOML (score tables, long texts) written by tomli-w, then cut
# and spliced at random, so the fast read meets valid files, broken ones, and texts that hold
# lines looking like tables. Whatever the text, it must give tomllib's table or tomllib's error.
_IDS = st.sampled_from(["a", "b", "kurs", "sheet-45", "p1", "p2", "x_y", "kurs.pos.1"])
_WORDS = st.sampled_from(
    [
        "Borgeren udskrives fredag ",
        '"citat" ',
        "\\ ",
        "\n[answers.a.scores.x]\np1 = 4\n",
        "# ikke en kommentar ",
        "'''",
        '"""',
        "æøå ",
        "\t",
        "= ",
        "\u000b",
    ]
)
_TEXTS = st.lists(_WORDS, min_size=0, max_size=40).map("".join)
_ROWS = st.dictionaries(_IDS, st.integers(min_value=-3, max_value=12), max_size=6)
_ANSWERS = st.dictionaries(
    _IDS,
    st.fixed_dictionaries(
        {
            "scores": st.dictionaries(_IDS, _ROWS, max_size=4),
            "texts": st.dictionaries(_IDS, _TEXTS, max_size=3),
        }
    ),
    max_size=3,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    answers=_ANSWERS,
    note=_TEXTS,
    cut=st.tuples(st.integers(min_value=0, max_value=4000), st.integers(min_value=0, max_value=40)),
    splice=st.sampled_from(["", "\n", '"', "[answers.a.scores.x]\n", "p1 = 4\n", "'''", "="]),
)
def test_generated_files_read_as_tomllib_reads_them(
    answers: dict[str, object], note: str, cut: tuple[int, int], splice: str
) -> None:
    text = tomli_w.dumps({"schema_version": 2, "note": note, "answers": answers}, multiline_strings=True)
    _same(text)
    start, length = cut
    start = min(start, len(text))
    _same(text[:start] + splice + text[start + length :])


def test_a_number_in_the_placeholders_range_is_noticed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Texts are parsed as numbers counted up from a random start: a number of the file's own in
    that range must not be taken for a text (the file is then read by tomllib alone)."""
    monkeypatch.setattr(fast_toml.os, "urandom", lambda n: bytes(n))  # the start is 10**17
    text = f'k = "a short text"\nm = "another text"\nn = {10**17 + 1}\no = {10**17}\n'
    assert fast_toml.loads(text) == tomllib.loads(text)
    assert fast_toml.loads(text)["n"] == 10**17 + 1


# The rest (texts and scores taken out) is read line by line when every line has a simple
# shape; whatever it returns must be tomllib's table, and for a text tomllib refuses, nothing.
SIMPLE = [
    '# comment\nschema_version = 2\ntitle = "x"\nagenda = [\n    "a",\n    "b",\n]\n',
    'p = [\n    { id = "p1", name = "" },\n    { id = "k", label = { da = "K", en = 1 } },\n]\n',
    "[a.b]\nx = 1\n[a]\ny = true\n[a.c]\nz = false\n",
    '[[e.items]]\nid = "x"\n[e.items.text]\nda = "y"\n[[e.items]]\nid = "z"\n',
    'a = []\nb = [1, "x", true]\nc = {}\nd = { x = 1, "y z" = "w" }\n"q" = -0\n',
    "[a]\n[a]\n",  # a table twice
    "[a]\nx = 1\nx = 2\n",  # a key twice
    '[a]\nx = 1\n"x" = 2\n',  # the same key, quoted
    "[a.b]\n[a]\nb = 1\n",  # a key where a table is
    "a = 1\n[a]\n",  # a table where a value is
    "a = { x = 1 }\n[a]\n",  # an inline table extended
    "a = { x = 1 }\n[a.y]\n",
    "a = []\n[[a]]\n",  # an array of tables where a static array is
    "a = [\n]\n[[a]]\n",
    "[[a]]\n[a]\n",
    "[a]\n[[a]]\n",
    "[[a]]\nx = 1\n[a.b]\ny = 2\n[[a]]\nx = 3\n[a.b]\ny = 4\n",
    "p = [{ id = 1 }]\n[p.x]\n",
    "d = { x = 1, x = 2 }\n",
    "d = { x = { y = 1, y = 2 } }\n",
    "x = 01\n",
    "x = 1_000\n",
    "x = +1\n",
    "x = truex\n",
    'x = "a"b\n',
    "x = [1, 2\n",
    "x = [\n  1,\n  2\n]\n",
    "x = [\n  1,\n  # note\n]\n",
    "x = [\n  1,\n\n]\n",
    "x = [\n  1,\n",
    "]\n",
    "  1,\n",
    "x = 1 # note\n",
    "x = 1\r\n",
    "x.y = 1\n",
    "[ a ]\n",
    'x = "tab\there"\n',
    "# a \x01 control\n",
    "",
    # Rows of whole numbers after a header are read at once: as tomllib reads them, or not at all.
    "[a]\np1 = 1\np2 = -0\np3 = 200\n\n\np4 = 5\n[b]\nq = 1\n",
    "[a]\np1 = 1\np2 = 2",  # the last row without its line break
    "[a]\np1 = 1\np2 = 2\np1 = 3\n",  # a key twice among the rows
    "[a.c]\n[a]\nc = 1\nd = 2\n",  # a row where a table is
    "[a.c]\n[a]\nd = 1\ne = 2\n",
    "[[a]]\nx = 1\ny = 2\n[[a]]\nx = 3\n",
    "[a]\np1 = 1\np2 = 01\n",
    "[a]\np1 = 1\np2 = 1_0\n",
    "[a]\np1 = 1\np2 =  2\n",
    "[a]\n  p1 = 1\n\t\n  [b]  \n",
    # Texts with one-letter escapes, on one line or several between triple quotes.
    'k = "say \\"hi\\" \\\\ \\t\tx"\n',
    'k = """\nline\n  two \\"q\\" """\nj = 1\n',
    'k = """\n\nstarts with a blank line"""\n',
    'k = """a""""\n',
    'k = """a"""""\n',
    'k = """a""""""\n',
    'k = """a""" x\n',
    'k = """a\\\n   b"""\n',  # a backslash at a line's end
    'k = """a\rb"""\n',
    'k = "a \\u00e6"\n',
    'k = "a \\x41"\n',
    'k = """a\n[b]\nc = 1\n"""\n[d]\n',  # a text holding a table's header
    'k = ["""a""", 1]\n',
    'a = [\n    "x",\n]\nb = 1\nc = 2\n[d]\n',  # rows right after an array's end
    'a = [\n    "x",\nb = 1\n]\n',
    "a = [\nb = 1\n]\n",
    "p1 = 1\np1 = 2\n",
    "\n\np1 = 1\n\np2 = 2\n# note\np3 = 3\n",
    'p = [\n    { id = "p1", name = "" },\n    { id = "p2", id = "" },\n]\n',
    'p = [\n    { id = "p1", name = "a = \\"b\\"" },\n    { id = "x = ", name = "y" },\n]\n',
]


@pytest.mark.parametrize("text", SIMPLE)
def test_the_line_reader_gives_tomllibs_table_or_nothing(text: str) -> None:
    _simple_agrees(text)
    _same(text)


def _simple_agrees(text: str) -> None:
    try:
        expected = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        assert fast_toml._simple(text) is None
        return
    found = fast_toml._simple(text)
    assert found is None or (found == expected and list(found) == list(expected))


def test_the_line_reader_reads_a_whole_session(monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo's rest is read line by line (so tomllib is not asked at all), as tomllib reads it."""
    text = (builtin_sessions_dir() / DEMO_FILE).read_text(encoding="utf-8")
    expected = tomllib.loads(text)

    def refuse(text: str) -> object:
        raise AssertionError("tomllib was asked")

    monkeypatch.setattr(tomllib, "loads", refuse)
    assert fast_toml.loads(text) == expected


def test_a_file_the_app_wrote_is_read_in_one_pass(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The demo and a large answered session (every kind's answers, texts over several lines with
    quotes in them, rows of scores) are read by the one pass alone: no text taken out, no rest."""
    from benchmarks.large_session import large_session, write_session

    written = write_session(large_session(participants=12), tmp_path / "large.toml").read_text("utf-8")
    demo = (builtin_sessions_dir() / DEMO_FILE).read_text(encoding="utf-8")
    assert '\\"' in written and '"""' in written and "scores." in written

    def refuse(text: str, first: int) -> object:
        raise AssertionError("the text was read in pieces")

    monkeypatch.setattr(fast_toml, "_read", refuse)
    for text in (written, demo):
        assert fast_toml.loads(text) == tomllib.loads(text)


_VALUES = st.recursive(
    st.one_of(st.integers(-5, 10**18), st.booleans(), st.text('aæ "{}[]=,#.x', max_size=6)),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from(["a", "b c", "d.e", "1"]), inner, max_size=3),
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.dictionaries(st.sampled_from(["a", "b", "c d", "items"]), _VALUES, max_size=4),
    cut=st.tuples(st.integers(min_value=0, max_value=400), st.integers(min_value=0, max_value=20)),
    splice=st.sampled_from(["", "\n", "[a]\n", "[[a]]\n", "x = 1\n", "]", "{", ",", "= "]),
)
def test_generated_documents_read_line_by_line_as_tomllib_reads_them(
    data: dict[str, object], cut: tuple[int, int], splice: str
) -> None:
    text = tomli_w.dumps(data)
    _simple_agrees(text)
    start, length = cut
    start = min(start, len(text))
    _simple_agrees(text[:start] + splice + text[start + length :])
