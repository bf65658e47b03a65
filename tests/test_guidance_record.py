"""Review on the record: the texts commands record for the client, in check() and findings()."""

from __future__ import annotations

import attrs
import pytest

from clientrecovery import (
    Finding,
    Policy,
    Quantification,
    Relationship,
    ResolutionOption,
    Rule,
    Severity,
)
from clientrecovery.guidance import CREDITS, on_command, on_history, review
from clientrecovery.guidance.record import _CREDITED
from tests.builders import (
    ASSESSMENT,
    COMMITMENT,
    at,
    day,
    in_discovery,
    opened,
    plan_for,
    plan_proposed,
    ready_to_meet,
    recovering,
    summary_sent,
    work_done,
)

BLAME = "The slip comes down to your approval process."
CLEAN = "Help me understand which reports matter most; Sam will call you on Thursday at 10:00."


def warnings(found: tuple[Finding, ...]) -> list[Finding]:
    """The guidance warnings among ``found``."""
    return [f for f in found if f.rule.guidance and f.severity is Severity.WARNING]


class TestContactClient:
    def test_check_shows_the_review_of_the_summary(self) -> None:
        """Advice on the words, with the place it will take in the history as subject."""
        r = recovering()

        found = warnings(r.check("contact_client", at=at(4), channel="call", summary=BLAME))

        assert [f.rule for f in found] == [Rule.NO_BLAME]
        (finding,) = found
        assert finding.subject == f"history[{len(r.history)}]"
        assert finding.message == "contact summary: “down to your” ties the failure to the client"
        assert finding.span is not None
        assert BLAME[finding.span[0] : finding.span[1]] == "down to your"

    def test_the_command_runs_and_findings_keep_the_advice(self) -> None:
        """Never blocking; the same finding stays in findings(now)."""
        r = recovering()
        seen = warnings(r.check("contact_client", at=at(4), channel="call", summary=BLAME))

        r = r.contact_client(at=at(4), channel="call", summary=BLAME)

        assert warnings(r.findings(at(4, 10))) == seen

    def test_credits_show_in_check_but_not_in_findings(self) -> None:
        """INFO for the better moves before sending; findings(now) is a list of what to fix."""
        r = recovering()

        found = r.check("contact_client", at=at(4), channel="call", summary=CLEAN)
        r = r.contact_client(at=at(4), channel="call", summary=CLEAN)

        assert {f.rule for f in found if f.severity is Severity.INFO} == {
            Rule.LISTENING,
            Rule.SPECIFIC_COMMITMENT,
        }
        assert not [f for f in r.findings(at(4, 10)) if f.rule.guidance]

    def test_a_policy_that_makes_blame_an_error_still_never_blocks(self) -> None:
        """On the record the advice is at most a warning."""
        r = recovering(policy=Policy(severities={Rule.NO_BLAME: Severity.ERROR}))

        found = r.check("contact_client", at=at(4), channel="call", summary=BLAME)
        r = r.contact_client(at=at(4), channel="call", summary=BLAME)

        assert [f.severity for f in found if f.rule is Rule.NO_BLAME] == [Severity.WARNING]
        assert r.history[-1].command == "contact_client"

    def test_a_check_lowered_to_info_stays_in_findings(self) -> None:
        """A policy's INFO is still advice: only the credits are left out of findings(now),
        as every other advisory rule lowered to INFO stays."""
        r = recovering(policy=Policy(severities={Rule.NO_BLAME: Severity.INFO}))

        r = r.contact_client(at=at(4), channel="call", summary=BLAME)

        kept = [(f.rule, f.severity) for f in r.findings(at(4)) if f.rule.guidance]
        assert kept == [(Rule.NO_BLAME, Severity.INFO)]

    def test_the_credits_left_out_of_findings_are_the_credits(self) -> None:
        assert {check.rule for check in CREDITS} == _CREDITED


class TestInformStakeholders:
    def test_the_update_is_reviewed(self) -> None:
        """In check() and, once sent, in findings(now)."""
        r = recovering()
        summary = "Their finance team keeps sending the data late."

        found = warnings(
            r.check("inform_stakeholders", at=at(4), audience=["Dana"], summary=summary)
        )
        r = r.inform_stakeholders(at=at(4), audience=["Dana"], summary=summary)

        assert {f.rule for f in found} == {Rule.NO_BLAME, Rule.NO_GENERALITIES}
        assert all(f.message.startswith("stakeholder update: ") for f in found)
        assert warnings(r.findings(at(4, 10))) == found


