"""One class per rule of the catalogue: the refusal (rule id and message) and the pass."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import attrs
import pytest
from dateutil import tz

from clientrecovery import (
    ChronologyError,
    Commitment,
    CostChange,
    EndCause,
    InvalidValue,
    Party,
    Policy,
    ResolutionOption,
    Rule,
    RuleViolation,
    Severity,
    Stage,
)
from tests.builders import (
    ASSESSMENT,
    COMMITMENT,
    at,
    day,
    in_discovery,
    issues_agreed,
    opened,
    plan_for,
    plan_proposed,
    planning,
    ready_to_meet,
    recovering,
    summary_sent,
    with_issues,
    work_done,
)


def rules_of(refused: pytest.ExceptionInfo[RuleViolation]) -> set[str]:
    return set(refused.value.rules)


def found(findings: tuple[object, ...], rule: Rule) -> list[object]:
    return [f for f in findings if getattr(f, "rule", None) is rule]


class TestChronology:
    def test_a_naive_time_is_refused(self) -> None:
        """A datetime without a time zone is refused with ChronologyError."""
        r = opened()

        with pytest.raises(ChronologyError, match=r"\[CHRONOLOGY\] at=2026-03-02T10:00:00 has no"):
            r.assess(ASSESSMENT, at=datetime(2026, 3, 2, 10))  # noqa: DTZ001 - the point of the test

    def test_a_time_before_the_last_event_is_refused(self) -> None:
        """An event earlier than the last recorded one is refused, naming both times."""
        r = opened()

        with pytest.raises(ChronologyError, match="before the last recorded event"):
            r.assess(ASSESSMENT, at=at(0) - timedelta(minutes=1))

    def test_opening_with_a_naive_time_is_refused(self) -> None:
        """Even the first event must be aware."""
        from clientrecovery import Relationship

        with pytest.raises(ChronologyError, match="CHRONOLOGY"):
            Relationship.open("X", trigger="t", at=datetime(2026, 1, 1))  # noqa: DTZ001

    def test_the_same_time_as_the_last_event_passes(self) -> None:
        """Events at the same moment are in order."""
        r = opened()

        r = r.assess(ASSESSMENT, at=at(0))

        assert r.version == 2

    def test_a_chronology_error_is_a_rule_violation_and_a_value_error(self) -> None:
        """Callers catching either base see it, with every other broken rule too."""
        r = opened()

        with pytest.raises(RuleViolation) as refused:
            r.meet_client(at=at(0) - timedelta(days=1), willing=True)

        assert isinstance(refused.value, ValueError)
        assert rules_of(refused) == {"CHRONOLOGY", "ASSESS_FIRST", "ALIGN_FIRST"}


class TestStageOrder:
    def test_a_command_out_of_its_stage_is_refused_with_the_route(self) -> None:
        """Proposing a plan in DISCOVERY says which steps come first."""
        r = with_issues(1)

        with pytest.raises(
            RuleViolation,
            match=r"\[STAGE_ORDER\] propose_plan needs the stage"
            r" PLANNING; the relationship is DISCOVERY",
        ) as refused:
            r.propose_plan(plan_for(r), at=at(3))

        assert "first: agree_issues" in str(refused.value)

    def test_a_terminal_stage_takes_only_aftercare(self) -> None:
        """A lost relationship refuses the method's steps, and still records a parting
        contact, a hand-over to stakeholders and lessons (004)."""
        r = in_discovery().end(reason="client left", at=at(2))

        with pytest.raises(RuleViolation, match="is LOST: only contacts, stakeholder updates"):
            r.raise_issue("late", at=at(3))
        r = r.contact_client(at=at(3), channel="email", summary="a plan, even as we part")
        r = r.inform_stakeholders(at=at(3), audience=["Dana Okafor"], summary="hand-over")
        r = r.record_lessons(["confirm the brief in writing"], at=at(4))
        assert r.stage is Stage.LOST
        assert r.lessons == ("confirm the brief in writing",)

    def test_an_item_in_the_wrong_state_is_refused(self) -> None:
        """Starting an initiative twice is refused, naming it."""
        r = recovering().start_initiative("A1", at=at(4))

        with pytest.raises(
            RuleViolation, match="initiative A1 is in_progress; start_initiative needs it planned"
        ) as refused:
            r.start_initiative("A1", at=at(4))

        assert refused.value.findings[0].subject == "A1"

    def test_proposing_twice_is_refused(self) -> None:
        """A second proposal is a revision."""
        r = plan_proposed().revise_plan(plan_for(plan_proposed()), at=at(3, 10))

        with pytest.raises(RuleViolation, match="was proposed already") as refused:
            r.propose_plan(plan_for(r), at=at(3, 11))
        assert [f.command for f in refused.value.findings] == ["revise_plan"]

    def test_a_command_in_its_stage_passes(self) -> None:
        """Agreeing the issues in DISCOVERY moves on."""
        r = with_issues(1)

        assert r.agree_issues(at=at(1, 12), nothing_missed=True).stage is Stage.ISSUES_AGREED


class TestAssessFirst:
    def test_meeting_without_an_assessment_is_refused(self) -> None:
        """No homework, no meeting."""
        with pytest.raises(RuleViolation, match=r"\[ASSESS_FIRST\] no assessment") as refused:
            opened().meet_client(at=at(1), willing=True)

        assert rules_of(refused) == {"ASSESS_FIRST", "ALIGN_FIRST"}

    def test_an_incomplete_assessment_names_what_is_missing(self) -> None:
        """The message lists the empty parts."""
        partial = attrs.evolve(ASSESSMENT, root_cause="", stakeholders=())
        r = opened().assess(partial, at=at(0, 10)).align_internally(approved_by="P", at=at(0, 11))

        with pytest.raises(RuleViolation, match="does not yet say: root cause, stakeholders"):
            r.meet_client(at=at(1), willing=True)

    def test_aligning_needs_an_assessment(self) -> None:
        """Leadership approves an approach to a written-down situation."""
        with pytest.raises(RuleViolation, match="ASSESS_FIRST"):
            opened().align_internally(approved_by="Pier", at=at(0, 10))

    def test_a_complete_assessment_passes(self) -> None:
        """With everything written down (and aligned) the meeting happens."""
        assert ready_to_meet().meet_client(at=at(1), willing=True).stage is Stage.DISCOVERY

    def test_a_policy_may_lower_it_to_a_warning(self) -> None:
        """ASSESS_FIRST is not fixed: a team may make it advisory."""
        lenient = Policy(
            severities={Rule.ASSESS_FIRST: Severity.WARNING, Rule.ALIGN_FIRST: Severity.WARNING}
        )
        r = opened(lenient)

        assert r.meet_client(at=at(1), willing=True).stage is Stage.DISCOVERY
        assert {f.severity for f in r.check("meet_client", at=at(1), willing=True)} == {
            Severity.WARNING
        }


class TestAlignFirst:
    def test_meeting_without_alignment_is_refused(self) -> None:
        """Leadership first."""
        r = opened().assess(ASSESSMENT, at=at(0, 10))

        with pytest.raises(RuleViolation, match=r"\[ALIGN_FIRST\] internal leadership has not"):
            r.meet_client(at=at(1), willing=True)

    def test_a_new_assessment_needs_a_new_alignment(self) -> None:
        """An approval of an older picture does not count."""
        r = ready_to_meet().assess(ASSESSMENT, at=at(0, 12))

        with pytest.raises(RuleViolation, match="the assessment changed after Pier Novak"):
            r.meet_client(at=at(1), willing=True)

    def test_aligned_on_the_current_assessment_passes(self) -> None:
        """Approval after the last assessment is enough."""
        assert not ready_to_meet().check("meet_client", at=at(1), willing=True)


class TestSalvageable:
    def test_an_unwilling_client_ends_the_relationship(self) -> None:
        """No will to work it out: LOST, and the check says why."""
        r = ready_to_meet()

        lost = r.meet_client(at=at(1), willing=False)

        assert lost.stage is Stage.LOST
        found = r.check("meet_client", at=at(1), willing=False)
        assert [(f.rule, f.severity) for f in found] == [
            (Rule.SALVAGEABLE, Severity.INFO),
            (Rule.LESSONS_KEPT, Severity.WARNING),
        ]
        assert (lost.end_cause, lost.ended_by) == (EndCause.UNWILLING, Party.CLIENT)

    def test_what_a_meeting_that_ended_it_went_ahead_without_stays_on_the_record(self) -> None:
        """Under a policy that only warns, a meeting without approval that loses the client
        keeps that warning among the lost case's findings, with nothing left to do about it."""
        lenient = Policy(severities={"ALIGN_FIRST": "warning"})
        r = opened(lenient).assess(ASSESSMENT, at=at(0, 10))
        warned = found(r.check("meet_client", at=at(1), willing=False), Rule.ALIGN_FIRST)

        lost = r.meet_client(at=at(1), willing=False)

        kept = found(lost.findings(at(2)), Rule.ALIGN_FIRST)
        assert len(warned) == len(kept) == 1
        assert [(f.message, f.command) for f in kept] == [  # type: ignore[attr-defined]
            (warned[0].message, None)  # type: ignore[attr-defined]
        ]
        assert not found(
            ready_to_meet(lenient).meet_client(at=at(1), willing=False).findings(at(2)),
            Rule.ALIGN_FIRST,
        )

    def test_a_willing_client_opens_discovery(self) -> None:
        """A willing client gives common ground."""
        r = ready_to_meet()

        assert r.meet_client(at=at(1), willing=True).stage is Stage.DISCOVERY
        assert not r.check("meet_client", at=at(1), willing=True)


