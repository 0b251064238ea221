"""The wider library: the issue-6 exercises are there, cite their source and quote it verbatim."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from workshop_tui.model import Exercise, Text
from workshop_tui.storage.library import Library, check_path
from workshop_tui.storage.locations import builtin_exercises_dir

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"

WIDER = {
    "psych-safety-statements": "rating_grid",
    "psych-safety-reflection": "reflection_sheet",
    "psych-safety-zones": "two_axis",
    "grint-problem-types": "single_choice",
    "power": "rating_grid",
    "leadership-strategies": "single_choice",
    "stepping-stones": "rating_grid",
    "challenges-dot-vote": "dot_vote",
    "us-and-them": "bipolar",
    "interface-or-shared-space": "bipolar",
    "relational-coordination": "rating_grid",
    "boundaries": "rating_grid",
    "ecosystem-mirror": "paired_rating",
    "network-phases": "single_choice",
    "koege-stages": "single_choice",
    "stakeholder-analysis": "table",
    "smart-goals": "table",
    "closing-reflection": "reflection_sheet",
    "professional-depth": "two_axis",
}
EDITORIAL = {"DYBDEFAGLIGHED"}
"""Texts joined from pieces the extraction split in a way the repair below does not undo."""


def test_every_wider_exercise_is_in_the_library_with_its_kind(library: Library) -> None:
    assert len(WIDER) >= 14
    assert {e: library.exercises[e].kind for e in WIDER} == WIDER
    assert check_path(builtin_exercises_dir()) == []


def test_the_programmes_name_only_exercises_of_the_library(library: Library) -> None:
    assert {"relationer-og-tryghed", "netvaerksstart", "oekosystem-og-magt"} <= set(library.programmes)
    for programme in library.programmes.values():
        assert programme.description is not None and programme.description.en
        assert all(e in library.exercises for e in programme.exercises), programme.id


def test_structure_follows_the_sources(library: Library) -> None:
    edmondson = library.exercises["psych-safety-statements"]
    assert [i.reverse for i in edmondson.items] == [True, False, True, False, True, False, False]
    rc = library.exercises["relational-coordination"]
    assert [i.dimension for i in rc.items] == ["relations"] * 3 + ["communication"] * 4
    assert len(library.exercises["interface-or-shared-space"].items) == 5
    assert len(library.exercises["boundaries"].items) == 5
    assert len(library.exercises["stepping-stones"].items) == 6
    assert len(library.exercises["koege-stages"].items) == 4
    assert all(i.response for i in library.exercises["grint-problem-types"].items)
    mirror = library.exercises["ecosystem-mirror"]
    assert len(mirror.items) == 4 and len(mirror.scored_items) == 8
    stakeholders = library.exercises["stakeholder-analysis"]
    assert [c.id for c in stakeholders.columns] == [
        "stakeholder",
        "importance",
        "activity",
        "attitude",
        "handling",
    ]
    assert stakeholders.matrix is not None and stakeholders.rows == 5
    assert "challenges-dot-vote" in library.exercises["sheet-45"].challenge_from


def _repaired(text: str) -> str:
    """A seed as the exercise files quote it: line breaks joined, hyphenation and å repaired."""
    text = text.replace(" ̊", "").replace("\u030a", "")
    text = re.sub(r"(\w)-\s*\n\s*(?=[a-zæøå])", r"\1", text)
    return re.sub(r"\s+", " ", text)


def _quoted(exercise: Exercise) -> list[tuple[str, Text]]:
    """The texts an exercise says it takes verbatim from its source (not titles, prompts or labels)."""
    found: list[tuple[str, Text]] = []
    for item in exercise.items:
        for name in ("text", "left", "right", "response"):
            value = getattr(item, name)
            if value is not None:
                found.append((f"{item.id}.{name}", value))
    for box in exercise.boxes:
        found += [(f"box {box.number}", box.title)] + (
            [(f"box {box.number}.q", box.question)] if box.question else []
        )
        found += [(f"box {box.number}.{q.letter}", q.text) for q in box.subquestions]
    found += [("instruction", t) for t in exercise.instructions]
    found += [(f"zone {z.id}", z.label) for z in exercise.zones]
    return found


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed texts are not next to this checkout")
def test_quoted_danish_is_verbatim_from_the_cited_seed(library: Library) -> None:
    """Each quoted text (split at the ": ", " · " and " ↔ " we join pieces with) occurs in its seed."""
    missing = []
    for exercise in library.exercises.values():
        seed = _repaired((SEEDS / exercise.source.file).read_text(encoding="utf-8"))
        for where, text in _quoted(exercise):
            for piece in re.split(r": | · | ↔ ", text.da):
                piece = " ".join(piece.split())
                if piece and piece not in seed and piece not in EDITORIAL:
                    missing.append(f"{exercise.id} {where}: {piece!r}")
    assert missing == []
