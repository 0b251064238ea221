"""A session's summary is kept for exactly its file's bytes, code and flags; never trusted otherwise."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from benchmarks.large_session import large_session, write_session
from workshop_tui.core import kept_summary
from workshop_tui.core.model import Session
from workshop_tui.core.results.summary import build_summary
from workshop_tui.core.storage import sessions
from workshop_tui.core.storage.parsed_cache import CACHE_DIR_ENV
from workshop_tui.core.storage.sessions import load_session


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache" / "summary"


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    session = large_session(participants=60, session_id="people-60")
    return write_session(session, tmp_path_factory.mktemp("big") / "sessions" / "people-60.toml")


def _export(path: Path, out: Path, *flags: str) -> list[Path]:
    from workshop_tui.cli.main import main

    assert main(["--lang", "en", "export", str(path), "-o", str(out), *flags]) == 0
    return sorted(out.iterdir())


def _counting_loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    read: list[Path] = []

    def counted(path: Path, **kwargs: object) -> Session:
        read.append(path)
        return load_session(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sessions, "load_session", counted)
    return read


@pytest.mark.parametrize(("named", "notes"), [(False, False), (True, True), (True, False)])
def test_a_kept_summary_is_the_summary_computed(
    cache: Path, demo: Session, big: Path, named: bool, notes: bool
) -> None:
    for session, raw in ((demo, b"demo"), (load_session(big), big.read_bytes())):
        summary = build_summary(session, named=named, include_notes=notes)
        kept_summary.keep(raw, summary)
        again = kept_summary.read(raw, named=named, include_notes=notes)
        assert again == summary
        assert again is not summary


def test_the_second_export_of_an_unchanged_file_reads_no_session(
    cache: Path, big: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read = _counting_loads(monkeypatch)
    first = _export(big, tmp_path / "first")
    assert read == [big]
    second = _export(big, tmp_path / "second")
    assert read == [big]  # the kept summary: no reading, no computing
    assert [path.name for path in first] == [path.name for path in second]
    for one, other in zip(first, second, strict=True):
        assert one.read_bytes() == other.read_bytes()
    (kept,) = cache.glob("*.summary")
    assert kept.stat().st_mode & 0o077 == 0  # it holds what the session holds
    assert sorted(p.name for p in big.parent.iterdir()) == ["people-60.toml"]  # none beside the user's
    _export(big, tmp_path / "named", "--named")
    assert read == [big, big]  # another edition: its own summary, computed once
    assert len(list(cache.glob("*.summary"))) == 2


def test_a_changed_file_is_read_and_summarised_again(
    cache: Path, big: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "sessions" / "copy.toml"
    path.parent.mkdir()
    shutil.copy(big, path)
    _export(path, tmp_path / "out")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('title = "', 'title = "X', 1), encoding="utf-8")
    read = _counting_loads(monkeypatch)
    written = _export(path, tmp_path / "again")
    assert read == [path]
    assert "x" in written[0].name.split("-")[0]


def _kept(cache: Path, big: Path) -> tuple[bytes, Path]:
    raw = big.read_bytes()
    kept_summary.keep(raw, build_summary(load_session(big)))
    (path,) = cache.glob("*.summary")
    assert kept_summary.read(raw, named=False, include_notes=False) is not None
    return raw, path


def test_a_kept_file_cut_short_is_not_read(cache: Path, big: Path) -> None:
    raw, path = _kept(cache, big)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 10])
    assert kept_summary.read(raw, named=False, include_notes=False) is None


def test_a_kept_file_changed_inside_is_not_read(cache: Path, big: Path) -> None:
    raw, path = _kept(cache, big)
    data = bytearray(path.read_bytes())
    data[-100] ^= 0x01  # in the summary's marshal data: the seal's checksum no longer matches
    path.write_bytes(bytes(data))
    assert kept_summary.read(raw, named=False, include_notes=False) is None


def test_a_kept_file_of_other_bytes_is_not_read(cache: Path, big: Path) -> None:
    raw, _ = _kept(cache, big)
    at = 20_000  # away from the bytes that name the file (``parsed_cache._key``): the same name
    other = raw[:at] + bytes([raw[at] ^ 0x01]) + raw[at + 1 :]
    assert kept_summary._path(cache, other, named=False, include_notes=False).exists()
    assert kept_summary.read(other, named=False, include_notes=False) is None


def test_a_kept_file_unsealed_or_of_another_python_is_not_read(
    cache: Path, big: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw, path = _kept(cache, big)
    monkeypatch.setattr("sys.version", "3.99.0 (another)")
    assert kept_summary.read(raw, named=False, include_notes=False) is None
    monkeypatch.undo()
    monkeypatch.setenv(CACHE_DIR_ENV, str(cache.parent))
    data = path.read_bytes()
    at = 8 + len(raw)
    path.write_bytes(data[:at] + b"XXXX" + data[at + 4 :])  # not a sealed summary
    assert kept_summary.read(raw, named=False, include_notes=False) is None


def test_a_kept_file_of_other_flags_is_not_read(cache: Path, big: Path) -> None:
    raw, path = _kept(cache, big)
    named = kept_summary._path(cache, raw, named=True, include_notes=False)
    shutil.copy(path, named)
    assert kept_summary.read(raw, named=True, include_notes=False) is None


def test_a_changed_core_file_changes_the_stamp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    core = tmp_path / "core"
    shutil.copytree(Path(kept_summary.__file__).parent, core, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(kept_summary, "_CORE", core)
    before = kept_summary.code_stamp()
    assert kept_summary.code_stamp() == before
    rules = core / "results" / "rules.py"
    info = rules.stat()
    os.utime(rules, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
    assert kept_summary.code_stamp() != before


def test_no_cache_folder_keeps_nothing(
    tmp_path: Path, demo: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(CACHE_DIR_ENV, raising=False)  # conftest moved the data dir: no cache
    assert kept_summary.folder() is None
    kept_summary.keep(b"demo", build_summary(demo))
    assert kept_summary.read(b"demo", named=False, include_notes=False) is None
    assert not (tmp_path / "cache").exists()


def test_only_the_newest_are_kept(cache: Path, demo: Session) -> None:
    summary = build_summary(demo)
    for n in range(kept_summary.KEEP + 3):
        kept_summary.keep(f"file {n}".encode(), summary)
        for kept in cache.glob("*.summary"):  # older files look older (mtime resolution)
            os.utime(kept, (kept.stat().st_atime - 10, kept.stat().st_mtime - 10))
    assert len(list(cache.glob("*.summary"))) == kept_summary.KEEP
    assert not list(cache.glob(".*.tmp"))


def test_an_export_with_a_kept_summary_loads_no_reader_and_no_summary_code(
    cache: Path, big: Path, tmp_path: Path
) -> None:
    """What it skips is not loaded either: the session reader, the model's codecs, the kinds' rules."""
    import subprocess
    import sys

    argv = ["--lang", "da", "export", str(big), "--format", "md", "-o", str(tmp_path / "out")]
    skipped = (
        "workshop_tui.core.storage.sessions",
        "workshop_tui.core.results.summary",
        "workshop_tui.core.kinds.registry",
    )
    probe = (
        "import sys\n"
        "from workshop_tui.cli.main import main\n"
        f"code = main({argv!r})\n"
        f"print(code, [name for name in {skipped!r} if name in sys.modules])\n"
    )
    env = {
        "WORKSHOP_TUI_DATA_DIR": str(tmp_path / "data"),
        CACHE_DIR_ENV: str(cache.parent),
        "PATH": "/usr/bin:/bin",
    }
    runs = [
        subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120, check=True
        )
        for _ in range(2)
    ]
    assert runs[0].stdout.strip().splitlines()[-1] == f"0 {list(skipped)!r}"
    assert runs[1].stdout.strip().splitlines()[-1] == "0 []", runs[1].stdout


def _types(value: object) -> object:
    """The shape of ``value`` with every leaf's type: equal values of other types differ here."""
    import dataclasses

    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (type(value), tuple(_types(getattr(value, f.name)) for f in dataclasses.fields(value)))
    if isinstance(value, tuple | list):
        return (type(value), tuple(_types(item) for item in value))
    if isinstance(value, dict):
        return (type(value), tuple((key, _types(item)) for key, item in value.items()))
    return type(value)


