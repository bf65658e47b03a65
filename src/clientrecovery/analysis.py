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

import collections
import importlib
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from datetime import UTC, date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any, Final, TypeVar, overload

from clientrecovery import _case_rows as rows
from clientrecovery import _validate as v
from clientrecovery import events as ev
from clientrecovery.catalogue import Finding, Rule
from clientrecovery.errors import ChronologyError, InvalidValue, RuleViolation
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
    RelationshipRow,
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
T = TypeVar("T")
K = TypeVar("K", bound=Hashable)

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


def _cases(relationships: object, where: str) -> Iterator[Relationship]:
    """The relationships, one at a time (a stream stays a stream), each checked: a
    non-collection or an item that is not a Relationship is an InvalidValue naming
    ``where`` and the position."""
    given = v.collection(relationships, "an iterable of relationships", f"{where}(relationships)")

    def checked() -> Iterator[Relationship]:
        for position, r in enumerate(given):
            if not isinstance(r, Relationship):
                raise InvalidValue(f"{where}(relationships[{position}])", "must be a Relationship")
            yield r

    return checked()


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
    if table not in COLUMNS:
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


# --- metrics -------------------------------------------------------------------------------


def _column(row: RelationshipRow, name: str) -> Any:
    """A column of a row by a name known only at run time (checked against COLUMNS)."""
    plain: Mapping[str, Any] = row
    return plain[name]


def _rows(relationships: Iterable[Relationship], where: str) -> list[RelationshipRow]:
    """The relationships table alone."""
    return [rows.relationship(r, rows.work(r)) for r in _cases(relationships, where)]


def recovery_rate(relationships: Iterable[Relationship]) -> float | None:
    """Recovered relationships as a share of those that ended (recovered or lost); open ones
    do not count. ``None`` when none has ended."""
    outcomes = collections.Counter(rows.outcome(r) for r in _cases(relationships, "recovery_rate"))
    ended = outcomes["recovered"] + outcomes["lost"]
    return outcomes["recovered"] / ended if ended else None


def days_in_stage(relationships: Iterable[Relationship]) -> dict[str, tuple[float, ...]]:
    """For each stage, the length in days of every finished stay in it (a stay still under
    way is left out), in the method's order of stages."""
    spent: dict[str, list[float]] = {s.value: [] for s in Stage if not s.terminal}
    for r in _cases(relationships, "days_in_stage"):
        for spell in rows.spells(r):
            if spell["days"] is not None:
                spent[spell["stage"]].append(spell["days"])
    return {stage: tuple(days) for stage, days in spent.items()}


def _time_to(relationships: Iterable[Relationship], column: str, where: str) -> tuple[float, ...]:
    return tuple(
        d
        for row in _rows(relationships, where)
        if (d := rows.days(row["opened_at"], _column(row, column))) is not None
    )


def time_to_issue_agreement(relationships: Iterable[Relationship]) -> tuple[float, ...]:
    """Days from opening to the first agreement of the issue list (003 §3), for every
    relationship that got there."""
    return _time_to(relationships, "issues_agreed_at", "time_to_issue_agreement")


def time_to_plan_agreement(relationships: Iterable[Relationship]) -> tuple[float, ...]:
    """Days from opening to the client's first agreement of a plan (003 §8)."""
    return _time_to(relationships, "plan_agreed_at", "time_to_plan_agreement")


def time_to_close(relationships: Iterable[Relationship]) -> tuple[float, ...]:
    """Days from opening to closing as recovered; lost and open relationships are left out."""
    return tuple(
        d
        for r in _cases(relationships, "time_to_close")
        if r.stage is Stage.RECOVERED and (d := rows.days(r.opened_at, r.ended_at)) is not None
    )


def on_time_rate(relationships: Iterable[Relationship]) -> float | None:
    """Completed initiatives done on time, as a share of completed initiatives: by the due
    date of the agreed plan, moved only by waits on the client, with no delay announced.
    ``None`` when no initiative is done."""
    cases = _cases(relationships, "on_time_rate")
    work = [w for r in cases for w in rows.work(r) if w["on_time"] is not None]
    return sum(w["on_time"] is True for w in work) / len(work) if work else None


def warning_lead_times(relationships: Iterable[Relationship]) -> tuple[float, ...]:
    """For every delay warning, how many days before the due date it moved the client was
    told (negative: after it). The policy's ``min_warning_lead`` is the target (003 §9)."""
    leads: list[float] = []
    for r in _cases(relationships, "warning_lead_times"):
        policy = r.policy
        plan = r.plan
        for w in plan.initiatives if plan is not None else ():
            leads.extend((d.previous_due - policy.local_date(d.at)).days * 1.0 for d in w.delays)
    return tuple(leads)


