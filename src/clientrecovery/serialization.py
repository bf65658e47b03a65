"""Lossless JSON documents of relationships, and loading that is validation.

A document is the relationship's history plus a snapshot of its state, so a CRM in another
language can read the state without replaying, and this library can check the state against
the history::

    {"schema_version": 1, "id": ..., "stage": ..., ..., "history": [{"type": ..., ...}, ...]}

Writing: datetimes ISO 8601 with their offset, dates ISO, Decimals as strings, durations
ISO 8601 (``"P2D"``), enums by value, events tagged by ``"type"``.

Loading (:func:`from_dict`, :func:`from_json`, :func:`load_jsonl`) refuses, with an
:class:`~clientrecovery.InvalidDocument` listing every problem and its JSON path:
malformed JSON, unknown or missing keys, wrong types, a newer ``schema_version``, a history
that breaks the method (it is replayed, every rule re-checked), and snapshot fields that
contradict the history. Nothing else escapes. Older ``schema_version`` documents are upgraded
by the functions registered in :data:`UPGRADES`.

The converter is private, built by :func:`make_converter`; cattrs' global one is never used.
When ``orjson`` is installed (the ``json`` extra) it parses and writes JSON; the results are
the same either way.
"""

from __future__ import annotations

import collections.abc
import copy
import functools
import importlib
import json
import re
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal, InvalidOperation
from enum import Enum
from types import ModuleType
from typing import IO, Any, Final, TypeVar

import attrs
import cattrs
from cattrs.errors import BaseValidationError

from clientrecovery import events as ev
from clientrecovery._codec import Codec
from clientrecovery._owned import Forged
from clientrecovery._validate import collection, is_aware, off_calendar
from clientrecovery.catalogue import Rule, Severity
from clientrecovery.errors import (
    ClientRecoveryError,
    InvalidDocument,
    InvalidValue,
    RuleViolation,
    UnknownItem,
)
from clientrecovery.model import Quantification
from clientrecovery.policy import Policy
from clientrecovery.relationship import Relationship, _Replay

_orjson: ModuleType | None
try:  # pragma: no cover - depends on the environment
    _orjson = importlib.import_module("orjson")
except ImportError:  # pragma: no cover - depends on the environment
    _orjson = None

__all__ = [
    "SCHEMA_VERSION",
    "SNAPSHOT_FIELDS",
    "UPGRADES",
    "dump_jsonl",
    "from_dict",
    "from_json",
    "json_schema",
    "load_jsonl",
    "make_converter",
    "policy_from_json",
    "to_dict",
    "to_json",
]

SCHEMA_VERSION: Final = 2
"""The version of the document layout this library writes."""

Upgrade = Callable[[dict[str, Any]], dict[str, Any]]
UPGRADES: dict[int, Upgrade] = {}
"""``UPGRADES[n]`` turns a version-``n`` document into a version-``n + 1`` one."""


def _from_v1(document: dict[str, Any]) -> dict[str, Any]:
    """Version 2 added fields with defaults (the new policy limits and the review of texts on
    the record, who raised an issue and in what words, an option's own cost, what a wait
    says the client owes, why a case was lost, the account): a version-1 document is the
    same with those defaults written out."""
    policies = [document.get("policy"), *(e.get("policy") for e in document.get("history", []))]
    for policy in policies:
        if isinstance(policy, dict):
            for key, value in _POLICY_V2.items():
                policy.setdefault(key, value)
    for issue in document.get("issues") or ():
        if isinstance(issue, dict):
            issue.setdefault("raised_by", "client")
            issue.setdefault("client_words", "")
    plan = document.get("plan")
    if isinstance(plan, dict):
        for option in plan.get("options") or ():
            if isinstance(option, dict):
                option.setdefault("cost_change", None)
        for initiative in plan.get("initiatives") or ():
            for hold in (initiative.get("holds") or ()) if isinstance(initiative, dict) else ():
                if isinstance(hold, dict):
                    hold.setdefault("needs", "")
                    hold.setdefault("by", None)
    return document


