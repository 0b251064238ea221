"""Danish and English interface strings.

Danish is the default; English is chosen with ``--lang en``, the app setting, or
an English ``LANG``. Keys are English identifiers; a missing translation falls
back to Danish so nothing is ever blank.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

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
    "cli.error.date": {
        "da": "'{date}' er ikke en dato; skriv ÅÅÅÅ-MM-DD",
        "en": "'{date}' is not a date; use YYYY-MM-DD",
    },
    "cli.error.no_tty": {
        "da": "workshop: appen skal køre i en terminal (stdout er ikke en terminal)",
        "en": "workshop: the app needs a terminal (stdout is not a TTY)",
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
    "kind.ranking": {"da": "rangordning", "en": "ranking"},
    # The symbols of the figures (``results.legend``), for every screen and export that shows them.
    "legend.best": {"da": "▲ de 3 bedste efter retning", "en": "▲ the 3 best by direction"},
    "legend.weakest": {"da": "▼ de 3 svageste efter retning", "en": "▼ the 3 weakest by direction"},
    "legend.highest": {"da": "▲ de 3 højest scorede", "en": "▲ the 3 highest scores"},
    "legend.lowest": {"da": "▼ de 3 lavest scorede", "en": "▼ the 3 lowest scores"},
    "legend.split": {
        "da": "⚡ delt gruppe: to toppe med en dal imellem",
        "en": "⚡ split: two peaks with a trough between them",
    },
}


REFUSALS: dict[str, tuple[str, str]] = {
    # code: (Danish, English); the model raises ``model.refusal.Refused(code, **values)``.
    "exercise.unknown": (
        "øvelsen '{exercise}' er ikke i denne session",
        "exercise '{exercise}' is not in this session",
    ),
    "item.unknown": (
        "øvelsen '{exercise}' har intet punkt '{item}'",
        "exercise '{exercise}' has no item '{item}'",
    ),
    "participant.unknown": (
        "ingen deltager '{participant}' i denne session",
        "no participant '{participant}' in this session",
    ),
    "participant.bad_id": (
        "'{participant}' kan ikke bruges som deltager-id; brug bogstaver, tal, - eller _",
        "'{participant}' is not a valid participant id; use letters, digits, - or _",
    ),
    "participant.taken": (
        "deltager-id '{participant}' findes allerede i sessionen",
        "participant id '{participant}' is already in this session",
    ),
    "participants.full": (
        "en session kan højst have {max} deltagere",
        "a session holds at most {max} participants",
    ),
    "group.unknown": ("ingen gruppe '{group}' i denne session", "no group '{group}' in this session"),
    "group.name_empty": ("en gruppe skal have et navn", "a group needs a name"),
    "group.name_taken": (
        "der er allerede en gruppe, der hedder '{name}'",
        "there is already a group called '{name}'",
    ),
    "groups.full": ("en session kan højst have {max} grupper", "a session holds at most {max} groups"),
    "score.no_scale": (
        "øvelsen '{exercise}' har ingen skala; den tager ingen scorer",
        "exercise '{exercise}' has no scale; it takes no scores",
    ),
    "score.off_scale": (
        "scoren {score} ligger uden for skalaen i '{exercise}'; brug et helt tal fra {min} til {max}",
        "score {score} is off the scale of '{exercise}'; use a whole number from {min} to {max}",
    ),
    "tally.negative": (
        "en optælling kan ikke være negativ (fik {count})",
        "a tally cannot be negative (got {count})",
    ),
    "mode.unknown": (
        "ukendt tilstand '{mode}'; brug participant eller tally",
        "unknown mode '{mode}'; use one of participant, tally",
    ),
    "mode.two_axis": (
        "en placering på to akser parrer hver persons to scorer og kan derfor ikke tælles op; "
        "brug anonyme deltagere (P1…Pn) i stedet",
        "a two-axis placement pairs each person's two scores, so it cannot be tallied; "
        "use anonymous participants (P1…Pn) instead",
    ),
    "dots.left": (
        "{who} har {left} af {dots} prikker tilbage; tag først en prik fra en anden mulighed",
        "{who} has {left} of {dots} dots left; take a dot off another option first",
    ),
    "notes.none": (
        "øvelsen '{exercise}' tager ingen noter pr. punkt",
        "exercise '{exercise}' takes no notes per item",
    ),
    "box.unknown": (
        "øvelsen '{exercise}' har intet svarfelt '{box}'",
        "exercise '{exercise}' has no answer box '{box}'",
    ),
    "cell.unknown": (
        "øvelsen '{exercise}' har ingen celle '{cell}'",
        "exercise '{exercise}' has no cell '{cell}'",
    ),
    "cell.option": (
        "'{text}' er ikke en mulighed i kolonnen '{column}'; brug en af {choices}",
        "'{text}' is not an option of column '{column}'; use one of {choices}",
    ),
    "closing.none": (
        "øvelsen '{exercise}' har intet afsluttende spørgsmål",
        "exercise '{exercise}' has no closing question",
    ),
    "kind.wrong": (
        "øvelsen '{exercise}' er en {kind}, ikke en {wanted}",
        "exercise '{exercise}' is a {kind}, not a {wanted}",
    ),
    "action.range": (
        "øvelsen '{exercise}' har handling 1 til {count}, ikke {number}",
        "exercise '{exercise}' has actions 1 to {count}, not {number}",
    ),
    "action.negative": (
        "en handlings nummer kan ikke være negativt (fik {index})",
        "an action index cannot be negative (got {index})",
    ),
    "date.invalid": (
        "'{text}' er ikke en dato; skriv fx 2027-01-20, 20.1.2027 eller 20/1",
        "'{text}' is not a date; write e.g. 2027-01-20, 20.1.2027 or 20/1",
    ),
    "too_long": (
        "en tekst kan højst have {limit} tegn (denne har {n}); gør den kortere",
        "{what} can be at most {limit} characters (got {n}); shorten it",
    ),
}


def refusal_words(code: str, lang: str, values: Mapping[str, object]) -> str:
    """The words for the model's refusal ``code`` in ``lang``, with ``values`` filled in.

    A kind (``kind``, ``wanted``) is named in the language too; numbers over a thousand
    get the language's thousands separator.
    """
    pair = REFUSALS.get(code)
    if pair is None:
        return code
    shown: dict[str, object] = {}
    for name, value in values.items():
        if name in ("kind", "wanted"):
            value = t(f"kind.{value}", lang)
        elif isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 1000:
            value = f"{value:,}".replace(",", "." if lang == "da" else ",")
        shown[name] = value
    text = pair[1] if lang == "en" else pair[0]
    return text.format(**shown)


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
