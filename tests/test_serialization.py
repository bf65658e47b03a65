"""Documents: lossless round trips, loading as validation, versions, schema, JSON lines."""

from __future__ import annotations

import copy
import io
import json
import pickle
import re
import sys
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from dateutil import tz
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clientrecovery import (
    InvalidDocument,
    InvalidValue,
    Policy,
    Relationship,
    SQLiteStore,
    dump_jsonl,
    from_dict,
    from_json,
    json_schema,
    load_jsonl,
    to_dict,
    to_json,
)
from clientrecovery import _jsontext as jsontext
from clientrecovery import events as ev
from clientrecovery import serialization as ser
from clientrecovery._codec import SHARED_MAX, Codec, type_hints
from clientrecovery._validate import instance_of
from clientrecovery.examples import masterclass
from tests.builders import (
    ASSESSMENT,
    at,
    day,
    in_discovery,
    opened,
    plan_for,
    planning,
    recovered,
    recovering,
    summary_sent,
)
from tests.strategies import relationships

SV = ser.SCHEMA_VERSION
FIXTURES = Path(__file__).parent / "fixtures"
VALIDATOR = jsonschema.Draft202012Validator(
    json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


def problems(document: Any) -> list[str]:
    with pytest.raises(InvalidDocument) as refused:
        from_dict(document) if not isinstance(document, str | bytes) else from_json(document)
    return list(refused.value.problems)


def _without_orjson(write: Any, r: Relationship) -> str:
    """What ``write`` gives of ``r`` by the standard library's JSON alone."""
    saved, jsontext._orjson = jsontext._orjson, None
    try:
        text: str = write(r)
    finally:
        jsontext._orjson = saved
    return text


class TestRoundTrip:
    @given(relationships())
    @settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
    def test_json_round_trips_any_relationship(self, r: Relationship) -> None:
        """Reached by random command sequences, through JSON and back, equal."""
        text = to_json(r)

        assert from_json(text) == r
        assert from_json(text.encode()) == r
        assert to_json(from_json(text)) == text

    @given(relationships(max_steps=30))
    @settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
    def test_pickle_and_deepcopy_round_trip_any_relationship(self, r: Relationship) -> None:
        """For multiprocessing, joblib and caches: a relationship pickled or deep-copied is
        equal, writes the same document and gives the same findings, and its copy's log is
        its own (a command on one never shows in the other)."""
        now = r.last_event.at
        for copied in (pickle.loads(pickle.dumps(r)), copy.deepcopy(r)):
            assert copied == r
            assert to_json(copied) == to_json(r)
            assert copied.findings(now) == r.findings(now)
            assert copied._log._buffer is not r._log._buffer

    def test_a_store_loaded_relationship_pickles(self, tmp_path: Path) -> None:
        """A keyed store's trusted load decodes its history lazily; pickled, it is whole."""
        with SQLiteStore(tmp_path / "keyed.db", key=b"k" * 32) as store:
            store.save(masterclass())
            loaded = store.load(masterclass().id)
        assert pickle.loads(pickle.dumps(loaded)) == masterclass()

    @given(relationships(max_steps=30))
    @settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
    def test_to_json_writes_what_the_json_ready_writers_write(self, r: Relationship) -> None:
        """The encoder's native writers (their tables, history and shared policies) give the
        same text, byte for byte, as the JSON-ready writers of to_dict written by the
        standard library, with orjson and without."""
        reference = json.dumps(to_dict(r), ensure_ascii=False, separators=(",", ":"))
        fast = to_json(r)
        slow = _without_orjson(to_json, r)

        assert fast == reference
        assert slow == reference

    @given(relationships(max_steps=25))
    @settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
    def test_documents_match_the_json_schema(self, r: Relationship) -> None:
        """Every document written is valid against json_schema()."""
        assert list(VALIDATOR.iter_errors(to_dict(r))) == []

    def test_the_document_carries_version_state_and_tagged_events(self) -> None:
        """ISO times with offset, ISO dates, Decimals as strings, enums by value."""
        d = to_dict(recovering(1))

        assert d["schema_version"] == ser.SCHEMA_VERSION
        assert list(d)[-1] == "history"
        assert d["stage"] == "recovering"
        assert d["opened_at"] == "2026-03-02T09:00:00+00:00"
        assert d["policy"]["max_silence"] == "P7D"
        assert d["plan"]["options"][0]["client_gain"] == "40"
        assert d["commitments"][0]["due"] == "2026-04-01"
        assert [e["type"] for e in d["history"][:3]] == [
            "RelationshipOpened",
            "SituationAssessed",
            "InternallyAligned",
        ]

    def test_with_and_without_orjson_the_results_are_identical(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Same text written, same relationship read."""
        r = recovered(2)
        fast = to_json(r)

        monkeypatch.setattr(jsontext, "_orjson", None)

        assert to_json(r) == fast
        assert from_json(fast) == r

    def test_each_policy_is_written_as_its_own(self) -> None:
        """Policies are written once and kept by identity; more of them than are kept, each
        made and dropped in turn (so their ids are reused), are still each written right."""
        for days in range(1, SHARED_MAX + 40):
            policy = Policy(max_silence=timedelta(days=days))
            r = Relationship.open("Kept Ltd", trigger="late", at=at(0), policy=policy)

            document = json.loads(to_json(r))

            assert document["policy"]["max_silence"] == f"P{days}D"
            assert document["history"][0]["policy"] == document["policy"]

    def test_values_the_state_shares_with_an_event_are_each_written_as_their_own(
        self,
    ) -> None:
        """The assessment and a plan's options, which the state holds as the event gave
        them, are written once a document; made and dropped in turn (so their ids are
        reused), and written between other documents, each is still written right."""
        other = recovering(1)
        for k in range(40):
            r = opened().assess(attrs.evolve(ASSESSMENT, root_cause=f"cause {k}"), at=at(0, 10))
            planned = summary_sent(1)
            plan = plan_for(planned)
            first = plan.options[0]
            options = (attrs.evolve(first, summary=f"option {k}"), *plan.options[1:])
            proposed = planned.propose_plan(attrs.evolve(plan, options=options), at=at(3))

            document = json.loads(to_json(r))
            to_json(other)
            proposal = json.loads(to_json(proposed))

            assert document["assessment"]["root_cause"] == f"cause {k}"
            assert document["history"][-1]["assessment"] == document["assessment"]
            assert proposal["plan"]["options"][0]["summary"] == f"option {k}"
            assert proposal["history"][-1]["plan"]["options"] == proposal["plan"]["options"]
            assert json.loads(to_json(r)) == to_dict(r)

    def test_documents_written_at_once_by_threads_are_each_their_own(self) -> None:
        """What the writers keep between calls is swapped whole: threads writing the same
        documents in the same order, whose assessments and options differ, switching as
        often as they can, each write every document right."""
        every = []
        for k in range(4):
            planned = summary_sent(1)
            plan = plan_for(planned)
            options = (attrs.evolve(plan.options[0], summary=f"option {k}"), *plan.options[1:])
            every.append(planned.propose_plan(attrs.evolve(plan, options=options), at=at(3)))
            assessment = attrs.evolve(ASSESSMENT, root_cause=f"cause {k}")
            every.append(opened().assess(assessment, at=at(0, 10)))
        expected = [to_json(r) for r in every]
        wrong: list[int] = []

        def write() -> None:
            for _ in range(300):
                for k, r in enumerate(every):
                    if to_json(r) != expected[k]:
                        wrong.append(k)

        interval = sys.getswitchinterval()
        sys.setswitchinterval(1e-6)
        try:
            threads = [threading.Thread(target=write) for _ in range(4)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        finally:
            sys.setswitchinterval(interval)

        assert wrong == []

    def test_changing_a_written_dict_changes_no_later_document(self) -> None:
        """to_dict hands out fresh values: what a caller does to them is not written again."""
        r = recovered(1)
        before = to_json(r)

        d = to_dict(r)
        d["policy"]["timezone"] = "Europe/Paris"
        d["history"][0]["policy"]["options_max"] = 9
        d["issues"][0]["examples"].append("changed")

        assert to_json(r) == before
        assert to_dict(r) != d

    @given(
        st.integers(-(24 * 3600) + 1, 24 * 3600 - 1),
        st.integers(0, 999_999),
        st.sampled_from([0, 1]),
    )
    @settings(max_examples=60)
    def test_orjson_and_json_write_any_offset_alike(
        self, offset: int, micro: int, seconds_only: int
    ) -> None:
        """orjson rounds offsets of seconds; those are written by isoformat(), identically."""
        delta = timedelta(seconds=offset) if seconds_only else timedelta(minutes=int(offset / 60))
        moment = datetime(2026, 3, 2, 9, 0, 0, micro, tzinfo=timezone(delta))
        r = Relationship.open("Zone Ltd", trigger="late", at=moment, id="zone")
        r = r.contact_client(at=moment + timedelta(hours=1), channel="call", summary="hi")
        fast = to_json(r)
        slow = _without_orjson(to_json, r)

        assert fast == slow
        assert json.loads(fast) == to_dict(r)
        assert from_json(fast) == r

    def test_a_document_of_ten_thousand_events_loads(self) -> None:
        """Large histories load, in one piece."""
        r = recovering(1)
        for k in range(10_000 - r.version):
            r = r.follow_up(at=at(4 + k // 1000), note="ok")

        loaded = from_json(to_json(r))

        assert loaded.version == 10_000
        assert loaded == r

    def test_a_document_may_leave_out_the_state(self) -> None:
        """The history alone is enough: the state is derived."""
        r = recovered(1)

        assert from_dict({"schema_version": 1, "history": to_dict(r)["history"]}) == r


class TestLoadingIsValidation:
    def test_a_snapshot_that_contradicts_the_history_is_refused(self) -> None:
        """Each contradiction with its path."""
        d = to_dict(recovered(2))
        d["stage"] = "lost"
        d["issues"][1]["title"] = "another"

        assert problems(d) == [
            '"lost" contradicts the history, which gives "recovered" @ $.stage',
            '"another" contradicts the history, which gives "problem 2" @ $.issues[1].title',
        ]

    @pytest.mark.parametrize("orjson", [True, False], ids=["orjson", "json"])
    def test_a_state_edited_in_the_written_text_is_refused(
        self, orjson: bool, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Text as the writer writes it, one value changed in place: compared as text first,
        then walked to name the contradiction, with and without orjson alike."""
        text = to_json(recovered(2))
        edited = text.replace('"stage":"recovered"', '"stage":"lost"', 1)
        reordered = text.replace('"schema_version":2,', "", 1).replace(
            '"history":', '"schema_version":2,"history":', 1
        )
        if not orjson:
            monkeypatch.setattr(jsontext, "_orjson", None)

        with pytest.raises(InvalidDocument) as refused:
            from_json(edited)

        assert refused.value.problems == (
            '"lost" contradicts the history, which gives "recovered" @ $.stage',
        )
        assert from_json(reordered) == from_json(text) == recovered(2)

    def test_a_history_that_breaks_the_method_is_refused_at_its_event(self) -> None:
        """Without the written summary, the proposal breaks WRITTEN_FOLLOW_UP."""
        d = to_dict(recovered(1))
        position = next(i for i, e in enumerate(d["history"]) if e["type"] == "WrittenSummarySent")
        del d["history"][position]

        (problem,) = problems({"schema_version": 1, "history": d["history"]})

        assert problem.startswith("PlanProposed breaks the method: [WRITTEN_FOLLOW_UP]")
        assert problem.endswith(f"@ $.history[{position}]")

    def test_reordered_events_are_refused(self) -> None:
        """Out of order in time."""
        d = to_dict(recovered(1))
        d["history"][2], d["history"][3] = d["history"][3], d["history"][2]

        assert problems(d) == [
            "ClientMet breaks the method: [ALIGN_FIRST] internal leadership has not approved an"
            " approach — “Having Difficult Discussions with Clients” (Mueller) §4 —"
            " Share the assessment with leadership and agree how to handle the situation."
            " @ $.history[2]"
        ]

    def test_every_type_problem_is_listed_with_its_path(self) -> None:
        """Not only the first."""
        d = to_dict(opened())
        d["history"][0]["at"] = "2026-03-02T09:00:00"
        d["history"][0]["policy"]["max_silence"] = "7 days"
        d["history"][0]["raised_by"] = "someone"
        d["history"][0]["surprise"] = True

        assert sorted(problems({"schema_version": 1, "history": d["history"]})) == sorted(
            [
                "'2026-03-02T09:00:00' has no UTC offset @ $.history[0].at",
                "'7 days' is not an ISO 8601 duration such as 'P2D' or 'PT36H'"
                " @ $.history[0].policy.max_silence",
                "'someone' is not a Party (one of 'client', 'provider') @ $.history[0].raised_by",
                "extra fields found (surprise) @ $.history[0]",
            ]
        )

    @pytest.mark.parametrize(
        ("document", "expected"),
        [
            ([], "expected a document object, got an array @ $"),
            ({"history": []}, "expected schema_version as an integer, got null @ $.schema_version"),
            ({"schema_version": 99, "history": []}, "schema_version 99 is newer than this library"),
            ({"schema_version": 1}, "expected the history as an array, got null @ $.history"),
            ({"schema_version": 1, "history": []}, "the history is empty"),
            ({"schema_version": 1, "history": [{"type": "Nope"}]}, "unknown event type 'Nope'"),
            ({"schema_version": 1, "history": [], "x": 1}, "unknown key 'x' @ $"),
        ],
    )
    def test_malformed_documents_say_what_and_where(self, document: Any, expected: str) -> None:
        """Clear messages for the common mistakes."""
        assert any(expected in p for p in problems(document)), problems(document)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("{", "not valid JSON"),
            (b"\xff\xfe{}", "not UTF-8 (invalid start byte at byte 0)"),
            ("[" * 100_000 + "]" * 100_000, "@ $"),
            ('{"schema_version": 1' + ', "n": ' + "9" * 5000 + "}", "not valid JSON"),
        ],
    )
    def test_bad_json_text_is_an_invalid_document(self, text: str | bytes, expected: str) -> None:
        """Truncated, not UTF-8, nested too deeply, numbers too long."""
        assert any(expected in p for p in problems(text))


