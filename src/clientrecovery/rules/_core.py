"""What every check shares: building a finding, and the two rules every command meets.

CHRONOLOGY (the time of a command) and STAGE_ORDER (the stages a command runs in) are the
model's own; the checks of the method's steps live in the sibling modules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from clientrecovery._handlers import stage_back
from clientrecovery._validate import is_aware
from clientrecovery.catalogue import Finding, Rule, Severity
from clientrecovery.model import InitiativeStatus, IssueStatus, Party, Stage
from clientrecovery.policy import Policy
from clientrecovery.schedule import span, start_of_day
from clientrecovery.stages import COMMAND_STAGES, route

if TYPE_CHECKING:
    from clientrecovery.relationship import Relationship

__all__ = [
    "ArgCheck",
    "StateCheck",
    "advisory",
    "chronology",
    "days",
    "finding",
    "late_answer",
    "late_warning",
    "not_today",
    "stage_order",
    "steps_to",
]

# A check gives its findings as any iterable; the ones every event of the recovery meets
# return lists (no generator to build when, as usual, there is nothing to say).
StateCheck = Callable[["Relationship"], Iterable[Finding]]
ArgCheck = Callable[["Relationship", Any], Iterable[Finding]]

# The states a command needs, built once: an enum member costs a slow class attribute
# lookup (Enum's metaclass has a __getattr__), and most of these run for every event.
OPEN_ISSUE = (IssueStatus.RAISED, IssueStatus.SPECIFIED)
AGREED_ISSUE = (IssueStatus.AGREED,)
PLANNED = (InitiativeStatus.PLANNED,)
IN_PROGRESS = (InitiativeStatus.IN_PROGRESS,)
UNFINISHED = (InitiativeStatus.PLANNED, InitiativeStatus.IN_PROGRESS)
DONE = InitiativeStatus.DONE
PARTIES = tuple(Party)


def finding(
    policy: Policy,
    rule: Rule,
    message: str,
    subject: str | None = None,
    hint: str = "",
    *,
    command: str | None = None,
    severity: Severity | None = None,
) -> Finding:
    """A finding of ``rule`` at the severity ``policy`` gives it (or ``severity``, for the
    advisory side of a fixed rule); ``command`` resolves it."""
    chosen = policy.severity(rule) if severity is None else severity
    return Finding(rule, chosen, message, subject, hint, command=command)


def advisory(policy: Policy, rule: Rule) -> Severity:
    """The severity ``policy`` gives ``rule``, but never more than a WARNING: for what has
    already happened (work finished late, a promise broken or kept late), which refusing
    the command that records it would not undo, only keep off the record."""
    chosen = policy.severity(rule)
    return Severity.WARNING if chosen is Severity.ERROR else chosen


def days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def chronology(
    r: Relationship | None,
    policy: Policy,
    at: datetime,
    name: str = "at",
    earlier: str = "Record events in the order they happened.",
) -> Iterator[Finding]:
    """CHRONOLOGY: ``at`` (called ``name``) is aware and not before the last recorded event;
    ``earlier`` is the hint when it is before."""
    if not is_aware(at):
        yield finding(
            policy,
            Rule.CHRONOLOGY,
            f"{name}={at.isoformat()} has no time zone",
            hint="Give the time with its time zone, for example in UTC.",
        )
    elif r is not None and at < r.last_event.at:
        last = r.last_event
        yield finding(
            policy,
            Rule.CHRONOLOGY,
            f"{name}={at.isoformat()} is before the last recorded event"
            f" ({type(last).__name__} at {last.at.isoformat()})",
            hint=earlier,
        )


def stage_order(r: Relationship, command: str) -> Iterator[Finding]:
    """STAGE_ORDER: the command belongs to the relationship's stage."""
    allowed = COMMAND_STAGES.get(command)
    if allowed is None:  # "open" on an existing relationship
        yield finding(
            r.policy,
            Rule.STAGE_ORDER,
            f"relationship {r.id} is open already",
            hint="A history opens the relationship once, at its start.",
        )
        return
    if r.stage not in allowed:
        stages = ", ".join(s.name for s in sorted(allowed, key=list(Stage).index))
        path = steps_to(r, command)
        then = path[0] if path else None
        if r.stage.terminal:
            hint = (
                f"the relationship is {r.stage.name}: only contacts, stakeholder updates and"
                " lessons are still recorded"
            )
        elif command == "propose_plan" and r.plan_version:
            hint = f"A plan (version {r.plan_version}) was proposed already: revise it instead."
            ahead = steps_to(r, "revise_plan")
            if ahead:
                hint += f" First: {' → '.join(ahead)}"
            then = ahead[0] if ahead else "revise_plan"
        elif path:
            hint = f"first: {' → '.join(path)}"
        else:
            hint = f"{command} belongs to an earlier stage"
        yield finding(
            r.policy,
            Rule.STAGE_ORDER,
            f"{command} needs the stage {stages}; the relationship is {r.stage.name}",
            hint=hint,
            command=then,
        )
    elif command == "propose_plan" and r.plan_version:
        yield finding(
            r.policy,
            Rule.STAGE_ORDER,
            f"a plan (version {r.plan_version}) was proposed already",
            hint="Put a new version of the plan to the client.",
            command="revise_plan",
        )
    elif command == "revise_plan" and not r.plan_version:
        yield finding(
            r.policy,
            Rule.STAGE_ORDER,
            "there is no plan to revise yet",
            hint="Propose a plan first.",
            command="propose_plan",
        )


