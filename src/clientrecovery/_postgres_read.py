"""Reading a PostgreSQL store (private): a case's rows checked link by link, then loaded;
the whole store verified.

:class:`~clientrecovery.postgres.PostgresStore` runs these inside its own transactions and
error handling; each takes the open connection and the store's key (``None``: a plain
SHA-256 chain). A case is read in one statement, so it sees one state of both tables.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import psycopg

from clientrecovery._chain import GENESIS, link
from clientrecovery._integrity import EventRow, anchor_problems, out_of_sequence
from clientrecovery._postgres_layout import _one
from clientrecovery._sqlite_load import row_named
from clientrecovery.errors import InvalidDocument, UnknownItem
from clientrecovery.relationship import Relationship
from clientrecovery.serialization import _from_read
from clientrecovery.storage import canonical, storable_id

__all__ = ["chain_kind", "is_text", "known", "read", "verified"]


def is_text(given: object) -> bool:
    """Whether an id (or account) could name a stored row: a ``str`` that PostgreSQL's text
    can hold, so without a NUL or a lone surrogate. Anything else is simply not stored
    (callers without a type checker may pass anything)."""
    return isinstance(given, str) and "\x00" not in given and storable_id(given)


def known(db: psycopg.Connection[Any]) -> list[str]:
    """The first ids stored, for a message naming what there is."""
    return [r[0] for r in db.execute("SELECT id FROM relationships ORDER BY id LIMIT 21")]


def read(
    db: psycopg.Connection[Any], rid: str, key: bytes | None
) -> tuple[Relationship, list[str]]:
    """The relationship ``rid`` and its chain's hashes (hex), each link checked.

    Raises:
        UnknownItem: No relationship has that id.
        InvalidDocument: Its rows are corrupted, break the chain or break the method.
    """
    if not is_text(rid):
        raise UnknownItem("relationship", str(rid), known(db))
    row = db.execute(
        "SELECT r.snapshot, array_agg(e.version ORDER BY e.version),"
        " array_agg(encode(e.hash, 'hex') ORDER BY e.version),"
        " coalesce(jsonb_agg(e.payload ORDER BY e.version), '[]')"
        " FROM relationships r LEFT JOIN events e ON e.relationship_id = r.id"
        " WHERE r.id = %s GROUP BY r.id",
        (rid,),
    ).fetchone()
    if row is None:
        raise UnknownItem("relationship", str(rid), known(db))
    snapshot, versions, hashes, payloads = row
    return _assembled(rid, snapshot, versions, hashes, payloads, key), hashes


def _assembled(
    rid: str,
    snapshot: Any,
    versions: Sequence[int | None],
    hashes: Sequence[str],
    payloads: list[Any],
    key: bytes | None,
) -> Relationship:
    where = f"relationship {rid!r}"
    problems: list[str] = []
    head = GENESIS
    for expected, (version, stored, payload) in enumerate(
        zip(versions, hashes, payloads, strict=True), start=1
    ):
        if version != expected:
            problems.append(out_of_sequence(rid, expected, version))
            break
        if stored != link(head, rid, version, canonical(payload), key=key):
            problems.append(
                f"{where}, events row {version}: its hash does not match its content and"
                " the row before it (changed outside the store, or opened with another key)"
            )
        head = stored
    if problems:
        raise InvalidDocument(problems)
    if not isinstance(snapshot, dict):
        raise InvalidDocument([f"{where}, relationships.snapshot: not a JSON object"])
    try:
        return _from_read({**snapshot, "history": payloads})
    except InvalidDocument as bad:
        raise InvalidDocument([f"{where}: {row_named(p)}" for p in bad.problems]) from None


def chain_kind(key: bytes | None) -> str:
    """The kind of chain a store opened with ``key`` checks, as an anchor names it."""
    return "sha256" if key is None else "hmac-sha256"


def verified(
    db: psycopg.Connection[Any],
    key: bytes | None,
    heads: Mapping[str, Mapping[str, Any]] | None = None,
    anchored: object = None,
) -> list[str]:
    """Every problem of the store: each relationship (its chain, its replay, its snapshot),
    events without a relationship, the feed's counter and the erasure records; with the
    ``heads`` of an anchor (taken of an ``anchored`` kind of chain), every relationship
    that holds less than it did then, or another history."""
    problems: list[str] = []
    ids = [row[0] for row in db.execute("SELECT id FROM relationships ORDER BY id")]
    stored: dict[str, Sequence[EventRow] | None] = {}
    for rid in ids:
        try:
            _, hashes = read(db, rid, key)
        except InvalidDocument as bad:
            problems.extend(bad.problems)
            stored[rid] = None  # its problem is said: the anchor has nothing to add
        else:  # each link was worked out again from its payload: the hashes are the chain's
            stored[rid] = [
                EventRow(version, None, None, None, "", head)
                for version, head in enumerate(hashes, start=1)
            ]
    orphans = db.execute(
        "SELECT DISTINCT relationship_id FROM events"
        " WHERE relationship_id NOT IN (SELECT id FROM relationships)"
    )
    problems.extend(
        f"relationship {rid!r}: events without a relationships row" for (rid,) in orphans
    )
    (last,) = _one(db.execute("SELECT last_position FROM feed"))
    (top,) = _one(db.execute("SELECT coalesce(max(position), 0) FROM events"))
    if top > last:
        problems.append(f"the feed's counter ({last}) is behind its events ({top})")
    for rid, version, head in db.execute(
        "SELECT x.relationship_id, x.events, x.head FROM erasures x LEFT JOIN events e"
        " ON e.relationship_id = x.relationship_id AND e.version = x.events"
        " WHERE encode(e.hash, 'hex') IS DISTINCT FROM x.head"
        # An erasure a later one rewrote again is not on the chain any more: only the last
        # of a case's erasures is (so erasing a case twice is no damage).
        " AND NOT EXISTS (SELECT 1 FROM erasures y WHERE y.relationship_id = x.relationship_id"
        " AND y.events >= x.events AND y.erased_at >= x.erased_at AND y.head <> x.head)"
    ):
        problems.append(
            f"relationship {rid!r}: an erasure re-anchored the chain on {head[:12]}…"
            f" at event {version}, but the stored chain differs there"
        )
    if heads is not None:
        problems.extend(_anchored(db, key, heads, anchored, stored))
    return problems


def _anchored(
    db: psycopg.Connection[Any],
    key: bytes | None,
    heads: Mapping[str, Mapping[str, Any]],
    anchored: object,
    stored: Mapping[str, Sequence[EventRow] | None],
) -> list[str]:
    problems: list[str] = []
    mine = chain_kind(key)
    kind = anchored if isinstance(anchored, str) else mine
    if kind != mine:
        problems.append(
            f"anchor: it was taken of a {kind} chain, but the store was opened"
            f" {'without' if key is None else 'with'} a key ({mine}): open it as the anchor's"
            " store was, or the anchor is another store's"
        )
        return problems
    erased: dict[str, list[tuple[int, str, str]]] = {}
    for rid, events, previous, head in db.execute(
        "SELECT relationship_id, events, previous_head, head FROM erasures ORDER BY erased_at"
    ):
        erased.setdefault(rid, []).append((events, previous, head))
    problems.extend(anchor_problems(heads, stored, key=key, erased=erased))
    return problems
