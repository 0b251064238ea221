"""Programmes: ready-made agendas that the new-session form offers."""

from __future__ import annotations

from dataclasses import dataclass

from workshop_tui.core.model.exercise import Text


@dataclass(frozen=True)
class Programme:
    """An ordered list of exercise ids with a title and a description."""

    id: str
    version: int
    title: Text
    exercises: tuple[str, ...]
    description: Text | None = None
