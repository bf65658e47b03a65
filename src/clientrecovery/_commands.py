"""The commands of :class:`~clientrecovery.Relationship` (private), one function each.

Each is a method of the aggregate (``Relationship.assess`` is :func:`assess`): it builds the
event its arguments describe and hands it to :func:`clientrecovery._replay.run`, which
checks every rule that bears on it and only then records it. What the relationship keeps
itself (ids it assigns, statuses, a plan's progress) is filled in or reset here, so that
the event says only what the caller decided.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

import attrs

from clientrecovery import events as ev
from clientrecovery._handlers import free_id, promise_id
from clientrecovery._replay import run
from clientrecovery._validate import instance_of, on_calendar
from clientrecovery.model import (
    Assessment,
    Commitment,
    CommitmentStatus,
    EndCause,
    InitiativeStatus,
    IssueCategory,
    Party,
    Quantification,
    TurnaroundPlan,
)
from clientrecovery.schedule import day_of

if TYPE_CHECKING:
    from clientrecovery.relationship import Relationship

__all__ = [
    "agree_issues",
    "agree_plan",
    "align_internally",
    "assess",
    "break_commitment",
    "close",
    "complete_initiative",
    "contact_client",
    "drop_initiative",
    "drop_issue",
    "end",
    "follow_up",
    "fulfil_commitment",
    "inform_stakeholders",
    "meet_client",
    "promise",
    "promise_response",
    "propose_plan",
    "raise_issue",
    "record_lessons",
    "resolve_issue",
    "resume",
    "revise_plan",
    "secure_commitment",
    "send_written_summary",
    "specify_issue",
    "start_initiative",
    "wait_on_client",
    "warn_delay",
]


def assess(
    self: Relationship, assessment: Assessment, *, at: datetime, actor: str | None = None
) -> Relationship:
    """Write down (or update) the full situation (001 §1-3).

    Runs in every open stage: the root cause is often only found in the meeting (000;
    003 §1). The latest assessment stands; ASSESS_FIRST still gates the meeting.
    """
    return run(self, ev.SituationAssessed(assessment=assessment, at=at, actor=actor))


def align_internally(
    self: Relationship,
    *,
    approved_by: str,
    at: datetime,
    approach: str = "",
    actor: str | None = None,
) -> Relationship:
    """Record leadership's approval of the approach (001 §4)."""
    return run(
        self,
        ev.InternallyAligned(approved_by=approved_by, approach=approach, at=at, actor=actor),
    )


def meet_client(
    self: Relationship, *, at: datetime, willing: bool, actor: str | None = None
) -> Relationship:
    """Meet the client: a willing client opens DISCOVERY, an unwilling one ends it (000).

    ``willing`` has no default: whether the relationship can be saved is always asked.
    """
    return run(self, ev.ClientMet(willing=willing, at=at, actor=actor))


def raise_issue(
    self: Relationship,
    title: str,
    *,
    at: datetime,
    detail: str = "",
    category: IssueCategory = IssueCategory.OTHER,
    id: str | None = None,  # noqa: A002 - the public keyword of the design
    raised_by: Party = Party.CLIENT,
    client_words: str = "",
    actor: str | None = None,
) -> Relationship:
    """Record an issue; ids ``I1``, ``I2``, … are assigned if not given.

    Args:
        title: The issue, in a line.
        at: When.
        detail: More about it.
        category: What it is about.
        id: Its id.
        raised_by: Who brought it up. Before the meeting (ASSESSING) the provider may note
            an issue it already knows, to bring to the client (001); it is still made
            specific and agreed with the client.
        client_words: The client's own phrasing, relayed back in the written summary and
            the plan ("you told us: …", 004).
        actor: Who recorded it.

    An issue raised after the list was agreed reopens DISCOVERY for that issue: delivery
    of the agreed plan goes on, and once the list is agreed again the client's commitment
    stands, and a new response date and written summary come before the revised plan.
    """
    return run(
        self,
        ev.IssueRaised(
            issue_id=free_id("I", self._issue_pos) if id is None else id,
            title=title,
            detail=detail,
            category=category,
            raised_by=raised_by,
            client_words=client_words,
            at=at,
            actor=actor,
        ),
    )


def specify_issue(
    self: Relationship,
    issue_id: str,
    *,
    examples: Sequence[str],
    quantification: Quantification | str,
    at: datetime,
    actor: str | None = None,
) -> Relationship:
    """Make an issue specific: concrete examples and a measure (003 §1-2)."""
    return run(
        self,
        ev.IssueSpecified(
            issue_id=issue_id,
            examples=examples,
            quantification=quantification,
            at=at,
            actor=actor,
        ),
    )


def drop_issue(
    self: Relationship, issue_id: str, *, reason: str, at: datetime, actor: str | None = None
) -> Relationship:
    """Throw out a generality that could not be made specific (003 §1)."""
    return run(self, ev.IssueDropped(issue_id=issue_id, reason=reason, at=at, actor=actor))


def agree_issues(
    self: Relationship, *, at: datetime, nothing_missed: bool, actor: str | None = None
) -> Relationship:
    """The client agrees the list and confirms nothing is missing (003 §3)."""
    return run(self, ev.IssuesAgreed(nothing_missed=nothing_missed, at=at, actor=actor))


