"""The relationship's own state as a keyed store keeps it, and the relationship rebuilt from
it without replay (private).

Replaying a history computes more than its document's snapshot says: the advice a plan and
each issue were given, the initiatives the client agreed, each move of the promised response
date, what settling each provider promise and finishing the provider's work were told, the
account. A keyed store writes those beside the snapshot, as the ``state`` of the
relationships row, and binds both to the head of the relationship's chain with
:func:`state_link`: HMAC-SHA-256 under the store's key over the head, the relationship's id
and version, :data:`LAYOUT` (this library's form of the state) and the two texts.

Loading a case whose chain verifies and whose state link matches, :func:`rebuilt` makes the
relationship from the snapshot and the state alone, and reads neither until one of its
attributes is first asked for (then all of them at once); the stored events are not decoded
until its :attr:`~clientrecovery.Relationship.history` is first read, nor its communications
until they are (:class:`~clientrecovery._lazy_logs.LazyLog`). Whatever does not verify or
read back is answered ``None``, and the store replays the history instead. Only the key's holder can
write a state that verifies; an unkeyed SHA-256 chain can be recomputed by anyone who can
write the file, so an unkeyed store writes no state and never takes this path.

>>> from clientrecovery.examples import masterclass
>>> from clientrecovery.serialization import _event_json, _snapshot_json
>>> case = masterclass()
>>> payloads = [_event_json(event).encode() for event in case.history]
>>> snapshot = _snapshot_json(case).encode()
>>> made = rebuilt(snapshot, state_json(case), payloads, relationship_id=case.id)
>>> made == case
True
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import threading
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from typing import Any, ClassVar, Final

import attrs

from clientrecovery import model
from clientrecovery._codec import Codec, type_hints
from clientrecovery._lazy_logs import LazyLog, history_of
from clientrecovery._records import AppendLog, Chunks, Index, replace
from clientrecovery.catalogue import Finding, Rule, Severity
from clientrecovery.errors import InvalidDocument
from clientrecovery.model import DelayWarning, TurnaroundPlan
from clientrecovery.policy import Cadence, Policy
from clientrecovery.relationship import Relationship
from clientrecovery.serialization import (
    SNAPSHOT_FIELDS,
    _loads,
    duration_from_str,
    duration_to_str,
)

__all__ = ["FORMAT", "LAYOUT", "rebuilt", "state_json", "state_link"]

FORMAT: Final = 2
"""The form of the ``state`` text; a state of another form is not read. Raised too when
what a state derives from its events changes: 2, as resuming a wait moves due dates
differently (:mod:`clientrecovery._pause`), so a state of 1 is replayed instead."""

_FROM_SNAPSHOT: Final = tuple(name for name in SNAPSHOT_FIELDS if name != "version")
"""The snapshot's fields a relationship is rebuilt from (its version is its history's)."""
_READ_TOGETHER: Final = tuple(name for name in _FROM_SNAPSHOT if name != "communications")
"""The snapshot's fields read together, when the first attribute is asked for (the
communications are read when they are)."""
_KEPT: Final = (
    "account",
    "_agreed_work",
    "_response_moves",
    "_plan_advice",
    "_issue_advice",
    "_promise_advice",
    "_work_advice",
)
"""The attributes the state keeps, which the snapshot does not say."""
_DERIVED: Final = (
    "_log",
    "_issue_pos",
    "_commitment_pos",
    "_initiative_pos",
    "_work_for",
    "_cache",
    "_ended",
    "_draft",
)
"""The attributes rebuilt from the others (the history is the events as stored; what an
ended case's findings hold is found from the rebuilt case when they are first asked for,
so a state never carries findings of rules that have since changed, and a load that asks
for none decodes no history)."""
_SNAPSHOT_HELD: Final = {
    "issues": "_issues",
    "plan": "_plan",
    "communications": "_communications",
}
"""Snapshot fields held by other attributes (the plan's initiatives by ``_work`` too)."""


def _layout() -> str:
    """A digest of what a state and a relationship are made of in this library: the
    relationship's attributes, the fields of every value it holds and their types, the
    snapshot's fields and :data:`FORMAT`. A state written by a library that differs in any
    of them is not believed (a snapshot's communications, read on first use, included)."""
    hints = type_hints(Relationship)
    shape = [(field.name, repr(hints[field.name])) for field in attrs.fields(Relationship)]
    values = [cls for cls in vars(model).values() if isinstance(cls, type) and attrs.has(cls)]
    for cls in (*values, Finding, Policy, Cadence):
        shape += [(f"{cls.__name__}.{f.name}", repr(f.type)) for f in attrs.fields(cls)]
    text = repr((FORMAT, shape, SNAPSHOT_FIELDS))
    return hashlib.sha256(text.encode()).hexdigest()


LAYOUT: Final = _layout()


def covered() -> set[str]:
    """Every attribute of a relationship this module rebuilds (a test keeps it complete)."""
    held = {_SNAPSHOT_HELD.get(name, name) for name in _FROM_SNAPSHOT}
    return held | {"_work"} | set(_KEPT) | set(_DERIVED)


_AT_ONCE: Final = frozenset({"id", "_log", "_cache", "_draft", "_ended"})
"""The attributes :func:`rebuilt` sets at once: none of them reads the snapshot."""


# --- writing -------------------------------------------------------------------------------


def state_json(relationship: Relationship) -> bytes:
    """What replay computes that the snapshot does not say, as UTF-8 JSON."""
    r = relationship
    state = {
        "format": FORMAT,
        "account": r.account,
        "agreed_work": sorted(r._agreed_work),
        "response_moves": [_write_delay(move) for move in r.response_moves],
        "plan_advice": [_finding_written(f) for f in r.plan_advice],
        "issue_advice": _advice_written(r.issue_advice),
        "promise_advice": _advice_written(r._promise_advice),
        "work_advice": _advice_written(r._work_advice),
    }
    return json.dumps(state, ensure_ascii=False, separators=(",", ":")).encode()


def state_link(
    head: str, relationship_id: str, version: int, snapshot: bytes, state: bytes, *, key: bytes
) -> bytes:
    """The HMAC-SHA-256 that binds a snapshot and a state to the head of a relationship's
    chain at ``version``, in this library's :data:`LAYOUT`."""
    parts = (
        b"clientrecovery state",
        LAYOUT.encode(),
        head.encode("ascii"),
        relationship_id.encode("utf-8", "surrogatepass"),
        str(version).encode("ascii"),
        snapshot,
        state,
    )
    message = b"".join([len(part).to_bytes(8, "big") + part for part in parts])
    return hmac.digest(key, message, "sha256")


def _advice_written(advice: Mapping[str, tuple[Finding, ...]]) -> dict[str, list[Any]]:
    return {key: [_finding_written(f) for f in found] for key, found in advice.items()}


def _finding_written(finding: Finding) -> list[Any]:
    span = list(finding.span) if finding.span is not None else None
    return [
        finding.rule.value,
        finding.severity.value,
        finding.message,
        finding.subject,
        finding.hint,
        span,
        finding.command,
    ]


# --- reading -------------------------------------------------------------------------------


def rebuilt(
    snapshot: bytes,
    state: bytes,
    payloads: Sequence[bytes],
    *,
    relationship_id: str,
    deferred: bool = True,
) -> Relationship | None:
    """The relationship ``relationship_id`` of a verified snapshot, state and history (its
    events' payloads, in order), or ``None`` when they do not read back as this library
    writes them.

    ``deferred`` (a load): only the state's form is read now; every other attribute is
    read from the snapshot and the state the first time one is asked for (then a snapshot
    that does not read back is an :class:`~clientrecovery.InvalidDocument`). Without it (a
    verify, which compares them at once) all are read now, and ``None`` says they did not
    read back.
    """
    try:
        kept = _loads(state, "$", exact=False)
        if kept["format"] != FORMAT:
            return None
    except Exception:  # anything unusual: the store replays, and the full load explains
        return None
    made: Relationship = object.__new__(Relationship)
    made.__dict__.update(
        id=relationship_id,
        _log=history_of(payloads),
        _cache=None,
        _draft=False,
        _ended=None,  # found on the first findings(now), from the case itself
        _deferred=_Deferred(relationship_id, snapshot, kept, len(payloads)),
    )
    if not deferred:
        try:
            _Deferred.fill(made)
        except InvalidDocument:
            return None
    return made


class _Deferred:
    """The verified texts a rebuilt relationship reads its attributes from, the first time
    any of them is asked for (``Relationship.__getattr__`` calls :meth:`fill`)."""

    __slots__ = ("id", "kept", "size", "snapshot")

    names: ClassVar[frozenset[str]]
    """The attributes it reads (every one but those :func:`rebuilt` sets at once)."""

    def __init__(self, relationship_id: str, snapshot: bytes, kept: Any, size: int) -> None:
        self.id, self.snapshot, self.kept, self.size = relationship_id, snapshot, kept, size

    @staticmethod
    def fill(r: Relationship) -> None:
        """Read ``r``'s deferred attributes into it. Attributes it already holds are kept:
        a command's copy of a relationship not yet read holds its own changes beside the
        texts it was copied with.

        The filled attributes go into a new ``__dict__``, put in place at once: the one a
        pickle or a deep copy (in another thread) may be walking is never changed in size.
        """
        with _FILLING:
            deferred = r.__dict__.get("_deferred")
            if deferred is None:
                return
            try:
                values = deferred.values()
            except (RecursionError, MemoryError):  # the read's own conditions, not the file's
                raise
            except Exception:  # verified texts this library wrote: the file changed
                raise InvalidDocument(["a stored relationship cannot be read back @ $"]) from None
            held = r.__dict__  # (a finalizer run meanwhile, in this thread, may have read it)
            if "_deferred" not in held:
                return
            filled = held.copy()
            for name, value in values.items():
                filled.setdefault(name, value)
            del filled["_deferred"]
            object.__setattr__(r, "__dict__", filled)

    def values(self) -> dict[str, Any]:
        """Every deferred attribute, read from the snapshot and the state."""
        snapshot = self.snapshot
        document = _loads(snapshot, "$", exact=False)
        if self.size != document["version"] or document["id"] != self.id:
            raise ValueError("the snapshot is of another version or relationship")
        values = {name: _READERS[name](document[name]) for name in _READ_TOGETHER}
        plan: TurnaroundPlan | None = values.pop("plan")
        work = plan.initiatives if plan is not None else ()
        values["_issues"] = Chunks(values.pop("issues"))
        size = len(document["communications"])
        values["_communications"] = LazyLog(size, snapshot, _communications_of)
        values["_plan"] = replace(plan, initiatives=()) if plan is not None else None
        values["_work"] = Chunks(work)
        values.update(_kept(self.kept))
        values.update(_positions(values["_issues"], values["commitments"], work))
        return values


_Deferred.names = frozenset(covered() - _AT_ONCE)
_FILLING: Final = threading.RLock()
"""Held while a rebuilt relationship's attributes are read (one for all: a lock per case
would be one more object for the collector to walk). Re-entrant: a finalizer the collector
runs, or a signal handler, during a read may read another case not yet read."""


def _communications_of(snapshot: bytes) -> list[Any]:
    """The communications of a verified snapshot, read when first asked for."""
    document = _loads(snapshot, "$", exact=False)
    return list(_READERS["communications"](document["communications"]))


def _kept(kept: Mapping[str, Any]) -> dict[str, Any]:
    account = kept["account"]
    if account is not None and type(account) is not str:
        raise TypeError("account")
    return {
        "account": account,
        "_agreed_work": frozenset(_strings(kept["agreed_work"])),
        "_response_moves": tuple([_read_delay(move) for move in kept["response_moves"]]),
        "_plan_advice": _findings(kept["plan_advice"]),
        "_issue_advice": _advice(kept["issue_advice"]),
        "_promise_advice": _advice(kept["promise_advice"]),
        "_work_advice": _advice(kept["work_advice"]),
    }


def _advice(items: Any) -> dict[str, tuple[Finding, ...]]:
    return {key: _findings(found) for key, found in dict(items).items()}


def _positions(issues: Chunks[Any], commitments: Sequence[Any], work: Sequence[Any]) -> Any:
    """The indexes by id a replay keeps beside the items, made again from the items."""
    index = Index()
    for issue in issues:
        index = index.added(issue.id)
    for_issue: dict[str, list[str]] = {}
    for initiative in work:
        for issue_id in initiative.addresses:
            for_issue.setdefault(issue_id, []).append(initiative.id)
    return {
        "_issue_pos": index,
        "_commitment_pos": {c.id: n for n, c in enumerate(commitments)},
        "_initiative_pos": {i.id: n for n, i in enumerate(work)},
        "_work_for": {issue_id: tuple(ids) for issue_id, ids in for_issue.items()},
    }


def _strings(items: Any) -> list[str]:
    if type(items) is not list or any(type(item) is not str for item in items):
        raise TypeError("expected an array of strings")
    return items


def _findings(items: Any) -> tuple[Finding, ...]:
    if type(items) is not list:
        raise TypeError("expected an array of findings")
    found = []
    for rule, severity, message, subject, hint, span, command in items:
        found.append(
            Finding(
                Rule(rule),
                Severity(severity),
                message,
                subject=subject,
                hint=hint,
                span=(span[0], span[1]) if span is not None else None,
                command=command,
            )
        )
    return tuple(found)


@functools.cache
def _codec() -> Codec:
    """The readers and writers of the state's values, generated on first use."""
    return Codec({}, duration_from_str, duration_to_str, shared=(Policy,))


def _reader_of(name: str) -> Callable[[Any], Any]:
    """The reader of the snapshot field ``name``, as the attribute holding it is typed."""
    if name == "plan":
        return _codec().reader(TurnaroundPlan | None)
    tp = type_hints(Relationship)[_SNAPSHOT_HELD.get(name, name)]
    if typing.get_origin(tp) in (Chunks, AppendLog):
        tp = types.GenericAlias(tuple, (typing.get_args(tp)[0], ...))
    return _codec().reader(tp)


class _Readers(dict[str, Callable[[Any], Any]]):
    """The reader of each snapshot field, generated on the first lookup."""

    def __missing__(self, name: str) -> Callable[[Any], Any]:
        if name not in _FROM_SNAPSHOT:
            raise KeyError(name)
        self.update({field: _reader_of(field) for field in _FROM_SNAPSHOT})
        return self[name]


_READERS: Final = _Readers()


def _write_delay(move: DelayWarning) -> Any:
    return _codec().writer(DelayWarning)(move)


def _read_delay(value: Any) -> DelayWarning:
    return _codec().reader(DelayWarning)(value)  # type: ignore[no-any-return]
