"""Standing findings: the advisory findings of the relationship's current state.

A warning that :meth:`Relationship.check <clientrecovery.Relationship.check>` gives for a
command does not vanish once the command runs: :func:`standing` finds it again in the state
the command left, for as long as that state holds (the plan without a quick win until it is
revised, a wait on the client that does not say what is owed until work resumes, a lost case
without lessons until they are recorded). :meth:`Relationship.findings
<clientrecovery.Relationship.findings>` reports them with the time-based ones. ERROR
findings are not repeated here: the command that would break them is refused.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from clientrecovery.catalogue import Finding, Rule, Severity
from clientrecovery.model import IssueStatus, Party, Stage
from clientrecovery.rules._core import finding, late_warning, not_today
from clientrecovery.rules.closing import inspected, no_lessons
from clientrecovery.rules.issues import vague_parts
from clientrecovery.rules.meeting import aligned, assessment_complete, meet_swiftly
from clientrecovery.rules.planning import check_plan, summary_promptly, summary_sent

if TYPE_CHECKING:
    from clientrecovery.relationship import Relationship

__all__ = ["standing"]

_KEPT = (IssueStatus.SPECIFIED, IssueStatus.AGREED)


def standing(r: Relationship) -> tuple[Finding, ...]:
    """Every WARNING and INFO finding the current state of ``r`` holds (none depends on
    the time of asking)."""
    if r.stage is Stage.LOST:
        found: Iterable[Finding] = _ended(r)
    elif r.stage.terminal:
        found = ()
    else:
        found = (
            *_meeting(r),
            *_issues(r),
            *_response(r),
            *_plan(r),
            *_delays(r),
        )
    return tuple(f for f in found if f.severity is not Severity.ERROR)


def _ended(r: Relationship) -> Iterator[Finding]:
    if r.met_at is not None and r.met_at == r.ended_at:  # lost in the meeting itself
        yield from meet_swiftly(r, r.met_at, met=True)
    yield from inspected(r)
    if not r.lessons:
        yield no_lessons(r)


def _meeting(r: Relationship) -> Iterator[Finding]:
    yield from assessment_complete(r)
    met = r.met_at
    if met is None or r.assessed_at is None or r.assessed_at <= met:
        yield from aligned(r)  # an assessment after the meeting needs no new approval
    if met is not None and r.issues_agreed_at is None:
        yield from meet_swiftly(r, met, met=True)


def _issues(r: Relationship) -> Iterator[Finding]:
    for issue in r.issues:
        if issue.status in _KEPT:
            yield from vague_parts(r, issue.id, issue.title, issue.examples, issue.quantification)


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
    plan = r.plan
    if plan is None or plan.proposed_at is None:
        return
    day = r.policy.local_date(plan.proposed_at)
    yield from check_plan(r, day, plan)
    agreed = r.issues_agreed_at
    if agreed is not None and plan.proposed_at >= agreed and r.responded_at == plan.proposed_at:
        yield from not_today(r, day, "the plan")
        yield from summary_sent(r)
    if plan.agreed_at is not None and plan.chosen_option is None and plan.options:
        yield finding(
            r.policy,
            Rule.OPTIONS,
            "no option was chosen and the plan has no single preferred option",
            hint="Record which option the client chose.",
        )


def _delays(r: Relationship) -> Iterator[Finding]:
    """Delays of agreed work told too late, or not later at all, and waits on the client
    that do not say what is owed, while the plan is in force."""
    if not r.plan_in_force:
        return
    for initiative in r.plan.initiatives if r.plan is not None else ():
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
        if initiative.on_hold:
            hold = initiative.holds[-1]
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
