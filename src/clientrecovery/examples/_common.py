"""What the example stories share (private): narration and a story's calendar."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

import attrs

__all__ = ["Calendar", "Say", "quiet"]

Say = Callable[[str], None]


def quiet(_: str) -> None:
    """Narration that goes nowhere."""


@attrs.frozen
class Calendar:
    """Moments of a story: ``at(day, hour)`` counts days from its first morning."""

    start: datetime

    def at(self, day: int, hour: int = 10, minute: int = 0) -> datetime:
        return self.start.replace(hour=hour, minute=minute) + timedelta(days=day)

    def day(self, day: int) -> date:
        return self.at(day).date()