_POLICY_V2 = {
    "max_days_to_meet": 3,
    "max_days_to_summary": 1,
    "quick_win_within": 10,
    "max_wait": 10,
    "guidance_on_record": True,
}
UPGRADES[1] = _from_v1

SNAPSHOT_FIELDS: Final = (
    "id",
    "client",
    "trigger",
    "raised_by",
    "opened_at",
    "policy",
    "stage",
    "version",
    "assessment",
    "assessed_at",
    "alignment",
    "met_at",
    "issues",
    "issues_agreed_at",
    "commitments",
    "response_due",
    "response_promised_at",
    "summary_sent_at",
    "responded_at",
    "recovering_since",
    "plan",
    "communications",
    "ended_at",
    "end_reason",
    "lessons",
    "end_cause",
    "ended_by",
)
"""The relationship's state as written next to its history, in document order."""
_DOCUMENT_KEYS = frozenset({"schema_version", "history", *SNAPSHOT_FIELDS})

EVENT_TYPES: Mapping[str, type[ev.Event]] = {cls.__name__: cls for cls in ev.EVENT_TYPES}

# --- durations -------------------------------------------------------------------------------

_DURATION = re.compile(r"^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$")


def duration_to_str(delta: timedelta) -> str:
    """An ISO 8601 duration: ``timedelta(days=2, hours=3)`` is ``"P2DT3H"``."""
    seconds = int(delta.total_seconds())
    days, rest = divmod(seconds, 86_400)
    hours, rest = divmod(rest, 3_600)
    minutes, seconds = divmod(rest, 60)
    time = "".join(f"{n}{u}" for n, u in ((hours, "H"), (minutes, "M"), (seconds, "S")) if n)
    text = "P" + (f"{days}D" if days else "") + (f"T{time}" if time else "")
    return text if text != "P" else "PT0S"


def duration_from_str(text: str) -> timedelta:
    match = _DURATION.match(text)
    if match is None or text in ("P", "PT"):
        raise ValueError(f"{text!r} is not an ISO 8601 duration such as 'P2D' or 'PT36H'")
    d, h, m, s = (int(g) if g else 0 for g in match.groups())
    return timedelta(days=d, hours=h, minutes=m, seconds=s)


# --- the converter -----------------------------------------------------------------------------


class _Problem(ValueError):
    """A readable problem with one value, raised by the structure hooks."""


def _expect(value: object, kind: type, name: str) -> None:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise _Problem(f"expected {name}, got {_json_type(value)}")


def _json_type(value: object) -> str:
    return {
        type(None): "null",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        str: "a string",
        list: "an array",
        dict: "an object",
    }.get(type(value), type(value).__name__)


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

# orjson writes a datetime exactly as isoformat() does when its UTC offset is whole minutes
# (it rounds the others), so native writers leave those datetimes for it to write.
_WHOLE_MINUTES = frozenset(timezone(timedelta(minutes=m)) for m in range(-1439, 1440))

# The fast path: generated readers (falling back to _CONVERTER to explain) and the writers.
# Generating them is most of what importing this module would cost, so it happens on first
# use: the tables fill on their first lookup, the snapshot writers replace themselves.
_HEAD = {"schema_version": SCHEMA_VERSION}