def follow_up_adherence(relationships: Iterable[Relationship]) -> float | None:
    """Status checks done as a share of those the cadence asked for (003 §9), from the
    start of recovery to its end or the last event; ``None`` when none was due."""
    due = missed = 0
    for r in _cases(relationships, "follow_up_adherence"):
        d, m = rows.follow_ups(r)
        due += d
        missed += m
    return (due - missed) / due if due else None


def rules_broken(
    relationships: Iterable[Relationship] = (),
    *,
    now: datetime | None = None,
    refusals: Iterable[RuleViolation | Finding] = (),
) -> dict[str, int]:
    """How often each rule was broken, most often first.

    Counted from the refusals a caller recorded (each :class:`~clientrecovery.RuleViolation`
    counts every rule it names), and, when ``now`` is given, from the
    findings of the relationships as of ``now`` (a relationship whose last event is later
    is skipped).

    >>> from clientrecovery.examples import turnaround
    >>> from clientrecovery import Relationship
    >>> early = Relationship.replay(turnaround().history[:2])
    >>> try:
    ...     early.meet_client(at=early.last_event.at, willing=True)
    ... except RuleViolation as refused:
    ...     rules_broken(refusals=[refused])
    {'ALIGN_FIRST': 1}
    """
    counts: collections.Counter[str] = collections.Counter()
    given = v.collection(refusals, "an iterable of refusals and findings", "rules_broken(refusals)")
    for position, item in enumerate(given):
        if not isinstance(item, RuleViolation | Finding):
            raise InvalidValue(
                f"rules_broken(refusals[{position}])", "must be a RuleViolation or a Finding"
            )
        found = item.findings if isinstance(item, RuleViolation) else (item,)
        counts.update(f.rule.value for f in found)
    cases = _cases(relationships, "rules_broken")
    if now is not None:
        for r in cases:
            try:
                counts.update(f.rule.value for f in r.findings(now))
            except ChronologyError:
                continue
    return dict(sorted(counts.items(), key=lambda item: (-item[1], _order(item[0]))))


def _order(rule: str) -> int:
    return list(Rule).index(Rule(rule))


@overload
def grouped(
    metric: Callable[[list[Relationship]], T],
    relationships: Iterable[Relationship],
    by: Callable[[Relationship], K],
) -> dict[K, T]: ...


@overload
def grouped(
    metric: Callable[[list[Relationship]], T],
    relationships: Iterable[Relationship],
    by: str,
) -> dict[Any, T]: ...


def grouped(
    metric: Callable[[list[Relationship]], T],
    relationships: Iterable[Relationship],
    by: str | Callable[[Relationship], Hashable],
) -> dict[Any, T]:
    """``metric`` computed for each group of relationships, groups in order of appearance.

    ``by`` is a column of the relationships table (``"trigger_category"``, ``"raised_by"``,
    ``"outcome"``, ``"timezone"``...) or a function of the relationship. The keys are what
    ``by`` gives, typed as such: ``by=lambda r: r.policy.timezone`` gives a ``dict[str, T]``
    a type checker lets you sort; a column's values (``None`` where it is empty) are typed
    ``Any``.

    >>> from clientrecovery.examples import synthetic_portfolio
    >>> cases = synthetic_portfolio(40, seed=1)
    >>> rates = grouped(recovery_rate, cases, by=lambda r: r.policy.timezone)
    >>> sorted(rates)
    ['America/New_York', 'Asia/Singapore', 'Australia/Sydney', 'Europe/London', 'UTC']
    """
    relationships = list(_cases(relationships, "grouped"))
    if isinstance(by, str):
        if by not in COLUMNS["relationships"]:
            known = ", ".join(COLUMNS["relationships"])
            raise InvalidValue("grouped(by=...)", f"{by!r} is not a column ({known})")
        keys: list[Hashable] = [_column(row, by) for row in _rows(relationships, "grouped")]
    elif callable(by):
        keys = [by(r) for r in relationships]
    else:
        raise InvalidValue("grouped(by=...)", "must be a column name or a function")
    groups: dict[Hashable, list[Relationship]] = {}
    for key, r in zip(keys, relationships, strict=True):
        groups.setdefault(key, []).append(r)
    return {key: metric(members) for key, members in groups.items()}


# --- plots, from clientrecovery.plots on first use ---------------------------------------

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
