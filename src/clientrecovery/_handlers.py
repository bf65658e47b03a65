"""How each event changes a relationship (private): one handler per event type.

A handler returns the changes to the aggregate's fields as a dict; the aggregate applies
them, for a command and for a replay alike (see :mod:`clientrecovery._replay`). The
rules have been checked before a handler runs, so a handler never refuses anything.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from clientrecovery import events as ev
from clientrecovery._pause import clock_due, counted_from, moved_due
from clientrecovery._records import Chunks, copier, replace, replaced, setter, update
from clientrecovery.errors import UnknownItem
from clientrecovery.model import (
    Alignment,
    Commitment,
    CommitmentStatus,
    Communication,
    CommunicationKind,
    DelayWarning,
    EndCause,
    Hold,
    Initiative,
    InitiativeStatus,
    Issue,
    IssueStatus,
    Party,
    Stage,
)
from clientrecovery.schedule import days_between

if TYPE_CHECKING:
    from clientrecovery.relationship import Relationship

__all__ = ["APPLY", "free_id", "promise_id", "stage_back"]

# The members the handlers set and test, as module names: a member read through its class
# costs a slow attribute lookup (on Python 3.11, Enum's metaclass has a __getattr__).
_COMMITMENT_AGREED = CommitmentStatus.AGREED
_COMMITMENT_BROKEN = CommitmentStatus.BROKEN
_COMMITMENT_FULFILLED = CommitmentStatus.FULFILLED
_INITIATIVE_DONE = InitiativeStatus.DONE
_INITIATIVE_DROPPED = InitiativeStatus.DROPPED
_INITIATIVE_IN_PROGRESS = InitiativeStatus.IN_PROGRESS
_INITIATIVE_PLANNED = InitiativeStatus.PLANNED
_ISSUE_AGREED = IssueStatus.AGREED
_ISSUE_DROPPED = IssueStatus.DROPPED
_ISSUE_RESOLVED = IssueStatus.RESOLVED
_ISSUE_SPECIFIED = IssueStatus.SPECIFIED
_ASSESSING = Stage.ASSESSING
_DISCOVERY = Stage.DISCOVERY
_ISSUES_AGREED = Stage.ISSUES_AGREED
_LOST = Stage.LOST
_PLANNING = Stage.PLANNING
_PLAN_PROPOSED = Stage.PLAN_PROPOSED
_RECOVERED = Stage.RECOVERED
_RECOVERING = Stage.RECOVERING


def free_id(prefix: str, taken: Collection[str]) -> str:
    n = len(taken) + 1
    while f"{prefix}{n}" in taken:
        n += 1
    return f"{prefix}{n}"


def promise_id(r: Relationship) -> str:
    """``P1``, ``P2``, … by the provider's promises so far (skipping ids already taken): the
    id of a promise given none, by the command and by a replay of its event alike."""
    n = len(r.promises) + 1
    while f"P{n}" in r._commitment_pos:
        n += 1
    return f"P{n}"


def _replace(items: tuple[Any, ...], position: int, item: Any) -> tuple[Any, ...]:
    return (*items[:position], item, *items[position + 1 :])


def _logged(r: Relationship, entry: Communication) -> dict[str, Any]:
    if r._draft:  # the log is the replay's own (see _edited): it grows in place
        r._communications.grow(entry)
        return {}
    return {"_communications": r._communications.appended(entry)}


# A log entry is a copy of its kind's template with the event's fields, which passed the
# event's own validators, as strict as the entry's (an event's texts are required, its time,
# actor and audience checked alike): building one through Communication's validators again
# took half of what recording a follow-up costs a replay.
_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
_FOLLOW_UP = Communication(kind=CommunicationKind.FOLLOW_UP, at=_EPOCH, summary="")
_CONTACT = Communication(kind=CommunicationKind.CLIENT_CONTACT, at=_EPOCH, summary="")
_UPDATE = Communication(kind=CommunicationKind.STAKEHOLDER_UPDATE, at=_EPOCH, summary="")
_SUMMARY = Communication(
    kind=CommunicationKind.WRITTEN_SUMMARY,
    at=_EPOCH,
    summary="summary of the issues, the client's commitment and the response date",
    channel="written",
)


def _edited(
    r: Relationship,
    name: str,
    items: Chunks[Any],
    positions: Iterable[int],
    change: dict[str, Any],
) -> dict[str, Any]:
    """The changes that give the items at ``positions`` of ``items`` (the field ``name``) the
    values in ``change``: none while a replay drafts ``r``, as the items are then changed in
    place (they are its own), else a copy of each and of the chunks that hold them."""
    if r._draft:
        for position in positions:
            update(items[position], change)
        return {}
    updated = items
    for position in positions:
        updated = updated.set(position, replaced(items[position], change))
    return {name: updated}


def _with_issue(r: Relationship, issue_id: str, **change: Any) -> dict[str, Any]:
    position = r._issue_pos.get(issue_id)
    if position is None:  # pragma: no cover - the checks raise UnknownItem first
        raise UnknownItem("issue", issue_id)
    return _edited(r, "_issues", r._issues, (position,), change)


def _with_commitment(r: Relationship, commitment_id: str, **change: Any) -> dict[str, Any]:
    position = r._commitment_pos[commitment_id]
    updated = replaced(r.commitments[position], change)
    grown: Any = r.commitments  # a list while a replay drafts r (see _added)
    if r._draft and type(grown) is list:
        grown[position] = updated
        return {}
    return {"commitments": _replace(r.commitments, position, updated)}


def _added(r: Relationship, commitment: Commitment, commitment_id: str) -> dict[str, Any]:
    """The changes that add ``commitment`` under ``commitment_id``: in O(1) while a replay
    drafts ``r`` (its list and index are its own then, and grow in place), else a copy of
    both."""
    # The relationship keeps the state itself, whatever the event carried.
    kept = replace(commitment, id=commitment_id, status=_COMMITMENT_AGREED, note="")
    if r._draft:
        grown: Any = r.commitments
        items = grown if type(grown) is list else list(grown)
        items.append(kept)
        positions = r._commitment_pos  # made for this relationship when it was opened
        positions[commitment_id] = len(items) - 1  # type: ignore[index]
        return {"commitments": items}
    return {
        "commitments": (*r.commitments, kept),
        "_commitment_pos": {**r._commitment_pos, commitment_id: len(r.commitments)},
    }


def _grown(r: Relationship, items: Any, item: Any) -> Any:
    """``items`` with ``item`` at the end: in place while a replay drafts ``r``."""
    if r._draft:
        mine = items if type(items) is list else list(items)
        mine.append(item)
        return mine
    return (*items, item)


def _with_initiative(r: Relationship, initiative_id: str, **change: Any) -> dict[str, Any]:
    position = r._initiative_pos[initiative_id]
    return _edited(r, "_work", r._work, (position,), change)


def _on_assessed(r: Relationship, e: ev.SituationAssessed) -> dict[str, Any]:
    return {"assessment": e.assessment, "assessed_at": e.at}


# Like a log entry (see _EPOCH), an approval is a copy of a template with the event's fields,
# which the event's validators, the same as Alignment's, checked.
_NEW_ALIGNMENT = Alignment(approved_by="new", approach="", at=_EPOCH)


def _on_aligned(r: Relationship, e: ev.InternallyAligned) -> dict[str, Any]:
    changes = {"approved_by": e.approved_by, "approach": e.approach, "at": e.at}
    return {"alignment": replaced(_NEW_ALIGNMENT, changes)}


def _on_met(r: Relationship, e: ev.ClientMet) -> dict[str, Any]:
    if e.willing:
        return {"met_at": e.at, "stage": _DISCOVERY}
    return {
        "met_at": e.at,
        "stage": _LOST,
        "ended_at": e.at,
        "end_reason": "the client did not want to work things out",
        "end_cause": EndCause.UNWILLING,
        "ended_by": Party.CLIENT,
    }


_NEW_ISSUE = Issue(id="new", title="new")


def _on_raised(r: Relationship, e: ev.IssueRaised) -> dict[str, Any]:
    before_meeting = r.stage is _ASSESSING
    # The event checked every value when it was built: no need to check them again.
    values = {
        "id": e.issue_id,
        "title": e.title,
        "detail": e.detail,
        "category": e.category,
        "late": not before_meeting and r.stage is not _DISCOVERY,
        "raised_by": e.raised_by,
        "client_words": e.client_words,
    }
    issue = replaced(_NEW_ISSUE, values)
    stage = _ASSESSING if before_meeting else _DISCOVERY
    if r._draft:  # the draft's own list and index (see _edited): they grow in place
        r._issues.grow(issue)
        r._issue_pos.grow(e.issue_id)
        return {"stage": stage}
    return {
        "_issues": r._issues.append(issue),
        "_issue_pos": r._issue_pos.added(e.issue_id),
        "stage": stage,
    }


def _on_specified(r: Relationship, e: ev.IssueSpecified) -> dict[str, Any]:
    return _with_issue(
        r,
        e.issue_id,
        status=_ISSUE_SPECIFIED,
        examples=e.examples,
        quantification=e.quantification,
    )


def _on_dropped(r: Relationship, e: ev.IssueDropped) -> dict[str, Any]:
    return _with_issue(r, e.issue_id, status=_ISSUE_DROPPED, note=e.reason)


def _on_agreed(r: Relationship, e: ev.IssuesAgreed) -> dict[str, Any]:
    specified = [n for n, i in enumerate(r._issues) if i.status is _ISSUE_SPECIFIED]
    changes = _edited(r, "_issues", r._issues, specified, {"status": _ISSUE_AGREED})
    back = None if specified else stage_back(r)
    if back is not None:
        return {**changes, "stage": back}
    return {**changes, "issues_agreed_at": e.at, "stage": _ISSUES_AGREED}


def stage_back(r: Relationship) -> Stage | None:
    """Where agreeing the list again takes a case whose late issues were all thrown out
    (003 §1), ``None`` when something is left to plan: with no issue open, and the plan
    addressing every agreed issue, the list the plan answers stands, and the case goes back
    to the plan's own stage (agreed: RECOVERING; proposed: PLAN_PROPOSED)."""
    plan = r._plan
    if plan is None:
        return None
    issues = r._issues
    if any(i.status is _ISSUE_SPECIFIED or i.status is IssueStatus.RAISED for i in issues):
        return None
    if any(i.status is _ISSUE_AGREED and i.id not in r._work_for for i in issues):
        return None  # an agreed late issue no initiative answers yet: it needs a revision
    return _RECOVERING if plan.agreed_at is not None else _PLAN_PROPOSED


