"""The business calendar and the follow-up schedule."""

from __future__ import annotations

import itertools
import re
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest
from dateutil import tz
from hypothesis import given
from hypothesis import strategies as st

from clientrecovery import Cadence, InvalidValue, Policy
from clientrecovery.schedule import (
    add_business_days,
    after_days,
    business_days,
    business_days_between,
    day_of,
    days_between,
    follow_up_days,
    is_business_day,
    span,
    start_of_day,
)
from tests.builders import at, recovering
from tests.strategies import aware_datetimes

EASTER = Policy(holidays=(date(2026, 4, 3), date(2026, 4, 6)))  # Good Friday, Easter Monday


class TestBusinessDays:
    def test_weekends_and_holidays_are_not_working_days(self) -> None:
        """Saturday, Sunday and a holiday are skipped."""
        assert is_business_day(EASTER, date(2026, 4, 2))
        assert not is_business_day(EASTER, date(2026, 4, 3))
        assert not is_business_day(EASTER, date(2026, 4, 4))

    def test_adding_working_days_skips_a_holiday_weekend(self) -> None:
        """Thursday before Easter + 1 working day is the Tuesday after."""
        assert add_business_days(EASTER, date(2026, 4, 2), 1) == date(2026, 4, 7)

    def test_a_leap_day_is_an_ordinary_working_day(self) -> None:
        """29 February 2028 is a Tuesday."""
        policy = Policy()

        assert add_business_days(policy, date(2028, 2, 28), 1) == date(2028, 2, 29)
        assert business_days_between(policy, date(2028, 2, 28), date(2028, 3, 1)) == 2

    def test_a_custom_working_week(self) -> None:
        """Sunday to Thursday."""
        policy = Policy(workdays=(6, 0, 1, 2, 3))

        assert add_business_days(policy, date(2026, 3, 5), 1) == date(2026, 3, 8)

    def test_days_between_counts_the_start_not_the_end(self) -> None:
        """Friday to Monday is one working day: the Friday."""
        assert business_days_between(Policy(), date(2026, 3, 6), date(2026, 3, 9)) == 1
        assert business_days_between(Policy(), date(2026, 3, 9), date(2026, 3, 9)) == 0

    def test_the_start_of_a_day_follows_daylight_saving(self) -> None:
        """Midnight in London is 00:00 UTC in March and 23:00 UTC the day before in April."""
        london = Policy(timezone="Europe/London")
        utc = tz.UTC

        assert start_of_day(london, date(2026, 3, 28)).astimezone(utc).hour == 0
        assert start_of_day(london, date(2026, 3, 30)).astimezone(utc) == datetime(
            2026, 3, 29, 23, tzinfo=utc
        )

    def test_a_span_of_centuries_is_counted_at_once(self) -> None:
        """1900-01-01 to 2999-12-31 on a Monday-to-Friday week: the weekdays, less the
        Christmases that fall on one; adding as many to the start reaches the end."""
        christmases = [date(y, 12, 25) for y in range(1900, 3000)]
        policy = Policy(holidays=christmases)
        start, end = date(1900, 1, 1), date(2999, 12, 31)
        weekdays = sum(1 for k in range((end - start).days) if (start + timedelta(k)).weekday() < 5)
        off = sum(1 for c in christmases if c.weekday() < 5)

        between = business_days_between(policy, start, end)

        assert between == weekdays - off
        # [start, end) holds Monday 1900-01-01; (start, result] holds Tuesday 2999-12-31.
        assert add_business_days(policy, start, between) == end

    def test_adding_past_the_end_of_the_calendar_is_refused(self) -> None:
        """Named, not an OverflowError; the last day itself can still be reached."""
        every_day = Policy(workdays=range(7))

        assert add_business_days(every_day, date(9999, 12, 30), 1) == date(9999, 12, 31)
        with pytest.raises(InvalidValue, match=r"add_business_days\(n=...\): 2 working days"):
            add_business_days(every_day, date(9999, 12, 30), 2)


