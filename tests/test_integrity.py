"""Tamper evidence of the store: the hash chain, the list columns, the anchor, damaged files,
read-only and locked stores, and a verify that reports instead of raising."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import sqlite3
from collections.abc import Iterator, Sequence
from datetime import timedelta
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clientrecovery import (
    InvalidDocument,
    InvalidValue,
    Policy,
    Relationship,
    SQLiteStore,
    Stage,
    StoreError,
    UnknownItem,
    from_dict,
    to_dict,
)
from clientrecovery import store as store_module
from clientrecovery._chain import GENESIS, link, links
from clientrecovery._integrity import snapshot_link
from clientrecovery._sqlite_layout import _statements
from clientrecovery._sqlite_save import _utc
from clientrecovery.events import Event, RelationshipClosed, RelationshipOpened
from clientrecovery.examples import design_firm, masterclass
from clientrecovery.serialization import _event_json, _snapshot_json
from tests.builders import recovering

KEY = b"a secret of thirty-two bytes!!!!"


@pytest.fixture
def store(path: str) -> Iterator[SQLiteStore]:
    with SQLiteStore(path) as opened:
        opened.save(recovering())
        opened.save(masterclass())
        yield opened


def raw(path: str) -> sqlite3.Connection:
    """A plain connection, as a SQL user (or a careless tool, or an attacker) has."""
    return sqlite3.connect(path, isolation_level=None)


def untriggered(path: str) -> sqlite3.Connection:
    db = raw(path)
    for trigger in ("events_are_not_updated", "events_are_not_deleted"):
        db.execute(f"DROP TRIGGER {trigger}")
    return db


def rechain(db: sqlite3.Connection, key: bytes | None = None) -> None:
    """Recompute every hash, as someone who rewrote rows and knows the scheme would."""
    heads: dict[str, str] = {}
    rows = db.execute(
        "SELECT relationship_id, version, payload FROM events ORDER BY relationship_id, version"
    ).fetchall()
    for rid, version, payload in rows:
        heads[rid] = link(heads.get(rid, GENESIS), rid, version, payload, key=key)
        db.execute(
            "UPDATE events SET hash = ? WHERE relationship_id = ? AND version = ?",
            (heads[rid], rid, version),
        )
    for rid, snapshot in db.execute("SELECT id, snapshot FROM relationships").fetchall():
        head = heads[rid]
        db.execute(
            "UPDATE relationships SET head = ?, snapshot_hash = ? WHERE id = ?",
            (head, snapshot_link(head, rid, snapshot, key=key), rid),
        )


def layout_one(path: str, rid: str, history: Sequence[Event], snapshot: str, stage: Stage) -> None:
    """A store file of layout 1 (before the chain), written with plain SQL: by the library
    of that time, or by anyone who can write a file."""
    db = raw(path)
    db.execute(f"PRAGMA application_id = {store_module.APPLICATION_ID}")
    for statement in _statements(store_module.MIGRATIONS[0]):
        db.execute(statement)
    db.execute("PRAGMA user_version = 1")
    first, last = history[0], history[-1]
    client = first.client if isinstance(first, RelationshipOpened) else "?"
    db.execute(
        "INSERT INTO relationships VALUES (?, ?, ?, ?, ?, ?, ?)",
        (rid, client, stage.name, len(history), _utc(first.at), _utc(last.at), snapshot),
    )
    for version, event in enumerate(history, 1):
        db.execute(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)",
            (rid, version, type(event).__name__, _utc(event.at), event.actor, _event_json(event)),
        )
    db.close()


def misname_a_trigger(path: str) -> None:
    """A damaged schema, as a flipped byte leaves it: a trigger whose SQL no longer parses and
    whose name is not UTF-8, so SQLite's error message (which quotes the name) is not either."""
    db = raw(path)
    version = db.execute("PRAGMA schema_version").fetchone()[0]
    db.execute("PRAGMA writable_schema = ON")
    db.execute(
        "UPDATE sqlite_master SET name = CAST(X'6576656E7473A3' AS TEXT),"
        " sql = replace(sql, 'CREATE TRIGGER', 'CREATE XRIGGER')"
        " WHERE name = 'events_are_not_deleted'"
    )
    db.execute(f"PRAGMA schema_version = {version + 1}")  # open connections read it again
    db.close()


def follow(r: Relationship, note: str = "checked") -> Relationship:
    return r.follow_up(at=r.last_event.at + timedelta(hours=1), note=note)


