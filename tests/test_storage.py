"""The store contract (clientrecovery.storage.Store), run against every engine: SQLite and
PostgreSQL. Engine-specific behaviour lives in test_store.py and test_postgres.py."""

from __future__ import annotations

import io
import json
import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from clientrecovery import (
    InvalidDocument,
    InvalidValue,
    Relationship,
    SQLiteStore,
    Stage,
    StaleVersion,
    UnknownItem,
    from_json,
    to_json,
)
from clientrecovery.examples import design_firm, masterclass, synthetic_portfolio, turnaround
from clientrecovery.storage import Erasure, Store, StoredEvent
from tests.builders import ASSESSMENT, recovering

CASES = (masterclass(), design_firm(), turnaround())
KEY = "a key of sixteen bytes or more, kept by the data protection officer"
T = datetime(2026, 5, 4, 9, tzinfo=UTC)

Sql = Callable[[str], list[tuple[Any, ...]]]
"""Run one statement as a SQL user would, outside the store; returns its rows."""


@pytest.fixture(params=["sqlite", "postgres"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Store, Sql]]:
    """Each engine's store, empty, and a plain SQL connection to its database."""
    if request.param == "sqlite":
        path = tmp_path / "cases.db"
        with SQLiteStore(path) as store:
            raw = sqlite3.connect(path, isolation_level=None)
            yield store, lambda statement: raw.execute(statement).fetchall()
            raw.close()
        return
    import psycopg

    from clientrecovery.postgres import PostgresStore

    conninfo = request.getfixturevalue("postgres")
    with PostgresStore(conninfo) as pg, psycopg.connect(conninfo, autocommit=True) as conn:

        def sql(statement: str) -> list[tuple[Any, ...]]:
            cursor = conn.execute(statement.encode())
            return cursor.fetchall() if cursor.description else []

        yield pg, sql


@pytest.fixture
def store(engine: tuple[Store, Sql]) -> Store:
    return engine[0]


@pytest.fixture
def sql(engine: tuple[Store, Sql]) -> Sql:
    return engine[1]


def follow(r: Relationship, note: str = "checked") -> Relationship:
    return r.follow_up(at=r.last_event.at + timedelta(hours=1), note=note)


def contact(r: Relationship) -> Relationship:
    return r.contact_client(
        at=r.last_event.at + timedelta(hours=1), channel="call", summary="again"
    )


def account_case(n: int, account: str | None, *, lost: bool = False) -> Relationship:
    r = Relationship.open(
        f"Client {account}", trigger=f"complaint {n}", at=T, id=f"case-{n:02d}", account=account
    )
    r = r.contact_client(at=T + timedelta(hours=1), channel="call", summary="first call")
    return r.end(reason="left us", at=T + timedelta(hours=2)) if lost else r


class TestContract:
    def test_every_engine_keeps_the_store_protocol(self, store: Store) -> None:
        """The protocol is runtime-checkable, so a caller can check what it was handed."""
        assert isinstance(store, Store)