@pytest.mark.parametrize(
    ("call", "label", "kind"),
    [
        (
            lambda: add_business_days(Policy(), "2026-03-02", 1),
            "add_business_days(day=...)",
            "a date",
        ),
        (
            lambda: add_business_days(Policy(), date(2026, 3, 2), 1.5),
            "add_business_days(n=...)",
            "an int",
        ),
        (
            lambda: add_business_days(None, date(2026, 3, 2), 1),
            "add_business_days(policy=...)",
            "a Policy",
        ),
        (
            lambda: business_days_between(Policy(), date(2026, 3, 2), None),
            "business_days_between(end=...)",
            "a date",
        ),
        (
            lambda: is_business_day(Policy(), datetime(2026, 3, 2, tzinfo=tz.UTC)),
            "is_business_day(day=...)",
            "a date",
        ),
        (lambda: next(business_days(Policy(), 0)), "business_days(after=...)", "a date"),
        (
            lambda: next(follow_up_days(Policy(), date(2026, 3, 2), "soon")),
            "follow_up_days(until=...)",
            "a date",
        ),
        (lambda: day_of(Policy(), date(2026, 3, 2)), "day_of(moment=...)", "a datetime"),
        (lambda: start_of_day(Policy(), None), "start_of_day(day=...)", "a date"),
    ],
)
def test_the_calendar_functions_name_a_wrong_argument(call: Any, label: str, kind: str) -> None:
    """Public helpers too refuse what they cannot count with, by name and not with Python's
    TypeError from an operator inside."""
    with pytest.raises(InvalidValue, match=re.escape(f"{label}: must be {kind}, got")):
        call()


def test_the_day_of_a_moment_past_the_calendar_is_refused() -> None:
    """The last hour of 9999 at -14:00 is already past Python's calendar in UTC."""
    edge = datetime(9999, 12, 31, 23, tzinfo=timezone(timedelta(hours=-14)))

    with pytest.raises(InvalidValue, match=r"day_of\(moment=...\): must fall in the years"):
        day_of(Policy(), edge)


working_weeks = st.builds(
    Policy,
    workdays=st.lists(st.integers(0, 6), min_size=1, max_size=7, unique=True),
    holidays=st.lists(st.dates(date(2026, 1, 1), date(2026, 12, 31)), max_size=40),
)


@given(working_weeks, st.dates(date(2025, 12, 1), date(2027, 1, 31)), st.integers(0, 400))
def test_adding_working_days_counts_the_rule_s_days(policy: Policy, day: date, n: int) -> None:
    """The weeks-at-once arithmetic lands where counting the dateutil rule's days does, and
    the days between give ``n`` back."""
    counted = day if n == 0 else next(itertools.islice(business_days(policy, day), n - 1, None))

    assert add_business_days(policy, day, n) == counted
    assert business_days_between(policy, day + timedelta(days=1), counted + timedelta(days=1)) == n


@given(working_weeks, st.dates(date(2025, 12, 1), date(2027, 1, 31)), st.integers(-5, 500))
def test_days_between_counts_the_working_days_in_the_range(
    policy: Policy, start: date, length: int
) -> None:
    """For any week, holidays and range, empty or reversed ones included."""
    end = start + timedelta(days=length)
    days = (start + timedelta(days=k) for k in range(max(length, 0)))

    assert business_days_between(policy, start, end) == sum(
        1 for d in days if is_business_day(policy, d)
    )


class TestTheEndOfTheCalendar:
    def test_the_working_days_stop_where_the_calendar_does(self) -> None:
        """No OverflowError from inside dateutil: the days run out in year 9999."""
        assert list(business_days(Policy(), date.max)) == []
        last = list(business_days(Policy(), date(9999, 12, 25)))
        assert last == [date(9999, 12, 27), date(9999, 12, 28), date(9999, 12, 29),
                        date(9999, 12, 30), date(9999, 12, 31)]  # fmt: skip
        assert list(follow_up_days(Policy(), date(9999, 12, 25), date.max))[-1] <= date.max

    @pytest.mark.parametrize("given", [None, 90, "3 days"])
    def test_span_names_a_duration_that_is_not_one(self, given: Any) -> None:
        with pytest.raises(InvalidValue, match=r"span\(delta\): must be a timedelta"):
            span(given)


