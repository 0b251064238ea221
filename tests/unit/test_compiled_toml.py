"""The compiled read (toml_rs) gives exactly what ``tomllib`` gives, or its error, word for word."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
import toml_rs
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.large_session import large_session, write_session
from workshop_tui.core.storage import compiled_toml, fast_toml
from workshop_tui.core.storage.locations import builtin_sessions_dir
from workshop_tui.core.storage.sessions import DEMO_FILE


def _same(text: str) -> None:
    """``compiled_toml.loads`` and ``tomllib.loads`` agree: the same table, or the same error."""
    try:
        expected = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        with pytest.raises(tomllib.TOMLDecodeError) as caught:
            compiled_toml.loads(text)
        assert str(caught.value) == str(error)
        return
    found = compiled_toml.loads(text)
    assert repr(found) == repr(expected)  # values, types and key order (NaN is not equal to itself)


# TOML 1.1 accepts these, TOML 1.0 (tomllib) refuses them: toml_rs, asked for 1.0, refuses them
# too, and the error is tomllib's. From the toml-test suite's differences between the two.
TOML_1_1 = [
    "t = 07:32\n",
    "t = 1979-05-27T07:32\n",
    "t = 1979-05-27 07:32Z\n",
    "x = { a = 1, }\n",
    "x = {\n  a = 1 }\n",
    "x = { a = 1 # note\n}\n",
    "x = { a = { b = 1 }, c = 2\n}\n",
    'x = { a = "}" \n}\n',
    'x = "caf\\xE9"\n',
    'x = "\\e[31m"\n',
    "\ufeffx = 1\n",
]
# TOML 1.0 holding their look-alikes in texts and comments.
LOOK_ALIKES = [
    'x = "kl. 07:32 { a = 1,\\n"\n# 07:32, { trailing, }\ny = [1979-05-27T07:32:00, 07:32:00]\n',
    'p = [\n    { id = "p1", label = { da = "K", en = "L" } },\n    { id = "p2" },\n]\n',
    "x = 'C:\\\\xe\\\\e'\n",
    'x = """\n{ open\n07:32\n"""\n',
]


@pytest.mark.parametrize("text", TOML_1_1)
def test_what_only_toml_1_1_reads_is_refused_as_tomllib_refuses_it(text: str) -> None:
    _same(text)


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_texts_and_comments_that_look_like_toml_1_1_are_read(text: str) -> None:
    _same(text)


@pytest.mark.parametrize(
    "text",
    [
        "x = " + "[" * 300 + "]" * 300 + "\n",  # deeper than the bound lets toml_rs read
        "x = " + "{a=" * 300 + "1" + "}" * 300 + "\n",
        "x = 9223372036854775807\n",
        "x = 9223372036854775808\n",
        "x = nan\ny = -inf\n",
        "[a]\nx = 1\n[a]\n",
        'x = "\\ud800"\n',
        "x = 1\ry = 2\n",
        "x = 1\r\ny = 2\r\n",
        'x = "a\x7fb"\n',
        "",
    ],
)
def test_edges_read_as_tomllib_reads_them(text: str) -> None:
    _same(text)


def test_a_large_session_is_read_by_toml_rs_as_tomllib_reads_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_session(large_session(participants=12, session_id="people-12"), tmp_path / "s.toml")
    texts = [path.read_text(encoding="utf-8"), (builtin_sessions_dir() / DEMO_FILE).read_text("utf-8")]
    expected = [tomllib.loads(text) for text in texts]
    assert all(compiled_toml.nesting_bound(text) <= compiled_toml.MAX_NESTING for text in texts)

    def refuse(text: str) -> object:
        raise AssertionError("the slower reader was asked")

    monkeypatch.setattr(fast_toml, "loads", refuse)
    assert [compiled_toml.loads(text) for text in texts] == expected


def test_what_toml_rs_refuses_is_read_the_slower_way(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(text: str, **_: object) -> object:
        raise toml_rs.TOMLDecodeError("refused")

    monkeypatch.setattr(toml_rs, "loads", fail)
    _same('x = "a long enough text"\n[answers.a.scores.x]\np1 = 4\n')
    _same("x = \n")


@pytest.mark.parametrize(("opener", "closer"), [("[", "]"), ("{a=", "}")])
def test_nesting_deep_enough_to_end_the_process_never_reaches_toml_rs(
    opener: str, closer: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """toml_rs recurses on the stack (a 4,500-deep inline table ended the process, with no
    exception): such a text goes to tomllib, which raises RecursionError ("nested too deep")."""
    deep = 20_000
    value = "1" if opener != "[" else ""

    def refuse(text: str, **_: object) -> object:
        raise AssertionError("toml_rs was asked")

    monkeypatch.setattr(toml_rs, "loads", refuse)
    # On one line, and (an array) one bracket per line: each line is checked on its own.
    for joiner in ("", "\n") if opener == "[" else ("",):
        text = "x = " + joiner.join([opener] * deep) + value + closer * deep + "\n"
        assert compiled_toml.nesting_bound(text) >= deep
        with pytest.raises(RecursionError):
            compiled_toml.loads(text)


# Nested arrays and inline tables written at random, with texts holding brackets, quotes and
# comments, and line breaks where TOML allows them (between an array's values): the bound is
# never below the nesting the text really has (else a deep file could reach toml_rs).
_PIECES = st.sampled_from(
    ['"a]b"', '"}"', "'['", '"x"', "1", '"""\n]]\n"""', "'''{{'''", '"\\""', '"[{"', '""']
)


@st.composite
def _nested(draw: st.DrawFn, depth: int = 0) -> tuple[str, int]:
    """(TOML value, its nesting of arrays and inline tables)."""
    if depth >= 6 or draw(st.booleans()):
        return draw(_PIECES), depth
    inner = [draw(_nested(depth + 1)) for _ in range(draw(st.integers(1, 3)))]
    if draw(st.booleans()):  # an inline table: on one line, so values without line breaks only
        kept = [(text, d) for text, d in inner if "\n" not in text] or [("1", depth + 1)]
        body = ", ".join(f"k{i} = {text}" for i, (text, _) in enumerate(kept))
        return "{" + body + "}", max(d for _, d in kept)
    separator = draw(st.sampled_from([", ", ",\n", ", # ]] } [\n"]))
    return "[" + separator.join(text for text, _ in inner) + "]", max(d for _, d in inner)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=_nested())
def test_the_nesting_bound_is_never_below_the_real_nesting(value: tuple[str, int]) -> None:
    text, depth = value
    document = f"x = {text}\n"
    tomllib.loads(document)  # the generator writes TOML
    assert compiled_toml.nesting_bound(document) >= depth
    _same(document)


# Generated documents, cut and spliced at random (valid and broken): always tomllib's table or
# tomllib's error.
_VALUES = st.recursive(
    st.one_of(
        st.integers(-5, 10**18),
        st.booleans(),
        st.text('aæ "{}[]=,#.x\\:07\n\t', max_size=8),
        st.floats(allow_nan=False),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from(["a", "b c", "d.e", "1", ""]), inner, max_size=3),
    ),
    max_leaves=12,
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.dictionaries(st.sampled_from(["a", "b", "c d", "items"]), _VALUES, max_size=4),
    cut=st.tuples(st.integers(min_value=0, max_value=400), st.integers(min_value=0, max_value=20)),
    splice=st.sampled_from(
        ["", "\n", "[a]\n", "x = 1\n", "]", "{", "}", ",", "= ", "07:32", "\\x41", "\\e", '"', "#"]
    ),
)
def test_generated_documents_read_as_tomllib_reads_them(
    data: dict[str, object], cut: tuple[int, int], splice: str
) -> None:
    text = tomli_w.dumps(data, multiline_strings=True)
    _same(text)
    start, length = cut
    start = min(start, len(text))
    _same(text[:start] + splice + text[start + length :])
