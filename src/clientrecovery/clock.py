"""What time says about a relationship: the advisory findings as of a moment.

:func:`findings` reports what is late and by how much, each with what to do next:

- ``MEET_SWIFTLY``: the client not met within the policy's working days (001 §4-5);
- ``SUMMARY_PROMPTLY``: the written summary not sent within its working days (003 §6);
- ``WARN_AHEAD``: agreed provider work past its due date, or a delay announced too late
  (003 §9);
- ``CLIENT_PART``: the client's agreed part late, or a wait on the client too long (003 final);
- ``FOLLOW_UP_CADENCE``: scheduled status checks that were missed (003 §9);
- ``COMMUNICATE_OFTEN``: no proactive contact for too long after the meeting (003 §10);
- ``STAKEHOLDERS_INFORMED``: an agreed plan, a revision or a delay nobody told the
  stakeholders about (001 §7);
- ``PROMISE_KEPT``: the plan later than the promised response date, or a provider promise
  past its date (003 §5-6; 000);
- ``COMMITMENT_FULFILLED``: the client's commitment past its due date (reported as a WARNING
  here: nothing is refused yet, but closing will be);

and, with them, the standing findings of the current state
(:mod:`clientrecovery.rules.standing`), among them a provider promise broken or kept late,
and provider work completed or dropped late without a warning. The warnings of delivery
keep running while a late issue is discovered. All of it is a pure function of the
relationship and ``now``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from clientrecovery._validate import is_aware, off_calendar, on_calendar
from clientrecovery.catalogue import Finding, Rule, Severity
from clientrecovery.errors import ChronologyError, InvalidValue
from clientrecovery.model import (
    CommitmentStatus,
    CommunicationKind,
    InitiativeStatus,
    Party,
    Stage,
    Stakeholder,
)
from clientrecovery.rules import chronology, finding
from clientrecovery.rules._core import late_answer, steps_to
from clientrecovery.rules.meeting import meet_swiftly
from clientrecovery.rules.standing import standing
from clientrecovery.schedule import business_days_between, follow_up_days, span, start_of_day
from clientrecovery.stages import COMMAND_STAGES

if TYPE_CHECKING:
    from clientrecovery.model import Commitment, Hold, Initiative
    from clientrecovery.relationship import Relationship

__all__ = ["after_end", "as_of", "cadence_record", "findings", "follow_up_schedule"]

_CLIENT_FACING = (CommunicationKind.CLIENT_CONTACT, CommunicationKind.WRITTEN_SUMMARY)
_NEW_DATE = COMMAND_STAGES["promise_response"]  # where the response date can be moved


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def as_of(r: Relationship, now: datetime, what: str) -> None:
    """Refuse a ``now`` that is not an aware datetime in the recorded years, not before the
    last event (``what`` names the query in the error)."""
    if not isinstance(now, datetime):
        raise InvalidValue(f"{what}(now=...)", f"must be a datetime, got {type(now).__name__}")
    if is_aware(now) and off_calendar(now) is None and now >= r.last_event.at:
        return  # the common case, without building the messages of the checks below
    on_calendar(now, f"{what}(now=...)")
    late = "replay the history up to that moment and ask that relationship"
    problems = list(chronology(r, r.policy, now, name="now", earlier=late))
    if problems:
        raise ChronologyError(what, problems)


def findings(r: Relationship, now: datetime) -> tuple[Finding, ...]:
    """Every advisory finding of ``r`` as of ``now`` (aware, not before the last event)."""
    as_of(r, now, "findings")
    if r.stage.terminal:  # only what stands after the end, and promises still open
        promises = tuple(c for c in r.commitments if c.party is Party.PROVIDER)
        return after_end(r, now, standing(r), promises)
    held = r._cached("standing", lambda: standing(r))
    today = r.policy.local_date(now)
    return (
        *_meeting(r, now),
        *_summary(r, today),
        *_promise(r, today),
        *_deadlines(r, today),
        *_cadence(r, today),
        *_silence(r, now),
        *_stakeholders(r, today),
        *_commitments_due(r, today),
        *held,
    )


def after_end(
    r: Relationship, now: datetime, held: tuple[Finding, ...], promises: tuple[Commitment, ...]
) -> tuple[Finding, ...]:
    """The findings of a closed or lost ``r`` as of ``now``: its standing findings ``held``
    and, of its provider ``promises``, those past due (``now`` is checked by the caller)."""
    if not promises:
        return held
    return (*held, *_promises_due(r, r.policy.local_date(now), promises))


def _meeting(r: Relationship, now: datetime) -> Iterator[Finding]:
    if r.stage is Stage.ASSESSING:
        yield from meet_swiftly(r, now, met=False)


def _summary(r: Relationship, today: date) -> Iterator[Finding]:
    agreed, sent = r.issues_agreed_at, r.summary_sent_at
    if r.stage is not Stage.PLANNING or agreed is None or (sent is not None and sent >= agreed):
        return
    p = r.policy
    waited = business_days_between(p, p.local_date(agreed), today)
    if waited > p.max_days_to_summary:
        yield finding(
            p,
            Rule.SUMMARY_PROMPTLY,
            f"no written summary {_days(waited)} (working) after the issues were agreed; the"
            f" policy asks for {_days(p.max_days_to_summary)} at most",
            hint="Send the client the written summary now.",
            command="send_written_summary",
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
        yield from late_answer(r.policy, answered, due)
    elif today > due:
        plan = "propose_plan" if r.plan is None else "revise_plan"
        ahead = steps_to(r, plan)
        if ahead:  # the plan cannot go out yet: offer the first step that can run
            hint = (
                f"Before the plan can go out: {' → '.join(ahead)}; meanwhile tell the client"
                " when it will come and why"
                + (" (a new date: promise_response)." if r.stage in _NEW_DATE else ".")
            )
            command = ahead[0]
        else:
            hint, command = "Send the plan now, or tell the client when it will come and why.", plan
        yield finding(
            r.policy,
            Rule.PROMISE_KEPT,
            f"the plan promised for {due} is {_days((today - due).days)} late",
            hint=hint,
            command=command,
        )


_FINISHED = (InitiativeStatus.DONE, InitiativeStatus.DROPPED)


def _deadlines(r: Relationship, today: date) -> Iterator[Finding]:
    """Agreed work past its date while the plan is in force: the provider's is a WARN_AHEAD,
    the client's a CLIENT_PART (remind the client; never "warn" them of their own lateness).

    Work a revision adds is no one's deadline until the client agrees that version (003 §8):
    until then it may not even start, and the revision awaiting agreement has its own
    findings.
    """
    if not r.plan_in_force:
        return
    p = r.policy
    for initiative in r._work:
        if initiative.status in _FINISHED or not r.agreed_initiative(initiative.id):
            continue
        if initiative.on_hold:
            yield from _waiting(r, initiative.id, initiative.holds[-1], today)
            continue
        if today <= initiative.due:
            continue
        late = _days((today - initiative.due).days)
        if initiative.owner_party is Party.CLIENT:
            yield finding(
                p,
                Rule.CLIENT_PART,
                f"the client's part {initiative.id} ({initiative.title!r}) was due"
                f" {initiative.due}: {late} late",
                initiative.id,
                "Remind the client, politely but firmly, of what they agreed to do and by when.",
                command="contact_client",
            )
            continue
        warned = " after a warning" if initiative.delays else ", and the client was not warned"
        yield finding(
            p,
            Rule.WARN_AHEAD,
            f"initiative {initiative.id} ({initiative.title!r}) was due {initiative.due}:"
            f" {late} late{warned}",
            initiative.id,
            "Finish it, or tell the client now when it will be done and why.",
            command="warn_delay",
        )


def _waiting(r: Relationship, initiative_id: str, hold: Hold, today: date) -> Iterator[Finding]:
    """CLIENT_PART: what a wait says the client owes, past its date or waited on too long."""
    p = r.policy
    owed = f" ({hold.needs})" if hold.needs.strip() else ""
    if hold.by is not None and today > hold.by:
        yield finding(
            p,
            Rule.CLIENT_PART,
            f"the client owed{owed} for initiative {initiative_id} by {hold.by}:"
            f" {_days((today - hold.by).days)} late",
            initiative_id,
            "Remind the client of exactly what is needed and by when.",
            command="contact_client",
        )
    waited = business_days_between(p, p.local_date(hold.started_at), today)
    if waited > p.max_wait:
        yield finding(
            p,
            Rule.CLIENT_PART,
            f"initiative {initiative_id} has waited on the client for {_days(waited)}"
            f" (working); the policy allows {_days(p.max_wait)}",
            initiative_id,
            "Follow the wait up with the client, or agree a new plan for this work.",
            command="contact_client",
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
    if not r.plan_in_force or r.recovering_since is None:
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
            hint="Check the status of every initiative now, then keep to the schedule.",
            command="follow_up",
        )


def _silence(r: Relationship, now: datetime) -> Iterator[Finding]:
    """COMMUNICATE_OFTEN: after the meeting, only the provider's proactive contacts count,
    and putting the plan to the client and agreeing it with them (003 §8: a meeting)."""
    if r.met_at is None:
        return
    last = r.met_at
    for c in reversed(r.communications):
        if c.at <= last:
            break
        if c.kind in _CLIENT_FACING and c.proactive:
            last = c.at
            break
    plan = r._plan
    if plan is not None:
        for moment in (plan.proposed_at, plan.agreed_at):
            if moment is not None and last < moment <= now:
                last = moment
    silent = now - last
    if silent > r.policy.max_silence:
        yield finding(
            r.policy,
            Rule.COMMUNICATE_OFTEN,
            f"no proactive contact with the client for {span(silent)} (the policy allows"
            f" {span(r.policy.max_silence)})",
            hint="Contact the client before they expect it, with the latest on every issue.",
            command="contact_client",
        )


def _news(r: Relationship) -> tuple[datetime, Initiative | None] | None:
    """The latest change the stakeholders must hear of: the plan agreed (or a revision put to
    the client), or a delay warned, with its initiative (001 §7: "including any changes")."""
    plan = r._plan
    if plan is None or r.recovering_since is None:
        return None
    latest = plan.agreed_at or plan.proposed_at
    if latest is None:  # pragma: no cover - a plan is proposed when it is recorded
        return None
    delayed: Initiative | None = None
    for initiative in r._work:
        if initiative.delays and initiative.delays[-1].at > latest:
            latest, delayed = initiative.delays[-1].at, initiative
    return latest, delayed


def _stakeholders(r: Relationship, today: date) -> Iterator[Finding]:
    latest = _news(r)
    if latest is None:
        return
    at, delayed = latest
    day = r.policy.local_date(at)
    if today <= day:
        return
    told: list[str] = []
    for c in reversed(r.communications):
        if c.at < at:
            break
        if c.kind is CommunicationKind.STAKEHOLDER_UPDATE:
            told.extend(c.audience)
    stakeholders = r.assessment.stakeholders if r.assessment else ()
    if told:
        # Told, unless a stakeholder of the client's side is in no update's audience: the
        # client's people are those the recovery is for (001 §7); the provider's own are
        # the leadership that approved the approach.
        heard = {_plain(name) for name in told}
        untold = [s.name for s in stakeholders if s.party is Party.CLIENT and not _named(s, heard)]
        if not untold:
            return
        yield finding(
            r.policy,
            Rule.STAKEHOLDERS_INFORMED,
            f"{_what(r, delayed)} {day}, was shared with {', '.join(told)} but not with the"
            f" client's {', '.join(untold)}",
            hint="Tell everyone on the client's side who is concerned, not only some of them.",
            command="inform_stakeholders",
        )
        return
    people = [s.name for s in stakeholders]
    who = f" ({', '.join(people)})" if people else ""
    yield finding(
        r.policy,
        Rule.STAKEHOLDERS_INFORMED,
        f"{_what(r, delayed)} {day}, has not been shared with the stakeholders{who}",
        hint="Tell everyone concerned what was agreed and what changed.",
        command="inform_stakeholders",
    )


def _plain(name: str) -> str:
    return " ".join(name.casefold().split())


def _named(stakeholder: Stakeholder, heard: set[str]) -> bool:
    """Whether an audience names ``stakeholder``: by full name, first name or role."""
    name = _plain(stakeholder.name)
    first = name.split(" ")[0] if name else ""
    return bool({name, first, _plain(stakeholder.role)} & heard)


def _what(r: Relationship, delayed: Initiative | None) -> str:
    if delayed is not None:
        return f"the delay of {delayed.id} to {delayed.delays[-1].new_due}, told on"
    plan = r._plan
    version = plan.version if plan is not None else 0
    state = "agreed" if plan is not None and plan.agreed_at is not None else "proposed"
    return f"plan version {version}, {state} on"


def _commitments_due(r: Relationship, today: date) -> Iterator[Finding]:
    """The client's commitments past due (the provider's are :func:`_promises_due`)."""
    for c in r.commitments:
        if c.party is Party.CLIENT and c.status is CommitmentStatus.AGREED and today > c.due:
            yield Finding(
                Rule.COMMITMENT_FULFILLED,
                Severity.WARNING,
                f"the client's commitment {c.id} ({c.description!r}) was due {c.due}:"
                f" {_days((today - c.due).days)} overdue",
                c.id,
                "Follow it up with the client, then record it as kept or broken.",
                command="fulfil_commitment",
            )
    yield from _promises_due(r, today, r.commitments)


def _promises_due(
    r: Relationship, today: date, commitments: Iterable[Commitment]
) -> Iterator[Finding]:
    """PROMISE_KEPT: every provider promise kept by its date (000: deliver on promises)."""
    ended = r.stage.terminal
    for c in commitments:
        if c.party is Party.PROVIDER and c.status is CommitmentStatus.AGREED and today > c.due:
            yield finding(
                r.policy,
                Rule.PROMISE_KEPT,
                f"the provider's promise {c.id} ({c.description!r}) was due {c.due}:"
                f" {_days((today - c.due).days)} overdue"
                + (f", and the case ended ({r.stage.name}) with it open" if ended else ""),
                c.id,
                # Once the case has ended a commitment is no longer recorded kept or broken:
                # what is left is to tell the client what became of it.
                "The case has ended: tell the client plainly what became of this promise."
                if ended
                else "Keep the promise now, or tell the client honestly when it will be kept.",
                command="contact_client" if ended else "fulfil_commitment",
            )
