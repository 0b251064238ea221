"""Last time's actions, reviewed: action_review, the first step of a follow-up session.

The exercise holds its own copy of every trial action of the earlier session (text,
owner, due date, group, which session), so the follow-up opens and exports alone, even
when the earlier file is gone. The room gives each action a status (done, partly, not
started, dropped) and a short note; an action can be carried over into this session's
action list. The answers are texts of the session's first group (the room reviews
together), keyed ``<action id>.status``, ``.note`` and ``.carried``.

An action is overdue when its due date is before the follow-up's date and it is neither
done nor dropped (a dropped action is a decision, not a delay): :func:`overdue` is the
one place that says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Literal, get_args

from workshop_tui.core.i18n import Phrase, phrase
from workshop_tui.core.kinds.actions import ActionBody
from workshop_tui.core.kinds.schema import instructions_dict, read_instructions
from workshop_tui.core.kinds.spec import KindSpec, Read, SummaryInput
from workshop_tui.core.model import Action, Exercise, ExerciseAnswers, Session, Text
from workshop_tui.core.model.exercise import Body
from workshop_tui.core.model.ids import valid_date
from workshop_tui.core.model.limits import check_text
from workshop_tui.core.model.refusal import ScoreError
from workshop_tui.core.storage.reader import Reader, check_id, duplicates
from workshop_tui.core.text_safety import same_name

if TYPE_CHECKING:
    from workshop_tui.core.results.summary_review import ReviewPart

Status = Literal["done", "partly", "not_started", "dropped"]
STATUSES: tuple[str, ...] = get_args(Status)
"""The statuses a group gives an action, in the order the view offers them."""
CLOSED = frozenset({"done", "dropped"})
"""An action with one of these is finished with: never overdue, never reviewed again."""
CARRIED = "yes"
"""The text of ``<id>.carried`` once the action was copied into this session's action list."""
PARTS = ("status", "note", "carried")
MAX_REVIEWED = 200


@dataclass(frozen=True)
class ReviewedAction:
    """One trial action of an earlier session, as it was written then."""

    id: str
    text: str
    owner: str = ""
    due: str = ""
    group: str = ""
    """The name of the group that wrote it (as the earlier session named it)."""
    session: str = ""
    """The title of the session it was written in."""
    date: str = ""
    """That session's date."""


@dataclass(frozen=True)
class ReviewBody(Body):
    """The actions under review; the answers say each one's status, note, and whether it was carried."""

    scored = False
    tallied = False
    actions: tuple[ReviewedAction, ...] = ()
    instructions: tuple[Text, ...] = ()

    def text_keys(self, exercise: Exercise) -> frozenset[str]:
        """``<action id>.status``, ``.note`` and ``.carried`` for every action."""
        return frozenset(f"{a.id}.{part}" for a in self.actions for part in PARTS)

    def text_key_rule(self, exercise: Exercise) -> Phrase:
        """How to fix a key that names no action or part."""
        if not self.actions:
            return phrase("problems.fix.no_texts")
        return phrase("problems.fix.series.review_key", ids=", ".join(a.id for a in self.actions))

    def check_text(self, exercise: Exercise, key: str, text: str) -> None:
        """A status is one of ``STATUSES`` (or empty); carried is ``yes`` or empty.

        Raises:
            ScoreError: no such action or part, or a status the review does not know.
        """
        super().check_text(exercise, key, text)
        part = key.rpartition(".")[2]
        if part == "status" and text not in ("", *STATUSES):
            raise ScoreError("review.status", text=text[:40], choices=", ".join(STATUSES))
        if part == "carried" and text not in ("", CARRIED):
            raise ScoreError("review.carried", text=text[:40])

    def done(
        self, exercise: Exercise, answers: ExerciseAnswers, people: frozenset[str], groups: Sequence[str]
    ) -> bool:
        """Every action has a status."""
        given = answers.texts.get(groups[0], {}) if groups else {}
        return all(given.get(f"{a.id}.status", "") for a in self.actions)


def overdue(due: str, status: str, on: str) -> bool:
    """Whether an action due ``due`` is overdue on the date ``on``: due before it and not closed.

    Dates are ISO, so they compare as text; a due date that is not a date (an old file's
    "uge 12") is never called overdue.
    """
    return valid_date(due) and valid_date(on) and due < on and status not in CLOSED


def review_group(session: Session) -> str:
    """The group whose texts hold the review: the first (the room reviews together)."""
    return session.groups[0].id if session.groups else ""


def given(session: Session, exercise_id: str, action_id: str, part: str) -> str:
    """What the review says of one action's ``part`` (status, note or carried)."""
    texts = session.answers_for(exercise_id).texts.get(review_group(session), {})
    return texts.get(f"{action_id}.{part}", "")


def with_review(session: Session, exercise_id: str, action_id: str, part: str, text: str) -> Session:
    """Set one action's status, note or carried mark (checked by the body)."""
    return session.with_text(exercise_id, review_group(session), f"{action_id}.{part}", text)


def carry_target(session: Session) -> str | None:
    """The action list a carried action goes to: the first on the agenda, or None."""
    return next((e for e in session.agenda if session.exercises[e].body_if(ActionBody) is not None), None)


