"""Fields the relationship keeps itself: an event carrying one is refused on every path."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clientrecovery import (
    Commitment,
    CommitmentStatus,
    InitiativeStatus,
    InvalidDocument,
    InvalidValue,
    Party,
    Relationship,
    from_dict,
    from_json,
    to_json,
)
from clientrecovery import _jsontext as jsontext
from clientrecovery import events as ev
from clientrecovery._owned import OWNED, Forged, _fields_reaching, check_of, initial, refuse_forged
from clientrecovery.examples import masterclass, synthetic_portfolio
from clientrecovery.model import Initiative, TurnaroundPlan
from clientrecovery.store import SQLiteStore
from tests.builders import at, issues_agreed, recovered
from tests.strategies import relationships
from tests.test_integrity import rechain, untriggered

WHEN = "2026-03-02T09:00:00+00:00"
FORGED: dict[tuple[type, str], list[Any]] = {
    (Commitment, "status"): ["fulfilled", "broken"],
    (Commitment, "note"): ["kept before it was made"],
    (Initiative, "status"): ["in_progress", "done"],
    (Initiative, "delays"): [
        [{"at": WHEN, "previous_due": "2026-03-10", "new_due": "2026-03-20", "reason": "late"}]
    ],
    (Initiative, "outcome"): ["finished already"],
    (Initiative, "holds"): [
        [{"reason": "waiting", "started_at": WHEN, "ended_at": None, "business_days": 0}]
    ],
    (TurnaroundPlan, "version"): [2, 7],
    (TurnaroundPlan, "proposed_at"): [WHEN],
    (TurnaroundPlan, "agreed_at"): [WHEN],
    (TurnaroundPlan, "chosen_option"): ["O1", "anything"],
}
"""A non-initial JSON value for every owned field (the first test keeps this complete)."""


def owned_places(r: Relationship) -> Iterator[tuple[list[str | int], type, str]]:
    """Every owned field inside the events of ``r``: its path in the document, its class."""

    def walk(value: Any, path: list[str | int]) -> Iterator[tuple[list[str | int], type, str]]:
        if isinstance(value, tuple):
            for n, item in enumerate(value):
                yield from walk(item, [*path, n])
            return
        for name in OWNED.get(type(value), ()):
            yield [*path, name], type(value), name
        if attrs.has(type(value)):
            for name in _fields_reaching(type(value)):
                yield from walk(getattr(value, name), [*path, name])

    for position, event in enumerate(r.history):
        for name in _fields_reaching(type(event)):
            yield from walk(getattr(event, name), ["history", position, name])


def forged(document: dict[str, Any], path: list[str | int], value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    target: Any = changed
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return changed


def stories() -> st.SearchStrategy[Relationship]:
    fixed = [masterclass(), recovered(), *synthetic_portfolio(6, seed=3)]
    return st.sampled_from(fixed) | relationships(max_steps=30)


class TestDeclaration:
    def test_every_owned_field_has_a_forged_value_to_try(self) -> None:
        """The property below tries every declared field (a new one needs a value here)."""
        assert set(FORGED) == {(cls, name) for cls, names in OWNED.items() for name in names}

    def test_the_commands_record_only_initial_values(self) -> None:
        """Every event the commands recorded holds the owned fields at their start values."""
        for r in (masterclass(), *synthetic_portfolio(10, seed=1)):
            for path, cls, name in owned_places(r):
                value: Any = r.history[int(path[1])]
                for step in path[2:]:
                    value = value[step] if isinstance(step, int) else getattr(value, step)
                assert value == initial(cls, name), path

    def test_events_that_carry_a_commitment_or_plan_are_found_from_their_types(self) -> None:
        """The carriers are read from the type hints: no event is listed by hand."""
        carriers = {cls for cls in ev.EVENT_TYPES if _fields_reaching(cls)}
        assert {ev.CommitmentSecured, ev.PlanProposed, ev.PlanRevised} <= carriers
        assert ev.IssueRaised not in carriers

    def test_the_readers_check_what_building_an_event_checks(self) -> None:
        """The document readers run check_of(cls) instead of the event's post-init: that
        holds only while no event class does more after it is built."""
        for cls in ev.EVENT_TYPES:
            assert cls.__attrs_post_init__ is ev.Event.__attrs_post_init__, cls
            expected = refuse_forged if _fields_reaching(cls) else None
            assert check_of(cls) is expected, cls


class TestForgedDocuments:
    @given(stories(), st.data())
    @settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
    def test_a_changed_owned_field_is_refused_or_ignored_never_believed(
        self, r: Relationship, data: st.DataObject
    ) -> None:
        """Any valid history, any owned field set in the document: refused or no effect."""
        places = list(owned_places(r))
        if not places:
            return
        path, cls, name = data.draw(st.sampled_from(places))
        value = data.draw(st.sampled_from(FORGED[cls, name]))
        document = forged(json.loads(to_json(r)), path, value)
        text = json.dumps(document)
        where = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)
        saved = jsontext._orjson
        try:
            for parser in {saved, None}:  # orjson (when installed) and the standard library
                jsontext._orjson = parser
                with pytest.raises(InvalidDocument) as refused:
                    from_json(text.encode())
                (problem,) = refused.value.problems
                assert problem.startswith(type(r.history[int(path[1])]).__name__)
                assert "is kept by the relationship" in problem
                assert problem.endswith(f"@ {where}")
        finally:
            jsontext._orjson = saved

    @pytest.mark.parametrize("parser", ["orjson", "json"])
    def test_a_fulfilled_commitment_in_its_securing_event_is_refused(
        self, parser: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The forged RECOVERED case of the report loads under neither parser."""
        if parser == "json":
            monkeypatch.setattr(jsontext, "_orjson", None)
        r = masterclass()
        document = json.loads(to_json(r))
        secured = next(
            n for n, e in enumerate(document["history"]) if e["type"] == "CommitmentSecured"
        )
        document["history"][secured]["commitment"]["status"] = "fulfilled"
        with pytest.raises(InvalidDocument) as refused:
            from_dict(document)
        assert list(refused.value.problems) == [
            "CommitmentSecured.commitment.status: is kept by the relationship and set by later"
            " events, so an event cannot carry it (got 'fulfilled')"
            f" @ $.history[{secured}].commitment.status"
        ]

    def test_done_initiatives_in_a_proposed_plan_are_refused_with_their_path(self) -> None:
        """Initiatives already done when proposed: the first one is named."""
        document = json.loads(to_json(masterclass()))
        proposed = next(n for n, e in enumerate(document["history"]) if e["type"] == "PlanProposed")
        for initiative in document["history"][proposed]["plan"]["initiatives"]:
            initiative["status"] = "done"
        with pytest.raises(InvalidDocument) as refused:
            from_dict(document)
        assert refused.value.problems[0].endswith(
            f"@ $.history[{proposed}].plan.initiatives[0].status"
        )

    def test_a_forged_row_in_a_store_is_refused_even_with_its_chain_recomputed(
        self, tmp_path: Path
    ) -> None:
        """Whoever rewrites a row and its whole chain still cannot make the store believe it."""
        path = str(tmp_path / "cases.db")
        r = masterclass()
        with SQLiteStore(path) as store:
            store.save(r)
        row = next(n for n, e in enumerate(r.history, 1) if isinstance(e, ev.CommitmentSecured))
        db = untriggered(path)
        db.execute(
            "UPDATE events SET payload = json_set(payload, '$.commitment.status', 'fulfilled')"
            " WHERE relationship_id = ? AND version = ?",
            (r.id, row),
        )
        rechain(db)
        with SQLiteStore(path) as store:
            with pytest.raises(InvalidDocument, match="is kept by the relationship"):
                store.load(r.id)
            assert any("is kept by the relationship" in p for p in store.verify())


