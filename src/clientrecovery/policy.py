"""Thresholds, the business calendar and the follow-up rhythm of a relationship.

A :class:`Policy` is stored on the relationship (and serialized with it), so the rules a case
was run under travel with the case. It may lower or raise the severity of any rule the
catalogue does not mark as fixed; the structural order cannot be switched off.
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any, TypeVar

import attrs
from dateutil import tz

from clientrecovery import _validate as v
from clientrecovery.catalogue import Rule, Severity
from clientrecovery.errors import InvalidValue

__all__ = ["Cadence", "Policy"]

_V = TypeVar("_V")
_ByRule = Mapping[Rule, _V] | Mapping[str, _V] | Mapping[Rule | str, _V]
"""What a field keyed by rule accepts: keys that are rules or their ids (``"QUICK_WIN_FIRST"``).
A union, because a mapping's key type is invariant: ``dict[Rule, ...]`` and ``dict[str, ...]``
are each accepted as they are."""


class _Frozen(Mapping[Any, Any]):
    """A read-only mapping (a policy's severities and phrases): it can be shared by every
    relationship that loads the same policy, copied and pickled, but never changed."""

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[Any, Any]) -> None:
        self._items = dict(items)

    def __getitem__(self, key: Any) -> Any:
        return self._items[key]

    def get(self, key: Any, default: Any = None) -> Any:
        # The dict's own, in C: the Mapping mixin's goes through __getitem__ and a
        # KeyError, and every finding asks its policy for its severity.
        return self._items.get(key, default)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return repr(self._items)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_Frozen, (self._items,))


# Each zone's tzinfo by name: the standard library's zoneinfo where it finds the zone (it
# converts in C, dateutil in Python: a tenth of a replay's date arithmetic), else dateutil's,
# which reads the same files and falls back on the zones it bundles (the names are the
# valid zones only).
_ZONES: dict[str, tzinfo] = {}
_UNIVERSAL = frozenset(
    {"UTC", "Etc/UTC", "Etc/UCT", "UCT", "Etc/Universal", "Universal", "Etc/Zulu", "Zulu"}
)
"""The IANA names of UTC itself (links to ``Etc/UTC``), whose local day needs no zone file."""


@attrs.frozen
class Cadence:
    """How often the provider checks the turnaround's status (003 §9).

    Every ``early_every`` business days for the first ``early_weeks`` weeks of recovery,
    then every ``later_every`` business days.
    """

    early_every: int = attrs.field(default=2, validator=v.instance_of(int))
    """Business days between status checks at first ("every other day")."""
    early_weeks: int = attrs.field(default=2, validator=v.instance_of(int))
    """How many weeks the early rhythm lasts (at most 52)."""
    later_every: int = attrs.field(default=5, validator=v.instance_of(int))
    """Business days between status checks afterwards (a working week)."""

    def __attrs_post_init__(self) -> None:
        for name in ("early_every", "later_every"):
            if getattr(self, name) < 1:
                raise InvalidValue(f"Cadence.{name}", "must be 1 or more")
        if not 0 <= self.early_weeks <= 52:
            raise InvalidValue("Cadence.early_weeks", f"must be 0 to 52, got {self.early_weeks}")


def _severities(given_value: _ByRule[Severity | str]) -> Mapping[Rule, Severity]:
    value: object = given_value  # checked as anything: callers without a type checker
    if not isinstance(value, Mapping):
        raise InvalidValue("Policy.severities", f"must be a mapping, got {type(value).__name__}")
    given: dict[Rule, Severity] = {}
    for key, severity in value.items():
        rule = v.to_enum(Rule, key, "Policy.severities")
        if rule.fixed:
            raise InvalidValue(
                f"Policy.severities[{rule.value}]",
                "is a fixed rule of the method; its severity cannot be changed",
            )
        given[rule] = v.to_enum(Severity, severity, f"Policy.severities[{rule.value}]")
    # Catalogue order, so equal policies look alike.
    return _Frozen({rule: given[rule] for rule in Rule if rule in given})


def _guidance_rule(value: object, label: str) -> Rule:
    rule = v.to_enum(Rule, value, label)
    if not rule.guidance:
        raise InvalidValue(label, f"{rule.value} is not a guidance check")
    return rule


def _guidance_phrases(
    given_value: _ByRule[Iterable[str]],
) -> Mapping[Rule, tuple[str, ...]]:
    value: object = given_value
    if not isinstance(value, Mapping):
        raise InvalidValue("Policy.guidance_phrases", "must be a mapping of rule to phrases")
    given: dict[Rule, tuple[str, ...]] = {}
    for key, phrases in value.items():
        rule = _guidance_rule(key, "Policy.guidance_phrases")
        label = f"Policy.guidance_phrases[{rule.value}]"
        items = v.tuple_of(phrases, str, label)
        if not all(p.strip() for p in items):
            raise InvalidValue(label, "a phrase must not be empty")
        given[rule] = items
    return _Frozen({rule: given[rule] for rule in Rule if rule in given})


def _guidance_off(given_value: Iterable[Rule | str]) -> tuple[Rule, ...]:
    value: object = given_value
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InvalidValue("Policy.guidance_off", "must be a collection of guidance rules")
    chosen = {_guidance_rule(item, "Policy.guidance_off") for item in value}
    return tuple(rule for rule in Rule if rule in chosen)


# An IANA key: "UTC", "Europe/Berlin", "America/Argentina/Buenos_Aires", "Etc/GMT+5". Not a
# file path, not a POSIX TZ string ("CET-1CEST,M3.5.0"), not "localtime" (this machine's).
_IANA_KEY = re.compile(r"[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+)*")
_NOT_ZONES = frozenset({"localtime", "posixrules", "factory"})
# Folders some machines' zoneinfo has beside the keys (zones with leap seconds, or copies):
# "right/UTC" names a file there, and no zone on a machine with the tzdata package only.
_NOT_KEYS = ("posix/", "right/")


def _timezone(inst: Policy, attribute: attrs.Attribute[Any], value: object) -> None:
    v.required_text(inst, attribute, value)
    text = str(value)
    known = (
        _IANA_KEY.fullmatch(text) is not None
        and text.lower() not in _NOT_ZONES
        and not text.startswith(_NOT_KEYS)
    )
    try:
        zone = tz.gettz(text) if known else None
    except (OSError, ValueError):  # a name too long for a file, say; its message has a path
        zone = None
    if not isinstance(zone, tz.tzfile | tz.tzutc):  # a POSIX rule or the machine's own zone
        raise InvalidValue(
            "Policy.timezone",
            f"{text!r} is not a known IANA time zone key (such as 'Europe/Berlin' or 'UTC')",
        )


def _zone(key: str) -> tzinfo:
    """The ``tzinfo`` of a key :func:`_timezone` accepted."""
    try:
        return zoneinfo.ZoneInfo(key)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        pass  # no tzdata where the standard library looks (Windows without the package)
    zone = tz.gettz(key)
    if zone is None:  # pragma: no cover - refused at construction
        raise InvalidValue("Policy.timezone", f"{key!r} is not a known time zone")
    return zone


def _positive_delta(inst: Policy, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, timedelta):
        raise InvalidValue(v.where(inst, attribute), "must be a timedelta")
    if value <= timedelta(0):
        raise InvalidValue(v.where(inst, attribute), "must be positive")
    if value.microseconds:  # a document writes whole seconds ("PT36H"), and must load equal
        raise InvalidValue(v.where(inst, attribute), f"must be whole seconds, got {value}")


def _workdays(value: Iterable[int]) -> tuple[int, ...]:
    days = v.tuple_of(value, int, "Policy.workdays")
    if not days or any(not 0 <= d <= 6 for d in days) or len(set(days)) != len(days):
        raise InvalidValue(
            "Policy.workdays", f"must be distinct weekdays 0 (Monday) … 6 (Sunday), got {days}"
        )
    return tuple(sorted(days))


def _holidays(value: Iterable[date]) -> tuple[date, ...]:
    days = v.tuple_of(value, date, "Policy.holidays")
    if any(isinstance(d, datetime) for d in days):
        raise InvalidValue("Policy.holidays", "must be dates, not datetimes")
    for i, day in enumerate(days):
        v.on_calendar(day, f"Policy.holidays[{i}]")
    return tuple(sorted(set(days)))


@attrs.frozen
class Policy:
    """The thresholds and calendar a relationship is run under."""

    timezone: str = attrs.field(default="UTC", validator=_timezone)
    """IANA time zone in which "a day" is counted, for example ``"Europe/Berlin"``."""
    min_days_before_plan: int = attrs.field(default=1, validator=v.instance_of(int))
    """Calendar days between agreeing the issues and the response date or plan (003 §5), at
    most 365."""
    options_min: int = attrs.field(default=2, validator=v.instance_of(int))
    """Fewest options a plan offers (001 §6)."""
    options_max: int = attrs.field(default=3, validator=v.instance_of(int))
    """Most options a plan offers (001 §6)."""
    min_warning_lead: timedelta = attrs.field(default=timedelta(days=2), validator=_positive_delta)
    """How far ahead of a due date a delay must be announced (003 §9)."""
    max_silence: timedelta = attrs.field(default=timedelta(days=7), validator=_positive_delta)
    """Longest the client may go without contact while recovering (003 §10)."""
    cadence: Cadence = attrs.field(factory=Cadence, validator=v.instance_of(Cadence))
    """The follow-up rhythm."""
    workdays: tuple[int, ...] = attrs.field(default=(0, 1, 2, 3, 4), converter=_workdays)
    """Working weekdays, 0 = Monday."""
    holidays: tuple[date, ...] = attrs.field(default=(), converter=_holidays)
    """Days off besides the weekend."""
    severities: Mapping[Rule, Severity] = attrs.field(
        factory=dict, converter=_severities, hash=False
    )
    """Severity overrides by rule; refused for fixed rules. Read-only."""
    guidance_phrases: Mapping[Rule, tuple[str, ...]] = attrs.field(
        factory=dict, converter=_guidance_phrases, hash=False
    )
    """A team's own phrases for the guidance checks, added to the built-in ones. Read-only."""
    guidance_off: tuple[Rule, ...] = attrs.field(default=(), converter=_guidance_off)
    """Guidance checks this team does not want."""
    max_days_to_meet: int = attrs.field(default=3, validator=v.instance_of(int))
    """Working days from opening the case to meeting the client (001 §4-5), 0 to 365."""
    max_days_to_summary: int = attrs.field(default=1, validator=v.instance_of(int))
    """Working days from agreeing the issues to the written summary (003 §6), 0 to 365."""
    quick_win_within: int = attrs.field(default=10, validator=v.instance_of(int))
    """Working days from the plan by which its quick win is due (003 §7), 0 to 365."""
    max_wait: int = attrs.field(default=10, validator=v.instance_of(int))
    """Working days a wait on the client may last before it is followed up (003 final
    comments), 1 to 365."""
    guidance_on_record: bool = attrs.field(default=True, validator=v.instance_of(bool))
    """Whether the texts the commands record for the client are reviewed
    (:mod:`clientrecovery.guidance.record`): advice in ``check()`` and ``findings(now)``."""

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.min_days_before_plan <= 365:
            raise InvalidValue(
                "Policy.min_days_before_plan", f"must be 0 to 365, got {self.min_days_before_plan}"
            )
        for name, low in (
            ("max_days_to_meet", 0),
            ("max_days_to_summary", 0),
            ("quick_win_within", 0),
            ("max_wait", 1),
        ):
            value = getattr(self, name)
            if not low <= value <= 365:
                raise InvalidValue(f"Policy.{name}", f"must be {low} to 365, got {value}")
        if not 1 <= self.options_min <= self.options_max:
            raise InvalidValue(
                "Policy.options_min",
                f"need 1 <= options_min <= options_max, got {self.options_min} and"
                f" {self.options_max}",
            )

    @property
    def tz(self) -> tzinfo:
        """The policy's time zone as a ``tzinfo``."""
        zone = _ZONES.get(self.timezone)
        if zone is None:
            zone = _zone(self.timezone)
            _ZONES[self.timezone] = zone
        return zone

    def severity(self, rule: Rule) -> Severity:
        """The severity of ``rule`` under this policy."""
        chosen = self.severities.get(rule)
        return rule.default_severity if chosen is None else chosen  # looked up only if needed

    def local_date(self, moment: datetime) -> date:
        """The calendar day ``moment`` falls on in the policy's time zone."""
        if self.timezone in _UNIVERSAL:  # the default: the standard library's UTC, in C
            return moment.astimezone(UTC).date()
        return moment.astimezone(self.tz).date()
