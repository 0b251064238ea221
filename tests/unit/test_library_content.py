"""The wider library: the exercises of issues 6 and 18 and the programmes are there with their kinds.

That their Danish is quoted verbatim from the cited lines is tested in test_citations.py.
"""

from __future__ import annotations

from workshop_tui.core.kinds.actions import ActionBody
from workshop_tui.core.kinds.tables import TableBody
from workshop_tui.core.storage.library import Library, check_path
from workshop_tui.core.storage.locations import builtin_exercises_dir

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
ISSUE_18 = {
    "what-becomes-important": "reflection_sheet",
    "leadership-views": "single_choice",
    "organisational-reality": "rating_grid",
    "changing-conditions": "rating_grid",
    "new-understanding-of-collaboration": "bipolar",
    "interview-kkc": "reflection_sheet",
    "welfare-challenges": "dot_vote",
    "welfare-meaning": "rating_grid",
    "welfare-relations": "rating_grid",
    "welfare-development": "rating_grid",
    "welfare-tools": "rating_grid",
    "metagovernance": "rating_grid",
    "governance-paradigms": "dot_vote",
    "coordination-approaches": "rating_grid",
    "leader-roles": "single_choice",
    "involve-the-base": "table",
    "workgroup-or-network": "rating_grid",
    "network-traits": "rating_grid",
    "network-types": "single_choice",
    "network-concept": "rating_grid",
    "network-coordination": "rating_grid",
    "network-form": "bipolar",
    "goal-hierarchy": "table",
    "network-agreement": "reflection_sheet",
    "group-dynamics": "rating_grid",
    "five-d-seminar": "reflection_sheet",
    "ecosystem-participation": "reflection_sheet",
    "ecosystem-dilemma": "bipolar",
    "ecosystem-governance": "bipolar",
}
"""The exercises of issue 18: the rest of the five sources' models."""


def test_every_wider_exercise_is_in_the_library_with_its_kind(library: Library) -> None:
    assert len(WIDER) >= 14
    assert {e: library.exercises[e].kind for e in WIDER} == WIDER
    assert check_path(builtin_exercises_dir()) == []


def test_the_rest_of_the_sources_is_in_the_library_with_its_kind(library: Library) -> None:
    assert {e: library.exercises[e].kind for e in ISSUE_18} == ISSUE_18
    seeds = [library.exercises[e].source.file[:3] for e in ISSUE_18]
    assert seeds.count("004") >= 6 and all(seeds.count(s) >= 2 for s in ("000", "001", "002", "003"))


def test_the_programmes_name_only_exercises_of_the_library(library: Library) -> None:
    assert {"relationer-og-tryghed", "netvaerksstart", "oekosystem-og-magt"} <= set(library.programmes)
    assert {"velfaerdsledelse", "ledernetvaerk"} <= set(library.programmes)
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
    stakeholders = library.exercises["stakeholder-analysis"].body_as(TableBody)
    assert [c.id for c in stakeholders.columns] == [
        "stakeholder",
        "importance",
        "activity",
        "attitude",
        "handling",
    ]
    assert stakeholders.matrix is not None and stakeholders.rows == 5
    assert "challenges-dot-vote" in library.exercises["sheet-45"].body_as(ActionBody).challenge_from


# That every quoted Danish text is verbatim from the lines it cites is tested in
# test_citations.py (with the extraction's broken "pa ̊" and line-end hyphens repaired).