def steps_to(r: Relationship, command: str) -> tuple[str, ...] | None:
    """The commands that lead ``r`` to where ``command`` can run, in order, as the stage
    table and the rules of the steps between require; ``None`` if no forward route leads
    there. Of what a command needs within its own stage, only the written summary a plan
    needs is counted here; its other checks say what they need themselves.

    :func:`~clientrecovery.stages.route` gives the commands that change the stage; moving
    on from ISSUES_AGREED needs both the client's commitment and a response date promised
    since the issues were agreed (003 §4-5), and a plan goes out only after a written
    summary of that agreement (003 §6), as a revision once there is a plan. A route that
    agrees the issues again needs the date and the summary again; the client's commitment
    stands. Once every late issue was dropped, agreeing the list again is the whole way
    back to the plan's stage.
    """
    back = stage_back(r) if r.stage is Stage.DISCOVERY else None
    if back is not None:  # the late issues were all dropped: nothing to plan anew
        rest = route(back, command)
        if rest is not None:
            return ("agree_issues", *rest)
    path = route(r.stage, command)
    if path is None:
        return None
    agreed_again = False
    steps: list[str] = []
    for step in (*path, command):
        if step == "agree_issues":
            agreed_again = True
            steps.append(step)
        elif step in ("secure_commitment", "promise_response"):  # ISSUES_AGREED → PLANNING
            if not r.has_client_commitment:
                steps.append("secure_commitment")
            if agreed_again or not _response_promised(r):
                steps.append("promise_response")
        elif step in ("propose_plan", "revise_plan"):  # PLANNING → PLAN_PROPOSED
            if agreed_again or _summary_missing(r):
                steps.append("send_written_summary")
            steps.append("revise_plan" if r.plan_version else "propose_plan")
        else:
            steps.append(step)
    return tuple(steps[:-1])


def _response_promised(r: Relationship) -> bool:
    promised, agreed = r.response_promised_at, r.issues_agreed_at
    return promised is not None and agreed is not None and promised >= agreed


def _summary_missing(r: Relationship) -> bool:
    sent, agreed = r.summary_sent_at, r.issues_agreed_at
    return sent is None or (agreed is not None and sent < agreed)


def _earliest_plan_day(r: Relationship) -> date | None:
    if r.issues_agreed_at is None:
        return None
    return r.policy.local_date(r.issues_agreed_at) + timedelta(days=r.policy.min_days_before_plan)


def not_today(r: Relationship, day: date, what: str) -> list[Finding]:
    earliest = _earliest_plan_day(r)
    if earliest is None or r.issues_agreed_at is None or day >= earliest:
        return []
    agreed = r.policy.local_date(r.issues_agreed_at)
    gap = (day - agreed).days
    when = "the same day as" if gap == 0 else f"{days(gap)} after"
    return [
        finding(
            r.policy,
            Rule.NOT_TODAY,
            f"{what} falls on {day}, {when} the issues were agreed ({agreed}); the policy asks"
            f" for at least {days(r.policy.min_days_before_plan)}",
            hint=f"Take the time to work out a sound approach: {earliest} or later, not {day}.",
        )
    ]


def late_answer(policy: Policy, answered: datetime, due: date) -> Iterator[Finding]:
    """PROMISE_KEPT: the plan reached the client at ``answered``, after the promised ``due``
    (003 §5-6): told when the plan is proposed, and kept in ``findings(now)``."""
    day = policy.local_date(answered)
    if day > due:
        yield finding(
            policy,
            Rule.PROMISE_KEPT,
            f"the plan reached the client on {day}, {days((day - due).days)} after the"
            f" promised {due}",
            hint="Promise conservatively: a date you are sure to meet.",
        )


def late_warning(
    policy: Policy,
    initiative_id: str | None,
    due: date,
    new_due: date,
    at: datetime,
    *,
    what: str = "",
) -> Iterator[Finding]:
    """WARN_AHEAD: a delay from ``due`` to ``new_due`` announced at ``at`` came too late.

    ``what`` names what was delayed when it is not the initiative ``initiative_id``.
    """
    ahead = start_of_day(policy, due) - at
    if ahead < policy.min_warning_lead:
        when = "after the due date" if ahead < timedelta(0) else f"only {span(ahead)} ahead"
        delayed = what or f"initiative {initiative_id}"
        yield finding(
            policy,
            Rule.WARN_AHEAD,
            f"the delay of {delayed} to {new_due} was announced {when}"
            f" (the policy asks for {span(policy.min_warning_lead)})",
            initiative_id,
            "Tell the client as soon as an unforeseen problem puts a date at risk.",
        )
