"""Parsed once: the app's CSS rules, kept between runs like the bytecode beside them.

Why: every start parses the same Textual CSS (the app's ``app.tcss`` and the
``DEFAULT_CSS`` of each widget class as it is first mounted), 30-50 ms of a start of some
400 ms on the test VM (issue 15): Textual's tokenizer is pure Python, and it keeps its parsed
rules only for the life of the process. What comes out depends on nothing but the CSS text,
where it was read from, its flags, the theme's variables and the Textual version, so the
rules one start parsed are kept in ``__pycache__`` and the next start reads them back
(``pickle``, a few milliseconds) instead of parsing the text again.

- **Exactly Textual's rules.** A source is looked up by its whole text, its location,
  its flags and scope, and by the Textual files, Python version and theme variables it was
  parsed with. A changed text is simply another key, parsed as before.
  Rules with errors are never kept (Textual reports them, as before).
- **Only what a start uses.** One file per source, read when a screen first needs that
  source: a start reads the 30-odd it uses, whatever else earlier runs kept (one file for
  all grew to 260 kB after a test run and took longer to read than parsing the few).
- **Trusted like the bytecode.** The files live in the package's own ``__pycache__``, the
  folder Python itself loads compiled code from; never in the data folder, whose files
  come from anywhere.
- **No error, no trust in a damaged file.** A cache that cannot be read or written (a
  read-only install) is ignored: the CSS is parsed as without it. Each file is sealed
  (``core/kept_files.py``): one cut short, changed on disk or made by another Textual or
  Python is not read, and is written again.
- **Bounded.** After writing, only the newest few stamps and files are kept.

A file's name is a checksum of those inputs; the file holds them in full and is used
only when its seal and they match. Written (whole, then renamed) when a run parsed something
new: after the app's first frame, a few seconds later and at exit, so a start that is stopped
rather than quit still leaves them for the next one.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pickle
import re
import sys
import zlib
from pathlib import Path

import textual
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.css.types import CSSLocation

from workshop_tui.core.kept_files import prune, read_sealed, write_sealed

CACHE_DIR = Path(__file__).parent / "__pycache__" / "css-rules"
KIND = b"WTcs"
"""The first bytes of a kept file (``core/kept_files.py`` seals it)."""
KEEP_STAMPS = 4
"""Stamps kept: this Textual and Python with a few themes (another version's files go)."""
KEEP_FILES = 240
"""Files kept in all: a run of the whole test suite uses about 100 sources (some 17 kB each)."""

Key = tuple[str, CSSLocation, bool, int, str]
"""A source as Textual's own cache keys it: text, where read from, default rules, tie breaker, scope."""


class RuleStore:
    """The kept rules for one set of theme variables, one file per source: read when asked for.

    One file per source, not one for all: a start reads only the sources its screens use
    (some 30 at opening), however many others (dialogs, other screens, themes) were kept.
    """

    def __init__(self, folder: Path, stamp: str) -> None:
        self.folder = folder
        self.stamp = stamp
        """What the rules were parsed with (Textual's files, Python, the variables); in each file too."""
        self._prefix = f"{zlib.crc32(stamp.encode()):08x}"
        self._rules: dict[Key, list[RuleSet] | None] = {}
        """The sources asked for so far: their rules, or None when none were kept."""
        self._new: dict[Key, list[RuleSet]] = {}
        """Rules parsed by this run, not written yet."""
        self._at_exit = False
        self.used: set[Path] = set()
        """The files this run read rules from or wrote: never pruned by it."""

    @property
    def dirty(self) -> bool:
        """Whether this run parsed rules that are not written yet."""
        return bool(self._new)

    def path(self, key: Key) -> Path:
        """The file of one source (a checksum of the inputs; the file holds them in full)."""
        return self.folder / f"{self._prefix}-{zlib.crc32(repr(key).encode()):08x}.pickle"

    def get(self, key: Key) -> list[RuleSet] | None:
        """The rules kept for ``key``, or None."""
        if key not in self._rules:
            self._rules[key] = None
            path = self.path(key)
            content = read_sealed(path, KIND, self.stamp)  # None: missing, cut, changed or another's
            if content is not None:
                with contextlib.suppress(Exception):  # sealed, yet not our shape: parse
                    stamp, kept_key, rules = pickle.loads(content)
                    if stamp == self.stamp and kept_key == key and isinstance(rules, list):
                        self._rules[key] = rules
                        self.used.add(path)
        return self._rules[key]

    def put(self, key: Key, rules: list[RuleSet]) -> None:
        """Keep ``rules`` for ``key`` (written by ``save``)."""
        self._rules[key] = self._new[key] = rules
        if not self._at_exit:
            self._at_exit = True
            atexit.register(self.save)

    def save(self) -> None:
        """Write the rules this run parsed, each source whole and then renamed (a reader never sees half)."""
        new, self._new = self._new, {}
        written = False
        for key, rules in new.items():
            path = self.path(key)
            try:
                content = pickle.dumps((self.stamp, key, rules), protocol=pickle.HIGHEST_PROTOCOL)
            except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
                continue
            if write_sealed(path, KIND, self.stamp, content):
                self.used.add(path)
                written = True
        if written:
            _prune(self.folder)


_stores: dict[str, RuleStore] = {}
_stamp: list[tuple[str, int, int]] | None = None
_NAME = re.compile(r"([0-9a-f]{8})-[0-9a-f]{8}\.pickle")


def _generation(name: str) -> str | None:
    """A kept file's generation (the checksum of its stamp: Textual, Python, theme), from its name."""
    match = _NAME.fullmatch(name)
    return match.group(1) if match else None


def _prune(folder: Path) -> None:
    """Keep the newest ``KEEP_STAMPS`` stamps and ``KEEP_FILES`` files; never those this run used."""
    used = [path for store in _stores.values() for path in store.used]
    prune(folder, _generation, used=used, generations=KEEP_STAMPS, files=KEEP_FILES)


def _textual_stamp() -> list[tuple[str, int, int]]:
    """What the installed Textual's CSS code is: each of its files' name, size and time, as ``.pyc`` checks.

    (``textual.__version__`` reads the package's metadata: 30 ms, more than the cache saves.)
    """
    stamp = []
    for folder in (Path(textual.__file__).parent, Path(textual.__file__).parent / "css"):
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.endswith(".py"):
                    info = entry.stat()
                    stamp.append((entry.name, info.st_size, info.st_mtime_ns))
    return sorted(stamp)


def store_for(variables: dict[str, str]) -> RuleStore:
    """The store of the rules parsed with these theme variables."""
    global _stamp
    if _stamp is None:
        _stamp = _textual_stamp()
    # Files are named by checksums (``hashlib`` is more than a start should load); each file
    # holds its inputs in full and is used only when they match, so two files that happen to
    # share a name can never serve each other's rules.
    stamp = repr((_stamp, sys.implementation.cache_tag, sorted(variables.items())))
    store = _stores.get(stamp)
    if store is None:
        store = _stores[stamp] = RuleStore(CACHE_DIR, stamp)
    return store


def save_all() -> None:
    """Write every store that this run added rules to."""
    for store in _stores.values():
        store.save()


class KeptStylesheet(Stylesheet):
    """Textual's stylesheet, taking the rules of a source from the kept ones when it has them."""

    def __init__(self, *, variables: dict[str, str] | None = None) -> None:
        super().__init__(variables=variables)
        self._theme_variables = variables or {}
        self._store: RuleStore | None = None

    def set_variables(self, variables: dict[str, str]) -> None:
        super().set_variables(variables)
        self._theme_variables = variables
        self._store = None  # another theme: another file

    def reparse(self) -> None:
        """Textual's ``reparse`` (a theme set, a screen's CSS read), through the kept rules too.

        Textual's own builds a plain ``Stylesheet`` and parses every source into it; this is
        the same steps with this class, so the kept rules serve it as well.
        """
        fresh = KeptStylesheet(variables=self._theme_variables)
        for read_from, (css, is_defaults, tie_breaker, scope) in self.source.items():
            fresh.add_source(
                css, read_from=read_from, is_default_css=is_defaults, tie_breaker=tie_breaker, scope=scope
            )
        try:
            fresh.parse()
        except Exception:
            self._invalid_css.update(fresh._invalid_css)  # as Textual's: not parsed again and again
            raise
        self._rules = fresh.rules
        self._rules_map = None
        self.source = fresh.source
        self._require_parse = False

    def _parse_rules(
        self,
        css: str,
        read_from: CSSLocation,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> list[RuleSet]:
        if self._store is None:
            self._store = store_for(self._theme_variables)
        key: Key = (css, read_from, is_default_rules, tie_breaker, scope)
        kept = self._store.get(key)
        if kept is not None:
            return kept
        rules = super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
        if not any(rule.errors for rule in rules):
            self._store.put(key, rules)
        return rules
