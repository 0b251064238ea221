"""The scored tables' item groups, made in one pass, are the groups the item-by-item rebuild made."""

from __future__ import annotations

from benchmarks.large_session import large_session, many_exercises
from workshop_tui.core.model import Session
from workshop_tui.core.results.summary import build_summary
from workshop_tui.core.results.summary_model import ScoredPart
from workshop_tui.export.common import ItemGroup, item_groups


def reference(part: ScoredPart) -> list[ItemGroup]:
    """``item_groups`` as it was: a new group made for every item added to one."""
    profiles = {d.id: d for d in part.dimensions}
    groups: list[ItemGroup] = []
    current: tuple[str, str] | None = None
    for item in part.items:
        key = (item.dimension, item.polarity)
        if groups and key == current:
            last = groups[-1]
            groups[-1] = ItemGroup(last.heading, (*last.items, item))
            continue
        current = key
        profile = profiles.get(item.dimension)
        heading = profile.label if profile is not None else ""
        if profile is not None and item.polarity == "produced" and profile.produced_label:
            heading = profile.produced_label
        elif profile is not None and item.polarity == "not_produced":
            heading = profile.not_produced_label or heading
        groups.append(ItemGroup(heading, (item,)))
    return groups


def test_every_scored_part_is_grouped_as_before(demo: Session) -> None:
    """The demo, 400 people and 90 exercises of every kind: dimensions, polarities, single groups."""
    sessions = [demo, large_session(participants=400, session_id="p"), many_exercises(90)]
    parts = [x.part for s in sessions for x in build_summary(s).exercises if isinstance(x.part, ScoredPart)]
    assert len(parts) > 40
    assert any(len(reference(p)) > 1 for p in parts)  # some parts have several groups
    for part in parts:
        assert item_groups(part) == reference(part)
