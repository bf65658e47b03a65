"""Planning: not today, the written summary first, and a plan that is specific, covers
every issue, starts with a quick win, gives both sides a part, justifies any extra cost and
offers 2-3 options with one win-win preferred (003 §5-8; 001 §6)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

from clientrecovery import events as ev
from clientrecovery._validate import is_aware
from clientrecovery.catalogue import Finding, Rule
from clientrecovery.model import IssueStatus, Stage, TurnaroundPlan
from clientrecovery.policy import Policy
from clientrecovery.rules._core import PARTIES, finding, not_today
from clientrecovery.rules.commitments import client_committed
from clientrecovery.schedule import day_of

if TYPE_CHECKING:
    from clientrecovery.relationship import Relationship

__all__ = [
    "check_agree_plan",
    "check_plan",
    "check_propose_plan",
    "check_revise_plan",
    "summary_sent",
]


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


def _covers(r: Relationship, plan: TurnaroundPlan) -> Iterator[Finding]:
    """PLAN_COVERS_ISSUES: every agreed issue addressed, and only issues that count."""
    p = r.policy
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


def _specific(r: Relationship, today: date, plan: TurnaroundPlan) -> Iterator[Finding]:
    """PLAN_IS_SPECIFIC: an owner, a due date that can be met, a success criterion."""
    p = r.policy
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


def _priorities(p: Policy, plan: TurnaroundPlan) -> Iterator[Finding]:
    """QUICK_WIN_FIRST and BOTH_PARTIES."""
    if not plan.initiatives:
        return
    top = min(i.priority for i in plan.initiatives)
    if not any(i.quick_win for i in plan.initiatives if i.priority == top):
        yield finding(
            p,
            Rule.QUICK_WIN_FIRST,
            f"no initiative of the top priority ({top}) is a quick win",
            hint="put something that shows progress quickly at the top",
        )
    sides = [i.owner_party for i in plan.initiatives]  # found by identity: no hashing
    for side in PARTIES:
        if side not in sides:
            yield finding(
                p,
                Rule.BOTH_PARTIES,
                f"no initiative is the {side.value}'s responsibility",
                hint="say what each side must do for the outcome",
            )


def _cost(p: Policy, plan: TurnaroundPlan) -> Iterator[Finding]:
    """COST_JUSTIFIED: more money asked states its reasons and benefits."""
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


def _options(p: Policy, plan: TurnaroundPlan) -> Iterator[Finding]:
    """OPTIONS and WIN_WIN."""
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
        return
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


def check_plan(r: Relationship, today: date, plan: TurnaroundPlan) -> Iterator[Finding]:
    """Every rule on a plan's content, as proposed on ``today``."""
    p = r.policy
    yield from _covers(r, plan)
    yield from _specific(r, today, plan)
    yield from _priorities(p, plan)
    yield from _cost(p, plan)
    yield from _options(p, plan)


def check_propose_plan(r: Relationship, e: ev.PlanProposed) -> Iterator[Finding]:
    today = day_of(r.policy, e.at)
    if is_aware(e.at):
        yield from not_today(r, today, "the plan")
    yield from check_plan(r, today, e.plan)


def check_revise_plan(r: Relationship, e: ev.PlanRevised) -> Iterator[Finding]:
    today = day_of(r.policy, e.at)
    if r.stage is Stage.PLANNING:
        yield from client_committed(r)
        yield from summary_sent(r)
        if is_aware(e.at):
            yield from not_today(r, today, "the revised plan")
    yield from check_plan(r, today, e.plan)


def check_agree_plan(r: Relationship, e: ev.PlanAgreed) -> Iterator[Finding]:
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
