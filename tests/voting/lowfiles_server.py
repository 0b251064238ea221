"""The voting server in a process of its own with a low file limit (run by ``test_hostile``).

Prints its port and connection cap, then waits for a line on stdin; then saves a typed
score as the facilitator would and prints ``saved`` or the error, and stops.
"""

from __future__ import annotations

import asyncio
import resource
import sys

from workshop_tui.core.keeper import SessionKeeper
from workshop_tui.core.model import Session
from workshop_tui.core.storage.library import load_library
from workshop_tui.core.storage.sessions import new_session, save_session, session_path
from workshop_tui.voting.desk import Desk
from workshop_tui.voting.roll import Roll
from workshop_tui.voting.server import VotingServer
from workshop_tui.voting.sink import KeeperSink


async def main(soft: int) -> None:
    library = load_library(include_user=False)
    session = new_session(
        title="Lav grænse",
        date="2026-11-23",
        exercises=[library.exercises["resistance"]],
        participants=4,
        session_id="lav-graense",
    )
    path = session_path(session)
    save_session(session, path)
    keeper = SessionKeeper(session, path)
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    server = VotingServer(Desk(Roll.new()), KeeperSink(keeper), None)
    await server.start("127.0.0.1", [0])
    print(server.port, server.guard.most, flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
    for score in (1, 2, 3):

        def typed(session: Session, score: int = score) -> Session:
            return session.with_score("resistance", "trust", "p1", score)

        keeper.apply(typed)
    error = keeper.last_error
    print("saved" if error is None else f"error: {error.reason}", flush=True)
    await server.stop()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1])))
