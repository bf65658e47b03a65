"""Hypothesis strategies: one per model type, and relationships driven through the real API."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from hypothesis import strategies as st

from clientrecovery import (
    Assessment,
    Commitment,
    CommitmentStatus,
    CostChange,
    EndCause,
    Impact,
    ImpactKind,
    Initiative,
    InitiativeStatus,
    IssueCategory,
    IssueStatus,
    Party,
    Policy,
    Quantification,
    Relationship,
    ResolutionOption,
    Rule,
    Severity,
    Stage,
    Stakeholder,
    TurnaroundPlan,
)
from clientrecovery.stages import COMMAND_STAGES
from tests.builders import T0

T = TypeVar("T")
Draw = Callable[[st.SearchStrategy[T]], T]


words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=1, max_size=20).filter(
    lambda s: s.strip() != ""
)
names = st.sampled_from(["Dana Okafor", "Pier Novak", "Sam Reyes", "Ana Lim", "Jo Park"])
parties = st.sampled_from(Party)
amounts = st.decimals(min_value=-10_000, max_value=10_000, places=2, allow_nan=False)
gains = st.decimals(min_value=0, max_value=1_000, places=0, allow_nan=False)
zones = st.sampled_from(["UTC", "Europe/London", "Australia/Sydney", "America/New_York"])


def aware_datetimes(start: datetime = T0, days: int = 400) -> st.SearchStrategy[datetime]:
    return st.integers(0, days * 24 * 60).map(lambda m: start + timedelta(minutes=m))


dates = st.dates(min_value=date(2026, 1, 1), max_value=date(2027, 12, 31))
stakeholders = st.builds(Stakeholder, names, words, parties, persona=st.just("") | words)
impacts = st.builds(Impact, st.sampled_from(ImpactKind), words, st.none() | amounts)
assessments = st.builds(
    Assessment,
    words,
    words,
    st.lists(stakeholders, min_size=1, max_size=3),
    words,
    words,
    st.lists(impacts, max_size=2),
)
quantifications = st.builds(Quantification, words, amounts, st.sampled_from(["", "per week"]))
commitments = st.builds(
    Commitment, st.just(Party.CLIENT), words, words, dates, st.none() | st.just("K1")
)
options = st.builds(ResolutionOption, words, words, gains, gains, st.booleans())
cost_changes = st.builds(
    CostChange, amounts, st.just("EUR"), st.lists(words, max_size=2), st.lists(words, max_size=2)
)
initiatives = st.builds(
    Initiative,
    words,
    words,
    st.lists(st.sampled_from(["I1", "I2", "I3"]), max_size=2),
    parties,
    names,
    dates,
    words,
    st.integers(1, 5),
    st.booleans(),
)
plans = st.builds(
    TurnaroundPlan,
    st.lists(initiatives, max_size=4, unique_by=lambda i: i.id),
    st.lists(options, max_size=4, unique_by=lambda o: o.id),
    st.none() | cost_changes,
)
policies = st.builds(
    Policy,
    timezone=zones,
    min_days_before_plan=st.integers(0, 2),
    severities=st.dictionaries(
        st.sampled_from([r for r in Rule if not r.fixed]), st.sampled_from(Severity), max_size=3
    ),
)

# --- driving a relationship through its commands --------------------------------------------

STEPS = [timedelta(0), timedelta(hours=1), timedelta(hours=7), timedelta(days=1), timedelta(days=2)]
COMMANDS = tuple(COMMAND_STAGES)


def _pick(draw: Draw[Any], ids: list[str], valid: bool) -> str:
    if not valid:
        ids = [*ids, "X9"]
    return draw(st.sampled_from(ids)) if ids else "X9"


def plan_from(r: Relationship, draw: Draw[Any], now: datetime, valid: bool) -> TurnaroundPlan:
    """A plan for the relationship's agreed issues; with ``valid=False`` possibly flawed."""
    due = r.policy.local_date(now) + timedelta(days=draw(st.integers(5, 30)))
    agreed = [i.id for i in r.issues if i.status is IssueStatus.AGREED]
    work = [
        Initiative(f"A{n}", f"fix {i}", (i,), Party.PROVIDER, "Sam", due, "gone", n, n == 1)
        for n, i in enumerate(agreed, start=1)
    ]
    work.append(Initiative("CL", "client part", (), Party.CLIENT, "Dana", due, "done", 9))
    offers = [
        ResolutionOption("a", "redo", client_gain=10, provider_gain=5, preferred=True),
        ResolutionOption("b", "discount", client_gain=5, provider_gain=2),
    ]
    if not valid:
        flaw = draw(st.sampled_from(["none", "uncovered", "no options", "lopsided"]))
        if flaw == "uncovered" and len(work) > 1:
            work = work[1:]
        elif flaw == "no options":
            offers = offers[:1]
        elif flaw == "lopsided":
            offers[0] = ResolutionOption(
                "a", "redo", client_gain=1, provider_gain=9, preferred=True
            )
    return TurnaroundPlan(initiatives=work, options=offers)


