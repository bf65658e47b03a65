"""The events a relationship records, one per accepted command.

Events are frozen and named in the past tense. Each carries the aware time ``at`` it happened
and the optional ``actor`` who did it, plus exactly what the command was given (with ids the
relationship assigned filled in), so that :meth:`Relationship.replay
<clientrecovery.Relationship.replay>` can re-run every rule on it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timezone
from typing import Any, ClassVar

import attrs

from clientrecovery import _validate as v
from clientrecovery._owned import _carriers, refuse_forged
from clientrecovery.errors import InvalidValue
from clientrecovery.model import (
    Assessment,
    Commitment,
    EndCause,
    IssueCategory,
    Party,
    Quantification,
    TurnaroundPlan,
)
from clientrecovery.policy import Policy

__all__ = [
    "EVENT_TYPES",
    "ClientContacted",
    "ClientMet",
    "CommitmentBroken",
    "CommitmentFulfilled",
    "CommitmentSecured",
    "DelayWarned",
    "Event",
    "FollowedUp",
    "InitiativeCompleted",
    "InitiativeDropped",
    "InitiativeStarted",
    "InternallyAligned",
    "IssueDropped",
    "IssueRaised",
    "IssueResolved",
    "IssueSpecified",
    "IssuesAgreed",
    "LessonsRecorded",
    "PlanAgreed",
    "PlanProposed",
    "PlanRevised",
    "PromiseMade",
    "RelationshipClosed",
    "RelationshipEnded",
    "RelationshipOpened",
    "ResponsePromised",
    "Resumed",
    "SituationAssessed",
    "StakeholdersInformed",
    "WaitedOnClient",
    "WrittenSummarySent",
]


# Named converters: the attrs mypy plugin reads their types; each names its field.


def _specify_issue_examples(value: Iterable[str]) -> tuple[str, ...]:
    return v.tuple_of(value, str, "specify_issue(examples=...)")


def _inform_stakeholders_audience(value: Iterable[str]) -> tuple[str, ...]:
    return v.tuple_of(value, str, "inform_stakeholders(audience=...)")


def _end_lessons(value: Iterable[str]) -> tuple[str, ...]:
    return v.tuple_of(value, str, "end(lessons=...)")


def _record_lessons_lessons(value: Iterable[str]) -> tuple[str, ...]:
    return v.tuple_of(value, str, "record_lessons(lessons=...)")


def _instant(value: Any) -> Any:
    """An aware datetime with its zone replaced by the fixed offset in effect then.

    The event records the instant and its offset, as its document does, so it loads back
    equal: an hour that a zone repeats when clocks go back would otherwise never compare
    equal across zones (PEP 495). Anything else is left for the validators to judge.
    """
    if isinstance(value, datetime) and type(value) is not datetime:
        value = _plain(value)
    if isinstance(value, datetime) and not isinstance(value.tzinfo, timezone | None):
        offset = value.utcoffset()
        if offset is not None:
            return value.replace(tzinfo=timezone(offset), fold=0)
    return value


def _plain(value: datetime) -> datetime:
    """A ``datetime`` subclass (``pandas.Timestamp``, say) as a plain ``datetime``, which
    is what a document gives back; refused when that would drop nanoseconds."""
    if getattr(value, "nanosecond", 0):
        raise InvalidValue(
            f"{type(value).__name__} {value}", "has nanoseconds; documents keep microseconds"
        )
    return datetime(
        value.year,
        value.month,
        value.day,
        value.hour,
        value.minute,
        value.second,
        value.microsecond,
        value.tzinfo,
        fold=value.fold,
    )


# Each leaves alone a value of its field's type (a decoded document's), so loading may skip it.
v.STRUCTURAL.update(
    (
        _specify_issue_examples,
        _inform_stakeholders_audience,
        _end_lessons,
        _record_lessons_lessons,
        _instant,
    )
)


@attrs.frozen(kw_only=True)
class Event:
    """Base of all events."""

    command: ClassVar[str] = ""
    """The name of the command that records this event."""

    at: datetime = attrs.field(converter=_instant, validator=v.a_datetime)
    """When it happened (timezone-aware; the CHRONOLOGY rule checks), kept with the UTC
    offset in effect at that moment, exactly as a document records it."""
    actor: str | None = attrs.field(default=None, validator=v.optional_text)
    """Who did it, if known."""

    def __attrs_post_init__(self) -> None:
        # What the relationship keeps itself (a status, a plan's version...) is never taken
        # from an event: see clientrecovery._owned (most events carry nothing to check).
        # Only this: the document readers run _owned.check_of(cls) in its place.
        if _carriers.get(type(self), True):
            refuse_forged(self)


@attrs.frozen(kw_only=True)
class RelationshipOpened(Event):
    """A relationship in trouble was opened."""

    command: ClassVar[str] = "open"
    id: str = attrs.field(validator=v.required_text)
    client: str = attrs.field(validator=v.required_text)
    trigger: str = attrs.field(validator=v.required_text)
    raised_by: Party = attrs.field(validator=v.instance_of(Party))
    policy: Policy = attrs.field(factory=Policy, validator=v.instance_of(Policy))
    account: str | None = attrs.field(default=None, validator=v.optional_text)
    """The CRM's key of the client account the case belongs to (several cases may share it)."""


