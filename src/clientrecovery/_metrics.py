"""The metrics of :mod:`clientrecovery.analysis`: functions of many relationships.

Each is defined in its docstring and documented (and imported) as
``clientrecovery.analysis.<name>``; this module keeps them apart from the tables and
DataFrames they are counted from, so either part reads on its own.
"""

from __future__ import annotations

import collections
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from datetime import datetime
from typing import Any, Final, TypeVar, overload

from clientrecovery import _case_rows as rows
from clientrecovery import _validate as v
from clientrecovery.catalogue import Finding, Rule
from clientrecovery.errors import ChronologyError, InvalidValue, RuleViolation
from clientrecovery.model import Stage
from clientrecovery.relationship import Relationship
from clientrecovery.rows import RelationshipRow

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)

_RELATIONSHIP_COLUMNS: Final = tuple(RelationshipRow.__annotations__)
"""The relationships table's columns, in order (those of ``COLUMNS["relationships"]``)."""


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
    moment: object = now  # callers without a type checker may pass anything
    if moment is not None and not (isinstance(moment, datetime) and v.is_aware(moment)):
        raise InvalidValue(
            "rules_broken(now=...)", f"must be a timezone-aware datetime, got {now!r}"
        )
    for r in _cases(relationships, "rules_broken"):  # each checked, even without now
        if now is None:
            continue
        try:
            counts.update(f.rule.value for f in r.findings(now))
        except ChronologyError:  # its last event is later than now
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
    if not callable(metric):
        raise InvalidValue(
            "grouped(metric=...)", f"must be a function of a list of cases, got {metric!r}"
        )
    relationships = list(_cases(relationships, "grouped"))
    if isinstance(by, str):
        if by not in _RELATIONSHIP_COLUMNS:
            known = ", ".join(_RELATIONSHIP_COLUMNS)
            raise InvalidValue("grouped(by=...)", f"{by!r} is not a column ({known})")
        keys: list[Hashable] = [_column(row, by) for row in _rows(relationships, "grouped")]
    elif callable(by):
        keys = [by(r) for r in relationships]
    else:
        raise InvalidValue("grouped(by=...)", "must be a column name or a function")
    groups: dict[Hashable, list[Relationship]] = {}
    for key, r in zip(keys, relationships, strict=True):
        if not _hashes(key):
            raise InvalidValue(
                "grouped(by=...)", f"gave {key!r} for {r.id!r}, which cannot be a group's key"
            )
        groups.setdefault(key, []).append(r)
    return {key: metric(members) for key, members in groups.items()}


def _hashes(key: object) -> bool:
    """Whether ``key`` can be hashed (a tuple holding a list cannot, though it is a tuple)."""
    try:
        hash(key)
    except TypeError:
        return False
    return True


# --- plots, from clientrecovery.plots on first use ---------------------------------------
