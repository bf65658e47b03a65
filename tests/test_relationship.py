"""The aggregate: commands, immutability, replay, explanations and late issues."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import attrs
import pytest
from dateutil import tz

from clientrecovery import (
    Commitment,
    InitiativeStatus,
    InvalidDocument,
    InvalidValue,
    IssueStatus,
    Party,
    Relationship,
    Rule,
    RuleViolation,
    Stage,
    UnknownItem,
    from_dict,
    to_dict,
)
from clientrecovery import events as ev
from clientrecovery.schedule import add_business_days, business_days_between
from tests.builders import (
    ASSESSMENT,
    at,
    day,
    in_discovery,
    issues_agreed,
    opened,
    plan_for,
    plan_proposed,
    recovered,
    recovering,
    summary_sent,
    with_issues,
)


class TestCommands:
    def test_a_command_returns_a_new_relationship_and_leaves_the_old_one(self) -> None:
        """Immutable: the earlier instance keeps its stage, version and history."""
        before = opened()
        history = before.history

        after = before.assess(ASSESSMENT, at=at(0, 10))

        assert after is not before
        assert (before.version, before.history, before.assessment) == (1, history, None)
        assert after.version == 2

    def test_a_refused_command_changes_nothing(self) -> None:
        """Nothing half-applied."""
        r = with_issues(1).raise_issue("vague", at=at(1, 11))
        copy = attrs.evolve(r)

        with pytest.raises(RuleViolation):
            r.agree_issues(at=at(1, 12), nothing_missed=True)

        assert r == copy

    def test_every_event_records_its_time_and_actor(self) -> None:
        """Attributed."""
        r = opened().assess(ASSESSMENT, at=at(0, 10), actor="sam@agency.example")

        assert isinstance(r.history[-1], ev.SituationAssessed)
        assert (r.history[-1].at, r.history[-1].actor) == (at(0, 10), "sam@agency.example")

    def test_the_open_id_is_derived_deterministically(self) -> None:
        """Pure: the same inputs give the same id; no hidden randomness."""
        a = Relationship.open("Acme", trigger="late", at=at(0))
        b = Relationship.open("Acme", trigger="late", at=at(0))
        c = Relationship.open("Acme", trigger="late", at=at(1))

        assert a.id == b.id != c.id

    def test_issue_ids_skip_the_ones_taken(self) -> None:
        """An explicit id is kept; the next automatic one avoids it."""
        r = in_discovery().raise_issue("a", id="I2", at=at(1)).raise_issue("b", at=at(1))

        assert [i.id for i in r.issues] == ["I2", "I3"]

    def test_a_duplicate_issue_id_is_refused(self) -> None:
        """Ids are unique."""
        r = in_discovery().raise_issue("a", at=at(1))

        with pytest.raises(InvalidValue, match="the issue id 'I1' is already used"):
            r.raise_issue("b", id="I1", at=at(1))

    @pytest.mark.parametrize(
        ("command", "args", "message"),
        [
            ("specify_issue", ("I9",), "unknown issue 'I9' (known: I1, I2)"),
            ("start_initiative", ("Z",), "unknown initiative 'Z' (known: A1, A2, CL)"),
            ("fulfil_commitment", ("C7",), "unknown commitment 'C7' (known: C1)"),
        ],
    )
    def test_an_unknown_id_raises_unknown_item(
        self, command: str, args: tuple[str, ...], message: str
    ) -> None:
        """A KeyError subclass that lists the known ids."""
        r = recovering()
        kwargs = {
            "specify_issue": {"examples": ["x"], "quantification": "y"},
            "fulfil_commitment": {"evidence": "x"},
        }.get(command, {})

        with pytest.raises(UnknownItem) as missing:
            getattr(r, command)(*args, at=at(5), **kwargs)

        assert str(missing.value) == message

    @pytest.mark.parametrize("given", [["C1"], {"I1": 1}, None, 1, b"A1"])
    @pytest.mark.parametrize(
        ("query", "nothing"),
        [
            ("has_issue", False),
            ("has_commitment", False),
            ("agreed_initiative", False),
            ("initiatives_for", ()),
        ],
    )
    def test_a_query_given_what_cannot_be_an_id_finds_nothing(
        self, query: str, nothing: object, given: object
    ) -> None:
        """Not a TypeError from inside for an unhashable value: only a str is an id."""
        r = recovering()
        assert r.has_issue("I1")  # the ids a str would find are there
        assert r.has_commitment("C1")
        assert r.agreed_initiative("A1")
        assert r.initiatives_for("I1")

        assert getattr(r, query)(given) == nothing

    def test_a_bad_argument_names_the_command_and_argument(self) -> None:
        """An empty reason is refused before anything is checked."""
        r = in_discovery().raise_issue("a", at=at(1))

        with pytest.raises(InvalidValue, match=r"drop_issue\(reason=...\): must not be empty"):
            r.drop_issue("I1", reason="", at=at(1))

    @pytest.mark.parametrize(("audience", "blank"), [([""], 0), (["   "], 0), (["Dana", ""], 1)])
    def test_every_name_in_the_audience_is_not_blank(self, audience: list[str], blank: int) -> None:
        """Telling "" is telling nobody (001 §7), as a Stakeholder's name cannot be blank."""
        r = recovering()

        with pytest.raises(
            InvalidValue, match=rf"inform_stakeholders\(audience=...\)\[{blank}\]: must not be"
        ):
            r.inform_stakeholders(audience=audience, summary="agreed", at=at(3, 13))

    def test_a_document_telling_a_blank_name_is_refused(self) -> None:
        """The event's own check runs on load: a forged audience is an InvalidDocument."""
        d = to_dict(recovering().inform_stakeholders(audience=["Dana"], summary="ok", at=at(4)))
        d["history"][-1]["audience"] = d["communications"][-1]["audience"] = ["Dana", " "]

        with pytest.raises(InvalidDocument, match=r"audience=...\)\[1\]: must not be empty"):
            from_dict(d)

    def test_a_datetime_response_date_is_read_in_the_policys_zone(self) -> None:
        """23:00 in Los Angeles on the 4th is the 4th, whatever UTC says."""
        from clientrecovery import Policy
        from tests.builders import issues_agreed

        r = issues_agreed(policy=Policy(timezone="America/Los_Angeles"))
        by = datetime(2026, 3, 4, 23, 0, tzinfo=tz.gettz("America/Los_Angeles"))

        assert r.promise_response(by=by, at=at(1, 13)).response_due == by.date()

    def test_the_client_chooses_the_preferred_option_by_default(self) -> None:
        """Or names another one."""
        r = plan_proposed()

        assert r.agree_plan(at=at(4)).plan.chosen_option == "redo"  # type: ignore[union-attr]
        assert r.agree_plan(at=at(4), option_id="partial").plan.chosen_option == "partial"  # type: ignore[union-attr]
        with pytest.raises(UnknownItem, match="unknown option 'nope'"):
            r.agree_plan(at=at(4), option_id="nope")

    def test_a_delay_moves_the_due_date_and_is_recorded(self) -> None:
        """The warning is kept, and logged as a client contact."""
        r = recovering().warn_delay("A1", new_due=day(25), reason="supplier late", at=at(5))

        a1 = r.initiative("A1")
        assert (a1.due, a1.delays[0].previous_due, a1.delays[0].reason) == (
            day(25),
            day(20),
            "supplier late",
        )
        assert r.communications[-1].summary == "delay of A1 to 2026-03-27: supplier late"

    def test_ending_keeps_reason_and_lessons(self) -> None:
        """A plan even if you part ways (004)."""
        r = in_discovery().end(reason="budget cut", lessons=["confirm the brief"], at=at(2))

        assert (r.stage, r.end_reason, r.lessons, r.ended_at) == (
            Stage.LOST,
            "budget cut",
            ("confirm the brief",),
            at(2),
        )

    def test_a_relationship_is_hashable_and_short_in_repr(self) -> None:
        """Usable in sets; the repr does not dump the history."""
        r = recovered()

        assert hash(r) == hash(Relationship.replay(r.history))
        assert repr(r) == "<Relationship 'halden' client='Halden Foods' stage=RECOVERED version=24>"


