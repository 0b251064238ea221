"""Danish and English interface strings.

Danish is the default; English is chosen with ``--lang en``, the app setting, or
an English ``LANG``. Keys are English identifiers; a missing translation falls
back to Danish so nothing is ever blank.
"""

from __future__ import annotations

import os

LANGUAGES = ("da", "en")

STRINGS: dict[str, dict[str, str]] = {
    "app.title": {"da": "Workshop – ledelse på tværs", "en": "Workshop – cross-boundary leadership"},
    "cli.description": {
        "da": "Facilitér et seminar om ledelse på tværs fra terminalen.",
        "en": "Facilitate a seminar on cross-boundary leadership from the terminal.",
    },
    "cli.demo.created": {"da": "Demo-session kopieret til {path}", "en": "Demo session copied to {path}"},
    "cli.new.created": {"da": "Ny session gemt: {path}", "en": "New session saved: {path}"},
    "cli.sessions.none": {
        "da": "Ingen sessioner i {folder}. Start med 'workshop demo' eller 'workshop new'.",
        "en": "No sessions in {folder}. Start with 'workshop demo' or 'workshop new'.",
    },
    "cli.sessions.broken": {"da": "KAN IKKE LÆSES", "en": "CANNOT BE READ"},
    "cli.exercises.ok": {"da": "{n} fil(er) tjekket: ingen fejl.", "en": "{n} file(s) checked: no problems."},
    "cli.exercises.bad": {"da": "{n} fejl fundet.", "en": "{n} problem(s) found."},
    "cli.exercises.heading": {"da": "Øvelser", "en": "Exercises"},
    "cli.exercises.programmes": {"da": "Programmer", "en": "Programmes"},
    "cli.exercises.inferred": {"da": "skala udledt", "en": "scale inferred"},
    "cli.prompt.title": {"da": "Titel", "en": "Title"},
    "cli.prompt.participants": {
        "da": "Deltagere (antal, eller navne adskilt af komma)",
        "en": "Participants (a count, or names separated by commas)",
    },
    "cli.error.no_session": {
        "da": "Fandt ingen session '{name}'. Se 'workshop sessions' for stier og id'er.",
        "en": "No session '{name}' found. See 'workshop sessions' for paths and ids.",
    },
    "cli.error.participants": {
        "da": "Angiv deltagere som et antal (1-500) eller som navne adskilt af komma.",
        "en": "Give participants as a count (1-500) or as names separated by commas.",
    },
    "cli.error.no_stdin": {
        "da": "Mangler {what}: angiv det som tilvalg ({option}), da der ikke kan spørges interaktivt.",
        "en": "Missing {what}: give it as an option ({option}); there is no terminal to ask on.",
    },
    "cli.error.unknown_exercise": {
        "da": "Ukendt øvelse '{id}'. Se 'workshop exercises'.",
        "en": "Unknown exercise '{id}'. See 'workshop exercises'.",
    },
    "problems.more": {
        "da": "… og {n} fejl mere i {file} (ret de første, og tjek filen igen)",
        "en": "… and {n} more problems in {file} (fix the first ones, then check the file again)",
    },
    "progress": {"da": "{done}/{total} øvelser", "en": "{done}/{total} exercises"},
    "kind.rating_grid": {"da": "vurderingsskema", "en": "rating grid"},
    "kind.scale": {"da": "skala", "en": "scale"},
    "kind.statement_diagnostic": {"da": "udsagnsdiagnose", "en": "statement diagnostic"},
    "kind.reflection_sheet": {"da": "refleksionsark", "en": "reflection sheet"},
    "kind.action_list": {"da": "handlingsliste", "en": "action list"},
    "kind.single_choice": {"da": "afstemning (ét valg)", "en": "single-choice vote"},
    "kind.dot_vote": {"da": "prikafstemning", "en": "dot vote"},
    "kind.bipolar": {"da": "placering mellem to poler", "en": "bipolar placement"},
    "kind.paired_rating": {"da": "parvis vurdering", "en": "paired rating"},
    "kind.two_axis": {"da": "placering på to akser", "en": "two-axis placement"},
    "kind.table": {"da": "skema", "en": "table"},
}


def detect_language(explicit: str | None = None) -> str:
    """The UI language: ``explicit`` if given, else English for an English LANG, else Danish."""
    if explicit in LANGUAGES:
        return explicit
    lang = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG") or ""
    return "en" if lang.lower().startswith("en") else "da"


def t(key: str, lang: str, **values: object) -> str:
    """The string ``key`` in ``lang`` with ``values`` filled in."""
    entry = STRINGS.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry["da"]
    return text.format(**values) if values else text
