"""Command palette entries: jump to any exercise of the session, and the session's commands."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from workshop_tui.core.i18n import t


class SessionCommands(Provider):
    """Exercises of the open session ("Gå til øvelse: …") and its actions."""

    def _entries(self) -> list[tuple[str, str, Callable[[], object]]]:
        from workshop_tui.tui.screens.session import SessionScreen

        screen = self.screen
        if not isinstance(screen, SessionScreen):
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
        for key, action in (
            ("tui.key.projector", screen.action_projector),
            ("tui.key.blind", screen.action_blind),
            ("tui.key.mode", screen.action_mode),
            ("tui.key.timer", screen.action_timer),
            ("tui.key.timer_set", screen.action_set_timer),
            ("tui.key.note", screen.action_notes),
            ("tui.key.agenda", screen.action_agenda),
            ("tui.key.groups", screen.action_groups),
            ("tui.key.undo", screen.action_undo),
            ("tui.key.redo", screen.action_redo),
            ("tui.palette.export", screen.action_export),
        ):
            entries.append((t(key, lang), "", action))
        return entries

    async def discover(self) -> Hits:
        for text, help_text, callback in self._entries():
            yield DiscoveryHit(text, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, help_text, callback in self._entries():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), callback, help=help_text)