@attrs.frozen(kw_only=True)
class SituationAssessed(Event):
    """The provider wrote down (or updated) the full situation."""

    command: ClassVar[str] = "assess"
    assessment: Assessment = attrs.field(validator=v.instance_of(Assessment))


@attrs.frozen(kw_only=True)
class InternallyAligned(Event):
    """Internal leadership approved the approach."""

    command: ClassVar[str] = "align_internally"
    approved_by: str = attrs.field(validator=v.required_text)
    approach: str = attrs.field(default="", validator=v.text)


@attrs.frozen(kw_only=True)
class ClientMet(Event):
    """The provider met the client; ``willing`` says whether they want to work it out."""

    command: ClassVar[str] = "meet_client"
    willing: bool = attrs.field(default=True, validator=v.instance_of(bool))


@attrs.frozen(kw_only=True)
class IssueRaised(Event):
    """An issue was raised: by the client, or by the provider bringing news (001)."""

    command: ClassVar[str] = "raise_issue"
    issue_id: str = attrs.field(validator=v.required_text)
    title: str = attrs.field(validator=v.required_text)
    detail: str = attrs.field(default="", validator=v.text)
    category: IssueCategory = attrs.field(
        default=IssueCategory.OTHER,
        validator=v.instance_of(IssueCategory),
    )
    raised_by: Party = attrs.field(default=Party.CLIENT, validator=v.instance_of(Party))
    client_words: str = attrs.field(default="", validator=v.text)


@attrs.frozen(kw_only=True)
class IssueSpecified(Event):
    """An issue was made specific with examples and a measure."""

    command: ClassVar[str] = "specify_issue"
    issue_id: str = attrs.field(validator=v.required_text)
    examples: tuple[str, ...] = attrs.field(converter=_specify_issue_examples)
    quantification: Quantification | str = attrs.field(validator=v.instance_of(Quantification, str))


@attrs.frozen(kw_only=True)
class IssueDropped(Event):
    """A generality that could not be made specific was thrown out."""

    command: ClassVar[str] = "drop_issue"
    issue_id: str = attrs.field(validator=v.required_text)
    reason: str = attrs.field(validator=v.required_text)


@attrs.frozen(kw_only=True)
class IssuesAgreed(Event):
    """The client agreed the list of issues."""

    command: ClassVar[str] = "agree_issues"
    nothing_missed: bool = attrs.field(validator=v.instance_of(bool))


@attrs.frozen(kw_only=True)
class CommitmentSecured(Event):
    """The client committed to what they will do once the issues are resolved."""

    command: ClassVar[str] = "secure_commitment"
    commitment: Commitment = attrs.field(validator=v.instance_of(Commitment))


@attrs.frozen(kw_only=True)
class PromiseMade(Event):
    """The provider made a promise of its own: a date, a call, a deliverable (000).

    The relationship keeps the commitment as AGREED whatever status it carries here."""

    command: ClassVar[str] = "promise"
    commitment: Commitment = attrs.field(validator=v.instance_of(Commitment))


@attrs.frozen(kw_only=True)
class ResponsePromised(Event):
    """The provider promised a date for its response and plan."""

    command: ClassVar[str] = "promise_response"
    by: date = attrs.field(validator=v.a_date)


@attrs.frozen(kw_only=True)
class WrittenSummarySent(Event):
    """The written summary of issues, commitment and timeframe went to the client."""

    command: ClassVar[str] = "send_written_summary"


@attrs.frozen(kw_only=True)
class PlanProposed(Event):
    """The first turnaround plan was put to the client."""

    command: ClassVar[str] = "propose_plan"
    plan: TurnaroundPlan = attrs.field(validator=v.instance_of(TurnaroundPlan))


@attrs.frozen(kw_only=True)
class PlanRevised(Event):
    """A revised plan was put to the client."""

    command: ClassVar[str] = "revise_plan"
    plan: TurnaroundPlan = attrs.field(validator=v.instance_of(TurnaroundPlan))


@attrs.frozen(kw_only=True)
class PlanAgreed(Event):
    """The client agreed the current plan, choosing an option."""

    command: ClassVar[str] = "agree_plan"
    option_id: str | None = attrs.field(default=None, validator=v.optional_text)


@attrs.frozen(kw_only=True)
class InitiativeStarted(Event):
    """Work on an initiative began."""

    command: ClassVar[str] = "start_initiative"
    initiative_id: str = attrs.field(validator=v.required_text)


@attrs.frozen(kw_only=True)
class InitiativeCompleted(Event):
    """An initiative was done."""

    command: ClassVar[str] = "complete_initiative"
    initiative_id: str = attrs.field(validator=v.required_text)
    outcome: str = attrs.field(default="", validator=v.text)