class TestSaveAndLoad:
    def test_a_saved_relationship_loads_equal(self, store: Store) -> None:
        """Every story, and varied synthetic cases, come back equal."""
        for case in (*CASES, *synthetic_portfolio(12, seed=3)):
            assert store.save(case) == case.version
            assert store.load(case.id) == case
        assert store.verify() == []

    def test_saving_again_appends_only_the_new_events(self, store: Store) -> None:
        r = recovering()
        store.save(r)
        loaded = store.load(r.id)

        appended = store.save(follow(follow(loaded), "again"), expected_version=loaded.version)

        assert appended == 2
        assert store.version(r.id) == r.version + 2
        assert store.history(r.id, since=r.version) == store.load(r.id).history[r.version :]
        assert store.save(store.load(r.id), expected_version=r.version + 2) == 0

    def test_list_filters_by_stage_without_loading(self, store: Store) -> None:
        for case in CASES:
            store.save(case)

        lost = store.list(stage=Stage.LOST)

        assert [e.id for e in store.list()] == sorted(c.id for c in CASES)
        assert [(e.id, e.stage, e.version) for e in lost] == [
            ("brightwater-health", Stage.LOST, CASES[1].version)
        ]
        assert lost[0].updated_at == CASES[1].last_event.at
        assert lost[0].opened_at == CASES[1].opened_at

    def test_an_unknown_id_names_the_known_ones(self, store: Store) -> None:
        store.save(CASES[0])

        with pytest.raises(UnknownItem, match=r"unknown relationship 'nobody'.*halden-foods"):
            store.load("nobody")
        assert store.version("nobody") == 0

    @pytest.mark.parametrize("odd", ["a\x00b", "a\ud800"])
    def test_an_id_no_store_can_hold_is_simply_not_stored(self, store: Store, odd: str) -> None:
        """Every engine answers alike: unknown, version 0, no erasures, never its own error."""
        store.save(CASES[0])

        with pytest.raises(UnknownItem, match="unknown relationship"):
            store.load(odd)
        with pytest.raises(UnknownItem, match="unknown relationship"):
            store.history(odd)
        with pytest.raises(UnknownItem, match="unknown relationship"):
            store.erase(odd, key=KEY, by="the data officer")
        assert store.version(odd) == 0
        assert store.erasures(odd) == ()
        assert store.list(account=odd) == ()
        assert list(store.relationships(account=odd)) == []

    @pytest.mark.parametrize("odd", [None, 7, b"halden-foods", ["halden-foods"]])
    def test_an_id_that_is_not_text_is_a_wrong_argument(self, store: Store, odd: Any) -> None:
        """Not "unknown relationship 'None'": the argument itself is wrong, on every engine."""
        store.save(CASES[0])

        calls = [store.load, store.history, store.version]
        if odd is not None:  # erasures(None) is every case's erasures
            calls.append(store.erasures)
        calls.append(lambda rid: store.erase(rid, key=KEY, by="the data officer"))
        for call in calls:
            with pytest.raises(InvalidValue, match=r"\(relationship_id\): must be a str"):
                call(odd)

    @pytest.mark.parametrize("expected", [-1, 10_000, True, "3", None])
    def test_a_wrong_expected_version_is_refused(self, store: Store, expected: object) -> None:
        with pytest.raises(InvalidValue, match=r"save\(expected_version=...\): must be an integer"):
            store.save(recovering(), expected_version=expected)  # type: ignore[arg-type]
        assert store.list() == ()

    def test_only_a_relationship_can_be_saved(self, store: Store) -> None:
        with pytest.raises(InvalidValue, match=r"save\(relationship\): must be a Relationship"):
            store.save(to_json(recovering()))  # type: ignore[arg-type]


class TestArguments:
    @pytest.mark.parametrize("key", [b"x", "short secret", b"", 16, "é" * 7])
    def test_every_engine_refuses_the_same_weak_keys(
        self, engine: tuple[Store, Sql], key: Any, tmp_path: Path
    ) -> None:
        """One contract for the key on both engines: str (UTF-8) or bytes, 16 bytes at least."""
        with pytest.raises(InvalidValue, match=r"\(key=...\): must be str or bytes of at least 16"):
            reopened(engine[0], key, tmp_path)

    def test_every_engine_takes_a_str_key_as_its_utf8_bytes(
        self, engine: tuple[Store, Sql], tmp_path: Path
    ) -> None:
        secret = "a passphrase of sixteen bytes or more"
        with reopened(engine[0], secret, tmp_path) as as_text:
            as_text.save(recovering())
        with reopened(engine[0], secret.encode(), tmp_path) as as_bytes:
            assert as_bytes.verify() == []
            assert as_bytes.load(recovering().id) == recovering()


def reopened(store: Store, key: Any, tmp_path: Path) -> Any:
    """Another store of the same engine (and database) opened with ``key``."""
    if isinstance(store, SQLiteStore):
        return SQLiteStore(tmp_path / "keyed.db", key=key)
    from clientrecovery.postgres import PostgresStore

    return PostgresStore(store._conninfo, key=key)  # type: ignore[attr-defined]


