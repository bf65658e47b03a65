"""Loading a document, step by step (private): upgrade it, read its history, replay it
with every rule, and check the state it carries against the one the replay gives.

Every refusal is an :class:`~clientrecovery.InvalidDocument` listing each problem with its
JSON path. :func:`_trusted` is the load of a store that proved its events unchanged;
:func:`_as_written` the load of a text exactly as this library writes it, which gives the
same relationship without parsing the state the text carries.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import timedelta
from typing import Any

import attrs
import cattrs
from cattrs.errors import BaseValidationError

from clientrecovery import _jsontext
from clientrecovery import events as ev
from clientrecovery._converter import _CONVERTER, _Problem
from clientrecovery._generated import _EVENT_READERS, _snapshot, _snapshot_native
from clientrecovery._jsontext import _dumped, _dumps, _json_type, _loads
from clientrecovery._layout import _DOCUMENT_KEYS, SNAPSHOT_FIELDS, _upgraded, duration_to_str
from clientrecovery._owned import Forged
from clientrecovery._replay import Replay
from clientrecovery.catalogue import Rule, Severity
from clientrecovery.errors import (
    ClientRecoveryError,
    InvalidDocument,
    InvalidValue,
    RuleViolation,
    UnknownItem,
)
from clientrecovery.policy import Policy
from clientrecovery.relationship import Relationship

__all__ = ["_as_written", "_events", "_load", "_problems", "_replayed", "_trusted", "relaxations"]


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


def _load(
    document: Mapping[str, Any],
    policy: Policy | None = None,
    text: bytes | None = None,
    unproven: bytes | None = None,
) -> Relationship:
    """The relationship of ``document``; ``text`` is the document's JSON if it is exactly as
    orjson writes ``document`` (see :func:`~clientrecovery._jsontext._parsed`), ``unproven``
    the JSON orjson read it from when no duplicate key is excluded yet: the state check
    excludes them (see :func:`_check_snapshot`), or this raises the JSON's own refusal."""
    if not isinstance(document, Mapping):
        raise InvalidDocument([f"expected a document object, got {_json_type(document)} @ $"])
    upgraded = _upgraded(document)
    if upgraded is not document:  # no longer the document of the text
        document, text = upgraded, None
        if unproven is not None:
            _loads(unproven, "$")  # a duplicate key refuses the text before anything else
            unproven = None
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
    _check_snapshot(document, relationship, text, unproven)
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
        "max_days_to_meet": lambda c, r: c > r,
        "max_days_to_summary": lambda c, r: c > r,
        "quick_win_within": lambda c, r: c > r,
        "max_wait": lambda c, r: c > r,
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
    readers = _READERS or _plain_readers()
    return [readers[item["type"]](item) for item in history]


_READERS: dict[str, Callable[[Any], ev.Event]] = {}
"""The generated readers by tag, in a plain dict: the table that generates them on first use
is a dict subclass, whose lookups the interpreter does not specialise."""


def _plain_readers() -> dict[str, Callable[[Any], ev.Event]]:
    _EVENT_READERS[ev.RelationshipOpened.__name__]  # fills the table on first use
    _READERS.update(_EVENT_READERS)
    return _READERS


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


def _replayed(events: list[ev.Event], *, check: bool = True) -> Relationship:
    replay = Replay(check=check)
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


def _check_snapshot(
    document: Mapping[str, Any],
    relationship: Relationship,
    text: bytes | None = None,
    unproven: bytes | None = None,
) -> None:
    """Refuse a document whose state is not what its history gives. ``text`` and
    ``unproven`` are as :func:`_load` takes them; ``unproven`` is proven here, either as
    exactly what orjson writes of the document (then no key is there twice) or by the
    parse that refuses a duplicate key."""
    written = _snapshot_native(relationship)
    given_text = text if text is not None else unproven
    if given_text is not None and type(document) is dict:
        head = _dumped(written)
        if head is not None and _written_head(given_text, head):
            if given_text is text:
                return
            if _written_history(given_text, head, document["history"]):
                return
    if unproven is not None:
        _loads(unproven, "$")  # a duplicate key refuses the text before anything else
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


_HISTORY = b',"history":'


def _written_head(text: bytes, head: bytes) -> bool:
    """Whether ``text`` starts with ``head``, the text orjson writes of the state the
    history gives (in the writer's order, without its closing brace), then the history's key:
    the same state, byte for byte."""
    return text.startswith(memoryview(head)[:-1]) and text.startswith(_HISTORY, len(head) - 1)


def _written_history(text: bytes, head: bytes, history: list[Any]) -> bool:
    """Whether the rest of ``text``, after :func:`_written_head`, is what orjson writes of
    ``history`` (the values it read there), closing the document: then no key in it is
    there twice, as orjson would have kept only the last."""
    written = _dumped({"history": history})
    return (
        written is not None
        and len(text) - len(head) == len(written) - 1
        and text.endswith(memoryview(written)[1:])
    )


def _as_written(text: object) -> Relationship | None:
    """The relationship of ``text`` if it is exactly the document this library writes of the
    history it holds (then the whole load would return this very relationship), read
    without parsing the state it carries; ``None`` when it is not, or not provably: the
    whole load then reads it again, and gives its own verdict.

    The state is half of a document's text, and the state check compares its bytes with
    what the writer writes of the replayed state, never the values read from them. So only
    the history is parsed here, the text after the first ``,"history":``, and the checks of
    the whole load's success are made on the text instead: it must be exactly ``head`` (the
    writer's text of the state the history gives, which holds the current
    ``schema_version`` and every key of the state, no other) followed by the history's
    key, orjson's text of the values read there (so no key is there twice) and the closing
    brace. That is the text orjson writes of the document the whole load would read, which
    passes it: the same history, events, replay and state. Where the cut is not the
    document's own key, the head's length tells."""
    parser = _jsontext._orjson
    if parser is None:
        return None  # the standard library's parse is held to orjson's verdicts, in full
    if isinstance(text, str):
        try:
            data = text.encode()
        except UnicodeEncodeError:  # a lone surrogate: the whole load says where
            return None
    elif isinstance(text, bytes | bytearray):
        data = bytes(text)
    else:
        return None
    cut = data.find(_HISTORY)
    if cut < 0 or data[-1:] != b"}":
        return None
    try:
        history = parser.loads(memoryview(data)[cut + len(_HISTORY) : -1])
        if type(history) is not list:
            return None
        relationship = _replayed(_events_fast(history))
    except Exception:  # anything: the whole load reads it again and says what is wrong
        return None
    head = _dumped(_snapshot_native(relationship))
    if (
        head is None
        or len(head) - 1 != cut
        or not _written_head(data, head)
        or not _written_history(data, head, history)
    ):
        return None
    return relationship


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
