"""Relationships at each stage of the method, for tests to start from."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from clientrecovery import (
    Assessment,
    Commitment,
    Impact,
    ImpactKind,
    Initiative,
    IssueStatus,
    Party,
    Policy,
    Quantification,
    Relationship,
    ResolutionOption,
    Stakeholder,
    TurnaroundPlan,
)

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday


def at(day: int = 0, hour: int = 9, minute: int = 0) -> datetime:
    """``day`` days after T0, at ``hour:minute`` UTC."""
    return T0.replace(hour=hour, minute=minute) + timedelta(days=day)


def day(n: int) -> date:
    return (T0 + timedelta(days=n)).date()


ASSESSMENT = Assessment(
    root_cause="the brief was read two ways",
    timeline="brief in January, rejection in February",
    stakeholders=(
        Stakeholder("Dana Okafor", "marketing director", Party.CLIENT),
        Stakeholder("Pier Novak", "agency director", Party.PROVIDER),
    ),
    implications="the project may be cancelled",
    client_perspective="they feel unheard",
    impacts=(Impact(ImpactKind.TIME, "two design rounds lost", amount=10),),
)

COMMITMENT = Commitment(
    Party.CLIENT, "release the phase-two budget", measure="purchase order signed", due=day(30)
)


def opened(policy: Policy | None = None) -> Relationship:
    return Relationship.open(
        "Halden Foods", trigger="artwork rejected", at=at(0), id="halden", policy=policy or Policy()
    )


def ready_to_meet(policy: Policy | None = None) -> Relationship:
    r = opened(policy).assess(ASSESSMENT, at=at(0, 10))
    return r.align_internally(approved_by="Pier Novak", at=at(0, 11))


def in_discovery(policy: Policy | None = None) -> Relationship:
    return ready_to_meet(policy).meet_client(at=at(1), willing=True)


def with_issues(n: int = 2, policy: Policy | None = None) -> Relationship:
    """DISCOVERY with ``n`` specified issues I1…In."""
    r = in_discovery(policy)
    for k in range(1, n + 1):
        r = r.raise_issue(f"problem {k}", at=at(1, 10))
        r = r.specify_issue(
            f"I{k}",
            examples=[f"example of problem {k}"],
            quantification=Quantification("occurrences", k, "per week"),
            at=at(1, 10),
        )
    return r


def issues_agreed(n: int = 2, policy: Policy | None = None) -> Relationship:
    return with_issues(n, policy).agree_issues(at=at(1, 12), nothing_missed=True)


def planning(n: int = 2, policy: Policy | None = None) -> Relationship:
    r = issues_agreed(n, policy).secure_commitment(COMMITMENT, at=at(1, 13))
    return r.promise_response(by=day(3), at=at(1, 13))


def summary_sent(n: int = 2, policy: Policy | None = None) -> Relationship:
    return planning(n, policy).send_written_summary(at=at(1, 17))


def plan_for(
    r: Relationship, *, due: date | None = None, quick_due: date | None = None
) -> TurnaroundPlan:
    """A plan that satisfies every rule: one provider initiative per agreed issue (the first a
    quick win), a client initiative, and two options with a win-win preferred one.

    Everything is due ``due`` (day 20); the quick win may be due ``quick_due`` instead, as
    QUICK_WIN_FIRST asks when the plan comes within its working days.
    """
    agreed = [i.id for i in r.issues if i.status is IssueStatus.AGREED]
    initiatives = [
        Initiative(
            f"A{k}",
            f"fix {issue_id}",
            (issue_id,),
            Party.PROVIDER,
            "Sam Reyes",
            (quick_due or due or day(20)) if k == 1 else (due or day(20)),
            f"{issue_id} no longer happens",
            priority=k,
            quick_win=k == 1,
        )
        for k, issue_id in enumerate(agreed, start=1)
    ]
    initiatives.append(
        Initiative(
            "CL",
            "one decision-maker for feedback",
            (),
            Party.CLIENT,
            "Dana Okafor",
            due or day(20),
            "one feedback list per round",
            priority=len(agreed) + 1,
        )
    )
    return TurnaroundPlan(
        initiatives=initiatives,
        options=(
            ResolutionOption(
                "redo", "redo at no charge", client_gain=40, provider_gain=30, preferred=True
            ),
            ResolutionOption(
                "partial", "redo part, discount the rest", client_gain=15, provider_gain=10
            ),
        ),
    )


def plan_proposed(n: int = 2, policy: Policy | None = None) -> Relationship:
    r = summary_sent(n, policy)
    return r.propose_plan(plan_for(r), at=at(3))


def recovering(n: int = 2, policy: Policy | None = None) -> Relationship:
    return plan_proposed(n, policy).agree_plan(at=at(3, 12))


def work_done(n: int = 2, policy: Policy | None = None) -> Relationship:
    """RECOVERING with every initiative done and every issue resolved."""
    r = recovering(n, policy)
    assert r.plan is not None
    for initiative in r.plan.initiatives:
        r = r.start_initiative(initiative.id, at=at(4))
    for initiative in r.plan.initiatives:
        r = r.complete_initiative(initiative.id, at=at(5))
    for issue in r.issues:
        r = r.resolve_issue(issue.id, evidence="client confirmed", at=at(6))
    return r


def recovered(n: int = 2, policy: Policy | None = None) -> Relationship:
    r = work_done(n, policy).fulfil_commitment("C1", evidence="PO signed", at=at(7))
    return r.close(at=at(7, 12))


def promises_settled_badly(policy: Policy | None = None) -> Relationship:
    """RECOVERING with the provider's promise P1 broken and P2 kept three days late."""
    r = recovering(policy=policy)
    for description, due in (("hand-over notes", day(5)), ("a call with the CMO", day(5))):
        r = r.promise(Commitment(Party.PROVIDER, description, "done", due), at=at(3, 13))
    r = r.break_commitment("P1", reason="no time", at=at(6))
    return r.fulfil_commitment("P2", evidence="called", at=at(8))


def work_finished_late(policy: Policy | None = None) -> Relationship:
    """RECOVERING with the provider's A1 completed and A2 dropped after their date (day 20),
    the client never warned."""
    r = recovering(policy=policy).start_initiative("A1", at=at(4))
    r = r.complete_initiative("A1", at=at(22))
    return r.drop_initiative("A2", reason="no longer needed", at=at(23))
