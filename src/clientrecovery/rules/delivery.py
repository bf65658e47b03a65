"""Delivery of the agreed plan: work only on what the client agreed, deadlines met or
delays warned ahead, and the provider's clock paused while the client owes its part
(003 §8-9; 003 final comments). Delivery goes on while a late issue is discovered (000)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from clientrecovery import events as ev
from clientrecovery._pause import clock_due, counted_from
from clientrecovery._validate import is_aware
from clientrecovery.catalogue import Finding, Rule, Severity
from clientrecovery.model import Initiative, InitiativeStatus, Party
from clientrecovery.rules._core import (
    IN_PROGRESS,
    PLANNED,
    UNFINISHED,
    advisory,
    days,
    finding,
    late_warning,
)
from clientrecovery.schedule import _day_of

if TYPE_CHECKING:
    from datetime import date, datetime

    from clientrecovery.policy import Policy
    from clientrecovery.relationship import Relationship

# Members read for every wait, as module names (see rules._core.OPEN_ISSUE).
_CLIENT = Party.CLIENT
_PROVIDER = Party.PROVIDER
_WARN_AHEAD = Rule.WARN_AHEAD

__all__ = [
    "check_complete",
    "check_drop",
    "check_resume",
    "check_start",
    "check_wait",
    "check_warn_delay",
    "client_part_moved",
    "finished_late",
    "initiative_ready",
    "late_before_waiting",
    "late_warning",
    "plan_agreed",
    "plan_in_force",
]


def plan_agreed(r: Relationship) -> list[Finding]:
    """CLIENT_AGREES_PLAN: the current version of the plan is agreed."""
    if r.plan_agreed:
        return []
    return _unagreed(r)


def plan_in_force(r: Relationship) -> list[Finding]:
    """CLIENT_AGREES_PLAN: some version of the plan was agreed, and its work may go on."""
    if r.plan_in_force:
        return []
    return _unagreed(r)


def _unagreed(r: Relationship) -> list[Finding]:
    if not r.plan_version:
        return [
            finding(
                r.policy,
                Rule.CLIENT_AGREES_PLAN,
                "there is no plan yet",
                hint="Work starts once the client has agreed a plan.",
            )
        ]
    return [
        finding(
            r.policy,
            Rule.CLIENT_AGREES_PLAN,
            f"the client has not agreed version {r.plan_version} of the plan",
            hint="Get the client's agreement to the plan first.",
            command="agree_plan",
        )
    ]


def initiative_ready(
    r: Relationship,
    initiative_id: str,
    command: str,
    allowed: tuple[InitiativeStatus, ...],
    *,
    held: bool = False,
    initiative: Initiative | None = None,
) -> list[Finding]:
    """The initiative belongs to agreed work (CLIENT_AGREES_PLAN), is in one of the
    ``allowed`` states, and is not on hold unless ``held`` (STAGE_ORDER). ``initiative`` is
    the one with that id, when the caller already found it."""
    if initiative is None:
        initiative = r.initiative(initiative_id)
    # Agreed work first: the plan's being in force is asked only of work that is not (the
    # command's state check asked it already). The id found the initiative, so it is one:
    # the set is asked directly, without agreed_initiative's test of what it was given.
    unagreed = initiative_id not in r._agreed_work and r.plan_in_force
    if not unagreed and initiative.status in allowed and (held or not initiative.on_hold):
        return []  # the usual case, in a replay above all: nothing to say
    found = []
    if unagreed:
        found.append(
            finding(
                r.policy,
                Rule.CLIENT_AGREES_PLAN,
                f"initiative {initiative_id} is new in plan version {r.plan_version}, which the"
                " client has not agreed yet",
                initiative_id,
                "Get the client's agreement to the revised plan before starting its new work.",
                command="agree_plan",
            )
        )
    if initiative.status not in allowed:
        wanted = " or ".join(s.value for s in allowed)
        found.append(
            finding(
                r.policy,
                Rule.STAGE_ORDER,
                f"initiative {initiative_id} is {initiative.status.value}; {command} needs it"
                f" {wanted}",
                initiative_id,
                _WORK_NEXT[initiative.status][0],
                command=_WORK_NEXT[initiative.status][1],
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
                "Resume the work once the client has done its part.",
                command="resume",
            )
        )
    return found


def check_start(r: Relationship, e: ev.InitiativeStarted) -> list[Finding]:
    return initiative_ready(r, e.initiative_id, "start_initiative", PLANNED)


def check_complete(r: Relationship, e: ev.InitiativeCompleted) -> list[Finding]:
    initiative = r.initiative(e.initiative_id)
    found = initiative_ready(
        r, e.initiative_id, "complete_initiative", IN_PROGRESS, initiative=initiative
    )
    found.extend(finished_late(r.policy, initiative, e.at, "completed"))
    return found


def check_drop(r: Relationship, e: ev.InitiativeDropped) -> list[Finding]:
    initiative = r.initiative(e.initiative_id)
    found = initiative_ready(
        r, e.initiative_id, "drop_initiative", UNFINISHED, held=True, initiative=initiative
    )
    found.extend(finished_late(r.policy, initiative, e.at, "dropped"))
    return found


def check_wait(r: Relationship, e: ev.WaitedOnClient) -> list[Finding]:
    initiative = r.initiative(e.initiative_id)
    found = initiative_ready(
        r, e.initiative_id, "wait_on_client", UNFINISHED, initiative=initiative
    )
    owner = initiative.owner_party
    if owner is _CLIENT:
        found.append(
            finding(
                r.policy,
                Rule.STAGE_ORDER,
                f"initiative {e.initiative_id} is the client's own work: there is nothing to"
                " wait for",
                e.initiative_id,
                "Remind the client of their part, with what exactly is needed and by when.",
                command="contact_client",
            )
        )
    if owner is _PROVIDER and is_aware(e.at):
        found.extend(late_before_waiting(r.policy, initiative.id, initiative.due, e.at))
    if e.by is not None and e.needs.strip():
        return found
    gaps = [name for name, given in (("what", e.needs.strip()), ("by when", e.by)) if not given]
    if gaps:
        found.append(
            finding(
                r.policy,
                Rule.CLIENT_PART,
                f"the wait on the client for initiative {e.initiative_id} does not say"
                f" {' or '.join(gaps)} the client owes",
                e.initiative_id,
                "Be polite but firm: tell the client exactly what you need from them and by when.",
                command="contact_client",
            )
        )
    return found


def check_resume(r: Relationship, e: ev.Resumed) -> list[Finding]:
    if r.initiative(e.initiative_id).on_hold:
        return []
    return [
        finding(
            r.policy,
            Rule.STAGE_ORDER,
            f"initiative {e.initiative_id} is not waiting on the client",
            e.initiative_id,
            "Only work waiting on the client resumes: record the wait first (wait_on_client).",
        )
    ]


# What to do next with an initiative, by its status, when a command needs it in another one.
_WORK_NEXT: dict[InitiativeStatus, tuple[str, str | None]] = {
    InitiativeStatus.PLANNED: ("Start it first (start_initiative).", "start_initiative"),
    InitiativeStatus.IN_PROGRESS: (
        "It is under way: complete it, or warn the client of a delay.",
        "complete_initiative",
    ),
    InitiativeStatus.DONE: (
        "It is done; new work for it goes into a revised plan (revise_plan).",
        "revise_plan",
    ),
    InitiativeStatus.DROPPED: (
        "It was dropped; bring it back in a revised plan (revise_plan).",
        "revise_plan",
    ),
}


def check_warn_delay(r: Relationship, e: ev.DelayWarned) -> Iterator[Finding]:
    yield from initiative_ready(r, e.initiative_id, "warn_delay", UNFINISHED, held=True)
    initiative = r.initiative(e.initiative_id)
    # While the work waits on the client its clock is paused: the date it is judged by is
    # the one the wait has moved so far (003 final comments; 003 §9).
    due = clock_due(r.policy, initiative, e.at) if is_aware(e.at) else initiative.due
    if e.new_due <= due:
        yield finding(
            r.policy,
            Rule.PLAN_IS_SPECIFIC,
            f"the new due date {e.new_due} of initiative {initiative.id} is not after its"
            f" current one ({due})",
            initiative.id,
            "A delay sets a later, firm deadline.",
        )
    # The client asking for more time on its own part is not the provider warning late; but
    # once that part is past its date, moving the date hides the client's lateness.
    if is_aware(e.at) and initiative.owner_party is Party.PROVIDER:
        yield from late_warning(r.policy, initiative.id, due, e.new_due, e.at)
    elif is_aware(e.at):
        yield from client_part_moved(r.policy, initiative.id, initiative.due, e.at)


def late_before_waiting(
    policy: Policy, initiative_id: str, due: date, at: datetime
) -> list[Finding]:
    """WARN_AHEAD: the provider's work was already late when it began to wait on the client
    (003 §9): the wait pauses its clock from now, it does not excuse the days before."""
    day = _day_of(policy, at)
    if day <= due:
        return []
    return _late_on(
        policy,
        _WARN_AHEAD,
        initiative_id,
        due,
        day,
        "initiative {id} was due {due} and was {late} late when it began to wait on the client",
        "Tell the client now when it will be done and why: the wait does not excuse the days"
        " it was late before.",
    )


def finished_late(policy: Policy, initiative: Initiative, at: datetime, verb: str) -> list[Finding]:
    """WARN_AHEAD: the provider's work ``verb`` (completed or dropped) at ``at``, after its
    current due date, with the client not warned of it (003 §9: meet the deadline or warn
    well ahead). Said when it happens, and kept while the plan is in force, as a delay told
    too late is.

    The days it waited on the client are not the provider's: its due date moved by them
    when it resumed, and work dropped while it waits is counted up to the start of the
    wait (or of the last delay told during it), as :func:`late_before_waiting` counts it.
    """
    if (
        initiative.owner_party is not Party.PROVIDER
        or initiative.status not in UNFINISHED
        or not is_aware(at)
    ):
        return []
    delays = initiative.delays
    unwarned = (
        "; the client was not warned again after the delay to {new_due}"
        if delays
        else "; the client was never warned"
    )
    stopped = at  # when the provider's clock stopped
    message = "initiative {id} was due {due} and was {verb} {late} late" + unwarned
    if initiative.on_hold:  # since the wait began, or the last delay told during it
        stopped = counted_from(initiative, initiative.holds[-1])
        message = (
            "initiative {id} was due {due} and was {late} late when it began to wait on the"
            " client, and was then {verb}" + unwarned
        )
    day = _day_of(policy, stopped)
    if day <= initiative.due:
        return []
    return _late_on(
        policy,
        _WARN_AHEAD,
        initiative.id,
        initiative.due,
        day,
        message,
        "It stays on the record: tell the client plainly what happened and why, and next"
        " time warn them as soon as a date is at risk.",
        severity=advisory(policy, _WARN_AHEAD),
        verb=verb,
        new_due=delays[-1].new_due if delays else None,
    )


def client_part_moved(policy: Policy, initiative_id: str, due: date, at: datetime) -> list[Finding]:
    """CLIENT_PART: the client's part was moved on after its date had passed (003 final
    comments): the client is reminded, quantified, and never "warned" of its own lateness."""
    day = _day_of(policy, at)
    if day <= due:
        return []
    return _late_on(
        policy,
        Rule.CLIENT_PART,
        initiative_id,
        due,
        day,
        "the client's part {id} was due {due} and was {late} late when its date was moved",
        "Remind the client, politely but firmly and quantified, of what they owe and by when;"
        " a delay warning is the provider's, for its own work.",
    )


def _late_on(
    policy: Policy,
    rule: Rule,
    initiative_id: str,
    due: date,
    day: date,
    message: str,
    hint: str,
    *,
    severity: Severity | None = None,
    **fields: object,
) -> list[Finding]:
    """``rule``'s finding of work due ``due`` and found late on ``day``, after it, its
    ``message`` a template of the initiative's ``{id}``, its ``{due}`` date, by how much it
    is ``{late}`` and any other ``fields``; the client is the one to tell (``severity`` as
    :func:`~clientrecovery.rules._core.finding` takes it).

    The callers compare the day with the due date first and call this only when it is
    late: formatting a date was most of a wait's check in a replay, where the work is nearly
    always on time, and this call, once that was gone, a quarter of finding it on time."""
    text = message.format(id=initiative_id, due=due, late=days((day - due).days), **fields)
    return [
        finding(
            policy, rule, text, initiative_id, hint, command="contact_client", severity=severity
        )
    ]
