"""Placements: two_axis, where each person places the subject on two scales at once.

Scored like a grid with two rows (the axes), but only per person: a tally would lose
which x goes with which y. The summary adds the points, the named zones (quadrants)
and the centroid.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Literal

from workshop_tui.core.i18n import phrase
from workshop_tui.core.kinds.grids import read_scored
from workshop_tui.core.kinds.schema import items_dict, read_items, scale_dict, text_table
from workshop_tui.core.kinds.scored import scored_part
from workshop_tui.core.kinds.spec import KindSpec, Read, SummaryInput
from workshop_tui.core.model import Exercise, ExerciseAnswers, Scale, Text
from workshop_tui.core.model.exercise import Body, Chart
from workshop_tui.core.results.rules import status_of
from workshop_tui.core.storage.reader import Reader, check_id, duplicates

if TYPE_CHECKING:
    from workshop_tui.core.results.summary_model import ScoredPart

SIDES = ("low", "high")
Side = Literal["low", "high"]


@dataclass(frozen=True)
class Zone:
    """A named quadrant of a two-axis placement, e.g. LÆRINGS-ZONE = high on both."""

    id: str
    x: Literal["low", "high"]
    y: Literal["low", "high"]
    label: Text


@dataclass(frozen=True)
class PlacementBody(Body):
    """A two-axis placement: its two items are the axes; ``zones`` name the four quadrants."""

    tallied = False  # a tally would lose which x goes with which y
    zones: tuple[Zone, ...] = ()

    @property
    def chart(self) -> Chart:
        """The people are drawn on a map of the two axes."""
        return "map"


def side(value: int, scale: Scale) -> Side | None:
    """Which half of the scale a score is in; None on the middle of an odd-length scale."""
    middle = (scale.min + scale.max) / 2
    if value == middle:
        return None
    return "low" if value < middle else "high"


@dataclass(frozen=True)
class Placement:
    """Where the people of a two-axis exercise placed themselves."""

    points: dict[tuple[int, int], int]
    """(x, y) -> how many people chose it."""
    zones: dict[str, int]
    """zone id -> how many people are in it (every zone, zero included)."""
    on_line: int
    """People on the middle line of either axis (in no zone)."""

    @property
    def n(self) -> int:
        """How many people placed themselves on both axes."""
        return sum(self.points.values())

    @property
    def centroid(self) -> tuple[float, float] | None:
        """The mean (x, y), or None without placements."""
        n = self.n
        if not n:
            return None
        x = sum(px * count for (px, _), count in self.points.items()) / n
        y = sum(py * count for (_, py), count in self.points.items()) / n
        return x, y


def placement(exercise: Exercise, answers: ExerciseAnswers) -> Placement:
    """Pair each person's x and y score and count them per point and per zone."""
    scale = exercise.scale
    assert scale is not None and len(exercise.items) == 2, "a two-axis exercise has a scale and two axes"
    xs = answers.scores.get(exercise.items[0].id, {})
    ys = answers.scores.get(exercise.items[1].id, {})
    declared = exercise.body_as(PlacementBody).zones
    points = Counter((xs[pid], ys[pid]) for pid in xs if pid in ys)
    zones = dict.fromkeys((z.id for z in declared), 0)
    on_line = 0
    for (x, y), count in points.items():
        where = (side(x, scale), side(y, scale))
        zone = next((z for z in declared if (z.x, z.y) == where), None)
        if zone is not None:
            zones[zone.id] += count
        elif declared:
            on_line += count
    return Placement(dict(sorted(points.items())), zones, on_line)


def read_two_axis(reader: Reader) -> Read:
    """Two axes (items), the scale, and the four zones (or none)."""
    scale, polarity = read_scored(reader)
    items = read_items(
        reader, extras=frozenset({"polarity"}), minimum=2, maximum=2, what="problems.things.axes"
    )
    return Read(PlacementBody(zones=_zones(reader)), items, scale, polarity)


def _zones(reader: Reader) -> tuple[Zone, ...]:
    found = []
    for sub in reader.tables("zones", required=False):
        zone_id = sub.string("id")
        check_id(sub, "id", zone_id)
        sides = []
        for axis in ("x", "y"):
            side = sub.string(axis)
            if side and side not in SIDES:
                sub.problems.add(
                    sub.key(axis),
                    "problems.what.not_side",
                    "problems.fix.side",
                    value=repr(side[:20]),
                    axis=axis,
                )
            sides.append(side)
        found.append(Zone(zone_id, sides[0], sides[1], sub.text("label") or Text("")))  # type: ignore[arg-type]
        sub.finish()
    if found and len(found) != 4:
        reader.problems.add(
            reader.key("zones"), "problems.what.zones", "problems.fix.four_zones", n=len(found)
        )
    for dup in duplicates(f"x = {z.x}, y = {z.y}" for z in found):
        reader.problems.add(
            reader.key("zones"), "problems.what.same_corner", "problems.fix.own_corner", corner=dup
        )
    for dup in duplicates(z.id for z in found):
        reader.problems.add(
            reader.key("zones"),
            "problems.what.id_twice",
            "problems.fix.own_id",
            value=repr(dup),
            noun=phrase("problems.noun.zone"),
        )
    return tuple(found)


def write_two_axis(exercise: Exercise) -> dict[str, Any]:
    """The keys ``read_two_axis`` reads."""
    out = scale_dict(exercise) | items_dict(exercise)
    zones = exercise.body_as(PlacementBody).zones
    if zones:
        out["zones"] = [{"id": z.id, "x": z.x, "y": z.y, "label": text_table(z.label)} for z in zones]
    return out


def two_axis_summary(given: SummaryInput) -> ScoredPart:
    """The scored part with the placement: points, zone counts and centroid (only n unless shown)."""
    # Loaded when a summary is made: opening a session does not build its classes.
    from workshop_tui.core.results.summary_model import PlacementPart, ZoneCount

    exercise, answers, lang = given.exercise, given.answers, given.lang
    scale = exercise.scale
    assert scale is not None
    found = placement(exercise, answers)
    status = status_of(answers.results_visible, found.n, named=given.named, minimum=given.session.min_answers)
    part = PlacementPart(
        x_label=exercise.items[0].text.get(lang),
        y_label=exercise.items[1].text.get(lang),
        low=scale.min,
        high=scale.max,
        status=status,
        n=found.n,
    )
    if status == "shown":
        zones = exercise.body_as(PlacementBody).zones
        part = replace(
            part,
            points=tuple((x, y, count) for (x, y), count in found.points.items()),
            zones=tuple(ZoneCount(z.id, z.label.get(lang), z.x, z.y, found.zones[z.id]) for z in zones),
            on_line=found.on_line,
            centroid=found.centroid,
        )
    return replace(scored_part(given), placement=part)


SPECS = (KindSpec("two_axis", PlacementBody, read_two_axis, write_two_axis, two_axis_summary),)
"""The kinds of this family, for the registry."""
