"""The glue between the open session and the voting server (``workshop_tui.voting``).

The session's controller (``tui/controller.py``) owns one ``VotingController``.
Opening voting imports the server (and with it aiohttp) for the first time, starts
it on the app's own event loop and opens the round on the facilitator's exercise;
moving to another exercise moves the round; closing voting closes the round and
stops the server. Votes are applied by the server through the session's
``SessionKeeper`` (saved before anything is shown); this module only publishes the
change, at most a few times a second, however fast the votes come, and the screens
that show voting (the status line, the panel, the projector) draw it.

Each time voting opens the join code is new. A round opens blind (F3 reveals), so the
wall shows only that a participant answered, never what. Phones take the session's
participants as their places; when none is free the facilitator is told here and can
add one (the panel's +).
"""

from __future__ import annotations

import gc
import logging
import time
from typing import TYPE_CHECKING

from textual.timer import Timer

from workshop_tui.core.i18n import t
from workshop_tui.core.model import ExerciseAnswers, Session
from workshop_tui.core.storage.errors import SessionWriteError
from workshop_tui.core.text_safety import shown_name
from workshop_tui.tui.messages import Change
from workshop_tui.tui.notices import withdraw
from workshop_tui.tui.voting_info import OpenSession, VotingInfo, spaced
from workshop_tui.voting.network import VotingOptions, candidate_ports, listen_host, shown_host

if TYPE_CHECKING:
    from pathlib import Path

    from workshop_tui.voting.roll_place import RollPlace
    from workshop_tui.voting.server import VotingServer
    from workshop_tui.voting.typed_marks import ClosedRoll

__all__ = ["REFRESH_LATEST", "REFRESH_QUIET", "OpenSession", "VotingController", "VotingInfo", "spaced"]

REFRESH_QUIET = 0.25
"""Votes still arriving postpone the redraw this long, so a burst of phones is drawn once…"""
REFRESH_LATEST = 1.0
"""…but never later than this after the first vote not yet shown, so the grid keeps up."""


def settle_collector() -> None:
    """Keep Python's cycle collector off the app's long-lived objects while a room writes.

    A full collection walks every object the app holds (the screens' widgets, their caches,
    the session, the server's modules): 35-50 ms on a busy laptop, at whatever moment the
    allocations of a burst of requests trigger it, which stalls the event loop beyond the
    50 ms the room allows (issue 17). Collected once here, when the facilitator opens voting,
    what survives is frozen: later collections walk only what the room creates (as the app
    does for what it loaded when the session opened, ``WorkshopApp._remember``).
    """
    gc.collect()
    gc.freeze()


PRESENCE_CHECK = 5.0
"""Seconds between looks at how many phones were heard from lately (``Desk.counts``): a phone
going quiet, or coming back, sends nothing that would redraw the panel's or the leave question's count."""

HIDDEN_NOTICE_DELAY = 0.15
"""Seconds the "answers are hidden" notice waits for a burst's next step (one notice, not one per step)."""


