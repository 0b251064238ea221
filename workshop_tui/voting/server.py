"""The voting web server: aiohttp on the app's own event loop, started only when voting opens.

Every request is checked by the ``Desk`` (pure rules); this module adds HTTP, the
participant page, flood limits on connections and the error log. Votes are saved by
group commit (:mod:`.saves`): each phone is answered only after the save that holds its
vote, so a phone told "thank you" knows its vote is on disk.

Addresses are used only in memory, as keys of the limits (wrong join codes, devices and
connections per address): there is no access log, and the error log (owner-only) has
addresses blanked out and never holds the join code.

Against a hostile network: connections are capped well below the process's file limit
(``guard``); a connection that sends no whole request head within ``Limits.idle_seconds``
(idle, or headers trickled in) is closed, as is one whose body takes longer than
``Limits.body_seconds``; and a request whose Host header is not an address the server is
served on is refused (421), so a web page elsewhere cannot reach it by DNS rebinding.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from aiohttp import web

from workshop_tui.core.text_safety import ShownCopies
from workshop_tui.voting.desk import MAX_BODY_BYTES, Desk, Refused, decode_body
from workshop_tui.voting.guard import ConnectionGuard, GuardedSite, connection_cap
from workshop_tui.voting.logs import attach_log, detach_log
from workshop_tui.voting.network import host_allowed, served_names
from workshop_tui.voting.page import ASSETS, asset, page_html
from workshop_tui.voting.saves import GroupCommit, RollWriter
from workshop_tui.voting.scribes import WRITE_BODY_BYTES, Scribes, clean, label
from workshop_tui.voting.sink import Sink
from workshop_tui.voting.writes import EditCommit

log = logging.getLogger("workshop_tui.voting")
LINGER_SECONDS = 1.0
"""How long the unread rest of a refused request's body is drained before closing."""
SHUTDOWN_SECONDS = 2.0
"""How long requests still running may finish when voting closes."""
_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
}
TYPED_WAKE_SECONDS = 0.25
"""How long after a typed-over answer the waiting phones look again (``type_over``)."""
_VERSION = re.compile(r"-?[0-9]{1,12}")
"""The version a page says it has: ASCII digits only (``str.isdigit`` takes ``²``, which ``int``
refuses: a 500 and a logged traceback for each such request)."""
_PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def _bearer(request: web.Request) -> str | None:
    header = request.headers.get("Authorization", "")
    return header[7:].strip() if header.startswith("Bearer ") else None


