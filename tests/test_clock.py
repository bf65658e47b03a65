"""The time-based advisory rules of findings(now), holds, and their edge cases."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import attrs
import pytest
from dateutil import tz
from hypothesis import given
from hypothesis import strategies as st

from clientrecovery import (
    ChronologyError,
    Policy,
    Rule,
    RuleViolation,
    Severity,
    Stage,
)
from tests.builders import (
    at,
    day,
    issues_agreed,
    plan_for,
    plan_proposed,
    planning,
    recovering,
    summary_sent,
)


def rules(findings: tuple[object, ...]) -> list[str]:
    return [f.rule.value for f in findings]  # type: ignore[attr-defined]


def kept_up(r, until_day: int):  # type: ignore[no-untyped-def]
    """Follow up, contact the client and inform stakeholders every working day until then."""
    r = r.inform_stakeholders(audience=["Dana Okafor"], summary="plan agreed", at=at(3, 13))
    for d in range(4, until_day + 1):
        if at(d).weekday() < 5:
            r = r.follow_up(at=at(d, 10), note="on track")
            r = r.contact_client(at=at(d, 11), channel="call", summary="update")
    return r


class TestWarnAhead:
    def test_a_passed_due_date_without_warning_is_reported(self) -> None:
        """Late, by how much, and not warned."""
        r = kept_up(recovering(1), 24)

        found = [f for f in r.findings(at(24, 12)) if f.rule is Rule.WARN_AHEAD]

        assert [f.message for f in found] == [
            "initiative A1 ('fix I1') was due 2026-03-22: 4 days late, and the client was not"
            " warned",
        ]

    def test_the_clients_own_late_part_is_a_reminder_not_a_warning(self) -> None:
        """The client-owned CL is the client's lateness: remind them (003 final comments)."""
        r = kept_up(recovering(1), 24)

        found = [f for f in r.findings(at(24, 12)) if f.subject == "CL"]

        assert [(f.rule, f.command) for f in found] == [(Rule.CLIENT_PART, "contact_client")]
        assert found[0].message == (
            "the client's part CL ('one decision-maker for feedback') was due 2026-03-22:"
            " 4 days late"
        )

    def test_a_warning_given_too_late_stays_on_record(self) -> None:
        """Announced the evening before: reported with the lead it had."""
        r = recovering(1).warn_delay("A1", new_due=day(30), reason="supplier", at=at(19, 20))

        found = [f for f in r.findings(at(19, 21)) if f.rule is Rule.WARN_AHEAD]

        assert [f.message for f in found] == [
            "the delay of initiative A1 to 2026-04-01 was announced only 4 hours ahead (the"
            " policy asks for 2 days)"
        ]

    def test_work_the_client_has_not_agreed_yet_is_not_late(self) -> None:
        """A revision adds work due soon; the client takes a week: nobody's deadline (003 §8)."""
        from tests.builders import plan_for

        r = kept_up(recovering(1), 10)
        revised = plan_for(r)
        extra = attrs.evolve(revised.initiatives[0], id="A9", title="review", due=day(12))
        r = r.revise_plan(
            attrs.evolve(revised, initiatives=(*revised.initiatives, extra)), at=at(10, 12)
        )

        late = [f for f in r.findings(at(16, 12)) if f.subject == "A9"]
        agreed = r.agree_plan(at=at(16, 13))

        assert (r.stage, late) == (Stage.PLAN_PROPOSED, [])
        assert [f.command for f in agreed.findings(at(16, 14)) if f.subject == "A9"] == [
            "warn_delay"
        ]

    def test_work_on_time_has_no_finding(self) -> None:
        """Before the due dates, nothing is late."""
        assert Rule.WARN_AHEAD not in [
            f.rule for f in kept_up(recovering(1), 10).findings(at(10, 12))
        ]


class TestFollowUpCadence:
    def test_missed_checks_are_counted_with_the_latest(self) -> None:
        """No follow-up at all in the first week."""
        r = recovering(1)

        found = [f for f in r.findings(at(10, 12)) if f.rule is Rule.FOLLOW_UP_CADENCE]

        assert [f.message for f in found] == [
            "2 scheduled status checks were missed, the latest due 2026-03-11 (none was recorded)"
        ]

    def test_a_check_in_each_window_passes(self) -> None:
        """One follow-up between consecutive scheduled days is enough."""
        r = recovering(1)  # agreed Thu 5 March: checks due Mon 9, Wed 11, Fri 13
        for d in (6, 8, 11):  # Sun 8 (counts for Mon 9), Tue 10 (for Wed 11), Fri 13
            r = r.follow_up(at=at(d, 10), note="ok")

        assert [d.date() for d in r.follow_up_schedule(at(11, 12))] == [day(7), day(9), day(11)]
        assert Rule.FOLLOW_UP_CADENCE.value not in rules(r.findings(at(14, 12)))

    def test_today_is_not_over_yet(self) -> None:
        """A check due today is not missed until the day ends."""
        r = recovering(1).follow_up(at=at(3, 18), note="started")

        assert Rule.FOLLOW_UP_CADENCE.value not in rules(r.findings(at(4, 8)))


