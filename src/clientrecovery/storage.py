"""The contract every case store keeps, whatever the database under it.

:class:`Store` is the typed protocol that :class:`~clientrecovery.SQLiteStore` (one embedded
file) and :class:`~clientrecovery.postgres.PostgresStore` (a PostgreSQL server shared by
several application servers) both implement, so code written against it runs on either:

- :meth:`~Store.save` appends a relationship's new events with optimistic concurrency (a
  stale copy raises :class:`~clientrecovery.StaleVersion` and writes nothing); events are
  never rewritten (the database refuses it), except by :meth:`~Store.erase`.
- :meth:`~Store.load`, :meth:`~Store.history`, :meth:`~Store.version`, :meth:`~Store.list`
  (by ``stage`` and ``account``, without loading) and :meth:`~Store.relationships` read;
  :meth:`~Store.verify` checks every stored row and reports the problems.
- :meth:`~Store.events` is the feed: every stored event of every case in commit order,
  each with its store-wide :attr:`StoredEvent.position`, for a CRM to follow.
- :meth:`~Store.erase` pseudonymizes one case's personal data in place (GDPR Article 17)
  and keeps an :class:`Erasure` record of it.
- :meth:`~Store.import_jsonl` and :meth:`~Store.export_jsonl` move documents in and out.

>>> from clientrecovery import SQLiteStore
>>> isinstance(SQLiteStore(":memory:"), Store)
True
"""

from __future__ import annotations

import builtins
import io
import json
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any, Final, Protocol, Self, runtime_checkable

import attrs

from clientrecovery._validate import unwritable
from clientrecovery.errors import InvalidDocument, InvalidValue
from clientrecovery.events import Event
from clientrecovery.model import Stage
from clientrecovery.redaction import redact
from clientrecovery.relationship import Relationship
from clientrecovery.serialization import SCHEMA_VERSION, _event_dict, _events, from_dict, to_json

if TYPE_CHECKING:
    from clientrecovery.store import Entry

__all__ = ["FEED_LIMIT", "Erasure", "Store", "StoredEvent"]

FEED_LIMIT: Final = 10_000
"""The most events one call of :meth:`Store.events` returns."""


@attrs.frozen
class StoredEvent:
    """One event of the feed (:meth:`Store.events`): where it stands and what it is."""

    position: int
    """Its place in the whole store, from 1: later commits have higher positions, and no
    position below one already seen is ever committed afterwards."""
    relationship_id: str
    """The relationship it belongs to."""
    version: int
    """Its place in that relationship's history (1 for the first event)."""
    event: Event
    """The event itself."""


@attrs.frozen
class Erasure:
    """The record :meth:`Store.erase` keeps: when and by whom, and no personal data."""

    relationship_id: str
    """The erased relationship (its id is kept: it is the CRM's key)."""
    erased_at: datetime
    """When (UTC)."""
    erased_by: str
    """Who asked for or carried out the erasure."""
    events: int
    """How many stored events were rewritten."""
    previous_head: str
    """The hash of the last event before the erasure (the old chain's anchor)."""
    head: str
    """The hash of the last event after it: the chain was re-anchored on this."""


class ClosedOnExit:
    """A store as a context manager: ``with`` closes it, however the block ends."""

    def close(self) -> None:  # pragma: no cover - every store defines its own
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


@runtime_checkable
class Store(Protocol):
    """What every case store does (see the module's description)."""

    def save(self, relationship: Relationship, *, expected_version: int = 0) -> int:
        """Append the events after ``expected_version``; returns how many were appended."""
        ...

    def load(self, relationship_id: str) -> Relationship:
        """The stored relationship, replayed and checked."""
        ...

    def history(self, relationship_id: str, *, since: int = 0) -> tuple[Event, ...]:
        """The relationship's events after version ``since``."""
        ...

    def version(self, relationship_id: str) -> int:
        """How many events are stored for the relationship (0 when none)."""
        ...

    def list(self, *, stage: Stage | None = None, account: str | None = None) -> tuple[Entry, ...]:
        """The stored relationships (in ``stage``, of ``account``), by id, without loading."""
        ...

    def relationships(
        self, *, stage: Stage | None = None, account: str | None = None
    ) -> Iterator[Relationship]:
        """Load the listed relationships one at a time."""
        ...

    def events(self, *, after: int = 0, limit: int = 1000) -> tuple[StoredEvent, ...]:
        """Up to ``limit`` stored events with a position after ``after``, in commit order."""
        ...

    def import_jsonl(
        self,
        lines: Iterable[str | bytes],
        *,
        on_error: Callable[[int, InvalidDocument], None] | None = None,
    ) -> int:
        """Save documents, one per line, in one transaction; returns how many changed."""
        ...

    def export_jsonl(self, out: IO[str], *, stage: Stage | None = None) -> int:
        """Write the stored relationships as JSON lines; returns how many."""
        ...

    def verify(self) -> builtins.list[str]:
        """Every problem found in the stored rows (empty: all valid)."""
        ...

    def erase(
        self,
        relationship_id: str,
        *,
        key: str | bytes,
        by: str,
        at: datetime | None = None,
    ) -> Erasure:
        """Replace the relationship's personal data with pseudonyms in every stored row."""
        ...

    def erasures(self, relationship_id: str | None = None) -> tuple[Erasure, ...]:
        """The erasures carried out (of one relationship), oldest first."""
        ...

    def close(self) -> None:
        """Release the connection."""
        ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None: ...


# --- what the engines share ---------------------------------------------------------------


