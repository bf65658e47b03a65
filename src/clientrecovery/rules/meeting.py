"""Before and at the client meeting: the situation written down, leadership aligned, and
whether the client wants to work things out (001 §1-5; 003 §1; 000)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from clientrecovery import events as ev
from clientrecovery.catalogue import Finding, Rule
from clientrecovery.rules._core import finding

if TYPE_CHECKING:
    from clientrecovery.relationship import Relationship

__all__ = ["aligned", "assessment_complete", "assessment_written", "check_meet"]


def assessment_written(r: Relationship) -> Iterator[Finding]:
    if r.assessment is None:
        yield finding(
            r.policy,
            Rule.ASSESS_FIRST,
            "no assessment of the situation has been written yet",
            hint="assess(Assessment(root_cause=..., timeline=..., stakeholders=...,"
            " implications=..., client_perspective=...))",
        )


def assessment_complete(r: Relationship) -> Iterator[Finding]:
    if r.assessment is None:
        yield from assessment_written(r)
        return
    missing = r.assessment.missing()
    if missing:
        yield finding(
            r.policy,
            Rule.ASSESS_FIRST,
            f"the assessment does not yet say: {', '.join(missing)}",
            hint="assess again with the missing parts before meeting the client",
        )


def aligned(r: Relationship) -> Iterator[Finding]:
    if r.alignment is None:
        yield finding(
            r.policy,
            Rule.ALIGN_FIRST,
            "internal leadership has not approved an approach",
            hint="align_internally(approved_by=...) once leadership has read the assessment",
        )
    elif r.assessed_at is not None and r.alignment.at < r.assessed_at:
        yield finding(
            r.policy,
            Rule.ALIGN_FIRST,
            f"the assessment changed after {r.alignment.approved_by} approved the approach",
            hint="align_internally again on the current assessment",
        )


def check_meet(r: Relationship, e: ev.ClientMet) -> Iterator[Finding]:
    if not e.willing:
        yield finding(
            r.policy,
            Rule.SALVAGEABLE,
            "the client does not want to work things out; the relationship ends here",
        )