class TestReplay:
    def test_a_promise_without_an_id_gets_the_commands_id_on_every_path(self) -> None:
        """A PromiseMade carrying no id (built by hand, or ``"id": null`` in a document) is
        the provider's promise P1, as the command makes it, never a client's C2."""
        r = recovering()
        promise = Commitment(Party.PROVIDER, "a weekly status call", "held every Monday", day(30))
        by_command = r.promise(promise, at=r.last_event.at)
        by_apply = r.apply(ev.PromiseMade(commitment=promise, at=r.last_event.at))
        document = to_dict(by_apply)
        document["history"][-1]["commitment"]["id"] = None
        by_document = from_dict(
            {"schema_version": document["schema_version"], "history": document["history"]}
        )

        assert [c.id for c in by_command.promises] == ["P1"]
        assert by_apply.commitments == by_command.commitments  # the events differ: no id
        assert by_document.commitments == by_command.commitments
        assert by_document.findings(at(40)) == by_command.findings(at(40))

    def test_an_opened_relationship_is_what_its_constructor_makes(self) -> None:
        """Opening builds the state without the class's __init__: every field is there, with
        the value __init__ gives it, and nothing is shared with another case."""
        one, other = opened(), opened()

        made = attrs.evolve(one)  # through __init__, with the same values

        assert one.__dict__.keys() == made.__dict__.keys()
        assert one == made
        containers = [
            name
            for name, value in one.__dict__.items()
            if type(value).__module__ != "builtins" and not isinstance(value, datetime)
        ]
        containers += [name for name, value in one.__dict__.items() if type(value) is dict]
        shared = [
            name
            for name in containers
            if one.__dict__[name] is other.__dict__[name]
            and name not in ("policy", "raised_by", "stage")
        ]
        assert {"_issues", "_issue_pos", "_log", "_commitment_pos"} <= set(containers)
        assert shared == []  # the enums and the policy are values; the rest is its own

    def test_replaying_the_history_rebuilds_an_equal_relationship(self) -> None:
        """The whole life, step by step."""
        r = recovered(3)

        assert Relationship.replay(r.history) == r

    def test_a_replayed_relationship_branches_like_any_other(self) -> None:
        """Replay builds its result in place; once handed out, it is as immutable as the rest:
        two commands on it give two relationships, and it stays as it was."""
        r = recovering(2)
        replayed = Relationship.replay(r.history)
        issues, history = replayed.issues, replayed.history

        called = replayed.contact_client(at=at(20), channel="call", summary="checked in")
        wrote = replayed.follow_up(at=at(21), note="sent the figures")

        assert replayed.version == r.version
        assert called.version == wrote.version == r.version + 1
        assert replayed == r
        assert replayed.issues == issues
        assert replayed.history == history
        assert type(called.last_event) is ev.ClientContacted
        assert type(wrote.last_event) is ev.FollowedUp
        assert Relationship.replay(called.history) == called
        assert Relationship.replay(wrote.history) == wrote

    def test_a_replay_changes_neither_its_events_nor_what_it_handed_out(self) -> None:
        """Replay changes the issues and initiatives it made in place, never the events'
        own values (the plan's initiatives stay as proposed) nor, once it has handed the
        relationship out, that relationship's: a command on it gives a changed copy."""
        r = recovered(2)
        proposed = next(e for e in r.history if isinstance(e, ev.PlanProposed))
        written = [repr(e) for e in r.history]

        replayed = Relationship.replay(r.history)
        again = Relationship.replay(replayed.history)
        issues, initiatives = replayed.issues, replayed.plan.initiatives if replayed.plan else ()

        assert [repr(e) for e in r.history] == written
        assert {i.status for i in proposed.plan.initiatives} == {InitiativeStatus.PLANNED}
        assert {i.status for i in initiatives} == {InitiativeStatus.DONE}
        assert replayed == again == r
        assert replayed.issues == issues

        branch = recovering(2)
        handed_out = Relationship.replay(branch.history)
        started = handed_out.start_initiative("A1", at=at(4))
        raised = handed_out.raise_issue("a late one", id="I9", at=at(4))
        discovery = Relationship.replay(with_issues(2).history)
        dropped = discovery.drop_issue("I1", reason="not ours", at=at(2))

        assert handed_out.initiative("A1").status is InitiativeStatus.PLANNED
        assert started.initiative("A1").status is InitiativeStatus.IN_PROGRESS
        assert not handed_out.has_issue("I9")
        assert raised.has_issue("I9")
        assert handed_out == branch
        assert discovery.issue("I1").status is IssueStatus.SPECIFIED
        assert dropped.issue("I1").status is IssueStatus.DROPPED

    def test_a_replay_ends_its_own_holds_and_none_it_handed_out(self) -> None:
        """A replay ends a wait by changing the hold it made in place: the holds come out as
        the commands made them, and a command on a replayed relationship still copies."""
        r = recovering(2).start_initiative("A1", at=at(4))
        r = r.wait_on_client("A1", reason="data", needs="the export", by=day(6), at=at(4, 10))
        r = r.resume("A1", at=at(6))
        r = r.wait_on_client("A1", reason="sign-off", needs="a yes", by=day(9), at=at(7))
        waiting = Relationship.replay(r.history)
        r = r.resume("A1", at=at(10))

        replayed = Relationship.replay(r.history)
        resumed = waiting.resume("A1", at=at(10))

        assert replayed == Relationship.replay(r.history) == resumed == r
        assert replayed.initiative("A1").holds == r.initiative("A1").holds
        assert [h.ended_at for h in replayed.initiative("A1").holds] == [at(6), at(10)]
        assert waiting.initiative("A1").on_hold
        assert waiting.initiative("A1").holds[-1].ended_at is None

    def test_apply_records_an_event_as_its_command_would(self) -> None:
        """An event built elsewhere is checked and recorded: the same relationship as the
        command's, and refused for the same reasons."""
        before = with_issues(2)
        after = before.drop_issue("I1", reason="not ours", at=at(2))

        assert before.apply(after.last_event) == after
        with pytest.raises(RuleViolation, match="STAGE_ORDER"):
            after.apply(after.last_event)  # I1 is dropped already

    @pytest.mark.parametrize("kind", ["not an event", "the base class", "a subclass"])
    def test_apply_refuses_what_is_not_one_of_the_methods_events(self, kind: str) -> None:
        """A typed error naming what was given, never a KeyError from inside."""

        class Mine(ev.FollowedUp):
            pass

        given: object = {
            "not an event": "FollowedUp",
            "the base class": ev.Event(at=at(2)),
            "a subclass": Mine(at=at(2), note="called"),
        }[kind]

        with pytest.raises(InvalidValue, match="not"):
            recovering().apply(given)  # type: ignore[arg-type]

    def test_an_empty_history_is_refused(self) -> None:
        """Nothing to rebuild."""
        with pytest.raises(InvalidValue, match="history: is empty"):
            Relationship.replay([])

    @pytest.mark.parametrize("history", [None, 3, "RelationshipOpened"])
    def test_a_history_that_is_not_a_collection_is_refused(self, history: object) -> None:
        """Named, not Python's "object is not iterable"; a string is not a history either."""
        with pytest.raises(InvalidValue, match="history: must be an iterable of events, got"):
            Relationship.replay(history)  # type: ignore[arg-type]

    def test_a_history_must_start_with_the_opening(self) -> None:
        """No relationship to apply the first event to."""
        r = opened().assess(ASSESSMENT, at=at(0, 10))

        with pytest.raises(RuleViolation, match="a history must start with RelationshipOpened"):
            Relationship.replay(r.history[1:])

    def test_a_history_that_breaks_the_method_cannot_be_loaded(self) -> None:
        """Without the written summary the plan's proposal is refused, with where it failed."""
        history = [e for e in plan_proposed().history if not isinstance(e, ev.WrittenSummarySent)]

        with pytest.raises(RuleViolation, match="WRITTEN_FOLLOW_UP") as refused:
            Relationship.replay(history)

        assert "while replaying history[" in "".join(refused.value.__notes__)

    def test_a_second_opening_is_refused(self) -> None:
        """One relationship per history."""
        r = opened()

        with pytest.raises(RuleViolation, match="is open already"):
            Relationship.replay([*r.history, r.history[0]])

    def test_something_that_is_not_an_event_is_refused(self) -> None:
        """Named by its position."""
        with pytest.raises(InvalidValue, match=r"history\[1\]: is not an Event"):
            Relationship.replay([opened().history[0], {"type": "x"}])  # type: ignore[list-item]


