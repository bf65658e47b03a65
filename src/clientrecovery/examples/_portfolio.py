"""A synthetic portfolio (private): many varied histories made through the real commands."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from typing import Final

from dateutil import tz

from clientrecovery.errors import InvalidValue
from clientrecovery.model import (
    Assessment,
    Commitment,
    EndCause,
    Impact,
    ImpactKind,
    Initiative,
    IssueCategory,
    Party,
    Quantification,
    ResolutionOption,
    Stakeholder,
    TurnaroundPlan,
)
from clientrecovery.policy import Policy
from clientrecovery.relationship import Relationship

__all__ = ["synthetic_portfolio"]


_ZONES = ("UTC", "Europe/London", "America/New_York", "Asia/Singapore", "Australia/Sydney")
_NAMES = (
    ("Alder", "Birch", "Cedar", "Delta", "Ember", "Fjord", "Granite", "Harbor", "Iris", "Juniper"),
    ("Foods", "Logistics", "Health", "Energy", "Studios", "Retail", "Labs", "Finance", "Media"),
)
_TROUBLES: dict[IssueCategory, tuple[str, str, str]] = {
    # category: (complaint, example, measure)
    IssueCategory.QUALITY: (
        "the work is not good enough",
        "two reports had wrong figures",
        "reports reworked",
    ),
    IssueCategory.DEADLINE: (
        "you are always late",
        "the March release slipped nine days",
        "days late",
    ),
    IssueCategory.BUDGET: (
        "it costs more than agreed",
        "invoice 118 exceeded the estimate",
        "percent over",
    ),
    IssueCategory.SCOPE: (
        "you do things we never asked for",
        "the portal redesign was not in scope",
        "items out of scope",
    ),
    IssueCategory.STAFFING: (
        "the team keeps changing",
        "three account leads since January",
        "lead changes",
    ),
    IssueCategory.COMMUNICATION: (
        "we never hear from you",
        "no reply for a week to the audit query",
        "days without reply",
    ),
    IssueCategory.OTHER: (
        "it just is not working",
        "the weekly meeting was cancelled four times",
        "meetings missed",
    ),
}
_FATES = (
    "recovered",
    "recovered",
    "recovered",
    "recovered",
    "recovered",
    "open",
    "open",
    "lost-unwilling",
    "lost-assessing",
    "lost-discovery",
    "lost-agreed",
    "lost-planning",
    "lost-proposed",
    "lost-recovering",
)
"""Where a case ends: recovered, still open, or lost at one of the stages the articles
describe (unwilling at the meeting, 000; before the meeting; in discovery; with the issues
agreed; while planning; with the plan on the table; during recovery)."""


def synthetic_portfolio(n: int, seed: int = 0) -> list[Relationship]:
    """``n`` varied relationships made through the real commands, the same for a seed.

    Case ``i`` depends only on ``seed`` and ``i``, so a larger portfolio starts with the
    cases of a smaller one. About a third recover, one in seven is still open at some
    stage, the rest are lost at every stage the articles describe, each with its
    :class:`~clientrecovery.EndCause`; along the way there are dropped generalities, late
    issues, delay warnings, waits on the client, skipped follow-ups and commitments broken.
    Cases come in threes per client account (``account`` ``a<seed>-<k>`` for cases ``3k`` to
    ``3k + 2``), as repeat cases of one client.

    >>> cases = synthetic_portfolio(3, seed=7)
    >>> [r.id for r in cases]
    ['s7-00000', 's7-00001', 's7-00002']
    >>> synthetic_portfolio(3, seed=7) == cases
    True
    """
    if type(n) is not int or n < 0:
        raise InvalidValue("synthetic_portfolio(n=...)", f"must be a whole number >= 0, got {n!r}")
    if type(seed) is not int:
        raise InvalidValue("synthetic_portfolio(seed=...)", f"must be an integer, got {seed!r}")
    return [_Synthetic(seed, i).build() for i in range(n)]


_CASES_PER_ACCOUNT: Final = 3


class _Synthetic:
    """One synthetic case: a random walk through the method that never breaks an ERROR rule."""

    def __init__(self, seed: int, index: int) -> None:
        self.rng = rng = random.Random(f"clientrecovery:{seed}:{index}")
        self.id = f"s{seed}-{index:05d}"
        # Cases 3k, 3k + 1 and 3k + 2 are repeat cases of account k, one client.
        self.account = f"a{seed}-{index // _CASES_PER_ACCOUNT:05d}"
        named = random.Random(f"clientrecovery:{seed}:account:{index // _CASES_PER_ACCOUNT}")
        self.client = f"{named.choice(_NAMES[0])} {named.choice(_NAMES[1])}"
        self.zone = rng.choice(_ZONES)
        first = datetime(2025, 1, 6, 9, 0, tzinfo=tz.gettz(self.zone))
        self.now = first + timedelta(days=rng.randrange(0, 560))
        self.fate = rng.choice(_FATES)
        self.diligent = rng.random() < 0.7  # keeps the follow-up cadence
        self.last_follow_up = self.last_contact = self.now

    def later(self, low: float, high: float) -> datetime:
        """Move the clock on by ``low``-``high`` hours."""
        self.now = _plus(self.now, timedelta(minutes=round(self.rng.uniform(low, high) * 60)))
        return self.now

    def build(self) -> Relationship:
        rng = self.rng
        category = rng.choice(list(IssueCategory))
        rng.choice(_NAMES[0]), rng.choice(_NAMES[1])  # drawn as before: the walk stays the same
        r = Relationship.open(
            self.client,
            trigger=_TROUBLES[category][0],
            at=self.now,
            raised_by=rng.choice((Party.CLIENT, Party.CLIENT, Party.PROVIDER)),
            policy=Policy(timezone=self.zone),
            actor="Account manager",
            id=self.id,
            account=self.account,
        )
        if self.fate == "open" and rng.random() < 0.1:
            return r
        if self.fate == "lost-assessing" and rng.random() < 0.3:
            return self.lose(r, "the client moved the work elsewhere before any meeting")
        r = r.assess(_assessment(rng), at=self.later(1, 6))
        if self.fate == "lost-assessing":
            return self.lose(r, "the client would not take a meeting", EndCause.UNWILLING)
        r = r.align_internally(approved_by="Director", at=self.later(1, 20))
        willing = self.fate != "lost-unwilling"
        r = r.meet_client(at=self.later(2, 48), willing=willing)
        if not willing:
            if rng.random() < 0.5:
                r = r.record_lessons(["raise problems earlier"], at=self.later(24, 96))
            return r
        if self.fate == "open" and rng.random() < 0.15:
            return r
        r = self.discover(r, category, rng.randint(1, 4), agree=self.fate != "lost-discovery")
        if self.fate == "lost-discovery":
            reason = "the client would not agree what went wrong"
            return self.lose(r, reason, EndCause.NO_AGREEMENT)
        if self.fate == "lost-agreed":
            reason = "the client would not commit to an outcome"
            return self.lose(r, reason, EndCause.NO_AGREEMENT)
        if self.fate == "open" and rng.random() < 0.2:
            return r
        r = r.secure_commitment(
            Commitment(
                Party.CLIENT,
                "extend the contract",
                measure="extension signed",
                due=self.now.date() + timedelta(days=rng.randint(40, 90)),
            ),
            at=self.later(0.2, 1),
        )
        if self.fate == "lost-planning":
            today = r.policy.local_date(self.now)
            r = r.promise_response(by=today + timedelta(days=3), at=self.later(0, 1))
            reason = "the fix would cost more than the contract is worth"
            return self.lose(r, reason, EndCause.PROVIDER_WITHDREW, Party.PROVIDER)
        r = self.plan(r)
        if self.fate == "lost-proposed":
            reason = "the client chose another supplier instead of the plan"
            return self.lose(r, reason, EndCause.NO_AGREEMENT)
        if self.fate == "open" and rng.random() < 0.3:
            return r
        r = r.agree_plan(at=self.later(2, 30))
        if rng.random() < 0.8:
            r = r.inform_stakeholders(
                audience=["Client lead", "Director"], summary="plan agreed", at=self.later(1, 4)
            )
        if rng.random() < 0.15:
            r = self.late_issue(r)
        return self.recover(r)

    def discover(
        self, r: Relationship, category: IssueCategory, count: int, *, agree: bool = True
    ) -> Relationship:
        rng = self.rng
        for k in range(count):
            kind = category if k == 0 else rng.choice(list(IssueCategory))
            complaint, example, measure = _TROUBLES[kind]
            r = r.raise_issue(complaint, category=kind, at=self.later(0.1, 1))
            issue = r.issues[-1].id
            if k and rng.random() < 0.2:
                r = r.drop_issue(issue, reason="a generality", at=self.later(0.1, 1))
            else:
                r = r.specify_issue(
                    issue,
                    examples=[example],
                    quantification=Quantification(measure, rng.randint(2, 12), "last quarter"),
                    at=self.later(0.1, 2),
                )
        if not agree:
            return r
        return r.agree_issues(at=self.later(0.5, 3), nothing_missed=True)

    def plan(self, r: Relationship) -> Relationship:
        rng = self.rng
        today = r.policy.local_date(self.now)
        r = r.promise_response(by=today + timedelta(days=rng.randint(2, 5)), at=self.later(0, 1))
        r = r.send_written_summary(at=self.later(1, 6))
        self.now = max(self.now, _morning(r, (r.response_due or today) - timedelta(days=1)))
        return r.propose_plan(_plan(r, rng, self.now), at=self.later(0, 8))

    def late_issue(self, r: Relationship) -> Relationship:
        complaint, example, measure = _TROUBLES[IssueCategory.COMMUNICATION]
        r = r.raise_issue(complaint, category=IssueCategory.COMMUNICATION, at=self.later(24, 72))
        issue = r.issues[-1].id
        r = r.specify_issue(
            issue,
            examples=[example],
            quantification=Quantification(measure, self.rng.randint(2, 9), "last month"),
            at=self.later(0.2, 2),
        )
        r = r.agree_issues(at=self.later(0.5, 3), nothing_missed=True)
        r = r.promise_response(
            by=r.policy.local_date(self.now) + timedelta(days=2), at=self.later(0, 1)
        )
        r = r.send_written_summary(at=self.later(1, 6))
        self.now = max(
            self.now, _morning(r, (r.response_due or self.now.date()) - timedelta(days=1))
        )
        r = r.revise_plan(_plan(r, self.rng, self.now), at=self.later(0, 8))
        return r.agree_plan(at=self.later(2, 30))

    def keep_in_touch(self, r: Relationship, until: datetime) -> Relationship:
        """Follow up and call the client on the way to ``until``, as a diligent team would."""
        follow_every = timedelta(days=2 if self.diligent else 6)
        while True:
            follow = _plus(self.last_follow_up, follow_every)
            due = min(follow, _plus(self.last_contact, timedelta(days=4)))
            if due >= until:
                return r
            self.now = max(self.now, due)
            if due == follow:
                r = r.follow_up(at=self.now, note="progress checked")
                self.last_follow_up = self.now
            else:
                r = r.contact_client(at=self.now, channel="call", summary="progress update")
                self.last_contact = self.now

    def recover(self, r: Relationship) -> Relationship:
        rng = self.rng
        plan = r.plan
        if plan is None:  # pragma: no cover - a plan was just agreed
            return r
        self.last_follow_up = self.last_contact = self.now
        stop_at = (
            rng.randrange(len(plan.initiatives))
            if self.fate in ("open", "lost-recovering")
            else None
        )
        for position, work in enumerate(sorted(plan.initiatives, key=lambda i: (i.due, i.id))):
            if position == stop_at:
                if self.fate == "lost-recovering":
                    return self.lose(r, "the client ended the contract before the plan was done")
                return r
            provider_work = work.owner_party is Party.PROVIDER
            r = self.keep_in_touch(r, _plus(self.now, timedelta(hours=2)))
            r = r.start_initiative(work.id, at=self.later(0.5, 4))
            due = _morning(r, work.due)
            if provider_work and rng.random() < 0.2 and due - self.now > timedelta(days=1):
                at = self.later(1, 8)
                r = r.wait_on_client(
                    work.id,
                    reason="waiting for the client's data",
                    needs="last quarter's data extract" if rng.random() < 0.8 else "",
                    by=r.policy.local_date(at) + timedelta(days=2),
                    at=at,
                )
                r = self.keep_in_touch(r, _plus(self.now, timedelta(days=rng.randint(1, 4))))
                r = r.resume(work.id, at=self.later(0.5, 2))
                due = _morning(r, r.initiative(work.id).due)
            if rng.random() < 0.2 and due - self.now > timedelta(days=3):
                warn_at = _plus(due, -timedelta(days=3))
                r = self.keep_in_touch(r, warn_at)
                self.now = max(self.now, warn_at)
                new_due = r.initiative(work.id).due + timedelta(days=rng.randint(2, 7))
                r = r.warn_delay(work.id, new_due=new_due, reason="a supplier slipped", at=self.now)
                due = _morning(r, new_due)
            minutes = (due - self.now) // timedelta(minutes=1)
            finish = _plus(self.now, timedelta(minutes=round(minutes * rng.uniform(0.3, 0.95))))
            r = self.keep_in_touch(r, finish)
            self.now = max(self.now, finish)
            r = r.complete_initiative(work.id, outcome="done as measured", at=self.now)
        for issue in r.issues:
            if issue.status.name == "AGREED":
                r = r.resolve_issue(issue.id, evidence="the client confirmed", at=self.later(1, 24))
        r = self.keep_in_touch(r, _plus(self.now, timedelta(days=rng.randint(1, 10))))
        commitment = r.client_commitment
        if self.fate == "open" or commitment is None or commitment.id is None:
            return r
        if rng.random() < 0.1:
            r = r.break_commitment(commitment.id, reason="budget frozen", at=self.later(1, 24))
            reason = "the client did not keep its commitment"
            return self.lose(r, reason, EndCause.COMMITMENT_BROKEN)
        r = r.fulfil_commitment(commitment.id, evidence="signed", at=self.later(1, 24))
        return r.close(at=self.later(0.5, 4))

    def lose(
        self,
        r: Relationship,
        reason: str,
        cause: EndCause = EndCause.OTHER,
        ended_by: Party = Party.CLIENT,
    ) -> Relationship:
        """End the case; now and then without lessons, kept later or never (004)."""
        kept = self.rng.random()
        lessons = ("raise problems earlier",) if kept < 0.8 else ()
        r = r.end(
            reason=reason, lessons=lessons, cause=cause, ended_by=ended_by, at=self.later(24, 240)
        )
        if not lessons and kept < 0.9:
            r = r.record_lessons(["meet the client sooner"], at=self.later(24, 96))
        return r


def _plus(moment: datetime, delta: timedelta) -> datetime:
    """``moment + delta`` in elapsed time, not on the wall clock (which skips or repeats an
    hour when the clocks change), shown in the same zone."""
    zone = moment.tzinfo
    return (moment.astimezone(UTC) + delta).astimezone(zone)


def _morning(r: Relationship, day: date) -> datetime:
    """9:00 on ``day`` in the relationship's time zone."""
    return datetime.combine(day, datetime.min.time(), tzinfo=r.policy.tz).replace(hour=9)


