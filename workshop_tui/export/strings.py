"""Danish and English texts of the exports and of the export/compare commands.

Kept apart from :mod:`workshop_tui.core.i18n` so that the export's wording can grow
without touching the app's dictionary; the lookup falls back to Danish the
same way. Exports are written in the *session's* language, command messages in
the UI language.
"""

from __future__ import annotations

import math
from datetime import date as Date

from workshop_tui.core.i18n import t
from workshop_tui.export.strings_compare import COMPARE_STRINGS

STRINGS: dict[str, dict[str, str]] = {
    "summary": {"da": "Opsummering", "en": "Summary"},
    "subtitle": {"da": "Opsummering af seminaret", "en": "Seminar summary"},
    "date": {"da": "Dato", "en": "Date"},
    "organisation": {"da": "Organisation", "en": "Organisation"},
    "facilitator": {"da": "Facilitator", "en": "Facilitator"},
    "participants": {"da": "Deltagere", "en": "Participants"},
    "groups": {"da": "Grupper", "en": "Groups"},
    "contents": {"da": "Indhold", "en": "Contents"},
    "about": {"da": "Om tallene", "en": "About the figures"},
    "about.figures": {
        "da": "n = antal svar; gns. = gennemsnit; sd = standardafvigelse for "
        "gruppen i rummet (populations-sd); min–maks = laveste og højeste score; "
        "fordelingen viser, hvor mange der gav hver score.",
        "en": "n = number of answers; mean = average; sd = standard deviation of "
        "the group in the room (population sd); min–max = lowest and highest score; "
        "the distribution shows how many gave each score.",
    },
    "about.split": {
        "da": "⚡ «Delt gruppe» betyder, at fordelingen har to toppe med en tydelig dal imellem "
        "(bimodal): mindst 4 svar, og en score inde på skalaen (dalen) med færre end halvt så "
        "mange svar som den højeste søjle på hver side af den, med mindst en fjerdedel af "
        "svarene og mindst 2 personer på hver side. På skalaer med mere end 7 trin lægges "
        "nabotrin sammen to og to først. En fordeling med én top eller en flad top "
        "(f.eks. 1·4·4·4·1) er aldrig delt; 5·0·0·0·5 og 4·1·0·1·4 er.",
        "en": "⚡ 'Split' means the distribution has two peaks with a clear trough between "
        "them (bimodal): at least 4 answers, and a score inside the scale (the trough) with "
        "fewer than half as many answers as the highest bar on each side of it, with at least "
        "a quarter of the answers and at least 2 people on each side. On scales of more than "
        "7 steps neighbouring scores are pooled in pairs first. A single-peaked or flat-topped "
        "distribution (e.g. 1·4·4·4·1) is never split; 5·0·0·0·5 and 4·1·0·1·4 are.",
    },
    "about.polarity": {
        "da": "Retning: for hvert punkt er det angivet, om en høj score er godt (f.eks. «vi gør "
        "det i høj grad»), skidt (f.eks. høj modstand, et «produceres ikke»-udsagn) eller "
        "ingen af delene. Rang 1 er det bedste punkt efter retning (ved neutrale øvelser: "
        "den højeste score).",
        "en": "Direction: each item states whether a high score is good (e.g. 'we do this to a "
        "high degree'), bad (e.g. high resistance, a 'not produced' statement) or neither. "
        "Rank 1 is the best item by direction (in neutral exercises: the highest score).",
    },
    "about.highlights": {
        "da": "▲ De {k} bedste og ▼ de {k} svageste punkter efter retning (ved neutrale "
        "øvelser: højest og lavest scorede) regnes kun blandt punkter med mindst {min} svar, "
        "og kun når mere end {k} punkter har det. Står flere lige ved grænsen, kommer alle "
        "med, og det står ved listen. Intet punkt står på begge lister.",
        "en": "▲ The {k} best and ▼ the {k} weakest items by direction (in neutral exercises: "
        "the highest and lowest scores) are counted only among items with at least {min} "
        "answers, and only when more than {k} items have that many. Items tied at the cut are "
        "all included, and the list says so. No item is on both lists.",
    },
    "about.mode": {
        "da": "Hver øvelse siger, om scorerne er indtastet enkeltvis eller talt op i rummet; "
        "begge dele gemmes, og der bruges dem, der er valgt (eller de eneste, der findes).",
        "en": "Each exercise says whether its scores were entered one by one or counted in the "
        "room; both are kept, and the chosen ones are used (or the only ones there are).",
    },
    "about.anonymous": {
        "da": "Svarene er anonyme: et punkt med færre end {min} svar vises uden tal, og "
        "CSV-filens enkeltscorer har intet deltagermærke og står sorteret efter værdi, punkt "
        "for punkt, så én persons svar ikke kan kobles sammen på tværs af punkter.",
        "en": "The answers are anonymous: an item with fewer than {min} answers is shown "
        "without figures, and the CSV file's single scores carry no participant label and are "
        "sorted by value, item by item, so one person's answers cannot be lined up across items.",
    },
    "about.named": {
        "da": "Denne udgave viser deltagernes navne ved deres scorer.",
        "en": "This edition shows participants' names with their scores.",
    },
    "about.notes": {
        "da": "Denne udgave indeholder facilitatorens egne noter.",
        "en": "This edition includes the facilitator's own notes.",
    },
    "scale": {"da": "Skala", "en": "Scale"},
    "scale.inferred": {
        "da": "skalaen er valgt til seminaret; kilden angiver ingen",
        "en": "the scale was chosen for the seminar; the source gives none",
    },
    "mode.tally": {
        "da": "Scorerne er talt op i rummet (optælling), ikke indtastet enkeltvis.",
        "en": "The scores were counted in the room (tallies), not entered one by one.",
    },
    "mode.participant": {
        "da": "Scorerne er indtastet enkeltvis, én pr. deltager.",
        "en": "The scores were entered one by one, one per participant.",
    },
    "mode.other.tally": {
        "da": "Der findes også en optælling fra rummet; den er ikke brugt her.",
        "en": "There is also a tally counted in the room; it is not used here.",
    },
    "mode.other.participant": {
        "da": "Der findes også enkeltvis indtastede scorer; de er ikke brugt her.",
        "en": "There are also scores entered one by one; they are not used here.",
    },
    "polarity.positive": {"da": "En høj score er godt.", "en": "A high score is good."},
    "polarity.negative": {
        "da": "En høj score er skidt (rang og lister læser den vendt).",
        "en": "A high score is bad (ranks and lists read it turned round).",
    },
    "polarity.mixed": {
        "da": "Nogle punkter er positive og andre negative; rang og lister læser de negative vendt.",
        "en": "Some items are positive and others negative; ranks and lists read the negative ones turned.",
    },
    "col.rank": {"da": "Rang", "en": "Rank"},
    "col.direction": {"da": "Retning", "en": "Direction"},
    "col.item": {"da": "Punkt", "en": "Item"},
    "col.exercise": {"da": "Øvelse", "en": "Exercise"},
    "col.n": {"da": "n", "en": "n"},
    "col.mean": {"da": "Gns.", "en": "Mean"},
    "col.median": {"da": "Median", "en": "Median"},
    "col.range": {"da": "Min–maks", "en": "Min–max"},
    "col.sd": {"da": "Sd", "en": "SD"},
    "col.distribution": {"da": "Fordeling", "en": "Distribution"},
    "col.flag": {"da": "Bemærk", "en": "Note"},
    "col.dimension": {"da": "Dimension", "en": "Dimension"},
    "col.produced": {"da": "Produceres", "en": "Produced"},
    "col.not_produced": {"da": "Produceres ikke", "en": "Not produced"},
    "col.score": {"da": "Score", "en": "Score"},
    "col.count": {"da": "Antal", "en": "Count"},
    "split": {"da": "delt gruppe", "en": "split"},
    "status.too_few": {
        "da": "for få svar til at vise (n = {n})",
        "en": "too few answers to show (n = {n})",
    },
    "status.empty": {"da": "ingen svar", "en": "no answers"},
    "status.blind": {
        "da": "resultatet blev ikke vist i rummet (blind)",
        "en": "results were not revealed in the room (blind)",
    },
    "kkc.title": {"da": "Profil pr. dimension", "en": "Profile by dimension"},
    "kkc.explain": {
        "da": "Gennemsnit af udsagnene, der gælder, når dimensionen produceres, "
        "over for dem, der gælder, når den ikke produceres. Høj «produceres» og "
        "lav «produceres ikke» er det sunde mønster.",
        "en": "Mean of the statements that hold when the dimension is produced "
        "against those that hold when it is not. High 'produced' and low "
        "'not produced' is the healthy pattern.",
    },
    "dims.title": {"da": "Gennemsnit pr. dimension", "en": "Mean by dimension"},
    "profile.title": {"da": "Profil", "en": "Profile"},
    "profile.explain": {
        "da": "Punkt = gennemsnit, streg = laveste til højeste score.",
        "en": "Dot = mean, line = lowest to highest score.",
    },
    "items.title": {"da": "Alle punkter", "en": "All items"},
    "top.best": {"da": "▲ De {k} bedste", "en": "▲ The {k} best"},
    "top.weakest": {"da": "▼ De {k} svageste", "en": "▼ The {k} weakest"},
    "top.highest": {"da": "▲ De {k} højest scorede", "en": "▲ The {k} highest scores"},
    "top.lowest": {"da": "▼ De {k} lavest scorede", "en": "▼ The {k} lowest scores"},
    "top.negative": {"da": "høj = skidt", "en": "high = bad"},
    "top.tied": {
        "da": "{n} punkter, fordi flere står lige ved grænsen.",
        "en": "{n} items, because several are tied at the cut.",
    },
    "due.not_date": {
        "da": "Frister skrevet som tekst, ikke som dato:",
        "en": "Due dates written as text, not as a date:",
    },
    "notes.title": {"da": "Noter", "en": "Notes"},
    "closing.title": {"da": "Gruppernes svar", "en": "The groups' answers"},
    "named.title": {"da": "Scorer pr. deltager", "en": "Scores by participant"},
    "no_answer": {"da": "(intet svar)", "en": "(no answer)"},
    "no_actions": {"da": "(ingen handlinger)", "en": "(no actions)"},
    "challenge": {"da": "Udfordring", "en": "Challenge"},
    "action": {"da": "Handling", "en": "Action"},
    "owner": {"da": "Ansvarlig", "en": "Owner"},
    "due": {"da": "Frist", "en": "Due"},
    "facilitator_note": {"da": "Facilitatorens note", "en": "Facilitator's note"},
    "footer": {
        "da": "Lavet med workshop-tui · {title} · {date}",
        "en": "Made with workshop-tui · {title} · {date}",
    },
    # Votes
    "vote.rule.single": {
        "da": "Hver deltager valgte én mulighed.",
        "en": "Each participant chose one option.",
    },
    "vote.rule.dots": {
        "da": "Hver deltager havde {dots} prikker, højst {per_item} pr. punkt.",
        "en": "Each participant had {dots} dots, at most {per_item} per item.",
    },
    "vote.inferred": {
        "da": "antallet af prikker er valgt til seminaret; kilden angiver intet",
        "en": "the number of dots was chosen for the seminar; the source gives none",
    },
    "vote.count": {
        "da": "{voters} har stemt; {total} prikker i alt.",
        "en": "{voters} voted; {total} dots in all.",
    },
    "vote.count.single": {"da": "{voters} har stemt.", "en": "{voters} voted."},
    "vote.count.tally": {
        "da": "{total} prikker talt op i rummet.",
        "en": "{total} dots counted in the room.",
    },
    "vote.status.too_few": {
        "da": "for få har stemt til at vise resultatet (n = {n})",
        "en": "too few voted to show the result (n = {n})",
    },
    "vote.top": {"da": "Flest stemmer", "en": "Most votes"},
    "vote.response": {"da": "Svar fra kilden", "en": "The source's response"},
    "col.option": {"da": "Mulighed", "en": "Option"},
    "col.votes": {"da": "Stemmer", "en": "Votes"},
    "col.dots": {"da": "Prikker", "en": "Dots"},
    "col.share": {"da": "Andel", "en": "Share"},
    "col.people": {"da": "Deltagere", "en": "People"},
    # Reverse-scored items
    "reverse.title": {
        "da": "Negativt formulerede udsagn (vendt)",
        "en": "Negatively worded statements (reversed)",
    },
    "reverse.explain": {
        "da": "Udsagn mærket ↺ er negativt formuleret: en høj score er et dårligt tegn. I indekset, "
        "profilen, rangordenen og listerne over bedste og svageste er deres gennemsnit vendt "
        "({sum} − gns.), så højt altid betyder det samme.",
        "en": "Statements marked ↺ are negatively worded: a high score is a bad sign. In the index, the "
        "profile, the ranking and the best/weakest lists their mean is turned round ({sum} − mean), "
        "so high always means the same.",
    },
    "reverse.index": {
        "da": "Indeks (alle udsagn, vendte regnet om)",
        "en": "Index (all statements, reversed ones turned)",
    },
    "col.aligned": {"da": "Vendt gns.", "en": "Reversed mean"},
    "reverse.caption": {
        "da": "↺ = negativt formuleret, vist vendt ({sum} − score).",
        "en": "↺ = negatively worded, shown turned round ({sum} − score).",
    },
    # Bipolar, paired, two-axis
    "poles.title": {"da": "Placering mellem polerne", "en": "Placement between the poles"},
    "col.low_pole": {"da": "Pol ({n})", "en": "Pole ({n})"},
    "col.position": {"da": "Placering", "en": "Position"},
    "pairs.title": {"da": "De to sider og forskellen", "en": "The two sides and the gap"},
    "pairs.explain": {
        "da": "Gennemsnit pr. side; forskel = {left} − {right} (positiv: {left} står stærkest).",
        "en": "Mean per side; gap = {left} − {right} (positive: {left} is the stronger).",
    },
    "col.gap": {"da": "Forskel", "en": "Gap"},
    "place.title": {"da": "Placeringer", "en": "Placements"},
    "place.centroid": {"da": "Tyngdepunkt (gns. af begge akser)", "en": "Centroid (mean of both axes)"},
    "place.n": {"da": "{n} har placeret sig på begge akser.", "en": "{n} placed themselves on both axes."},
    "place.on_line": {
        "da": "{n} ligger på en midterlinje (midt på skalaen) og tælles ikke i en zone.",
        "en": "{n} lie on a middle line (the middle of the scale) and count in no zone.",
    },
    "col.zone": {"da": "Zone", "en": "Zone"},
    "place.grid": {"da": "Antal pr. placering", "en": "Count per placement"},
    # Tables
    "table.checks": {"da": "Opfyldt", "en": "Met"},
    "table.empty": {"da": "(intet udfyldt)", "en": "(nothing filled in)"},
    "table.matrix": {"da": "{rows} × {columns}", "en": "{rows} × {columns}"},
    # CSV
    "csv.type": {"da": "type", "en": "type"},
    "csv.owner": {"da": "ansvarlig", "en": "owner"},
    "csv.due": {"da": "frist", "en": "due"},
    "csv.due_text": {"da": "frist skrevet som tekst", "en": "due written as text"},
    "csv.exercise_id": {"da": "øvelse_id", "en": "exercise_id"},
    "csv.exercise": {"da": "øvelse", "en": "exercise"},
    "csv.item_id": {"da": "punkt_id", "en": "item_id"},
    "csv.item": {"da": "punkt", "en": "item"},
    "csv.participant": {"da": "deltager", "en": "participant"},
    "csv.group": {"da": "gruppe", "en": "group"},
    "csv.score": {"da": "score", "en": "score"},
    "csv.text": {"da": "tekst", "en": "text"},
    "csv.note": {"da": "note", "en": "note"},
    "csv.closing": {"da": "afsluttende spørgsmål", "en": "closing question"},
    # Commands
    "cmd.export": {"da": "eksportér en session", "en": "export a session"},
    "cmd.compare": {"da": "sammenlign to sessioner", "en": "compare two sessions"},
    "cmd.session": {"da": "sti, id eller titel", "en": "path, id or title"},
    "cmd.format": {"da": "filformat", "en": "file format"},
    "cmd.output": {
        "da": "mappe at skrive i (standard: nuværende mappe)",
        "en": "folder to write to (default: the current folder)",
    },
    "cmd.named": {
        "da": "vis deltagernes navne ved deres scorer",
        "en": "show participants' names with their scores",
    },
    "cmd.notes": {"da": "medtag facilitatorens noter", "en": "include the facilitator's notes"},
    "cmd.all": {
        "da": "vis også punkter, der ikke har flyttet sig",
        "en": "also show the items that did not move",
    },
    "cmd.written": {"da": "Skrevet: {path}", "en": "Written: {path}"},
    "cmd.no_session": {
        "da": "Fandt ingen session '{name}'. Se 'workshop sessions' for stier og id'er.",
        "en": "No session '{name}' found. See 'workshop sessions' for paths and ids.",
    },
    "cmd.not_written": {
        "da": "Kunne ikke skrive {path}: {reason}. Intet er skrevet.",
        "en": "Could not write {path}: {reason}. Nothing was written.",
    },
    "err.not_folder": {
        "da": "{path} er ikke en mappe",
        "en": "{path} is not a folder",
    },
    "err.not_writable": {
        "da": "mappen kan ikke skrives i; tjek rettighederne eller vælg en anden med -o",
        "en": "the folder is not writable; check its permissions or choose another with -o",
    },
    "err.disk_full": {"da": "disken er fuld", "en": "the disk is full"},
}

