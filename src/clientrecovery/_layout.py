"""The layout of a document (private): its version, its fields, how durations are written,
and the upgrades that bring an older version's document up to date.

See :mod:`clientrecovery.serialization`, which re-exports the public names.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Mapping
from datetime import timedelta
from typing import Any, Final

from clientrecovery._jsontext import _json_type
from clientrecovery.errors import InvalidDocument

__all__ = [
    "SCHEMA_VERSION",
    "SNAPSHOT_FIELDS",
    "UPGRADES",
    "Upgrade",
    "duration_from_str",
    "duration_to_str",
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
    try:
        return timedelta(days=d, hours=h, minutes=m, seconds=s)
    except OverflowError:
        raise ValueError(
            f"{text!r} is longer than a duration can be (999,999,999 days at most)"
        ) from None


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
