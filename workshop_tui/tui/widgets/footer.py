"""The footer of keys, rebuilt only when the keys it shows change.

Textual's ``Footer`` removes and mounts all its keys again each time the screen says its
bindings may have changed: on every focus move, and several times while a screen starts.
Each rebuild restyles every key (issue 15 counted twelve rebuilds at start, half the
start's styling time). Most of those calls change nothing that the footer shows, since
the session's keys are the screen's, whichever field has the keyboard. This footer
collects the calls of one moment into one check, and rebuilds only when the keys, their
words or their enabled state differ from what it shows.

It also keeps the help key in view at any width. Textual's footer lays its keys in one row
and cuts the row at the frame: at 80 columns the session's last keys, F1 among them, were
gone or cut mid-word ("f8 Eksportér f"), so help could not be found at a laptop's default
size. Here the keys that do not fit whole beside F1 (and the palette's key, docked at the
right) leave from the right, F1 staying after the last one shown: the declared order is the
order of importance (``tui/commands.py``). F1 is not docked itself: two keys docked at the
right (the home screen's palette key) are drawn over each other.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # Textual's key widget (held to the 8.2 series)

Shown = tuple[tuple[str, str, str, bool, str, str], ...]
"""Per key shown: key, its display, description, enabled, tooltip, group."""


HELP_ACTION = "toggle_help"
"""The action of the key kept in view whatever the width (F1, ``APP_COMMANDS``)."""


class KeysFooter(Footer):
    """A ``Footer`` that rebuilds once per change of the keys it shows, F1 always in view."""

    def __init__(
        self, *, compact: bool = False, show_command_palette: bool = True, with_screen: bool = False
    ) -> None:
        super().__init__(compact=compact, show_command_palette=show_command_palette)
        self._shown: Shown | None = None
        """The keys the footer was last built with (None: not built yet)."""
        self._check_pending = False
        self._bindings_ready = with_screen
        """Built with its screen, as part of the screen's first frame (see ``compose``)."""

    def compose(self) -> ComposeResult:
        """With ``with_screen``: the keys as the screen's bindings say now, in the screen's first frame.

        Textual's footer waits for the screen's first "bindings changed" call, just after
        the first frame, and then mounts its keys: a second layout of the screen and more
        frames with no key pressed. On the session screen the keys shown are the screen's
        and the app's, whichever field gets the keyboard, so the later check finds nothing
        to rebuild. (The list of sessions shows its table's keys, known once it has the
        keyboard: its footer waits, as Textual's does, rather than being built twice.)
        """
        if self._bindings_ready:
            self._shown = self.shown_keys()
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # Made in its final style: Textual's key starts compact and takes the footer's
                # style (all but the palette's key) from its watcher once mounted, adding or
                # removing its class and restyling itself: twice per key, 20 restyles before
                # the session's first frame.
                compact = self.compact or widget.has_class("-command-palette")
                widget.set_reactive(FooterKey.compact, compact)
                widget.set_class(compact, "-compact", update=False)
            yield widget

    def on_mount(self) -> None:
        super().on_mount()
        self.call_after_refresh(self.fit_keys)

    def on_resize(self, event: Resize) -> None:
        """A new width: the keys that fit whole are not the same ones."""
        self.fit_keys()

    def fit_keys(self) -> None:
        """Show the keys that fit whole beside F1 and the palette's key, in their order; hide the rest.

        The widths are the keys' own texts (what ``FooterKey.render`` draws) and margins,
        so a hidden key, which has no size in the layout, is measured as well as a shown one.
        """
        if not self.is_attached or self.size.width == 0:
            return
        keys = list(self.query_children(FooterKey))
        room = self.size.width
        for key in keys:
            if key.action == HELP_ACTION or key.has_class("-command-palette"):
                room -= _width(key)
        fitting = True
        for key in keys:
            if key.action == HELP_ACTION or key.has_class("-command-palette"):
                continue
            width = _width(key)
            fitting = fitting and width <= room
            room -= width
            if key.display != fitting:
                key.display = fitting

    def shown_keys(self) -> Shown:
        """What the footer would show now, as the screen's active bindings say."""
        keys = []
        app = self.app
        for _, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show or binding.action == "command_palette":
                group = binding.group.description if binding.group is not None else ""
                keys.append(
                    (binding.key, app.get_key_display(binding), binding.description, enabled, tooltip, group)
                )
        return tuple(keys)

    def bindings_changed(self, screen: Screen[object]) -> None:
        """The screen's bindings may have changed: check once, after the calls of this moment."""
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if not self._check_pending:
            self._check_pending = True
            self.call_after_refresh(self._rebuild_if_changed)

    async def _rebuild_if_changed(self) -> None:
        self._check_pending = False
        if not self.is_attached:
            return
        shown = self.shown_keys()
        if shown != self._shown:
            self._shown = shown
            await self.recompose()
            self.fit_keys()


def _width(key: FooterKey) -> int:
    """The columns a key takes in the row: its text, padding, border and margins."""
    styles = key.styles
    return key.render().cell_len + styles.gutter.width + styles.margin.width
