"""The heading's "Gruppe: <name>  (Ctrl+G)", its name cut with … to keep the line whole.

A group's name is typed by the facilitator or comes from a mailed file, and may be long
("Gruppe A – Hjemmepleje og sygepleje og udskrivning …"). In the heading it wrapped, and
"(Ctrl+G)", which tells the facilitator how to reach the other groups, went to a second line
(or out of sight at 80 columns) and pushed the fields down. The name gives way instead: cut
with … so that the label, the name and the key fit the heading's width.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text

from workshop_tui.core.i18n import t

KEY_HINT = "  (Ctrl+G)"
"""Written after the name when there is another group to go to."""
SHORTEST_NAME = 8
"""A name is not cut below this many columns: on a very narrow heading it wraps as before."""


def append_group(head: Text, name: str, lang: str, *, more_groups: bool, width: int, lead: str = "") -> None:
    """Append "Gruppe: <name>  (Ctrl+G)" to ``head``'s last line, the name cut to ``width``.

    ``width`` is the heading's width in columns (0 when not laid out yet: nothing is cut);
    ``lead`` is written before "Gruppe:", in its style (spaces after a heading on that line).
    """
    label = f"{lead}{t('tui.sheet.group', lang)}: "
    hint = KEY_HINT if more_groups else ""
    line = head.plain.rpartition("\n")[2]
    room = width - cell_len(line) - cell_len(label) - cell_len(hint)
    shown = Text(name, style="bold reverse", end="")
    if width > 0 and cell_len(name) > room >= SHORTEST_NAME:
        shown.truncate(room, overflow="ellipsis")
    head.append(label, style="dim")
    head.append_text(shown)
    if hint:
        head.append(hint, style="dim")