def call_for(
    r: Relationship, command: str, draw: Draw[Any], now: datetime, *, valid: bool
) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """Arguments for ``command`` on ``r`` (without ``at``): fitting ones when ``valid``."""
    issue_ids = [i.id for i in r.issues]
    plan_ids = [i.id for i in r.plan.initiatives] if r.plan is not None else []
    commitment_ids = [c.id for c in r.commitments if c.id]
    today = r.policy.local_date(now)

    def issues_in(*statuses: IssueStatus) -> list[str]:
        return [i.id for i in r.issues if i.status in statuses] if valid else issue_ids

    def work_in(*statuses: InitiativeStatus) -> list[str]:
        if r.plan is None or not valid:
            return plan_ids
        return [i.id for i in r.plan.initiatives if i.status in statuses]

    match command:
        case "assess":
            return (draw(assessments),), {}
        case "align_internally":
            return (), {"approved_by": "Pier Novak"}
        case "meet_client":
            return (), {"willing": valid or draw(st.booleans())}
        case "raise_issue":
            return (draw(words),), {
                "category": draw(st.sampled_from(IssueCategory)),
                "raised_by": draw(parties),
                "client_words": draw(st.just("") | words),
            }
        case "specify_issue":
            return (_pick(draw, issues_in(IssueStatus.RAISED), valid),), {
                "examples": [draw(words)] if valid else draw(st.lists(st.just(" "), max_size=1)),
                "quantification": draw(quantifications | words),
            }
        case "drop_issue":
            return (_pick(draw, issues_in(IssueStatus.RAISED), valid),), {"reason": "vague"}
        case "agree_issues":
            return (), {"nothing_missed": valid or draw(st.booleans())}
        case "secure_commitment":
            party = Party.CLIENT if valid else draw(parties)
            due = today + timedelta(days=draw(st.integers(0 if valid else -2, 40)))
            return (Commitment(party, "pay the invoice", "invoice paid", due),), {}
        case "promise":
            party = Party.PROVIDER if valid else draw(parties)
            due = today + timedelta(days=draw(st.integers(0 if valid else -2, 20)))
            return (Commitment(party, "call every other day", "calls logged", due),), {}
        case "record_lessons":
            lessons = st.lists(words, min_size=1, max_size=2) if valid else st.just([])
            return (draw(lessons),), {}
        case "drop_initiative":
            chosen = _pick(
                draw, work_in(InitiativeStatus.PLANNED, InitiativeStatus.IN_PROGRESS), valid
            )
            return (chosen,), {"reason": "met another way"}
        case "promise_response":
            return (), {"by": today + timedelta(days=draw(st.integers(1 if valid else 0, 4)))}
        case "send_written_summary" | "agree_plan" | "close":
            return (), {}
        case "propose_plan" | "revise_plan":
            return (plan_from(r, draw, now, valid),), {}
        case "start_initiative":
            return (_pick(draw, work_in(InitiativeStatus.PLANNED), valid),), {}
        case "complete_initiative":
            return (_pick(draw, work_in(InitiativeStatus.IN_PROGRESS), valid),), {}
        case "warn_delay":
            chosen = _pick(
                draw, work_in(InitiativeStatus.PLANNED, InitiativeStatus.IN_PROGRESS), valid
            )
            current = r.initiative(chosen).due if chosen in plan_ids else today
            new_due = current + timedelta(days=draw(st.integers(1 if valid else -1, 9)))
            return (chosen,), {"new_due": new_due, "reason": "supplier late"}
        case "wait_on_client":
            chosen = _pick(
                draw, work_in(InitiativeStatus.PLANNED, InitiativeStatus.IN_PROGRESS), valid
            )
            if valid and r.plan is not None:
                mine = [i.id for i in r.plan.initiatives if i.owner_party is Party.PROVIDER]
                chosen = _pick(
                    draw,
                    [
                        i
                        for i in work_in(InitiativeStatus.PLANNED, InitiativeStatus.IN_PROGRESS)
                        if i in mine
                    ],
                    valid,
                )
            quantified = draw(st.booleans())
            return (chosen,), {
                "reason": "client to send the test data",
                "needs": "the test data set" if quantified else "",
                "by": today + timedelta(days=3) if quantified else None,
            }
        case "resume":
            held = [i.id for i in r.plan.initiatives if i.on_hold] if r.plan and valid else plan_ids
            return (_pick(draw, held, valid),), {}
        case "follow_up":
            return (), {"note": "on track"}
        case "contact_client":
            return (), {"channel": "call", "summary": "progress", "proactive": draw(st.booleans())}
        case "inform_stakeholders":
            return (), {"audience": ["Dana Okafor"], "summary": "what was agreed"}
        case "resolve_issue":
            return (_pick(draw, issues_in(IssueStatus.AGREED), valid),), {"evidence": "confirmed"}
        case "fulfil_commitment":
            return (_pick(draw, commitment_ids, valid),), {"evidence": "paid"}
        case "break_commitment":
            return (_pick(draw, commitment_ids, valid),), {"reason": "budget frozen"}
        case "end":
            return (), {
                "reason": "the client moved on",
                "lessons": draw(st.just(["confirm the brief"]) | st.just([])),
                "cause": draw(st.sampled_from(EndCause)),
                "ended_by": draw(parties),
            }
    raise AssertionError(command)  # pragma: no cover


