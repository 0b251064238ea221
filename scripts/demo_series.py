"""The rest of the demo series, built beside the demo seminar by ``scripts/build_demo.py``.

Two leader groups of the fictitious Fjordby Kommune, Sundhed og Ældre, each meeting twice:

- **Ældreområdet** (the demo seminar, 14 October 2026) and its follow-up day three months
  later (20 January 2027): last time's six trial actions reviewed (two done, one dropped,
  two overdue, one carried over into the day's actions), the scored exercises again, some
  figures better (direction, less distrust) and some worse (the economy, commitment);
- **Rehabilitering og hjælpemidler**, a second leader group of the same area (4 November
  2026 and 10 February 2027), which runs the same scored exercises (so a group × dimension
  heatmap has two rows) and every kind the seminar does not: dot vote, single choice,
  ranking, bipolar, paired rating and two-axis placement.

A closing rating ("Hvad fik vi ud af tiden?") ends every day. Every score is written out or
follows from a fixed rule: no randomness, so the files change only when the library or the
format does.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from workshop_tui.core.kinds.action_review import carry_over, with_review
from workshop_tui.core.model import Action, Position, Session
from workshop_tui.core.storage.library import Library
from workshop_tui.core.storage.series import REVIEW_EXERCISE, follow_up
from workshop_tui.core.storage.sessions import new_session

CLOSING = "closing-rating"

# ---- Ældreområdet, the follow-up day ----------------------------------------------------

FOLLOW_UP_ID = "demo-aeldreomraadet-2"
FOLLOW_UP_FILE = f"{FOLLOW_UP_ID}.toml"
FOLLOW_UP_DATE = "2027-01-20"
FOLLOW_UP_TITLE = "Ledelse på tværs – opfølgning tre måneder efter"
FOLLOW_UP_STAMPS = ("2027-01-20T08:30:00+00:00", "2027-01-20T12:40:00+00:00")
FOLLOW_UP_AGENDA = (
    REVIEW_EXERCISE,
    "kkc-indicators",
    "leadership-actions",
    "tension-fields",
    "resistance",
    "commitment",
    "sheet-45",
    CLOSING,
)
"""A shorter day than the seminar: the review, the figures again, new actions, the closing rating."""

REVIEW: dict[str, tuple[str, str]] = {
    "a1": ("done", "Kørt i seks uger: 31 opkald, heraf 9 om medicin. Fortsætter som fast ordning."),
    "a2": ("partly", "Afprøvet på M2 i fire uger; de to andre afdelinger afventer regionens svar."),
    "a3": ("not_started", "Aflyst to gange på grund af sygdom; ingen ny dato endnu."),
    "a4": ("done", "Morgenbordet holdes nu hver tirsdag og torsdag."),
    "a5": ("dropped", "Erstattet af regionens egen analyse af 40 forløb, som vi får i marts."),
    "a6": ("partly", "Drøftet i direktionen; puljen er ikke besluttet."),
}
"""Status and note per action of the seminar (a1-a3 Gruppe A, a4-a6 Gruppe B)."""
CARRIED = ("a2",)
"""Carried over into the day's action list (it keeps its text and owner, and gets a new date)."""

SHIFTS: dict[str, dict[str, int]] = {
    # Better: the direction is clearer, the coordination warning signs weaker.
    "kkc-indicators": {
        "kurs.pos.1": 1,
        "kurs.pos.3": 1,
        "kurs.neg.1": -1,
        "koord.pos.3": 1,
        "koord.neg.1": -1,
    },
    # Worse: roles (action-6) split further, prioritising (action-3) better.
    "leadership-actions": {"action-3": 1, "action-7": -1, "action-6": -1},
    "tension-fields": {"silo-budget": -1, "methods": 1},
    # Less distrust, more felt economic threat.
    "resistance": {"trust": -1, "economic-threat": 1, "necessity": 1},
}
"""item -> change of every score on the follow-up day (clamped to the scale)."""
COMMITMENT_LATER = [7, 7, 8, 5, 6, 8, 5, 8, 6, 7, 5, 7]
CLOSING_FIRST = [4, 4, 5, 3, 4, 4, 3, 4, 4, 5, 2, 4]
CLOSING_LATER = [5, 4, 5, 4, 4, 5, 3, 5, 4, 5, 3, 4]

