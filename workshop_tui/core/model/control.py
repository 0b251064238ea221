"""How a phone answers an exercise: one of a few generic control shapes, with its parameters.

A kind declares its shape (``Body.control``) instead of the phone page knowing the kind:
the server sends the declaration with the exercise and ``voting/page.js`` draws the shape.
A new kind that answers with an existing shape therefore touches no page code; only a new
*shape* does (add it to ``Shape`` and to ``SHAPES`` in page.js, a test ties the two).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, get_args

Shape = Literal["rate", "order", "choose_one", "dots"]
"""The controls the phone page can draw:

- ``rate``: a button per score of the exercise's scale, for each item (scale per item);
- ``order``: the same buttons read as places, a place held by one item at a time;
- ``choose_one``: one large button per option, pressed like a radio button;
- ``dots``: a - / + stepper per option, with ``dots`` in all and ``max_per_item`` on one.
"""
SHAPES: tuple[str, ...] = get_args(Shape)


@dataclass(frozen=True)
class Control:
    """A kind's phone control: its ``shape`` and the parameters the shape reads (JSON values)."""

    shape: Shape
    params: Mapping[str, int | str] = field(default_factory=dict)

    def as_json(self) -> dict[str, int | str]:
        """What the page gets: ``{"shape": …, **params}``."""
        return {"shape": self.shape, **self.params}