@attrs.frozen(kw_only=True)
class DelayWarned(Event):
    """The client was warned that an initiative will be late."""

    command: ClassVar[str] = "warn_delay"
    initiative_id: str = attrs.field(validator=v.required_text)
    new_due: date = attrs.field(validator=v.a_date)
    reason: str = attrs.field(validator=v.required_text)


@attrs.frozen(kw_only=True)
class WaitedOnClient(Event):
    """Work on an initiative paused because the client owes its part."""

    command: ClassVar[str] = "wait_on_client"
    initiative_id: str = attrs.field(validator=v.required_text)
    reason: str = attrs.field(validator=v.required_text)
    needs: str = attrs.field(default="", validator=v.text)
    by: date | None = attrs.field(default=None, validator=attrs.validators.optional(v.a_date))


@attrs.frozen(kw_only=True)
class Resumed(Event):
    """Work on a paused initiative resumed; its due date moved by the working days waited."""

    command: ClassVar[str] = "resume"
    initiative_id: str = attrs.field(validator=v.required_text)


@attrs.frozen(kw_only=True)
class InitiativeDropped(Event):
    """An initiative was no longer needed (its measure was met another way)."""

    command: ClassVar[str] = "drop_initiative"
    initiative_id: str = attrs.field(validator=v.required_text)
    reason: str = attrs.field(validator=v.required_text)


@attrs.frozen(kw_only=True)
class FollowedUp(Event):
    """The provider checked the turnaround's status (003 §9)."""

    command: ClassVar[str] = "follow_up"
    note: str = attrs.field(validator=v.required_text)


@attrs.frozen(kw_only=True)
class ClientContacted(Event):
    """The provider spoke or wrote to the client (003 §10)."""

    command: ClassVar[str] = "contact_client"
    channel: str = attrs.field(validator=v.required_text)
    summary: str = attrs.field(validator=v.required_text)
    proactive: bool = attrs.field(default=True, validator=v.instance_of(bool))


@attrs.frozen(kw_only=True)
class StakeholdersInformed(Event):
    """Stakeholders were told what was discussed and agreed (001 §7)."""

    command: ClassVar[str] = "inform_stakeholders"
    audience: tuple[str, ...] = attrs.field(
        converter=_inform_stakeholders_audience, validator=v.each_required_text
    )
    summary: str = attrs.field(validator=v.required_text)


@attrs.frozen(kw_only=True)
class IssueResolved(Event):
    """The client confirmed an issue is resolved."""

    command: ClassVar[str] = "resolve_issue"
    issue_id: str = attrs.field(validator=v.required_text)
    evidence: str = attrs.field(validator=v.required_text)


@attrs.frozen(kw_only=True)
class CommitmentFulfilled(Event):
    """A commitment was kept."""

    command: ClassVar[str] = "fulfil_commitment"
    commitment_id: str = attrs.field(validator=v.required_text)
    evidence: str = attrs.field(validator=v.required_text)


@attrs.frozen(kw_only=True)
class CommitmentBroken(Event):
    """A commitment was not kept."""

    command: ClassVar[str] = "break_commitment"
    commitment_id: str = attrs.field(validator=v.required_text)
    reason: str = attrs.field(validator=v.required_text)


@attrs.frozen(kw_only=True)
class RelationshipClosed(Event):
    """The turnaround succeeded: the relationship is recovered."""

    command: ClassVar[str] = "close"


@attrs.frozen(kw_only=True)
class RelationshipEnded(Event):
    """The relationship was lost; lessons learned are kept (004)."""

    command: ClassVar[str] = "end"
    reason: str = attrs.field(validator=v.required_text)
    lessons: tuple[str, ...] = attrs.field(
        default=(), converter=_end_lessons, validator=v.each_required_text
    )
    cause: EndCause = attrs.field(default=EndCause.OTHER, validator=v.instance_of(EndCause))
    ended_by: Party = attrs.field(default=Party.PROVIDER, validator=v.instance_of(Party))


@attrs.frozen(kw_only=True)
class LessonsRecorded(Event):
    """Lessons learned were kept, at any stage, after the end too (004)."""

    command: ClassVar[str] = "record_lessons"
    lessons: tuple[str, ...] = attrs.field(
        converter=_record_lessons_lessons, validator=v.each_required_text
    )


EVENT_TYPES: tuple[type[Event], ...] = (
    RelationshipOpened,
    SituationAssessed,
    InternallyAligned,
    ClientMet,
    IssueRaised,
    IssueSpecified,
    IssueDropped,
    IssuesAgreed,
    CommitmentSecured,
    PromiseMade,
    ResponsePromised,
    WrittenSummarySent,
    PlanProposed,
    PlanRevised,
    PlanAgreed,
    InitiativeStarted,
    InitiativeCompleted,
    InitiativeDropped,
    DelayWarned,
    WaitedOnClient,
    Resumed,
    FollowedUp,
    ClientContacted,
    StakeholdersInformed,
    IssueResolved,
    CommitmentFulfilled,
    CommitmentBroken,
    RelationshipClosed,
    RelationshipEnded,
    LessonsRecorded,
)
"""Every event type, in the order of the method."""