class TestVersions:
    def test_an_older_document_is_upgraded_by_the_registry(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The checked-in fixture uses a test-only layout numbered 0 (durations in seconds, the
        event tag under "event"); registering its upgrade makes it load."""
        old = json.loads((FIXTURES / "relationship-v0.json").read_text())
        assert problems(old) == [
            "schema_version 0 is not supported (no upgrade) @ $.schema_version"
        ]

        def upgrade(d: dict[str, Any]) -> dict[str, Any]:
            for event in d["history"]:
                event["type"] = event.pop("event")
            for policy in (d["policy"], d["history"][0]["policy"]):
                for key in ("min_warning_lead", "max_silence"):
                    policy[key] = f"PT{policy[key]}S"
            return d

        monkeypatch.setitem(ser.UPGRADES, 0, upgrade)
        with pytest.raises(InvalidDocument, match="contradicts"):
            from_dict(old)  # "PT172800S" is read fine, but the snapshot is written as "P2D"
        assert "event" in old["history"][0]  # the caller's document was not changed

        monkeypatch.setitem(ser.UPGRADES, 0, lambda d: d["no such key"])
        assert problems(old) == [
            "cannot upgrade from schema_version 0 (KeyError('no such key')) @ $"
        ]

        def upgrade_normalised(d: dict[str, Any]) -> dict[str, Any]:
            d = upgrade(d)
            for policy in (d["policy"], d["history"][0]["policy"]):
                for key in ("min_warning_lead", "max_silence"):
                    policy[key] = ser.duration_to_str(ser.duration_from_str(policy[key]))
            return d

        monkeypatch.setitem(ser.UPGRADES, 0, upgrade_normalised)
        assert from_dict(old).stage.value == "recovered"

    def test_a_version_1_document_loads_with_the_new_fields_defaulted(self) -> None:
        """The article 003 story as the previous release wrote it (schema_version 1)."""
        text = (FIXTURES / "relationship-v1.json").read_text(encoding="utf-8")
        assert json.loads(text)["schema_version"] == 1

        r = from_json(text)

        assert (r.stage.value, r.version, r.account) == ("recovered", 56, None)
        assert r.policy.guidance_on_record is True
        assert r.policy.max_days_to_meet == 3
        assert all(i.client_words == "" for i in r.issues)
        assert from_json(to_json(r)) == r

    def test_durations_read_and_write_as_iso_8601(self) -> None:
        """Both directions."""
        from datetime import timedelta

        for delta, text in [
            (timedelta(days=2), "P2D"),
            (timedelta(hours=36), "P1DT12H"),
            (timedelta(0), "PT0S"),
            (timedelta(minutes=90), "PT1H30M"),
        ]:
            assert ser.duration_to_str(delta) == text
            assert ser.duration_from_str(text) == delta


class TestJsonLines:
    def test_a_portfolio_round_trips_one_document_per_line(self) -> None:
        """Written and read lazily."""
        cases = [recovered(1), recovering(2), opened()]
        out = io.StringIO()

        assert dump_jsonl(cases, out) == 3
        assert list(load_jsonl(io.StringIO(out.getvalue()))) == cases

    def test_a_bad_line_is_reported_by_number_or_skipped(self) -> None:
        """Stop at it by default; go on when the caller says so."""
        lines = [to_json(opened()), "", "{not json", to_json(recovered(1))]

        with pytest.raises(InvalidDocument, match=r"line 3: not valid JSON"):
            list(load_jsonl(lines))
        seen: list[int] = []
        loaded = list(load_jsonl(lines, on_error=lambda n, _: seen.append(n)))
        assert (seen, len(loaded)) == ([3], 2)


class TestSchema:
    def test_the_schema_is_valid_2020_12_and_refuses_bad_documents(self) -> None:
        """Generated from the classes, usable by any validator."""
        jsonschema.Draft202012Validator.check_schema(json_schema())
        d = to_dict(recovered(1))
        d["stage"] = "gone"
        d["history"][1]["at"] = 5
        del d["history"][2]["approved_by"]

        messages = [e.message for e in VALIDATOR.iter_errors(d)]

        assert len(messages) >= 3

    def test_every_event_type_has_a_definition(self) -> None:
        """One per class, tagged by its name."""
        defs = json_schema()["$defs"]

        assert len(defs["Event"]["oneOf"]) == len(ser.EVENT_TYPES)
        assert defs["PlanAgreed"]["properties"]["type"] == {"const": "PlanAgreed"}


class TestFastReader:
    """Documents are read by generated functions, and by the converter only to explain."""

    def test_a_class_annotations_are_evaluated_once_and_shared_read_only(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The readers ask for the relationship's annotations once per snapshot field: they
        are evaluated on the first ask only, and no caller can change the shared mapping."""
        import typing

        asked: list[object] = []
        evaluate = typing.get_type_hints

        def counted(owner: Any) -> dict[str, Any]:
            asked.append(owner)
            return evaluate(owner)

        monkeypatch.setattr(typing, "get_type_hints", counted)
        type_hints.cache_clear()
        try:
            first, again = type_hints(Relationship), type_hints(Relationship)
            assert asked == [Relationship]
            assert first is again
            assert dict(first) == evaluate(Relationship)
            with pytest.raises(TypeError):
                first["stage"] = int  # type: ignore[index]
        finally:
            type_hints.cache_clear()

    @given(relationships(max_steps=40))
    @settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
    def test_the_fast_reader_takes_every_written_history(self, r: Relationship) -> None:
        """What to_dict writes, the fast reader reads back equal, without the converter."""
        history = to_dict(r)["history"]

        assert ser._events_fast(history) == list(r.history)

    @pytest.mark.parametrize(
        ("event", "key", "value"),
        [
            ("IssueRaised", "category", 3),  # an enum by a number
            ("IssueRaised", "category", "urgent"),  # not a member
            ("IssueRaised", "title", " "),  # required text, only white space
            ("IssueRaised", "actor", ""),  # optional text, but empty
            ("IssueRaised", "issue_id", None),
            ("IssueRaised", "at", "2026-03-02T09:00:00"),  # no offset
            ("IssueRaised", "extra", "x"),  # an unknown key
            ("ClientMet", "willing", 1),  # a number for a boolean
            ("PlanProposed", "plan.initiatives.0.priority", 0),  # a validator of its own
            ("PlanProposed", "plan.initiatives.0.priority", True),  # a boolean for a number
            ("PlanProposed", "plan.initiatives.0.due", "2026-03-10T00:00:00+00:00"),
            ("PlanProposed", "plan.initiatives.1.id", "A1"),  # the plan's own check: twice
            ("PlanProposed", "plan.options.0.client_gain", "NaN"),
            ("PlanProposed", "plan.options.0.client_gain", "1" * 101),
            ("PlanProposed", "plan.options.0.client_gain", 1.5),  # a float, not exact
            ("PlanProposed", "plan.initiatives.0.addresses", "I1"),  # a string, not a list
            ("RelationshipOpened", "policy.workdays", [0, 9]),  # a converter of its own
            ("RelationshipOpened", "policy.timezone", "Mars/Olympus"),
            ("RelationshipOpened", "policy.min_warning_lead", "P0D"),
            ("RelationshipOpened", "policy.severities", {"STAGE_ORDER": "info"}),
        ],
    )
    def test_the_fast_reader_refuses_what_the_converter_refuses(
        self, event: str, key: str, value: Any
    ) -> None:
        """Never looser than the converter: the converter then names the problem."""
        history = to_dict(recovered(2))["history"]
        item = next(e for e in history if e["type"] == event)
        *parents, last = key.split(".")
        node = item
        for step in parents:
            node = node[int(step)] if isinstance(node, list) else node[step]
        node[last] = value

        with pytest.raises(Exception):  # noqa: B017, PT011 - any failure sends it on
            ser._events_fast([item])
        with pytest.raises(InvalidDocument, match=r"@ \$\.history\[0\]"):
            ser._events_explained([item])

    def test_combined_validators_run_only_their_parts_not_implied(self) -> None:
        """Inside and_() and optional(), a type check the reader makes is not run again;
        every other part is."""
        calls: list[object] = []

        def positive(inst: object, attribute: object, value: int) -> None:
            calls.append(value)
            if value < 1:
                raise ValueError(value)

        @attrs.frozen
        class Sample:
            n: int = attrs.field(validator=attrs.validators.and_(instance_of(int), positive))
            m: int | None = attrs.field(
                default=None,
                validator=attrs.validators.optional([instance_of(int), positive]),
            )

        codec = Codec({}, ser.duration_from_str, ser.duration_to_str)
        read = codec.reader(Sample)

        expected = [Sample(1, 2), Sample(3)]
        calls.clear()

        assert [read({"n": 1, "m": 2}), read({"n": 3, "m": None})] == expected
        assert calls == [1, 2, 3]
        for bad in ({"n": 0}, {"n": 1, "m": 0}, {"n": "1"}, {"n": 1, "m": "2"}):
            with pytest.raises(Exception):  # noqa: B017, PT011 - any failure sends it on
                read(bad)
        source = codec.sources[codec._readers[Sample]]
        assert source.count("(new, _attribute_") == 2  # positive, twice; no instance_of

    def test_an_unknown_key_in_place_of_a_known_one_is_refused(self) -> None:
        """The same number of keys is not the same keys: with or without the type tag."""
        item = next(e for e in to_dict(recovered(2))["history"] if e["type"] == "IssueRaised")
        swapped = {k: v for k, v in item.items() if k != "detail"} | {"details": ""}
        untagged = {k: v for k, v in item.items() if k != "type"} | {"kind": "x"}

        for bad in (swapped, untagged):
            with pytest.raises(Exception):  # noqa: B017, PT011 - any failure sends it on
                ser._CODEC.reader(ev.IssueRaised)(bad)
        with pytest.raises(InvalidDocument, match="details"):
            ser._events_explained([swapped])

    def test_documents_with_equal_policies_share_one_policy(self) -> None:
        """A policy is immutable; a portfolio that repeats one holds it once."""
        first, second = to_dict(opened()), to_dict(opened())
        other = to_dict(opened(Policy(timezone="Europe/Berlin")))

        a, b, c = from_dict(first), from_dict(second), from_dict(other)

        assert a.policy is b.policy
        assert c.policy == Policy(timezone="Europe/Berlin")
        assert c.policy is not a.policy

    def test_a_refused_history_is_explained_with_every_problem(self) -> None:
        """Two bad events: the detailed reader lists both, with their paths."""
        document = to_dict(recovered(2))
        document["history"][1]["at"] = "yesterday"
        document["history"][2]["approved_by"] = ""

        found = problems(document)

        assert any("$.history[1].at" in p for p in found)
        assert any("approved_by" in p and p.endswith("@ $.history[2]") for p in found)


# --- robustness: only InvalidDocument comes out ----------------------------------------------

BASE = to_dict(recovered(2))


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(node, dict):
        for k, v in node.items():
            found += _paths(v, (*path, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            found += _paths(v, (*path, i))
    return found


PATHS = _paths(BASE)[1:]
# Well-formed values at the edges: of Python's calendar, of a timedelta, of the policy's limits.
EXTREMES = [
    "0001-01-01T00:00:00+14:00",
    "0001-01-01T00:00:00-14:00",
    "1899-12-31T23:59:59+00:00",
    "1900-01-01T00:00:00+14:00",
    "2999-12-31T23:59:59-14:00",
    "3000-01-01T00:00:00+00:00",
    "9999-12-31T23:59:59.999999-14:00",
    "0001-01-01",
    "1899-12-31",
    "1900-01-01",
    "2999-12-31",
    "9999-12-31",
    "P999999999D",
    "P99999999999D",
    "PT99999999999H",
    0,
    52,
    53,
    365,
    366,
    999_999_999,
    10**18,
    -(10**18),
]
DEEP = "\x00deep"  # a value the test writes as arrays nested thousands deep
JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**30), 10**30),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    st.sampled_from(["2026-13-45T99:00:00+00:00", "P", "-1", "1e999999", "NaN", "client"]),
    st.just(DEEP),
    st.sampled_from(EXTREMES),
)


