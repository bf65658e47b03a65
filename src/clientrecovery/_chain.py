"""The hash chain that makes a stored history tamper-evident, shared by every store engine.

Each stored event row carries ``hash``: the digest of the previous row's hash (or
:data:`GENESIS` for a relationship's first event), the relationship's id, the event's version
and its canonical JSON payload. Changing, inserting, removing or reordering any row breaks
every link after it; the last link (the *head*) can be exported as an anchor, so a truncated
history (a lost ``-wal`` file, a deleted tail) is detected against it too.

Without a key the digest is SHA-256, which detects accidents and careless edits; anyone who
can write the database can still recompute a whole chain. Opened with a key, a store uses
HMAC-SHA-256, and a forger without the key cannot produce a chain that verifies.

>>> first = link(GENESIS, "acme", 1, '{"type":"RelationshipOpened"}')
>>> len(first), first == link(GENESIS, "acme", 1, '{"type":"RelationshipOpened"}')
(64, True)
>>> first == link(GENESIS, "acme", 1, '{"type":"RelationshipOpened"}', key=b"k" * 16)
False
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Final

__all__ = ["GENESIS", "link"]

GENESIS: Final = "0" * 64
"""The link a relationship's first event is chained to."""


def _framed(*parts: bytes) -> bytes:
    """The parts, each prefixed by its length, so no two sequences frame to the same bytes."""
    return b"".join(len(part).to_bytes(8, "big") + part for part in parts)


def link(
    previous: str, relationship_id: str, version: int, payload: str, *, key: bytes | None = None
) -> str:
    """The hex digest chaining one event row to the one before it.

    Args:
        previous: The previous row's link, or :data:`GENESIS` for version 1.
        relationship_id: The relationship the row belongs to (a row cannot move to another).
        version: The row's version (1 for the first event).
        payload: The event's canonical JSON, exactly as stored.
        key: With a key, HMAC-SHA-256 under it; without, plain SHA-256.
    """
    message = _framed(
        previous.encode("ascii"),
        relationship_id.encode("utf-8", "surrogatepass"),
        str(version).encode("ascii"),
        payload.encode("utf-8", "surrogatepass"),
    )
    if key is None:
        return hashlib.sha256(message).hexdigest()
    return hmac.new(key, message, hashlib.sha256).hexdigest()
