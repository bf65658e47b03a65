"""The provider's clock while its work waits on the client (private).

A wait on the client stops the provider's clock ("Dealing with a difficult client", final
comments: the client's part is expected of it; step 9: the provider's deadlines). One
function says where the clock stands, so that a resumption, a delay warned or a revision
made during the wait, and the checks that judge them, all read the same due date:

- the days count from the start of the wait, or from the last date the client was given
  during it (a warned delay, a revision that moved the work later): that date already
  allows for the days waited before it;
- work on time when its days begin to count keeps the working days it had left: its due
  date moves by the working days waited;
- work already late then stays exactly as late as it was: its due date moves by the
  calendar days waited, as lateness is counted in calendar days. The wait pauses the clock
  from its start; it does not excuse the days before it, nor add the days off within it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from clientrecovery.schedule import after_days, days_between

if TYPE_CHECKING:
    from clientrecovery.model import Hold, Initiative
    from clientrecovery.policy import Policy

__all__ = ["clock_due", "counted_from", "moved_due"]


def counted_from(initiative: Initiative, hold: Hold) -> datetime:
    """When the days of ``hold`` on ``initiative`` begin to count: the last delay told
    during it (a warning or a revision), else the start of the wait."""
    start = hold.started_at
    delays = initiative.delays
    if delays and delays[-1].at > start:
        return delays[-1].at
    return start


def moved_due(
    policy: Policy, due: date, since: date, until: date, waited: int | None = None
) -> date:
    """``due`` moved by a wait counted from the day ``since`` to the day ``until``
    (``waited``: its working days, when the caller has counted them)."""
    if until <= since:
        return due
    if since > due:  # late already: the lateness stands still
        return due + (until - since)
    if waited is None:
        waited = days_between(policy, since, until)
    return after_days(policy, due, waited)


def clock_due(policy: Policy, initiative: Initiative, at: datetime) -> date:
    """The due date of ``initiative`` as its clock stands at ``at`` (aware): its own, or,
    while it waits on the client, that date moved by the wait so far."""
    if not initiative.on_hold:
        return initiative.due
    since = policy.local_date(counted_from(initiative, initiative.holds[-1]))
    return moved_due(policy, initiative.due, since, policy.local_date(at))
