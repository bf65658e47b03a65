"""Random command sequences against a relationship, with the method's invariants checked
after every step: a refused command changes nothing, replay rebuilds the same relationship,
stages only change along the transition table, no fixed rule is ever broken, each stage has
what it promises, agreed work goes on while a late issue is open, and every warning check()
gave for a command stands in findings() right after it."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import attrs
from hypothesis import event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from clientrecovery import (
    ClientRecoveryError,
    CommitmentStatus,
    InitiativeStatus,
    IssueStatus,
    Party,
    Policy,
    Relationship,
    RuleViolation,
    Severity,
    Stage,
)
from clientrecovery.stages import TRANSITIONS
from tests.strategies import COMMANDS, STEPS, T0, advance, call_for, policies

EDGES = {(t.source, t.command, t.target) for t in TRANSITIONS}
AFTER_AGREEMENT = {
    Stage.ISSUES_AGREED,
    Stage.PLANNING,
    Stage.PLAN_PROPOSED,
    Stage.RECOVERING,
    Stage.RECOVERED,
}
PLANNED = {Stage.PLANNING, Stage.PLAN_PROPOSED, Stage.RECOVERING, Stage.RECOVERED}
PROPOSED = {Stage.PLAN_PROPOSED, Stage.RECOVERING, Stage.RECOVERED}


class LifecycleMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.r = Relationship.open("Halden Foods", trigger="artwork rejected", at=T0, id="m")
        self.now = T0
        self.accepted = 0
        self.refused = 0

    def attempt(self, command: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        before = self.r
        snapshot = attrs.evolve(before)
        outcome: Relationship | ClientRecoveryError
        try:
            outcome = getattr(before, command)(*args, **kwargs)
        except ClientRecoveryError as refused:  # one possible outcome, not the expectation
            outcome = refused
        if isinstance(outcome, ClientRecoveryError):
            self.refused += 1
            assert before == snapshot, "a refused command changed the relationship"
            if isinstance(outcome, RuleViolation):
                assert outcome.findings
                assert all(f.severity is Severity.ERROR for f in outcome.findings)
                # Every refusal says what to do next (the design: "what is missing — source —
                # what to do next").
                assert all(f.hint.strip() for f in outcome.findings), outcome.findings
                errors = tuple(
                    f
                    for f in before.check(command, *args, **kwargs)
                    if f.severity is Severity.ERROR
                )
                assert errors == outcome.findings, "check() disagrees with the refusal"
            return
        after = outcome
        self.accepted += 1
        advice = before.check(command, *args, **kwargs)
        assert not [f for f in advice if f.rule.fixed and f.severity is Severity.ERROR], (
            "a fixed rule was broken"
        )
        standing = {(f.rule, f.subject) for f in after.findings(kwargs["at"])}
        for warning in advice:
            if warning.severity is Severity.WARNING:
                assert (warning.rule, warning.subject) in standing, (command, warning)
        assert before == snapshot, "a command changed the instance it was called on"
        assert after.version == before.version + 1
        assert after.history[:-1] == before.history
        if after.stage is not before.stage:
            assert (before.stage, command, after.stage) in EDGES, (
                before.stage,
                command,
                after.stage,
            )
        self.r = after
        self.now = max(self.now, kwargs["at"])

    @rule(data=st.data())
    def take_a_fitting_step(self, data: st.DataObject) -> None:
        """The next step of the method, with arguments that should pass."""
        at = self.now + data.draw(st.sampled_from(STEPS))
        command, args, kwargs = advance(self.r, data.draw, at)
        self.attempt(command, args, {**kwargs, "at": at})

    @rule(data=st.data())
    def fire_any_command(self, data: st.DataObject) -> None:
        """Any command at all, with arguments that may be wrong, at a time that may be early."""
        command = data.draw(st.sampled_from(COMMANDS))
        if command == "end" and data.draw(st.integers(0, 5)):
            command = "follow_up"  # give up only now and then, so runs get deep
        step = data.draw(st.sampled_from([*STEPS, timedelta(hours=-1)]))
        args, kwargs = call_for(self.r, command, data.draw, self.now + step, valid=False)
        self.attempt(command, args, {**kwargs, "at": self.now + step})

    @precondition(lambda self: self.r.stage is Stage.RECOVERING)
    @rule(data=st.data())
    def raise_a_late_issue_mid_delivery(self, data: st.DataObject) -> None:
        """The client names a new problem while the agreed work is under way (003 §9)."""
        at = self.now + data.draw(st.sampled_from(STEPS))
        self.attempt("raise_issue", ("a new problem",), {"at": at, "client_words": "again?"})

    @initialize(data=st.data())
    def start_somewhere_along_the_way(self, data: st.DataObject) -> None:
        """Under a default or random policy, and some fitting steps in, so runs get deep."""
        policy = data.draw(st.just(Policy()) | policies)
        self.r = Relationship.open("Halden Foods", trigger="t", at=T0, id="m", policy=policy)
        for _ in range(data.draw(st.integers(0, 40))):
            self.take_a_fitting_step(data)

    @invariant()
    def replay_rebuilds_the_same_relationship(self) -> None:
        assert Relationship.replay(self.r.history) == self.r
        assert self.r.version == len(self.r.history)

    @invariant()
    def delivery_goes_on_while_a_late_issue_is_open(self) -> None:
        """Agreed work can be started or completed in every stage a late issue reopens."""
        r = self.r
        if not r.plan_in_force or r.stage is Stage.RECOVERING or r.plan is None:
            return
        for work in r.plan.initiatives:
            if not r.agreed_initiative(work.id) or work.on_hold:
                continue
            command = {
                InitiativeStatus.PLANNED: "start_initiative",
                InitiativeStatus.IN_PROGRESS: "complete_initiative",
            }.get(work.status)
            if command is not None:
                found = r.check(command, work.id, at=self.now)
                assert not [f for f in found if f.severity is Severity.ERROR], (command, found)

    @invariant()
    def history_is_aware_and_in_order(self) -> None:
        times = [e.at for e in self.r.history]
        assert all(t.tzinfo is not None for t in times)
        assert times == sorted(times)

    @invariant()
    def each_stage_has_what_it_promises(self) -> None:
        r = self.r
        stage = r.stage
        if stage is Stage.LOST:
            assert r.ended_at is not None
            return
        if stage is not Stage.ASSESSING:
            assert r.met_at is not None
        if stage in AFTER_AGREEMENT:
            assert r.issues_agreed_at is not None
            assert any(i.live for i in r.issues)
            assert not [
                i for i in r.issues if i.status in (IssueStatus.RAISED, IssueStatus.SPECIFIED)
            ]
        if stage in PLANNED:
            assert any(c.party is Party.CLIENT for c in r.commitments)
            assert r.response_due is not None
            assert r.response_promised_at is not None
            assert r.issues_agreed_at is not None
            assert r.response_promised_at >= r.issues_agreed_at
        if stage in PROPOSED:
            assert r.plan is not None
            covered = {i for work in r.plan.initiatives for i in work.addresses}
            assert {i.id for i in r.issues if i.status is IssueStatus.AGREED} <= covered
        if stage in {Stage.RECOVERING, Stage.RECOVERED}:
            assert r.plan is not None
            assert r.plan.agreed_at is not None
        if stage is Stage.RECOVERED:
            assert all(i.status is IssueStatus.RESOLVED for i in r.issues if i.live)
            mine = [c for c in r.commitments if c.party is Party.CLIENT]
            assert mine
            assert all(c.status is CommitmentStatus.FULFILLED for c in mine)
            assert r.plan is not None
            assert all(
                i.status in (InitiativeStatus.DONE, InitiativeStatus.DROPPED)
                for w in [r.plan]
                for i in w.initiatives
                if i.addresses
            )

    @invariant()
    def written_summary_precedes_a_strict_plan(self) -> None:
        r = self.r
        if r.stage in PROPOSED and not r.policy.severities:
            assert r.summary_sent_at is not None
            assert r.plan is not None
            assert r.plan.proposed_at is not None
            assert r.summary_sent_at <= r.plan.proposed_at

    @invariant()
    def time_based_queries_answer(self) -> None:
        later = self.now + timedelta(days=45)
        found = self.r.findings(later)
        assert all(f.rule.value for f in found)
        assert found == attrs.evolve(self.r).findings(later), "a kept finding went stale"
        schedule = self.r.follow_up_schedule(later)
        assert list(schedule) == sorted(set(schedule))
        assert all(m <= later for m in schedule)

    def teardown(self) -> None:
        event(f"deepest stage: {self.r.stage.name}")
        event(f"refused: {'some' if self.refused else 'none'}")


LifecycleMachine.TestCase.settings = settings(stateful_step_count=50)
TestLifecycle = LifecycleMachine.TestCase
