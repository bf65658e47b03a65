"""The rules and commands of the whole method: one class per new or widened rule, each with
the finding (or refusal) and the pass, and the commands that let every story be recorded."""

from __future__ import annotations

from datetime import timedelta

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clientrecovery import (
    Commitment,
    CostChange,
    EndCause,
    Impact,
    ImpactKind,
    InitiativeStatus,
    InvalidDocument,
    InvalidValue,
    IssueStatus,
    Party,
    Policy,
    Quantification,
    Relationship,
    ResolutionOption,
    Rule,
    RuleViolation,
    Severity,
    Stage,
    from_dict,
    to_dict,
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
    planning,
    ready_to_meet,
    recovering,
    summary_sent,
    work_done,
)
from tests.strategies import STEPS, advance, relationships


def of(findings: tuple[object, ...], rule: Rule) -> list[object]:
    return [f for f in findings if getattr(f, "rule", None) is rule]


def late_issue(r: Relationship, hour: int = 10) -> Relationship:
    """Raise, specify and agree a late issue I9 on day 6."""
    r = r.raise_issue(
        "invoices are wrong", id="I9", client_words="your bills never add up", at=at(6, hour)
    )
    r = r.specify_issue(
        "I9",
        examples=["invoice 118 charged 40 hours for 32 worked"],
        quantification=Quantification("hours overcharged", 8, "on invoice 118"),
        at=at(6, hour),
    )
    return r.agree_issues(at=at(6, hour + 1), nothing_missed=True)


class TestALateGeneralityThrownOut:
    def test_agreeing_the_list_again_goes_back_to_delivery(self) -> None:
        """003 §1: a generality is made specific or thrown out. Thrown out mid-delivery, it
        leaves the agreed list and plan as they were: one agree_issues goes back to
        RECOVERING, where resolving and closing run, with no new date, summary or plan."""
        r = recovering().raise_issue(
            "your people don't care", id="I9", client_words="nobody cares", at=at(6, 10)
        )
        r = r.drop_issue("I9", reason="a generality, no example", at=at(6, 11))
        found = r.check("resolve_issue", "I1", evidence="two weeks on time", at=at(6, 12))
        (refused,) = of(found, Rule.STAGE_ORDER)
        assert refused.hint == "first: agree_issues"  # type: ignore[attr-defined]

        back = r.agree_issues(at=at(6, 12), nothing_missed=True)

        assert back.stage is Stage.RECOVERING
        assert back.issues_agreed_at == r.issues_agreed_at  # the list the plan answers
        assert back.plan == r.plan
        assert Relationship.replay(back.history) == back

    def test_a_late_issue_agreed_and_not_yet_planned_still_needs_its_revision(self) -> None:
        """Only when nothing is left to plan: an agreed late issue no initiative answers
        keeps the way through a new response date, summary and revised plan."""
        r = late_issue(recovering())
        assert r.stage is Stage.ISSUES_AGREED
        r = r.raise_issue("you never listen", id="I10", client_words="never", at=at(6, 13))
        r = r.drop_issue("I10", reason="a generality", at=at(6, 14))

        assert r.agree_issues(at=at(6, 15), nothing_missed=True).stage is Stage.ISSUES_AGREED


class TestMeetSwiftly:
    def test_a_meeting_a_week_after_opening_is_advised_against(self) -> None:
        """Five working days when the policy allows three (001 §5: swiftly)."""
        r = ready_to_meet()

        found = of(r.check("meet_client", at=at(7), willing=True), Rule.MEET_SWIFTLY)

        assert [f.severity for f in found] == [Severity.WARNING]  # type: ignore[attr-defined]
        assert "5 days (working) after the case was opened" in str(found[0])

    def test_an_overdue_meeting_shows_in_the_findings_with_its_command(self) -> None:
        """Before the meeting, time passing is enough."""
        found = of(ready_to_meet().findings(at(6)), Rule.MEET_SWIFTLY)

        assert [f.command for f in found] == ["meet_client"]  # type: ignore[attr-defined]

    def test_a_meeting_the_next_day_passes(self) -> None:
        """Within the working days allowed."""
        r = ready_to_meet()

        assert not of(r.check("meet_client", at=at(1), willing=True), Rule.MEET_SWIFTLY)
        assert not of(r.findings(at(3)), Rule.MEET_SWIFTLY)


class TestSummaryPromptly:
    def test_a_summary_days_after_the_agreement_is_advised_against(self) -> None:
        """Agreed Tuesday, written up Friday: three working days for one allowed (003 §6)."""
        r = planning()

        found = of(r.check("send_written_summary", at=at(4)), Rule.SUMMARY_PROMPTLY)

        assert [f.severity for f in found] == [Severity.WARNING]  # type: ignore[attr-defined]
        assert of(r.send_written_summary(at=at(4)).findings(at(4)), Rule.SUMMARY_PROMPTLY)

    def test_an_unsent_summary_is_overdue(self) -> None:
        """In PLANNING, with no summary yet, the finding names the command."""
        found = of(planning().findings(at(4)), Rule.SUMMARY_PROMPTLY)

        assert [f.command for f in found] == ["send_written_summary"]  # type: ignore[attr-defined]

    def test_a_summary_the_same_day_passes(self) -> None:
        """As soon as possible."""
        r = planning()

        assert not of(r.check("send_written_summary", at=at(1, 17)), Rule.SUMMARY_PROMPTLY)


class TestWinWinWidened:
    def test_a_preferred_option_giving_the_client_less_than_another_is_refused(self) -> None:
        """001 §6: the preferred option is the most substantial win-win."""
        r = summary_sent(1)
        plan = plan_for(r, quick_due=day(8))
        options = (
            ResolutionOption(
                "cheap", "a discount", client_gain=10, provider_gain=5, preferred=True
            ),
            ResolutionOption("redo", "redo it all", client_gain=40, provider_gain=30),
        )

        with pytest.raises(RuleViolation, match=r"\[WIN_WIN\] the preferred option cheap gives"):
            r.propose_plan(attrs.evolve(plan, options=options), at=at(3))

    def test_a_preferred_option_giving_the_most_passes(self) -> None:
        """Equal gains are fine."""
        r = summary_sent(1)
        plan = plan_for(r, quick_due=day(8))

        assert not of(r.check("propose_plan", plan, at=at(3)), Rule.WIN_WIN)


