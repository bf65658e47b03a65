"""Logs decoded on first use, for a relationship a keyed store rebuilt from its state
(private).

:func:`~clientrecovery._stored_state.rebuilt` makes a relationship without decoding its
history or its communications: each is a :class:`LazyLog`, an
:class:`~clientrecovery._records.AppendLog` that holds the verified JSON it comes from (the
events' payloads as stored, the snapshot) and reads its buffer from it the first time
anything asks for an item (the history, the last event, a command, a comparison, the
findings). Until then a case holds a few bytes objects, which the garbage collector never
walks; after, the log is the one replay would have made, its items equal in every way.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any, Final, TypeVar

from clientrecovery import events as ev
from clientrecovery._records import AppendLog
from clientrecovery.errors import InvalidDocument

__all__ = ["LazyLog", "history_of"]

T = TypeVar("T")

_BUFFER: Final[Any] = AppendLog.__dict__["_buffer"]  # AppendLog's own slot, under the property
_READING: Final = threading.Lock()
"""Held while a log is decoded: one for all (not each log's own, which appending holds while
it reads the buffer; a lock per log would also be one more object per case)."""


class LazyLog(AppendLog[T]):
    """The log of ``size`` items that ``decode(source)`` gives, decoded when first used."""

    __slots__ = ("_decode", "_source")

    def __init__(self, size: int, source: Any, decode: Callable[[Any], list[T]]) -> None:
        self._source: Any = source
        self._decode: Callable[[Any], list[T]] | None = decode
        self._size = size
        self._lock = threading.Lock()

    @property
    def _buffer(self) -> list[T]:
        if self._decode is not None:
            with _READING:
                if self._decode is not None:
                    try:
                        items = self._decode(self._source)
                    except Exception:  # verified JSON this library wrote: the file changed
                        items = None
                    if items is None or len(items) != self._size:
                        raise InvalidDocument(["a stored log cannot be read back @ $"])
                    _BUFFER.__set__(self, items)
                    self._source = self._decode = None
        return _BUFFER.__get__(self)  # type: ignore[no-any-return]

    @_buffer.setter
    def _buffer(self, items: list[T]) -> None:
        _BUFFER.__set__(self, items)
        self._source = self._decode = None

    def grow(self, item: T) -> None:
        self._buffer.append(item)
        self._size += 1


def history_of(payloads: Sequence[bytes]) -> LazyLog[ev.Event]:
    """The history of verified events' payloads (their JSON, in order)."""
    return LazyLog(len(payloads), payloads, _events_of)


def _events_of(payloads: Sequence[bytes]) -> list[ev.Event]:
    """The events of verified payloads (which this library wrote: reading them cannot fail,
    unless the store's file changed under the process)."""
    from clientrecovery.serialization import _events, _loads  # the readers, made on first use

    history = _loads(b"[" + b",".join(payloads) + b"]", "$.history", exact=False)
    if not isinstance(history, list):
        raise InvalidDocument(["the stored history cannot be read back @ $.history"])
    return _events(history)