def secure_commitment(
    self: Relationship, commitment: Commitment, *, at: datetime, actor: str | None = None
) -> Relationship:
    """Record what the client commits to once the issues are resolved (003 §4).

    The commitment gets an id (``C1``, …) if it has none; its status starts AGREED.
    """
    if isinstance(commitment, Commitment):
        commitment = attrs.evolve(
            commitment,
            id=commitment.id or free_id("C", self._commitment_pos),
            status=CommitmentStatus.AGREED,
            note="",
        )
    return run(self, ev.CommitmentSecured(commitment=commitment, at=at, actor=actor))


def promise(
    self: Relationship, commitment: Commitment, *, at: datetime, actor: str | None = None
) -> Relationship:
    """Record a promise of the provider's own: a date, a call, a deliverable (000).

    It is tracked like the client's commitment (``P1``, … if it has no id; status
    AGREED), kept or broken with :meth:`fulfil_commitment` and :meth:`break_commitment`.
    Past its date while open it is a PROMISE_KEPT finding; broken, or kept after its date,
    it is one for good.
    """
    if isinstance(commitment, Commitment):
        commitment = attrs.evolve(
            commitment,
            id=commitment.id or promise_id(self),
            status=CommitmentStatus.AGREED,
            note="",
        )
    return run(self, ev.PromiseMade(commitment=commitment, at=at, actor=actor))


def promise_response(
    self: Relationship, *, by: date | datetime, at: datetime, actor: str | None = None
) -> Relationship:
    """Give the client the date of the response and plan (003 §5).

    In PLANNING it gives a new date: moving it later is a delay, which WARN_AHEAD judges
    like any other. A ``datetime`` is taken as its calendar day in the policy's time zone.
    """
    if isinstance(by, datetime):
        on_calendar(by, "promise_response(by=...)")
        by = day_of(self.policy, by)
    return run(self, ev.ResponsePromised(by=by, at=at, actor=actor))


def send_written_summary(
    self: Relationship, *, at: datetime, actor: str | None = None
) -> Relationship:
    """Send the written summary of issues, commitment and timeframe (003 §6)."""
    return run(self, ev.WrittenSummarySent(at=at, actor=actor))


def propose_plan(
    self: Relationship, plan: TurnaroundPlan, *, at: datetime, actor: str | None = None
) -> Relationship:
    """Put the first turnaround plan to the client (003 §7; 001 §6)."""
    return run(self, ev.PlanProposed(plan=_clean(plan), at=at, actor=actor))


def revise_plan(
    self: Relationship, plan: TurnaroundPlan, *, at: datetime, actor: str | None = None
) -> Relationship:
    """Put a revised plan to the client; it needs their agreement again (003 §8).

    Initiatives keep their progress by id; the plan's version goes up by one.
    """
    return run(self, ev.PlanRevised(plan=_clean(plan), at=at, actor=actor))


def agree_plan(
    self: Relationship, *, at: datetime, option_id: str | None = None, actor: str | None = None
) -> Relationship:
    """The client agrees the current plan, choosing an option (the preferred one if none)."""
    if option_id is None and self.plan is not None:
        preferred = self.plan.preferred_option
        option_id = preferred.id if preferred is not None else None
    return run(self, ev.PlanAgreed(option_id=option_id, at=at, actor=actor))


def start_initiative(
    self: Relationship, initiative_id: str, *, at: datetime, actor: str | None = None
) -> Relationship:
    """Begin work on an initiative of the agreed plan."""
    return run(self, ev.InitiativeStarted(initiative_id=initiative_id, at=at, actor=actor))


def complete_initiative(
    self: Relationship,
    initiative_id: str,
    *,
    at: datetime,
    outcome: str = "",
    actor: str | None = None,
) -> Relationship:
    """Record an initiative as done."""
    return run(
        self,
        ev.InitiativeCompleted(initiative_id=initiative_id, outcome=outcome, at=at, actor=actor),
    )


def warn_delay(
    self: Relationship,
    initiative_id: str,
    *,
    new_due: date,
    reason: str,
    at: datetime,
    actor: str | None = None,
) -> Relationship:
    """Warn the client ahead of time that an initiative will be late (003 §9)."""
    return run(
        self,
        ev.DelayWarned(
            initiative_id=initiative_id, new_due=new_due, reason=reason, at=at, actor=actor
        ),
    )


def wait_on_client(
    self: Relationship,
    initiative_id: str,
    *,
    reason: str,
    at: datetime,
    needs: str = "",
    by: date | None = None,
    actor: str | None = None,
) -> Relationship:
    """Pause provider-owned work while the client owes its part (003 final comments).

    Say exactly what the client owes (``needs``) and by when (``by``): a wait without
    them is accepted with a CLIENT_PART finding asking to quantify it. A client-owned
    initiative is refused: there the client is reminded, not waited on. The provider's
    clock stops: when work resumes, the due date moves by the working days waited.
    """
    return run(
        self,
        ev.WaitedOnClient(
            initiative_id=initiative_id, reason=reason, needs=needs, by=by, at=at, actor=actor
        ),
    )


