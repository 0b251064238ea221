"""The compiled read (rtoml) gives exactly what ``tomllib`` gives, or its error, word for word."""

from __future__ import annotations

import tomllib

import pytest
import rtoml
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


# TOML 1.1 (what rtoml reads) accepts these, TOML 1.0 (tomllib) refuses them: each must be
# refused with tomllib's message. From the toml-test suite's differences between the two.
TOML_1_1 = [
    "t = 07:32\n",
    "t = 1979-05-27T07:32\n",
    "t = 1979-05-27 07:32Z\n",
    "t = [1979-05-27 07:32-07:00]\n",
    "x = { a = 1, }\n",
    "x = {\n  a = 1 }\n",
    "x = { a = 1 # note\n}\n",
    "x = { a = { b = 1 }, c = 2\n}\n",
    'x = { a = "}" \n}\n',
    "x = [\n  {\n    a = 1\n  },\n]\n",
    'x = "caf\\xE9"\n',
    'x = "\\e[31m"\n',
    "\ufeffx = 1\n",
]
# TOML 1.0 that holds their look-alikes in texts and comments, read by rtoml as it is.
LOOK_ALIKES = [
    'x = "kl. 07:32 { a = 1,\\n"\n# 07:32, { trailing, }\ny = [1979-05-27T07:32:00, 07:32:00]\n',
    'p = [\n    { id = "p1", label = { da = "K", en = "L" } },\n    { id = "p2" },\n]\n',
    "x = 'C:\\\\xe\\\\e'\n",
    'x = """\n{ open\n07:32\n"""\n',
]


@pytest.mark.parametrize("text", TOML_1_1)
def test_what_only_toml_1_1_reads_is_refused_as_tomllib_refuses_it(text: str) -> None:
    assert not compiled_toml._only_toml_1_0(text)
    _same(text)


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_texts_and_comments_that_look_like_toml_1_1_are_read(text: str) -> None:
    _same(text)


def test_toml_1_0_goes_to_rtoml_when_no_1_1_form_is_outside_a_text() -> None:
    assert compiled_toml._only_toml_1_0(LOOK_ALIKES[0]) and compiled_toml._only_toml_1_0(LOOK_ALIKES[1])
    assert not compiled_toml._only_toml_1_0(LOOK_ALIKES[2])  # a backslash before x: the other way


@pytest.mark.parametrize(
    "text",
    [
        "x = " + "[" * 200 + "]" * 200 + "\n",  # deeper than rtoml reads, not than tomllib
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


def test_a_large_session_is_read_by_rtoml_as_tomllib_reads_it(
    tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    path = write_session(large_session(participants=12, session_id="people-12"), tmp_path / "s.toml")
    texts = [path.read_text(encoding="utf-8"), (builtin_sessions_dir() / DEMO_FILE).read_text("utf-8")]
    expected = [tomllib.loads(text) for text in texts]

    def refuse(text: str) -> object:
        raise AssertionError("the slower reader was asked")

    monkeypatch.setattr(fast_toml, "loads", refuse)
    assert [compiled_toml.loads(text) for text in texts] == expected


def test_what_rtoml_refuses_is_read_the_slower_way(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(text: str, **_: object) -> object:
        raise rtoml.TomlParsingError("refused")

    monkeypatch.setattr(rtoml, "loads", fail)
    _same('x = "a long enough text"\n[answers.a.scores.x]\np1 = 4\n')
    _same("x = \n")


# Generated documents, cut and spliced at random (valid and broken, texts holding the forms
# that send a text the other way): always tomllib's table or tomllib's error.
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