def check_save(relationship: object, expected_version: object) -> Relationship:
    """The arguments of ``save``, refused with :class:`~clientrecovery.InvalidValue`."""
    if not isinstance(relationship, Relationship):
        raise InvalidValue("save(relationship)", "must be a Relationship")
    if type(expected_version) is not int or not 0 <= expected_version <= relationship.version:
        raise InvalidValue(
            "save(expected_version=...)",
            f"must be an integer from 0 to {relationship.version} (the relationship's"
            f" version), got {expected_version!r}",
        )
    return relationship


def chain_key(key: object, caller: str) -> bytes | None:
    """A store's key as bytes: ``None``, or ``str`` (as UTF-8) or ``bytes`` of at least 16
    bytes, the same for every engine (a short secret is guessed, and the chain with it)."""
    if key is None:
        return None
    secret = key.encode("utf-8", "surrogatepass") if isinstance(key, str) else key
    if not isinstance(secret, bytes) or len(secret) < 16:
        raise InvalidValue(
            f"{caller}(key=...)", "must be str or bytes of at least 16 bytes (random, kept secret)"
        )
    return secret


def check_id(relationship_id: object, caller: str) -> None:
    """Refuse a relationship id that is not text (``None``, bytes, a number): a wrong
    argument, not an unknown relationship."""
    if not isinstance(relationship_id, str):
        raise InvalidValue(
            f"{caller}(relationship_id)", f"must be a str, got {type(relationship_id).__name__}"
        )


def storable_id(relationship_id: object) -> bool:
    """Whether ``relationship_id`` could name a stored relationship: a ``str`` UTF-8 can
    hold. Anything else (an int beyond 64 bits, a lone surrogate) is simply not stored."""
    return isinstance(relationship_id, str) and unwritable(relationship_id) is None


def events_since(history: tuple[Event, ...], since: object) -> tuple[Event, ...]:
    """The events of ``history`` after version ``since`` (an int >= 0), for ``history``."""
    if type(since) is not int or since < 0:
        raise InvalidValue("history(since=...)", f"must be a version (an int >= 0), got {since!r}")
    return history[since:]


def export_lines(relationships: Iterable[Relationship], out: object, caller: str) -> int:
    """Write ``relationships`` to the text stream ``out`` as JSON lines; returns how many.

    ``out`` is checked before anything is read: it must have a ``write`` and not be a binary
    stream (``open(..., "wb")``, ``io.BytesIO``), which would refuse the first line only
    once a case had been read.
    """
    write = getattr(out, "write", None)
    if not callable(write) or isinstance(out, io.RawIOBase | io.BufferedIOBase):
        raise InvalidValue(
            f"{caller}(out)", f"must be a text stream with write(), got {type(out).__name__}"
        )
    count = 0
    for relationship in relationships:
        write(to_json(relationship))
        write("\n")
        count += 1
    return count


def check_filters(stage: object, account: object, caller: str = "list") -> None:
    """The ``stage`` and ``account`` filters of ``list`` and ``relationships``."""
    if stage is not None and not isinstance(stage, Stage):
        raise InvalidValue(f"{caller}(stage=...)", f"must be a Stage, got {stage!r}")
    if account is not None and (not isinstance(account, str) or not account.strip()):
        raise InvalidValue(f"{caller}(account=...)", f"must be a non-empty str, got {account!r}")


def check_feed(after: object, limit: object) -> tuple[int, int]:
    """The ``after`` and ``limit`` of ``events``."""
    if type(after) is not int or after < 0:
        raise InvalidValue("events(after=...)", f"must be a position (an int >= 0), got {after!r}")
    if type(limit) is not int or not 1 <= limit <= FEED_LIMIT:
        raise InvalidValue(
            "events(limit=...)", f"must be an int from 1 to {FEED_LIMIT}, got {limit!r}"
        )
    return after, limit


def check_erase(by: object, at: object) -> tuple[str, datetime]:
    """Who erases (required) and when (aware; now by default), as stored (UTC)."""
    if not isinstance(by, str) or not by.strip():
        raise InvalidValue("erase(by=...)", f"must name who erases, got {by!r}")
    lone = unwritable(by)
    if lone is not None:
        raise InvalidValue("erase(by=...)", lone)
    when = datetime.now(UTC) if at is None else at
    if not isinstance(when, datetime) or when.utcoffset() is None:
        raise InvalidValue("erase(at=...)", f"must be a timezone-aware datetime, got {at!r}")
    return by, when.astimezone(UTC)


def feed_event(payload: Any, relationship_id: str, version: int) -> Event:
    """The event of one stored row, read without replaying its relationship."""
    try:
        (event,) = _events([payload])
    except InvalidDocument as bad:
        where = f"relationship {relationship_id!r}, events row {version}"
        raise InvalidDocument(
            [f"{where}: {p.replace('$.history[0]', '$')}" for p in bad.problems]
        ) from None
    return event


def erased(relationship: Relationship, key: str | bytes) -> Relationship:
    """``relationship`` with its personal data replaced by :func:`~clientrecovery.redact`'s
    pseudonyms under ``key``, keeping its id and account (the CRM's keys to the case)."""
    history = [_event_dict(event) for event in redact(relationship, key).history]
    history[0]["id"] = relationship.id
    history[0]["account"] = relationship.account
    return from_dict({"schema_version": SCHEMA_VERSION, "history": history})


def canonical(value: Any) -> str:
    """A JSON value as one exact text (sorted keys, no spaces): what the hash chain covers
    where the database keeps payloads as parsed JSON rather than as text."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
