"""Why the model refuses an edit, as a code and its values: the words belong to each interface.

A refusal reaches a facilitator in the app, a phone, the command line or a log, each in
its own language. So the model raises ``Refused("score.off_scale", score=7, …)`` and
each interface says it with ``refusal_text(error, lang)``; ``str(error)`` is the English
text, for logs and for the places (a file's problem list) that are English anyway.
"""

from __future__ import annotations

from workshop_tui.core.i18n import Phrase, refusal_words


class Refused(ValueError):
    """The model refuses an edit; ``code`` names the rule and ``values`` the figures in it."""

    def __init__(self, code: str, **values: object) -> None:
        self.code = code
        self.values = values
        super().__init__(refusal_words(code, "en", values))

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else self.code

    def phrase(self) -> Phrase:
        """The refusal as a phrase, to be said later in the reader's language (a file's problem)."""
        return Phrase(f"refusal.{self.code}", tuple(self.values.items()))


class ScoreError(Refused):
    """An answer that does not fit: an unknown item or participant, off the scale, or against its kind."""


class Missing(Refused, KeyError):
    """A refusal that names something the session or exercise does not have (also a KeyError)."""


def refusal_text(error: BaseException, lang: str) -> str:
    """Why an edit was refused, in ``lang`` (an error that is no ``Refused`` as it is)."""
    if isinstance(error, Refused):
        return refusal_words(error.code, lang, error.values)
    return str(error).strip("'\"")
