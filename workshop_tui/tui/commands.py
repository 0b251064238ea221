"""The screens' commands, each declared once: its key, its names, whether the palette offers it.

A ``Command`` is the one place a key is described (after davep's *braindrop*, whose
commands carry their own binding, footer text and help). From it come the screen's
bindings (and so the footer and Textual's key panel), the command palette's entries,
the key lines of the F1 help, and the README's key table is checked against it by a
test. Its texts live in the string tables: ``key.<id>`` is its short name (footer,
key panel, palette) and ``help.key.<id>`` what F1 says it does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from textual.binding import Binding, BindingType
from textual.command import DiscoveryHit, Hit, Hits, Provider

from workshop_tui.core.i18n import t
from workshop_tui.tui.plain import plain, plain_highlighted

if TYPE_CHECKING:  # the model waits for a session to be opened (the home screen starts without it)
    from workshop_tui.core.model import Session

KEY_NAMES = {"escape": "Esc", "plus": "+", "minus": "−", "equals_sign": "="}
"""Keys as the help and the README write them, where Textual's name is not that (``ctrl+n`` → ``Ctrl+N``)."""


@dataclass(frozen=True)
class Command:
    """One command of a screen; bindings, footer, palette entry and F1 line are made from it."""

    id: str
    """Names its texts (``key.<id>``, ``help.key.<id>``) and its binding (Textual's keymap id)."""
    keys: str
    """Textual's key names, comma-separated (the first is the one shown)."""
    action: str
    """The screen's action it runs (``action_<action>``)."""
    footer: bool = True
    """Shown in the footer (what fits at 120 columns); every command is in F1 and the key panel."""
    priority: bool = False
    """Handled before the focused field sees the key (keys that work from any field)."""
    palette: str | None = None
    """The string key of its palette entry; None: not offered in the palette."""
    tooltip: bool = False
    """Its F1 text also as the footer's tooltip and beside it in the key panel."""
    field_keeps: bool = False
    """A text field keeps the key for its own edit (Ctrl+U deletes to the line's start there).

    Someone typing expects the terminal's editing keys; a command that took one opened a
    dialog and the next keys went into it. Such a command is no priority key: it runs where
    the focus is not a text field (the grid, a choice) and from the palette, and F1 says so.
    """

    twice: float = 0.0
    """Seconds: when not 0, the command runs only on a second press within that long.

    The first press shows a hint and does nothing else: Esc leaves the session, and one stray
    Esc (meant for a list that had already closed, say) took the facilitator out mid-exercise.
    F1 and the README say so; the screen reads the window from here.
    """

    @property
    def bound_keys(self) -> str:
        """``keys`` with each bare letter in both cases (``n`` → ``n,N``): Caps Lock never matters.

        A facilitator with Caps Lock on pressed N on the list of sessions and nothing
        happened, while F1 wrote **N**. Only screens without a text field or typing grid
        declare bare letters (the list of sessions, the voting panel, the second window),
        and a bare letter is never a priority key, so a field would see it first anyway.
        """
        keys = [key.strip() for key in self.keys.split(",")]
        both = [case for key in keys for case in ((key, key.upper()) if _bare_letter(key) else (key,))]
        return ",".join(dict.fromkeys(both))

    def binding(self) -> Binding:
        """The screen's binding; its description is put in the interface language when shown.

        A bare letter is shown as F1 writes it (``N``, as on the key cap) in the footer too.
        """
        first = self.keys.split(",")[0].strip()
        return Binding(
            self.bound_keys,
            self.action,
            f"tui.key.{self.id}",  # its catalogue key: the words are looked up when shown
            id=self.id,
            show=self.footer,
            priority=self.priority,
            tooltip=f"tui.help.key.{self.id}" if self.tooltip else "",
            key_display=key_name(first) if _bare_letter(first) else None,
        )

    @property
    def shown_keys(self) -> tuple[str, ...]:
        """The keys as people write them: ``Ctrl+N``, ``F2``, ``Esc``."""
        return tuple(key_name(key) for key in self.keys.split(","))


def _bare_letter(key: str) -> bool:
    """A letter without modifiers (``n``), the keys whose case Caps Lock changes."""
    return len(key) == 1 and key.isalpha()


