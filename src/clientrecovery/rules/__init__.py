"""The checks behind the rule catalogue, one module per part of the method.

- :mod:`~clientrecovery.rules.meeting`: the situation assessed, leadership aligned, the
  client met (001 §1-5; 000);
- :mod:`~clientrecovery.rules.issues`: issues made specific and the list agreed (003 §1-3);
- :mod:`~clientrecovery.rules.commitments`: the client's commitment and the provider's
  promises (003 §4-5; 000);
- :mod:`~clientrecovery.rules.planning`: the written summary and the plan (003 §5-8; 001 §6);
- :mod:`~clientrecovery.rules.delivery`: working the agreed plan (003 §8-9);
- :mod:`~clientrecovery.rules.communication`: keeping everyone told (001 §7; 003 §10; the
  time-based findings are :mod:`clientrecovery.clock`'s);
- :mod:`~clientrecovery.rules.closing`: resolving issues, closing, and ending with the
  situation inspected and the lessons kept (003 §4, §7; 004);
- :mod:`~clientrecovery.rules.standing`: the warnings the current state still holds, for
  :meth:`Relationship.findings <clientrecovery.Relationship.findings>`.

:func:`evaluate` runs every rule that bears on one event against the relationship it would
be applied to and returns all findings, so a refusal can list everything that is wrong at
once. :func:`blockers` runs the subset that needs no arguments, for
:meth:`Relationship.next_actions <clientrecovery.Relationship.next_actions>`.

Severities come from the relationship's :class:`~clientrecovery.Policy`; fixed rules keep
their catalogue severity.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import timezone
from typing import TYPE_CHECKING

from clientrecovery import events as ev
from clientrecovery.catalogue import Finding
from clientrecovery.errors import InvalidValue
from clientrecovery.model import Stage
from clientrecovery.policy import Policy
from clientrecovery.rules import closing, commitments, communication, delivery, issues, meeting
from clientrecovery.rules import planning as plans
from clientrecovery.rules._core import (
    ArgCheck,
    StateCheck,
    chronology,
    finding,
    late_warning,
    stage_order,
)
from clientrecovery.stages import COMMAND_STAGES

if TYPE_CHECKING:
    from clientrecovery.relationship import Relationship

__all__ = [
    "ARG_CHECKS",
    "STATE_CHECKS",
    "blockers",
    "chronology",
    "evaluate",
    "finding",
    "late_warning",
]

STATE_CHECKS: Mapping[str, tuple[StateCheck, ...]] = {
    "align_internally": (meeting.assessment_written,),
    "meet_client": (meeting.assessment_complete, meeting.aligned),
    "agree_issues": (issues.issues_specific, issues.list_not_empty),
    "send_written_summary": (commitments.client_committed,),
    "propose_plan": (commitments.client_committed, plans.summary_sent),
    "start_initiative": (delivery.plan_in_force,),
    "complete_initiative": (delivery.plan_in_force,),
    "warn_delay": (delivery.plan_in_force,),
    "wait_on_client": (delivery.plan_in_force,),
    "resume": (delivery.plan_in_force,),
    "drop_initiative": (delivery.plan_in_force,),
    "resolve_issue": (delivery.plan_agreed,),
    "close": (delivery.plan_agreed, closing.issues_resolved, closing.commitment_fulfilled),
}
"""Rules each command needs of the relationship itself, whatever its arguments."""

ARG_CHECKS: Mapping[type[ev.Event], ArgCheck] = {
    ev.ClientMet: meeting.check_meet,
    ev.IssueRaised: issues.check_raise_issue,
    ev.IssueSpecified: issues.check_specify_issue,
    ev.IssueDropped: issues.check_drop_issue,
    ev.IssuesAgreed: issues.check_agree_issues,
    ev.CommitmentSecured: commitments.check_secure_commitment,
    ev.PromiseMade: commitments.check_promise,
    ev.WrittenSummarySent: plans.check_summary,
    ev.ResponsePromised: commitments.check_promise_response,
    ev.PlanProposed: plans.check_propose_plan,
    ev.PlanRevised: plans.check_revise_plan,
    ev.PlanAgreed: plans.check_agree_plan,
    ev.InitiativeStarted: delivery.check_start,
    ev.InitiativeCompleted: delivery.check_complete,
    ev.DelayWarned: delivery.check_warn_delay,
    ev.WaitedOnClient: delivery.check_wait,
    ev.Resumed: delivery.check_resume,
    ev.InitiativeDropped: delivery.check_drop,
    ev.StakeholdersInformed: communication.check_inform,
    ev.IssueResolved: closing.check_resolve,
    ev.CommitmentFulfilled: commitments.check_fulfil,
    ev.CommitmentBroken: commitments.check_break,
    ev.RelationshipClosed: closing.check_close,
    ev.RelationshipEnded: closing.check_end,
    ev.LessonsRecorded: closing.check_record_lessons,
}
"""Rules on what a command is given."""

_PLAN_COMMANDS = frozenset({"propose_plan", "revise_plan"})  # stage_order checks more of these


def _no_arg_check(r: Relationship, e: ev.Event) -> list[Finding]:
    return []


# What evaluate needs of each kind of event, in one lookup: its command, the stages it may
# run in (a tuple: a stage is found by identity, without Enum's Python-level hash), whether
# stage_order has more to check, its state checks, and its argument check.
_EVALUATION: Mapping[
    type[ev.Event], tuple[str, tuple[Stage, ...], bool, tuple[StateCheck, ...], ArgCheck]
] = {
    kind: (
        kind.command,
        tuple(COMMAND_STAGES.get(kind.command, ())),
        kind.command in _PLAN_COMMANDS,
        STATE_CHECKS.get(kind.command, ()),
        ARG_CHECKS.get(kind, _no_arg_check),
    )
    for kind in ev.EVENT_TYPES
}


def evaluate(r: Relationship | None, event: ev.Event, policy: Policy) -> list[Finding]:
    """Every finding of applying ``event`` to ``r`` (``None`` before the relationship opens)."""
    at = event.at
    if r is None:
        return list(chronology(r, policy, at))
    # The common case first, without the checks' generators: in order, and in stage. An
    # event's time has a fixed offset (see events._instant), so it is aware if it has one.
    if type(at.tzinfo) is timezone and at >= r.last_event.at:
        found = []
    else:
        found = list(chronology(r, policy, at))
    evaluation = _EVALUATION.get(type(event))
    if evaluation is None:
        raise InvalidValue(
            "event",
            f"{type(event).__name__} is not one of the method's events"
            " (clientrecovery.events.EVENT_TYPES)",
        )
    command, allowed, more, state_checks, arg_check = evaluation
    if more or r.stage not in allowed:
        found.extend(stage_order(r, command))
    for check in state_checks:
        found.extend(check(r))
    found.extend(arg_check(r, event))
    return found


def blockers(r: Relationship, command: str) -> Iterable[Finding]:
    """The findings that would refuse ``command`` now, whatever its arguments."""
    found = [*stage_order(r, command)]
    for check in STATE_CHECKS.get(command, ()):
        found.extend(check(r))
    return [f for f in found if f.severity.value == "error"]
