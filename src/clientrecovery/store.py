"""An embedded case store on SQLite (the standard library's :mod:`sqlite3`): nothing to start.

A store keeps each relationship twice over, in two tables SQL users can query:

``events``
    Append-only, one row per accepted event: ``relationship_id``, ``version`` (1 for the
    first event), ``type`` (``"IssueRaised"``...), ``at`` (UTC, ISO 8601, so it sorts),
    ``actor`` and ``payload`` (the event as JSON, exactly as in a document's history).
    Triggers refuse ``UPDATE`` and ``DELETE``.
``relationships``
    One row per relationship: ``id``, ``client``, ``stage``, ``version``, ``opened_at``,
    ``updated_at`` (UTC) and ``snapshot`` (the document without its history).

The history in ``events`` is the record; the snapshot is a check on it. Loading assembles
the document and loads it like :func:`~clientrecovery.from_dict`: the history is replayed,
every rule re-checked, and the snapshot compared; a corrupted row raises
:class:`~clientrecovery.InvalidDocument` naming the relationship and the row.

Saving is optimistic concurrency: :meth:`SQLiteStore.save` appends the relationship's new
events in one transaction only if the stored version is still the one the change was based
on; otherwise it raises :class:`~clientrecovery.StaleVersion` and writes nothing.

Layout 2 adds ``relationships.account``, the ``feed`` (a position for every event, in commit
order) and ``erasures``; :class:`~clientrecovery._sqlite_feed.FeedAndErasure` reads and
writes them (:meth:`~SQLiteStore.events`, :meth:`~SQLiteStore.erase`).

The database uses write-ahead logging, so readers do not block the writer, and each save is
atomic: a writer killed in the middle of one leaves the store as it was before that save.
The store creates its tables itself and migrates older layouts (``PRAGMA user_version``).
"""

from __future__ import annotations

import builtins
import os
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Final, Self

import attrs

from clientrecovery._sqlite_feed import ACCOUNTS_FEED_ERASURE, FeedAndErasure
from clientrecovery.errors import (
    InvalidDocument,
    InvalidValue,
    StaleVersion,
    StoreError,
    UnknownItem,
)
from clientrecovery.events import Event
from clientrecovery.model import Stage
from clientrecovery.relationship import Relationship
from clientrecovery.serialization import (
    _event_dict,
    _event_json,
    _loads,
    _snapshot_json,
    from_dict,
    load_jsonl,
    to_json,
)
from clientrecovery.storage import check_filters

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
    # Accounts, the feed and erasure (see ACCOUNTS_FEED_ERASURE).
    ACCOUNTS_FEED_ERASURE,
)
"""``MIGRATIONS[n]`` takes a store from layout ``n`` to ``n + 1`` (``PRAGMA user_version``)."""


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


