"""Reading a relationship back from the SQLite store: trusted when its keyed chain verifies,
else validated in full (private; :meth:`clientrecovery.SQLiteStore.load` is the entry).

A load reads the relationship's row and its events rows in one statement (:func:`load_rows`),
then, in a store opened with its key (:func:`trusted_load`):

1. the chain of the events rows must verify under the key and end at the row's ``head``;
2. a ``state`` whose :func:`~clientrecovery._stored_state.state_link` verifies is believed:
   the relationship is rebuilt from the snapshot and the state, nothing replayed, its history
   decoded only when first read (:mod:`clientrecovery._stored_state`);
3. failing that (a store written before layout 5, a state from another version of the
   library), a snapshot whose link verifies lets the history be replayed without re-checking
   the rules.

Anything else, and every load of a store without a key, goes through :func:`assembled`:
the history replayed, every rule re-checked, the snapshot compared, and any problem named.

Layout 5 (:data:`STATE_COLUMNS`) adds the ``state`` and ``state_hash`` columns; a store of
an older layout has neither until each case is saved again, and loads by step 3 until then.
"""

from __future__ import annotations

import hmac
import re
import sqlite3
from collections.abc import Sequence
from typing import Any, Final

from clientrecovery._integrity import EventRow, out_of_sequence, snapshot_link, verified_head
from clientrecovery._stored_state import rebuilt, state_json, state_link
from clientrecovery.errors import InvalidDocument
from clientrecovery.policy import Policy
from clientrecovery.relationship import Relationship
from clientrecovery.serialization import _from_read, _loads, _trusted

__all__ = [
    "STATE_COLUMNS",
    "UPSERT",
    "assembled",
    "load_rows",
    "row_named",
    "state_problems",
    "trusted_load",
    "written_state",
]

STATE_COLUMNS: Final = """
    ALTER TABLE relationships ADD COLUMN state BLOB;
    ALTER TABLE relationships ADD COLUMN state_hash BLOB;
"""
"""Layout 5: the relationship's own state beside its snapshot, and the link binding both to
the chain's head (NULL in a store without a key, and until a case is saved again)."""

_LOAD: Final = tuple(
    "SELECT 0, CAST(snapshot AS BLOB), snapshot_hash, version, head, "
    + ("state, state_hash" if states else "NULL, NULL")
    + " FROM relationships WHERE id = :id"
    " UNION ALL SELECT version, CAST(payload AS BLOB), hash, NULL, NULL, NULL, NULL"
    " FROM events WHERE relationship_id = :id"
    for states in (False, True)
)
_SORTED: Final = tuple(statement + " ORDER BY 4 DESC, 1" for statement in _LOAD)


def load_rows(db: sqlite3.Connection, relationship_id: str, *, states: bool) -> list[Any]:
    """A relationship's row, then its events rows in order of version, read in one statement
    (one snapshot of both tables; each hash as stored:
    :func:`~clientrecovery._sqlite_compact.hexed` reads it); ``states=False`` for a file whose
    relationships have no ``state`` column yet.

    The statement that sorts them builds a temporary b-tree, a fifth of a trusted load; the
    rows of a sound store come in that order without it (the relationships row, then the
    events by their index), so the sort runs only when they do not. The relationship's row is
    found by its fourth column (its ``version``, ``NOT NULL``, where the events rows have
    ``NULL``, which sorts last when descending), never by the first: an events row of
    version 0 or below, written by plain SQL, sorts before a row whose first column is 0 and
    would hide the case.
    """
    rows = db.execute(_LOAD[states], {"id": relationship_id}).fetchall()
    if rows and rows[0][3] is not None:
        versions = [row[0] for row in rows[1:]]
        if versions == list(range(1, len(rows))):
            return rows
    return db.execute(_SORTED[states], {"id": relationship_id}).fetchall()


UPSERT: Final = tuple(
    "INSERT INTO relationships (id, client, stage, version, opened_at, updated_at, snapshot,"
    " head, snapshot_hash, account"
    + (", state, state_hash" if states else "")
    + ") VALUES ("
    + ", ".join("?" * (12 if states else 10))
    + ") ON CONFLICT (id) DO UPDATE SET stage = excluded.stage, version = excluded.version,"
    " updated_at = excluded.updated_at, snapshot = excluded.snapshot, head = excluded.head,"
    " snapshot_hash = excluded.snapshot_hash"
    + (", state = excluded.state, state_hash = excluded.state_hash" if states else "")
    for states in (False, True)
)
"""How a save writes a relationships row (``UPSERT[False]``: a file without states)."""


