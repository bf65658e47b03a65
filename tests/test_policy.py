"""Policy: thresholds, calendar and severity overrides."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from clientrecovery import Cadence, InvalidValue, Policy, Rule, Severity


class TestPolicy:
    def test_severities_accept_ids_and_values(self) -> None:
        """Rule("WIN_WIN") and "warning" are read as the members."""
        policy = Policy(severities={"WIN_WIN": "warning"})

        assert policy.severity(Rule.WIN_WIN) is Severity.WARNING
        assert policy.severity(Rule.OPTIONS) is Severity.ERROR

    def test_an_unknown_rule_is_refused(self) -> None:
        """A typo in a rule id."""
        with pytest.raises(InvalidValue, match="'WINWIN' is not a Rule"):
            Policy(severities={"WINWIN": "warning"})

    def test_an_unknown_time_zone_is_refused(self) -> None:
        """IANA names only."""
        with pytest.raises(InvalidValue, match="'Mars/Olympus' is not a known IANA time zone"):
            Policy(timezone="Mars/Olympus")

    def test_local_date_uses_the_time_zone(self) -> None:
        """23:30 UTC is already tomorrow in Berlin."""
        policy = Policy(timezone="Europe/Berlin")

        assert policy.local_date(datetime(2026, 3, 2, 23, 30, tzinfo=UTC)) == date(2026, 3, 3)

    @pytest.mark.parametrize(
        ("change", "message"),
        [
            ({"workdays": (0, 7)}, "Policy.workdays: must be distinct weekdays"),
            ({"options_min": 4}, "need 1 <= options_min <= options_max"),
            ({"max_silence": timedelta(0)}, "Policy.max_silence: must be positive"),
            ({"min_days_before_plan": -1}, "Policy.min_days_before_plan: must be 0 to 365"),
            ({"min_days_before_plan": 366}, "Policy.min_days_before_plan: must be 0 to 365"),
            ({"min_days_before_plan": 10**30}, "Policy.min_days_before_plan: must be 0 to 365"),
            ({"holidays": [datetime(2026, 1, 1, tzinfo=UTC)]}, "not datetimes"),
            (
                {"holidays": [date(2026, 12, 25), date(9999, 12, 31)]},
                r"Policy.holidays\[1\]: must fall in the years 1900 to 2999, got 9999-12-31",
            ),
        ],
    )
    def test_bad_thresholds_are_refused(self, change: dict[str, object], message: str) -> None:
        """Each names its field."""
        with pytest.raises(InvalidValue, match=message):
            Policy(**change)  # type: ignore[arg-type]

    def test_equal_policies_are_equal_and_hash_alike(self) -> None:
        """Usable as a value."""
        a = Policy(severities={Rule.WIN_WIN: Severity.WARNING}, holidays=[date(2026, 12, 25)])
        b = Policy(severities={"WIN_WIN": "warning"}, holidays=(date(2026, 12, 25),))

        assert a == b
        assert hash(a) == hash(b)

    def test_a_cadence_needs_positive_intervals(self) -> None:
        """Checking every 0 days is no rhythm."""
        with pytest.raises(InvalidValue, match=r"Cadence.early_every: must be 1 or more"):
            Cadence(early_every=0)

    def test_the_longest_intervals_are_a_year(self) -> None:
        """A year's pause before the plan and a year of early checks are the most a policy
        may ask: a date moved further would soon leave the calendar."""
        longest = Policy(min_days_before_plan=365, cadence=Cadence(early_weeks=52))

        assert (longest.min_days_before_plan, longest.cadence.early_weeks) == (365, 52)
        with pytest.raises(InvalidValue, match=r"Cadence.early_weeks: must be 0 to 52, got 53"):
            Cadence(early_weeks=53)