LATER_CHALLENGES = {
    "g1": "Fredagsudskrivelser uden afstemt medicin – stadig det største hul mellem sygehus og kommune.",
    "g2": "Midlertidige pladser betales af ét område; puljen mangler en beslutning.",
}
LATER_ACTIONS = {
    "g1": [
        Action("Medicinliste med ved alle fredagsudskrivelser fra M2 og M4.", "Hanne Lindberg", "2027-03-01")
    ],
    "g2": [
        Action("Skriv beslutningsoplæg om puljen til direktionsmødet i marts.", "Sara Ahmadi", "2027-03-10")
    ],
}


def with_closing(programme: Sequence[str]) -> list[str]:
    """The seminar's programme with the closing rating before its action plan.

    The seminar opens on its action plan, the last exercise, where the day ended (the
    tests of a quiet start and of a hostile file rely on both), so the rating comes
    just before it: the room rates the day, then writes what it will try.
    """
    exercises = list(programme)
    place = exercises.index("sheet-45") if "sheet-45" in exercises else len(exercises)
    return [*exercises[:place], CLOSING, *exercises[place:]]


def shifted(score: int, delta: int, low: int, high: int) -> int:
    """A score moved by ``delta``, kept on the scale."""
    return max(low, min(high, score + delta))


def elder_follow_up(first: Session, library: Library) -> Session:
    """The follow-up day of the demo seminar, built from it as ``workshop new --follows`` does."""
    later = follow_up(
        first,
        title=FOLLOW_UP_TITLE,
        date=FOLLOW_UP_DATE,
        timestamp=FOLLOW_UP_STAMPS[0],
        session_id=FOLLOW_UP_ID,
        review=library.exercises[REVIEW_EXERCISE],
    )
    later = dataclasses.replace(
        later,
        agenda=FOLLOW_UP_AGENDA,
        exercises={e: later.exercises[e] for e in FOLLOW_UP_AGENDA},
        position=Position(exercise=REVIEW_EXERCISE),
    )
    for action_id, (status, note) in REVIEW.items():
        later = with_review(later, REVIEW_EXERCISE, action_id, "status", status)
        later = with_review(later, REVIEW_EXERCISE, action_id, "note", note)
    for action_id in CARRIED:
        later = carry_over(later, REVIEW_EXERCISE, action_id)
    for exercise_id, shifts in SHIFTS.items():
        scale = later.exercise(exercise_id).scale
        assert scale is not None
        for item_id, row in first.answers_for(exercise_id).scores.items():
            for person, score in row.items():
                value = shifted(score, shifts.get(item_id, 0), scale.min, scale.max)
                later = later.with_score(exercise_id, item_id, person, value)
    later = scores_in_order(later, "commitment", {"value": COMMITMENT_LATER})
    later = scores_in_order(later, CLOSING, {"value": CLOSING_LATER})
    for group_id, challenge in LATER_CHALLENGES.items():
        later = later.with_challenge("sheet-45", group_id, challenge)
        written = len([a for a in later.answers_for("sheet-45").actions.get(group_id, ()) if not a.is_empty])
        for offset, action in enumerate(LATER_ACTIONS[group_id]):
            later = later.with_action("sheet-45", group_id, written + offset, action)
    return later.touched(FOLLOW_UP_STAMPS[1])


def scores_in_order(session: Session, exercise_id: str, table: Mapping[str, Sequence[int]]) -> Session:
    """Every participant's score per item, p1 first (``table``: item id -> scores)."""
    for item_id, scores in table.items():
        for number, score in enumerate(scores, start=1):
            session = session.with_score(exercise_id, item_id, f"p{number}", score)
    return session


# ---- Rehabilitering og hjælpemidler, a second leader group of the same area ----------------