def written_state(
    relationship: Relationship, head: str, snapshot: str, key: bytes | None
) -> tuple[bytes | None, bytes | None]:
    """The ``state`` and ``state_hash`` a save writes: none without a key, whose chain
    anyone who can write the file could recompute."""
    if key is None:
        return None, None
    state = state_json(relationship)
    rid, version = relationship.id, relationship.version
    return state, state_link(head, rid, version, snapshot.encode(), state, key=key)


def trusted_load(
    relationship_id: str,
    top: tuple[Any, ...],
    events: Sequence[tuple[Any, ...]],
    key: bytes,
) -> Relationship | None:
    """The relationship of rows whose keyed chain verifies: rebuilt from its state when the
    state's link verifies, else from its events without re-checking the rules when the
    snapshot's does; ``None`` when anything does not verify, for the full load to say what."""
    _, snapshot, snapshot_hash, version, head, state, state_hash = top
    if len(events) != version or not isinstance(snapshot, bytes):
        return None
    found = verified_head(relationship_id, events, key=key)
    if found is None or found != head:
        return None
    payloads = [row[1] for row in events]
    if isinstance(state, bytes) and isinstance(state_hash, bytes):
        expected = state_link(head, relationship_id, version, snapshot, state, key=key)
        if hmac.compare_digest(state_hash, expected):
            made = rebuilt(snapshot, state, payloads, relationship_id=relationship_id)
            if made is not None:
                return made
    if snapshot_hash != snapshot_link(head, relationship_id, snapshot, key=key):
        return None
    try:
        return _trusted(_loads(b"[" + b",".join(payloads) + b"]", "$", exact=False))
    except InvalidDocument:
        return None


def state_problems(
    relationship_id: str,
    key: bytes | None,
    top: tuple[Any, ...],
    payloads: Sequence[bytes],
    loaded: Relationship,
) -> list[str]:
    """What :meth:`~clientrecovery.SQLiteStore.verify` says of a relationship's state: one
    whose link verifies (which a load would believe) must be the validated load's, advice
    and all. A state that does not verify is not a problem: loads replay instead."""
    snapshot, version, head, state, state_hash = top
    if key is None or not isinstance(state, bytes) or not isinstance(state_hash, bytes):
        return []
    if not isinstance(snapshot, bytes) or not isinstance(head, str):
        return []
    expected = state_link(head, relationship_id, version, snapshot, state, key=key)
    if not hmac.compare_digest(state_hash, expected):
        return []
    made = rebuilt(snapshot, state, payloads, relationship_id=relationship_id, deferred=False)
    if (
        made is not None
        and made == loaded
        and made.plan_advice == loaded.plan_advice
        and dict(made.issue_advice) == dict(loaded.issue_advice)
        and dict(made._promise_advice) == dict(loaded._promise_advice)
        and dict(made._work_advice) == dict(loaded._work_advice)
    ):
        return []
    return [
        f"relationship {relationship_id!r}: relationships.state disagrees with its history,"
        " though its link verifies (written with the key): a trusted load believes it"
    ]


def row_named(problem: str) -> str:
    """Name the events row a problem in ``$.history[i]`` comes from (version ``i + 1``)."""
    found = re.search(r"@ \$\.history\[(\d+)\]", problem)
    return f"{problem} (events row {int(found[1]) + 1})" if found else problem


def assembled(
    relationship_id: str,
    snapshot: str | None,
    events: Sequence[EventRow],
    policy: Policy | None,
) -> Relationship:
    """The relationship of a snapshot and its event rows, validated like a document (a
    trusted load rebuilds from the stored state instead: :func:`trusted_load`)."""
    where = f"relationship {relationship_id!r}"
    problems: list[str] = []
    history: list[Any] = []
    for expected, row in enumerate(events, start=1):
        if row.version != expected:
            problems.append(out_of_sequence(relationship_id, expected, row.version))
            break
        try:
            history.append(_loads(row.payload, f"$.history[{row.version - 1}]"))
        except InvalidDocument as bad:
            problems.extend(f"{where}, events row {row.version}: {p}" for p in bad.problems)
    document: Any = None
    if snapshot is not None:
        try:
            document = _loads(snapshot, "$")
        except InvalidDocument as bad:
            problems[:0] = [f"{where}, relationships.snapshot: {p}" for p in bad.problems]
    if problems:
        raise InvalidDocument(problems)
    if not isinstance(document, dict):
        raise InvalidDocument([f"{where}, relationships.snapshot: not a JSON object"])
    try:
        return _from_read({**document, "history": history}, policy=policy)
    except InvalidDocument as bad:
        raise InvalidDocument([f"{where}: {row_named(p)}" for p in bad.problems]) from None
