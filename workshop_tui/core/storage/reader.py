"""A validating reader over parsed TOML that collects every problem, not just the first.

Parsing code asks a ``Reader`` for typed values by key; each wrong or missing
value becomes a ``Problem`` naming the key path and the fix, and parsing goes on
so that one run of ``--check`` reports everything.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from workshop_tui.core.model import Text
from workshop_tui.core.model.ids import ID_RULE, valid_id
from workshop_tui.core.model.limits import MAX_TEXT  # the model refuses the same texts (see limits)
from workshop_tui.core.storage.errors import Problem
from workshop_tui.core.storage.keylines import line_of

PLACED_PROBLEMS = 100
"""How many problems of one file get their line number (see ``Problems.add``)."""
KEPT_PROBLEMS = 1_000
"""How many problems of one file are kept; the rest are only counted (see ``Problems.found``)."""
SUGGESTED_KEYS = 20
"""How many unknown keys of one table get a "did you mean" (see ``Reader.finish``)."""
_TYPE_NAMES = {str: "a string", int: "a whole number", bool: "true or false", dict: "a table"}


class Problems:
    """The problems found in one file, with the key->line index to place them."""

    def __init__(self, file: Path, lines: dict[str, int] | Callable[[], dict[str, int]]) -> None:
        """``lines`` is the key->line index, or how to make it when the first problem needs it.

        Making the index scans the whole text; a good file (nearly every file) never needs it.
        """
        self.file = file
        self._lines = lines
        self._kept: list[Problem] = []
        self._more_errors = 0
        self._more_warnings = 0

    @property
    def lines(self) -> dict[str, int]:
        """The key->line index of the file."""
        if callable(self._lines):
            self._lines = self._lines()
        return self._lines

    def add(self, key: str, what: str, fix: str = "", *, warning: bool = False) -> None:
        """Record a problem at ``key`` (placed on its line while there are few problems).

        A message shows a file's first ten problems; placing the rest would only cost time
        (a file with 200,000 unknown keys), so beyond ``PLACED_PROBLEMS`` they are counted
        without a line.
        """
        kept = len(self._kept)
        if kept >= KEPT_PROBLEMS:
            if warning:
                self._more_warnings += 1
            else:
                self._more_errors += 1
            return
        line = line_of(self.lines, key) if kept < PLACED_PROBLEMS else None
        self._kept.append(Problem(self.file, key, what, fix, line, warning=warning))

    @property
    def found(self) -> list[Problem]:
        """Every problem: the first ``KEPT_PROBLEMS``, then one that stands for the rest (``hidden``)."""
        more = self._more_errors + self._more_warnings
        if not more:
            return list(self._kept)
        rest = Problem(self.file, "", f"{more:,} more problems", hidden=more, warning=not self._more_errors)
        return [*self._kept, rest]

    @property
    def errors(self) -> list[Problem]:
        """The problems that stop the file from being used."""
        return [p for p in self.found if not p.warning]

    @property
    def error_count(self) -> int:
        """How many errors were found so far (cheap: parsers compare it before and after a part)."""
        return sum(1 for p in self._kept if not p.warning) + self._more_errors


class Reader:
    """Typed access to one TOML table at ``path`` (e.g. ``items[2]``)."""

    def __init__(self, data: Any, path: str, problems: Problems) -> None:
        self.path = path
        self.problems = problems
        self.data: dict[str, Any] = data if isinstance(data, dict) else {}
        self.used: set[str] = set()

    def key(self, name: str) -> str:
        """The full key path of ``name`` in this table."""
        return f"{self.path}.{name}" if self.path else name

    def has(self, name: str) -> bool:
        """Whether the key is present."""
        return name in self.data

    def _get(self, name: str, kind: type, required: bool) -> Any:
        self.used.add(name)
        if name not in self.data:
            if required:
                self.problems.add(self.key(name), "is missing", f"add {name} = {_example(kind)}")
            return None
        value = self.data[name]
        ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
        if not ok:
            self.problems.add(
                self.key(name),
                f"is {_describe(value)}, expected {_TYPE_NAMES.get(kind, kind.__name__)}",
                f"write it as {name} = {_example(kind)}",
            )
            return None
        if isinstance(value, str) and len(value) > MAX_TEXT:
            self.problems.add(
                self.key(name),
                f"is {len(value):,} characters long (at most {MAX_TEXT:,})",
                "shorten the text",
            )
            return None
        return value

    def string(self, name: str, *, required: bool = True, default: str = "") -> str:
        """A string value (``default`` when absent or wrong)."""
        value = self._get(name, str, required)
        return default if value is None else str(value)

    def integer(
        self,
        name: str,
        *,
        required: bool = True,
        default: int = 0,
        minimum: int | None = None,
        maximum: int | None = None,
    ) -> int:
        """A whole number, optionally bounded."""
        value = self._get(name, int, required)
        if value is None:
            return default
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            bounds = f"from {minimum} to {maximum}" if maximum is not None else f"≥ {minimum}"
            self.problems.add(self.key(name), f"is {value}, out of range", f"use a number {bounds}")
            return default
        return int(value)

    def boolean(self, name: str, *, required: bool = True, default: bool = False) -> bool:
        """A boolean value."""
        value = self._get(name, bool, required)
        return default if value is None else bool(value)

    def table(self, name: str, *, required: bool = True) -> Reader | None:
        """A sub-table as a Reader, or None when absent or not a table."""
        value = self._get(name, dict, required)
        return None if value is None else Reader(value, self.key(name), self.problems)

    def tables(self, name: str, *, required: bool = True) -> list[Reader]:
        """An array of tables (``[[name]]``) as Readers."""
        self.used.add(name)
        if name not in self.data:
            if required:
                self.problems.add(self.key(name), "is missing", f"add at least one [[{self.key(name)}]]")
            return []
        value = self.data[name]
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.problems.add(
                self.key(name),
                f"is {_describe(value)}, expected a list of tables",
                f"write each entry as a [[{self.key(name)}]] table",
            )
            return []
        return [Reader(v, f"{self.key(name)}[{i}]", self.problems) for i, v in enumerate(value)]

    def strings(self, name: str, *, required: bool = True) -> list[str]:
        """A list of strings."""
        self.used.add(name)
        if name not in self.data:
            if required:
                self.problems.add(self.key(name), "is missing", f'add {name} = ["…"]')
            return []
        value = self.data[name]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problems.add(
                self.key(name),
                f"is {_describe(value)}, expected a list of strings",
                f'write it as {name} = ["first", "second"]',
            )
            return []
        return list(value)

    def text(self, name: str, *, required: bool = True, need_english: bool = True) -> Text | None:
        """A bilingual text table ``{ da = "…", en = "…" }``; Danish is required."""
        if not self.has(name):
            self._get(name, dict, required)
            return None
        value = self.data[name]
        if isinstance(value, str):
            self.used.add(name)
            self.problems.add(
                self.key(name),
                "is a plain string, expected Danish and English texts",
                f'write it as {name} = {{ da = "…", en = "…" }}',
            )
            return None
        sub = self.table(name, required=required)
        if sub is None:
            return None
        da = sub.string("da", required=False)
        en = sub.string("en", required=False)
        if not da.strip():
            self.problems.add(sub.key("da"), "Danish text is missing or empty", 'add da = "…" (Danish first)')
        elif need_english and not en.strip():
            self.problems.add(
                sub.key("en"),
                "English text is missing",
                'add en = "…" (Danish is shown instead)',
                warning=True,
            )
        sub.finish()
        return Text(da=da, en=en)

    def finish(self) -> None:
        """Report every key that was present but never asked for, with a close match.

        A close match is looked for only for the first few: a damaged or hostile file can
        have 200,000 unknown keys, and a message shows only the first ten anyway.
        """
        known = sorted(self.used)
        unknown = (name for name in self.data if name not in self.used)  # in the file's order
        for count, name in enumerate(unknown):
            close = difflib.get_close_matches(name, known, n=1) if count < SUGGESTED_KEYS else []
            fix = (
                f"did you mean {close[0]!r}?"
                if close
                else (f"remove it (known keys here: {', '.join(known)})" if known else "remove it")
            )
            self.problems.add(self.key(name), "unknown key", fix)


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, str):
        shown = value if len(value) < 30 else value[:27] + "…"
        return f"the string {shown!r}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return f"a {type(value).__name__}"


def _example(kind: type) -> str:
    return {str: '"…"', int: "1", bool: "true", dict: "{ … }"}.get(kind, "…")


def duplicates(values: Iterable[str]) -> Iterator[str]:
    """Yield each value that occurs more than once (once per repeat)."""
    seen: set[str] = set()
    for value in values:
        if value in seen:
            yield value
        seen.add(value)


def check_id(reader: Reader, name: str, value: str) -> None:
    """Report an id that is not of the one id shape (``model.ids``): missing, empty or wrong.

    An empty id is an error too: ids name files and keys, and ``""`` names nothing.
    """
    if not valid_id(value) and (value or reader.has(name)):
        reader.problems.add(reader.key(name), f"{value[:60]!r} is not a valid id", ID_RULE)


def check_ids(reader: Reader, name: str, values: list[str]) -> list[str]:
    """Report each entry of a list of ids (an agenda, a programme) that is not of the id shape."""
    for value in values:
        if not valid_id(value):
            reader.problems.add(reader.key(name), f"{value[:60]!r} is not a valid id", ID_RULE)
    return values
