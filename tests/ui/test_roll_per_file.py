"""A copy of a session under another name votes into a roll of its own, and the app says so.

Both files hold one session id; the roll was ``voting/<id>.toml`` for both, so a phone that joined
the copy was written into the original's roll (and its typed-over marks with it).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import aiohttp

from workshop_tui.core.i18n import t
from workshop_tui.core.storage.sessions import load_session
from workshop_tui.core.text_safety import shown_name
from workshop_tui.voting.roll import Roll, roll_path

from .conftest import VOTING_HERE, app_for
from .voting_helpers import open_voting, phone_joins


async def test_a_copy_with_the_same_id_keeps_its_phones_apart(room: Path) -> None:
    legacy = roll_path(load_session(room).id)
    legacy.parent.mkdir(parents=True, exist_ok=True)
    Roll.new().save(legacy)
    before = legacy.read_bytes()
    copy = room.with_name("mailed-back.toml")
    shutil.copy(room, copy)
    app = app_for(copy, "en", voting=VOTING_HERE)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        screen, info = await open_voting(app, pilot)
        async with aiohttp.ClientSession() as http:
            await phone_joins(http, info)
        server = screen.voting.server
        assert server is not None
        own = server._roll.path
        said = [str(n.message) for n in app._notifications]
        assert t("tui.voting.roll_apart", "en", file=shown_name(room)) in said, said
        await pilot.press("f10")
        await pilot.pause()
    assert legacy.read_bytes() == before  # the original's roll never saw the copy's phone
    assert own is not None and own != legacy and len(Roll.load(own)[0].devices) == 1
