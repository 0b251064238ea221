"""File-name-safe forms of a session's title and date.

Apart from ``sessions`` (which re-exports it) so that an export whose summary is kept
(``core.kept_summary``) names its files without loading the session reader and the model
(~10 M instructions of each such export).
"""

from __future__ import annotations

import re

from workshop_tui.core.text_safety import for_terminal


def slugify(text: str) -> str:
    """An ASCII file-name-safe form of a title (æ→ae, ø→oe, å→aa).

    A terminal escape sequence goes whole, by the screen's rule (``text_safety.for_terminal``):
    "\x1b[31mRed" is "red", not "31mred" (its inside is no word of the title).
    """
    text = for_terminal(text).lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    if not text.isascii():  # (an ASCII text is its own NFKD form: unicodedata is loaded for the rest)
        import unicodedata

        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(slug) > 40:
        # Cut at a word boundary so names stay readable ("...-forloeb", not "...-forlo").
        cut = slug.rfind("-", 0, 41)
        slug = slug[: cut if cut > 10 else 40]
    return slug or "session"