@functools.cache
def _codec() -> Codec:
    return Codec(
        {ev.Event: ev.EVENT_TYPES},
        duration_from_str,
        duration_to_str,
        native_zones=_WHOLE_MINUTES,
        shared=(Policy,),  # most documents of a portfolio repeat one policy
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


_write_snapshot: Callable[[Relationship], Any] = _first_write_snapshot
_write_snapshot_native: Callable[[Relationship], Any] = _first_write_snapshot_native


def __getattr__(name: str) -> Any:
    if name == "_CODEC":  # the generator itself, for tests and debugging
        return _codec()
    raise AttributeError(f"module 'clientrecovery.serialization' has no attribute {name!r}")


# --- documents -----------------------------------------------------------------------------


def to_dict(relationship: Relationship) -> dict[str, Any]:
    """The relationship as a JSON-ready document (``schema_version``, state, ``history``)."""
    _check_relationship(relationship, "to_dict")
    document = _snapshot(relationship)
    writers = _EVENT_WRITERS
    document["history"] = [writers[type(event)](event) for event in relationship.history]
    return document


def _check_relationship(relationship: object, caller: str) -> None:
    if not isinstance(relationship, Relationship):
        raise InvalidValue(f"{caller}(relationship)", "must be a Relationship")


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


def to_json(relationship: Relationship) -> str:
    """The document as compact JSON text (UTF-8, keys in document order)."""
    _check_relationship(relationship, "to_json")
    document = _write_snapshot_native(relationship)
    writers = _EVENT_NATIVE
    document["history"] = [writers[type(event)](event) for event in relationship.history]
    return _dumps(document)


def from_dict(document: Mapping[str, Any], *, policy: Policy | None = None) -> Relationship:
    """Load a document: upgrade it, read its history, replay it, check its snapshot.

    Args:
        document: The document, as JSON values.
        policy: The receiver's rules. A document carries the policy it was run under, which
            may have relaxed rules (an error lowered to a warning, a shorter wait); given a
            policy, the history is judged under it instead, and a refusal says what the
            carried policy had relaxed. The relationship loaded keeps its own policy.

    Raises:
        InvalidDocument: listing every problem found, each with its JSON path.
    """
    if policy is not None and not isinstance(policy, Policy):
        raise InvalidValue("from_dict(policy=...)", f"must be a Policy, got {policy!r}")
    try:
        return _load(document, policy)
    except InvalidDocument:
        raise
    except (RecursionError, MemoryError) as exc:
        raise InvalidDocument(
            [f"too deeply nested or too large to read ({type(exc).__name__}) @ $"]
        ) from None


def from_json(text: str | bytes, *, policy: Policy | None = None) -> Relationship:
    """Load a document from JSON text or UTF-8 bytes (see :func:`from_dict`), judged under
    ``policy`` when one is given."""
    return from_dict(_loads(text, "$"), policy=policy)


def policy_from_json(text: str | bytes) -> Policy:
    """A policy from JSON, written as a document's ``policy`` is: a receiver's own rules to
    judge documents under (``from_json(text, policy=...)``).

    >>> policy_from_json('{"min_days_before_plan": 2}').min_days_before_plan
    2
    """
    value = _loads(text, "$")
    if not isinstance(value, dict):
        raise InvalidDocument([f"expected a policy object, got {_json_type(value)} @ $"])
    try:
        policy: Policy = _CONVERTER.structure(value, Policy)
    except (BaseValidationError, _Problem, InvalidValue) as bad:
        raise InvalidDocument(_problems(bad, "$")) from None
    return policy


def dump_jsonl(relationships: Iterable[Relationship], out: IO[str]) -> int:
    """Write one document per line; returns how many were written."""
    count = 0
    for relationship in collection(relationships, "an iterable of relationships", "dump_jsonl"):
        out.write(to_json(relationship))
        out.write("\n")
        count += 1
    return count


def load_jsonl(
    lines: Iterable[str | bytes],
    *,
    on_error: Callable[[int, InvalidDocument], None] | None = None,
    policy: Policy | None = None,
) -> Iterator[Relationship]:
    """Read one document per line, lazily; blank lines are skipped.

    A bad line raises :class:`~clientrecovery.InvalidDocument` whose problems start with
    ``line N:``, unless ``on_error`` is given: then it is called with the line number and
    the error, and reading goes on. ``policy`` is the receiver's (see :func:`from_dict`).
    """
    for number, line in enumerate(collection(lines, "an iterable of lines", "load_jsonl"), 1):
        if isinstance(line, str | bytes | bytearray) and not line.strip():
            continue  # anything else but text is refused by from_json, with its line
        try:
            yield from_json(line, policy=policy)
        except InvalidDocument as bad:
            located = InvalidDocument([f"line {number}: {p}" for p in bad.problems])
            if on_error is None:
                raise located from None
            on_error(number, located)


# --- loading, step by step -------------------------------------------------------------------


def _loads(text: str | bytes, where: str, *, exact: bool = True) -> Any:
    """Parse JSON text; orjson and the standard library give the same verdict on the same
    bytes: a byte order mark, text that is not UTF-8 (or holds a lone surrogate), a
    duplicate key, ``NaN`` are refused; an integer beyond 64 bits is a float (as orjson
    reads it, and as every field of a document then refuses it). ``exact=False`` skips the
    check for duplicate keys, for text this library wrote and can prove unchanged."""
    if not isinstance(text, str | bytes | bytearray):
        raise InvalidDocument([f"expected JSON text or bytes, got {type(text).__name__} @ {where}"])
    if text[:1] == "\ufeff" or text[:3] == b"\xef\xbb\xbf":
        raise InvalidDocument([f"starts with a byte order mark, which JSON text has not @ {where}"])
    try:
        if _orjson is None:
            return _parse_strict(text)
        value = _orjson.loads(text)
        if exact and not _as_written(value, text):
            _parse_strict(text)  # not as this library writes it: duplicate keys are possible
        return value
    except RecursionError:
        raise InvalidDocument([f"JSON nested too deeply @ {where}"]) from None
    except UnicodeError as bad:
        problem = (
            f"not UTF-8 ({bad.reason} at byte {bad.start})"
            if isinstance(bad, UnicodeDecodeError)
            else f"a lone surrogate at character {getattr(bad, 'start', 0)}: not UTF-8 text"
        )
        raise InvalidDocument([f"{problem} @ {where}"]) from None
    except ValueError as bad:  # json.JSONDecodeError, orjson.JSONDecodeError, duplicate keys
        raise InvalidDocument([f"not valid JSON ({_first_line(bad)}) @ {where}"]) from None


def _as_written(value: Any, text: str | bytes | bytearray) -> bool:
    """Whether orjson writes ``value`` back as exactly ``text`` (which then has no key twice)."""
    assert _orjson is not None
    try:
        written = _orjson.dumps(value)
    except TypeError:  # nested deeper than orjson writes
        return False
    return bool(written == (text.encode() if isinstance(text, str) else text))


_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_INT64 = range(-(2**63), 2**64)  # what orjson reads as an integer


def _parse_strict(text: str | bytes | bytearray) -> Any:
    """The standard library's parse, held to orjson's verdicts (see :func:`_loads`)."""
    if isinstance(text, str):
        text.encode("utf-8")  # a lone surrogate raises
    else:
        text = bytes(text).decode("utf-8")  # never UTF-16 or -32, which json would guess
    value = json.loads(
        text, object_pairs_hook=_unique, parse_int=_integer, parse_constant=_constant
    )
    if _ESCAPED_SURROGATE.search(text):  # "\ud800" alone: refused as orjson refuses it
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    return value


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        seen: set[str] = set()
        twice = next(key for key, _ in pairs if key in seen or seen.add(key))  # type: ignore[func-returns-value]
        raise ValueError(f"duplicate key {twice!r}")
    return found


def _integer(digits: str) -> int | float:
    number = int(digits)
    return number if number in _INT64 else float(number)


def _constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def _dumps(document: dict[str, Any]) -> str:
    """Compact JSON of JSON-ready or native values (see :class:`~clientrecovery._codec.Codec`)."""
    if _orjson is not None:
        return str(_orjson.dumps(document).decode())
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"), default=_native)


def _native(value: object) -> object:
    """How orjson writes the values native writers leave to it (a datetime is a date)."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    raise TypeError(f"{type(value).__name__} is not JSON")


def _first_line(exc: BaseException) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def _format(exc: BaseException, type_: Any) -> str:
    if isinstance(exc, _Problem | InvalidValue | ClientRecoveryError):
        return str(exc)
    if isinstance(exc, KeyError):
        return "required field missing"
    return cattrs.v.format_exception(exc, type_)


def _problems(exc: BaseValidationError | _Problem | InvalidValue, path: str) -> list[str]:
    if isinstance(exc, BaseValidationError):
        return cattrs.transform_error(exc, path=path, format_exception=_format)
    return [f"{exc} @ {path}"]


def _load(document: Mapping[str, Any], policy: Policy | None = None) -> Relationship:
    if not isinstance(document, Mapping):
        raise InvalidDocument([f"expected a document object, got {_json_type(document)} @ $"])
    document = _upgraded(document)
    problems = [f"unknown key {key!r} @ $" for key in document if key not in _DOCUMENT_KEYS]
    history = document.get("history")
    if not isinstance(history, list):
        problems.append(f"expected the history as an array, got {_json_type(history)} @ $.history")
        raise InvalidDocument(problems)
    if problems:
        raise InvalidDocument(problems)
    events = _events(history)
    if policy is None:
        relationship = _replayed(events)
    else:
        _judged(events, policy)
        relationship = _replayed(events, check=False)  # judged: its own rules are not asked
    _check_snapshot(document, relationship)
    return relationship


def _judged(events: list[ev.Event], policy: Policy) -> None:
    """Replay ``events`` under the receiver's ``policy`` instead of the one they carry."""
    first = events[0] if events else None
    if not isinstance(first, ev.RelationshipOpened) or first.policy == policy:
        _replayed(events)
        return
    try:
        _replayed([attrs.evolve(first, policy=policy), *events[1:]])
    except InvalidDocument as refused:
        relaxed = relaxations(first.policy, policy)
        if not relaxed:
            raise
        note = "the document's own policy relaxes the receiver's: " + "; ".join(relaxed)
        raise InvalidDocument([*refused.problems, f"{note} @ $.history[0].policy"]) from None


def relaxations(carried: Policy, receiver: Policy) -> list[str]:
    """What ``carried`` relaxes of ``receiver``: rules it lowers, thresholds it loosens."""
    order = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}
    found = [
        f"{rule.value} ({receiver.severity(rule).value} → {carried.severity(rule).value})"
        for rule in Rule
        if order[carried.severity(rule)] < order[receiver.severity(rule)]
    ]
    looser: dict[str, Callable[[Any, Any], bool]] = {  # which way is looser, per threshold
        "min_days_before_plan": lambda c, r: c < r,
        "options_min": lambda c, r: c < r,
        "options_max": lambda c, r: c > r,
        "min_warning_lead": lambda c, r: c < r,
        "max_silence": lambda c, r: c > r,
    }
    for name, is_looser in looser.items():
        mine, theirs = getattr(carried, name, None), getattr(receiver, name, None)
        if mine is not None and theirs is not None and is_looser(mine, theirs):
            found.append(f"{name} {_setting(mine)} (the receiver's: {_setting(theirs)})")
    return found


