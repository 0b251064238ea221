"""Interface strings for the app, Danish first, English second."""

from __future__ import annotations

UI: dict[str, tuple[str, str]] = {
    # home
    "home.title": ("Sessioner", "Sessions"),
    "home.empty": (
        "Ingen sessioner endnu. Tryk N for en ny session eller D for demo-seminaret.",
        "No sessions yet. Press N for a new session or D for the demo seminar.",
    ),
    "home.col.title": ("Titel", "Title"),
    "home.col.date": ("Dato", "Date"),
    "home.col.org": ("Organisation", "Organisation"),
    "home.col.progress": ("Forløb", "Progress"),
    "home.col.updated": ("Sidst ændret", "Last changed"),
    "home.broken": ("kan ikke læses", "cannot be read"),
    "home.broken_hint": ("Filen kan ikke åbnes: {problem}", "The file cannot be opened: {problem}"),
    "key.open": ("Åbn", "Open"),
    "key.new": ("Ny session", "New session"),
    "key.demo": ("Demo", "Demo"),
    "key.quit": ("Afslut", "Quit"),
    "key.help": ("Hjælp", "Help"),
    "key.lang": ("English", "Dansk"),
    "key.next": ("Næste øvelse", "Next exercise"),
    "key.prev": ("Forrige øvelse", "Previous exercise"),
    "key.projector": ("Projektor", "Projector"),
    "key.blind": ("Skjul/vis", "Blind/reveal"),
    "key.mode": ("Optælling", "Tally mode"),
    "key.timer": ("Timer", "Timer"),
    "key.timer_set": ("Sæt timer", "Set timer"),
    "key.note": ("Noter", "Notes"),
    "key.undo": ("Fortryd", "Undo"),
    "key.redo": ("Gentag", "Redo"),
    "key.home": ("Sessioner", "Sessions"),
    "key.group": ("Næste gruppe", "Next group"),
    "key.clear": ("Slet", "Clear"),
    "key.back": ("Tilbage", "Back"),
    "key.agenda": ("Program", "Programme"),
    "key.export": ("Eksportér", "Export"),
    # status
    "status.not_started": ("ikke startet", "not started"),
    "status.in_progress": ("i gang", "in progress"),
    "status.done": ("færdig", "done"),
    # grid
    "grid.item": ("Punkt", "Item"),
    "grid.hidden": ("skjult", "hidden"),
    "grid.blind_banner": (
        "BLINDT: resultaterne er skjult. Tryk F3 for at vise dem.",
        "BLIND: results are hidden. Press F3 to reveal them.",
    ),
    "grid.mode.participant": ("Per deltager", "Per participant"),
    "grid.mode.tally": ("Optælling (antal pr. score)", "Tally (count per score)"),
    "grid.help_participant": (
        "Tast {low}–{high} for at give point og gå videre{ten} · Del sletter · pile flytter",
        "Type {low}–{high} to score and move on{ten} · Del clears · arrows move",
    ),
    "grid.help_tally": (
        "Tast et antal (0–99) eller + / − · pile flytter",
        "Type a count (0–99) or + / − · arrows move",
    ),
    "grid.ten": (" (0 = 10)", " (0 = 10)"),
    "grid.split": ("uenig", "split"),
    "grid.top": ("højest", "highest"),
    "grid.note": ("Note", "Note"),
    "grid.profile": ("Profil", "Profile"),
    "grid.produced": ("produceres", "produced"),
    "grid.not_produced": ("produceres ikke", "not produced"),
    "grid.answers": ("svar", "answers"),
    "grid.no_answers": ("ingen svar endnu", "no answers yet"),
    "stat.n": ("n", "n"),
    "stat.mean": ("gns.", "mean"),
    "stat.median": ("median", "median"),
    "stat.range": ("min–max", "min–max"),
    "stat.sd": ("sd", "sd"),
    "stat.dist": ("fordeling", "distribution"),
    # reflection / actions
    "sheet.group": ("Gruppe", "Group"),
    "sheet.questions": ("Arbejdsspørgsmål", "Working questions"),
    "actions.text": ("Handling", "Action"),
    "actions.owner": ("Ansvarlig", "Owner"),
    "actions.due": ("Dato (ÅÅÅÅ-MM-DD)", "Date (YYYY-MM-DD)"),
    "actions.challenge": ("Udfordring", "Challenge"),
    "actions.pick": ("Vælg fra tidligere resultater", "Pick from earlier results"),
    # timer / notes / misc
    "timer.minutes": ("Minutter til øvelsen", "Minutes for the exercise"),
    "timer.done": ("Tiden er gået", "Time is up"),
    "note.title": ("Facilitatornoter (vises aldrig på projektoren)", "Facilitator notes (never projected)"),
    "saved.error": ("Kunne ikke gemme: {reason}", "Could not save: {reason}"),
    "undo.none": ("Intet at fortryde", "Nothing to undo"),
    "redo.none": ("Intet at gentage", "Nothing to redo"),
    "undo.done": ("Fortrudt", "Undone"),
    "redo.done": ("Gentaget", "Redone"),
    "refused": ("Ikke muligt: {reason}", "Not possible: {reason}"),
    "ok": ("OK", "OK"),
    "cancel": ("Annullér", "Cancel"),
    "save": ("Gem", "Save"),
    # new session form
    "new.title": ("Ny session", "New session"),
    "new.f.title": ("Titel", "Title"),
    "new.f.date": ("Dato (ÅÅÅÅ-MM-DD)", "Date (YYYY-MM-DD)"),
    "new.f.org": ("Organisation", "Organisation"),
    "new.f.lang": ("Sprog", "Language"),
    "new.f.participants": (
        "Deltagere: et antal (anonyme P1…Pn) eller navne adskilt af komma",
        "Participants: a count (anonymous P1…Pn) or names separated by commas",
    ),
    "new.f.groups": ("Grupper/borde, adskilt af komma", "Groups/tables, separated by commas"),
    "new.f.programme": ("Program", "Programme"),
    "new.f.custom": (
        "Vælg selv øvelser (i den rækkefølge du markerer dem)",
        "Pick exercises (in the order you tick them)",
    ),
    "new.create": ("Opret", "Create"),
    "new.err.title": ("Skriv en titel.", "Enter a title."),
    "new.err.date": ("Datoen skal skrives ÅÅÅÅ-MM-DD.", "Write the date as YYYY-MM-DD."),
    "new.err.participants": (
        "Skriv et antal fra 1 til 500, eller navne adskilt af komma.",
        "Enter a count from 1 to 500, or names separated by commas.",
    ),
    "new.err.exercises": ("Vælg mindst én øvelse.", "Pick at least one exercise."),
    "palette.goto": ("Gå til øvelse", "Go to exercise"),
    "palette.export": ("Eksportér opsummering", "Export summary"),
    "export.title": ("Eksportér opsummering", "Export summary"),
    "export.folder": ("Mappe", "Folder"),
    "export.named": (
        "Vis deltagernavne ved scorer (ellers anonymt)",
        "Show participant names with scores (anonymous otherwise)",
    ),
    "export.notes": ("Medtag facilitatornoter", "Include facilitator notes"),
    "exported": ("Eksporteret:\n{paths}", "Exported:\n{paths}"),
}


def tr(key: str, lang: str, **values: object) -> str:
    """The UI string ``key`` in ``lang`` (Danish fallback), with ``values`` filled in."""
    pair = UI.get(key)
    if pair is None:
        return key
    text = pair[1] if lang == "en" and pair[1] else pair[0]
    return text.format(**values) if values else text