class TestCommunicateOften:
    def test_a_long_silence_is_reported(self) -> None:
        """Eight days since the plan was agreed with the client (the last contact), seven
        allowed."""
        r = recovering(1)

        found = [f for f in r.findings(at(11, 13)) if f.rule is Rule.COMMUNICATE_OFTEN]

        assert [f.message for f in found] == [
            "no proactive contact with the client for 8 days 1 hour (the policy allows 7 days)"
        ]

    def test_a_contact_the_client_started_does_not_count(self) -> None:
        """Only reaching out before the client expects it counts (003 §10)."""
        r = recovering(1).contact_client(
            at=at(8), channel="call", summary="client chased us", proactive=False
        )

        assert Rule.COMMUNICATE_OFTEN.value in rules(r.findings(at(11, 13)))

    def test_silence_counts_before_recovery_too(self) -> None:
        """From the meeting on, in every open stage: a plan waiting for agreement is no
        reason to go quiet."""
        r = plan_proposed(1)

        found = [f for f in r.findings(at(12)) if f.rule is Rule.COMMUNICATE_OFTEN]

        assert [f.command for f in found] == ["contact_client"]

    def test_a_contact_resets_the_silence(self) -> None:
        """Proactive contact keeps the client in the light."""
        r = recovering(1).contact_client(at=at(8), channel="call", summary="update")

        assert Rule.COMMUNICATE_OFTEN.value not in rules(r.findings(at(11, 13)))

    @given(st.integers(0, 7 * 24 * 60))
    def test_no_silence_finding_before_the_policy_allows(self, minutes: int) -> None:
        """With no activity at all, never before max_silence has passed."""
        r = recovering(1).contact_client(at=at(3, 13), channel="call", summary="plan agreed")
        now = r.last_event.at + timedelta(minutes=minutes)

        assert Rule.COMMUNICATE_OFTEN.value not in rules(r.findings(now))


class TestStakeholdersInformed:
    def test_an_agreed_plan_nobody_heard_of_is_reported(self) -> None:
        """From the day after agreement, naming the stakeholders."""
        found = [
            f for f in recovering(1).findings(at(4, 9)) if f.rule is Rule.STAKEHOLDERS_INFORMED
        ]

        assert [f.message for f in found] == [
            "plan version 1, agreed on 2026-03-05, has not been shared with the stakeholders"
            " (Dana Okafor, Pier Novak)"
        ]

    def test_informing_them_passes(self) -> None:
        """After the agreement."""
        r = recovering(1).inform_stakeholders(audience=["Dana"], summary="agreed", at=at(3, 13))

        assert Rule.STAKEHOLDERS_INFORMED.value not in rules(r.findings(at(4, 9)))


class TestPromiseKept:
    def test_a_plan_not_yet_proposed_after_the_date_is_reported(self) -> None:
        """Promised for the 5th, nothing by the 7th."""
        found = summary_sent(1).findings(at(5, 10))

        assert [f.message for f in found if f.rule is Rule.PROMISE_KEPT] == [
            "the plan promised for 2026-03-05 is 2 days late"
        ]

    def test_a_plan_delivered_late_stays_on_record(self) -> None:
        """Proposed two days after the promise."""
        from tests.builders import plan_for

        r = summary_sent(1)
        r = r.propose_plan(plan_for(r), at=at(5))

        assert [f.message for f in r.findings(at(5, 10)) if f.rule is Rule.PROMISE_KEPT] == [
            "the plan reached the client on 2026-03-07, 2 days after the promised 2026-03-05"
        ]

    def test_a_plan_on_time_passes(self) -> None:
        """Proposed on the promised day."""
        assert Rule.PROMISE_KEPT.value not in rules(plan_proposed(1).findings(at(10)))


