"""Planning: not today, the written summary first, and a plan that is specific, covers
every issue, starts with a quick win, gives both sides a part, justifies any extra cost and
offers 2-3 options with one win-win preferred (003 §5-8; 001 §6)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import TYPE_CHECKING

from clientrecovery import events as ev
from clientrecovery._pause import clock_due
from clientrecovery._records import replace
from clientrecovery._validate import is_aware
from clientrecovery.catalogue import Finding, Rule, Severity
from clientrecovery.model import (
    CostChange,
    InitiativeStatus,
    IssueStatus,
    Party,
    Stage,
    TurnaroundPlan,
)
from clientrecovery.policy import Policy
from clientrecovery.rules._core import (
    PARTIES,
    UNFINISHED,
    days,
    finding,
    late_answer,
    late_warning,
    not_today,
)
from clientrecovery.rules.commitments import client_committed
from clientrecovery.rules.issues import vague
from clientrecovery.schedule import _day_of, after_days, days_between

if TYPE_CHECKING:
    from clientrecovery.relationship import Relationship

# Members read for every issue or initiative, as module names (see rules._core.OPEN_ISSUE).
_AGREED = IssueStatus.AGREED
_DONE = InitiativeStatus.DONE
_WARNING = Severity.WARNING

__all__ = [
    "check_agree_plan",
    "check_plan",
    "check_propose_plan",
    "check_revise_plan",
    "check_summary",
    "summary_promptly",
    "summary_sent",
]


def summary_sent(r: Relationship) -> Iterator[Finding]:
    agreed = r.issues_agreed_at
    if r.summary_sent_at is None or (agreed is not None and r.summary_sent_at < agreed):
        yield finding(
            r.policy,
            Rule.WRITTEN_FOLLOW_UP,
            "no written summary has gone to the client since the issues were agreed",
            hint="Send the client a written summary of the issues, their commitment and the"
            " date of your response.",
            command="send_written_summary",
        )


def summary_promptly(r: Relationship, at: datetime) -> Iterator[Finding]:
    """SUMMARY_PROMPTLY: the summary sent at ``at`` within the policy's working days of the
    agreement."""
    p = r.policy
    if r.issues_agreed_at is None:
        return
    waited = days_between(p, p.local_date(r.issues_agreed_at), p.local_date(at))
    if waited > p.max_days_to_summary:
        yield finding(
            p,
            Rule.SUMMARY_PROMPTLY,
            f"the written summary went out {days(waited)} (working) after the issues were"
            f" agreed; the policy asks for {days(p.max_days_to_summary)} at most",
            hint="Send the summary as soon as possible after the meeting, while it is fresh.",
        )


def check_summary(r: Relationship, e: ev.WrittenSummarySent) -> Iterator[Finding]:
    if is_aware(e.at):
        yield from summary_promptly(r, e.at)


def _covers(r: Relationship, plan: TurnaroundPlan) -> list[Finding]:
    """PLAN_COVERS_ISSUES: every agreed issue addressed, and only issues that count."""
    found: list[Finding] = []
    p = r.policy
    addressed: set[str] = set()
    issues = {issue.id: issue for issue in r.issues}  # one lookup per address, not two
    for initiative in plan.initiatives:
        for issue_id in initiative.addresses:
            addressed.add(issue_id)
            issue = issues.get(issue_id)
            if issue is None:
                found.append(
                    finding(
                        p,
                        Rule.PLAN_COVERS_ISSUES,
                        f"initiative {initiative.id} addresses {issue_id!r}, which is no issue of"
                        " this relationship",
                        initiative.id,
                        "Address the issues the client agreed, by their ids; a new problem is"
                        " raised and agreed with the client first.",
                    )
                )
            elif not issue.live:
                found.append(
                    finding(
                        p,
                        Rule.PLAN_COVERS_ISSUES,
                        f"initiative {initiative.id} addresses the dropped issue {issue_id}",
                        initiative.id,
                        "Leave the dropped issue out, or raise it again with the client.",
                    )
                )
    for issue in r.issues:
        if issue.status is _AGREED and issue.id not in addressed:
            found.append(
                finding(
                    p,
                    Rule.PLAN_COVERS_ISSUES,
                    f"no initiative addresses issue {issue.id} ({issue.title!r})",
                    issue.id,
                    "Add an initiative that addresses it.",
                )
            )
    return found


def _specific(r: Relationship, today: date, plan: TurnaroundPlan) -> list[Finding]:
    """PLAN_IS_SPECIFIC: an owner, a due date that can be met, a success criterion."""
    found: list[Finding] = []
    p = r.policy
    done: set[str] | None = None  # the current plan's work done, found once if needed
    for initiative in plan.initiatives:
        gaps = []
        if not initiative.owner.strip():
            gaps.append("owner")
        if not initiative.success_criterion.strip():
            gaps.append("success criterion")
        if gaps:
            found.append(
                finding(
                    p,
                    Rule.PLAN_IS_SPECIFIC,
                    f"initiative {initiative.id} names no {' and no '.join(gaps)}",
                    initiative.id,
                    "Name who does it and how both sides will know the issue is resolved.",
                )
            )
        why = vague(initiative.success_criterion)
        if why is not None and initiative.success_criterion.strip():
            found.append(
                finding(
                    p,
                    Rule.SPECIFIC_ISSUES,
                    f"the success criterion of initiative {initiative.id} {why}",
                    initiative.id,
                    "Say what both sides will be able to count or see when the issue is resolved.",
                    severity=_WARNING,
                )
            )
        if initiative.due < today:
            if done is None:
                done = {i.id for i in r._work if i.status is _DONE}
            if initiative.id in done:
                continue
            found.append(
                finding(
                    p,
                    Rule.PLAN_IS_SPECIFIC,
                    f"initiative {initiative.id} is due {initiative.due}, before the plan"
                    f" ({today})",
                    initiative.id,
                    "Give it a deadline that can still be met.",
                )
            )
    return found


def _priorities(p: Policy, today: date, plan: TurnaroundPlan) -> list[Finding]:
    """QUICK_WIN_FIRST (a quick win at the top, due soon) and BOTH_PARTIES."""
    found: list[Finding] = []
    if not plan.initiatives:
        return found
    top = min(i.priority for i in plan.initiatives)
    wins = [i for i in plan.initiatives if i.priority == top and i.quick_win]
    if not wins:
        found.append(
            finding(
                p,
                Rule.QUICK_WIN_FIRST,
                f"no initiative of the top priority ({top}) is a quick win",
                hint="Put something that shows progress quickly at the top of the plan.",
            )
        )
    else:
        soon = after_days(p, today, p.quick_win_within)
        if all(i.due > soon for i in wins):
            first = min(wins, key=lambda i: i.due)
            found.append(
                finding(
                    p,
                    Rule.QUICK_WIN_FIRST,
                    f"the quick win {first.id} is due {first.due}, more than"
                    f" {days(p.quick_win_within)} (working) after the plan ({today})",
                    first.id,
                    "Choose a first step the client will see done within days, not months.",
                )
            )
    sides = [i.owner_party for i in plan.initiatives]  # found by identity: no hashing
    for side in PARTIES:
        if side not in sides:
            found.append(
                finding(
                    p,
                    Rule.BOTH_PARTIES,
                    f"no initiative is the {side.value}'s responsibility",
                    hint="Say what each side must do for the outcome.",
                )
            )
    return found


def _cost(p: Policy, plan: TurnaroundPlan) -> list[Finding]:
    """COST_JUSTIFIED: more money asked, by the plan or an option, states its reasons and
    benefits."""
    found: list[Finding] = []
    asks: list[tuple[str, str | None, CostChange | None]] = [("the plan", None, plan.cost_change)]
    asks += [(f"option {o.id}", o.id, o.cost_change) for o in plan.options]
    for who, subject, cost in asks:
        if cost is None or cost.amount <= 0:
            continue
        lacks = [
            name
            for name, items in (("reasons", cost.reasons), ("benefits", cost.benefits))
            if not any(item.strip() for item in items)
        ]
        if lacks:
            found.append(
                finding(
                    p,
                    Rule.COST_JUSTIFIED,
                    f"{who} asks {cost.amount} {cost.currency} more without stating its"
                    f" {' or '.join(lacks)}",
                    subject,
                    "Say why the extra cost is needed and what it gives the client.",
                )
            )
    return found


def _options(p: Policy, plan: TurnaroundPlan) -> list[Finding]:
    """OPTIONS and WIN_WIN."""
    found: list[Finding] = []
    n = len(plan.options)
    if not p.options_min <= n <= p.options_max:
        found.append(
            finding(
                p,
                Rule.OPTIONS,
                f"the plan offers {n} option{'s' if n != 1 else ''}; the policy asks for"
                f" {p.options_min}-{p.options_max}",
                hint="Offer two or three ways forward.",
            )
        )
    preferred = [o for o in plan.options if o.preferred]
    if len(preferred) != 1:
        found.append(
            finding(
                p,
                Rule.OPTIONS,
                f"{len(preferred)} options are marked preferred; exactly one should be",
                hint="Present one option as the way forward you recommend.",
            )
        )
        return found
    best = preferred[0]
    if best.client_gain <= 0:
        found.append(
            finding(
                p,
                Rule.WIN_WIN,
                f"the preferred option {best.id} gains the client nothing",
                best.id,
                "Recommend the option that puts things right for the client.",
            )
        )
    elif best.provider_gain > best.client_gain:
        found.append(
            finding(
                p,
                Rule.WIN_WIN,
                f"the preferred option {best.id} is tipped to the provider"
                f" ({best.provider_gain} against the client's {best.client_gain})",
                best.id,
                "Make sure the client does not feel they lost something.",
            )
        )
    richer = [o for o in plan.options if o.client_gain > best.client_gain]
    if richer:
        other = max(richer, key=lambda o: o.client_gain)
        found.append(
            finding(
                p,
                Rule.WIN_WIN,
                f"the preferred option {best.id} gives the client {best.client_gain}, less than"
                f" option {other.id} ({other.client_gain})",
                best.id,
                "Recommend the option that gives the client the most, or improve it.",
            )
        )
    return found


def check_plan(r: Relationship, today: date, plan: TurnaroundPlan) -> list[Finding]:
    """Every rule on a plan's content, as proposed on ``today``; each finding is resolved by
    putting a better plan to the client (``propose_plan``, or ``revise_plan`` once there is
    one)."""
    p = r.policy
    fix = "revise_plan" if r.plan_version else "propose_plan"
    # (a copy: the finding's values were checked when it was made, fix is a command)
    return [
        found if found.command else replace(found, command=fix)
        for found in (
            *_covers(r, plan),
            *_specific(r, today, plan),
            *_priorities(p, today, plan),
            *_cost(p, plan),
            *_options(p, plan),
        )
    ]


def check_propose_plan(r: Relationship, e: ev.PlanProposed) -> list[Finding]:
    today = _day_of(r.policy, e.at)
    found = not_today(r, today, "the plan") if is_aware(e.at) else []
    found.extend(check_plan(r, today, e.plan))
    found.extend(_answers_late(r, e))
    return found


def _answers_late(r: Relationship, e: ev.PlanProposed | ev.PlanRevised) -> Iterator[Finding]:
    """PROMISE_KEPT: the plan that answers the promised response date comes after it (as
    ``findings(now)`` will say once it is recorded)."""
    due, promised = r.response_due, r.response_promised_at
    answers = r.stage is Stage.PLANNING and due is not None and promised is not None
    if answers and due is not None and promised is not None and is_aware(e.at) and e.at >= promised:
        yield from late_answer(r.policy, e.at, due)


def check_revise_plan(r: Relationship, e: ev.PlanRevised) -> Iterator[Finding]:
    today = _day_of(r.policy, e.at)
    if r.stage is Stage.PLANNING:
        yield from client_committed(r)
        yield from summary_sent(r)
        if is_aware(e.at):
            yield from not_today(r, today, "the revised plan")
    yield from check_plan(r, today, e.plan)
    yield from _answers_late(r, e)
    if is_aware(e.at):
        yield from _moves_later(r, e)


def _moves_later(r: Relationship, e: ev.PlanRevised) -> Iterator[Finding]:
    """WARN_AHEAD: a revision moving agreed, unfinished work later is a delay (003 §9),
    judged by the date its paused clock stands at if it waits on the client."""
    for new in e.plan.initiatives:
        if not r.agreed_initiative(new.id):
            continue
        old = r.initiative(new.id)
        if old.status in UNFINISHED and new.due > old.due and old.owner_party is Party.PROVIDER:
            due = clock_due(r.policy, old, e.at)
            yield from late_warning(r.policy, old.id, due, new.due, e.at)


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
            hint="Record which option the client chose.",
        )
