"""The SQLite store: documents plus an append-only events table, optimistic concurrency,
validation on load, migrations, several writers at once, and a writer killed mid-save."""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clientrecovery import (
    InvalidDocument,
    InvalidValue,
    Relationship,
    SQLiteStore,
    Stage,
    StaleVersion,
    StoreError,
    UnknownItem,
    _sqlite_feed,
    _sqlite_layout,
    _sqlite_save,
    to_json,
)
from clientrecovery import store as store_module
from clientrecovery._chain import GENESIS, link
from clientrecovery._sqlite_layout import _statements
from clientrecovery.examples import design_firm, masterclass, synthetic_portfolio, turnaround
from clientrecovery.serialization import _event_dict, _event_json, _snapshot_json
from tests import store_workers
from tests.builders import T0, recovering
from tests.strategies import relationships

CASES = (masterclass(), design_firm(), turnaround())


@pytest.fixture
def store(path: str) -> Iterator[SQLiteStore]:
    with SQLiteStore(path) as opened:
        yield opened


def raw(path: str) -> sqlite3.Connection:
    """A plain connection, as a SQL user (or a careless tool) would have."""
    return sqlite3.connect(path, isolation_level=None)


def follow(r: Relationship, note: str = "checked") -> Relationship:
    return r.follow_up(at=r.last_event.at + timedelta(hours=1), note=note)