@given(st.data())
@settings(max_examples=3000, suppress_health_check=[HealthCheck.too_slow])
def test_mutated_documents_only_ever_raise_invalid_document(data: st.DataObject) -> None:
    """Wrong types, huge numbers, deep nesting, deleted and reordered events and keys,
    truncations, invalid bytes; read with orjson and with the standard library."""
    doc = json.loads(json.dumps(BASE))
    for _ in range(data.draw(st.integers(1, 3))):
        kind = data.draw(st.sampled_from(["replace", "delete", "swap", "truncate", "bytes"]))
        path = data.draw(st.sampled_from(PATHS))
        parent: Any = doc
        try:
            for step in path[:-1]:
                parent = parent[step]
            if kind == "replace":
                parent[path[-1]] = data.draw(JUNK)
            elif kind == "delete":
                del parent[path[-1]]
            elif kind == "swap" and isinstance(parent, list) and len(parent) > 1:
                i, j = (
                    data.draw(st.integers(0, len(parent) - 1)),
                    data.draw(st.integers(0, len(parent) - 1)),
                )
                parent[i], parent[j] = parent[j], parent[i]
        except (KeyError, IndexError, TypeError):
            pass  # the path no longer exists after an earlier mutation
    depth = data.draw(st.sampled_from([2, 600, 1100, 5000, 100_000]))
    nested = b"[" * depth + b"]" * depth
    text = json.dumps(doc).encode().replace(json.dumps(DEEP).encode(), nested)
    if kind == "truncate":
        text = text[: data.draw(st.integers(0, len(text)))]
    elif kind == "bytes":
        cut = data.draw(st.integers(0, len(text)))
        text = text[:cut] + data.draw(st.binary(min_size=1, max_size=4)) + text[cut:]

    _the_fast_reader_is_never_looser(text)
    outcome: Relationship | InvalidDocument
    saved = jsontext._orjson
    if data.draw(st.booleans(), label="without orjson"):
        jsontext._orjson = None
    try:
        outcome = from_json(text)
    except InvalidDocument as refused:  # one possible outcome, not the expectation
        outcome = refused
    finally:
        jsontext._orjson = saved
    assert isinstance(outcome, Relationship) or outcome.problems


