"""Discovery: issues raised, made specific or dropped, and the list agreed (003 §1-3)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from clientrecovery import events as ev
from clientrecovery.catalogue import Finding, Rule
from clientrecovery.errors import InvalidValue
from clientrecovery.model import IssueStatus
from clientrecovery.rules._core import OPEN_ISSUE, finding

if TYPE_CHECKING:
    from clientrecovery.relationship import Relationship

__all__ = [
    "check_agree_issues",
    "check_drop_issue",
    "check_raise_issue",
    "check_specify_issue",
    "issue_in",
    "issues_specific",
    "list_not_empty",
]


def issues_specific(r: Relationship) -> Iterator[Finding]:
    for issue in r.issues:
        if issue.status is IssueStatus.RAISED:
            yield finding(
                r.policy,
                Rule.SPECIFIC_ISSUES,
                f"issue {issue.id} ({issue.title!r}) is still a generality",
                issue.id,
                f"specify_issue({issue.id!r}, examples=[...], quantification=...) or"
                f" drop_issue({issue.id!r}, reason=...)",
            )


def list_not_empty(r: Relationship) -> Iterator[Finding]:
    if not any(issue.live for issue in r.issues):
        yield finding(
            r.policy,
            Rule.CLIENT_CONFIRMS_LIST,
            "the list holds no issue",
            hint="raise_issue(...) for each specific problem the client names",
        )


def check_raise_issue(r: Relationship, e: ev.IssueRaised) -> Iterator[Finding]:
    if r.has_issue(e.issue_id):
        raise InvalidValue("raise_issue(id=...)", f"the issue id {e.issue_id!r} is already used")
    return iter(())


def issue_in(
    r: Relationship, issue_id: str, command: str, allowed: tuple[IssueStatus, ...]
) -> list[Finding]:
    issue = r.issue(issue_id)
    if issue.status in allowed:
        return []
    wanted = " or ".join(s.value for s in allowed)
    return [
        finding(
            r.policy,
            Rule.STAGE_ORDER,
            f"issue {issue_id} is {issue.status.value}; {command} needs it {wanted}",
            issue_id,
        )
    ]


def check_specify_issue(r: Relationship, e: ev.IssueSpecified) -> list[Finding]:
    found = issue_in(r, e.issue_id, "specify_issue", OPEN_ISSUE)
    if not any(example.strip() for example in e.examples):
        found.append(
            finding(
                r.policy,
                Rule.SPECIFIC_ISSUES,
                f"issue {e.issue_id} is given no concrete example",
                e.issue_id,
                "ask the client for an example that narrows the complaint down",
            )
        )
    if isinstance(e.quantification, str) and not e.quantification.strip():
        found.append(
            finding(
                r.policy,
                Rule.SPECIFIC_ISSUES,
                f"issue {e.issue_id} is given no measure",
                e.issue_id,
                "pass a Quantification(metric, value, unit) or a written measure",
            )
        )
    return found


def check_drop_issue(r: Relationship, e: ev.IssueDropped) -> list[Finding]:
    return issue_in(r, e.issue_id, "drop_issue", OPEN_ISSUE)


def check_agree_issues(r: Relationship, e: ev.IssuesAgreed) -> Iterator[Finding]:
    if not e.nothing_missed:
        yield finding(
            r.policy,
            Rule.CLIENT_CONFIRMS_LIST,
            "the client has not confirmed that nothing is missing from the list",
            hint="ask what else is wrong, raise it, then agree_issues(nothing_missed=True)",
        )