class VotingServer:
    """Serves the participant page and its API for one session's ``Desk``."""

    def __init__(self, desk: Desk, sink: Sink, roll_file: Path | None = None) -> None:
        self.desk = desk
        self.sink = sink
        self.host = ""
        self.port = 0
        self._runner: web.AppRunner | None = None
        self._log_handler: logging.Handler | None = None
        self._changed: asyncio.Event | None = None
        self._waiting = 0
        self._closing = False
        self._votes = GroupCommit(desk, sink)
        self.scribes = Scribes()
        self._shown = ShownCopies()
        """The session as the wall shows it (``text_safety``), for what the pages are told."""
        """Writing from devices: groups' fields and open answers (``scribes``)."""
        self._writes = EditCommit(sink)
        self._roll = RollWriter(desk, roll_file)
        self._roll_saves: set[asyncio.Task[None]] = set()
        """Roll saves started by a typed-over answer, kept until done (a task is otherwise collected)."""
        """Saves the roll to ``roll_file`` after each join; None keeps it in memory (tests)."""
        self.on_join: Callable[[], None] | None = None
        """Told after every join or refused join (the facilitator's counts and notes change)."""
        self.on_marks: Callable[[], None] | None = None
        """Told when a field's writing mark goes before its time (``Scribes.refused``): nothing
        was saved, so nothing else tells the screen to redraw."""
        self._names: frozenset[str] | None = None
        self._check_host = False
        """Set when listening: tests that drive ``app()`` directly have no address to check."""
        limits = desk.limits
        self.guard = ConnectionGuard(limits.max_connections, limits.connections_per_address)
        """Set to the file limit's cap when listening starts (``guard.connection_cap``)."""

    @property
    def max_waiting(self) -> int:
        """Requests for news held open at once: two per possible device, then refused.

        Always below the connection cap, so a vote or a join still finds a connection.
        """
        return max(1, min(2 * self.desk.max_participants + 16, self.guard.most - 4))

    def app(self) -> web.Application:
        """The aiohttp application (tests drive it with aiohttp's test client)."""
        app = web.Application(client_max_size=WRITE_BODY_BYTES, middlewares=[self._host, self._refusals])
        app.router.add_get("/", self._page)
        for name in ASSETS:
            app.router.add_get(f"/{name}", self._asset)
        app.router.add_post("/api/join", self._join)
        app.router.add_get("/api/state", self._state)
        app.router.add_post("/api/vote", self._vote)
        app.router.add_get("/api/texts", self._texts)
        app.router.add_post("/api/write", self._write)
        app.router.add_post("/api/answer", self._answer)
        app.on_response_prepare.append(self._secure)
        return app

    async def start(self, host: str, ports: list[int]) -> None:
        """Listen on ``host`` at the first free port of ``ports``.

        Raises:
            OSError: none of the ports could be used (the last error).
        """
        self._log_handler = attach_log()
        self.guard.most = connection_cap(self.desk.limits.max_connections)
        runner = web.AppRunner(
            self.app(),
            access_log=None,
            handle_signals=False,
            shutdown_timeout=SHUTDOWN_SECONDS,
            # Closes a connection with no whole request head this long after it opened or
            # after its last answer: idle sockets and headers sent a byte at a time.
            keepalive_timeout=self.desk.limits.idle_seconds,
            # The rest of a body not read (a refused vote) is awaited this long, not 10 s.
            lingering_time=LINGER_SECONDS,
        )
        await runner.setup()
        error: OSError | None = None
        for port in ports:
            # A backlog well above the room's size, so a burst of phones is queued, not dropped.
            site = GuardedSite(runner, host, port, self.guard, backlog=1024)
            try:
                await site.start()
            except OSError as failure:
                error = failure
                continue
            self._runner = runner
            self._closing = False
            self.host = host
            self.port = int(runner.addresses[0][1])
            self._names = served_names(host)
            self._check_host = True
            log.info("voting open on port %s (at most %s connections)", self.port, self.guard.most)
            return
        await runner.cleanup()
        detach_log(self._log_handler)
        self._log_handler = None
        assert error is not None
        raise error

    async def stop(self) -> None:
        """Close the round, let waiting pages hear it, and stop listening."""
        self.desk.close()
        # Pages waiting for news are answered now (with the round closed), and any request
        # that still comes in is answered at once, so stopping never waits for a poll.
        self._closing = True
        self._wake()
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()
            log.info("voting closed")
        detach_log(self._log_handler)
        self._log_handler = None

    @property
    def running(self) -> bool:
        """Whether the server is listening."""
        return self._runner is not None

    def follow(self, exercise_id: str | None) -> None:
        """Open the round on the facilitator's exercise; waiting pages show it at once."""
        voting = self.desk.follow(self.sink.session, exercise_id)
        if self.scribes.follow(self.sink.session, exercise_id):
            if not voting:
                self.desk.version += 1
            voting = True
        if voting:
            self._wake()

    def type_over(self, participant_id: str, exercise_id: str, item_id: str) -> bool:
        """The facilitator types a participant's answer its phone gave: True the first time per
        item, when the phone is told and the roll saved (``Desk.type_over``)."""
        if not self.desk.type_over(self.sink.session, participant_id, exercise_id, item_id):
            return False
        # The typed score may still wait in the screen's queue: the phone looks a moment later,
        # so that it is shown the score as typed, not its own beside the mark.
        self.roll_changed(wake_in=TYPED_WAKE_SECONDS)
        return True

    def roll_changed(self, *, wake_in: float = 0.0) -> None:
        """The roll's marks changed (``type_over``, an undo): the waiting phones look again after
        ``wake_in`` seconds, and the roll is written in the background."""
        loop = asyncio.get_running_loop()
        loop.call_later(wake_in, self._wake)
        task = loop.create_task(self._roll.save_quietly())
        self._roll_saves.add(task)
        task.add_done_callback(self._roll_saves.discard)

    def _wake(self) -> None:
        if self._changed is not None:
            self._changed.set()
        self._changed = asyncio.Event()

    @web.middleware
    async def _host(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        """Refuse (421) a request for another host name: DNS rebinding, or a stray proxy."""
        if self._check_host and not host_allowed(request.headers.get("Host"), self._names, self.port):
            body = {"error": 421, "reason": "wrong_host", "detail": "use the address shown on the screen"}
            response = web.json_response(body, status=421)
            response.force_close()
            return response
        return await handler(request)

    @web.middleware
    async def _refusals(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        try:
            return await handler(request)
        except Refused as refused:
            headers = {}
            if refused.retry_after is not None:
                headers["Retry-After"] = str(max(1, round(refused.retry_after + 0.5)))
            body = {"error": refused.status, "reason": refused.reason, "detail": refused.detail}
            response = web.json_response(body, status=refused.status, headers=headers)
            if refused.status == 408:
                response.force_close()
            return response
        except web.HTTPException:
            raise
        except Exception:
            log.exception("error handling %s %s", request.method, request.path)
            return web.json_response({"error": 500, "reason": "error", "detail": ""}, status=500)

    async def _secure(self, request: web.Request, response: web.StreamResponse) -> None:
        response.headers.update(_HEADERS)
        if response.content_type == "text/html":
            response.headers["Content-Security-Policy"] = _PAGE_POLICY

    async def _page(self, request: web.Request) -> web.Response:
        html = page_html(self.sink.session.language)
        return web.Response(body=html, content_type="text/html", charset="utf-8")

    async def _asset(self, request: web.Request) -> web.Response:
        name = request.path.lstrip("/")
        return web.Response(body=asset(name), content_type=ASSETS[name], charset="utf-8")

    async def _body(self, request: web.Request, most: int = MAX_BODY_BYTES) -> Any:
        if (request.content_length or 0) > most:
            raise Refused(413, "too_large", f"at most {most} bytes")
        try:
            raw = await asyncio.wait_for(request.read(), self.desk.limits.body_seconds)
        except web.HTTPRequestEntityTooLarge:
            raise Refused(413, "too_large", f"at most {most} bytes") from None
        except TimeoutError:
            # A body sent a byte at a time holds a connection: it is answered and closed.
            raise Refused(408, "too_slow", "the request took too long") from None
        # A turn of the event loop between reading and checking: forty devices sending at
        # the same moment are otherwise read, checked and queued in one turn, during which
        # the screen cannot draw (the writing load benchmark's longest stall).
        await asyncio.sleep(0)
        return decode_body(raw, request.content_type, most)

    async def _join(self, request: web.Request) -> web.Response:
        body = await self._body(request)
        try:
            session = self.sink.session
            writing = self.scribes.mode(session) == "group"
            token, participant_id, changed = self.desk.join(
                session, body, request.remote or "", _bearer(request), writing=writing
            )
        finally:
            if self.on_join is not None:
                self.on_join()
        if changed:
            await self._roll.save()
        shown = label(self.sink.session, participant_id)
        return web.json_response({"token": token, "participant": shown})

    async def _state(self, request: web.Request) -> web.Response:
        token = _bearer(request)
        participant_id = self.desk.participant_for(token)
        assert token is not None
        self.desk.check_poll_rate(token)
        seen = request.query.get("v", "-1")
        if not _VERSION.fullmatch(seen):
            raise Refused(400, "malformed", "v is the version the page has")
        if int(seen) == self.desk.version and not self._closing:
            await self._wait_for_change()
        # Texts as the wall shows them: a file's U+202E reversed an option on every phone only.
        session = self._shown(self.sink.session)
        state = self.desk.state(session, participant_id)
        state["participant"] = label(session, participant_id)
        state["write"] = self.scribes.state(session)
        response = web.json_response(state)
        if self._closing:
            response.force_close()
        return response

    async def _wait_for_change(self) -> None:
        if self._waiting >= self.max_waiting:
            raise Refused(429, "too_many", "too many open requests", retry_after=2)
        if self._changed is None:
            self._changed = asyncio.Event()
        changed = self._changed
        self._waiting += 1
        try:
            await asyncio.wait_for(changed.wait(), self.desk.limits.poll_seconds)
        except TimeoutError:
            pass
        finally:
            self._waiting -= 1

    async def _vote(self, request: web.Request) -> web.Response:
        token = _bearer(request)
        participant_id = self.desk.participant_for(token)
        assert token is not None
        self.desk.check_vote_rate(token)
        body = await self._body(request)
        participant_id, seated = self.desk.seat(self.sink.session, participant_id, request.remote or "")
        if seated:
            await self._roll.save()
            if self.on_join is not None:
                self.on_join()
        ballot = self.desk.ballot(self.sink.session, participant_id, body)
        if self.desk.roll.mark_voted(participant_id, ballot.exercise_id):
            # The place's answers here are the phone's own from now on (the desk checked that
            # none were typed for it): noted on disk before the vote, so a crash between the
            # two never leaves a phone locked out of its own vote.
            await self._roll.save()
        if not await self._votes.commit(ballot):
            raise Refused(503, "not_saved", "the laptop could not save; send again")
        return web.json_response({"ok": True, "scores": len(ballot.scores)})

    async def _texts(self, request: web.Request) -> web.Response:
        """A group's fields as they are now (the page asks every few seconds while writing)."""
        token = _bearer(request)
        participant_id = self.desk.participant_for(token)
        assert token is not None
        self.desk.check_poll_rate(token)
        session = self.sink.session
        texts = self.scribes.texts(session, dict(request.query), participant_id, shown=self._shown(session))
        return web.json_response(texts)

    async def _write(self, request: web.Request) -> web.Response:
        """A group's field written on a device; answered once the text is on disk."""
        token = _bearer(request)
        participant_id = self.desk.participant_for(token)
        assert token is not None
        self.scribes.check_rate(token)
        body = await self._body(request, WRITE_BODY_BYTES)
        write = self.scribes.field_write(self.sink.session, participant_id, body)
        try:
            written = await self._writes.commit(write)
        except Refused as refused:
            if refused.status == 422:  # refused by the session, not a failed save the page sends again
                self.scribes.refused(write)
                if self.on_marks is not None:
                    self.on_marks()
            raise
        self.scribes.seen(write.exercise_id, write.group_id, write.key, written.text)
        # A merge keeps the text on file beside the scribe's: cleaned as /api/texts sends it.
        text = clean(written.text, multiline=True)
        return web.json_response(
            {"ok": True, "text": text, "version": written.version, "outcome": written.outcome}
        )

    async def _answer(self, request: web.Request) -> web.Response:
        """An open answer from a device (anonymous); answered once it is on disk."""
        token = _bearer(request)
        self.desk.participant_for(token)
        assert token is not None
        self.scribes.check_rate(token)
        body = await self._body(request, WRITE_BODY_BYTES)
        written = await self._writes.commit(self.scribes.open_write(self.sink.session, token, body))
        return web.json_response({"ok": True, "text": written.text})
