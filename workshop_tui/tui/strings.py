"""Interface strings for the app, Danish first, English second."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workshop_tui.core.storage.errors import SessionWriteError
from workshop_tui.tui.strings_help import HELP, TEXTUAL

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
    "home.last_hint": ("● = den session, du senest havde åben", "● = the session you had open last"),
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
    "key.group_short": ("Gruppe", "Group"),
    "key.next_short": ("Næste", "Next"),
    "key.clear": ("Slet", "Clear"),
    "key.groups": ("Grupper", "Groups"),
    "key.back": ("Tilbage", "Back"),
    "key.agenda": ("Program", "Programme"),
    "key.export": ("Eksportér", "Export"),
    "key.voting": ("Afstemning", "Voting"),
    "key.voting_hide": ("Skjul", "Hide"),
    "key.voting_close": ("Luk afstemning", "Close voting"),
    "key.voting_more": ("Tilføj deltager", "Add a participant"),
    "key.voting_fewer": ("Fjern ubrugt deltager", "Remove an unused participant"),
    "key.voting_new_code": ("Ny kode", "New code"),
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
    "grid.counted.participant": (
        "tallene bygger på de indtastede scorer, til der er talt op",
        "the figures use the entered scores until a tally is made",
    ),
    "grid.counted.tally": (
        "tallene bygger på optællingen, til der er indtastet scorer",
        "the figures use the tally until scores are entered",
    ),
    "grid.help_participant": (
        "Tast {low}–{high} for at give point og gå videre{ten} · Del sletter · pile flytter",
        "Type {low}–{high} to score and move on{ten} · Del clears · arrows move",
    ),
    "grid.help_tally": (
        "Tast et antal (0–99) eller + / − · pile flytter",
        "Type a count (0–99) or + / − · arrows move",
    ),
    "grid.ten": (" (0 = 10)", " (0 = 10)"),
    "tally.too_many": (
        "{count} er flere end de {n} deltagere – ret antallet (− eller Del)",
        "{count} is more than the {n} participants – correct the count (− or Del)",
    ),
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
    "stat.dist_short": ("fordel.", "distr."),
    # votes, poles, pairs, placements, tables (the newer kinds)
    "vote.dots": ("{n} prikker", "{n} dots"),
    "vote.voters": ("{n} har stemt", "{n} voted"),
    "vote.progress": ("Har stemt: {n} af {total}", "Voted: {n} of {total}"),
    "vote.missing": ("mangler: {who}", "missing: {who}"),
    "vote.single": ("Ét valg pr. deltager", "One choice per participant"),
    "vote.each": ("Hver har {dots} prikker{per_item}", "Each has {dots} dots{per_item}"),
    "vote.per_item": (", højst {n} pr. punkt", ", at most {n} per item"),
    "vote.help_single": (
        "Tast 1–{n} for deltagerens valg og gå videre · mellemrum vælger rækken · Del sletter",
        "Type 1–{n} for the participant's choice and move on · space picks the row · Del clears",
    ),
    "vote.help_dots": (
        "Tast prikker (0–{high}) på punktet for deltageren og gå videre · Del sletter",
        "Type dots (0–{high}) on the item for the participant and move on · Del clears",
    ),
    "vote.dots_left": (
        "{who} har {left} af {dots} prikker tilbage",
        "{who} has {left} of {dots} dots left",
    ),
    "vote.col.dots": ("prik.", "dots"),
    "vote.col.votes": ("stem.", "votes"),
    "vote.col.share": ("andel", "share"),
    "vote.people": ("deltagere", "people"),
    "vote.response": ("Svar fra kilden", "The source's response"),
    "pair.gap": ("forskel", "gap"),
    "place.centroid": ("Tyngdepunkt", "Centroid"),
    "place.on_line": ("på midterlinjen", "on the middle line"),
    "place.no_tally": ("Kun per deltager (F4 er slået fra)", "Per participant only (F4 is off)"),
    "reverse.tag": ("↺ vendt i indekset", "↺ reversed in the index"),
    "reverse.profile": (
        "Profil (↺ = negativt formuleret, vendt 1↔{high})",
        "Profile (↺ = negatively worded, turned round 1↔{high})",
    ),
    "reverse.index": ("Indeks", "Index"),
    "table.row": ("Række", "Row"),
    "table.pick": ("vælg", "choose"),
    # the projector
    "proj.answered": ("{n} af {total} har svaret", "{n} of {total} have answered"),
    "proj.hidden": (
        "Resultaterne er skjult indtil videre.",
        "The results are hidden for now.",
    ),
    "proj.status.blind": ("skjult", "hidden"),
    "proj.status.empty": ("ingen svar endnu", "no answers yet"),
    "proj.status.too_few": ("for få svar til at vise ({n})", "too few answers to show ({n})"),
    "proj.status.shown": ("", ""),
    "proj.profile": ("Profil pr. dimension", "Profile per dimension"),
    "proj.no_actions": ("(ingen handlinger endnu)", "(no actions yet)"),
    "proj.due": ("Dato", "Date"),
    "legend.top": (
        "de tre højest scorede (flere ved delt tredjeplads)",
        "the three highest scored (more when tied)",
    ),
    "legend.most": ("flest stemmer/prikker", "most votes/dots"),
    "legend.dot": ("gruppens gennemsnit", "the group's mean"),
    "legend.split": (
        "delt gruppe: svarene samler sig i to lejre",
        "split group: the answers gather in two camps",
    ),
    "legend.reverse": (
        "negativt formuleret: tæller vendt i indekset",
        "negatively worded: counts turned round in the index",
    ),
    "legend.polarity": (
        "udsagnet tegner kursen, koordineringen eller commitment som til stede (+) eller fraværende (−)",
        "the statement describes direction, alignment or commitment as present (+) or absent (−)",
    ),
    "legend.bar": (
        "Hver bjælke er ét punkt: farvernes længde er andelen, tallet hvor mange der gav den score.",
        "Each bar is one item: each colour's length is its share, the number how many gave that score.",
    ),
    # reflection / actions
    "sheet.group": ("Gruppe", "Group"),
    "sheet.questions": ("Arbejdsspørgsmål", "Working questions"),
    "actions.text": ("Handling", "Action"),
    "actions.owner": ("Ansvarlig", "Owner"),
    "actions.due": ("Dato, fx 20.1.2027", "Date, e.g. 2027-01-20"),
    "actions.challenge": ("Udfordring", "Challenge"),
    "actions.pick": ("Vælg fra tidligere resultater", "Pick from earlier results"),
    "groups.title": ("Grupper i sessionen", "Groups in the session"),
    "groups.hint": (
        "Omdøb en gruppe ved at rette navnet (dens svar følger med); skriv nye grupper nederst.",
        "Rename a group by editing its name (its answers stay with it); type new groups at the bottom.",
    ),
    "groups.new": ("Ny gruppe, fx Bord 3", "New group, e.g. Table 3"),
    "groups.only_one": (
        "Sessionen har kun én gruppe. Tilføj flere med Ctrl+R.",
        "The session has only one group. Add more with Ctrl+R.",
    ),
    "groups.none_here": (
        "Denne øvelse har ingen svar pr. gruppe.",
        "This exercise has no answers per group.",
    ),
    # timer / notes / misc
    "timer.minutes": ("Minutter til øvelsen", "Minutes for the exercise"),
    "timer.done": ("Tiden er gået", "Time is up"),
    "note.title": (
        "Dine private noter (vises kun her, aldrig på skærmen eller projektoren)",
        "Your private notes (shown only here, never on the screen or the projector)",
    ),
    "note.source": ("Kilde: {source}", "Source: {source}"),
    "saved.error": ("Kunne ikke gemme: {reason}", "Could not save: {reason}"),
    "saved.full": (
        "disken er fuld; frigør plads, den forrige version er stadig intakt",
        "the disk is full; free some space, the previous version is still intact",
    ),
    "saved.denied": (
        "mappen kan ikke skrives i; tjek rettighederne, den forrige version er stadig intakt",
        "the folder is not writable; check its permissions, the previous version is still intact",
    ),
    "saved.again": (
        "Gemt igen: alle ændringer er skrevet til {path}",
        "Saved again: every change is written to {path}",
    ),
    "unsaved.marker": (
        "⚠ IKKE GEMT: {n} ændring(er) venter · {reason} · prøver igen hvert {seconds}. sekund",
        "⚠ NOT SAVED: {n} change(s) waiting · {reason} · retrying every {seconds} seconds",
    ),
    "unsaved.title": ("Ændringer er ikke gemt", "Changes are not saved"),
    "unsaved.question": (
        "{n} ændring(er) er endnu ikke skrevet til disken ({reason}). Forlader du sessionen nu, går de tabt.",
        "{n} change(s) are not on disk yet ({reason}). If you leave the session now, they are lost.",
    ),
    "unsaved.retry": ("Prøv at gemme igen", "Try saving again"),
    "unsaved.leave": ("Forlad alligevel", "Leave anyway"),
    "unsaved.stay": ("Bliv i sessionen", "Stay in the session"),
    "unsaved.still": ("Stadig ikke gemt: {reason}", "Still not saved: {reason}"),
    "conflict.kept": (
        "Filen blev ændret af et andet program, mens sessionen var åben. Begge versioner er "
        "bevaret: den anden version er gemt som {theirs}; denne session gemmes fortsat i {ours} "
        "(begge i {folder}).",
        "The file was changed by another program while the session was open. Both versions are "
        "kept: the other version is saved as {theirs}; this session goes on saving to {ours} "
        "(both in {folder}).",
    ),
    "lock.title": ("Sessionen er allerede åben", "The session is already open"),
    "lock.held": (
        "{file} er åben i et andet workshop-tui-vindue: proces {pid} på {host}, siden {since}. "
        "Kun ét vindue ad gangen kan skrive i en session.",
        "{file} is open in another workshop-tui window: process {pid} on {host}, since {since}. "
        "Only one window at a time can write to a session.",
    ),
    "lock.held_unknown": (
        "{file} er åben i et andet workshop-tui-vindue. Kun ét vindue ad gangen kan skrive i en session.",
        "{file} is open in another workshop-tui window. Only one window at a time can write to a session.",
    ),
    "lock.elsewhere": (
        "Kører programmet ikke længere på {host}, så slet låsefilen {lock} og åbn igen.",
        "If that program no longer runs on {host}, delete the lock file {lock} and open again.",
    ),
    "lock.read_only": ("Vis skrivebeskyttet", "View read-only"),
    "lock.refuse": ("Åbn ikke", "Do not open"),
    "lock.taken_over": (
        "Låsen fra proces {pid} (startet {since}) var efterladt af et program, der ikke kører "
        "længere; den er overtaget, og sessionen gemmes herfra.",
        "The lock of process {pid} (started {since}) was left by a program that no longer runs; "
        "it is taken over, and the session is saved from here.",
    ),
    "lock.unavailable": (
        "Sessionen kunne ikke låses ({reason}); et andet vindue ville ikke blive advaret.",
        "The session could not be locked ({reason}); another window would not be warned.",
    ),
    "readonly.title": ("🔒 SKRIVEBESKYTTET · {title}", "🔒 READ-ONLY · {title}"),
    "readonly.marker": (
        "🔒 Skrivebeskyttet: {holder} skriver i sessionen. Intet gemmes herfra; visningen følger med.",
        "🔒 Read-only: {holder} writes to this session. Nothing is saved from here; the view follows it.",
    ),
    "readonly.free": (
        "🔒 Skrivebeskyttet: det andet vindue har lukket sessionen. Tryk Esc og åbn den igen for at skrive.",
        "🔒 Read-only: the other window has closed the session. Press Esc and open it again to write.",
    ),
    "readonly.holder": ("proces {pid} på {host}", "process {pid} on {host}"),
    "readonly.other": ("et andet vindue", "another window"),
    "readonly.refused": (
        "sessionen er skrivebeskyttet i dette vindue (den er åben i et andet)",
        "the session is read-only in this window (it is open in another)",
    ),
    "crash.stopped": (
        "workshop-tui stoppede på grund af en uventet fejl.",
        "workshop-tui stopped because of an unexpected error.",
    ),
    "crash.saved": (
        "Sessionen er gemt med alt, der var tastet ind: {path}",
        "The session is saved with everything that was entered: {path}",
    ),
    "crash.not_saved": (
        "De sidste ændringer kunne ikke gemmes; filen rummer den sidst gemte version: {path}",
        "The last changes could not be saved; the file holds its last saved version: {path}",
    ),
    "crash.log": ("Fejlen er beskrevet i logfilen: {path}", "The error is described in the log file: {path}"),
    "crash.no_log": (
        "Logfilen kunne ikke skrives; fejlen står ovenfor.",
        "The log file could not be written; the error is shown above.",
    ),
    "crash.again": (
        "Åbn sessionen igen med: workshop open {path}",
        "Open the session again with: workshop open {path}",
    ),
    "position.unknown": (
        "Filen husker en øvelse, der ikke er i programmet ({exercise}); sessionen åbner ved den første. "
        "Filen ændres først, når du går videre.",
        "The file remembers an exercise that is not on the agenda ({exercise}); the session opens at "
        "the first one. The file is changed only once you move on.",
    ),
    "undo.none": ("Intet at fortryde", "Nothing to undo"),
    "redo.none": ("Intet at gentage", "Nothing to redo"),
    "undo.done": ("Fortrudt", "Undone"),
    "redo.done": ("Gentaget", "Redone"),
    "refused": ("Ikke muligt: {reason}", "Not possible: {reason}"),
    "ok": ("OK", "OK"),
    "cancel": ("Annullér", "Cancel"),
    "mode.ask.title.tally": ("Skift til optælling?", "Switch to tallies?"),
    "mode.ask.title.participant": ("Skift til scorer pr. deltager?", "Switch to scores per participant?"),
    "mode.ask.counts": (
        "Indtastet enkeltvis: {typed} scorer. Talt op i rummet: {tallied} scorer. De er ikke ens.",
        "Entered one by one: {typed} scores. Counted in the room: {tallied} scores. They differ.",
    ),
    "mode.ask.after": (
        "Efter skiftet bygger tallene på {counted}. Intet slettes; F4 skifter tilbage.",
        "After the switch the figures use {counted}. Nothing is deleted; F4 switches back.",
    ),
    "mode.name.participant": ("de indtastede scorer", "the scores entered one by one"),
    "mode.name.tally": ("optællingen", "the tally"),
    "mode.ask.switch": ("Skift", "Switch"),
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
    "new.f.groups": (
        "Grupper/borde adskilt af komma, fx »Bord 1, Bord 2« "
        "(tomt: hele rummet er én gruppe; Ctrl+R i sessionen)",
        "Groups/tables separated by commas, e.g. “Table 1, Table 2” "
        "(empty: the whole room is one group; Ctrl+R later)",
    ),
    "new.f.facilitator": ("Facilitator", "Facilitator"),
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
    "palette.switch_lang": ("Skift brugerfladen til engelsk", "Switch the interface to Danish"),
    "export.title": ("Eksportér opsummering", "Export summary"),
    "export.folder": ("Mappe", "Folder"),
    "export.named": (
        "Vis deltagernavne ved scorer (ellers anonymt)",
        "Show participant names with scores (anonymous otherwise)",
    ),
    "export.notes": ("Medtag facilitatornoter", "Include facilitator notes"),
    "exported": ("Eksporteret:\n{paths}", "Exported:\n{paths}"),
    # voting from phones
    "voting.open": ("Afstemning åben", "Voting open"),
    "voting.opened": (
        "Afstemningen er åben. Deltagerne scanner QR-koden eller går til {url} og skriver koden.",
        "Voting is open. Participants scan the QR code, or go to {url} and type the code.",
    ),
    "voting.closed": ("Afstemningen er lukket; svarene er gemt.", "Voting is closed; the answers are saved."),
    "voting.failed": ("Afstemningen kunne ikke åbne: {reason}", "Voting could not open: {reason}"),
    "voting.code": ("kode", "code"),
    "voting.scan": ("Scan for at stemme", "Scan to vote"),
    "voting.answered": (
        "svar: {answered} af {joined} tilsluttede ({complete} komplette)",
        "answers: {answered} of {joined} joined ({complete} complete)",
    ),
    "voting.no_round": (
        "ingen runde: øvelsen har ingen scorer",
        "no round: this exercise takes no scores",
    ),
    "voting.places": (
        "telefoner: {phones} · deltagere: {places} ({free} ledige pladser)",
        "phones: {phones} · participants: {places} ({free} free places)",
    ),
    "voting.turned_away": (
        "⚠ {n} forsøg fandt ingen ledig plads – F10 og + tilføjer en deltager",
        "⚠ {n} tries found no free place – F10 then + adds a participant",
    ),
    "voting.locked": (
        "⚠ tilmelding låst i {seconds} s efter for mange forkerte koder – F10 og N giver en ny kode",
        "⚠ joining locked for {seconds} s after too many wrong codes – F10 then N makes a new code",
    ),
    "voting.blind": (
        "Svarene er skjult, mens der stemmes: gitteret viser kun, hvem der har svaret. F3 viser dem.",
        "Answers are hidden while voting: the grid shows only who answered. F3 reveals them.",
    ),
    "voting.keep_place": (
        "Den sidste deltager har svar eller en telefon og bliver.",
        "The last participant has answers or a phone and stays.",
    ),
}


UI.update(HELP)


def session_help(lang: str, source: str, keys: str) -> str:
    """F1 on the session screen: its keys (``commands.key_help``), and the current exercise's source."""
    return tr("help.session", lang, keys=keys, source=source)