class TestSaveAndLoad:
    def test_a_saved_relationship_loads_equal(self, store: SQLiteStore) -> None:
        """Every story, and varied synthetic cases, come back equal."""
        for case in (*CASES, *synthetic_portfolio(20, seed=3)):
            assert store.save(case) == case.version
            assert store.load(case.id) == case

    def test_the_events_table_holds_one_row_per_event(self, store: SQLiteStore, path: str) -> None:
        """Version, type, UTC time, actor and the payload as in a document's history."""
        case = turnaround()
        store.save(case)

        rows = (
            raw(path)
            .execute(
                "SELECT version, type, at, actor, payload FROM events"
                " WHERE relationship_id = ? ORDER BY version",
                (case.id,),
            )
            .fetchall()
        )

        assert [row[0] for row in rows] == list(range(1, case.version + 1))
        for (_, kind, moment, actor, payload), event in zip(rows, case.history, strict=True):
            assert kind == type(event).__name__
            assert datetime.fromisoformat(moment) == event.at
            assert moment.endswith("+00:00")
            assert actor == event.actor
            assert json.loads(payload) == _event_dict(event)

    def test_saving_again_appends_only_the_new_events(self, store: SQLiteStore, path: str) -> None:
        """The change is based on the loaded version; only what came after it is written."""
        r = recovering()
        store.save(r)
        loaded = store.load(r.id)
        changed = follow(follow(loaded), "again")

        appended = store.save(changed, expected_version=loaded.version)

        assert appended == 2
        assert store.version(r.id) == loaded.version + 2
        assert store.load(r.id) == changed
        count = raw(path).execute("SELECT count(*) FROM events").fetchone()[0]
        assert count == changed.version

    def test_saving_an_unchanged_relationship_writes_nothing(self, store: SQLiteStore) -> None:
        r = recovering()
        store.save(r)

        assert store.save(r, expected_version=r.version) == 0
        assert store.load(r.id) == r

    def test_list_filters_by_stage_without_loading(self, store: SQLiteStore) -> None:
        for case in CASES:
            store.save(case)

        everything = store.list()
        lost = store.list(stage=Stage.LOST)

        assert [e.id for e in everything] == sorted(c.id for c in CASES)
        assert [(e.id, e.stage, e.version) for e in lost] == [
            ("brightwater-health", Stage.LOST, CASES[1].version)
        ]
        assert lost[0].updated_at == CASES[1].last_event.at
        assert lost[0].opened_at == CASES[1].opened_at
        assert [r.id for r in store.relationships(stage=Stage.RECOVERED)] == [
            "halden-foods",
            "norbrook-logistics",
        ]

    def test_history_since_a_version(self, store: SQLiteStore) -> None:
        case = masterclass()
        store.save(case)

        assert store.history(case.id) == case.history
        assert store.history(case.id, since=30) == case.history[30:]

    @pytest.mark.parametrize("path", [None, 5, b"cases.db", ""])
    def test_a_path_that_names_no_file_is_refused(self, path: object) -> None:
        with pytest.raises(InvalidValue, match=r"SQLiteStore\(path=...\): must name a file"):
            SQLiteStore(path)  # type: ignore[arg-type]

    @pytest.mark.parametrize("timeout", ["5", None, float("nan"), -1, float("inf"), True])
    def test_a_timeout_that_is_not_seconds_is_refused(
        self, tmp_path: Path, timeout: object
    ) -> None:
        with pytest.raises(InvalidValue, match=r"SQLiteStore\(timeout=...\)"):
            SQLiteStore(tmp_path / "cases.db", timeout=timeout)  # type: ignore[arg-type]
        assert not (tmp_path / "cases.db").exists()

    @pytest.mark.parametrize("flag", ["create", "readonly", "migrate"])
    @pytest.mark.parametrize("value", ["no", 0, None])
    def test_a_flag_that_is_not_a_bool_is_refused(
        self, tmp_path: Path, flag: str, value: object
    ) -> None:
        # "no" would otherwise count as true: create a store the caller asked not to create.
        with pytest.raises(InvalidValue, match=rf"SQLiteStore\({flag}=...\): must be a bool"):
            SQLiteStore(tmp_path / "cases.db", **{flag: value})  # type: ignore[arg-type]
        assert not (tmp_path / "cases.db").exists()

    @pytest.mark.parametrize("since", [-1, "3", 2.0, None, True])
    def test_a_wrong_since_is_refused(self, store: SQLiteStore, since: object) -> None:
        case = masterclass()
        store.save(case)

        with pytest.raises(InvalidValue, match=r"history\(since=...\): must be a version"):
            store.history(case.id, since=since)  # type: ignore[arg-type]

    def test_an_unknown_id_names_the_known_ones(self, store: SQLiteStore) -> None:
        store.save(CASES[0])

        with pytest.raises(UnknownItem, match=r"unknown relationship 'nobody'.*halden-foods"):
            store.load("nobody")
        assert store.version("nobody") == 0

    def test_a_text_id_no_store_can_hold_is_unknown(self, store: SQLiteStore) -> None:
        """A lone surrogate is text no row can hold: unknown, with the known ids named."""
        store.save(CASES[0])

        with pytest.raises(UnknownItem, match=r"unknown relationship .*halden-foods"):
            store.load("\ud800")
        with pytest.raises(UnknownItem):
            store.history("\ud800")
        assert store.version("\ud800") == 0

    @pytest.mark.parametrize("rid", [2**70, 5, None])
    def test_an_id_that_is_not_text_is_a_wrong_argument(
        self, store: SQLiteStore, rid: object
    ) -> None:
        store.save(CASES[0])

        for call in (store.load, store.history, store.version):
            with pytest.raises(InvalidValue, match=r"\(relationship_id\): must be a str"):
                call(rid)  # type: ignore[arg-type]

    @pytest.mark.parametrize("expected", [-1, 10_000, True, "3", None])
    def test_a_wrong_expected_version_is_refused(
        self, store: SQLiteStore, expected: object
    ) -> None:
        with pytest.raises(InvalidValue, match=r"save\(expected_version=...\): must be an integer"):
            store.save(recovering(), expected_version=expected)  # type: ignore[arg-type]
        assert store.list() == ()

    def test_only_a_relationship_can_be_saved(self, store: SQLiteStore) -> None:
        with pytest.raises(InvalidValue, match=r"save\(relationship\): must be a Relationship"):
            store.save(to_json(recovering()))  # type: ignore[arg-type]

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(relationships(), st.data())
    def test_saving_in_steps_loads_the_same(self, r: Relationship, data: st.DataObject) -> None:
        """Random histories, saved in random pieces, load equal, with one row per event."""
        cuts = sorted(set(data.draw(st.lists(st.integers(1, r.version), max_size=4))))
        with SQLiteStore(":memory:") as memory:
            done = 0
            for cut in [*cuts, r.version]:
                prefix = Relationship.replay(r.history[:cut])
                memory.save(prefix, expected_version=done)
                done = cut
            assert memory.load(r.id) == r
            assert memory.list()[0].version == r.version


