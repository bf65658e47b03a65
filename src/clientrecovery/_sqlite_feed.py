"""The SQLite store's feed and erasure: layout 3 of the file and the methods that use it.

:class:`~clientrecovery.SQLiteStore` inherits :class:`FeedAndErasure`; the migration step
:data:`ACCOUNTS_FEED_ERASURE` is the third of :data:`clientrecovery._sqlite_layout.MIGRATIONS`.
"""

from __future__ import annotations

import builtins
import itertools
import sqlite3
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Final

import attrs

from clientrecovery._chain import GENESIS, link
from clientrecovery._integrity import linked, snapshot_link
from clientrecovery._sqlite_compact import HASH, digest
from clientrecovery._sqlite_connection import ConnectionAndErrors
from clientrecovery._sqlite_load import written_state
from clientrecovery.errors import InvalidDocument, StaleVersion
from clientrecovery.serialization import _event_json, _loads, _snapshot_json
from clientrecovery.storage import (
    Erasure,
    StoredEvent,
    check_erase,
    check_feed,
    check_id,
    erased,
    feed_event,
    storable_id,
)

if TYPE_CHECKING:
    from clientrecovery.relationship import Relationship

__all__ = ["ACCOUNTS_FEED_ERASURE", "FeedAndErasure"]

_LAST_POSITION: Final = 2**63 - 1
"""The largest row id SQLite gives, so the last position an event can have."""

ACCOUNTS_FEED_ERASURE: Final = """
    ALTER TABLE relationships ADD COLUMN account TEXT;
    DROP INDEX relationships_by_stage;
    CREATE INDEX relationships_by_stage
        ON relationships (stage, id, client, version, opened_at, updated_at, account);
    CREATE INDEX relationships_by_account
        ON relationships (account, stage, id, client, version, opened_at, updated_at);
    CREATE INDEX relationships_listed
        ON relationships (id, client, stage, version, opened_at, updated_at, account);
    CREATE TABLE feed (
        position        INTEGER PRIMARY KEY AUTOINCREMENT,
        relationship_id TEXT NOT NULL,
        version         INTEGER NOT NULL,
        UNIQUE (relationship_id, version)
    );
    INSERT INTO feed (relationship_id, version)
        SELECT relationship_id, version FROM events ORDER BY at, relationship_id, version;
    CREATE TRIGGER events_join_the_feed AFTER INSERT ON events
    BEGIN INSERT INTO feed (relationship_id, version) VALUES (NEW.relationship_id, NEW.version);
    END;
    CREATE TRIGGER feed_is_not_updated BEFORE UPDATE ON feed
    BEGIN SELECT RAISE(ABORT, 'the feed is append-only'); END;
    CREATE TRIGGER feed_is_not_deleted BEFORE DELETE ON feed
    BEGIN SELECT RAISE(ABORT, 'the feed is append-only'); END;
    CREATE TABLE erasing (relationship_id TEXT PRIMARY KEY);
    CREATE TABLE erasures (
        relationship_id TEXT NOT NULL REFERENCES relationships (id),
        erased_at       TEXT NOT NULL,
        erased_by       TEXT NOT NULL,
        events          INTEGER NOT NULL,
        previous_head   TEXT NOT NULL,
        head            TEXT NOT NULL
    );
    CREATE TRIGGER erasures_are_not_updated BEFORE UPDATE ON erasures
    BEGIN SELECT RAISE(ABORT, 'erasures are append-only'); END;
    CREATE TRIGGER erasures_are_not_deleted BEFORE DELETE ON erasures
    BEGIN SELECT RAISE(ABORT, 'erasures are append-only'); END;
    DROP TRIGGER events_are_not_updated;
    CREATE TRIGGER events_are_not_updated BEFORE UPDATE ON events
    WHEN NOT EXISTS (SELECT 1 FROM erasing WHERE relationship_id = OLD.relationship_id)
        OR NEW.relationship_id IS NOT OLD.relationship_id OR NEW.version IS NOT OLD.version
        OR NEW.type IS NOT OLD.type OR NEW.at IS NOT OLD.at
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
"""
"""Layout 3: ``relationships.account`` with covering indexes for listing by id, stage and
account; ``feed``, the position of every event in commit order (filled by a trigger on
``events``; a view of the events table since layout 4); ``erasures``, append-only, one row
per :meth:`FeedAndErasure.erase`; and the
``UPDATE`` trigger of ``events`` lets an erasure (a row in ``erasing``, inside its
transaction) rewrite a payload and actor, and nothing else."""


