"""The most frequent words in a room's open answers, with Danish and English stop words left out.

The wall shows them beside the answers ("Hvad tager du med hjem?" → *mod* ×5, *tillid* ×4),
and the exports list them: one function, so the wall and the files always agree.

A word is a run of letters (æøå and other letters included), digits or inner hyphens and
apostrophes; case is folded, so "Tillid" and "tillid" count as one word. A word counts at
most once per answer (one person writing "mod mod mod" does not make it the room's word).
Words shorter than ``MIN_LETTERS`` and the stop words (the small words of both languages
that carry no subject: og, at, det, the, and …) are left out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

MIN_LETTERS = 2
"""Shorter words (a single letter, a stray digit) are left out."""
TOP_WORDS = 12
"""How many words the wall and the exports list."""

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")

DANISH = frozenset(
    [
        "ad",
        "af",
        "aldrig",
        "alle",
        "alt",
        "anden",
        "andet",
        "andre",
        "at",
        "bare",
        "begge",
        "blev",
        "blive",
        "bliver",
        "da",
        "de",
        "dem",
        "den",
        "denne",
        "der",
        "deres",
        "det",
        "dette",
        "dig",
        "din",
        "dine",
        "disse",
        "dit",
        "dog",
        "du",
        "efter",
        "eller",
        "en",
        "end",
        "endnu",
        "er",
        "et",
        "fik",
        "for",
        "fordi",
        "fra",
        "få",
        "får",
        "gik",
        "god",
        "godt",
        "gør",
        "gøre",
        "han",
        "hans",
        "har",
        "havde",
        "have",
        "hende",
        "hendes",
        "her",
        "hos",
        "hun",
        "hvad",
        "hvem",
        "hver",
        "hvilke",
        "hvilken",
        "hvis",
        "hvor",
        "hvordan",
        "hvorfor",
        "hvornår",
        "i",
        "igen",
        "ikke",
        "ind",
        "jeg",
        "jer",
        "jo",
        "kan",
        "kom",
        "komme",
        "kommer",
        "kun",
        "kunne",
        "lidt",
        "lige",
        "man",
        "mange",
        "med",
        "meget",
        "men",
        "mere",
        "mig",
        "min",
        "mine",
        "mit",
        "må",
        "måske",
        "ned",
        "nej",
        "noget",
        "nogen",
        "nogle",
        "nok",
        "nu",
        "når",
        "og",
        "også",
        "om",
        "op",
        "os",
        "over",
        "på",
        "sad",
        "selv",
        "sig",
        "sin",
        "sine",
        "sit",
        "skal",
        "skulle",
        "som",
        "stadig",
        "så",
        "sådan",
        "til",
        "tog",
        "under",
        "ud",
        "uden",
        "var",
        "ved",
        "vi",
        "vil",
        "ville",
        "være",
        "været",
        "vores",
        "blandt",
        "især",
        "mellem",
        "mest",
        "mens",
        "nemlig",
        "netop",
        "samt",
        "sammen",
        "siden",
        "hen",
        "hele",
        "helt",
        "alene",
        "ja",
        "jo",
    ]
)
"""Small Danish words that say nothing about what the room thinks. "mod" is not one of them:
as a preposition it is small, but as a noun (courage) it is what rooms take home."""

ENGLISH = frozenset(
    [
        "a",
        "about",
        "after",
        "again",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "done",
        "for",
        "from",
        "get",
        "got",
        "had",
        "has",
        "have",
        "he",
        "her",
        "here",
        "him",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "just",
        "me",
        "more",
        "most",
        "my",
        "no",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "too",
        "under",
        "up",
        "us",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "lot",
        "lots",
        "much",
        "many",
        "thing",
        "things",
        "really",
    ]
)
"""Small English words that say nothing about what the room thinks."""

STOP_WORDS = DANISH | ENGLISH
"""Left out of the counts, whichever language an answer is written in."""


def words_of(text: str) -> list[str]:
    """The words of ``text``, case folded, stop words and too short words left out."""
    found = []
    for match in _WORD.finditer(text):
        word = match.group().casefold().replace("’", "'")
        if len(word) >= MIN_LETTERS and word not in STOP_WORDS and not word.isdigit():
            found.append(word)
    return found


def frequent_words(answers: Iterable[str], limit: int = TOP_WORDS) -> tuple[tuple[str, int], ...]:
    """The ``limit`` words most answers use, with how many answers use each.

    Most answers first; a tie is broken alphabetically, so the same answers always give the
    same list. A word needs at least two answers to be listed when more than one answer
    was given (a word only one person wrote is their answer, not the room's word).
    """
    counts: Counter[str] = Counter()
    given = 0
    for answer in answers:
        given += 1
        counts.update(set(words_of(answer)))
    least = 2 if given > 1 else 1
    ranked = sorted((item for item in counts.items() if item[1] >= least), key=lambda kv: (-kv[1], kv[0]))
    return tuple(ranked[: max(0, limit)])