class TestForgedEvents:
    def commitment(self, **state: Any) -> Commitment:
        return Commitment(Party.CLIENT, "renew", "signed", date(2026, 6, 1), id="C1", **state)

    def test_an_event_built_with_a_kept_commitment_is_refused(self) -> None:
        """Built by hand, for apply or replay: refused when built, naming the field."""
        with pytest.raises(Forged, match=r"CommitmentSecured\.commitment\.status") as refused:
            ev.CommitmentSecured(
                commitment=self.commitment(status=CommitmentStatus.FULFILLED), at=at(5)
            )
        assert isinstance(refused.value, InvalidValue)
        assert refused.value.where == "commitment.status"

    def test_evolving_an_event_into_a_forged_one_is_refused(self) -> None:
        """attrs.evolve runs the same check: no back door to apply()."""
        r = masterclass()
        proposed = next(e for e in r.history if isinstance(e, ev.PlanProposed))
        done = attrs.evolve(proposed.plan.initiatives[0], status=InitiativeStatus.DONE)
        plan = attrs.evolve(proposed.plan, initiatives=(done, *proposed.plan.initiatives[1:]))
        with pytest.raises(Forged, match=r"plan\.initiatives\[0\]\.status"):
            attrs.evolve(proposed, plan=plan)
        with pytest.raises(Forged, match=r"plan\.version"):
            attrs.evolve(proposed, plan=attrs.evolve(proposed.plan, version=2))
        with pytest.raises(Forged, match=r"plan\.agreed_at"):
            attrs.evolve(proposed, plan=attrs.evolve(proposed.plan, agreed_at=at(3)))

    def test_the_commands_still_reset_what_they_were_given(self) -> None:
        """A command given a commitment with a status records it AGREED, not refused."""
        given = self.commitment(status=CommitmentStatus.FULFILLED, note="done")
        r = issues_agreed().secure_commitment(given, at=at(3))
        secured = r.history[-1]
        assert isinstance(secured, ev.CommitmentSecured)
        assert secured.commitment.status is CommitmentStatus.AGREED
        assert secured.commitment.note == ""
        assert Relationship.replay(r.history) == r
