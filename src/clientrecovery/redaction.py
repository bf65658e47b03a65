"""Pseudonymized copies of case histories, to share them without the people in them.

:func:`redact` replaces the relationship's id, the client's name, every person's name
(stakeholders, owners, approvers, audiences, actors), every e-mail address, every piece of
free text (triggers, titles, examples, notes, summaries, reasons, channels, units...), the
ids a user chose (of issues, initiatives, commitments and options) and a team's own guidance
phrases by pseudonyms derived from a secret key with HMAC-SHA-256, 64 bits each. The same
value gets the same pseudonym under the same key, in every relationship, so a portfolio
redacted with one key still shows that two cases share a client or a person, and every
reference still points at its item. Dates and times, stages, statuses, categories, numbers,
currencies, the ids the library assigned itself (``I1``, ``C1``...) and the rest of the
policy are kept, so every metric of :mod:`clientrecovery.analysis` gives the same result;
the redacted history is replayed, so it still follows the method.

The key must be high-entropy (at least 16 random bytes, kept secret): a pseudonym is a keyed
hash, and whoever knows or guesses the key can hash candidate names and recognize them.

>>> from clientrecovery.examples import masterclass
>>> case = redact(masterclass(), key="a secret only the sharer knows")
>>> case.client, case.history[0].actor
('Client 5ed6e30bad4cffea', 'Person b48092bec8a2de37')
>>> case.stage.name, case.version, case.issues[0].category.value
('RECOVERED', 39, 'quality')
"""

from __future__ import annotations

import hashlib
import hmac
import re
from typing import Any, Final

import attrs

from clientrecovery import events as ev
from clientrecovery import model
from clientrecovery._codec import type_hints
from clientrecovery.errors import InvalidValue
from clientrecovery.relationship import Relationship
from clientrecovery.serialization import SCHEMA_VERSION, _event_dict, from_dict

__all__ = ["MIN_KEY", "redact"]

_IDS: Final = frozenset(
    {
        "id",
        "issue_id",
        "initiative_id",
        "commitment_id",
        "option_id",
        "chosen_option",
        "addresses",
    }
)
"""Text fields that hold ids: references, kept consistent, replaced unless the library's own."""
_STRUCTURE: Final = frozenset({"currency", "policy", *_IDS})
"""Text fields that are not free text: ids, references, the currency, the policy."""
_OWN_ID: Final = re.compile(r"[A-Z]\d{1,6}")
"""The ids the library assigns itself (I1, C2...): nothing personal, so kept as they are."""
MIN_KEY: Final = 16
"""The shortest key :func:`redact` takes, in bytes (it must be random too: see there)."""
_PEOPLE: Final = frozenset({"actor", "approved_by", "owner", "name", "audience"})
"""Text fields that hold people's names."""


def _text_fields() -> frozenset[str]:
    """Every field of the model and its events that holds text, read from the classes."""
    names: set[str] = set()
    for module in (model, ev):  # every class each exports, wherever it is defined
        for item in (getattr(module, name) for name in module.__all__):
            if isinstance(item, type) and attrs.has(item):
                hints = type_hints(item)
                names.update(f.name for f in attrs.fields(item) if "str" in str(hints[f.name]))
    return frozenset(names - _STRUCTURE)


_CONTENT: Final = _text_fields()
"""Text fields whose strings are replaced."""
_EMAIL: Final = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")


class _Pseudonyms:
    def __init__(self, key: bytes) -> None:
        self.key = key

    def tag(self, kind: str, value: str) -> str:
        """64 bits of HMAC-SHA-256 (16 hex digits): no two values of a portfolio collide."""
        digest = hmac.new(self.key, f"{kind}\x1f{value}".encode(), hashlib.sha256)
        return digest.hexdigest()[:16]

    def person(self, value: str) -> str:
        if not value:
            return value
        if _EMAIL.fullmatch(value.strip()):
            return f"person-{self.tag('email', value.strip().lower())}@example.invalid"
        return f"Person {self.tag('person', value.strip())}"

    def text(self, value: str) -> str:
        return f"[text {self.tag('text', value)}]" if value else value

    def ident(self, value: Any) -> Any:
        """An id, or a list of them: the library's own kept, a user's replaced alike."""
        if isinstance(value, list):
            return [self.ident(v) for v in value]
        if not isinstance(value, str) or _OWN_ID.fullmatch(value):
            return value
        return f"id-{self.tag('id', value)}"

    def policy(self, value: Any) -> Any:
        """The policy as it is, but a team's own guidance phrases, which are content."""
        if not isinstance(value, dict) or not value.get("guidance_phrases"):
            return value
        phrases = {
            rule: [self.text(p) for p in found] for rule, found in value["guidance_phrases"].items()
        }
        return {**value, "guidance_phrases": phrases}

    def walk(self, value: Any, key: str) -> Any:
        """Replace the strings of content fields, anywhere in an event's JSON tree."""
        if isinstance(value, dict):
            return {k: self.field(k, v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.walk(v, key) for v in value]
        if not isinstance(value, str) or key not in _CONTENT:
            return value  # times, numbers, enums, booleans, null
        return self.person(value) if key in _PEOPLE else self.text(value)

    def field(self, key: str, value: Any) -> Any:
        if key in _IDS:
            return self.ident(value)
        if key == "policy":
            return self.policy(value)
        if key in _STRUCTURE:
            return value
        return self.walk(value, key)


def redact(relationship: Relationship, key: str | bytes) -> Relationship:
    """A copy of ``relationship`` with people, the client, e-mail addresses and free text
    replaced by pseudonyms derived from ``key`` (see the module's description).

    The key must be high-entropy: at least :data:`MIN_KEY` bytes, and random (from
    :func:`secrets.token_bytes`, say), kept by whoever shares. A pseudonym is a keyed hash,
    so whoever knows or guesses the key can hash candidate names and find them.

    Raises:
        InvalidValue: ``relationship`` is not a Relationship, or ``key`` is shorter than
            :data:`MIN_KEY` bytes.
    """
    if not isinstance(relationship, Relationship):
        raise InvalidValue("redact(relationship)", "must be a Relationship")
    secret: object = key  # callers without a type checker may pass anything
    if not isinstance(secret, str | bytes):
        raise InvalidValue("redact(key=...)", "must be a string or bytes: a random secret")
    try:
        raw = secret.encode() if isinstance(secret, str) else secret
    except UnicodeEncodeError as bad:
        raise InvalidValue(
            "redact(key=...)",
            f"holds a lone surrogate at {bad.start}, which UTF-8 cannot encode: give bytes",
        ) from None
    if len(raw) < MIN_KEY:
        raise InvalidValue(
            "redact(key=...)",
            f"must be at least {MIN_KEY} bytes of a random secret, got {len(raw)}: anyone who"
            " guesses the key can test names against the pseudonyms",
        )
    names = _Pseudonyms(raw)
    history = [_event_dict(event) for event in relationship.history]
    opened = history[0]
    opened_id, client = opened["id"], opened["client"]
    redacted = [names.walk(event, "") for event in history]
    redacted[0]["id"] = f"case-{names.tag('case', opened_id)}"
    redacted[0]["client"] = f"Client {names.tag('client', client.strip())}"
    return from_dict({"schema_version": SCHEMA_VERSION, "history": redacted})
