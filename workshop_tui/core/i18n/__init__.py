"""Every user-visible text, in Danish and English: one catalogue file per language, one lookup.

The app, the command line, the exports and the phone page all read ``da.toml`` /
``en.toml`` beside this module through :func:`t`. One file per language lets a
translator read (and a reviewer diff) the whole wording in one place, and lets a
start-up parse only the language in use, the first time a text is needed.

Danish is the default; English is chosen with ``--lang en``, the app setting, or an
English ``LANG``. A key that is missing is a bug: tests (and ``WORKSHOP_TUI_STRICT_TEXTS=1``)
raise :class:`MissingText`; at run time the screen shows ``⟦key⟧`` so the gap is seen, never
a silent key that looks like a word.
"""

from __future__ import annotations

import marshal
import os
import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

LANGUAGES = ("da", "en")
"""The interface languages, the default first."""

DEFAULT_LANGUAGE = LANGUAGES[0]

STRICT_ENV = "WORKSHOP_TUI_STRICT_TEXTS"
"""Set to 1 (the test suite does) to make a missing key raise instead of showing a marker."""

SOURCE_KEYED = ("textual.", "argparse.")
"""Sections keyed by a library's own English words (looked up with :func:`find`)."""


class MissingText(KeyError):
    """A key that is not in the catalogue (raised in strict mode, i.e. in tests)."""


def detect_language(explicit: str | None = None) -> str:
    """The UI language: ``explicit`` if given, else English for an English LANG, else Danish."""
    if explicit in LANGUAGES:
        return explicit
    lang = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG") or ""
    return "en" if lang.lower().startswith("en") else DEFAULT_LANGUAGE


@cache
def catalogue(lang: str) -> Mapping[str, str]:
    """All texts of ``lang`` (Danish for an unknown language), as ``section.key -> text``.

    Read on first use and kept: a Danish session never reads the English file. The file is
    read beside this module (the package is installed as files; ``importlib.resources`` cost
    ~20 ms), and through a compiled copy when there is a fresh one (:func:`load_catalogue`).
    """
    if lang not in LANGUAGES:
        return catalogue(DEFAULT_LANGUAGE)
    here = Path(__file__).parent
    return load_catalogue(here / f"{lang}.toml", here / "__pycache__")


def load_catalogue(source: Path, cache_dir: Path) -> dict[str, str]:
    """The texts of one catalogue file, flattened; parsed once per version of the file.

    Parsing the TOML (a thousand texts) took some 10 ms of every start, ``workshop --version``
    included (2 ms with :func:`reading.read_catalogue`); the flattened table is kept in
    ``cache_dir`` as ``marshal`` data named after a checksum of the file, so an edited
    catalogue is parsed again, and loads in well under a millisecond. A cache that cannot be
    read or written (a read-only install) is no error: the file is parsed as before. The
    reader is imported only then.
    """
    raw = source.read_bytes()
    cached = cache_dir / f"{source.stem}.catalogue-{zlib.crc32(raw):08x}-{len(raw)}.marshal"
    try:
        flat = marshal.loads(cached.read_bytes())
        if isinstance(flat, dict):
            return flat
    except (OSError, ValueError, EOFError, TypeError):
        pass
    from workshop_tui.core.i18n.reading import read_catalogue  # falls back on tomllib
    from workshop_tui.core.storage.toml_guard import file_text  # the one rule for a TOML file's text

    flat = read_catalogue(file_text(raw))  # a BOM (a translator's Notepad) stopped every start
    _write_cache(cached, flat)
    return flat


def _write_cache(cached: Path, flat: dict[str, str]) -> None:
    """Keep ``flat`` at ``cached`` (written whole, then renamed), and drop older copies."""
    temp = cached.with_name(f".{cached.name}.{os.getpid()}.tmp")
    try:
        cached.parent.mkdir(exist_ok=True)
        temp.write_bytes(marshal.dumps(flat))
        os.replace(temp, cached)
        for old in cached.parent.glob(f"{cached.name.split('.catalogue-')[0]}.catalogue-*.marshal"):
            if old != cached:
                old.unlink(missing_ok=True)
    except OSError:
        import contextlib  # here: a start that writes no cache does not load it

        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def find(key: str, lang: str) -> str | None:
    """The raw text of ``key`` in ``lang``, or None: for the sections keyed by a library's words."""
    return catalogue(lang).get(key)