class TestCostJustifiedPerOption:
    def test_an_option_asking_money_without_reasons_is_refused(self) -> None:
        """An option's own cost is judged like the plan's (003 §7)."""
        r = summary_sent(1)
        plan = plan_for(r, quick_due=day(8))
        costly = attrs.evolve(plan.options[1], cost_change=CostChange("5000", "EUR"))

        with pytest.raises(RuleViolation, match=r"\[COST_JUSTIFIED\] option partial asks 5000"):
            r.propose_plan(attrs.evolve(plan, options=(plan.options[0], costly)), at=at(3))

    def test_an_option_with_reasons_and_benefits_passes_and_is_written(self) -> None:
        """The plan document shows the option's cost with why."""
        r = summary_sent(1)
        plan = plan_for(r, quick_due=day(8))
        cost = CostChange("5000", "EUR", reasons=("a second designer",), benefits=("speed",))
        costly = attrs.evolve(plan.options[1], cost_change=cost)

        r = r.propose_plan(attrs.evolve(plan, options=(plan.options[0], costly)), at=at(3))

        assert "  - Extra cost: 5000 EUR (a second designer; speed)" in r.plan_document()


class TestSpecificIssuesWidened:
    def test_an_example_that_is_itself_a_generality_is_pointed_out(self) -> None:
        """ "They always ignore us" is no instance (003 §1); the warning stands afterwards."""
        r = in_discovery().raise_issue("you ignore our feedback", at=at(1, 10))

        found = of(
            r.check(
                "specify_issue",
                "I1",
                examples=["you always ignore us"],
                quantification="feedback ignored",
                at=at(1, 11),
            ),
            Rule.SPECIFIC_ISSUES,
        )
        r = r.specify_issue(
            "I1", examples=["you always ignore us"], quantification="feedback ignored", at=at(1, 11)
        )

        assert [(f.severity, f.subject) for f in found] == [(Severity.WARNING, "I1")]  # type: ignore[attr-defined]
        assert of(r.findings(at(1, 11)), Rule.SPECIFIC_ISSUES)

    def test_an_example_repeating_the_complaint_is_pointed_out(self) -> None:
        """A generality given as its own example."""
        r = in_discovery().raise_issue("the reports are late", at=at(1, 10))

        found = r.check(
            "specify_issue",
            "I1",
            examples=["The reports are late"],
            quantification=Quantification("days late", 3, "per report"),
            at=at(1, 11),
        )

        assert "repeats the complaint" in str(of(found, Rule.SPECIFIC_ISSUES)[0])

    def test_a_vague_success_criterion_is_pointed_out(self) -> None:
        """ "Everything works" is not something both sides can count."""
        r = summary_sent(1)
        plan = plan_for(r, quick_due=day(8))
        vague = attrs.evolve(plan.initiatives[0], success_criterion="everything works")
        plan = attrs.evolve(plan, initiatives=(vague, *plan.initiatives[1:]))

        found = of(r.check("propose_plan", plan, at=at(3)), Rule.SPECIFIC_ISSUES)

        assert [f.subject for f in found] == ["A1"]  # type: ignore[attr-defined]

    def test_a_dated_countable_example_passes(self) -> None:
        """Specific."""
        r = in_discovery().raise_issue("you ignore our feedback", at=at(1, 10))

        found = r.check(
            "specify_issue",
            "I1",
            examples=["the 12 comments of 12 February came back unaddressed"],
            quantification=Quantification("comments unaddressed", 12, "of 12"),
            at=at(1, 11),
        )

        assert found == ()


class TestMeasurableCommitment:
    def test_a_commitment_measured_in_absolutes_is_pointed_out_and_stands(self) -> None:
        """ "The client feels everything is fine" is nothing to count (003 §4); replay agrees."""
        vague = attrs.evolve(COMMITMENT, measure="the client feels everything is fine")
        r = issues_agreed()

        found = of(r.check("secure_commitment", vague, at=at(1, 13)), Rule.CLIENT_COMMITMENT)
        r = r.secure_commitment(vague, at=at(1, 13))
        kept = of(r.findings(at(1, 14)), Rule.CLIENT_COMMITMENT)

        assert [(f.severity, f.subject) for f in found] == [(Severity.WARNING, "C1")]  # type: ignore[attr-defined]
        assert "speaks in absolutes ('everything')" in found[0].message  # type: ignore[attr-defined]
        assert found[0].hint  # type: ignore[attr-defined]
        assert kept == found
        assert Relationship.replay(r.history).findings(at(1, 14)) == r.findings(at(1, 14))
        assert from_dict(to_dict(r)).findings(at(1, 14)) == r.findings(at(1, 14))

    def test_a_provider_promise_measured_in_absolutes_is_pointed_out(self) -> None:
        """What shows a promise kept is countable too (000); it stands until it is kept."""
        promise = Commitment(Party.PROVIDER, "better service", "nothing goes wrong", day(9))
        r = recovering()

        found = of(r.check("promise", promise, at=at(3, 13)), Rule.PROMISE_KEPT)
        r = r.promise(promise, at=at(3, 13))
        kept = r.fulfil_commitment("P1", evidence="no incident", at=at(4))

        assert [(f.severity, f.subject) for f in found] == [(Severity.WARNING, "P1")]  # type: ignore[attr-defined]
        assert of(r.findings(at(3, 14)), Rule.PROMISE_KEPT) == found
        assert not of(kept.findings(at(4, 10)), Rule.PROMISE_KEPT)

    def test_a_countable_measure_passes(self) -> None:
        """A purchase order signed is something both sides can see."""
        assert not issues_agreed().check("secure_commitment", COMMITMENT, at=at(1, 13))