class TestSpecificIssues:
    def test_a_generality_blocks_the_agreement(self) -> None:
        """An unspecified issue must be specified or dropped first."""
        r = with_issues(1).raise_issue("you never listen", at=at(1, 11))

        with pytest.raises(
            RuleViolation,
            match=r"\[SPECIFIC_ISSUES\] issue I2 \('you never"
            r" listen'\) is still a generality",
        ) as refused:
            r.agree_issues(at=at(1, 12), nothing_missed=True)

        assert refused.value.findings[0].subject == "I2"

    def test_specifying_needs_an_example(self) -> None:
        """A measure without a concrete example is not specific."""
        r = in_discovery().raise_issue("late", at=at(1))

        with pytest.raises(RuleViolation, match="given no concrete example"):
            r.specify_issue("I1", examples=[" "], quantification="3 late deliveries", at=at(1))

    def test_specifying_needs_a_measure(self) -> None:
        """A blank written measure is no measure."""
        r = in_discovery().raise_issue("late", at=at(1))

        with pytest.raises(RuleViolation, match="given no measure"):
            r.specify_issue("I1", examples=["the March report"], quantification="", at=at(1))

    def test_dropping_the_generality_passes(self) -> None:
        """Thrown out, it no longer blocks."""
        r = with_issues(1).raise_issue("you never listen", at=at(1, 11))

        r = r.drop_issue("I2", reason="no example", at=at(1, 11))

        assert r.agree_issues(at=at(1, 12), nothing_missed=True).stage is Stage.ISSUES_AGREED


