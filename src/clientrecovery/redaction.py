"""Pseudonymized copies of case histories, to share them without the people in them.

:func:`redact` replaces the relationship's id, the client's name, every person's name
(stakeholders, owners, approvers, audiences, actors), every e-mail address and every piece
of free text (triggers, titles, examples, notes, summaries, reasons...) by a pseudonym
derived from a secret key with HMAC-SHA-256. The same value gets the same pseudonym under
the same key, in every relationship, so a portfolio redacted with one key still shows that
two cases share a client or a person. Dates and times, stages, statuses, categories,
numbers, the ids of issues, initiatives, commitments and options, and the policy are kept,
so every metric of :mod:`clientrecovery.analysis` gives the same result; the redacted
history is replayed, so it still follows the method.

>>> from clientrecovery.examples import masterclass
>>> case = redact(masterclass(), key="a secret only the sharer knows")
>>> case.client, case.history[0].actor
('Client 5ed6e30b', 'Person b48092be')
>>> case.stage.name, case.version, case.issues[0].category.value
('RECOVERED', 39, 'quality')
"""

from __future__ import annotations

import hashlib
import hmac
import re
import typing
from typing import Any, Final

import attrs

from clientrecovery import events as ev
from clientrecovery import model
from clientrecovery.errors import InvalidValue
from clientrecovery.relationship import Relationship
from clientrecovery.serialization import SCHEMA_VERSION, _event_dict, from_dict

__all__ = ["redact"]

_STRUCTURE: Final = frozenset(
    {
        "id",
        "issue_id",
        "initiative_id",
        "commitment_id",
        "option_id",
        "chosen_option",
        "addresses",
        "currency",
        "channel",
        "unit",
        "policy",
    }
)
"""Text fields that are structure, not content: ids, references, units, the policy."""
_PEOPLE: Final = frozenset({"actor", "approved_by", "owner", "name", "audience"})
"""Text fields that hold people's names."""


def _text_fields() -> frozenset[str]:
    """Every field of the model and its events that holds text, read from the classes."""
    names: set[str] = set()
    for module in (model, ev):
        for item in vars(module).values():
            if isinstance(item, type) and attrs.has(item) and item.__module__ == module.__name__:
                hints = typing.get_type_hints(item)
                names.update(f.name for f in attrs.fields(item) if "str" in str(hints[f.name]))
    return frozenset(names - _STRUCTURE)


_CONTENT: Final = _text_fields()
"""Text fields whose strings are replaced."""
_EMAIL: Final = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")


class _Pseudonyms:
    def __init__(self, key: bytes) -> None:
        self.key = key

    def tag(self, kind: str, value: str) -> str:
        digest = hmac.new(self.key, f"{kind}\x1f{value}".encode(), hashlib.sha256)
        return digest.hexdigest()[:8]

    def person(self, value: str) -> str:
        if not value:
            return value
        if _EMAIL.fullmatch(value.strip()):
            return f"person-{self.tag('email', value.strip().lower())}@example.invalid"
        return f"Person {self.tag('person', value.strip())}"

    def text(self, value: str) -> str:
        return f"[text {self.tag('text', value)}]" if value else value

    def walk(self, value: Any, key: str) -> Any:
        """Replace the strings of content fields, anywhere in an event's JSON tree."""
        if isinstance(value, dict):
            return {k: v if k in _STRUCTURE else self.walk(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [self.walk(v, key) for v in value]
        if not isinstance(value, str) or key not in _CONTENT:
            return value  # times, numbers, enums, booleans, null
        return self.person(value) if key in _PEOPLE else self.text(value)


def redact(relationship: Relationship, key: str | bytes) -> Relationship:
    """A copy of ``relationship`` with people, the client, e-mail addresses and free text
    replaced by pseudonyms derived from ``key`` (see the module's description).

    Raises:
        InvalidValue: ``relationship`` is not a Relationship, or ``key`` is empty.
    """
    if not isinstance(relationship, Relationship):
        raise InvalidValue("redact(relationship)", "must be a Relationship")
    secret: object = key  # callers without a type checker may pass anything
    if not isinstance(secret, str | bytes) or not secret:
        raise InvalidValue("redact(key=...)", "must be a non-empty string or bytes")
    names = _Pseudonyms(secret.encode() if isinstance(secret, str) else secret)
    history = [_event_dict(event) for event in relationship.history]
    opened = history[0]
    opened_id, client = opened["id"], opened["client"]
    redacted = [names.walk(event, "") for event in history]
    redacted[0]["id"] = f"case-{names.tag('case', opened_id)}"
    redacted[0]["client"] = f"Client {names.tag('client', client.strip())}"
    return from_dict({"schema_version": SCHEMA_VERSION, "history": redacted})
