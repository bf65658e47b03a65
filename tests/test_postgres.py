"""The PostgreSQL store beyond the shared contract (tests/test_storage.py): what the database
itself refuses, JSONB for SQL users, the hash chain, migrations, errors, several processes at
once, a writer killed mid-transaction, and the feed under concurrent writers."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from clientrecovery import (
    InvalidDocument,
    InvalidValue,
    Relationship,
    StoreError,
    UnknownItem,
)
from clientrecovery.examples import design_firm, masterclass
from clientrecovery.serialization import _snapshot_json
from clientrecovery.storage import StoredEvent
from tests import postgres_workers
from tests.builders import recovering

psycopg = pytest.importorskip("psycopg")

from clientrecovery.postgres import MIGRATIONS, PostgresStore  # noqa: E402

ROOT = Path(__file__).parent.parent
T = datetime(2026, 5, 4, 9, tzinfo=UTC)


@pytest.fixture
def store(postgres: str) -> Iterator[PostgresStore]:
    with PostgresStore(postgres) as opened:
        yield opened


@pytest.fixture
def sql(postgres: str) -> Iterator[Any]:
    """A plain connection, as a SQL user (or a careless tool) would have."""
    with psycopg.connect(postgres, autocommit=True) as conn:
        yield conn


class TestTheDatabaseRefuses:
    @pytest.mark.parametrize(
        "statement",
        [
            "UPDATE events SET actor = 'someone else'",
            "DELETE FROM events WHERE version = 2",
            "TRUNCATE events CASCADE",
            "INSERT INTO events SELECT * FROM events WHERE version = 1"
            " ON CONFLICT (relationship_id, version) DO UPDATE SET actor = 'x'",
        ],
    )
    def test_events_are_append_only(self, store: PostgresStore, sql: Any, statement: str) -> None:
        """Updates, deletes, truncation and upserts are refused by a trigger."""
        store.save(recovering())

        with pytest.raises(psycopg.errors.RestrictViolation, match="events are append-only"):
            sql.execute(statement)
        assert store.verify() == []

    def test_a_second_row_for_a_version_is_refused(self, store: PostgresStore, sql: Any) -> None:
        store.save(recovering())

        with pytest.raises(psycopg.errors.UniqueViolation):
            sql.execute(
                "INSERT INTO events SELECT relationship_id, version, position + 1000, type, at,"
                " actor, payload, hash FROM events WHERE version = 1"
            )


class TestWhatPostgresCannotHold:
    def test_a_value_postgres_cannot_store_is_named_not_a_driver_error(
        self, store: PostgresStore
    ) -> None:
        r = Relationship.open("Acme", trigger="late\x00reports", at=T, id="acme")

        with pytest.raises(InvalidValue, match=r"event 1 \(RelationshipOpened\) holds a NUL"):
            store.save(r)
        assert store.list() == ()

    def test_a_lone_surrogate_never_reaches_the_store(self) -> None:
        """The model refuses it when given, so no engine has to (one verdict on every path)."""
        with pytest.raises(InvalidValue, match="lone surrogate"):
            Relationship.open("Acme", trigger="late\ud800", at=T, id="acme")

    def test_a_backslash_before_u0000_is_only_text(self, store: PostgresStore) -> None:
        """What looks like an escape in the user's own words is stored as written."""
        r = Relationship.open("Acme", trigger="the log said \\u0000 twice", at=T, id="acme")

        store.save(r)

        assert store.load("acme") == r

    def test_an_id_no_row_can_hold_is_unknown(self, store: PostgresStore) -> None:
        store.save(recovering())

        with pytest.raises(UnknownItem, match="unknown relationship"):
            store.load("with a NUL\x00")
        assert store.version("\ud800") == 0
        assert store.list(account="\ud800") == ()  # no row can hold it, as in SQLite


class TestSqlUsers:
    def test_payloads_are_jsonb_queryable(self, store: PostgresStore, sql: Any) -> None:
        store.save(masterclass())
        store.save(design_firm())

        clients = sql.execute(
            "SELECT payload->>'client' FROM events WHERE type = 'RelationshipOpened' ORDER BY 1"
        ).fetchall()
        raised = sql.execute(
            'SELECT count(*) FROM events WHERE payload @> \'{"type": "IssueRaised"}\''
        ).fetchone()[0]

        assert clients == [("Brightwater Health",), ("Halden Foods",)]
        histories = (*masterclass().history, *design_firm().history)
        assert raised == sum(type(e).__name__ == "IssueRaised" for e in histories)


