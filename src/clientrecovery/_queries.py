"""The queries of :class:`~clientrecovery.Relationship` that take arguments (private).

Each is a method of the aggregate (``Relationship.issue`` is :func:`issue`): looking an item
up by id, what is late as of a moment, the documents written from the record, a command
tried without running it, and what can be done next. The properties, which read the
aggregate's own fields, are on the class itself.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from clientrecovery import _actions, clock, documents
from clientrecovery._replay import Checked, checking, keep_ended, on_history
from clientrecovery.catalogue import Finding, NextAction
from clientrecovery.errors import InvalidValue, UnknownItem
from clientrecovery.model import Commitment, Initiative, Issue
from clientrecovery.stages import COMMAND_STAGES

if TYPE_CHECKING:
    from clientrecovery.relationship import Relationship

__all__ = [
    "agreed_initiative",
    "check",
    "commitment",
    "findings",
    "follow_up_schedule",
    "has_commitment",
    "has_issue",
    "initiative",
    "initiatives_for",
    "issue",
    "next_actions",
    "plan_document",
    "stakeholder_update",
    "written_summary",
]


def _is_id(given: object) -> bool:
    """Whether ``given`` can be an id: a caller may pass anything (an unhashable list, say),
    and only a str can be one."""
    return isinstance(given, str)


def has_issue(self: Relationship, issue_id: str) -> bool:
    """Whether an issue has this id."""
    return issue_id in self._issue_pos


def has_commitment(self: Relationship, commitment_id: str | None) -> bool:
    """Whether a commitment has this id."""
    return _is_id(commitment_id) and commitment_id in self._commitment_pos


def issue(self: Relationship, issue_id: str) -> Issue:
    """The issue with that id (:class:`~clientrecovery.UnknownItem` if none)."""
    # A caller may pass anything; only a str can be an id.
    position = self._issue_pos.get(issue_id) if isinstance(issue_id, str) else None  # type: ignore[redundant-expr]
    if position is None:
        raise UnknownItem("issue", str(issue_id), self._issue_pos.keys())
    return self._issues[position]


def commitment(self: Relationship, commitment_id: str) -> Commitment:
    """The commitment with that id (:class:`~clientrecovery.UnknownItem` if none)."""
    try:
        return self.commitments[self._commitment_pos[commitment_id]]
    except (KeyError, TypeError):
        raise UnknownItem("commitment", str(commitment_id), list(self._commitment_pos)) from None


def initiative(self: Relationship, initiative_id: str) -> Initiative:
    """The current plan's initiative with that id (:class:`~clientrecovery.UnknownItem`)."""
    try:
        return self._work[self._initiative_pos[initiative_id]]
    except (KeyError, TypeError):
        raise UnknownItem("initiative", str(initiative_id), list(self._initiative_pos)) from None


def initiatives_for(self: Relationship, issue_id: str) -> tuple[Initiative, ...]:
    """The current plan's initiatives that address an issue (none for an unknown id)."""
    if not _is_id(issue_id):
        return ()
    work, positions = self._work, self._initiative_pos
    return tuple([work[positions[i]] for i in self._work_for.get(issue_id, ())])


def agreed_initiative(self: Relationship, initiative_id: str) -> bool:
    """Whether the initiative belongs to a plan version the client agreed."""
    return _is_id(initiative_id) and initiative_id in self._agreed_work


def findings(self: Relationship, now: datetime) -> tuple[Finding, ...]:
    """What is late as of ``now``, by how much, and what to do (the advisory rules).

    ``now`` must be aware and not before the last event. Reports WARN_AHEAD,
    FOLLOW_UP_CADENCE, COMMUNICATE_OFTEN, STAKEHOLDERS_INFORMED, PROMISE_KEPT,
    commitments past due, the warnings of the current state that still hold, and the
    review of the texts on the record that went to the client; for a closed or lost
    relationship, only what stands after its end (lessons, an ending without
    inspection, what was sent after it).
    """
    ended = self._ended
    if ended is None and self.stage.terminal:  # rebuilt from a store's trusted state
        keep_ended(self)
        ended = self._ended
    if ended is None:
        return clock.findings(self, now) + on_history(self)
    held, promises, review = ended  # an ended case: only promises depend on ``now``
    clock.as_of(self, now, "findings")
    return clock.after_end(self, now, held, promises) + review


def follow_up_schedule(self: Relationship, until: datetime) -> tuple[datetime, ...]:
    """When status checks are due, from the start of recovery up to ``until`` (003 §9)."""
    return clock.follow_up_schedule(self, until)


def written_summary(self: Relationship) -> str:
    """The written summary of issues, commitment and response date, in Markdown (003 §6)."""
    return documents.written_summary(self)


def plan_document(self: Relationship) -> str:
    """The current plan in writing, in Markdown (003 §7; 001 §6)."""
    return documents.plan_document(self)


def stakeholder_update(self: Relationship) -> str:
    """What was agreed, for the stakeholders, in Markdown (001 §7)."""
    return documents.stakeholder_update(self)


def check(self: Relationship, command: str, /, *args: Any, **kwargs: Any) -> tuple[Finding, ...]:
    """Every finding the command would produce, without running it.

    Takes the same arguments as the command. Returns ERROR findings (which would refuse
    it) as well as WARNING and INFO ones (which would not); never raises
    :class:`~clientrecovery.RuleViolation`. An unknown command or item id raises
    :class:`~clientrecovery.UnknownItem`, a malformed argument
    :class:`~clientrecovery.InvalidValue`, and so do arguments the command does not
    take, or a missing one.
    """
    given: object = command  # callers without type checking pass anything
    if not isinstance(given, str) or given not in COMMAND_STAGES:
        shown = given if isinstance(given, str) else repr(given)
        raise UnknownItem("command", shown, list(COMMAND_STAGES))
    method: Callable[..., Relationship] = getattr(self, command)
    try:
        bound = inspect.signature(method).bind(*args, **kwargs)
    except TypeError as unbound:
        raise InvalidValue(f"check({command!r}, ...)", str(unbound)) from None
    token = checking.set(True)
    try:
        method(*args, **kwargs)
    except Checked as outcome:
        from clientrecovery.guidance import on_command  # review on the record (guidance)

        return (*outcome.findings, *on_command(self, command, bound.arguments))
    finally:
        checking.reset(token)
    raise AssertionError("unreachable: a checked command always reports")  # pragma: no cover


def next_actions(self: Relationship) -> tuple[NextAction, ...]:
    """What can be done now, and what blocks the other commands of this stage.

    Lists the commands that belong to the current stage, in the order of the method;
    commands on items (issues, initiatives, commitments) appear when some item can take
    them, with the ids in the hint.
    """
    return _actions.next_actions(self)
