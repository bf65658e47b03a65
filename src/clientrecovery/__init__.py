"""clientrecovery: a typed model of turning a dissatisfied client around.

The public API is re-exported here; see the documentation for the method and its rules.
"""

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
