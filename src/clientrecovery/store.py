"""An embedded case store on SQLite (the standard library's :mod:`sqlite3`): nothing to start.

A store keeps each relationship twice over, in two tables SQL users can query:

``events``
    Append-only, one row per accepted event: ``relationship_id``, ``version`` (1 for the
    first event), ``position`` (its place in the feed, the row id), ``type``
    (``"IssueRaised"``...), ``at`` (UTC, ISO 8601, so it sorts), ``actor``, ``payload``
    (the event as JSON, exactly as in a document's history) and ``hash``, the 32 bytes of
    its link in the relationship's hash chain (:mod:`clientrecovery._chain`). Triggers
    refuse ``UPDATE``, ``DELETE`` and any ``INSERT`` of a stored version or position (so
    ``INSERT OR REPLACE`` too).
``relationships``
    One row per relationship: ``id``, ``client``, ``stage``, ``version``, ``opened_at``,
    ``updated_at`` (UTC), ``snapshot`` (the document without its history), ``head`` (the
    last link of its chain) and ``snapshot_hash`` (the snapshot's link to that head); in a
    keyed store, ``state`` and ``state_hash`` (layout 5, :mod:`clientrecovery._sqlite_load`).

The history in ``events`` is the record; the snapshot is a check on it. Loading checks the
chain, then assembles the document and loads it like :func:`~clientrecovery.from_dict`: the
history is replayed, every rule re-checked, and the snapshot compared; a corrupted or
changed row raises :class:`~clientrecovery.InvalidDocument` naming the relationship and the
row. Opened with a key, the chain is HMAC-SHA-256, which no one without the key can forge,
and a relationship whose chain and state link verify is rebuilt from its snapshot and state
without replay (:mod:`clientrecovery._stored_state`). :meth:`SQLiteStore.verify` checks
everything and reports; :meth:`SQLiteStore.anchor` exports the chains' heads, to detect a
history cut short.

Saving is optimistic concurrency: :meth:`SQLiteStore.save` appends the relationship's new
events in one transaction only if the stored version is still the one the change was based
on; otherwise it raises :class:`~clientrecovery.StaleVersion` and writes nothing.

Layout 3 adds ``relationships.account``, the ``feed`` (a position for every event, in commit
order) and ``erasures``; :class:`~clientrecovery._sqlite_feed.FeedAndErasure` reads and
writes them (:meth:`~SQLiteStore.events`, :meth:`~SQLiteStore.erase`). Layout 4
(:mod:`clientrecovery._sqlite_compact`) keeps the events in commit order, the position
their row id and ``feed`` a view of them, and each hash as its raw digest.

The database uses write-ahead logging, so readers do not block the writer, and each save is
atomic: a writer killed in the middle of one leaves the store as it was before that save.
The store creates its tables itself and migrates older layouts (``PRAGMA user_version``).
No :mod:`sqlite3` exception leaves it: a locked, read-only or damaged store is a
:class:`~clientrecovery.StoreError` that says which.
"""

from __future__ import annotations

import builtins
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, Final

import attrs

from clientrecovery._chain import GENESIS, link
from clientrecovery._integrity import (
    ANCHOR_KIND,
    chain_problems,
    check_anchor,
    snapshot_link,
)
from clientrecovery._sqlite_checks import stored_rows, text_column, verify_store
from clientrecovery._sqlite_compact import COMPACT_EVENTS, digest, hexed, register
from clientrecovery._sqlite_feed import ACCOUNTS_FEED_ERASURE, FeedAndErasure
from clientrecovery._sqlite_load import (
    LOAD,
    STATE_COLUMNS,
    UPSERT,
    assembled,
    trusted_load,
    written_state,
)
from clientrecovery.errors import (
    InvalidDocument,
    InvalidValue,
    StaleVersion,
    StoreError,
    UnknownItem,
)
from clientrecovery.events import Event
from clientrecovery.model import Stage
from clientrecovery.policy import Policy
from clientrecovery.relationship import Relationship
from clientrecovery.serialization import (
    _event_dict,
    _event_json,
    _loads,
    _snapshot_json,
    load_jsonl,
    to_json,
)
from clientrecovery.storage import ClosedOnExit, check_filters

__all__ = ["MIGRATIONS", "Entry", "SQLiteStore"]

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


@attrs.frozen
class Entry:
    """One stored relationship as :meth:`SQLiteStore.list` shows it, without loading it."""

    id: str
    client: str
    stage: Stage
    version: int
    """How many events are stored."""
    opened_at: datetime
    updated_at: datetime
    """When its last event happened (UTC)."""
    account: str | None = None
    """The CRM's key of the client account (:attr:`Relationship.account
    <clientrecovery.Relationship.account>`)."""


