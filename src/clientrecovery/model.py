"""Value objects of the method: issues, commitments, options, plans and their parts.

Every class here is frozen and slotted; collections are tuples (lists are converted). A value
refuses a wrong type or an empty required text when it is built, with an
:class:`~clientrecovery.InvalidValue` naming the field. Whether a value is *good enough* for
the method (an assessment with a root cause, an initiative with an owner) is not checked here
but by the rules, when a command uses it, so the explanation can cite the article.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal

import attrs

from clientrecovery import _validate as v
from clientrecovery.errors import InvalidValue, UnknownItem

__all__ = [
    "Alignment",
    "Assessment",
    "Commitment",
    "CommitmentStatus",
    "Communication",
    "CommunicationKind",
    "CostChange",
    "DelayWarning",
    "EndCause",
    "Hold",
    "Impact",
    "ImpactKind",
    "Initiative",
    "InitiativeStatus",
    "Issue",
    "IssueCategory",
    "IssueStatus",
    "Party",
    "Quantification",
    "ResolutionOption",
    "Stage",
    "Stakeholder",
    "TurnaroundPlan",
]


class Party(enum.Enum):
    """A side of the relationship."""

    CLIENT = "client"
    PROVIDER = "provider"


class Stage(enum.Enum):
    """Where a relationship stands in the method (see :mod:`clientrecovery.stages`)."""

    ASSESSING = "assessing"
    """The provider gathers the full situation and aligns internally (001 §1-4)."""
    DISCOVERY = "discovery"
    """The client is met and the issues are made specific (003 §1-2)."""
    ISSUES_AGREED = "issues_agreed"
    """The client agreed the list; a commitment and a response date are owed (003 §3-5)."""
    PLANNING = "planning"
    """The provider writes up and prepares the plan (003 §5-7)."""
    PLAN_PROPOSED = "plan_proposed"
    """The plan waits for the client's agreement (003 §8)."""
    RECOVERING = "recovering"
    """The agreed plan is carried out and followed up (003 §9-10)."""
    RECOVERED = "recovered"
    """Closed: every issue resolved and the client's commitment fulfilled."""
    LOST = "lost"
    """Ended without recovery."""

    @property
    def terminal(self) -> bool:
        """Whether no command can move the relationship on from here."""
        return self is _RECOVERED or self is _LOST


# Members read in the hottest properties as module names: a member read through its class
# costs a slow attribute lookup (on Python 3.11, Enum's metaclass has a __getattr__).
_RECOVERED, _LOST = Stage.RECOVERED, Stage.LOST


class IssueCategory(enum.Enum):
    """What an issue is about."""

    QUALITY = "quality"
    DEADLINE = "deadline"
    BUDGET = "budget"
    SCOPE = "scope"
    STAFFING = "staffing"
    COMMUNICATION = "communication"
    OTHER = "other"


class IssueStatus(enum.Enum):
    """An issue's life: ``RAISED`` → ``SPECIFIED`` → ``AGREED`` → ``RESOLVED``, or ``DROPPED``."""

    RAISED = "raised"
    SPECIFIED = "specified"
    AGREED = "agreed"
    RESOLVED = "resolved"
    DROPPED = "dropped"


_DROPPED = IssueStatus.DROPPED  # (see _RECOVERED)


class CommitmentStatus(enum.Enum):
    """A commitment's life: ``AGREED`` → ``FULFILLED`` or ``BROKEN``."""

    AGREED = "agreed"
    FULFILLED = "fulfilled"
    BROKEN = "broken"


