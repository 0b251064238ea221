"""workshop-tui: run a cross-boundary leadership seminar from the terminal.

Importing the package loads no UI code; the Textual app lives in
``workshop_tui.tui`` and is imported only when the app starts.
"""

__version__ = "0.1.0"