class TestFollowUpDays:
    def test_every_other_working_day_then_weekly(self) -> None:
        """Two weeks of every-other-day checks, then every fifth working day."""
        start = date(2026, 3, 2)  # a Monday

        days = list(follow_up_days(Policy(), start, date(2026, 4, 10)))

        assert days[:5] == [date(2026, 3, d) for d in (4, 6, 10, 12, 16)]
        assert days[5:] == [date(2026, 3, 23), date(2026, 3, 30), date(2026, 4, 6)]

    def test_a_holiday_moves_the_check_to_the_next_working_day(self) -> None:
        """Holidays are excluded from the rule, not merely skipped."""
        days = list(follow_up_days(EASTER, date(2026, 4, 1), date(2026, 4, 10)))

        assert days[0] == date(2026, 4, 7)  # Thu 2, then Tue 7 (Fri 3 and Mon 6 are off)

    def test_a_custom_cadence(self) -> None:
        """Every working day for one week, then every tenth."""
        policy = Policy(cadence=Cadence(early_every=1, early_weeks=1, later_every=10))

        days = list(follow_up_days(policy, date(2026, 3, 2), date(2026, 3, 31)))

        assert days == [
            *(date(2026, 3, d) for d in (3, 4, 5, 6, 9)),
            date(2026, 3, 23),
        ]


@given(
    policy=st.builds(
        Policy,
        timezone=st.sampled_from(["UTC", "Europe/London", "Australia/Sydney", "America/New_York"]),
        workdays=st.lists(st.integers(0, 6), min_size=1, max_size=7, unique=True),
        holidays=st.lists(st.dates(date(2026, 3, 1), date(2026, 9, 1)), max_size=10),
        cadence=st.builds(Cadence, st.integers(1, 4), st.integers(0, 3), st.integers(1, 7)),
    ),
    until=aware_datetimes(start=at(3, 12), days=120),
)
def test_the_schedule_is_increasing_on_working_days_and_never_past_until(
    policy: Policy, until: datetime
) -> None:
    """For any policy and horizon."""
    r = recovering(1, policy)

    schedule = r.follow_up_schedule(until)

    assert list(schedule) == sorted(set(schedule))
    assert all(m <= until for m in schedule)
    assert all(is_business_day(policy, policy.local_date(m)) for m in schedule)
    assert all(m.utcoffset() is not None for m in schedule)
    if schedule:
        assert policy.local_date(schedule[0]) > policy.local_date(at(3, 12))


def test_no_schedule_before_recovery() -> None:
    """Checks start when the client agrees the plan."""
    from tests.builders import plan_proposed

    assert plan_proposed().follow_up_schedule(at(30)) == ()


def test_the_schedule_stops_when_the_relationship_ends() -> None:
    """Nothing is due after the case is closed."""
    r = recovering().end(reason="client left", at=at(8))

    assert max(r.follow_up_schedule(at(60))) <= at(8)
    assert timedelta(0) < at(60) - at(8)


class TestDayOf:
    def test_an_aware_moment_falls_on_the_policys_local_day(self) -> None:
        """Late evening in New York is already the next day in UTC."""
        evening = datetime(2026, 3, 2, 21, 30, tzinfo=tz.gettz("America/New_York"))

        assert day_of(Policy(timezone="UTC"), evening) == date(2026, 3, 3)
        assert day_of(Policy(timezone="America/New_York"), evening) == date(2026, 3, 2)

    def test_a_naive_moment_keeps_its_own_date(self) -> None:
        """No zone to convert from: the rules refuse it where it would be recorded."""
        naive = datetime(2026, 3, 2, 23, 59)  # noqa: DTZ001 - the naive case itself

        assert day_of(Policy(timezone="Asia/Tokyo"), naive) == date(2026, 3, 2)


@given(
    moment=aware_datetimes(),
    name=st.sampled_from(["UTC", "Etc/UTC", "Etc/UCT", "UCT", "Universal", "Zulu"]),
)
def test_the_local_day_of_a_utc_policy_is_the_zone_files(moment: datetime, name: str) -> None:
    """UTC's names take the standard library's UTC: the same day as the zone file gives."""
    assert Policy(timezone=name).local_date(moment) == moment.astimezone(tz.gettz(name)).date()


@given(start=aware_datetimes(), waited=st.integers(0, 60))
def test_the_unchecked_counts_are_the_public_ones(start: datetime, waited: int) -> None:
    """What a resumption counts with, for the model's own dates, is what the schedule says."""
    policy = Policy(timezone="Europe/London", holidays=(date(2026, 4, 3), date(2026, 12, 25)))
    first, last = start.date(), start.date() + timedelta(days=waited)
    assert days_between(policy, first, last) == business_days_between(policy, first, last)
    assert after_days(policy, first, waited) == add_business_days(policy, first, waited)
