"""A large session's parsed table is kept for exactly its text, and never used for another."""

from __future__ import annotations

import marshal
import os
import sys
import tomllib
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from benchmarks.large_session import many_exercises, write_session
from workshop_tui.core.storage import fast_toml, parsed_cache
from workshop_tui.core.storage.locations import DATA_DIR_ENV
from workshop_tui.core.storage.parsed_cache import CACHE_DIR_ENV, KEEP, cache_dir, cached_parse
from workshop_tui.core.storage.sessions import load_session


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The cache folder, a table kept on its first read (how it is kept and read, apart from when)."""
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(parsed_cache, "READS_BEFORE_KEEPING", 1)
    return tmp_path / "cache" / "parsed"


@pytest.fixture
def second_read_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The cache folder as a run has it: a table kept on the second read of the same bytes."""
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache" / "parsed"


def test_a_table_is_kept_on_the_second_read_of_the_same_bytes(
    second_read_cache: Path, large_text: str
) -> None:
    calls: list[str] = []
    parse = cached_parse(_counting(calls))
    assert parse(large_text) == tomllib.loads(large_text)
    assert not list(second_read_cache.glob("*.marshal")) and len(list(second_read_cache.glob("*.seen"))) == 1
    assert parse(large_text) == tomllib.loads(large_text) and len(calls) == 2
    assert len(list(second_read_cache.glob("*.marshal"))) == 1
    assert parse(large_text) == tomllib.loads(large_text) and len(calls) == 2  # read from the kept table


def test_only_the_newest_marks_are_kept(
    second_read_cache: Path, large_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parsed_cache, "MARKS", 3)
    parse = cached_parse(fast_toml.loads)
    for number in range(6):
        parse(large_text.replace('title = "', f'title = "{number} ', 1))
        for mark in second_read_cache.glob("*.seen"):  # older marks look older (mtime resolution)
            os.utime(mark, (mark.stat().st_atime - 10, mark.stat().st_mtime - 10))
    assert len(list(second_read_cache.glob("*.seen"))) == 3
    assert not list(second_read_cache.glob("*.marshal"))


def test_a_first_export_keeps_its_summary_and_no_parsed_table(
    second_read_cache: Path, tmp_path: Path
) -> None:
    """The kept summary answers the next export with the same flags; another (``--named``) reads again."""
    from workshop_tui.cli.main import main

    path = write_session(many_exercises(12), tmp_path / "sessions" / "big.toml")
    out = str(tmp_path / "out")
    for fmt in ("md", "csv"):
        assert main(["--lang", "en", "export", str(path), "--format", fmt, "-o", out]) == 0
    assert not list(second_read_cache.glob("*.marshal"))
    assert main(["--lang", "en", "export", str(path), "--format", "md", "--named", "-o", out]) == 0
    assert len(list(second_read_cache.glob("*.marshal"))) == 1


@pytest.fixture(scope="module")
def large_text(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = write_session(many_exercises(12), tmp_path_factory.mktemp("large") / "large.toml")
    text = path.read_text(encoding="utf-8")
    assert len(text) >= parsed_cache.SMALLEST
    return text


def _counting(calls: list[str]) -> Callable[[str], dict[str, Any]]:
    def parse(text: str) -> dict[str, Any]:
        calls.append(text)
        return fast_toml.loads(text)

    return parse


def test_no_cache_with_a_data_dir_for_tests_unless_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CACHE_DIR_ENV, raising=False)
    assert cache_dir() is None  # conftest moved the data dir: nothing is written outside the test's folder


