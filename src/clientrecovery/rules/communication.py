"""Communication: stakeholders told what was agreed (001 §7)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from clientrecovery import events as ev
from clientrecovery.catalogue import Finding
from clientrecovery.errors import InvalidValue

if TYPE_CHECKING:
    from clientrecovery.relationship import Relationship

__all__ = ["check_inform"]


def check_inform(r: Relationship, e: ev.StakeholdersInformed) -> Iterator[Finding]:
    if not e.audience:
        raise InvalidValue("inform_stakeholders(audience=...)", "must name at least one person")
    return iter(())