def _setting(value: object) -> str:
    return duration_to_str(value) if isinstance(value, timedelta) else str(value)


def _trusted(history: list[Any]) -> Relationship:
    """The relationship of a history read from a store that proved it holds the events it
    checked when it saved them: read, and replayed without re-checking the rules."""
    return _replayed(_events(history), check=False)


def _events(history: list[Any]) -> list[ev.Event]:
    """The events of a history: read fast, or failing that, every problem listed."""
    try:
        return _events_fast(history)
    except Exception:
        pass
    return _events_explained(history)


def _events_fast(history: list[Any]) -> list[ev.Event]:
    """The events of a history, read by the generated readers, which raise (anything: a
    ``KeyError`` for an unknown type, say) at the first unusual value."""
    return [_EVENT_READERS[item["type"]](item) for item in history]


def _events_explained(history: list[Any]) -> list[ev.Event]:
    """The events of a history, read by the converter, which names every problem."""
    events: list[ev.Event] = []
    problems: list[str] = []
    for position, item in enumerate(history):
        path = f"$.history[{position}]"
        try:
            events.append(_CONVERTER.structure(item, ev.Event))
        except (BaseValidationError, _Problem, InvalidValue) as bad:
            forged = _forged(bad)
            if forged is not None:  # the path goes on to the field itself
                problems.append(f"{forged} @ {path}.{forged.where}")
            else:
                problems.extend(_problems(bad, path))
    if problems:
        raise InvalidDocument(problems)
    return events


