"""A history decoded on first use, for a relationship a keyed store rebuilt from its state
(private).

:func:`~clientrecovery._stored_state.rebuilt` makes a relationship without its events: it
holds their payloads, as stored and verified, in a :class:`LazyLog`, an
:class:`~clientrecovery._records.AppendLog` whose buffer is read from them the first time
anything asks for an event (its history, its last event, a command, a comparison). Until
then the case costs a few bytes objects, and nothing for the garbage collector to walk;
after, it is the log replay would have made, the same events equal in every way.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any, Final

from clientrecovery import events as ev
from clientrecovery._records import AppendLog
from clientrecovery.errors import InvalidDocument

__all__ = ["LazyLog"]

_BUFFER: Final[Any] = AppendLog.__dict__["_buffer"]  # AppendLog's own slot, under the property


class LazyLog(AppendLog[ev.Event]):
    """The log of the events stored as ``payloads`` (their JSON, in order), read when first
    used."""

    __slots__ = ("_payloads", "_reading")

    def __init__(self, payloads: Sequence[bytes]) -> None:
        self._payloads: Sequence[bytes] | None = payloads
        self._size = len(payloads)
        self._lock = threading.Lock()
        self._reading = threading.Lock()  # not _lock: appending holds it and reads the buffer

    @property
    def _buffer(self) -> list[ev.Event]:
        if self._payloads is not None:
            with self._reading:
                if self._payloads is not None:
                    _BUFFER.__set__(self, _decoded(self._payloads))
                    self._payloads = None
        return _BUFFER.__get__(self)  # type: ignore[no-any-return]

    @_buffer.setter
    def _buffer(self, events: list[ev.Event]) -> None:
        _BUFFER.__set__(self, events)
        self._payloads = None

    def grow(self, item: ev.Event) -> None:
        self._buffer.append(item)
        self._size += 1


def _decoded(payloads: Sequence[bytes]) -> list[ev.Event]:
    """The events of verified payloads (which this library wrote: reading them cannot fail,
    unless the store's file changed under the process)."""
    from clientrecovery.serialization import _events, _loads  # the readers, made on first use

    history = _loads(b"[" + b",".join(payloads) + b"]", "$.history", exact=False)
    if not isinstance(history, list) or len(history) != len(payloads):
        raise InvalidDocument(["the stored history cannot be read back @ $.history"])
    return _events(history)