class TestReplaceIsRefused:
    @pytest.mark.parametrize("verb", ["INSERT OR REPLACE", "REPLACE", "INSERT OR IGNORE"])
    def test_a_stored_version_cannot_be_written_again(
        self, store: SQLiteStore, path: str, verb: str
    ) -> None:
        """REPLACE deletes without a DELETE trigger; the INSERT trigger still refuses it."""
        db = raw(path)
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            db.execute(
                f"{verb} INTO events (relationship_id, version, type, at, actor, payload, hash)"
                " SELECT relationship_id, version, type, at, 'mallory', payload, hash"
                " FROM events WHERE version = 3"
            )
        assert store.verify() == []

    @pytest.mark.parametrize("verb", ["INSERT OR REPLACE", "REPLACE", "INSERT OR IGNORE"])
    def test_a_stored_position_cannot_be_written_again(
        self, store: SQLiteStore, path: str, verb: str
    ) -> None:
        """A new version written at the position of a stored event would replace it."""
        db = raw(path)
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            db.execute(
                f"{verb} INTO events SELECT relationship_id, 99, position, type, at, actor,"
                " payload, hash FROM events WHERE version = 3"
            )
        assert store.verify() == []

    @pytest.mark.parametrize("position", [0, -1])
    def test_an_event_is_appended_after_the_last_position(
        self, store: SQLiteStore, path: str, position: int
    ) -> None:
        """The feed never goes backwards: an event at a position before the first is refused."""
        with pytest.raises(sqlite3.DatabaseError, match="appended after the last position"):
            raw(path).execute(
                "INSERT INTO events SELECT relationship_id, 99, ?, type, at, actor, payload, hash"
                " FROM events WHERE version = 3",
                (position,),
            )
        assert store.verify() == []

    def test_an_upsert_is_an_update_and_refused(self, store: SQLiteStore, path: str) -> None:
        """ON CONFLICT DO UPDATE fires the UPDATE trigger."""
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            raw(path).execute(
                "INSERT INTO events SELECT * FROM events WHERE version = 3"
                " ON CONFLICT DO UPDATE SET actor = 'mallory'"
            )

    def test_a_row_without_a_hash_is_refused(self, store: SQLiteStore, path: str) -> None:
        """A tool that appends rows by hand must chain them."""
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            raw(path).execute(
                "INSERT INTO events (relationship_id, version, type, at, actor, payload, hash)"
                " SELECT relationship_id, 99, type, at, actor, payload, NULL"
                " FROM events WHERE version = 3"
            )


class TestChain:
    def test_a_method_valid_edit_is_detected(self, store: SQLiteStore, path: str) -> None:
        """DROP TRIGGER + UPDATE of a note: still a valid history, but not the stored one."""
        r = recovering()
        untriggered(path).execute(
            "UPDATE events SET payload = json_set(payload, '$.actor', 'mallory')"
            " WHERE relationship_id = ? AND version = 3",
            (r.id,),
        )

        with pytest.raises(InvalidDocument, match="events row 3: its hash does not match"):
            store.load(r.id)
        problems = store.verify()
        assert any(p.startswith(f"relationship {r.id!r}, events row 3: its hash") for p in problems)
        assert all("halden-foods" not in p for p in problems)
        assert store.load("halden-foods") == masterclass()

    def test_rechaining_without_the_key_is_detected_in_a_keyed_store(self, path: str) -> None:
        """With a key, whoever recomputes the chain with plain SHA-256 is caught."""
        r = recovering()
        with SQLiteStore(path, key=KEY) as keyed:
            keyed.save(r)
        db = untriggered(path)
        db.execute("UPDATE events SET payload = json_set(payload, '$.actor', 'mallory')")
        rechain(db)

        with SQLiteStore(path, key=KEY) as keyed:
            with pytest.raises(InvalidDocument, match="events row 1: its hash does not match"):
                keyed.load(r.id)
            assert keyed.verify()

    def test_a_keyed_store_loads_equal_and_verifies(self, path: str) -> None:
        """The trusted load gives the same relationship as the validated one."""
        cases = [recovering(), masterclass(), design_firm()]
        with SQLiteStore(path, key=KEY) as keyed:
            for case in cases:
                keyed.save(case)
            assert [keyed.load(c.id) for c in cases] == cases
            assert keyed.verify() == []
            longer = follow(cases[0])
            keyed.save(longer, expected_version=cases[0].version)
            assert keyed.load(longer.id) == longer

    def test_another_key_does_not_verify(self, path: str) -> None:
        with SQLiteStore(path, key=KEY) as keyed:
            keyed.save(recovering())
        with (
            SQLiteStore(path, key=b"another key, also long enough") as other,
            pytest.raises(InvalidDocument, match="opened with another key"),
        ):
            other.load(recovering().id)

    def test_a_keyed_store_without_its_key_reads_but_does_not_write(self, path: str) -> None:
        r = recovering()
        with SQLiteStore(path, key=KEY) as keyed:
            keyed.save(r)
        with SQLiteStore(path) as unkeyed:
            assert unkeyed.load(r.id) == r
            with pytest.raises(StoreError, match="open it with its key to write"):
                unkeyed.save(follow(r), expected_version=r.version)

    def test_a_short_key_is_refused(self, path: str) -> None:
        with pytest.raises(InvalidValue, match="at least 16"):
            SQLiteStore(path, key=b"short")

    def test_a_trusted_load_still_refuses_a_changed_snapshot(self, path: str) -> None:
        """Only a snapshot whose link verifies is trusted; otherwise it is checked."""
        r = recovering()
        with SQLiteStore(path, key=KEY) as keyed:
            keyed.save(r)
        raw(path).execute(
            "UPDATE relationships SET snapshot = json_set(snapshot, '$.stage', 'recovered')"
        )
        with (
            SQLiteStore(path, key=KEY) as keyed,
            pytest.raises(InvalidDocument, match=r"contradicts the history.* @ \$\.stage"),
        ):
            keyed.load(r.id)

    def test_a_keyed_load_trusts_the_chain_and_verify_still_checks_every_rule(
        self, path: str
    ) -> None:
        """Rows rewritten by someone holding the key: load believes them (it trusts the
        key), verify re-runs every rule and says what they break."""
        r = recovering()
        with SQLiteStore(path, key=KEY) as keyed:
            keyed.save(r)
        db = untriggered(path)
        db.execute(
            "UPDATE events SET payload = json_set(payload, '$.at', '2026-03-01T09:00:00+00:00')"
            " WHERE relationship_id = ? AND version = ?",
            (r.id, r.version),
        )
        rechain(db, KEY)

        with SQLiteStore(path, key=KEY) as keyed:
            assert keyed.load(r.id).version == r.version  # not replayed: trusted
            problems = keyed.verify()
        assert any("CHRONOLOGY" in p for p in problems)
        with (
            SQLiteStore(path, key=KEY, readonly=True) as keyed,
            pytest.raises(InvalidDocument, match="CHRONOLOGY"),
        ):
            keyed.load(r.id, policy=Policy())  # a policy: judged in full


