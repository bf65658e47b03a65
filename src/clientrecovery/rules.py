"""The checks behind the rule catalogue.

:func:`evaluate` runs every rule that bears on one event against the relationship it would
be applied to and returns all findings, so a refusal can list everything that is wrong at
once. :func:`blockers` runs the subset that needs no arguments, for
:meth:`Relationship.next_actions <clientrecovery.Relationship.next_actions>`.

Severities come from the relationship's :class:`~clientrecovery.Policy`; fixed rules keep
their catalogue severity.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from clientrecovery import events as ev
from clientrecovery._validate import is_aware
from clientrecovery.catalogue import Finding, Rule
from clientrecovery.errors import InvalidValue
from clientrecovery.model import (
    CommitmentStatus,
    InitiativeStatus,
    IssueStatus,
    Party,
    Stage,
    TurnaroundPlan,
)
from clientrecovery.policy import Policy
from clientrecovery.schedule import day_of, span, start_of_day
from clientrecovery.stages import COMMAND_STAGES, route

if TYPE_CHECKING:
    from clientrecovery.relationship import Relationship

__all__ = ["blockers", "evaluate"]

E = TypeVar("E", bound=ev.Event)
# A check gives its findings as any iterable; the ones every event of the recovery meets
# return lists (no generator to build when, as usual, there is nothing to say).
StateCheck = Callable[["Relationship"], Iterable[Finding]]
ArgCheck = Callable[["Relationship", Any], Iterable[Finding]]


def finding(
    policy: Policy, rule: Rule, message: str, subject: str | None = None, hint: str = ""
) -> Finding:
    """A finding of ``rule`` at the severity ``policy`` gives it."""
    return Finding(rule, policy.severity(rule), message, subject, hint)


# --- rules that need no arguments: also what blocks a next action -------------------------


def assessment_written(r: Relationship) -> Iterator[Finding]:
    if r.assessment is None:
        yield finding(
            r.policy,
            Rule.ASSESS_FIRST,
            "no assessment of the situation has been written yet",
            hint="assess(Assessment(root_cause=..., timeline=..., stakeholders=...,"
            " implications=..., client_perspective=...))",
        )


def assessment_complete(r: Relationship) -> Iterator[Finding]:
    if r.assessment is None:
        yield from assessment_written(r)
        return
    missing = r.assessment.missing()
    if missing:
        yield finding(
            r.policy,
            Rule.ASSESS_FIRST,
            f"the assessment does not yet say: {', '.join(missing)}",
            hint="assess again with the missing parts before meeting the client",
        )


def aligned(r: Relationship) -> Iterator[Finding]:
    if r.alignment is None:
        yield finding(
            r.policy,
            Rule.ALIGN_FIRST,
            "internal leadership has not approved an approach",
            hint="align_internally(approved_by=...) once leadership has read the assessment",
        )
    elif r.assessed_at is not None and r.alignment.at < r.assessed_at:
        yield finding(
            r.policy,
            Rule.ALIGN_FIRST,
            f"the assessment changed after {r.alignment.approved_by} approved the approach",
            hint="align_internally again on the current assessment",
        )


def issues_specific(r: Relationship) -> Iterator[Finding]:
    for issue in r.issues:
        if issue.status is IssueStatus.RAISED:
            yield finding(
                r.policy,
                Rule.SPECIFIC_ISSUES,
                f"issue {issue.id} ({issue.title!r}) is still a generality",
                issue.id,
                f"specify_issue({issue.id!r}, examples=[...], quantification=...) or"
                f" drop_issue({issue.id!r}, reason=...)",
            )


def list_not_empty(r: Relationship) -> Iterator[Finding]:
    if not any(issue.live for issue in r.issues):
        yield finding(
            r.policy,
            Rule.CLIENT_CONFIRMS_LIST,
            "the list holds no issue",
            hint="raise_issue(...) for each specific problem the client names",
        )


def client_committed(r: Relationship) -> Iterator[Finding]:
    if not any(
        c.party is Party.CLIENT and c.status is not CommitmentStatus.BROKEN for c in r.commitments
    ):
        yield finding(
            r.policy,
            Rule.CLIENT_COMMITMENT,
            "the client has not committed to a measurable outcome",
            hint="secure_commitment(Commitment(Party.CLIENT, description=..., measure=...,"
            " due=...)): a referral, a paid invoice, a renewal, a purchase",
        )


def summary_sent(r: Relationship) -> Iterator[Finding]:
    agreed = r.issues_agreed_at
    if r.summary_sent_at is None or (agreed is not None and r.summary_sent_at < agreed):
        yield finding(
            r.policy,
            Rule.WRITTEN_FOLLOW_UP,
            "no written summary has gone to the client since the issues were agreed",
            hint="send_written_summary(at=...) with the issues, the commitment and the"
            " response date",
        )


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


def issues_resolved(r: Relationship) -> Iterator[Finding]:
    for issue in r.issues:
        if issue.status in (IssueStatus.RAISED, IssueStatus.SPECIFIED, IssueStatus.AGREED):
            yield finding(
                r.policy,
                Rule.ISSUES_RESOLVED,
                f"issue {issue.id} ({issue.title!r}) is not resolved",
                issue.id,
                f"resolve_issue({issue.id!r}, evidence=...) once its initiatives are done and"
                " the client confirms",
            )


def commitment_fulfilled(r: Relationship) -> Iterator[Finding]:
    mine = [c for c in r.commitments if c.party is Party.CLIENT]
    if not mine:
        yield from client_committed(r)
    for c in mine:
        if c.status is CommitmentStatus.AGREED:
            yield finding(
                r.policy,
                Rule.COMMITMENT_FULFILLED,
                f"the client's commitment {c.id} ({c.description!r}) is not yet fulfilled",
                c.id,
                f"fulfil_commitment({c.id!r}, evidence=...) when the client has done it",
            )
        elif c.status is CommitmentStatus.BROKEN:
            yield finding(
                r.policy,
                Rule.COMMITMENT_FULFILLED,
                f"the client broke commitment {c.id} ({c.description!r})",
                c.id,
                "the turnaround did not reach its measured result; end(reason=...) and keep"
                " the lessons",
            )


# --- rules on the command's arguments -----------------------------------------------------


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def _earliest_plan_day(r: Relationship) -> date | None:
    if r.issues_agreed_at is None:
        return None
    return r.policy.local_date(r.issues_agreed_at) + timedelta(days=r.policy.min_days_before_plan)


def not_today(r: Relationship, day: date, what: str) -> Iterator[Finding]:
    earliest = _earliest_plan_day(r)
    if earliest is None or r.issues_agreed_at is None or day >= earliest:
        return
    agreed = r.policy.local_date(r.issues_agreed_at)
    gap = (day - agreed).days
    when = "the same day as" if gap == 0 else f"{_days(gap)} after"
    yield finding(
        r.policy,
        Rule.NOT_TODAY,
        f"{what} falls on {day}, {when} the issues were agreed ({agreed}); the policy asks"
        f" for at least {_days(r.policy.min_days_before_plan)}",
        hint=f"take the time to work out a sound approach: {day:%Y-%m-%d} → {earliest} or later",
    )


def _check_raise_issue(r: Relationship, e: ev.IssueRaised) -> Iterator[Finding]:
    if r.has_issue(e.issue_id):
        raise InvalidValue("raise_issue(id=...)", f"the issue id {e.issue_id!r} is already used")
    return iter(())


def _issue_in(
    r: Relationship, issue_id: str, command: str, allowed: tuple[IssueStatus, ...]
) -> list[Finding]:
    issue = r.issue(issue_id)
    if issue.status in allowed:
        return []
    wanted = " or ".join(s.value for s in allowed)
    return [
        finding(
            r.policy,
            Rule.STAGE_ORDER,
            f"issue {issue_id} is {issue.status.value}; {command} needs it {wanted}",
            issue_id,
        )
    ]


# The states a command needs, built once: an enum member costs a slow class attribute
# lookup (Enum's metaclass has a __getattr__), and most of these run for every event.
_OPEN_ISSUE = (IssueStatus.RAISED, IssueStatus.SPECIFIED)
_AGREED_ISSUE = (IssueStatus.AGREED,)
_PLANNED = (InitiativeStatus.PLANNED,)
_IN_PROGRESS = (InitiativeStatus.IN_PROGRESS,)
_DONE = InitiativeStatus.DONE
_PARTIES = tuple(Party)


def _check_specify_issue(r: Relationship, e: ev.IssueSpecified) -> list[Finding]:
    found = _issue_in(r, e.issue_id, "specify_issue", _OPEN_ISSUE)
    if not any(example.strip() for example in e.examples):
        found.append(
            finding(
                r.policy,
                Rule.SPECIFIC_ISSUES,
                f"issue {e.issue_id} is given no concrete example",
                e.issue_id,
                "ask the client for an example that narrows the complaint down",
            )
        )
    if isinstance(e.quantification, str) and not e.quantification.strip():
        found.append(
            finding(
                r.policy,
                Rule.SPECIFIC_ISSUES,
                f"issue {e.issue_id} is given no measure",
                e.issue_id,
                "pass a Quantification(metric, value, unit) or a written measure",
            )
        )
    return found


def _check_drop_issue(r: Relationship, e: ev.IssueDropped) -> list[Finding]:
    return _issue_in(r, e.issue_id, "drop_issue", _OPEN_ISSUE)


def _check_agree_issues(r: Relationship, e: ev.IssuesAgreed) -> Iterator[Finding]:
    if not e.nothing_missed:
        yield finding(
            r.policy,
            Rule.CLIENT_CONFIRMS_LIST,
            "the client has not confirmed that nothing is missing from the list",
            hint="ask what else is wrong, raise it, then agree_issues(nothing_missed=True)",
        )


def _check_secure_commitment(r: Relationship, e: ev.CommitmentSecured) -> Iterator[Finding]:
    c = e.commitment
    if r.has_commitment(c.id):
        raise InvalidValue("Commitment.id", f"the commitment id {c.id!r} is already used")
    if c.party is not Party.CLIENT:
        yield finding(
            r.policy,
            Rule.CLIENT_COMMITMENT,
            "this commitment is the provider's; the step asks what the client will do",
            c.id,
            "secure a commitment with party=Party.CLIENT",
        )
    if not c.measure.strip():
        yield finding(
            r.policy,
            Rule.CLIENT_COMMITMENT,
            f"commitment {c.id} has no measure",
            c.id,
            "say how both sides will know it was done (an invoice paid, a referral given, …)",
        )
    today = day_of(r.policy, e.at)
    if c.due < today:
        yield finding(
            r.policy,
            Rule.CLIENT_COMMITMENT,
            f"commitment {c.id} is due {c.due}, before it is made ({today})",
            c.id,
        )


def _check_promise_response(r: Relationship, e: ev.ResponsePromised) -> Iterator[Finding]:
    yield from not_today(r, e.by, "the response date")


def _check_plan(r: Relationship, today: date, plan: TurnaroundPlan) -> Iterator[Finding]:
    p = r.policy
    # PLAN_COVERS_ISSUES: every agreed issue addressed, and only issues that count.
    addressed: set[str] = set()
    issues = {issue.id: issue for issue in r.issues}  # one lookup per address, not two
    for initiative in plan.initiatives:
        for issue_id in initiative.addresses:
            addressed.add(issue_id)
            issue = issues.get(issue_id)
            if issue is None:
                yield finding(
                    p,
                    Rule.PLAN_COVERS_ISSUES,
                    f"initiative {initiative.id} addresses {issue_id!r}, which is no issue of"
                    " this relationship",
                    initiative.id,
                )
            elif not issue.live:
                yield finding(
                    p,
                    Rule.PLAN_COVERS_ISSUES,
                    f"initiative {initiative.id} addresses the dropped issue {issue_id}",
                    initiative.id,
                )
    for issue in r.issues:
        if issue.status is IssueStatus.AGREED and issue.id not in addressed:
            yield finding(
                p,
                Rule.PLAN_COVERS_ISSUES,
                f"no initiative addresses issue {issue.id} ({issue.title!r})",
                issue.id,
                f"add an initiative with addresses=({issue.id!r},)",
            )
    # PLAN_IS_SPECIFIC: owner, due date, success criterion.
    done = r.done_initiatives
    for initiative in plan.initiatives:
        gaps = []
        if not initiative.owner.strip():
            gaps.append("owner")
        if not initiative.success_criterion.strip():
            gaps.append("success criterion")
        if gaps:
            yield finding(
                p,
                Rule.PLAN_IS_SPECIFIC,
                f"initiative {initiative.id} names no {' and no '.join(gaps)}",
                initiative.id,
                "name who does it and how both sides will know the issue is resolved",
            )
        if initiative.due < today and initiative.id not in done:
            yield finding(
                p,
                Rule.PLAN_IS_SPECIFIC,
                f"initiative {initiative.id} is due {initiative.due}, before the plan ({today})",
                initiative.id,
                "give it a deadline that can still be met",
            )
    if plan.initiatives:
        top = min(i.priority for i in plan.initiatives)
        if not any(i.quick_win for i in plan.initiatives if i.priority == top):
            yield finding(
                p,
                Rule.QUICK_WIN_FIRST,
                f"no initiative of the top priority ({top}) is a quick win",
                hint="put something that shows progress quickly at the top",
            )
        sides = [i.owner_party for i in plan.initiatives]  # found by identity: no hashing
        for side in _PARTIES:
            if side not in sides:
                yield finding(
                    p,
                    Rule.BOTH_PARTIES,
                    f"no initiative is the {side.value}'s responsibility",
                    hint="say what each side must do for the outcome",
                )
    cost = plan.cost_change
    if cost is not None and cost.amount > 0:
        lacks = [
            name
            for name, items in (("reasons", cost.reasons), ("benefits", cost.benefits))
            if not any(item.strip() for item in items)
        ]
        if lacks:
            yield finding(
                p,
                Rule.COST_JUSTIFIED,
                f"the plan asks {cost.amount} {cost.currency} more without stating its"
                f" {' or '.join(lacks)}",
                hint="a tight proposal says why the cost is needed and what it gives the client",
            )
    # OPTIONS and WIN_WIN.
    n = len(plan.options)
    if not p.options_min <= n <= p.options_max:
        yield finding(
            p,
            Rule.OPTIONS,
            f"the plan offers {n} option{'s' if n != 1 else ''}; the policy asks for"
            f" {p.options_min}-{p.options_max}",
        )
    preferred = [o for o in plan.options if o.preferred]
    if len(preferred) != 1:
        yield finding(
            p,
            Rule.OPTIONS,
            f"{len(preferred)} options are marked preferred; exactly one should be",
            hint="present one option as the preferred way forward",
        )
    else:
        best = preferred[0]
        if best.client_gain <= 0:
            yield finding(
                p,
                Rule.WIN_WIN,
                f"the preferred option {best.id} gains the client nothing",
                best.id,
                "make it the option that puts things right for the client",
            )
        elif best.provider_gain > best.client_gain:
            yield finding(
                p,
                Rule.WIN_WIN,
                f"the preferred option {best.id} is tipped to the provider"
                f" ({best.provider_gain} against the client's {best.client_gain})",
                best.id,
                "the client must not feel they lost something",
            )


def _check_propose_plan(r: Relationship, e: ev.PlanProposed) -> Iterator[Finding]:
    today = day_of(r.policy, e.at)
    if is_aware(e.at):
        yield from not_today(r, today, "the plan")
    yield from _check_plan(r, today, e.plan)


def _check_revise_plan(r: Relationship, e: ev.PlanRevised) -> Iterator[Finding]:
    today = day_of(r.policy, e.at)
    if r.stage is Stage.PLANNING:
        yield from client_committed(r)
        yield from summary_sent(r)
        if is_aware(e.at):
            yield from not_today(r, today, "the revised plan")
    yield from _check_plan(r, today, e.plan)


def _check_agree_plan(r: Relationship, e: ev.PlanAgreed) -> Iterator[Finding]:
    if r.plan is None:
        return
    if e.option_id is not None:
        r.plan.option(e.option_id)
    elif r.plan.options:
        yield finding(
            r.policy,
            Rule.OPTIONS,
            "no option was chosen and the plan has no single preferred option",
            hint="agree_plan(option_id=...) naming the option the client chose",
        )


def _initiative_ready(
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


def _check_start(r: Relationship, e: ev.InitiativeStarted) -> list[Finding]:
    return _initiative_ready(r, e.initiative_id, "start_initiative", _PLANNED)


def _check_complete(r: Relationship, e: ev.InitiativeCompleted) -> list[Finding]:
    return _initiative_ready(r, e.initiative_id, "complete_initiative", _IN_PROGRESS)


_UNFINISHED = (InitiativeStatus.PLANNED, InitiativeStatus.IN_PROGRESS)


def _check_wait(r: Relationship, e: ev.WaitedOnClient) -> list[Finding]:
    return _initiative_ready(r, e.initiative_id, "wait_on_client", _UNFINISHED)


def _check_resume(r: Relationship, e: ev.Resumed) -> Iterator[Finding]:
    if not r.initiative(e.initiative_id).on_hold:
        yield finding(
            r.policy,
            Rule.STAGE_ORDER,
            f"initiative {e.initiative_id} is not waiting on the client",
            e.initiative_id,
        )


def _check_warn_delay(r: Relationship, e: ev.DelayWarned) -> Iterator[Finding]:
    yield from _initiative_ready(r, e.initiative_id, "warn_delay", _UNFINISHED, held=True)
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


def _check_inform(r: Relationship, e: ev.StakeholdersInformed) -> Iterator[Finding]:
    if not e.audience:
        raise InvalidValue("inform_stakeholders(audience=...)", "must name at least one person")
    return iter(())


def _check_resolve(r: Relationship, e: ev.IssueResolved) -> list[Finding]:
    found = _issue_in(r, e.issue_id, "resolve_issue", _AGREED_ISSUE)
    work = r.initiatives_for(e.issue_id)
    if not work:
        found.append(
            finding(
                r.policy,
                Rule.ISSUES_RESOLVED,
                f"no initiative of the plan addresses issue {e.issue_id}",
                e.issue_id,
            )
        )
    pending = [i.id for i in work if i.status is not _DONE]
    if pending:
        found.append(
            finding(
                r.policy,
                Rule.ISSUES_RESOLVED,
                f"issue {e.issue_id} still has work open: {', '.join(pending)}",
                e.issue_id,
                "complete_initiative(...) for each, then resolve the issue",
            )
        )
    return found


def _commitment_open(r: Relationship, commitment_id: str, command: str) -> list[Finding]:
    c = r.commitment(commitment_id)
    if c.status is CommitmentStatus.AGREED:
        return []
    return [
        finding(
            r.policy,
            Rule.STAGE_ORDER,
            f"commitment {commitment_id} is {c.status.value}; {command} needs it agreed",
            commitment_id,
        )
    ]


def _check_fulfil(r: Relationship, e: ev.CommitmentFulfilled) -> list[Finding]:
    return _commitment_open(r, e.commitment_id, "fulfil_commitment")


def _check_break(r: Relationship, e: ev.CommitmentBroken) -> list[Finding]:
    return _commitment_open(r, e.commitment_id, "break_commitment")


def _check_meet(r: Relationship, e: ev.ClientMet) -> Iterator[Finding]:
    if not e.willing:
        yield finding(
            r.policy,
            Rule.SALVAGEABLE,
            "the client does not want to work things out; the relationship ends here",
        )


STATE_CHECKS: Mapping[str, tuple[StateCheck, ...]] = {
    "align_internally": (assessment_written,),
    "meet_client": (assessment_complete, aligned),
    "agree_issues": (issues_specific, list_not_empty),
    "send_written_summary": (client_committed,),
    "propose_plan": (client_committed, summary_sent),
    "start_initiative": (plan_agreed,),
    "complete_initiative": (plan_agreed,),
    "warn_delay": (plan_agreed,),
    "wait_on_client": (plan_agreed,),
    "resume": (plan_agreed,),
    "resolve_issue": (plan_agreed,),
    "close": (plan_agreed, issues_resolved, commitment_fulfilled),
}
"""Rules each command needs of the relationship itself, whatever its arguments."""

ARG_CHECKS: Mapping[type[ev.Event], ArgCheck] = {
    ev.ClientMet: _check_meet,
    ev.IssueRaised: _check_raise_issue,
    ev.IssueSpecified: _check_specify_issue,
    ev.IssueDropped: _check_drop_issue,
    ev.IssuesAgreed: _check_agree_issues,
    ev.CommitmentSecured: _check_secure_commitment,
    ev.ResponsePromised: _check_promise_response,
    ev.PlanProposed: _check_propose_plan,
    ev.PlanRevised: _check_revise_plan,
    ev.PlanAgreed: _check_agree_plan,
    ev.InitiativeStarted: _check_start,
    ev.InitiativeCompleted: _check_complete,
    ev.DelayWarned: _check_warn_delay,
    ev.WaitedOnClient: _check_wait,
    ev.Resumed: _check_resume,
    ev.StakeholdersInformed: _check_inform,
    ev.IssueResolved: _check_resolve,
    ev.CommitmentFulfilled: _check_fulfil,
    ev.CommitmentBroken: _check_break,
}
"""Rules on what a command is given."""


def chronology(
    r: Relationship | None,
    policy: Policy,
    at: datetime,
    name: str = "at",
    earlier: str = "record events in the order they happened",
) -> Iterator[Finding]:
    """CHRONOLOGY: ``at`` (called ``name``) is aware and not before the last recorded event;
    ``earlier`` is the hint when it is before."""
    if not is_aware(at):
        yield finding(
            policy,
            Rule.CHRONOLOGY,
            f"{name}={at.isoformat()} has no time zone",
            hint="pass an aware datetime, e.g. datetime(..., tzinfo=timezone.utc)",
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
            hint="a history holds one RelationshipOpened, at its start",
        )
        return
    if r.stage not in allowed:
        stages = ", ".join(s.name for s in sorted(allowed, key=list(Stage).index))
        path = route(r.stage, command)
        if r.stage.terminal:
            hint = f"the relationship is {r.stage.name} and takes no more commands"
        elif command == "propose_plan" and r.plan_version:
            hint = f"a plan (version {r.plan_version}) was proposed already; revise_plan(...)"
        elif path:
            hint = f"first: {' → '.join(path)}"
        else:
            hint = f"{command} belongs to an earlier stage"
        yield finding(
            r.policy,
            Rule.STAGE_ORDER,
            f"{command} needs the stage {stages}; the relationship is {r.stage.name}",
            hint=hint,
        )
    elif command == "propose_plan" and r.plan_version:
        yield finding(
            r.policy,
            Rule.STAGE_ORDER,
            f"a plan (version {r.plan_version}) was proposed already",
            hint="revise_plan(...) to put a new version to the client",
        )
    elif command == "revise_plan" and not r.plan_version:
        yield finding(
            r.policy,
            Rule.STAGE_ORDER,
            "there is no plan to revise yet",
            hint="propose_plan(...) first",
        )


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
    # The common case first, without the checks' generators: in order, and in stage.
    if at.tzinfo is not None and at.utcoffset() is not None and at >= r.last_event.at:
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
