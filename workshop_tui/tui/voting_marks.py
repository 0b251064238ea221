"""The facilitator's scores typed over phones' answers, with voting open or closed.

A typed-over answer stands as typed and its phone may no longer change it (``voting.typed_marks``).
With voting open the server's roll holds the marks; closed, the roll on disk does
(``ClosedRoll``): a score typed while voting was closed was not marked, and the phone changed it
the moment voting opened again. An undo that puts the phone's score back takes the mark off, and
the notice that said the phone could no longer change it goes with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from workshop_tui.core.i18n import t
from workshop_tui.tui.notices import withdraw

if TYPE_CHECKING:
    from workshop_tui.core.model import Session
    from workshop_tui.tui.voting_info import OpenSession
    from workshop_tui.voting.server import VotingServer
    from workshop_tui.voting.typed_marks import ClosedRoll


class VotingController(Protocol):
    """What this needs of ``voting_link.VotingController`` (not imported: it imports this)."""

    owner: OpenSession
    server: VotingServer | None
    closed_roll: ClosedRoll | None


def typed_over(voting: VotingController, exercise_id: str, item_id: str, participant_id: str) -> bool:
    """True the first time the facilitator types over an answer a phone gave (warn then)."""
    server = voting.server
    if server is not None and server.running:
        return server.type_over(participant_id, exercise_id, item_id)
    closed = closed_roll(voting)
    session = voting.owner.keeper.session
    return closed is not None and closed.type_over(session, participant_id, exercise_id, item_id)


def undone(voting: VotingController, before: Session) -> None:
    """Follow Ctrl+Z / Ctrl+Y from ``before`` (``Roll.unmark``): the phone is told at once, and the
    notices of the places unmarked go."""
    server = voting.server
    if server is not None and server.running:
        gone = server.desk.roll.unmark(before, voting.owner.keeper.session)
        if gone:
            server.desk.version += 1
            server.roll_changed()
    else:
        closed = closed_roll(voting)
        gone = closed.undone(before, voting.owner.keeper.session) if closed is not None else []
    session = voting.owner.session
    labels = []
    for place in dict.fromkeys(p for p in gone if p):
        found = session.participant(place)
        labels.append(found.label if found is not None else place)
    app, lang = voting.owner.host.app, voting.owner.lang
    # One notice per place typed over, or one naming them all for a paste (``grid_typing``), which
    # one Ctrl+Z undoes whole.
    for who in dict.fromkeys([*labels, ", ".join(labels)] if labels else []):
        withdraw(app, t("tui.grid.typed_over", lang, who=who))


def closed_roll(voting: VotingController) -> ClosedRoll | None:
    """The roll on disk while voting is closed (None in a read-only view or for an unsafe id)."""
    if voting.closed_roll is None and not voting.owner.keeper.read_only:
        from workshop_tui.voting.roll_place import roll_place
        from workshop_tui.voting.typed_marks import ClosedRoll

        try:
            voting.closed_roll = ClosedRoll(
                roll_place(voting.owner.session.id, voting.owner.keeper.path).path
            )
        except ValueError:
            return None
    return voting.closed_roll


def prepare(voting: VotingController) -> None:
    """Make the closed roll ready after opening, so the first typed score finds it as later ones do.

    The first score typed made it: imported the roll's modules, worked out which roll is this
    file's (``roll_place``: paths resolved, a digest) and read the roll; about 2 ms of the first
    key's path through the pty, which later keys did not pay (issue 15: the first keystroke
    after opening no slower than the later ones). Done once the session is on the screen
    (``SessionScreen``), and only where it changes no file: a roll of the old name still moves
    on the first key (``roll_place.settled_place``).
    """
    if voting.closed_roll is not None or voting.owner.keeper.read_only:
        return
    from workshop_tui.voting.roll_place import settled_place
    from workshop_tui.voting.typed_marks import ClosedRoll

    try:
        place = settled_place(voting.owner.session.id, voting.owner.keeper.path)
    except ValueError:
        return
    if place is not None:
        voting.closed_roll = ClosedRoll(place.path)
        voting.closed_roll.read()
