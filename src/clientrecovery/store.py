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
on; otherwise it raises :class:`~clientrecovery.StaleVersion` and writes nothing
(:mod:`clientrecovery._sqlite_save`).

Layout 3 adds ``relationships.account``, the ``feed`` (a position for every event, in commit
order) and ``erasures``; :class:`~clientrecovery._sqlite_feed.FeedAndErasure` reads and
writes them (:meth:`~SQLiteStore.events`, :meth:`~SQLiteStore.erase`). Layout 4
(:mod:`clientrecovery._sqlite_compact`) keeps the events in commit order, the position
their row id and ``feed`` a view of them, and each hash as its raw digest.

The database uses write-ahead logging, so readers do not block the writer, and each save is
atomic: a writer killed in the middle of one leaves the store as it was before that save.
The store creates its tables itself and migrates older layouts (``PRAGMA user_version``,
:mod:`clientrecovery._sqlite_layout`). No :mod:`sqlite3` exception leaves it: a locked,
read-only or damaged store is a :class:`~clientrecovery.StoreError` that says which
(:mod:`clientrecovery._sqlite_connection`).
"""

from __future__ import annotations

import builtins
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime
from typing import IO, Any

import attrs

from clientrecovery._chain import GENESIS
from clientrecovery._integrity import ANCHOR_KIND, chain_problems, check_anchor, snapshot_link
from clientrecovery._prefix import Prefixes
from clientrecovery._sqlite_checks import stored_rows, text_column, verify_store
from clientrecovery._sqlite_compact import hexed
from clientrecovery._sqlite_connection import SQLITE_FAILURES
from clientrecovery._sqlite_feed import FeedAndErasure
from clientrecovery._sqlite_layout import APPLICATION_ID as APPLICATION_ID
from clientrecovery._sqlite_layout import CHAIN_STEP as CHAIN_STEP
from clientrecovery._sqlite_layout import MIGRATIONS, LayoutAndMigration
from clientrecovery._sqlite_load import assembled, load_rows, trusted_load
from clientrecovery._sqlite_save import appended, check_prefix
from clientrecovery._validate import optional_function
from clientrecovery.errors import InvalidDocument, InvalidValue, UnknownItem
from clientrecovery.events import Event
from clientrecovery.model import Stage
from clientrecovery.policy import Policy
from clientrecovery.relationship import Relationship
from clientrecovery.serialization import _event_json, load_jsonl, receiver_policy
from clientrecovery.storage import (
    ClosedOnExit,
    chain_key,
    check_filters,
    check_id,
    events_since,
    export_lines,
    storable_id,
)

__all__ = ["MIGRATIONS", "Entry", "SQLiteStore"]


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


class SQLiteStore(FeedAndErasure, LayoutAndMigration, ClosedOnExit):
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
        key: A secret of at least 16 random bytes (``bytes``, or ``str`` taken as UTF-8,
            as for :class:`~clientrecovery.postgres.PostgresStore`): the hash chain is then
            HMAC-SHA-256 under it, which no one without the key can forge, and loads that
            verify their chain trust the stored state instead of re-checking every rule.
            Without a key the chain is SHA-256, which detects accidents and careless edits,
            and every load re-checks the whole history.
        readonly: Open the file for reading only (listing, loading, verifying, exporting):
            no write lock is taken and nothing is migrated.
        migrate: Upgrade a store of an older layout (a write); when ``False`` such a store
            is refused instead.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        create: bool = True,
        timeout: float = 30,
        key: str | bytes | None = None,
        readonly: bool = False,
        migrate: bool = True,
    ):
        self.path = _store_path(path)
        if type(timeout) not in (int, float) or not 0 <= timeout < 2**31:
            raise InvalidValue("SQLiteStore(timeout=...)", f"must be seconds >= 0, got {timeout!r}")
        flags: dict[str, object] = {"create": create, "readonly": readonly, "migrate": migrate}
        for flag, value in flags.items():
            if not isinstance(value, bool):
                raise InvalidValue(f"SQLiteStore({flag}=...)", f"must be a bool, got {value!r}")
        self._key = chain_key(key, "SQLiteStore")
        self._prefixes = Prefixes(_event_json, key=self._key)
        self._readonly = readonly
        self._connect(create=create, timeout=timeout)
        self._open(migrate and not readonly)

    # --- lifetime ------------------------------------------------------------------------

    def close(self) -> None:
        """Close the database connection."""
        self._db.close()

    def __repr__(self) -> str:
        return f"<SQLiteStore {self.path!r}>"

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
            return appended(
                db, relationship, expected_version, self._key, self._states, self._prefixes
            )

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
        receiver_policy(policy, "import_jsonl")
        optional_function(on_error, "import_jsonl(on_error=...)")
        changed = 0
        with self._guard("import"), self._transaction() as db:
            for relationship in load_jsonl(lines, on_error=on_error, policy=policy):
                rid = relationship.id
                found = db.execute(
                    "SELECT version FROM relationships WHERE id = ?", (rid,)
                ).fetchone()
                stored = found[0] if found else 0
                if stored:
                    check_prefix(db, relationship, stored)
                if stored < relationship.version:
                    appended(db, relationship, stored, self._key, self._states, None)
                    changed += 1
        return changed

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
        receiver_policy(policy, "load")
        check_id(relationship_id, "load")
        with self._guard("load"):  # one statement: one snapshot of both tables
            rows = (
                load_rows(self._db, relationship_id, states=self._states)
                if storable_id(relationship_id)
                else []
            )
            if not rows or rows[0][3] is None:  # no relationships row: only events rows
                listed = self._db.execute(
                    "SELECT id FROM relationships WHERE typeof(id) = 'text' LIMIT 21"
                )
                raise UnknownItem("relationship", str(relationship_id), [r[0] for r in listed])
        top = rows[0]
        if self._key is not None and policy is None:
            trusted = trusted_load(relationship_id, top, rows[1:], self._key)
            if trusted is not None:
                self._prefixes.remember(trusted, top[4])  # the head its chain was checked to
                return trusted
        return self._assemble(
            relationship_id,
            (top[1], top[3], top[4], top[2]),
            [(row[0], None, None, None, row[1], hexed(row[2])) for row in rows[1:]],
            policy,
        )

    def _assemble(
        self,
        relationship_id: str,
        row: tuple[Any, ...],
        raw_rows: builtins.list[tuple[Any, ...]],
        policy: Policy | None,
    ) -> Relationship:
        """The relationship of a relationships row and its events rows (as read by
        :meth:`load`): the chain checked, then validated in full."""
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
        if (
            self._key is not None
            and not broken
            and snapshot is not None
            and row[3] != snapshot_link(head, relationship_id, snapshot, key=self._key)
        ):
            # Only the key holder can seal a snapshot to its head: a history cut short and
            # its head copied from an older row, or a snapshot rewritten, fails here.
            broken.append(
                f"{where}: relationships.snapshot_hash does not verify under the key (the"
                " snapshot or the head was changed without it, or the history cut short)"
            )
        if row[1] != len(events):
            broken.append(
                f"{where}: relationships.version says {row[1]}, but the events table holds"
                f" {len(events)} rows"
            )
        try:
            relationship = assembled(relationship_id, snapshot, events, policy)
        except InvalidDocument as bad:
            # Each once: the chain and the replay both find a row out of sequence.
            raise InvalidDocument(list(dict.fromkeys([*broken, *bad.problems]))) from None
        if broken:
            raise InvalidDocument(broken)
        return relationship

    def history(self, relationship_id: str, *, since: int = 0) -> tuple[Event, ...]:
        """The relationship's events after version ``since`` (all of them by default)."""
        return events_since(self.load(relationship_id).history, since)

    def version(self, relationship_id: str) -> int:
        """How many events are stored for the relationship (0 when it is not stored)."""
        check_id(relationship_id, "version")
        if not storable_id(relationship_id):
            return 0
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
        if account is not None and not storable_id(account):
            return ()  # an account no row can hold lists nothing
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
        receiver_policy(policy, "relationships")
        for entry in self.list(stage=stage, account=account):
            yield self.load(entry.id, policy=policy)

    def export_jsonl(self, out: IO[str], *, stage: Stage | None = None) -> int:
        """Write every stored relationship (or those in ``stage``) as JSON lines; returns how
        many. Each is validated on the way out, so an export can be imported again."""
        return export_lines(self.relationships(stage=stage), out, "SQLiteStore.export_jsonl")

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
        receiver_policy(policy, "verify")
        heads = check_anchor(anchor) if anchor is not None else None
        anchored = anchor.get("chain") if anchor is not None else None
        with self._guard("verify"):
            problems = verify_store(self, heads, policy, anchored)
            try:
                problems.extend(self._verify_feed())
            except SQLITE_FAILURES as failed:
                problems.append(
                    f"store file: {self._failure(failed, 'read the feed and erasures')}"
                )
            return problems