class TestOptimisticConcurrency:
    def test_a_stale_save_is_refused_and_writes_nothing(self, store: SQLiteStore) -> None:
        """Two people load version N; the first save wins, the second gets StaleVersion."""
        r = recovering()
        store.save(r)
        mine, theirs = store.load(r.id), store.load(r.id)
        store.save(follow(theirs, "theirs"), expected_version=theirs.version)

        with pytest.raises(StaleVersion, match=r"expected version \d+, but version \d+") as stale:
            store.save(follow(mine, "mine"), expected_version=mine.version)

        assert (stale.value.expected, stale.value.actual) == (r.version, r.version + 1)
        assert stale.value.relationship_id == r.id
        assert store.load(r.id).last_event.note == "theirs"  # type: ignore[attr-defined]

    def test_a_keyed_store_never_writes_a_state_for_another_history(self, tmp_path: Path) -> None:
        """Appended onto, another history under the same id would have been given a state
        and a link under the key, and a trusted load would have believed its client."""
        with SQLiteStore(tmp_path / "keyed.db", key=b"k" * 32) as keyed:
            r = recovering()
            keyed.save(r)
            forged = Relationship.replay(
                [attrs.evolve(r.history[0], client="Evil Corp"), *r.history[1:]]
            )
            with pytest.raises(StaleVersion, match="not the stored ones"):
                keyed.save(follow(forged), expected_version=r.version)

            assert keyed.load(r.id).client == r.client
            assert keyed.verify() == []
            # A case the store loaded, changed by a command, is linked from where it was.
            loaded = keyed.load(r.id)
            assert keyed.save(follow(loaded), expected_version=r.version) == 1

    def test_a_new_relationship_cannot_overwrite_a_stored_one(self, store: SQLiteStore) -> None:
        store.save(recovering())

        with pytest.raises(StaleVersion, match="but version"):
            store.save(recovering())

    def test_a_different_history_at_the_same_version_is_refused(self, store: SQLiteStore) -> None:
        """Same id, same length, another history: not a continuation of what is stored."""
        r = recovering()
        store.save(follow(r, "stored"))

        with pytest.raises(StaleVersion, match="differs from the stored one at event"):
            store.save(follow(follow(r, "other")), expected_version=r.version + 1)
        assert store.version(r.id) == r.version + 1

    def test_many_processes_saving_at_once_lose_nothing(self, path: str) -> None:
        """Every accepted event is stored exactly once; every loser got StaleVersion."""
        r = recovering()
        with SQLiteStore(path) as store:
            store.save(r)
        workers, attempts = 4, 25
        start = time.time() + 3  # time enough for every process to start and import

        with multiprocessing.get_context("spawn").Pool(workers) as pool:
            results = pool.starmap(
                store_workers.compete, [(path, r.id, w, attempts, start) for w in range(workers)]
            )

        saved = [note for notes, _ in results for note in notes]
        stale = sum(count for _, count in results)
        with SQLiteStore(path) as store:
            final = store.load(r.id)
        notes = [e.note for e in final.history[r.version :]]  # type: ignore[attr-defined]
        assert sorted(notes) == sorted(saved)
        assert len(set(notes)) == len(notes)
        assert len(saved) + stale == workers * attempts
        assert final.version == r.version + len(saved)
        assert stale > 0  # they did collide


