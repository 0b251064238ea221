""" "Last time" beside "now" for the exercise on show: the grid's panel and the projector's piece.

The figures are the core's (``results.trends.exercise_trend``): each session's anonymous
summary of the exercise, held back where the export and the wall hold it back (too few
answers, blind), and the change judged better or worse by polarity. A scored exercise
with dimensions shows its dimensions, any other its items. This module only lays them out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from workshop_tui.core.i18n import t
from workshop_tui.core.i18n.shown import long_date
from workshop_tui.core.results.numbers import figure, written_change
from workshop_tui.tui.plain import plain_text

if TYPE_CHECKING:
    from workshop_tui.core.results.trends import ExerciseTrend, Line, Point
    from workshop_tui.tui.controller import SessionController

VERDICT_STYLE = {"better": "bold blue", "worse": "bold #D55E00", "same": "dim"}
"""Better in Okabe–Ito blue, worse in vermillion, each also said in words (never colour alone)."""


def _value(point: Point | None, lang: str) -> Text:
    if point is None:
        return Text(t("trend.not_asked", lang), style="dim")
    if point.mean is not None:
        return Text(figure(point.mean, lang), style="bold" if point.comparable else "dim")
    status = point.status if point.status in ("too_few", "blind", "miscounted") else "empty"
    return Text(t(f"tui.proj.status.{status}", lang, n=point.n), style="dim italic")


def _change(line: Line, lang: str) -> Text:
    """The change in the core's words (``written_change``, as ``workshop trend``), coloured by meaning."""
    words = written_change(line.change, line.verdict, lang)
    verdict = line.verdict
    return Text(words, style="dim" if verdict is None else VERDICT_STYLE.get(verdict, ""))


def last_time_table(
    found: ExerciseTrend, lang: str, *, rows: int | None = None, one_line: bool = False
) -> Table:
    """Dimensions (or items): last time's mean, now's, and the change, one row each.

    ``one_line``: each label on one line, cut with … (the grid's panel). At 80 columns the
    figures' columns left the labels ten columns, and the first item's words, one or two a
    line, filled the panel's 14 lines: the other items were out of sight.
    """
    before, now = found.sessions[-2], found.sessions[-1]
    table = Table(box=None, expand=True, pad_edge=False, show_edge=False)
    label = t("trend.dimensions" if found.dimensions else "trend.items", lang)
    if one_line:
        table.add_column(label, ratio=1, no_wrap=True, overflow="ellipsis")
    else:
        table.add_column(label, ratio=1)
    table.add_column(
        f"{t('tui.last.before', lang)} {long_date(before.date, lang)}", justify="right", no_wrap=True
    )
    table.add_column(f"{t('tui.last.now', lang)} {long_date(now.date, lang)}", justify="right", no_wrap=True)
    table.add_column(t("trend.col.change", lang), justify="right", no_wrap=True)
    lines = found.dimensions or found.items
    for line in lines[:rows] if rows else lines:
        table.add_row(
            plain_text(line.label, one_line=True),
            _value(line.points[-2], lang),
            _value(line.points[-1], lang),
            _change(line, lang),
        )
    return table


def last_time_text(found: ExerciseTrend | None, lang: str, *, missing: str = "") -> Text | Group:
    """The panel's content: the table and what is not compared, or why there is none."""
    if found is None:
        return Text(missing or t("tui.last.none", lang), style="dim")
    table = last_time_table(found, lang, one_line=True)
    return Group(table, *(plain_text("• " + note, "dim") for note in found.notes))


def last_time_wall(found: ExerciseTrend | None, why: str, lang: str) -> Group:
    """The projector's piece: a heading, then last time beside now, or why there is none.

    Only the figures the wall may show: every point is the session's anonymous summary,
    held back below its minimum of answers and while blind.
    """
    heading = Text(t("tui.last.wall", lang) + "\n", style="bold")
    if found is None:
        return Group(heading, Text(why or t("tui.last.none", lang)))
    before = found.sessions[-2]
    # The earlier session's title comes from its own file, which the screens' cleaned copy does not cover.
    heading.append(
        plain_text(
            t("tui.last.since", lang, title=before.title, date=long_date(before.date, lang)) + "\n", "dim"
        )
    )
    notes = [plain_text("• " + note, "dim") for note in found.notes]
    return Group(heading, last_time_table(found, lang), *notes)


class LastTimePanel(Static):
    """Under the grid: last time beside now for the exercise on show, while Ctrl+L has it on."""

    DEFAULT_CSS = """
    LastTimePanel {
        height: auto;
        max-height: 14;
        padding: 0 1;
        border-top: solid $accent;
        display: none;
    }
    """

    def observe(self, controller: SessionController) -> None:
        """Draw from the controller whenever it changes (only while shown)."""
        self._controller = controller
        controller.subscribe(self, lambda _change: self.redraw())
        self.redraw()

    def redraw(self) -> None:
        """Show or hide the panel, and fill it from the controller's "last time"."""
        controller = getattr(self, "_controller", None)
        if controller is None:
            return
        on = controller.show_last and controller.current != ""
        self.display = on
        if on:
            found, why = controller.last_time()
            self.update(last_time_text(found, controller.lang, missing=why))
