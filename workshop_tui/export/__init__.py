"""Exports of a session summary: Markdown, HTML, CSV, and before/after comparisons.

Every renderer here takes a :class:`workshop_tui.core.results.summary_model.Summary` (or a
:class:`workshop_tui.export.compare.Comparison`) and only formats it; no figure
is computed twice. The one module that picks a drawing per kind is the renderer table,
:mod:`workshop_tui.export.part_table`: it turns each exercise's part into generic blocks
(:mod:`workshop_tui.export.blocks`) that the Markdown and HTML renderers draw, and CSV
records. Writing files is :mod:`workshop_tui.export.files`; the
``export`` and ``compare`` commands are :mod:`workshop_tui.export.commands`.
Nothing in this package imports textual or rich.
"""

from __future__ import annotations

FORMATS: tuple[str, ...] = ("md", "html", "csv")
"""The single-file formats; ``all`` on the command line means all of these."""