class TestCheck:
    def test_check_lists_the_findings_without_raising(self) -> None:
        """The same findings a refusal would carry."""
        r = summary_sent(1)
        plan = attrs.evolve(plan_for(r, quick_due=day(8)), options=())

        findings = r.check("propose_plan", plan, at=at(3))

        assert {f.rule for f in findings} == {Rule.OPTIONS}
        with pytest.raises(RuleViolation) as refused:
            r.propose_plan(plan, at=at(3))
        assert refused.value.findings == findings

    def test_check_of_a_valid_command_is_empty_and_runs_nothing(self) -> None:
        """No finding; the relationship is unchanged."""
        r = summary_sent(1)

        assert r.check("propose_plan", plan_for(r, quick_due=day(8)), at=at(3)) == ()
        assert r.stage is Stage.PLANNING

    def test_check_of_an_unknown_command_is_an_unknown_item(self) -> None:
        """Typos are caught, and so is a command that is not a name at all."""
        with pytest.raises(UnknownItem, match="unknown command 'propse_plan'"):
            opened().check("propse_plan")
        with pytest.raises(UnknownItem, match=r"unknown command '\[\]'"):
            opened().check([])  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("args", "kwargs", "problem"),
        [
            ((), {}, "missing a required argument: 'at'"),
            (
                (),
                {"at": at(1), "willing": True, "mood": "calm"},
                "got an unexpected keyword argument 'mood'",
            ),
            ((), {"at": at(1)}, "missing a required argument: 'willing'"),
            ((True, True), {"at": at(1)}, "too many positional arguments"),
        ],
    )
    def test_arguments_the_command_does_not_take_are_invalid_values(
        self, args: tuple[Any, ...], kwargs: dict[str, Any], problem: str
    ) -> None:
        """Named with the command, as a typed error, and nothing is run."""
        r = opened()

        with pytest.raises(InvalidValue, match=rf"check\('meet_client', \.\.\.\): {problem}"):
            r.check("meet_client", *args, **kwargs)
        assert r.version == 1

    def test_check_leaves_later_commands_running_normally(self) -> None:
        """The dry run does not leak into the next command."""
        r = opened()
        r.check("meet_client", at=at(1), willing=True)

        assert r.assess(ASSESSMENT, at=at(0, 10)).version == 2


