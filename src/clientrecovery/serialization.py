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

import io
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import IO, Any

from cattrs.errors import BaseValidationError

from clientrecovery import _jsontext

# Each part lives in the module of its concept; the names other modules of the library (the
# stores, the command line, redaction) and the tests use are re-exported from here.
from clientrecovery._converter import _CONVERTER as _CONVERTER
from clientrecovery._converter import EVENT_TYPES as EVENT_TYPES
from clientrecovery._converter import _Problem, make_converter
from clientrecovery._generated import _EVENT_READERS as _EVENT_READERS
from clientrecovery._generated import _EVENT_WRITERS as _EVENT_WRITERS
from clientrecovery._generated import _codec, _document_native
from clientrecovery._generated import _event_dict as _event_dict
from clientrecovery._generated import _event_json as _event_json
from clientrecovery._generated import _snapshot as _snapshot
from clientrecovery._generated import _snapshot_json as _snapshot_json
from clientrecovery._jsontext import _dumps, _json_type, _parsed
from clientrecovery._jsontext import _loads as _loads
from clientrecovery._layout import SCHEMA_VERSION, SNAPSHOT_FIELDS, UPGRADES
from clientrecovery._layout import Upgrade as Upgrade
from clientrecovery._layout import duration_from_str as duration_from_str
from clientrecovery._layout import duration_to_str as duration_to_str
from clientrecovery._reading import _as_written, _load, _problems
from clientrecovery._reading import _check_snapshot as _check_snapshot
from clientrecovery._reading import _events as _events
from clientrecovery._reading import _events_explained as _events_explained
from clientrecovery._reading import _events_fast as _events_fast
from clientrecovery._reading import _replayed as _replayed
from clientrecovery._reading import _trusted as _trusted
from clientrecovery._reading import relaxations as relaxations
from clientrecovery._schema import json_schema
from clientrecovery._validate import collection, optional_function, unwritable_in
from clientrecovery.errors import InvalidDocument, InvalidValue
from clientrecovery.policy import Policy
from clientrecovery.relationship import Relationship

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


def to_json(relationship: Relationship) -> str:
    """The document as compact JSON text (UTF-8, keys in document order)."""
    _check_relationship(relationship, "to_json")
    return _dumps(_document_native(relationship))


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
    receiver_policy(policy, "from_dict")
    lone = unwritable_in(document)  # a JSON reader gives none; a dict may hold one
    if lone is not None:
        raise InvalidDocument([lone])
    return _loaded(document, policy, None)


def receiver_policy(policy: object, caller: str) -> Policy | None:
    """The receiver's policy ``caller`` was given (``None`` or a :class:`Policy`), checked
    before anything is read, so a wrong argument is named as such and not taken for a
    problem of the document or of the store."""
    if policy is not None and not isinstance(policy, Policy):
        raise InvalidValue(f"{caller}(policy=...)", f"must be a Policy, got {policy!r}")
    return policy


def _from_read(document: Mapping[str, Any], *, policy: Policy | None = None) -> Relationship:
    """:func:`from_dict` of values a JSON reader gave, which hold no lone surrogate."""
    return _loaded(document, policy, None)


def _loaded(
    document: Any, policy: Policy | None, text: bytes | None, unproven: bytes | None = None
) -> Relationship:
    try:
        return _load(document, policy, text, unproven)
    except InvalidDocument:
        raise
    except (RecursionError, MemoryError) as exc:
        raise InvalidDocument(
            [f"too deeply nested or too large to read ({type(exc).__name__}) @ $"]
        ) from None


def from_json(text: str | bytes, *, policy: Policy | None = None) -> Relationship:
    """Load a document from JSON text or UTF-8 bytes (see :func:`from_dict`), judged under
    ``policy`` when one is given."""
    receiver_policy(policy, "from_json")
    if policy is None:  # judged by its own policy: a text as this library writes it is
        loaded = _as_written(text)  # proven so from its history, its state left unparsed
        if loaded is not None:
            return loaded
    if _jsontext._orjson is None:  # the standard library's parse refuses duplicate keys
        document, written = _parsed(text, "$")
        return _loaded(document, policy, written)
    # orjson keeps the last of a key given twice: the load proves there is none, at the
    # state check, comparing the text with what orjson writes of the part it has not seen
    # written already; any refusal before that first asks the parse that refuses them.
    document, _ = _parsed(text, "$", exact=False)
    unproven = text.encode() if isinstance(text, str) else bytes(text)
    try:
        return _loaded(document, policy, None, unproven)
    except (InvalidDocument, InvalidValue):
        _loads(text, "$")  # a duplicate key is the verdict, before any other
        raise


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
    given: object = out  # typed a text file, but a caller may hand anything
    if not callable(getattr(given, "write", None)) or isinstance(
        given, io.RawIOBase | io.BufferedIOBase
    ):
        raise InvalidValue(
            "dump_jsonl(out=...)", f"must be a text file open for writing, got {out!r}"
        )
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
    receiver_policy(policy, "load_jsonl")
    optional_function(on_error, "load_jsonl(on_error=...)")
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
