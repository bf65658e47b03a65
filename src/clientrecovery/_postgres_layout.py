"""The PostgreSQL store's tables, and how relationships become rows of them.

:data:`MIGRATIONS` creates and upgrades the tables :mod:`clientrecovery.postgres` describes,
and :func:`migrate` applies the steps a database lacks when a store opens; the helpers turn
events into rows (refusing what PostgreSQL cannot hold) and rows into
:class:`~clientrecovery.store.Entry` records.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Final

from clientrecovery.errors import InvalidDocument, InvalidValue, StoreError
from clientrecovery.model import Stage
from clientrecovery.relationship import Relationship
from clientrecovery.serialization import _event_dict
from clientrecovery.storage import canonical
from clientrecovery.store import Entry

if TYPE_CHECKING:
    import psycopg

__all__ = ["CHANNEL", "MIGRATIONS", "migrate"]

CHANNEL: Final = "clientrecovery_events"
"""The start of the ``LISTEN`` channel each save notifies: ``clientrecovery_events.<schema>``
for the store in ``<schema>`` (its payload is the last position written)."""
_MIGRATION_LOCK: Final = 0x43525331  # "CRS1": one migration at a time, per database

MIGRATIONS: Final[tuple[str, ...]] = (
    """
    CREATE TABLE store_layout (layout integer NOT NULL);
    INSERT INTO store_layout VALUES (0);
    CREATE TABLE relationships (
        id         text COLLATE "C" PRIMARY KEY,
        client     text NOT NULL,
        account    text COLLATE "C",
        stage      text COLLATE "C" NOT NULL,
        version    integer NOT NULL CHECK (version > 0),
        opened_at  timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        snapshot   jsonb NOT NULL
    );
    CREATE INDEX relationships_by_stage ON relationships (stage, id)
        INCLUDE (client, account, version, opened_at, updated_at);
    CREATE INDEX relationships_by_account ON relationships (account, stage, id)
        INCLUDE (client, version, opened_at, updated_at);
    CREATE UNIQUE INDEX relationships_listed ON relationships (id)
        INCLUDE (client, account, stage, version, opened_at, updated_at);
    CREATE TABLE events (
        relationship_id text COLLATE "C" NOT NULL REFERENCES relationships (id),
        version         integer NOT NULL CHECK (version > 0),
        position        bigint NOT NULL UNIQUE CHECK (position > 0),
        type            text NOT NULL,
        at              timestamptz NOT NULL,
        actor           text,
        payload         jsonb NOT NULL,
        hash            text NOT NULL,
        PRIMARY KEY (relationship_id, version)
    );
    CREATE INDEX events_by_type ON events (type, at);
    CREATE TABLE feed (
        one           boolean PRIMARY KEY DEFAULT true CHECK (one),
        last_position bigint NOT NULL
    );
    INSERT INTO feed VALUES (true, 0);
    CREATE TABLE erasing (relationship_id text COLLATE "C" PRIMARY KEY);
    CREATE TABLE erasures (
        relationship_id text COLLATE "C" NOT NULL REFERENCES relationships (id),
        erased_at       timestamptz NOT NULL,
        erased_by       text NOT NULL,
        events          integer NOT NULL,
        previous_head   text NOT NULL,
        head            text NOT NULL
    );
    CREATE FUNCTION events_are_append_only() RETURNS trigger LANGUAGE plpgsql
    SET search_path FROM CURRENT AS $$
    BEGIN
        IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'events' THEN
            IF NEW.relationship_id = OLD.relationship_id AND NEW.version = OLD.version
               AND NEW.position = OLD.position AND NEW.type = OLD.type AND NEW.at = OLD.at
               AND EXISTS (SELECT 1 FROM erasing WHERE relationship_id = OLD.relationship_id)
            THEN
                RETURN NEW;  -- the erasure of this relationship, inside its transaction
            END IF;
        END IF;
        RAISE EXCEPTION '% are append-only: % refused', TG_TABLE_NAME, TG_OP
            USING ERRCODE = 'restrict_violation';
    END $$;
    CREATE TRIGGER events_are_append_only BEFORE UPDATE OR DELETE ON events
        FOR EACH ROW EXECUTE FUNCTION events_are_append_only();
    CREATE TRIGGER events_are_not_truncated BEFORE TRUNCATE ON events
        FOR EACH STATEMENT EXECUTE FUNCTION events_are_append_only();
    CREATE TRIGGER erasures_are_append_only BEFORE UPDATE OR DELETE ON erasures
        FOR EACH ROW EXECUTE FUNCTION events_are_append_only();
    CREATE TRIGGER erasures_are_not_truncated BEFORE TRUNCATE ON erasures
        FOR EACH STATEMENT EXECUTE FUNCTION events_are_append_only();
    """,
    # Layout 2: each hash as the digest's 32 bytes instead of 64 hex characters (a value that
    # is not a digest in hex keeps its text's bytes, and fails the chain's check).
    """
    ALTER TABLE events ALTER COLUMN hash TYPE bytea USING CASE
        WHEN hash ~ '^[0-9a-f]{64}$' THEN decode(hash, 'hex') ELSE convert_to(hash, 'UTF8') END;
    """,
)
"""``MIGRATIONS[n]`` takes a store from layout ``n`` to ``n + 1`` (table ``store_layout``)."""


def migrate(db: psycopg.Connection[Any]) -> None:
    """Bring the store's tables up to date, inside the caller's transaction: one server at a
    time (an advisory lock), each missing step of :data:`MIGRATIONS` in turn.

    Raises:
        StoreError: The tables have a newer layout than this library knows.
    """
    db.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
    (exists,) = _one(db.execute("SELECT to_regclass('store_layout') IS NOT NULL"))
    layout = _one(db.execute("SELECT layout FROM store_layout"))[0] if exists else 0
    if layout > len(MIGRATIONS):
        raise StoreError(
            f"the PostgreSQL store has layout {layout}, newer than this library knows"
            f" ({len(MIGRATIONS)}); upgrade clientrecovery"
        )
    for step in range(layout, len(MIGRATIONS)):
        db.execute(MIGRATIONS[step].encode())
        db.execute("UPDATE store_layout SET layout = %s", (step + 1,))


def _one(cursor: psycopg.Cursor[Any]) -> tuple[Any, ...]:
    row = cursor.fetchone()
    if row is None:  # a one-row table emptied by hand
        raise StoreError("the PostgreSQL store is damaged: a one-row table is empty")
    return tuple(row)


_Rows = list[tuple[int, str, datetime, str | None, str]]
"""New events as rows: version, type, at, actor, canonical payload."""


def _channel(schema: str) -> str:
    """The store's ``LISTEN`` channel: one per schema, within PostgreSQL's 63 bytes."""
    name = f"{CHANNEL}.{schema}"
    if len(name.encode()) <= 63:
        return name
    return f"{CHANNEL}.{hashlib.sha256(schema.encode()).hexdigest()[:32]}"


def _event_rows(r: Relationship, after: int) -> _Rows:
    rows: _Rows = []
    for version, event in enumerate(r.history[after:], start=after + 1):
        payload = canonical(_event_dict(event))
        flaw = _unstorable(payload)
        if flaw:
            raise InvalidValue(
                "save(relationship)",
                f"event {version} ({type(event).__name__}) holds {flaw}, which PostgreSQL"
                " cannot store in text or jsonb; remove it from the value",
            )
        rows.append((version, type(event).__name__, event.at, event.actor, payload))
    return rows


_SURROGATE: Final = re.compile("[\ud800-\udfff]")
_NUL: Final = re.compile(r"(?<!\\)(?:\\\\)*\\u0000")
"""``\\u0000`` in JSON text, escaped by an odd number of backslashes (so not a user's own
backslash followed by ``u0000``)."""


def _unstorable(payload: str) -> str:
    """What in a payload's JSON text PostgreSQL refuses (a NUL, a lone surrogate), or ``""``."""
    if _NUL.search(payload):
        return "a NUL character (U+0000)"
    return "a lone surrogate (not UTF-8)" if _SURROGATE.search(payload) else ""


def _entry(row: tuple[Any, ...]) -> Entry:
    rid, client, stage, version, opened_at, updated_at, account = row
    try:
        return Entry(
            rid,
            client,
            Stage[stage],
            version,
            opened_at.astimezone(UTC),
            updated_at.astimezone(UTC),
            account,
        )
    except (KeyError, TypeError, ValueError, AttributeError) as bad:
        raise InvalidDocument(
            [f"relationship {rid!r}: a relationships row cannot be read ({bad!r})"]
        ) from None