class TestPromiseKeptWidened:
    def test_a_provider_promise_past_its_date_is_reported(self) -> None:
        """000: deliver on your promises; every one is tracked."""
        promise = Commitment(Party.PROVIDER, "call every other day", "calls logged", day(5))
        r = recovering().promise(promise, at=at(3, 13))

        found = of(r.findings(at(7)), Rule.PROMISE_KEPT)

        assert [(f.subject, f.command) for f in found] == [("P1", "fulfil_commitment")]  # type: ignore[attr-defined]

    def test_ending_with_a_promise_overdue_and_open_is_warned_and_told_after(self) -> None:
        """check("end") says so while the promise can still be recorded; once the case has
        ended it cannot be, so the finding offers telling the client, not a refused command."""
        promise = Commitment(Party.PROVIDER, "hand-over notes", "notes sent", day(5))
        r = recovering().promise(promise, at=at(3, 13))

        warned = of(
            r.check("end", reason="client left", lessons=["x"], at=at(7)), Rule.PROMISE_KEPT
        )
        ended = r.end(reason="client left", lessons=["x"], at=at(7))
        after = of(ended.findings(at(8)), Rule.PROMISE_KEPT)

        assert [(f.severity, f.command) for f in warned] == [
            (Severity.WARNING, "fulfil_commitment")
        ]  # type: ignore[attr-defined]
        assert [(f.subject, f.command) for f in after] == [("P1", "contact_client")]  # type: ignore[attr-defined]
        assert "ended (LOST) with it open" in after[0].message  # type: ignore[attr-defined]

    def test_a_plan_later_than_promised_is_warned_by_check_and_kept_once(self) -> None:
        """The plan promised for day 3 comes on day 5: check() says what findings() will."""
        r = summary_sent()
        plan = plan_for(r)

        warned = of(r.check("propose_plan", plan, at=at(5)), Rule.PROMISE_KEPT)
        after = of(r.propose_plan(plan, at=at(5)).findings(at(5, 10)), Rule.PROMISE_KEPT)

        assert [f.message for f in warned] == [f.message for f in after]  # type: ignore[attr-defined]
        assert len(after) == 1
        assert "2 days after the promised" in after[0].message  # type: ignore[attr-defined]

    def test_a_kept_promise_passes_and_even_before_the_meeting(self) -> None:
        """A promise made while assessing is kept with the same command."""
        promise = Commitment(Party.PROVIDER, "a call back by Friday", "call made", day(4))
        r = opened().promise(promise, at=at(0, 10))

        r = r.fulfil_commitment("P1", evidence="called on Thursday", at=at(3))

        assert not of(r.findings(at(7)), Rule.PROMISE_KEPT)
        assert r.commitment("P1").status.value == "fulfilled"

    def test_a_promise_that_is_not_the_providers_is_refused(self) -> None:
        """The client's commitment has its own command."""
        theirs = Commitment(Party.CLIENT, "pay", "paid", day(9))

        with pytest.raises(InvalidValue, match=r"promise\(commitment=...\): is the client's"):
            opened().promise(theirs, at=at(0, 10))

    def test_the_relationship_keeps_the_promises_status_itself(self) -> None:
        """Whatever status the given commitment carries, a new promise is open."""
        given = Commitment(
            Party.PROVIDER,
            "a call",
            "call made",
            day(4),
            status=attrs.fields(Commitment).status.default,
        )
        done = attrs.evolve(given, note="made up")

        r = opened().promise(done, at=at(0, 10))

        assert (r.commitment("P1").status.value, r.commitment("P1").note) == ("agreed", "")

    def test_a_broken_promise_stands_and_is_warned_when_the_case_closes(self) -> None:
        """000: keeping promises matters most. Recording one broken is no way out of the
        finding: it stands, close warns of it, and the closed case keeps it."""
        promise = Commitment(Party.PROVIDER, "a status call every Friday", "calls logged", day(8))
        r = work_done().promise(promise, at=at(6, 10))

        told = of(r.check("break_commitment", "P1", reason="no call", at=at(9)), Rule.PROMISE_KEPT)
        broken = r.break_commitment("P1", reason="no call", at=at(9))
        done = broken.fulfil_commitment("C1", evidence="PO signed", at=at(9, 10))
        at_close = of(done.check("close", at=at(9, 12)), Rule.PROMISE_KEPT)
        closed = done.close(at=at(9, 12))

        assert [(f.severity, f.subject, f.command) for f in told] == [  # type: ignore[attr-defined]
            (Severity.WARNING, "P1", "contact_client")
        ]
        assert "the provider broke its promise P1" in told[0].message  # type: ignore[attr-defined]
        assert of(broken.findings(at(9, 10)), Rule.PROMISE_KEPT) == told
        assert at_close == told
        assert closed.stage is Stage.RECOVERED
        assert of(closed.findings(at(12)), Rule.PROMISE_KEPT) == told
        offered = closed.check("contact_client", channel="call", summary="sorry", at=at(12))
        assert not [f for f in offered if f.severity is Severity.ERROR]

    def test_a_broken_promise_is_warned_when_the_case_ends_too(self) -> None:
        """Breaking it before ending does not silence check("end"), nor the lost case."""
        promise = Commitment(Party.PROVIDER, "hand-over notes", "notes sent", day(5))
        r = recovering().promise(promise, at=at(3, 13))
        broken = r.break_commitment("P1", reason="no time", at=at(7))

        warned = of(
            broken.check("end", reason="client left", lessons=["x"], at=at(8)), Rule.PROMISE_KEPT
        )
        ended = broken.end(reason="client left", lessons=["x"], at=at(8))

        assert [f.subject for f in warned] == ["P1"]  # type: ignore[attr-defined]
        assert of(ended.findings(at(9)), Rule.PROMISE_KEPT) == warned

    def test_the_advice_on_an_overdue_promise_does_not_offer_breaking_it(self) -> None:
        """Closing with a promise overdue and open: keep it; breaking it settles nothing."""
        promise = Commitment(Party.PROVIDER, "hand-over notes", "notes sent", day(5))
        r = recovering().promise(promise, at=at(3, 13))

        (found,) = of(r.check("end", reason="left", lessons=["x"], at=at(7)), Rule.PROMISE_KEPT)

        assert found.command == "fulfil_commitment"  # type: ignore[attr-defined]
        assert "Record it kept or broken" not in found.hint  # type: ignore[attr-defined]
        assert "broken promise stays on the record" in found.hint  # type: ignore[attr-defined]

    def test_a_promise_kept_after_its_date_stands_as_kept_late(self) -> None:
        """As a plan later than the promised response date does (003 §5-6; 000)."""
        promise = Commitment(Party.PROVIDER, "hand-over notes", "notes sent", day(5))
        r = recovering().promise(promise, at=at(3, 13))

        told = of(r.check("fulfil_commitment", "P1", evidence="sent", at=at(8)), Rule.PROMISE_KEPT)
        kept = r.fulfil_commitment("P1", evidence="sent", at=at(8))
        on_time = r.fulfil_commitment("P1", evidence="sent", at=at(5, 17))

        assert [(f.subject, f.command) for f in told] == [("P1", None)]  # type: ignore[attr-defined]
        assert f"was kept on {day(8)}, 3 days late (it was due {day(5)})" in told[0].message  # type: ignore[attr-defined]
        assert of(kept.findings(at(12)), Rule.PROMISE_KEPT) == told
        assert of(on_time.findings(at(12)), Rule.PROMISE_KEPT) == []

    def test_a_policy_blocking_on_promises_still_records_one_broken(self) -> None:
        """What happened is recorded: the finding is a WARNING, never a refusal."""
        policy = Policy(severities={Rule.PROMISE_KEPT: Severity.ERROR})
        promise = Commitment(Party.PROVIDER, "a call", "call made", day(5))
        r = recovering(policy=policy).promise(promise, at=at(3, 13))

        broken = r.break_commitment("P1", reason="forgot", at=at(7))

        assert [f.severity for f in of(broken.findings(at(7)), Rule.PROMISE_KEPT)] == [
            Severity.WARNING
        ]  # type: ignore[attr-defined]


