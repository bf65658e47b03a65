"""``findings(now)`` is the same however a relationship came to be.

An ended case keeps what its findings hold at any time (its standing findings, its provider
promises, the review of what was sent after its end), found once: at the end of a replay,
or on the first ``findings(now)`` of a relationship a command made. These tests
compare the findings of relationships built by the commands, replayed, and loaded from JSON
with those of a copy that keeps nothing and finds everything when asked, for random cases
(ended at any stage, with events after the end) and random moments.
"""

from __future__ import annotations

import contextlib
from datetime import datetime, timedelta
from typing import Any

import attrs
import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from clientrecovery import (
    ClientRecoveryError,
    Commitment,
    EndCause,
    Party,
    Relationship,
    Rule,
    Stage,
)
from clientrecovery.serialization import from_json, to_json
from clientrecovery.stages import COMMAND_STAGES
from tests.builders import promises_settled_badly, work_finished_late
from tests.strategies import STEPS, T0, call_for, relationships

BLAME = "Unfortunately your team failed to send the data, as always."
SUMMARIES = ("progress", BLAME, "We sent the report on Monday, as agreed.")


def unkept(r: Relationship) -> Relationship:
    """The same relationship with nothing kept: every finding is found when asked."""
    copy = attrs.evolve(r)
    assert copy._ended is None
    assert copy._cache is None
    return copy


def step(r: Relationship, draw: Any, at: datetime) -> Relationship:
    """One command the stage allows, with fitting arguments (texts that may draw a review)."""
    allowed = sorted(c for c, stages in COMMAND_STAGES.items() if r.stage in stages)
    command = draw(st.sampled_from(allowed))
    args, kwargs = call_for(r, command, draw, at, valid=True)
    if command in ("contact_client", "inform_stakeholders"):
        kwargs["summary"] = draw(st.sampled_from(SUMMARIES))
    try:
        return getattr(r, command)(*args, at=at, **kwargs)  # type: ignore[no-any-return]
    except ClientRecoveryError:
        return r


@st.composite
def cases(draw: Any) -> Relationship:
    """A case from the real commands, often ended (lost or recovered), then some more."""
    r: Relationship = draw(relationships())
    at = r.last_event.at
    if draw(st.booleans()):
        at += draw(st.sampled_from(STEPS))
        promise = Commitment(Party.PROVIDER, "call weekly", "calls logged", at.date())
        if not r.stage.terminal and draw(st.booleans()):
            with contextlib.suppress(ClientRecoveryError):  # a stage that takes no promise
                r = r.promise(promise, at=at)
        if not r.stage.terminal:
            lessons = draw(st.sampled_from([(), ("meet the client sooner",)]))
            cause = draw(st.sampled_from(list(EndCause)))
            r = r.end(reason="gave up", lessons=lessons, cause=cause, at=at)
    for _ in range(draw(st.integers(0, 4))):
        at += draw(st.sampled_from(STEPS))
        r = step(r, draw, at)
    return r


@settings(max_examples=150, deadline=None)
@given(r=cases(), later=st.timedeltas(timedelta(0), timedelta(days=90)))
def test_findings_equal_those_found_from_scratch(r: Relationship, later: timedelta) -> None:
    now = r.last_event.at + later
    expected = unkept(r).findings(now)
    event(f"stage: {r.stage.name}; findings: {'some' if expected else 'none'}")
    assert r.findings(now) == expected
    assert Relationship.replay(r.history).findings(now) == expected
    assert from_json(to_json(r)).findings(now) == expected


def _lost() -> Relationship:
    at = T0
    r = Relationship.open("Halden Foods", trigger="artwork rejected", at=at, id="k")
    r = r.end(reason="client left", at=at + timedelta(hours=1), cause=EndCause.OTHER)
    assert r.stage is Stage.LOST
    return r


def rules_of(r: Relationship, now: datetime) -> list[Rule]:
    return [f.rule for f in r.findings(now)]


def test_an_ended_case_s_findings_follow_the_events_after_its_end() -> None:
    r = _lost()
    now = r.last_event.at + timedelta(days=3)
    assert Rule.LESSONS_KEPT in rules_of(r, now)
    assert Rule.INSPECT_BEFORE_ENDING in rules_of(r, now)

    told = r.contact_client(at=now, channel="email", summary=BLAME)
    assert Rule.NO_BLAME in rules_of(told, now)
    assert Rule.NO_BLAME not in rules_of(r, now)  # the case it was made from keeps its own

    learned = told.record_lessons(["meet the client before giving up"], at=now)
    assert Rule.LESSONS_KEPT not in rules_of(learned, now)
    assert Rule.LESSONS_KEPT in rules_of(told, now)
    for case in (r, told, learned):
        assert case.findings(now) == unkept(case).findings(now)


