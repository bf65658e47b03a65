"""The method's vocabulary (private): the sides, the stages, and the life of each value.

Enumerations only, with no behaviour beyond a stage's :attr:`~Stage.terminal`. Every name is
documented and imported as ``clientrecovery.model.<name>`` (and from ``clientrecovery``);
they live apart from the values so that both :mod:`clientrecovery.model` and the plan's
values (``clientrecovery._plan``) can use them.
"""

from __future__ import annotations

import enum

__all__ = [
    "CommitmentStatus",
    "CommunicationKind",
    "EndCause",
    "ImpactKind",
    "InitiativeStatus",
    "IssueCategory",
    "IssueStatus",
    "Party",
    "Stage",
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
