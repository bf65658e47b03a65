"""The articles' stories as ready case histories, and a synthetic portfolio for analysis.

Each story is built through the public commands, so every step of it follows the method;
each returns the relationship with its full history:

- :func:`masterclass` — "A Client Management Masterclass" (000): the agency whose creative
  work disappointed finds where things broke down, takes responsibility and keeps the client.
- :func:`design_firm` — "Four Skills for Successful Client Service Negotiations" (002): the
  design firm that ignored the client's feedback, let ego into the meeting, and lost the
  client even though its next designs were good.
- :func:`turnaround` — "Dealing with a difficult client" (003): all ten steps, with a
  delay announced ahead of time and a wait on the client along the way.

:func:`synthetic_portfolio` drives the same commands with a seeded random generator to make
many varied histories: recovered, lost at different stages, still open, late issues, delay
warnings and holds.

>>> [r.stage.name for r in stories()]
['RECOVERED', 'LOST', 'RECOVERED']
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Final

import attrs
from dateutil import tz

from clientrecovery.errors import InvalidValue, RuleViolation
from clientrecovery.model import (
    Assessment,
    Commitment,
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

__all__ = ["design_firm", "masterclass", "stories", "synthetic_portfolio", "turnaround"]

Say = Callable[[str], None]


def _quiet(_: str) -> None:
    """Narration that goes nowhere."""


def stories() -> tuple[Relationship, ...]:
    """The three stories: :func:`masterclass`, :func:`design_firm`, :func:`turnaround`."""
    return (masterclass(), design_firm(), turnaround())


@attrs.frozen
class _Calendar:
    """Moments of a story: ``at(day, hour)`` counts days from its first morning."""

    start: datetime

    def at(self, day: int, hour: int = 10) -> datetime:
        return self.start.replace(hour=hour) + timedelta(days=day)

    def day(self, day: int) -> date:
        return self.at(day).date()


def masterclass(
    say: Say = _quiet, pause: Callable[[Relationship], None] | None = None
) -> Relationship:
    """Build the masterclass case (000), narrating each step through ``say``.

    ``pause`` is called with the relationship at two points where it is worth asking what
    comes next (before the meeting, and once the plan is promised).

    Returns the relationship, RECOVERED, with its full history.
    """
    c = _Calendar(datetime(2026, 3, 2, 9, 0, tzinfo=tz.gettz("Europe/London")))
    r = Relationship.open(
        "Halden Foods",
        trigger="final creative work judged below the expected quality; the client called a"
        " meeting to consider ending the project",
        at=c.at(0, 9),
        raised_by=Party.CLIENT,
        policy=Policy(timezone="Europe/London"),
        actor="Account director",
        id="halden-foods",
    )
    say(f"Opened {r.client!r}: {r.trigger}.")

    say("\n1. Get the full situation down before the meeting (001 §1-3; 003 §1).")
    r = r.assess(
        Assessment(
            root_cause="the creative brief was read differently by the two teams; the"
            " later disappointments all follow from that",
            timeline="brief in January, two rounds of concepts in February, final artwork"
            " rejected last week",
            stakeholders=(
                Stakeholder(
                    "Dana Okafor",
                    "marketing director",
                    Party.CLIENT,
                    persona="wants results she can show her board; dislikes jargon",
                ),
                Stakeholder("Pier Novak", "agency director", Party.PROVIDER),
                Stakeholder("Sam Reyes", "account manager", Party.PROVIDER),
            ),
            implications="the project may be cancelled and the phase-two budget withdrawn",
            client_perspective="they paid for work that does not look like their brand and"
            " feel unheard",
            impacts=(
                Impact(ImpactKind.TIME, "launch slips by three weeks", amount=21),
                Impact(ImpactKind.MONEY, "phase-two budget at risk", amount="40000"),
            ),
        ),
        at=c.at(0, 11),
    )
    say("   Root cause, timeline, stakeholders, implications and the client's view recorded.")

    say("\n   Trying to meet the client before leadership has agreed the approach:")
    try:
        r.meet_client(at=c.at(0, 12))
    except RuleViolation as refused:
        say("   " + str(refused).replace("\n", "\n   "))
    if pause is not None:
        pause(r)

    say("\n2. Align internally first (001 §4).")
    r = r.align_internally(
        approved_by="Pier Novak",
        approach="own the misunderstanding, no blame, re-brief and redo the key pieces",
        at=c.at(0, 15),
    )

    say("\n3. Meet the client: do they still want to work it out? (000)")
    r = r.meet_client(at=c.at(1), willing=True)
    say(f"   They do. Stage: {r.stage.name}.")

    say("\n4. Turn complaints into specific issues (003 §1-2).")
    r = r.raise_issue(
        "the artwork does not look like our brand", category=IssueCategory.QUALITY, at=c.at(1)
    )
    r = r.raise_issue("you never listen", category=IssueCategory.COMMUNICATION, at=c.at(1))
    r = r.raise_issue(
        "feedback from round two was ignored", category=IssueCategory.COMMUNICATION, at=c.at(1)
    )
    r = r.specify_issue(
        "I1",
        examples=[
            "the packaging uses the old logo colours",
            "the hero photo shows a city, the brief said farms",
        ],
        quantification=Quantification("artworks off-brief", 4, "of 6"),
        at=c.at(1, 11),
    )
    r = r.drop_issue("I2", reason="a generality; its one example is the same as I3", at=c.at(1, 11))
    r = r.specify_issue(
        "I3",
        examples=["the twelve comments sent on 12 February came back unaddressed"],
        quantification=Quantification("feedback points not addressed", 12, "of 12"),
        at=c.at(1, 11),
    )
    for issue in r.issues:
        say(f"   {issue.id} {issue.status.value:9} {issue.title}")

    say("\n5. The client agrees the list and says nothing is missing (003 §3).")
    r = r.agree_issues(at=c.at(1, 12), nothing_missed=True)

    say("\n6. The client's commitment once the issues are solved (003 §4).")
    r = r.secure_commitment(
        Commitment(
            Party.CLIENT,
            "continue the project and release the phase-two budget",
            measure="phase-two purchase order signed",
            due=c.day(30),
        ),
        at=c.at(1, 12),
    )

    say("\n7. Do not solve it today: promise a date for the plan (003 §5).")
    r = r.promise_response(by=c.day(3), at=c.at(1, 12))
    say(f"   Plan promised for {r.response_due}. Stage: {r.stage.name}.")
    if pause is not None:
        pause(r)

    say("\n8. Follow up in writing (003 §6).")
    r = r.send_written_summary(at=c.at(1, 17))

    say(
        "\n9. A plan with hard deadlines, a quick win first, both sides' parts,"
        " and 2-3 options (003 §7; 001 §6)."
    )
    plan = TurnaroundPlan(
        initiatives=(
            Initiative(
                "A1",
                "re-brief workshop with the brand team",
                ("I1", "I3"),
                Party.PROVIDER,
                "Sam Reyes",
                c.day(4),
                "a one-page brief both sides have signed",
                priority=1,
                quick_win=True,
            ),
            Initiative(
                "A2",
                "one decision-maker and consolidated feedback",
                ("I3",),
                Party.CLIENT,
                "Dana Okafor",
                c.day(5),
                "a single list of feedback per round",
                priority=2,
            ),
            Initiative(
                "A3",
                "redo the four off-brief artworks",
                ("I1",),
                Party.PROVIDER,
                "Pier Novak",
                c.day(16),
                "all six artworks approved against the signed brief",
                priority=2,
            ),
        ),
        options=(
            ResolutionOption(
                "full-redo",
                "redo the off-brief work at no charge",
                client_gain=40000,
                provider_gain=30000,
                preferred=True,
            ),
            ResolutionOption(
                "partial",
                "redo the packaging only, discount the rest",
                client_gain=15000,
                provider_gain=10000,
            ),
        ),
    )
    r = r.propose_plan(plan, at=c.at(3))
    r = r.agree_plan(at=c.at(3, 15))
    say(
        f"   Plan v{r.plan.version if r.plan else 0} agreed with option"
        f" {r.plan.chosen_option if r.plan else None!r}. Stage: {r.stage.name}."
    )
    r = r.inform_stakeholders(
        audience=["Dana Okafor", "Pier Novak", "Sam Reyes"],
        summary="plan v1 agreed: re-brief on Friday, redo by the 18th",
        at=c.at(3, 16),
    )

    say("\n10. Deliver, follow up every other day, communicate often (003 §9-10; 000).")
    r = r.start_initiative("A1", at=c.at(4, 9))
    r = r.complete_initiative("A1", outcome="brief signed by both sides", at=c.at(4, 16))
    r = r.start_initiative("A2", at=c.at(4, 16))
    r = r.complete_initiative("A2", outcome="Dana decides; one feedback list", at=c.at(5))
    r = r.start_initiative("A3", at=c.at(5))
    for day in (7, 9, 11, 14):
        r = r.follow_up(at=c.at(day, 9), note="artwork redo on track")
        r = r.contact_client(at=c.at(day, 12), channel="call", summary="progress update")
    r = r.complete_initiative("A3", outcome="six of six approved", at=c.at(15))
    say("   Every initiative done, ahead of its deadline.")
    r = r.resolve_issue("I1", evidence="all artworks approved against the brief", at=c.at(16))
    r = r.resolve_issue("I3", evidence="feedback of both rounds addressed", at=c.at(16))
    r = r.fulfil_commitment("C1", evidence="purchase order signed", at=c.at(20))
    r = r.close(at=c.at(20, 12))
    return r


def design_firm(say: Say = _quiet) -> Relationship:
    """The design firm that lost its client (002), as the firm's own record would show it.

    The client's second round of feedback was ignored; in the meeting called to talk it
    through, the firm's chief executive argued from pride instead of the client's goals.
    The firm's next designs were good, but the client could no longer see them fairly: the
    relationship ends LOST, with the lessons the article draws.
    """
    c = _Calendar(datetime(2026, 4, 13, 9, 0, tzinfo=tz.gettz("America/New_York")))
    r = Relationship.open(
        "Brightwater Health",
        trigger="the second round of rebranding designs left out nearly all of the client's"
        " feedback",
        at=c.at(0, 9),
        raised_by=Party.CLIENT,
        policy=Policy(timezone="America/New_York"),
        actor="Client manager",
        id="brightwater-health",
    )
    say(f"Opened {r.client!r}: {r.trigger}.")
    r = r.assess(
        Assessment(
            root_cause="the designers treated the feedback as optional and worked from their"
            " own concept",
            timeline="kick-off in February; first outlines disappointed; detailed feedback with"
            " reference brands; second round ignored it",
            stakeholders=(
                Stakeholder(
                    "Marcus Hale",
                    "chief marketing officer",
                    Party.CLIENT,
                    persona="has spent months on what the brand should say; wants to be heard",
                ),
                Stakeholder("Renata Cole", "chief executive", Party.PROVIDER),
                Stakeholder("Ivy Tran", "client manager", Party.PROVIDER),
            ),
            implications="the rebrand, funded after years of waiting, is in doubt",
            client_perspective="their careful feedback was ignored; they feel the firm does"
            " not listen",
            impacts=(Impact(ImpactKind.TIME, "one design round wasted", amount=14),),
        ),
        at=c.at(0, 11),
    )
    r = r.align_internally(
        approved_by="Renata Cole",
        approach="the chief executive joins the meeting to defend the designs",
        at=c.at(0, 15),
    )
    say("Aligned internally, but on defending the work rather than on the client's goals.")
    r = r.meet_client(at=c.at(2), willing=True)
    r = r.raise_issue(
        "our feedback was left out of round two",
        category=IssueCategory.QUALITY,
        at=c.at(2, 11),
    )
    r = r.contact_client(
        at=c.at(2, 12),
        channel="meeting",
        summary="the chief executive told the client he did not understand design and left"
        " the meeting",
        proactive=False,
    )
    say("In the meeting, the chief executive argued and walked out (002: ego has no role).")
    r = r.contact_client(
        at=c.at(6),
        channel="email",
        summary="third round of designs sent; much closer to the client's vision",
    )
    r = r.end(
        reason="the client could no longer judge the work apart from how the meeting went;"
        " the relationship and the project were both lost",
        lessons=(
            "client service is part of the product: good work cannot undo a bad experience",
            "leave ego out; argue from the client's goals and results, not the firm's pride",
            "state facts, not emotion, especially when the client pushes back",
            "understand the client's persona before the meeting and plan for it",
        ),
        at=c.at(9),
    )
    say(f"Stage: {r.stage.name}.")
    return r


def turnaround(say: Say = _quiet) -> Relationship:
    """A full ten-step turnaround of a managed IT support client (003).

    Steps 1-2 turn complaints into specific, quantified issues; 3 the client agrees the
    list; 4 the client commits to renew; 5 the plan is promised for later, not improvised;
    6 a written summary; 7 a prioritized plan with a quick win and both sides' parts; 8 the
    client agrees it; 9 follow-ups every other day at first, a delay warned ahead of time and
    a wait on the client; 10 frequent contact, until the client's renewal closes it.
    """
    c = _Calendar(datetime(2026, 5, 4, 9, 0, tzinfo=tz.gettz("America/Chicago")))
    r = Relationship.open(
        "Norbrook Logistics",
        trigger="the operations director called support unacceptable and put the contract"
        " under review",
        at=c.at(0, 9),
        raised_by=Party.CLIENT,
        policy=Policy(timezone="America/Chicago"),
        actor="Service manager",
        id="norbrook-logistics",
    )
    say(f"Opened {r.client!r}: {r.trigger}.")
    r = r.assess(
        Assessment(
            root_cause="after a staffing change, tickets were worked first in, first out,"
            " with no priority for the warehouse",
            timeline="support team reorganised in February; complaints since March; contract"
            " review announced this week",
            stakeholders=(
                Stakeholder(
                    "Alma Reyes",
                    "operations director",
                    Party.CLIENT,
                    persona="measures everything in shipments out of the door",
                ),
                Stakeholder("Tom Becker", "service manager", Party.PROVIDER),
                Stakeholder("Nia Okoro", "network engineer", Party.PROVIDER),
            ),
            implications="a 12-month support contract up for renewal in eight weeks",
            client_perspective="they pay for fast support and get slow answers while the"
            " warehouse stands still",
            impacts=(
                Impact(ImpactKind.MONEY, "renewal value at risk", amount="96000"),
                Impact(ImpactKind.TIME, "warehouse hours lost to scanner outages", amount=11),
            ),
        ),
        at=c.at(0, 13),
    )
    r = r.align_internally(
        approved_by="Tom Becker",
        approach="own the slow response, quantify it with the client, no quick fixes today",
        at=c.at(0, 16),
    )
    r = r.meet_client(at=c.at(1, 10), willing=True)
    say("1-2. Complaints become specific, measured issues (003 §1-2).")
    r = r.raise_issue("support is slow", category=IssueCategory.DEADLINE, at=c.at(1, 10))
    r = r.raise_issue(
        "the scanners keep going down", category=IssueCategory.QUALITY, at=c.at(1, 10)
    )
    r = r.raise_issue(
        "nobody tells us anything", category=IssueCategory.COMMUNICATION, at=c.at(1, 10)
    )
    r = r.specify_issue(
        "I1",
        examples=["ticket 4411 waited 9 hours for a first answer"],
        quantification=Quantification("median first response", 9, "hours (contract: 2)"),
        at=c.at(1, 11),
    )
    r = r.specify_issue(
        "I2",
        examples=["the dock scanners were down on 3, 9, 17 and 24 April"],
        quantification=Quantification("scanner outages", 4, "in April"),
        at=c.at(1, 11),
    )
    r = r.specify_issue(
        "I3",
        examples=["no status update on ticket 4470 for three days"],
        quantification=Quantification("major tickets without updates", 6, "of 8"),
        at=c.at(1, 11),
    )
    say("3. The client agrees the list is complete (003 §3).")
    r = r.agree_issues(at=c.at(1, 12), nothing_missed=True)
    say("4. The client's commitment: renew when the issues are solved (003 §4).")
    r = r.secure_commitment(
        Commitment(
            Party.CLIENT,
            "renew the support contract for 12 months",
            measure="renewal signed",
            due=c.day(56),
        ),
        at=c.at(1, 12),
    )
    say("5. Not today: the plan is promised for Thursday (003 §5).")
    r = r.promise_response(by=c.day(3), at=c.at(1, 12))
    say("6. The written summary goes out the same afternoon (003 §6).")
    r = r.send_written_summary(at=c.at(1, 16))
    say("7. The plan: a quick win first, both sides' parts, measurable results (003 §7).")
    plan = TurnaroundPlan(
        initiatives=(
            Initiative(
                "A1",
                "a priority lane for warehouse tickets",
                ("I1",),
                Party.PROVIDER,
                "Tom Becker",
                c.day(4),
                "warehouse tickets answered within 1 hour",
                priority=1,
                quick_win=True,
            ),
            Initiative(
                "A2",
                "a daily status note on every open major ticket",
                ("I3",),
                Party.PROVIDER,
                "Tom Becker",
                c.day(8),
                "every major ticket updated each working day",
                priority=2,
            ),
            Initiative(
                "A3",
                "replace the dock's wireless access points",
                ("I2",),
                Party.PROVIDER,
                "Nia Okoro",
                c.day(17),
                "no scanner outage for four weeks",
                priority=2,
            ),
            Initiative(
                "A4",
                "one named contact and after-hours access to the dock",
                ("I2", "I3"),
                Party.CLIENT,
                "Alma Reyes",
                c.day(7),
                "contact named and access granted",
                priority=3,
            ),
        ),
        options=(
            ResolutionOption(
                "fix-and-renew",
                "the four initiatives at no extra charge; renew on results",
                client_gain=96000,
                provider_gain=96000,
                preferred=True,
            ),
            ResolutionOption(
                "credit",
                "a service credit for April and the priority lane only",
                client_gain=8000,
                provider_gain=0,
            ),
        ),
    )
    r = r.propose_plan(plan, at=c.at(3, 10))
    say("8. The client agrees the plan (003 §8).")
    r = r.agree_plan(at=c.at(3, 15))
    r = r.inform_stakeholders(
        audience=["Alma Reyes", "Tom Becker", "Nia Okoro"],
        summary="plan agreed: priority lane Friday, status notes, dock network by the 21st",
        at=c.at(3, 16),
    )
    say("9-10. Deliver; follow up every other day; tell the client often (003 §9-10).")
    r = r.start_initiative("A1", at=c.at(4, 9))
    r = r.complete_initiative(
        "A1", outcome="warehouse tickets answered in 40 minutes", at=c.at(4, 17)
    )
    r = r.start_initiative("A2", at=c.at(4, 17))
    r = r.start_initiative("A4", at=c.at(4, 17))
    r = r.start_initiative("A3", at=c.at(7, 9))
    r = r.follow_up(at=c.at(7, 9), note="priority lane holding; status notes started")
    r = r.contact_client(at=c.at(7, 11), channel="call", summary="first week's numbers")
    r = r.complete_initiative(
        "A4", outcome="Alma's deputy named; dock access agreed", at=c.at(7, 15)
    )
    r = r.complete_initiative("A2", outcome="daily notes on all major tickets", at=c.at(8, 16))
    r = r.follow_up(at=c.at(9, 9), note="access points on back order")
    r = r.warn_delay(
        "A3",
        new_due=c.day(24),
        reason="the access points are on back order until the 26th",
        at=c.at(9, 10),
    )
    r = r.contact_client(at=c.at(9, 11), channel="email", summary="delay warned with new date")
    r = r.follow_up(at=c.at(11, 9), note="parts arriving; install booked")
    r = r.contact_client(at=c.at(11, 12), channel="call", summary="install plan")
    r = r.wait_on_client("A3", reason="the dock is closed for a stock count", at=c.at(14, 9))
    r = r.follow_up(at=c.at(15, 9), note="waiting for the dock to reopen")
    r = r.contact_client(at=c.at(15, 12), channel="call", summary="install after the count")
    r = r.resume("A3", at=c.at(16, 9))
    r = r.follow_up(at=c.at(17, 9), note="install under way")
    r = r.contact_client(at=c.at(18, 11), channel="call", summary="install progress")
    r = r.complete_initiative("A3", outcome="new access points live", at=c.at(21, 16))
    r = r.follow_up(at=c.at(22, 9), note="all initiatives done")
    r = r.resolve_issue("I1", evidence="median first response 50 minutes in May", at=c.at(22))
    r = r.resolve_issue(
        "I3", evidence="every major ticket updated daily for two weeks", at=c.at(22)
    )
    for day in (25, 30, 35, 40, 45, 50):
        r = r.follow_up(at=c.at(day, 9), note="watching the scanners")
        r = r.contact_client(at=c.at(day, 11), channel="call", summary="weekly review")
    r = r.resolve_issue("I2", evidence="no scanner outage for four weeks", at=c.at(50, 12))
    r = r.fulfil_commitment("C1", evidence="12-month renewal signed", at=c.at(53))
    r = r.close(at=c.at(53, 12))
    say(f"Stage: {r.stage.name}.")
    return r


# --- a synthetic portfolio ---------------------------------------------------------------------

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
    "open",
    "open",
    "lost-unwilling",
    "lost-discovery",
    "lost-planning",
    "lost-recovering",
)


def synthetic_portfolio(n: int, seed: int = 0) -> list[Relationship]:
    """``n`` varied relationships made through the real commands, the same for a seed.

    Case ``i`` depends only on ``seed`` and ``i``, so a larger portfolio starts with the
    cases of a smaller one. About four in ten recover, two in ten are still open at some
    stage, the rest are lost at different stages; along the way there are dropped
    generalities, late issues, delay warnings, waits on the client, skipped follow-ups and
    commitments broken. Cases come in threes per client account (``account`` ``a<seed>-<k>``
    for cases ``3k`` to ``3k + 2``), as repeat cases of one client.

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
        r = r.assess(_assessment(rng), at=self.later(1, 6))
        r = r.align_internally(approved_by="Director", at=self.later(1, 20))
        willing = self.fate != "lost-unwilling"
        r = r.meet_client(at=self.later(2, 48), willing=willing)
        if not willing or (self.fate == "open" and rng.random() < 0.15):
            return r
        r = self.discover(r, category, rng.randint(1, 4))
        if self.fate == "lost-discovery":
            return self.lose(r, "the client would not agree what went wrong")
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
        r = self.plan(r)
        if self.fate == "lost-planning":
            return self.lose(r, "the client chose another supplier instead of the plan")
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

    def discover(self, r: Relationship, category: IssueCategory, count: int) -> Relationship:
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
            r = self.keep_in_touch(r, _plus(self.now, timedelta(hours=2)))
            r = r.start_initiative(work.id, at=self.later(0.5, 4))
            due = _morning(r, work.due)
            if rng.random() < 0.15 and due - self.now > timedelta(days=1):
                r = r.wait_on_client(
                    work.id, reason="waiting for the client's data", at=self.later(1, 8)
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
            return self.lose(r, "the client did not keep its commitment")
        r = r.fulfil_commitment(commitment.id, evidence="signed", at=self.later(1, 24))
        return r.close(at=self.later(0.5, 4))

    def lose(self, r: Relationship, reason: str) -> Relationship:
        return r.end(reason=reason, lessons=("raise problems earlier",), at=self.later(24, 240))


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