class TestRefusalsSayWhatIsNext:
    def test_a_committed_client_waits_for_the_response_date_not_another_commitment(
        self,
    ) -> None:
        """Issues agreed and the client committed: the step missing is the promised
        response date (003 §5); a second commitment would not move the case on."""
        r = issues_agreed().secure_commitment(COMMITMENT, at=at(1, 13))

        with pytest.raises(RuleViolation) as refused:
            r.send_written_summary(at=at(1, 14))

        (found,) = refused.value.findings
        assert (found.command, found.hint) == ("promise_response", "first: promise_response")

    def test_after_a_late_issue_the_route_is_the_one_the_rules_accept(self) -> None:
        """The client's commitment stands and a plan is in force: the route asks for a new
        date, a new summary and a revision (003 §5-8), and each step it names runs."""
        r = recovering(1).raise_issue("invoices are wrong", id="I9", at=at(6, 10))
        r = r.specify_issue(
            "I9",
            examples=["invoice 118 charged 40 hours for 32 worked"],
            quantification=Quantification("hours overcharged", 8, "on invoice 118"),
            at=at(6, 10),
        )
        run = {
            "agree_issues": lambda r, t: r.agree_issues(at=t, nothing_missed=True),
            "promise_response": lambda r, t: r.promise_response(by=day(9), at=t),
            "send_written_summary": lambda r, t: r.send_written_summary(at=t),
            "revise_plan": lambda r, t: r.revise_plan(plan_for(r), at=t),
            "agree_plan": lambda r, t: r.agree_plan(at=t),
        }

        def route(r: Relationship, t: object) -> list[str]:
            """The route the STAGE_ORDER refusal of close names, checked against its command."""
            found = of(r.check("close", at=t), Rule.STAGE_ORDER)
            if not found:
                return []
            hint, command = found[0].hint, found[0].command  # type: ignore[attr-defined]
            steps = hint.removeprefix("first: ").split(" → ")
            assert command == steps[0]
            return steps  # type: ignore[no-any-return]

        taken = []
        moment = at(7, 9)
        steps = route(r, moment)
        first = list(steps)
        while steps:
            if steps[0] == "revise_plan":  # not the day the issues were agreed (NOT_TODAY)
                moment = at(9, 10)
            r = run[steps[0]](r, moment)  # the step offered is accepted now
            taken.append(steps[0])
            moment += timedelta(hours=2)
            steps = route(r, moment)

        assert first == [
            "agree_issues",
            "promise_response",
            "send_written_summary",
            "revise_plan",
            "agree_plan",
        ]
        assert (taken, r.stage) == (first, Stage.RECOVERING)

    def test_a_late_plan_offers_the_first_step_that_runs_toward_it(self) -> None:
        """The response date passed before the client committed or the summary went out:
        PROMISE_KEPT offers what can run now, in turn, and then the plan itself (003 §4-7)."""
        r = issues_agreed(1).promise_response(by=day(3), at=at(1, 13))
        run = {
            "secure_commitment": lambda r, t: r.secure_commitment(COMMITMENT, at=t),
            "send_written_summary": lambda r, t: r.send_written_summary(at=t),
            "propose_plan": lambda r, t: r.propose_plan(plan_for(r), at=t),
        }
        offered = []
        moment = at(5, 9)

        while r.stage is not Stage.PLAN_PROPOSED:
            (late,) = of(r.findings(moment), Rule.PROMISE_KEPT)
            offered.append(late.command)  # type: ignore[attr-defined]
            r = run[late.command](r, moment)  # type: ignore[attr-defined]
            moment += timedelta(hours=1)

        assert offered == ["secure_commitment", "send_written_summary", "propose_plan"]

    def test_a_late_plan_names_what_comes_first_and_the_new_date(self) -> None:
        """The hint says what the command offered is for, and that a new date may be given."""
        r = planning(1)

        (late,) = of(r.findings(at(5)), Rule.PROMISE_KEPT)

        assert (late.command, late.hint) == (  # type: ignore[attr-defined]
            "send_written_summary",
            "Before the plan can go out: send_written_summary; meanwhile tell the client when"
            " it will come and why (a new date: promise_response).",
        )
        assert r.promise_response(by=day(8), at=at(5)).stage is Stage.PLANNING


class TestPlanMeetingsCountAsContact:
    def test_silence_is_counted_from_the_plan_put_to_and_agreed_with_the_client(self) -> None:
        """003 §8: the plan is delivered and agreed in a meeting with the client; the
        silence of 003 §10 runs from there, not from the written summary before it."""
        r = recovering()
        agreed_at = r.plan.agreed_at  # type: ignore[union-attr]
        assert agreed_at is not None
        allowed = r.policy.max_silence

        just_within = of(r.findings(agreed_at + allowed), Rule.COMMUNICATE_OFTEN)
        beyond = of(r.findings(agreed_at + allowed + timedelta(hours=1)), Rule.COMMUNICATE_OFTEN)

        assert just_within == []
        assert len(beyond) == 1


