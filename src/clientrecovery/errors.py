"""The exceptions :mod:`clientrecovery` raises.

Every error derives from one base, so ``except ClientRecoveryError`` catches all of them,
and each branch also derives from the nearest built-in a caller might already catch::

    ClientRecoveryError (Exception)
    ├── RuleViolation              a command breaks one or more rules of the method
    │   └── ChronologyError (ValueError)   ``at`` is naive, or earlier than the last event
    ├── UnknownItem (KeyError)     no issue, commitment, initiative or option with that id
    ├── InvalidValue (ValueError, TypeError)   a value of the wrong type, empty or out of range
    ├── InvalidDocument (ValueError)           serialized input that cannot be loaded
    ├── StaleVersion               a save based on an out-of-date copy (optimistic concurrency)
    └── StoreError                 a store that cannot be opened: missing, foreign or too new

Messages say what failed, on what, why (rule id and article step) and what to do next; the
same data is on attributes so code can act on it without parsing text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clientrecovery.catalogue import Finding

__all__ = [
    "ChronologyError",
    "ClientRecoveryError",
    "InvalidDocument",
    "InvalidValue",
    "RuleViolation",
    "StaleVersion",
    "StoreError",
    "UnknownItem",
]


class ClientRecoveryError(Exception):
    """Base class of every error raised by :mod:`clientrecovery`."""


class RuleViolation(ClientRecoveryError):
    """A command was refused because it breaks rules of the method.

    Attributes:
        command: The name of the refused command, for example ``"propose_plan"``.
        findings: Every ERROR-level finding of the command, not only the first.
    """

    command: str
    findings: tuple[Finding, ...]

    def __init__(self, command: str, findings: Sequence[Finding]) -> None:
        self.command = command
        self.findings = tuple(findings)
        lines = [f"{command} refused: {_count(len(self.findings), 'rule')} broken"]
        lines.extend(f"  {finding}" for finding in self.findings)
        super().__init__("\n".join(lines))

    @property
    def rules(self) -> tuple[str, ...]:
        """The ids of the broken rules, in the order of :attr:`findings`."""
        return tuple(finding.rule.value for finding in self.findings)


class ChronologyError(RuleViolation, ValueError):
    """``at`` is naive, or earlier than the relationship's last recorded event.

    It is a :class:`RuleViolation` (its findings include a ``CHRONOLOGY`` finding and any
    other rule the command breaks) and a :class:`ValueError`.
    """


class UnknownItem(ClientRecoveryError, KeyError):
    """No item of that kind has that id.

    Attributes:
        kind: What was looked for: ``"issue"``, ``"commitment"``, ``"initiative"``,
            ``"option"`` or ``"command"``.
        item_id: The id that was not found.
        known: The ids that do exist, to help spot a typo.
    """

    kind: str
    item_id: str
    known: tuple[str, ...]

    def __init__(self, kind: str, item_id: str, known: Sequence[str] = ()) -> None:
        self.kind = kind
        self.item_id = item_id
        self.known = tuple(known)
        listing = ", ".join(self.known[:20]) + (", …" if len(self.known) > 20 else "")
        hint = f"known: {listing}" if self.known else f"there is no {kind} yet"
        super().__init__(f"unknown {kind} {item_id!r} ({hint})")

    def __str__(self) -> str:
        # KeyError.__str__ would quote the whole message; show it as written.
        return str(self.args[0])


class InvalidValue(ClientRecoveryError, ValueError, TypeError):
    """A value handed to a constructor or command is of the wrong type, empty or out of range.

    It is both a :class:`ValueError` and a :class:`TypeError`, so code written against
    either built-in keeps working.

    Attributes:
        field: Where the value was given, for example ``"Initiative.owner"`` or
            ``"raise_issue(title=...)"``.
    """

    field: str

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        super().__init__(f"{field}: {problem}")


class InvalidDocument(ClientRecoveryError, ValueError):
    """Serialized input that cannot be loaded.

    Attributes:
        problems: Every problem found, each as ``"what is wrong @ $.json.path"``.
    """

    problems: tuple[str, ...]

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        header = f"invalid document: {_count(len(self.problems), 'problem')}"
        super().__init__("\n".join([header, *(f"  {p}" for p in self.problems)]))


class StaleVersion(ClientRecoveryError):
    """A save was based on a copy of the relationship that is no longer the stored one.

    Someone else saved first (or the copy's history differs from the stored one). Load the
    relationship again, re-apply the change, and save with the new version.

    Attributes:
        relationship_id: The relationship concerned.
        expected: The version the caller based the change on.
        actual: The version stored now.
    """

    relationship_id: str
    expected: int
    actual: int

    def __init__(self, relationship_id: str, expected: int, actual: int, why: str = "") -> None:
        self.relationship_id = relationship_id
        self.expected = expected
        self.actual = actual
        reason = why or (
            f"expected version {expected}, but version {actual} is stored; load it again,"
            " re-apply the change and save with expected_version"
            f"={actual}"
        )
        super().__init__(f"stale save of relationship {relationship_id!r}: {reason}")


class StoreError(ClientRecoveryError):
    """A store cannot be opened or used: missing, not a clientrecovery store, or written by a
    newer version of the library."""


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
