"""Before and at the client meeting: the situation written down, leadership aligned, the
client met swiftly, and whether the client wants to work things out (001 §1-5; 003 §1;
000)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from clientrecovery import events as ev
from clientrecovery._validate import is_aware
from clientrecovery.catalogue import Finding, Rule, Severity
from clientrecovery.model import Party
from clientrecovery.rules._core import days, finding
from clientrecovery.schedule import days_between

if TYPE_CHECKING:
    from clientrecovery.relationship import Relationship

__all__ = [
    "aligned",
    "assessment_accounts",
    "assessment_complete",
    "assessment_written",
    "check_meet",
    "meet_swiftly",
]


def assessment_written(r: Relationship) -> list[Finding]:
    if r.assessment is not None:
        return []
    return [
        finding(
            r.policy,
            Rule.ASSESS_FIRST,
            "no assessment of the situation has been written yet",
            hint="Write down the root cause, the timeline, everyone concerned, what follows"
            " from the situation and how the client sees it.",
            command="assess",
        )
    ]


def assessment_complete(r: Relationship) -> list[Finding]:
    if r.assessment is None:
        return assessment_written(r)
    missing = r.assessment.missing()
    if not missing:
        return []
    return [
        finding(
            r.policy,
            Rule.ASSESS_FIRST,
            f"the assessment does not yet say: {', '.join(missing)}",
            hint="Complete the assessment with the missing parts before meeting the client.",
            command="assess",
        )
    ]


def aligned(r: Relationship) -> list[Finding]:
    if r.alignment is None:
        return [
            finding(
                r.policy,
                Rule.ALIGN_FIRST,
                "internal leadership has not approved an approach",
                hint="Share the assessment with leadership and agree how to handle the situation.",
                command="align_internally",
            )
        ]
    if r.assessed_at is not None and r.alignment.at < r.assessed_at:
        return [
            finding(
                r.policy,
                Rule.ALIGN_FIRST,
                f"the assessment changed after {r.alignment.approved_by} approved the approach",
                hint="Ask leadership to approve the approach again on the current assessment.",
                command="align_internally",
            )
        ]
    return []


def meet_swiftly(r: Relationship, at: datetime, *, met: bool) -> list[Finding]:
    """MEET_SWIFTLY: the client met at ``at`` (or, unless ``met``, still not met then) within
    the policy's working days of opening the case."""
    p = r.policy
    waited = days_between(p, p.local_date(r.opened_at), p.local_date(at))
    if waited <= p.max_days_to_meet:
        return []
    state = "the client was met" if met else "the client is still not met"
    return [
        finding(
            p,
            Rule.MEET_SWIFTLY,
            f"{state} {days(waited)} (working) after the case was opened; the policy asks"
            f" for {days(p.max_days_to_meet)} at most",
            hint="Bring the situation to the client as soon as possible: a call or a meeting"
            " with the main contact.",
            command=None if met else "meet_client",
        )
    ]


def assessment_accounts(r: Relationship) -> list[Finding]:
    """ASSESS_FIRST, advised: the damage accounted for (001 §3) and someone on the client's
    side among the stakeholders (001 §1), which the meeting needs but does not wait for."""
    a = r.assessment
    if a is None:
        return []
    found = []
    if not a.impacts:
        found.append(
            finding(
                r.policy,
                Rule.ASSESS_FIRST,
                "the assessment accounts for no damage: to the scope, the timeline, the"
                " budget, the contract or the relationship",
                hint="Add what the situation has cost or may cost: it is what leadership"
                " and the client will weigh.",
                command="assess",
                severity=Severity.WARNING,
            )
        )
    if a.stakeholders and all(s.party is not Party.CLIENT for s in a.stakeholders):
        found.append(
            finding(
                r.policy,
                Rule.ASSESS_FIRST,
                "the assessment names no stakeholder on the client's side",
                hint="Name the client's people the situation touches, not only your own.",
                command="assess",
                severity=Severity.WARNING,
            )
        )
    return found


def check_meet(r: Relationship, e: ev.ClientMet) -> list[Finding]:
    found = meet_swiftly(r, e.at, met=True) if is_aware(e.at) else []
    if r.assessment is not None and not r.assessment.missing():
        found.extend(assessment_accounts(r))  # stands until the issues are agreed
    if e.willing:
        return found
    found.append(
        finding(
            r.policy,
            Rule.SALVAGEABLE,
            "the client does not want to work things out; the relationship ends here",
            hint="Part on good terms, and keep what this case taught.",
            command="record_lessons",
        )
    )
    if not r.lessons:
        found.append(
            finding(
                r.policy,
                Rule.LESSONS_KEPT,
                "the case is lost and no lesson is kept",
                hint="Write down what could have been done better, even if you part ways.",
                command="record_lessons",
            )
        )
    return found