class SQLiteStore(FeedAndErasure, ClosedOnExit):
    """Relationships kept in one SQLite file.

    >>> from clientrecovery.examples import masterclass
    >>> store = SQLiteStore(":memory:")
    >>> case = masterclass()
    >>> store.save(case)
    39
    >>> store.load("halden-foods") == case
    True
    >>> store.verify()
    []
    >>> store.close()

    Args:
        path: The database file (``":memory:"`` for a private in-memory store).
        create: Create the file when it does not exist; when ``False``, a missing (or empty)
            file raises :class:`~clientrecovery.StoreError`.
        timeout: Seconds to wait for another process's write to finish.
        key: A secret of at least 16 random bytes: the hash chain is then HMAC-SHA-256 under
            it, which no one without the key can forge, and loads that verify their chain
            trust the stored state instead of re-checking every rule. Without a key the
            chain is SHA-256, which detects accidents and careless edits, and every load
            re-checks the whole history.
        readonly: Open the file for reading only (listing, loading, verifying, exporting):
            no write lock is taken and nothing is migrated.
        migrate: Upgrade a store of an older layout (a write); when ``False`` such a store
            is refused instead.
    """

    path: str

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        create: bool = True,
        timeout: float = 30,
        key: bytes | None = None,
        readonly: bool = False,
        migrate: bool = True,
    ):
        self.path = os.fspath(path)
        if key is not None and (not isinstance(key, bytes) or len(key) < 16):  # type: ignore[redundant-expr]
            raise InvalidValue("SQLiteStore(key=...)", "must be bytes, at least 16 of them")
        self._key = key
        self._readonly = readonly
        memory = self.path == ":memory:"
        if not memory and (not create or readonly):
            file = Path(self.path)
            if not file.is_file():
                raise StoreError(f"no store at {self.path!r}")
            if file.stat().st_size == 0:
                raise StoreError(f"{self.path!r} is an empty file, not a clientrecovery store")
        try:
            if readonly and not memory:
                uri = Path(self.path).resolve().as_uri() + "?mode=ro"
                self._db = sqlite3.connect(uri, timeout=timeout, isolation_level=None, uri=True)
            else:
                self._db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
        except sqlite3.Error as failed:
            raise self._failure(failed, "open") from None
        try:
            self._open(migrate and not readonly)
        except sqlite3.Error as failed:
            self._db.close()
            raise self._failure(failed, "open") from None
        except StoreError:
            self._db.close()
            raise

    # --- lifetime ------------------------------------------------------------------------

    def close(self) -> None:
        """Close the database connection."""
        self._db.close()

    def __repr__(self) -> str:
        return f"<SQLiteStore {self.path!r}>"

    def _failure(self, failed: sqlite3.Error, doing: str) -> StoreError:
        """What an sqlite3 error means to the user, as a :class:`StoreError`."""
        text = str(failed)
        lowered = text.lower()
        if "locked" in lowered or "busy" in lowered:
            return StoreError(
                f"the store {self.path!r} is locked by another process; try again later ({text})"
            )
        if "readonly" in lowered or "read-only" in lowered or "unable to open" in lowered:
            what = (
                "is read-only"
                if "unable to open" not in lowered or not self._writable()
                else "cannot be opened"
            )
            return StoreError(f"the store {self.path!r} {what}: cannot {doing} ({text})")
        if "not a database" in lowered or "file is encrypted" in lowered:
            return StoreError(f"{self.path!r} is not a clientrecovery store ({text})")
        if "malformed" in lowered or "corrupt" in lowered or "disk i/o" in lowered:
            return StoreError(f"the store {self.path!r} is damaged: cannot {doing} ({text})")
        return StoreError(f"the store {self.path!r}: cannot {doing} ({text})")

    def _writable(self) -> bool:
        """Whether this process may write the file and its directory (where SQLite keeps
        the ``-wal`` and ``-shm`` files a reader of a WAL database needs too)."""
        file = Path(self.path)
        return os.access(file, os.W_OK) and os.access(file.parent, os.W_OK)

    @contextmanager
    def _guard(self, doing: str) -> Iterator[None]:
        """No sqlite3 exception leaves the store: each becomes a :class:`StoreError`."""
        try:
            yield
        except sqlite3.Error as failed:
            raise self._failure(failed, doing) from None

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: it takes the write lock first, so the reads inside it are
        still true when it commits; any error rolls everything back."""
        if self._readonly:
            raise StoreError(f"the store {self.path!r} was opened read-only: cannot write")
        self._check_writable()
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: every query inside sees the same committed state."""
        self._db.execute("BEGIN")
        try:
            yield self._db
        finally:
            self._db.execute("COMMIT")

    def _check_writable(self) -> None:
        if self._chain == "hmac-sha256" and self._key is None:
            raise StoreError(
                f"the store {self.path!r} has a keyed hash chain: open it with its key to write"
            )

    def _open(self, migrate: bool) -> None:
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

    # --- writing ------------------------------------------------------------------------

    def save(self, relationship: Relationship, *, expected_version: int = 0) -> int:
        """Append the relationship's events after ``expected_version``; returns how many.

        Args:
            relationship: The relationship with its new events.
            expected_version: The version the change was based on: the ``version`` of the
                relationship as loaded, or 0 (the default) for a relationship the store has
                never seen.

        Raises:
            StaleVersion: The store holds another version, or a different history; nothing
                was written.
            InvalidValue: ``expected_version`` is negative or beyond the relationship's own.
            StoreError: The store is read-only, locked or damaged.
        """
        if not isinstance(relationship, Relationship):
            raise InvalidValue("save(relationship)", "must be a Relationship")
        if type(expected_version) is not int or not 0 <= expected_version <= relationship.version:
            raise InvalidValue(
                "save(expected_version=...)",
                f"must be an integer from 0 to {relationship.version} (the relationship's"
                f" version), got {expected_version!r}",
            )
        with self._guard("save"), self._transaction() as db:
            return self._append(db, relationship, expected_version)

    def _append(self, db: sqlite3.Connection, relationship: Relationship, expected: int) -> int:
        rid = relationship.id
        found = db.execute(
            "SELECT version, head FROM relationships WHERE id = ?", (rid,)
        ).fetchone()
        actual, head = (found[0], found[1]) if found else (0, GENESIS)
        if actual != expected:
            raise StaleVersion(rid, expected, actual)
        if expected:
            (stored,) = db.execute(
                "SELECT payload FROM events WHERE relationship_id = ? AND version = ?",
                (rid, expected),
            ).fetchone() or (None,)
            if stored is None or not _same(stored, relationship.history[expected - 1]):
                raise StaleVersion(
                    rid,
                    expected,
                    actual,
                    f"its history differs from the stored one at event {expected}",
                )
        if relationship.version == expected:
            return 0
        rows = []
        for version, event in enumerate(relationship.history[expected:], start=expected + 1):
            payload = _event_json(event)
            head = link(head, rid, version, payload, key=self._key)
            rows.append(
                (
                    rid,
                    version,
                    type(event).__name__,
                    _utc(event.at),
                    event.actor,
                    payload,
                    digest(head),
                )
            )
        snapshot = _snapshot_json(relationship)
        state = written_state(relationship, head, snapshot, self._key) if self._states else ()
        db.execute(
            UPSERT[self._states],
            (
                rid,
                relationship.client,
                relationship.stage.name,
                relationship.version,
                _utc(relationship.opened_at),
                _utc(relationship.last_event.at),
                snapshot,
                head,
                snapshot_link(head, rid, snapshot, key=self._key),
                relationship.account,
                *state,
            ),
        )
        db.executemany(
            "INSERT INTO events (relationship_id, version, type, at, actor, payload, hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        return len(rows)

    def import_jsonl(
        self,
        lines: Iterable[str | bytes],
        *,
        on_error: Callable[[int, InvalidDocument], None] | None = None,
        policy: Policy | None = None,
    ) -> int:
        """Load documents, one per line, and save them in one transaction; returns how many
        relationships were added or extended.

        A relationship already stored is extended when its stored history is the start of
        the imported one, and left alone when it is the same. A bad line raises
        :class:`~clientrecovery.InvalidDocument` (``line N: ...``) and nothing is imported,
        unless ``on_error`` is given: then it is called and the line skipped. With
        ``policy``, each document is judged under it (see :func:`~clientrecovery.from_json`).

        Raises:
            StaleVersion: A stored relationship's history is not the start of the imported
                one; nothing is imported.
        """
        changed = 0
        with self._guard("import"), self._transaction() as db:
            for relationship in load_jsonl(lines, on_error=on_error, policy=policy):
                rid = relationship.id
                found = db.execute(
                    "SELECT version FROM relationships WHERE id = ?", (rid,)
                ).fetchone()
                stored = found[0] if found else 0
                if stored:
                    self._check_prefix(db, relationship, stored)
                if stored < relationship.version:
                    self._append(db, relationship, stored)
                    changed += 1
        return changed

    def _check_prefix(
        self, db: sqlite3.Connection, relationship: Relationship, stored: int
    ) -> None:
        rid = relationship.id
        history = relationship.history
        payloads = db.execute(
            "SELECT payload FROM events WHERE relationship_id = ? ORDER BY version", (rid,)
        )
        for position, (payload,) in enumerate(payloads):
            if position >= len(history) or not _same(payload, history[position]):
                raise StaleVersion(
                    rid,
                    len(history),
                    stored,
                    f"the stored history ({stored} events) is not the start of the imported"
                    f" one ({len(history)} events); they differ at event {position + 1}",
                )

    # --- reading ------------------------------------------------------------------------

    def load(self, relationship_id: str, *, policy: Policy | None = None) -> Relationship:
        """The stored relationship, its hash chain checked.

        Without a key, or with ``policy``, it is validated like
        :func:`~clientrecovery.from_dict` (under ``policy`` when given: see
        :func:`~clientrecovery.from_json`). Opened with a key, a relationship whose chain
        and state link verify is rebuilt from the state the store saved with it, nothing
        replayed (its history is decoded when first read); one whose snapshot link alone
        verifies is replayed without re-checking the rules the store checked when it saved
        the events.

        Raises:
            UnknownItem: No relationship has that id.
            InvalidDocument: Its rows are corrupted, were changed outside the store, or
                break the method.
            StoreError: The store is locked or damaged.
        """
        with self._guard("load"):  # one statement: one snapshot of both tables
            rows = self._db.execute(LOAD[self._states], {"id": relationship_id}).fetchall()
            if not rows or rows[0][0] != 0:
                listed = self._db.execute("SELECT id FROM relationships LIMIT 21")
                raise UnknownItem("relationship", str(relationship_id), [r[0] for r in listed])
        top = rows[0]
        if self._key is not None and policy is None:
            trusted = trusted_load(relationship_id, top, rows[1:], self._key)
            if trusted is not None:
                return trusted
        return self._assemble(
            relationship_id,
            (top[1], top[3], top[4], top[2]),
            [(row[0], None, None, None, row[1], hexed(row[2])) for row in rows[1:]],
            policy,
            trust=False,
        )

    def _assemble(
        self,
        relationship_id: str,
        row: tuple[Any, ...],
        raw_rows: builtins.list[tuple[Any, ...]],
        policy: Policy | None,
        *,
        trust: bool,
    ) -> Relationship:
        """The relationship of a relationships row and its events rows (as read by
        :meth:`load`): the chain checked, then trusted or validated in full."""
        where = f"relationship {relationship_id!r}"
        unreadable: list[str] = []
        snapshot = text_column(row[0], f"{where}, relationships.snapshot", unreadable)
        events = stored_rows(relationship_id, raw_rows, unreadable)
        if unreadable:
            raise InvalidDocument(unreadable)
        broken: list[str] = []
        head = ""
        if self._key is not None or self._chain == "sha256":  # else: keyed, and no key
            head, broken = chain_problems(relationship_id, events, key=self._key)
            if not broken and head != (row[2] or GENESIS) and len(events) == row[1]:
                broken.append(f"{where}: relationships.head is not the hash of its last event")
        if row[1] != len(events):
            broken.append(
                f"{where}: relationships.version says {row[1]}, but the events table holds"
                f" {len(events)} rows"
            )
        trusted = (
            trust
            and policy is None
            and not broken
            and snapshot is not None
            and row[3] == snapshot_link(head, relationship_id, snapshot, key=self._key)
        )
        try:
            relationship = assembled(relationship_id, snapshot, events, trusted, policy)
        except InvalidDocument as bad:
            raise InvalidDocument([*broken, *bad.problems]) from None
        if broken:
            raise InvalidDocument(broken)
        return relationship

    def history(self, relationship_id: str, *, since: int = 0) -> tuple[Event, ...]:
        """The relationship's events after version ``since`` (all of them by default)."""
        return self.load(relationship_id).history[since:]

    def version(self, relationship_id: str) -> int:
        """How many events are stored for the relationship (0 when it is not stored)."""
        with self._guard("read"):
            row = self._db.execute(
                "SELECT version FROM relationships WHERE id = ?", (relationship_id,)
            ).fetchone()
        return int(row[0]) if row else 0

    def list(
        self,
        *,
        stage: Stage | None = None,
        account: str | None = None,
        on_error: Callable[[str, InvalidDocument], None] | None = None,
    ) -> tuple[Entry, ...]:
        """Every stored relationship (in ``stage``, of ``account``), by id, without loading
        them (a covering index answers it).

        A row that cannot be read raises :class:`~clientrecovery.InvalidDocument`, unless
        ``on_error`` is given: then it is called with the relationship's id and the error,
        and the row left out.
        """
        check_filters(stage, account)
        query = (
            "SELECT id, client, stage, version, opened_at, updated_at, account"
            " FROM relationships INDEXED BY "
        )
        if account is not None:
            query += "relationships_by_account WHERE account = ?"
            if stage is not None:
                query += " AND stage = ?"
        elif stage is not None:
            query += "relationships_by_stage WHERE stage = ?"
        else:
            query += "relationships_listed"
        values = [] if account is None else [account]
        if stage is not None:
            values.append(stage.name)
        with self._guard("list"):
            rows = self._db.execute(query + " ORDER BY id", values).fetchall()
        entries: builtins.list[Entry] = []
        for row in rows:
            try:
                entries.append(_entry(row))
            except InvalidDocument as bad:
                if on_error is None:
                    raise
                on_error(str(row[0]), bad)
        return tuple(entries)

    def relationships(
        self,
        *,
        stage: Stage | None = None,
        account: str | None = None,
        policy: Policy | None = None,
    ) -> Iterator[Relationship]:
        """Load every listed relationship (in ``stage``, of ``account``), by id, one at a time
        (judged under ``policy`` when given)."""
        for entry in self.list(stage=stage, account=account):
            yield self.load(entry.id, policy=policy)

    def export_jsonl(self, out: IO[str], *, stage: Stage | None = None) -> int:
        """Write every stored relationship (or those in ``stage``) as JSON lines; returns how
        many. Each is validated on the way out, so an export can be imported again."""
        count = 0
        for relationship in self.relationships(stage=stage):
            out.write(to_json(relationship))
            out.write("\n")
            count += 1
        return count

    # --- integrity ----------------------------------------------------------------------

    def anchor(self) -> dict[str, Any]:
        """The head of every relationship's chain, to keep somewhere else (JSON-ready).

        Given back to :meth:`verify`, it reveals what a chain alone cannot: a history cut
        short consistently in both tables, such as a file truncated or restored from an
        older copy, or a lost ``-wal`` file that held the last saves.
        """
        with self._guard("read"), self._reading() as db:
            rows = db.execute("SELECT id, version, head FROM relationships ORDER BY id").fetchall()
        return {
            "kind": ANCHOR_KIND,
            "chain": self._chain,
            "relationships": {rid: {"version": v, "hash": h} for rid, v, h in rows},
        }

    def verify(
        self, *, anchor: Mapping[str, Any] | None = None, policy: Policy | None = None
    ) -> builtins.list[str]:
        """Check the whole store and return the problems found (empty: all valid).

        Every relationship is loaded and validated in full (under ``policy`` when given),
        its chain and list columns compared with its payloads; the file's own integrity and
        its indexes are checked; with ``anchor`` (from :meth:`anchor`), no relationship may
        hold less than it did then. Each problem names the relationship and the row, and
        the check goes on after it: ``verify`` reports, it does not raise.
        """
        heads = check_anchor(anchor) if anchor is not None else None
        with self._guard("verify"):
            problems = verify_store(self, heads, policy)
            try:
                problems.extend(self._verify_feed())
            except sqlite3.DatabaseError as failed:
                problems.append(f"store file: the feed and erasures cannot be read ({failed})")
            return problems


# --- rows ----------------------------------------------------------------------------------


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
        db.execute(
            "UPDATE relationships SET head = ?, snapshot_hash = ? WHERE id = ?",
            (head, snapshot_link(head, rid, snapshot, key=key), rid),
        )
    db.execute(_statements(MIGRATIONS[0])[-2])  # events_are_not_updated, as layout 1 made it


def _same(payload: str, event: Event) -> bool:
    """Whether a stored events row holds this event (compared as JSON values, so the
    writer's formatting does not matter)."""
    return bool(_loads(payload, "") == _event_dict(event))


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


def _entry(row: tuple[Any, ...]) -> Entry:
    rid, client, stage, version, opened_at, updated_at, account = row
    try:
        return Entry(
            rid,
            client,
            Stage[stage],
            version,
            datetime.fromisoformat(opened_at),
            datetime.fromisoformat(updated_at),
            account,
        )
    except (KeyError, TypeError, ValueError) as bad:
        raise InvalidDocument(
            [f"relationship {rid!r}: a relationships row cannot be read ({bad!r})"]
        ) from None
