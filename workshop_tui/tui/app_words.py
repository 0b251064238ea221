"""The app's words: notifications shown as written, the palette and F1 in the interface language.

Split from ``app.py`` (the app's screens, sessions and start) so each stays readable; the
app class inherits these. Nothing here knows about sessions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import cast

from rich.align import Align
from rich.text import Text
from textual import events, on
from textual.app import App, SystemCommand
from textual.command import CommandList, CommandPalette
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import ThemeProvider
from textual.widgets.option_list import Option

from workshop_tui.core.i18n import t
from workshop_tui.core.text_safety import for_terminal
from workshop_tui.tui.commands import CommandScreen
from workshop_tui.tui.help_keys import HelpKeys
from workshop_tui.tui.settings import Settings, save_settings
from workshop_tui.tui.strings import textual_word
from workshop_tui.tui.wall_notices import WallNotices


class Palette(CommandPalette):
    """Textual's command palette, saying "no matches" in the interface language.

    Textual writes "No matches found" itself, in English, under a Danish search field; this is
    its ``_start_no_matches_countdown`` (Textual 8.2, as pinned) with the words looked up.
    """

    def __init__(self, lang: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._no_matches_words = textual_word("No matches found", lang)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def _show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(self._no_matches_words, style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, _show_no_matches)


class AppWords(HelpKeys):
    """What the app says and how it is searched, in the facilitator's language."""

    lang: str
    """The interface language ("da" or "en"), set by the app at start."""
    settings: Settings
    """The facilitator's remembered settings, set by the app at start."""
    wall_notices: WallNotices
    """The notices held while the wall is up (``wall_notices``), set by the app at start."""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification is shown as written, never as markup (``markup`` is ignored).

        Messages quote file names, paths, a file's bad value, an exercise's title and the
        reason a save failed: "[/]" in any of them stopped the app, "[@click=…]" made a link.
        Our catalogue holds no markup, so nothing is lost (screens and widgets all end here).
        """
        super().notify(
            for_terminal(message, multiline=True),
            title=for_terminal(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def _refresh_notifications(self) -> None:
        """Textual shows the app's notices on the current screen: none of their words on the wall.

        Every notice and every screen resumed comes here (Textual's ``App._refresh_notifications``),
        so the one rule (``wall_notices``) holds whoever raised the notice.
        """
        self.wall_notices.sort(self, self.lang, wall_up=self.wall_is_up())
        super()._refresh_notifications()

    def wall_is_up(self) -> bool:
        """Is the wall (F2) up, seen or under a dialog? The app's screens say (``WorkshopApp``)."""
        return False

    def action_help_quit(self) -> None:
        """Ctrl+C: how to quit, in the interface language.

        Textual says it in English ("Press [b]ctrl+q[/b] to quit the app"), and its markup
        was shown as written, since every notice here is (``notify``).
        """
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                shown = "+".join(
                    part.capitalize() if len(part) > 1 else part.upper() for part in key.split("+")
                )
                self.notify(
                    t("tui.quit_hint", self.lang, keys=shown), title=t("tui.quit_hint_title", self.lang)
                )
                return

    def set_language(self, lang: str) -> None:
        """Switch the interface language and remember it."""
        self.lang = lang
        self.settings = replace(self.settings, lang=lang, theme=self.theme)
        save_settings(self.settings)

    def action_toggle_help(self) -> None:
        """F1: show or hide the help for the current screen and its keys."""
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    def action_command_palette(self) -> None:
        """Ctrl+P: the command palette, its search field in the interface language."""
        if self.use_command_palette and not CommandPalette.is_open(cast("App[object]", self)):
            placeholder = textual_word("Search for commands…", self.lang)
            self.push_screen(Palette(self.lang, id="--command-palette", placeholder=placeholder))

    def search_themes(self) -> None:
        """The palette's list of themes, its search field in the interface language."""
        placeholder = textual_word("Search for themes…", self.lang)
        self.push_screen(Palette(self.lang, providers=[ThemeProvider], placeholder=placeholder))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        # Textual's own commands (Theme, Keys, Quit, …) with their titles in the interface language.
        for command in super().get_system_commands(screen):
            yield SystemCommand(
                textual_word(command.title, self.lang),
                textual_word(command.help, self.lang),
                command.callback,
            )
        # A screen without a session (the list of sessions) offers its own commands here, as
        # the session's come from ``SessionCommands``: the palette names what the footer and F1 do.
        screen_commands = getattr(screen, "palette_commands", None)
        if callable(screen_commands) and not isinstance(screen, CommandScreen):
            for command in screen_commands():
                if command.palette is not None:
                    yield SystemCommand(
                        t(command.palette, self.lang),
                        t(f"tui.help.key.{command.id}", self.lang),
                        getattr(screen, f"action_{command.action}"),
                    )
        other = "en" if self.lang == "da" else "da"
        yield SystemCommand(
            t("tui.key.lang", self.lang),
            t("tui.palette.switch_lang", self.lang),
            lambda: self._switch_language(other),
        )

    def _switch_language(self, lang: str) -> None:
        self.set_language(lang)
        refresh = getattr(self.screen, "relabel", None)
        if callable(refresh):
            refresh()

    @on(events.DeliveryComplete)
    def _screenshot_saved(self, event: events.DeliveryComplete) -> None:
        """Textual's "Saved screenshot" notice, in the interface language (it is English).

        ``prevent_default`` keeps Textual's own handler (``App._on_delivery_complete``) from
        saying it again; other deliveries go on to it.
        """
        if event.name != "screenshot":
            return
        event.prevent_default()
        title = textual_word("Screenshot", self.lang)
        if event.path is None:
            self.notify(t("tui.screenshot.saved_here", self.lang), title=title)
        else:
            self.notify(t("tui.screenshot.saved", self.lang, path=str(event.path)), title=title)

    @on(events.DeliveryFailed)
    def _screenshot_failed(self, event: events.DeliveryFailed) -> None:
        """Textual's "Failed to save screenshot", in the interface language, and why.

        Textual saves to the Downloads folder; where there is none (found by hand: no
        ~/Downloads) its notice did not say so, and the facilitator could not fix it.
        """
        if event.name != "screenshot":
            return
        event.prevent_default()
        title = textual_word("Screenshot", self.lang)
        reason = str(event.exception) or type(event.exception).__name__
        self.notify(t("tui.screenshot.failed", self.lang, reason=reason), title=title, severity="error")
