"""Policy: thresholds, calendar and severity overrides."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta

import pytest
from dateutil import tz
from hypothesis import given, settings
from hypothesis import strategies as st

from clientrecovery import (
    Cadence,
    InvalidDocument,
    InvalidValue,
    Policy,
    Rule,
    Severity,
    from_json,
    to_json,
)
from clientrecovery.examples import masterclass
from clientrecovery.serialization import policy_from_json


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

    @settings(max_examples=300, deadline=None)
    @given(
        zone=st.sampled_from(
            ["Europe/London", "America/Santiago", "Australia/Lord_Howe", "Asia/Kathmandu"]
        ),
        moment=st.integers(0, 199 * 366 * 24 * 3600).map(
            lambda s: datetime(1901, 1, 1, tzinfo=UTC) + timedelta(seconds=s)
        ),
    )
    def test_local_date_is_the_day_the_zone_files_give(self, zone: str, moment: datetime) -> None:
        """The standard library's zone (which converts in C) gives every day dateutil's
        reading of the same zone gives, so histories replay to the same findings."""
        assert Policy(timezone=zone).local_date(moment) == moment.astimezone(tz.gettz(zone)).date()

    @pytest.mark.parametrize(
        ("change", "message"),
        [
            ({"workdays": (0, 7)}, "Policy.workdays: must be distinct weekdays"),
            ({"options_min": 4}, "need 1 <= options_min <= options_max"),
            ({"max_silence": timedelta(0)}, "Policy.max_silence: must be positive"),
            ({"min_days_before_plan": -1}, "Policy.min_days_before_plan: must be 0 to 365"),
            ({"min_days_before_plan": 366}, "Policy.min_days_before_plan: must be 0 to 365"),
            ({"min_days_before_plan": 10**30}, "Policy.min_days_before_plan: .* beyond 64 bits"),
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


class TestImmutablePolicy:
    def test_severities_and_phrases_cannot_be_changed(self) -> None:
        """Read-only mappings: a shared policy cannot be changed under its cases."""
        policy = Policy(
            severities={"QUICK_WIN_FIRST": "info"},
            guidance_phrases={"NO_GENERALITIES": ["pretty good"]},
        )
        with pytest.raises(TypeError):
            policy.severities[Rule.OPTIONS] = Severity.INFO  # type: ignore[index]
        with pytest.raises(TypeError):
            policy.guidance_phrases[Rule.NO_GENERALITIES] = ()  # type: ignore[index]
        assert policy.severity(Rule.QUICK_WIN_FIRST) is Severity.INFO

    def test_a_given_mapping_changed_later_does_not_change_the_policy(self) -> None:
        given = {Rule.QUICK_WIN_FIRST: Severity.INFO}
        policy = Policy(severities=given)
        given[Rule.QUICK_WIN_FIRST] = Severity.ERROR
        assert policy.severity(Rule.QUICK_WIN_FIRST) is Severity.INFO

    def test_a_policy_copies_pickles_and_compares(self) -> None:
        policy = Policy(severities={"QUICK_WIN_FIRST": "info"})
        assert copy.deepcopy(policy) == policy
        assert pickle.loads(pickle.dumps(policy)) == policy
        assert policy == Policy(severities={Rule.QUICK_WIN_FIRST: Severity.INFO})
        assert policy != Policy()

    def test_loaded_cases_share_no_mutable_policy_state(self) -> None:
        """Two cases loaded from one policy's documents: nothing of it can be changed."""
        first, second = (from_json(to_json(masterclass())) for _ in range(2))
        assert isinstance(first.policy.severities, Mapping)
        assert not isinstance(first.policy.severities, dict)
        assert not isinstance(second.policy.guidance_phrases, dict)


class TestTimeZoneKeys:
    @pytest.mark.parametrize(
        "zone", ["UTC", "Europe/Berlin", "America/Argentina/Buenos_Aires", "Etc/GMT+5"]
    )
    def test_iana_keys_are_taken(self, zone: str) -> None:
        assert Policy(timezone=zone).timezone == zone

    @pytest.mark.parametrize(
        "zone",
        [
            "localtime",
            "/etc/localtime",
            "/usr/share/zoneinfo/Europe/Berlin",
            "../zoneinfo/Europe/Berlin",
            "Europe/../Europe/Berlin",
            "CET-1CEST,M3.5.0,M10.5.0/3",
            "EST5",
            "posixrules",
            "Nowhere/Land",
            "right/UTC",
            "posix/Europe/Berlin",
            "A" * 300,
            "Europe/" + "b" * 300,
        ],
    )
    def test_paths_posix_strings_and_the_machines_zone_are_refused(self, zone: str) -> None:
        """Only a key names the same zone on every machine."""
        with pytest.raises(InvalidValue, match="not a known IANA time zone key") as refused:
            Policy(timezone=zone)
        assert "/usr/share" not in str(refused.value).replace(zone, "")
        assert str(refused.value) == (
            f"Policy.timezone: {zone!r} is not a known IANA time zone key (such as"
            " 'Europe/Berlin' or 'UTC')"
        )

    def test_a_name_too_long_for_a_file_is_refused_in_a_document_too(self) -> None:
        """The operating system's own error, with where the zones are installed, stays in."""
        with pytest.raises(InvalidDocument) as refused:
            policy_from_json('{"timezone": "' + "Z" * 300 + '"}')
        assert "not a known IANA time zone key" in str(refused.value)
        assert "zoneinfo" not in str(refused.value)


class TestWholeSeconds:
    @pytest.mark.parametrize("name", ["min_warning_lead", "max_silence"])
    def test_a_sub_second_duration_is_refused(self, name: str) -> None:
        """A document writes whole seconds; a duration it cannot write is refused when given."""
        with pytest.raises(InvalidValue, match=f"Policy.{name}: must be whole seconds"):
            Policy(**{name: timedelta(days=1, microseconds=500)})