def _response_promised(r: Relationship) -> bool:
    return (
        r.response_promised_at is not None
        and r.issues_agreed_at is not None
        and r.response_promised_at >= r.issues_agreed_at
    )


def _on_secured(r: Relationship, e: ev.CommitmentSecured) -> dict[str, Any]:
    changes = _added(r, e.commitment, e.commitment.id or free_id("C", r._commitment_pos))
    if _response_promised(r):
        changes["stage"] = _PLANNING
    return changes


def _on_promise_made(r: Relationship, e: ev.PromiseMade) -> dict[str, Any]:
    return _added(r, e.commitment, e.commitment.id or promise_id(r))


def _on_promised(r: Relationship, e: ev.ResponsePromised) -> dict[str, Any]:
    changes: dict[str, Any] = {"response_due": e.by, "response_promised_at": e.at}
    previous = r.response_due
    if r.stage is _PLANNING and previous is not None and e.by > previous:
        move = DelayWarning(
            at=e.at, previous_due=previous, new_due=e.by, reason="the response date moved"
        )
        changes["_response_moves"] = (*r._response_moves, move)
    if r.has_client_commitment:
        changes["stage"] = _PLANNING
    return changes


def _on_summary(r: Relationship, e: ev.WrittenSummarySent) -> dict[str, Any]:
    entry = replace(_SUMMARY, at=e.at, actor=e.actor)
    return {"summary_sent_at": e.at, **_logged(r, entry)}