def _replaced(path: tuple[Any, ...], value: object) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(json.dumps(BASE))
    parent: Any = doc
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = value
    return doc


def _at(node: Any, path: tuple[Any, ...]) -> object:
    for step in path:
        node = node[step]
    return node


def _timely(value: object) -> bool:
    """A number, or the text of a date, a time or a duration."""
    if isinstance(value, str):
        return re.fullmatch(r"\d{4}-\d\d-\d\d(T.*)?|P[\dDTHMS.]+", value) is not None
    return isinstance(value, int) and not isinstance(value, bool)


TIMELY = [p for p in PATHS if p[0] == "history" and _timely(_at(BASE, p))]


@pytest.mark.parametrize("path", TIMELY, ids=str)
def test_every_value_at_the_edges_loads_or_is_refused_by_name(path: tuple[Any, ...]) -> None:
    """Every number, date, time and duration of a history, in turn, replaced by each edge
    value: each loads, or is refused as an InvalidDocument; never an OverflowError."""
    for value in EXTREMES:
        text = json.dumps(_replaced(path, value)).encode()
        _the_fast_reader_is_never_looser(text)
        outcome: Relationship | InvalidDocument
        try:
            outcome = from_json(text)
        except InvalidDocument as refused:  # one possible outcome, not the expectation
            outcome = refused
        assert isinstance(outcome, Relationship) or outcome.problems


