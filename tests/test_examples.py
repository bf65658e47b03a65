"""The articles' stories and the synthetic portfolio: valid, varied, deterministic."""

from __future__ import annotations

import collections

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clientrecovery import (
    CommitmentStatus,
    EndCause,
    InvalidValue,
    IssueStatus,
    Party,
    Relationship,
    Rule,
    Severity,
    Stage,
    from_json,
    to_json,
)
from clientrecovery import events as ev
from clientrecovery.examples import (
    ONE_MEETING,
    design_firm,
    difficult_discussion,
    masterclass,
    stories,
    synthetic_portfolio,
    turnaround,
)


class TestStories:
    def test_each_story_replays_and_round_trips(self) -> None:
        for story in stories():
            assert Relationship.replay(story.history) == story
            assert from_json(to_json(story)) == story

    def test_the_masterclass_is_one_meeting_under_its_policy(self) -> None:
        """000: the client called one meeting; the root cause was found in it (assessed
        again after the meeting began); the plan was proposed and agreed that same day."""
        narration: list[str] = []
        paused: list[Stage] = []

        r = masterclass(narration.append, lambda at: paused.append(at.stage))

        assert r.stage is Stage.RECOVERED
        assert r.policy == ONE_MEETING
        assert paused == [Stage.ASSESSING, Stage.RECOVERING]
        kinds = [type(e) for e in r.history]
        assert kinds.count(ev.ClientMet) == 1
        met = next(e.at for e in r.history if isinstance(e, ev.ClientMet))
        assessed = [e.at for e in r.history if isinstance(e, ev.SituationAssessed)]
        assert assessed[0] < met < assessed[-1]
        assert r.assessment is not None
        assert "misunderstanding" in r.assessment.root_cause
        day = r.policy.local_date
        assert r.plan is not None
        assert r.issues_agreed_at is not None
        assert r.plan.agreed_at is not None
        assert day(met) == day(r.issues_agreed_at) == day(r.plan.agreed_at)
        assert any("[ASSESS_FIRST]" in line for line in narration)  # advised, not refused

    def test_the_masterclass_keeps_its_promise_and_over_services(self) -> None:
        """Deliver on the promises (the provider's own, fulfilled) and over-service after
        the recovery (a contact after closing)."""
        r = masterclass()

        assert [(c.id, c.status) for c in r.promises] == [("P1", CommitmentStatus.FULFILLED)]
        assert isinstance(r.history[-1], ev.ClientContacted)
        assert r.ended_at is not None
        assert r.history[-1].at > r.ended_at

    def test_the_difficult_discussion_brings_the_providers_news(self) -> None:
        """001: the provider raises the overrun before the meeting, meets swiftly, offers
        three options with the one preferred that gives the client the most, justifies the
        cost of each option that asks money, and informs the stakeholders."""
        r = difficult_discussion()

        assert r.stage is Stage.RECOVERED
        assert r.raised_by is Party.PROVIDER
        first = r.issue("I1")
        assert first.raised_by is Party.PROVIDER
        assert r.issue("I2").client_words == "why are we only hearing this now?"
        raised = next(e for e in r.history if isinstance(e, ev.IssueRaised))
        met = next(e for e in r.history if isinstance(e, ev.ClientMet))
        assert raised.at < met.at
        assert r.plan is not None
        options = r.plan.options
        assert len(options) == 3
        assert [o.id for o in options if o.preferred] == ["share"] == [r.plan.chosen_option]
        best = max(options, key=lambda o: o.client_gain)
        assert best.preferred
        assert all(o.cost_change is None or o.cost_change.reasons for o in options)
        assert any(isinstance(e, ev.StakeholdersInformed) for e in r.history)
        for n in range(2, r.version + 1):  # no advisory rule was ever broken on the way
            step = Relationship.replay(r.history[:n])
            assert step.findings(step.last_event.at) == (), (n, type(step.last_event))

    def test_the_design_firm_would_have_been_warned_at_each_step(self) -> None:
        """002: the library would have said the meeting came late, the complaint was never
        made specific, and the firm went quiet after the meeting."""
        r = design_firm()
        met = next(n for n, e in enumerate(r.history) if isinstance(e, ev.ClientMet))
        contacted = [n for n, e in enumerate(r.history) if isinstance(e, ev.ClientContacted)]

        before = Relationship.replay(r.history[:met])
        assert Rule.MEET_SWIFTLY in {f.rule for f in before.findings(r.history[met].at)}
        after = Relationship.replay(r.history[: contacted[0] + 1])
        blockers = {a.command: a.blocked_by for a in after.next_actions()}["agree_issues"]
        assert [f.rule for f in blockers] == [Rule.SPECIFIC_ISSUES]
        quiet = Relationship.replay(r.history[: contacted[1]])
        found = {f.rule for f in quiet.findings(r.history[contacted[1]].at)}
        assert {Rule.MEET_SWIFTLY, Rule.COMMUNICATE_OFTEN} <= found
        assert all(f.severity is not Severity.ERROR for f in quiet.findings(quiet.last_event.at))

    def test_the_design_firm_is_lost_with_its_lessons(self) -> None:
        r = design_firm()

        assert r.stage is Stage.LOST
        assert r.plan is None
        assert (r.end_cause, r.ended_by) == (EndCause.NO_AGREEMENT, Party.CLIENT)
        assert any("ego" in lesson for lesson in r.lessons)

    def test_the_turnaround_takes_all_ten_steps(self) -> None:
        """Specific issues, agreement, commitment, a promised date, a summary, a plan with a
        quick win and both sides, agreement, follow-ups, a warned delay and a hold."""
        r = turnaround()
        kinds = collections.Counter(type(e) for e in r.history)

        assert r.stage is Stage.RECOVERED
        for kind in (
            ev.IssueSpecified,
            ev.IssuesAgreed,
            ev.CommitmentSecured,
            ev.ResponsePromised,
            ev.WrittenSummarySent,
            ev.PlanProposed,
            ev.PlanAgreed,
            ev.DelayWarned,
            ev.WaitedOnClient,
            ev.Resumed,
            ev.PlanRevised,
            ev.PromiseMade,
        ):
            assert kinds[kind] >= 1, kind.__name__
        assert kinds[ev.FollowedUp] >= 8
        assert r.plan is not None
        assert r.plan.initiatives[0].quick_win
        assert {w.owner_party for w in r.plan.initiatives} == {Party.CLIENT, Party.PROVIDER}
        assert r.client_commitment is not None
        assert r.client_commitment.status is CommitmentStatus.FULFILLED
        assert [c.status for c in r.promises] == [CommitmentStatus.FULFILLED]
        assert all(i.client_words for i in r.issues)

    def test_the_turnaround_delivers_while_a_late_issue_is_discovered(self) -> None:
        """The late issue I4 sends the case back to DISCOVERY, and the client's own part A4 is
        completed there, before the revised plan is agreed."""
        r = turnaround()
        raised = next(n for n, e in enumerate(r.history) if getattr(e, "issue_id", "") == "I4")
        done = next(
            n
            for n, e in enumerate(r.history)
            if isinstance(e, ev.InitiativeCompleted) and e.initiative_id == "A4"
        )

        assert raised < done
        assert Relationship.replay(r.history[:done]).stage is Stage.DISCOVERY
        assert r.issue("I4").late
        assert r.issue("I4").status is IssueStatus.RESOLVED

    def test_the_turnaround_reminds_the_client_of_its_late_part(self) -> None:
        """A4, the client's own, past its date: a CLIENT_PART finding and a reminder, never a
        WARN_AHEAD against the provider (003 final comments)."""
        r = turnaround()
        reminder = next(
            n for n, e in enumerate(r.history) if "reminded Alma" in getattr(e, "summary", "")
        )
        before = Relationship.replay(r.history[:reminder])

        found = [f for f in before.findings(r.history[reminder].at) if f.subject == "A4"]

        assert [(f.rule, f.command) for f in found] == [(Rule.CLIENT_PART, "contact_client")]

    def test_the_turnaround_warns_its_delay_ahead_and_quantifies_its_wait(self) -> None:
        """Told eight days ahead; the wait says what the client owes and by when."""
        r = turnaround()
        a3 = r.initiative("A3")

        first = a3.delays[0]
        assert (first.previous_due - r.policy.local_date(first.at)).days == 8
        assert a3.holds[0].needs == "dock access for the install crew"
        assert a3.holds[0].by is not None