class TestAlignInternally:
    def test_the_approach_is_reviewed_as_an_internal_text(self) -> None:
        """Blame counts; what the team thinks, in its own note, is not ego."""
        r = opened().assess(ASSESSMENT, at=at(0, 10))
        approach = "We believe the brief was clear, so we will say the rework is their fault."

        found = warnings(
            r.check("align_internally", approved_by="Pier", at=at(0, 11), approach=approach)
        )

        assert [f.rule for f in found] == [Rule.NO_BLAME]
        assert found[0].message.startswith("alignment approach: ")


class TestWrittenSummary:
    def test_the_summary_as_sent_is_reviewed(self) -> None:
        """A generality left in an agreed issue reaches the client in writing."""
        r = in_discovery().raise_issue("Reports are always late", at=at(1, 10))
        r = r.specify_issue(
            "I1",
            examples=["the April report came on 9 May"],
            quantification=Quantification("days late", 8, "days"),
            at=at(1, 10),
        )
        r = r.agree_issues(at=at(1, 12), nothing_missed=True)
        r = r.secure_commitment(COMMITMENT, at=at(1, 13)).promise_response(by=day(3), at=at(1, 13))

        found = warnings(r.check("send_written_summary", at=at(1, 17)))
        r = r.send_written_summary(at=at(1, 17))

        assert [f.rule for f in found] == [Rule.NO_GENERALITIES]
        assert found[0].message == "written summary, issue I1 title: “always” is a generality"
        assert found[0].span == (12, 18)
        assert "Reports are always late" in r.written_summary()
        assert warnings(r.findings(at(1, 18))) == found

    def test_the_summary_s_own_wording_carries_no_advice(self) -> None:
        """Only the case's words are reviewed on the record; the rest reads clean anyway."""
        r = summary_sent()

        assert warnings(r.findings(at(1, 18))) == []
        assert warnings(review(r.written_summary())) == []


class TestPlans:
    def test_each_text_of_a_proposed_plan_is_reviewed(self) -> None:
        """Option summaries and effects, initiative titles and success criteria."""
        r = summary_sent()
        plan = plan_for(r)
        boastful = ResolutionOption(
            "keep",
            "Keep the design: being the specialists, we know what your customers want.",
            client_gain=10,
            provider_gain=5,
        )
        plan = attrs.evolve(plan, options=(*plan.options, boastful))

        found = warnings(r.check("propose_plan", plan, at=at(3)))
        r = r.propose_plan(plan, at=at(3))

        assert {f.rule for f in found} == {Rule.NO_EGO}
        assert all(f.message.startswith("plan v1, option keep summary: ") for f in found)
        assert warnings(r.findings(at(3, 10))) == found

    def test_a_revised_plan_is_reviewed_under_its_version(self) -> None:
        """The revision is v2."""
        r = plan_proposed()
        plan = r.plan
        assert plan is not None
        first, *rest = plan.initiatives
        vague = attrs.evolve(first, success_criterion="nothing works")
        revised = attrs.evolve(plan, initiatives=(vague, *rest))

        found = warnings(r.check("revise_plan", revised, at=at(3, 2)))

        assert [f.message for f in found] == [
            f"plan v2, initiative {first.id} success criterion: “nothing works” is a generality"
        ]


