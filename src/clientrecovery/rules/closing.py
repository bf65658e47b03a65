"""Closing: an issue resolved only when its work is done, and the turnaround closed only
with every issue resolved and the client's commitment fulfilled (003 §4, §7)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from clientrecovery import events as ev
from clientrecovery.catalogue import Finding, Rule
from clientrecovery.model import CommitmentStatus, IssueStatus, Party
from clientrecovery.rules._core import AGREED_ISSUE, DONE, finding
from clientrecovery.rules.commitments import client_committed
from clientrecovery.rules.issues import issue_in

if TYPE_CHECKING:
    from clientrecovery.relationship import Relationship

__all__ = ["check_resolve", "commitment_fulfilled", "issues_resolved"]


def issues_resolved(r: Relationship) -> Iterator[Finding]:
    for issue in r.issues:
        if issue.status in (IssueStatus.RAISED, IssueStatus.SPECIFIED, IssueStatus.AGREED):
            yield finding(
                r.policy,
                Rule.ISSUES_RESOLVED,
                f"issue {issue.id} ({issue.title!r}) is not resolved",
                issue.id,
                f"resolve_issue({issue.id!r}, evidence=...) once its initiatives are done and"
                " the client confirms",
            )


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
                f"fulfil_commitment({c.id!r}, evidence=...) when the client has done it",
            )
        elif c.status is CommitmentStatus.BROKEN:
            yield finding(
                r.policy,
                Rule.COMMITMENT_FULFILLED,
                f"the client broke commitment {c.id} ({c.description!r})",
                c.id,
                "the turnaround did not reach its measured result; end(reason=...) and keep"
                " the lessons",
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
            )
        )
    pending = [i.id for i in work if i.status is not DONE]
    if pending:
        found.append(
            finding(
                r.policy,
                Rule.ISSUES_RESOLVED,
                f"issue {e.issue_id} still has work open: {', '.join(pending)}",
                e.issue_id,
                "complete_initiative(...) for each, then resolve the issue",
            )
        )
    return found
