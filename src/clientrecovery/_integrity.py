"""Checks of a stored history that do not depend on the database engine (private).

A store engine reads its rows and hands them here as :class:`EventRow`; what comes back
is a list of problems, each naming the relationship and the row, never an exception. The
checks are those of :mod:`clientrecovery._chain` (each row's link, the head) and of the
list columns a store keeps for SQL users beside each payload (type, time, actor), plus the
comparison with an exported :func:`anchor`.

>>> from clientrecovery._chain import GENESIS, digests, link
>>> payload = '{"type":"FollowedUp"}'
>>> good = EventRow(1, "FollowedUp", None, None, payload, link(GENESIS, "r", 1, payload))
>>> chain_problems("r", [good], key=None)
('...', [])
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, Final

import attrs

from clientrecovery._chain import GENESIS, digests, link
from clientrecovery.errors import InvalidValue

__all__ = [
    "ANCHOR_KIND",
    "EventRow",
    "anchor_problems",
    "chain_problems",
    "check_anchor",
    "column_problems",
    "linked",
    "out_of_sequence",
    "snapshot_link",
    "verified_head",
]

ANCHOR_KIND: Final = "clientrecovery store anchor"
"""The ``kind`` of an exported anchor (see :meth:`clientrecovery.SQLiteStore.anchor`)."""


@attrs.frozen
class EventRow:
    """One stored event row as an engine read it (``None`` where a column is NULL)."""

    version: int
    type: str | None
    at: str | None
    actor: str | None
    payload: str
    hash: str | None


def out_of_sequence(relationship_id: str, expected: int, version: object) -> str:
    """What is wrong where the events rows, in order of version, hold ``version`` where
    event ``expected`` belongs: a row below it (a version below 1, which no event has,
    written outside the store) is named; else event ``expected`` is missing."""
    where = f"relationship {relationship_id!r}"
    if isinstance(version, int | float) and not isinstance(version, bool) and version < expected:
        return (
            f"{where}, events row {version}: no event has this version (events are numbered"
            " from 1): the row was written outside the store"
        )
    return f"{where}: event {expected} is missing from the events table"


def chain_problems(
    relationship_id: str, rows: Sequence[EventRow], *, key: bytes | None
) -> tuple[str, list[str]]:
    """The head of the chain the rows make, and the rows whose link does not verify."""
    where = f"relationship {relationship_id!r}"
    previous = GENESIS
    problems: list[str] = []
    for expected, row in enumerate(rows, start=1):
        if row.version != expected:
            problems.append(out_of_sequence(relationship_id, expected, row.version))
            break
        made = link(previous, relationship_id, row.version, row.payload, key=key)
        if row.hash != made:
            problems.append(
                f"{where}, events row {row.version}: its hash does not match its payload and"
                " the rows before it (the row was changed, inserted or reordered"
                + (", or the store was opened with another key)" if key else ")")
            )
            break  # every later link depends on this one
        previous = made
    return previous, problems


def linked(
    relationship_id: object,
    version: object,
    payload: object,
    stored: object,
    previous: object,
    key: bytes | None,
) -> bool:
    """Whether an events row's stored link is the one its payload and the row before it
    make (``previous`` is that row's link, ``None`` for the first event)."""
    if not isinstance(relationship_id, str) or type(version) is not int:
        return False
    if not isinstance(payload, bytes) or not isinstance(stored, str):
        return False
    before = GENESIS if version == 1 else previous
    if not isinstance(before, str):
        return False
    return link(before, relationship_id, version, payload, key=key) == stored


def verified_head(
    relationship_id: str, rows: Sequence[tuple[Any, ...]], *, key: bytes | None
) -> str | None:
    """The head (hex) of the chain of raw ``(version, payload, digest, ...)`` rows, each
    digest its 32 bytes (or their hex, as :func:`~clientrecovery._sqlite_compact.hexed`
    reads a hash), or ``None`` at the first row that does not verify (then
    :func:`chain_problems` says which): the fast check of a load, which builds nothing."""
    for expected, row in enumerate(rows, start=1):
        if row[0] != expected or not isinstance(row[1], bytes):
            return None
    last: bytes | None = None
    made = digests(relationship_id, [(row[0], row[1]) for row in rows], key=key)
    for row, last in zip(rows, made, strict=True):
        if last != row[2] and last.hex() != row[2]:
            return None
    return GENESIS if last is None else last.hex()


def snapshot_link(
    head: str, relationship_id: str, snapshot: str | bytes, *, key: bytes | None
) -> str:
    """The link that ties a relationship's snapshot to the head of its chain (version 0,
    which no event row has)."""
    return link(head, relationship_id, 0, snapshot, key=key)


def column_problems(relationship_id: str, row: EventRow, event: Mapping[str, Any]) -> list[str]:
    """Where the list columns of a row disagree with its payload (a decoded event dict)."""
    where = f"relationship {relationship_id!r}, events row {row.version}"
    problems: list[str] = []
    if row.type != event.get("type"):
        problems.append(
            f"{where}: the type column says {row.type!r}, the payload {event.get('type')!r}"
        )
    if row.actor != event.get("actor"):
        problems.append(
            f"{where}: the actor column says {row.actor!r}, the payload {event.get('actor')!r}"
        )
    written = event.get("at")
    try:
        same = (
            isinstance(written, str)
            and isinstance(row.at, str)
            and datetime.fromisoformat(row.at) == datetime.fromisoformat(written)
            and datetime.fromisoformat(row.at).utcoffset() is not None
            and datetime.fromisoformat(row.at).astimezone(UTC).isoformat() == row.at
        )
    except ValueError:
        same = False
    if not same:
        problems.append(f"{where}: the at column says {row.at!r}, the payload {written!r}")
    return problems


def check_anchor(anchor: object) -> Mapping[str, Mapping[str, Any]]:
    """The heads of an exported anchor, or :class:`~clientrecovery.InvalidValue`."""
    if not isinstance(anchor, Mapping) or anchor.get("kind") != ANCHOR_KIND:
        raise InvalidValue("anchor", f"must be a mapping of kind {ANCHOR_KIND!r}, from anchor()")
    heads = anchor.get("relationships")
    if not isinstance(heads, Mapping) or not all(
        isinstance(rid, str)
        and isinstance(head, Mapping)
        and type(head.get("version")) is int
        and isinstance(head.get("hash"), str)
        for rid, head in heads.items()
    ):
        raise InvalidValue(
            "anchor", "its 'relationships' must map ids to {'version': int, 'hash': str}"
        )
    return heads


def anchor_problems(
    heads: Mapping[str, Mapping[str, Any]],
    stored: Mapping[str, Sequence[EventRow] | None],
    *,
    recompute: bool = False,
    key: bytes | None = None,
    erased: Mapping[str, Sequence[tuple[int, str, str]]] | None = None,
) -> list[str]:
    """Where the store holds less than, or other than, an anchor exported earlier (``None``
    in ``stored``: the relationship could not be read, a problem reported already).

    With ``recompute``, each anchored head is worked out again from the payloads (under
    ``key``, or plain SHA-256 without one) instead of read from the ``hash`` column, so
    rows edited without touching their hashes differ from the anchor too. An erasure
    (``erased``: each relationship's ``(events, previous_head, head)``, in order) taken when
    the case had the anchor's events carries the anchor over to the chain it made, in a
    keyed chain (``key``) only: in an unkeyed store anyone can write the record, so the
    rewrite is reported instead."""
    problems: list[str] = []
    for rid, head in sorted(heads.items()):
        where = f"relationship {rid!r}"
        rows = stored.get(rid, ())
        version: int = head["version"]
        if rows is None:
            continue
        if rid not in stored:
            problems.append(f"{where}: in the anchor (version {version}) but not in the store")
        elif len(rows) < version:
            problems.append(
                f"{where}: the anchor has {version} events, the store {len(rows)}: events were"
                " lost (a truncated file, a lost -wal, rows removed)"
            )
        else:
            expected = head["hash"]
            later = carried = False
            for events, previous, made in (erased or {}).get(rid, ()):
                if events == version and previous == expected:
                    expected, carried = made, True  # the erasure's record carries it over
                later = later or events > version
            if carried and key is None:
                # Anyone who can write an unkeyed store can write an erasure record and the
                # chain it names: the record cannot vouch for the rewrite (a keyed chain can).
                problems.append(
                    f"{where}: an erasure recorded after the anchor rewrote its history, and"
                    " an unkeyed store cannot prove the erasure was its own (anyone who can"
                    " write the file can write the record): if it was (see erasures()),"
                    " export a new anchor after each erasure"
                )
                continue
            found = (
                chain_problems(rid, rows[:version], key=key)[0]
                if recompute
                else rows[version - 1].hash
            )
            if found != expected:
                problems.append(
                    f"{where}, events row {version}: its hash differs from the anchor's: "
                    + (
                        "an erasure recorded after the anchor rewrote it, and its record holds"
                        " the head of a later event (export a new anchor after an erasure)"
                        if later
                        else "the history up to it was rewritten"
                    )
                )
    return problems
