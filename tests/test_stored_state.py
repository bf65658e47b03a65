"""A keyed store's own state: believed only when its link verifies, and equal to the truth."""

from __future__ import annotations

import copy
import pickle
import sqlite3
from datetime import timedelta
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from clientrecovery import (
    InvalidDocument,
    Relationship,
    SQLiteStore,
    _sqlite_layout,
    _sqlite_load,
    _stored_state,
    from_json,
    to_json,
)
from clientrecovery import store as store_module
from clientrecovery._lazy_logs import LazyLog
from clientrecovery._records import replace
from clientrecovery.examples import design_firm, masterclass
from tests.builders import promises_settled_badly, recovering, work_finished_late
from tests.strategies import relationships

KEY = b"a secret of thirty-two bytes!!!!"


@pytest.fixture
def rebuilds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the relationships rebuilt from a state (the fast path), as they are."""
    made: list[str] = []
    real = _sqlite_load.rebuilt

    def spy(snapshot: bytes, state: bytes, payloads: Any, **how: Any) -> Relationship | None:
        found = real(snapshot, state, payloads, **how)
        if found is not None:
            made.append(found.id)
        return found

    monkeypatch.setattr(_sqlite_load, "rebuilt", spy)
    return made


def raw(path: str) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def truth(r: Relationship) -> Relationship:
    """The relationship as the full validated load gives it."""
    return from_json(to_json(r))


def same_state(loaded: Relationship, expected: Relationship) -> None:
    """Equal, and equal in what equality does not compare: the advice and the indexes."""
    assert loaded == expected
    assert loaded.history == expected.history
    assert loaded.plan_advice == expected.plan_advice
    assert dict(loaded.issue_advice) == dict(expected.issue_advice)
    assert loaded._issue_pos.keys() == expected._issue_pos.keys()
    for name in ("_commitment_pos", "_initiative_pos", "_work_for"):
        assert dict(getattr(loaded, name)) == dict(getattr(expected, name)), name
    later = loaded.last_event.at + timedelta(days=3)
    assert loaded.findings(later) == expected.findings(later)
    ignored = {"_log", "_cache", "_issue_pos", "_ended"}
    assert {k: v for k, v in loaded.__dict__.items() if k not in ignored} == {
        k: v for k, v in expected.__dict__.items() if k not in ignored
    }


def follow(r: Relationship, note: str = "checked") -> Relationship:
    return r.follow_up(at=r.last_event.at + timedelta(hours=1), note=note)


class TestFastPath:
    def test_a_keyed_load_is_rebuilt_from_the_state_and_equals_the_validated_load(
        self, path: str, rebuilds: list[str]
    ) -> None:
        cases = [masterclass(), design_firm(), recovering()]
        with SQLiteStore(path, key=KEY) as store:
            for case in cases:
                store.save(case)
            loaded = [store.load(case.id) for case in cases]
        assert rebuilds == [case.id for case in cases]
        for got, case in zip(loaded, cases, strict=True):
            same_state(got, truth(case))

    def test_every_attribute_of_a_relationship_is_rebuilt(self) -> None:
        """A new attribute fails here until the state keeps or derives it."""
        assert _stored_state.covered() == {f.name for f in attrs.fields(Relationship)}

    def test_the_history_and_communications_are_decoded_on_first_use(
        self, path: str, rebuilds: list[str]
    ) -> None:
        case = recovering()
        with SQLiteStore(path, key=KEY) as store:
            store.save(case)
            loaded = store.load(case.id)
            assert isinstance(loaded._log, LazyLog)
            assert loaded._log._source is not None
            assert loaded.version == case.version  # no decoding for the version
            assert loaded._log._source is not None
            assert loaded.last_event == case.last_event
            assert loaded._log._source is None
            assert isinstance(loaded._communications, LazyLog)
            assert loaded._communications._source is not None
            assert loaded.communications == case.communications
            assert loaded._communications._source is None
            later = follow(loaded)
            assert later == follow(case)
            store.save(later, expected_version=loaded.version)
            again = store.load(case.id)
        assert rebuilds == [case.id, case.id]
        same_state(again, truth(follow(case)))

    def test_a_store_without_a_key_never_takes_the_fast_path(
        self, path: str, rebuilds: list[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        called: list[str] = []
        monkeypatch.setattr(
            store_module, "trusted_load", lambda rid, *_: called.append(rid)
        )  # would say so
        case = masterclass()
        with SQLiteStore(path) as store:
            store.save(case)
            assert store.load(case.id) == case
        assert raw(path).execute("SELECT state, state_hash FROM relationships").fetchall() == [
            (None, None)
        ]
        assert called == []
        assert rebuilds == []

    def test_a_policy_is_judged_in_full_even_with_a_key(
        self, path: str, rebuilds: list[str]
    ) -> None:
        case = masterclass()
        with SQLiteStore(path, key=KEY) as store:
            store.save(case)
            assert store.load(case.id, policy=case.policy) == case
        assert rebuilds == []

    def test_what_settling_a_promise_was_told_is_rebuilt_from_the_state(
        self, path: str, rebuilds: list[str]
    ) -> None:
        """A promise broken or kept late: the day it happened is in no snapshot field."""
        case = promises_settled_badly()
        with SQLiteStore(path, key=KEY) as store:
            store.save(case)
            loaded = store.load(case.id)
        assert rebuilds == [case.id]
        same_state(loaded, truth(case))
        assert set(loaded._promise_advice) == {"P1", "P2"}

    def test_what_finishing_work_late_was_told_is_rebuilt_from_the_state(
        self, path: str, rebuilds: list[str]
    ) -> None:
        """Work completed or dropped late: the day it happened is in no snapshot field."""
        case = work_finished_late()
        with SQLiteStore(path, key=KEY) as store:
            store.save(case)
            loaded = store.load(case.id)
        assert rebuilds == [case.id]
        same_state(loaded, truth(case))
        assert set(loaded._work_advice) == {"A1", "A2"}


class TestDeferred:
    """A trusted load reads the snapshot and the state only when an attribute is asked."""

    def test_nothing_is_read_until_an_attribute_is_asked_for(self, path: str) -> None:
        case = recovering()
        with SQLiteStore(path, key=KEY) as store:
            store.save(case)
            loaded = store.load(case.id)
        unread = set(_stored_state.covered()) - set(loaded.__dict__)
        assert {"stage", "client", "_issues", "_work", "_plan_advice"} <= unread
        assert (loaded.id, loaded.version) == (case.id, case.version)  # still unread
        assert "stage" not in loaded.__dict__
        assert loaded.stage is case.stage  # one attribute reads them all
        assert _stored_state.covered() <= set(loaded.__dict__)
        assert "_deferred" not in loaded.__dict__
        same_state(loaded, truth(case))

    def test_a_command_on_an_unread_relationship_is_the_command_on_the_truth(
        self, path: str
    ) -> None:
        case = recovering()
        with SQLiteStore(path, key=KEY) as store:
            store.save(case)
            loaded, copied = store.load(case.id), store.load(case.id)
        same_state(follow(loaded), truth(follow(case)))
        # A copy made before anything was read keeps its own change and reads the rest.
        changed = replace(copied, end_reason="moved on")
        assert "_deferred" in changed.__dict__
        assert changed.end_reason == "moved on"
        assert changed.client == case.client
        assert copied.end_reason == ""

    def test_unknown_names_copies_and_pickles_behave_as_for_any_relationship(
        self, path: str
    ) -> None:
        case = masterclass()
        with SQLiteStore(path, key=KEY) as store:
            store.save(case)
            loaded = [store.load(case.id) for _ in range(3)]
        with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
            loaded[0].nonsense  # noqa: B018 - the read is the test
        assert not hasattr(loaded[0], "__deepcopy__")
        assert "stage" not in loaded[0].__dict__  # neither read the snapshot
        same_state(copy.deepcopy(loaded[1]), truth(case))
        same_state(pickle.loads(pickle.dumps(loaded[2])), truth(case))

    def test_a_first_read_never_changes_the_dict_a_pickle_or_deep_copy_walks(
        self, path: str
    ) -> None:
        """Another thread pickling or deep-copying the case walks its ``__dict__`` while
        this one reads an attribute: the walk must not see it change size."""
        case = masterclass()
        with SQLiteStore(path, key=KEY) as store:
            store.save(case)
            loaded = store.load(case.id)
        walked = loaded.__dict__
        items = iter(walked.items())
        next(items)
        assert loaded.stage is case.stage  # read while the walk is under way
        assert "_deferred" in dict(items)  # the walk goes on, over the dict it began
        assert "_deferred" not in loaded.__dict__
        same_state(loaded, truth(case))

    def test_a_read_during_a_read_does_not_hang(
        self, path: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A finalizer the collector runs (or a signal handler) during a first read may
        read another case not yet read, or this one, in the same thread."""
        import threading

        case, other = masterclass(), design_firm()
        with SQLiteStore(path, key=KEY) as store:
            store.save(case)
            store.save(other)
            first, second = store.load(case.id), store.load(other.id)
        real = _stored_state._kept
        seen: list[str] = []

        def finalizer_runs(kept: Any) -> dict[str, Any]:
            monkeypatch.setattr(_stored_state, "_kept", real)
            seen.extend([second.client, first.client])  # another case, then this one
            return real(kept)

        monkeypatch.setattr(_stored_state, "_kept", finalizer_runs)
        reader = threading.Thread(target=lambda: seen.append(first.client), daemon=True)
        reader.start()
        reader.join(timeout=30)
        assert not reader.is_alive(), "the read hung"
        assert seen == [other.client, case.client, case.client]
        same_state(first, truth(case))
        same_state(second, truth(other))

    def test_dir_lists_the_attributes_not_read_yet_without_reading_them(self, path: str) -> None:
        case = masterclass()
        with SQLiteStore(path, key=KEY) as store:
            store.save(case)
            loaded = store.load(case.id)
        assert dir(loaded) == dir(truth(case))
        assert "stage" not in loaded.__dict__

    def test_a_recursion_error_during_a_first_read_is_no_document_error(
        self, path: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The read's own condition (a read deep in a recursion) is not the file's: it is
        raised as it is, and the case reads once there is room."""
        case = masterclass()
        with SQLiteStore(path, key=KEY) as store:
            store.save(case)
            loaded = store.load(case.id)
        real = _stored_state._kept

        def too_deep(kept: Any) -> dict[str, Any]:
            raise RecursionError("maximum recursion depth exceeded")

        monkeypatch.setattr(_stored_state, "_kept", too_deep)
        with pytest.raises(RecursionError):
            loaded.stage  # noqa: B018 - the read is the test
        monkeypatch.setattr(_stored_state, "_kept", real)
        same_state(loaded, truth(case))

    def test_a_reader_whose_making_was_cut_short_is_made_again(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """An interrupt while the readers are generated (on the first read of a case) must
        not leave a name without its function, which failed every later read."""
        from clientrecovery._codec import Codec
        from clientrecovery.model import Commitment
        from clientrecovery.serialization import duration_from_str, duration_to_str

        codec = Codec({}, duration_from_str, duration_to_str)
        real = Codec._read_body

        def interrupted(self: Codec, tp: Any) -> list[str]:
            if tp is Commitment:  # a reader the tuple's needs, made in the middle of its own
                monkeypatch.setattr(Codec, "_read_body", real)
                raise KeyboardInterrupt
            return real(self, tp)

        monkeypatch.setattr(Codec, "_read_body", interrupted)
        with pytest.raises(KeyboardInterrupt):
            codec.reader(tuple[Commitment, ...])
        assert "read_1" not in codec.sources  # nothing half made is kept
        commitment = recovering().commitments[0]
        assert codec.reader(Commitment)(codec.writer(Commitment)(commitment)) == commitment
        written = codec.writer(tuple[Commitment, ...])((commitment,))
        assert codec.reader(tuple[Commitment, ...])(written) == (commitment,)


class TestLoadRows:
    def test_a_sound_store_is_read_in_one_statement_in_order(self, path: str) -> None:
        case = recovering()
        with SQLiteStore(path, key=KEY) as store:
            store.save(case)
        db = raw(path)
        statements: list[str] = []
        db.set_trace_callback(statements.append)
        rows = _sqlite_load.load_rows(db, case.id, states=True)
        assert len(statements) == 1
        assert "ORDER BY" not in statements[0]
        assert rows[0][3] == case.version
        assert [row[0] for row in rows[1:]] == list(range(1, case.version + 1))

    def test_rows_out_of_sequence_are_sorted_the_relationship_first(self, path: str) -> None:
        case = recovering()
        with SQLiteStore(path, key=KEY) as store:
            store.save(case)
        db = raw(path)
        db.execute(
            "INSERT INTO events (relationship_id, version, type, at, actor, payload, hash)"
            " SELECT relationship_id, 0, type, at, actor, payload, hash FROM events"
            " WHERE version = 1"
        )
        statements: list[str] = []
        db.set_trace_callback(statements.append)
        rows = _sqlite_load.load_rows(db, case.id, states=True)
        assert len(statements) == 2
        assert rows[0][3] == case.version
        assert [row[0] for row in rows[1:]] == list(range(case.version + 1))


class TestNeverBelieved:
    def test_a_forged_snapshot_is_refused(self, path: str, rebuilds: list[str]) -> None:
        """Changed state in valid JSON: the link no longer verifies, the full load says so."""
        case = recovering()
        with SQLiteStore(path, key=KEY) as store:
            store.save(case)
        raw(path).execute(
            "UPDATE relationships SET snapshot = json_set(snapshot, '$.stage', 'recovered')"
        )
        with (
            SQLiteStore(path, key=KEY) as store,
            pytest.raises(InvalidDocument, match=r"contradicts the history.* @ \$\.stage"),
        ):
            store.load(case.id)
        assert rebuilds == []

    @pytest.mark.parametrize(
        "edit",
        [
            "json_set(state, '$.agreed_work', json_array('I9'))",
            "json_set(state, '$.issue_advice', json_object('I1', json_array()))",
            "json_set(state, '$.account', 'someone else')",
        ],
    )
    def test_a_forged_state_is_replaced_by_the_replayed_truth(
        self, path: str, rebuilds: list[str], edit: str
    ) -> None:
        case = masterclass()
        with SQLiteStore(path, key=KEY) as store:
            store.save(case)
        db = raw(path)
        db.execute(f"UPDATE relationships SET state = CAST({edit} AS BLOB)")
        assert db.execute("SELECT json_valid(state) FROM relationships").fetchone() == (1,)
        with SQLiteStore(path, key=KEY) as store:
            loaded = store.load(case.id)
        assert rebuilds == []
        same_state(loaded, truth(case))

    def test_a_state_without_what_settling_a_promise_was_told_is_not_believed(
        self, path: str, rebuilds: list[str]
    ) -> None:
        case = promises_settled_badly()
        with SQLiteStore(path, key=KEY) as store:
            store.save(case)
        raw(path).execute(
            "UPDATE relationships SET state ="
            " CAST(json_set(state, '$.promise_advice', json_object()) AS BLOB)"
        )
        with SQLiteStore(path, key=KEY) as store:
            loaded = store.load(case.id)
        assert rebuilds == []
        same_state(loaded, truth(case))
        assert set(loaded._promise_advice) == {"P1", "P2"}

    def test_a_state_from_another_relationship_is_not_believed(
        self, path: str, rebuilds: list[str]
    ) -> None:
        first, second = masterclass(), design_firm()
        with SQLiteStore(path, key=KEY) as store:
            store.save(first)
            store.save(second)
        db = raw(path)
        db.execute(
            "UPDATE relationships SET (state, state_hash) ="
            " (SELECT state, state_hash FROM relationships WHERE id = ?) WHERE id = ?",
            (first.id, second.id),
        )
        with SQLiteStore(path, key=KEY) as store:
            loaded = store.load(second.id)
        assert rebuilds == []
        same_state(loaded, truth(second))
        db.execute(  # the whole row's snapshot too: refused, it contradicts the history
            "UPDATE relationships SET (snapshot, snapshot_hash) ="
            " (SELECT snapshot, snapshot_hash FROM relationships WHERE id = ?) WHERE id = ?",
            (first.id, second.id),
        )
        with SQLiteStore(path, key=KEY) as store, pytest.raises(InvalidDocument):
            store.load(second.id)
        assert rebuilds == []

    def test_a_state_of_an_earlier_version_is_not_believed(
        self, path: str, rebuilds: list[str]
    ) -> None:
        case = recovering()
        with SQLiteStore(path, key=KEY) as store:
            store.save(case)
        db = raw(path)
        old = db.execute("SELECT snapshot, snapshot_hash, state, state_hash FROM relationships")
        kept = old.fetchone()
        with SQLiteStore(path, key=KEY) as store:
            store.save(follow(case), expected_version=case.version)
        db.execute(
            "UPDATE relationships SET snapshot = ?, snapshot_hash = ?, state = ?, state_hash = ?",
            kept,
        )
        with SQLiteStore(path, key=KEY) as store, pytest.raises(InvalidDocument):
            store.load(case.id)  # the old snapshot contradicts the longer history
        db.execute(
            "UPDATE relationships SET state = ?, state_hash = ?",
            kept[2:],
        )
        with SQLiteStore(path, key=KEY) as store, pytest.raises(InvalidDocument):
            store.load(case.id)
        assert rebuilds == []

    def test_a_state_written_by_another_version_of_the_library_is_not_believed(
        self, path: str, rebuilds: list[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        case = masterclass()
        with SQLiteStore(path, key=KEY) as store:
            store.save(case)
        monkeypatch.setattr(_stored_state, "LAYOUT", "0" * 64)  # what another library writes
        with SQLiteStore(path, key=KEY) as store:
            loaded = store.load(case.id)
        assert rebuilds == []
        same_state(loaded, truth(case))

    def test_a_state_of_another_key_is_not_believed(self, path: str, rebuilds: list[str]) -> None:
        case = masterclass()
        with SQLiteStore(path, key=KEY) as store:
            store.save(case)
        with (
            SQLiteStore(path, key=b"another key, sixteen+") as store,
            pytest.raises(InvalidDocument, match="another key"),
        ):
            store.load(case.id)
        assert rebuilds == []


class TestOlderStores:
    def test_a_layout_4_store_migrates_loads_and_keeps_states_from_the_next_save(
        self, path: str, monkeypatch: pytest.MonkeyPatch, rebuilds: list[str]
    ) -> None:
        case = recovering()
        with monkeypatch.context() as old:  # the library as it was at layout 4
            old.setattr(_sqlite_layout, "MIGRATIONS", _sqlite_layout.MIGRATIONS[:4])
            with SQLiteStore(path, key=KEY) as store:
                store.save(case)
        assert raw(path).execute("PRAGMA user_version").fetchone() == (4,)

        with SQLiteStore(path, key=KEY) as store:
            assert raw(path).execute("PRAGMA user_version").fetchone() == (5,)
            same_state(store.load(case.id), truth(case))  # replayed: no state yet
            assert rebuilds == []
            assert store.verify() == []
            store.save(follow(case), expected_version=case.version)
            same_state(store.load(case.id), truth(follow(case)))
        assert rebuilds == [case.id]


@given(relationships())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_the_trusted_load_equals_the_full_validated_load(r: Relationship) -> None:
    """Any history reached by random commands: rebuilt from its state, the same relationship
    as the validated load of its document, advice and indexes included."""
    with SQLiteStore(":memory:", key=KEY) as store:
        store.save(r)
        made = _sqlite_load.rebuilt
        calls: list[Relationship | None] = []

        def spy(*args: Any, **how: Any) -> Relationship | None:
            calls.append(made(*args, **how))
            return calls[-1]

        _sqlite_load.rebuilt = spy
        try:
            loaded = store.load(r.id)
        finally:
            _sqlite_load.rebuilt = made
    assert calls
    assert calls[0] is loaded
    same_state(loaded, truth(r))


class TestVerify:
    def test_verify_reports_a_state_forged_with_the_key(
        self, path: str, rebuilds: list[str]
    ) -> None:
        """Someone holding the key writes a state the history does not give: a load believes
        it (it trusts the key), verify re-runs everything and says so."""
        case = masterclass()
        with SQLiteStore(path, key=KEY) as store:
            store.save(case)
            assert store.verify() == []
        db = raw(path)
        snapshot, head, state = db.execute(
            "SELECT CAST(snapshot AS BLOB), head, state FROM relationships"
        ).fetchone()
        forged = state.replace(b'"agreed_work":[', b'"agreed_work":["Z9",')
        assert forged != state
        link = _stored_state.state_link(head, case.id, case.version, snapshot, forged, key=KEY)
        db.execute("UPDATE relationships SET state = ?, state_hash = ?", (forged, link))
        with SQLiteStore(path, key=KEY) as store:
            assert store.load(case.id).agreed_initiative("Z9")  # believed: the key vouches
            problems = store.verify()
        assert problems == [
            f"relationship {case.id!r}: relationships.state disagrees with its history, though"
            " its link verifies (written with the key): a trusted load believes it"
        ]
        assert rebuilds[:1] == [case.id]

    @pytest.mark.parametrize(
        ("edit", "read"),
        [
            ("'$.communications[0].kind', 'carrier pigeon'", "communications"),
            ("'$.stage', 'gone'", "stage"),
        ],
    )
    def test_a_snapshot_the_key_vouches_for_that_cannot_be_read_is_an_invalid_document(
        self, path: str, rebuilds: list[str], edit: str, read: str
    ) -> None:
        """A snapshot written unreadable with the key (its communications, or any other
        attribute): believed at load, refused as a document error (not a stray exception)
        when first read, and reported (not raised) by verify."""
        case = masterclass()
        with SQLiteStore(path, key=KEY) as store:
            store.save(case)
        db = raw(path)
        db.execute(f"UPDATE relationships SET snapshot = json_set(snapshot, {edit})")
        snapshot, head, state = db.execute(
            "SELECT CAST(snapshot AS BLOB), head, state FROM relationships"
        ).fetchone()
        link = _stored_state.state_link(head, case.id, case.version, snapshot, state, key=KEY)
        db.execute("UPDATE relationships SET state_hash = ?", (link,))
        with SQLiteStore(path, key=KEY) as store:
            loaded = store.load(case.id)
            assert store.verify()
        assert rebuilds[:1] == [case.id]
        with pytest.raises(InvalidDocument, match="cannot be read back"):
            getattr(loaded, read)
