"""The history a save builds on (private): all of it must be the stored one, not only its
last event.

A save of a relationship at ``expected_version`` appends its later events to the stored
chain. The stored event at that version being the relationship's own is not enough: another
history under the same id (another client, another policy, the same last event) would be
appended to, and the store would then hold, and a keyed store believe, a state its chain
does not give. :class:`Prefixes` works out the head of the chain of the relationship's first
``expected_version`` events, so the store compares it with the head it holds.

Linking a whole history on every save would make each save cost as much as the case is
long. A store remembers instead the head each log reached when it loaded or saved it: a
relationship's log is a view of a buffer that only grows, shared by the relationships the
commands made from it (:class:`~clientrecovery._records.AppendLog`, whose lock is the
buffer's own), so a relationship made from one the store loaded or saved needs only its new
events linked. Any other (a document read again, a history replayed) is linked from its
start, once.

>>> from clientrecovery.examples import masterclass
>>> from clientrecovery.serialization import _event_json
>>> case = masterclass()
>>> prefixes = Prefixes(_event_json, key=None)
>>> head = prefixes.head(case, case.version)
>>> prefixes.remember(case, head)
>>> prefixes.head(case, case.version) == head  # remembered: nothing linked again
True
"""

from __future__ import annotations

import itertools
from collections import OrderedDict
from collections.abc import Callable
from typing import Final

from clientrecovery._chain import GENESIS, link
from clientrecovery.events import Event
from clientrecovery.relationship import Relationship

__all__ = ["ANOTHER_HISTORY", "Prefixes"]

ANOTHER_HISTORY: Final = (
    "its first {} events are not the stored ones, though the last of them is (another"
    " history under the same id)"
)
"""Why a save is refused whose history is another one up to the stored version."""

_REMEMBERED: Final = 1024
"""How many logs a store remembers the heads of (the most recently loaded or saved)."""


class Prefixes:
    """The heads of the chains a store's relationships' logs reached, as it last saw them.

    Args:
        payload: The text a store's chain covers for an event.
        key: The store's key (``None``: plain SHA-256).
    """

    __slots__ = ("_key", "_known", "_payload")

    def __init__(self, payload: Callable[[Event], str | bytes], *, key: bytes | None) -> None:
        self._payload = payload
        self._key = key
        # By the lock of a log's buffer, which no other buffer shares: its id, its version
        # then, and the head. Held strongly, so the lock's identity is never reused.
        self._known: OrderedDict[object, tuple[str, int, str]] = OrderedDict()

    def head(self, relationship: Relationship, events: int) -> str:
        """The head of the chain of the relationship's first ``events`` events."""
        rid = relationship.id
        log = relationship._log
        start, head = 0, GENESIS
        seen = self._known.get(log._lock)
        if seen is not None and seen[0] == rid and seen[1] <= events:
            start, head = seen[1], seen[2]  # the buffer's items up to there are those
        payload, key = self._payload, self._key
        for version, event in enumerate(itertools.islice(log, start, events), start=start + 1):
            head = link(head, rid, version, payload(event), key=key)
        return head

    def remember(self, relationship: Relationship, head: str) -> None:
        """Remember that the relationship's whole history chains to ``head``."""
        token = relationship._log._lock
        self._known[token] = (relationship.id, relationship.version, head)
        self._known.move_to_end(token)
        if len(self._known) > _REMEMBERED:
            self._known.popitem(last=False)