def textual_word(text: str, lang: str) -> str:
    """One of Textual's own English texts (a key's description, a placeholder) in ``lang``."""
    pair = TEXTUAL.get(text)
    if pair is None:
        return text
    return pair[1] if lang == "en" else pair[0]


def tr(key: str, lang: str, **values: object) -> str:
    """The UI string ``key`` in ``lang`` (Danish fallback), with ``values`` filled in."""
    pair = UI.get(key)
    if pair is None:
        return key
    text = pair[1] if lang == "en" and pair[1] else pair[0]
    return text.format(**values) if values else text


def save_failure(error: SessionWriteError, lang: str) -> str:
    """Why a save failed, in the UI language where the cause is known (the core says it in English)."""
    import errno

    if error.errno == errno.ENOSPC:
        return tr("saved.full", lang)
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return tr("saved.denied", lang)
    return error.reason


def refusal(error: Exception, lang: str) -> str:
    """Why the model refused an edit, for the facilitator, in the interface language."""
    from workshop_tui.core.keeper import ReadOnlySession
    from workshop_tui.core.model.refusal import refusal_text

    if isinstance(error, ReadOnlySession):
        return tr("refused", lang, reason=tr("readonly.refused", lang))
    return tr("refused", lang, reason=refusal_text(error, lang))
