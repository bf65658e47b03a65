"""The rows of one relationship, read once: the builders behind
:func:`clientrecovery.analysis.tables`, one per table (the columns are
:data:`clientrecovery.analysis.COLUMNS`), and the few readings the metrics share.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from enum import Enum
from typing import Any, Final

from clientrecovery import events as ev
from clientrecovery.clock import cadence_record
from clientrecovery.model import (
    ImpactKind,
    InitiativeStatus,
    IssueStatus,
    Quantification,
    Stage,
)
from clientrecovery.relationship import Relationship
from clientrecovery.rows import (
    CommitmentRow,
    EventRow,
    InitiativeRow,
    IssueRow,
    RelationshipRow,
    StageRow,
)

__all__ = [
    "commitments",
    "days",
    "events",
    "follow_ups",
    "issues",
    "outcome",
    "relationship",
    "spells",
    "work",
]

_DAY: Final = 86_400.0


def _stages(r: Relationship) -> tuple[Stage, ...]:
    """The stage after each event, by replaying the history (cached on the relationship)."""

    def replay() -> tuple[Stage, ...]:
        history = r.history
        current = Relationship.replay(history[:1])
        stages = [current.stage]
        for event in history[1:]:
            current = current.apply(event)
            stages.append(current.stage)
        return tuple(stages)

    return r._cached("analysis.stages", replay)  # type: ignore[no-any-return]


def days(start: datetime | None, end: datetime | None) -> float | None:
    if start is None or end is None:
        return None
    return (end - start).total_seconds() / _DAY


def _first(r: Relationship, kind: type[ev.Event]) -> datetime | None:
    return next((e.at for e in r.history if isinstance(e, kind)), None)


def _value(item: Enum | None) -> Any:
    return None if item is None else item.value


def spells(r: Relationship) -> list[StageRow]:
    rows: list[StageRow] = []
    stages = _stages(r)
    entered = r.history[0].at
    for event, before, after in zip(r.history[1:], stages, stages[1:], strict=False):
        if after is not before:
            rows.append(_spell(r, before, entered, event.at))
            entered = event.at
    if not stages[-1].terminal:
        rows.append(_spell(r, stages[-1], entered, None))
    return rows


def _spell(r: Relationship, stage: Stage, entered: datetime, left: datetime | None) -> StageRow:
    return {
        "relationship_id": r.id,
        "stage": stage.value,
        "entered_at": entered,
        "left_at": left,
        "days": days(entered, left),
    }


def work(r: Relationship) -> list[InitiativeRow]:
    started: dict[str, datetime] = {}
    completed: dict[str, datetime] = {}
    for e in r.history:
        if isinstance(e, ev.InitiativeStarted):
            started.setdefault(e.initiative_id, e.at)
        elif isinstance(e, ev.InitiativeCompleted):
            completed[e.initiative_id] = e.at
    rows: list[InitiativeRow] = []
    plan = r.plan
    policy = r.policy
    for w in plan.initiatives if plan is not None else ():
        done = completed.get(w.id) if w.status is InitiativeStatus.DONE else None
        first_due = w.delays[0].previous_due if w.delays else w.due
        lead = None
        if w.delays:
            warning = w.delays[0]
            lead = (warning.previous_due - policy.local_date(warning.at)).days
        rows.append(
            {
                "relationship_id": r.id,
                "initiative_id": w.id,
                "title": w.title,
                "owner_party": w.owner_party.value,
                "priority": w.priority,
                "quick_win": w.quick_win,
                "status": w.status.value,
                "due": w.due,
                "first_due": first_due,
                "started_at": started.get(w.id),
                "completed_at": done,
                "on_time": None
                if done is None
                else (not w.delays and policy.local_date(done) <= w.due),
                "delay_warnings": len(w.delays),
                "first_warning_lead_days": None if lead is None else float(lead),
                "holds": len(w.holds),
                "days_on_hold": sum(h.business_days for h in w.holds),
            }
        )
    return rows


def issues(r: Relationship) -> list[IssueRow]:
    raised: dict[str, datetime] = {}
    resolved: dict[str, datetime] = {}
    for e in r.history:
        if isinstance(e, ev.IssueRaised):
            raised[e.issue_id] = e.at
        elif isinstance(e, ev.IssueResolved):
            resolved[e.issue_id] = e.at
    rows: list[IssueRow] = []
    for i in r.issues:
        q = i.quantification
        metric: str | None
        if isinstance(q, Quantification):
            metric, value, unit = q.metric, float(q.value), q.unit
        else:  # words, or nothing
            metric, value, unit = q, None, None
        rows.append(
            {
                "relationship_id": r.id,
                "issue_id": i.id,
                "title": i.title,
                "category": i.category.value,
                "status": i.status.value,
                "late": i.late,
                "raised_at": raised.get(i.id),
                "resolved_at": resolved.get(i.id),
                "metric": metric,
                "value": value,
                "unit": unit,
            }
        )
    return rows


def commitments(r: Relationship) -> list[CommitmentRow]:
    secured: dict[str, datetime] = {}
    settled: dict[str, datetime] = {}
    for e in r.history:
        if isinstance(e, ev.CommitmentSecured) and e.commitment.id is not None:
            secured[e.commitment.id] = e.at
        elif isinstance(e, ev.CommitmentFulfilled | ev.CommitmentBroken):
            settled[e.commitment_id] = e.at
    return [
        {
            "relationship_id": r.id,
            "commitment_id": c.id,
            "party": c.party.value,
            "description": c.description,
            "status": c.status.value,
            "due": c.due,
            "secured_at": secured.get(c.id or ""),
            "settled_at": settled.get(c.id or ""),
        }
        for c in r.commitments
    ]


def events(r: Relationship) -> list[EventRow]:
    return [
        {
            "relationship_id": r.id,
            "version": n,
            "type": type(e).__name__,
            "at": e.at,
            "actor": e.actor,
            "stage": stage.value,
        }
        for n, (e, stage) in enumerate(zip(r.history, _stages(r), strict=True), start=1)
    ]


def outcome(r: Relationship) -> str:
    if r.stage is Stage.RECOVERED:
        return "recovered"
    return "lost" if r.stage is Stage.LOST else "open"


def follow_ups(r: Relationship) -> tuple[int, int]:
    """Status checks due and missed, from the start of recovery to its end (or the last
    event of a relationship still open)."""
    if r.recovering_since is None:
        return 0, 0
    end = r.ended_at or r.last_event.at
    scheduled, missed = cadence_record(r, r.policy.local_date(end))
    return len(scheduled), len(missed)


def _lost_at(stages: Sequence[Stage]) -> str | None:
    """The stage a lost case was in when it was lost: the one before it first became LOST
    (events after the end, such as lessons recorded, leave it LOST)."""
    first = stages.index(Stage.LOST)
    return stages[first - 1].value if first else None


def relationship(r: Relationship, work: Sequence[InitiativeRow]) -> RelationshipRow:
    stages = _stages(r)
    issues = r.issues
    assessment = r.assessment
    money = (
        sum(float(i.amount) for i in assessment.impacts if i.kind is ImpactKind.MONEY and i.amount)
        if assessment is not None
        else None
    )
    due, missed = follow_ups(r)
    return {
        "id": r.id,
        "client": r.client,
        "account": r.account,
        "stage": r.stage.value,
        "outcome": outcome(r),
        "raised_by": r.raised_by.value,
        "trigger_category": issues[0].category.value if issues else None,
        "timezone": r.policy.timezone,
        "opened_at": r.opened_at,
        "issues_agreed_at": _first(r, ev.IssuesAgreed),
        "plan_agreed_at": _first(r, ev.PlanAgreed),
        "ended_at": r.ended_at,
        "last_event_at": r.last_event.at,
        "lost_at_stage": _lost_at(stages) if r.stage is Stage.LOST else None,
        "end_cause": r.end_cause.value if r.end_cause is not None else None,
        "events": r.version,
        "issues": len(issues),
        "late_issues": sum(i.late for i in issues),
        "dropped_issues": sum(i.status is IssueStatus.DROPPED for i in issues),
        "plan_versions": r.plan_version,
        "initiatives": len(work),
        "initiatives_done": sum(w["completed_at"] is not None for w in work),
        "initiatives_on_time": sum(w["on_time"] is True for w in work),
        "delay_warnings": sum(w["delay_warnings"] for w in work),
        "holds": sum(w["holds"] for w in work),
        "follow_ups_due": due,
        "follow_ups_missed": missed,
        "contacts": sum(isinstance(e, ev.ClientContacted) for e in r.history),
        "money_at_stake": money,
    }