class TestClientConfirmsList:
    def test_the_client_must_confirm_nothing_is_missing(self) -> None:
        """Without that confirmation the list is not agreed."""
        with pytest.raises(RuleViolation, match=r"\[CLIENT_CONFIRMS_LIST\] the client has not"):
            with_issues(1).agree_issues(at=at(1, 12), nothing_missed=False)

    def test_an_empty_list_cannot_be_agreed(self) -> None:
        """At least one issue."""
        with pytest.raises(RuleViolation, match="the list holds no issue"):
            in_discovery().agree_issues(at=at(1, 12), nothing_missed=True)

    def test_a_confirmed_list_passes(self) -> None:
        """Every issue specific and confirmed complete."""
        r = with_issues(2).agree_issues(at=at(1, 12), nothing_missed=True)

        assert {i.status.value for i in r.issues} == {"agreed"}


class TestClientCommitment:
    def test_a_provider_commitment_is_not_the_clients(self) -> None:
        """The step asks what the client will do."""
        mine = attrs.evolve(COMMITMENT, party=Party.PROVIDER)

        with pytest.raises(RuleViolation, match=r"\[CLIENT_COMMITMENT\] this commitment is the"):
            issues_agreed().secure_commitment(mine, at=at(1, 13))

    def test_a_commitment_needs_a_measure(self) -> None:
        """Measurable, or it is no commitment."""
        vague = attrs.evolve(COMMITMENT, measure=" ")

        with pytest.raises(RuleViolation, match="commitment C1 has no measure"):
            issues_agreed().secure_commitment(vague, at=at(1, 13))

    def test_the_plan_waits_for_the_commitment(self) -> None:
        """Without it the relationship stays in ISSUES_AGREED, and the check says why."""
        r = issues_agreed().promise_response(by=day(3), at=at(1, 13))

        findings = r.check("propose_plan", plan_for(r), at=at(3))

        assert r.stage is Stage.ISSUES_AGREED
        assert found(findings, Rule.CLIENT_COMMITMENT)
        assert found(findings, Rule.STAGE_ORDER)

    def test_commitment_and_response_date_open_planning(self) -> None:
        """In either order."""
        r = issues_agreed().promise_response(by=day(3), at=at(1, 13))

        r = r.secure_commitment(COMMITMENT, at=at(1, 14))

        assert r.stage is Stage.PLANNING
        assert r.client_commitment is not None
        assert r.client_commitment.id == "C1"