def key_name(key: str) -> str:
    """``ctrl+n`` → ``Ctrl+N``, ``f10`` → ``F10``, ``escape`` → ``Esc``."""
    key = key.strip()
    if key in KEY_NAMES:
        return KEY_NAMES[key]
    *modifiers, last = key.split("+")
    function_key = last[:1] == "f" and last[1:].isdigit()
    shown = last.upper() if len(last) == 1 or function_key else last.capitalize()
    return "+".join([*(m.capitalize() for m in modifiers), shown])


def bindings(commands: Iterable[Command]) -> list[BindingType]:
    """A screen's ``BINDINGS``, in the order declared (the footer's order)."""
    return [command.binding() for command in commands]


def key_help(commands: Iterable[Command], lang: str) -> str:
    """F1's list of a screen's keys: ``- **F2** projektorvisning``, one line per command."""
    return "\n".join(
        f"- **{' / '.join(command.shown_keys)}** {t(f'tui.help.key.{command.id}', lang)}"
        + (t("tui.help.outside_fields", lang) if command.field_keeps else "")
        + (t("tui.help.twice", lang, seconds=f"{command.twice:g}") if command.twice else "")
        for command in commands
    )


def key_line(commands: Iterable[Command], lang: str) -> str:
    """The keys on one line (the projector's F1): ``F2/Esc: tilbage · F3: skjul/vis resultater``."""
    return " · ".join(
        f"{'/'.join(command.shown_keys)}: {t(f'tui.help.key.{command.id}', lang)}" for command in commands
    )


SESSION_COMMANDS: Sequence[Command] = (
    Command("next_short", "ctrl+n", "next", priority=True),
    Command("prev", "ctrl+b", "previous", footer=False, priority=True),
    Command("projector", "f2", "projector", priority=True, palette="tui.key.projector"),
    Command("blind", "f3", "blind", priority=True, palette="tui.key.blind"),
    Command("mode", "f4", "mode", priority=True, palette="tui.key.mode"),
    Command("timer", "f5", "timer", palette="tui.key.timer"),
    Command("timer_set", "f6", "set_timer", footer=False, priority=True, palette="tui.key.timer_set"),
    Command("note", "f7", "notes", priority=True, palette="tui.key.note"),
    Command("export", "f8", "export", priority=True, palette="tui.palette.export"),
    Command("agenda", "f9", "agenda", footer=False, palette="tui.key.agenda"),
    Command("voting", "f10", "voting", priority=True),
    Command("group_short", "ctrl+g", "next_group", priority=True),
    Command("groups", "ctrl+r", "groups", footer=False, priority=True, palette="tui.key.groups"),
    Command("last_time", "ctrl+l", "last_time", footer=False, palette="tui.key.last_time"),
    Command(
        "min_answers", "ctrl+u", "min_answers", footer=False, palette="tui.key.min_answers", field_keeps=True
    ),
    Command("undo", "ctrl+z", "undo", footer=False, priority=True, palette="tui.key.undo"),
    Command("redo", "ctrl+y", "redo", footer=False, priority=True, palette="tui.key.redo"),
    Command("home", "escape", "home", footer=False, twice=3.0),
)
"""The session screen's commands, in the footer's order.

Esc leaves the session only when pressed twice within 3 s (``Command.twice``).

A key that a text field takes for itself is a priority key here, so that the command works
from every field, as the footer, F1 and the palette promise (``tests/ui/test_command_keys.py``
walks this): Textual's ``TextArea`` selects the line on F6 and everything on F7, and keeps an
undo of its own on Ctrl+Z/Ctrl+Y. The fields lose those (Backspace and the mouse remain); the
session's undo covers typed text as well, and other edits and the device texts since.
Ctrl+U is the exception (``field_keeps``): in a text field it deletes to the line's start, as
in every terminal, and the minimum of answers is set from the grid, a choice or the palette.

A key that opens a dialog or a screen (F2, F6, F7, F8, F10, Ctrl+R) is a priority key
too: handled as it arrives, it opens the dialog behind the keys typed before it, and the
keys typed after it wait for the dialog (``tui/screen_keys.py``). Handled when it had
bubbled up from the field, the keys after it had already gone to the field.
"""

PROJECTOR_COMMANDS: Sequence[Command] = (
    Command("back", "f2,escape", "close"),
    Command("blind", "f3", "reveal"),
    Command("next", "ctrl+n", "next", priority=True),
    Command("prev", "ctrl+b", "previous", priority=True),
    Command("timer", "f5", "timer"),
    Command("last_time", "ctrl+l", "last_time"),
)
"""The projector's commands: the wall's own keys, acting on the session it shows."""

