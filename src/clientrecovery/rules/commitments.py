"""Commitments and promises: the client's measurable commitment, the provider's promised
response date, and keeping or breaking either (003 §4-5; 000)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from clientrecovery import events as ev
from clientrecovery.catalogue import Finding, Rule
from clientrecovery.errors import InvalidValue
from clientrecovery.model import CommitmentStatus, Party
from clientrecovery.rules._core import finding, not_today
from clientrecovery.schedule import day_of

if TYPE_CHECKING:
    from clientrecovery.relationship import Relationship

__all__ = [
    "check_break",
    "check_fulfil",
    "check_promise_response",
    "check_secure_commitment",
    "client_committed",
]


def client_committed(r: Relationship) -> Iterator[Finding]:
    if not any(
        c.party is Party.CLIENT and c.status is not CommitmentStatus.BROKEN for c in r.commitments
    ):
        yield finding(
            r.policy,
            Rule.CLIENT_COMMITMENT,
            "the client has not committed to a measurable outcome",
            hint="secure_commitment(Commitment(Party.CLIENT, description=..., measure=...,"
            " due=...)): a referral, a paid invoice, a renewal, a purchase",
        )


def check_secure_commitment(r: Relationship, e: ev.CommitmentSecured) -> Iterator[Finding]:
    c = e.commitment
    if r.has_commitment(c.id):
        raise InvalidValue("Commitment.id", f"the commitment id {c.id!r} is already used")
    if c.party is not Party.CLIENT:
        yield finding(
            r.policy,
            Rule.CLIENT_COMMITMENT,
            "this commitment is the provider's; the step asks what the client will do",
            c.id,
            "secure a commitment with party=Party.CLIENT",
        )
    if not c.measure.strip():
        yield finding(
            r.policy,
            Rule.CLIENT_COMMITMENT,
            f"commitment {c.id} has no measure",
            c.id,
            "say how both sides will know it was done (an invoice paid, a referral given, …)",
        )
    today = day_of(r.policy, e.at)
    if c.due < today:
        yield finding(
            r.policy,
            Rule.CLIENT_COMMITMENT,
            f"commitment {c.id} is due {c.due}, before it is made ({today})",
            c.id,
        )


def check_promise_response(r: Relationship, e: ev.ResponsePromised) -> Iterator[Finding]:
    yield from not_today(r, e.by, "the response date")


def _commitment_open(r: Relationship, commitment_id: str, command: str) -> list[Finding]:
    c = r.commitment(commitment_id)
    if c.status is CommitmentStatus.AGREED:
        return []
    return [
        finding(
            r.policy,
            Rule.STAGE_ORDER,
            f"commitment {commitment_id} is {c.status.value}; {command} needs it agreed",
            commitment_id,
        )
    ]


def check_fulfil(r: Relationship, e: ev.CommitmentFulfilled) -> list[Finding]:
    return _commitment_open(r, e.commitment_id, "fulfil_commitment")


def check_break(r: Relationship, e: ev.CommitmentBroken) -> list[Finding]:
    return _commitment_open(r, e.commitment_id, "break_commitment")