class TestClientPart:
    def test_moving_the_clients_late_part_is_a_reminder_not_a_warning(self) -> None:
        """003 final comments: the client's part past its date is reminded, quantified; a
        "delay warning" on it is accepted (the client may ask for time) but said, and kept
        until the part is done, rather than hiding the lateness."""
        r = recovering()  # the client's part CL is due day 20

        early = of(
            r.check("warn_delay", "CL", new_due=day(25), reason="asked", at=at(10)),
            Rule.CLIENT_PART,
        )
        late = of(
            r.check("warn_delay", "CL", new_due=day(25), reason="data", at=at(22)), Rule.CLIENT_PART
        )
        moved = r.warn_delay("CL", new_due=day(25), reason="data", at=at(22))

        assert early == []
        assert [(f.subject, f.command) for f in late] == [("CL", "contact_client")]  # type: ignore[attr-defined]
        assert "was 2 days late when its date was moved" in late[0].message  # type: ignore[attr-defined]
        assert of(moved.findings(at(23)), Rule.CLIENT_PART) == late
        done = moved.start_initiative("CL", at=at(23)).complete_initiative("CL", at=at(24))
        assert of(done.findings(at(24)), Rule.CLIENT_PART) == []

    def test_a_wait_begun_on_late_work_does_not_hide_the_lateness(self) -> None:
        """003 §9: the wait pauses the provider's clock from its start; days late before it
        are said when the wait begins, and while it lasts."""
        r = recovering()  # the provider's initiatives are due day 20
        due = r.initiative("A1").due

        found = of(
            r.check("wait_on_client", "A1", reason="data", needs="x", by=day(25), at=at(22)),
            Rule.WARN_AHEAD,
        )
        waiting = r.wait_on_client("A1", reason="data", needs="x", by=day(25), at=at(22))

        assert [(f.subject, f.command) for f in found] == [("A1", "contact_client")]  # type: ignore[attr-defined]
        assert f"was due {due} and was 2 days late when it began to wait" in found[0].message  # type: ignore[attr-defined]
        assert [
            f for f in of(waiting.findings(at(23)), Rule.WARN_AHEAD) if f.subject == "A1"
        ] == found  # type: ignore[attr-defined]
        on_time = of(
            r.check("wait_on_client", "A1", reason="d", needs="x", by=day(9), at=at(5)),
            Rule.WARN_AHEAD,
        )
        assert on_time == []

    def test_a_wait_that_does_not_say_what_is_owed_is_pointed_out(self) -> None:
        """003 final comments: quantify it and expect it; it stands while the wait lasts."""
        r = recovering()

        found = of(r.check("wait_on_client", "A1", reason="data", at=at(4)), Rule.CLIENT_PART)
        waiting = r.wait_on_client("A1", reason="data", at=at(4))

        assert [f.subject for f in found] == ["A1"]  # type: ignore[attr-defined]
        assert of(waiting.findings(at(4)), Rule.CLIENT_PART)
        assert not of(waiting.resume("A1", at=at(5)).findings(at(5)), Rule.CLIENT_PART)

    def test_a_quantified_wait_passes_until_its_date(self) -> None:
        """Then the client is reminded."""
        r = recovering().wait_on_client(
            "A1", reason="data", needs="the March export", by=day(6), at=at(4)
        )

        assert not of(r.findings(at(6, 12)), Rule.CLIENT_PART)
        late = of(r.findings(at(8)), Rule.CLIENT_PART)
        assert "the client owed (the March export) for initiative A1 by" in str(late[0])

    def test_a_wait_longer_than_the_policy_allows_is_reported(self) -> None:
        """Ten working days by default."""
        r = recovering().wait_on_client(
            "A1", reason="data", needs="the export", by=day(30), at=at(4)
        )

        found = of(r.findings(at(20)), Rule.CLIENT_PART)

        assert "has waited on the client for 11 days (working)" in str(found[0])

    def test_waiting_on_the_clients_own_work_is_refused(self) -> None:
        """The client's part is reminded, not waited on."""
        with pytest.raises(RuleViolation, match="CL is the client's own work"):
            recovering().wait_on_client("CL", reason="x", needs="y", by=day(6), at=at(4))