class TestNotToday:
    def test_a_response_date_on_the_day_of_agreement_is_refused(self) -> None:
        """Do not solve it today."""
        with pytest.raises(
            RuleViolation,
            match=r"\[NOT_TODAY\] the response date falls on"
            r" 2026-03-03, the same day as the issues were agreed",
        ):
            issues_agreed().promise_response(by=day(1), at=at(1, 13))

    def test_a_plan_on_the_day_of_agreement_is_refused(self) -> None:
        """Even with a later response date, the plan itself must wait."""
        r = issues_agreed().secure_commitment(COMMITMENT, at=at(1, 13))
        r = r.promise_response(by=day(2), at=at(1, 13)).send_written_summary(at=at(1, 14))

        with pytest.raises(RuleViolation, match=r"\[NOT_TODAY\] the plan falls on 2026-03-03"):
            r.propose_plan(plan_for(r), at=at(1, 15))

    def test_days_are_counted_in_the_policys_time_zone(self) -> None:
        """23:30 and 00:30 in Sydney are two days, though UTC says one."""
        sydney = tz.gettz("Australia/Sydney")
        policy = Policy(timezone="Australia/Sydney")
        agreed = datetime(2026, 3, 9, 23, 30, tzinfo=sydney)
        r = with_issues(1, policy).agree_issues(at=agreed, nothing_missed=True)
        next_day = datetime(2026, 3, 10, 0, 30, tzinfo=sydney)
        assert agreed.astimezone(UTC).date() == next_day.astimezone(UTC).date()

        r = r.promise_response(by=next_day.date(), at=next_day)

        assert r.response_due == next_day.date()

    def test_the_next_day_passes(self) -> None:
        """One calendar day is the default minimum."""
        assert planning().response_due == day(3)

    def test_a_policy_may_ask_for_more_days(self) -> None:
        """A stricter policy refuses what the default allows."""
        strict = Policy(min_days_before_plan=3)

        with pytest.raises(RuleViolation, match="at least 3 days"):
            issues_agreed(policy=strict).promise_response(by=day(3), at=at(1, 13))


