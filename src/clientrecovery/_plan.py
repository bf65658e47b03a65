"""The turnaround plan's values (private): options, initiatives, their holds and delays.

What the provider puts to the client (003 §5-9; 001 §6): the plan, the options it offers and
the money it may ask, and each initiative with the waits on the client and the delays it
was given. Every name is documented and imported as ``clientrecovery.model.<name>`` (and
from ``clientrecovery``); like every value there, each is frozen, slotted and checked when
built.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal

import attrs

from clientrecovery import _validate as v
from clientrecovery._vocabulary import InitiativeStatus, Party
from clientrecovery.errors import InvalidValue, UnknownItem

__all__ = [
    "CostChange",
    "DelayWarning",
    "Hold",
    "Initiative",
    "ResolutionOption",
    "TurnaroundPlan",
]


# Named converters: the attrs mypy plugin reads their types; each names its field.


def _resolutionoption_client_gain(value: Decimal | int | str) -> Decimal:
    return v.to_decimal(value, "ResolutionOption.client_gain")


def _resolutionoption_provider_gain(value: Decimal | int | str) -> Decimal:
    return v.to_decimal(value, "ResolutionOption.provider_gain")


def _costchange_amount(value: Decimal | int | str) -> Decimal:
    return v.to_decimal(value, "CostChange.amount")


def _initiative_holds(value: Iterable[Hold]) -> tuple[Hold, ...]:
    return v.tuple_of(value, Hold, "Initiative.holds")


def _initiative_delays(value: Iterable[DelayWarning]) -> tuple[DelayWarning, ...]:
    return v.tuple_of(value, DelayWarning, "Initiative.delays")


def _turnaroundplan_initiatives(value: Iterable[Initiative]) -> tuple[Initiative, ...]:
    return v.tuple_of(value, Initiative, "TurnaroundPlan.initiatives")


def _turnaroundplan_options(value: Iterable[ResolutionOption]) -> tuple[ResolutionOption, ...]:
    return v.tuple_of(value, ResolutionOption, "TurnaroundPlan.options")


def _costchange_reasons(value: Iterable[str]) -> tuple[str, ...]:
    return v.tuple_of(value, str, "CostChange.reasons")


def _costchange_benefits(value: Iterable[str]) -> tuple[str, ...]:
    return v.tuple_of(value, str, "CostChange.benefits")


def _initiative_addresses(value: Iterable[str]) -> tuple[str, ...]:
    return v.tuple_of(value, str, "Initiative.addresses")


# Each leaves alone a value of its field's type (a decoded document's), so loading may skip it.
v.STRUCTURAL.update(
    (
        _resolutionoption_client_gain,
        _resolutionoption_provider_gain,
        _costchange_amount,
        _initiative_holds,
        _initiative_delays,
        _turnaroundplan_initiatives,
        _turnaroundplan_options,
        _costchange_reasons,
        _costchange_benefits,
        _initiative_addresses,
    )
)


@attrs.frozen
class CostChange:
    """More money asked of the client, with why and what it buys (003 §7)."""

    amount: Decimal = attrs.field(converter=_costchange_amount)
    """How much more (negative for a discount)."""
    currency: str = attrs.field(validator=v.required_text)
    """ISO currency code, for example ``"EUR"``."""
    reasons: tuple[str, ...] = attrs.field(default=(), converter=_costchange_reasons)
    """Why the extra cost is needed."""
    benefits: tuple[str, ...] = attrs.field(default=(), converter=_costchange_benefits)
    """What the client gets for it."""


@attrs.frozen
class ResolutionOption:
    """One way forward offered to the client (001 §6)."""

    id: str = attrs.field(validator=v.required_text)
    """Stable id, unique within the plan."""
    summary: str = attrs.field(validator=v.required_text)
    """What the option is."""
    client_gain: Decimal = attrs.field(converter=_resolutionoption_client_gain)
    """What the client gains, in money or any agreed score."""
    provider_gain: Decimal = attrs.field(converter=_resolutionoption_provider_gain)
    """What the provider gains, in the same unit."""
    preferred: bool = attrs.field(default=False, validator=v.instance_of(bool))
    """Whether this is the option the provider recommends."""
    cost_effect: str = attrs.field(default="", validator=v.text)
    """Its effect on cost."""
    scope_effect: str = attrs.field(default="", validator=v.text)
    """Its effect on scope."""
    timeline_effect: str = attrs.field(default="", validator=v.text)
    """Its effect on the timeline."""
    cost_change: CostChange | None = attrs.field(
        default=None, validator=attrs.validators.optional(v.instance_of(CostChange))
    )
    """The extra money this option asks of the client, if any (judged like the plan's)."""


@attrs.frozen
class DelayWarning:
    """A delay announced to the client (003 §9)."""

    at: datetime = attrs.field(validator=v.a_datetime)
    """When the client was told."""
    previous_due: date = attrs.field(validator=v.any_date)
    """The due date before the delay (derived: a long hold may have moved it past the years
    the model records)."""
    new_due: date = attrs.field(validator=v.a_date)
    """The new due date."""
    reason: str = attrs.field(validator=v.required_text)
    """The unforeseen problem."""


@attrs.frozen
class Hold:
    """A time the provider's clock stood still because the client owed its part."""

    reason: str = attrs.field(validator=v.required_text)
    """What the client owes."""
    started_at: datetime = attrs.field(validator=v.a_datetime)
    """When the wait began."""
    ended_at: datetime | None = attrs.field(default=None, validator=v.optional_aware)
    """When work resumed; ``None`` while waiting."""
    business_days: int = attrs.field(default=0, validator=v.instance_of(int))
    """Working days waited, by which the due date moved (only those after it, when a
    delay was told during the wait)."""
    needs: str = attrs.field(default="", validator=v.text)
    """Exactly what the client owes, quantified (003: "quantify it and expect it")."""
    by: date | None = attrs.field(default=None, validator=attrs.validators.optional(v.a_date))
    """By when the client owes it."""


@attrs.frozen
class Initiative:
    """One piece of the turnaround plan (003 §7).

    ``status``, ``delays`` and ``outcome`` are kept by the relationship: whatever a proposed
    plan carries there is replaced by the relationship's own record.
    """

    id: str = attrs.field(validator=v.required_text)
    """Stable id, unique within the plan."""
    title: str = attrs.field(validator=v.required_text)
    """What will be done."""
    addresses: tuple[str, ...] = attrs.field(converter=_initiative_addresses)
    """Ids of the issues it addresses."""
    owner_party: Party = attrs.field(validator=v.instance_of(Party))
    """Which side is responsible."""
    owner: str = attrs.field(validator=v.text)
    """Who, by name."""
    due: date = attrs.field(validator=v.a_date)
    """The hard deadline (000)."""
    success_criterion: str = attrs.field(validator=v.text)
    """How both sides will know it worked (003 §7)."""
    priority: int = attrs.field(validator=v.instance_of(int))
    """1 is the top priority."""
    quick_win: bool = attrs.field(default=False, validator=v.instance_of(bool))
    """Whether it shows progress quickly."""
    status: InitiativeStatus = attrs.field(
        default=InitiativeStatus.PLANNED,
        validator=v.instance_of(InitiativeStatus),
    )
    """Set by the relationship."""
    delays: tuple[DelayWarning, ...] = attrs.field(default=(), converter=_initiative_delays)
    """Delay warnings given, oldest first."""
    outcome: str = attrs.field(default="", validator=v.text)
    """What completing it achieved."""
    holds: tuple[Hold, ...] = attrs.field(default=(), converter=_initiative_holds)
    """Waits on the client, oldest first; the last one is open while :attr:`on_hold`."""

    @property
    def on_hold(self) -> bool:
        """Whether the initiative waits on the client now."""
        holds = self.holds  # read once: every wait and resumption asks this
        return bool(holds) and holds[-1].ended_at is None

    @priority.validator
    def _positive(self, attribute: attrs.Attribute[int], value: int) -> None:
        if value < 1:
            raise InvalidValue("Initiative.priority", f"must be 1 or more, got {value}")


@attrs.frozen
class TurnaroundPlan:
    """The plan put to the client: initiatives and options (003 §7; 001 §6).

    ``version``, ``proposed_at``, ``agreed_at`` and ``chosen_option`` are set by the
    relationship when the plan is proposed and agreed.
    """

    initiatives: tuple[Initiative, ...] = attrs.field(converter=_turnaroundplan_initiatives)
    """What will be done, by whom, by when."""
    options: tuple[ResolutionOption, ...] = attrs.field(converter=_turnaroundplan_options)
    """The ways forward offered."""
    cost_change: CostChange | None = attrs.field(
        default=None, validator=attrs.validators.optional(v.instance_of(CostChange))
    )
    """More money asked, if any."""
    version: int = attrs.field(default=0, validator=v.instance_of(int))
    """1 for the first proposal, then one more per revision."""
    proposed_at: datetime | None = attrs.field(default=None, validator=v.optional_aware)
    """When this version was put to the client."""
    agreed_at: datetime | None = attrs.field(default=None, validator=v.optional_aware)
    """When the client agreed this version."""
    chosen_option: str | None = attrs.field(default=None, validator=v.optional_text)
    """The id of the option the client chose."""

    def __attrs_post_init__(self) -> None:
        for kind, ids in (
            ("initiative", [i.id for i in self.initiatives]),
            ("option", [o.id for o in self.options]),
        ):
            seen: set[str] = set()
            for item_id in ids:
                if item_id in seen:
                    raise InvalidValue(
                        f"TurnaroundPlan.{kind}s", f"the id {item_id!r} is used twice"
                    )
                seen.add(item_id)

    def initiative(self, initiative_id: str) -> Initiative:
        """The initiative with that id (:class:`~clientrecovery.UnknownItem` if none)."""
        for initiative in self.initiatives:
            if initiative.id == initiative_id:
                return initiative
        raise UnknownItem("initiative", initiative_id, [i.id for i in self.initiatives])

    def option(self, option_id: str) -> ResolutionOption:
        """The option with that id (:class:`~clientrecovery.UnknownItem` if none)."""
        for option in self.options:
            if option.id == option_id:
                return option
        raise UnknownItem("option", option_id, [o.id for o in self.options])

    @property
    def preferred_option(self) -> ResolutionOption | None:
        """The one preferred option, or ``None`` if there is not exactly one."""
        preferred = [o for o in self.options if o.preferred]
        return preferred[0] if len(preferred) == 1 else None