class TestTamperEvidence:
    def tamper(self, sql: Any, statement: str) -> None:
        sql.execute("ALTER TABLE events DISABLE TRIGGER USER")
        sql.execute(statement)
        sql.execute("ALTER TABLE events ENABLE TRIGGER USER")

    @pytest.mark.parametrize(
        ("statement", "message"),
        [
            (
                "UPDATE events SET payload = jsonb_set(payload, '{note}', '\"edited\"')"
                " WHERE relationship_id = 'halden' AND type = 'FollowedUp'",
                r"events row \d+: its hash does not match",
            ),
            (
                'UPDATE events SET payload = payload || \'{"actor": "Mallory"}\''
                " WHERE relationship_id = 'halden' AND version = 3",
                r"events row 3: its hash does not match",
            ),
            (
                "DELETE FROM events WHERE relationship_id = 'halden' AND version = 4",
                "event 4 is missing from the events table",
            ),
        ],
    )
    def test_a_changed_row_is_reported_by_load_and_verify(
        self, store: PostgresStore, sql: Any, statement: str, message: str
    ) -> None:
        """Even a change that keeps the method valid breaks the chain; neighbours still load."""
        r = recovering()
        store.save(r.follow_up(at=r.last_event.at, note="checked"))
        store.save(masterclass())
        self.tamper(sql, statement)

        with pytest.raises(InvalidDocument, match=message):
            store.load(r.id)
        problems = store.verify()
        assert problems
        assert all(p.startswith("relationship 'halden'") for p in problems)
        assert store.load("halden-foods") == masterclass()

    def test_the_feed_does_not_hand_out_an_edited_payload(
        self, store: PostgresStore, sql: Any
    ) -> None:
        """The feed checks each event's link as a load checks the chain: a follower never
        receives an event changed outside the store (the events before it still come)."""
        r = recovering()
        store.save(r)
        self.tamper(
            sql,
            'UPDATE events SET payload = payload || \'{"actor": "Mallory"}\''
            " WHERE relationship_id = 'halden' AND version = 3",
        )

        assert [e.version for e in store.events(limit=2)] == [1, 2]
        with pytest.raises(InvalidDocument, match=r"events row 3: its hash does not match"):
            store.events(after=2)

    def test_an_anchor_reveals_a_history_cut_short_in_both_tables(
        self, store: PostgresStore, sql: Any
    ) -> None:
        """A restore from an older backup, imitated: the last event and the row's newer
        version gone together, so the chain that is left verifies on its own."""
        r = recovering()
        store.save(r)
        store.save(masterclass())
        longer = r.follow_up(at=r.last_event.at, note="checked")
        store.save(longer, expected_version=r.version)
        anchor = store.anchor()
        assert anchor["chain"] == "sha256"
        assert anchor["relationships"]["halden"]["version"] == longer.version
        assert store.verify(anchor=anchor) == []

        self.tamper(
            sql,
            f"DELETE FROM events WHERE relationship_id = 'halden' AND version = {longer.version}",
        )
        sql.execute(
            "UPDATE relationships SET version = %s, snapshot = %s::jsonb WHERE id = 'halden'",
            (r.version, _snapshot_json(r)),
        )
        assert store.load("halden") == r
        assert store.verify() == []

        problems = store.verify(anchor=anchor)
        assert problems == [
            f"relationship 'halden': the anchor has {longer.version} events, the store"
            f" {r.version}: events were lost (a truncated file, a lost -wal, rows removed)"
        ]

    def test_an_anchor_of_another_kind_of_chain_is_named(self, postgres: str) -> None:
        with PostgresStore(postgres, key=b"the right key, sixteen+") as keyed:
            keyed.save(recovering())
            anchor = keyed.anchor()
            assert anchor["chain"] == "hmac-sha256"
            assert keyed.verify(anchor=anchor) == []
        with PostgresStore(postgres) as unkeyed:
            assert any(
                p.startswith("anchor: it was taken of a hmac-sha256 chain")
                for p in unkeyed.verify(anchor=anchor)
            )

    def test_a_keyed_erasure_carries_the_anchor_over(self, postgres: str) -> None:
        with PostgresStore(postgres, key=b"the right key, sixteen+") as store:
            r = recovering()
            store.save(r)
            anchor = store.anchor()
            store.erase(r.id, key=b"an erasure key, long enough", by="dpo")

            assert store.anchor() != anchor
            assert store.verify(anchor=anchor) == []

    def test_an_unkeyed_erasure_is_reported_against_an_older_anchor(
        self, store: PostgresStore
    ) -> None:
        r = recovering()
        store.save(r)
        anchor = store.anchor()
        store.erase(r.id, key=b"an erasure key, long enough", by="dpo")

        (problem,) = store.verify(anchor=anchor)
        assert "an unkeyed store cannot prove the erasure was its own" in problem

    def test_an_anchor_that_is_not_one_is_refused(self, store: PostgresStore) -> None:
        with pytest.raises(InvalidValue, match="must be a mapping of kind"):
            store.verify(anchor={"relationships": {}})

    def test_a_store_opened_with_another_key_refuses_the_chain(self, postgres: str) -> None:
        with PostgresStore(postgres, key=b"the right key, sixteen+") as keyed:
            keyed.save(recovering())
            assert keyed.verify() == []

        with (
            PostgresStore(postgres, key=b"a forger's guess at it") as forged,
            pytest.raises(InvalidDocument, match="opened with another key"),
        ):
            forged.load("halden")
        with PostgresStore(postgres) as unkeyed:
            assert len(unkeyed.verify()) == recovering().version


