"""The score grid: items as rows, participants (or score values in tally mode) as columns.

The grid only displays what it is given. It builds its columns once per layout
(mode, blind state, participants) and afterwards updates just the rows whose
answers changed; the table underneath (:mod:`.line_table`) then draws only those
rows again, so a keystroke on a 40-person session costs two rows, not the screen.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import events

from workshop_tui.core.kinds.votes import is_single
from workshop_tui.core.model import Exercise, ExerciseAnswers, Item, Session
from workshop_tui.core.results.figures import VoteTotal, vote_totals, winners
from workshop_tui.core.results.numbers import percent
from workshop_tui.core.results.rules import Highlights, exercise_highlights
from workshop_tui.core.results.stats import ItemStats, describe
from workshop_tui.tui.themes import score_colour
from workshop_tui.tui.widgets.cell_text import shorten_apart
from workshop_tui.tui.widgets.charts import fmt, localise, sparkline
from workshop_tui.tui.widgets.grid_keys import GridLayout as GridLayout
from workshop_tui.tui.widgets.grid_keys import RowKey
from workshop_tui.tui.widgets.grid_keys import item_tag as item_tag
from workshop_tui.tui.widgets.keys_on_arrival import taken_on_arrival
from workshop_tui.tui.widgets.line_table import LineTable

VOTE_BAR = 10
"""A vote's share bar at full width: a cell per 10 %. Narrower where its column is (80x24)."""


def vote_bar(share: float | None, cells: int) -> int:
    """The cells of an option's share bar ``cells`` wide: the share to the nearest cell, 1 for any vote.

    At 80 columns the bar was drawn 10 cells long in an 8-cell column and cut: 70 % and
    100 % read alike. It is drawn to the column's width instead, from the same share.
    """
    if not share:
        return 0
    return max(1, round(share * cells))


STAT_COLUMNS = ("n", "mean", "median", "range", "dist", "flag")
"""The statistics slots after the input columns. A vote fills them with people, dots,
share and a share bar instead (same slots, so the cursor and input logic are shared)."""


