"""Writing a PostgreSQL store (private): a save's claim on its relationship, and the rows
it appends to the chain and the feed.

:class:`~clientrecovery.postgres.PostgresStore` runs these inside its own transactions and
error handling (see its module for the locking that orders the commits); each takes the
open connection.
"""

from __future__ import annotations

from typing import Any

import psycopg

from clientrecovery._chain import GENESIS, link
from clientrecovery._postgres_layout import _one, _Rows
from clientrecovery._postgres_read import is_text
from clientrecovery._prefix import ANOTHER_HISTORY, Prefixes
from clientrecovery.errors import StaleVersion
from clientrecovery.relationship import Relationship
from clientrecovery.serialization import _event_dict, _snapshot
from clientrecovery.storage import canonical

__all__ = ["check_prefix", "claim", "stored_version", "write"]


def claim(
    db: psycopg.Connection[Any],
    r: Relationship,
    expected: int,
    changed: bool,
    prefixes: Prefixes | None,
) -> str:
    """Lock (or insert) the relationship's row if the stored version is ``expected`` and
    its history agrees with ``r``'s (with ``prefixes``, its first ``expected`` events chain
    to the stored head; without, the caller compared every stored event: an import);
    returns the stored head of the chain."""
    columns = (r.stage.name, r.version, r.last_event.at, canonical(_snapshot(r)))
    if expected == 0:
        inserted = db.execute(
            "INSERT INTO relationships (stage, version, updated_at, snapshot, id, client,"
            " account, opened_at) VALUES (%s, %s, %s, %s::jsonb, %s, %s, %s, %s)"
            " ON CONFLICT (id) DO NOTHING",
            (*columns, r.id, r.client, r.account, r.opened_at),
        )
        if inserted.rowcount != 1:
            raise StaleVersion(r.id, 0, stored_version(db, r.id))
        return GENESIS
    found = db.execute(
        "SELECT version FROM relationships WHERE id = %s FOR UPDATE", (r.id,)
    ).fetchone()
    actual = found[0] if found else 0
    if actual != expected:
        raise StaleVersion(r.id, expected, actual)
    payload, head = db.execute(
        "SELECT payload, encode(hash, 'hex') FROM events"
        " WHERE relationship_id = %s AND version = %s",
        (r.id, expected),
    ).fetchone() or (None, GENESIS)
    if payload != _event_dict(r.history[expected - 1]):
        raise StaleVersion(
            r.id,
            expected,
            actual,
            f"its history differs from the stored one at event {expected}",
        )
    if prefixes is not None and prefixes.head(r, expected) != head:
        raise StaleVersion(r.id, expected, actual, ANOTHER_HISTORY.format(expected))
    if changed:
        db.execute(
            "UPDATE relationships SET stage = %s, version = %s, updated_at = %s,"
            " snapshot = %s::jsonb WHERE id = %s",
            (*columns, r.id),
        )
    return str(head)


def write(
    db: psycopg.Connection[Any],
    rid: str,
    head: str,
    rows: _Rows,
    *,
    key: bytes | None,
    channel: str,
) -> str:
    """Append the rows, chained on ``head``, at the next positions of the feed; returns the
    new head."""
    # The notification goes out at commit; sent with the counter, it costs no round trip.
    last, _ = _one(
        db.execute(
            "UPDATE feed SET last_position = last_position + %s"
            " RETURNING last_position, pg_notify(%s, last_position::text)",
            (len(rows), channel),
        )
    )
    position = last - len(rows)
    values = []
    for version, kind, at, actor, payload in rows:
        position += 1
        head = link(head, rid, version, payload, key=key)
        values.append((rid, version, position, kind, at, actor, payload, bytes.fromhex(head)))
    with db.cursor() as cursor:
        cursor.executemany(
            "INSERT INTO events (relationship_id, version, position, type, at, actor,"
            " payload, hash) VALUES (%s, %s, %s, %s, %s, %s, %s::jsonb, %s)",
            values,
        )
    return head


def stored_version(db: psycopg.Connection[Any], rid: str) -> int:
    if not is_text(rid):
        return 0
    found = db.execute("SELECT version FROM relationships WHERE id = %s", (rid,)).fetchone()
    return int(found[0]) if found else 0


def check_prefix(db: psycopg.Connection[Any], r: Relationship, stored: int) -> None:
    payloads = db.execute(
        "SELECT payload FROM events WHERE relationship_id = %s ORDER BY version", (r.id,)
    )
    for position, (payload,) in enumerate(payloads):
        if position >= r.version or payload != _event_dict(r.history[position]):
            raise StaleVersion(
                r.id,
                r.version,
                stored,
                f"the stored history ({stored} events) is not the start of the imported"
                f" one ({r.version} events); they differ at event {position + 1}",
            )