class TestCommitmentsDue:
    def test_a_commitment_past_due_is_a_warning(self) -> None:
        """Overdue, named, and what to do."""
        found = planning(1).findings(at(40))

        overdue = [f for f in found if f.rule is Rule.COMMITMENT_FULFILLED]
        assert [(f.severity, f.subject) for f in overdue] == [(Severity.WARNING, "C1")]
        assert "was due 2026-04-01: 10 days overdue" in overdue[0].message


class TestPolicyAndTime:
    def test_a_policy_can_lower_an_advisory_rule(self) -> None:
        """COMMUNICATE_OFTEN reported as INFO."""
        quiet = Policy(severities={Rule.COMMUNICATE_OFTEN: Severity.INFO})
        r = recovering(1, quiet)

        found = [f for f in r.findings(at(20)) if f.rule is Rule.COMMUNICATE_OFTEN]

        assert [f.severity for f in found] == [Severity.INFO]

    def test_now_must_be_aware_and_not_before_the_last_event(self) -> None:
        """The same CHRONOLOGY rule as commands."""
        r = recovering(1)

        with pytest.raises(ChronologyError, match="has no time zone"):
            r.findings(datetime(2026, 4, 1))  # noqa: DTZ001 - the point of the test
        with pytest.raises(ChronologyError, match="before the last recorded event"):
            r.findings(at(1))

    def test_a_closed_relationship_has_no_findings(self) -> None:
        """Nothing more to do."""
        from tests.builders import recovered

        assert recovered(1).findings(at(200)) == ()

    def test_days_follow_daylight_saving_in_the_policys_zone(self) -> None:
        """In London the clocks go forward on 29 March 2026: the promise is late on the 31st."""
        london = tz.gettz("Europe/London")
        r = issues_agreed(1, Policy(timezone="Europe/London"))
        r = r.secure_commitment(
            __import__("tests.builders", fromlist=["COMMITMENT"]).COMMITMENT, at=at(1, 13)
        )
        r = r.promise_response(by=date(2026, 3, 30), at=at(1, 13))

        on_the_day = datetime(2026, 3, 30, 23, 59, tzinfo=london)
        next_day = datetime(2026, 3, 31, 0, 1, tzinfo=london)

        assert on_the_day.utcoffset() == timedelta(hours=1)
        assert Rule.PROMISE_KEPT.value not in rules(r.findings(on_the_day))
        assert Rule.PROMISE_KEPT.value in rules(r.findings(next_day))


