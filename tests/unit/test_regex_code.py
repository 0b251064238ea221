"""The kept engine code of :mod:`workshop_tui.core.regex_code` makes the same expressions."""

from __future__ import annotations

import re
import sys
import types
from pathlib import Path

import pytest

from workshop_tui.core import regex_code
from workshop_tui.core.kept_files import HEADER_SIZE

SOURCE = r"""
import re
WORDS = re.compile(r"(?P<word>[A-Za-zæøå]+)|(?P<number>-?(?:0|[1-9][0-9]*))", re.IGNORECASE)
LINES = re.compile(r"^\s*(#|[-+])(?![ \t])", re.MULTILINE)
BYTES = re.compile(rb"\x00(?P<n>\d+)")
"""


@pytest.fixture()
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder, nothing remembered from this process, and the cache installed."""
    monkeypatch.setattr(regex_code, "CACHE_DIR", tmp_path / "codes")
    monkeypatch.setattr(regex_code, "_cached", {})
    monkeypatch.setattr(regex_code, "_used", {})
    monkeypatch.setattr(regex_code, "_dirty", set())
    monkeypatch.setattr(regex_code, "_read_files", set())
    monkeypatch.setattr(re._compiler, "compile", regex_code._compile)  # type: ignore[attr-defined]
    return tmp_path / "codes"


def make(name: str) -> types.ModuleType:
    """The expressions of ``SOURCE`` compiled in a fresh module ``name`` (re's own cache emptied)."""
    re.purge()
    module = types.ModuleType(name)
    sys.modules[name] = module
    try:
        exec(compile(SOURCE, f"<{name}>", "exec"), module.__dict__)
    finally:
        del sys.modules[name]
    return module


def behaviour(module: types.ModuleType) -> tuple[object, ...]:
    words, lines, data = module.WORDS, module.LINES, module.BYTES
    return (
        words.pattern,
        words.flags,
        words.groups,
        dict(words.groupindex),
        [m.groupdict() for m in words.finditer("Ærø 12 -3 x07 ÆBLE")],
        lines.flags,
        lines.sub("!", "# a\n-b\n- c\n+d"),
        data.flags,
        data.findall(b"\x0012\x00x\x003"),
    )


def test_kept_code_gives_the_same_expressions(fresh_cache: Path) -> None:
    with pytest.MonkeyPatch.context() as patch:  # as ``re`` compiles them, without the cache
        patch.setattr(re._compiler, "compile", regex_code._original)  # type: ignore[attr-defined]
        expected = behaviour(make("probe_outside"))
    first = make("workshop_tui.probe_regex")
    assert regex_code._dirty == {"workshop_tui.probe_regex"}
    regex_code._write()
    kept = regex_code.cache_file("workshop_tui.probe_regex")
    assert kept.is_file()
    regex_code._cached.clear()
    regex_code._dirty.clear()
    second = make("workshop_tui.probe_regex")
    assert regex_code._dirty == set()  # every expression came from the file
    assert behaviour(first) == behaviour(second) == expected


def test_a_damaged_file_is_not_read(fresh_cache: Path) -> None:
    make("workshop_tui.probe_damaged")
    regex_code._write()
    kept = regex_code.cache_file("workshop_tui.probe_damaged")
    data = bytearray(kept.read_bytes())
    data[HEADER_SIZE + 5] ^= 0xFF
    kept.write_bytes(bytes(data))
    regex_code._cached.clear()
    regex_code._dirty.clear()
    module = make("workshop_tui.probe_damaged")
    assert regex_code._dirty == {"workshop_tui.probe_damaged"}  # compiled afresh
    assert behaviour(module) == behaviour(make("workshop_tui.probe_other"))


def test_code_the_engine_refuses_is_compiled_afresh(fresh_cache: Path) -> None:
    pattern = r"(?P<a>x+)y"
    regex_code._cached["workshop_tui.probe_bad"] = {(pattern, 0): (32, [1, 2, 3], 1, {"a": 1}, (None, "a"))}
    module = types.ModuleType("workshop_tui.probe_bad")
    re.purge()
    exec(compile(f"import re\nP = re.compile({pattern!r})", "<probe>", "exec"), module.__dict__)
    assert module.P.fullmatch("xxy").group("a") == "xx"
    assert regex_code._dirty == {"workshop_tui.probe_bad"}


def test_a_library_s_expressions_are_compiled_as_always(fresh_cache: Path) -> None:
    make("some_library.probe")
    assert regex_code._dirty == set()


def test_a_compiler_of_other_parts_compiles_as_always(
    fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(regex_code, "_sre", None)  # e.g. an engine whose compile takes other arguments
    module = make("workshop_tui.probe_other_python")
    assert regex_code._dirty == set()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(re._compiler, "compile", regex_code._original)  # type: ignore[attr-defined]
        assert behaviour(module) == behaviour(make("probe_reference"))


def test_a_bad_pattern_raises_as_re_raises_it(fresh_cache: Path) -> None:
    re.purge()
    module = types.ModuleType("workshop_tui.probe_error")
    with pytest.raises(re.error, match="missing \\)"):
        exec(compile("import re\nre.compile('(a')", "<probe>", "exec"), module.__dict__)


@pytest.fixture()
def starting(fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app's start (``regex_code.start``) with an empty cache; put back as it was afterwards."""
    monkeypatch.setattr(regex_code, "_starting", False)
    monkeypatch.setattr(regex_code, "_per_module", False)
    regex_code.start()
    return fresh_cache


def test_the_start_keeps_every_module_s_expressions_in_one_file(starting: Path) -> None:
    """While the app starts, a library's expressions are kept too, all in the start's file."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(re._compiler, "compile", regex_code._original)  # type: ignore[attr-defined]
        expected = behaviour(make("probe_reference"))
    first = behaviour(make("some_library.probe_start"))
    make("workshop_tui.probe_start")
    assert regex_code._dirty == {regex_code.START}
    regex_code.save()
    assert [p.name for p in starting.iterdir()] == [regex_code.cache_file(regex_code.START).name]
    regex_code._cached.clear()
    second = behaviour(make("another_library.probe_start"))
    assert regex_code._dirty == set()  # every expression came from the file
    assert first == second == expected


def test_after_the_start_expressions_are_compiled_as_always(starting: Path) -> None:
    make("some_library.probe_before")
    regex_code.finish()
    assert regex_code.cache_file(regex_code.START).is_file()  # kept when the start ended
    assert re._compiler.compile is regex_code._original  # type: ignore[attr-defined]
    re.purge()
    re.compile(r"typed (?:later|search)\d+")
    assert not regex_code._dirty
    assert (r"typed (?:later|search)\d+", 0) not in regex_code._used.get(regex_code.START, {})


def test_the_start_s_file_keeps_other_starts_expressions_up_to_a_bound(
    starting: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An open's start and the list's compile a few different expressions: each keeps the other's."""
    key = ("an earlier start's (expression)", 0)
    regex_code._cached[regex_code.START] = {key: regex_code._fresh(*key)[1]}
    make("some_library.probe_union")
    regex_code.save()
    regex_code._cached.clear()
    kept = regex_code._read(regex_code.START)
    assert key in kept and len(kept) == 4
    monkeypatch.setattr(regex_code, "START_KEEP", 3)  # more than that: only this start's
    regex_code._cached[regex_code.START] = kept
    regex_code._dirty.add(regex_code.START)
    regex_code.save()
    regex_code._cached.clear()
    assert key not in regex_code._read(regex_code.START)


def test_a_command_that_starts_no_app_ends_the_start(
    starting: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``workshop sessions`` (no app): the start ends once its arguments are read."""
    from workshop_tui.cli import main as cli

    ended: list[bool] = []
    finish = regex_code.finish
    monkeypatch.setattr(regex_code, "finish", lambda: ended.append(regex_code._starting) or finish())
    monkeypatch.setattr(cli, "_dispatch", lambda args, lang: 0 if ended == [True] else 1)
    assert cli.main(["sessions"]) == 0  # ended before the command ran
    assert not regex_code._starting
    assert re._compiler.compile is regex_code._original  # type: ignore[attr-defined]


def test_the_start_s_forms_are_let_go_once_it_is_over(starting: Path) -> None:
    """Written when the start ends, the start's file's forms are not kept in memory for the whole run."""
    make("some_library.probe_let_go")
    assert regex_code._cached.get(regex_code.START) is not None and regex_code._used.get(regex_code.START)
    regex_code.finish()
    assert regex_code.cache_file(regex_code.START).is_file()
    assert regex_code.START not in regex_code._cached and regex_code.START not in regex_code._used