PRESENT_COMMANDS: Sequence[Command] = (Command("quit", "q,escape,ctrl+q", "quit", tooltip=True),)
"""The second window's (``workshop present``) one key: it only shows, so it only closes."""

HOME_COMMANDS: Sequence[Command] = (
    Command("open", "enter", "open", tooltip=True),
    Command("new", "n", "new", tooltip=True, palette="tui.key.new"),
    Command("demo", "d", "demo", tooltip=True, palette="tui.key.demo"),
    Command("lang", "l", "language", tooltip=True),
    Command("quit", "q", "quit", tooltip=True),
)
"""The list of sessions' commands; the palette offers those with ``palette`` (language and quit
are the app's own entries there)."""

APP_COMMANDS: Sequence[Command] = (Command("help", "f1", "toggle_help", tooltip=True),)
"""The app's own commands, on every screen."""

VOTING_COMMANDS: Sequence[Command] = (
    Command("voting_hide", "escape", "hide"),
    Command("voting_close", "f10", "close_voting"),
    Command("voting_more", "plus,equals_sign", "more", footer=False),
    Command("voting_fewer", "minus", "fewer", footer=False),
    Command("voting_new_code", "n", "new_code", footer=False),
)
"""The voting panel's commands (its keys are also written under the QR code)."""


DIALOG_COMMANDS: Sequence[Command] = (Command("cancel", "escape", "cancel"),)
"""A dialog's keys (timer, mode switch, export): Esc closes it, changing nothing."""

EDITOR_COMMANDS: Sequence[Command] = (
    Command("cancel", "escape", "cancel"),
    Command("save", "ctrl+s", "save", priority=True),
)
"""A dialog that edits (notes, groups): Esc closes it unchanged, Ctrl+S saves and closes."""

NEW_SESSION_COMMANDS: Sequence[Command] = (
    Command("cancel", "escape", "cancel"),
    Command("create", "ctrl+s", "create"),
)
"""The new-session dialog's keys."""

UNSAVED_COMMANDS: Sequence[Command] = (Command("stay", "escape", "stay"),)
"""Asked about unsaved edits on leaving: Esc stays."""

LEAVE_VOTING_COMMANDS: Sequence[Command] = (Command("stay", "escape", "stay"),)
"""Asked before leaving the session (or quitting) stops voting with phones joined: Esc stays."""

LOCKED_COMMANDS: Sequence[Command] = (Command("cancel", "escape", "refuse"),)
"""Asked about a session another window writes: Esc goes back."""


@runtime_checkable
class CommandScreen(Protocol):
    """A screen that offers its session's exercises and commands in the palette."""

    @property
    def lang(self) -> str:
        """The interface language."""

    @property
    def session(self) -> Session:
        """The open session."""

    def go_to(self, exercise_id: str) -> None:
        """Show an exercise of the agenda."""

    def palette_commands(self) -> Sequence[Command]:
        """The commands to offer (those with a ``palette`` entry)."""


class SessionCommands(Provider):
    """Exercises of the open session ("Gå til øvelse: …") and its actions."""

    def _entries(self) -> list[tuple[str, str, Callable[[], object]]]:
        screen = self.screen
        if not isinstance(screen, CommandScreen):
            return []
        lang = screen.lang
        session = screen.session
        goto = t("tui.palette.goto", lang)
        entries: list[tuple[str, str, Callable[[], object]]] = []
        for number, exercise_id in enumerate(session.agenda, start=1):
            exercise = session.exercise(exercise_id)
            status = t(f"tui.status.{session.status(exercise_id)}", lang)
            entries.append(
                (f"{goto}: {number}. {exercise.title.get(lang)}", status, partial(screen.go_to, exercise_id))
            )
        for command in screen.palette_commands():
            if command.palette is not None:
                entries.append((t(command.palette, lang), "", getattr(screen, f"action_{command.action}")))
        return entries

    async def discover(self) -> Hits:
        for text, help_text, callback in self._entries():
            yield DiscoveryHit(plain(text, one_line=True), callback, text=text, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, help_text, callback in self._entries():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, plain_highlighted(text, matcher), callback, text=text, help=help_text)
