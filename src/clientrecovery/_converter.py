"""The cattrs converter of documents (private), which reads slowly but names every problem.

Loading reads with the generated readers (:mod:`clientrecovery._generated`) and turns to
this converter only to explain a refusal, each problem with its JSON path. It is private,
built by :func:`make_converter`; cattrs' global one is never used.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any, TypeVar

import cattrs

from clientrecovery import events as ev
from clientrecovery._generated import _event_dict
from clientrecovery._jsontext import _json_type
from clientrecovery._layout import duration_from_str, duration_to_str
from clientrecovery._validate import is_aware, off_calendar
from clientrecovery.model import Quantification

__all__ = ["EVENT_TYPES", "make_converter"]

EVENT_TYPES: Mapping[str, type[ev.Event]] = {cls.__name__: cls for cls in ev.EVENT_TYPES}


class _Problem(ValueError):
    """A readable problem with one value, raised by the structure hooks."""


def _expect(value: object, kind: type, name: str) -> None:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise _Problem(f"expected {name}, got {_json_type(value)}")


def _structure_datetime(value: object, _: type) -> datetime:
    _expect(value, str, "an ISO 8601 date-time with offset")
    try:
        moment = datetime.fromisoformat(value)  # type: ignore[arg-type]
    except ValueError:
        raise _Problem(f"{value!r} is not an ISO 8601 date-time") from None
    if not is_aware(moment):
        raise _Problem(f"{value!r} has no UTC offset")
    return _on_calendar(moment)


def _structure_date(value: object, _: type) -> date:
    _expect(value, str, "an ISO 8601 date")
    try:
        day = date.fromisoformat(value)  # type: ignore[arg-type]
    except ValueError:
        raise _Problem(f"{value!r} is not an ISO 8601 date") from None
    if len(value) != 10:  # type: ignore[arg-type]
        raise _Problem(f"{value!r} is not a plain date (YYYY-MM-DD)")
    return _on_calendar(day)


D = TypeVar("D", bound=date)


def _on_calendar(value: D) -> D:
    problem = off_calendar(value)
    if problem is not None:
        raise _Problem(problem)
    return value


def _structure_decimal(value: object, _: type) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise _Problem(f"expected a decimal number as a string, got {_json_type(value)}")
    if isinstance(value, str) and len(value) > 100:
        raise _Problem("a number of more than 100 characters")
    try:
        number = Decimal(value)
    except (InvalidOperation, ValueError):
        raise _Problem(f"{value!r} is not a decimal number") from None
    if not number.is_finite():
        raise _Problem(f"{value!r} is not a finite number")
    return number


def _structure_duration(value: object, _: type) -> timedelta:
    _expect(value, str, "an ISO 8601 duration")
    try:
        return duration_from_str(value)  # type: ignore[arg-type]
    except (ValueError, OverflowError) as bad:
        raise _Problem(str(bad)) from None


def _strict(kind: type, name: str) -> Callable[[object, type], Any]:
    def structure(value: object, _: type) -> Any:
        _expect(value, kind, name)
        return value

    return structure


def _structure_enum(value: object, kind: type[Enum]) -> Enum:
    for member in kind:
        if member.value == value and type(member.value) is type(value):
            return member
    allowed = ", ".join(repr(m.value) for m in kind)
    raise _Problem(f"{value!r} is not a {kind.__name__} (one of {allowed})")


def make_converter() -> cattrs.Converter:
    """A new converter for documents, with every hook this module needs."""
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_unstructure_hook(datetime, datetime.isoformat)
    conv.register_structure_hook(datetime, _structure_datetime)
    conv.register_unstructure_hook(date, date.isoformat)
    conv.register_structure_hook(date, _structure_date)
    conv.register_unstructure_hook(Decimal, str)
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_unstructure_hook(timedelta, duration_to_str)
    conv.register_structure_hook(timedelta, _structure_duration)
    conv.register_structure_hook(str, _strict(str, "a string"))
    conv.register_structure_hook(int, _strict(int, "an integer"))
    conv.register_structure_hook(bool, _strict(bool, "true or false"))
    conv.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, Enum), lambda e: e.value
    )
    conv.register_structure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, Enum), _structure_enum
    )

    def is_tuple(t: Any) -> bool:
        return typing.get_origin(t) is tuple

    def structure_tuple(value: object, t: Any) -> tuple[Any, ...]:
        # cattrs would take any iterable, so "I1" would become ("I", "1").
        if not isinstance(value, list | tuple):
            raise _Problem(f"expected an array, got {_json_type(value)}")
        return conv._structure_tuple(value, t)

    conv.register_structure_hook_func(is_tuple, structure_tuple)

    def structure_quantity(value: object, _: type) -> Quantification | str | None:
        if value is None or isinstance(value, str):
            return value
        if isinstance(value, dict):
            return conv.structure(value, Quantification)
        raise _Problem(f"expected a measure (an object or a string), got {_json_type(value)}")

    conv.register_structure_hook(Quantification | str | None, structure_quantity)
    conv.register_structure_hook(Quantification | str, structure_quantity)

    def structure_event(value: object, _: type) -> ev.Event:
        if not isinstance(value, dict):
            raise _Problem(f"expected an event object, got {_json_type(value)}")
        tag = value.get("type")
        cls = EVENT_TYPES.get(tag) if isinstance(tag, str) else None
        if cls is None:
            raise _Problem(f"unknown event type {tag!r}")
        body = {k: v for k, v in value.items() if k != "type"}
        return conv.structure(body, cls)

    def unstructure_event(event: ev.Event) -> dict[str, Any]:
        return _event_dict(event)  # as documents write events: one writer serves both

    for cls in ev.EVENT_TYPES:
        conv.register_unstructure_hook(cls, unstructure_event)
    # Only the base class: a hook for Event would also catch every subclass.
    conv.register_structure_hook_func(lambda t: t is ev.Event, structure_event)
    return conv


_CONVERTER = make_converter()
