"""The rows of :func:`clientrecovery.analysis.tables`, typed: one ``TypedDict`` per table.

A type checker then knows each column of a row and its type (``row["outcome"]`` is a
``str``, ``row["ended_at"]`` a ``datetime | None``) and catches a misspelt column. Enums are
written by value, as plain strings; times are aware datetimes. They are the same columns as
:data:`clientrecovery.analysis.COLUMNS` (a test keeps the two equal), which also says which
values each may take.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TypedDict

__all__ = [
    "CommitmentRow",
    "EventRow",
    "InitiativeRow",
    "IssueRow",
    "RelationshipRow",
    "StageRow",
    "Tables",
]


class RelationshipRow(TypedDict):
    """One relationship: where it stands, how it went, what it cost."""

    id: str
    client: str
    account: str | None
    stage: str
    outcome: str
    raised_by: str
    trigger_category: str | None
    timezone: str
    opened_at: datetime
    issues_agreed_at: datetime | None
    plan_agreed_at: datetime | None
    ended_at: datetime | None
    last_event_at: datetime
    lost_at_stage: str | None
    end_cause: str | None
    events: int
    issues: int
    late_issues: int
    dropped_issues: int
    plan_versions: int
    initiatives: int
    initiatives_done: int
    initiatives_on_time: int
    delay_warnings: int
    holds: int
    follow_ups_due: int
    follow_ups_missed: int
    contacts: int
    money_at_stake: float | None


class IssueRow(TypedDict):
    """One issue of a relationship, with its measure where it has one."""

    relationship_id: str
    issue_id: str
    title: str
    category: str
    status: str
    late: bool
    raised_at: datetime | None
    resolved_at: datetime | None
    metric: str | None
    value: float | None
    unit: str | None


class InitiativeRow(TypedDict):
    """One initiative of the current plan."""

    relationship_id: str
    initiative_id: str
    title: str
    owner_party: str
    priority: int
    quick_win: bool
    status: str
    due: date
    first_due: date
    started_at: datetime | None
    completed_at: datetime | None
    on_time: bool | None
    delay_warnings: int
    first_warning_lead_days: float | None
    holds: int
    days_on_hold: int


class CommitmentRow(TypedDict):
    """One commitment, the client's or the provider's."""

    relationship_id: str
    commitment_id: str | None
    party: str
    description: str
    status: str
    due: date
    secured_at: datetime | None
    settled_at: datetime | None


class EventRow(TypedDict):
    """One event, with the stage the relationship was in after it."""

    relationship_id: str
    version: int
    type: str
    at: datetime
    actor: str | None
    stage: str


class StageRow(TypedDict):
    """One stay in a stage (``left_at`` and ``days`` are ``None`` while it lasts)."""

    relationship_id: str
    stage: str
    entered_at: datetime
    left_at: datetime | None
    days: float | None


class Tables(TypedDict):
    """The six tables, by name."""

    relationships: list[RelationshipRow]
    issues: list[IssueRow]
    initiatives: list[InitiativeRow]
    commitments: list[CommitmentRow]
    events: list[EventRow]
    stages: list[StageRow]
