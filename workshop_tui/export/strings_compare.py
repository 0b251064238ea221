"""Danish and English texts of ``workshop compare`` (merged into ``export.strings.STRINGS``)."""

from __future__ import annotations

COMPARE_STRINGS: dict[str, dict[str, str]] = {
    "cmp.title": {"da": "Før og efter", "en": "Before and after"},
    "cmp.before": {"da": "Før", "en": "Before"},
    "cmp.after": {"da": "Efter", "en": "After"},
    "cmp.change": {"da": "Ændring", "en": "Change"},
    "cmp.moved": {"da": "Største bevægelser", "en": "Largest movements"},
    "cmp.none_moved": {
        "da": "Ingen fælles punkter med tal i begge sessioner.",
        "en": "No shared items with figures in both sessions.",
    },
    "cmp.only_before": {"da": "Kun i før-sessionen", "en": "Only in the before session"},
    "cmp.only_after": {"da": "Kun i efter-sessionen", "en": "Only in the after session"},
    "cmp.not_compared": {
        "da": "Tekst- og skemaøvelser i begge (skrevne svar sammenlignes ikke)",
        "en": "Text and table exercises in both (written answers are not compared)",
    },
    "cmp.meaning": {"da": "Betydning", "en": "Meaning"},
    "cmp.better": {"da": "bedre", "en": "better"},
    "cmp.worse": {"da": "dårligere", "en": "worse"},
    "cmp.higher": {"da": "højere", "en": "higher"},
    "cmp.lower": {"da": "lavere", "en": "lower"},
    "cmp.same": {"da": "uændret", "en": "unchanged"},
    "cmp.points": {"da": "procentpoint", "en": "percentage points"},
    "cmp.by_share": {"da": "Andel af stemmerne pr. mulighed:", "en": "Share of the votes per option:"},
    "cmp.by_dots": {"da": "Prikker pr. mulighed:", "en": "Dots per option:"},
    "cmp.hidden": {
        "da": "{n} uændrede er skjult; vis dem med --all",
        "en": "{n} unchanged are hidden; show them with --all",
    },
    "cmp.explain": {
        "da": "Pilen viser, hvilken vej scoren flyttede sig; ordet, hvad det betyder efter punktets "
        "retning: bedre eller dårligere (blå og orange), eller blot højere eller lavere, hvor en "
        "høj score hverken er godt eller skidt. En ændring, der er 0,00 med to decimaler, er uændret.",
        "en": "The arrow shows which way the score moved; the word what that means by the item's "
        "direction: better or worse (blue and orange), or just higher or lower where a high score "
        "is neither good nor bad. A change that is 0.00 at two decimals is unchanged.",
    },
    "cmp.scale_changed": {
        "da": "skalaen er ændret ({before} → {after}); gennemsnit sammenlignes ikke",
        "en": "the scale changed ({before} → {after}); means are not compared",
    },
    "cmp.nothing": {"da": "(intet)", "en": "(nothing)"},
}