class VotingController:
    """Voting for one open session."""

    def __init__(self, owner: OpenSession) -> None:
        self.owner = owner
        self.server: VotingServer | None = None
        self._redraw: Timer | None = None
        self._first_unshown = 0.0
        self._last_vote = 0.0
        self._unlock: Timer | None = None
        self._marks: Timer | None = None
        """Redraws when the next "… is writing" mark is due to go (no write may come to do it)."""
        self._found: tuple[str, tuple[ExerciseAnswers, ExerciseAnswers]] | None = None
        """The open round's exercise and its answers as the round found them, in the file's
        form and in the screens' (``_leave_round``)."""
        self._hidden_notice: Timer | None = None
        """The notice that the round is blind, said when a burst of steps stops (``_say_hidden``)."""
        self._presence: Timer | None = None
        self._shown: tuple[int, int] | None = None
        """The connected counts last drawn (``Progress.present``, ``present_writers``)."""
        self.unsaved_roll: Path | None = None
        """The roll file that could not be read nor set aside at the last opening: never written
        over, so this opening keeps its roll in memory only (``open``; F10 says so)."""
        self.closed_roll: ClosedRoll | None = None
        """The roll read while voting is closed (``voting_marks``); dropped when voting opens."""
        self.roll_note: str | None = None
        """What the last opening has to say about whose roll this is (a file sharing its session id
        with another, or a roll of the old name moved to this file); F10 says it."""

    @property
    def options(self) -> VotingOptions:
        """The facilitator's address, port and maximum (from the command line)."""
        return getattr(self.owner.host.app, "voting_options", None) or VotingOptions()

    @property
    def is_open(self) -> bool:
        """Whether the server is listening."""
        return self.server is not None and self.server.running

    async def open(self) -> str | None:
        """Start the server and open the round on the current exercise.

        Returns:
            None, or why voting could not open (a port in use, an address not on this laptop).
        """
        # The desk and the roll of phones are loaded when voting is first opened, like the server.
        from workshop_tui.voting.desk import Desk
        from workshop_tui.voting.limits import Limits
        from workshop_tui.voting.roll import Roll
        from workshop_tui.voting.roll_place import roll_place
        from workshop_tui.voting.server import VotingServer, log
        from workshop_tui.voting.sink import KeeperSink

        if self.owner.keeper.read_only:  # votes would be refused: another window writes
            return t("tui.readonly.refused", self.owner.lang)
        session = self.owner.session
        try:  # one roll per session FILE: a copy with the same id has its own (``roll_place``)
            place = roll_place(session.id, self.owner.keeper.path)
        except ValueError as error:  # an id that would leave the voting folder: nothing is written
            return str(error)
        path = place.path
        self.roll_note = _roll_note(place, self.owner.lang)
        self.closed_roll = None  # the server keeps the roll while voting is open
        roll, problem = Roll.load(path)
        if problem is not None:
            log.warning("%s", problem)
        # A roll that could not be read and is still there (not moved aside: a folder that
        # refuses, every .damaged name taken) is never written over: it may be the only record
        # of which phone held which place. Phones still vote; the roll lives in memory only.
        self.unsaved_roll = path if problem is not None and (path.exists() or path.is_symlink()) else None
        try:
            # Written before anyone joins, so the folder is known to be writable; the code
            # itself is never written (it is new each time voting opens).
            if self.unsaved_roll is None:
                roll.save(path)
        except SessionWriteError as error:
            return error.reason
        limits = Limits(devices_per_address=self.options.per_address)
        desk = Desk(roll, max_participants=self.options.max_participants, limits=limits)
        saved_at = path if self.unsaved_roll is None else None
        server = VotingServer(desk, KeeperSink(self.owner.keeper, on_change=self._changed), saved_at)
        server.on_join = self._changed
        host = listen_host(self.options)
        try:
            await server.start(host, candidate_ports(self.options))
        except OSError as error:
            logging.getLogger("workshop_tui.voting").error("cannot listen on %s: %s", host, error)
            return f"{host}: {error.strerror or error}"
        self.server = server
        self._presence = self.owner.host.set_interval(PRESENCE_CHECK, self._presence_due)
        settle_collector()
        server.follow(self.owner.current)
        self._blind_round()
        return None

    async def close(self) -> None:
        """Close the round and stop the server (pages still waiting are told first)."""
        server, self.server = self.server, None
        if self._presence is not None:
            self._presence.stop()
            self._presence = None
        if server is not None:
            await server.stop()
        self._leave_round()  # after the stop: no vote can come in once its round is left

    def follow(self, exercise_id: str) -> None:
        """The facilitator moved: the round moves with them."""
        if self.server is not None:
            self.server.follow(exercise_id)  # from here the server refuses votes for the old round
            self._leave_round()
            self.hidden_notice_gone()
            self._blind_round()
            self.refresh()

    def _blind_round(self) -> None:
        """Open the round blind: the grid shows who answered, not what, until F3 reveals it.

        Results already revealed are hidden again while the room votes again, and the
        facilitator is told (the rule is the core's ``ExerciseAnswers.with_voting_round``).
        """
        exercise_id = self.server.desk.exercise_id if self.server is not None else None
        if exercise_id is None:
            return
        found = self.owner.keeper.session.answers_for(exercise_id)
        self._found = (exercise_id, (found, self.owner.session.answers_for(exercise_id)))
        opening = found.round_opening
        if opening == "kept":
            return
        self.owner.request(lambda s: s.with_voting_round(exercise_id), undoable=False)
        key = "tui.voting.blind" if opening == "hidden" else "tui.round.blind_again"
        if self._hidden_notice is not None:
            self._hidden_notice.stop()
        said = t(key, self.owner.lang)
        self._hidden_notice = self.owner.host.set_timer(HIDDEN_NOTICE_DELAY, lambda: self._say_hidden(said))

    def hidden_notice_gone(self) -> None:
        """The round moved on or F3 was pressed: the "answers are hidden" notice (shown or still
        waiting) goes. It stayed 8 s over the sheet stepped to next, or the grid F3 revealed."""
        if self._hidden_notice is not None:
            self._hidden_notice.stop()
            self._hidden_notice = None
        for key in ("tui.voting.blind", "tui.round.blind_again"):
            withdraw(self.owner.host.app, t(key, self.owner.lang))

    def _say_hidden(self, said: str) -> None:
        """Tell the facilitator the round is blind, once: not a notice per exercise a burst passed.

        Each step of a burst of Ctrl+B with voting open said it anew, and four notices stacked
        over the grid at 80x24 for 8 seconds (found by hand). The notice waits for the steps
        to stop, and a notice of an earlier step still showing goes.
        """
        self._hidden_notice = None
        withdraw(self.owner.host.app, said)
        self.owner.host.notify(said, timeout=8)

    def _leave_round(self) -> None:
        """The round moved on or closed: if it brought nothing, its exercise is as it was found.

        Passing through exercises with voting open hid each one's results (``_blind_round``),
        and the exports then held them back as never shown in the room, though the room had
        seen them. The rule is the core's ``ExerciseAnswers.with_round_left``.

        Decided when the edit is applied, after the round's own hiding: in a burst of steps
        that hiding is still on its way when the next step leaves the round. Decided here,
        on the session as shown, the round had hidden nothing yet, so nothing was given
        back, and the hiding then came and stayed (each exercise a burst passed was left
        blind and held back from the exports). An edit that changes nothing saves nothing.
        """
        found, self._found = self._found, None
        if found is None:
            return
        exercise_id, (in_file, shown) = found

        def leave(session: Session) -> Session:
            # Applied to the file's session, and first to the screens' copy (control characters
            # taken out), which decides whether it changes anything: each is compared with what
            # the round found in its own form, or a mailed note with an escape in it kept the
            # results blind (the copy saw no change and the edit was dropped).
            if exercise_id not in session.exercises:
                return session
            now = session.answers_for(exercise_id)
            found = in_file if now.gives_back(in_file) else shown
            return session.with_round_left(exercise_id, found)

        self.owner.request(leave, undoable=False)

    def add_place(self) -> None:
        """Add an anonymous participant, so one more phone can join (the panel's +)."""
        from workshop_tui.voting.places import late_place

        if self.server is None:
            return
        self.server.desk.places_added()
        self.owner.request(lambda s: s.with_participant(late_place(s)), undoable=False)

    def remove_place(self) -> None:
        """Take the last participant away again, if no phone holds it and it has no scores (−)."""
        from workshop_tui.voting.places import removable_place, without_place

        if self.server is None:
            return
        place = removable_place(self.owner.session, self.server.desk.roll.participant_ids)
        if place is None:
            self.owner.host.notify(t("tui.voting.keep_place", self.owner.lang), severity="warning", timeout=5)
            return
        self.owner.request(lambda s: without_place(s, place), undoable=False)

    def new_code(self) -> None:
        """A new join code (N on the panel): the old one stops working, joined phones carry on."""
        if self.server is not None:
            self.server.desk.new_code()
            self.refresh()

    def info(self) -> VotingInfo | None:
        """The address, code and counts to show, or None while voting is closed."""
        server = self.server
        if server is None or not server.running:
            return None
        desk = server.desk
        url = f"http://{shown_host(server.host)}:{server.port}"
        return VotingInfo(
            url=url,
            join_url=f"{url}/#c={desk.code}",
            code=desk.code,
            progress=desk.progress(self.owner.session),
            max_participants=desk.max_participants,
            round_open=desk.exercise_id is not None,
            participants=len(self.owner.session.participants),
            writing=server.scribes.mode(self.owner.session),
        )

    def typed_over(self, exercise_id: str, item_id: str, participant_id: str) -> bool:
        """The facilitator types an answer: True the first time it is one a phone gave (warn then);
        with voting closed too (``voting_marks.typed_over``)."""
        from workshop_tui.tui.voting_marks import typed_over

        return typed_over(self, exercise_id, item_id, participant_id)

    def prepare(self) -> None:
        """Ready what typing over a phone's answer needs, after opening (``voting_marks.prepare``)."""
        from workshop_tui.tui.voting_marks import prepare

        if self.server is None:
            prepare(self)

    def undone(self, before: Session) -> None:
        """The facilitator's Ctrl+Z (Ctrl+Y) changed the session from ``before``: a phone's answer
        typed over and put back is the phone's again (``voting_marks.undone``)."""
        from workshop_tui.tui.voting_marks import undone

        undone(self, before)

    def writers(self, exercise_id: str) -> dict[tuple[str, str], tuple[str, ...]]:
        """Which devices write where in ``exercise_id`` now: (group, field key) -> their places."""
        server = self.server
        if server is None or not server.running:
            return {}
        return server.scribes.writing(exercise_id)

    def writing_now(self) -> list[str]:
        """The places of the devices that wrote a group's field in the last few seconds, anywhere.

        A scribe's page sends what was typed after a short pause; closed in the middle of a
        sentence, the last words stay on the phone until voting opens again (found by hand:
        "... Vi ringer til ledere" on file, "n hver mandag og følger op" on the phone). Read by
        the panel's F10 close and by the question before leaving the session (``tui/leaving.py``).
        """
        found = {
            who
            for exercise_id in self.owner.session.agenda
            for places in self.writers(exercise_id).values()
            for who in places
        }
        return sorted(found, key=lambda place: (len(place), place))

    def _marks_due(self) -> None:
        self._marks = None
        if self.owner.host.is_attached:
            self.refresh()

    def _presence_due(self) -> None:
        server = self.server
        if server is not None and self.owner.host.is_attached and server.desk.counts()[1:] != self._shown:
            self.refresh()

    def _unlocked(self) -> None:
        self._unlock = None
        if self.owner.host.is_attached:
            self.refresh()

    def _changed(self) -> None:
        """A batch of votes was saved: schedule a redraw (redrawing a wide grid blocks the loop)."""
        now = time.monotonic()
        if self._redraw is None:
            self._first_unshown = now
            self._redraw = self.owner.host.set_timer(REFRESH_QUIET, self._redraw_when_quiet)
        self._last_vote = now

    def _redraw_when_quiet(self) -> None:
        now = time.monotonic()
        wait = min(REFRESH_QUIET - (now - self._last_vote), REFRESH_LATEST - (now - self._first_unshown))
        if wait > 0.01:
            self._redraw = self.owner.host.set_timer(wait, self._redraw_when_quiet)
            return
        self._redraw = None
        if self.owner.host.is_attached:
            self.owner.publish(Change.ARRIVED)
            self.refresh()

    def refresh(self) -> None:
        """Tell every place that shows voting (the status line, the panel, the projector) to redraw."""
        info = self.info()
        if info is not None:
            self._shown = (info.progress.present, info.progress.present_writers)
        if info is not None and info.progress.locked_for and self._unlock is None:
            # The note on a locked join goes when the lock does, not at the next vote.
            self._unlock = self.owner.host.set_timer(info.progress.locked_for + 0.2, self._unlocked)
        server = self.server
        due = server.scribes.marks_change_in(self.owner.current) if server is not None else None
        if due is not None and self._marks is None:
            # The marks of fields being written go a few seconds after the last write, even
            # when nothing else arrives to redraw the screen.
            self._marks = self.owner.host.set_timer(due + 0.05, self._marks_due)
        self.owner.publish(Change.VOTING)


def _roll_note(place: RollPlace, lang: str) -> str | None:
    """The words for a roll kept apart from another file's with the same id, or moved to this file."""
    if place.shared_with is not None:
        return t("tui.voting.roll_apart", lang, file=shown_name(place.shared_with))
    if place.moved_from is not None:
        return t("tui.voting.roll_moved", lang, file=shown_name(place.moved_from))
    return None
