"""The longer interface texts: F1 help per screen, and Textual's own words in Danish.

Kept apart from ``strings.UI`` (which merges them in) so that table stays readable.
Textual names its keys and its palette in English ("Cursor up", "Search for
commands…"); ``TEXTUAL`` gives each of those words in both languages, so a Danish
screen has no English in its footer, key panel or palette.
"""

from __future__ import annotations

HELP: dict[str, tuple[str, str]] = {
    "help.session": (
        """\
## Session

{keys}
- **Ctrl+P** kommandopalet: gå til en øvelse, grupper, tema og sprog
- **Cifre** scorer den markerede celle og går videre; **Del** sletter

**Tallene:** ▲ de 3 bedste / ▼ de 3 svageste efter punktets retning (høj modstand
er skidt), kun blandt punkter med mindst 3 svar · ⚡ delt gruppe: fordelingen har to toppe med
en dal imellem. Reglerne står i «Om tallene» i eksporten (F8).

Alt gemmes med det samme.

**Kilde til øvelsen:** {source}
""",
        """\
## Session

{keys}
- **Ctrl+P** command palette: go to an exercise, groups, theme and language
- **Digits** score the highlighted cell and move on; **Del** clears

**The figures:** ▲ the 3 best / ▼ the 3 weakest by each item's direction (high resistance
is bad), only among items with at least 3 answers · ⚡ split group: the distribution has two
peaks with a trough between them. The rules are in "About the figures" in the export (F8).

Everything is saved as it happens.

**Source of the exercise:** {source}
""",
    ),
    "help.home": (
        """\
## Sessioner

Vælg en session med piletasterne og tryk **Enter** for at åbne den.
Listen står efter dato og titel; ● markerer den session, du sidst havde åben.

{keys}
""",
        """\
## Sessions

Choose a session with the arrow keys and press **Enter** to open it.
The list is ordered by date and title; ● marks the session you last had open.

{keys}
""",
    ),
    # What F1 says each command does (commands.py declares the keys).
    "help.key.next_short": ("næste øvelse", "next exercise"),
    "help.key.next": ("næste øvelse", "next exercise"),
    "help.key.prev": ("forrige øvelse", "previous exercise"),
    "help.key.projector": ("projektorvisning", "projector view"),
    "help.key.blind": ("skjul/vis resultater", "hide/reveal results"),
    "help.key.mode": ("optælling", "tally mode"),
    "help.key.timer": ("start/pause timer", "start/pause the timer"),
    "help.key.timer_set": ("sæt timer", "set the timer"),
    "help.key.note": ("dine private noter og kilden", "your private notes and the source"),
    "help.key.export": ("eksportér", "export"),
    "help.key.agenda": ("vis/skjul program", "show/hide the programme"),
    "help.key.voting": (
        "afstemning fra telefoner: åbner og viser panelet (QR-kode, kode); F10 i panelet lukker",
        "voting from phones: opens it and shows its panel (QR code, code); F10 in it closes voting",
    ),
    "help.key.group_short": ("næste gruppe", "next group"),
    "help.key.groups": ("grupper: tilføj eller omdøb", "groups: add or rename"),
    "help.key.undo": ("fortryd", "undo"),
    "help.key.redo": ("gentag", "redo"),
    "help.key.home": ("tilbage til sessionerne", "back to the sessions"),
    "help.key.back": ("tilbage", "back"),
    "help.key.open": ("åbn den valgte session", "open the chosen session"),
    "help.key.new": ("opret en ny session", "create a new session"),
    "help.key.demo": ("åbn en frisk kopi af demo-seminaret", "open a fresh copy of the demo seminar"),
    "help.key.lang": ("skift sprog", "switch the language"),
    "help.key.quit": ("afslut workshop-tui", "quit workshop-tui"),
    "help.key.help": ("vis taster og hjælp til skærmen", "show the keys and the help for this screen"),
    "help.key.voting_hide": ("skjul (afstemningen forbliver åben)", "hide (voting stays open)"),
    "help.key.voting_close": ("luk", "close"),
    "help.key.voting_more": ("tilføj deltager", "add a participant"),
    "help.key.voting_fewer": ("fjern ubrugt", "remove unused"),
    "help.key.voting_new_code": ("ny kode", "new code"),
}