def _forged(exc: BaseException) -> Forged | None:
    """The :class:`~clientrecovery._owned.Forged` that is all of ``exc``, if it is."""
    while isinstance(exc, BaseValidationError) and len(exc.exceptions) == 1:
        exc = exc.exceptions[0]
    return exc if isinstance(exc, Forged) else None


def _upgraded(document: Mapping[str, Any]) -> Mapping[str, Any]:
    version = document.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise InvalidDocument(
            [f"expected schema_version as an integer, got {_json_type(version)} @ $.schema_version"]
        )
    if version > SCHEMA_VERSION:
        raise InvalidDocument(
            [
                f"schema_version {version} is newer than this library reads ({SCHEMA_VERSION});"
                " upgrade clientrecovery @ $.schema_version"
            ]
        )
    if version == SCHEMA_VERSION:
        return document
    upgraded = copy.deepcopy(dict(document))  # the caller's document is never changed
    while version < SCHEMA_VERSION:
        step = UPGRADES.get(version)
        if step is None:
            raise InvalidDocument(
                [f"schema_version {version} is not supported (no upgrade) @ $.schema_version"]
            )
        try:
            upgraded = step(upgraded)
        except Exception as failed:  # registered code: whatever it raises, the document is bad
            raise InvalidDocument(
                [f"cannot upgrade from schema_version {version} ({failed!r}) @ $"]
            ) from None
        version += 1
        upgraded["schema_version"] = version
    return upgraded