def test_a_placeholder_date_is_refused_with_its_path() -> None:
    """0001-01-01 at +14:00 is before Python's first UTC instant; named, not an overflow."""
    history = BASE["history"]
    k = next(i for i, e in enumerate(history) if e["type"] == "ResponsePromised")
    placeholder = _replaced(("history", 3, "at"), "0001-01-01T00:00:00+14:00")
    too_late = _replaced(("history", k, "by"), "9999-12-31")

    for document, path, shown in (
        (placeholder, "$.history[3].at", "0001-01-01T00:00:00+14:00"),
        (too_late, f"$.history[{k}].by", "9999-12-31"),
    ):
        with pytest.raises(InvalidDocument) as refused:
            from_dict(document)
        assert any(
            path in p and f"must fall in the years 1900 to 2999, got {shown}" in p
            for p in refused.value.problems
        ), refused.value.problems


def _the_fast_reader_is_never_looser(text: bytes) -> None:
    """Whatever history the fast reader accepts, the converter accepts and reads equal."""
    try:
        history = json.loads(text)["history"]
        fast = ser._events_fast(history)
    except Exception:
        return
    assert ser._events_explained(history) == fast


def test_json_lines_name_what_is_not_lines_or_relationships() -> None:
    """A line that is not text is a bad line, by number; no lines or no relationships at
    all is an InvalidValue, never Python's TypeError."""
    with pytest.raises(InvalidDocument, match=r"line 2: expected JSON text or bytes, got int"):
        list(load_jsonl([to_json(opened()), 7]))  # type: ignore[list-item]
    with pytest.raises(InvalidValue, match=r"load_jsonl: must be an iterable of lines"):
        list(load_jsonl(None))  # type: ignore[arg-type]
    with pytest.raises(InvalidValue, match=r"dump_jsonl: must be an iterable of relationships"):
        dump_jsonl(None, io.StringIO())  # type: ignore[arg-type]


