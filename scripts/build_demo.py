"""Build the fictitious demo seminar and write it to ``sessions/demo-aeldreomraadet.toml``.

The demo is a complete run of the default programme ("Ledelse på tværs – seminar") in the
fictitious Fjordby Kommune: twelve leaders from the elder-care area and the hospital work on
one cross-boundary task, "sammenhængende forløb for ældre borgere efter udskrivning fra
hospital", in two groups of six. Every exercise is answered, so the demo shows every screen,
statistic and export with realistic data.

The session is regenerated from the exercise library (the built-in ``exercises/`` folder,
never the user's own) through the public core API, so a change to an exercise text or to the
session format is picked up by running::

    python scripts/build_demo.py

The output file is committed: it ships inside the wheel and ``workshop`` copies it when the
facilitator asks for the demo. The script is deterministic (fixed id, fixed timestamps,
hand-written score tables, no randomness), so running it again only changes the file when
the library or the format changed, and the diff shows exactly what.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as `python scripts/build_demo.py` from a checkout
    sys.path.insert(0, str(ROOT))

from scripts import demo_series  # noqa: E402
from workshop_tui.core.model import Action, Position, Session  # noqa: E402
from workshop_tui.core.storage.library import load_library  # noqa: E402
from workshop_tui.core.storage.sessions import (  # noqa: E402
    DEMO_FILE,
    load_session,
    new_session,
    save_session,
)

OUTPUT = ROOT / "sessions" / DEMO_FILE

SESSION_ID = "demo-aeldreomraadet"
CREATED = "2026-10-14T08:30:00+00:00"
UPDATED = "2026-10-14T15:10:00+00:00"
DATE = "2026-10-14"

TITLE = "Ledelse på tværs – sammenhængende forløb efter udskrivning"
ORGANISATION = "Fjordby Kommune, Sundhed og Ældre"
FACILITATOR = "Karen Juhl"

# The participants, in the order that gives them the ids p1..p12. Their roles are not part of
# the session model; they are kept here because the texts below refer to them.
PARTICIPANTS: list[tuple[str, str]] = [
    # Gruppe A (g1): p1-p6
    ("Mette Rasmussen", "leder, Hjemmeplejen Nord"),
    ("Jesper Kjær", "leder, Hjemmeplejen Syd"),
    ("Hanne Lindberg", "leder, Sygeplejen"),
    ("Birgitte Holm", "udskrivningskoordinator, Fjordby Sygehus (regionen)"),
    ("Anders Mikkelsen", "centerleder, Plejecenter Egebakken"),
    ("Louise Dahl", "teamleder, Akutteamet"),
    # Gruppe B (g2): p7-p12
    ("Søren Vestergaard", "afdelingsleder, Visitation og Myndighed"),
    ("Camilla Frost", "leder, Træning og Rehabilitering"),
    ("Peter Nørgaard", "centerleder, Plejecenter Solgården (midlertidige pladser)"),
    ("Ida Bech", "leder, Sundhedshus Fjordby"),
    ("Thomas Brandt", "praktiserende læge og praksiskonsulent"),
    ("Sara Ahmadi", "leder, Økonomi og Analyse, Sundhed og Ældre"),
]

GROUPS = [
    "Gruppe A – Hjemmepleje, sygepleje og udskrivning",
    "Gruppe B – Visitation, rehabilitering og sundhedshus",
]

# Score tables: one digit per participant, p1..p6 (Gruppe A), a space, then p7..p12 (Gruppe B).
# The patterns are deliberate, so the demo shows high items, consensus and splits (a split is
# at least a quarter of the scores at 1-2 and at least a quarter at 4-5).

# Kurs, koordinering og commitment, 1 = passer slet ikke, 5 = passer helt. Kurs and koordinering
# are weak, commitment (passion, extra effort) is strong; the "not produced" warning signs for
# priorities and disarray score high. Split: kurs.neg.2 (the municipal core feels pulled in
# different directions, the edges do not) and koord.neg.2 (the hospital, the practitioner and
# the akutteam feel isolated, home care does not).
KKC_INDICATORS: dict[str, str] = {
    "kurs.pos.1": "232322 323232",
    "kurs.pos.2": "434443 344434",
    "kurs.pos.3": "221212 221231",
    "kurs.neg.1": "444544 454345",
    "kurs.neg.2": "554235 521222",
    "kurs.neg.3": "334323 343233",
    "koord.pos.1": "222312 212322",
    "koord.pos.2": "232212 221322",
    "koord.pos.3": "122212 212221",
    "koord.neg.1": "545444 455454",
    "koord.neg.2": "214524 224154",
    "koord.neg.3": "443434 434343",
    "commit.pos.1": "454544 445454",
    "commit.pos.2": "232223 222322",
    "commit.pos.3": "555445 454554",
    "commit.neg.1": "334333 343334",
    "commit.neg.2": "212221 122212",
    "commit.neg.3": "343234 342433",
}

# Ledelseshandlinger, "Hvor godt gør vi det i dag?", 1 = i lav grad, 5 = i høj grad. Lowest:
# action-3 (prioritise between resources and interests). Relations (action-7) are the strength.
# Split: action-6 (roles) - those who write the rules think roles are clear, those at the
# interfaces do not.
LEADERSHIP_ACTIONS: dict[str, str] = {
    "action-1": "222312 221232",
    "action-2": "232222 212322",
    "action-3": "121211 112121",
    "action-4": "223221 232212",
    "action-5": "323232 233322",
    "action-6": "452121 542412",
    "action-7": "434343 344433",
    "action-8": "323232 322323",
    "action-9": "333433 343233",
    "action-10": "222132 212223",
}

# Spændingsfelter, 1 = lavt, 5 = højt spændingsniveau. Highest: silo-budget (near consensus at
# 5), then division-of-labour and formal-barriers. Split: cultures (the hospital, the
# practitioner, nursing, the akutteam and training see big differences; home care and the care
# homes do not).
TENSION_FIELDS: dict[str, str] = {
    "methods": "334343 243334",
    "division-of-labour": "454544 445445",
    "silo-budget": "555455 545555",
    "formal-barriers": "444454 434544",
    "cultures": "214524 241252",
    "goals": "332333 323433",
}

# Kilder til modstand, 1 = lav, 5 = høj grad af modstand. Highest: economic-threat, then trust
# and control; necessity is low by consensus (everyone sees the need). Split: possibility.
RESISTANCE: dict[str, str] = {
    "trust": "444543 434544",
    "necessity": "111211 121112",
    "possibility": "221524 512241",
    "economic-threat": "555454 455545",
    "values": "223212 232122",
    "cost-benefit": "333243 334332",
    "failure": "212221 121212",
    "status": "323333 242333",
    "control": "434444 544434",
}

# Commitment 1-10, one number per participant (p1..p12): spread 5-9, no split.
COMMITMENT: list[int] = [8, 7, 9, 6, 7, 8, 5, 9, 7, 8, 6, 7]


# Resistance: where in the organisation (the top three sources, and the split one).
RESISTANCE_NOTES: dict[str, str] = {
    "economic-threat": (
        "I budgetopfølgningen mellem Hjemmeplejen, Plejecentrene og Træning: den enhed, der "
        "tager borgeren hurtigt ind, bærer udgiften, mens gevinsten (færre genindlæggelser, "
        "lavere medfinansiering) lander et andet sted. Mærkes mest ved midlertidige pladser."
    ),
    "trust": (
        "Mellem visitation og hjemmepleje ved weekendudskrivelser, og mellem sygehusets "
        "udskrivningskoordinatorer og kommunen, når en borger meldes færdigbehandlet fredag "
        "eftermiddag uden afstemt medicin."
    ),
    "control": (
        "Hos almen praksis og sygehusafdelingerne, der oplever kommunale forløbsaftaler som "
        "styring udefra, og i Visitationen, der frygter, at sygehuset i praksis kommer til at "
        "visitere."
    ),
    "possibility": (
        "Delte meninger: sygehuset, Visitationen, Akutteamet og almen praksis ser de to "
        "IT-systemer og sundhedsaftalens frister som en stopklods; Hjemmeplejen, Sygeplejen "
        "og Træning mener, at det kan lade sig gøre inden for de nuværende rammer."
    ),
}


def lines(*parts: str) -> str:
    """One answer box: each part is one line (a complete thought); the app wraps long lines."""
    return "\n".join(parts)


# Tension fields: each group's answer to "HVILKET MØNSTER TEGNER SIG?".
TENSION_CLOSING: dict[str, str] = {
    "g1": (
        "De højeste spændinger ligger i økonomi knyttet til søjlen og i uklar arbejdsdeling: "
        "borgeren flytter sig hurtigere mellem os, end budgetter og ansvar gør. Vi er uenige om "
        "kulturforskellene – sygehuset, Sygeplejen og Akutteamet oplever dem som store, "
        "Hjemmeplejen og plejecentret som små. Om målene er vi nogenlunde enige; det er vejen "
        "derhen, der skaber gnidninger."
    ),
    "g2": (
        "Spændingerne er strukturelle snarere end personlige: økonomi, formelle barrierer (to "
        "IT-systemer, samtykke og datadeling) og arbejdsdeling scorer højest. Kulturforskellene "
        "deler gruppen – især almen praksis og Træning ser en stor afstand til den måde, "
        "kommunen arbejder på. De strukturelle spændinger kan kun løsnes, hvis direktionen giver "
        "et fælles mandat på tværs af områderne."
    ),
}

# Reflection sheets: group id -> box key -> text.
SHEET_42: dict[str, dict[str, str]] = {
    "g1": {
        "1": lines(
            "I runden så vi opgaven forskelligt: for sygehuset handler den om at kunne udskrive "
            "til tiden, for Hjemmeplejen og Sygeplejen om at være klar, når borgeren kommer hjem.",
            "Fælles forståelse: ældre borgere, der udskrives, skal opleve ét sammenhængende "
            "forløb uden huller de første 72 timer.",
            "Den er vigtig, fordi 17 % af de ældre i Fjordby genindlægges inden for 30 dage, og "
            "fordi fejl i medicin og manglende hjælpemidler opstår netop i overgangene.",
        ),
        "2": lines(
            "Mål: genindlæggelser inden for 30 dage ned fra 17 % til 13 % inden udgangen af 2027, "
            "og alle får besøg af Sygeplejen inden for 24 timer med afstemt medicin.",
            "Aktiviteter: fælles udskrivningstjekliste, opfølgende hjemmebesøg og én fast "
            "kontaktperson i kommunen for sygehuset.",
            "Prioritet: de skrøbelige ældre (flere diagnoser, bor alene) først – ikke alle "
            "udskrivninger på én gang.",
            "Strategi: opgaven er kernen i ældrepolitikken »Et godt ældreliv i Fjordby« og i "
            "den nye sundhedsaftale.",
            "Konkurrerende opgaver: rekruttering og budgetoverholdelse i hvert område. Dem tager "
            "vi op åbent i styregruppen i stedet for at lade dem styre i det skjulte.",
        ),
        "3": lines(
            "• Borgeren og de pårørende – tryghed og at blive hørt i udskrivningssamtalen",
            "• Fjordby Sygehus – hurtig udskrivning og færre færdigbehandlede patienter",
            "• Hjemmeplejen og Sygeplejen – tid til at forberede sig, klar besked om medicin",
            "• Visitationen – kriterier og økonomi; frygter at blive gået uden om",
            "• Almen praksis – har medicinansvaret, men lidt tid; vil have ét kontaktpunkt",
            "• Direktion og politikere – færre genindlæggelser; skal give mandat",
        ),
    },
    "g2": {
        "1": lines(
            "I runden så Visitationen opgaven som at bevilge de rigtige ydelser hurtigt, Træning "
            "som at starte rehabiliteringen, før funktionsevnen falder, og lægen som at have styr "
            "på medicinen.",
            "Fælles forståelse: ingen af os ejer forløbet alene. Opgaven er én fælles plan for "
            "borgeren fra dagen før udskrivelsen til 30 dage efter, som alle kender og følger.",
            "Den er vigtig, fordi borgere falder mellem stolene i weekenderne, og fordi vi bruger "
            "dyre akutpladser på det, der kunne være forebygget.",
        ),
        "2": lines(
            "Mål: fælles forløbsplan for alle skrøbelige ældre fra 1. marts 2027, genoptræning "
            "påbegyndt senest dag 5 og færre akutte indlæggelser fra plejecentrene.",
            "Aktiviteter: aftale minimumsoplysninger ved udskrivning, et dagligt tværfagligt "
            "»morgenbord« og en pilot i Distrikt Nord.",
            "Vigtigt nu: weekendudskrivelser og de skrøbelige. Ikke vigtigt nu: et nyt IT-system.",
            "Konkurrerende interesser: hvert område har sit eget budget og egne måltal. Vi "
            "foreslår ét fælles måltal, som direktionen følger.",
        ),
        "3": lines(
            "• Borgere og pårørende – vil vide, hvem de skal ringe til; inddrages via Ældrerådet",
            "• Visitation og Myndighed – retssikkerhed og budgetansvar",
            "• Træning og Rehabilitering og plejecentrene – tidlig start; kapacitet i weekenden",
            "• Almen praksis og sygehusets udskrivningskoordination – medicin, flow og sengepres",
            "• Økonomi og Analyse – vil se effekten dokumenteret før en omprioritering",
            "• Direktøren for Sundhed og Ældre – ejer opgaven og giver mandatet",
        ),
    },
}

# The stakeholder analysis after sheet 42 (question 3): group id -> cell "row.column" -> text.
# Choice cells hold the option's id (stor/middelstor, aktiv/passiv, positiv/negativ).
STAKEHOLDERS: dict[str, list[tuple[str, str, str, str, str]]] = {
    "g1": [
        (
            "Fjordby Sygehus, udskrivningen",
            "stor",
            "aktiv",
            "positiv",
            "Fast kontaktperson og daglig status kl. 11",
        ),
        (
            "Visitationen",
            "stor",
            "aktiv",
            "negativ",
            "Med i styregruppen fra start, så den ikke bliver gået uden om",
        ),
        (
            "Almen praksis",
            "middelstor",
            "passiv",
            "positiv",
            "Ét kontaktpunkt og en kort skriftlig aftale om medicin",
        ),
        (
            "Direktion og politikere",
            "stor",
            "passiv",
            "positiv",
            "Kvartalsvis status på genindlæggelser; mandat i 2026",
        ),
    ],
    "g2": [
        (
            "Borgere og pårørende (Ældrerådet)",
            "middelstor",
            "aktiv",
            "positiv",
            "Inddrages i forløbsplanen via Ældrerådet",
        ),
        (
            "Økonomi og Analyse",
            "stor",
            "passiv",
            "negativ",
            "Fælles måltal og en effektmåling før omprioritering",
        ),
        (
            "Plejecentrene",
            "middelstor",
            "aktiv",
            "negativ",
            "Weekendkapaciteten afklares i piloten i Distrikt Nord",
        ),
        ("Direktøren for Sundhed og Ældre", "stor", "aktiv", "positiv", "Ejer opgaven; godkender piloten"),
    ],
}
STAKEHOLDER_COLUMNS = ("stakeholder", "importance", "activity", "attitude", "handling")

SHEET_43: dict[str, dict[str, str]] = {
    "g1": {
        "1": lines(
            "Tegningen på flipoveren viser en fredag: sygehuset melder borgeren færdigbehandlet "
            "kl. 13, Hjemmeplejen får besked kl. 15, og medicinen er ikke afstemt før mandag. "
            "Opgaven falder mellem stolene fra fredag middag til mandag morgen.",
            "Roller: sygehuset sender plejeforløbsplanen, Sygeplejen ejer medicinafstemningen, "
            "Hjemmeplejen aflægger første besøg, og Visitationen bevilger.",
            "Uenighed: hvem ringer til borgerens egen læge – Sygeplejen eller sygehuset?",
            "Viden: et fast telefonnummer og en kort daglig status kl. 11 i stedet for beskeder, "
            "der bliver læst for sent.",
        ),
        "2": lines(
            "1. November: gennemgang af 20 udskrivninger – Hanne Lindberg og Birgitte Holm",
            "2. December: fælles udskrivningstjekliste – Hjemmeplejen og Sygeplejen",
            "3. Januar–marts: pilot i Distrikt Nord med tavlemøde kl. 11 (15 minutter)",
            "4. April: evaluering og beslutning om udrulning – styregruppen",
            "Møder: tavlemøde dagligt i piloten og ledermøde på tværs hver 14. dag med fokus på "
            "de forløb, der gik galt, og hvad vi lærte af dem.",
        ),
        "3": lines(
            "Mette Rasmussen er tovholder og har ansvaret for fremdriften; hver leder har ansvar "
            "for sin del af tjeklisten.",
            "Beslutninger: ledergruppen kan ændre arbejdsgange; serviceniveau og budget går til direktøren.",
            "Opfølgning: to nøgletal (genindlæggelser og besøg inden for 24 timer) på ledermødet "
            "hver måned og status til direktionen hvert kvartal.",
            "Ressourcer: vi bruger de tavlemøder, vi allerede har, i stedet for at lave nye.",
        ),
    },
    "g2": {
        "1": lines(
            "Dagligdagen tegnet som en rejse: Visitationen venter på plejeforløbsplanen, Træning "
            "venter på genoptræningsplanen, og plejecentret venter på Visitationen – alle venter "
            "på hinanden.",
            "Roller: Visitationen træffer afgørelserne, Træning ejer genoptræningen, "
            "plejecentrene de midlertidige pladser og lægen medicinen.",
            "Uenighed: hvem må bevilge foreløbig hjælp i weekenden – Visitationen eller Træning?",
            "Viden: én fælles oversigt over borgere på vej hjem, opdateret hver morgen.",
        ),
        "2": lines(
            "Metoder: en fælles forløbsplan på én side og et morgenbord kl. 9.30 på Teams.",
            "Hver uge gennemgår vi to forløb, der gik godt eller skidt – for at lære, ikke for at "
            "finde skyldige.",
            "Værktøjer: det omsorgssystem, vi har, plus en fast skabelon – ingen nye systemer i år.",
            "Møder: morgenbord dagligt (10 minutter: hvem kommer hjem i dag?), ledermøde på tværs "
            "hver 3. uge (barrierer og beslutninger) og to gange om året med praksiskonsulenten.",
        ),
        "3": lines(
            "Søren Vestergaard og Camilla Frost er tovholdere sammen – bevidst én fra myndighed "
            "og én fra udfører.",
            "Beslutninger: ledergruppen beslutter arbejdsgange, Visitationen de konkrete sager og "
            "direktøren serviceniveau og økonomi.",
            "Opfølgning: fast punkt på ledermødet hver 3. uge; Sara Ahmadi laver en enkel "
            "månedlig oversigt over forløbene.",
            "Ressourcer: én weekendvagt fra Træning indgår i Akutteamet i pilotperioden.",
        ),
    },
}

SHEET_44: dict[str, dict[str, str]] = {
    "g1": {
        "1": lines(
            "Vi ligger mellem 6 og 9 (gennemsnit 7,5). Alle vil opgaven, men flere er usikre på, "
            "om de kan levere i egen enhed samtidig.",
            "Vi forpligter os til at møde op til tavlemøderne og sende en stedfortræder ved afbud.",
            "Svigter engagementet, siger vi det højt på ledermødet uden bebrejdelser, og "
            "tovholderen tager en samtale på tomandshånd.",
            "Svigter det hos os selv, beder vi om hjælp, før vi trækker os.",
        ),
        "2": lines(
            "Konkurrencen er indbygget: hver enhed måles på eget budget og sygehuset på belægning.",
            "Når konkurrerende dagsordener byder sig til – fx nye sparekrav – tager vi dem op "
            "åbent og beder direktøren prioritere.",
            "Relationerne er gode mellem enkeltpersoner, men tilliden mellem sygehus og kommune "
            "er ikke stærk nok endnu. Det kræver, at vi holder aftalerne og ser hinandens hverdag "
            "med egne øjne.",
        ),
        "3": lines(
            "Vi fejrer den første måned, hvor alle borgere i piloten fik besøg inden for 24 timer.",
            "Vi fejrer også forløb, der ville være gået galt før, og fortæller historien på næste "
            "ledermøde og til medarbejderne.",
            "Hvordan: kage på tavlemødet og en hilsen fra direktøren til de teams, der var med.",
        ),
    },
    "g2": {
        "1": lines(
            "Vi ligger mellem 5 og 9. Myndighedssiden er mest forbeholden, fordi opgaven kan "
            "betyde flere bevillinger uden flere penge.",
            "Vores forpligtelse til hinanden: vi løser sagen for borgeren først og tager "
            "diskussionen om økonomi bagefter – aldrig foran borgeren.",
            "Svigter engagementet, kan alle bede om en pause og en snak om, hvad der står i vejen. "
            "Vi tager det som et signal, ikke som en fejl.",
        ),
        "2": lines(
            "Stressen topper fredag eftermiddag og i ferierne; en fast weekendprocedure skal "
            "sikre, at presset ikke lander på én person.",
            "Konkurrerende dagsordener (budgetrammer, rekruttering, den nye kvalitetsmodel) "
            "skriver vi på en fælles liste og tager op hver 3. uge.",
            "Tilliden er stærk mellem Træning og plejecentrene, men svagere mellem Visitationen og "
            "almen praksis. Det kræver, at vi mødes ansigt til ansigt og lærer hinandens rammer at "
            "kende.",
        ),
        "3": lines(
            "Vi fejrer den første weekend uden en eneste genindlæggelse fra piloten.",
            "Vi fejrer de små sejre: den første fælles forløbsplan og det første morgenbord med lægen med.",
            "Hvordan: fælles frokost for ledergruppen ved halvårsevalueringen og en tak til de "
            "medarbejdere, der prøvede det nye først.",
        ),
    },
}

# Sheet 45: each group's challenge (named after a tension field or source of resistance) and
# its three trial actions; owners are participants of that group.
CHALLENGES: dict[str, str] = {
    "g1": (
        "Kilde til modstand »Manglende tillid til hinandens motiver og dømmekraft«: mellem "
        "sygehusets udskrivningskoordinatorer og kommunen, når borgere udskrives fredag "
        "eftermiddag uden afstemt medicin."
    ),
    "g2": (
        "Spændingsfeltet »Økonomi knyttet til søjlen« (og modstanden mod økonomiske trusler): "
        "midlertidige pladser og weekendtræning betales af ét område, mens gevinsten lander "
        "et andet sted."
    ),
}

ACTIONS: dict[str, list[Action]] = {
    "g1": [
        Action(
            text=(
                "Kommunal udskrivningstelefon fredag kl. 10–16 i seks uger, bemandet af en "
                "sygeplejerske fra Akutteamet."
            ),
            owner="Louise Dahl",
            due="2026-11-15",
        ),
        Action(
            text=(
                "Fredagsudskrivelser meldes til kommunen senest kl. 11 – afprøves på én "
                "medicinsk afdeling i fire uger."
            ),
            owner="Birgitte Holm",
            due="2026-11-30",
        ),
        Action(
            text=(
                "Skyggedag: to ledere fra Hjemmeplejen følger udskrivningskoordinationen en "
                "dag, og en udskrivningskoordinator følger Hjemmeplejen en dag."
            ),
            owner="Jesper Kjær",
            due="2026-12-11",
        ),
    ],
    "g2": [
        Action(
            text=(
                "Morgenbord kl. 9.30 med Visitationen, Træning og plejecentrene i fire uger "
                "fra uge 46 – den lavthængende frugt."
            ),
            owner="Camilla Frost",
            due="2026-11-09",
        ),
        Action(
            text=(
                "Opgør udgifter og gevinster for 20 konkrete udskrivningsforløb på tværs af de "
                "tre budgetter som grundlag for et fælles regnestykke."
            ),
            owner="Sara Ahmadi",
            due="2026-12-01",
        ),
        Action(
            text=(
                "Forelæg direktøren et forslag om en fælles pulje til midlertidige pladser i "
                "pilotperioden, så ingen enhed bærer udgiften alene."
            ),
            owner="Søren Vestergaard",
            due="2026-11-25",
        ),
    ],
}

FACILITATOR_NOTES: dict[str, str] = {
    "tension-fields": (
        "Begge grupper har økonomi knyttet til søjlen øverst. Kulturforskelle deler rummet "
        "(sygehus og almen praksis ser dem som store) – tag det op i plenum før modstanden."
    ),
    "commitment": (
        "Spredning 5–9. Den laveste score handler om økonomi, ikke om vilje – brug det som "
        "indgang til ark 44, spørgsmål 2, og følg op i pausen frem for i plenum."
    ),
}


def digits(table: str) -> list[int]:
    """The scores of one row of a score table, p1 first."""
    scores = [int(c) for c in table.replace(" ", "")]
    if len(scores) != len(PARTICIPANTS):
        raise ValueError(f"{table!r} has {len(scores)} scores, not {len(PARTICIPANTS)}")
    return scores


def with_scores(session: Session, exercise_id: str, table: dict[str, list[int]]) -> Session:
    """Record every participant's score for every item in ``table``."""
    for item_id, scores in table.items():
        for number, score in enumerate(scores, start=1):
            session = session.with_score(exercise_id, item_id, f"p{number}", score)
    return session