class SQLiteStore(FeedAndErasure):
    """Relationships kept in one SQLite file.

    >>> from clientrecovery.examples import masterclass
    >>> store = SQLiteStore(":memory:")
    >>> case = masterclass()
    >>> store.save(case)
    39
    >>> store.load("halden-foods") == case
    True
    >>> store.close()

    Args:
        path: The database file (``":memory:"`` for a private in-memory store).
        create: Create the file when it does not exist; when ``False``, a missing file
            raises :class:`~clientrecovery.StoreError`.
        timeout: Seconds to wait for another process's write to finish.
    """

    path: str

    def __init__(self, path: str | os.PathLike[str], *, create: bool = True, timeout: float = 30):
        self.path = os.fspath(path)
        if not create and self.path != ":memory:" and not Path(self.path).is_file():
            raise StoreError(f"no store at {self.path!r}")
        try:
            self._db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
        except sqlite3.Error as failed:
            raise StoreError(f"cannot open the store {self.path!r}: {failed}") from None
        try:
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as failed:
            self._db.close()
            raise StoreError(f"{self.path!r} is not a clientrecovery store ({failed})") from None
        except StoreError:
            self._db.close()
            raise

    # --- lifetime ------------------------------------------------------------------------

    def close(self) -> None:
        """Close the database connection."""
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<SQLiteStore {self.path!r}>"

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: it takes the write lock first, so the reads inside it are
        still true when it commits; any error rolls everything back."""
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

    def _migrate(self) -> None:
        app = self._db.execute("PRAGMA application_id").fetchone()[0]
        if app not in (0, APPLICATION_ID):
            raise StoreError(f"{self.path!r} belongs to another application (id {app:#x})")
        with self._transaction() as db:
            layout = db.execute("PRAGMA user_version").fetchone()[0]
            if layout > len(MIGRATIONS):
                raise StoreError(
                    f"{self.path!r} has store layout {layout}, newer than this library knows"
                    f" ({len(MIGRATIONS)}); upgrade clientrecovery"
                )
            if layout == 0 and app == 0:
                tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
                if tables:
                    raise StoreError(f"{self.path!r} is a database of another application")
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            for step in range(layout, len(MIGRATIONS)):
                for statement in _statements(MIGRATIONS[step]):
                    db.execute(statement)
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
        """
        if not isinstance(relationship, Relationship):
            raise InvalidValue("save(relationship)", "must be a Relationship")
        if type(expected_version) is not int or not 0 <= expected_version <= relationship.version:
            raise InvalidValue(
                "save(expected_version=...)",
                f"must be an integer from 0 to {relationship.version} (the relationship's"
                f" version), got {expected_version!r}",
            )
        rows = _event_rows(relationship, expected_version)
        with self._transaction() as db:
            self._append(db, relationship, expected_version, rows)
        return len(rows)

    def _append(
        self,
        db: sqlite3.Connection,
        relationship: Relationship,
        expected: int,
        rows: Sequence[tuple[Any, ...]],
    ) -> None:
        rid = relationship.id
        found = db.execute("SELECT version FROM relationships WHERE id = ?", (rid,)).fetchone()
        actual = found[0] if found else 0
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
        if not rows:
            return
        snapshot = _snapshot_json(relationship)
        db.execute(
            "INSERT INTO relationships (id, client, stage, version, opened_at, updated_at,"
            " snapshot, account) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE"
            " SET stage = excluded.stage, version = excluded.version,"
            " updated_at = excluded.updated_at, snapshot = excluded.snapshot",
            (
                rid,
                relationship.client,
                relationship.stage.name,
                relationship.version,
                _utc(relationship.opened_at),
                _utc(relationship.last_event.at),
                snapshot,
                relationship.account,
            ),
        )
        db.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)", rows)

    def import_jsonl(
        self,
        lines: Iterable[str | bytes],
        *,
        on_error: Callable[[int, InvalidDocument], None] | None = None,
    ) -> int:
        """Load documents, one per line, and save them in one transaction; returns how many
        relationships were added or extended.

        A relationship already stored is extended when its stored history is the start of
        the imported one, and left alone when it is the same. A bad line raises
        :class:`~clientrecovery.InvalidDocument` (``line N: ...``) and nothing is imported,
        unless ``on_error`` is given: then it is called and the line skipped.

        Raises:
            StaleVersion: A stored relationship's history is not the start of the imported
                one; nothing is imported.
        """
        changed = 0
        with self._transaction() as db:
            for relationship in load_jsonl(lines, on_error=on_error):
                rid = relationship.id
                found = db.execute(
                    "SELECT version FROM relationships WHERE id = ?", (rid,)
                ).fetchone()
                stored = found[0] if found else 0
                if stored:
                    self._check_prefix(db, relationship, stored)
                if stored < relationship.version:
                    self._append(db, relationship, stored, _event_rows(relationship, stored))
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

    def load(self, relationship_id: str) -> Relationship:
        """The stored relationship, validated like :func:`~clientrecovery.from_dict`.

        Raises:
            UnknownItem: No relationship has that id.
            InvalidDocument: Its rows are corrupted or break the method.
        """
        with self._reading() as db:  # one snapshot of both tables, whoever writes meanwhile
            row = db.execute(
                "SELECT snapshot FROM relationships WHERE id = ?", (relationship_id,)
            ).fetchone()
            if row is None:
                known = [r[0] for r in db.execute("SELECT id FROM relationships LIMIT 21")]
                raise UnknownItem("relationship", str(relationship_id), known)
            rows = db.execute(
                "SELECT version, payload FROM events WHERE relationship_id = ? ORDER BY version",
                (relationship_id,),
            ).fetchall()
        return _assemble(relationship_id, row[0], rows)

    def history(self, relationship_id: str, *, since: int = 0) -> tuple[Event, ...]:
        """The relationship's events after version ``since`` (all of them by default)."""
        return self.load(relationship_id).history[since:]

    def version(self, relationship_id: str) -> int:
        """How many events are stored for the relationship (0 when it is not stored)."""
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
        entries: builtins.list[Entry] = []
        for row in self._db.execute(query + " ORDER BY id", values):
            try:
                entries.append(_entry(row))
            except InvalidDocument as bad:
                if on_error is None:
                    raise
                on_error(str(row[0]), bad)
        return tuple(entries)

    def relationships(
        self, *, stage: Stage | None = None, account: str | None = None
    ) -> Iterator[Relationship]:
        """Load every listed relationship (in ``stage``, of ``account``), by id, one at a time."""
        for entry in self.list(stage=stage, account=account):
            yield self.load(entry.id)

    def export_jsonl(self, out: IO[str], *, stage: Stage | None = None) -> int:
        """Write every stored relationship (or those in ``stage``) as JSON lines; returns how
        many. Each is validated on the way out, so an export can be imported again."""
        count = 0
        for relationship in self.relationships(stage=stage):
            out.write(to_json(relationship))
            out.write("\n")
            count += 1
        return count

    def verify(self) -> builtins.list[str]:
        """Load every stored relationship and return the problems found (empty: all valid)."""
        problems: list[str] = []
        ids = self._db.execute("SELECT id FROM relationships ORDER BY id").fetchall()
        for (relationship_id,) in ids:
            try:
                self.load(relationship_id)
            except InvalidDocument as bad:
                problems.extend(bad.problems)
        orphans = self._db.execute(
            "SELECT DISTINCT relationship_id FROM events"
            " WHERE relationship_id NOT IN (SELECT id FROM relationships)"
        )
        problems.extend(
            f"relationship {rid!r}: events without a relationships row" for (rid,) in orphans
        )
        problems.extend(self._verify_feed())
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