# --- rows ----------------------------------------------------------------------------------


def _store_path(path: object) -> str:
    """The file a store is opened on: a non-empty ``str`` or path (``""`` would be a
    temporary database, lost on closing)."""
    text = os.fspath(path) if isinstance(path, str | os.PathLike) else None
    if not isinstance(text, str) or not text:
        raise InvalidValue("SQLiteStore(path=...)", f"must name a file, got {path!r}")
    if "\x00" in text:
        raise InvalidValue("SQLiteStore(path=...)", f"a file name holds no NUL character: {text!r}")
    try:
        os.fsencode(text)
    except UnicodeError:
        raise InvalidValue(
            "SQLiteStore(path=...)", f"{text!r} cannot be a file name on this system"
        ) from None
    return text


_COLUMN_TYPES: dict[str, type | tuple[type, ...]] = {
    "id": str,
    "client": str,
    "version": int,
    "account": (str, type(None)),
}
"""What the listed columns of a relationships row hold, as the store writes them."""


def _entry(row: tuple[Any, ...]) -> Entry:
    rid, client, stage, version, opened_at, updated_at, account = row
    shown = repr(rid) if isinstance(rid, str) else f"{rid!r} (not text)"
    columns = {"id": rid, "client": client, "version": version, "account": account}
    wrong = [
        f"relationship {shown}: relationships.{name} holds a {type(value).__name__} value,"
        " not what the store writes there"
        for name, value in columns.items()
        if not isinstance(value, _COLUMN_TYPES[name]) or isinstance(value, bool)
    ]
    if wrong:
        raise InvalidDocument(wrong)
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
            [f"relationship {shown}: a relationships row cannot be read ({bad!r})"]
        ) from None