class TestHolds:
    def test_a_hold_spanning_a_weekend_moves_the_due_date_by_working_days(self) -> None:
        """Friday to Tuesday: Friday and Monday were lost, so the due date moves 2 working days."""
        r = recovering(1).start_initiative("A1", at=at(4))  # Fri 6 March
        r = r.wait_on_client("A1", reason="test data from the client", at=at(4, 10))

        r = r.resume("A1", at=at(8, 10))  # Tue 10 March

        a1 = r.initiative("A1")
        assert a1.due == date(2026, 3, 24)  # Sun 22 → Tue 24 (Mon 23, Tue 24)
        assert (a1.holds[0].business_days, a1.on_hold) == (2, False)

    def test_a_hold_over_a_holiday_does_not_count_it(self) -> None:
        """A holiday is not a working day lost."""
        policy = Policy(holidays=(date(2026, 3, 9),))
        r = recovering(1, policy).wait_on_client("A1", reason="data", at=at(4, 10))

        r = r.resume("A1", at=at(8, 10))

        assert r.initiative("A1").holds[0].business_days == 1

    def test_work_waits_while_on_hold(self) -> None:
        """Completing a waiting initiative is refused, naming the wait."""
        r = (
            recovering(1)
            .start_initiative("A1", at=at(4))
            .wait_on_client("A1", reason="approval", at=at(4, 10))
        )

        with pytest.raises(RuleViolation, match=r"waits on the client \(approval\)"):
            r.complete_initiative("A1", at=at(5))

    def test_resuming_what_is_not_waiting_is_refused(self) -> None:
        """Only a waiting initiative resumes."""
        with pytest.raises(RuleViolation, match="is not waiting on the client"):
            recovering(1).resume("A1", at=at(4))

    def test_a_waiting_initiative_is_not_late(self) -> None:
        """The provider's clock stands still."""
        r = recovering(1).wait_on_client("A1", reason="data", at=at(4))

        late = [(f.rule, f.subject) for f in r.findings(at(30)) if f.subject in ("A1", "CL")]

        assert (Rule.WARN_AHEAD, "A1") not in late
        assert (Rule.CLIENT_PART, "CL") in late

    def test_a_delay_told_during_a_wait_is_judged_by_the_paused_clock(self) -> None:
        """003 §9 and final comments: the days waited are not the provider's, so a delay told
        while the client keeps the work waiting is not late by them; days late before the
        wait still are."""
        r = recovering(1).start_initiative("A1", at=at(4))  # due Sun 22 March
        waiting = r.wait_on_client("A1", reason="data", needs="the export", by=day(12), at=at(10))
        waiting_late = r.wait_on_client("A1", reason="data", needs="x", by=day(25), at=at(22))
        plan = plan_for(waiting)
        later = attrs.evolve(plan.initiatives[0], due=day(40))
        plan = attrs.evolve(plan, initiatives=(later, *plan.initiatives[1:]))

        warned = waiting.check("warn_delay", "A1", new_due=day(40), reason="data", at=at(19))
        revised = waiting.check("revise_plan", plan, at=at(19))
        told = waiting.warn_delay("A1", new_due=day(40), reason="data", at=at(19))
        late = waiting_late.check("warn_delay", "A1", new_due=day(40), reason="data", at=at(24))

        assert Rule.WARN_AHEAD.value not in rules(warned) + rules(revised)
        assert Rule.WARN_AHEAD.value not in rules(told.findings(at(19, 12)))
        assert told.initiative("A1").delays[-1].previous_due == date(2026, 3, 31)  # 7 days on
        assert [f.message for f in late if f.rule is Rule.WARN_AHEAD] == [  # type: ignore[attr-defined]
            f"the delay of initiative A1 to {day(40)} was announced after the due date (the"
            " policy asks for 2 days)"
        ]

    def test_a_delay_told_during_a_wait_already_allows_for_the_days_before_it(self) -> None:
        """Resuming moves the date told only by the working days waited after it, whether a
        warning or a revision told it."""
        r = recovering(1).start_initiative("A1", at=at(4))
        waiting = r.wait_on_client("A1", reason="data", needs="the export", by=day(12), at=at(10))
        plan = plan_for(waiting)
        later = attrs.evolve(plan.initiatives[0], due=day(40))
        plan = attrs.evolve(plan, initiatives=(later, *plan.initiatives[1:]))

        warned = waiting.warn_delay("A1", new_due=day(40), reason="data", at=at(15))
        revised = waiting.revise_plan(plan, at=at(15)).agree_plan(at=at(15, 12))
        resumed = [w.resume("A1", at=at(17)) for w in (warned, revised)]

        # Sat 11 April, moved by Tue 17 and Wed 18 March, waited after the delay was told
        assert [w.initiative("A1").due for w in resumed] == [date(2026, 4, 14)] * 2
        assert [w.initiative("A1").holds[0].business_days for w in resumed] == [5, 5]
        assert waiting.resume("A1", at=at(17)).initiative("A1").due == date(2026, 3, 27)

    def test_work_already_late_when_its_wait_began_is_as_late_when_it_resumes(self) -> None:
        """003 §9: the wait stops the clock from its start; it neither excuses the weekend
        before it nor charges the provider the weekend within it."""
        s = summary_sent(1)
        due_friday = s.propose_plan(plan_for(s, due=day(18)), at=at(3)).agree_plan(at=at(3, 12))
        after_weekend = due_friday.wait_on_client(
            "A1", reason="data", needs="x", by=day(22), at=at(21)
        )
        over_weekend = recovering(1).wait_on_client(
            "A1", reason="data", needs="x", by=day(29), at=at(22)
        )

        # begun Mon 23 on work due Fri 20, resumed Tue 24; begun Tue 24 on work due Sun 22,
        # resumed Tue 31
        cases = (
            (after_weekend.resume("A1", at=at(22)), 22),
            (over_weekend.resume("A1", at=at(29)), 29),
        )
        late = [
            f.message  # type: ignore[attr-defined]
            for resumed, d in cases
            for f in resumed.check("complete_initiative", "A1", at=at(d, 12))
            if f.rule is Rule.WARN_AHEAD
        ]

        assert [
            f.message for f in after_weekend.findings(at(21, 12)) if f.rule is Rule.WARN_AHEAD
        ] == [
            f"initiative A1 was due {day(18)} and was 3 days late when it began to wait on the"
            " client"
        ]
        assert late == [
            f"initiative A1 was due {day(19)} and was completed 3 days late; the client was"
            " never warned",
            f"initiative A1 was due {day(27)} and was completed 2 days late; the client was"
            " never warned",
        ]