class TestOptimisticConcurrency:
    def test_a_stale_save_is_refused_and_writes_nothing(self, store: Store) -> None:
        r = recovering()
        store.save(r)
        mine, theirs = store.load(r.id), store.load(r.id)
        store.save(follow(theirs, "theirs"), expected_version=theirs.version)

        with pytest.raises(StaleVersion, match=r"expected version \d+, but version \d+") as stale:
            store.save(follow(mine, "mine"), expected_version=mine.version)

        assert (stale.value.expected, stale.value.actual) == (r.version, r.version + 1)
        assert store.load(r.id).last_event.note == "theirs"  # type: ignore[attr-defined]
        assert len(store.events(limit=1000)) == r.version + 1

    def test_a_new_relationship_cannot_overwrite_a_stored_one(self, store: Store) -> None:
        store.save(recovering())

        with pytest.raises(StaleVersion, match="but version"):
            store.save(recovering())

    def test_a_different_history_at_the_same_version_is_refused(self, store: Store) -> None:
        r = recovering()
        store.save(follow(r, "stored"))

        with pytest.raises(StaleVersion, match="differs from the stored one at event"):
            store.save(follow(follow(r, "other")), expected_version=r.version + 1)
        assert store.version(r.id) == r.version + 1

    def test_another_history_ending_in_the_stored_event_is_refused(self, store: Store) -> None:
        """The stored event at the expected version is not enough: a history under the same
        id that differs before it (another client, another policy) is not appended to."""
        stored = Relationship.open("Acme Ltd", trigger="late reports", at=T, id="case-1")
        stored = stored.assess(ASSESSMENT, at=T)
        other = Relationship.open("Evil Corp", trigger="late reports", at=T, id="case-1")
        other = other.assess(ASSESSMENT, at=T)
        assert other.history[1] == stored.history[1]
        assert other.history[0] != stored.history[0]
        store.save(stored)

        with pytest.raises(StaleVersion, match="its first 2 events are not the stored ones"):
            store.save(contact(other), expected_version=2)
        assert store.load("case-1") == stored
        assert store.version("case-1") == 2

    def test_a_history_read_again_from_its_document_extends_the_stored_one(
        self, store: Store
    ) -> None:
        """The same history, made anew (not a relationship the store loaded or saved), is
        linked from its start and found to be the stored one."""
        r = recovering()
        store.save(r)
        again = follow(from_json(to_json(store.load(r.id))))

        assert store.save(again, expected_version=r.version) == 1
        assert store.save(follow(again), expected_version=again.version) == 1
        assert store.load(r.id).version == r.version + 2


class TestAccounts:
    def test_list_by_account_and_stage(self, store: Store) -> None:
        """An account has several cases, open and closed; other accounts are left out."""
        cases = [
            account_case(1, "acct-7"),
            account_case(2, "acct-7", lost=True),
            account_case(3, "acct-9"),
            account_case(4, None),
        ]
        for case in cases:
            store.save(case)

        seven = store.list(account="acct-7")
        open_seven = store.list(account="acct-7", stage=Stage.ASSESSING)

        assert [(e.id, e.account, e.stage) for e in seven] == [
            ("case-01", "acct-7", Stage.ASSESSING),
            ("case-02", "acct-7", Stage.LOST),
        ]
        assert [e.id for e in open_seven] == ["case-01"]
        assert [e.account for e in store.list()] == ["acct-7", "acct-7", "acct-9", None]
        assert [r.id for r in store.relationships(account="acct-9")] == ["case-03"]
        assert store.load("case-02").account == "acct-7"

    @pytest.mark.parametrize("account", ["", "  ", 7])
    def test_a_wrong_account_filter_is_refused(self, store: Store, account: object) -> None:
        with pytest.raises(InvalidValue, match=r"list\(account=...\): must be a non-empty str"):
            store.list(account=account)  # type: ignore[arg-type]