class TestWrittenFollowUp:
    def test_no_plan_before_the_written_summary(self) -> None:
        """Write it up first."""
        r = planning()

        with pytest.raises(RuleViolation, match=r"\[WRITTEN_FOLLOW_UP\] no written summary"):
            r.propose_plan(plan_for(r), at=at(3))

    def test_after_the_summary_the_plan_passes(self) -> None:
        """The plan is proposed."""
        assert plan_proposed().stage is Stage.PLAN_PROPOSED


class TestPlanCoversIssues:
    def test_an_agreed_issue_without_an_initiative_is_refused(self) -> None:
        """Every agreed issue needs work in the plan."""
        r = summary_sent(2)
        plan = plan_for(r)
        plan = attrs.evolve(plan, initiatives=[i for i in plan.initiatives if i.id != "A2"])

        with pytest.raises(
            RuleViolation,
            match=r"\[PLAN_COVERS_ISSUES\] no initiative addresses"
            r" issue I2",
        ) as refused:
            r.propose_plan(plan, at=at(3))

        assert refused.value.findings[0].subject == "I2"

    def test_an_initiative_for_an_unknown_issue_is_refused(self) -> None:
        """A typo in an issue id is caught."""
        r = summary_sent(1)
        plan = plan_for(r)
        wrong = attrs.evolve(plan.initiatives[0], addresses=("I1", "I9"))
        plan = attrs.evolve(plan, initiatives=[wrong, *plan.initiatives[1:]])

        with pytest.raises(RuleViolation, match="addresses 'I9', which is no issue"):
            r.propose_plan(plan, at=at(3))

    def test_a_covering_plan_passes(self) -> None:
        """One initiative per issue is enough."""
        r = summary_sent(3)

        assert not found(r.check("propose_plan", plan_for(r), at=at(3)), Rule.PLAN_COVERS_ISSUES)


class TestPlanIsSpecific:
    def test_an_initiative_needs_an_owner_and_a_criterion(self) -> None:
        """Who does it, and how both sides will know."""
        r = summary_sent(1)
        plan = plan_for(r)
        vague = attrs.evolve(plan.initiatives[0], owner="", success_criterion="")
        plan = attrs.evolve(plan, initiatives=[vague, *plan.initiatives[1:]])

        with pytest.raises(
            RuleViolation,
            match=r"\[PLAN_IS_SPECIFIC\] initiative A1 names no owner and no success criterion",
        ):
            r.propose_plan(plan, at=at(3))

    def test_a_deadline_before_the_plan_is_refused(self) -> None:
        """Hard deadlines that can still be met."""
        r = summary_sent(1)

        with pytest.raises(RuleViolation, match="initiative A1 is due 2026-03-03, before the plan"):
            r.propose_plan(plan_for(r, due=day(1)), at=at(3))

    def test_a_specific_plan_passes(self) -> None:
        """Owners, dates and criteria all there."""
        r = summary_sent(1)

        assert not found(r.check("propose_plan", plan_for(r), at=at(3)), Rule.PLAN_IS_SPECIFIC)


