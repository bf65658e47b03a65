"""Case histories for analysts: tidy rows, DataFrames, and metrics over many relationships.

**Rows.** :func:`tables` turns relationships into six tables of plain dicts, one row per
relationship, issue, initiative, commitment, event and stage spell (a stretch of time in
one stage). Enums are written by value, times as aware datetimes. The columns of each table
are declared in :data:`COLUMNS`.

**DataFrames.** With the ``analysis`` extra (pandas) installed, :func:`frames` and
:func:`to_frame` give the same tables as DataFrames with proper dtypes: timestamps in UTC,
dates as dates (both to the microsecond, ``datetime64[us]``), categoricals for enums
(``stage`` ordered as the method), nullable integers and booleans. Importing this module
never imports pandas.

**Plots.** With the ``notebook`` extra (matplotlib), :func:`stage_funnel`,
:func:`time_in_stage`, :func:`recovery_by_trigger`, :func:`recovery_by_end_cause` and
:func:`on_time_over_time` each draw a ``Figure`` (from :mod:`clientrecovery.plots`, imported
on first use; importing this module never imports matplotlib).

**Metrics.** Functions of many relationships, each defined in its docstring:
:func:`recovery_rate`, :func:`days_in_stage`, :func:`time_to_issue_agreement`,
:func:`time_to_plan_agreement`, :func:`time_to_close`, :func:`on_time_rate`,
:func:`warning_lead_times`, :func:`follow_up_adherence` and :func:`rules_broken`.
:func:`grouped` runs any of them per group: by a column of the relationships table (such
as ``"trigger_category"``) or by a function of the relationship.

>>> from clientrecovery.examples import stories
>>> cases = stories()
>>> recovery_rate(cases)
0.75
>>> grouped(recovery_rate, cases, by="trigger_category")
{'quality': 0.5, 'budget': 1.0, 'deadline': 1.0}
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any, Final

from clientrecovery import _case_rows as rows
from clientrecovery import _validate as v
from clientrecovery import events as ev
from clientrecovery._metrics import (
    _cases,
    days_in_stage,
    follow_up_adherence,
    grouped,
    on_time_rate,
    recovery_rate,
    rules_broken,
    time_to_close,
    time_to_issue_agreement,
    time_to_plan_agreement,
    warning_lead_times,
)
from clientrecovery.errors import InvalidValue
from clientrecovery.model import (
    CommitmentStatus,
    EndCause,
    InitiativeStatus,
    IssueCategory,
    IssueStatus,
    Party,
    Stage,
)
from clientrecovery.relationship import Relationship
from clientrecovery.rows import (
    Tables,
)

if TYPE_CHECKING:  # pragma: no cover - only for the type checker
    import pandas as pd

    from clientrecovery.plots import (
        on_time_over_time,
        recovery_by_end_cause,
        recovery_by_trigger,
        stage_funnel,
        time_in_stage,
    )

__all__ = [
    "COLUMNS",
    "OUTCOMES",
    "days_in_stage",
    "follow_up_adherence",
    "frames",
    "grouped",
    "on_time_over_time",
    "on_time_rate",
    "recovery_by_end_cause",
    "recovery_by_trigger",
    "recovery_rate",
    "rules_broken",
    "stage_funnel",
    "tables",
    "time_in_stage",
    "time_to_close",
    "time_to_issue_agreement",
    "time_to_plan_agreement",
    "to_frame",
    "warning_lead_times",
]

Row = dict[str, Any]
OUTCOMES: Final = ("recovered", "lost", "open")
"""The values of the relationships table's ``outcome`` column."""

_EVENT_TYPES: Final = tuple(cls.__name__ for cls in ev.EVENT_TYPES)

COLUMNS: Final[Mapping[str, Mapping[str, Any]]] = {
    "relationships": {
        "id": str,
        "client": str,
        "account": str,
        "stage": Stage,
        "outcome": OUTCOMES,
        "raised_by": Party,
        "trigger_category": IssueCategory,
        "timezone": str,
        "opened_at": datetime,
        "issues_agreed_at": datetime,
        "plan_agreed_at": datetime,
        "ended_at": datetime,
        "last_event_at": datetime,
        "lost_at_stage": Stage,
        "end_cause": EndCause,
        "events": int,
        "issues": int,
        "late_issues": int,
        "dropped_issues": int,
        "plan_versions": int,
        "initiatives": int,
        "initiatives_done": int,
        "initiatives_on_time": int,
        "delay_warnings": int,
        "holds": int,
        "follow_ups_due": int,
        "follow_ups_missed": int,
        "contacts": int,
        "money_at_stake": float,
    },
    "issues": {
        "relationship_id": str,
        "issue_id": str,
        "title": str,
        "category": IssueCategory,
        "status": IssueStatus,
        "late": bool,
        "raised_at": datetime,
        "resolved_at": datetime,
        "metric": str,
        "value": float,
        "unit": str,
    },
    "initiatives": {
        "relationship_id": str,
        "initiative_id": str,
        "title": str,
        "owner_party": Party,
        "priority": int,
        "quick_win": bool,
        "status": InitiativeStatus,
        "due": date,
        "first_due": date,
        "started_at": datetime,
        "completed_at": datetime,
        "on_time": bool,
        "delay_warnings": int,
        "first_warning_lead_days": float,
        "holds": int,
        "days_on_hold": int,
    },
    "commitments": {
        "relationship_id": str,
        "commitment_id": str,
        "party": Party,
        "description": str,
        "status": CommitmentStatus,
        "due": date,
        "secured_at": datetime,
        "settled_at": datetime,
    },
    "events": {
        "relationship_id": str,
        "version": int,
        "type": _EVENT_TYPES,
        "at": datetime,
        "actor": str,
        "stage": Stage,
    },
    "stages": {
        "relationship_id": str,
        "stage": Stage,
        "entered_at": datetime,
        "left_at": datetime,
        "days": float,
    },
}
"""Each table's columns and their kinds: a Python type, an enum (written by value), or a
tuple of the allowed strings. Every value may also be ``None``."""


