"""The fields a relationship keeps itself, which no event may carry (private).

A command records what it was given; the state that follows (a commitment's status, an
initiative's progress, delays and holds, a plan's version, times and chosen option) is the
relationship's own, derived from later events. An event read from a document or built by
hand that carries such a field in anything but its initial value would make replay believe
state no command produced: a commitment "fulfilled" without a fulfilment, initiatives "done"
without being started. So every event refuses one when it is built, on every path (the
commands, :meth:`Relationship.apply <clientrecovery.Relationship.apply>`, replay, both
document readers and the stores), with :class:`Forged`, an
:class:`~clientrecovery.InvalidValue` naming the event and the field.

:data:`OWNED` is the one declaration: per model class, the names of its fields that the
relationship keeps. Their initial value is the field's default. Which fields of an event can
hold such a class is read from the classes' type hints, once per event class, so a new event
that carries a commitment or a plan is covered without a word here.

>>> from datetime import UTC, date, datetime
>>> from clientrecovery import Commitment, CommitmentStatus, Party
>>> from clientrecovery.events import CommitmentSecured
>>> kept = Commitment(Party.CLIENT, "renew", "signed", date(2027, 1, 1),
...                   status=CommitmentStatus.FULFILLED)
>>> CommitmentSecured(commitment=kept, at=datetime(2026, 1, 5, tzinfo=UTC))
Traceback (most recent call last):
...
clientrecovery._owned.Forged: CommitmentSecured.commitment.status: is kept by the relationship ...
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, Final

import attrs

from clientrecovery._codec import type_hints
from clientrecovery.errors import InvalidValue
from clientrecovery.model import Commitment, Initiative, TurnaroundPlan

__all__ = ["OWNED", "Forged", "check_of", "initial", "refuse_forged"]

OWNED: Final[Mapping[type, tuple[str, ...]]] = MappingProxyType(
    {
        Commitment: ("status", "note"),
        Initiative: ("status", "delays", "outcome", "holds"),
        TurnaroundPlan: ("version", "proposed_at", "agreed_at", "chosen_option"),
    }
)
"""Per model class, the fields the relationship keeps itself (initial value: the default)."""


class Forged(InvalidValue):
    """An event carries a field the relationship keeps itself, in a value it did not set.

    ``where`` is the field's path inside the event (``"commitment.status"``,
    ``"plan.initiatives[0].holds"``), ``event`` the event's class name.
    """

    def __init__(self, event: str, where: str, value: object) -> None:
        self.event = event
        self.where = where
        super().__init__(
            f"{event}.{where}",
            f"is kept by the relationship and set by later events, so an event cannot"
            f" carry it (got {_shown(value)})",
        )


def _shown(value: object) -> str:
    if hasattr(value, "isoformat"):
        text = repr(value.isoformat())
    elif isinstance(value, tuple):
        text = f"{len(value)} item{'' if len(value) == 1 else 's'}"
    else:
        text = repr(getattr(value, "value", value))
    return text if len(text) <= 60 else text[:57] + "..."


def initial(cls: type, name: str) -> Any:
    """The value ``cls.name`` has before the relationship changes it (its default)."""
    default: Any = attrs.fields_dict(cls)[name].default
    return default.factory() if isinstance(default, attrs.Factory) else default  # type: ignore[arg-type]


_INITIAL: Final = MappingProxyType(
    {cls: tuple((name, initial(cls, name)) for name in names) for cls, names in OWNED.items()}
)
_carriers: dict[type, tuple[str, ...]] = {}
"""Per attrs class, the names of its fields whose type can hold an :data:`OWNED` class."""


def _reaches(tp: Any, seen: frozenset[type]) -> bool:
    """Whether a value of type ``tp`` can hold an instance of an :data:`OWNED` class."""
    if tp in OWNED:
        return True
    origin = typing.get_origin(tp)
    if origin in (tuple, types.UnionType, typing.Union, list, dict) or (
        origin is not None and isinstance(origin, type) and issubclass(origin, Mapping)
    ):
        return any(_reaches(arg, seen) for arg in typing.get_args(tp) if arg is not Ellipsis)
    if isinstance(tp, type) and attrs.has(tp) and tp not in seen:
        return bool(_fields_reaching(tp, seen | {tp}))
    return False


def _fields_reaching(cls: type, seen: frozenset[type] = frozenset()) -> tuple[str, ...]:
    found = _carriers.get(cls)
    if found is None:
        hints = type_hints(cls)
        found = tuple(f.name for f in attrs.fields(cls) if _reaches(hints[f.name], seen | {cls}))
        _carriers[cls] = found
    return found


def check_of(cls: type) -> Callable[[object], None] | None:
    """What building an event of class ``cls`` checks: :func:`refuse_forged`, or nothing
    for a class none of whose fields can hold an :data:`OWNED` class."""
    return refuse_forged if _fields_reaching(cls) else None


def refuse_forged(event: object) -> None:
    """Raise :class:`Forged` if ``event`` carries an owned field in a non-initial value."""
    names = _carriers.get(type(event))
    if names is None:
        names = _fields_reaching(type(event))
    for name in names:
        value = getattr(event, name)
        if not _as_initial(value):  # then walk again, naming where
            _walk(value, name, type(event).__name__)


_checks: dict[type, tuple[tuple[tuple[str, Any], ...], tuple[str, ...]]] = {}
"""Per class met by :func:`_as_initial`: its owned fields with their initial values, and the
fields that can hold more of them."""


def _as_initial(value: Any) -> bool:
    """Whether every owned field in ``value`` holds its initial value: :func:`_walk`'s test,
    without writing the path of each value it passes."""
    if isinstance(value, tuple):
        for item in value:  # noqa: SIM110 - a loop, not all(): no generator per value
            if not _as_initial(item):
                return False
        return True
    cls = type(value)
    check = _checks.get(cls)
    if check is None:
        reaching = _fields_reaching(cls) if attrs.has(cls) else ()
        check = _checks[cls] = (_INITIAL.get(cls, ()), reaching)
    owned, reaching = check
    for name, start in owned:
        given = getattr(value, name)
        if given is not start and (type(given) is not type(start) or given != start):
            return False
    for name in reaching:  # noqa: SIM110 - as above
        if not _as_initial(getattr(value, name)):
            return False
    return True


def _walk(value: Any, where: str, event: str) -> None:
    if isinstance(value, tuple):
        for position, item in enumerate(value):
            _walk(item, f"{where}[{position}]", event)
        return
    cls = type(value)
    for name, start in _INITIAL.get(cls, ()):
        given = getattr(value, name)
        if given is not start and (type(given) is not type(start) or given != start):
            raise Forged(event, f"{where}.{name}", given)
    if attrs.has(cls):
        for name in _fields_reaching(cls):
            _walk(getattr(value, name), f"{where}.{name}", event)
