"""A join code pasted with characters drawn as nothing is the code the person sees.

A code copied from a chat, a mail or a web page may carry a zero-width space or a BOM; the
desk read it as a wrong code and counted it toward the room's lockout. The desk and the page
now read it by the core's rule (``text_safety.without_invisible`` / ``INVISIBLE``).
"""

from __future__ import annotations

import re

import pytest

from workshop_tui.core.model import Session
from workshop_tui.core.text_safety import INVISIBLE
from workshop_tui.voting.desk import Desk, Refused
from workshop_tui.voting.page import asset, page_html

from .conftest import CODE


@pytest.mark.parametrize(
    "pasted",
    [
        "\u200b" + CODE,
        CODE + "\ufeff",
        CODE[:3] + "\u2060 " + CODE[3:],
        "\ufeff" + CODE[:3] + " " + CODE[3:] + "\u200b",
    ],
)
def test_a_code_pasted_with_invisible_characters_joins(
    desk: Desk, room_session: Session, pasted: str
) -> None:
    token, pid, changed = desk.join(room_session, {"code": pasted}, "10.3.3.3")
    assert changed and pid == "p1" and token


def test_a_wrong_code_with_invisible_characters_is_still_wrong(desk: Desk, room_session: Session) -> None:
    with pytest.raises(Refused) as wrong:
        desk.join(room_session, {"code": "\u200b000000"}, "10.3.3.4")
    assert wrong.value.reason == "unknown_code"


def test_the_page_strips_the_cores_invisible_class() -> None:
    html = page_html("da").decode()
    field = re.search(r'<input id="code"[^>]*>', html, re.S)
    assert field is not None
    assert f'data-invisible="{INVISIBLE}"' in field.group(0)
    assert "__INVISIBLE__" not in html
    # Long enough for a pasted code with invisible characters (the desk's bound is 32).
    assert 'maxlength="32"' in field.group(0)
    assert "dataset.invisible" in asset("page.js").decode()