def _replayed(events: list[ev.Event], *, check: bool = True) -> Relationship:
    replay = _Replay(check=check)
    for position, event in enumerate(events):
        try:
            replay.add(event)
        except RuleViolation as refused:
            raise InvalidDocument(
                [
                    f"{type(event).__name__} breaks the method: {f} @ $.history[{position}]"
                    for f in refused.findings
                ]
            ) from None
        except (UnknownItem, InvalidValue) as bad:
            where = f"$.history[{position}]"
            raise InvalidDocument([f"{type(event).__name__}: {bad} @ {where}"]) from None
    replayed = replay.result()
    if replayed is None:
        raise InvalidDocument(
            ["the history is empty; it starts with RelationshipOpened @ $.history"]
        )
    return replayed


def _check_snapshot(document: Mapping[str, Any], relationship: Relationship) -> None:
    written = _write_snapshot_native(relationship)
    given = {name: document[name] for name in SNAPSHOT_FIELDS if name in document}
    try:  # the same JSON, byte for byte: nothing to report (and no 1 == true == 1.0)
        if _dumps(given) == _dumps({name: written[name] for name in given}):
            return
    except (TypeError, ValueError, RecursionError):  # not JSON values: the walk names them
        pass
    expected = _snapshot(relationship)
    problems: list[str] = []
    for name, value in given.items():
        _compare(value, expected[name], f"$.{name}", problems)
    if problems:
        raise InvalidDocument(problems)


