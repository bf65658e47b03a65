"""Persistent containers and cheap updates for the aggregate (private).

A relationship is immutable, yet a case of n issues must not cost O(n) per command, or
building it would cost O(n²). These containers give each relationship its own unchanging
view while sharing storage with the relationships before and after it:

- :class:`AppendLog`: an append-only run (history, communications); appending to the newest
  view extends a shared buffer in place, appending to an older one copies its prefix first.
- :class:`Chunks`: a sequence in fixed-size chunks; replacing one item copies one chunk.
- :class:`Index`: an append-only id → position map, shared like :class:`AppendLog`.

:func:`replace` copies an attrs record without running converters and validators again;
the aggregate only uses it on values that were validated when they entered the model.
:func:`update` changes one in place, for a replay's records that no one else holds yet.
"""

from __future__ import annotations

import itertools
import threading
import types
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Generic, TypeVar

import attrs

T = TypeVar("T")
R = TypeVar("R")
_COPIERS: dict[tuple[Any, ...], Callable[[Any, dict[str, Any]], Any]] = {}
_SETTERS: dict[type, dict[str, Callable[[Any, Any], None]]] = {}


def replace(inst: R, **changes: Any) -> R:
    """A copy of the attrs instance ``inst`` with ``changes`` (attribute names), unchecked."""
    return replaced(inst, changes)


def replaced(inst: R, changes: dict[str, Any]) -> R:
    """:func:`replace` with the changes in a dict."""
    key = (type(inst), *changes)  # a copier for each class and set of changed names
    copier = _COPIERS.get(key)
    if copier is None:
        copier = _COPIERS[key] = _copier(type(inst), tuple(changes))
    return copier(inst, changes)  # type: ignore[no-any-return]


def copier(cls: type[R], names: tuple[str, ...]) -> Callable[[R, dict[str, Any]], R]:
    """What :func:`replaced` calls to copy a ``cls`` with the attributes ``names`` changed,
    for a caller that makes one such copy per event: found once, it skips the lookup by
    class and names (a third of copying a small record)."""
    key = (cls, *names)
    found = _COPIERS.get(key)
    if found is None:
        found = _COPIERS[key] = _copier(cls, names)
    return found


def update(inst: object, changes: dict[str, Any]) -> None:
    """Change the attrs instance ``inst`` in place, unchecked, frozen or not: only for an
    instance that nothing else refers to yet (see ``clientrecovery._replay.Replay``)."""
    setters = _SETTERS.get(type(inst)) or _setters(type(inst))
    for name, value in changes.items():
        setters[name](inst, value)


def _setters(cls: Any) -> dict[str, Callable[[Any, Any], None]]:
    """The :func:`setter` of each attribute of the attrs class ``cls``, by name (kept)."""
    setters = _SETTERS[cls] = {a.name: setter(cls, a.name) for a in attrs.fields(cls)}
    return setters


def setter(cls: type, name: str) -> Callable[[Any, Any], None]:
    """The fastest way to set attribute ``name`` on a new ``cls``, frozen or not: the slot's
    own descriptor where it has one, else ``object.__setattr__``."""
    slot = getattr(cls, name, None) if hasattr(cls, "__slots__") else None
    if isinstance(slot, types.MemberDescriptorType):
        return slot.__set__
    return lambda inst, value: object.__setattr__(inst, name, value)


def _copier(cls: type, names: tuple[str, ...]) -> Callable[[Any, dict[str, Any]], Any]:
    """A function copying a ``cls`` with the attributes ``names`` changed: a dict copy for a
    class without slots, else one write per slot, from the changes or from the instance
    (compiled, no name lookups)."""
    new, set_ = object.__new__, object.__setattr__
    if not hasattr(cls, "__slots__"):

        def copy_dict(inst: Any, changes: dict[str, Any]) -> Any:
            made: Any = new(cls)
            state = inst.__dict__.copy()
            state.update(changes)
            set_(made, "__dict__", state)
            return made

        return copy_dict
    setters = _setters(cls)
    for name in names:
        if name not in setters:
            raise KeyError(name)
    namespace: dict[str, Any] = {"_new": new, "_cls": cls}
    lines = ["def copy_slots(inst, changes):", "    made = _new(_cls)"]
    for n, name in enumerate(setters):
        namespace[f"_slot{n}"] = setters[name]
        source = f"changes[{name!r}]" if name in names else f"inst.{name}"
        lines.append(f"    _slot{n}(made, {source})")
    source = "\n".join([*lines, "    return made"])
    exec(compile(source, f"<copy {cls.__name__}>", "exec"), namespace)
    return namespace["copy_slots"]  # type: ignore[no-any-return]