def tables(relationships: Iterable[Relationship]) -> Tables:
    """The six tables of :data:`COLUMNS` as lists of plain dicts, in the given order.

    >>> from clientrecovery.examples import design_firm
    >>> t = tables([design_firm()])
    >>> {name: len(rows) for name, rows in t.items()}
    {'relationships': 1, 'issues': 1, 'initiatives': 0, 'commitments': 0, 'events': 8, 'stages': 2}
    >>> t["relationships"][0]["lost_at_stage"]
    'discovery'
    """
    out: Tables = {
        "relationships": [],
        "issues": [],
        "initiatives": [],
        "commitments": [],
        "events": [],
        "stages": [],
    }
    for r in _cases(relationships, "tables"):
        work = rows.work(r)
        out["relationships"].append(rows.relationship(r, work))
        out["issues"].extend(rows.issues(r))
        out["initiatives"].extend(work)
        out["commitments"].extend(rows.commitments(r))
        out["events"].extend(rows.events(r))
        out["stages"].extend(rows.spells(r))
    return out


# --- DataFrames ----------------------------------------------------------------------------


def _pandas() -> Any:
    try:
        return importlib.import_module("pandas")
    except ImportError:
        raise ImportError(
            "DataFrames need pandas: install the analysis extra,"
            " pip install 'clientrecovery[analysis]' (rows from tables() need nothing)"
        ) from None


def to_frame(rows: Iterable[Mapping[str, Any]], table: str) -> pd.DataFrame:
    """One table's rows as a DataFrame with the dtypes :data:`COLUMNS` declares.

    Raises:
        ImportError: pandas is not installed (the ``analysis`` extra).
        InvalidValue: ``table`` is not one of :data:`COLUMNS`.
    """
    named: object = table  # an unhashable table (a list) would fail the lookup itself
    if not isinstance(named, str) or named not in COLUMNS:
        raise InvalidValue("to_frame(table=...)", f"must be one of {', '.join(COLUMNS)}")
    pandas = _pandas()
    columns = COLUMNS[table]
    rows = v.tuple_of(rows, Mapping, "to_frame(rows)")
    data = {}
    for name, kind in columns.items():
        values = [row.get(name) for row in rows]
        data[name] = _series(pandas, values, kind)
    frame: pd.DataFrame = pandas.DataFrame(data, columns=list(columns))
    return frame


def _series(pd: Any, values: list[Any], kind: Any) -> Any:
    if isinstance(kind, type) and issubclass(kind, Enum):
        categories = [m.value for m in kind]
        return pd.Categorical(values, categories=categories, ordered=kind is Stage)
    if isinstance(kind, tuple):
        return pd.Categorical(values, categories=list(kind))
    if kind is datetime or kind is date:
        # Microseconds, as Python's own: lossless, and good for the years a case is recorded
        # in, past pandas' nanosecond limit of 2262. Built with numpy, because pandas 2
        # converts Python objects to nanoseconds first and fails on such a date.
        numpy = importlib.import_module("numpy")
        if kind is datetime:
            values = [None if t is None else t.astimezone(UTC).replace(tzinfo=None) for t in values]
        column = pd.Series(numpy.array(values, dtype="datetime64[us]"))
        return column.dt.tz_localize("UTC") if kind is datetime else column
    dtype = {int: "Int64", float: "Float64", bool: "boolean", str: "string"}[kind]
    return pd.array(values, dtype=dtype)


def frames(relationships: Iterable[Relationship]) -> dict[str, pd.DataFrame]:
    """The six tables of :func:`tables` as DataFrames (needs the ``analysis`` extra)."""
    _pandas()  # fail before the work, not after
    made: Mapping[str, Any] = tables(relationships)
    return {name: to_frame(rows, name) for name, rows in made.items()}


_PLOTS: Final = frozenset(
    {
        "on_time_over_time",
        "recovery_by_end_cause",
        "recovery_by_trigger",
        "stage_funnel",
        "time_in_stage",
    }
)


def __getattr__(name: str) -> Any:
    if name in _PLOTS:
        from clientrecovery import plots

        return getattr(plots, name)
    raise AttributeError(f"module 'clientrecovery.analysis' has no attribute {name!r}")