class TestWarnAheadWidened:
    def test_a_revision_moving_work_later_is_a_delay(self) -> None:
        """Moved the day before it was due: told too late, and recorded as a delay."""
        r = recovering().start_initiative("A1", at=at(4))
        plan = plan_for(r)
        moved = attrs.evolve(plan.initiatives[0], due=day(30))
        plan = attrs.evolve(plan, initiatives=(moved, *plan.initiatives[1:]))

        found = of(r.check("revise_plan", plan, at=at(19, 12)), Rule.WARN_AHEAD)
        revised = r.revise_plan(plan, at=at(19, 12))

        assert [f.subject for f in found] == ["A1"]  # type: ignore[attr-defined]
        assert [d.reason for d in revised.initiative("A1").delays] == ["moved by plan version 2"]
        assert of(revised.findings(at(19, 12)), Rule.WARN_AHEAD)

    def test_a_revision_moving_work_well_ahead_passes(self) -> None:
        """Two weeks of notice."""
        r = recovering()
        plan = plan_for(r)
        moved = attrs.evolve(plan.initiatives[0], due=day(30))
        plan = attrs.evolve(plan, initiatives=(moved, *plan.initiatives[1:]))

        assert not of(r.check("revise_plan", plan, at=at(5)), Rule.WARN_AHEAD)

    def test_moving_the_promised_response_late_is_a_delay(self) -> None:
        """The response date is a promise like any other (003 §5)."""
        r = planning()  # promised for day 3

        found = of(r.check("promise_response", by=day(5), at=at(3, 8)), Rule.WARN_AHEAD)
        moved = r.promise_response(by=day(5), at=at(3, 8))

        assert "the delay of the promised response date" in str(found[0])
        assert moved.response_moves[0].previous_due == day(3)
        assert of(moved.findings(at(3, 9)), Rule.WARN_AHEAD)

    def test_moving_the_response_well_ahead_passes(self) -> None:
        """Promised for Saturday, moved to Monday on Tuesday: three days of notice."""
        r = issues_agreed().secure_commitment(
            Commitment(Party.CLIENT, "renew", "signed", day(30)), at=at(1, 13)
        )
        r = r.promise_response(by=day(5), at=at(1, 13))

        assert not of(r.check("promise_response", by=day(7), at=at(1, 14)), Rule.WARN_AHEAD)

    def test_late_work_is_reported_while_a_late_issue_is_discovered(self) -> None:
        """Delivery findings keep running in DISCOVERY (003 §9)."""
        r = recovering(1).raise_issue("a new problem", at=at(22))

        assert r.stage is Stage.DISCOVERY
        assert [f.subject for f in of(r.findings(at(23)), Rule.WARN_AHEAD)] == ["A1"]  # type: ignore[attr-defined]
        assert of(r.findings(at(23)), Rule.FOLLOW_UP_CADENCE)

    def test_work_completed_late_without_a_warning_stands(self) -> None:
        """003 §9: meet the deadline or warn well ahead; finishing late work does not make
        the missed date go away (as a delay warned too late stays)."""
        r = recovering().start_initiative("A1", at=at(4))  # due day 20

        told = of(r.check("complete_initiative", "A1", at=at(23)), Rule.WARN_AHEAD)
        done = r.complete_initiative("A1", at=at(23))

        assert [(f.severity, f.subject, f.command) for f in told] == [  # type: ignore[attr-defined]
            (Severity.WARNING, "A1", "contact_client")
        ]
        assert (
            f"was due {day(20)} and was completed 3 days late; the client was never warned"
            in told[0].message  # type: ignore[attr-defined]
        )
        assert [f for f in of(done.findings(at(30)), Rule.WARN_AHEAD) if f.subject == "A1"] == told
        offered = done.check("contact_client", channel="call", summary="A1 is in", at=at(30))
        assert not [f for f in offered if f.severity is Severity.ERROR]

    def test_work_dropped_late_without_a_warning_stands(self) -> None:
        """Dropping the work past its date does not hide that it was late."""
        r = recovering().start_initiative("A1", at=at(4))

        told = of(
            r.check("drop_initiative", "A1", reason="no longer needed", at=at(22)), Rule.WARN_AHEAD
        )
        dropped = r.drop_initiative("A1", reason="no longer needed", at=at(22))

        assert "and was dropped 2 days late; the client was never warned" in str(told[0])
        assert [
            f for f in of(dropped.findings(at(30)), Rule.WARN_AHEAD) if f.subject == "A1"
        ] == told

    def test_work_finished_by_its_date_or_one_warned_in_time_passes(self) -> None:
        """A date met, or a delay told well ahead and then met, leave nothing; a warned
        date missed in its turn is late again."""
        r = recovering().start_initiative("A1", at=at(4))
        moved = r.warn_delay("A1", new_due=day(25), reason="supplier late", at=at(10))

        on_time = of(r.check("complete_initiative", "A1", at=at(20, 17)), Rule.WARN_AHEAD)
        after_warning = of(moved.check("complete_initiative", "A1", at=at(25)), Rule.WARN_AHEAD)
        late_again = of(moved.check("complete_initiative", "A1", at=at(27)), Rule.WARN_AHEAD)

        assert on_time == []
        assert after_warning == []
        assert f"not warned again after the delay to {day(25)}" in str(late_again[0])

    def test_the_days_waited_on_the_client_are_not_the_providers_lateness(self) -> None:
        """003 final comments: the wait moves the provider's date when work resumes; work
        dropped while it waits is late only by the days before the wait."""
        r = recovering().start_initiative("A1", at=at(4))  # due day 20
        resumed = r.wait_on_client("A1", reason="d", needs="the export", by=day(12), at=at(10))
        resumed = resumed.resume("A1", at=at(17))  # 5 working days: due day 25
        waiting_late = r.wait_on_client("A1", reason="d", needs="x", by=day(25), at=at(22))

        within = of(resumed.check("complete_initiative", "A1", at=at(24)), Rule.WARN_AHEAD)
        past = of(resumed.check("complete_initiative", "A1", at=at(26)), Rule.WARN_AHEAD)
        dropped = of(
            waiting_late.check("drop_initiative", "A1", reason="moot", at=at(40)), Rule.WARN_AHEAD
        )

        assert resumed.initiative("A1").due == day(25)
        assert within == []
        assert f"was due {day(25)} and was completed 1 day late" in str(past[0])
        assert [f.message for f in dropped] == [  # type: ignore[attr-defined]
            f"initiative A1 was due {day(20)} and was 2 days late when it began to wait on"
            " the client, and was then dropped; the client was never warned"
        ]

    def test_the_clients_own_part_finished_late_is_no_warning_of_the_providers(self) -> None:
        """Its lateness is a reminder while it is open (CLIENT_PART), not WARN_AHEAD."""
        r = recovering().start_initiative("CL", at=at(4))

        assert of(r.check("complete_initiative", "CL", at=at(25)), Rule.WARN_AHEAD) == []

    def test_a_policy_blocking_on_warn_ahead_still_records_work_finished_late(self) -> None:
        """What happened is recorded: the finding is a WARNING, never a refusal."""
        policy = Policy(severities={Rule.WARN_AHEAD: Severity.ERROR})
        r = recovering(policy=policy).start_initiative("A1", at=at(4))

        done = r.complete_initiative("A1", at=at(23))

        assert [
            f.severity for f in of(done.findings(at(23)), Rule.WARN_AHEAD) if f.subject == "A1"
        ] == [Severity.WARNING]  # type: ignore[attr-defined]


class TestTheAssessmentAccountsForTheDamage:
    def test_an_assessment_without_damage_or_the_clients_people_is_advised_against(
        self,
    ) -> None:
        """001 §3 accounts for the damage, §1 for everyone associated: the meeting is
        advised against without them, never refused."""
        bare = attrs.evolve(ASSESSMENT, impacts=())
        r = opened().assess(bare, at=at(0, 10)).align_internally(approved_by="Pier", at=at(0, 11))
        found = of(r.check("meet_client", at=at(1), willing=True), Rule.ASSESS_FIRST)
        assert [(f.severity, f.command) for f in found] == [(Severity.WARNING, "assess")]  # type: ignore[attr-defined]
        assert "accounts for no damage" in str(found[0])

        ours = attrs.evolve(bare, stakeholders=ASSESSMENT.stakeholders[1:])
        r = opened().assess(ours, at=at(0, 10)).align_internally(approved_by="Pier", at=at(0, 11))
        messages = [
            str(f) for f in of(r.check("meet_client", at=at(1), willing=True), Rule.ASSESS_FIRST)
        ]
        assert any("no stakeholder on the client's side" in m for m in messages)

        damage = Impact(ImpactKind.MONEY, "phase two at risk", amount="40000")
        r = opened().assess(attrs.evolve(bare, impacts=(damage,)), at=at(0, 10))
        r = r.align_internally(approved_by="Pier", at=at(0, 11))
        assert not of(r.check("meet_client", at=at(1), willing=True), Rule.ASSESS_FIRST)
        assert r.meet_client(at=at(1), willing=True).met_at == at(1)


class TestStakeholdersInformedWidened:
    def test_a_warned_delay_nobody_passed_on_is_reported(self) -> None:
        """001 §7: including any changes from what was discussed before."""
        r = recovering().inform_stakeholders(audience=["Dana"], summary="agreed", at=at(3, 13))
        r = r.warn_delay("A1", new_due=day(25), reason="supplier", at=at(5))

        found = of(r.findings(at(6)), Rule.STAKEHOLDERS_INFORMED)

        assert "the delay of A1 to 2026-03-27" in str(found[0])

    def test_telling_them_after_the_delay_passes(self) -> None:
        """Told the same day."""
        r = recovering().inform_stakeholders(audience=["Dana"], summary="agreed", at=at(3, 13))
        r = r.warn_delay("A1", new_due=day(25), reason="supplier", at=at(5))

        r = r.inform_stakeholders(audience=["Dana"], summary="A1 moves", at=at(5, 12))

        assert not of(r.findings(at(6)), Rule.STAKEHOLDERS_INFORMED)

    def test_telling_only_the_providers_own_people_leaves_the_client_untold(self) -> None:
        """001 §7, everyone who needs to know: an update to the agency's director alone does
        not tell the client's marketing director."""
        r = recovering().inform_stakeholders(
            audience=["Pier Novak"], summary="agreed", at=at(3, 13)
        )

        (found,) = of(r.findings(at(6)), Rule.STAKEHOLDERS_INFORMED)
        assert str(found.message).endswith(
            "was shared with Pier Novak but not with the client's Dana Okafor"
        )
        assert found.command == "inform_stakeholders"

        r = r.inform_stakeholders(audience=["Marketing Director"], summary="agreed", at=at(3, 14))
        assert not of(r.findings(at(6)), Rule.STAKEHOLDERS_INFORMED)  # named by role


