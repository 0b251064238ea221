"""Copies of built-in definitions are read without parsing, giving exactly what ``tomllib`` gives."""

from __future__ import annotations

import marshal
import re
import tomllib
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from workshop_tui.core.model import Session
from workshop_tui.core.storage import known_exercises, known_seed
from workshop_tui.core.storage.library import load_library
from workshop_tui.core.storage.sessions import load_session, new_session, save_session

SHIPPED = known_exercises.SEED_FILE
"""The table shipped with the app (``known_seed``)."""


@pytest.fixture(autouse=True)
def kept_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Each test makes its own kept texts, in its own folder (none shipped, unless it says so)."""
    path = tmp_path / "kept" / "known.marshal"
    monkeypatch.setattr(known_exercises, "CACHE_FILE", path)
    monkeypatch.setattr(known_exercises, "SEED_FILE", tmp_path / "none-shipped.seed")
    monkeypatch.setattr(known_exercises, "_known", None)
    yield path


@pytest.fixture(scope="module")
def session_text(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A session of every built-in definition, some under new ids, one answered, as the app writes it."""
    library = load_library(include_user=False)
    from dataclasses import replace

    exercises = enumerate(library.exercises.values())
    chosen = [replace(e, id=f"{e.id}-{n:02d}") if n % 2 else e for n, e in exercises]
    stamp = "2026-11-23T09:00:00+00:00"
    session: Session = new_session(
        title="Alle", date="2026-11-23", exercises=chosen, participants=3, timestamp=stamp
    )
    scored = next(e for e in chosen if e.scale is not None and e.scored_items and not e.is_vote)
    scale = scored.scale
    assert scale is not None
    session = session.with_scores(scored.id, {i.id: {"p1": scale.min} for i in scored.scored_items})
    path = tmp_path_factory.mktemp("known") / "alle.toml"
    save_session(session, path)
    return path.read_text(encoding="utf-8")


def _parsed_texts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts ``fast_toml`` is given from now on (what was not taken as known)."""
    seen: list[str] = []
    parse: Callable[[str], dict[str, object]] = known_exercises.fast_toml.loads

    def spy(text: str) -> dict[str, object]:
        seen.append(text)
        return parse(text)

    monkeypatch.setattr(known_exercises.fast_toml, "loads", spy)
    return seen


def _same(text: str) -> dict[str, object] | None:
    """``known_exercises.loads`` and ``tomllib.loads`` agree: the same table in the same order, or error."""
    try:
        expected = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        with pytest.raises(tomllib.TOMLDecodeError) as caught:
            known_exercises.loads(text)
        assert str(caught.value) == str(error)
        return None
    got = known_exercises.loads(text)
    assert got == expected
    assert list(got) == list(expected)
    assert list(got["exercises"]) == list(expected["exercises"])  # type: ignore[call-overload]
    return got


def test_copies_of_built_ins_are_not_parsed(session_text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _parsed_texts(monkeypatch)
    _same(session_text)
    assert seen, "the rest of the file is parsed"
    assert all("[exercises." not in text for text in seen), "a known copy was parsed"
    assert session_text.count("\n") == seen[0].count("\n"), "line breaks kept: a problem keeps its line"


@pytest.mark.parametrize("multiline", [False, True], ids=["tomli-w", "tomli-w multiline"])
def test_copies_written_by_tomli_w_are_not_parsed(
    session_text: str, multiline: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same data written by another program with tomli-w (no seal line, its own way with texts
    of several lines) still holds the built-ins' copies as known texts: a checker's file."""
    import tomli_w

    text = tomli_w.dumps(tomllib.loads(session_text), multiline_strings=multiline)
    assert text != session_text
    seen = _parsed_texts(monkeypatch)
    _same(text)
    assert seen and all("[exercises." not in part for part in seen), "a known copy was parsed"