def _assessment(rng: random.Random) -> Assessment:
    return Assessment(
        root_cause="a handover lost the client's priorities",
        timeline="trouble began in the last quarter",
        stakeholders=(
            Stakeholder("Client lead", "sponsor", Party.CLIENT),
            Stakeholder("Director", "account director", Party.PROVIDER),
        ),
        implications="the contract may not be renewed",
        client_perspective="they feel they pay for attention they do not get",
        impacts=(Impact(ImpactKind.MONEY, "contract value", amount=rng.randrange(10, 500) * 1000),),
    )


def _plan(r: Relationship, rng: random.Random, now: datetime) -> TurnaroundPlan:
    """An initiative per open issue (the first a quick win) and one for the client."""
    today = r.policy.local_date(now)
    open_issues = [i.id for i in r.issues if i.status.name == "AGREED"]
    initiatives: list[Initiative] = []
    due = today
    for k, issue in enumerate(open_issues):
        due += timedelta(days=rng.randint(2, 4) if k == 0 else rng.randint(4, 14))
        initiatives.append(
            Initiative(
                f"A{k + 1}",
                f"fix what issue {issue} describes",
                (issue,),
                Party.PROVIDER,
                "Delivery lead",
                due,
                "the measure back to normal",
                priority=1 if k == 0 else 2,
                quick_win=k == 0,
            )
        )
    initiatives.append(
        Initiative(
            f"A{len(open_issues) + 1}",
            "one decision-maker on the client's side",
            tuple(open_issues[:1]),
            Party.CLIENT,
            "Client lead",
            today + timedelta(days=rng.randint(3, 10)),
            "decision-maker named",
            priority=3,
        )
    )
    return TurnaroundPlan(
        initiatives=tuple(initiatives),
        options=(
            ResolutionOption(
                "fix", "fix it at our cost", client_gain=3, provider_gain=2, preferred=True
            ),
            ResolutionOption("discount", "a discount instead", client_gain=1, provider_gain=1),
        ),
    )
