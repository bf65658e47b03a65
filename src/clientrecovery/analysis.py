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
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any, Final, TypeVar, overload

from clientrecovery import _validate as v
from clientrecovery import events as ev
from clientrecovery.catalogue import Finding, Rule
from clientrecovery.clock import cadence_record
from clientrecovery.errors import ChronologyError, InvalidValue, RuleViolation
from clientrecovery.model import (
    CommitmentStatus,
    EndCause,
    ImpactKind,
    InitiativeStatus,
    IssueCategory,
    IssueStatus,
    Party,
    Quantification,
    Stage,
)
from clientrecovery.relationship import Relationship
from clientrecovery.rows import (
    CommitmentRow,
    EventRow,
    InitiativeRow,
    IssueRow,
    RelationshipRow,
    StageRow,
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

_DAY: Final = 86_400.0


# --- one relationship, read once --------------------------------------------------------


def _stages(r: Relationship) -> tuple[Stage, ...]:
    """The stage after each event, by replaying the history (cached on the relationship)."""

    def replay() -> tuple[Stage, ...]:
        history = r.history
        current = Relationship.replay(history[:1])
        stages = [current.stage]
        for event in history[1:]:
            current = current.apply(event)
            stages.append(current.stage)
        return tuple(stages)

    return r._cached("analysis.stages", replay)  # type: ignore[no-any-return]


def _days(start: datetime | None, end: datetime | None) -> float | None:
    if start is None or end is None:
        return None
    return (end - start).total_seconds() / _DAY


def _first(r: Relationship, kind: type[ev.Event]) -> datetime | None:
    return next((e.at for e in r.history if isinstance(e, kind)), None)


def _value(item: Enum | None) -> Any:
    return None if item is None else item.value


def _spells(r: Relationship) -> list[StageRow]:
    rows: list[StageRow] = []
    stages = _stages(r)
    entered = r.history[0].at
    for event, before, after in zip(r.history[1:], stages, stages[1:], strict=False):
        if after is not before:
            rows.append(_spell(r, before, entered, event.at))
            entered = event.at
    if not stages[-1].terminal:
        rows.append(_spell(r, stages[-1], entered, None))
    return rows


def _spell(r: Relationship, stage: Stage, entered: datetime, left: datetime | None) -> StageRow:
    return {
        "relationship_id": r.id,
        "stage": stage.value,
        "entered_at": entered,
        "left_at": left,
        "days": _days(entered, left),
    }


def _work(r: Relationship) -> list[InitiativeRow]:
    started: dict[str, datetime] = {}
    completed: dict[str, datetime] = {}
    for e in r.history:
        if isinstance(e, ev.InitiativeStarted):
            started.setdefault(e.initiative_id, e.at)
        elif isinstance(e, ev.InitiativeCompleted):
            completed[e.initiative_id] = e.at
    rows: list[InitiativeRow] = []
    plan = r.plan
    policy = r.policy
    for w in plan.initiatives if plan is not None else ():
        done = completed.get(w.id) if w.status is InitiativeStatus.DONE else None
        first_due = w.delays[0].previous_due if w.delays else w.due
        lead = None
        if w.delays:
            warning = w.delays[0]
            lead = (warning.previous_due - policy.local_date(warning.at)).days
        rows.append(
            {
                "relationship_id": r.id,
                "initiative_id": w.id,
                "title": w.title,
                "owner_party": w.owner_party.value,
                "priority": w.priority,
                "quick_win": w.quick_win,
                "status": w.status.value,
                "due": w.due,
                "first_due": first_due,
                "started_at": started.get(w.id),
                "completed_at": done,
                "on_time": None
                if done is None
                else (not w.delays and policy.local_date(done) <= w.due),
                "delay_warnings": len(w.delays),
                "first_warning_lead_days": None if lead is None else float(lead),
                "holds": len(w.holds),
                "days_on_hold": sum(h.business_days for h in w.holds),
            }
        )
    return rows


def _issues(r: Relationship) -> list[IssueRow]:
    raised: dict[str, datetime] = {}
    resolved: dict[str, datetime] = {}
    for e in r.history:
        if isinstance(e, ev.IssueRaised):
            raised[e.issue_id] = e.at
        elif isinstance(e, ev.IssueResolved):
            resolved[e.issue_id] = e.at
    rows: list[IssueRow] = []
    for i in r.issues:
        q = i.quantification
        metric: str | None
        if isinstance(q, Quantification):
            metric, value, unit = q.metric, float(q.value), q.unit
        else:  # words, or nothing
            metric, value, unit = q, None, None
        rows.append(
            {
                "relationship_id": r.id,
                "issue_id": i.id,
                "title": i.title,
                "category": i.category.value,
                "status": i.status.value,
                "late": i.late,
                "raised_at": raised.get(i.id),
                "resolved_at": resolved.get(i.id),
                "metric": metric,
                "value": value,
                "unit": unit,
            }
        )
    return rows


def _commitments(r: Relationship) -> list[CommitmentRow]:
    secured: dict[str, datetime] = {}
    settled: dict[str, datetime] = {}
    for e in r.history:
        if isinstance(e, ev.CommitmentSecured) and e.commitment.id is not None:
            secured[e.commitment.id] = e.at
        elif isinstance(e, ev.CommitmentFulfilled | ev.CommitmentBroken):
            settled[e.commitment_id] = e.at
    return [
        {
            "relationship_id": r.id,
            "commitment_id": c.id,
            "party": c.party.value,
            "description": c.description,
            "status": c.status.value,
            "due": c.due,
            "secured_at": secured.get(c.id or ""),
            "settled_at": settled.get(c.id or ""),
        }
        for c in r.commitments
    ]


def _events(r: Relationship) -> list[EventRow]:
    return [
        {
            "relationship_id": r.id,
            "version": n,
            "type": type(e).__name__,
            "at": e.at,
            "actor": e.actor,
            "stage": stage.value,
        }
        for n, (e, stage) in enumerate(zip(r.history, _stages(r), strict=True), start=1)
    ]


def _outcome(r: Relationship) -> str:
    if r.stage is Stage.RECOVERED:
        return "recovered"
    return "lost" if r.stage is Stage.LOST else "open"


def _follow_ups(r: Relationship) -> tuple[int, int]:
    """Status checks due and missed, from the start of recovery to its end (or the last
    event of a relationship still open)."""
    if r.recovering_since is None:
        return 0, 0
    end = r.ended_at or r.last_event.at
    scheduled, missed = cadence_record(r, r.policy.local_date(end))
    return len(scheduled), len(missed)


def _relationship(r: Relationship, work: Sequence[InitiativeRow]) -> RelationshipRow:
    stages = _stages(r)
    issues = r.issues
    assessment = r.assessment
    money = (
        sum(float(i.amount) for i in assessment.impacts if i.kind is ImpactKind.MONEY and i.amount)
        if assessment is not None
        else None
    )
    due, missed = _follow_ups(r)
    return {
        "id": r.id,
        "client": r.client,
        "account": r.account,
        "stage": r.stage.value,
        "outcome": _outcome(r),
        "raised_by": r.raised_by.value,
        "trigger_category": issues[0].category.value if issues else None,
        "timezone": r.policy.timezone,
        "opened_at": r.opened_at,
        "issues_agreed_at": _first(r, ev.IssuesAgreed),
        "plan_agreed_at": _first(r, ev.PlanAgreed),
        "ended_at": r.ended_at,
        "last_event_at": r.last_event.at,
        "lost_at_stage": stages[-2].value if r.stage is Stage.LOST and len(stages) > 1 else None,
        "end_cause": r.end_cause.value if r.end_cause is not None else None,
        "events": r.version,
        "issues": len(issues),
        "late_issues": sum(i.late for i in issues),
        "dropped_issues": sum(i.status is IssueStatus.DROPPED for i in issues),
        "plan_versions": r.plan_version,
        "initiatives": len(work),
        "initiatives_done": sum(w["completed_at"] is not None for w in work),
        "initiatives_on_time": sum(w["on_time"] is True for w in work),
        "delay_warnings": sum(w["delay_warnings"] for w in work),
        "holds": sum(w["holds"] for w in work),
        "follow_ups_due": due,
        "follow_ups_missed": missed,
        "contacts": sum(isinstance(e, ev.ClientContacted) for e in r.history),
        "money_at_stake": money,
    }


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
        work = _work(r)
        out["relationships"].append(_relationship(r, work))
        out["issues"].extend(_issues(r))
        out["initiatives"].extend(work)
        out["commitments"].extend(_commitments(r))
        out["events"].extend(_events(r))
        out["stages"].extend(_spells(r))
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
    return [_relationship(r, _work(r)) for r in _cases(relationships, where)]


def recovery_rate(relationships: Iterable[Relationship]) -> float | None:
    """Recovered relationships as a share of those that ended (recovered or lost); open ones
    do not count. ``None`` when none has ended."""
    outcomes = collections.Counter(_outcome(r) for r in _cases(relationships, "recovery_rate"))
    ended = outcomes["recovered"] + outcomes["lost"]
    return outcomes["recovered"] / ended if ended else None


def days_in_stage(relationships: Iterable[Relationship]) -> dict[str, tuple[float, ...]]:
    """For each stage, the length in days of every finished stay in it (a stay still under
    way is left out), in the method's order of stages."""
    spent: dict[str, list[float]] = {s.value: [] for s in Stage if not s.terminal}
    for r in _cases(relationships, "days_in_stage"):
        for spell in _spells(r):
            if spell["days"] is not None:
                spent[spell["stage"]].append(spell["days"])
    return {stage: tuple(days) for stage, days in spent.items()}


def _time_to(relationships: Iterable[Relationship], column: str, where: str) -> tuple[float, ...]:
    return tuple(
        d
        for row in _rows(relationships, where)
        if (d := _days(row["opened_at"], _column(row, column))) is not None
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
        if r.stage is Stage.RECOVERED and (d := _days(r.opened_at, r.ended_at)) is not None
    )


def on_time_rate(relationships: Iterable[Relationship]) -> float | None:
    """Completed initiatives done on time, as a share of completed initiatives: by the due
    date of the agreed plan, moved only by waits on the client, with no delay announced.
    ``None`` when no initiative is done."""
    cases = _cases(relationships, "on_time_rate")
    work = [w for r in cases for w in _work(r) if w["on_time"] is not None]
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
        d, m = _follow_ups(r)
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
