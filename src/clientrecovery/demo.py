"""A walk through one case: the masterclass meeting of article 000, told step by step.

A creative agency's client, unhappy with the quality of the final creative work, calls a
meeting to consider ending the project. The agency finds the breakdown (a misread brief),
takes responsibility without blaming anyone, and comes back with a plan with hard deadlines.
The walk shows each command, one step taken out of order and refused with its explanation,
what the model suggests next at two points, and the end state.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from dateutil import tz

from clientrecovery.catalogue import NextAction
from clientrecovery.errors import RuleViolation
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

__all__ = ["masterclass", "run"]

ZONE = "Europe/London"
START = datetime(2026, 3, 2, 9, 0, tzinfo=tz.gettz(ZONE))


def _at(day: int, hour: int = 10) -> datetime:
    return START.replace(hour=hour) + timedelta(days=day)


def _day(day: int) -> date:
    return _at(day).date()


def masterclass(say: Callable[[str], None] = lambda _: None) -> Relationship:
    """Build the masterclass case, narrating each step through ``say``.

    Returns the relationship, RECOVERED, with its full history.
    """
    r = Relationship.open(
        "Halden Foods",
        trigger="final creative work judged below the expected quality; the client called a"
        " meeting to consider ending the project",
        at=START,
        raised_by=Party.CLIENT,
        policy=Policy(timezone=ZONE),
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
        at=_at(0, 11),
    )
    say("   Root cause, timeline, stakeholders, implications and the client's view recorded.")

    say("\n   Trying to meet the client before leadership has agreed the approach:")
    try:
        r.meet_client(at=_at(0, 12))
    except RuleViolation as refused:
        say("   " + str(refused).replace("\n", "\n   "))
    _show_next(say, r.next_actions())

    say("\n2. Align internally first (001 §4).")
    r = r.align_internally(
        approved_by="Pier Novak",
        approach="own the misunderstanding, no blame, re-brief and redo the key pieces",
        at=_at(0, 15),
    )

    say("\n3. Meet the client: do they still want to work it out? (000)")
    r = r.meet_client(at=_at(1), willing=True)
    say(f"   They do. Stage: {r.stage.name}.")

    say("\n4. Turn complaints into specific issues (003 §1-2).")
    r = r.raise_issue(
        "the artwork does not look like our brand", category=IssueCategory.QUALITY, at=_at(1)
    )
    r = r.raise_issue("you never listen", category=IssueCategory.COMMUNICATION, at=_at(1))
    r = r.raise_issue(
        "feedback from round two was ignored", category=IssueCategory.COMMUNICATION, at=_at(1)
    )
    r = r.specify_issue(
        "I1",
        examples=[
            "the packaging uses the old logo colours",
            "the hero photo shows a city, the brief said farms",
        ],
        quantification=Quantification("artworks off-brief", 4, "of 6"),
        at=_at(1, 11),
    )
    r = r.drop_issue("I2", reason="a generality; its one example is the same as I3", at=_at(1, 11))
    r = r.specify_issue(
        "I3",
        examples=["the twelve comments sent on 12 February came back unaddressed"],
        quantification=Quantification("feedback points not addressed", 12, "of 12"),
        at=_at(1, 11),
    )
    for issue in r.issues:
        say(f"   {issue.id} {issue.status.value:9} {issue.title}")

    say("\n5. The client agrees the list and says nothing is missing (003 §3).")
    r = r.agree_issues(at=_at(1, 12), nothing_missed=True)

    say("\n6. The client's commitment once the issues are solved (003 §4).")
    r = r.secure_commitment(
        Commitment(
            Party.CLIENT,
            "continue the project and release the phase-two budget",
            measure="phase-two purchase order signed",
            due=_day(30),
        ),
        at=_at(1, 12),
    )

    say("\n7. Do not solve it today: promise a date for the plan (003 §5).")
    r = r.promise_response(by=_day(3), at=_at(1, 12))
    say(f"   Plan promised for {r.response_due}. Stage: {r.stage.name}.")
    _show_next(say, r.next_actions())

    say("\n8. Follow up in writing (003 §6).")
    r = r.send_written_summary(at=_at(1, 17))

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
                _day(4),
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
                _day(5),
                "a single list of feedback per round",
                priority=2,
            ),
            Initiative(
                "A3",
                "redo the four off-brief artworks",
                ("I1",),
                Party.PROVIDER,
                "Pier Novak",
                _day(16),
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
    r = r.propose_plan(plan, at=_at(3))
    r = r.agree_plan(at=_at(3, 15))
    say(
        f"   Plan v{r.plan.version if r.plan else 0} agreed with option"
        f" {r.plan.chosen_option if r.plan else None!r}. Stage: {r.stage.name}."
    )
    r = r.inform_stakeholders(
        audience=["Dana Okafor", "Pier Novak", "Sam Reyes"],
        summary="plan v1 agreed: re-brief on Friday, redo by the 18th",
        at=_at(3, 16),
    )

    say("\n10. Deliver, follow up every other day, communicate often (003 §9-10; 000).")
    r = r.start_initiative("A1", at=_at(4, 9))
    r = r.complete_initiative("A1", outcome="brief signed by both sides", at=_at(4, 16))
    r = r.start_initiative("A2", at=_at(4, 16))
    r = r.complete_initiative("A2", outcome="Dana decides; one feedback list", at=_at(5))
    r = r.start_initiative("A3", at=_at(5))
    for day in (7, 9, 11, 14):
        r = r.follow_up(at=_at(day, 9), note="artwork redo on track")
        r = r.contact_client(at=_at(day, 12), channel="call", summary="progress update")
    r = r.complete_initiative("A3", outcome="six of six approved", at=_at(15))
    say("   Every initiative done, ahead of its deadline.")
    r = r.resolve_issue("I1", evidence="all artworks approved against the brief", at=_at(16))
    r = r.resolve_issue("I3", evidence="feedback of both rounds addressed", at=_at(16))
    r = r.fulfil_commitment("C1", evidence="purchase order signed", at=_at(20))
    r = r.close(at=_at(20, 12))
    return r


def _show_next(say: Callable[[str], None], actions: tuple[NextAction, ...]) -> None:
    say("   What next?")
    for action in actions:
        if action.command in ("contact_client", "inform_stakeholders", "end", "follow_up"):
            continue
        mark = "ready  " if action.ready else "blocked"
        say(f"     {mark} {action.command}: {action.hint}")
        for blocker in action.blocked_by:
            say(f"             by [{blocker.rule.value}] {blocker.message}")


def run() -> int:
    """Print the walk-through and the end state; the ``demo`` command."""
    say: Callable[[str], None] = print
    say("The masterclass case (\u201cA Client Management Masterclass\u201d, article 000)")
    say("=" * 72)
    r = masterclass(say)
    say("\nEnd state")
    say("-" * 72)
    say(f"stage       {r.stage.name}")
    say(f"events      {r.version}")
    for issue in r.issues:
        say(f"issue       {issue.id} {issue.status.value:9} {issue.title}")
    for c in r.commitments:
        say(f"commitment  {c.id} {c.status.value:9} {c.description}")
    replayed = Relationship.replay(r.history)
    say(f"replay      the history rebuilds an equal relationship: {replayed == r}")
    return 0