def test_a_session_reads_the_same_with_them(session_text: str, tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text(session_text, encoding="utf-8")
    shared = load_session(path)
    known_exercises._known = {}  # nothing known: everything parsed
    assert load_session(path) == shared


def _second_id(text: str) -> str:
    """The id of the file's second exercise (the first may follow other keys than the app writes)."""
    return re.findall(r"\n\[exercises\.([A-Za-z0-9_-]+)\]\n", text)[1]


def _section(text: str, exercise_id: str) -> tuple[int, int]:
    """Where the tables of ``exercise_id`` start and end (before the next exercise's, or the answers)."""
    start = text.index(f"\n[exercises.{exercise_id}]\n") + 1
    after = re.compile(r"\n\[exercises\.[A-Za-z0-9_-]+\]\n|\n\[answers\.").search(text, start)
    assert after is not None
    return start, after.start()


CHANGES: list[tuple[str, Callable[[str], str]]] = [
    ("a letter of the title", lambda s: s.replace('da = "', 'da = "x', 1)),
    ("the version", lambda s: s.replace("version = ", "version = 1", 1)),
    ("a key added", lambda s: s.replace("\nkind = ", '\nextra = "x"\nkind = ', 1)),
    ("the last line dropped", lambda s: s[: s.rstrip("\n").rfind("\n") + 1]),
    ("the last text changed", lambda s: s[: s.rstrip("\n").rfind('"')] + 'x"\n'),
    ("a space at a line's end", lambda s: s.replace("\nkind = ", " \nkind = ", 1)),
    ("written in another order", lambda s: s.replace("version = ", "#\nversion = ", 1)),
]


@pytest.mark.parametrize(("what", "change"), CHANGES, ids=[c[0] for c in CHANGES])
def test_a_definition_that_differs_in_anything_is_parsed(
    session_text: str, what: str, change: Callable[[str], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The copy whose text differs from the built-in's is parsed, not taken from the known texts."""
    exercise_id = _second_id(session_text)
    start, end = _section(session_text, exercise_id)
    changed = session_text[:start] + change(session_text[start:end]) + session_text[end:]
    assert changed != session_text
    seen = _parsed_texts(monkeypatch)
    got = _same(changed)
    if got is not None:
        assert any(f"[exercises.{exercise_id}]" in text for text in seen), what


def test_a_changed_definition_is_what_the_session_holds(session_text: str, tmp_path: Path) -> None:
    exercise_id = _second_id(session_text)
    start, end = _section(session_text, exercise_id)
    section = session_text[start:end]
    title_at = section.index('.title]\nda = "') + len('.title]\nda = "')
    path = tmp_path / "s.toml"
    path.write_text(session_text[: start + title_at] + "Ændret " + session_text[start + title_at :], "utf-8")
    session = load_session(path)
    assert session.exercise(exercise_id).title.da.startswith("Ændret ")


@pytest.mark.parametrize(
    "change",
    [
        # The same copy twice: tomllib's error.
        lambda t, s: t.replace("\n[answers.", "\n" + s + "\n[answers.", 1),
        # A key after the last copy belongs to its last table.
        lambda t, s: t.replace("\n[answers.", '\nlate = "x"\n[answers.', 1),
        # The rest adds to a copy, or names exercises itself.
        lambda t, s: t + "\n" + s.split("]", 1)[0] + ".extra]\nk = 1\n",
        lambda t, s: t + "\n[exercises]\nk = 1\n",
        lambda t, s: t + "\n[exercises]\n" + s.split("]", 1)[0].split(".", 1)[1] + " = 1\n",
        lambda t, s: t + "\n[[exercises]]\nk = 1\n",
        lambda t, s: "exercises = 1\n" + t,
        # A copy inside a text of the first keys is a text.
        lambda t, s: t.replace("\n[position]", '\nsaved = """\n' + s + '"""\n[position]', 1),
        lambda t, s: t.replace("\n[position]", "\nsaved = '''\n" + s + "'''\n[position]", 1),
        # Windows line breaks, an error in the rest, a NUL in a copy.
        lambda t, s: t.replace("\n", "\r\n"),
        # A carriage return before a CRLF: tomllib refuses it, in the first keys, a copy or the rest.
        lambda t, s: t.replace("\n", "\r\r\n", 1),
        lambda t, s: t.replace("\n", "\r\r\n"),
        lambda t, s: t.replace("\n[answers.", "\r\r\n[answers.", 1),
        lambda t, s: t.replace("\n[answers.", "\n[answers.\n", 1),
        lambda t, s: t.replace('kind = "', 'kind = "\0', 1),
    ],
)
def test_tricky_files_read_as_tomllib_reads_them(
    session_text: str, change: Callable[[str, str], str]
) -> None:
    start, end = _section(session_text, _second_id(session_text))
    section = session_text[start : end + 1]
    _same(change(session_text, section))


def test_a_damaged_kept_file_is_made_again(session_text: str, kept_file: Path) -> None:
    kept_file.parent.mkdir(parents=True)
    kept_file.write_bytes(b"WTke" + b"\0" * 40)
    _same(session_text)
    assert known_exercises._read_kept(known_exercises._stamp()) is not None
    known_exercises._known = None
    _same(session_text)  # read from the file made


def test_only_the_texts_a_session_holds_are_read_from_the_kept_file(
    session_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The kept file's index is read whole, its texts and tables only when a session holds one."""
    known_exercises.known_texts()
    known_exercises._texts.clear()
    heads = [m.start() for m in re.finditer(r"\n\[exercises\.[A-Za-z0-9_-]+\]\nid = ", session_text)]
    one = session_text[: heads[1] + 1]  # the first keys and the first exercise
    assert _same(one) is not None
    assert len(known_exercises._texts) == 1  # of the some 120 texts kept
    _same(session_text)
    kept = sum(len(entries) for entries in known_exercises.known_texts().values())
    assert 1 < len(known_exercises._texts) < kept  # the copies the app wrote, not tomli-w's forms


@pytest.mark.parametrize("where", [0.3, 0.6, 0.95])
def test_a_damaged_piece_of_the_kept_file_is_not_taken(
    session_text: str, kept_file: Path, where: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A byte changed among the texts or tables (after the sealed index): what tomllib gives, still."""
    _same(session_text)
    data = bytearray(kept_file.read_bytes())
    at = int(len(data) * where)
    data[at] ^= 0x20
    kept_file.write_bytes(bytes(data))
    monkeypatch.setattr(known_exercises, "_known", None)
    _same(session_text)


def test_opening_a_session_takes_them_as_known(
    session_text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.toml"
    path.write_text(session_text, encoding="utf-8")
    seen = _parsed_texts(monkeypatch)
    load_session(path)
    assert seen and all("[exercises." not in text for text in seen)


def test_the_copies_before_a_definition_of_ones_own_are_still_known(
    session_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A definition that is no copy (the facilitator's own) is parsed with the rest of the file."""
    exercise_id = _second_id(session_text)
    start, end = _section(session_text, exercise_id)
    own = (
        session_text[:start]
        + session_text[start:end].replace('da = "', 'da = "Egen: ', 1)
        + session_text[end:]
    )
    seen = _parsed_texts(monkeypatch)
    _same(own)
    first = re.findall(r"\n\[exercises\.([A-Za-z0-9_-]+)\]\n", own)[0]
    assert len(seen) == 1 and f"[exercises.{first}]" not in seen[0]
    assert f"[exercises.{exercise_id}]" in seen[0]


def test_nothing_is_made_where_it_cannot_be_kept(
    session_text: str, kept_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only install reads as before, without making the texts on every read."""
    monkeypatch.setattr(known_exercises, "_writable", lambda folder: False)
    monkeypatch.setattr(known_exercises, "_make", lambda: pytest.fail("made"))
    assert known_exercises.known_texts() == {}
    _same(session_text)


def test_long_first_keys_are_not_read_twice(session_text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A hostile file's megabytes of first keys are parsed once, with the rest (test_hostile_files)."""
    junk = "".join(f"junk{i} = {i}\n" for i in range(known_exercises.MAX_HEAD // 10))
    monkeypatch.setattr(known_exercises, "_simple", lambda text: pytest.fail("the first keys read alone"))
    _same(junk + session_text.split("\n", 1)[1])


def _unpacked(known: known_exercises.Known) -> dict[object, list[tuple[object, ...]]]:
    """A table of known texts with each kept table unmarshalled (bytes may differ for equal tables)."""
    return {
        key: [(text, ids, tail, marshal.loads(table), breaks) for text, ids, tail, table, breaks in entries]
        for key, entries in known.items()
    }


def test_the_shipped_table_is_what_the_library_gives() -> None:
    """The shipped file is made again when a definition, or how the app writes one, changes:
    ``python -m workshop_tui.core.storage.known_exercises``."""
    shipped = known_seed.read_seed(known_exercises.FORMAT, SHIPPED)
    assert shipped is not None, f"{SHIPPED} is missing or damaged"
    digest, known = shipped
    again = "stale: write it again with `python -m workshop_tui.core.storage.known_exercises`"
    assert digest == known_seed.library_digest(), again
    assert _unpacked(known) == _unpacked(known_exercises._make()), again


def test_a_fresh_install_takes_the_shipped_table(
    session_text: str, kept_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first read after installing does not make the table: it keeps the shipped one."""
    monkeypatch.setattr(known_exercises, "SEED_FILE", SHIPPED)
    monkeypatch.setattr(known_exercises, "_make", lambda: pytest.fail("made"))
    seen = _parsed_texts(monkeypatch)
    _same(session_text)
    assert seen and all("[exercises." not in text for text in seen)
    assert known_exercises._read_kept(known_exercises._stamp()) is not None


def test_a_changed_library_makes_the_table(
    session_text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A table shipped for other definitions (an edited checkout) is made again, not taken."""
    seed = tmp_path / "other.seed"
    known_seed.write_seed(known_exercises.FORMAT, {}, known_seed.library_digest() + 1, seed)
    monkeypatch.setattr(known_exercises, "SEED_FILE", seed)
    made: list[bool] = []
    make = known_exercises._make
    monkeypatch.setattr(known_exercises, "_make", lambda: made.append(True) or make())
    seen = _parsed_texts(monkeypatch)
    _same(session_text)
    assert made and all("[exercises." not in text for text in seen)


def _seed(content: object) -> bytes:
    return known_seed.MAGIC + zlib.compress(marshal.dumps(content))


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],
        lambda data: data[:40] + bytes([data[40] ^ 1]) + data[41:],
        lambda data: b"XXXX" + data[4:],
        lambda data: _seed((known_exercises.FORMAT, 1, {("1", "x"): [("t",)]})),  # a bad shape
        lambda data: _seed((known_exercises.FORMAT - 1, 1, {})),  # another format
    ],
)
def test_a_damaged_shipped_table_is_not_taken(
    damage: Callable[[bytes], bytes], session_text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed = tmp_path / "damaged.seed"
    seed.write_bytes(damage(SHIPPED.read_bytes()))
    assert known_seed.read_seed(known_exercises.FORMAT, seed) is None
    monkeypatch.setattr(known_exercises, "SEED_FILE", seed)
    _same(session_text)


def test_a_read_only_install_takes_the_shipped_table(
    session_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing made where it cannot be kept, but the shipped table is read: copies are not parsed."""
    monkeypatch.setattr(known_exercises, "SEED_FILE", SHIPPED)
    monkeypatch.setattr(known_exercises, "_writable", lambda folder: False)
    monkeypatch.setattr(known_exercises, "_make", lambda: pytest.fail("made"))
    seen = _parsed_texts(monkeypatch)
    _same(session_text)
    assert seen and all("[exercises." not in text for text in seen)