def test_instances_and_numbers_come_back_as_they_were(cache: Path, big: Path) -> None:
    """Every value of the same type (1, 1.0 and True are equal), and a score shared stays one instance."""
    import dataclasses

    from workshop_tui.core.results.summary_model import Score

    raw = big.read_bytes()
    summary = build_summary(load_session(big))
    a, b, c, d = Score("", 1), Score("", 2), Score("x", True), Score("x", 1.0)  # type: ignore[arg-type]
    odd_scores = (a, a, b, a, c, d, *(Score(str(n), n) for n in range(40)))
    first = dataclasses.replace(summary.exercises[0], title="odd")
    summary = dataclasses.replace(summary, exercises=(first, *summary.exercises[1:]))
    kept_summary.keep(raw, summary)
    again = kept_summary.read(raw, named=False, include_notes=False)
    assert again == summary
    assert _types(again) == _types(summary)
    shared = {id(score) for score in odd_scores}
    assert len(shared) == 44
    kept_summary.keep(b"scores", dataclasses.replace(summary, groups=odd_scores))  # type: ignore[arg-type]
    made = kept_summary.read(b"scores", named=False, include_notes=False)
    assert made is not None
    assert _types(made.groups) == _types(odd_scores)
    assert len({id(score) for score in made.groups}) == 44  # the same instance apart is made once (a, a, a)


