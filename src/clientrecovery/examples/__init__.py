"""The articles' stories as ready case histories, and a synthetic portfolio for analysis.

Each story is built through the public commands, so every step of it follows the method;
each returns the relationship with its full history:

- :func:`masterclass` — "A Client Management Masterclass" (000): in one meeting the client
  called, the agency finds where things broke down, takes responsibility and puts a plan
  with hard deadlines on the table, under the :data:`ONE_MEETING` policy.
- :func:`difficult_discussion` — "Having Difficult Discussions with Clients" (001): the
  provider brings news of a budget overrun it already knows, offers three options with one
  preferred, documents and informs the stakeholders.
- :func:`design_firm` — "Four Skills for Successful Client Service Negotiations" (002): the
  design firm that ignored the client's feedback, let ego into the meeting, and lost the
  client even though its next designs were good; what the library would have told it.
- :func:`turnaround` — "Dealing with a difficult client" (003): all ten steps, with the
  hard parts of a real turnaround along the way.

:func:`synthetic_portfolio` drives the same commands with a seeded random generator to make
many varied histories: recovered, lost at every stage, still open, late issues, delay
warnings and holds.

>>> [r.stage.name for r in stories()]
['RECOVERED', 'RECOVERED', 'LOST', 'RECOVERED']
"""

from __future__ import annotations

from clientrecovery.examples._meetings import (
    ONE_MEETING,
    design_firm,
    difficult_discussion,
    masterclass,
)
from clientrecovery.examples._portfolio import synthetic_portfolio
from clientrecovery.examples._turnaround import turnaround
from clientrecovery.relationship import Relationship

__all__ = [
    "ONE_MEETING",
    "design_firm",
    "difficult_discussion",
    "masterclass",
    "stories",
    "synthetic_portfolio",
    "turnaround",
]


def stories() -> tuple[Relationship, ...]:
    """The four stories: :func:`masterclass`, :func:`difficult_discussion`,
    :func:`design_firm`, :func:`turnaround`."""
    return (masterclass(), difficult_discussion(), design_firm(), turnaround())