def build() -> Session:
    """The complete demo session, built from the built-in library only."""
    library = load_library(include_user=False)
    programme = library.default_programme()
    if programme is None:
        raise SystemExit("the library has no programme; check exercises/programmes/")
    session = new_session(
        title=TITLE,
        date=DATE,
        exercises=[library.exercises[i] for i in demo_series.with_closing(programme.exercises)],
        participants=[name for name, _role in PARTICIPANTS],
        groups=GROUPS,
        organisation=ORGANISATION,
        facilitator=FACILITATOR,
        language="da",
        timestamp=CREATED,
    )
    session = dataclasses.replace(session, id=SESSION_ID)

    grids = {
        "kkc-indicators": KKC_INDICATORS,
        "leadership-actions": LEADERSHIP_ACTIONS,
        "tension-fields": TENSION_FIELDS,
        "resistance": RESISTANCE,
    }
    for exercise_id, rows in grids.items():
        items = [item.id for item in session.exercise(exercise_id).scored_items]
        if sorted(items) != sorted(rows):
            raise SystemExit(f"{exercise_id}: the library's items changed; update the table")
        session = with_scores(session, exercise_id, {i: digits(rows[i]) for i in items})
    session = with_scores(session, "commitment", {"value": COMMITMENT})
    session = with_scores(session, demo_series.CLOSING, {"value": demo_series.CLOSING_FIRST})

    for item_id, note in RESISTANCE_NOTES.items():
        session = session.with_note("resistance", item_id, note)
    for group_id, text in TENSION_CLOSING.items():
        session = session.with_closing("tension-fields", group_id, text)

    sheets = {"sheet-42": SHEET_42, "sheet-43": SHEET_43, "sheet-44": SHEET_44}
    for exercise_id, texts in sheets.items():
        for group_id, boxes in texts.items():
            for box_key, text in boxes.items():
                session = session.with_text(exercise_id, group_id, box_key, text)

    for group_id, rows in STAKEHOLDERS.items():
        for number, row in enumerate(rows, start=1):
            for column, text in zip(STAKEHOLDER_COLUMNS, row, strict=True):
                session = session.with_text("stakeholder-analysis", group_id, f"{number}.{column}", text)

    for group_id, challenge in CHALLENGES.items():
        session = session.with_challenge("sheet-45", group_id, challenge)
        for index, action in enumerate(ACTIONS[group_id]):
            session = session.with_action("sheet-45", group_id, index, action)

    for exercise_id, note in FACILITATOR_NOTES.items():
        session = session.with_facilitator_note(exercise_id, note)

    session = session.with_position(Position(exercise="sheet-45", row=0, column=0, group="g1"))
    return session.touched(UPDATED)


def main() -> None:
    """Build the demo series, write each file, read it back and report its progress."""
    session = build()
    library = load_library(include_user=False)
    rehab, rehab_later = demo_series.rehab_days(library)
    for output, built in (
        (OUTPUT, session),
        (OUTPUT.parent / demo_series.FOLLOW_UP_FILE, demo_series.elder_follow_up(session, library)),
        (OUTPUT.parent / demo_series.REHAB_FILE, rehab),
        (OUTPUT.parent / demo_series.REHAB_LATER_FILE, rehab_later),
    ):
        write(output, built)


def write(output: Path, session: Session) -> None:
    """Write one session of the demo, read it back, and refuse an incomplete one."""
    # Remove the old file first so that saving leaves no .bak beside it: the sessions folder
    # ships inside the wheel, and a stale backup must not ship (or be committed) with it.
    output.unlink(missing_ok=True)
    save_session(session, output)
    reread = load_session(output)
    if reread != session:
        raise SystemExit(f"{output}: the file does not read back as the session that was built")
    done, total = reread.progress
    print(f"wrote {output.relative_to(ROOT)}: {done}/{total} exercises done")
    if done != total:
        raise SystemExit(f"{output.name}: the demo is incomplete")


if __name__ == "__main__":
    main()