class InitiativeStatus(enum.Enum):
    """An initiative's life: ``PLANNED`` → ``IN_PROGRESS`` → ``DONE``, or ``DROPPED`` when the
    work is no longer needed."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


class EndCause(enum.Enum):
    """Why a relationship was lost, for analysis across cases."""

    UNWILLING = "unwilling"
    """The client did not want to work things out (000)."""
    NO_AGREEMENT = "no_agreement"
    """The two sides could not agree the issues or the plan (003 §3, §8)."""
    COMMITMENT_BROKEN = "commitment_broken"
    """A commitment the turnaround rested on was not kept (003 §4)."""
    PROVIDER_WITHDREW = "provider_withdrew"
    """The provider chose to part ways (004)."""
    OTHER = "other"
    """Anything else; the reason says what."""


class ImpactKind(enum.Enum):
    """The kind of damage an impact accounts for (001 §3)."""

    TIME = "time"
    MONEY = "money"
    SCOPE = "scope"
    CONTRACT = "contract"
    REPUTATION = "reputation"


class CommunicationKind(enum.Enum):
    """What an entry of the communications log records."""

    WRITTEN_SUMMARY = "written_summary"
    FOLLOW_UP = "follow_up"
    CLIENT_CONTACT = "client_contact"
    STAKEHOLDER_UPDATE = "stakeholder_update"


# Named converters: the attrs mypy plugin reads their types; each names its field.


def _impact_amount(value: Decimal | int | str | None) -> Decimal | None:
    return None if value is None else v.to_decimal(value, "Impact.amount")


def _quantification_value(value: Decimal | int | str) -> Decimal:
    return v.to_decimal(value, "Quantification.value")


def _resolutionoption_client_gain(value: Decimal | int | str) -> Decimal:
    return v.to_decimal(value, "ResolutionOption.client_gain")


def _resolutionoption_provider_gain(value: Decimal | int | str) -> Decimal:
    return v.to_decimal(value, "ResolutionOption.provider_gain")


def _costchange_amount(value: Decimal | int | str) -> Decimal:
    return v.to_decimal(value, "CostChange.amount")


def _assessment_stakeholders(value: Iterable[Stakeholder]) -> tuple[Stakeholder, ...]:
    return v.tuple_of(value, Stakeholder, "Assessment.stakeholders")


def _assessment_impacts(value: Iterable[Impact]) -> tuple[Impact, ...]:
    return v.tuple_of(value, Impact, "Assessment.impacts")


def _initiative_holds(value: Iterable[Hold]) -> tuple[Hold, ...]:
    return v.tuple_of(value, Hold, "Initiative.holds")


def _initiative_delays(value: Iterable[DelayWarning]) -> tuple[DelayWarning, ...]:
    return v.tuple_of(value, DelayWarning, "Initiative.delays")


def _turnaroundplan_initiatives(value: Iterable[Initiative]) -> tuple[Initiative, ...]:
    return v.tuple_of(value, Initiative, "TurnaroundPlan.initiatives")


def _turnaroundplan_options(value: Iterable[ResolutionOption]) -> tuple[ResolutionOption, ...]:
    return v.tuple_of(value, ResolutionOption, "TurnaroundPlan.options")


def _issue_examples(value: Iterable[str]) -> tuple[str, ...]:
    return v.tuple_of(value, str, "Issue.examples")


def _costchange_reasons(value: Iterable[str]) -> tuple[str, ...]:
    return v.tuple_of(value, str, "CostChange.reasons")


def _costchange_benefits(value: Iterable[str]) -> tuple[str, ...]:
    return v.tuple_of(value, str, "CostChange.benefits")


def _initiative_addresses(value: Iterable[str]) -> tuple[str, ...]:
    return v.tuple_of(value, str, "Initiative.addresses")


def _communication_audience(value: Iterable[str]) -> tuple[str, ...]:
    return v.tuple_of(value, str, "Communication.audience")


# Each leaves alone a value of its field's type (a decoded document's), so loading may skip it.
v.STRUCTURAL.update(
    (
        _impact_amount,
        _quantification_value,
        _resolutionoption_client_gain,
        _resolutionoption_provider_gain,
        _costchange_amount,
        _assessment_stakeholders,
        _assessment_impacts,
        _initiative_holds,
        _initiative_delays,
        _turnaroundplan_initiatives,
        _turnaroundplan_options,
        _issue_examples,
        _costchange_reasons,
        _costchange_benefits,
        _initiative_addresses,
        _communication_audience,
    )
)


@attrs.frozen
class Stakeholder:
    """Someone with a stake in the situation (001 §1), on either side."""

    name: str = attrs.field(validator=v.required_text)
    """Who they are."""
    role: str = attrs.field(validator=v.text)
    """Their role, for example ``"CMO"`` or ``"account lead"``."""
    party: Party = attrs.field(validator=v.instance_of(Party))
    """Which side they are on."""
    persona: str = attrs.field(default="", validator=v.text)
    """Notes on how to talk to them: goals, world view, preferred channel (002)."""


@attrs.frozen
class Impact:
    """Damage done or expected, in the terms that matter to the client (001 §3)."""

    kind: ImpactKind = attrs.field(validator=v.instance_of(ImpactKind))
    """Time, money, scope, contract or reputation."""
    description: str = attrs.field(validator=v.required_text)
    """What the damage is."""
    amount: Decimal | None = attrs.field(default=None, converter=_impact_amount)
    """Its size where it can be counted (money, days, …)."""


@attrs.frozen
class Assessment:
    """The full situation, written down before meeting the client (001 §1-3; 003 §1).

    Parts may be left empty while the picture is being built (``assess`` may be repeated);
    the ``ASSESS_FIRST`` rule says which parts the client meeting still needs.
    """

    root_cause: str = attrs.field(validator=v.text)
    """Where the relationship broke down (000)."""
    timeline: str = attrs.field(validator=v.text)
    """How things got to where they are."""
    stakeholders: tuple[Stakeholder, ...] = attrs.field(converter=_assessment_stakeholders)
    """Everyone concerned, on both sides."""
    implications: str = attrs.field(validator=v.text)
    """What follows from the situation, realised or potential."""
    client_perspective: str = attrs.field(validator=v.text)
    """The situation as the client sees it (001 §2)."""
    impacts: tuple[Impact, ...] = attrs.field(default=(), converter=_assessment_impacts)
    """Damage done or expected (001 §3)."""

    def missing(self) -> tuple[str, ...]:
        """The parts the client meeting needs that are still empty."""
        parts = (
            ("root cause", bool(self.root_cause.strip())),
            ("timeline", bool(self.timeline.strip())),
            ("stakeholders", bool(self.stakeholders)),
            ("implications", bool(self.implications.strip())),
            ("client's perspective", bool(self.client_perspective.strip())),
        )
        gaps = [name for name, present in parts if not present]
        return tuple(gaps)


@attrs.frozen
class Alignment:
    """Internal leadership's approval of the approach (001 §4)."""

    approved_by: str = attrs.field(validator=v.required_text)
    """Who approved."""
    approach: str = attrs.field(validator=v.text)
    """The agreed way to handle the situation."""
    at: datetime = attrs.field(validator=v.a_datetime)
    """When."""