class TestListColumns:
    @pytest.mark.parametrize(
        ("statement", "message"),
        [
            ("UPDATE events SET actor = 'mallory' WHERE version = 2", "the actor column says"),
            ("UPDATE events SET type = 'FollowedUp' WHERE version = 2", "the type column says"),
            (
                "UPDATE events SET at = '2020-01-01T00:00:00+00:00' WHERE version = 2",
                "the at column says",
            ),
        ],
    )
    def test_an_events_column_that_disagrees_with_its_payload_is_reported(
        self, store: SQLiteStore, path: str, statement: str, message: str
    ) -> None:
        untriggered(path).execute(statement + " AND relationship_id = 'halden-foods'")

        problems = store.verify()
        assert [p for p in problems if message in p] == [
            p for p in problems if p.startswith("relationship 'halden-foods', events row 2:")
        ]
        assert len(problems) == 1

    @pytest.mark.parametrize(
        ("statement", "message"),
        [
            ("UPDATE relationships SET client = 'Someone Else'", "relationships.client says"),
            ("UPDATE relationships SET stage = 'LOST'", "relationships.stage says"),
            ("UPDATE relationships SET version = version - 2", "relationships.version says"),
            (
                "UPDATE relationships SET updated_at = '2020-01-01T00:00:00+00:00'",
                "relationships.updated_at says",
            ),
            ("UPDATE relationships SET opened_at = 'whenever'", "relationships.opened_at says"),
            ("UPDATE relationships SET account = 'another-account'", "relationships.account says"),
            ("UPDATE relationships SET account = X'FF'", "relationships.account: not UTF-8"),
        ],
    )
    def test_a_relationships_column_that_disagrees_is_reported(
        self, store: SQLiteStore, path: str, statement: str, message: str
    ) -> None:
        raw(path).execute(statement + " WHERE id = 'halden-foods'")

        problems = store.verify()
        assert problems
        assert any(message in p for p in problems)
        assert all(p.startswith("relationship 'halden-foods'") for p in problems)