class FeedAndErasure(ConnectionAndErrors):
    """The feed (:meth:`events`) and erasure (:meth:`erase`, :meth:`erasures`) of a SQLite
    store, on the tables of :data:`ACCOUNTS_FEED_ERASURE`."""

    if TYPE_CHECKING:  # provided by SQLiteStore

        def load(self, relationship_id: str) -> Relationship: ...
        def version(self, relationship_id: str) -> int: ...

    def events(self, *, after: int = 0, limit: int = 1000) -> tuple[StoredEvent, ...]:
        """The feed: up to ``limit`` events of every relationship with a position after
        ``after``, in commit order (SQLite has one writer at a time, so positions are
        committed in order). Resume from the last position seen.

        Raises:
            InvalidDocument: An event's payload is damaged.
        """
        after, limit = check_feed(after, limit)
        if after > _LAST_POSITION:  # no row id is beyond it
            return ()
        with self._guard("read the feed"):
            rows = self._db.execute(
                f"SELECT position, relationship_id, version, CAST(payload AS BLOB), {HASH},"
                f" (SELECT {HASH} FROM events AS before WHERE before.relationship_id ="
                " events.relationship_id AND before.version = events.version - 1)"
                " FROM events WHERE position > ? ORDER BY position LIMIT ?",
                (after, limit),
            ).fetchall()
        # Each event's link is checked against the row before it, as a load checks its
        # chain: an edited payload is not handed out (under a key, none can be forged).
        checked = self._key is not None or self._chain == "sha256"
        found = []
        for position, rid, version, payload, stored, previous in rows:
            where = f"relationship {rid!r}, events row {version}"
            try:
                decoded = _loads(payload, "$")
            except InvalidDocument as bad:
                problems = [f"{where}: its payload: {p}" for p in bad.problems]
                raise InvalidDocument(problems) from None
            if checked and not linked(rid, version, payload, stored, previous, self._key):
                raise InvalidDocument(
                    [
                        f"{where}: its hash does not match its payload and the row before it"
                        " (the row was changed outside the store): the feed cannot go past it"
                    ]
                )
            found.append(StoredEvent(position, rid, version, feed_event(decoded, rid, version)))
        return tuple(found)

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
            StaleVersion: The relationship changed while it was being erased; erase again.
            InvalidValue: ``key`` is empty, ``by`` is empty, or ``at`` is naive.
        """
        check_id(relationship_id, "erase")
        by, when = check_erase(by, at)
        old = self.load(relationship_id)
        clean = erased(old, key)
        rows = [
            (_event_json(event), event.actor, relationship_id, version)
            for version, event in enumerate(clean.history, start=1)
        ]
        with self._guard("erase"), self._transaction() as db:
            actual = self.version(relationship_id)
            if actual != old.version:
                raise StaleVersion(
                    relationship_id, old.version, actual, "it changed while being erased"
                )
            previous = self._head(db, relationship_id)
            db.execute("INSERT INTO erasing VALUES (?)", (relationship_id,))
            db.executemany(
                "UPDATE events SET payload = ?, actor = ?"
                " WHERE relationship_id = ? AND version = ?",
                rows,
            )
            head = self._rechain(db, relationship_id)
            db.execute("DELETE FROM erasing WHERE relationship_id = ?", (relationship_id,))
            snapshot = _snapshot_json(clean)
            chain_key = self._key
            db.execute(
                "UPDATE relationships SET client = ?, snapshot = ?, head = ?, snapshot_hash = ?"
                " WHERE id = ?",
                (
                    clean.client,
                    snapshot,
                    head,
                    snapshot_link(head, relationship_id, snapshot, key=chain_key),
                    relationship_id,
                ),
            )
            if getattr(self, "_states", False):  # the erased case's own state, or none
                state = written_state(clean, head, snapshot, chain_key)
                db.execute(
                    "UPDATE relationships SET state = ?, state_hash = ? WHERE id = ?",
                    (*state, relationship_id),
                )
            record = Erasure(relationship_id, when, by, clean.version, previous, head)
            db.execute(
                "INSERT INTO erasures VALUES (?, ?, ?, ?, ?, ?)",
                (relationship_id, _utc(when), by, clean.version, previous, head),
            )
        return record

    def erasures(self, relationship_id: str | None = None) -> tuple[Erasure, ...]:
        """The erasures carried out (of one relationship), oldest first."""
        if relationship_id is not None:
            check_id(relationship_id, "erasures")
        if relationship_id is not None and not storable_id(relationship_id):
            return ()  # an id no store can hold has no erasures
        query = "SELECT * FROM erasures"
        with self._guard("read the erasures"):
            rows = (
                self._db.execute(query + " ORDER BY erased_at")
                if relationship_id is None
                else self._db.execute(
                    query + " WHERE relationship_id = ? ORDER BY erased_at", (relationship_id,)
                )
            ).fetchall()
        found = []
        for rid, at, by, n, previous, head in rows:
            try:
                found.append(Erasure(rid, _aware(at), by, n, previous, head))
            except (TypeError, ValueError) as bad:
                raise InvalidDocument(
                    [f"relationship {rid!r}: an erasures row cannot be read ({bad})"]
                ) from None
        return tuple(found)

    def _links(self, db: sqlite3.Connection, relationship_id: str) -> builtins.list[str]:
        """The hash chain (:func:`clientrecovery._chain.link`) over the relationship's payloads
        as stored, under the store's key if it was opened with one."""
        key = self._key
        head, links = GENESIS, []
        for version, payload in db.execute(
            "SELECT version, payload FROM events WHERE relationship_id = ? ORDER BY version",
            (relationship_id,),
        ):
            head = link(head, relationship_id, version, payload, key=key)
            links.append(head)
        return links

    def _head(self, db: sqlite3.Connection, relationship_id: str) -> str:
        """The head of the relationship's chain (the link of its last event)."""
        links = self._links(db, relationship_id)
        return links[-1] if links else GENESIS

    def _rechain(self, db: sqlite3.Connection, relationship_id: str) -> str:
        """Re-anchor the relationship's chain after its payloads were rewritten: every link is
        computed again from :data:`~clientrecovery._chain.GENESIS` and stored; returns the
        new head."""
        links = self._links(db, relationship_id)
        db.executemany(
            "UPDATE events SET hash = ? WHERE relationship_id = ? AND version = ?",
            [(digest(h), relationship_id, v) for v, h in enumerate(links, start=1)],
        )
        return links[-1] if links else GENESIS

    def _verify_feed(self) -> builtins.list[str]:
        """Each erasure's head is on the stored chain (every event has its position: since
        layout 4 it is the events table's row id)."""
        problems: builtins.list[str] = []
        by_case = self._erased(problems)
        for rid, records in by_case.items():
            # The last erasure's head is on the stored chain; an earlier one's was rewritten
            # by the next, whose record starts from it when no event came between them.
            for (events, _, head), (later_events, later_previous, _) in itertools.pairwise(records):
                if later_events == events and later_previous != head:
                    problems.append(
                        f"relationship {rid!r}: an erasure re-anchored the chain on"
                        f" {head[:12]}… at event {events}, but the next erasure started from"
                        f" {later_previous[:12]}…"
                    )
            events, _, head = records[-1]
            links = self._links(self._db, rid)
            if len(links) < events or links[events - 1] != head:
                problems.append(
                    f"relationship {rid!r}: an erasure re-anchored the chain on {head[:12]}…"
                    f" at event {events}, but the stored chain differs there"
                )
        return problems

    def _erased(
        self, problems: builtins.list[str] | None = None
    ) -> dict[str, builtins.list[tuple[int, str, str]]]:
        """Each relationship's erasures as ``(events, previous_head, head)``, in order. A row
        :meth:`erasures` could not read (a column that is not text, or not UTF-8, a time
        without an offset, a count that is no integer) is left out, and goes into
        ``problems`` named by its relationship and row."""
        found: dict[str, builtins.list[tuple[int, str, str]]] = {}
        columns = ", ".join(f"typeof({c}), CAST({c} AS BLOB)" for c in _ERASURE_TEXT)
        rows = self._db.execute(
            f"SELECT rowid, events, {columns} FROM erasures ORDER BY rowid"
        ).fetchall()
        for rowid, events, *cells in rows:
            unreadable: builtins.list[str] = []
            rid = _erasure_text(cells[0], cells[1])
            where = (
                f"relationship {rid!r}, erasures row {rowid}"
                if isinstance(rid, str)
                else f"erasures row {rowid}"
            )
            texts: dict[str, str] = {}
            for n, column in enumerate(_ERASURE_TEXT):
                text = _erasure_text(cells[2 * n], cells[2 * n + 1])
                if isinstance(text, str):
                    texts[column] = text
                else:
                    unreadable.append(f"{where}: its {column}: {text.problem}")
            if "erased_at" in texts:
                try:
                    _aware(texts["erased_at"])
                except ValueError as bad:
                    unreadable.append(f"{where}: its erased_at cannot be read ({bad})")
            if type(events) is not int:
                unreadable.append(f"{where}: its events is not an integer ({events!r})")
            if not unreadable:
                found.setdefault(texts["relationship_id"], []).append(
                    (events, texts["previous_head"], texts["head"])
                )
            elif problems is not None:
                problems.extend(unreadable)
        return found


_ERASURE_TEXT: Final = ("relationship_id", "erased_at", "erased_by", "previous_head", "head")
"""The text columns of an erasures row, read with their ``typeof()`` as bytes, so that one
that is not UTF-8 is a problem :meth:`~FeedAndErasure._erased` names, not an exception."""


@attrs.frozen
class _Unreadable:
    problem: str


def _erasure_text(kind: object, value: object) -> str | _Unreadable:
    """A text column of an erasures row, from its ``typeof()`` and its bytes."""
    if kind != "text" or not isinstance(value, bytes):
        return _Unreadable(f"not text ({kind})")
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError as bad:
        return _Unreadable(f"not UTF-8 ({bad.reason} at byte {bad.start})")


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


def _aware(text: str) -> datetime:
    """An erasures row's time; one without an offset was not written by the store."""
    moment = datetime.fromisoformat(text)
    if moment.utcoffset() is None:
        raise ValueError(f"{text!r} has no UTC offset")
    return moment
