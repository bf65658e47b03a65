"""Validators and converters shared by the value objects and commands (private)."""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, timezone
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

import attrs

from clientrecovery.errors import InvalidValue

E = TypeVar("E", bound=enum.Enum)
F = TypeVar("F", bound=Callable[..., Any])

STRUCTURAL: set[Callable[..., Any]] = set()
"""Validators and converters that leave alone any value of the field's declared type as a
document's structure hooks build it (an aware datetime with a fixed offset, a tuple of the
declared items, a finite Decimal): loading a document may skip them. The others always run."""


def structural(fn: F) -> F:
    """Mark ``fn`` as one of the :data:`STRUCTURAL` validators or converters."""
    STRUCTURAL.add(fn)
    return fn


def where(inst: object, attribute: attrs.Attribute[Any]) -> str:
    """Name the place of a value: ``Class.field``, or ``command(arg=...)`` for an event."""
    command = getattr(type(inst), "command", None)
    if isinstance(command, str):
        return f"{command}({attribute.name}=...)"
    return f"{type(inst).__name__}.{attribute.name}"


@structural
def text(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A ``str``, possibly empty, that UTF-8 can hold (no lone surrogate): what a document
    reader gives, so loading skips this."""
    if not isinstance(value, str):
        raise InvalidValue(where(inst, attribute), f"must be a str, got {_shown(value)}")
    lone = unwritable(value)
    if lone is not None:
        raise InvalidValue(where(inst, attribute), lone)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
INT64 = range(-(2**63), 2**64)
"""The integers a JSON reader keeps exactly (orjson's range): others are refused when given."""


def unwritable(value: str) -> str | None:
    """Why ``value`` cannot be written as UTF-8 JSON (a lone surrogate), or ``None``."""
    if value.isascii():
        return None
    found = _LONE_SURROGATE.search(value)
    if found is None:
        return None
    code = f"U+{ord(found[0]):04X}"
    return f"holds a lone surrogate ({code}) at {found.start()}, which UTF-8 text cannot"


def unwritable_in(document: object) -> str | None:
    """The first value of JSON values ``document`` that a document cannot hold, as a problem
    with its JSON path, or ``None``: a string (value or key) that UTF-8 cannot hold, an
    integer beyond 64 bits, a number that is not finite. A JSON reader gives none of them
    (they are refused as the text is read); a dict given to ``from_dict`` may hold any.
    Iterative: nesting cannot overflow it."""
    stack: list[tuple[object, str]] = [(document, "$")]
    while stack:
        value, path = stack.pop()
        kind = type(value)
        if kind is int and value not in INT64:
            return f"the integer {value} is beyond 64 bits, which documents cannot hold @ {path}"
        if kind is float and not math.isfinite(value):  # type: ignore[arg-type]
            return f"the number {value} is not finite, which JSON cannot hold @ {path}"
        if isinstance(value, str):
            lone = unwritable(value)
            if lone is not None:
                return f"the string {lone} @ {path}"
        elif isinstance(value, Mapping):
            for key, item in value.items():
                lone = unwritable(key) if isinstance(key, str) else None
                if lone is not None:
                    return f"the key {lone} @ {path}"
                stack.append((item, f"{path}.{key}"))
        elif isinstance(value, list | tuple):
            stack.extend((item, f"{path}[{i}]") for i, item in enumerate(value))
    return None


def optional_function(value: object, where: str) -> None:
    """A callback argument: ``None`` or something that can be called."""
    if value is not None and not callable(value):
        raise InvalidValue(where, f"must be a function or None, got {_shown(value)}")


def required_text(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A ``str`` with something in it besides white space."""
    text(inst, attribute, value)
    if not str(value).strip():
        raise InvalidValue(where(inst, attribute), "must not be empty")


def each_required_text(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Every item of a tuple of ``str`` (its converter made it one) has something in it
    besides white space: a blank name or lesson is none. Not structural: a document's tuple
    of strings may hold a blank one, so loading runs it too."""
    if not isinstance(value, tuple):  # pragma: no cover - its converter makes one
        return
    for i, item in enumerate(value):
        if isinstance(item, str) and not item.strip():
            raise InvalidValue(f"{where(inst, attribute)}[{i}]", "must not be empty")


def optional_text(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        required_text(inst, attribute, value)


def instance_of(*types: type) -> Callable[[object, attrs.Attribute[Any], object], None]:
    names = " or ".join(t.__name__ for t in types)

    def check(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        # bool is an int, but never a sensible priority or amount.
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            raise InvalidValue(where(inst, attribute), f"must be a {names}, got {_shown(value)}")
        if type(value) is int and value not in INT64:
            raise InvalidValue(
                where(inst, attribute), f"{value} is beyond 64 bits, which documents cannot hold"
            )

    return structural(check)


FIRST_YEAR, LAST_YEAR = 1900, 2999
"""The years a recorded date or time may fall in. Python's calendar ends at years 1 and 9999;
a margin of centuries keeps every date the model derives (a day later in another zone, a
due date moved by a long hold) on it, and a placeholder such as ``0001-01-01`` or
``9999-12-31`` is refused as the mistake it is."""


def off_calendar(value: date) -> str | None:
    """Why ``value`` (a date or datetime) is outside the recorded years; ``None`` if inside."""
    if FIRST_YEAR <= value.year <= LAST_YEAR:
        return None
    return f"must fall in the years {FIRST_YEAR} to {LAST_YEAR}, got {value.isoformat()}"


def on_calendar(value: date, label: str) -> None:
    """Raise :class:`InvalidValue` for ``label`` if ``value`` is outside the recorded years."""
    problem = off_calendar(value)
    if problem is not None:
        raise InvalidValue(label, problem)


@structural
def a_date(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A calendar ``date`` in the recorded years (a ``datetime`` is refused: it would carry
    a hidden time)."""
    any_date(inst, attribute, value)
    on_calendar(value, where(inst, attribute))  # type: ignore[arg-type]


@structural
def any_date(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A calendar ``date``, in any year: for a date the model derives, not one it is given."""
    if not isinstance(value, date) or isinstance(value, datetime):
        raise InvalidValue(where(inst, attribute), f"must be a date, got {_shown(value)}")


@structural
def a_datetime(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A ``datetime`` in the recorded years; whether it is aware is the CHRONOLOGY rule's
    business."""
    if not isinstance(value, datetime):
        raise InvalidValue(where(inst, attribute), f"must be a datetime, got {_shown(value)}")
    on_calendar(value, where(inst, attribute))


@structural
def optional_aware(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    a_datetime(inst, attribute, value)
    if not is_aware(value):  # type: ignore[arg-type]
        raise InvalidValue(where(inst, attribute), "must be timezone-aware")


def is_aware(value: datetime) -> bool:
    zone = value.tzinfo
    # A fixed offset (every event's time has one) is aware without asking it: utcoffset()
    # calls back into the zone, which cost most of this test. (timezone has no subclasses.)
    return type(zone) is timezone or (zone is not None and value.utcoffset() is not None)


def collection(value: object, what: str, label: str) -> Iterable[Any]:
    """``value`` itself if it can be iterated and is not text; else :class:`InvalidValue`
    saying it ``must be {what}``."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InvalidValue(label, f"must be {what}, got {_shown(value)}")
    return value


def tuple_of(value: object, kind: type, label: str) -> tuple[Any, ...]:
    items = tuple(collection(value, f"a sequence of {kind.__name__}", label))
    for i, item in enumerate(items):
        if not isinstance(item, kind):
            raise InvalidValue(f"{label}[{i}]", f"must be a {kind.__name__}, got {_shown(item)}")
        lone = unwritable(item) if isinstance(item, str) else None
        if lone is not None:
            raise InvalidValue(f"{label}[{i}]", lone)
    return items


def to_decimal(value: object, label: str) -> Decimal:
    """A ``Decimal``, ``int`` or numeric ``str`` as a finite ``Decimal``."""
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int) and not isinstance(value, bool):
        result = Decimal(value)
    elif isinstance(value, str):
        try:
            result = Decimal(value.strip())
        except InvalidOperation:
            raise InvalidValue(label, f"{value!r} is not a number") from None
    elif isinstance(value, float):
        raise InvalidValue(
            label, f"got the float {value!r}; pass a str or Decimal to keep it exact"
        )
    else:
        raise InvalidValue(label, f"must be a Decimal, int or str, got {_shown(value)}")
    if not result.is_finite():
        raise InvalidValue(label, f"must be a finite number, got {value!r}")
    return result


def to_enum(kind: type[E], value: object, label: str) -> E:
    """A member, or its value, as the member."""
    if isinstance(value, kind):
        return value
    for member in kind:
        if member.value == value:
            return member
    allowed = ", ".join(repr(m.value) for m in kind)
    raise InvalidValue(label, f"{value!r} is not a {kind.__name__} ({allowed})")


def _shown(value: object) -> str:
    shown = repr(value)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return f"{shown} ({type(value).__name__})"