FAR_EAST = timezone(timedelta(hours=14))
FAR_WEST = timezone(timedelta(hours=-14))
CALENDAR = "must fall in the years 1900 to 2999, got"


class TestCalendar:
    """Dates and times are recorded in the years 1900 to 2999, so that a placeholder such as
    0001-01-01 is refused by name and nothing derived from one leaves Python's calendar."""

    @pytest.mark.parametrize(
        ("command", "label", "shown"),
        [
            (
                lambda: Relationship.open("X", trigger="t", at=datetime(1, 1, 1, tzinfo=FAR_EAST)),
                "open(at=...)",
                "0001-01-01T00:00:00+14:00",
            ),
            (
                lambda: opened().assess(ASSESSMENT, at=datetime(3000, 1, 1, tzinfo=UTC)),
                "assess(at=...)",
                "3000-01-01T00:00:00+00:00",
            ),
            (
                lambda: issues_agreed().promise_response(
                    by=datetime(9999, 12, 31, 23, tzinfo=FAR_WEST), at=at(1, 13)
                ),
                "promise_response(by=...)",
                "9999-12-31T23:00:00-14:00",
            ),
            (
                lambda: issues_agreed().promise_response(by=date(1899, 12, 31), at=at(1, 13)),
                "promise_response(by=...)",
                "1899-12-31",
            ),
            (
                lambda: plan_for(summary_sent(), due=date(9999, 12, 31)),
                "Initiative.due",
                "9999-12-31",
            ),
            (
                lambda: opened().findings(datetime(9999, 12, 31, 23, tzinfo=FAR_WEST)),
                "findings(now=...)",
                "9999-12-31T23:00:00-14:00",
            ),
            (
                lambda: recovering().follow_up_schedule(
                    datetime(9999, 12, 31, 23, tzinfo=FAR_WEST)
                ),
                "follow_up_schedule(until=...)",
                "9999-12-31T23:00:00-14:00",
            ),
        ],
    )
    def test_a_date_outside_the_years_is_refused_by_name(
        self, command: Callable[[], object], label: str, shown: str
    ) -> None:
        """Including the extremes whose conversion to another zone Python cannot do."""
        with pytest.raises(InvalidValue, match=re.escape(f"{label}: {CALENDAR} {shown}")):
            command()

    def test_the_first_and_last_days_are_on_it(self) -> None:
        """Midnight of 1900 at +14:00 is still 1899 in UTC, and that is fine."""
        r = Relationship.open("X", trigger="t", at=datetime(1900, 1, 1, tzinfo=FAR_EAST))
        r = r.contact_client(
            at=datetime(2999, 12, 31, 23, tzinfo=FAR_WEST), channel="call", summary="hello"
        )

        assert r.policy.local_date(r.opened_at) == date(1899, 12, 31)
        assert {f.rule for f in r.findings(datetime(2999, 12, 31, 23, 30, tzinfo=FAR_WEST))} == {
            Rule.MEET_SWIFTLY
        }

    def test_a_hold_of_centuries_moves_the_due_date_past_the_years(self) -> None:
        """Derived, not given: the due date moves by every working day waited, at once, and
        the delay that follows says from which date."""
        r = recovering(1).wait_on_client("A1", reason="client's sign-off", at=at(4))
        back = datetime(2999, 12, 31, 9, tzinfo=UTC)

        resumed = r.resume("A1", at=back)

        due = resumed.initiative("A1").due
        waited = resumed.initiative("A1").holds[-1].business_days
        assert waited == business_days_between(r.policy, at(4).date(), back.date()) > 250_000
        assert due == add_business_days(r.policy, day(20), waited)
        assert due > date(2999, 12, 31)
        with pytest.raises(RuleViolation, match="is not after its current one"):
            resumed.warn_delay("A1", new_due=date(2999, 12, 31), reason="more", at=back)