class AppendLog(Generic[T]):
    """An immutable view of the first ``len(self)`` items of a shared, growing buffer."""

    __slots__ = ("_buffer", "_lock", "_size")

    def __init__(self, items: Iterable[T] = ()) -> None:
        self._buffer: list[T] = list(items)
        self._size = len(self._buffer)
        self._lock = threading.Lock()

    def appended(self, item: T) -> AppendLog[T]:
        log: AppendLog[T] = object.__new__(AppendLog)
        with self._lock:
            if len(self._buffer) == self._size:
                self._buffer.append(item)
                log._buffer, log._lock = self._buffer, self._lock
            else:
                log._buffer, log._lock = [*self._buffer[: self._size], item], threading.Lock()
        log._size = self._size + 1
        return log

    def grow(self, item: T) -> None:
        """Append in place: only for a log no other view shares yet (see ``_replay.Replay``)."""
        self._buffer.append(item)
        self._size += 1

    @property
    def last(self) -> T:
        return self._buffer[self._size - 1]

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[T]:
        return itertools.islice(self._buffer, self._size)

    def as_tuple(self) -> tuple[T, ...]:
        return tuple(self._buffer[: self._size])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, AppendLog):
            return NotImplemented
        if self._size != other._size:
            return False
        return self._buffer is other._buffer or all(
            a == b for a, b in zip(self, other, strict=True)
        )

    def __hash__(self) -> int:
        return hash(self.as_tuple())

    def __repr__(self) -> str:
        return f"AppendLog({self._size} items)"

    def __reduce__(self) -> tuple[Any, ...]:
        # Its items, not its buffer or lock: a copy (pickled, deep-copied) is a log of its own.
        return (AppendLog, (self.as_tuple(),))


_BITS = 5
_CHUNK = 1 << _BITS
_MASK = _CHUNK - 1


class Chunks(Generic[T]):
    """An immutable sequence stored in chunks of 32; ``set`` and ``append`` copy one chunk."""

    __slots__ = ("_chunks", "_size")

    def __init__(self, items: Iterable[T] = ()) -> None:
        flat = tuple(items)
        self._chunks: tuple[tuple[T, ...], ...] = tuple(
            flat[i : i + _CHUNK] for i in range(0, len(flat), _CHUNK)
        )
        self._size = len(flat)

    @classmethod
    def _of(cls, chunks: tuple[tuple[T, ...], ...], size: int) -> Chunks[T]:
        new: Chunks[T] = object.__new__(cls)
        new._chunks, new._size = chunks, size
        return new

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, index: int) -> T:
        if not 0 <= index < self._size:
            raise IndexError(index)
        return self._chunks[index >> _BITS][index & _MASK]

    def set(self, index: int, item: T) -> Chunks[T]:
        c = index >> _BITS
        chunk = list(self._chunks[c])  # a list copy and back: faster than slicing around
        chunk[index & _MASK] = item
        chunks = list(self._chunks)
        chunks[c] = tuple(chunk)
        return Chunks._of(tuple(chunks), self._size)

    def append(self, item: T) -> Chunks[T]:
        chunks = self._chunks
        if self._size & _MASK:  # the last chunk has room
            return Chunks._of((*chunks[:-1], chunks[-1] + (item,)), self._size + 1)
        return Chunks._of((*chunks, (item,)), self._size + 1)

    def grow(self, item: T) -> None:
        """Append in place: only for items no other view shares yet (see ``_replay.Replay``)."""
        chunks = self._chunks
        if self._size & _MASK:
            self._chunks = (*chunks[:-1], chunks[-1] + (item,))
        else:
            self._chunks = (*chunks, (item,))
        self._size += 1

    def __iter__(self) -> Iterator[T]:
        return itertools.chain.from_iterable(self._chunks)

    def as_tuple(self) -> tuple[T, ...]:
        return tuple(self)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Chunks):
            return NotImplemented
        return self._chunks == other._chunks  # chunk bounds depend only on positions

    def __hash__(self) -> int:
        return hash(self._chunks)

    def __repr__(self) -> str:
        return f"Chunks({self._size} items)"


class Index:
    """An immutable view of an append-only id → position map shared along one line of views."""

    __slots__ = ("_lock", "_map", "_size", "_state")

    def __init__(self) -> None:
        self._map: dict[str, int] = {}
        self._size = 0
        self._state = [0]  # how many entries the shared map holds
        self._lock = threading.Lock()

    def added(self, key: str) -> Index:
        """A view with ``key`` at the next position."""
        new: Index = object.__new__(Index)
        with self._lock:
            if self._state[0] == self._size:
                self._map[key] = self._size
                self._state[0] += 1
                new._map, new._state, new._lock = self._map, self._state, self._lock
            else:
                mine = {k: v for k, v in self._map.items() if v < self._size}
                mine[key] = self._size
                new._map, new._state, new._lock = mine, [self._size + 1], threading.Lock()
        new._size = self._size + 1
        return new

    def grow(self, key: str) -> None:
        """:meth:`added` in place: only for an index no other view shares yet (see
        ``_replay.Replay``)."""
        self._map[key] = self._size
        self._size += 1
        self._state[0] = self._size

    def get(self, key: str) -> int | None:
        position = self._map.get(key)
        return position if position is not None and position < self._size else None

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys())

    def keys(self) -> list[str]:
        return [k for k, v in sorted(self._map.items(), key=lambda kv: kv[1]) if v < self._size]

    def __reduce__(self) -> tuple[Any, ...]:
        return (_index_of, (tuple(self.keys()),))

    def __len__(self) -> int:
        return self._size


def _index_of(keys: Iterable[str]) -> Index:
    """An index of ``keys`` at their positions, with a map and lock of its own (unpickling)."""
    index = Index()
    for key in keys:
        index.grow(key)
    return index
