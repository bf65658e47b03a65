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
from binascii import hexlify
from collections.abc import Iterable, Iterator
from typing import Any, Final

__all__ = ["GENESIS", "digests", "link", "links"]

GENESIS: Final = "0" * 64
"""The link a relationship's first event is chained to."""


def _frame(part: bytes) -> bytes:
    """One part, prefixed by its length."""
    return len(part).to_bytes(8, "big") + part


def _framed(*parts: bytes) -> bytes:
    """The parts, each prefixed by its length, so no two sequences frame to the same bytes."""
    return b"".join([_frame(part) for part in parts])


def link(
    previous: str,
    relationship_id: str,
    version: int,
    payload: str | bytes,
    *,
    key: bytes | None = None,
) -> str:
    """The hex digest chaining one event row to the one before it.

    Args:
        previous: The previous row's link, or :data:`GENESIS` for version 1.
        relationship_id: The relationship the row belongs to (a row cannot move to another).
        version: The row's version (1 for the first event).
        payload: The event's canonical JSON, exactly as stored (text, or its UTF-8 bytes:
            the link is the same).
        key: With a key, HMAC-SHA-256 under it; without, plain SHA-256.
    """
    message = _framed(
        previous.encode("ascii"),
        relationship_id.encode("utf-8", "surrogatepass"),
        str(version).encode("ascii"),
        payload.encode("utf-8", "surrogatepass") if isinstance(payload, str) else payload,
    )
    if key is None:
        return hashlib.sha256(message).hexdigest()
    return hmac.digest(key, message, "sha256").hex()


def links(
    relationship_id: str,
    rows: Iterable[tuple[int, bytes]],
    *,
    key: bytes | None = None,
    previous: str = GENESIS,
) -> Iterator[str]:
    """The link of each ``(version, payload bytes)`` row in turn, each chained to the one
    before (the same digests as :func:`link`, framed once for a whole history: the check of
    a load, which hashes every row)."""
    for digest in digests(relationship_id, rows, key=key, previous=previous):
        yield digest.hex()


def digests(
    relationship_id: str,
    rows: Iterable[tuple[int, bytes]],
    *,
    key: bytes | None = None,
    previous: str = GENESIS,
) -> Iterator[bytes]:
    """:func:`links` as the 32 bytes of each digest, as the SQLite store keeps them."""
    rid = relationship_id.encode("utf-8", "surrogatepass")
    fixed = len(rid).to_bytes(8, "big") + rid
    mac = _pads(key) if key is not None else None
    last = _frame(previous.encode("ascii"))  # the previous link, framed
    for version, payload in rows:
        number = _VERSIONS[version] if 0 < version < len(_VERSIONS) else _version(version)
        message = b"".join((last, fixed, number, len(payload).to_bytes(8, "big"), payload))
        if mac is None:
            made = hashlib.sha256(message).digest()
        else:
            inner, outer = mac[0].copy(), mac[1].copy()
            inner.update(message)
            outer.update(inner.digest())
            made = outer.digest()
        last = _LINK + hexlify(made)
        yield made


def _version(version: int) -> bytes:
    return _frame(str(version).encode("ascii"))


# A load hashes every row, so the framing that does not depend on a row's payload is made
# once: the versions of all but the longest histories, and a hex link's length (64).
_VERSIONS: Final = tuple(_version(n) for n in range(4096))
_LINK: Final = (64).to_bytes(8, "big")


def _pads(key: bytes) -> tuple[Any, Any]:
    """HMAC-SHA-256 (RFC 2104) keyed once: the inner and outer hashes after their pads, to
    copy for each message (what :func:`hmac.digest` does, without keying it every time)."""
    if len(key) > 64:
        key = hashlib.sha256(key).digest()
    key = key.ljust(64, b"\0")
    return hashlib.sha256(key.translate(_INNER)), hashlib.sha256(key.translate(_OUTER))


# Each byte XORed with HMAC's inner or outer pad, as tables for bytes.translate (which does a
# whole key at once, where a generator of 64 bytes took a tenth of a trusted load's hashing).
_INNER: Final = bytes(b ^ 0x36 for b in range(256))
_OUTER: Final = bytes(b ^ 0x5C for b in range(256))