def carry_over(session: Session, exercise_id: str, action_id: str) -> Session:
    """Copy a reviewed action into the first empty place of this session's action list.

    It goes to the group of the same name (else the first group), keeps its text and owner
    and loses its old date (the group sets a new one), and is marked carried in the review.

    Raises:
        ScoreError: the session has no action list, the group's list is full, or the
            action was carried over already.
    """
    exercise = session.exercise(exercise_id)
    action = next((a for a in exercise.body_as(ReviewBody).actions if a.id == action_id), None)
    if action is None:
        raise ScoreError("box.unknown", exercise=exercise_id, box=action_id)
    if given(session, exercise_id, action_id, "carried"):
        raise ScoreError("review.already_carried", text=action.text[:60])
    target = carry_target(session)
    if target is None:
        raise ScoreError("review.no_list")
    group = carry_group(session, action)
    body = session.exercises[target].body_as(ActionBody)
    written = session.answers_for(target).actions.get(group, ())
    free = next((i for i in range(body.count) if i >= len(written) or written[i].is_empty), None)
    if free is None:
        raise ScoreError("review.list_full", count=body.count)
    session = session.with_action(target, group, free, Action(action.text, action.owner, ""))
    return with_review(session, exercise_id, action_id, "carried", CARRIED)


def carry_group(session: Session, action: ReviewedAction) -> str:
    """The id of the group a carried action goes to: the group of the same name, else the first.

    The review keeps the earlier session's group name only: a group renamed since has no
    group of that name, and the action goes to the first group (the view says which). Names are
    one by the one name rule (``text_safety.same_name``: blank edges, NFC, case), the exact name first.
    """
    exact = next((g.id for g in session.groups if g.name == action.group), None)
    if exact is not None:
        return exact
    return next((g.id for g in session.groups if same_name(g.name, action.group)), review_group(session))


def open_actions(earlier: Session) -> Iterable[ReviewedAction]:
    """The actions a follow-up of ``earlier`` reviews, without ids yet.

    Every action written in its action lists, and the actions its own review left open
    (not done, not dropped, not carried over), so an action travels until it is closed.
    """
    for exercise_id in earlier.agenda:
        exercise = earlier.exercises[exercise_id]
        if (review := exercise.body_if(ReviewBody)) is not None:
            for action in review.actions:
                status = given(earlier, exercise_id, action.id, "status")
                if status not in CLOSED and not given(earlier, exercise_id, action.id, "carried"):
                    yield action
        elif exercise.body_if(ActionBody) is not None:
            answers = earlier.answers_for(exercise_id)
            for group in earlier.groups:
                for written in answers.actions.get(group.id, ()):
                    if not written.is_empty:
                        yield ReviewedAction(
                            "",
                            written.text.strip(),
                            written.owner.strip(),
                            written.due.strip(),
                            group.label(earlier.language),
                            earlier.title,
                            earlier.date,
                        )


def review_of(template: Exercise, earlier: Session) -> Exercise:
    """``template`` (the library's review exercise) holding the open actions of ``earlier``."""
    actions = tuple(
        replace(a, id=f"a{n}") for n, a in enumerate(list(open_actions(earlier))[:MAX_REVIEWED], start=1)
    )
    return replace(template, body=replace(template.body_as(ReviewBody), actions=actions))


def read_review(reader: Reader) -> Read:
    """The ``[[actions]]`` under review (none in the library's template) and the instructions."""
    found = []
    for sub in reader.tables("actions", required=False)[:MAX_REVIEWED]:
        action_id = sub.string("id")
        check_id(sub, "id", action_id)
        # No field is required: ``write_review`` leaves an empty one out, and a group may have
        # written only an action's owner and date (a follow-up then did not open: explore17).
        values = {name: sub.string(name, required=False) for name in _FIELDS}
        for name, value in values.items():
            check_text(value, f"a reviewed action's {name}")
        found.append(ReviewedAction(action_id, **values))
        sub.finish()
    for dup in duplicates(a.id for a in found):
        reader.problems.add(
            reader.key("actions"),
            "problems.what.id_twice",
            "problems.fix.own_id",
            value=repr(dup),
            noun=phrase("problems.noun.action"),
        )
    return Read(ReviewBody(actions=tuple(found), instructions=read_instructions(reader)))


_FIELDS = ("text", "owner", "due", "group", "session", "date")


def write_review(exercise: Exercise) -> dict[str, Any]:
    """The keys ``read_review`` reads."""
    body = exercise.body_as(ReviewBody)
    out: dict[str, Any] = {}
    if body.actions:
        out["actions"] = [
            {"id": a.id} | {name: getattr(a, name) for name in _FIELDS if getattr(a, name)}
            for a in body.actions
        ]
    return out | instructions_dict(body.instructions)


def review_summary(given_: SummaryInput) -> ReviewPart:
    """Each action with its status, note, whether it is overdue and whether it was carried over."""
    # Loaded when a summary is made: opening a session does not build its classes.
    from workshop_tui.core.results.summary_review import ReviewPart, ReviewRow

    body = given_.exercise.body_as(ReviewBody)
    texts = given_.answers.texts.get(review_group(given_.session), {})
    edition = given_.edition
    rows = []
    owners = notes = 0
    for number, action in enumerate(body.actions, start=1):
        status = texts.get(f"{action.id}.status", "")
        note = texts.get(f"{action.id}.note", "").strip()
        owners += bool(action.owner.strip())
        notes += bool(note)
        rows.append(
            ReviewRow(
                number=number,
                id=action.id,
                text=action.text,
                owner=edition.owner(action.owner),
                due=action.due,
                group=action.group,
                session=action.session,
                status=status,
                note=edition.review_note(note),
                overdue=overdue(action.due, status, given_.session.date),
                carried=bool(texts.get(f"{action.id}.carried")),
            )
        )
    return ReviewPart(
        date=given_.session.date,
        instructions=tuple(i.get(given_.lang) for i in body.instructions),
        rows=tuple(rows),
        owners_shown=edition.owners,
        notes_shown=edition.review_notes,
        owners_left_out=0 if edition.owners else owners,
        notes_left_out=0 if edition.review_notes else notes,
    )


SPECS = (KindSpec("action_review", ReviewBody, read_review, write_review, review_summary),)
"""The kinds of this family, for the registry."""