def t(key: str, lang: str, **values: object) -> str:
    """The text ``key`` in ``lang`` with ``values`` filled in (``{name}`` placeholders).

    Raises:
        MissingText: strict mode (tests) and the key is not in the catalogue.
        KeyError: strict mode and the text names a placeholder not in ``values``.
    """
    text = catalogue(lang).get(key)  # strict mode is read only on a miss: an export asks ~2,000 times
    if text is None:
        if os.environ.get(STRICT_ENV) == "1":
            raise MissingText(f"{key!r} is not in the {lang} catalogue (workshop_tui/core/i18n/{lang}.toml)")
        return f"⟦{key}⟧"
    if not values:
        return text
    if "|" in text:
        text = _plural(text, values)
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        if os.environ.get(STRICT_ENV) == "1":
            raise
        return f"{text} ⟦{key}⟧"  # a facilitator mid-session gets the words, not a crash


_CHOICE = re.compile(r"\{(\w+)\|((?:[^{}|]|\{\w+\})*)\|((?:[^{}|]|\{\w+\})*)\}")
"""A plural choice in a text: ``{n|handling|handlinger}`` (the form for 1, then the rest)."""


def _plural(text: str, values: Mapping[str, object]) -> str:
    """``text`` with each ``{name|one|other}`` replaced by the form that agrees with ``values[name]``.

    "1 handlinger", "1 fil(er)" and "1 change(s)" were the words for a count of one: the
    catalogue now holds both forms, the language's own, and the count picks. A count that
    is not given (or not a number) takes the plural form, as a list of none does.
    """

    def form(match: re.Match[str]) -> str:
        count = values.get(match[1])
        one = isinstance(count, int | float) and not isinstance(count, bool) and abs(count) == 1
        return match[2] if one else match[3]

    return _CHOICE.sub(form, text)


def section(prefix: str, lang: str) -> dict[str, str]:
    """Every text whose key starts with ``prefix``, keyed by the rest (the phone page's table)."""
    return {key[len(prefix) :]: text for key, text in catalogue(lang).items() if key.startswith(prefix)}


def refusal_words(code: str, lang: str, values: Mapping[str, object]) -> str:
    """The words for the model's refusal ``code`` (``refusal.<code>``) in ``lang``, ``values`` filled in.

    A kind (``kind``, ``wanted``) is named in the language too; numbers over a thousand
    get the language's thousands separator.
    """
    return t(f"refusal.{code}", lang, **_shown(values, lang))


def _shown(values: Mapping[str, object], lang: str) -> dict[str, object]:
    """``values`` as a text shows them in ``lang``: phrases said, kinds named, big numbers grouped."""
    shown: dict[str, object] = {}
    for name, value in values.items():
        if isinstance(value, Phrase):
            value = value.words(lang)
        elif name in ("kind", "wanted"):
            value = t(f"kind.{value}", lang)
        elif isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 1000:
            value = f"{value:,}".replace(",", "." if lang == "da" else ",")
        shown[name] = value
    return shown


@dataclass(frozen=True)
class Phrase:
    """A text to be said later, in whichever language the reader has: a key and its values.

    The core finds problems in files before anyone knows who will read them (the command
    line in English, the app in Danish, a cached listing read next week), so it keeps the
    key and the values, never the words. A value may itself be a phrase (``the string
    'x'`` inside ``is the string 'x', expected a number``); kinds and large numbers are
    said as in :func:`refusal_words`.
    """

    key: str
    values: tuple[tuple[str, object], ...] = ()

    def words(self, lang: str) -> str:
        """The phrase in ``lang``."""
        return t(self.key, lang, **_shown(dict(self.values), lang))

    def as_json(self) -> dict[str, object]:
        """The phrase as JSON (a value that is a phrase nests), so a cache can keep it."""
        values = {n: v.as_json() if isinstance(v, Phrase) else v for n, v in self.values}
        return {"key": self.key, "values": values}

    @staticmethod
    def from_json(data: object) -> Phrase:
        """The phrase ``as_json`` wrote.

        Raises:
            TypeError: not such a phrase (a cache written by another version, or damaged).
        """
        if not isinstance(data, dict) or not isinstance(data.get("key"), str):
            raise TypeError("not a phrase")
        raw = data.get("values")
        if not isinstance(raw, dict):
            raise TypeError("not a phrase's values")
        values: list[tuple[str, object]] = []
        for name, value in raw.items():
            if isinstance(value, dict):
                value = Phrase.from_json(value)
            elif not isinstance(value, str | int | float) or isinstance(value, bool):
                raise TypeError("not a phrase's value")
            values.append((name, value))
        return Phrase(data["key"], tuple(values))


def phrase(key: str, **values: object) -> Phrase:
    """A :class:`Phrase` of ``key`` with ``values`` (strings, numbers or phrases)."""
    return Phrase(key, tuple(values.items()))
