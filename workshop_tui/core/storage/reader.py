"""A validating reader over parsed TOML that collects every problem, not just the first.

Parsing code asks a ``Reader`` for typed values by key; each wrong or missing
value becomes a ``Problem`` naming the key path and the fix, and parsing goes on
so that one run of ``--check`` reports everything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from workshop_tui.core.i18n import Phrase, phrase
from workshop_tui.core.model import Text
from workshop_tui.core.model.ids import valid_id
from workshop_tui.core.model.limits import MAX_TEXT  # the model refuses the same texts (see limits)
from workshop_tui.core.storage.errors import Problem, file_problem

PLACED_PROBLEMS = 100
"""How many problems of one file get their line number (see ``Problems.add``)."""
KEPT_PROBLEMS = 1_000
"""How many problems of one file are kept; the rest are only counted (see ``Problems.found``)."""
SUGGESTED_KEYS = 20
"""How many unknown keys of one table get a "did you mean" (see ``Reader.finish``)."""
_TYPE_NAMES = {
    str: "problems.type.string",
    int: "problems.type.integer",
    bool: "problems.type.boolean",
    dict: "problems.type.table",
}


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

    def add(self, key: str, what: str, fix: str = "", /, *, warning: bool = False, **values: object) -> None:
        """Record a problem at ``key`` (placed on its line while there are few problems).

        ``what`` and ``fix`` are catalogue keys (``problems.what.*``, ``problems.fix.*``)
        that share ``values``: the words are chosen when the problem is shown, in the
        reader's language. A message shows a file's first ten problems; placing the rest
        would only cost time (a file with 200,000 unknown keys), so beyond
        ``PLACED_PROBLEMS`` they are counted without a line.
        """
        kept = len(self._kept)
        if kept >= KEPT_PROBLEMS:
            if warning:
                self._more_warnings += 1
            else:
                self._more_errors += 1
            return
        line = None
        if kept < PLACED_PROBLEMS:
            # (imported with the first problem: a file read without one never needs its expressions)
            from workshop_tui.core.storage.keylines import line_of

            line = line_of(self.lines, key)
        self._kept.append(file_problem(self.file, key, what, fix, line=line, warning=warning, **values))

    @property
    def found(self) -> list[Problem]:
        """Every problem: the first ``KEPT_PROBLEMS``, then one that stands for the rest (``hidden``)."""
        more = self._more_errors + self._more_warnings
        if not more:
            return list(self._kept)
        rest = Problem(
            self.file, "", phrase("problems.what.more", n=more), hidden=more, warning=not self._more_errors
        )
        return [*self._kept, rest]

    @property
    def errors(self) -> list[Problem]:
        """The problems that stop the file from being used."""
        return [p for p in self.found if not p.warning]

    @property
    def count(self) -> int:
        """How many problems were found so far, warnings too."""
        return len(self._kept) + self._more_errors + self._more_warnings

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
        value = self.data.get(name)
        if type(value) is kind and (not isinstance(value, str) or len(value) <= MAX_TEXT):
            return value  # the usual case, read a few thousand times per file: checked below
        if name not in self.data:
            if required:
                self.problems.add(
                    self.key(name),
                    "problems.what.missing",
                    "problems.fix.add_value",
                    name=name,
                    example=_example(kind),
                )
            return None
        value = self.data[name]
        ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
        if not ok:
            self.problems.add(
                self.key(name),
                "problems.what.wrong_type",
                "problems.fix.write_as",
                found=_describe(value),
                expected=phrase(_TYPE_NAMES.get(kind, "problems.type.table")),
                name=name,
                example=_example(kind),
            )
            return None
        if isinstance(value, str) and len(value) > MAX_TEXT:
            self.problems.add(
                self.key(name),
                "problems.what.too_long",
                "problems.fix.shorten",
                length=len(value),
                most=MAX_TEXT,
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
            self.problems.add(
                self.key(name),
                "problems.what.out_of_range",
                "problems.fix.number_between" if maximum is not None else "problems.fix.number_at_least",
                value=str(value),
                low=str(minimum),
                high=str(maximum),
            )
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
                self.problems.add(
                    self.key(name), "problems.what.missing", "problems.fix.add_table", table=self.key(name)
                )
            return []
        value = self.data[name]
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.problems.add(
                self.key(name),
                "problems.what.wrong_type",
                "problems.fix.write_tables",
                found=_describe(value),
                expected=phrase("problems.type.tables"),
                table=self.key(name),
            )
            return []
        return [Reader(v, f"{self.key(name)}[{i}]", self.problems) for i, v in enumerate(value)]

    def strings(self, name: str, *, required: bool = True) -> list[str]:
        """A list of strings."""
        self.used.add(name)
        if name not in self.data:
            if required:
                self.problems.add(self.key(name), "problems.what.missing", "problems.fix.add_list", name=name)
            return []
        value = self.data[name]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problems.add(
                self.key(name),
                "problems.what.wrong_type",
                "problems.fix.write_list",
                found=_describe(value),
                expected=phrase("problems.type.strings"),
                name=name,
            )
            return []
        return list(value)

    def text(self, name: str, *, required: bool = True, need_english: bool = True) -> Text | None:
        """A bilingual text table ``{ da = "…", en = "…" }``; Danish is required."""
        if not self.has(name):
            self._get(name, dict, required)
            return None
        value = self.data[name]
        if type(value) is dict and len(value) == 2:  # the usual case, read a thousand times in a large file
            da, en = value.get("da"), value.get("en")
            if (
                type(da) is str
                and type(en) is str
                and len(da) <= MAX_TEXT
                and len(en) <= MAX_TEXT
                and da.strip()
                and (en.strip() or not need_english)
            ):
                self.used.add(name)
                return Text(da=da, en=en)  # what the checks below give it, with nothing to report
        if isinstance(value, str):
            self.used.add(name)
            self.problems.add(
                self.key(name), "problems.what.plain_text", "problems.fix.write_text", name=name
            )
            return None
        sub = self.table(name, required=required)
        if sub is None:
            return None
        da = sub.string("da", required=False)
        en = sub.string("en", required=False)
        if not da.strip():
            self.problems.add(sub.key("da"), "problems.what.no_danish", "problems.fix.add_danish")
        elif need_english and not en.strip():
            self.problems.add(
                sub.key("en"), "problems.what.no_english", "problems.fix.add_english", warning=True
            )
        sub.finish()
        return Text(da=da, en=en)

    def finish(self) -> None:
        """Report every key that was present but never asked for, with a close match.

        A close match is looked for only for the first few: a damaged or hostile file can
        have 200,000 unknown keys, and a message shows only the first ten anyway.
        """
        if self.used.issuperset(self.data):
            return  # the usual case, for every table of a file: nothing to sort or suggest
        import difflib  # only a file with unknown keys needs it

        known = sorted(self.used)
        unknown = (name for name in self.data if name not in self.used)  # in the file's order
        for count, name in enumerate(unknown):
            close = difflib.get_close_matches(name, known, n=1) if count < SUGGESTED_KEYS else []
            fix = (
                "problems.fix.did_you_mean"
                if close
                else "problems.fix.remove_known"
                if known
                else "problems.fix.remove"
            )
            self.problems.add(
                self.key(name),
                "problems.what.unknown_key",
                fix,
                close=repr(close[0]) if close else "",
                known=", ".join(known),
            )


def _describe(value: Any) -> Phrase:
    """What a wrong value is, said in the reader's language (``the string 'x'``)."""
    if isinstance(value, bool):
        return phrase("problems.value.boolean", value=str(value).lower())
    if isinstance(value, str):
        shown = value if len(value) < 30 else value[:27] + "…"
        return phrase("problems.value.string", value=repr(shown))
    if isinstance(value, int | float):
        return phrase("problems.value.number", value=str(value))
    if isinstance(value, dict):
        return phrase("problems.value.table")
    if isinstance(value, list):
        return phrase("problems.value.list")
    return phrase("problems.value.other", name=type(value).__name__)


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
        reader.problems.add(
            reader.key(name), "problems.what.bad_id", "problems.fix.id_rule", value=repr(value[:60])
        )


def check_ids(reader: Reader, name: str, values: list[str]) -> list[str]:
    """Report each entry of a list of ids (an agenda, a programme) that is not of the id shape."""
    for value in values:
        if not valid_id(value):
            reader.problems.add(
                reader.key(name), "problems.what.bad_id", "problems.fix.id_rule", value=repr(value[:60])
            )
    return values