class TestOpening:
    def test_opening_again_migrates_nothing(self, postgres: str, sql: Any) -> None:
        with PostgresStore(postgres) as first:
            first.save(recovering())

        with PostgresStore(postgres) as second:
            assert [e.id for e in second.list()] == ["halden"]
        assert sql.execute("SELECT layout FROM store_layout").fetchall() == [(len(MIGRATIONS),)]

    def test_servers_starting_at_once_migrate_one_at_a_time(self, postgres: str, sql: Any) -> None:
        """Four connections open a new store together: one creates it, none fails."""
        failures: list[BaseException] = []
        barrier = threading.Barrier(4)

        def open_store() -> None:
            barrier.wait()
            try:
                PostgresStore(postgres).close()
            except BaseException as failed:  # reported below, with the others
                failures.append(failed)

        threads = [threading.Thread(target=open_store) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        assert failures == []
        assert sql.execute("SELECT layout FROM store_layout").fetchall() == [(len(MIGRATIONS),)]

    def test_a_layout_1_store_keeps_its_chains_and_erasures_with_raw_digests(
        self, postgres: str, sql: Any
    ) -> None:
        """Layout 1 kept each hash as hex text; layout 2 keeps its bytes, and a hash that was
        not a digest is still reported after the move."""
        with PostgresStore(postgres) as store:
            store.save(recovering())
            store.save(masterclass())
            store.erase("halden-foods", key="sixteen bytes or more", by="dpo")
            loaded = [store.load(e.id) for e in store.list()]
            erasures = store.erasures()
            feed = store.events()
        sql.execute(  # the table as layout 1 made it, one hash edited by hand
            "ALTER TABLE events ALTER COLUMN hash TYPE text USING CASE WHEN"
            " relationship_id = 'halden' AND version = 2 THEN 'edited by hand'"
            " ELSE encode(hash, 'hex') END"
        )
        sql.execute("UPDATE store_layout SET layout = 1")

        with PostgresStore(postgres) as store:
            assert store.load("halden-foods") == loaded[1]
            with pytest.raises(InvalidDocument, match="events row 2: its hash does not match"):
                store.load("halden")
            assert store.erasures() == erasures
            # The feed checks each link: up to the edited row, and from the next case on.
            assert store.events(limit=1) == feed[:1]
            with pytest.raises(InvalidDocument, match="events row 2: its hash does not match"):
                store.events()
            halden = recovering().version
            assert store.events(after=halden) == feed[halden:]
            problems = store.verify()
        assert problems[0] == (
            "relationship 'halden', events row 2: its hash does not match its content and"
            " the row before it (changed outside the store, or opened with another key)"
        )
        assert all(p.startswith("relationship 'halden', events row ") for p in problems)
        assert sql.execute("SELECT layout FROM store_layout").fetchall() == [(len(MIGRATIONS),)]
        assert sql.execute(
            "SELECT DISTINCT pg_typeof(hash)::text, length(hash) FROM events"
            " WHERE relationship_id = 'halden-foods'"
        ).fetchall() == [("bytea", 32)]

    def test_a_newer_layout_is_refused(self, postgres: str, sql: Any) -> None:
        PostgresStore(postgres).close()
        sql.execute("UPDATE store_layout SET layout = 99")

        with pytest.raises(StoreError, match="layout 99, newer than this library"):
            PostgresStore(postgres)

    def test_an_unreachable_server_is_a_store_error_without_the_password(self) -> None:
        with pytest.raises(StoreError, match="cannot connect to the PostgreSQL store") as failed:
            PostgresStore("host=/nonexistent/socket dbname=crm password=hunter2", connect_timeout=2)
        assert "hunter2" not in str(failed.value)

    @pytest.mark.parametrize(
        ("option", "value"),
        [("lock_timeout", "30"), ("lock_timeout", 0), ("connect_timeout", True), ("key", b"")],
    )
    def test_a_wrong_option_is_refused_before_connecting(self, option: str, value: object) -> None:
        with pytest.raises(InvalidValue, match=rf"PostgresStore\({option}=...\): must be"):
            PostgresStore("host=/nonexistent dbname=x", **{option: value})  # type: ignore[arg-type]

    def test_a_lost_connection_is_a_store_error(self, store: PostgresStore, sql: Any) -> None:
        store.save(recovering())
        pid = store._db.info.backend_pid
        sql.execute("SELECT pg_terminate_backend(%s)", (pid,))

        with pytest.raises(StoreError, match="PostgreSQL store"):
            store.load("halden")

    def test_repr_names_the_database_not_the_credentials(self, postgres: str) -> None:
        with PostgresStore(postgres) as store:
            assert repr(store).startswith("<PostgresStore host=")
            assert "password" not in repr(store)


def _spawn_pool(workers: int) -> Any:
    return multiprocessing.get_context("spawn").Pool(workers)


class TestConcurrency:
    WORKERS = 8

    def test_eight_processes_racing_on_one_case_lose_nothing(
        self, store: PostgresStore, postgres: str
    ) -> None:
        """Every accepted event is stored exactly once; every loser got StaleVersion."""
        r = recovering()
        store.save(r)
        attempts = 12
        start = time.time() + 4  # time enough for every process to start and import

        with _spawn_pool(self.WORKERS) as pool:
            results = pool.starmap(
                postgres_workers.compete,
                [(postgres, r.id, w, attempts, start) for w in range(self.WORKERS)],
            )

        saved = [note for notes, _ in results for note in notes]
        stale = sum(count for _, count in results)
        final = store.load(r.id)
        notes = [e.summary for e in final.history[r.version :]]  # type: ignore[attr-defined]
        assert sorted(notes) == sorted(saved)  # 0 lost
        assert len(set(notes)) == len(notes)  # 0 duplicated
        assert len(saved) + stale == self.WORKERS * attempts  # every loser was told
        assert stale > 0  # they did collide
        feed = store.events(limit=10_000)
        assert [e.position for e in feed] == list(range(1, final.version + 1))
        assert store.verify() == []

    def test_eight_processes_on_their_own_cases_lose_nothing(
        self, store: PostgresStore, postgres: str
    ) -> None:
        cases, steps = 4, 5
        start = time.time() + 4

        with _spawn_pool(self.WORKERS) as pool:
            written = pool.starmap(
                postgres_workers.own_cases,
                [(postgres, w, cases, steps, start) for w in range(self.WORKERS)],
            )

        entries = store.list()
        assert len(entries) == self.WORKERS * cases
        assert all(e.version == steps + 1 for e in entries)
        assert sum(written) == self.WORKERS * cases * (steps + 1)
        feed = store.events(limit=10_000)
        assert [e.position for e in feed] == list(range(1, sum(written) + 1))
        assert store.verify() == []


class TestCrashes:
    def test_a_writer_killed_inside_its_transaction_leaves_no_trace_of_it(
        self, postgres: str
    ) -> None:
        """Killed after its events reached the server, before commit: the save is not there,
        the two before it are whole, and no position was used up."""
        size = 50
        writer = subprocess.Popen(
            [sys.executable, "-m", "tests.postgres_workers", postgres, str(size), "2"],
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        assert writer.stdout is not None
        lines = [writer.stdout.readline() for _ in range(3)]
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        writer.stdout.close()

        assert lines == ["saved 0\n", "saved 1\n", "inside\n"]
        with PostgresStore(postgres) as store:
            _wait_for_no_other_backend(store)
            assert store.verify() == []
            assert [(e.id, e.version) for e in store.list()] == [
                ("w000000", size),
                ("w000001", size),
            ]
            assert store.version("w000002") == 0
            assert [e.position for e in store.events(limit=1000)] == list(range(1, 2 * size + 1))
            store.save(postgres_workers.opened_case(2, size))  # the next position is free
            assert store.events(after=2 * size, limit=1)[0].position == 2 * size + 1

    @pytest.mark.parametrize("delay", [0.0, 0.15, 0.5])
    def test_a_writer_killed_mid_transaction_leaves_only_whole_saves(
        self, postgres: str, delay: float
    ) -> None:
        """SIGKILL at varying moments: the server rolls the open transaction back."""
        size = 400
        writer = subprocess.Popen(
            [sys.executable, "-m", "tests.postgres_workers", postgres, str(size)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        assert writer.stdout is not None
        assert writer.stdout.readline().startswith("saved")  # at least one save is in
        time.sleep(delay)
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        writer.stdout.close()

        with PostgresStore(postgres) as store:
            _wait_for_no_other_backend(store)
            assert store.verify() == []
            entries = store.list()
            feed = _whole_feed(store)
        assert entries
        assert all(e.version == size for e in entries)
        assert [e.position for e in feed] == list(range(1, size * len(entries) + 1))


def _whole_feed(store: PostgresStore) -> list[StoredEvent]:
    """Every event of the feed, a page at a time (a fast writer saves more than one page)."""
    feed: list[StoredEvent] = []
    while page := store.events(after=_last(feed), limit=1000):
        feed.extend(page)
    return feed


def _wait_for_no_other_backend(store: PostgresStore) -> None:
    """Until the killed writer's server process has rolled back and gone (a few seconds)."""
    for _ in range(100):
        others = store._db.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            " AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
            " AND state <> 'idle'"
        ).fetchone()
        if others is not None and others[0] == 0:
            return
        time.sleep(0.05)


class TestFeedUnderConcurrentWriters:
    def test_a_follower_never_skips_a_committed_event(
        self, store: PostgresStore, postgres: str
    ) -> None:
        """Eight writers commit in whatever order they finish while a follower polls; it
        sees every position exactly once, in order, though a later save may start first."""
        start = time.time() + 4
        seen: list[StoredEvent] = []
        with _spawn_pool(8) as pool:
            pending = pool.starmap_async(
                postgres_workers.own_cases, [(postgres, w, 4, 6, start) for w in range(8)]
            )
            while not pending.ready() or store.events(after=_last(seen), limit=1):
                seen.extend(store.events(after=_last(seen), limit=50))
            written = sum(pending.get())

        positions = [e.position for e in seen]
        assert positions == list(range(1, written + 1))
        full = store.events(limit=10_000)
        assert [(e.relationship_id, e.version) for e in seen] == [
            (e.relationship_id, e.version) for e in full
        ]

    def test_wait_wakes_when_a_save_commits(self, store: PostgresStore, postgres: str) -> None:
        """LISTEN/NOTIFY: a follower sleeps until there is something to read."""
        assert store.wait(0.05) is True  # it starts listening: read the feed again
        assert store.wait(0.05) is False

        def later() -> None:
            time.sleep(0.3)
            with PostgresStore(postgres) as other:
                other.save(recovering())

        saver = threading.Thread(target=later)
        saver.start()
        woke = store.wait(10)
        saver.join()

        assert woke is True
        assert store.events(limit=1)[0].position == 1

    def test_a_commit_made_while_not_waiting_wakes_the_next_wait(
        self, store: PostgresStore, postgres: str
    ) -> None:
        store.wait(0)
        with PostgresStore(postgres) as other:
            other.save(recovering())

        assert store.wait(10) is True
        assert store.wait(0.05) is False


def _last(seen: list[StoredEvent]) -> int:
    return seen[-1].position if seen else 0


class TestListing:
    def test_list_reads_only_a_covering_index(self, store: PostgresStore, sql: Any) -> None:
        """By id or by stage, the listing is an index-only scan: no snapshot is read."""
        for case in (masterclass(), design_firm()):
            store.save(case)
        sql.execute("VACUUM ANALYZE relationships")
        sql.execute("SET enable_seqscan = off")
        columns = "id, client, stage, version, opened_at, updated_at, account"

        for where in ("", " WHERE stage = 'LOST'"):
            plan = sql.execute(
                f"EXPLAIN SELECT {columns} FROM relationships{where} ORDER BY id"
            ).fetchall()
            assert "Index Only Scan" in plan[0][0], plan
