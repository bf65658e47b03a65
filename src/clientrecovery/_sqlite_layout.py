"""The SQLite store's layout (private): its migrations, and the check of a file when it is
opened.

A store records its layout in ``PRAGMA user_version`` and marks the file as its own with
``PRAGMA application_id`` (:data:`APPLICATION_ID`). :data:`MIGRATIONS` takes a file from
each layout to the next; opening a file of an older layout migrates it in one transaction
(layout :data:`CHAIN_STEP` also chains the rows already stored), and a file of a newer
layout, or a database of another application, is refused. :class:`~clientrecovery.SQLiteStore`
inherits :class:`LayoutAndMigration`; :mod:`clientrecovery.store` re-exports the names.
"""

from __future__ import annotations

import sqlite3
from typing import Final

from clientrecovery._chain import GENESIS, link
from clientrecovery._integrity import EventRow, snapshot_link
from clientrecovery._sqlite_compact import COMPACT_EVENTS, register
from clientrecovery._sqlite_connection import SQLITE_FAILURES, ConnectionAndErrors
from clientrecovery._sqlite_feed import ACCOUNTS_FEED_ERASURE
from clientrecovery._sqlite_load import STATE_COLUMNS, assembled
from clientrecovery.errors import ClientRecoveryError, StoreError

__all__ = ["APPLICATION_ID", "CHAIN_STEP", "MIGRATIONS", "LayoutAndMigration"]

APPLICATION_ID: Final = 0x43525331  # "CRS1": marks the file as a clientrecovery store

MIGRATIONS: Final[tuple[str, ...]] = (
    """
    CREATE TABLE relationships (
        id         TEXT PRIMARY KEY,
        client     TEXT NOT NULL,
        stage      TEXT NOT NULL,
        version    INTEGER NOT NULL,
        opened_at  TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        snapshot   TEXT NOT NULL
    );
    CREATE INDEX relationships_by_stage ON relationships (stage, id);
    CREATE TABLE events (
        relationship_id TEXT NOT NULL REFERENCES relationships (id),
        version         INTEGER NOT NULL,
        type            TEXT NOT NULL,
        at              TEXT NOT NULL,
        actor           TEXT,
        payload         TEXT NOT NULL,
        PRIMARY KEY (relationship_id, version)
    ) WITHOUT ROWID;
    CREATE INDEX events_by_type ON events (type, at);
    CREATE TRIGGER events_are_not_updated BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
    CREATE TRIGGER events_are_not_deleted BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
    """,
    # Layout 2: the hash chain (clientrecovery._chain). Existing rows are chained by
    # _chain_existing right after these statements, in the same transaction.
    """
    ALTER TABLE events ADD COLUMN hash TEXT;
    ALTER TABLE relationships ADD COLUMN head TEXT;
    ALTER TABLE relationships ADD COLUMN snapshot_hash TEXT;
    CREATE TABLE store_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
    CREATE TRIGGER events_are_not_replaced BEFORE INSERT ON events
    WHEN NEW.hash IS NULL OR EXISTS (
        SELECT 1 FROM events WHERE relationship_id = NEW.relationship_id AND version = NEW.version
    )
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
    """,
    # Layout 3: accounts, the feed and erasure (see ACCOUNTS_FEED_ERASURE).
    ACCOUNTS_FEED_ERASURE,
    # Layout 4: events in commit order, hashes as raw digests (see COMPACT_EVENTS).
    COMPACT_EVENTS,
    # Layout 5: the relationship's own state, for trusted loads (see STATE_COLUMNS).
    STATE_COLUMNS,
)
"""``MIGRATIONS[n]`` takes a store from layout ``n`` to ``n + 1`` (``PRAGMA user_version``).

``INSERT OR REPLACE`` deletes the row it replaces without firing a ``DELETE`` trigger
(SQLite does so only with ``PRAGMA recursive_triggers``, a setting of each connection, which
a careless tool would not turn on); the ``BEFORE INSERT`` trigger of layout 2 refuses any
insert of a version already stored, whatever conflict clause it has, and any row without a
hash, so it holds for every connection."""

CHAIN_STEP: Final = 2
"""The layout whose migration chains the rows already stored."""