TEXTUAL: dict[str, tuple[str, str]] = {
    # Binding descriptions of Textual's widgets, shown in the F1 key panel.
    "Bottom": ("Bund", "Bottom"),
    "Copy": ("Kopiér", "Copy"),
    "Copy selected text": ("Kopiér markeret tekst", "Copy selected text"),
    "Cursor down": ("Markør ned", "Cursor down"),
    "Cursor down select": ("Markér ned", "Cursor down select"),
    "Cursor left": ("Markør til venstre", "Cursor left"),
    "Cursor left select": ("Markér til venstre", "Cursor left select"),
    "Cursor left word select": ("Markér et ord til venstre", "Cursor left word select"),
    "Cursor line end": ("Til linjens slutning", "Cursor line end"),
    "Cursor line end select": ("Markér til linjens slutning", "Cursor line end select"),
    "Cursor line start": ("Til linjens start", "Cursor line start"),
    "Cursor line start select": ("Markér til linjens start", "Cursor line start select"),
    "Cursor page down": ("Side ned", "Cursor page down"),
    "Cursor page up": ("Side op", "Cursor page up"),
    "Cursor right": ("Markør til højre", "Cursor right"),
    "Cursor right select": ("Markér til højre", "Cursor right select"),
    "Cursor right word select": ("Markér et ord til højre", "Cursor right word select"),
    "Cursor up": ("Markør op", "Cursor up"),
    "Cursor up select": ("Markér op", "Cursor up select"),
    "Cursor word left": ("Et ord til venstre", "Cursor word left"),
    "Cursor word right": ("Et ord til højre", "Cursor word right"),
    "Cut": ("Klip", "Cut"),
    "Cut selected text": ("Klip markeret tekst", "Cut selected text"),
    "Delete all to the left": ("Slet alt til venstre", "Delete all to the left"),
    "Delete all to the right": ("Slet alt til højre", "Delete all to the right"),
    "Delete character left": ("Slet tegn til venstre", "Delete character left"),
    "Delete character right": ("Slet tegn til højre", "Delete character right"),
    "Delete left to start of word": ("Slet til ordets start", "Delete left to start of word"),
    "Delete line": ("Slet linje", "Delete line"),
    "Delete right to start of word": ("Slet til næste ords start", "Delete right to start of word"),
    "Delete to line end": ("Slet til linjens slutning", "Delete to line end"),
    "Delete to line start": ("Slet til linjens start", "Delete to line start"),
    "Dismiss menu": ("Luk menu", "Dismiss menu"),
    "Down": ("Ned", "Down"),
    "End": ("Slut", "End"),
    "Exit the command palette": ("Luk kommandopaletten", "Exit the command palette"),
    "First": ("Første", "First"),
    "Focus Next": ("Næste felt", "Focus Next"),
    "Focus Previous": ("Forrige felt", "Focus Previous"),
    "Go to bottom": ("Gå til bunden", "Go to bottom"),
    "Go to end": ("Gå til slutningen", "Go to end"),
    "Go to start": ("Gå til starten", "Go to start"),
    "Go to top": ("Gå til toppen", "Go to top"),
    "Home": ("Start", "Home"),
    "Last": ("Sidste", "Last"),
    "Move cursor left": ("Markør til venstre", "Move cursor left"),
    "Move cursor left a word": ("Et ord til venstre", "Move cursor left a word"),
    "Move cursor left a word and select": ("Markér et ord til venstre", "Move cursor left a word and select"),
    "Move cursor left and select": ("Markér til venstre", "Move cursor left and select"),
    "Move cursor right a word": ("Et ord til højre", "Move cursor right a word"),
    "Move cursor right a word and select": ("Markér et ord til højre", "Move cursor right a word and select"),
    "Move cursor right and select": ("Markér til højre", "Move cursor right and select"),
    "Move cursor right or accept the completion suggestion": (
        "Markør til højre eller tag forslaget",
        "Move cursor right or accept the completion suggestion",
    ),
    "Next command": ("Næste kommando", "Next command"),
    "Next page": ("Næste side", "Next page"),
    "Page Down": ("Side ned", "Page Down"),
    "Page Left": ("Side til venstre", "Page Left"),
    "Page Right": ("Side til højre", "Page Right"),
    "Page Up": ("Side op", "Page Up"),
    "Page down": ("Side ned", "Page down"),
    "Page up": ("Side op", "Page up"),
    "Paste": ("Indsæt", "Paste"),
    "Paste text from the clipboard": ("Indsæt fra udklipsholderen", "Paste text from the clipboard"),
    "Press button": ("Tryk på knappen", "Press button"),
    "Previous command": ("Forrige kommando", "Previous command"),
    "Previous page": ("Forrige side", "Previous page"),
    "Quit": ("Afslut", "Quit"),
    "Redo": ("Gentag", "Redo"),
    "Scroll Down": ("Rul ned", "Scroll Down"),
    "Scroll End": ("Rul til slutningen", "Scroll End"),
    "Scroll Home": ("Rul til starten", "Scroll Home"),
    "Scroll Left": ("Rul til venstre", "Scroll Left"),
    "Scroll Right": ("Rul til højre", "Scroll Right"),
    "Scroll Up": ("Rul op", "Scroll Up"),
    "Select": ("Vælg", "Select"),
    "Select all": ("Markér alt", "Select all"),
    "Select line": ("Markér linje", "Select line"),
    "Select line end": ("Markér til linjens slutning", "Select line end"),
    "Select line start": ("Markér til linjens start", "Select line start"),
    "Show menu": ("Vis menu", "Show menu"),
    "Submit": ("Send", "Submit"),
    "Toggle option": ("Slå til/fra", "Toggle option"),
    "Top": ("Top", "Top"),
    "Undo": ("Fortryd", "Undo"),
    "Up": ("Op", "Up"),
    "palette": ("kommandoer", "palette"),
    "Open command palette": ("Åbn kommandopaletten", "Open command palette"),
    # The command palette and Textual's own commands in it.
    "Search for commands…": ("Søg efter kommandoer…", "Search for commands…"),
    "Search for themes…": ("Søg efter temaer…", "Search for themes…"),
    "Bell": ("Klokke", "Bell"),
    "Ring the bell": ("Lad terminalen ringe", "Ring the bell"),
    "Theme": ("Tema", "Theme"),
    "Change the current theme": ("Skift farvetema", "Change the current theme"),
    "Quit the application as soon as possible": (
        "Afslut programmet",
        "Quit the application as soon as possible",
    ),
    "Keys": ("Taster", "Keys"),
    "Hide the keys and widget help panel": ("Skjul taster og hjælp", "Hide the keys and widget help panel"),
    "Show help for the focused widget and a summary of available keys": (
        "Vis hjælp og de taster, der virker her",
        "Show help for the focused widget and a summary of available keys",
    ),
    "Minimize": ("Normal størrelse", "Minimize"),
    "Minimize the widget and restore to normal size": (
        "Vis feltet i normal størrelse igen",
        "Minimize the widget and restore to normal size",
    ),
    "Maximize": ("Maksimér", "Maximize"),
    "Maximize the focused widget": ("Vis det valgte felt over hele skærmen", "Maximize the focused widget"),
    "Screenshot": ("Skærmbillede", "Screenshot"),
    "Save an SVG 'screenshot' of the current screen": (
        "Gem et skærmbillede (SVG) af skærmen",
        "Save an SVG 'screenshot' of the current screen",
    ),
}
"""Textual's English words -> (Danish, English)."""