REHAB_ID = "demo-rehabilitering"
REHAB_FILE = f"{REHAB_ID}.toml"
REHAB_LATER_ID = "demo-rehabilitering-2"
REHAB_LATER_FILE = f"{REHAB_LATER_ID}.toml"
REHAB_TITLE = "Ledelse på tværs – rehabilitering og hjælpemidler"
REHAB_LATER_TITLE = "Rehabilitering og hjælpemidler – opfølgning"
REHAB_DATES = ("2026-11-04", "2027-02-10")
REHAB_PEOPLE = [
    "Rikke Sand",
    "Morten Bak",
    "Nadia Hansen",
    "Ole Friis",
    "Pia Munk",
    "Kasper Lund",
    "Yasmin Ali",
    "Bente Krogh",
]
REHAB_GROUPS = ["Træning og rehabilitering", "Hjælpemidler og boligændringer"]
REHAB_AGENDA = (
    "kkc-indicators",
    "resistance",
    "commitment",
    "challenges-dot-vote",
    "challenges-ranking",
    "grint-problem-types",
    "us-and-them",
    "ecosystem-mirror",
    "psych-safety-zones",
    "sheet-45",
    CLOSING,
)
"""The seminar's scored exercises (for the heatmap) and one exercise of each other scored kind."""
REHAB_LATER_AGENDA = (
    REVIEW_EXERCISE,
    "kkc-indicators",
    "resistance",
    "commitment",
    "us-and-them",
    "ecosystem-mirror",
    "psych-safety-zones",
    "sheet-45",
    CLOSING,
)
REHAB_LEVELS: dict[str, dict[str, int]] = {
    # The group's level per item on the first day (a person's own offset is added); unlisted: 3.
    "kkc-indicators": {"kurs.pos.1": 4, "kurs.pos.2": 4, "kurs.neg.1": 2, "koord.pos.1": 2, "koord.pos.3": 2},
    "resistance": {"trust": 2, "necessity": 2, "economic-threat": 4, "status": 4, "control": 2},
    "us-and-them": {"us-them": 2},
    "ecosystem-mirror": {"strategy:left": 4, "strategy:right": 2, "tasks:left": 4, "leadership:right": 2},
    "psych-safety-zones": {"demands": 4, "safety": 3},
    "commitment": {"value": 7},
    CLOSING: {"value": 3},
}
REHAB_CHANGES: dict[str, dict[str, int]] = {
    # The follow-up: the mirror's outer side and safety better, the economy and commitment worse.
    "kkc-indicators": {"koord.pos.1": 1, "koord.pos.3": 1, "kurs.pos.2": -1},
    "resistance": {"economic-threat": 1, "trust": -1},
    "us-and-them": {"us-them": 1},
    "ecosystem-mirror": {"strategy:right": 1, "leadership:right": 1},
    "psych-safety-zones": {"safety": 1},
    "commitment": {"value": -1},
    CLOSING: {"value": 1},
}
PERSON_OFFSETS = (0, 1, -1, 0, 1, 0, -1, 1)
"""How each of the eight leaders leans from the group's level (the same every day)."""
REHAB_ACTIONS = {
    "g1": [
        Action(
            "Fælles træningsplan udfyldes på sygehuset inden udskrivning (pilot, ti borgere).",
            "Rikke Sand",
            "2026-12-15",
        ),
        Action(
            "Terapeuterne deltager i morgenbordet i Visitationen én dag om ugen.", "Morten Bak", "2027-01-15"
        ),
    ],
    "g2": [
        Action(
            "Hjælpemidler leveres samme dag ved fredagsudskrivelser (aftale med depotet).",
            "Ole Friis",
            "2026-12-01",
        )
    ],
}
REHAB_REVIEW = {
    "a1": ("partly", "Syv af ti planer udfyldt; sygehuset vil fortsætte."),
    "a2": ("done", "Fast ordning om tirsdagen."),
    "a3": ("not_started", "Depotet har ikke bemanding fredag eftermiddag."),
}


def level_table(
    levels: Mapping[str, int], rows: Sequence[str], change: Mapping[str, int], low: int, high: int
) -> dict[str, list[int]]:
    """Each person's score per row: the group's level, changed, plus the person's lean, on the scale."""
    return {
        row: [
            shifted(levels.get(row, 3 if high <= 5 else 7) + change.get(row, 0), lean, low, high)
            for lean in PERSON_OFFSETS
        ]
        for row in rows
    }