@attrs.frozen
class Quantification:
    """How big an issue is, as a number (003 §2)."""

    metric: str = attrs.field(validator=v.required_text)
    """What is measured, for example ``"missed deadlines"``."""
    value: Decimal = attrs.field(converter=_quantification_value)
    """How much."""
    unit: str = attrs.field(validator=v.text)
    """In what unit, for example ``"per month"``."""

    def __str__(self) -> str:
        return " ".join(part for part in (f"{self.value}", self.unit, f"({self.metric})") if part)


@attrs.frozen
class Issue:
    """One specific problem the client has, kept by the relationship.

    Issues are created by :meth:`Relationship.raise_issue
    <clientrecovery.Relationship.raise_issue>` and changed by its commands.
    """

    id: str = attrs.field(validator=v.required_text)
    """Stable id, for example ``"I1"``."""
    title: str = attrs.field(validator=v.required_text)
    """The issue as the client put it."""
    detail: str = attrs.field(default="", validator=v.text)
    """More about it."""
    category: IssueCategory = attrs.field(
        default=IssueCategory.OTHER, validator=v.instance_of(IssueCategory)
    )
    """What it is about."""
    status: IssueStatus = attrs.field(
        default=IssueStatus.RAISED, validator=v.instance_of(IssueStatus)
    )
    """Where it stands."""
    examples: tuple[str, ...] = attrs.field(default=(), converter=_issue_examples)
    """Concrete examples that make it specific (003 §1)."""
    quantification: Quantification | str | None = attrs.field(
        default=None, validator=attrs.validators.optional(v.instance_of(Quantification, str))
    )
    """Its size: a :class:`Quantification` or a written measure (003 §2)."""
    late: bool = attrs.field(default=False, validator=v.instance_of(bool))
    """Raised after the list had been agreed."""
    note: str = attrs.field(default="", validator=v.text)
    """Why it was dropped, or the evidence it was resolved."""
    raised_by: Party = attrs.field(default=Party.CLIENT, validator=v.instance_of(Party))
    """Who brought it up: the client, or the provider bringing news the client does not
    have yet (001)."""
    client_words: str = attrs.field(default="", validator=v.text)
    """The client's own phrasing, relayed back in writing ("you told us: …", 004)."""

    @property
    def live(self) -> bool:
        """Whether the issue still counts (it was not dropped)."""
        return self.status is not _DROPPED


@attrs.frozen
class Commitment:
    """A promise one party makes the other, with a measurable outcome and a due date.

    The client's commitment (003 §4) says what the client will do once the issues are
    resolved: give a referral, pay an invoice, renew, buy.
    """

    party: Party = attrs.field(validator=v.instance_of(Party))
    """Who commits."""
    description: str = attrs.field(validator=v.required_text)
    """What they will do."""
    measure: str = attrs.field(validator=v.text)
    """How both sides will know it was done."""
    due: date = attrs.field(validator=v.a_date)
    """By when."""
    id: str | None = attrs.field(default=None, validator=v.optional_text)
    """Stable id; assigned by the relationship (``"C1"``, …) when ``None``."""
    status: CommitmentStatus = attrs.field(
        default=CommitmentStatus.AGREED,
        validator=v.instance_of(CommitmentStatus),
    )
    """Set by the relationship."""
    note: str = attrs.field(default="", validator=v.text)
    """The evidence it was fulfilled, or why it was broken."""


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
    """Working days waited, by which the due date moved."""
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
        return bool(self.holds) and self.holds[-1].ended_at is None

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


@attrs.frozen
class Communication:
    """One entry of the relationship's communications log."""

    kind: CommunicationKind = attrs.field(validator=v.instance_of(CommunicationKind))
    """A written summary, a follow-up, a client contact or a stakeholder update."""
    at: datetime = attrs.field(validator=v.a_datetime)
    """When."""
    summary: str = attrs.field(validator=v.text)
    """What was said or checked."""
    channel: str = attrs.field(default="", validator=v.text)
    """How the client was contacted (``"call"``, ``"email"``, …)."""
    proactive: bool = attrs.field(default=True, validator=v.instance_of(bool))
    """Whether the provider reached out before the client expected it (003 §10)."""
    audience: tuple[str, ...] = attrs.field(default=(), converter=_communication_audience)
    """Who was informed (stakeholder updates)."""
    actor: str | None = attrs.field(default=None, validator=v.optional_text)
    """Who did it."""