class TestNextActions:
    def test_it_says_what_blocks_agreement_and_which_issues_to_specify(self) -> None:
        """A generality blocks agree_issues; specify_issue lists it."""
        r = with_issues(1).raise_issue("you never listen", at=at(1, 11))

        actions = {a.command: a for a in r.next_actions()}

        assert [f.subject for f in actions["agree_issues"].blocked_by] == ["I2"]
        assert actions["specify_issue"].hint.endswith(": I2")
        assert actions["raise_issue"].ready

    def test_during_recovery_it_lists_startable_initiatives_and_a_blocked_close(self) -> None:
        """Close waits for resolved issues and the client's commitment."""
        r = recovering().start_initiative("A1", at=at(4))

        actions = {a.command: a for a in r.next_actions()}

        assert actions["start_initiative"].hint.endswith(": A2, CL")
        assert actions["complete_initiative"].hint.endswith(": A1")
        assert {f.rule for f in actions["close"].blocked_by} == {
            Rule.ISSUES_RESOLVED,
            Rule.COMMITMENT_FULFILLED,
        }
        assert "resolve_issue" not in actions

    def test_an_initiative_waiting_on_the_client_is_offered_only_what_it_allows(self) -> None:
        """While A1 waits, it can be resumed or its delay warned, not started or waited on
        again; every initiative offered passes the command's own check."""
        r = recovering().wait_on_client("A1", reason="test data", at=at(4))

        actions = {a.command: a for a in r.next_actions()}

        assert actions["resume"].hint.endswith(": A1")
        assert actions["start_initiative"].hint.endswith(": A2, CL")
        assert actions["wait_on_client"].hint.endswith(": A2")  # CL is the client's own
        assert actions["warn_delay"].hint.endswith(": A1, A2, CL")
        for command in ("start_initiative", "wait_on_client"):
            args = {"reason": "data", "needs": "data", "by": day(6)}
            args = args if command == "wait_on_client" else {}
            for initiative in ("A2", "CL") if command == "start_initiative" else ("A2",):
                assert not r.check(command, initiative, at=at(5), **args)
            refused = r.check(command, "A1", at=at(5), **args)
            assert any(f.rule is Rule.STAGE_ORDER for f in refused)

    def test_a_terminal_relationship_offers_only_aftercare(self) -> None:
        """Recovered is done: only over-service, hand-overs and lessons are left (000; 004)."""
        commands = [a.command for a in recovered().next_actions()]

        assert commands == ["contact_client", "inform_stakeholders", "record_lessons"]


