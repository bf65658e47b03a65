"""Commitments and promises: the client's measurable commitment, the provider's promised
response date, and keeping or breaking either (003 §4-5; 000)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from clientrecovery import events as ev
from clientrecovery._validate import is_aware
from clientrecovery.catalogue import Finding, Rule, Severity
from clientrecovery.errors import InvalidValue
from clientrecovery.model import Commitment, CommitmentStatus, Party, Stage
from clientrecovery.rules._core import advisory, days, finding, late_warning, not_today
from clientrecovery.rules.issues import vague
from clientrecovery.schedule import _day_of

if TYPE_CHECKING:
    from clientrecovery.relationship import Relationship

# Members read for every commitment, as module names (see rules._core.OPEN_ISSUE).
_CLIENT = Party.CLIENT
_PROVIDER = Party.PROVIDER
_BROKEN = CommitmentStatus.BROKEN
_WARNING = Severity.WARNING

__all__ = [
    "check_break",
    "check_fulfil",
    "check_promise",
    "check_promise_response",
    "check_secure_commitment",
    "client_committed",
    "vague_measure",
]


def client_committed(r: Relationship) -> list[Finding]:
    for c in r.commitments:
        if c.party is _CLIENT and c.status is not _BROKEN:
            return []
    return [
        finding(
            r.policy,
            Rule.CLIENT_COMMITMENT,
            "the client has not committed to a measurable outcome",
            hint="Ask what the client will do once the issues are solved: a referral, paying"
            " an invoice, a renewal, a purchase.",
            command="secure_commitment",
        )
    ]


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
            "Record the client's commitment here; the provider's own promises are recorded"
            " with promise.",
            command="promise",
        )
    if not c.measure.strip():
        yield finding(
            r.policy,
            Rule.CLIENT_COMMITMENT,
            f"commitment {c.id} has no measure",
            c.id,
            "Say how both sides will know it was done: an invoice paid, a referral given.",
        )
    yield from vague_measure(r, c)
    today = _day_of(r.policy, e.at)
    if c.due < today:
        yield finding(
            r.policy,
            Rule.CLIENT_COMMITMENT,
            f"commitment {c.id} is due {c.due}, before it is made ({today})",
            c.id,
            "Agree a due date with the client from today on.",
        )


def check_promise(r: Relationship, e: ev.PromiseMade) -> Iterator[Finding]:
    """A provider promise: the provider's, new, and not due before it is made."""
    c = e.commitment
    if r.has_commitment(c.id):
        raise InvalidValue("promise(commitment=...)", f"the commitment id {c.id!r} is already used")
    if c.party is not Party.PROVIDER:
        raise InvalidValue(
            "promise(commitment=...)",
            "is the client's; secure_commitment records what the client commits to",
        )
    if is_aware(e.at) and c.due < _day_of(r.policy, e.at):
        raise InvalidValue(
            "promise(commitment=...)",
            f"is due {c.due}, before it is made ({_day_of(r.policy, e.at)})",
        )
    return iter(vague_measure(r, c))


def vague_measure(r: Relationship, c: Commitment) -> list[Finding]:
    """A WARNING when the measure of ``c`` is itself a generality (it speaks in absolutes):
    the client's commitment is a result both sides can count (003 §4), and so is what shows
    a promise of the provider's kept (000). It stands while the commitment is open."""
    if not c.measure.strip():
        return []  # no measure at all is its own finding
    why = vague(c.measure)
    if why is None:
        return []
    if c.party is _CLIENT:
        return [
            finding(
                r.policy,
                Rule.CLIENT_COMMITMENT,
                f"the measure of commitment {c.id} ({c.measure!r}) {why}",
                c.id,
                "Name an action of the client's that both sides can count or see: a renewal"
                " signed, an invoice paid, a referral given.",
                severity=_WARNING,
            )
        ]
    return [
        finding(
            r.policy,
            Rule.PROMISE_KEPT,
            f"the measure of the provider's promise {c.id} ({c.measure!r}) {why}",
            c.id,
            "Say what the client will be able to count or see once the promise is kept.",
            severity=_WARNING,
        )
    ]


def check_promise_response(r: Relationship, e: ev.ResponsePromised) -> Iterator[Finding]:
    yield from not_today(r, e.by, "the response date")
    previous = r.response_due
    if r.stage is Stage.PLANNING and previous is not None and e.by > previous and is_aware(e.at):
        yield from late_warning(
            r.policy, None, previous, e.by, e.at, what="the promised response date"
        )


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
            f"It is already {c.status.value}; a new commitment is recorded as a new one"
            " (secure_commitment for the client's, promise for the provider's).",
        )
    ]


def check_fulfil(r: Relationship, e: ev.CommitmentFulfilled) -> list[Finding]:
    found = _commitment_open(r, e.commitment_id, "fulfil_commitment")
    c = r.commitment(e.commitment_id)
    if not found and c.party is _PROVIDER and is_aware(e.at):
        day = _day_of(r.policy, e.at)
        if day > c.due:
            found.append(
                finding(
                    r.policy,
                    Rule.PROMISE_KEPT,
                    f"the provider's promise {c.id} ({c.description!r}) was kept on {day},"
                    f" {days((day - c.due).days)} late (it was due {c.due})",
                    c.id,
                    "Promise conservatively: a date you are sure to meet, and tell the client"
                    " ahead of it if it slips.",
                    severity=advisory(r.policy, Rule.PROMISE_KEPT),
                )
            )
    return found


def check_break(r: Relationship, e: ev.CommitmentBroken) -> list[Finding]:
    """A provider promise broken stays on the record as PROMISE_KEPT (000: keeping
    promises matters most); recording it is never refused, it is what happened."""
    found = _commitment_open(r, e.commitment_id, "break_commitment")
    c = r.commitment(e.commitment_id)
    if not found and c.party is _PROVIDER:
        found.append(_broken(r, c))
    return found


def _broken(r: Relationship, c: Commitment) -> Finding:
    """PROMISE_KEPT: the provider's promise ``c`` is recorded broken."""
    return finding(
        r.policy,
        Rule.PROMISE_KEPT,
        f"the provider broke its promise {c.id} ({c.description!r}, due {c.due})",
        c.id,
        "A broken promise stays on the record: tell the client plainly why and what you will"
        " do instead, and from now on promise only what you are sure to deliver.",
        command="contact_client",
        severity=advisory(r.policy, Rule.PROMISE_KEPT),
    )
