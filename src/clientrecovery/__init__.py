"""clientrecovery: a typed model of turning a dissatisfied client around.

The public API is re-exported here; see the documentation for the method and its rules.
Each name is imported from its module on first use, so ``import clientrecovery`` (and the
command line, which starts here) costs little more than starting Python.
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at run time
if TYPE_CHECKING:  # pragma: no cover - what the type checker and editors see
    from typing import Any

    from clientrecovery.catalogue import Finding, NextAction, Rule, Severity
    from clientrecovery.errors import (
        ChronologyError,
        ClientRecoveryError,
        InvalidDocument,
        InvalidValue,
        RuleViolation,
        StaleVersion,
        StoreError,
        UnknownItem,
    )
    from clientrecovery.events import Event
    from clientrecovery.model import (
        Alignment,
        Assessment,
        Commitment,
        CommitmentStatus,
        Communication,
        CommunicationKind,
        CostChange,
        DelayWarning,
        EndCause,
        Hold,
        Impact,
        ImpactKind,
        Initiative,
        InitiativeStatus,
        Issue,
        IssueCategory,
        IssueStatus,
        Party,
        Quantification,
        ResolutionOption,
        Stage,
        Stakeholder,
        TurnaroundPlan,
    )
    from clientrecovery.policy import Cadence, Policy
    from clientrecovery.redaction import redact
    from clientrecovery.relationship import Relationship
    from clientrecovery.serialization import (
        dump_jsonl,
        from_dict,
        from_json,
        json_schema,
        load_jsonl,
        to_dict,
        to_json,
    )
    from clientrecovery.stages import mermaid
    from clientrecovery.storage import Erasure, Store, StoredEvent
    from clientrecovery.store import SQLiteStore

_WHERE: dict[str, str] = {
    "Finding": "clientrecovery.catalogue",
    "NextAction": "clientrecovery.catalogue",
    "Rule": "clientrecovery.catalogue",
    "Severity": "clientrecovery.catalogue",
    "ChronologyError": "clientrecovery.errors",
    "ClientRecoveryError": "clientrecovery.errors",
    "InvalidDocument": "clientrecovery.errors",
    "InvalidValue": "clientrecovery.errors",
    "RuleViolation": "clientrecovery.errors",
    "StaleVersion": "clientrecovery.errors",
    "StoreError": "clientrecovery.errors",
    "UnknownItem": "clientrecovery.errors",
    "Event": "clientrecovery.events",
    "Alignment": "clientrecovery.model",
    "Assessment": "clientrecovery.model",
    "Commitment": "clientrecovery.model",
    "CommitmentStatus": "clientrecovery.model",
    "Communication": "clientrecovery.model",
    "CommunicationKind": "clientrecovery.model",
    "CostChange": "clientrecovery.model",
    "DelayWarning": "clientrecovery.model",
    "EndCause": "clientrecovery.model",
    "Hold": "clientrecovery.model",
    "Impact": "clientrecovery.model",
    "ImpactKind": "clientrecovery.model",
    "Initiative": "clientrecovery.model",
    "InitiativeStatus": "clientrecovery.model",
    "Issue": "clientrecovery.model",
    "IssueCategory": "clientrecovery.model",
    "IssueStatus": "clientrecovery.model",
    "Party": "clientrecovery.model",
    "Quantification": "clientrecovery.model",
    "ResolutionOption": "clientrecovery.model",
    "Stage": "clientrecovery.model",
    "Stakeholder": "clientrecovery.model",
    "TurnaroundPlan": "clientrecovery.model",
    "Cadence": "clientrecovery.policy",
    "Policy": "clientrecovery.policy",
    "redact": "clientrecovery.redaction",
    "Relationship": "clientrecovery.relationship",
    "dump_jsonl": "clientrecovery.serialization",
    "from_dict": "clientrecovery.serialization",
    "from_json": "clientrecovery.serialization",
    "json_schema": "clientrecovery.serialization",
    "load_jsonl": "clientrecovery.serialization",
    "to_dict": "clientrecovery.serialization",
    "to_json": "clientrecovery.serialization",
    "mermaid": "clientrecovery.stages",
    "Erasure": "clientrecovery.storage",
    "Store": "clientrecovery.storage",
    "StoredEvent": "clientrecovery.storage",
    "SQLiteStore": "clientrecovery.store",
}
"""The module each public name lives in."""

__all__ = [
    "Alignment",
    "Assessment",
    "Cadence",
    "ChronologyError",
    "ClientRecoveryError",
    "Commitment",
    "CommitmentStatus",
    "Communication",
    "CommunicationKind",
    "CostChange",
    "DelayWarning",
    "EndCause",
    "Erasure",
    "Event",
    "Finding",
    "Hold",
    "Impact",
    "ImpactKind",
    "Initiative",
    "InitiativeStatus",
    "InvalidDocument",
    "InvalidValue",
    "Issue",
    "IssueCategory",
    "IssueStatus",
    "NextAction",
    "Party",
    "Policy",
    "Quantification",
    "Relationship",
    "ResolutionOption",
    "Rule",
    "RuleViolation",
    "SQLiteStore",
    "Severity",
    "Stage",
    "Stakeholder",
    "StaleVersion",
    "Store",
    "StoreError",
    "StoredEvent",
    "TurnaroundPlan",
    "UnknownItem",
    "dump_jsonl",
    "from_dict",
    "from_json",
    "json_schema",
    "load_jsonl",
    "mermaid",
    "redact",
    "to_dict",
    "to_json",
]

__version__ = "0.1.0.dev0"


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first use (PEP 562), then keep it here."""
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'clientrecovery' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