class TestCrashes:
    @pytest.mark.parametrize("delay", [0.0, 0.2, 0.7])
    def test_a_writer_killed_mid_save_leaves_a_valid_store(self, path: str, delay: float) -> None:
        """SIGKILL at varying moments: the store opens, verifies, and every save is whole."""
        writer = subprocess.Popen(
            [sys.executable, "-m", "tests.store_workers", path],
            stdout=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).parent.parent,
        )
        assert writer.stdout is not None
        assert writer.stdout.readline().startswith("saved")  # at least one save is in
        time.sleep(delay)
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        writer.stdout.close()

        with SQLiteStore(path) as store:
            assert store.verify() == []
            entries = store.list()
        assert entries
        assert all(e.version == 300 for e in entries)
        rows = raw(path).execute("SELECT count(*) FROM events").fetchone()[0]
        assert rows == 300 * len(entries)


class TestCorruption:
    def test_events_are_append_only(self, store: SQLiteStore, path: str) -> None:
        store.save(recovering())
        db = raw(path)

        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            db.execute("UPDATE events SET actor = 'someone else'")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            db.execute("DELETE FROM events WHERE version = 2")

    def tamper(self, path: str, *statements: str) -> None:
        db = raw(path)
        db.execute("DROP TRIGGER events_are_not_updated")
        db.execute("DROP TRIGGER events_are_not_deleted")
        for statement in statements:
            db.execute(statement)

    @pytest.mark.parametrize(
        ("statement", "message"),
        [
            ("UPDATE relationships SET snapshot = '{'", r"relationships\.snapshot: not valid JSON"),
            ("UPDATE relationships SET snapshot = '[]'", r"relationships\.snapshot: not a JSON"),
            (
                "UPDATE relationships SET snapshot = json_set(snapshot, '$.stage', 'recovered')",
                r"\"recovered\" contradicts the history.* @ \$\.stage",
            ),
            (
                "UPDATE events SET payload = '{\"type\"' WHERE version = 3",
                r"events row 3: not valid",
            ),
            (
                "UPDATE events SET payload = json_set(payload, '$.at', 'soon') WHERE version = 3",
                r"'soon' is not an ISO 8601 date-time @ \$\.history\[2\]\.at",
            ),
            ("DELETE FROM events WHERE version = 4", "event 4 is missing from the events table"),
            (
                "DELETE FROM events WHERE version > 5",
                r"contradicts the history.* @ \$\.(stage|version)",
            ),
        ],
    )
    def test_a_corrupted_row_is_reported_not_skipped(
        self, store: SQLiteStore, path: str, statement: str, message: str
    ) -> None:
        r = recovering()
        store.save(r)
        self.tamper(path, statement)
        store.save(masterclass())  # a healthy neighbour, saved after the damage

        with pytest.raises(InvalidDocument, match=message) as bad:
            store.load(r.id)
        assert f"relationship {r.id!r}" in str(bad.value)
        problems = store.verify()
        assert problems
        assert all(p.startswith(f"relationship {r.id!r}") for p in problems)
        assert store.load("halden-foods") == masterclass()

    @pytest.mark.parametrize("key", [None, b"a secret of thirty-two bytes!!!!"])
    @pytest.mark.parametrize("version", [-1, 0])
    def test_an_events_row_below_version_1_is_named_not_taken_for_no_case(
        self, path: str, version: int, key: bytes | None
    ) -> None:
        """A plain INSERT, which the triggers let through: the stray row sorts before the
        relationships row, and the case was said not to exist (UnknownItem)."""
        r = recovering()
        with SQLiteStore(path, key=key) as store:
            store.save(r)
            store.save(masterclass())
            raw(path).execute(
                "INSERT INTO events (relationship_id, version, type, at, actor, payload, hash)"
                " VALUES (?, ?, 'FollowedUp', '2026-01-01T00:00:00+00:00', NULL, '{}', x'00')",
                (r.id, version),
            )
            stray = (
                f"relationship {r.id!r}, events row {version}: no event has this version"
                " (events are numbered from 1): the row was written outside the store"
            )

            with pytest.raises(InvalidDocument) as bad:
                store.load(r.id)
            assert bad.value.problems[0] == stray
            assert len(set(bad.value.problems)) == len(bad.value.problems)
            problems = store.verify()
            assert problems[0] == stray
            assert all(p.startswith(f"relationship {r.id!r}") for p in problems)
            assert store.load("halden-foods") == masterclass()
            assert r.id in [listed.id for listed in store.list()]

    def test_orphan_events_are_reported(self, store: SQLiteStore, path: str) -> None:
        r = recovering()
        store.save(r)
        db = raw(path)
        db.execute("PRAGMA foreign_keys = OFF")
        db.execute("DELETE FROM relationships")

        assert store.verify() == [f"relationship {r.id!r}: events without a relationships row"]

    def test_a_corrupted_list_row_is_reported(self, store: SQLiteStore, path: str) -> None:
        store.save(recovering())
        raw(path).execute("UPDATE relationships SET stage = 'LIMBO'")

        with pytest.raises(InvalidDocument, match="a relationships row cannot be read"):
            store.list()