class TestFeed:
    def test_every_event_has_a_position_in_commit_order(self, store: Store) -> None:
        """Positions run 1, 2, 3... over all cases, in the order the saves committed."""
        first, second = recovering(), masterclass()
        store.save(first)
        store.save(second)
        store.save(follow(store.load(first.id)), expected_version=first.version)

        feed = store.events(limit=10_000)

        assert [e.position for e in feed] == list(range(1, len(feed) + 1))
        assert [(e.relationship_id, e.version) for e in feed] == [
            *((first.id, v) for v in range(1, first.version + 1)),
            *((second.id, v) for v in range(1, second.version + 1)),
            (first.id, first.version + 1),
        ]
        assert all(isinstance(e, StoredEvent) for e in feed)
        assert [e.event for e in feed[: first.version]] == list(first.history)

    def test_a_reader_resumes_from_the_last_position_it_saw(self, store: Store) -> None:
        for case in CASES:
            store.save(case)
        total = sum(c.version for c in CASES)

        seen: list[StoredEvent] = []
        while batch := store.events(after=seen[-1].position if seen else 0, limit=7):
            seen.extend(batch)

        assert [e.position for e in seen] == list(range(1, total + 1))
        assert store.events(after=total) == ()

    @pytest.mark.parametrize(
        ("after", "limit", "message"),
        [
            (-1, 10, r"events\(after=...\): must be a position"),
            ("3", 10, r"events\(after=...\): must be a position"),
            (0, 0, r"events\(limit=...\): must be an int from 1"),
            (0, 10**9, r"events\(limit=...\): must be an int from 1"),
        ],
    )
    def test_a_wrong_position_or_limit_is_refused(
        self, store: Store, after: object, limit: object, message: str
    ) -> None:
        with pytest.raises(InvalidValue, match=message):
            store.events(after=after, limit=limit)  # type: ignore[arg-type]


class TestErasure:
    def personal(self) -> Relationship:
        return Relationship.open(
            "Ada Lovelace Ltd",
            trigger="Ada Lovelace wrote to ada@lovelace.example about late invoices",
            at=T,
            id="case-ada",
            account="acct-42",
            actor="Grace Hopper",
        ).contact_client(
            at=T + timedelta(hours=1),
            channel="call",
            summary="phoned Ada Lovelace back",
            actor="Grace Hopper",
        )

    def test_personal_data_is_gone_from_every_row(self, store: Store, sql: Sql) -> None:
        """Client, people, e-mail and free text: none of it is left in any table."""
        r = self.personal()
        store.save(r)
        store.save(masterclass())

        erasure = store.erase(r.id, key=KEY, by="data protection officer", at=T)

        dump = json.dumps(
            [
                sql("SELECT * FROM events WHERE relationship_id = 'case-ada'"),
                sql("SELECT * FROM relationships WHERE id = 'case-ada'"),
                sql("SELECT * FROM erasures"),
            ],
            default=str,
        )
        for secret in ("Ada", "Lovelace", "Grace", "Hopper", "invoices", "phoned"):
            assert secret not in dump
        assert isinstance(erasure, Erasure)
        assert (erasure.relationship_id, erasure.erased_by, erasure.events) == (
            r.id,
            "data protection officer",
            r.version,
        )
        assert erasure.erased_at == T
        assert erasure.head != erasure.previous_head
        assert store.erasures() == (erasure,)
        assert store.erasures(r.id) == (erasure,)

    def test_the_erased_case_still_loads_verifies_and_keeps_its_keys(self, store: Store) -> None:
        r = self.personal()
        store.save(r)
        before = store.events()

        store.erase(r.id, key=KEY, by="dpo")

        erased = store.load(r.id)
        assert store.verify() == []
        assert (erased.id, erased.account, erased.version, erased.stage) == (
            r.id,
            "acct-42",
            r.version,
            r.stage,
        )
        assert erased.client.startswith("Client ")
        assert "Ada" not in erased.client
        assert store.list(account="acct-42")[0].client == erased.client
        after = store.events()
        assert [(e.position, e.version, e.event.at) for e in after] == [
            (e.position, e.version, e.event.at) for e in before
        ]
        assert [e.event for e in after] == list(erased.history)

    def test_who_erases_must_be_writable_text(self, store: Store) -> None:
        r = self.personal()
        store.save(r)

        with pytest.raises(InvalidValue, match=r"erase\(by=...\): holds a lone surrogate"):
            store.erase(r.id, key=KEY, by="\ud800")
        assert store.load(r.id) == r
        assert store.erasures() == ()

    @pytest.mark.parametrize("on_error", ["print", 3])
    def test_import_needs_a_function_on_error(self, store: Store, on_error: object) -> None:
        with pytest.raises(InvalidValue, match=r"import_jsonl\(on_error=...\)"):
            store.import_jsonl(["{"], on_error=on_error)  # type: ignore[arg-type]
        assert store.list() == ()

    def test_a_case_erased_twice_still_verifies(self, store: Store) -> None:
        """A request run again, or a second person named in the case: the second erasure
        starts from the first one's head, and only the last is on the chain."""
        r = self.personal()
        store.save(r)

        first = store.erase(r.id, key=KEY, by="dpo")
        second = store.erase(r.id, key=b"another key, sixteen+", by="dpo, run again")

        assert second.previous_head == first.head
        assert store.verify() == []
        assert store.load(r.id).version == r.version

    def test_a_copy_loaded_before_the_erasure_cannot_be_saved(self, store: Store) -> None:
        """It still holds the personal data: saving it would bring it back."""
        r = self.personal()
        store.save(r)
        store.erase(r.id, key=KEY, by="dpo")

        with pytest.raises(StaleVersion, match="differs from the stored one"):
            store.save(contact(r), expected_version=r.version)
        assert store.save(contact(store.load(r.id)), expected_version=r.version) == 1
        assert store.verify() == []

    def test_nothing_else_may_rewrite_an_event(self, store: Store, sql: Sql) -> None:
        store.save(self.personal())

        with pytest.raises(Exception, match="append-only"):
            sql("UPDATE events SET actor = 'someone else'")
        with pytest.raises(Exception, match="append-only"):
            sql("DELETE FROM events")
        store.erase("case-ada", key=KEY, by="dpo")
        with pytest.raises(Exception, match="append-only"):
            sql("DELETE FROM erasures")
        assert store.verify() == []

    def test_erasing_an_unknown_case_or_without_a_name_is_refused(self, store: Store) -> None:
        store.save(self.personal())

        with pytest.raises(UnknownItem, match="unknown relationship 'nobody'"):
            store.erase("nobody", key=KEY, by="dpo")
        with pytest.raises(InvalidValue, match=r"erase\(by=...\): must name who erases"):
            store.erase("case-ada", key=KEY, by=" ")
        with pytest.raises(InvalidValue, match=r"erase\(at=...\): must be a timezone-aware"):
            store.erase("case-ada", key=KEY, by="dpo", at=datetime(2026, 1, 1))  # noqa: DTZ001
        assert store.erasures() == ()
        assert store.load("case-ada") == self.personal()


