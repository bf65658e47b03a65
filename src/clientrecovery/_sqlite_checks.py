"""The checks of :meth:`clientrecovery.SQLiteStore.verify` that read SQLite itself (private).

What does not depend on the engine (the chain, the list columns against the payloads, the
anchor) is in :mod:`clientrecovery._integrity`; here are the file's own integrity check, the
indexes against their tables, rows read as bytes so that one that is not UTF-8 is a problem
and not an exception, and the walk over every relationship that goes on after each problem.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Final

from clientrecovery._integrity import (
    EventRow,
    anchor_problems,
    column_problems,
)
from clientrecovery._sqlite_compact import HASH
from clientrecovery._sqlite_connection import SQLITE_FAILURES
from clientrecovery._sqlite_load import state_problems
from clientrecovery.errors import InvalidDocument
from clientrecovery.policy import Policy
from clientrecovery.serialization import _loads

if TYPE_CHECKING:
    from clientrecovery.relationship import Relationship
    from clientrecovery.store import SQLiteStore

__all__ = ["stored_rows", "text_column", "verify_store"]


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()  # as the store writes its time columns


def verify_store(
    store: SQLiteStore,
    heads: Mapping[str, Mapping[str, Any]] | None,
    policy: Policy | None,
    anchored: object = None,
) -> list[str]:
    """Every problem of the store, each naming the relationship and the row (``anchored``:
    the kind of chain the anchor of ``heads`` says it was taken of)."""
    problems: list[str] = []
    if store._key is None and store._chain != "sha256":
        problems.append(
            f"store: its hash chain is keyed ({store._chain}) and it was opened without the"
            " key, so no chain, snapshot or state link was checked: open it with its key"
        )
    problems.extend(_verify_file(store))
    stored: dict[str, list[EventRow] | None] = {}
    try:
        ids = store._db.execute(
            "SELECT rowid, CAST(id AS BLOB) FROM relationships NOT INDEXED ORDER BY rowid"
        ).fetchall()
    except SQLITE_FAILURES as failed:
        problems.append(f"relationships table: {store._failure(failed, 'read it')}")
        ids = []
    for rowid, raw_id in ids:
        rid = text_column(raw_id, f"relationships row {rowid}: its id", problems)
        if rid is not None:
            problems.extend(_verify_one(store, rowid, rid, policy, stored))
    problems.extend(_verify_rest(store))
    if heads is not None:
        kind = anchored if isinstance(anchored, str) else store._chain
        if kind != store._chain:
            problems.append(
                f"anchor: it was taken of a {kind} chain, but the store says its chain is"
                f" {store._chain} (the store's own record of it was changed, or the anchor is"
                " another store's)"
            )
        # Worked out again from the payloads wherever the anchor's kind of chain can be:
        # plain SHA-256 always, a keyed chain with its key.
        plain = kind == "sha256"
        recompute = plain or store._key is not None
        key = None if plain else store._key
        try:
            erased = store._erased()
        except SQLITE_FAILURES:
            erased = {}  # the check of the erasures says why
        problems.extend(anchor_problems(heads, stored, recompute=recompute, key=key, erased=erased))
    return problems


def _verify_file(store: SQLiteStore) -> list[str]:
    try:
        found = [m for (m,) in store._db.execute("PRAGMA integrity_check") if m != "ok"]
    except SQLITE_FAILURES as failed:
        return [f"store file: {store._failure(failed, 'check the file')}"]
    return [f"store file: {message}" for message in found]


def _verify_one(
    store: SQLiteStore,
    rowid: int,
    relationship_id: str,
    policy: Policy | None,
    stored: dict[str, list[EventRow] | None],
) -> list[str]:
    """The problems of one relationship (and its rows, kept in ``stored``). Its row is read
    by ``rowid``, from the table itself: read by id, through the primary key's index, a row
    the index has lost would not be found (the index is checked by :func:`_verify_rest`)."""
    where = f"relationship {relationship_id!r}"
    try:
        with store._reading() as db:
            row = db.execute(
                "SELECT CAST(snapshot AS BLOB), version, head, snapshot_hash,"
                " CAST(client AS BLOB), CAST(stage AS BLOB), opened_at, updated_at, "
                + ("state, state_hash" if store._states else "NULL, NULL")
                + ", CAST(account AS BLOB) FROM relationships"
                " WHERE rowid = ?",
                (rowid,),
            ).fetchone()
            raw_rows = db.execute(
                "SELECT version, CAST(type AS BLOB), CAST(at AS BLOB), CAST(actor AS BLOB),"
                f" CAST(payload AS BLOB), {HASH} FROM events"
                " WHERE relationship_id = ? ORDER BY version",
                (relationship_id,),
            ).fetchall()
    except SQLITE_FAILURES as failed:
        stored[relationship_id] = None  # unread: not "missing" for the anchor
        return [f"{where}: {store._failure(failed, 'read it')}"]
    if row is None:  # deleted by another connection since the ids were listed
        stored[relationship_id] = None
        return [f"{where}: its relationships row {rowid} was gone when read again"]
    problems: list[str] = []
    events = stored_rows(relationship_id, raw_rows, problems)
    stored[relationship_id] = events
    try:
        loaded: Relationship | None = store._assemble(relationship_id, row[:4], raw_rows, policy)
    except InvalidDocument as bad:
        loaded = None
        problems.extend(p if p.startswith(where) else f"{where}: {p}" for p in bad.problems)
    for event in events:
        try:
            decoded = _loads(event.payload, "")
        except InvalidDocument:
            continue  # reported by the load
        if isinstance(decoded, dict):
            problems.extend(column_problems(relationship_id, event, decoded))
    if loaded is not None:
        listed: list[str] = []
        client = text_column(row[4], f"{where}, relationships.client", listed)
        stage = text_column(row[5], f"{where}, relationships.stage", listed)
        if client is not None and client != loaded.client:
            listed.append(
                f"{where}: relationships.client says {client!r}, the events {loaded.client!r}"
            )
        account = text_column(row[10], f"{where}, relationships.account", listed)
        if account != loaded.account and not (account is None and row[10] is not None):
            listed.append(
                f"{where}: relationships.account says {account!r}, the events {loaded.account!r}"
            )
        for column, value, moment in (
            ("opened_at", row[6], loaded.opened_at),
            ("updated_at", row[7], loaded.last_event.at),
        ):
            if value != _utc(moment):
                listed.append(
                    f"{where}: relationships.{column} says {value!r}, the events {_utc(moment)!r}"
                )
        if stage is not None and stage != loaded.stage.name:
            listed.append(
                f"{where}: relationships.stage says {stage!r}, the events {loaded.stage.name!r}"
            )
        problems.extend(listed)
        payloads = [event.payload.encode() for event in events]
        top = (row[0], row[1], row[2], row[8], row[9])
        problems.extend(state_problems(relationship_id, store._key, top, payloads, loaded))
    return list(dict.fromkeys(problems))  # each once, in order


def _verify_rest(store: SQLiteStore) -> list[str]:
    """Orphan events, and indexes that disagree with their tables."""
    problems: list[str] = []
    try:
        orphans = store._db.execute(
            "SELECT DISTINCT relationship_id FROM events"
            " WHERE relationship_id NOT IN (SELECT id FROM relationships)"
        ).fetchall()
        problems.extend(
            f"relationship {rid!r}: events without a relationships row" for (rid,) in orphans
        )
    except SQLITE_FAILURES as failed:
        problems.append(f"events table: {store._failure(failed, 'read it')}")
    for table, index, columns, name in _INDEXES:
        query = f"SELECT {columns} FROM {table} {{}} ORDER BY {columns}"
        try:
            by_table = set(store._db.execute(query.format("NOT INDEXED")).fetchall())
            by_index = set(store._db.execute(query.format(f"INDEXED BY {index}")).fetchall())
        except SQLITE_FAILURES as failed:
            problems.append(f"index {index}: {store._failure(failed, 'read it')}")
            continue
        for missing in sorted(by_table - by_index, key=repr):
            problems.append(f"{name(missing)}: missing from the index {index} (REINDEX)")
        for extra in sorted(by_index - by_table, key=repr):
            problems.append(f"{name(extra)}: in the index {index}, not in {table} (REINDEX)")
    return problems


_INDEXES: Final[tuple[tuple[str, str, str, Callable[[tuple[Any, ...]], str]], ...]] = (
    (
        "relationships",
        "sqlite_autoindex_relationships_1",  # the primary key's: load() finds a case by it
        "id",
        lambda key: f"relationship {key[0]!r}",
    ),
    (
        "relationships",
        "relationships_by_stage",
        "stage, id",
        lambda key: f"relationship {key[1]!r}",
    ),
    (
        "events",
        "events_by_relationship",
        "relationship_id, version, position",
        lambda key: f"relationship {key[0]!r}, events row {key[1]}",
    ),
    (
        "events",
        "events_by_type",
        "type, at, relationship_id, version",
        lambda key: f"relationship {key[2]!r}, events row {key[3]}",
    ),
)
"""Each index with the columns it holds, and how to name the row a key belongs to."""


def text_column(value: object, where: str, problems: list[str]) -> str | None:
    """A column read as bytes, as text; ``None`` (and a problem) when it is not UTF-8."""
    if value is None or isinstance(value, str):
        return value
    if not isinstance(value, bytes):
        problems.append(f"{where}: not text ({type(value).__name__})")
        return None
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError as bad:
        problems.append(f"{where}: not UTF-8 ({bad.reason} at byte {bad.start})")
        return None


def stored_rows(
    relationship_id: str, rows: Sequence[tuple[Any, ...]], problems: list[str]
) -> list[EventRow]:
    """The events rows as text, each column that is not UTF-8 reported."""
    where = f"relationship {relationship_id!r}, events row"
    events = []
    for version, kind, at, actor, payload, digest in rows:
        text = text_column(payload, f"{where} {version}: its payload", problems)
        events.append(
            EventRow(
                version,
                text_column(kind, f"{where} {version}: its type", problems),
                text_column(at, f"{where} {version}: its at", problems),
                text_column(actor, f"{where} {version}: its actor", problems),
                text if text is not None else "",
                digest if isinstance(digest, str) else None,
            )
        )
    return events
