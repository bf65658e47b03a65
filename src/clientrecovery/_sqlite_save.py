"""Writing to the SQLite store (private; :meth:`clientrecovery.SQLiteStore.save` and
:meth:`~clientrecovery.SQLiteStore.import_jsonl` are the entries).

A save runs in the store's write transaction (:mod:`clientrecovery._sqlite_connection`), so
the version it reads is still the stored one when it commits. :func:`appended` checks that
the stored version, and the stored event at that version, are the ones the change was based
on, then links each new event to the chain (:mod:`clientrecovery._chain`), inserts the
events rows and writes the relationships row (:data:`~clientrecovery._sqlite_load.UPSERT`);
:func:`check_prefix` refuses an import whose history does not start with the stored one.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from clientrecovery._chain import GENESIS, link
from clientrecovery._integrity import snapshot_link
from clientrecovery._prefix import ANOTHER_HISTORY, Prefixes
from clientrecovery._sqlite_compact import digest
from clientrecovery._sqlite_load import UPSERT, written_state
from clientrecovery.errors import StaleVersion
from clientrecovery.events import Event
from clientrecovery.relationship import Relationship
from clientrecovery.serialization import _event_dict, _event_json, _loads, _snapshot_json

__all__ = ["appended", "check_prefix"]


def appended(
    db: sqlite3.Connection,
    relationship: Relationship,
    expected: int,
    key: bytes | None,
    states: bool,
    prefixes: Prefixes | None,
) -> int:
    """Append the relationship's events after version ``expected`` and write its row (with
    its state when ``states``), inside the caller's write transaction; returns how many.
    With ``prefixes``, the relationship's first ``expected`` events must chain to the
    stored head (without, the caller compared the whole stored history: an import).

    Raises:
        StaleVersion: The store holds another version, or a different history.
    """
    rid = relationship.id
    found = db.execute("SELECT version, head FROM relationships WHERE id = ?", (rid,)).fetchone()
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
        if prefixes is not None:
            if not isinstance(head, str):  # no head to compare with: the rows, one by one
                check_prefix(db, relationship, expected)
            elif prefixes.head(relationship, expected) != head:
                raise StaleVersion(rid, expected, actual, ANOTHER_HISTORY.format(expected))
    if relationship.version == expected:
        return 0
    rows = []
    for version, event in enumerate(relationship.history[expected:], start=expected + 1):
        payload = _event_json(event)
        head = link(head, rid, version, payload, key=key)
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
    state = written_state(relationship, head, snapshot, key) if states else ()
    db.execute(
        UPSERT[states],
        (
            rid,
            relationship.client,
            relationship.stage.name,
            relationship.version,
            _utc(relationship.opened_at),
            _utc(relationship.last_event.at),
            snapshot,
            head,
            snapshot_link(head, rid, snapshot, key=key),
            relationship.account,
            *state,
        ),
    )
    db.executemany(
        "INSERT INTO events (relationship_id, version, type, at, actor, payload, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    if prefixes is not None:
        prefixes.remember(relationship, head)
    return len(rows)


def check_prefix(db: sqlite3.Connection, relationship: Relationship, stored: int) -> None:
    """Refuse an import whose history does not start with the ``stored`` events.

    Raises:
        StaleVersion: The stored history is not the start of the imported one.
    """
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


def _same(payload: str, event: Event) -> bool:
    """Whether a stored events row holds this event (compared as JSON values, so the
    writer's formatting does not matter)."""
    return bool(_loads(payload, "") == _event_dict(event))


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()
