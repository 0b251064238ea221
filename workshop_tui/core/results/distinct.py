"""Names that tell rows apart: a row keeps its plain name unless another row reads the same.

A trend's heatmap names each leader group by its latest session's title, and two groups
(or a group and the series itself) often share one ("Opfølgning"): two rows called the
same are no use to the reader. Where names collide, what tells the rows apart is added in
brackets, the first fact that helps first (a heatmap gives the session's date, then its own
title, then its id), so ``Opfølgning (2027-01-14)`` and ``Opfølgning (2027-02-10)``.

Pure functions; no UI.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence


def distinct_labels(rows: Sequence[tuple[str, Sequence[str]]]) -> list[str]:
    """Each row's label: its name, with facts added in brackets while it reads like another row's.

    Args:
        rows: per row its name and the facts that may tell it apart, in the order to try them;
            a fact equal to the name, empty or already added is passed over. Rows whose facts
            run out keep the label they have (the caller gives a unique fact last, e.g. an id).
    """
    added: list[list[str]] = [[] for _ in rows]
    tried = [0] * len(rows)

    def label(index: int) -> str:
        name = rows[index][0]
        return f"{name} ({', '.join(added[index])})" if added[index] else name

    labels = [label(i) for i in range(len(rows))]
    while True:
        counts = Counter(labels)
        clashing = [i for i, text in enumerate(labels) if counts[text] > 1 and tried[i] < len(rows[i][1])]
        if not clashing:
            return labels
        for index in clashing:
            name, facts = rows[index]
            while tried[index] < len(facts):
                fact = facts[tried[index]]
                tried[index] += 1
                if fact and fact != name and fact not in added[index]:
                    added[index].append(fact)
                    break
            labels[index] = label(index)


def group_labels(rows: Sequence[tuple[str, str, str, str]]) -> list[str]:
    """Leader groups' names, as a trend's heatmap and ``workshop sessions`` show them.

    A group (another series, or a branch of one) is named by its latest session's title
    (``name``); where two read the same, the date, then the title, then the id of the session
    shown for it tell them apart (``distinct_labels``).

    Args:
        rows: per group its name, and its session's date, title and id.
    """
    return distinct_labels([(name, (date, title, session_id)) for name, date, title, session_id in rows])
