"""What time says about a relationship: the advisory findings as of a moment.

:func:`findings` reports what is late and by how much, each with what to do next:

- ``WARN_AHEAD``: an initiative past its due date, or a delay announced too late (003 §9);
- ``FOLLOW_UP_CADENCE``: scheduled status checks that were missed (003 §9);
- ``COMMUNICATE_OFTEN``: the client left without contact too long while recovering (003 §10);
- ``STAKEHOLDERS_INFORMED``: an agreed plan nobody told the stakeholders about (001 §7);
- ``PROMISE_KEPT``: the plan later than the promised response date (003 §5-6; 000);
- ``COMMITMENT_FULFILLED``: a commitment past its due date (reported as a WARNING here:
  nothing is refused yet, but closing will be).

All of it is a pure function of the relationship and ``now``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from clientrecovery._validate import is_aware, on_calendar
from clientrecovery.catalogue import Finding, Rule, Severity
from clientrecovery.errors import ChronologyError, InvalidValue
from clientrecovery.model import (
    CommitmentStatus,
    CommunicationKind,
    InitiativeStatus,
    Stage,
)
from clientrecovery.rules import chronology, finding, late_warning
from clientrecovery.schedule import follow_up_days, span, start_of_day

if TYPE_CHECKING:
    from clientrecovery.relationship import Relationship

__all__ = ["cadence_record", "findings", "follow_up_schedule"]

_CLIENT_FACING = (CommunicationKind.CLIENT_CONTACT, CommunicationKind.WRITTEN_SUMMARY)


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def _as_of(r: Relationship, now: datetime, what: str) -> None:
    if not isinstance(now, datetime):
        raise InvalidValue(f"{what}(now=...)", f"must be a datetime, got {type(now).__name__}")
    on_calendar(now, f"{what}(now=...)")
    late = "replay the history up to that moment and ask that relationship"
    problems = list(chronology(r, r.policy, now, name="now", earlier=late))
    if problems:
        raise ChronologyError(what, problems)


def findings(r: Relationship, now: datetime) -> tuple[Finding, ...]:
    """Every advisory finding of ``r`` as of ``now`` (aware, not before the last event)."""
    _as_of(r, now, "findings")
    if r.stage.terminal:
        return ()
    today = r.policy.local_date(now)
    return (
        *_promise(r, today),
        *_deadlines(r, today),
        *_cadence(r, today),
        *_silence(r, now),
        *_stakeholders(r, today),
        *_commitments_due(r, today),
    )


def follow_up_schedule(r: Relationship, until: datetime) -> tuple[datetime, ...]:
    """When status checks are due, from the start of recovery up to ``until``.

    Each is the start of a working day in the policy's time zone; a check done any time
    after the previous scheduled day and on or before that day counts for it.
    """
    if not isinstance(until, datetime):
        raise InvalidValue("follow_up_schedule(until=...)", "must be a datetime")
    if not is_aware(until):
        raise InvalidValue("follow_up_schedule(until=...)", "must be timezone-aware")
    on_calendar(until, "follow_up_schedule(until=...)")
    if r.recovering_since is None:
        return ()
    if r.ended_at is not None:
        until = min(until, r.ended_at)
    policy = r.policy
    start = policy.local_date(r.recovering_since)
    moments = (
        start_of_day(policy, d) for d in follow_up_days(policy, start, policy.local_date(until))
    )
    return tuple(m for m in moments if m <= until)


def _promise(r: Relationship, today: date) -> Iterator[Finding]:
    due, promised = r.response_due, r.response_promised_at
    if due is None or promised is None:
        return
    answered = r.responded_at if r.responded_at and r.responded_at >= promised else None
    if answered is not None:
        late = (r.policy.local_date(answered) - due).days
        if late > 0:
            yield finding(
                r.policy,
                Rule.PROMISE_KEPT,
                f"the plan reached the client on {r.policy.local_date(answered)},"
                f" {_days(late)} after the promised {due}",
                hint="promise conservatively: a date you are sure to meet",
            )
    elif today > due:
        yield finding(
            r.policy,
            Rule.PROMISE_KEPT,
            f"the plan promised for {due} is {_days((today - due).days)} late",
            hint="propose the plan now, or tell the client when it will come and why",
        )


def _deadlines(r: Relationship, today: date) -> Iterator[Finding]:
    if r.stage is not Stage.RECOVERING:
        return
    for initiative in r._work:
        for warning in initiative.delays:
            yield from late_warning(
                r.policy, initiative.id, warning.previous_due, warning.new_due, warning.at
            )
        if initiative.status is InitiativeStatus.DONE or initiative.on_hold:
            continue
        if today > initiative.due:
            warned = " after a warning" if initiative.delays else ", and the client was not warned"
            yield finding(
                r.policy,
                Rule.WARN_AHEAD,
                f"initiative {initiative.id} ({initiative.title!r}) was due {initiative.due}:"
                f" {_days((today - initiative.due).days)} late{warned}",
                initiative.id,
                f"complete it, or warn_delay({initiative.id!r}, new_due=..., reason=...) now",
            )


def cadence_record(r: Relationship, until: date) -> tuple[tuple[date, ...], tuple[date, ...]]:
    """The status checks due from the start of recovery up to ``until`` (inclusive), and
    those of them that were missed: no follow-up after the previous due day and on or
    before that one."""
    if r.recovering_since is None:
        return (), ()
    policy = r.policy
    start = policy.local_date(r.recovering_since)
    checks = sorted(
        policy.local_date(c.at) for c in r.communications if c.kind is CommunicationKind.FOLLOW_UP
    )
    scheduled = tuple(follow_up_days(policy, start, until))
    missed: list[date] = []
    previous = start
    index = 0
    for due in scheduled:
        while index < len(checks) and checks[index] <= previous:
            index += 1
        if not (index < len(checks) and checks[index] <= due):
            missed.append(due)
        previous = due
    return scheduled, tuple(missed)


def _cadence(r: Relationship, today: date) -> Iterator[Finding]:
    if r.stage is not Stage.RECOVERING or r.recovering_since is None:
        return
    policy = r.policy
    _, missed = cadence_record(r, today - timedelta(days=1))
    checks = [c.at for c in r.communications if c.kind is CommunicationKind.FOLLOW_UP]
    if missed:
        last = (
            f"the last one was on {policy.local_date(max(checks))}"
            if checks
            else "none was recorded"
        )
        count = (
            "1 scheduled status check was"
            if len(missed) == 1
            else (f"{len(missed)} scheduled status checks were")
        )
        yield finding(
            policy,
            Rule.FOLLOW_UP_CADENCE,
            f"{count} missed, the latest due {missed[-1]} ({last})",
            hint="follow_up(note=...) on every initiative's status; see follow_up_schedule()",
        )


def _silence(r: Relationship, now: datetime) -> Iterator[Finding]:
    if r.stage is not Stage.RECOVERING or r.recovering_since is None:
        return
    last = r.recovering_since
    for c in reversed(r.communications):
        if c.kind in _CLIENT_FACING:
            last = max(last, c.at)
            break
    silent = now - last
    if silent > r.policy.max_silence:
        yield finding(
            r.policy,
            Rule.COMMUNICATE_OFTEN,
            f"no contact with the client for {span(silent)} (the policy allows"
            f" {span(r.policy.max_silence)})",
            hint="contact_client(...) before they expect it, with the latest on every issue",
        )


def _stakeholders(r: Relationship, today: date) -> Iterator[Finding]:
    plan = r._plan
    if plan is None or plan.agreed_at is None:
        return
    agreed = plan.agreed_at
    if today <= r.policy.local_date(agreed):
        return
    told = any(
        c.kind is CommunicationKind.STAKEHOLDER_UPDATE and c.at >= agreed for c in r.communications
    )
    if not told:
        people = [s.name for s in r.assessment.stakeholders] if r.assessment else []
        who = f" ({', '.join(people)})" if people else ""
        yield finding(
            r.policy,
            Rule.STAKEHOLDERS_INFORMED,
            f"plan version {plan.version}, agreed on {r.policy.local_date(agreed)}, has not been"
            f" shared with the stakeholders{who}",
            hint="inform_stakeholders(audience=[...], summary=...) with what was agreed",
        )


def _commitments_due(r: Relationship, today: date) -> Iterator[Finding]:
    for c in r.commitments:
        if c.status is CommitmentStatus.AGREED and today > c.due:
            yield Finding(
                Rule.COMMITMENT_FULFILLED,
                Severity.WARNING,
                f"the {c.party.value}'s commitment {c.id} ({c.description!r}) was due {c.due}:"
                f" {_days((today - c.due).days)} overdue",
                c.id,
                f"follow it up; then fulfil_commitment({c.id!r}, ...) or"
                f" break_commitment({c.id!r}, ...)",
            )