def test_a_time_in_the_hour_that_clocks_repeat_round_trips() -> None:
    """01:30 happens twice in London on 2026-10-25; the event keeps the offset in effect, so
    the document loads back equal (PEP 495 makes such a time unequal across zones)."""
    london = tz.gettz("Europe/London")
    twice = datetime(2026, 10, 25, 1, 30, tzinfo=london)
    r = Relationship.open("Fold Ltd", trigger="late", at=twice, id="fold")
    later = r.contact_client(at=twice.replace(fold=1), channel="call", summary="again")

    assert from_json(to_json(later)) == later
    assert [e.at.isoformat() for e in later.history] == [
        "2026-10-25T01:30:00+01:00",
        "2026-10-25T01:30:00+00:00",
    ]


class TestOneVerdict:
    """What the writer cannot write is refused when given; both parsers judge alike."""

    @pytest.mark.parametrize(
        "text",
        [
            b"\xef\xbb\xbf" + to_json(opened()).encode(),
            "\ufeff" + to_json(opened()),
            to_json(opened()).replace('"artwork', '"\\ud800artwork').encode(),
            to_json(opened()).replace('"artwork', '"\udc00artwork'),
            to_json(opened()).encode("utf-16"),
            to_json(opened()).replace('"client":', '"id":"x","client":'),
            to_json(opened()).replace(
                f'"schema_version":{SV}', f'"schema_version":{SV}' + "0" * 30
            ),
            to_json(opened()).replace(f'"schema_version":{SV}', '"schema_version":NaN'),
        ],
        ids=["bom", "bom-text", "escaped-surrogate", "surrogate", "utf16", "dup", "bigint", "nan"],
    )
    def test_both_parsers_refuse_the_same_bytes(self, text: str | bytes) -> None:
        saved = jsontext._orjson
        verdicts = []
        try:
            for parser in (saved, None):
                jsontext._orjson = parser
                with pytest.raises(InvalidDocument) as refused:
                    from_json(text)
                verdicts.append(refused.value.problems[0].split(" @ ")[-1])
        finally:
            jsontext._orjson = saved
        assert verdicts[0] == verdicts[1]

    @pytest.mark.parametrize(
        "number",
        ["9" * 309, "-" + "9" * 400, "9" * 5000, "1e400", "-1e400", "1" * 400 + ".5"],
        ids=["309-digits", "negative-400-digits", "5000-digits", "1e400", "-1e400", "fraction"],
    )
    def test_a_number_beyond_any_double_is_refused_by_both(self, number: str) -> None:
        """orjson refuses a number no double holds; the standard library would read it as
        ``inf``, or as an ``int`` whose conversion to a float overflowed (an untyped
        ``OverflowError`` from every loader). Both say it the same way."""
        documents = [
            to_json(opened()).replace(f'"schema_version":{SV}', f'"schema_version":{number}'),
            f'{{"max_wait": {number}}}',
        ]
        saved = jsontext._orjson
        verdicts = []
        try:
            for parser in (saved, None):
                jsontext._orjson = parser
                for load in (
                    from_json,
                    lambda text: list(load_jsonl([text])),
                    ser.policy_from_json,
                ):
                    for text in documents:
                        with pytest.raises(InvalidDocument) as refused:
                            load(text)
                        problem = refused.value.problems[0]
                        assert "not valid JSON (number is infinity when parsed as double" in problem
                        verdicts.append(problem.split(" @ ")[-1])
        finally:
            jsontext._orjson = saved
        half = len(verdicts) // 2
        assert verdicts[:half] == verdicts[half:]

    @pytest.mark.parametrize(
        "number",
        [
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "-9223372036854775809",
            "1" + "0" * 308,
            "17976931348623158" + "0" * 292,
            "1.7976931348623157e308",
            "1e-400",
            "-0.0",
        ],
    )
    def test_numbers_a_double_holds_read_alike_by_both(self, number: str) -> None:
        saved = jsontext._orjson
        read = []
        try:
            for parser in (saved, None):
                jsontext._orjson = parser
                value = jsontext._loads(f"[{number}]", "$")[0]
                read.append((type(value), value))
        finally:
            jsontext._orjson = saved
        assert read[0] == read[1]

    @pytest.mark.parametrize(
        "data",
        [
            b"\xff",
            to_json(opened()).replace('"artwork', '"\xffartwork').encode("latin-1"),
            to_json(opened()).encode("utf-16"),
            b'{"a": "\xed\xa0\x80"}',  # a surrogate written as UTF-8 bytes
        ],
        ids=["lone-byte", "inside", "utf16", "encoded-surrogate"],
    )
    def test_bytes_that_are_not_utf8_are_said_so_by_both(self, data: bytes) -> None:
        saved = jsontext._orjson
        verdicts = []
        try:
            for parser in (saved, None):
                jsontext._orjson = parser
                with pytest.raises(InvalidDocument, match=r"not UTF-8 \(.* at byte \d+\)") as bad:
                    from_json(data)
                verdicts.append(bad.value.problems)
        finally:
            jsontext._orjson = saved
        assert verdicts[0] == verdicts[1]

    @pytest.mark.parametrize("twice", ['"actor":null', '"client":"Halden Foods"'])
    def test_a_key_given_twice_in_the_history_is_refused_by_both(self, twice: str) -> None:
        """Even with the same value both times, where keeping either would load: a document
        that holds a key twice is no document this library wrote."""
        text = to_json(recovered(1))
        start = text.index('"history":')
        doubled = text[:start] + text[start:].replace(twice, f"{twice},{twice}", 1)
        saved = jsontext._orjson
        verdicts = []
        try:
            for parser in (saved, None):
                jsontext._orjson = parser
                with pytest.raises(InvalidDocument, match="duplicate key") as refused:
                    from_json(doubled)
                verdicts.append(refused.value.problems)
        finally:
            jsontext._orjson = saved
        assert verdicts[0] == verdicts[1]
        assert from_json(text) == recovered(1)

    @given(relationships(max_steps=20), st.data())
    @settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
    def test_a_text_as_written_loads_from_its_history_alone_as_the_whole_load_does(
        self, r: Relationship, data: st.DataObject
    ) -> None:
        """The load that leaves the state's text unparsed takes exactly the texts this
        library writes, and gives what the whole load gives; of a text changed anywhere (the
        state, the history, a key twice, the history's key inside the state) it gives the
        relationship the whole load gives, or leaves it to the whole load, which alone gives
        a verdict then (a time written with a space, say, both read alike)."""
        text = to_json(r).encode()
        fast = ser._as_written(text)
        assert fast is not None
        assert fast == ser._loaded(json.loads(text), None, text) == r
        assert fast.history == r.history
        assert to_json(fast) == text.decode()
        cut = data.draw(st.integers(0, len(text) - 1), label="where")
        changes = [
            text[:cut] + text[cut + 1 :],  # a byte left out
            text[:cut] + b" " + text[cut:],  # white space, still valid JSON maybe
            text.replace(b'"stage":', b'"stage":"lost","stage":', 1),  # a state key twice
            text.replace(b'"at":', b'"at":"2026-03-02T09:00:00+00:00","at":', 1),
            text.replace(b'{"schema_version"', b'{"history":[],"schema_version"', 1),
            text.replace(b',"history":', b',"lessons":[],"history":', 1),
            text[:-1] + b',"history":[]}',
        ]
        for changed in changes:
            if changed == text:
                continue
            whole: Relationship | str
            try:
                whole = ser._loaded(json.loads(changed), None, None, changed)
            except (InvalidDocument, ValueError) as refused:
                whole = str(refused)
            got = ser._as_written(changed)
            assert got is None or (got == whole and got.history == whole.history)  # type: ignore[union-attr]

    def test_the_state_unparsed_is_still_checked(self) -> None:
        """A state edited in the text, or a key the history holds twice, is refused with
        the whole load's own words: the load from the history alone never gives a verdict."""
        text = to_json(recovered(1))
        edited = text.replace('"stage":"recovered"', '"stage":"lost"', 1)
        assert ser._as_written(edited.encode()) is None
        with pytest.raises(InvalidDocument) as refused:
            from_json(edited)
        assert refused.value.problems == (
            '"lost" contradicts the history, which gives "recovered" @ $.stage',
        )
        start = text.index('"history":')
        doubled = text[:start] + text[start:].replace(
            '"actor":null', '"actor":null,"actor":null', 1
        )
        assert ser._as_written(doubled.encode()) is None
        with pytest.raises(InvalidDocument, match="duplicate key"):
            from_json(doubled)

    def test_a_pretty_printed_document_loads_under_both(self) -> None:
        """Not as this library writes it, but valid: accepted by both parsers."""
        r = recovered()
        pretty = json.dumps(json.loads(to_json(r)), indent=2)
        saved = jsontext._orjson
        try:
            for parser in (saved, None):
                jsontext._orjson = parser
                assert from_json(pretty) == r
        finally:
            jsontext._orjson = saved

    def test_a_lone_surrogate_is_refused_when_given(self) -> None:
        with pytest.raises(InvalidValue, match="lone surrogate"):
            in_discovery().follow_up(at=at(2), note="checked \ud800")
        with pytest.raises(InvalidValue, match="lone surrogate"):
            Relationship.open("Acme\udfff", trigger="t", at=at(0))

    @given(
        relationships(),
        st.data(),
        st.sampled_from(["\ud800", "a\udfffb"]),
        st.booleans(),
    )
    @settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
    def test_a_lone_surrogate_in_a_dict_is_refused_by_from_dict(
        self, r: Relationship, data: st.DataObject, lone: str, as_key: bool
    ) -> None:
        """No JSON reader gives one, but a dict can: loading it would keep a case that
        can never be written."""
        document = json.loads(to_json(r))
        event = data.draw(st.sampled_from(document["history"]), label="event")
        field = data.draw(st.sampled_from(sorted(event)), label="field")
        if as_key:
            event[lone] = event.pop(field)
        else:
            event[field] = lone

        with pytest.raises(InvalidDocument, match=r"lone surrogate .* @ \$\.history\["):
            from_dict(document)

    def test_an_integer_beyond_64_bits_is_refused_when_given(self) -> None:
        with pytest.raises(InvalidValue, match="beyond 64 bits"):
            Policy(options_max=2**64)

    def test_a_datetime_subclass_is_recorded_as_a_plain_datetime(self) -> None:
        """pandas.Timestamp and the like: converted, so the document loads back equal."""
        pandas = pytest.importorskip("pandas")
        moment = pandas.Timestamp("2026-03-04 10:00", tz="Europe/Berlin")
        r = in_discovery().follow_up(at=moment, note="checked")
        assert type(r.last_event.at) is datetime
        assert from_json(to_json(r)) == r
        with pytest.raises(InvalidValue, match="nanoseconds"):
            in_discovery().follow_up(at=moment + pandas.Timedelta(nanoseconds=5), note="checked")


