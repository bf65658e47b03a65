"""A case store on PostgreSQL, for several application servers sharing one database.

:class:`PostgresStore` keeps the same contract as :class:`~clientrecovery.SQLiteStore`
(:class:`~clientrecovery.storage.Store`) through psycopg 3, installed with the optional
extra ``clientrecovery[postgres]``. It is opened with a libpq connection string; its tables
live in the first schema of the connection's ``search_path`` (``options=-csearch_path=crm``
puts them in ``crm``), which the store creates and migrates itself:

``events``
    Append-only, one row per accepted event: ``relationship_id``, ``version`` (1 for the
    first; the pair is the primary key), ``position`` (store-wide, unique, see the feed
    below), ``type``, ``at`` (``timestamptz``), ``actor``, ``payload`` (``jsonb``, the event
    as in a document's history, so SQL users can query it with ``->>`` and ``@>``) and
    ``hash``: the link of the relationship's hash chain (:mod:`clientrecovery._chain`) over
    the payload's canonical text (:func:`~clientrecovery.storage.canonical`), as the
    digest's 32 bytes (``bytea``; ``encode(hash, 'hex')`` gives the hex of the erasure
    records). A trigger
    refuses ``UPDATE``, ``DELETE`` and ``TRUNCATE``, so an ``INSERT ... ON CONFLICT DO
    UPDATE`` is refused too; only :meth:`PostgresStore.erase` may rewrite a row.
``relationships``
    One row per relationship: ``id``, ``client``, ``account``, ``stage``, ``version``,
    ``opened_at``, ``updated_at`` and ``snapshot`` (``jsonb``, the document without its
    history), with covering indexes for listing by stage and by account.
``erasures``
    Append-only, one row per erasure: when, by whom, and the chain's heads before and after.

Saving takes a row lock on the relationship (``SELECT ... FOR UPDATE``, or the insert of a
new one, which the primary key makes unique), checks the stored version and the stored event
at that version, then appends; a stale copy raises :class:`~clientrecovery.StaleVersion`.
Positions come from a one-row counter that each save updates last, just before commit: the
row lock orders the commits, so a position is never committed after a higher one, and a
reader following the feed never skips an event. Each commit also notifies the
channel ``clientrecovery_events.<schema>``; :meth:`PostgresStore.wait` sleeps until one
arrives.

No psycopg exception leaves the store: a server that cannot be reached, a lost connection, a
lock not obtained in time or a permission refused is a :class:`~clientrecovery.StoreError`.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from typing import IO, Any

import psycopg
from psycopg import errors as pg_errors
from psycopg import sql

from clientrecovery._chain import GENESIS, link
from clientrecovery._integrity import ANCHOR_KIND, check_anchor, linked
from clientrecovery._postgres_layout import (
    CHANNEL,
    MIGRATIONS,
    _channel,
    _entry,
    _event_rows,
    _one,
    migrate,
)
from clientrecovery._postgres_read import chain_kind, is_text, known, read, verified
from clientrecovery._postgres_save import check_prefix, claim, stored_version, write
from clientrecovery._prefix import Prefixes
from clientrecovery._validate import optional_function
from clientrecovery.errors import (
    InvalidDocument,
    InvalidValue,
    StoreError,
    UnknownItem,
)
from clientrecovery.events import Event
from clientrecovery.model import Stage
from clientrecovery.relationship import Relationship
from clientrecovery.serialization import _event_dict, _snapshot, load_jsonl
from clientrecovery.storage import (
    ClosedOnExit,
    Erasure,
    StoredEvent,
    canonical,
    chain_key,
    check_erase,
    check_feed,
    check_filters,
    check_id,
    check_save,
    erased,
    events_since,
    export_lines,
    feed_event,
)
from clientrecovery.store import Entry

__all__ = ["CHANNEL", "MIGRATIONS", "PostgresStore"]


class PostgresStore(ClosedOnExit):
    """Relationships kept in a PostgreSQL database (see the module's description).

    Args:
        conninfo: A libpq connection string (``"host=db dbname=crm user=app"`` or a
            ``postgresql://`` URI); it is never repeated in a message.
        key: With a key (at least 16 random bytes: ``bytes``, or ``str`` taken as UTF-8, as
            for :class:`~clientrecovery.SQLiteStore`), the hash chain is HMAC-SHA-256 under
            it, so a row forged by someone without the key is detected; without, plain
            SHA-256.
        connect_timeout: Seconds to wait for the server.
        lock_timeout: Seconds to wait for another writer's lock before giving up.
    """

    def __init__(
        self,
        conninfo: str,
        *,
        key: str | bytes | None = None,
        connect_timeout: float = 10,
        lock_timeout: float = 30,
    ) -> None:
        if not isinstance(conninfo, str):
            raise InvalidValue("PostgresStore(conninfo)", "must be a libpq connection string")
        for name, seconds in (("connect_timeout", connect_timeout), ("lock_timeout", lock_timeout)):
            given: object = seconds
            if isinstance(given, bool) or not isinstance(given, int | float) or not given > 0:
                raise InvalidValue(
                    f"PostgresStore({name}=...)", f"must be a number of seconds > 0, got {given!r}"
                )
        self._key = chain_key(key, "PostgresStore")
        self._prefixes = Prefixes(lambda event: canonical(_event_dict(event)), key=self._key)
        self._conninfo = conninfo
        self._listener: psycopg.Connection[tuple[Any, ...]] | None = None
        try:
            self._db = psycopg.connect(
                conninfo, autocommit=True, connect_timeout=max(1, round(connect_timeout))
            )
        except psycopg.Error as failed:
            raise StoreError(f"cannot connect to the PostgreSQL store: {_said(failed)}") from None
        try:
            with self._errors():
                self._db.execute("SET TIME ZONE 'UTC'")
                self._db.execute(f"SET lock_timeout = {int(lock_timeout * 1000)}")
                with self._transaction() as db:
                    migrate(db)
                (schema,) = _one(self._db.execute("SELECT current_schema()"))
                self._channel = _channel(str(schema))
        except BaseException:
            self._db.close()
            raise

    # --- lifetime ------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connections."""
        if self._listener is not None:
            self._listener.close()
        self._db.close()

    def __repr__(self) -> str:
        info = self._db.info
        return f"<PostgresStore host={info.host!r} dbname={info.dbname!r}>"

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn psycopg's exceptions into the library's."""
        try:
            yield
        except UnicodeEncodeError:
            raise InvalidValue(
                "PostgresStore", "a value holds a lone surrogate, which is not UTF-8 text"
            ) from None
        except pg_errors.LockNotAvailable:
            raise StoreError(
                "the PostgreSQL store is locked by another writer; try again"
            ) from None
        except (pg_errors.DeadlockDetected, pg_errors.SerializationFailure) as failed:
            raise StoreError(f"the PostgreSQL store is busy ({_said(failed)}); retry") from None
        except pg_errors.InsufficientPrivilege as failed:
            raise StoreError(f"the PostgreSQL store refused access: {_said(failed)}") from None
        except psycopg.OperationalError as failed:
            raise StoreError(f"the PostgreSQL store cannot be reached: {_said(failed)}") from None
        except psycopg.Error as failed:
            raise StoreError(f"the PostgreSQL store failed: {_said(failed)}") from None

    @contextmanager
    def _transaction(self, *, snapshot: bool = False) -> Iterator[psycopg.Connection[Any]]:
        """One transaction; with ``snapshot``, every query in it sees the same commits."""
        with self._errors(), self._db.transaction():
            if snapshot:
                self._db.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            yield self._db

    # --- writing ------------------------------------------------------------------------

    def save(self, relationship: Relationship, *, expected_version: int = 0) -> int:
        """Append the relationship's events after ``expected_version``; returns how many.

        Raises:
            StaleVersion: The store holds another version, or a different history; nothing
                was written.
            InvalidValue: ``expected_version`` is negative or beyond the relationship's own.
        """
        r = check_save(relationship, expected_version)
        rows = _event_rows(r, expected_version)
        with self._transaction() as db:
            previous = claim(db, r, expected_version, bool(rows), self._prefixes)
            if rows:
                head = write(db, r.id, previous, rows, key=self._key, channel=self._channel)
                self._prefixes.remember(r, head)
        return len(rows)

    def import_jsonl(
        self,
        lines: Iterable[str | bytes],
        *,
        on_error: Callable[[int, InvalidDocument], None] | None = None,
    ) -> int:
        """Load documents, one per line, and save them in one transaction; returns how many
        relationships were added or extended (see :meth:`SQLiteStore.import_jsonl
        <clientrecovery.SQLiteStore.import_jsonl>`). Other writers wait until it is done.

        Raises:
            InvalidDocument: A bad line (``line N: ...``), unless ``on_error`` takes it.
            StaleVersion: A stored relationship's history is not the start of the imported
                one; nothing is imported.
        """
        optional_function(on_error, "import_jsonl(on_error=...)")
        documents = list(load_jsonl(lines, on_error=on_error))
        changed = 0
        with self._transaction() as db:
            # Taken before any row lock, so no save can hold a row this waits for.
            db.execute("LOCK TABLE relationships IN EXCLUSIVE MODE")
            for r in documents:
                stored = stored_version(db, r.id)
                if stored:
                    check_prefix(db, r, stored)
                if stored < r.version:
                    rows = _event_rows(r, stored)
                    write(
                        db,
                        r.id,
                        claim(db, r, stored, True, None),
                        rows,
                        key=self._key,
                        channel=self._channel,
                    )
                    changed += 1
        return changed

    def erase(
        self,
        relationship_id: str,
        *,
        key: str | bytes,
        by: str,
        at: datetime | None = None,
    ) -> Erasure:
        """Replace the relationship's personal data with pseudonyms, in every stored row.

        The history is pseudonymized as :func:`~clientrecovery.redact` does under ``key``,
        keeping the id and the account; every events row and the relationships row are
        rewritten, the hash chain is computed again from its start over the new payloads
        (re-anchored), and an :class:`~clientrecovery.storage.Erasure` is recorded, all in
        one transaction. Positions, versions, types and times stay.

        Raises:
            UnknownItem: No relationship has that id.
            InvalidValue: ``key`` is empty, ``by`` is empty, or ``at`` is naive.
            InvalidDocument: The stored case is damaged (see :meth:`verify`); nothing is
                rewritten.
        """
        check_id(relationship_id, "erase")
        by, when = check_erase(by, at)
        with self._transaction() as db:
            if (
                not is_text(relationship_id)
                or db.execute(
                    "SELECT 1 FROM relationships WHERE id = %s FOR UPDATE", (relationship_id,)
                ).fetchone()
                is None
            ):
                raise UnknownItem("relationship", str(relationship_id), self._known(db))
            old, hashes = self._read(db, relationship_id)
            clean = erased(old, key)
            head = GENESIS
            values = []
            for version, event in enumerate(clean.history, start=1):
                payload = canonical(_event_dict(event))
                head = link(head, relationship_id, version, payload, key=self._key)
                values.append((payload, event.actor, bytes.fromhex(head), relationship_id, version))
            db.execute("INSERT INTO erasing VALUES (%s)", (relationship_id,))
            with db.cursor() as cursor:
                cursor.executemany(
                    "UPDATE events SET payload = %s::jsonb, actor = %s, hash = %s"
                    " WHERE relationship_id = %s AND version = %s",
                    values,
                )
            db.execute("DELETE FROM erasing WHERE relationship_id = %s", (relationship_id,))
            db.execute(
                "UPDATE relationships SET client = %s, snapshot = %s::jsonb WHERE id = %s",
                (clean.client, canonical(_snapshot(clean)), relationship_id),
            )
            record = Erasure(relationship_id, when, by, clean.version, hashes[-1], head)
            db.execute(
                "INSERT INTO erasures VALUES (%s, %s, %s, %s, %s, %s)",
                (relationship_id, when, by, record.events, record.previous_head, head),
            )
        return record

    # --- reading ------------------------------------------------------------------------

    def load(self, relationship_id: str) -> Relationship:
        """The stored relationship, its chain checked and its history replayed.

        Raises:
            UnknownItem: No relationship has that id.
            InvalidDocument: Its rows are corrupted, break the chain or break the method.
        """
        check_id(relationship_id, "load")
        with self._errors():  # one statement: it sees one state of both tables
            loaded, hashes = self._read(self._db, relationship_id)
        self._prefixes.remember(loaded, hashes[-1])  # every link was checked
        return loaded

    def _read(self, db: psycopg.Connection[Any], rid: str) -> tuple[Relationship, list[str]]:
        return read(db, rid, self._key)

    def _known(self, db: psycopg.Connection[Any]) -> list[str]:
        return known(db)

    def history(self, relationship_id: str, *, since: int = 0) -> tuple[Event, ...]:
        """The relationship's events after version ``since`` (all of them by default)."""
        return events_since(self.load(relationship_id).history, since)

    def version(self, relationship_id: str) -> int:
        """How many events are stored for the relationship (0 when it is not stored)."""
        check_id(relationship_id, "version")
        with self._errors():
            return stored_version(self._db, relationship_id)

    def list(self, *, stage: Stage | None = None, account: str | None = None) -> tuple[Entry, ...]:
        """Every stored relationship (in ``stage``, of ``account``), by id, without loading
        them."""
        check_filters(stage, account)
        if account is not None and not is_text(account):
            return ()  # an account no row can hold lists nothing
        query = (
            "SELECT id, client, stage, version, opened_at, updated_at, account FROM relationships"
        )
        where, values = [], []
        if account is not None:
            where.append("account = %s")
            values.append(account)
        if stage is not None:
            where.append("stage = %s")
            values.append(stage.name)
        if where:
            query += " WHERE " + " AND ".join(where)
        with self._errors():
            rows = self._db.execute(query.encode() + b" ORDER BY id", values).fetchall()
        return tuple(_entry(row) for row in rows)

    def relationships(
        self, *, stage: Stage | None = None, account: str | None = None
    ) -> Iterator[Relationship]:
        """Load every listed relationship, by id, one at a time."""
        for entry in self.list(stage=stage, account=account):
            yield self.load(entry.id)

    def events(self, *, after: int = 0, limit: int = 1000) -> tuple[StoredEvent, ...]:
        """The feed: up to ``limit`` events of every relationship with a position after
        ``after``, in commit order. Resume from the last position seen."""
        after, limit = check_feed(after, limit)
        with self._errors():
            rows = self._db.execute(
                "SELECT position, relationship_id, version, payload, encode(hash, 'hex'),"
                " (SELECT encode(b.hash, 'hex') FROM events b WHERE b.relationship_id ="
                " events.relationship_id AND b.version = events.version - 1)"
                " FROM events WHERE position > %s ORDER BY position LIMIT %s",
                (after, limit),
            ).fetchall()
        found = []
        # Each event's link is checked against the row before it, as a load checks its
        # chain: an edited payload is not handed out (under a key, none can be forged).
        for position, rid, version, payload, stored, previous in rows:
            event = feed_event(payload, rid, version)
            if not linked(rid, version, canonical(payload).encode(), stored, previous, self._key):
                raise InvalidDocument(
                    [
                        f"relationship {rid!r}, events row {version}: its hash does not match"
                        " its payload and the row before it (the row was changed outside the"
                        " store): the feed cannot go past it"
                    ]
                )
            found.append(StoredEvent(position, rid, version, event))
        return tuple(found)

    def wait(self, timeout: float) -> bool:
        """Sleep until a save commits new events or ``timeout`` seconds pass; returns whether
        one did. Call :meth:`events` after either way: a wake-up carries no events.

        The first call starts listening and returns ``True`` at once, so an event committed
        between the caller's last :meth:`events` and the start of listening is not missed;
        from then on, a commit made while the caller was not waiting wakes the next call.
        """
        with self._errors():
            if self._listener is None:
                self._listener = psycopg.connect(self._conninfo, autocommit=True)
                self._listener.execute(sql.SQL("LISTEN {}").format(sql.Identifier(self._channel)))
                return True
            return any(True for _ in self._listener.notifies(timeout=timeout, stop_after=1))

    def erasures(self, relationship_id: str | None = None) -> tuple[Erasure, ...]:
        """The erasures carried out (of one relationship), oldest first."""
        if relationship_id is not None:
            check_id(relationship_id, "erasures")
        if relationship_id is not None and not is_text(relationship_id):
            return ()  # an id no store can hold has no erasures
        query = "SELECT * FROM erasures"
        with self._transaction() as db:
            if relationship_id is None:
                rows = db.execute(query + " ORDER BY erased_at").fetchall()
            else:
                rows = db.execute(
                    query + " WHERE relationship_id = %s ORDER BY erased_at", (relationship_id,)
                ).fetchall()
        return tuple(Erasure(*row) for row in rows)

    def export_jsonl(self, out: IO[str], *, stage: Stage | None = None) -> int:
        """Write every stored relationship (or those in ``stage``) as JSON lines; returns how
        many. Each is validated on the way out, so an export can be imported again."""
        return export_lines(self.relationships(stage=stage), out, "PostgresStore.export_jsonl")

    def anchor(self) -> dict[str, Any]:
        """The head of every relationship's chain, to keep somewhere else (JSON-ready), as
        :meth:`clientrecovery.SQLiteStore.anchor` exports it.

        Given back to :meth:`verify`, it reveals what a chain alone cannot: a history cut
        short consistently, such as a database restored from an older backup, or rows
        removed by someone who may bypass the store's triggers.
        """
        with self._transaction(snapshot=True) as db:
            rows = db.execute(
                "SELECT DISTINCT ON (e.relationship_id) e.relationship_id, e.version,"
                " encode(e.hash, 'hex') FROM events e JOIN relationships r"
                " ON r.id = e.relationship_id ORDER BY e.relationship_id, e.version DESC"
            ).fetchall()
        return {
            "kind": ANCHOR_KIND,
            "chain": chain_kind(self._key),
            "relationships": {rid: {"version": v, "hash": h} for rid, v, h in rows},
        }

    def verify(self, *, anchor: Mapping[str, Any] | None = None) -> builtins.list[str]:
        """Check every stored relationship (its chain, its replay, its snapshot), the feed and
        the erasure records; returns the problems found (empty: all valid). With ``anchor``
        (from :meth:`anchor`), no relationship may hold less than it did then, nor another
        history."""
        heads = check_anchor(anchor) if anchor is not None else None
        anchored = anchor.get("chain") if anchor is not None else None
        with self._transaction(snapshot=True) as db:
            return verified(db, self._key, heads, anchored)


# --- rows ----------------------------------------------------------------------------------


def _said(failed: psycopg.Error) -> str:
    """The server's (or libpq's) own first line, without the connection string."""
    text = failed.diag.message_primary or str(failed)
    return text.strip().splitlines()[0] if text.strip() else type(failed).__name__
