"""Widgets that display state; they hold no session logic and do no file I/O."""