def resume(
    self: Relationship, initiative_id: str, *, at: datetime, actor: str | None = None
) -> Relationship:
    """Resume a paused initiative; its due date moves by the working days waited."""
    return run(self, ev.Resumed(initiative_id=initiative_id, at=at, actor=actor))


def drop_initiative(
    self: Relationship, initiative_id: str, *, reason: str, at: datetime, actor: str | None = None
) -> Relationship:
    """Drop work that is no longer needed (its measure was met another way).

    An issue whose remaining initiatives are done or dropped can be resolved.
    """
    return run(
        self,
        ev.InitiativeDropped(initiative_id=initiative_id, reason=reason, at=at, actor=actor),
    )


def follow_up(
    self: Relationship, *, at: datetime, note: str, actor: str | None = None
) -> Relationship:
    """Record a status check of the turnaround (003 §9)."""
    return run(self, ev.FollowedUp(note=note, at=at, actor=actor))


def contact_client(
    self: Relationship,
    *,
    at: datetime,
    channel: str,
    summary: str,
    proactive: bool = True,
    actor: str | None = None,
) -> Relationship:
    """Record a contact with the client (003 §10)."""
    return run(
        self,
        ev.ClientContacted(
            channel=channel, summary=summary, proactive=proactive, at=at, actor=actor
        ),
    )


def inform_stakeholders(
    self: Relationship,
    *,
    at: datetime,
    audience: Sequence[str],
    summary: str,
    actor: str | None = None,
) -> Relationship:
    """Record that stakeholders were told what was discussed and agreed (001 §7).

    ``audience`` names at least one person, each by a name that is not blank, as
    :class:`~clientrecovery.Stakeholder` names them (:class:`~clientrecovery.InvalidValue`).
    """
    return run(
        self,
        ev.StakeholdersInformed(
            audience=audience,
            summary=summary,
            at=at,
            actor=actor,
        ),
    )


def resolve_issue(
    self: Relationship, issue_id: str, *, evidence: str, at: datetime, actor: str | None = None
) -> Relationship:
    """Record that the client confirmed an issue is resolved (its initiatives done)."""
    return run(self, ev.IssueResolved(issue_id=issue_id, evidence=evidence, at=at, actor=actor))


def fulfil_commitment(
    self: Relationship, commitment_id: str, *, at: datetime, evidence: str, actor: str | None = None
) -> Relationship:
    """Record that a commitment was kept."""
    return run(
        self,
        ev.CommitmentFulfilled(commitment_id=commitment_id, evidence=evidence, at=at, actor=actor),
    )


def break_commitment(
    self: Relationship, commitment_id: str, *, at: datetime, reason: str, actor: str | None = None
) -> Relationship:
    """Record that a commitment was not kept."""
    return run(
        self,
        ev.CommitmentBroken(commitment_id=commitment_id, reason=reason, at=at, actor=actor),
    )


def close(self: Relationship, *, at: datetime, actor: str | None = None) -> Relationship:
    """Close the turnaround as RECOVERED: issues resolved, the client's commitment kept."""
    return run(self, ev.RelationshipClosed(at=at, actor=actor))


def end(
    self: Relationship,
    *,
    reason: str,
    at: datetime,
    lessons: Sequence[str] = (),
    cause: EndCause = EndCause.OTHER,
    ended_by: Party = Party.PROVIDER,
    actor: str | None = None,
) -> Relationship:
    """End the relationship as LOST, keeping the lessons learned (004).

    ``cause`` classifies the loss for analysis; ``ended_by`` says which side ended it.
    Ending a case that was never assessed or whose client was never met is an
    INSPECT_BEFORE_ENDING finding, and one without lessons a LESSONS_KEPT finding; a blank
    lesson is none, and is refused (:class:`~clientrecovery.InvalidValue`), as
    :meth:`record_lessons` refuses it.
    """
    return run(
        self,
        ev.RelationshipEnded(
            reason=reason,
            lessons=lessons,
            cause=cause,
            ended_by=ended_by,
            at=at,
            actor=actor,
        ),
    )


def record_lessons(
    self: Relationship, lessons: Sequence[str], *, at: datetime, actor: str | None = None
) -> Relationship:
    """Keep lessons learned, in any stage, after a loss or a recovery too (004): at least
    one, and none of them blank (:class:`~clientrecovery.InvalidValue`)."""
    return run(self, ev.LessonsRecorded(lessons=lessons, at=at, actor=actor))


def _clean(plan: TurnaroundPlan) -> TurnaroundPlan:
    """The plan as proposed: what the relationship keeps itself is reset."""
    instance_of(TurnaroundPlan)(plan, _PLAN_ARG, plan)
    return TurnaroundPlan(
        initiatives=tuple(
            attrs.evolve(i, status=InitiativeStatus.PLANNED, delays=(), outcome="", holds=())
            for i in plan.initiatives
        ),
        options=plan.options,
        cost_change=plan.cost_change,
    )


_PLAN_ARG = attrs.fields(ev.PlanProposed).plan
