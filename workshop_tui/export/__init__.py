"""Exports of a session summary: Markdown, HTML, CSV, and before/after comparisons.

Every renderer here takes a :class:`workshop_tui.core.results.summary_model.Summary` (or a
:class:`workshop_tui.export.compare.Comparison`) and only formats it; no figure
is computed twice. Writing files is :mod:`workshop_tui.export.files`; the
``export`` and ``compare`` commands are :mod:`workshop_tui.export.commands`.
Nothing in this package imports textual or rich.
"""

from __future__ import annotations

FORMATS: tuple[str, ...] = ("md", "html", "csv")
"""The single-file formats; ``all`` on the command line means all of these."""
