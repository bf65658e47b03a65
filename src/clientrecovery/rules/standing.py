"""Standing findings: the advisory findings of the relationship's current state.

A warning that :meth:`Relationship.check <clientrecovery.Relationship.check>` gives for a
command does not vanish once the command runs: :func:`standing` finds it again in the state
the command left, for as long as that state holds (the plan without a quick win until it is
revised, a wait on the client that does not say what is owed until work resumes, a
commitment measured in absolutes while it is open, a lost case without lessons until they
are recorded). What cannot be undone stands from then on: a provider promise broken or kept
late (after the end too), the provider's work completed or dropped late without a warning
(while the plan is in force, like its delays). :meth:`Relationship.findings
<clientrecovery.Relationship.findings>` reports them with the time-based ones. ERROR
findings are not repeated here: the command that would break them is refused.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import attrs

from clientrecovery._pause import counted_from
from clientrecovery.catalogue import Finding, Rule, Severity
from clientrecovery.model import CommitmentStatus, InitiativeStatus, IssueStatus, Party, Stage
from clientrecovery.rules._core import UNFINISHED, finding, late_warning, not_today
from clientrecovery.rules.closing import inspected, no_lessons
from clientrecovery.rules.commitments import vague_measure
from clientrecovery.rules.delivery import client_part_moved, late_before_waiting
from clientrecovery.rules.meeting import (
    aligned,
    assessment_accounts,
    assessment_complete,
    meet_swiftly,
)
from clientrecovery.rules.planning import summary_promptly

if TYPE_CHECKING:
    from clientrecovery.relationship import Relationship

__all__ = ["standing"]

_KEPT = (IssueStatus.SPECIFIED, IssueStatus.AGREED)
_OPEN_COMMITMENT = CommitmentStatus.AGREED
_FINISHED = (InitiativeStatus.DONE, InitiativeStatus.DROPPED)


def standing(r: Relationship) -> tuple[Finding, ...]:
    """Every WARNING and INFO finding the current state of ``r`` holds (none depends on
    the time of asking)."""
    if r.stage is Stage.RECOVERED:
        return tuple(_promises(r))
    if r.stage is Stage.LOST:
        found: Iterable[Finding] = (*_ended(r), *_promises(r))
    else:
        found = (
            *_meeting(r),
            *_issues(r),
            *_response(r),
            *_commitments(r),
            *_plan(r),
            *_delays(r),
            *_promises(r),
        )
    return tuple(f for f in found if f.severity is not Severity.ERROR)


def _ended(r: Relationship) -> Iterator[Finding]:
    if r.met_at is not None and r.met_at == r.ended_at:  # lost in the meeting itself
        # what the meeting went ahead without stays on the record, as it did before the end;
        # nothing can be done about it now, so no command is offered
        for before in (*assessment_complete(r), *aligned(r), *_accounts(r)):
            yield attrs.evolve(before, command=None)
        yield from meet_swiftly(r, r.met_at, met=True)
    yield from inspected(r)
    if not r.lessons:
        yield no_lessons(r)


def _meeting(r: Relationship) -> Iterator[Finding]:
    yield from assessment_complete(r)
    met = r.met_at
    if met is None or r.assessed_at is None or r.assessed_at <= met:
        yield from aligned(r)  # an assessment after the meeting needs no new approval
    if r.issues_agreed_at is None:
        yield from _accounts(r)  # the meeting's ground, until the issues are agreed
    if met is not None and r.issues_agreed_at is None:
        yield from meet_swiftly(r, met, met=True)


def _accounts(r: Relationship) -> list[Finding]:
    """The advice on a complete assessment's damage and stakeholders (the meeting waits for
    the rest of it: :func:`assessment_complete`)."""
    if r.assessment is None or r.assessment.missing():
        return []
    return assessment_accounts(r)


def _issues(r: Relationship) -> Iterator[Finding]:
    """What each issue was specified with (an example that is itself a generality), while it
    is specified or agreed."""
    for issue_id, advice in r.issue_advice.items():
        if r.issue(issue_id).status in _KEPT:
            yield from advice


def _commitments(r: Relationship) -> Iterator[Finding]:
    """A commitment or promise still open whose measure is a generality."""
    for c in r.commitments:
        if c.status is _OPEN_COMMITMENT:
            yield from vague_measure(r, c)


def _response(r: Relationship) -> Iterator[Finding]:
    due, promised, agreed = r.response_due, r.response_promised_at, r.issues_agreed_at
    if due is None or promised is None or agreed is None or promised < agreed:
        return
    if r.responded_at is None or r.responded_at < promised:
        yield from not_today(r, due, "the response date")
    sent = r.summary_sent_at
    if sent is not None and sent >= agreed and (r.responded_at is None or r.responded_at < sent):
        yield from summary_promptly(r, sent)
    for move in r.response_moves:
        yield from late_warning(
            r.policy,
            None,
            move.previous_due,
            move.new_due,
            move.at,
            what="the promised response date",
        )


def _plan(r: Relationship) -> Iterator[Finding]:
    """What the current version was proposed with (a plan's content and timing do not
    change until it is revised), and an agreement that chose no option."""
    plan = r._plan  # the header: the advice was found on the whole plan when proposed
    if plan is None:
        return
    for advice in r.plan_advice:  # a plan is on the table now: it is improved by revising it
        proposing = advice.command == "propose_plan"
        yield attrs.evolve(advice, command="revise_plan") if proposing else advice
    if plan.agreed_at is not None and plan.chosen_option is None and plan.options:
        yield finding(
            r.policy,
            Rule.OPTIONS,
            "no option was chosen and the plan has no single preferred option",
            hint="Record which option the client chose.",
        )


def _promises(r: Relationship) -> Iterator[Finding]:
    """Provider promises broken, or kept after their date (000: keeping promises matters
    most): what happened stays on the record, after the end of the case too."""
    for advice in r._promise_advice.values():
        yield from advice


def _delays(r: Relationship) -> Iterator[Finding]:
    """Delays of agreed work told too late, or not later at all, the provider's work
    finished after its date without a warning, and waits on the client that do not say
    what is owed, while the plan is in force."""
    if not r.plan_in_force:
        return
    finished = r._work_advice
    for initiative in r._work:
        if finished and initiative.status in _FINISHED:
            yield from finished.get(initiative.id, ())
        for warning in initiative.delays:
            if warning.new_due <= warning.previous_due:
                yield finding(
                    r.policy,
                    Rule.PLAN_IS_SPECIFIC,
                    f"the new due date {warning.new_due} of initiative {initiative.id} is not"
                    f" after its current one ({warning.previous_due})",
                    initiative.id,
                    "A delay sets a later, firm deadline.",
                )
            if initiative.owner_party is Party.PROVIDER:
                yield from late_warning(
                    r.policy, initiative.id, warning.previous_due, warning.new_due, warning.at
                )
            elif initiative.status in UNFINISHED:
                yield from client_part_moved(
                    r.policy, initiative.id, warning.previous_due, warning.at
                )
        if initiative.on_hold:
            hold = initiative.holds[-1]
            if initiative.owner_party is Party.PROVIDER:  # its due date moves only on resuming
                yield from late_before_waiting(
                    r.policy, initiative.id, initiative.due, counted_from(initiative, hold)
                )
            gaps = [
                n for n, given in (("what", hold.needs.strip()), ("by when", hold.by)) if not given
            ]
            if gaps:
                yield finding(
                    r.policy,
                    Rule.CLIENT_PART,
                    f"the wait on the client for initiative {initiative.id} does not say"
                    f" {' or '.join(gaps)} the client owes",
                    initiative.id,
                    "Be polite but firm: tell the client exactly what you need from them and"
                    " by when.",
                    command="contact_client",
                )
