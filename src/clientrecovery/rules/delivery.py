"""Delivery of the agreed plan: work only on what the client agreed, deadlines met or
delays warned ahead, and the provider's clock paused while the client owes its part
(003 §8-9; 003 final comments)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from clientrecovery import events as ev
from clientrecovery._validate import is_aware
from clientrecovery.catalogue import Finding, Rule
from clientrecovery.model import InitiativeStatus
from clientrecovery.policy import Policy
from clientrecovery.rules._core import IN_PROGRESS, PLANNED, UNFINISHED, finding
from clientrecovery.schedule import span, start_of_day

if TYPE_CHECKING:
    from clientrecovery.relationship import Relationship

__all__ = [
    "check_complete",
    "check_resume",
    "check_start",
    "check_wait",
    "check_warn_delay",
    "initiative_ready",
    "late_warning",
    "plan_agreed",
]


def plan_agreed(r: Relationship) -> list[Finding]:
    if r.plan_agreed:
        return []
    if not r.plan_version:
        return [finding(r.policy, Rule.CLIENT_AGREES_PLAN, "there is no plan yet")]
    return [
        finding(
            r.policy,
            Rule.CLIENT_AGREES_PLAN,
            f"the client has not agreed version {r.plan_version} of the plan",
            hint="agree_plan(at=...) once the client accepts it",
        )
    ]


def initiative_ready(
    r: Relationship,
    initiative_id: str,
    command: str,
    allowed: tuple[InitiativeStatus, ...],
    *,
    held: bool = False,
) -> list[Finding]:
    """STAGE_ORDER: the initiative is in one of the ``allowed`` states, and not on hold
    unless ``held`` (the command may run while the client owes its part)."""
    initiative = r.initiative(initiative_id)
    found = []
    if initiative.status not in allowed:
        wanted = " or ".join(s.value for s in allowed)
        found.append(
            finding(
                r.policy,
                Rule.STAGE_ORDER,
                f"initiative {initiative_id} is {initiative.status.value}; {command} needs it"
                f" {wanted}",
                initiative_id,
            )
        )
    if not held and initiative.holds and initiative.on_hold:
        hold = initiative.holds[-1]
        found.append(
            finding(
                r.policy,
                Rule.STAGE_ORDER,
                f"initiative {initiative_id} waits on the client ({hold.reason}); {command}"
                " needs it resumed",
                initiative_id,
                f"resume({initiative_id!r}, at=...) once the client has done its part",
            )
        )
    return found


def check_start(r: Relationship, e: ev.InitiativeStarted) -> list[Finding]:
    return initiative_ready(r, e.initiative_id, "start_initiative", PLANNED)


def check_complete(r: Relationship, e: ev.InitiativeCompleted) -> list[Finding]:
    return initiative_ready(r, e.initiative_id, "complete_initiative", IN_PROGRESS)


def check_wait(r: Relationship, e: ev.WaitedOnClient) -> list[Finding]:
    return initiative_ready(r, e.initiative_id, "wait_on_client", UNFINISHED)


def check_resume(r: Relationship, e: ev.Resumed) -> Iterator[Finding]:
    if not r.initiative(e.initiative_id).on_hold:
        yield finding(
            r.policy,
            Rule.STAGE_ORDER,
            f"initiative {e.initiative_id} is not waiting on the client",
            e.initiative_id,
        )


def check_warn_delay(r: Relationship, e: ev.DelayWarned) -> Iterator[Finding]:
    yield from initiative_ready(r, e.initiative_id, "warn_delay", UNFINISHED, held=True)
    initiative = r.initiative(e.initiative_id)
    if e.new_due <= initiative.due:
        yield finding(
            r.policy,
            Rule.PLAN_IS_SPECIFIC,
            f"the new due date {e.new_due} of initiative {initiative.id} is not after its"
            f" current one ({initiative.due})",
            initiative.id,
            "a delay sets a later, hard deadline",
        )
    if is_aware(e.at):
        yield from late_warning(r.policy, initiative.id, initiative.due, e.new_due, e.at)


def late_warning(
    policy: Policy, initiative_id: str, due: date, new_due: date, at: datetime
) -> Iterator[Finding]:
    """WARN_AHEAD: a delay from ``due`` to ``new_due`` announced at ``at`` came too late."""
    ahead = start_of_day(policy, due) - at
    if ahead < policy.min_warning_lead:
        when = "after the due date" if ahead < timedelta(0) else f"only {span(ahead)} ahead"
        yield finding(
            policy,
            Rule.WARN_AHEAD,
            f"the delay of initiative {initiative_id} to {new_due} was announced {when}"
            f" (the policy asks for {span(policy.min_warning_lead)})",
            initiative_id,
            "tell the client as soon as an unforeseen problem puts a deadline at risk",
        )