def rehab_scores(session: Session, exercise_ids: Sequence[str], later: bool) -> Session:
    """The scored exercises with a level per item (the first day's, or the follow-up's)."""
    for exercise_id in exercise_ids:
        exercise = session.exercise(exercise_id)
        assert exercise.scale is not None
        rows = [item.id for item in exercise.scored_items]
        change = REHAB_CHANGES.get(exercise_id, {}) if later else {}
        table = level_table(
            REHAB_LEVELS.get(exercise_id, {}), rows, change, exercise.scale.min, exercise.scale.max
        )
        session = scores_in_order(session, exercise_id, table)
    return session


def rehab_votes(session: Session) -> Session:
    """The dot vote (three dots, one per challenge), the single choice and the ranking."""
    options = [item.id for item in session.exercise("challenges-dot-vote").items]
    for number in range(1, len(REHAB_PEOPLE) + 1):
        # Everyone puts a dot on the silo; the other two dots move round the options.
        picks = (options[0], options[number % len(options)], options[(number * 3) % len(options)])
        for option in dict.fromkeys(picks):  # in order, each once: the file never changes by chance
            session = session.with_score("challenges-dot-vote", option, f"p{number}", 1)
        choice = "tame" if number in (3, 7) else "wicked"
        session = session.with_score("grint-problem-types", choice, f"p{number}", 1)
    ranked = [item.id for item in session.exercise("challenges-ranking").items]
    for number in range(1, len(REHAB_PEOPLE) + 1):
        turn = number % 3
        order = ranked[turn:] + ranked[:turn]
        for place, item_id in enumerate(order, start=1):
            session = session.with_score("challenges-ranking", item_id, f"p{number}", place)
    return session


def rehab_days(library: Library) -> tuple[Session, Session]:
    """The second leader group's seminar and its follow-up."""
    first = new_session(
        title=REHAB_TITLE,
        date=REHAB_DATES[0],
        exercises=[library.exercises[e] for e in REHAB_AGENDA],
        participants=REHAB_PEOPLE,
        groups=REHAB_GROUPS,
        organisation="Fjordby Kommune, Sundhed og Ældre",
        facilitator="Karen Juhl",
        timestamp=f"{REHAB_DATES[0]}T08:30:00+00:00",
        session_id=REHAB_ID,
    )
    scored = (
        "kkc-indicators",
        "resistance",
        "commitment",
        "us-and-them",
        "ecosystem-mirror",
        "psych-safety-zones",
        CLOSING,
    )
    first = rehab_votes(rehab_scores(first, scored, later=False))
    first = first.with_challenge(
        "sheet-45", "g1", "Silo-tænkning mellem sygehusets terapeuter og kommunens træning."
    )
    first = first.with_challenge(
        "sheet-45", "g2", "Hjælpemidler når ikke frem, når borgeren udskrives fredag."
    )
    for group_id, actions in REHAB_ACTIONS.items():
        for index, action in enumerate(actions):
            first = first.with_action("sheet-45", group_id, index, action)
    first = first.touched(f"{REHAB_DATES[0]}T15:00:00+00:00")
    later = follow_up(
        first,
        title=REHAB_LATER_TITLE,
        date=REHAB_DATES[1],
        timestamp=f"{REHAB_DATES[1]}T08:30:00+00:00",
        session_id=REHAB_LATER_ID,
        review=library.exercises[REVIEW_EXERCISE],
    )
    later = dataclasses.replace(
        later,
        agenda=REHAB_LATER_AGENDA,
        exercises={e: later.exercises[e] for e in REHAB_LATER_AGENDA},
        position=Position(exercise=REVIEW_EXERCISE),
    )
    for action_id, (status, note) in REHAB_REVIEW.items():
        later = with_review(later, REVIEW_EXERCISE, action_id, "status", status)
        later = with_review(later, REVIEW_EXERCISE, action_id, "note", note)
    later = carry_over(later, REVIEW_EXERCISE, "a3")
    later = rehab_scores(later, scored, later=True)
    later = later.with_challenge("sheet-45", "g1", "Træningsplanen skal med fra alle medicinske afdelinger.")
    later = later.with_action(
        "sheet-45", "g1", 0, Action("Træningsplan fra M4 og M6 fra 1. marts.", "Rikke Sand", "2027-03-31")
    )
    later = later.with_challenge("sheet-45", "g2", "Hjælpemidler fredag eftermiddag.")
    return first, later.touched(f"{REHAB_DATES[1]}T14:30:00+00:00")
