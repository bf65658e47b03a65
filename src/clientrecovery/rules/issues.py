"""Discovery: issues raised, made specific or dropped, and the list agreed (003 §1-3)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from clientrecovery import events as ev
from clientrecovery.catalogue import Finding, Rule, Severity
from clientrecovery.errors import InvalidValue
from clientrecovery.model import IssueStatus, Quantification
from clientrecovery.rules._core import OPEN_ISSUE, finding

if TYPE_CHECKING:
    from clientrecovery.relationship import Relationship

# Members read for every issue or part, as module names (see rules._core.OPEN_ISSUE).
_RAISED = IssueStatus.RAISED
_WARNING = Severity.WARNING

__all__ = [
    "check_agree_issues",
    "check_drop_issue",
    "check_raise_issue",
    "check_specify_issue",
    "issue_in",
    "issues_specific",
    "list_not_empty",
    "vague",
    "vague_parts",
]


def issues_specific(r: Relationship) -> list[Finding]:
    return [
        finding(
            r.policy,
            Rule.SPECIFIC_ISSUES,
            f"issue {issue.id} ({issue.title!r}) is still a generality",
            issue.id,
            "Ask the client for a concrete example and a measure, or throw the complaint"
            " out if it stays vague.",
            command="specify_issue",
        )
        for issue in r.issues
        if issue.status is _RAISED
    ]


def list_not_empty(r: Relationship) -> list[Finding]:
    for issue in r.issues:
        if issue.live:
            return []
    return [
        finding(
            r.policy,
            Rule.CLIENT_CONFIRMS_LIST,
            "the list holds no issue",
            hint="Record each specific problem the client names.",
            command="raise_issue",
        )
    ]


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
            _ISSUE_NEXT[issue.status][0],
            command=_ISSUE_NEXT[issue.status][1],
        )
    ]


# What to do next with an issue, by its status, when a command needs it in another one.
_ISSUE_NEXT: dict[IssueStatus, tuple[str, str | None]] = {
    IssueStatus.RAISED: (
        "Specify it with the client first: an example and a measure (specify_issue).",
        "specify_issue",
    ),
    IssueStatus.SPECIFIED: (
        "Agree the list of issues with the client first (agree_issues).",
        "agree_issues",
    ),
    IssueStatus.AGREED: (
        "It stands as the client agreed it; raise a new issue for what the client adds.",
        "raise_issue",
    ),
    IssueStatus.RESOLVED: (
        "It is resolved; raise a new issue if the problem has come back.",
        "raise_issue",
    ),
    IssueStatus.DROPPED: (
        "It was dropped; raise it again with the client if it matters after all.",
        "raise_issue",
    ),
}


def check_specify_issue(r: Relationship, e: ev.IssueSpecified) -> list[Finding]:
    issue = r.issue(e.issue_id)  # looked up once, for every check below
    found = (
        [] if issue.status in OPEN_ISSUE else issue_in(r, e.issue_id, "specify_issue", OPEN_ISSUE)
    )
    for example in e.examples:
        if example.strip():
            break
    else:
        found.append(
            finding(
                r.policy,
                Rule.SPECIFIC_ISSUES,
                f"issue {e.issue_id} is given no concrete example",
                e.issue_id,
                "Ask the client for an example that narrows the complaint down.",
            )
        )
    if isinstance(e.quantification, str) and not e.quantification.strip():
        found.append(
            finding(
                r.policy,
                Rule.SPECIFIC_ISSUES,
                f"issue {e.issue_id} is given no measure",
                e.issue_id,
                "Say how big the problem is: a number with its unit, or a written measure.",
            )
        )
    found.extend(vague_parts(r, issue.id, issue.title, e.examples, e.quantification))
    return found


# Words that make a statement a generality (003 §1: "they always break their system").
_VAGUE = re.compile(
    r"\b(always|never|everything|nothing|everyone|everybody|nobody|all the time|constantly"
    r"|every time|anything)\b"
)


def vague(text: str, title: str = "") -> str | None:
    """Why ``text`` is itself a generality (it repeats ``title``, or speaks in absolutes),
    or ``None``."""
    return _vague(text, _plain(title) if title else "")


def _plain(text: str) -> str:
    return " ".join(text.lower().split())


def _vague(text: str, plain_title: str) -> str | None:
    """:func:`vague`, given the title already made plain (``""``: no title)."""
    plain = _plain(text)
    if plain_title and plain == plain_title:
        return "repeats the complaint instead of giving an instance of it"
    absolute = _VAGUE.search(plain)
    if absolute is not None:
        return f"speaks in absolutes ({absolute.group(1)!r}) instead of naming a case"
    return None


def vague_parts(
    r: Relationship,
    issue_id: str,
    title: str,
    examples: tuple[str, ...],
    measure: Quantification | str | None,
) -> list[Finding]:
    """SPECIFIC_ISSUES (advisory): an example or a measure that is itself a generality."""
    parts = [("example", example) for example in examples if example.strip()]
    if isinstance(measure, str) and measure.strip():
        parts.append(("measure", measure))
    elif isinstance(measure, Quantification):
        parts.append(("measure", measure.metric))
    plain_title = _plain(title) if title else ""  # once, for every part
    found = []
    for part, text in parts:
        why = _vague(text, plain_title)
        if why is not None:
            label = f"{part} {text!r}"  # written only for a finding
            found.append(
                finding(
                    r.policy,
                    Rule.SPECIFIC_ISSUES,
                    f"issue {issue_id}: the {label} {why}",
                    issue_id,
                    "Ask for one dated, countable case: what happened, when, how often.",
                    command="specify_issue",
                    severity=_WARNING,
                )
            )
    return found


def check_drop_issue(r: Relationship, e: ev.IssueDropped) -> list[Finding]:
    return issue_in(r, e.issue_id, "drop_issue", OPEN_ISSUE)


def check_agree_issues(r: Relationship, e: ev.IssuesAgreed) -> list[Finding]:
    if e.nothing_missed:
        return []
    return [
        finding(
            r.policy,
            Rule.CLIENT_CONFIRMS_LIST,
            "the client has not confirmed that nothing is missing from the list",
            hint="Ask the client what else is wrong, record it, then ask again whether the"
            " list is complete.",
        )
    ]