class TestSyntheticPortfolio:
    def test_it_is_the_same_for_a_seed_and_different_for_another(self) -> None:
        assert synthetic_portfolio(20, seed=5) == synthetic_portfolio(20, seed=5)
        assert synthetic_portfolio(5, seed=5) != synthetic_portfolio(5, seed=6)

    def test_a_larger_portfolio_starts_with_the_smaller_one(self) -> None:
        assert synthetic_portfolio(30, seed=1)[:10] == synthetic_portfolio(10, seed=1)

    def test_every_case_follows_the_method(self) -> None:
        for r in synthetic_portfolio(60, seed=11):
            assert Relationship.replay(r.history) == r
            assert from_json(to_json(r)) == r

    @settings(max_examples=60, deadline=None)
    @given(st.integers(0, 2**32))
    def test_any_seed_gives_valid_histories(self, seed: int) -> None:
        """Whatever the seed: time zones, clock changes, every branch of the walk."""
        for r in synthetic_portfolio(3, seed=seed):
            assert r.history[0].at <= r.last_event.at
            assert Relationship.replay(r.history) == r

    def test_it_is_varied(self) -> None:
        """Recovered, lost at several stages, open at several, with the method's side roads."""
        cases = synthetic_portfolio(200, seed=0)
        stages = collections.Counter(r.stage for r in cases)
        lost_from = collections.Counter(
            _stage_before_end(r) for r in cases if r.stage is Stage.LOST
        )
        kinds = collections.Counter(type(e) for r in cases for e in r.history)

        assert 0.25 <= stages[Stage.RECOVERED] / len(cases) <= 0.6
        assert len([s for s in stages if not s.terminal]) >= 4
        assert len(lost_from) >= 4
        for kind in (ev.IssueDropped, ev.PlanRevised, ev.DelayWarned, ev.WaitedOnClient):
            assert kinds[kind] >= 5, kind.__name__
        assert kinds[ev.CommitmentBroken] >= 1

    def test_cases_are_lost_at_every_stage_the_articles_describe(self) -> None:
        """Unwilling at the meeting, before it, in discovery, with the issues agreed, while
        planning, with the plan proposed, and during recovery; each with its cause."""
        cases = synthetic_portfolio(300, seed=0)
        lost = [r for r in cases if r.stage is Stage.LOST]
        lost_from = {_stage_before_end(r) for r in lost}
        causes = {r.end_cause for r in lost}

        assert lost_from == {s for s in Stage if not s.terminal}
        assert causes == set(EndCause) - {EndCause.OTHER} | {EndCause.OTHER}
        assert all(r.end_cause is not None and r.ended_by is not None for r in lost)
        assert any(not r.lessons for r in lost)  # LESSONS_KEPT has something to say
        assert any(
            isinstance(e, ev.LessonsRecorded) for r in lost for e in r.history
        )  # and lessons kept after the end

    @pytest.mark.parametrize(("n", "seed"), [(-1, 0), (True, 0), (2.0, 0), (2, "x")])
    def test_bad_arguments_are_refused(self, n: object, seed: object) -> None:
        with pytest.raises(InvalidValue, match=r"synthetic_portfolio\((n|seed)=...\)"):
            synthetic_portfolio(n, seed)  # type: ignore[arg-type]


def _stage_before_end(r: Relationship) -> Stage:
    """The stage the case was in when it was lost (lessons may be recorded after)."""
    ending = max(
        n
        for n, e in enumerate(r.history)
        if isinstance(e, ev.RelationshipEnded) or (isinstance(e, ev.ClientMet) and not e.willing)
    )
    return Relationship.replay(r.history[:ending]).stage
