"""What the wall holds back of a rated exercise's figures beyond the core's rules.

The core withholds an item's figures from everyone when there are too few answers
(``rules.status_of``). An item tallied over the room (``figures.tally_over_room``) keeps its
figures in the exports, beside a warning, but the wall does not put figures the app says
cannot be trusted before the room (counts26).
"""

from __future__ import annotations

from dataclasses import replace

from workshop_tui.core.results.summary_model import ScoredPart


def held_back(part: ScoredPart) -> ScoredPart:
    """``part`` with each item tallied over the room withheld, as an item with too few answers is.

    Under "talt forkert, kan ikke stoles på" the wall still showed the item's mean, bar and n
    (counts26): figures the app says cannot be trusted are not put before the room. Nor is the
    item marked best or weakest; it goes last. The exports keep its numbers, with the warning.
    """
    held = set(part.over_room_ids)
    if not held:
        return part
    # A diagnostic's profile and a reverse index are means over the items' means: the held
    # item's is in them, so the halves of a dimension it belongs to and the index go too.
    halves = {(i.dimension, i.polarity == "produced") for i in part.items if i.id in held}
    dimensions = tuple(
        replace(
            d,
            mean=None if any(dim == d.id for dim, _ in halves) else d.mean,
            produced=None if (d.id, True) in halves else d.produced,
            not_produced=None if (d.id, False) in halves else d.not_produced,
        )
        for d in part.dimensions
    )
    return replace(
        part,
        dimensions=dimensions,
        index=None,
        items=tuple(replace(i, status="miscounted") if i.id in held else i for i in part.items),
        ranking=(*(i for i in part.ranking if i not in held), *(i for i in part.ranking if i in held)),
        top=tuple(i for i in part.top if i not in held),
        bottom=tuple(i for i in part.bottom if i not in held),
    )
