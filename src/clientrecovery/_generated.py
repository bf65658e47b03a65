"""The generated readers and writers of documents (private), made on first use.

:class:`~clientrecovery._codec.Codec` generates them from the classes; generating them is
most of what importing the serialization would cost, so it happens on first use: the tables
fill on their first lookup, the snapshot writers replace themselves.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from datetime import timedelta, timezone
from typing import Any

from clientrecovery import events as ev
from clientrecovery._codec import Codec
from clientrecovery._jsontext import _dumps, _frozen
from clientrecovery._layout import (
    SCHEMA_VERSION,
    SNAPSHOT_FIELDS,
    duration_from_str,
    duration_to_str,
)
from clientrecovery._owned import check_of
from clientrecovery.model import Assessment, ResolutionOption
from clientrecovery.policy import Policy
from clientrecovery.relationship import Relationship

__all__ = ["_EVENT_NATIVE", "_EVENT_READERS", "_EVENT_WRITERS", "_codec", "_event_dict"]

# orjson writes a datetime exactly as isoformat() does when its UTC offset is whole minutes
# (it rounds the others), so native writers leave those datetimes for it to write.
_WHOLE_MINUTES = frozenset(timezone(timedelta(minutes=m)) for m in range(-1439, 1440))

_HEAD = {"schema_version": SCHEMA_VERSION}


@functools.cache
def _codec() -> Codec:
    return Codec(
        {ev.Event: ev.EVENT_TYPES},
        duration_from_str,
        duration_to_str,
        native_zones=_WHOLE_MINUTES,
        shared=(Policy,),  # most documents of a portfolio repeat one policy
        frozen=_frozen,  # and each document writes it twice
        # The state holds the assessment and the options an event gave (written first).
        repeated=(Assessment, tuple[ResolutionOption, ...]),
        # An event's __attrs_post_init__ is the check of the fields it may not carry.
        post_init={cls: check_of(cls) for cls in ev.EVENT_TYPES},
    )


class _Generated(dict[Any, Any]):
    """A table of generated functions, filled on its first lookup; after that a lookup is a
    plain dict's, and a key it has no function for a ``KeyError``, as before."""

    def __init__(self, fill: Callable[[Codec], Mapping[Any, Any]]) -> None:
        super().__init__()
        self._fill: Callable[[Codec], Mapping[Any, Any]] | None = fill

    def __missing__(self, key: Any) -> Any:
        if self._fill is None:
            raise KeyError(key)
        fill, self._fill = self._fill, None
        self.update(fill(_codec()))
        return self[key]


_EVENT_READERS = _Generated(lambda codec: codec.union_readers(ev.Event))
_EVENT_WRITERS = _Generated(lambda codec: codec.union_writers(ev.Event))
_EVENT_NATIVE = _Generated(lambda codec: codec.union_writers(ev.Event, native=True))


def _first_write_snapshot(relationship: Relationship) -> Any:
    global _write_snapshot
    _write_snapshot = _codec().object_writer(Relationship, SNAPSHOT_FIELDS, _HEAD)
    return _write_snapshot(relationship)


def _first_write_snapshot_native(relationship: Relationship) -> Any:
    global _write_snapshot_native
    _write_snapshot_native = _codec().object_writer(
        Relationship, SNAPSHOT_FIELDS, _HEAD, native=True
    )
    return _write_snapshot_native(relationship)


def _first_write_history_native(history: tuple[ev.Event, ...]) -> list[Any]:
    global _write_history_native
    # A plain dict: the interpreter looks an exact dict's items up much faster than those of
    # a subclass such as the lazily filled tables above (a tenth of a history's writing).
    writers = dict(_codec().union_writers(ev.Event, native=True))

    def _write_history_native(history: tuple[ev.Event, ...]) -> list[Any]:
        return [writers[type(event)](event) for event in history]

    return _write_history_native(history)


_write_snapshot: Callable[[Relationship], Any] = _first_write_snapshot
_write_snapshot_native: Callable[[Relationship], Any] = _first_write_snapshot_native
_write_history_native: Callable[[tuple[ev.Event, ...]], list[Any]] = _first_write_history_native


def _snapshot(relationship: Relationship) -> dict[str, Any]:
    """The document without its history: ``schema_version`` and the state."""
    return _write_snapshot(relationship)  # type: ignore[no-any-return]


def _event_dict(event: ev.Event) -> dict[str, Any]:
    """One event as written in a document's history."""
    return _EVENT_WRITERS[type(event)](event)  # type: ignore[no-any-return]


def _event_json(event: ev.Event) -> str:
    """One event as JSON text, as a document's history holds it."""
    return _dumps(_EVENT_NATIVE[type(event)](event))


def _snapshot_json(relationship: Relationship) -> str:
    """The document without its history, as JSON text."""
    return _dumps(_write_snapshot_native(relationship))


def _snapshot_native(relationship: Relationship) -> Any:
    """The document without its history, as native values (for the encoder only)."""
    return _write_snapshot_native(relationship)


def _document_native(relationship: Relationship) -> dict[str, Any]:
    """The whole document as native values (for the encoder only)."""
    document: dict[str, Any] = _write_snapshot_native(relationship)
    document["history"] = _write_history_native(relationship.history)
    return document
