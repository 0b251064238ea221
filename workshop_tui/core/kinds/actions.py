"""Actions: action_list, where each group writes its trial actions (what, who, by when).

A group may first name the challenge its actions address (picked from an earlier
exercise's weakest items, ``challenge_from``). The list is done when every group has
written at least one action.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from workshop_tui.core.i18n import t
from workshop_tui.core.kinds.schema import instructions_dict, put_texts, read_instructions
from workshop_tui.core.kinds.spec import KindSpec, Read, SummaryInput
from workshop_tui.core.model import Exercise, ExerciseAnswers, Text
from workshop_tui.core.model.exercise import AnswerPart, Body, WriteField
from workshop_tui.core.model.refusal import ScoreError
from workshop_tui.core.storage.reader import Reader, check_ids

if TYPE_CHECKING:
    from workshop_tui.core.results.summary_model import ActionPart

MAX_ACTIONS = 20


@dataclass(frozen=True)
class ActionBody(Body):
    """An action list: how many actions a group writes, what they are called, and the challenge."""

    scored = False
    count: int
    action_label: Text
    challenge_prompt: Text | None = None
    challenge_from: tuple[str, ...] = ()
    """The exercises whose weakest items a group may pick its challenge from."""
    instructions: tuple[Text, ...] = ()

    def write_fields(self, exercise: Exercise) -> tuple[WriteField, ...]:
        """The challenge (when the list asks for one), then each action's text, owner and date."""

        what = Text(t("phone.write.what", "da"), t("phone.write.what", "en"))
        owner = Text(t("phone.write.owner", "da"), t("phone.write.owner", "en"))
        due = Text(t("phone.write.due", "da"), t("phone.write.due", "en"))
        fields = []
        if self.challenge_prompt is not None:
            fields.append(WriteField("challenge", self.challenge_prompt))
        for n in range(self.count):
            label = Text(f"{self.action_label.da} {n + 1}", f"{self.action_label.get('en')} {n + 1}")
            fields.append(WriteField(f"a:{n}:text", what, section=label))
            fields.append(WriteField(f"a:{n}:owner", owner, shape="line"))
            fields.append(WriteField(f"a:{n}:due", due, shape="date"))
        return tuple(fields)

    def check_answer(self, exercise: Exercise, part: AnswerPart, index: int = 0) -> None:
        """Take a challenge, and actions numbered 1 to ``count``.

        Raises:
            ScoreError: a note, a closing answer, or an action beyond ``count``.
        """
        if part == "action" and not 0 <= index < self.count:
            raise ScoreError("action.range", exercise=exercise.id, count=self.count, number=index + 1)
        if part not in ("challenge", "action"):
            super().check_answer(exercise, part, index)

    def done(
        self, exercise: Exercise, answers: ExerciseAnswers, people: frozenset[str], groups: Sequence[str]
    ) -> bool:
        """Every group has written at least one action."""
        return all(any(not a.is_empty for a in answers.actions.get(group, ())) for group in groups)


def read_actions(reader: Reader) -> Read:
    """How many actions, their label, the challenge prompt and its sources, the instructions."""
    body = ActionBody(
        count=reader.integer("count", minimum=1, maximum=MAX_ACTIONS),
        action_label=reader.text("action_label") or Text(""),
        challenge_prompt=reader.text("challenge_prompt", required=False),
        challenge_from=tuple(
            check_ids(reader, "challenge_from", reader.strings("challenge_from", required=False))
        ),
        instructions=read_instructions(reader),
    )
    return Read(body)


def write_actions(exercise: Exercise) -> dict[str, Any]:
    """The keys ``read_actions`` reads."""
    body = exercise.body_as(ActionBody)
    out = put_texts({}, action_label=body.action_label, challenge_prompt=body.challenge_prompt)
    out["count"] = body.count
    if body.challenge_from:
        out["challenge_from"] = list(body.challenge_from)
    return out | instructions_dict(body.instructions)


def actions_summary(given: SummaryInput) -> ActionPart:
    """Each group's challenge and its actions that are not empty."""
    # Loaded when a summary is made: opening a session does not build its classes.
    from workshop_tui.core.results.summary_model import ActionPart, GroupActions

    body = given.exercise.body_as(ActionBody)
    answers = given.answers
    edition = given.edition
    written = {
        g.id: tuple(a for a in answers.actions.get(g.id, ()) if not a.is_empty) for g in given.session.groups
    }
    groups = tuple(
        GroupActions(
            group=g.label(given.lang),
            challenge=answers.challenge.get(g.id, "").strip(),
            actions=tuple(replace(a, owner=edition.owner(a.owner)) for a in written[g.id]),
        )
        for g in given.session.groups
    )
    return ActionPart(
        action_label=given.text(body.action_label),
        challenge_prompt=given.text(body.challenge_prompt),
        instructions=tuple(t.get(given.lang) for t in body.instructions),
        groups=groups,
        owners_shown=edition.owners,
        owners_left_out=0
        if edition.owners
        else sum(1 for g in written.values() for a in g if a.owner.strip()),
    )


SPECS = (KindSpec("action_list", ActionBody, read_actions, write_actions, actions_summary),)
"""The kinds of this family, for the registry."""