class TestReceiversPolicy:
    def relaxed_case(self) -> tuple[Relationship, Policy]:
        """A plan proposed without the written summary, which the case's policy allows."""
        lenient = Policy(min_days_before_plan=0, severities={"WRITTEN_FOLLOW_UP": "warning"})
        r = planning(policy=lenient)
        return r.propose_plan(plan_for(r), at=at(3)), Policy()

    def test_a_document_is_judged_under_the_receivers_policy(self) -> None:
        r, strict = self.relaxed_case()
        text = to_json(r)
        assert from_json(text) == r
        with pytest.raises(InvalidDocument) as refused:
            from_json(text, policy=strict)
        problems = refused.value.problems
        assert any("WRITTEN_FOLLOW_UP" in p for p in problems)
        assert problems[-1] == (
            "the document's own policy relaxes the receiver's: WRITTEN_FOLLOW_UP (error →"
            " warning); min_days_before_plan 0 (the receiver's: 1) @ $.history[0].policy"
        )

    def test_a_looser_quick_win_or_meeting_threshold_is_named(self) -> None:
        """The thresholds of the method's own rules, not only those of the clock."""
        strict = Policy(severities={"QUICK_WIN_FIRST": "error", "MEET_SWIFTLY": "error"})
        lenient = attrs.evolve(strict, quick_win_within=30, max_days_to_meet=30)
        r = summary_sent(policy=lenient)
        r = r.propose_plan(plan_for(r, quick_due=day(25)), at=at(3))
        with pytest.raises(InvalidDocument) as refused:
            from_json(to_json(r), policy=strict)
        assert refused.value.problems[-1] == (
            "the document's own policy relaxes the receiver's: max_days_to_meet 30 (the"
            " receiver's: 3); quick_win_within 30 (the receiver's: 10) @ $.history[0].policy"
        )

    def test_every_threshold_a_policy_loosens_is_a_relaxation(self) -> None:
        looser = Policy(max_days_to_summary=5, max_wait=20, max_days_to_meet=4)
        assert ser.relaxations(looser, Policy()) == [
            "max_days_to_meet 4 (the receiver's: 3)",
            "max_days_to_summary 5 (the receiver's: 1)",
            "max_wait 20 (the receiver's: 10)",
        ]
        assert ser.relaxations(Policy(), looser) == []

    def test_a_document_that_passes_keeps_its_own_policy(self) -> None:
        r = recovered()
        loaded = from_json(to_json(r), policy=Policy(min_days_before_plan=0))
        assert loaded == r
        assert loaded.policy == r.policy

    def test_the_store_and_jsonl_judge_under_the_receivers_policy(self) -> None:
        from clientrecovery import SQLiteStore

        r, strict = self.relaxed_case()
        with pytest.raises(InvalidDocument, match="relaxes the receiver's"):
            list(load_jsonl([to_json(r)], policy=strict))
        with SQLiteStore(":memory:") as store:
            store.save(r)
            assert store.load(r.id) == r
            with pytest.raises(InvalidDocument, match="relaxes the receiver's"):
                store.load(r.id, policy=strict)
            assert any("relaxes the receiver's" in p for p in store.verify(policy=strict))

    def test_a_policy_that_is_not_one_is_refused(self) -> None:
        with pytest.raises(InvalidValue, match="must be a Policy"):
            from_json(to_json(opened()), policy="strict")  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("caller", "call"),
        [
            ("from_json", lambda store, text: from_json("not JSON", policy="strict")),
            ("from_dict", lambda store, text: from_dict({}, policy="strict")),
            ("load_jsonl", lambda store, text: list(load_jsonl([text], policy="strict"))),
            ("load", lambda store, text: store.load("no-such-case", policy="strict")),
            ("relationships", lambda store, text: list(store.relationships(policy="strict"))),
            ("verify", lambda store, text: store.verify(policy="strict")),
            ("import_jsonl", lambda store, text: store.import_jsonl([text], policy="strict")),
        ],
    )
    def test_a_policy_that_is_not_one_is_named_by_its_caller_before_anything_is_read(
        self, caller: str, call: Any
    ) -> None:
        """Not the document's problem (text that is not JSON), nor an unknown case, nor
        another function's name: the argument itself, as the caller passed it; and nothing
        is imported."""
        from clientrecovery import SQLiteStore

        text = to_json(opened())
        with SQLiteStore(":memory:") as store:
            with pytest.raises(InvalidValue) as refusal:
                call(store, text)
            assert str(refusal.value).startswith(f"{caller}(policy=...): must be a Policy")
            assert store.list() == ()


class TestWrongArgumentsAreNamed:
    """A caller's mistake is an InvalidValue naming the argument, before anything is read
    or written: not an AttributeError or TypeError from inside."""

    @pytest.mark.parametrize("out", [None, io.BytesIO(), "cases.jsonl"])
    def test_dump_jsonl_needs_a_text_file(self, out: Any) -> None:
        with pytest.raises(InvalidValue, match=r"dump_jsonl\(out=...\): must be a text file"):
            ser.dump_jsonl([recovering()], out)

    def test_load_jsonl_needs_a_function_on_error(self) -> None:
        with pytest.raises(InvalidValue, match=r"load_jsonl\(on_error=...\): must be a function"):
            list(ser.load_jsonl(["{"], on_error="print"))  # type: ignore[arg-type]