def test_a_summary_holding_what_is_not_kept_is_not_kept(cache: Path, demo: Session) -> None:
    import dataclasses

    summary = build_summary(demo)
    kept_summary.keep(b"odd", dataclasses.replace(summary, groups=(print,)))  # type: ignore[arg-type]
    assert kept_summary.read(b"odd", named=False, include_notes=False) is None
    kept_summary.keep(b"path", dataclasses.replace(summary, groups=(Path("elsewhere"),)))  # type: ignore[arg-type]
    assert kept_summary.read(b"path", named=False, include_notes=False) is None  # another library's class


class _Runs:
    """What a changed kept file could ask an unpickler to call: a function outside the core."""

    def __reduce__(self) -> tuple[object, tuple[str]]:
        import os

        return (os.getenv, ("PATH",))


def test_a_sealed_file_can_make_nothing_but_the_cores_dataclasses(cache: Path, demo: Session) -> None:
    """A file that passes the seal (made by someone who knows it) still cannot call anything."""
    import dataclasses
    import pickle

    from workshop_tui.core.kept_files import seal

    summary = build_summary(demo)
    kept_summary.keep(b"x", summary)
    path = kept_summary._path(cache, b"x", named=False, include_notes=False)
    assert kept_summary.read(b"x", named=False, include_notes=False) == summary
    for hostile in ((_Runs(),), (dataclasses.replace,)):
        content = pickle.dumps(dataclasses.replace(summary, groups=hostile), protocol=kept_summary.PROTOCOL)
        stamp = kept_summary.stamp(named=False, include_notes=False)
        path.write_bytes(len(b"x").to_bytes(8, "little") + b"x" + seal(kept_summary.KIND, stamp, content))
        assert kept_summary.read(b"x", named=False, include_notes=False) is None


def test_keeping_a_summary_compiles_no_regular_expression(
    cache: Path, demo: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The oldest are found by their names' ending: ``Path.glob`` compiled a pattern (~9 M instructions)."""
    import re

    summary = build_summary(demo)
    compiled: list[object] = []
    real = re.compile

    def counting(pattern: object, flags: int = 0) -> object:
        compiled.append(pattern)
        return real(pattern, flags)  # type: ignore[call-overload]

    monkeypatch.setattr(re, "compile", counting)
    for n in range(kept_summary.KEEP + 2):
        kept_summary.keep(f"file {n}".encode(), summary)
    assert compiled == []
    assert len(list(cache.iterdir())) == kept_summary.KEEP