def _on_plan(r: Relationship, e: ev.PlanProposed | ev.PlanRevised) -> dict[str, Any]:
    before = {i.id: i for i in r._work}
    version = (r._plan.version if r._plan is not None else 0) + 1
    initiatives = []
    for initiative in e.plan.initiatives:
        old = before.get(initiative.id)
        kept = (
            {}
            if old is None
            else {
                "status": old.status,
                "delays": _moved(r, old, initiative, e.at, version),
                "outcome": old.outcome,
                "holds": old.holds,
            }
        )
        # A copy even when nothing is kept: the relationship's initiatives are its own (a
        # replay changes them in place), never the event's.
        initiatives.append(replaced(initiative, kept))
    header = replace(e.plan, initiatives=(), version=version, proposed_at=e.at)
    work: dict[str, list[str]] = {}
    for initiative in initiatives:
        for issue_id in initiative.addresses:
            work.setdefault(issue_id, []).append(initiative.id)
    answered = {"responded_at": e.at} if r.stage is _PLANNING else {}
    return {
        **answered,
        "_plan": header,
        "_work": Chunks(initiatives),
        "stage": _PLAN_PROPOSED,
        "_initiative_pos": {i.id: n for n, i in enumerate(initiatives)},
        "_work_for": {issue_id: tuple(ids) for issue_id, ids in work.items()},
    }