class TestInspectBeforeEnding:
    def test_ending_a_case_never_assessed_is_advised_against(self) -> None:
        """003: inspect the situation before writing a client off; it stays on record."""
        r = opened()

        found = of(r.check("end", reason="gave up", at=at(1)), Rule.INSPECT_BEFORE_ENDING)
        lost = r.end(reason="gave up", lessons=["look first"], at=at(1))

        assert "never assessed and the client was never met" in str(found[0])
        assert of(lost.findings(at(2)), Rule.INSPECT_BEFORE_ENDING)

    def test_ending_after_the_meeting_passes(self) -> None:
        """Assessed and met."""
        r = in_discovery()

        assert not of(
            r.check("end", reason="no", lessons=["x"], at=at(2)), Rule.INSPECT_BEFORE_ENDING
        )


class TestLessonsKept:
    def test_a_loss_without_lessons_is_pointed_out_until_they_are_recorded(self) -> None:
        """004: a learning experience, also after an unwilling meeting."""
        lost = ready_to_meet().meet_client(at=at(1), willing=False)

        assert [f.command for f in of(lost.findings(at(2)), Rule.LESSONS_KEPT)] == [  # type: ignore[attr-defined]
            "record_lessons"
        ]
        kept = lost.record_lessons(["ask earlier whether they want to go on"], at=at(2))
        assert not of(kept.findings(at(3)), Rule.LESSONS_KEPT)

    @pytest.mark.parametrize(
        ("command", "lessons"),
        [("end", ["  "]), ("end", ["ask sooner", ""]), ("record_lessons", ["ask sooner", " "])],
    )
    def test_a_blank_lesson_is_no_lesson_and_is_refused(
        self, command: str, lessons: list[str]
    ) -> None:
        """A blank entry would silence LESSONS_KEPT with nothing learned (004)."""
        r = in_discovery()
        run = getattr(r, command)
        kwargs: dict[str, object] = {"reason": "budget cut"} if command == "end" else {}
        blank = next(i for i, lesson in enumerate(lessons) if not lesson.strip())

        with pytest.raises(InvalidValue, match=rf"{command}\(lessons=...\)\[{blank}\]: must not"):
            run(lessons=lessons, at=at(2), **kwargs)

    def test_a_document_with_a_blank_lesson_is_refused(self) -> None:
        """A forged ending keeps the event's own check: loading refuses it."""
        d = to_dict(in_discovery().end(reason="budget cut", lessons=["ask sooner"], at=at(2)))
        d["history"][-1]["lessons"] = d["lessons"] = ["  "]

        with pytest.raises(InvalidDocument, match=r"end\(lessons=...\)\[0\]: must not be empty"):
            from_dict(d)

    def test_ending_with_lessons_passes(self) -> None:
        """Kept at the end."""
        r = in_discovery()

        assert not of(r.check("end", reason="no", lessons=["x"], at=at(2)), Rule.LESSONS_KEPT)

    def test_recording_no_lesson_is_refused(self) -> None:
        """No lesson, or only a blank one, is a mistake."""
        with pytest.raises(InvalidValue, match=r"record_lessons\(lessons=...\): must hold"):
            opened().record_lessons([], at=at(1))
        with pytest.raises(InvalidValue, match=r"record_lessons\(lessons=...\)\[0\]: must not"):
            opened().record_lessons([" "], at=at(1))


class TestDeliveryDuringALateIssue:
    def test_agreed_work_goes_on_while_the_new_issue_is_discovered(self) -> None:
        """000; 003 §9: keep delivering and warn ahead while the late issue is planned."""
        r = recovering().start_initiative("A1", at=at(4))
        r = r.raise_issue("invoices are wrong", at=at(5))

        r = r.complete_initiative("A1", at=at(5, 11))
        r = r.warn_delay("A2", new_due=day(25), reason="supplier", at=at(5, 12))
        r = r.wait_on_client("A2", reason="data", needs="x", by=day(9), at=at(5, 13))

        assert r.stage is Stage.DISCOVERY
        assert r.initiative("A1").status is InitiativeStatus.DONE
        assert r.initiative("A2").on_hold

    def test_a_late_issue_is_planned_for_while_the_rest_is_delivered(self) -> None:
        """Through agreement, a new date, the summary and a revised plan."""
        r = late_issue(recovering())
        r = r.promise_response(by=day(7), at=at(6, 12))
        r = r.send_written_summary(at=at(6, 13))
        r = r.start_initiative("A1", at=at(6, 14))  # still in PLANNING
        plan = plan_for(r)

        r = r.revise_plan(plan, at=at(7)).agree_plan(at=at(7, 12))

        assert r.stage is Stage.RECOVERING
        assert r.initiative("A1").status is InitiativeStatus.IN_PROGRESS
        assert "You told us: “your bills never add up”" in r.written_summary()


