"""The participant page (``page.html``, ``page.css``, ``page.js``) in the session's language.

The page is static apart from its texts, which are put in as a JSON data block, so it
needs no template engine and no script is ever built from data. It loads nothing from
outside the laptop, so it works on a room's isolated Wi-Fi.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

ASSETS = {"page.css": "text/css", "page.js": "text/javascript"}
"""The files the page loads besides itself, with their content types."""

STRINGS: dict[str, dict[str, str]] = {
    "da": {
        "title": "Afstemning",
        "code_label": "Skriv koden fra skærmen",
        "join": "Deltag",
        "joining": "Forbinder …",
        "privacy": "Dine svar er anonyme: hverken dit navn eller din adresse gemmes.",
        "you_are": "Du er {id} (anonym)",
        "waiting": "Vent på facilitatoren – der er ingen åben runde lige nu.",
        "send": "Send mine svar",
        "send_changes": "Send ændringer",
        "sending": "Sender …",
        "sent": "Tak! Dine svar er modtaget. Du kan ændre dem, indtil runden lukkes.",
        "left": "{n} mangler",
        "choose_one": "Vælg én mulighed, og send dit svar. Du kan skifte, indtil runden lukkes.",
        "pick_one": "Vælg en mulighed",
        "dots_rule": "Du har {n} prikker. Sæt højst {max} på hver mulighed.",
        "dots_rule_one": "Du har {n} prikker. Sæt højst én på hver mulighed.",
        "dots_rule_single": "Du har én prik. Sæt den på den mulighed, du vælger.",
        "dots_left": "Prikker tilbage: {n} af {total}",
        "place_dots": "Sæt mindst én prik",
        "add_dot": "Giv mulighed {n} en prik",
        "remove_dot": "Tag en prik fra mulighed {n}",
        "dots_on": "Prikker: {n}",
        "offline": "Ingen forbindelse til facilitatorens computer. Prøver igen …",
        "error": "Noget gik galt. Prøv igen.",
        "refused_unknown_code": "Koden passer ikke. Prøv igen.",
        "refused_unknown_token": "Skriv koden fra skærmen for at deltage igen.",
        "refused_full": "Der er ikke plads til flere deltagere.",
        "refused_too_many": "For mange forsøg. Vent lidt og prøv igen.",
        "refused_closed": "Runden er lukket.",
        "refused_moved_on": "Facilitatoren er gået videre til en anden øvelse.",
        "refused_not_saved": "Dit svar kunne ikke gemmes. Prøv igen om lidt.",
        "refused_one_choice": "Vælg præcis én mulighed.",
        "refused_too_many_dots": "Du har sat flere prikker, end du har.",
        "refused_over_item_max": "Der er for mange prikker på én mulighed.",
        "refused_no_place": (
            "Alle pladser i rummet er taget. Sig det til facilitatoren, som kan tilføje en plads, "
            "og prøv så igen."
        ),
        "refused_address_full": (
            "Fra denne forbindelse er der allerede tilmeldt så mange enheder, som der må. "
            "Brug den telefon, du tilmeldte først."
        ),
        "refused_locked": (
            "Tilmeldingen er låst et øjeblik efter for mange forkerte koder. Vent lidt, "
            "eller bed facilitatoren om en ny kode."
        ),
        "refused_typed": "Facilitatoren har allerede skrevet svar ind for din plads i denne øvelse.",
        "refused_too_slow": "Forbindelsen er for langsom. Prøv igen.",
    },
    "en": {
        "title": "Vote",
        "code_label": "Enter the code from the screen",
        "join": "Join",
        "joining": "Connecting …",
        "privacy": "Your answers are anonymous: neither your name nor your address is stored.",
        "you_are": "You are {id} (anonymous)",
        "waiting": "Waiting for the facilitator – no round is open right now.",
        "send": "Send my answers",
        "send_changes": "Send changes",
        "sending": "Sending …",
        "sent": "Thank you! Your answers are in. You can change them until the round closes.",
        "left": "{n} left",
        "choose_one": "Choose one option and send your answer. You can change it until the round closes.",
        "pick_one": "Choose an option",
        "dots_rule": "You have {n} dots. Put at most {max} on each option.",
        "dots_rule_one": "You have {n} dots. Put at most one on each option.",
        "dots_rule_single": "You have one dot. Put it on the option you choose.",
        "dots_left": "Dots left: {n} of {total}",
        "place_dots": "Place at least one dot",
        "add_dot": "Add a dot to option {n}",
        "remove_dot": "Take a dot off option {n}",
        "dots_on": "Dots: {n}",
        "offline": "No connection to the facilitator's computer. Trying again …",
        "error": "Something went wrong. Please try again.",
        "refused_unknown_code": "That code is not right. Try again.",
        "refused_unknown_token": "Enter the code from the screen to join again.",
        "refused_full": "The vote is full.",
        "refused_too_many": "Too many tries. Wait a moment and try again.",
        "refused_closed": "The round is closed.",
        "refused_moved_on": "The facilitator has moved on to another exercise.",
        "refused_not_saved": "Your answer could not be saved. Try again in a moment.",
        "refused_one_choice": "Choose exactly one option.",
        "refused_too_many_dots": "You have placed more dots than you have.",
        "refused_over_item_max": "There are too many dots on one option.",
        "refused_no_place": (
            "Every place in the room is taken. Tell the facilitator, who can add a place, then try again."
        ),
        "refused_address_full": (
            "As many devices as allowed have already joined from this connection. "
            "Use the phone you joined with first."
        ),
        "refused_locked": (
            "Joining is locked for a moment after too many wrong codes. Wait a little, "
            "or ask the facilitator for a new code."
        ),
        "refused_typed": "The facilitator has already typed in answers for your place in this exercise.",
        "refused_too_slow": "The connection is too slow. Please try again.",
    },
}


def _read(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


@cache
def page_html(lang: str) -> bytes:
    """The page in ``lang`` (Danish when the language is unknown)."""
    lang = lang if lang in STRINGS else "da"
    strings = STRINGS[lang]
    # In a <script> data block only "</" could end it early; escaping "<" rules that out.
    data = json.dumps(strings, ensure_ascii=False).replace("<", "\\u003c")
    html = _read("page.html").replace("__LANG__", lang).replace("__TITLE__", strings["title"])
    return html.replace("__STRINGS__", data).encode("utf-8")


@cache
def asset(name: str) -> bytes:
    """The bytes of one of ``ASSETS``.

    Raises:
        KeyError: not one of the page's files.
    """
    if name not in ASSETS:
        raise KeyError(name)
    return _read(name).encode("utf-8")