STRINGS.update(COMPARE_STRINGS)

MONTHS: dict[str, tuple[str, ...]] = {
    "da": (
        "januar",
        "februar",
        "marts",
        "april",
        "maj",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "december",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


def tr(key: str, lang: str, **values: object) -> str:
    """The text ``key`` in ``lang`` (Danish when missing), with ``values`` filled in.

    Keys the exports share with the app (the kind labels, ``kind.*``) live in the app's
    one table, :data:`workshop_tui.core.i18n.STRINGS`, and are looked up there.
    """
    entry = STRINGS.get(key)
    if entry is None:
        return t(key, lang, **values)
    text = entry.get(lang) or entry["da"]
    return text.format(**values) if values else text


def number(value: float | None, lang: str, digits: int = 2) -> str:
    """A figure for a reader: ``3,42`` in Danish, ``3.42`` in English, ``–`` for none."""
    if value is None or math.isnan(value):
        return "–"
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "da" else text


def signed(value: float | None, lang: str, digits: int = 2) -> str:
    """A change with its sign (``+0,50``, ``−0,25``, ``±0,00``)."""
    if value is None:
        return "–"
    text = number(abs(value), lang, digits)
    if round(value, digits) == 0:
        return f"±{text}"
    return f"+{text}" if value > 0 else f"−{text}"


def long_date(iso: str, lang: str) -> str:
    """``2026-10-14`` as ``14. oktober 2026`` / ``14 October 2026``; other text unchanged."""
    try:
        day = Date.fromisoformat(iso)
    except ValueError:
        return iso
    month = MONTHS.get(lang, MONTHS["da"])[day.month - 1]
    return f"{day.day}. {month} {day.year}" if lang != "en" else f"{day.day} {month} {day.year}"
