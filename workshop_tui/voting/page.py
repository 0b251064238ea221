"""The participant page (``page.html``, ``page.css``, ``page.js``) in the session's language.

Its words are the catalogue's ``phone.*`` texts (:mod:`workshop_tui.core.i18n`), handed
to ``page.js`` by their short names (``phone.send`` is ``S.send`` there).

The page is static apart from its texts, which are put in as a JSON data block, so it
needs no template engine and no script is ever built from data. It loads nothing from
outside the laptop, so it works on a room's isolated Wi-Fi.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from workshop_tui.core.i18n import LANGUAGES, section
from workshop_tui.core.text_safety import INVISIBLE

DYNAMIC_KEYS: dict[str, tuple[str, ...]] = {
    # Keys this shell builds from a value (``t(f"phone.…{value}", …)``): the prefix and every
    # ending it can take, so tests/unit/test_catalogue.py can check each one exists.
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
        "typed_over",
        "too_slow",
        "whole_ranking",
    ),
    "phone.write.refused_": ("no_group", "not_writing", "too_long", "too_many_answers"),
}
"""Key prefix -> the endings this shell's code may put after it (each shell declares its own)."""

ASSETS = {
    "page.css": "text/css",
    "page.js": "text/javascript",
    "write-dates.js": "text/javascript",
    "write-moved.js": "text/javascript",
    "write-open.js": "text/javascript",
    "write.js": "text/javascript",
}
"""The files the page loads besides itself, with their content types (``page.html`` names each;
write.js comes last, as it calls its parts)."""


def _read(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


@cache
def page_html(lang: str) -> bytes:
    """The page in ``lang`` (Danish when the language is unknown)."""
    lang = lang if lang in LANGUAGES else LANGUAGES[0]
    strings = section("phone.", lang)
    # In a <script> data block only "</" could end it early; escaping "<" rules that out.
    data = json.dumps(strings, ensure_ascii=False).replace("<", "\\u003c")
    html = _read("page.html").replace("__LANG__", lang).replace("__TITLE__", strings["title"])
    # The code field carries the core's class of invisible characters (ASCII \\u escapes only),
    # which page.js strips from a code as the desk does: one rule, not a copy in the script.
    html = html.replace("__INVISIBLE__", INVISIBLE)
    return html.replace("__STRINGS__", data).encode("utf-8")


@cache
def asset(name: str) -> bytes:
    """The bytes of one of ``ASSETS``.

    Raises:
        KeyError: not one of the page's files.
    """
    if name not in ASSETS:
        raise KeyError(name)
    return _read(name).encode("utf-8")