def _row(problem: str) -> str:
    """Name the events row a problem in ``$.history[i]`` comes from (version ``i + 1``)."""
    found = re.search(r"@ \$\.history\[(\d+)\]", problem)
    return f"{problem} (events row {int(found[1]) + 1})" if found else problem


def _same(payload: str, event: Event) -> bool:
    """Whether a stored events row holds this event (compared as JSON values, so the
    writer's formatting does not matter)."""
    return bool(_loads(payload, "") == _event_dict(event))


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


def _event_rows(relationship: Relationship, after: int) -> list[tuple[Any, ...]]:
    rid = relationship.id
    return [
        (
            rid,
            version,
            type(event).__name__,
            _utc(event.at),
            event.actor,
            _event_json(event),
        )
        for version, event in enumerate(relationship.history[after:], start=after + 1)
    ]


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


def _assemble(relationship_id: str, snapshot: str, rows: list[tuple[int, str]]) -> Relationship:
    where = f"relationship {relationship_id!r}"
    problems: list[str] = []
    try:
        document = _loads(snapshot, "$")
    except InvalidDocument as bad:
        document = None
        problems.extend(f"{where}, relationships.snapshot: {p}" for p in bad.problems)
    history: list[Any] = []
    for expected, (version, payload) in enumerate(rows, start=1):
        if version != expected:
            problems.append(f"{where}: event {expected} is missing from the events table")
            break
        try:
            history.append(_loads(payload, f"$.history[{version - 1}]"))
        except InvalidDocument as bad:
            problems.extend(f"{where}, events row {version}: {p}" for p in bad.problems)
    if problems:
        raise InvalidDocument(problems)
    if not isinstance(document, dict):
        raise InvalidDocument([f"{where}, relationships.snapshot: not a JSON object"])
    try:
        return from_dict({**document, "history": history})
    except InvalidDocument as bad:
        raise InvalidDocument([f"{where}: {_row(p)}" for p in bad.problems]) from None