def _compare(given: Any, expected: Any, path: str, problems: list[str]) -> None:
    if isinstance(given, dict) and isinstance(expected, dict):
        for key in sorted(set(given) | set(expected), key=str):
            if key not in expected:
                problems.append(f"unknown key {key!r} @ {path}")
            elif key not in given:
                problems.append(f"missing key {key!r} that the history gives @ {path}")
            else:
                _compare(given[key], expected[key], f"{path}.{key}", problems)
    elif isinstance(given, list) and isinstance(expected, list) and len(given) == len(expected):
        for i, (a, b) in enumerate(zip(given, expected, strict=True)):
            _compare(a, b, f"{path}[{i}]", problems)
    elif given != expected or type(given) is not type(expected):
        problems.append(
            f"{_shown(given)} contradicts the history, which gives {_shown(expected)} @ {path}"
        )


def _shown(value: Any) -> str:
    text = str(json.dumps(value, ensure_ascii=False, default=str))
    return text if len(text) <= 60 else text[:57] + "..."


# --- JSON Schema -------------------------------------------------------------------------------

_DATE_TIME = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?([+-]\d{2}:\d{2}|Z)$"
_DECIMAL = r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$"


def json_schema() -> dict[str, Any]:
    """A JSON Schema (2020-12) of the document, generated from the model's classes.

    A CRM in another language can validate documents with it before sending them; loading
    checks more than a schema can (the history is replayed against the method's rules).
    """
    defs: dict[str, Any] = {}

    def of(tp: Any) -> dict[str, Any]:
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if tp is type(None):
            return {"type": "null"}
        if tp is str:
            return {"type": "string"}
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            return {"type": "integer"}
        if tp is Decimal:
            return {"type": "string", "pattern": _DECIMAL}
        if tp is datetime:
            return {"type": "string", "format": "date-time", "pattern": _DATE_TIME}
        if tp is date:
            return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
        if tp is timedelta:
            return {"type": "string", "pattern": _DURATION.pattern}
        if isinstance(tp, type) and issubclass(tp, Enum):
            return {"enum": [m.value for m in tp]}
        if origin in (types.UnionType, typing.Union):
            return {"anyOf": [of(a) for a in args]}
        if origin is tuple:
            return {"type": "array", "items": of(args[0])}
        if origin in (Mapping, dict, collections.abc.Mapping):
            return {
                "type": "object",
                "propertyNames": of(args[0]),
                "additionalProperties": of(args[1]),
            }
        if tp is ev.Event:
            return {"$ref": "#/$defs/Event"}
        if attrs.has(tp):
            return {"$ref": f"#/$defs/{_define(tp)}"}
        raise TypeError(f"no JSON Schema for {tp!r}")  # pragma: no cover - a new field type

    def _define(cls: type) -> str:
        name = cls.__name__
        if name in defs:
            return name
        defs[name] = {}  # reserve the name: classes may refer to each other
        hints = typing.get_type_hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        if issubclass(cls, ev.Event):
            properties["type"] = {"const": name}
            required.append("type")
        for field in attrs.fields(cls):
            properties[field.name] = of(hints[field.name])
            if field.default is attrs.NOTHING:
                required.append(field.name)
        defs[name] = {
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }
        return name

    defs["Event"] = {"oneOf": [{"$ref": f"#/$defs/{_define(cls)}"} for cls in ev.EVENT_TYPES]}
    relationship_hints = typing.get_type_hints(Relationship)
    snapshot: dict[str, Any] = {}
    for name in SNAPSHOT_FIELDS:
        tp = relationship_hints.get(name)
        if tp is None:  # a property
            tp = typing.get_type_hints(getattr(Relationship, name).fget)["return"]
        snapshot[name] = of(tp)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"clientrecovery relationship document, schema_version {SCHEMA_VERSION}",
        "type": "object",
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            **snapshot,
            "history": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/Event"}},
        },
        "required": ["schema_version", "history"],
        "additionalProperties": False,
        "$defs": dict(sorted(defs.items())),
    }
