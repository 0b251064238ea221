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

import os
from collections.abc import Mapping
from functools import cache
from pathlib import Path

LANGUAGES = ("da", "en")
"""The interface languages, the default first."""

DEFAULT_LANGUAGE = LANGUAGES[0]

STRICT_ENV = "WORKSHOP_TUI_STRICT_TEXTS"
"""Set to 1 (the test suite does) to make a missing key raise instead of showing a marker."""

DYNAMIC_KEYS: dict[str, tuple[str, ...]] = {
    # Keys the code builds from a value (``t(f"tui.status.{status}", …)``): the prefix and
    # every ending it can take, so tests/unit/test_catalogue.py can check each one exists.
    # ``kind.<kind>`` is not listed: the test takes the kinds from the model (``KINDS``), so a
    # new kind needs only its two lines in the catalogue files.
    "tui.status.": ("not_started", "in_progress", "done"),
    "series.review.status.": ("done", "partly", "not_started", "dropped", "open"),
    "series.review.col.": ("number", "action", "owner", "due", "group", "status", "note"),
    "export.status.": ("blind", "empty", "too_few"),
    "tui.proj.status.": ("blind", "empty", "too_few", "shown"),
    "tui.grid.counted.": ("participant", "tally"),
    "tui.mode.ask.title.": ("participant", "tally"),
    "export.mode.": ("participant", "tally"),
    "export.mode.other.": ("participant", "tally"),
    "export.month.": tuple(str(n) for n in range(1, 13)),
    "export.col.": (
        "rank",
        "n",
        "mean",
        "median",
        "range",
        "sd",
        "flag",
        "dimension",
        "produced",
        "not_produced",
    ),
    "export.csv.": (
        "type",
        "exercise_id",
        "exercise",
        "item_id",
        "item",
        "participant",
        "group",
        "score",
        "text",
        "owner",
        "due",
    ),
    "export.cmp.": ("better", "worse", "higher", "lower"),
    "tui.mode.name.": ("participant", "tally"),
    "tui.grid.mode.": ("participant", "tally"),
    "tui.legend.": ("top", "split", "reverse", "polarity"),
    "cli.bad.": ("vote_host", "vote_port", "vote_max", "vote_per_address"),
    "phone.refused_": (
        "unknown_code",
        "unknown_token",
        "full",
        "too_many",
        "closed",
        "moved_on",
        "not_saved",
        "one_choice",
        "too_many_dots",
        "over_item_max",
        "no_place",
        "address_full",
        "locked",
        "typed",
        "too_slow",
    ),
}
"""Key prefix -> the endings the code may put after it."""

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

    Parsed on first use and kept: a Danish session never reads the English file. tomllib is
    imported here, so importing this module costs no start-up time; the file is read beside
    this module (the package is installed as files; ``importlib.resources`` cost ~20 ms).
    """
    import tomllib

    if lang not in LANGUAGES:
        return catalogue(DEFAULT_LANGUAGE)
    raw = Path(__file__).with_name(f"{lang}.toml").read_text(encoding="utf-8")
    flat: dict[str, str] = {}
    _flatten(tomllib.loads(raw), "", flat)
    return flat


def _flatten(table: Mapping[str, object], prefix: str, out: dict[str, str]) -> None:
    for name, value in table.items():
        key = f"{prefix}{name}"
        if isinstance(value, Mapping):
            _flatten(value, f"{key}.", out)
        elif isinstance(value, str):
            out[key] = value
        else:
            raise TypeError(f"catalogue key {key!r}: a text must be a string, not {type(value).__name__}")


def find(key: str, lang: str) -> str | None:
    """The raw text of ``key`` in ``lang``, or None: for the sections keyed by a library's words."""
    return catalogue(lang).get(key)


def t(key: str, lang: str, **values: object) -> str:
    """The text ``key`` in ``lang`` with ``values`` filled in (``{name}`` placeholders).

    Raises:
        MissingText: strict mode (tests) and the key is not in the catalogue.
        KeyError: strict mode and the text names a placeholder not in ``values``.
    """
    strict = os.environ.get(STRICT_ENV) == "1"
    text = catalogue(lang).get(key)
    if text is None:
        if strict:
            raise MissingText(f"{key!r} is not in the {lang} catalogue (workshop_tui/core/i18n/{lang}.toml)")
        return f"⟦{key}⟧"
    if not values:
        return text
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        if strict:
            raise
        return f"{text} ⟦{key}⟧"  # a facilitator mid-session gets the words, not a crash


def section(prefix: str, lang: str) -> dict[str, str]:
    """Every text whose key starts with ``prefix``, keyed by the rest (the phone page's table)."""
    return {key[len(prefix) :]: text for key, text in catalogue(lang).items() if key.startswith(prefix)}


def refusal_words(code: str, lang: str, values: Mapping[str, object]) -> str:
    """The words for the model's refusal ``code`` (``refusal.<code>``) in ``lang``, ``values`` filled in.

    A kind (``kind``, ``wanted``) is named in the language too; numbers over a thousand
    get the language's thousands separator.
    """
    shown: dict[str, object] = {}
    for name, value in values.items():
        if name in ("kind", "wanted"):
            value = t(f"kind.{value}", lang)
        elif isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 1000:
            value = f"{value:,}".replace(",", "." if lang == "da" else ",")
        shown[name] = value
    return t(f"refusal.{code}", lang, **shown)
