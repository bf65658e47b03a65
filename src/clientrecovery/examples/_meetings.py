"""The stories of articles 000, 001 and 002 (private): one meeting that saves a project, a
difficult discussion the provider starts, and a client lost in a meeting."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import attrs
from dateutil import tz

from clientrecovery.catalogue import Rule, Severity
from clientrecovery.errors import RuleViolation
from clientrecovery.examples._common import Calendar, Say, quiet
from clientrecovery.model import (
    Assessment,
    Commitment,
    CostChange,
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

__all__ = ["ONE_MEETING", "design_firm", "difficult_discussion", "masterclass"]

ONE_MEETING = Policy(
    timezone="Europe/London",
    min_days_before_plan=0,
    severities={Rule.ASSESS_FIRST: Severity.WARNING},
)
"""The policy that models the masterclass (000): the client calls the meeting, the root cause
is found in it, and the plan with its hard deadlines is put in the same meeting. So the plan
may come the day the issues are agreed (``min_days_before_plan=0``), and an assessment
still missing the root cause advises rather than blocks the meeting (ASSESS_FIRST as a
WARNING). Everything else is the default, which follows 003: a day to think before the plan
("do not solve it today")."""


def masterclass(
    say: Say = quiet, pause: Callable[[Relationship], None] | None = None
) -> Relationship:
    """The masterclass meeting (000), narrating each step through ``say``.

    The client called one meeting, thinking of ending the project. In it the agency's
    director asks whether the client still wants to work things out, finds where things
    broke down (a misread brief), takes responsibility without blame, and puts a plan with
    hard deadlines in the same meeting, under :data:`ONE_MEETING`. Then the agency delivers
    on its promises and over-services. ``pause`` is called with the relationship before the
    meeting and once the plan is agreed, where it is worth asking what comes next.

    Returns the relationship, RECOVERED, with its full history.
    """
    c = Calendar(datetime(2026, 3, 2, 9, 0, tzinfo=tz.gettz("Europe/London")))
    r = Relationship.open(
        "Halden Foods",
        trigger="the client is unhappy with the final creative work and called a meeting to"
        " consider ending the project",
        at=c.at(0, 9),
        raised_by=Party.CLIENT,
        policy=ONE_MEETING,
        actor="Account director",
        id="halden-foods",
    )
    say(f"Opened {r.client!r}: {r.trigger}.")
    say("\n1. Before the meeting: what is known so far (001 §1-3); the root cause is not.")
    before = Assessment(
        root_cause="",
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
        client_perspective="they paid for work that does not look like their brand",
        impacts=(Impact(ImpactKind.MONEY, "phase-two budget at risk", amount="40000"),),
    )
    r = r.assess(before, at=c.at(0, 11))
    say("\n   Trying to meet the client before the director has agreed the approach:")
    try:
        r.meet_client(at=c.at(0, 12), willing=True)
    except RuleViolation as refused:
        say("   " + str(refused).replace("\n", "\n   "))
    r = r.align_internally(
        approved_by="Pier Novak",
        approach="listen first, no blame, own the problem, leave with a plan",
        at=c.at(0, 15),
    )
    for f in r.check("meet_client", at=c.at(1, 10), willing=True):
        say(f"   advised: [{f.rule.value}] {f.message}")
    if pause is not None:
        pause(r)

    say("\n2. The meeting: is the relationship still salvageable? (000)")
    r = r.meet_client(at=c.at(1, 10), willing=True)
    say(f"   The client wants to try. Stage: {r.stage.name}.")

    say("\n3. Where did it break down? Ask, listen, read between the lines (000; 004).")
    r = r.raise_issue(
        "the artwork does not look like our brand",
        category=IssueCategory.QUALITY,
        client_words="it looks like somebody else's company",
        at=c.at(1, 10, 20),
    )
    r = r.raise_issue(
        "our feedback went nowhere",
        category=IssueCategory.COMMUNICATION,
        client_words="we told you twice and nothing changed",
        at=c.at(1, 10, 25),
    )
    r = r.assess(
        attrs.evolve(
            before,
            root_cause="the brief was read differently by the two teams; everything since"
            " follows from that misunderstanding",
        ),
        at=c.at(1, 10, 40),
    )
    say("   Root cause found in the meeting: the brief was misunderstood.")
    r = r.specify_issue(
        "I1",
        examples=[
            "the packaging uses the old logo colours",
            "the hero photo shows a city; the brief said farms",
        ],
        quantification=Quantification("artworks off-brief", 4, "of 6"),
        at=c.at(1, 10, 50),
    )
    r = r.specify_issue(
        "I2",
        examples=["the twelve comments sent on 12 February came back unaddressed"],
        quantification=Quantification("feedback points not addressed", 12, "of 12"),
        at=c.at(1, 10, 55),
    )
    r = r.agree_issues(at=c.at(1, 11), nothing_missed=True)
    r = r.secure_commitment(
        Commitment(
            Party.CLIENT,
            "continue the project and release the phase-two budget",
            measure="phase-two purchase order signed",
            due=c.day(30),
        ),
        at=c.at(1, 11, 5),
    )

    say("\n4. No blame; take responsibility; the plan, with hard deadlines, now (000).")
    r = r.promise_response(by=c.day(1), at=c.at(1, 11, 10))
    r = r.send_written_summary(at=c.at(1, 11, 15))
    plan = TurnaroundPlan(
        initiatives=(
            Initiative(
                "A1",
                "re-brief workshop with the brand team",
                ("I1", "I2"),
                Party.PROVIDER,
                "Sam Reyes",
                c.day(3),
                "a one-page brief both sides have signed",
                priority=1,
                quick_win=True,
            ),
            Initiative(
                "A2",
                "one decision-maker and one consolidated feedback list per round",
                ("I2",),
                Party.CLIENT,
                "Dana Okafor",
                c.day(4),
                "a single list of feedback per round",
                priority=2,
            ),
            Initiative(
                "A3",
                "redo the four off-brief artworks",
                ("I1",),
                Party.PROVIDER,
                "Pier Novak",
                c.day(15),
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
    r = r.propose_plan(plan, at=c.at(1, 11, 30))
    r = r.agree_plan(at=c.at(1, 11, 45))
    say(f"   Plan agreed in the same meeting. Stage: {r.stage.name}.")
    r = r.promise(
        Commitment(
            Party.PROVIDER,
            "first redone artwork on Dana's desk before the re-brief is a week old",
            measure="artwork sent",
            due=c.day(8),
        ),
        at=c.at(1, 11, 50),
    )
    r = r.inform_stakeholders(
        audience=["Dana Okafor", "Pier Novak", "Sam Reyes"],
        summary="plan agreed in the meeting: re-brief on Thursday, redo by the 17th",
        at=c.at(1, 16),
    )
    if pause is not None:
        pause(r)

    say("\n5. Deliver on the promises and over-service (000).")
    r = r.start_initiative("A1", at=c.at(3, 9))
    r = r.complete_initiative("A1", outcome="brief signed by both sides", at=c.at(3, 16))
    r = r.start_initiative("A2", at=c.at(3, 16))
    r = r.complete_initiative("A2", outcome="Dana decides; one feedback list", at=c.at(4))
    r = r.start_initiative("A3", at=c.at(4))
    for day in (5, 7, 9, 11, 14):
        r = r.follow_up(at=c.at(day, 9), note="artwork redo on track")
        r = r.contact_client(at=c.at(day, 12), channel="call", summary="progress update")
        if day == 7:
            r = r.fulfil_commitment("P1", evidence="first artwork sent", at=c.at(7, 13))
    r = r.complete_initiative("A3", outcome="six of six approved", at=c.at(14, 15))
    r = r.resolve_issue("I1", evidence="all artworks approved against the brief", at=c.at(15))
    r = r.resolve_issue("I2", evidence="feedback of both rounds addressed", at=c.at(15))
    r = r.fulfil_commitment("C1", evidence="purchase order signed", at=c.at(18))
    r = r.close(at=c.at(18, 12))
    r = r.contact_client(
        at=c.at(20), channel="visit", summary="brought the printed range to the client's board"
    )
    say("   Every deadline met; the client's board sees the new range. Stage: RECOVERED.")
    return r


def design_firm(say: Say = quiet) -> Relationship:
    """The design firm that lost its client (002), as the firm's own record would show it.

    The client's second round of feedback was ignored; in the meeting called to talk it
    through, the firm's chief executive argued from pride instead of the client's goals.
    The firm's next designs were good, but the client could no longer see them fairly: the
    relationship ends LOST, with the lessons the article draws.

    ``say`` narrates, at each step, what the library would have told the firm then: the
    meeting came late (MEET_SWIFTLY), the client's complaint was never made specific
    (SPECIFIC_ISSUES blocks agreeing the list), and after the meeting the firm went quiet
    (COMMUNICATE_OFTEN).
    """
    c = Calendar(datetime(2026, 4, 13, 9, 0, tzinfo=tz.gettz("America/New_York")))
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
    for f in r.findings(c.at(6, 9)):
        say(f"   the library: [{f.rule.value}] {f.message}")
    r = r.meet_client(at=c.at(6, 10), willing=True)
    r = r.raise_issue(
        "our feedback was left out of round two",
        category=IssueCategory.QUALITY,
        client_words="you ignored everything we sent you",
        at=c.at(6, 11),
    )
    r = r.contact_client(
        at=c.at(6, 12),
        channel="meeting",
        summary="the chief executive told the client he did not understand design and left"
        " the meeting",
        proactive=False,
    )
    say("In the meeting, the chief executive argued and walked out (002: ego has no role).")
    for action in r.next_actions():
        for f in action.blocked_by if action.command == "agree_issues" else ():
            say(f"   the library: {action.command} blocked by [{f.rule.value}] {f.message}")
    for f in r.findings(c.at(14, 9)):
        say(f"   the library: [{f.rule.value}] {f.message}")
    r = r.contact_client(
        at=c.at(14),
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
        cause=EndCause.NO_AGREEMENT,
        ended_by=Party.CLIENT,
        at=c.at(17),
    )
    say(f"Stage: {r.stage.name}.")
    return r


def difficult_discussion(say: Say = quiet) -> Relationship:
    """The difficult discussion of "Having Difficult Discussions with Clients" (001).

    The provider knows before the client does: the build will overrun its budget. It gets
    its arms around the situation (root cause, timeline, stakeholders, implications), looks
    at it from the client's side, accounts for the damage, aligns its leadership, notes the
    news as an issue of its own, and brings it to the client within days. In the meeting the
    issue is made specific with the client, who adds one of their own; the plan offers three
    options, one preferred that gives the client the most, and the one asking more money
    says why and what it buys. Everything is documented and the stakeholders told, under the
    default policy (003's "do not solve it today": the plan comes the next day).
    """
    c = Calendar(datetime(2026, 6, 1, 9, 0, tzinfo=tz.gettz("Europe/Berlin")))
    r = Relationship.open(
        "Kestrel Insurance",
        trigger="the claims-portal build will overrun its budget by 18 percent",
        at=c.at(0, 9),
        raised_by=Party.PROVIDER,
        policy=Policy(timezone="Europe/Berlin"),
        actor="Delivery director",
        id="kestrel-insurance",
    )
    say(f"Opened {r.client!r}: {r.trigger}.")
    say("1-3. The full situation, the client's shoes, the damage (001 §1-3).")
    r = r.assess(
        Assessment(
            root_cause="the legacy claims database needed a migration nobody had estimated",
            timeline="estimate in March; migration found in May; 60 percent of the budget"
            " spent by June",
            stakeholders=(
                Stakeholder(
                    "Mira Hoffmann",
                    "head of claims",
                    Party.CLIENT,
                    persona="answers to the board for every euro; wants it straight",
                ),
                Stakeholder("Jonas Weber", "client's finance lead", Party.CLIENT),
                Stakeholder("Lena Brandt", "delivery director", Party.PROVIDER),
            ),
            implications="without more budget the portal misses the autumn launch",
            client_perspective="they were promised a fixed price and will feel misled",
            impacts=(
                Impact(ImpactKind.MONEY, "overrun on a 250,000 budget", amount="45000"),
                Impact(ImpactKind.TIME, "launch at risk by weeks", amount=21),
                Impact(ImpactKind.REPUTATION, "trust in our estimates"),
            ),
        ),
        at=c.at(0, 12),
    )
    say("4. Align internally first (001 §4).")
    r = r.align_internally(
        approved_by="Lena Brandt",
        approach="tell them now, own the estimate, offer three ways forward",
        at=c.at(0, 16),
    )
    r = r.raise_issue(
        "the budget will overrun by 18 percent",
        category=IssueCategory.BUDGET,
        raised_by=Party.PROVIDER,
        detail="the unplanned database migration",
        at=c.at(0, 16, 30),
    )
    say("5. Bring it to the client swiftly: one-on-one with the main contact (001 §5).")
    r = r.meet_client(at=c.at(1, 10), willing=True)
    r = r.specify_issue(
        "I1",
        examples=["the migration adds 45,000 of work to a 250,000 budget"],
        quantification=Quantification("budget overrun", 18, "percent"),
        at=c.at(1, 10, 30),
    )
    r = r.raise_issue(
        "we should have heard about this weeks ago",
        category=IssueCategory.COMMUNICATION,
        client_words="why are we only hearing this now?",
        at=c.at(1, 10, 45),
    )
    r = r.specify_issue(
        "I2",
        examples=["the migration was found on 12 May and first mentioned on 2 June"],
        quantification=Quantification("days before we were told", 21, "days"),
        at=c.at(1, 11),
    )
    r = r.agree_issues(at=c.at(1, 11, 15), nothing_missed=True)
    r = r.secure_commitment(
        Commitment(
            Party.CLIENT,
            "approve the change order and keep the autumn launch date",
            measure="change order signed",
            due=c.day(14),
        ),
        at=c.at(1, 11, 30),
    )
    r = r.promise_response(by=c.day(2), at=c.at(1, 11, 30))
    r = r.send_written_summary(at=c.at(1, 15))
    say("6. Two to three options, one preferred: the biggest win for both (001 §6).")
    plan = TurnaroundPlan(
        initiatives=(
            Initiative(
                "A1",
                "a weekly budget report with burn and forecast",
                ("I2",),
                Party.PROVIDER,
                "Lena Brandt",
                c.day(5),
                "a report every Friday, forecast within 5 percent",
                priority=1,
                quick_win=True,
            ),
            Initiative(
                "A2",
                "migrate the claims database in two phases",
                ("I1",),
                Party.PROVIDER,
                "Lena Brandt",
                c.day(40),
                "all claims migrated and reconciled",
                priority=2,
            ),
            Initiative(
                "A3",
                "sign the change order and name one approver",
                ("I1",),
                Party.CLIENT,
                "Jonas Weber",
                c.day(9),
                "change order signed; approver named",
                priority=2,
            ),
        ),
        options=(
            ResolutionOption(
                "share",
                "we absorb half of the overrun; the launch date holds",
                client_gain=30000,
                provider_gain=20000,
                preferred=True,
                cost_change=CostChange(
                    "22500",
                    "EUR",
                    reasons=("the migration was missing from our estimate",),
                    benefits=("the autumn launch holds", "half the overrun is ours"),
                ),
            ),
            ResolutionOption(
                "descope",
                "drop the claims archive from phase one; no extra cost",
                client_gain=15000,
                provider_gain=5000,
                scope_effect="the archive moves to next year",
            ),
            ResolutionOption(
                "pay",
                "the client pays the full overrun; everything as planned",
                client_gain=20000,
                provider_gain=20000,
                cost_change=CostChange(
                    "45000",
                    "EUR",
                    reasons=("the migration is real work the portal needs",),
                    benefits=("nothing is dropped",),
                ),
            ),
        ),
    )
    r = r.propose_plan(plan, at=c.at(2, 10))
    r = r.agree_plan(at=c.at(2, 15))
    say("7. Document and follow up with every stakeholder (001 §7).")
    r = r.inform_stakeholders(
        audience=["Mira Hoffmann", "Jonas Weber", "Lena Brandt"],
        summary="option 'share' agreed: half the overrun each, launch date holds",
        at=c.at(2, 16),
    )
    r = r.start_initiative("A1", at=c.at(3, 9))
    r = r.start_initiative("A3", at=c.at(3, 9))
    r = r.follow_up(at=c.at(4, 9), note="report drafted; change order with finance")
    r = r.contact_client(at=c.at(4, 11), channel="call", summary="first budget report")
    r = r.complete_initiative("A1", outcome="first weekly report sent", at=c.at(4, 16))
    r = r.complete_initiative("A3", outcome="change order signed", at=c.at(7, 11))
    r = r.fulfil_commitment("C1", evidence="change order signed on 8 June", at=c.at(7, 11))
    r = r.start_initiative("A2", at=c.at(7, 12))
    for day in (8, 10, 14, 16, 21, 23, 28, 30, 35, 37):
        r = r.follow_up(at=c.at(day, 9), note="migration on plan; report sent")
        r = r.contact_client(at=c.at(day, 11), channel="call", summary="weekly budget report")
    r = r.complete_initiative("A2", outcome="all claims migrated", at=c.at(39, 16))
    r = r.resolve_issue("I1", evidence="final cost within the agreed share", at=c.at(40))
    r = r.resolve_issue("I2", evidence="weekly reports since June", at=c.at(40))
    r = r.close(at=c.at(40, 12))
    say(f"Stage: {r.stage.name}.")
    return r