class TestImportExport:
    def test_export_then_import_gives_the_same_store(
        self, store: SQLiteStore, tmp_path: Path
    ) -> None:
        for case in CASES:
            store.save(case)
        out = io.StringIO()

        assert store.export_jsonl(out) == 3
        with SQLiteStore(tmp_path / "copy.db") as copy:
            assert copy.import_jsonl(out.getvalue().splitlines()) == 3
            assert [copy.load(c.id) for c in CASES] == list(CASES)
            assert copy.import_jsonl(out.getvalue().splitlines()) == 0  # already there

    def test_export_by_stage(self, store: SQLiteStore) -> None:
        for case in CASES:
            store.save(case)
        out = io.StringIO()

        assert store.export_jsonl(out, stage=Stage.LOST) == 1
        assert json.loads(out.getvalue())["id"] == "brightwater-health"

    def test_an_invalid_line_imports_nothing(self, store: SQLiteStore) -> None:
        lines = [to_json(CASES[0]), "{not json", to_json(CASES[1])]

        with pytest.raises(InvalidDocument, match="line 2: not valid JSON"):
            store.import_jsonl(lines)
        assert store.list() == ()

    def test_an_invalid_line_can_be_skipped(self, store: SQLiteStore) -> None:
        lines = [to_json(CASES[0]), "{not json", "", to_json(CASES[1])]
        bad: list[int] = []

        assert store.import_jsonl(lines, on_error=lambda n, _: bad.append(n)) == 2
        assert bad == [2]
        assert len(store.list()) == 2

    def test_import_extends_a_stored_history(self, store: SQLiteStore) -> None:
        r = recovering()
        store.save(r)
        longer = follow(follow(r))

        assert store.import_jsonl([to_json(longer)]) == 1
        assert store.load(r.id) == longer

    def test_import_refuses_a_history_that_diverges(self, store: SQLiteStore) -> None:
        r = recovering()
        store.save(follow(r, "stored"))
        other = follow(follow(r, "other"))

        with pytest.raises(StaleVersion, match="differ at event"):
            store.import_jsonl([to_json(CASES[0]), to_json(other)])
        assert [e.id for e in store.list()] == [r.id]  # the first line was rolled back too


