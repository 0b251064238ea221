"""Command palette entries: jump to any exercise of the session, and the session's commands."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from workshop_tui.tui.strings import tr


class SessionCommands(Provider):
    """Exercises of the open session ("Gå til øvelse: …") and its actions."""

    def _entries(self) -> list[tuple[str, str, Callable[[], object]]]:
        from workshop_tui.tui.screens.session import SessionScreen

        screen = self.screen
        if not isinstance(screen, SessionScreen):
            return []
        lang = screen.lang
        session = screen.session
        goto = tr("palette.goto", lang)
        entries: list[tuple[str, str, Callable[[], object]]] = []
        for number, exercise_id in enumerate(session.agenda, start=1):
            exercise = session.exercise(exercise_id)
            status = tr(f"status.{session.status(exercise_id)}", lang)
            entries.append(
                (f"{goto}: {number}. {exercise.title.get(lang)}", status, partial(screen.go_to, exercise_id))
            )
        for key, action in (
            ("key.projector", screen.action_projector),
            ("key.blind", screen.action_blind),
            ("key.mode", screen.action_mode),
            ("key.timer", screen.action_timer),
            ("key.timer_set", screen.action_set_timer),
            ("key.note", screen.action_notes),
            ("key.agenda", screen.action_agenda),
            ("key.groups", screen.action_groups),
            ("key.undo", screen.action_undo),
            ("key.redo", screen.action_redo),
            ("palette.export", screen.action_export),
        ):
            entries.append((tr(key, lang), "", action))
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