class TestQuickWinFirst:
    def test_a_slow_start_is_a_warning(self) -> None:
        """It advises; the plan is still proposed."""
        r = summary_sent(1)
        plan = plan_for(r)
        plan = attrs.evolve(
            plan, initiatives=[attrs.evolve(i, quick_win=False) for i in plan.initiatives]
        )

        warnings = found(r.check("propose_plan", plan, at=at(3)), Rule.QUICK_WIN_FIRST)

        assert [w.severity for w in warnings] == [Severity.WARNING]  # type: ignore[attr-defined]
        assert r.propose_plan(plan, at=at(3)).stage is Stage.PLAN_PROPOSED

    def test_a_policy_may_make_it_an_error(self) -> None:
        """Severities can be raised as well as lowered."""
        strict = Policy(severities={"QUICK_WIN_FIRST": "error"})
        r = summary_sent(1, strict)
        plan = plan_for(r)
        plan = attrs.evolve(
            plan, initiatives=[attrs.evolve(i, quick_win=False) for i in plan.initiatives]
        )

        with pytest.raises(RuleViolation, match=r"\[QUICK_WIN_FIRST\] no initiative of the top"):
            r.propose_plan(plan, at=at(3))

    def test_a_quick_win_due_months_away_is_a_warning(self) -> None:
        """A "quick" win due in six months shows no progress soon (003 §7)."""
        r = summary_sent(1)
        plan = plan_for(r, quick_due=day(180))

        warnings = found(r.check("propose_plan", plan, at=at(3)), Rule.QUICK_WIN_FIRST)

        assert [w.subject for w in warnings] == ["A1"]  # type: ignore[attr-defined]
        assert "more than 10 days (working) after the plan" in str(warnings[0])

    def test_a_quick_win_at_the_top_due_soon_passes(self) -> None:
        """Within the policy's working days of the plan."""
        r = summary_sent(1)

        plan = plan_for(r, quick_due=day(8))

        assert not found(r.check("propose_plan", plan, at=at(3)), Rule.QUICK_WIN_FIRST)


class TestBothParties:
    def test_a_one_sided_plan_is_a_warning(self) -> None:
        """The client has a part too."""
        r = summary_sent(1)
        plan = plan_for(r)
        plan = attrs.evolve(plan, initiatives=plan.initiatives[:1])

        warnings = found(r.check("propose_plan", plan, at=at(3)), Rule.BOTH_PARTIES)

        assert [w.message for w in warnings] == [  # type: ignore[attr-defined]
            "no initiative is the client's responsibility"
        ]

    def test_both_sides_pass(self) -> None:
        """A provider and a client initiative."""
        r = summary_sent(1)

        assert not found(r.check("propose_plan", plan_for(r), at=at(3)), Rule.BOTH_PARTIES)


class TestCostJustified:
    def test_more_money_without_reasons_is_refused(self) -> None:
        """A tight proposal says why and what for."""
        r = summary_sent(1)
        plan = attrs.evolve(plan_for(r), cost_change=CostChange("5000", "EUR", benefits=["x"]))

        with pytest.raises(
            RuleViolation,
            match=r"\[COST_JUSTIFIED\] the plan asks 5000 EUR more"
            " without stating its reasons",
        ):
            r.propose_plan(plan, at=at(3))

    def test_a_justified_cost_or_a_discount_passes(self) -> None:
        """Reasons and benefits given; a discount needs neither."""
        r = summary_sent(1)
        justified = CostChange("5000", "EUR", reasons=["a second designer"], benefits=["speed"])
        discount = CostChange("-500", "EUR")

        for cost in (justified, discount):
            plan = attrs.evolve(plan_for(r), cost_change=cost)
            assert not found(r.check("propose_plan", plan, at=at(3)), Rule.COST_JUSTIFIED)


class TestOptions:
    def test_one_option_is_too_few(self) -> None:
        """2-3 options."""
        r = summary_sent(1)
        plan = attrs.evolve(plan_for(r), options=plan_for(r).options[:1])

        with pytest.raises(
            RuleViolation,
            match=r"\[OPTIONS\] the plan offers 1 option; the"
            " policy asks for 2-3",
        ):
            r.propose_plan(plan, at=at(3))

    def test_exactly_one_option_is_preferred(self) -> None:
        """Two preferred options are no recommendation."""
        r = summary_sent(1)
        options = [attrs.evolve(o, preferred=True) for o in plan_for(r).options]

        with pytest.raises(RuleViolation, match="2 options are marked preferred"):
            r.propose_plan(attrs.evolve(plan_for(r), options=options), at=at(3))

    def test_four_options_are_too_many(self) -> None:
        """More than three overwhelms."""
        r = summary_sent(1)
        extra = [
            ResolutionOption(f"x{k}", "more", client_gain=1, provider_gain=0) for k in range(2)
        ]
        plan = attrs.evolve(plan_for(r), options=[*plan_for(r).options, *extra])

        with pytest.raises(RuleViolation, match="offers 4 options"):
            r.propose_plan(plan, at=at(3))

    def test_two_options_one_preferred_pass(self) -> None:
        """The default plan."""
        r = summary_sent(1)

        assert not found(r.check("propose_plan", plan_for(r), at=at(3)), Rule.OPTIONS)


