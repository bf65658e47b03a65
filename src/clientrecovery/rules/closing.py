"""Closing: an issue resolved only when its work is done, and the turnaround closed only
with every issue resolved and the client's commitment fulfilled (003 §4, §7)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from clientrecovery import events as ev
from clientrecovery._validate import is_aware
from clientrecovery.catalogue import Finding, Rule
from clientrecovery.errors import InvalidValue
from clientrecovery.model import CommitmentStatus, InitiativeStatus, IssueStatus, Party
from clientrecovery.rules._core import AGREED_ISSUE, DONE, finding
from clientrecovery.rules.commitments import client_committed
from clientrecovery.rules.issues import issue_in
from clientrecovery.schedule import _day_of

if TYPE_CHECKING:
    from datetime import datetime

    from clientrecovery.relationship import Relationship

DROPPED = InitiativeStatus.DROPPED
_UNRESOLVED = (IssueStatus.RAISED, IssueStatus.SPECIFIED, IssueStatus.AGREED)

__all__ = [
    "check_end",
    "check_record_lessons",
    "check_resolve",
    "commitment_fulfilled",
    "inspected",
    "issues_resolved",
    "no_lessons",
]


def issues_resolved(r: Relationship) -> list[Finding]:
    return [
        finding(
            r.policy,
            Rule.ISSUES_RESOLVED,
            f"issue {issue.id} ({issue.title!r}) is not resolved",
            issue.id,
            "Once its work is done, ask the client to confirm the issue is resolved.",
            command="resolve_issue",
        )
        for issue in r.issues
        if issue.status in _UNRESOLVED
    ]


def commitment_fulfilled(r: Relationship) -> Iterator[Finding]:
    mine = [c for c in r.commitments if c.party is Party.CLIENT]
    if not mine:
        yield from client_committed(r)
    for c in mine:
        if c.status is CommitmentStatus.AGREED:
            yield finding(
                r.policy,
                Rule.COMMITMENT_FULFILLED,
                f"the client's commitment {c.id} ({c.description!r}) is not yet fulfilled",
                c.id,
                "Record the commitment as kept when the client has done it.",
                command="fulfil_commitment",
            )
        elif c.status is CommitmentStatus.BROKEN:
            yield finding(
                r.policy,
                Rule.COMMITMENT_FULFILLED,
                f"the client broke commitment {c.id} ({c.description!r})",
                c.id,
                "The turnaround did not reach its measured result: end the case and keep the"
                " lessons.",
                command="end",
            )


def check_resolve(r: Relationship, e: ev.IssueResolved) -> list[Finding]:
    found = issue_in(r, e.issue_id, "resolve_issue", AGREED_ISSUE)
    work = r.initiatives_for(e.issue_id)
    if not work:
        found.append(
            finding(
                r.policy,
                Rule.ISSUES_RESOLVED,
                f"no initiative of the plan addresses issue {e.issue_id}",
                e.issue_id,
                "Plan the work for it (revise_plan), and resolve it once that work is done.",
                command="revise_plan",
            )
        )
    pending = [i.id for i in work if i.status is not DONE and i.status is not DROPPED]
    if pending:
        found.append(
            finding(
                r.policy,
                Rule.ISSUES_RESOLVED,
                f"issue {e.issue_id} still has work open: {', '.join(pending)}",
                e.issue_id,
                "Finish (or drop, if no longer needed) each piece of work, then resolve the issue.",
                command="complete_initiative",
            )
        )
    return found


def promises_settled(r: Relationship, at: datetime) -> Iterator[Finding]:
    """PROMISE_KEPT: the case does not close or end with a provider promise past its date
    and still open (000: deliver on your promises), which can no longer be recorded kept
    once it has ended; and the promises broken or kept late are said again, as they stand."""
    today = _day_of(r.policy, at) if is_aware(at) else None
    for c in r.commitments:
        open_ = c.party is Party.PROVIDER and c.status is CommitmentStatus.AGREED
        if open_ and today is not None and today > c.due:
            yield finding(
                r.policy,
                Rule.PROMISE_KEPT,
                f"the provider's promise {c.id} ({c.description!r}) was due {c.due} and is"
                " still open",
                c.id,
                "Keep it, and record it kept, before the case ends: afterwards it cannot be."
                " Recording it broken does not settle it: a broken promise stays on the record.",
                command="fulfil_commitment",
            )
    for advice in r._promise_advice.values():
        yield from advice


def check_close(r: Relationship, e: ev.RelationshipClosed) -> Iterator[Finding]:
    yield from promises_settled(r, e.at)


def check_end(r: Relationship, e: ev.RelationshipEnded) -> Iterator[Finding]:
    yield from promises_settled(r, e.at)
    yield from inspected(r)
    if not e.lessons and not r.lessons:
        yield no_lessons(r)


def inspected(r: Relationship) -> list[Finding]:
    """INSPECT_BEFORE_ENDING: the situation assessed and the client met before giving up."""
    if r.assessment is not None and r.met_at is not None:
        return []
    gaps = [
        what
        for what, done in (
            ("the situation was never assessed", r.assessment is not None),
            ("the client was never met", r.met_at is not None),
        )
        if not done
    ]
    return [
        finding(
            r.policy,
            Rule.INSPECT_BEFORE_ENDING,
            f"the case ends though {' and '.join(gaps)}",
            hint="Before writing a client off, look into the situation until you are sure"
            " there is no reasonable solution.",
            command=_inspect(r),
        )
    ]


def _inspect(r: Relationship) -> str | None:
    """What still inspects the situation, while the case is open."""
    if r.stage.terminal:
        return None
    if r.assessment is None:
        return "assess"
    return "meet_client" if r.met_at is None else None


def no_lessons(r: Relationship) -> Finding:
    """LESSONS_KEPT: a lost case without lessons."""
    return finding(
        r.policy,
        Rule.LESSONS_KEPT,
        "the case is lost and no lesson is kept",
        hint="Write down what could have been done better, even if you part ways.",
        command="record_lessons",
    )


def check_record_lessons(r: Relationship, e: ev.LessonsRecorded) -> Iterator[Finding]:
    if not e.lessons:  # a blank one is refused by the event itself
        raise InvalidValue("record_lessons(lessons=...)", "must hold at least one lesson")
    return iter(())
