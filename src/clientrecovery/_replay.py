"""The one path every event takes into a relationship (private): check, then apply.

:func:`run` is what each command and :meth:`Relationship.apply
<clientrecovery.Relationship.apply>` do: evaluate every rule that bears on the event,
refuse it with :class:`~clientrecovery.RuleViolation` if any finding is an ERROR, and only
then build the new relationship from the event's changes (the handlers of
:mod:`clientrecovery._handlers`). :class:`Replay` rebuilds a relationship from its history
through the same checks, changing one draft in place instead of copying it per event.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final, NoReturn

import attrs

from clientrecovery import events as ev
from clientrecovery import rules
from clientrecovery._handlers import APPLY
from clientrecovery._records import AppendLog, replaced, update
from clientrecovery.catalogue import Finding, Rule, Severity
from clientrecovery.errors import ChronologyError, RuleViolation
from clientrecovery.model import Commitment, Party, Stage
from clientrecovery.policy import Policy
from clientrecovery.rules.standing import standing

if TYPE_CHECKING:
    from clientrecovery.relationship import Relationship

__all__ = ["Checked", "Replay", "checking", "keep_ended", "on_history", "run"]

Ended = tuple[tuple[Finding, ...], tuple[Commitment, ...], tuple[Finding, ...]]
"""What an ended case's findings hold (see :func:`keep_ended`)."""
checking: contextvars.ContextVar[bool] = contextvars.ContextVar("checking", default=False)
"""True while :meth:`Relationship.check <clientrecovery.Relationship.check>` runs a command dry."""