class TestImportExport:
    @pytest.mark.parametrize("out", [None, io.BytesIO(), "cases.jsonl"])
    def test_export_to_what_is_not_a_text_stream_is_refused_before_any_read(
        self, store: Store, out: object
    ) -> None:
        store.save(CASES[0])

        with pytest.raises(InvalidValue, match=r"export_jsonl\(out\): must be a text stream"):
            store.export_jsonl(out)  # type: ignore[arg-type]
        if isinstance(out, io.BytesIO):
            assert out.getvalue() == b""

    def test_export_then_import_gives_the_same_store(self, store: Store) -> None:
        for case in CASES:
            store.save(case)
        out = io.StringIO()

        assert store.export_jsonl(out) == 3
        lines = out.getvalue().splitlines()
        with SQLiteStore(":memory:") as copy:
            assert copy.import_jsonl(lines) == 3
            assert [copy.load(c.id) for c in CASES] == list(CASES)
        assert store.import_jsonl(lines) == 0  # already there

    def test_import_extends_and_an_invalid_line_imports_nothing(self, store: Store) -> None:
        r = recovering()
        store.save(r)

        with pytest.raises(InvalidDocument, match="line 2: not valid JSON"):
            store.import_jsonl([to_json(CASES[0]), "{not json"])
        assert [e.id for e in store.list()] == [r.id]
        assert store.import_jsonl([to_json(follow(follow(r))), to_json(CASES[0])]) == 2
        assert store.version(r.id) == r.version + 2
        positions = [e.position for e in store.events(limit=1000)]
        assert positions == list(range(1, r.version + 2 + CASES[0].version + 1))

    def test_import_refuses_a_history_that_diverges(self, store: Store) -> None:
        r = recovering()
        store.save(follow(r, "stored"))

        with pytest.raises(StaleVersion, match="differ at event"):
            store.import_jsonl([to_json(CASES[0]), to_json(follow(follow(r, "other")))])
        assert [e.id for e in store.list()] == [r.id]  # the first line was rolled back too