class TestWinWin:
    @pytest.mark.parametrize(
        ("client_gain", "provider_gain", "message"),
        [(0, 10, "gains the client nothing"), (10, 30, "is tipped to the provider")],
    )
    def test_a_lopsided_preferred_option_is_refused(
        self, client_gain: int, provider_gain: int, message: str
    ) -> None:
        """The client must not feel they lost something."""
        r = summary_sent(1)
        plan = plan_for(r)
        lopsided = attrs.evolve(
            plan.options[0], client_gain=client_gain, provider_gain=provider_gain
        )
        plan = attrs.evolve(plan, options=[lopsided, *plan.options[1:]])

        with pytest.raises(
            RuleViolation, match=rf"\[WIN_WIN\] the preferred option redo {message}"
        ):
            r.propose_plan(plan, at=at(3))

    def test_a_balanced_preferred_option_passes(self) -> None:
        """The client gains at least as much."""
        r = summary_sent(1)

        assert not found(r.check("propose_plan", plan_for(r), at=at(3)), Rule.WIN_WIN)


class TestClientAgreesPlan:
    def test_no_work_before_the_client_agrees(self) -> None:
        """Proposed is not agreed."""
        with pytest.raises(
            RuleViolation,
            match=r"\[CLIENT_AGREES_PLAN\] the client has not"
            " agreed version 1",
        ) as refused:
            plan_proposed().start_initiative("A1", at=at(4))

        assert rules_of(refused) == {"CLIENT_AGREES_PLAN"}

    def test_new_work_of_a_revision_waits_for_agreement(self) -> None:
        """An initiative a revision adds waits until the client agrees version 2; the work
        the client agreed before goes on meanwhile (003 §9)."""
        r = recovering()
        revised = plan_for(r)
        extra = attrs.evolve(revised.initiatives[0], id="A9", quick_win=False, priority=9)
        r = r.revise_plan(
            attrs.evolve(revised, initiatives=(*revised.initiatives, extra)), at=at(4)
        )

        with pytest.raises(RuleViolation, match="A9 is new in plan version 2"):
            r.start_initiative("A9", at=at(4))
        assert r.start_initiative("A1", at=at(4)).initiative("A1").status.value == "in_progress"
        assert r.agree_plan(at=at(4, 12)).start_initiative("A9", at=at(5)).stage is Stage.RECOVERING

    def test_an_agreed_plan_passes(self) -> None:
        """Work starts."""
        r = recovering().start_initiative("A1", at=at(4))

        assert r.initiative("A1").status.value == "in_progress"


class TestWarnAhead:
    def test_a_late_warning_is_advised_against(self) -> None:
        """A warning the day before the due date is a WARNING, not a refusal."""
        r = recovering()

        findings = r.check("warn_delay", "A1", new_due=day(25), reason="supplier", at=at(19))

        assert [f.rule for f in findings] == [Rule.WARN_AHEAD]
        assert "announced only" in findings[0].message
        assert r.warn_delay("A1", new_due=day(25), reason="supplier", at=at(19)).initiative(
            "A1"
        ).due == day(25)

    def test_a_warning_well_ahead_passes(self) -> None:
        """Bad news early lets the client plan."""
        assert not recovering().check(
            "warn_delay", "A1", new_due=day(25), reason="supplier", at=at(5)
        )

    def test_a_delay_must_move_the_date_later(self) -> None:
        """A delay sets a later, hard deadline."""
        with pytest.raises(RuleViolation, match="is not after its current one"):
            recovering().warn_delay("A1", new_due=day(20), reason="x", at=at(5))