def _moved(
    r: Relationship, old: Initiative, new: Initiative, at: Any, version: int
) -> tuple[DelayWarning, ...]:
    """``old``'s delays, and one more if the revision moves agreed, unfinished work later
    (a delay like any other, 003 §9). Work that waits on the client was due where its
    paused clock stands (:func:`~clientrecovery._pause.clock_due`)."""
    if (
        new.due > old.due
        and old.status in (_INITIATIVE_PLANNED, _INITIATIVE_IN_PROGRESS)
        and old.id in r._agreed_work
    ):
        reason = f"moved by plan version {version}"
        previous = clock_due(r.policy, old, at)
        move = DelayWarning(at=at, previous_due=previous, new_due=new.due, reason=reason)
        return (*old.delays, move)
    return tuple(old.delays)


def _on_plan_agreed(r: Relationship, e: ev.PlanAgreed) -> dict[str, Any]:
    if r._plan is None:  # pragma: no cover - STAGE_ORDER refuses this first
        raise AssertionError("agree_plan without a plan")
    header = replace(r._plan, agreed_at=e.at, chosen_option=e.option_id)
    return {
        "_plan": header,
        "stage": _RECOVERING,
        "recovering_since": r.recovering_since or e.at,
        "_agreed_work": frozenset(i.id for i in r._work),
    }


def _on_started(r: Relationship, e: ev.InitiativeStarted) -> dict[str, Any]:
    return _with_initiative(r, e.initiative_id, status=_INITIATIVE_IN_PROGRESS)


def _on_completed(r: Relationship, e: ev.InitiativeCompleted) -> dict[str, Any]:
    return _with_initiative(r, e.initiative_id, status=_INITIATIVE_DONE, outcome=e.outcome)


def _on_delay(r: Relationship, e: ev.DelayWarned) -> dict[str, Any]:
    initiative = r.initiative(e.initiative_id)
    # Told while the work waits on the client: it was due where its paused clock stands.
    previous = clock_due(r.policy, initiative, e.at)
    warning = DelayWarning(at=e.at, previous_due=previous, new_due=e.new_due, reason=e.reason)
    delays = _grown(r, initiative.delays, warning)
    changes = _with_initiative(r, e.initiative_id, due=e.new_due, delays=delays)
    entry = replace(
        _CONTACT,
        at=e.at,
        summary=f"delay of {initiative.id} to {e.new_due}: {e.reason}",
        channel="delay warning",
        actor=e.actor,
    )
    return {**changes, **_logged(r, entry)}


_NEW_HOLD = Hold(reason="new", started_at=datetime(2000, 1, 1, tzinfo=UTC))
# The copies of a hold that every wait and every resumption make, found once, and how a
# draft ends its own hold in place.
_new_hold = copier(Hold, ("reason", "started_at", "needs", "by"))
_ended_hold = copier(Hold, ("ended_at", "business_days"))
_set_ended_at, _set_business_days = setter(Hold, "ended_at"), setter(Hold, "business_days")


def _on_waited(r: Relationship, e: ev.WaitedOnClient) -> dict[str, Any]:
    position = r._initiative_pos[e.initiative_id]
    initiative = r._work[position]
    # The event checked every value when it was built: no need to check them again.
    values = {"reason": e.reason, "started_at": e.at, "needs": e.needs, "by": e.by}
    hold = _new_hold(_NEW_HOLD, values)
    holds: Any = initiative.holds
    if r._draft and type(holds) is list:  # the draft's own list (see _grown): nothing else
        holds.append(hold)
        return {}
    holds = _grown(r, holds, hold)
    return _edited(r, "_work", r._work, (position,), {"holds": holds})


def _on_resumed(r: Relationship, e: ev.Resumed) -> dict[str, Any]:
    position = r._initiative_pos[e.initiative_id]
    initiative = r._work[position]
    holds: Any = initiative.holds  # a list while a replay drafts r (see _grown)
    hold = holds[-1]
    policy = r.policy
    # The model's own dates, counted without the checks of the schedule's public functions
    # (about a sixth of a resumption's cost).
    start, end = policy.local_date(hold.started_at), policy.local_date(e.at)
    waited = days_between(policy, start, end)
    # A delay told during the wait gave the client a date that allows for the days waited
    # before it: only those after it move the due date again (see clientrecovery._pause).
    since = counted_from(initiative, hold)
    if since == hold.started_at:  # counted from the start of the wait: already counted
        due = moved_due(policy, initiative.due, start, end, waited)
    else:
        due = moved_due(policy, initiative.due, policy.local_date(since), end)
    change: dict[str, Any] = {}
    if due != initiative.due:
        change["due"] = due
    if r._draft and type(holds) is list:
        # The draft's own list (see _grown) holds only holds this replay made, which nothing
        # else refers to: the one ending changes in place, as its initiatives do, uncopied.
        _set_ended_at(hold, e.at)
        _set_business_days(hold, waited)
        if not change:
            return {}
    else:
        ended = _ended_hold(hold, {"ended_at": e.at, "business_days": waited})
        change["holds"] = (*holds[:-1], ended)
    return _edited(r, "_work", r._work, (position,), change)


