"""The command line: ``workshop`` and its subcommands (see ``main``).

Importing this package is the first thing the ``workshop`` program does (its script imports
``cli.main``), before the modules of the command line are loaded. When the program is run for
a command that ends the process once its files are written (``workshop export``, ``compare``,
``trend``: see ``export.commands``), the garbage collector is paused here, for the rest of the
process: loading the command line's modules made some twenty passes of the collector over
objects that all live until the process ends (13 M instructions, ~3 % of what a 90-exercise
export costs beyond a bare start; issue 15), and the command pauses it anyway once it runs.
``main`` turns it back on when the command turns out to be another one (:func:`resume`), so
a guess here never leaves the app or a test without it.
"""

from __future__ import annotations

import gc
import os
import sys

ONE_SHOT = frozenset({"export", "compare", "trend"})
"""The commands whose process ends when they are done (``export.commands.end_process``)."""
_VALUED = frozenset(
    {"--lang", "--exercises", "--vote-host", "--vote-port", "--vote-max", "--vote-per-address"}
)
"""The program's own options that take a value (the next word, unless written ``--x=value``)."""

paused_early = False
"""Whether the collector was paused at this package's import (for ``resume``)."""


def one_shot_command(argv: list[str]) -> bool:
    """Whether ``argv`` (``sys.argv``) runs ``workshop`` itself for one of ``ONE_SHOT``.

    Only the program, not a test runner or another program importing the package: ``argv[0]``
    is the ``workshop`` script or the package's ``__main__.py`` (``python -m workshop_tui``).
    The command is the first word that is neither an option nor an option's value; any doubt
    (an abbreviated option, a word after ``--``) is simply not a one-shot command here.
    """
    if not argv:
        return False
    program = os.path.basename(argv[0])
    is_script = program.removesuffix(".exe").removesuffix("-script.py") == "workshop"
    is_module = program == "__main__.py" and os.path.basename(os.path.dirname(argv[0])) == "workshop_tui"
    if not (is_script or is_module):
        return False
    words = iter(argv[1:])
    for word in words:
        if word == "--":
            return False
        if word.startswith("-"):
            if word in _VALUED:
                next(words, None)
            continue
        return word in ONE_SHOT
    return False


def resume(command: str | None) -> None:
    """Turn the collector back on if it was paused at import and ``command`` is not a one-shot one."""
    global paused_early
    if paused_early and command not in ONE_SHOT:
        paused_early = False
        gc.enable()


if gc.isenabled() and one_shot_command(sys.argv):
    gc.disable()
    paused_early = True