class TestOpening:
    def test_a_store_in_a_folder_it_cannot_write_is_said_so(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Making a store where the user may not write names the folder, not a read-only
        store that does not exist. (Faked: root, who runs CI, may write anywhere.)"""
        from clientrecovery import _sqlite_connection

        folder = tmp_path / "shared"
        folder.mkdir()

        def refused(*args: object, **kwargs: object) -> sqlite3.Connection:
            raise sqlite3.OperationalError("unable to open database file")

        monkeypatch.setattr(_sqlite_connection.sqlite3, "connect", refused)
        monkeypatch.setattr(  # searchable, not writable
            _sqlite_connection.os, "access", lambda path, mode: not mode & os.W_OK
        )

        with pytest.raises(StoreError) as refusal:
            SQLiteStore(folder / "cases.db")
        assert "cannot be created" in str(refusal.value)
        assert repr(str(folder)) in str(refusal.value)
        assert "read-only" not in str(refusal.value)

    def test_a_new_store_is_migrated_and_in_wal_mode(self, path: str) -> None:
        SQLiteStore(path).close()
        db = raw(path)

        assert db.execute("PRAGMA user_version").fetchone()[0] == len(store_module.MIGRATIONS)
        assert db.execute("PRAGMA application_id").fetchone()[0] == store_module.APPLICATION_ID
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"

    def test_pending_migrations_are_applied_once(
        self, path: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """An older store gets the steps it lacks, and keeps its data."""
        with SQLiteStore(path) as store:
            store.save(recovering())
        extra = "CREATE TABLE notes (relationship_id TEXT, text TEXT);"
        layouts = len(store_module.MIGRATIONS)
        monkeypatch.setattr(_sqlite_layout, "MIGRATIONS", (*_sqlite_layout.MIGRATIONS, extra))

        SQLiteStore(path).close()
        with SQLiteStore(path) as store:  # a second open has nothing left to do
            assert len(store.list()) == 1
        assert raw(path).execute("PRAGMA user_version").fetchone()[0] == layouts + 1

    def test_a_layout_1_store_gets_accounts_a_feed_and_erasure(self, path: str) -> None:
        """Its events get positions in the order they happened; its cases no account."""
        old = raw(path)  # a store written by a version of the library that knew layout 1
        for statement in _statements(store_module.MIGRATIONS[0]):
            old.execute(statement)
        old.execute(f"PRAGMA application_id = {store_module.APPLICATION_ID}")
        old.execute("PRAGMA user_version = 1")
        for case in (masterclass(), design_firm()):
            old.execute(
                "INSERT INTO relationships VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    case.id,
                    case.client,
                    case.stage.name,
                    case.version,
                    case.opened_at.astimezone(UTC).isoformat(),
                    case.last_event.at.astimezone(UTC).isoformat(),
                    _snapshot_json(case),
                ),
            )
            old.executemany(
                "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (case.id, n, type(e).__name__, e.at.astimezone(UTC).isoformat(), e.actor, p)
                    for n, e in enumerate(case.history, start=1)
                    for p in [_event_json(e)]
                ],
            )
        old.close()

        with SQLiteStore(path) as store:
            feed = store.events(limit=1000)
            entries = store.list()
            store.save(turnaround())
            assert store.verify() == []

        stored = masterclass().version + design_firm().version
        assert [e.position for e in feed] == list(range(1, stored + 1))
        assert [e.event.at for e in feed] == sorted(e.event.at for e in feed)
        assert [e.account for e in entries] == [None, None]

    @pytest.mark.parametrize("key", [None, b"sixteen byte key"])
    def test_a_layout_3_store_keeps_its_feed_chains_and_erasures_in_layout_4(
        self, path: str, monkeypatch: pytest.MonkeyPatch, key: bytes | None
    ) -> None:
        """Positions, heads and erasure records survive the move to raw digests in commit
        order; a hash damaged before the move is still reported after it."""
        with monkeypatch.context() as old:  # the library as it was at layout 3: hex hashes
            old.setattr(_sqlite_layout, "MIGRATIONS", _sqlite_layout.MIGRATIONS[:3])
            old.setattr(_sqlite_save, "digest", lambda link: link)
            old.setattr(_sqlite_feed, "digest", lambda link: link)
            with SQLiteStore(path, key=key) as store:
                store.save(recovering())
                store.save(design_firm())
                store.save(follow(recovering()), expected_version=recovering().version)
                store.save(masterclass())
                store.erase(design_firm().id, key="sixteen bytes or more", by="dpo")
                anchor = store.anchor()
                erasures = store.erasures()
                loaded = [store.load(e.id) for e in store.list()]
        db = raw(path)
        assert db.execute("PRAGMA user_version").fetchone() == (3,)
        feed = db.execute("SELECT * FROM feed ORDER BY position").fetchall()
        assert db.execute("SELECT typeof(hash) FROM events LIMIT 1").fetchone() == ("text",)
        db.close()

        with SQLiteStore(path, key=key) as store:
            assert store.verify(anchor=anchor) == []
            assert store.anchor() == anchor
            assert store.erasures() == erasures
            assert [store.load(e.id) for e in store.list()] == loaded
            assert [(e.position, e.relationship_id, e.version) for e in store.events()] == feed
            store.save(turnaround())
            assert store.events()[-1].position == len(feed) + turnaround().version
            assert store.verify() == []
        db = raw(path)
        assert db.execute("PRAGMA user_version").fetchone() == (len(store_module.MIGRATIONS),)
        assert db.execute("SELECT DISTINCT typeof(hash), length(hash) FROM events").fetchall() == [
            ("blob", 32)
        ]
        assert db.execute("SELECT * FROM feed ORDER BY position").fetchall()[: len(feed)] == feed

    def test_a_hash_damaged_before_layout_4_is_reported_after_it(
        self, path: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The migration converts digests only; anything else is copied for verify to see."""
        with monkeypatch.context() as old:
            old.setattr(_sqlite_layout, "MIGRATIONS", _sqlite_layout.MIGRATIONS[:3])
            old.setattr(_sqlite_save, "digest", lambda link: link)
            with SQLiteStore(path) as store:
                store.save(recovering())
        db = raw(path)
        db.execute("DROP TRIGGER events_are_not_updated")
        db.execute("UPDATE events SET hash = 'edited by hand' WHERE version = 2")
        db.commit()
        db.close()

        with SQLiteStore(path) as store:
            problems = store.verify()
        assert any("events row 2: its hash does not match" in p for p in problems)
        assert raw(path).execute("SELECT hash FROM events WHERE version = 2").fetchone() == (
            "edited by hand",
        )

    def test_list_reads_only_a_covering_index(self, store: SQLiteStore, path: str) -> None:
        """Not the rows with their snapshots: the index holds every listed column."""
        store.save(masterclass())
        db = raw(path)
        queries = {
            "": "",
            "stage": " WHERE stage = 'LOST'",
            "account": " WHERE account = 'a' AND stage = 'LOST'",
        }

        for name, where in queries.items():
            index = {"": "relationships_listed"}.get(name, f"relationships_by_{name}")
            plan = db.execute(
                "EXPLAIN QUERY PLAN SELECT id, client, stage, version, opened_at, updated_at,"
                f" account FROM relationships INDEXED BY {index}{where} ORDER BY id"
            ).fetchall()
            assert "COVERING INDEX" in plan[0][3], (name, plan)

    def test_a_newer_store_is_refused(self, path: str) -> None:
        SQLiteStore(path).close()
        raw(path).execute("PRAGMA user_version = 99")

        with pytest.raises(StoreError, match="store layout 99, newer than this library"):
            SQLiteStore(path)

    def test_another_applications_database_is_refused(self, path: str) -> None:
        raw(path).execute("CREATE TABLE invoices (id INTEGER)")

        with pytest.raises(StoreError, match="a database of another application"):
            SQLiteStore(path)
        raw(path).execute("PRAGMA application_id = 7")
        with pytest.raises(StoreError, match=r"belongs to another application \(id 0x7\)"):
            SQLiteStore(path)

    def test_a_file_that_is_not_a_database_is_refused(self, path: str) -> None:
        Path(path).write_text("hello, not sqlite " * 100)

        with pytest.raises(StoreError, match="is not a clientrecovery store"):
            SQLiteStore(path)

    def test_a_missing_store_is_not_created_when_asked(self, path: str) -> None:
        with pytest.raises(StoreError, match="no store at"):
            SQLiteStore(path, create=False)
        assert not Path(path).exists()

    def test_repr_names_the_file(self, path: str) -> None:
        with SQLiteStore(path) as store:
            assert repr(store) == f"<SQLiteStore {path!r}>"


class TestFeedAndErasure:
    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(st.tuples(st.integers(0, 2), st.booleans()), min_size=1, max_size=12))
    def test_the_feed_is_every_accepted_event_once_in_commit_order(
        self, steps: list[tuple[int, bool]]
    ) -> None:
        """Saves on three cases, some from stale copies: the feed holds exactly the accepted
        events, positions 1..n, each case's in version order."""
        with SQLiteStore(":memory:") as memory:
            accepted: list[tuple[str, int]] = []
            for which, stale in steps:
                rid = f"case-{which}"
                if memory.version(rid) == 0:
                    r = Relationship.open("Acme", trigger="late", at=T0, id=rid)
                    memory.save(r)
                    accepted.append((rid, 1))
                    continue
                current = memory.load(rid)
                stale = stale and current.version > 1  # a copy from before the last save
                base = Relationship.replay(current.history[:-1]) if stale else current
                changed = base.contact_client(at=T0, channel="call", summary=f"{len(accepted)}")
                try:
                    memory.save(changed, expected_version=base.version)
                except StaleVersion:
                    assert stale
                else:
                    accepted.append((rid, changed.version))

            feed = memory.events(limit=1000)

        assert [e.position for e in feed] == list(range(1, len(accepted) + 1))
        assert [(e.relationship_id, e.version) for e in feed] == accepted

    def test_an_erasure_re_anchors_the_hash_chain(self, store: SQLiteStore, path: str) -> None:
        """Erase writes the chain recomputed over the new payloads, and its head."""
        r = recovering()
        store.save(r)

        erasure = store.erase(r.id, key="sixteen bytes or more", by="dpo")

        rows = raw(path).execute(
            "SELECT version, payload, hash FROM events WHERE relationship_id = ? ORDER BY version",
            (r.id,),
        )
        head = GENESIS
        for version, payload, stored in rows:
            head = link(head, r.id, version, payload)
            assert stored == bytes.fromhex(head)  # the raw digest (layout 4)
        assert erasure.head == head
        assert raw(path).execute(
            "SELECT head FROM relationships WHERE id = ?", (r.id,)
        ).fetchone() == (head,)
        assert store.verify() == []

    def test_a_keyed_store_verifies_and_loads_after_an_erasure(self, tmp_path: Path) -> None:
        """The keyed chain and the snapshot's link are rewritten under the store's key."""
        r = recovering()
        with SQLiteStore(tmp_path / "keyed.db", key=b"k" * 32) as keyed:
            keyed.save(r)
            keyed.erase(r.id, key="sixteen bytes or more", by="dpo")

            assert keyed.verify() == []
            assert keyed.load(r.id).client not in ("", r.client)

    def test_verify_reports_a_payload_changed_after_an_erasure(
        self, store: SQLiteStore, path: str
    ) -> None:
        """The erasure record anchors the new chain: a later edit no longer reaches it."""
        r = recovering()
        store.save(r)
        store.erase(r.id, key="sixteen bytes or more", by="dpo")
        db = raw(path)
        db.execute("DROP TRIGGER events_are_not_updated")
        db.execute(
            "UPDATE events SET payload = json_set(payload, '$.actor', 'X') WHERE version = 3"
        )

        assert any("an erasure re-anchored the chain" in p for p in store.verify())