class TestNewCommands:
    def test_the_root_cause_can_be_recorded_after_the_meeting(self) -> None:
        """000 §2; 003 §1: it is often found in the meeting."""
        later = attrs.evolve(ASSESSMENT, root_cause="the brief named the wrong audience")

        r = in_discovery().assess(later, at=at(1, 10))

        assert r.assessment is not None
        assert r.assessment.root_cause == "the brief named the wrong audience"
        assert r.stage is Stage.DISCOVERY

    def test_the_provider_may_note_its_own_news_before_the_meeting(self) -> None:
        """001: the provider brings the bad news; the client still agrees the issue."""
        r = ready_to_meet().raise_issue(
            "the budget will overrun", raised_by=Party.PROVIDER, at=at(0, 12)
        )

        assert r.stage is Stage.ASSESSING
        assert r.issue("I1").raised_by is Party.PROVIDER
        met = r.meet_client(at=at(1), willing=True)
        with pytest.raises(RuleViolation, match=r"\[SPECIFIC_ISSUES\] issue I1"):
            met.agree_issues(at=at(1, 10), nothing_missed=True)

    def test_meet_client_asks_whether_the_client_is_willing(self) -> None:
        """No default: the salvageability question is always answered (000)."""
        with pytest.raises(InvalidValue, match="missing a required argument: 'willing'"):
            ready_to_meet().check("meet_client", at=at(1))

    def test_dropped_work_lets_an_issue_be_resolved(self) -> None:
        """The measure was met another way."""
        r = recovering().start_initiative("A1", at=at(4))

        r = r.drop_initiative("A1", reason="the client's own fix solved it", at=at(5))
        r = r.resolve_issue("I1", evidence="no more occurrences", at=at(5, 12))

        assert r.initiative("A1").status is InitiativeStatus.DROPPED
        assert r.issue("I1").status is IssueStatus.RESOLVED
        with pytest.raises(RuleViolation, match="A1 is dropped"):
            r.start_initiative("A1", at=at(6))

    def test_an_ending_keeps_its_cause_and_who_ended_it(self) -> None:
        """For analysis across cases."""
        r = issues_agreed().end(
            reason="no commitment",
            lessons=["ask sooner"],
            cause=EndCause.NO_AGREEMENT,
            ended_by=Party.CLIENT,
            at=at(2),
        )

        assert (r.end_cause, r.ended_by, r.lessons) == (
            EndCause.NO_AGREEMENT,
            Party.CLIENT,
            ("ask sooner",),
        )

    def test_the_plan_document_relays_what_the_client_said(self) -> None:
        """004: "I heard you say …", with what addresses it."""
        r = in_discovery().raise_issue(
            "late reports", client_words="we are always chasing you", at=at(1, 10)
        )
        r = r.specify_issue(
            "I1",
            examples=["the March report came on 9 April"],
            quantification=Quantification("days late", 9, "in March"),
            at=at(1, 10),
        )
        r = r.agree_issues(at=at(1, 12), nothing_missed=True)
        r = r.secure_commitment(Commitment(Party.CLIENT, "renew", "signed", day(30)), at=at(1, 13))
        r = r.promise_response(by=day(3), at=at(1, 13)).send_written_summary(at=at(1, 14))
        r = r.propose_plan(plan_for(r, quick_due=day(8)), at=at(3))

        assert "- I1: “we are always chasing you”; addressed by A1" in r.plan_document()

    def test_findings_name_the_command_that_resolves_them(self) -> None:
        """For a CRM button: every finding of a blocked step says what to do, in words."""
        blocked = {a.command: a for a in opened().next_actions()}["meet_client"].blocked_by

        assert [f.command for f in blocked] == ["assess", "align_internally"]
        assert all(f.hint and "(" not in f.hint for f in blocked)


class TestVersionOneDocuments:
    def test_a_version_one_document_is_upgraded_with_the_new_defaults(self) -> None:
        """Written before the new fields, read the same."""
        r = recovering().wait_on_client("A1", reason="data", needs="x", by=day(6), at=at(4))
        old = to_dict(r)
        old["schema_version"] = 1
        for policy in (old["policy"], old["history"][0]["policy"]):
            for key in ("max_days_to_meet", "max_days_to_summary", "quick_win_within", "max_wait"):
                del policy[key]
        for issue in old["issues"]:
            del issue["raised_by"], issue["client_words"]
        for option in old["plan"]["options"]:
            del option["cost_change"]
        del old["end_cause"], old["ended_by"]
        for event in old["history"]:
            if event["type"] == "IssueRaised":
                del event["raised_by"], event["client_words"]
        held = old["plan"]["initiatives"][0]["holds"][0]
        held["needs"], held["by"] = "", None
        for event in old["history"]:
            if event["type"] == "WaitedOnClient":
                del event["needs"], event["by"]

        loaded = from_dict(old)

        assert loaded.policy == Policy()
        assert loaded.issue("I1").raised_by is Party.CLIENT


def test_a_policy_limit_out_of_range_is_refused() -> None:
    """Each new limit names itself."""
    with pytest.raises(InvalidValue, match=r"Policy.max_wait: must be 1 to 365, got 0"):
        Policy(max_wait=0)
    assert Policy(max_days_to_meet=0).max_days_to_meet == 0


def test_the_quick_win_window_is_in_working_days() -> None:
    """A plan on Thursday with its quick win due the Friday after next: within ten."""
    r = summary_sent(1)
    plan = plan_for(r, quick_due=day(3) + timedelta(days=8))

    assert not of(r.check("propose_plan", plan, at=at(3)), Rule.QUICK_WIN_FIRST)


class TestStandingFindings:
    @settings(max_examples=150, deadline=None)
    @given(relationships(max_steps=30), st.data())
    def test_a_warning_of_check_stands_in_findings_right_after(
        self, r: Relationship, data: st.DataObject
    ) -> None:
        """Whatever the state and the next step: each WARNING check() gives for it is in
        findings(now) of the relationship the step returns, at the same moment."""
        if r.stage.terminal:
            return
        at = r.last_event.at + data.draw(st.sampled_from(STEPS))
        command, args, kwargs = advance(r, data.draw, at)
        advice = r.check(command, *args, at=at, **kwargs)
        if any(f.severity is Severity.ERROR for f in advice):
            return

        after = getattr(r, command)(*args, at=at, **kwargs)

        standing = {(f.rule, f.subject) for f in after.findings(at)}
        for warning in advice:
            if warning.severity is Severity.WARNING:
                assert (warning.rule, warning.subject) in standing, (command, warning)


def test_a_plan_finding_is_resolved_by_a_better_plan() -> None:
    """Before the first proposal, propose_plan; once there is a plan, revise_plan."""
    r = summary_sent(1)
    one_sided = attrs.evolve(plan_for(r, quick_due=day(8)), initiatives=plan_for(r).initiatives[:1])

    before = of(r.check("propose_plan", one_sided, at=at(3)), Rule.BOTH_PARTIES)
    proposed = r.propose_plan(one_sided, at=at(3))
    after = of(proposed.findings(at(3)), Rule.BOTH_PARTIES)

    assert [f.command for f in before] == ["propose_plan"]  # type: ignore[attr-defined]
    assert [f.command for f in after] == ["revise_plan"]  # type: ignore[attr-defined]
    assert [
        f.command for f in of(proposed.check("revise_plan", one_sided, at=at(3)), Rule.BOTH_PARTIES)
    ] == ["revise_plan"]  # type: ignore[attr-defined]
