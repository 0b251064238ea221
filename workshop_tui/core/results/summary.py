"""Build the summary of a session that every export and comparison reads.

This is the one place where a session's answers become figures; the renderers
in :mod:`workshop_tui.export` only format what is here, so Markdown, HTML and CSV
can never disagree. The statistics themselves come from :mod:`workshop_tui.core.results.stats`
(population sd, the disagreement rule, the anonymity threshold), not from here.

Rules applied on top of the statistics, so that the summary is safe to send out:

- **Enough answers.** An item with fewer answers than the session's minimum
  (``Session.min_answers``, default 3; the rule is ``results.status_of``) keeps only
  its n: mean, median, min–max, sd, distribution, rank and the individual scores are
  withheld, because with two scores the mean and the spread give both values away. ``named=True``
  (``--named``) lifts this: the facilitator has then chosen to show who gave what.
- **No line-up across items.** Unless ``named``, the individual scores an export
  lists (the CSV's score rows) carry no participant label and are sorted by value,
  item by item, so nobody can line one person's answers up across items or
  exercises; the figures are unchanged. ``named`` shows each score's name.
- **Blind exercises** whose results were never revealed in the room are exported
  without figures (status ``blind``).
- **Facilitator notes** are included only with ``include_notes=True``.
- **Free text about people** (``results.edition``): an anonymous edition leaves out action
  owners (``named`` puts them back) and the notes on last time's actions (``include_notes``
  puts them back); ``Summary.left_out`` counts what was left out, for the exports to say.
- **Polarity.** Ranks, the best and weakest items and dimension means read each
  item's mean *oriented* by its polarity (``results``): a negative item's mean is
  turned round (``min + max − mean``), so that higher is better for every item.
  Reverse-scored items are also drawn turned in the profile and the index.
- **Mode.** The scores of the mode that counts (``ExerciseAnswers.counted_mode``)
  are used, and the part says which, and whether the other mode holds scores too.
- **Votes and placements** are withheld as a whole below the minimum of voters
  (each kind's part is built by its module in :mod:`workshop_tui.core.kinds`).

This module is part of the pure core: it never imports textual or rich.
"""

from __future__ import annotations

from workshop_tui.core.kinds.registry import spec_of
from workshop_tui.core.kinds.scored import label_key, scores_of
from workshop_tui.core.kinds.spec import SummaryInput
from workshop_tui.core.model import Exercise, Session
from workshop_tui.core.model.roster import read_as_one
from workshop_tui.core.results.edition import ROOM, Edition, LeftOut
from workshop_tui.core.results.summary_model import ActionPart, ExerciseSummary, ReviewPart, Summary

__all__ = ["build_summary", "exercise_summary", "label_key", "participant_labels", "scores_of"]


def build_summary(session: Session, *, include_notes: bool = False, named: bool = False) -> Summary:
    """Summarise every exercise of the session's agenda, in agenda order.

    Args:
        session: the session to summarise (it is not changed).
        include_notes: include the facilitator's private notes.
        named: show participants' names with their scores and lift the
            too-few-answers rule (the facilitator's explicit choice).
    """
    # A voting round a crash left open hid results the room had seen; the file says what it hid
    # and on which answers, so the export shows them when nothing came since (``round_hid``).
    session = session.with_rounds_settled()
    lang = session.language
    labels = participant_labels(session, named=named)
    edition = Edition(named=named, notes=include_notes)
    exercises = []
    for exercise_id in session.agenda:
        exercise = session.exercises.get(exercise_id)
        if exercise is None:
            continue
        note = session.notes.get(exercise_id, "").strip() if include_notes else ""
        exercises.append(_exercise(session, exercise, lang, labels, named=named, note=note, edition=edition))
    return Summary(
        session_id=session.id,
        title=session.title,
        date=session.date,
        language=lang,
        organisation=session.organisation,
        facilitator=session.facilitator,
        participants=len(session.participants),
        groups=tuple(g.label(lang) for g in session.groups),
        exercises=tuple(exercises),
        named=named,
        include_notes=include_notes,
        min_answers=session.min_answers,
        left_out=left_out(exercises),
        same_participants=read_as_one(p.name for p in session.participants) if named else (),
        same_groups=read_as_one(g.name for g in session.groups),
    )


def left_out(exercises: list[ExerciseSummary]) -> tuple[LeftOut, ...]:
    """What the edition left out, exercise by exercise (the counts the kinds' parts keep)."""
    out: list[LeftOut] = []
    for ex in exercises:
        part = ex.part
        if isinstance(part, ActionPart | ReviewPart) and part.owners_left_out:
            out.append(LeftOut(ex.id, ex.title, "owners", part.owners_left_out))
        if isinstance(part, ReviewPart) and part.notes_left_out:
            out.append(LeftOut(ex.id, ex.title, "review_notes", part.notes_left_out))
    return tuple(out)


def participant_labels(session: Session, *, named: bool) -> dict[str, str]:
    """Participant id -> the label an export shows beside a score.

    Named: the participant's own label (name, or P-id). Anonymous: no labels at all
    (empty), because any label kept across items would let one person's answers be
    lined up across them.
    """
    if named:
        return {p.id: p.label for p in session.participants}
    return {}


def _exercise(
    session: Session,
    exercise: Exercise,
    lang: str,
    labels: dict[str, str],
    *,
    named: bool,
    note: str,
    edition: Edition,
) -> ExerciseSummary:
    """The exercise's texts and the part its kind builds (``core.kinds``)."""
    answers = session.answers_for(exercise.id)
    given = SummaryInput(session, exercise, answers, lang, labels, named, edition)
    return ExerciseSummary(
        id=exercise.id,
        kind=exercise.kind,
        title=exercise.title.get(lang),
        part=spec_of(exercise.kind).summary(given),
        prompt=given.text(exercise.prompt),
        question=given.text(exercise.question),
        facilitator_note=note,
    )


def exercise_summary(session: Session, exercise_id: str, lang: str) -> ExerciseSummary:
    """One exercise as the room may see it, in ``lang``: anonymous, no notes (for the projector).

    The room's own screens keep the owners and review notes the room wrote (``edition.ROOM``).

    The same figures and rules as the exports (withheld when blind or too few answered,
    the top items, the split flag, the dimension profile), so wall and report agree.
    """
    labels = participant_labels(session, named=False)
    return _exercise(session, session.exercise(exercise_id), lang, labels, named=False, note="", edition=ROOM)
