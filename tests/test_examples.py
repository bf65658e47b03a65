"""The articles' stories and the synthetic portfolio: valid, varied, deterministic."""

from __future__ import annotations

import collections

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clientrecovery import (
    CommitmentStatus,
    InvalidValue,
    Party,
    Relationship,
    Stage,
    from_json,
    to_json,
)
from clientrecovery import events as ev
from clientrecovery.examples import (
    design_firm,
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

    def test_the_masterclass_recovers_after_one_refusal_in_its_narration(self) -> None:
        narration: list[str] = []
        paused: list[Stage] = []

        r = masterclass(narration.append, lambda at: paused.append(at.stage))

        assert r.stage is Stage.RECOVERED
        assert any("meet_client refused" in line for line in narration)
        assert paused == [Stage.ASSESSING, Stage.PLANNING]

    def test_the_design_firm_is_lost_with_its_lessons(self) -> None:
        r = design_firm()

        assert r.stage is Stage.LOST
        assert r.plan is None
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
        ):
            assert kinds[kind] >= 1, kind.__name__
        assert kinds[ev.FollowedUp] >= 8
        assert r.plan is not None
        assert r.plan.initiatives[0].quick_win
        assert {w.owner_party for w in r.plan.initiatives} == {Party.CLIENT, Party.PROVIDER}
        assert r.client_commitment is not None
        assert r.client_commitment.status is CommitmentStatus.FULFILLED


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

    @pytest.mark.parametrize(("n", "seed"), [(-1, 0), (True, 0), (2.0, 0), (2, "x")])
    def test_bad_arguments_are_refused(self, n: object, seed: object) -> None:
        with pytest.raises(InvalidValue, match=r"synthetic_portfolio\((n|seed)=...\)"):
            synthetic_portfolio(n, seed)  # type: ignore[arg-type]


def _stage_before_end(r: Relationship) -> Stage:
    return Relationship.replay(r.history[:-1]).stage