class TestIssuesResolved:
    def test_an_issue_with_open_work_cannot_be_resolved(self) -> None:
        """Its initiatives come first."""
        with pytest.raises(
            RuleViolation,
            match=r"\[ISSUES_RESOLVED\] issue I1 still has work"
            " open: A1",
        ):
            recovering().resolve_issue("I1", evidence="client says fine", at=at(4))

    def test_closing_with_an_unresolved_issue_is_refused(self) -> None:
        """Every agreed issue resolved."""
        r = recovering().fulfil_commitment("C1", evidence="PO", at=at(6))

        with pytest.raises(RuleViolation, match=r"issue I1 .* is not resolved") as refused:
            r.close(at=at(7))

        assert {f.subject for f in refused.value.findings} == {"I1", "I2"}

    def test_resolved_issues_pass(self) -> None:
        """All done."""
        assert not found(work_done().check("close", at=at(8)), Rule.ISSUES_RESOLVED)


class TestCommitmentFulfilled:
    def test_closing_before_the_client_delivers_is_refused(self) -> None:
        """The client's side of the deal is the proof."""
        with pytest.raises(
            RuleViolation,
            match=r"\[COMMITMENT_FULFILLED\] the client's"
            " commitment C1",
        ):
            work_done().close(at=at(8))

    def test_a_broken_commitment_blocks_closing(self) -> None:
        """And the hint says to end the relationship."""
        r = work_done().break_commitment("C1", reason="budget frozen", at=at(8))

        with pytest.raises(RuleViolation, match=r"the client broke commitment C1.*end"):
            r.close(at=at(9))

    def test_a_fulfilled_commitment_passes(self) -> None:
        """Recovered."""
        r = work_done().fulfil_commitment("C1", evidence="PO signed", at=at(8))

        assert r.close(at=at(9)).stage is Stage.RECOVERED


class TestFixedRules:
    @pytest.mark.parametrize("rule", [r for r in Rule if r.fixed])
    def test_a_policy_cannot_relax_a_fixed_rule(self, rule: Rule) -> None:
        """The structural order cannot be switched off."""
        with pytest.raises(InvalidValue, match=rf"Policy.severities\[{rule.value}\]: is a fixed"):
            Policy(severities={rule: Severity.WARNING})


def test_every_rule_of_the_catalogue_has_a_test_class() -> None:
    """Each rule has a class here, in tests/test_clock.py for the time-based ones, or in
    tests/test_rules_method.py for the whole method's; the guidance rules are measured per
    rule in tests/test_guidance.py."""
    from tests import test_clock, test_rules_method

    modules = [*globals(), *vars(test_clock), *vars(test_rules_method)]
    names = {name for name in modules if name.startswith("Test")}
    expected = {
        "Test" + "".join(part.title() for part in rule.value.split("_"))
        for rule in Rule
        if not rule.guidance
    }

    assert expected <= names, sorted(expected - names)


def test_commitment_ids_are_assigned_in_order() -> None:
    """C1, C2…; an explicit id is kept."""
    r = issues_agreed().secure_commitment(COMMITMENT, at=at(1, 13))
    second = Commitment(
        Party.CLIENT, "a referral", measure="a referral call", due=day(40), id="ref"
    )

    r = r.secure_commitment(second, at=at(1, 13))

    assert [c.id for c in r.commitments] == ["C1", "ref"]


def test_a_timezone_aware_at_in_another_zone_is_in_order() -> None:
    """Order is by instant, not by wall clock."""
    r = opened()
    later = at(0).astimezone(tz.gettz("America/New_York"))

    assert r.assess(ASSESSMENT, at=later).version == 2