class TestLateIssues:
    def test_a_late_issue_goes_back_to_discovery_and_through_the_steps_again(self) -> None:
        """Commitment stands; a new response date and summary come before the revised plan."""
        r = recovering().start_initiative("A1", at=at(4)).complete_initiative("A1", at=at(5))

        r = r.raise_issue("invoices are wrong", at=at(6))
        assert (r.stage, r.issue("I3").late) == (Stage.DISCOVERY, True)
        r = r.specify_issue("I3", examples=["March invoice"], quantification="2 errors", at=at(6))
        r = r.agree_issues(at=at(6, 12), nothing_missed=True)
        assert r.stage is Stage.ISSUES_AGREED

        r = r.promise_response(by=day(8), at=at(6, 13))
        assert r.stage is Stage.PLANNING  # the client's commitment stands
        with pytest.raises(RuleViolation, match="WRITTEN_FOLLOW_UP"):
            r.revise_plan(plan_for(r), at=at(8))
        r = r.send_written_summary(at=at(6, 14)).revise_plan(plan_for(r), at=at(8))
        r = r.agree_plan(at=at(8, 12))

        assert r.stage is Stage.RECOVERING
        assert r.plan is not None
        assert r.plan.version == 2
        assert r.initiative("A1").status is InitiativeStatus.DONE  # progress kept
        assert r.issue("I3").status is IssueStatus.AGREED

    def test_a_late_issue_needs_its_own_initiative(self) -> None:
        """The revised plan must cover it."""
        r = recovering().raise_issue("invoices", at=at(6))
        r = r.specify_issue("I3", examples=["March"], quantification="2 errors", at=at(6))
        r = r.agree_issues(at=at(6, 12), nothing_missed=True).promise_response(
            by=day(8), at=at(6, 13)
        )
        r = r.send_written_summary(at=at(6, 14))
        old = r.plan
        assert old is not None

        with pytest.raises(RuleViolation, match="no initiative addresses issue I3"):
            r.revise_plan(old, at=at(8))
