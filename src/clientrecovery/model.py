"""Value objects of the method: issues, commitments, options, plans and their parts.

Every class here is frozen and slotted; collections are tuples (lists are converted). A value
refuses a wrong type or an empty required text when it is built, with an
:class:`~clientrecovery.InvalidValue` naming the field. Whether a value is *good enough* for
the method (an assessment with a root cause, an initiative with an owner) is not checked here
but by the rules, when a command uses it, so the explanation can cite the article.

The values live here by part of the method: the enumerations of its vocabulary (sides,
stages, statuses) in ``clientrecovery._vocabulary``, the turnaround plan's values (options,
initiatives, holds, delays) in ``clientrecovery._plan``, and the rest (the assessment,
issues, commitments, the communications log) in this module, which is where every one of
them is imported from and documented.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal

import attrs

from clientrecovery import _validate as v
from clientrecovery._plan import (
    CostChange,
    DelayWarning,
    Hold,
    Initiative,
    ResolutionOption,
    TurnaroundPlan,
)
from clientrecovery._vocabulary import (
    _DROPPED,
    CommitmentStatus,
    CommunicationKind,
    EndCause,
    ImpactKind,
    InitiativeStatus,
    IssueCategory,
    IssueStatus,
    Party,
    Stage,
)

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


# Named converters: the attrs mypy plugin reads their types; each names its field.


def _impact_amount(value: Decimal | int | str | None) -> Decimal | None:
    return None if value is None else v.to_decimal(value, "Impact.amount")


def _quantification_value(value: Decimal | int | str) -> Decimal:
    return v.to_decimal(value, "Quantification.value")


def _assessment_stakeholders(value: Iterable[Stakeholder]) -> tuple[Stakeholder, ...]:
    return v.tuple_of(value, Stakeholder, "Assessment.stakeholders")


def _assessment_impacts(value: Iterable[Impact]) -> tuple[Impact, ...]:
    return v.tuple_of(value, Impact, "Assessment.impacts")


def _issue_examples(value: Iterable[str]) -> tuple[str, ...]:
    return v.tuple_of(value, str, "Issue.examples")


def _communication_audience(value: Iterable[str]) -> tuple[str, ...]:
    return v.tuple_of(value, str, "Communication.audience")


# Each leaves alone a value of its field's type (a decoded document's), so loading may skip it.
v.STRUCTURAL.update(
    (
        _impact_amount,
        _quantification_value,
        _assessment_stakeholders,
        _assessment_impacts,
        _issue_examples,
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