@pytest.mark.parametrize(
    ("xdg", "home"),
    [(None, "/home/ana"), ("/var/tmp/xdg", "/home/ana"), ("relative/xdg", "/home/ana/"), ("", "/root")],
)
def test_the_users_cache_folder_is_the_one_platformdirs_gives(
    xdg: str | None, home: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a data dir or a cache dir named (a checker's run): platformdirs' folder, found
    without importing it on Linux (it cost ~3 ms of each export of a large file)."""
    import platformdirs

    monkeypatch.delenv(CACHE_DIR_ENV, raising=False)
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    monkeypatch.setenv("HOME", home)
    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    assert cache_dir() == platformdirs.user_cache_path("workshop-tui", appauthor=False) / "parsed"


@pytest.mark.skipif(sys.platform != "linux", reason="the Linux folder rules")
def test_finding_the_users_cache_folder_imports_no_platformdirs(tmp_path: Path) -> None:
    import subprocess

    env = {k: v for k, v in os.environ.items() if not k.startswith("WORKSHOP_TUI")}
    env["HOME"] = str(tmp_path)
    env.pop("XDG_CACHE_HOME", None)
    code = (
        "import sys; from workshop_tui.core.storage.parsed_cache import cache_dir; "
        "print(cache_dir()); print('platformdirs' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == [str(tmp_path / ".cache" / "workshop-tui" / "parsed"), "False"]


def test_the_same_text_is_parsed_once(cache: Path, large_text: str) -> None:
    calls: list[str] = []
    parse = cached_parse(_counting(calls))
    first = parse(large_text)
    again = parse(large_text)
    assert first == again == tomllib.loads(large_text)
    assert again is not first  # a fresh table each time: a caller may change its own
    assert len(calls) == 1 and len(list(cache.glob("*.marshal"))) == 1


def test_another_text_is_never_given_the_kept_table(cache: Path, large_text: str) -> None:
    calls: list[str] = []
    parse = cached_parse(_counting(calls))
    parse(large_text)
    other = large_text.replace('title = "', 'title = "Andet ', 1)
    assert parse(other) == tomllib.loads(other) != tomllib.loads(large_text)
    assert len(calls) == 2


def test_a_kept_file_under_the_name_of_other_content_is_not_trusted(cache: Path, large_text: str) -> None:
    """Same checksum and length (a collision, or a file put there): the kept bytes differ, so it is parsed."""
    calls: list[str] = []
    parse = cached_parse(_counting(calls))
    parse(large_text)
    (kept,) = cache.glob("*.marshal")
    tag, text, _, _ = marshal.loads(kept.read_bytes())
    forged = marshal.dumps({"title": "forged"})
    kept.write_bytes(marshal.dumps((tag, text.replace(b"a", b"b"), zlib.crc32(forged), forged)))
    assert parse(large_text) == tomllib.loads(large_text)
    assert len(calls) == 2


@pytest.mark.parametrize("damage", [b"", b"\x00" * 100, b"not marshal", marshal.dumps([1, 2])])
def test_a_damaged_cache_file_is_read_past_silently(cache: Path, large_text: str, damage: bytes) -> None:
    calls: list[str] = []
    parse = cached_parse(_counting(calls))
    parse(large_text)
    (kept,) = cache.glob("*.marshal")
    kept.write_bytes(damage)
    assert parse(large_text) == tomllib.loads(large_text)
    assert len(calls) == 2
    assert parse(large_text) == tomllib.loads(large_text) and len(calls) == 2  # written again, whole


def test_damaged_kept_table_bytes_are_noticed(cache: Path, large_text: str) -> None:
    calls: list[str] = []
    parse = cached_parse(_counting(calls))
    parse(large_text)
    (kept,) = cache.glob("*.marshal")
    tag, text, check, table = marshal.loads(kept.read_bytes())
    kept.write_bytes(marshal.dumps((tag, text, check, table[:-9] + marshal.dumps(7)[:9])))
    assert parse(large_text) == tomllib.loads(large_text) and len(calls) == 2


def test_an_unwritable_cache_folder_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, large_text: str
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv(CACHE_DIR_ENV, str(blocker))  # its "parsed" folder cannot be made
    assert cached_parse(fast_toml.loads)(large_text) == tomllib.loads(large_text)


def test_small_texts_are_not_kept(cache: Path) -> None:
    assert cached_parse(fast_toml.loads)('id = "x"\n') == {"id": "x"}
    assert not cache.exists()


def test_a_text_that_does_not_parse_keeps_nothing(cache: Path, large_text: str) -> None:
    broken = large_text + "\nbroken =\n"
    with pytest.raises(tomllib.TOMLDecodeError):
        cached_parse(fast_toml.loads)(broken)
    assert not cache.exists() or not list(cache.iterdir())


def test_only_the_newest_files_are_kept(cache: Path, large_text: str) -> None:
    parse = cached_parse(fast_toml.loads)
    for number in range(KEEP + 3):
        parse(large_text.replace('title = "', f'title = "{number} ', 1))
        for kept in cache.glob("*.marshal"):  # older files look older (mtime resolution)
            os.utime(kept, (kept.stat().st_atime - 10, kept.stat().st_mtime - 10))
    assert len(list(cache.glob("*.marshal"))) == KEEP
    assert not list(cache.glob(".*.tmp"))


def test_load_session_reads_the_same_session_from_the_cache(cache: Path, tmp_path: Path) -> None:
    path = write_session(many_exercises(12), tmp_path / "sessions" / "big.toml")
    first = load_session(path)
    assert not cache.exists()  # the app's reads keep nothing: it opens files it has just changed
    assert load_session(path, keep_parsed=True) == first
    assert len(list(cache.glob("*.marshal"))) == 1
    assert load_session(path, keep_parsed=True) == first


def test_the_export_command_keeps_the_parsed_file(cache: Path, tmp_path: Path) -> None:
    from workshop_tui.cli.main import main

    path = write_session(many_exercises(12), tmp_path / "sessions" / "big.toml")
    for fmt in ("md", "csv"):
        assert main(["--lang", "en", "export", str(path), "--format", fmt, "-o", str(tmp_path / "out")]) == 0
    assert len(list(cache.glob("*.marshal"))) == 1


def test_kept_files_are_readable_by_the_owner_only(cache: Path, large_text: str) -> None:
    """They hold what the session file holds (names, answers), which is written for its owner only."""
    cached_parse(fast_toml.loads)(large_text)
    (kept,) = cache.glob("*.marshal")
    assert kept.stat().st_mode & 0o077 == 0


@pytest.mark.parametrize("size", [0, 1, 255, 70_000, 2_000_000])
def test_the_kept_pieces_read_back_as_the_tuple_marshal_writes(size: int) -> None:
    """The file is written in pieces (the file's bytes and the table as they are, no 2 MB copy
    of both): ``marshal`` reads it back as the tuple it would have written whole."""
    raw = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
    table = marshal.dumps({"title": "T", "answers": {"a": [1, 2, 3]}, "n": size})
    pieces = parsed_cache._kept_pieces(raw, table)
    expected = (parsed_cache._TAG, raw, zlib.crc32(table), table)
    assert marshal.loads(b"".join(pieces)) == marshal.loads(marshal.dumps(expected)) == expected
    assert any(piece is raw for piece in pieces) and any(piece is table for piece in pieces)


def test_a_kept_file_is_the_tuple_and_is_read_again(cache: Path, large_text: str) -> None:
    calls: list[str] = []
    parse = cached_parse(_counting(calls))
    first = parse(large_text)
    (kept,) = cache.glob("*.marshal")
    tag, raw, check, table = marshal.loads(kept.read_bytes())
    assert (tag, raw, check) == (parsed_cache._TAG, large_text.encode(), zlib.crc32(table))
    assert marshal.loads(table) == first == parse(large_text) and len(calls) == 1


def test_a_kept_file_is_read_where_it_lies_and_an_older_layout_still_read(
    cache: Path, large_text: str
) -> None:
    """The pieces are read in place (no copy of the bytes and table out of the file); a file
    written as one marshal tuple (an older version's) is read as before."""
    calls: list[str] = []
    parse = cached_parse(_counting(calls))
    first = parse(large_text)
    (kept,) = cache.glob("*.marshal")
    raw = large_text.encode()
    assert parsed_cache._read_pieces(kept.read_bytes(), raw) == first
    assert parsed_cache._read_pieces(kept.read_bytes(), raw + b" ") is None
    tag, _, check, table = marshal.loads(kept.read_bytes())
    older = marshal.dumps((tag, raw, check, table))
    assert parsed_cache._read_pieces(older, raw) is None
    kept.write_bytes(older)
    assert parse(large_text) == first and len(calls) == 1


@pytest.mark.parametrize("cut", [1, 9, 200])
def test_a_kept_file_cut_short_is_read_past_and_bytes_after_it_are_left(
    cache: Path, large_text: str, cut: int
) -> None:
    """Cut short: parsed again (and kept again); bytes after a whole file are left unread, as
    ``marshal`` leaves them, the table still checked against its checksum."""
    calls: list[str] = []
    parse = cached_parse(_counting(calls))
    parse(large_text)
    (kept,) = cache.glob("*.marshal")
    whole = kept.read_bytes()
    kept.write_bytes(whole[:-cut])
    assert parse(large_text) == tomllib.loads(large_text) and len(calls) == 2
    (kept,) = cache.glob("*.marshal")
    assert kept.read_bytes() == whole
    kept.write_bytes(whole + b"x" * cut)
    assert parse(large_text) == tomllib.loads(large_text) and len(calls) == 2


def test_a_table_kept_by_a_reader_that_took_a_broken_file_is_not_used(cache: Path, large_text: str) -> None:
    """fast_toml once read ``\\r\\r\\n`` as a line break, and a statement after a text's closing
    quotes as a line of its own; a table it kept for such a file must not outlive the fix."""
    broken = large_text + "late = 1\r\r\nlater = 2\n"
    with pytest.raises(tomllib.TOMLDecodeError):
        tomllib.loads(broken)
    raw = broken.encode("utf-8")
    before = f"{sys.implementation.cache_tag}-v2"  # the format those readers kept
    table = marshal.dumps({"late": 1, "later": 2})
    cache.mkdir(parents=True)
    kept = cache / f"{zlib.crc32(raw):08x}-{len(raw)}.{before}.marshal"
    kept.write_bytes(marshal.dumps((before, raw, zlib.crc32(table), table)))
    with pytest.raises(tomllib.TOMLDecodeError):
        cached_parse(fast_toml.loads)(broken)


def test_files_of_one_length_that_differ_away_from_the_sampled_bytes_share_a_place(
    cache: Path, large_text: str
) -> None:
    """The kept table is named by a checksum of the file's start, middle and end (and its length):
    another file of that length which differs only elsewhere is kept under the same name, and is
    never given the first one's table (the kept bytes are compared whole)."""
    raw = large_text.encode("utf-8")
    middle, sample = len(raw) // 2, parsed_cache.SAMPLE
    at = raw.index(b" = 3\n", sample)
    assert at + 5 < middle - sample // 2  # between the start's sample and the middle's
    other = (raw[:at] + b" = 4\n" + raw[at + 5 :]).decode("utf-8")
    calls: list[str] = []
    parse = cached_parse(_counting(calls))
    assert parse(large_text) == tomllib.loads(large_text)
    assert parse(other) == tomllib.loads(other) != tomllib.loads(large_text)
    assert len(list(cache.glob("*.marshal"))) == 1
    assert parse(large_text) == tomllib.loads(large_text)  # read again, never the other's table
    assert parse(large_text) == tomllib.loads(large_text)  # and now kept for it again
    assert len(calls) == 3
