"""Every exercise kind in one place: one module per family, one registry.

A family module (``grids``, ``placements``, ``votes``, ``sheets``, ``actions``,
``tables``) declares, for each of its kinds, the exercise file's keys (read,
validated, written back), the body the kind adds to ``Exercise`` with its answer
rules and when it is done, and its summary part. ``registry.SPECS`` maps each kind to
its ``KindSpec``. See ``docs/kinds.md`` for how to add a kind.
"""