def test_commands_after_the_end_leave_the_review_to_the_findings(monkeypatch: Any) -> None:
    """Each contact recorded after a close used to review the whole record since the end,
    so a case kept in touch with for years grew slower at every contact. The review is
    found once, when findings are asked for, and what they say is the same."""
    from clientrecovery import _replay

    reviews: list[Relationship] = []
    review = _replay.on_history
    monkeypatch.setattr(_replay, "on_history", lambda r: reviews.append(r) or review(r))
    r = _lost()
    at = r.last_event.at
    for n in range(1, 41):
        r = r.contact_client(at=at + timedelta(hours=n), channel="email", summary=BLAME)
    assert reviews == []

    now = r.last_event.at + timedelta(days=1)
    found, later = r.findings(now), r.findings(now + timedelta(days=1))
    assert len(reviews) == 1  # once, then kept: the history has not changed
    assert sum(f.rule is Rule.NO_BLAME for f in found) == 40
    assert found == unkept(r).findings(now)
    assert later == unkept(r).findings(now + timedelta(days=1))


def test_an_ended_case_s_promise_is_late_only_once_its_date_has_passed() -> None:
    at = T0
    r = Relationship.open("Halden Foods", trigger="artwork rejected", at=at, id="p")
    due = r.policy.local_date(at) + timedelta(days=5)
    r = r.promise(Commitment(Party.PROVIDER, "call weekly", "calls logged", due), at=at)
    r = r.end(reason="client left", at=at + timedelta(hours=1))
    on_time = r.last_event.at + timedelta(days=1)
    late = r.last_event.at + timedelta(days=10)
    assert Rule.PROMISE_KEPT not in rules_of(r, on_time)
    assert Rule.PROMISE_KEPT in rules_of(r, late)
    for now in (on_time, late):
        assert r.findings(now) == unkept(r).findings(now)


def assert_found_alike(r: Relationship, now: datetime) -> None:
    """``r``'s findings are those found from scratch, by a replay and by a load alike."""
    assert r.findings(now) == unkept(r).findings(now)
    assert Relationship.replay(r.history).findings(now) == r.findings(now)
    assert from_json(to_json(r)).findings(now) == r.findings(now)


@pytest.mark.parametrize("ending", ["open", "close", "end"])
def test_a_promise_broken_or_kept_late_is_found_alike_however_the_case_was_built(
    ending: str,
) -> None:
    """The day a promise was settled is on no value: what it was told is kept as the event
    is recorded, by a command as by a replay, and it stands once the case has ended."""
    r = promises_settled_badly()
    if ending == "close":
        r = _closed(r)
    elif ending == "end":
        r = r.end(reason="client left", lessons=["promise less"], at=r.last_event.at)
    now = r.last_event.at + timedelta(days=2)

    found = [f for f in r.findings(now) if f.rule is Rule.PROMISE_KEPT]

    assert [f.subject for f in found] == ["P1", "P2"]
    assert_found_alike(r, now)


def test_work_finished_late_is_found_alike_however_the_case_was_built() -> None:
    """The day work was completed or dropped is on no value: what it was told is kept as
    the event is recorded, by a command as by a replay or a load."""
    r = work_finished_late()
    now = r.last_event.at + timedelta(days=2)

    found = [f for f in r.findings(now) if f.rule is Rule.WARN_AHEAD]

    assert [f.subject for f in found] == ["A1", "A2"]
    assert_found_alike(r, now)


def _closed(r: Relationship) -> Relationship:
    """``r`` with its work done, its issues resolved and the client's commitment kept."""
    at = r.last_event.at
    for initiative in r.plan.initiatives:  # type: ignore[union-attr]
        r = r.start_initiative(initiative.id, at=at).complete_initiative(initiative.id, at=at)
    for issue in r.issues:
        r = r.resolve_issue(issue.id, evidence="client confirmed", at=at)
    return r.fulfil_commitment("C1", evidence="PO signed", at=at).close(at=at)
