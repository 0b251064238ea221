"""The Textual app: the only package that imports textual.

It shows the core's state and turns keys into edits on the core; statistics,
validation and file I/O stay in the core.
"""