class Checked(Exception):
    """Carries a dry run's findings out of a command (see :meth:`Relationship.check`)."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__()
        self.findings = findings


def run(r: Relationship | None, event: ev.Event) -> Relationship:
    """``r`` with ``event`` recorded, every rule checked first (``r`` is ``None`` for the
    event that opens a relationship); raises :class:`~clientrecovery.RuleViolation`."""
    policy = r.policy if r is not None else _first_policy(event)
    found = rules.evaluate(r, event, policy)
    if checking.get():
        raise Checked(found)
    if found:
        _refuse_errors(event, found)
    return _apply(r, event, found)


class Replay:
    """Replays events into one relationship, changed in place.

    Each command copies the aggregate, so that every relationship handed out stays as it
    was. During a replay no one sees the relationship before the last event, so those
    copies are not needed (they were a quarter of a replay's time): the events' changes go
    into one relationship, and the issues, initiatives and holds it made itself are changed
    in place while it is a draft. The rules and the changes are the commands' own: only where
    the changes go differs. :meth:`result` hands the relationship out, and from then on
    it is copied like any other.
    """

    __slots__ = ("_check", "_current")

    def __init__(self, *, check: bool = True) -> None:
        self._current: Relationship | None = None
        # Without checks, for events a store already checked and can prove it holds as saved.
        self._check = check

    def add(self, event: ev.Event) -> None:
        """Check ``event`` as its command would, then record it (raises as :func:`_run`)."""
        r = self._current
        if r is None:
            r = run(None, event)  # a new relationship, with a log of its own
            r.__dict__["_draft"] = True
            self._current = r
            return
        kind = type(event)
        advised = kind in _ADVISED
        if self._check or advised:
            # Unchecked, an event that keeps advice still needs its findings (not as a check).
            found = rules.evaluate(r, event, r.policy)
            if found and self._check:
                _refuse_errors(event, found)
            changes = APPLY[kind](r, event)
            if advised:
                _advise(r, event, found, changes)
        else:
            changes = APPLY[kind](r, event)
        changes["_cache"] = None
        r.__dict__.update(changes)
        log = r._log  # grown in place (AppendLog.grow), without a call per event
        log._buffer.append(event)
        log._size += 1

    def result(self) -> Relationship | None:
        """The relationship replayed (``None`` if no event was added); this ends the replay."""
        r, self._current = self._current, None
        if r is not None:
            r.__dict__["_draft"] = False
            _settle(r)
            keep_ended(r)  # once, for the whole history: only its end matters
        return r


def _settle(r: Relationship) -> None:
    """Turn the lists a replay grew in place back into the tuples a relationship holds."""
    state = r.__dict__
    if type(state["commitments"]) is list:
        state["commitments"] = tuple(state["commitments"])
    for initiative in r._work:
        for name in ("holds", "delays"):
            items = getattr(initiative, name)
            if type(items) is list:
                update(initiative, {name: tuple(items)})


def _refuse_errors(event: ev.Event, found: list[Finding]) -> None:
    errors = [f for f in found if f.severity is _ERROR]
    if errors:
        _refuse(event.command, errors)


def _first_policy(event: ev.Event) -> Policy:
    """The policy of a history's first event, which must open the relationship."""
    if isinstance(event, ev.RelationshipOpened):
        return event.policy
    raise RuleViolation(
        "replay",
        [
            Finding(
                Rule.STAGE_ORDER,
                Severity.ERROR,
                "a history must start with RelationshipOpened",
                hint="replay the whole history, from its first event",
            )
        ],
    )


def _refuse(command: str, errors: list[Finding]) -> NoReturn:
    if any(f.rule is Rule.CHRONOLOGY for f in errors):
        raise ChronologyError(command, errors)
    raise RuleViolation(command, errors)


_PLAN_EVENTS = (ev.PlanProposed, ev.PlanRevised)


_SETTLED: Final = (ev.CommitmentFulfilled, ev.CommitmentBroken)
_FINISHED: Final = (ev.InitiativeCompleted, ev.InitiativeDropped)
_ADVISED: Final = frozenset({*_PLAN_EVENTS, ev.IssueSpecified, *_SETTLED, *_FINISHED})
# Read for every finding, as module names (a member read through its class is slow).
_ERROR = Severity.ERROR
# A plan's advice that findings(now) gives otherwise: moved work with the initiatives'
# delays, a late answer to the promised response date by the clock.
_TOLD_ELSEWHERE: Final = frozenset({Rule.WARN_AHEAD, Rule.PROMISE_KEPT})
"""The events whose findings :func:`_advise` keeps."""


def _advise(
    r: Relationship, event: ev.Event, found: list[Finding], changes: dict[str, Any]
) -> None:
    """Keep the advice a plan or an issue was given when recorded, which stands as long as
    they do (:mod:`clientrecovery.rules.standing`): a plan's while it is the current version
    (WARN_AHEAD of moved work stands with the initiative's delays instead, PROMISE_KEPT of a
    late answer with the clock's findings), an issue's while
    it is specified or agreed. So is what settling a provider promise (PROMISE_KEPT: broken,
    or kept late) and finishing the provider's work (WARN_AHEAD: completed or dropped late,
    unwarned) were told: the day they happened is on no value, and what happened stays."""
    kind = type(event)
    if kind in _SETTLED:
        subject = event.commitment_id  # type: ignore[attr-defined]
        told = _told(found, Rule.PROMISE_KEPT, subject)
        if told:
            changes["_promise_advice"] = {**r._promise_advice, subject: told}
    elif kind in _FINISHED:
        subject = event.initiative_id  # type: ignore[attr-defined]
        told = _told(found, Rule.WARN_AHEAD, subject)
        if told or subject in r._work_advice:  # work planned again and finished anew
            kept = {k: v for k, v in r._work_advice.items() if k != subject}
            changes["_work_advice"] = {**kept, subject: told} if told else kept
    elif kind in _PLAN_EVENTS:
        changes["_plan_advice"] = tuple(
            f for f in found if f.severity is not _ERROR and f.rule not in _TOLD_ELSEWHERE
        )
    elif kind is ev.IssueSpecified and found:
        advice = tuple(f for f in found if f.severity is not _ERROR)
        if advice:
            issue_id = event.issue_id  # type: ignore[attr-defined]
            changes["_issue_advice"] = {**r._issue_advice, issue_id: advice}


def _told(found: list[Finding], rule: Rule, subject: str) -> tuple[Finding, ...]:
    """The advisory findings of ``rule`` about ``subject`` in ``found``."""
    return tuple(
        f for f in found if f.rule is rule and f.subject == subject and f.severity is not _ERROR
    )


def _apply(r: Relationship | None, event: ev.Event, found: list[Finding]) -> Relationship:
    if isinstance(event, ev.RelationshipOpened):
        return _opened(event)
    if r is None:  # pragma: no cover - _first_policy refuses this first
        raise AssertionError("an event before RelationshipOpened")
    changes = APPLY[type(event)](r, event)
    _advise(r, event, found, changes)
    changes["_log"] = r._log.appended(event)
    changes["_cache"] = None
    # An ended case's findings are found on the first findings(now), not at each command:
    # found here, every contact recorded after a close re-read the whole record since it.
    changes["_ended"] = None
    return replaced(r, changes)


_BLANK: list[tuple[type[Relationship], dict[str, Any], tuple[tuple[str, Any], ...]]] = []
"""The aggregate's class, its fields' plain defaults and its fields' factories (made once)."""


def _opened(event: ev.RelationshipOpened) -> Relationship:
    """The relationship ``event`` opens. As attrs' ``__init__`` would make it, without its
    forty-odd attribute writes one by one: the fields have no validators or converters, so
    the state is the defaults (each factory's made anew) and the event's values."""
    if not _BLANK:
        # Imported here: the aggregate's module imports this one (through its commands).
        from clientrecovery.relationship import Relationship

        fields = attrs.fields(Relationship)
        if any(f.validator is not None or f.converter is not None for f in fields):
            raise TypeError("Relationship's fields are checked: open it through __init__")
        defaults: list[tuple[str, Any]] = [(f.name, f.default) for f in fields]
        plain = {
            name: default
            for name, default in defaults
            if default is not attrs.NOTHING and not isinstance(default, attrs.Factory)  # type: ignore[arg-type]
        }
        factories = tuple(
            (name, default.factory)
            for name, default in defaults
            if isinstance(default, attrs.Factory)  # type: ignore[arg-type]
        )
        _BLANK.append((Relationship, plain, factories))
    cls, plain, factories = _BLANK[0]
    state = plain.copy()
    for name, factory in factories:
        state[name] = factory()
    state.update(
        id=event.id,
        client=event.client,
        trigger=event.trigger,
        raised_by=event.raised_by,
        opened_at=event.at,
        policy=event.policy,
        stage=Stage.ASSESSING,
        account=event.account,
        _log=AppendLog((event,)),
    )
    made = object.__new__(cls)
    object.__setattr__(made, "__dict__", state)
    return made


def keep_ended(r: Relationship) -> None:
    """Keep what the findings of an ended case hold whenever they are asked: its standing
    findings, its provider promises and the review of what was sent after its end. They
    depend on the history alone, which changes only by an event, so they are found once,
    as each event is applied; ``findings(now)`` adds only the promises time made late."""
    if r.stage.terminal:
        promises = tuple([c for c in r.commitments if c.party is Party.PROVIDER])
        r.__dict__["_ended"] = (standing(r), promises, on_history(r))


_REVIEW: list[Callable[[Relationship], tuple[Finding, ...]]] = []


def on_history(r: Relationship) -> tuple[Finding, ...]:
    """The review of the texts on ``r``'s record (:func:`clientrecovery.guidance.on_history`),
    imported on first use: the guidance engine is loaded only when a review is asked for."""
    if not _REVIEW:
        from clientrecovery.guidance import on_history

        _REVIEW.append(on_history)
    return _REVIEW[0](r)