class TestSwitches:
    def test_the_policy_switches_review_on_the_record_off(self) -> None:
        """Neither check() nor findings(now) review the texts."""
        r = recovering(policy=Policy(guidance_on_record=False))

        found = r.check("contact_client", at=at(4), channel="call", summary=BLAME)
        r = r.contact_client(at=at(4), channel="call", summary=BLAME)

        assert not [f for f in found if f.rule.guidance]
        assert not [f for f in r.findings(at(4, 10)) if f.rule.guidance]
        assert on_history(r) == ()

    def test_a_check_switched_off_stays_off_on_the_record(self) -> None:
        """guidance_off applies here as in review()."""
        r = recovering(policy=Policy(guidance_off=[Rule.NO_BLAME]))

        r = r.contact_client(at=at(4), channel="call", summary=BLAME)

        assert warnings(r.findings(at(4, 10))) == []

    def test_the_policy_field_must_be_a_bool(self) -> None:
        """A typed error naming the field."""
        from clientrecovery import InvalidValue

        with pytest.raises(InvalidValue, match=r"Policy\.guidance_on_record: must be a bool"):
            Policy(guidance_on_record="no")  # type: ignore[arg-type]

    def test_a_closed_relationship_keeps_no_advice_on_its_own_texts(self) -> None:
        """The case's texts no longer call for a change once it has ended."""
        r = work_done().contact_client(at=at(6, 10), channel="email", summary=BLAME)
        assert warnings(on_history(r))

        r = r.fulfil_commitment("C1", evidence="PO signed", at=at(7)).close(at=at(7, 12))

        assert on_history(r) == ()

    def test_a_client_unwilling_to_meet_ends_the_case_for_the_review_too(self) -> None:
        """Lost at the meeting, with no closing event: only what follows is reviewed."""
        r = ready_to_meet().contact_client(at=at(0, 12), channel="email", summary=BLAME)
        r = r.meet_client(at=at(1), willing=False)

        assert on_history(r) == ()
        r = r.contact_client(at=at(1, 12), channel="email", summary=BLAME)
        assert [f.rule for f in warnings(r.findings(at(1, 13)))] == [Rule.NO_BLAME]

    def test_what_is_sent_after_the_end_is_reviewed(self) -> None:
        """A parting summary after a loss goes to the client too (004)."""
        r = recovering().end(reason="the client moved the account", at=at(5))
        r = r.contact_client(at=at(5, 12), channel="email", summary=BLAME)

        found = warnings(r.findings(at(5, 13)))

        assert [f.rule for f in found] == [Rule.NO_BLAME]
        assert found[0].subject == f"history[{len(r.history) - 1}]"

    def test_a_client_who_would_not_meet_still_gets_a_reviewed_parting_note(self) -> None:
        """Lost at the meeting, with no end command: what follows it is reviewed."""
        r = (
            opened()
            .assess(ASSESSMENT, at=at(1, 10))
            .align_internally(approved_by="Ana", at=at(1, 11))
        )
        r = r.meet_client(at=at(2), willing=False)
        assert on_history(r) == ()

        r = r.contact_client(at=at(2, 12), channel="email", summary=BLAME)

        assert [f.rule for f in warnings(on_history(r))] == [Rule.NO_BLAME]

    def test_a_provider_promise_is_reviewed(self) -> None:
        """The provider's own promise is a text for the client (000)."""
        from datetime import date

        from clientrecovery import Commitment, Party

        promise = Commitment(
            party=Party.PROVIDER,
            description="We always deliver, whatever you think of our work.",
            measure="a call",
            due=date(2026, 3, 20),
        )
        r = recovering()

        seen = warnings(r.check("promise", promise, at=at(4)))
        r = r.promise(promise, at=at(4))

        assert seen
        assert {f.rule for f in warnings(r.findings(at(4, 12)))} >= {f.rule for f in seen}

    def test_what_a_wait_asks_of_the_client_is_reviewed(self) -> None:
        """Polite but firm (003): the request itself is reviewed."""
        r = recovering()
        (first, *_) = r.plan.initiatives if r.plan else ()
        needs = "Your team keeps sitting on everything we send."

        found = warnings(
            r.check("wait_on_client", first.id, reason="test data", needs=needs, at=at(4))
        )

        assert found
        assert all(f.message.startswith("what the client is asked for: ") for f in found)

    def test_commands_that_record_nothing_for_the_client_are_not_reviewed(self) -> None:
        """A status check is an internal note."""
        r = recovering()

        assert on_command(r, "follow_up", {"at": at(4), "note": BLAME}) == ()

    def test_a_stored_relationship_gives_the_same_advice(self) -> None:
        """Replaying the history reviews the same texts."""
        r = recovering().contact_client(at=at(4), channel="call", summary=BLAME)

        again = Relationship.replay(r.history)

        assert warnings(again.findings(at(4, 10))) == warnings(r.findings(at(4, 10)))
