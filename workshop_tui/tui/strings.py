"""The app's ways of saying things that need more than a catalogue lookup.

Every text itself lives in the catalogue (:mod:`workshop_tui.core.i18n`, keys ``tui.*`` and
``textual.*``); these helpers pick the right key for a save failure, a refusal, F1 help,
or one of Textual's own English words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop_tui.core.i18n import find, t
from workshop_tui.tui.plain import markdown_literal

DYNAMIC_KEYS: dict[str, tuple[str, ...]] = {
    # Keys this shell builds from a value (``t(f"tui.…{value}", …)``): the prefix and every
    # ending it can take, so tests/unit/test_catalogue.py can check each one exists.
    "tui.status.": ("not_started", "in_progress", "done"),
    "tui.proj.status.": ("blind", "empty", "too_few", "shown", "miscounted"),
    "tui.grid.counted.": ("participant", "tally"),
    "tui.mode.ask.title.": ("participant", "tally"),
    "tui.mode.name.": ("participant", "tally"),
    "tui.grid.mode.": ("participant", "tally"),
    "tui.legend.": ("top", "split", "reverse", "polarity"),
    "tui.open.": ("new", "shown", "hidden"),
}
"""Key prefix -> the endings this shell's code may put after it (each shell declares its own)."""

if TYPE_CHECKING:
    from workshop_tui.core.storage.errors import SessionWriteError


def session_help(lang: str, source: str, keys: str) -> str:
    """F1 on the session screen: its keys (``commands.key_help``), and the current exercise's source.

    F1 shows Markdown; the source comes from the session file, so it goes in as a code span
    (a "[x](https://…)" in it stays those characters, not a link).
    """
    return t("tui.help.session", lang, keys=keys, source=markdown_literal(source))


def textual_word(text: str, lang: str) -> str:
    """One of Textual's own English texts (a key's description, a placeholder) in ``lang``.

    The ``textual`` section is keyed by Textual's words, so a word it has not got stays
    as Textual wrote it.
    """
    return find(f"textual.{text}", lang) or text


def save_failure(error: SessionWriteError, lang: str) -> str:
    """Why a save failed, in the UI language where the cause is known (the core says it in English)."""
    import errno

    if error.errno == errno.ENOSPC:
        return t("tui.saved.full", lang)
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return t("tui.saved.denied", lang)
    return error.reason


def refusal(error: Exception, lang: str) -> str:
    """Why the model refused an edit, for the facilitator, in the interface language."""
    from workshop_tui.core.keeper import ReadOnlySession
    from workshop_tui.core.model.refusal import refusal_text

    if isinstance(error, ReadOnlySession):
        return t("tui.refused", lang, reason=t("tui.readonly.refused", lang))
    return t("tui.refused", lang, reason=refusal_text(error, lang))
