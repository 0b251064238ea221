"""What the app's start compiles, kept for the next start: its expressions and its dataclasses' methods.

Between :func:`begin` (``cli.main``, before the arguments are read) and :func:`end` (the app's
first screen complete, or a command that starts no app has read its arguments), every regular
expression and every dataclass method compiled, by any module, is looked up in one kept file
each (``regex_code``, ``dataclass_code``); :func:`save` writes what was new (after the app's
first frame, and at exit).
"""

from __future__ import annotations

from workshop_tui.core import dataclass_code, regex_code


def begin() -> None:
    """The start begins: what it compiles comes from (and goes to) the start's files."""
    regex_code.start()
    dataclass_code.start()


def save() -> None:
    """Write what the start compiled anew so far."""
    regex_code.save()
    dataclass_code.save()


def end() -> None:
    """The start is over: keep what it compiled; from now on, as before ``begin``."""
    regex_code.finish()
    dataclass_code.finish()