class TestVerifyReports:
    def test_a_row_that_is_not_utf8_is_a_problem_and_verify_goes_on(
        self, store: SQLiteStore, path: str
    ) -> None:
        untriggered(path).execute(
            "UPDATE events SET payload = CAST(X'7BFF7D' AS TEXT)"
            " WHERE relationship_id = 'halden-foods' AND version = 3"
        )

        problems = store.verify()
        assert problems == [
            "relationship 'halden-foods', events row 3: its payload: not UTF-8"
            " (invalid start byte at byte 1)"
        ]
        with pytest.raises(InvalidDocument, match="not UTF-8"):
            store.load("halden-foods")
        assert store.load(recovering().id) == recovering()

    def test_an_index_that_disagrees_with_its_table_is_reported(
        self, store: SQLiteStore, path: str
    ) -> None:
        """The index's pages swapped for an empty index's: every entry is missing."""
        db = raw(path)
        db.execute("CREATE TABLE scratch (stage TEXT, id TEXT)")
        db.execute("CREATE INDEX scratch_index ON scratch (stage, id)")
        pages = dict(db.execute("SELECT name, rootpage FROM sqlite_master WHERE type = 'index'"))
        db.execute("PRAGMA writable_schema = ON")
        for name, other in (("relationships_by_stage", "scratch_index"),) * 1:
            db.execute("UPDATE sqlite_master SET rootpage = ? WHERE name = ?", (pages[other], name))
            db.execute("UPDATE sqlite_master SET rootpage = ? WHERE name = ?", (pages[name], other))
        db.close()

        with SQLiteStore(path) as reopened:
            problems = reopened.verify()
        named = [p for p in problems if "missing from the index relationships_by_stage" in p]
        assert sorted(named) == [
            f"relationship {rid!r}: missing from the index relationships_by_stage (REINDEX)"
            for rid in sorted(["halden-foods", recovering().id])
        ]

    def test_a_primary_key_index_that_lost_its_rows_is_reported_and_verify_goes_on(
        self, store: SQLiteStore, path: str
    ) -> None:
        """The primary key's index swapped for an empty one: load() cannot find a case by its
        id, so verify reads each row from the table itself and names the index."""
        db = raw(path)
        db.execute("CREATE TABLE scratch (id TEXT PRIMARY KEY)")
        pages = dict(db.execute("SELECT name, rootpage FROM sqlite_master WHERE type = 'index'"))
        db.execute("PRAGMA writable_schema = ON")
        for name, other in (("sqlite_autoindex_relationships_1", "sqlite_autoindex_scratch_1"),):
            db.execute("UPDATE sqlite_master SET rootpage = ? WHERE name = ?", (pages[other], name))
            db.execute("UPDATE sqlite_master SET rootpage = ? WHERE name = ?", (pages[name], other))
        db.close()

        with SQLiteStore(path) as reopened:
            with pytest.raises(UnknownItem):
                reopened.load("halden-foods")
            problems = reopened.verify()
        assert [p for p in problems if not p.startswith("store file: ")] == [
            f"relationship {rid!r}: missing from the index sqlite_autoindex_relationships_1"
            " (REINDEX)"
            for rid in sorted(["halden-foods", recovering().id])
        ]

    def test_a_malformed_file_is_reported_not_raised(self, store: SQLiteStore, path: str) -> None:
        """Pages of the events table overwritten: problems, then StoreError on load."""
        store.close()
        db = raw(path)
        size = db.execute("PRAGMA page_size").fetchone()[0]
        leaves = db.execute(
            "SELECT pageno FROM dbstat WHERE name = 'events' AND pagetype = 'leaf'"
        ).fetchall()
        db.close()
        with open(path, "r+b") as file:
            for (page,) in leaves:
                file.seek((page - 1) * size)
                file.write(b"\xde\xad" * (size // 2))
        with SQLiteStore(path) as reopened:  # its first page is intact
            problems = reopened.verify()
            assert problems[0].startswith("store file: ")
            assert any(p.startswith("relationship 'halden-foods': ") for p in problems)
            with pytest.raises(StoreError, match="is damaged: cannot load"):
                reopened.load("halden-foods")


class TestFeedAndErasuresSayWhatIsWrong:
    """The feed and the erasure records are store methods too: only the library's errors."""

    def test_a_position_beyond_any_row_id_has_no_events(self, store: SQLiteStore) -> None:
        assert store.events(after=2**64) == ()
        with pytest.raises(InvalidValue, match=r"erasures\(relationship_id\): must be a str"):
            store.erasures(2**64)  # type: ignore[arg-type]

    def test_a_closed_store_says_so(self, store: SQLiteStore) -> None:
        store.close()
        with pytest.raises(StoreError, match="cannot read the feed"):
            store.events()
        with pytest.raises(StoreError, match="cannot read the erasures"):
            store.erasures()

    def test_an_erasure_of_a_locked_store_says_locked(self, path: str) -> None:
        with SQLiteStore(path, timeout=0.05) as waiting:
            waiting.save(masterclass())
            other = raw(path)
            other.execute("BEGIN IMMEDIATE")
            try:
                with pytest.raises(StoreError, match="is locked by another process"):
                    waiting.erase("halden-foods", key=KEY, by="the data officer")
            finally:
                other.execute("ROLLBACK")
            assert waiting.erasures() == ()

    def test_damaged_rows_are_named(self, store: SQLiteStore, path: str) -> None:
        db = untriggered(path)
        db.execute(
            "UPDATE events SET payload = CAST(X'7BFF7D' AS TEXT)"
            " WHERE relationship_id = 'halden-foods' AND version = 3"
        )
        db.execute("INSERT INTO erasures VALUES ('halden-foods', 'someday', 'x', 1, 'a', 'b')")
        with pytest.raises(InvalidDocument, match="'halden-foods', events row 3: its payload"):
            store.events(limit=10_000)
        with pytest.raises(InvalidDocument, match="'halden-foods': an erasures row cannot be"):
            store.erasures()

    @pytest.mark.parametrize(
        ("column", "named"),
        [
            ("erased_by", "relationship 'halden-foods', erasures row 1: its erased_by"),
            ("head", "relationship 'halden-foods', erasures row 1: its head"),
            ("relationship_id", "erasures row 1: its relationship_id"),
        ],
    )
    def test_an_erasures_row_that_is_not_utf8_is_a_problem_of_verify(
        self, store: SQLiteStore, path: str, column: str, named: str
    ) -> None:
        """erasures() cannot read it; verify() read only some columns, and returned []."""
        store.erase("halden-foods", key=KEY, by="the data officer")
        assert store.verify() == []
        db = raw(path)
        db.execute("DROP TRIGGER erasures_are_not_updated")
        db.execute(f"UPDATE erasures SET {column} = CAST(X'FF' AS TEXT)")

        with pytest.raises(StoreError, match="cannot read the erasures"):
            store.erasures()
        assert store.verify() == [f"{named}: not UTF-8 (invalid start byte at byte 0)"]

    def test_an_erasure_time_without_an_offset_is_damage(
        self, store: SQLiteStore, path: str
    ) -> None:
        db = untriggered(path)
        db.execute(
            "INSERT INTO erasures VALUES ('halden-foods', '2026-03-01T09:00:00', 'x', 1, 'a', 'b')"
        )
        with pytest.raises(InvalidDocument, match="has no UTC offset"):
            store.erasures("halden-foods")


class TestAnchor:
    def test_an_anchor_exported_before_an_erasure_is_matched_through_its_record(
        self, tmp_path: Path
    ) -> None:
        """In a keyed store the erasure rewrote every row; its record carries the anchor
        over, for one erasure or several in a row. An anchor older than the erasure's last
        event cannot be carried over, and verify says why."""
        with SQLiteStore(tmp_path / "keyed.db", key=KEY) as store:
            store.save(recovering())
            rid = recovering().id
            older = store.anchor()
            loaded = store.load(rid)
            store.save(follow(loaded), expected_version=loaded.version)
            before = store.anchor()

            store.erase(rid, key=KEY, by="dpo")
            assert store.verify(anchor=before) == []
            store.erase(rid, key=b"another key, sixteen+", by="dpo, again")
            assert store.verify(anchor=before) == []

            (problem,) = store.verify(anchor=older)
        assert "an erasure recorded after the anchor rewrote it" in problem

    def test_an_unkeyed_store_cannot_vouch_for_an_erasure_against_an_anchor(
        self, store: SQLiteStore
    ) -> None:
        """Anyone who can write an unkeyed store can rewrite a case, recompute its chain and
        add an erasure record naming both heads: the record cannot carry an anchor over
        there, so verify says what happened instead of passing it."""
        anchor = store.anchor()
        store.erase(recovering().id, key=KEY, by="dpo")

        (problem,) = store.verify(anchor=anchor)
        assert "an unkeyed store cannot prove the erasure was its own" in problem
        assert store.verify(anchor=store.anchor()) == []  # a new anchor after it: clean

    def test_a_lost_wal_is_detected_against_an_exported_anchor(
        self, path: str, tmp_path: Path
    ) -> None:
        """The last save lived only in the -wal; the main file alone is an older store."""
        r = recovering()
        with SQLiteStore(path) as first:
            first.save(r)  # closing checkpoints it into the main file
        live = SQLiteStore(path)
        longer = follow(follow(r))
        live.save(longer, expected_version=r.version)
        anchor = json.loads(json.dumps(live.anchor()))  # kept elsewhere, as JSON
        copy = tmp_path / "without-wal.db"
        shutil.copy(path, copy)  # the main file only: the -wal is lost
        live.close()

        with SQLiteStore(copy) as restored:
            assert restored.verify() == []  # consistent in itself
            assert restored.verify(anchor=anchor) == [
                f"relationship {r.id!r}: the anchor has {longer.version} events, the store"
                f" {r.version}: events were lost (a truncated file, a lost -wal, rows removed)"
            ]
        with SQLiteStore(path) as whole:
            assert whole.verify(anchor=anchor) == []

    def test_a_truncated_file_is_refused_or_reported(self, store: SQLiteStore, path: str) -> None:
        anchor = store.anchor()
        store.close()
        size = Path(path).stat().st_size
        with open(path, "r+b") as file:
            file.truncate(size // 3)
        with pytest.raises(StoreError, match="is damaged: cannot open"):
            SQLiteStore(path)
        assert anchor["relationships"]["halden-foods"]["version"] == masterclass().version

    def test_a_rewritten_history_differs_from_the_anchor(
        self, store: SQLiteStore, path: str
    ) -> None:
        """Rows rewritten and rechained by someone who knows the scheme: the anchor says so."""
        anchor = store.anchor()
        db = untriggered(path)
        db.execute(
            "UPDATE events SET actor = 'mallory', payload = json_set(payload, '$.actor',"
            " 'mallory') WHERE relationship_id = 'halden-foods' AND version = 2"
        )
        rechain(db)

        assert store.verify() == []
        assert store.verify(anchor=anchor) == [
            f"relationship 'halden-foods', events row {masterclass().version}: its hash differs"
            " from the anchor's: the history up to it was rewritten"
        ]

    def test_a_malformed_anchor_is_refused(self, store: SQLiteStore) -> None:
        with pytest.raises(InvalidValue, match="anchor"):
            store.verify(anchor={"relationships": {}})


class TestOpeningSafely:
    @pytest.mark.parametrize(
        ("name", "message"),
        [("a\x00b.db", "holds no NUL character"), ("\ud800.db", "cannot be a file name")],
    )
    def test_a_name_no_file_can_have_is_refused_as_an_argument(
        self, name: str, message: str
    ) -> None:
        with pytest.raises(InvalidValue, match=message):
            SQLiteStore(name)

    @pytest.mark.parametrize("options", [{}, {"readonly": True}, {"create": False}])
    def test_a_path_the_system_refuses_says_why(
        self, tmp_path: Path, options: dict[str, bool]
    ) -> None:
        """Never a bare OSError, nor "read-only" for a folder that is a file."""
        (tmp_path / "a-file").write_text("not a folder")

        with pytest.raises(StoreError, match=r"is a file, not a folder|no store at"):
            SQLiteStore(tmp_path / "a-file" / "x.db", **options)
        with pytest.raises(StoreError, match="its name is too long"):
            SQLiteStore(tmp_path / ("x" * 300 + ".db"), **options)

    def test_a_store_in_a_missing_folder_says_the_folder_is_missing(self, tmp_path: Path) -> None:
        with pytest.raises(StoreError, match=r"its folder .* does not exist"):
            SQLiteStore(tmp_path / "nowhere" / "x.db")

    def test_an_empty_file_is_not_a_store_when_not_creating(self, path: str) -> None:
        Path(path).touch()
        with pytest.raises(StoreError, match="empty file"):
            SQLiteStore(path, create=False)

    @pytest.mark.parametrize("create", [False, True])
    @pytest.mark.parametrize("size", [1, 9, 15])
    def test_a_store_truncated_below_its_header_is_refused(
        self, store: SQLiteStore, path: str, create: bool, size: int
    ) -> None:
        """SQLite opens a file of a few bytes as an empty database: not made a new store."""
        store.close()
        with open(path, "r+b") as file:
            file.truncate(size)
        with pytest.raises(StoreError, match="does not start as a SQLite database does"):
            SQLiteStore(path, create=create)
        with pytest.raises(StoreError, match="truncated, damaged or another kind of file"):
            SQLiteStore(path, readonly=True)
        assert Path(path).stat().st_size == size

    def test_a_schema_name_that_is_not_utf8_is_damage_not_a_decoding_error(
        self, store: SQLiteStore, path: str
    ) -> None:
        """Python's sqlite3 cannot decode SQLite's message and raised UnicodeDecodeError."""
        store.erase("halden-foods", key=KEY, by="the data officer")
        misname_a_trigger(path)
        damaged = "is damaged: cannot .* the schema is damaged"

        for call in (
            store.erasures,
            lambda: store.erase(recovering().id, key=KEY, by="the data officer"),
            store.list,
            lambda: store.load(recovering().id),
            store.events,
        ):
            with pytest.raises(StoreError, match=damaged):
                call()
        problems = store.verify()
        assert problems
        assert all("the schema is damaged" in p for p in problems)
        store.close()
        for options in ({}, {"readonly": True}):
            with pytest.raises(StoreError, match="is damaged: cannot open"):
                SQLiteStore(path, **options)

    def test_a_read_only_store_lists_loads_verifies_and_exports(
        self, store: SQLiteStore, path: str
    ) -> None:
        store.close()
        with SQLiteStore(path, readonly=True) as reading:
            assert len(reading.list()) == 2
            assert reading.load("halden-foods") == masterclass()
            assert reading.verify() == []
            assert reading.export_jsonl(io.StringIO()) == 2
            with pytest.raises(StoreError, match="read-only"):
                reading.save(follow(recovering()), expected_version=recovering().version)

    def test_a_locked_store_says_locked(self, store: SQLiteStore, path: str) -> None:
        other = raw(path)
        other.execute("BEGIN IMMEDIATE")
        try:
            with SQLiteStore(path, timeout=0.05) as waiting:
                assert waiting.load("halden-foods") == masterclass()  # readers go on
                with pytest.raises(StoreError, match="is locked by another process"):
                    waiting.save(follow(recovering()), expected_version=recovering().version)
        finally:
            other.execute("ROLLBACK")

    def test_an_older_layout_is_migrated_and_its_rows_chained(self, path: str) -> None:
        """A layout-1 store (no hashes) gets its chain computed, and verifies."""
        r = recovering()
        layout_one(path, r.id, r.history, _snapshot_json(r), r.stage)

        with pytest.raises(StoreError, match="older than this library's"):
            SQLiteStore(path, readonly=True)
        with SQLiteStore(path) as migrated:
            assert migrated.load(r.id) == r
            assert migrated.verify() == []
        assert raw(path).execute("PRAGMA user_version").fetchone()[0] == len(
            store_module.MIGRATIONS
        )


class TestLinks:
    @given(
        st.lists(st.binary(max_size=300), min_size=1, max_size=8),
        st.none() | st.binary(min_size=16, max_size=100),
        st.text(min_size=1, max_size=20),
    )
    def test_a_whole_history_chains_as_row_by_row(
        self, payloads: list[bytes], key: bytes | None, rid: str
    ) -> None:
        """links() (framed once, keyed once) gives exactly link()'s digests, row by row."""
        expected, previous = [], GENESIS
        for version, payload in enumerate(payloads, 1):
            previous = link(previous, rid, version, payload, key=key)
            expected.append(previous)
        assert list(links(rid, list(enumerate(payloads, 1)), key=key)) == expected


class TestAnyTampering:
    @given(
        st.sampled_from(["events", "relationships"]),
        st.sampled_from(
            ["type", "at", "actor", "payload", "hash", "client", "stage", "version", "snapshot"]
        ),
        st.one_of(
            st.none(),
            st.integers(-(2**63), 2**63 - 1),
            st.text(max_size=20),
            st.binary(max_size=20),
            st.just("{}"),
        ),
        st.integers(1, 8),
    )
    @settings(max_examples=60, deadline=None)
    def test_verify_reports_and_load_refuses_without_escaping(
        self, table: str, column: str, value: object, version: int
    ) -> None:
        """Any column set to anything by hand: verify returns problems, load raises only the
        library's errors (or loads, when the change meant nothing)."""
        db = sqlite3.connect(":memory:", isolation_level=None)
        with SQLiteStore(":memory:") as store:
            store._db.close()
            store._db = db
            store._open(migrate=True)
            store.save(recovering())
            for trigger in ("events_are_not_updated", "events_are_not_deleted"):
                db.execute(f"DROP TRIGGER {trigger}")
            columns = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
            if column in columns:
                where = " WHERE version = ?" if table == "events" else ""
                with contextlib.suppress(sqlite3.IntegrityError):  # NOT NULL: nothing changed
                    db.execute(
                        f"UPDATE {table} SET {column} = ?{where}",
                        (value, version) if where else (value,),
                    )
            problems = store.verify()
            assert isinstance(problems, list)
            assert all(isinstance(p, str) for p in problems)
            try:
                loaded = store.load(recovering().id)
            except (InvalidDocument, StoreError, UnknownItem):
                assert problems
            else:
                assert problems or loaded == recovering()


class TestForgedAroundTheChain:
    """Ways round the chain that need no key: a file of the layout before it, the store's
    own record of its kind of chain, a history cut short with its head copied, rows whose
    columns hold what the store never writes, and the feed."""

    def _forged_close(self) -> tuple[str, list[Event], str]:
        """A history opened and closed at once (the method forbids it), and a snapshot."""
        opened = recovering().history[0]
        closed = RelationshipClosed(at=opened.at + timedelta(hours=1))
        return "forged", [attrs.evolve(opened, id="forged"), closed], '{"schema_version":2}'

    def test_a_file_before_the_chain_is_not_made_trusted_by_migrating_it(self, path: str) -> None:
        """Migrated under a key, rows nobody checked are not sealed: the load checks every
        rule and refuses what breaks the method, and verify says so."""
        rid, history, snapshot = self._forged_close()
        layout_one(path, rid, history, snapshot, Stage.RECOVERED)

        with SQLiteStore(path, key=KEY) as keyed:
            with pytest.raises(InvalidDocument, match="STAGE_ORDER"):
                keyed.load(rid)
            assert any("STAGE_ORDER" in p for p in keyed.verify())

    def test_a_sound_case_migrated_under_a_key_is_sealed(self, path: str) -> None:
        r = recovering()
        layout_one(path, r.id, r.history, _snapshot_json(r), r.stage)

        with SQLiteStore(path, key=KEY) as keyed:
            assert keyed.load(r.id) == r
            assert keyed.verify() == []
        sealed = raw(path).execute("SELECT snapshot_hash FROM relationships").fetchone()[0]
        assert sealed is not None

    def test_a_chain_said_to_be_keyed_is_not_a_chain_checked(
        self, store: SQLiteStore, path: str
    ) -> None:
        """One UPDATE of the store's record of its chain, and a store without a key could
        no longer check it: verify says what it did not check, and an anchor taken before
        says the chain changed kind and the history was rewritten."""
        anchor = store.anchor()
        store.close()
        db = untriggered(path)
        db.execute("UPDATE store_meta SET value = 'hmac-sha256' WHERE name = 'chain'")
        db.execute("UPDATE events SET payload = replace(payload, 'Dana', 'Mallory')")
        db.execute("UPDATE relationships SET snapshot = replace(snapshot, 'Dana', 'Mallory')")

        with SQLiteStore(path, readonly=True) as unkeyed:
            problems = unkeyed.verify()
            anchored = unkeyed.verify(anchor=anchor)
        assert problems[0].startswith("store: its hash chain is keyed")
        assert any("it was taken of a sha256 chain" in p for p in anchored)
        assert any("its hash differs from the anchor's" in p for p in anchored)

    def test_an_anchor_is_checked_against_the_payloads_not_only_the_hash_column(
        self, store: SQLiteStore, path: str
    ) -> None:
        anchor = store.anchor()
        db = untriggered(path)
        db.execute(
            "UPDATE events SET payload = replace(payload, 'Dana', 'Mallory')"
            " WHERE relationship_id = 'halden-foods'"
        )

        problems = store.verify(anchor=anchor)
        assert any(
            p.startswith("relationship 'halden-foods', events row")
            and "differs from the anchor's" in p
            for p in problems
        )

    def test_a_keyed_history_cut_short_with_its_head_copied_is_refused(self, path: str) -> None:
        """Deleting the last events and copying an older row's hash into the head needs no
        key; sealing the snapshot to that head does."""
        r = masterclass()
        with SQLiteStore(path, key=KEY) as keyed:
            keyed.save(r)
        keep = r.version - 3
        db = untriggered(path)
        db.execute("DELETE FROM events WHERE version > ?", (keep,))
        (head,) = db.execute(
            "SELECT lower(hex(hash)) FROM events WHERE version = ?", (keep,)
        ).fetchone()
        cut = r.history[keep - 1]
        db.execute(
            "UPDATE relationships SET head = ?, version = ?, stage = 'RECOVERING',"
            " updated_at = ?, snapshot = '{\"schema_version\":2}', state = NULL",
            (head, keep, _utc(cut.at)),
        )

        with SQLiteStore(path, key=KEY) as keyed:
            with pytest.raises(InvalidDocument, match="snapshot_hash does not verify"):
                keyed.load(r.id)
            assert any("snapshot_hash does not verify" in p for p in keyed.verify())

    @pytest.mark.parametrize("column", ["id", "client"])
    def test_a_row_holding_bytes_where_text_belongs_is_named(
        self, store: SQLiteStore, path: str, column: str
    ) -> None:
        raw(path).execute(f"UPDATE relationships SET {column} = X'FF' WHERE id = 'halden-foods'")
        skipped: list[str] = []

        with pytest.raises(InvalidDocument, match=f"relationships.{column} holds a bytes value"):
            store.list()
        listed = store.list(on_error=lambda rid, bad: skipped.append(rid))
        with pytest.raises(UnknownItem, match="unknown relationship 'nobody'"):
            store.load("nobody")

        assert [e.id for e in listed] == [recovering().id]
        assert len(skipped) == 1

    def test_the_feed_does_not_hand_out_an_edited_payload(self, path: str) -> None:
        with SQLiteStore(path, key=KEY) as keyed:
            keyed.save(masterclass())
        db = untriggered(path)
        db.execute(
            "UPDATE events SET payload = json_set(payload, '$.actor', 'Mallory') WHERE version = 2"
        )

        with SQLiteStore(path, key=KEY) as keyed:
            assert [e.version for e in keyed.events(limit=1)] == [1]
            with pytest.raises(InvalidDocument, match="events row 2: its hash does not match"):
                keyed.events()


@pytest.mark.parametrize(
    ("value", "message"),
    [(10**30, "beyond 64 bits"), (-(2**64), "beyond 64 bits"), (float("nan"), "not finite")],
)
def test_from_dict_refuses_what_a_document_cannot_hold(value: object, message: str) -> None:
    """A dict is not read from JSON: a value no document can hold is refused as given,
    with its path, and not left for the writer to fail on."""
    document = to_dict(recovering())
    plans = [e for e in document["history"] if e["type"] == "PlanProposed"]
    plans[0]["plan"]["initiatives"][0]["priority"] = value

    with pytest.raises(InvalidDocument, match=message) as refused:
        from_dict(document)
    assert ".plan.initiatives[0].priority" in str(refused.value)