def _on_initiative_dropped(r: Relationship, e: ev.InitiativeDropped) -> dict[str, Any]:
    initiative = r.initiative(e.initiative_id)
    change: dict[str, Any] = {"status": _INITIATIVE_DROPPED, "outcome": e.reason}
    if initiative.on_hold:  # the wait ends with the work; the due date no longer matters
        hold = replace(initiative.holds[-1], ended_at=e.at)
        change["holds"] = (*initiative.holds[:-1], hold)
    return _with_initiative(r, e.initiative_id, **change)


def _on_followed_up(r: Relationship, e: ev.FollowedUp) -> dict[str, Any]:
    return _logged(r, replace(_FOLLOW_UP, at=e.at, summary=e.note, actor=e.actor))


def _on_contacted(r: Relationship, e: ev.ClientContacted) -> dict[str, Any]:
    entry = replace(
        _CONTACT,
        at=e.at,
        summary=e.summary,
        channel=e.channel,
        proactive=e.proactive,
        actor=e.actor,
    )
    return _logged(r, entry)


def _on_informed(r: Relationship, e: ev.StakeholdersInformed) -> dict[str, Any]:
    entry = replace(_UPDATE, at=e.at, summary=e.summary, audience=e.audience, actor=e.actor)
    return _logged(r, entry)


def _on_resolved(r: Relationship, e: ev.IssueResolved) -> dict[str, Any]:
    return _with_issue(r, e.issue_id, status=_ISSUE_RESOLVED, note=e.evidence)


def _on_fulfilled(r: Relationship, e: ev.CommitmentFulfilled) -> dict[str, Any]:
    return _with_commitment(r, e.commitment_id, status=_COMMITMENT_FULFILLED, note=e.evidence)


def _on_broken(r: Relationship, e: ev.CommitmentBroken) -> dict[str, Any]:
    return _with_commitment(r, e.commitment_id, status=_COMMITMENT_BROKEN, note=e.reason)


def _on_closed(r: Relationship, e: ev.RelationshipClosed) -> dict[str, Any]:
    return {"stage": _RECOVERED, "ended_at": e.at}


def _on_ended(r: Relationship, e: ev.RelationshipEnded) -> dict[str, Any]:
    return {
        "stage": _LOST,
        "ended_at": e.at,
        "end_reason": e.reason,
        "lessons": (*r.lessons, *e.lessons),
        "end_cause": e.cause,
        "ended_by": e.ended_by,
    }


def _on_lessons(r: Relationship, e: ev.LessonsRecorded) -> dict[str, Any]:
    return {"lessons": (*r.lessons, *e.lessons)}


APPLY: Mapping[type[ev.Event], Callable[[Relationship, Any], dict[str, Any]]] = {
    ev.SituationAssessed: _on_assessed,
    ev.InternallyAligned: _on_aligned,
    ev.ClientMet: _on_met,
    ev.IssueRaised: _on_raised,
    ev.IssueSpecified: _on_specified,
    ev.IssueDropped: _on_dropped,
    ev.IssuesAgreed: _on_agreed,
    ev.CommitmentSecured: _on_secured,
    ev.PromiseMade: _on_promise_made,
    ev.ResponsePromised: _on_promised,
    ev.WrittenSummarySent: _on_summary,
    ev.PlanProposed: _on_plan,
    ev.PlanRevised: _on_plan,
    ev.PlanAgreed: _on_plan_agreed,
    ev.InitiativeStarted: _on_started,
    ev.InitiativeCompleted: _on_completed,
    ev.DelayWarned: _on_delay,
    ev.WaitedOnClient: _on_waited,
    ev.Resumed: _on_resumed,
    ev.InitiativeDropped: _on_initiative_dropped,
    ev.FollowedUp: _on_followed_up,
    ev.ClientContacted: _on_contacted,
    ev.StakeholdersInformed: _on_informed,
    ev.IssueResolved: _on_resolved,
    ev.CommitmentFulfilled: _on_fulfilled,
    ev.CommitmentBroken: _on_broken,
    ev.RelationshipClosed: _on_closed,
    ev.RelationshipEnded: _on_ended,
    ev.LessonsRecorded: _on_lessons,
}
