"""The business calendar and the follow-up rhythm, as pure functions of a :class:`Policy`.

Working days are the policy's ``workdays`` minus its ``holidays``; "a day" is a calendar
day in the policy's time zone. The follow-up schedule (003 §9: check the turnaround's
status every other day at first) is built on ``dateutil.rrule``: a daily rule on working
weekdays with the holidays excluded, from which every n-th working day is taken. Adding and
counting working days is done a week at a time instead, and agrees with that rule.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta, timezone

from dateutil import rrule

from clientrecovery._validate import is_aware, on_calendar
from clientrecovery.errors import InvalidValue
from clientrecovery.policy import Policy

__all__ = [
    "add_business_days",
    "business_days",
    "business_days_between",
    "day_of",
    "follow_up_days",
    "is_business_day",
    "span",
    "start_of_day",
]


def _given(where: str, policy: object, **values: object) -> None:
    """Refuse, by name, a policy that is not a Policy and a value of the wrong kind: a count
    ``n`` must be an int, a ``moment`` a datetime, anything else a date (not a datetime)."""
    if not isinstance(policy, Policy):
        raise InvalidValue(f"{where}(policy=...)", f"must be a Policy, got {type(policy).__name__}")
    for name, value in values.items():
        if name == "n":
            right, kind = isinstance(value, int) and not isinstance(value, bool), "an int"
        elif name == "moment":
            right, kind = isinstance(value, datetime), "a datetime"
        else:
            right, kind = isinstance(value, date) and not isinstance(value, datetime), "a date"
        if not right:
            raise InvalidValue(f"{where}({name}=...)", f"must be {kind}, got {value!r}")


def is_business_day(policy: Policy, day: date) -> bool:
    """Whether ``day`` is a working weekday and not a holiday."""
    _given("is_business_day", policy, day=day)
    return day.weekday() in policy.workdays and day not in policy.holidays


def business_days(policy: Policy, after: date) -> Iterator[date]:
    """The working days after ``after``, in order, until the calendar ends (year 9999)."""
    _given("business_days", policy, after=after)
    if after == date.max:  # the calendar ends: no day after it
        return
    rules = rrule.rruleset()
    rules.rrule(
        rrule.rrule(
            rrule.DAILY,
            byweekday=policy.workdays,
            dtstart=_midnight(after + timedelta(days=1)),
        )
    )
    for holiday in policy.holidays:
        if holiday > after:
            rules.exdate(_midnight(holiday))
    try:
        for moment in rules:
            yield moment.date()
    except OverflowError:  # past the end of the calendar (year 9999): no more days
        return


_DAY = timedelta(days=1)


def _midnight(day: date) -> datetime:
    # rrule counts in datetimes; the zone does not matter for whole days, only consistency.
    return datetime.combine(day, time(), tzinfo=UTC)


def add_business_days(policy: Policy, day: date, n: int) -> date:
    """The ``n``-th working day after ``day`` (``day`` itself for ``n == 0``).

    Counted in whole weeks, then the holidays those weeks hold are made up, so a hold of
    years costs no more than one of days. The same days as counting :func:`business_days`.
    """
    _given("add_business_days", policy, day=day, n=n)
    return after_days(policy, day, n)


def after_days(policy: Policy, day: date, n: int) -> date:
    """:func:`add_business_days` of arguments already checked (the model's own)."""
    if n <= 0:
        return day
    workdays = policy.workdays
    try:
        reached, owed = day, n
        while owed:
            weeks, extra = divmod(owed - 1, len(workdays))
            start, reached = reached, reached + timedelta(weeks=weeks)
            for _ in range(extra + 1):
                reached += _DAY
                while reached.weekday() not in workdays:
                    reached += _DAY
            owed = _holidays_in(policy, start, reached, bisect.bisect_right)
    except OverflowError:
        raise InvalidValue(
            "add_business_days(n=...)", f"{n} working days after {day} is past the calendar"
        ) from None
    return reached


def business_days_between(policy: Policy, start: date, end: date) -> int:
    """How many working days fall in ``[start, end)``: the weekdays of whole weeks, the
    days left over, less the holidays on working days."""
    _given("business_days_between", policy, start=start, end=end)
    return days_between(policy, start, end)


def days_between(policy: Policy, start: date, end: date) -> int:
    """:func:`business_days_between` of arguments already checked (the model's own)."""
    if end <= start:
        return 0
    weeks, rest = divmod((end - start).days, 7)
    first = start.weekday()
    workdays = policy.workdays
    leftover = 0
    for k in range(first, first + rest):  # a loop, not sum() of a generator: it runs often
        if k % 7 in workdays:
            leftover += 1
    days = weeks * len(workdays) + leftover
    if not policy.holidays:
        return days
    return days - _holidays_in(policy, start, end, bisect.bisect_left)


def _holidays_in(
    policy: Policy, low: date, high: date, cut: Callable[[Sequence[date], date], int]
) -> int:
    """How many holidays on working weekdays fall in ``[low, high)`` (``cut`` is
    ``bisect_left``) or ``(low, high]`` (``bisect_right``)."""
    holidays = policy.holidays  # sorted, without repeats
    within = holidays[cut(holidays, low) : cut(holidays, high)]
    return sum(1 for h in within if h.weekday() in policy.workdays)


def day_of(policy: Policy, moment: datetime) -> date:
    """The day ``moment`` falls on in the policy's time zone; a naive one's own date (the
    CHRONOLOGY rule refuses naive times where they are recorded)."""
    _given("day_of", policy, moment=moment)
    on_calendar(moment, "day_of(moment=...)")
    return policy.local_date(moment) if is_aware(moment) else moment.date()


def _day_of(policy: Policy, moment: datetime) -> date:
    """:func:`day_of` of an event's time, which was checked when the event was built: one
    with a fixed offset (as every event's is) goes straight to the policy's zone."""
    if type(moment.tzinfo) is timezone:
        return policy.local_date(moment)
    return day_of(policy, moment)


def start_of_day(policy: Policy, day: date) -> datetime:
    """Midnight at the start of ``day`` in the policy's time zone."""
    _given("start_of_day", policy, day=day)
    return datetime.combine(day, time(), tzinfo=policy.tz)


def follow_up_days(policy: Policy, start: date, until: date) -> Iterator[date]:
    """The days a status check is due, for a recovery that started on ``start``.

    Every ``cadence.early_every`` working days for ``cadence.early_weeks`` weeks, then every
    ``cadence.later_every`` working days, up to and including ``until``.
    """
    _given("follow_up_days", policy, start=start, until=until)
    cadence = policy.cadence
    try:
        early_end = start + timedelta(weeks=cadence.early_weeks)
    except OverflowError:  # the early weeks reach past the calendar's end
        early_end = date.max
    since_last = 0
    for day in business_days(policy, start):
        if day > until:
            return
        since_last += 1
        every = cadence.early_every if day <= early_end else cadence.later_every
        if since_last >= every:
            since_last = 0
            yield day


def span(delta: timedelta) -> str:
    """A duration in words: ``'3 days 4 hours'``, ``'5 hours'``, ``'20 minutes'``."""
    given: object = delta  # callers without a type checker may pass anything
    if not isinstance(given, timedelta):
        raise InvalidValue("span(delta)", f"must be a timedelta, got {given!r}")
    minutes = int(delta.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = [(days, "day"), (hours, "hour")] if days or hours else [(minutes, "minute")]
    words = [f"{n} {unit}{'s' if n != 1 else ''}" for n, unit in parts if n]
    return " ".join(words) or "0 minutes"