class LayoutAndMigration(ConnectionAndErrors):
    """Opening a SQLite store: the file's layout checked, an older one migrated, and its
    hash chain read."""

    _states: bool
    """Whether the relationships have the ``state`` columns of layout 5 (a file migrated by
    an older library lacks them)."""

    def _open(self, migrate: bool) -> None:
        """Check the file is a store of a layout this library knows, migrate an older one
        (when ``migrate``) and read its hash chain; the connection is closed if the file
        cannot be used."""
        try:
            self._prepare(migrate)
        except SQLITE_FAILURES as failed:
            self._db.close()
            raise self._failure(failed, "open") from None
        except StoreError:
            self._db.close()
            raise

    def _prepare(self, migrate: bool) -> None:
        db = self._db
        app = db.execute("PRAGMA application_id").fetchone()[0]
        if app not in (0, APPLICATION_ID):
            raise StoreError(f"{self.path!r} belongs to another application (id {app:#x})")
        layout = db.execute("PRAGMA user_version").fetchone()[0]
        self._check_layout(layout, app)
        db.execute("PRAGMA foreign_keys = ON")
        if layout < len(MIGRATIONS):
            if not migrate:
                raise StoreError(
                    f"{self.path!r} has store layout {layout}, older than this library's"
                    f" ({len(MIGRATIONS)}); open it writable, with migrate=True, to upgrade it"
                )
            self._chain = "hmac-sha256" if self._key is not None else "sha256"
            if layout == 0:
                db.execute("PRAGMA journal_mode = WAL")  # kept in the file (outside a write)
            self._migrate()
        row = db.execute("SELECT value FROM store_meta WHERE name = 'chain'").fetchone()
        self._chain = row[0] if row else "sha256"
        columns = db.execute("SELECT name FROM pragma_table_info('relationships')").fetchall()
        self._states = ("state",) in columns  # what a file migrated by an older library lacks
        if self._chain not in ("sha256", "hmac-sha256"):
            raise StoreError(f"{self.path!r} has an unknown hash chain {self._chain!r}")
        if self._chain == "sha256" and self._key is not None:
            raise StoreError(
                f"the store {self.path!r} was made without a key (its chain is plain SHA-256);"
                " open it without one"
            )
        if not self._readonly:
            db.execute("PRAGMA synchronous = NORMAL")

    def _check_layout(self, layout: int, app: int) -> None:
        if layout > len(MIGRATIONS):
            raise StoreError(
                f"{self.path!r} has store layout {layout}, newer than this library knows"
                f" ({len(MIGRATIONS)}); upgrade clientrecovery"
            )
        if layout == 0 and app == 0:
            tables = self._db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if tables:
                raise StoreError(f"{self.path!r} is a database of another application")

    def _migrate(self) -> None:
        with self._transaction() as db:  # read again under the lock: another may have begun
            app = db.execute("PRAGMA application_id").fetchone()[0]
            layout = db.execute("PRAGMA user_version").fetchone()[0]
            self._check_layout(layout, app)
            if layout == 0:
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            register(db)
            for step in range(layout, len(MIGRATIONS)):
                for statement in _statements(MIGRATIONS[step]):
                    db.execute(statement)
                if step + 1 == CHAIN_STEP:
                    db.execute(
                        "INSERT INTO store_meta VALUES ('chain', ?)",
                        (self._chain,),
                    )
                    _chain_existing(db, self._key)
                db.execute(f"PRAGMA user_version = {step + 1}")


def _statements(script: str) -> list[str]:
    """Split a migration into statements (a trigger's body keeps its own semicolons)."""
    statements, current = [], ""
    for line in script.strip().splitlines():
        current += line + "\n"
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return statements


def _chain_existing(db: sqlite3.Connection, key: bytes | None) -> None:
    """Chain the rows a store held before it had hashes (inside the migration's transaction:
    the triggers that forbid changing events are set aside for it, and put back)."""
    db.execute("DROP TRIGGER events_are_not_updated")
    rows = db.execute(
        "SELECT relationship_id, version, payload FROM events ORDER BY relationship_id, version"
    ).fetchall()
    heads: dict[str, str] = {}
    for rid, version, payload in rows:
        heads[rid] = link(heads.get(rid, GENESIS), rid, version, payload, key=key)
        db.execute(
            "UPDATE events SET hash = ? WHERE relationship_id = ? AND version = ?",
            (heads[rid], rid, version),
        )
    for rid, snapshot in db.execute("SELECT id, snapshot FROM relationships").fetchall():
        head = heads.get(rid, GENESIS)
        sealed: str | None = snapshot_link(head, rid, snapshot, key=key)
        if key is not None and not _follows_the_method(db, rid, snapshot):
            # Under a key, a sealed snapshot lets loads skip the rules: the rows of a file
            # that had no chain were never checked by this store, and one that breaks the
            # method must not become trusted by being migrated. Left unsealed, its loads
            # and verify say what is wrong with it.
            sealed = None
        db.execute(
            "UPDATE relationships SET head = ?, snapshot_hash = ? WHERE id = ?",
            (head, sealed, rid),
        )
    db.execute(_statements(MIGRATIONS[0])[-2])  # events_are_not_updated, as layout 1 made it


def _follows_the_method(db: sqlite3.Connection, relationship_id: object, snapshot: object) -> bool:
    """Whether a relationship found in a file without a chain loads in full: its rows
    readable, its history following the method, its snapshot the one the history gives."""
    if not isinstance(relationship_id, str) or not isinstance(snapshot, str):
        return False
    rows = db.execute(
        "SELECT version, payload FROM events WHERE relationship_id = ? ORDER BY version",
        (relationship_id,),
    ).fetchall()
    if not all(isinstance(version, int) and isinstance(payload, str) for version, payload in rows):
        return False
    events = [EventRow(version, None, None, None, payload, None) for version, payload in rows]
    try:
        assembled(relationship_id, snapshot, events, None)
    except ClientRecoveryError:
        return False
    return True