class ScoreGrid(LineTable):
    """A table specialised to scores; digits are handled by the owning view."""

    DEFAULT_CSS = """
    ScoreGrid {
        height: auto;
        max-height: 1fr;
        min-height: 6;
    }
    """

    def __init__(self, exercise: Exercise, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.exercise = exercise
        self.keys: Callable[[events.Key], None] | None = None
        """The owning view's handler of the keys typed here (it stops those it takes)."""
        self.layout_key: GridLayout | None = None
        self._built_width = 0
        self._shown: dict[str, tuple[RowKey, int]] = {}
        """Item id -> the answers (and a vote's total dots) its row was last filled from."""
        self._stats_cache: dict[str, tuple[RowKey, ItemStats]] = {}
        self._label_width = 24
        self._bar_cells = VOTE_BAR
        """A vote's share bar in cells: ``VOTE_BAR``, less where the figure column is narrower."""
        self._marks: dict[str, str] = {}
        """Item id -> its highlight mark (▲ best, ▼ weakest; ``results.highlights``)."""
        self.highlights = Highlights()
        self.stats: dict[str, ItemStats] = {}
        self.totals: dict[str, VoteTotal] = {}
        """A vote's dots per option (empty for other kinds)."""
        self._score_cells: dict[tuple[int | None, bool], Text] = {}
        """(score, results visible) -> its cell: a keystroke's row reuses 39 of its 40 cells."""
        self._labels: dict[tuple[str, str | None, int, str], Text] = {}
        """(item id, mark, width, text) -> the row's label, shortened once rather than per keystroke."""
        self._all_labels: dict[str, tuple[str, ...]] = {}
        """Language -> every row's label text (``_label_texts``)."""
        # The figures stay on the right while the participants scroll: at 80x24 a grid of 13
        # or more pushed n / mean / median off the screen, where the room could not see them.
        self.pinned = len(STAT_COLUMNS)

    DIGITS_ON_ARRIVAL = True
    """A digit for this grid may be handled in the turn it arrives in (``tui/key_arrival.py``)."""

    def on_key(self, event: events.Key) -> None:
        """Hand the key to the owning view now, in the grid's own turn of the event loop.

        Bubbling up to the view took one more turn per key (0.3 ms traced through the pty,
        more under load), before the score could be saved.
        """
        if self.keys is not None:
            self.keys(event)

    def _forward_event(self, event: events.Event) -> None:
        """A digit is taken at once when nothing waits here (``keys_on_arrival``), else queued."""
        if not taken_on_arrival(self, event, self.keys):
            super()._forward_event(event)

    def needs_rebuild(self) -> bool:
        """Whether the width changed enough since the last build to re-fit the item column."""
        return abs(self.size.width - self._built_width) >= 8

    def forget_layout(self) -> None:
        """Make the next ``show`` rebuild the table (after a resize)."""
        self.layout_key = None

    @property
    def items(self) -> tuple[Item, ...]:
        """The grid's rows."""
        return self.exercise.scored_items

    def show(self, session: Session, lang: str, labels: dict[str, str]) -> None:
        """Display the session's answers; rebuild only when the layout changed."""
        answers = session.answers_for(self.exercise.id)
        scale = self.exercise.scale
        assert scale is not None
        if answers.mode == "tally":
            columns = tuple(str(v) for v in scale.values)
        else:
            columns = tuple(p.id for p in session.participants)
        layout = GridLayout(answers.mode, answers.results_visible, columns, lang)
        keys = {i.id: RowKey(answers, i.id) for i in self.items}
        self.stats = {i.id: self._item_stats(keys[i.id], answers, scale.min, scale.max) for i in self.items}
        if self.exercise.is_vote:
            totals = vote_totals(self.exercise, answers)
            self.totals = {t.item_id: t for t in totals}
            marks = dict.fromkeys(winners(totals), "▲") if layout.visible else {}
        else:
            self.highlights = exercise_highlights(
                self.exercise, answers, self.stats, minimum=session.min_answers
            )
            marks = {i.id: m for i in self.items if (m := self.highlights.mark(i.id))}
        if layout != self.layout_key:
            self._build(session, layout, labels)
        changed_top = {k for k in marks.keys() | self._marks.keys() if marks.get(k) != self._marks.get(k)}
        self._marks = marks
        # A vote's share changes on every row when any row changes.
        dots = sum(t.dots for t in self.totals.values()) if self.totals else 0
        for item in self.items:
            shown = self._shown.get(item.id)
            if (
                shown is None
                or not shown[0].same(keys[item.id])
                or shown[1] != dots
                or item.id in changed_top
            ):
                self._shown[item.id] = (keys[item.id], dots)
                self._fill_row(item, answers, layout, lang)

    def _item_stats(self, key: RowKey, answers: ExerciseAnswers, low: int, high: int) -> ItemStats:
        """An item's statistics, computed again only when its row of answers is a new value."""
        cached = self._stats_cache.get(key.item_id)
        if cached is None or not cached[0].same(key):
            cached = (key, describe(answers.values_for(key.item_id), low, high))
            self._stats_cache[key.item_id] = cached
        return cached[1]

    def _build(self, session: Session, layout: GridLayout, labels: dict[str, str]) -> None:
        row, column = self.cursor_coordinate
        self.clear()
        self._shown.clear()
        self._labels.clear()
        # The table's own width less its scrollbar and the cursor's margin.
        available = (self.size.width or self.app.size.width) - 4
        self._label_width, per_column, widths = self._widths(available, layout)
        self._bar_cells = min(VOTE_BAR, widths["dist"] - 1)  # the column's lead space aside
        self.add_column(" " + labels["item"], key="item", width=self._label_width)
        if layout.mode == "tally":
            for value in layout.columns:
                self.add_column(Text(value, justify="center"), key=f"t{value}", width=per_column)
        else:
            for participant in session.participants:
                header = Text(participant.label[: per_column - 1], justify="center")
                self.add_column(header, key=participant.id, width=per_column)
        vote = self.exercise.is_vote
        self.add_column(Text("n", justify="right"), key="n", width=widths["n"])
        # A vote's count column takes a cell from its blank range column: at the compact width
        # "votes" (da "stem.", "prik.") filled all 5 cells and ran into "n" ("nvotes"), and
        # a wider table ran past the edge at 80 columns.
        self.add_column(
            Text(labels["dots" if vote else "mean"], justify="right"),
            key="mean",
            width=widths["mean"] + 1 if vote else widths["mean"],
        )
        self.add_column(
            Text(labels["share" if vote else "median"], justify="right"), key="median", width=widths["median"]
        )
        self.add_column(
            Text("" if vote else " " + labels["range"], justify="center"),
            key="range",
            width=1 if vote else widths["range"],
        )
        dist = labels["dist"] if widths["dist"] > len(labels["dist"]) else labels["dist_short"]
        self.add_column(" " + dist, key="dist", width=widths["dist"])
        self.add_column("", key="flag", width=2)
        blank = Text("")
        for item in self.items:
            self.add_row(*[blank] * (len(self.columns)), key=item.id)
        self.layout_key = layout
        # Built before its first layout (the view fills it as it is mounted), the table
        # assumed the terminal's width: the first resize then re-fits it only if it is not.
        self._built_width = self.size.width or self.app.size.width
        if self.row_count:
            # Kept within the columns that take input: F4 from the ninth of 12 participants left
            # the cursor on the tally grid's median, where digits did nothing.
            inputs = self.input_columns() or range(1, len(self.columns))
            self.cursor_coordinate = self.cursor_coordinate._replace(
                row=min(row, self.row_count - 1), column=min(max(column, inputs.start), inputs[-1])
            )

    def _widths(self, available: int, layout: GridLayout) -> tuple[int, int, dict[str, int]]:
        """(label width, width per participant or tally column, statistics widths) for ``available`` cells.

        The labels get what they need (up to 70) before anything else shrinks; when the screen
        is too narrow, the participant columns narrow to four cells and then the statistics
        to their compact widths, so the figures stay on screen as long as possible.
        """
        steps = len(self.exercise.scale.values) if self.exercise.scale else 5
        full = {"n": 4, "mean": 6, "median": 8, "range": 9, "dist": max(12, steps + 2)}
        compact = {"n": 3, "mean": 5, "median": 8, "range": 8, "dist": max(8, steps + 2)}
        inputs = len(layout.columns)
        lang = layout.lang
        longest = max(
            (len(item_tag(self.exercise, i, lang) + i.text.get(lang)) + 3 for i in self.items), default=24
        )
        wanted = min(longest, 40)

        def room(per: int, stats: dict[str, int]) -> int:
            return available - per * inputs - sum(stats.values()) - 2

        per_column = 4 if layout.mode == "tally" else 5
        widths = full
        if room(per_column, widths) < wanted:
            per_column = 4
        if room(per_column, widths) < wanted:
            widths = compact
        # Below 24 cells labels say too little: the participants scroll sideways instead, between
        # the labels and the statistics, which stay in view (``LineTable.pinned``).
        return max(24, min(longest, 70, room(per_column, widths))), per_column, widths

    def _label_and_tallies(
        self, item: Item, answers: ExerciseAnswers, layout: GridLayout, label_text: str
    ) -> dict[str, Text]:
        """The row's label (top items marked) and, in tally mode, its count cells."""
        mark = self._marks.get(item.id)
        marked_column = bool(mark) or self.exercise.body.highlights
        width = self._label_width - (3 if marked_column else 1)
        key = (item.id, mark, width, label_text)
        label = self._labels.get(key)
        if label is None:
            label = Text(" " + shorten_apart(label_text, width, self._label_texts(layout.lang)))
            if mark:
                label = Text(" " + mark, style="bold") + label
                label.stylize("bold")
            elif self.exercise.body.highlights:
                label = Text("  ") + label  # the marks' column, so the texts line up
            self._labels[key] = label
        cells: dict[str, Text] = {"item": label}
        if layout.mode == "tally":
            tally = answers.tallies.get(item.id, {})
            for value in layout.columns:
                count = tally.get(int(value), 0)
                text = (str(count) if layout.visible else "•") if count else "·"
                cells[f"t{value}"] = Text(text, style="bold" if count else "dim", justify="center")
        return cells

    def _label_texts(self, lang: str) -> tuple[str, ...]:
        """Every row's label before shortening, made once per language (the items never change).

        Each label is shortened apart from all the others (``shorten_apart``): made per row,
        the first fill of an 18-item grid tagged 324 labels.
        """
        texts = self._all_labels.get(lang)
        if texts is None:
            vote, exercise = self.exercise.is_vote, self.exercise
            texts = tuple(
                i.text.get(lang) if vote else item_tag(exercise, i, lang) + i.text.get(lang)
                for i in self.items
            )
            self._all_labels[lang] = texts
        return texts

    def _fill_row(self, item: Item, answers: ExerciseAnswers, layout: GridLayout, lang: str) -> None:
        if self.exercise.is_vote:
            self._fill_vote_row(item, answers, layout, lang)
            return
        scale = self.exercise.scale
        assert scale is not None
        stats = self.stats[item.id]
        cells = self._label_and_tallies(
            item, answers, layout, item_tag(self.exercise, item, lang) + item.text.get(lang)
        )
        if layout.mode != "tally":
            row = answers.scores.get(item.id, {})
            for pid in layout.columns:
                cells[pid] = self._score_cell(row.get(pid), layout.visible)
        visible = layout.visible and stats.n > 0
        cells["n"] = Text(str(stats.n), justify="right")
        cells["mean"] = Text(
            localise(fmt(stats.mean), lang) if visible else "·", style="bold", justify="right"
        )
        cells["median"] = Text(localise(fmt(stats.median), lang) if visible else "·", justify="right")
        cells["range"] = Text(f"{stats.minimum}–{stats.maximum}" if visible else "·", justify="center")
        cells["dist"] = Text(" ") + sparkline(stats, scale.min, scale.max) if visible else Text(" ·")
        cells["flag"] = Text("⚡" if visible and stats.split else "")
        for key, cell in cells.items():
            self.update_cell(item.id, key, cell)

    def _score_cell(self, score: int | None, visible: bool) -> Text:
        """A participant's cell: one text per score shown, made once (the table draws it by identity)."""
        cell = self._score_cells.get((score, visible))
        if cell is None:
            scale = self.exercise.scale
            assert scale is not None
            if score is None:
                cell = Text("·", style="dim", justify="center")
            elif visible:
                colour = score_colour(score, scale.min, scale.max)
                cell = Text(str(score), style=f"bold {colour}", justify="center")
            else:
                cell = Text("●", justify="center")
            self._score_cells[(score, visible)] = cell
        return cell

    def _fill_vote_row(self, item: Item, answers: ExerciseAnswers, layout: GridLayout, lang: str) -> None:
        """An option's row: each person's dots (hidden while blind: they would show the choice)."""
        cells = self._label_and_tallies(item, answers, layout, item.text.get(lang))
        if layout.mode != "tally":
            row = answers.scores.get(item.id, {})
            single = is_single(self.exercise)
            for pid in layout.columns:
                dots = row.get(pid)
                shown = "●" if single else "●" * (dots or 0) if (dots or 0) <= 3 else str(dots)
                text = shown if dots and layout.visible else "·"
                cells[pid] = Text(text, style="bold" if dots and layout.visible else "dim", justify="center")
        total = self.totals.get(item.id)
        visible = layout.visible and total is not None and total.dots > 0
        share = total.share if visible and total is not None else None
        cells["n"] = Text(str(total.people) if visible and total else "·", justify="right")
        cells["mean"] = Text(str(total.dots) if visible and total else "·", style="bold", justify="right")
        cells["median"] = Text(percent(share) if share is not None else "·", justify="right")
        cells["range"] = Text("")
        cells["dist"] = (
            Text(" " + "█" * vote_bar(share, self._bar_cells), style="bold") if visible else Text(" ·")
        )
        cells["flag"] = Text("")
        for key, cell in cells.items():
            self.update_cell(item.id, key, cell)

    def cell_target(self) -> tuple[Item, str] | None:
        """The item and the column key under the cursor (None on the label or stats)."""
        if not self.row_count:
            return None
        row, column = self.cursor_coordinate
        keys = [c.key for c in self.columns]
        key = keys[column] if column < len(keys) else None
        if key is None or key == "item" or key in STAT_COLUMNS:
            return None
        return self.items[row], str(key)

    def home_column(self) -> int:
        """Home goes to the first participant (or tally value)."""
        return self.input_columns().start

    def end_column(self) -> int:
        """End goes to the last participant (or tally value), not the statistics."""
        columns = self.input_columns()
        return columns[-1] if columns else 0

    def input_columns(self) -> range:
        """The column indexes that take input (after the label, before the statistics)."""
        return range(1, len(self.columns) - len(STAT_COLUMNS))
