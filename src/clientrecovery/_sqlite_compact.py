"""Layout 4 of the SQLite store: the events table in commit order, its hashes as raw digests.

Layout 3 kept events in a ``WITHOUT ROWID`` table clustered on ``(relationship_id, version)``
and their positions in a separate ``feed`` table. Cases arrive in no id order, so every
save split pages in the middle of the events B-tree, which stayed about a third empty; and
the relationship's id was written four times for each event (the table, the index by type,
the feed and its unique index). Layout 4 makes ``position`` the events table's own row id:

- rows are appended at the end of the table, in commit order, so its pages fill up;
- ``events_by_relationship`` (``relationship_id, version``, unique) finds a case's rows,
  and ``events_by_type`` (``type, at``) refers to a row by its position alone;
- ``feed`` becomes a view of ``position, relationship_id, version`` over ``events``;
- ``hash`` holds the 32 bytes of the digest instead of its 64 hexadecimal characters (the
  chain, its anchors and the erasure records still speak hex: :data:`HASH` reads it so).

The migration copies every row in feed order, converting each hash that is a digest in hex
(anything else, such as a hash someone edited by hand, is copied as it was, for
:meth:`~clientrecovery.SQLiteStore.verify` to report), and puts the triggers back.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Final, TypeAlias

__all__ = ["COMPACT_EVENTS", "HASH", "digest", "hexed", "register"]

COMPACT_EVENTS: Final = """
    CREATE TABLE events_4 (
        relationship_id TEXT NOT NULL REFERENCES relationships (id),
        version         INTEGER NOT NULL,
        position        INTEGER PRIMARY KEY,
        type            TEXT NOT NULL,
        at              TEXT NOT NULL,
        actor           TEXT,
        payload         TEXT NOT NULL,
        hash            BLOB
    );
    INSERT INTO events_4 (relationship_id, version, position, type, at, actor, payload, hash)
        SELECT e.relationship_id, e.version, f.position, e.type, e.at, e.actor, e.payload,
            clientrecovery_digest(e.hash)
        FROM events e LEFT JOIN feed f
            ON f.relationship_id = e.relationship_id AND f.version = e.version
        ORDER BY f.position IS NULL, f.position, e.relationship_id, e.version;
    DROP TABLE feed;
    DROP TABLE events;
    ALTER TABLE events_4 RENAME TO events;
    CREATE UNIQUE INDEX events_by_relationship ON events (relationship_id, version);
    CREATE INDEX events_by_type ON events (type, at);
    CREATE VIEW feed AS SELECT position, relationship_id, version FROM events;
    CREATE TRIGGER events_are_not_deleted BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
    CREATE TRIGGER events_are_not_replaced BEFORE INSERT ON events
    WHEN NEW.hash IS NULL
        OR EXISTS (SELECT 1 FROM events WHERE position = NEW.position)
        OR EXISTS (
            SELECT 1 FROM events
            WHERE relationship_id = NEW.relationship_id AND version = NEW.version
        )
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
    CREATE TRIGGER events_are_appended AFTER INSERT ON events
    WHEN NEW.position < 1 OR EXISTS (SELECT 1 FROM events WHERE position > NEW.position)
    BEGIN SELECT RAISE(ABORT, 'events are appended after the last position'); END;
    CREATE TRIGGER events_are_not_updated BEFORE UPDATE ON events
    WHEN NOT EXISTS (SELECT 1 FROM erasing WHERE relationship_id = OLD.relationship_id)
        OR NEW.position IS NOT OLD.position
        OR NEW.relationship_id IS NOT OLD.relationship_id OR NEW.version IS NOT OLD.version
        OR NEW.type IS NOT OLD.type OR NEW.at IS NOT OLD.at
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
"""
"""Layout 4 (see the module's description). ``events_are_not_replaced`` refuses an insert of
a stored version or position (``INSERT OR REPLACE`` too), ``events_are_appended`` one behind
the last position, and ``events_are_not_updated`` lets an erasure rewrite a payload, actor
and hash, and nothing else."""

HASH: Final = "iif(typeof(hash) = 'blob', lower(hex(hash)), hash)"
"""An events row's ``hash`` as the chain writes it (hex); a value that is not a digest is
read as it is, and fails the chain's check."""

Cell: TypeAlias = str | bytes | int | float | None
"""What a column of a SQLite row holds."""

_HEX: Final = re.compile(r"[0-9a-f]{64}")


def digest(link: Cell) -> Cell:
    """A link in hex as its 32 bytes; anything else unchanged (for the check to report)."""
    if isinstance(link, str) and _HEX.fullmatch(link):
        return bytes.fromhex(link)
    return link


def hexed(stored: Cell) -> Cell:
    """A stored ``hash`` as the chain writes it: what :data:`HASH` does in SQL, here in
    Python, where it costs a load less (a few microseconds against ten)."""
    return stored.hex() if isinstance(stored, bytes) else stored


def register(db: sqlite3.Connection) -> None:
    """Make :func:`digest` available to :data:`COMPACT_EVENTS` on this connection."""
    db.create_function("clientrecovery_digest", 1, digest, deterministic=True)