# Commands a driven relationship may take besides the main line.
PROGRESS = tuple(c for c in COMMANDS if c not in ("end", "break_commitment"))


def main_step(r: Relationship) -> str:
    """The command the method calls for next."""
    stage = r.stage
    if stage is Stage.ASSESSING:
        if r.assessment is None or r.assessment.missing():
            return "assess"
        if r.alignment is None or (r.assessed_at and r.alignment.at < r.assessed_at):
            return "align_internally"
        return "meet_client"
    if stage is Stage.DISCOVERY:
        if not r.issues:
            return "raise_issue"
        if any(i.status is IssueStatus.RAISED for i in r.issues):
            return "specify_issue"
        return "agree_issues"
    if stage is Stage.ISSUES_AGREED:
        if r.client_commitment is None:
            return "secure_commitment"
        return "promise_response"
    if stage is Stage.PLANNING:
        agreed = r.issues_agreed_at
        if r.summary_sent_at is None or (agreed is not None and r.summary_sent_at < agreed):
            return "send_written_summary"
        return "propose_plan" if r.plan is None else "revise_plan"
    if stage is Stage.PLAN_PROPOSED:
        return "agree_plan"
    if stage is Stage.RECOVERING and r.plan is not None:
        if any(i.on_hold for i in r.plan.initiatives):
            return "resume"
        for status, command in (
            (InitiativeStatus.PLANNED, "start_initiative"),
            (InitiativeStatus.IN_PROGRESS, "complete_initiative"),
        ):
            if any(i.status is status for i in r.plan.initiatives):
                return command
        if any(i.status is IssueStatus.AGREED for i in r.issues):
            return "resolve_issue"
        if any(c.status is CommitmentStatus.AGREED for c in r.commitments):
            return "fulfil_commitment"
        return "close"
    return "contact_client"


def advance(
    r: Relationship, draw: Draw[Any], now: datetime
) -> tuple[str, tuple[Any, ...], dict[str, Any]]:
    """A next step with fitting arguments: mostly the main line, sometimes a side step."""
    command = main_step(r)
    if not r.stage.terminal and draw(st.integers(0, 5)) == 0:
        ready = [a.command for a in r.next_actions() if a.ready and a.command in PROGRESS]
        command = draw(st.sampled_from(ready or [command]))
    args, kwargs = call_for(r, command, draw, now, valid=True)
    return command, args, kwargs


@st.composite
def relationships(draw: Draw[Any], max_steps: int = 40) -> Relationship:
    """Relationships reached by the real API: mostly valid steps, some refused ones."""
    from clientrecovery import ClientRecoveryError

    now = draw(aware_datetimes(days=30))
    r = Relationship.open(
        "Halden Foods",
        trigger="artwork rejected",
        at=now,
        policy=draw(st.just(Policy()) | policies),
    )
    for _ in range(draw(st.integers(0, max_steps))):
        if r.stage.terminal:
            break
        now += draw(st.sampled_from(STEPS))
        command, args, kwargs = advance(r, draw, now)
        try:
            r = getattr(r, command)(*args, at=now, **kwargs)
        except ClientRecoveryError:
            continue
    return r
