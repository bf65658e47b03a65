"""The aggregate: a client relationship in trouble, and the commands that move it on.

Every command checks all the rules that bear on it first, raises
:class:`~clientrecovery.RuleViolation` listing every ERROR finding if any, and only then
records one event and returns a new :class:`Relationship`; the instance it was called on is
never changed. :meth:`Relationship.replay` rebuilds a relationship from its history through
the very same path, so a history that breaks the method cannot be loaded.

The class holds the state and the properties that read it; the rest lives by concept in
private modules, one function per method: the commands in :mod:`clientrecovery._commands`,
the queries that take arguments in :mod:`clientrecovery._queries`, and the path every event
takes (the rules, then the changes; replay) in :mod:`clientrecovery._replay`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import attrs

from clientrecovery import _commands, _queries
from clientrecovery import events as ev
from clientrecovery._records import AppendLog, Chunks, Index, replace
from clientrecovery._replay import Ended, Replay, run
from clientrecovery._validate import collection
from clientrecovery.catalogue import Finding
from clientrecovery.errors import InvalidValue, RuleViolation
from clientrecovery.model import (
    Alignment,
    Assessment,
    Commitment,
    CommitmentStatus,
    Communication,
    DelayWarning,
    EndCause,
    Initiative,
    InitiativeStatus,
    Issue,
    Party,
    Stage,
    TurnaroundPlan,
)
from clientrecovery.policy import Policy

__all__ = ["Relationship"]

_DEFAULT_POLICY = Policy()
_NAMESPACE = uuid.UUID("6f1c2b1e-8d0a-4f55-9a57-1c3e7f0b2d44")
# The terminal stages, for plan_in_force, which every delivery event's check reads: "in" a
# tuple finds a member by identity, without calling Stage.terminal (half of the test).
_TERMINAL = tuple(s for s in Stage if s.terminal)


# Not slotted, unlike the values: every command copies the aggregate, and copying its
# ``__dict__`` costs a fraction of writing some thirty slots one by one.
@attrs.frozen(repr=False, slots=False)
class Relationship:
    """A client relationship being turned around.

    Start one with :meth:`open` (or rebuild one with :meth:`replay`); every command returns
    a new relationship with one more event in :attr:`history`.
    """

    id: str
    """Stable id of the relationship."""
    client: str
    """The client's name."""
    trigger: str
    """What brought the relationship into trouble."""
    raised_by: Party
    """Who raised the trouble."""
    opened_at: datetime
    """When the relationship was opened."""
    policy: Policy
    """The thresholds and calendar it runs under."""
    stage: Stage
    """Where it stands in the method."""
    account: str | None
    """The CRM's key of the client account, or ``None`` (from :meth:`open`)."""
    _log: AppendLog[ev.Event] = attrs.field(repr=False)
    assessment: Assessment | None = None
    """The latest written assessment of the situation."""
    assessed_at: datetime | None = None
    """When the assessment was last written."""
    alignment: Alignment | None = None
    """Internal leadership's latest approval."""
    met_at: datetime | None = None
    """When the client was met."""
    _issues: Chunks[Issue] = attrs.field(factory=Chunks)
    issues_agreed_at: datetime | None = None
    """When the client last agreed the list."""
    commitments: tuple[Commitment, ...] = ()
    """Commitments secured, in order."""
    response_due: date | None = None
    """The date the provider promised its response and plan by."""
    response_promised_at: datetime | None = None
    """When that promise was made."""
    summary_sent_at: datetime | None = None
    """When the written summary was last sent."""
    responded_at: datetime | None = None
    """When a plan last answered the promised response (proposed in PLANNING)."""
    recovering_since: datetime | None = None
    """When the client first agreed a plan and recovery began."""
    _plan: TurnaroundPlan | None = None  # without initiatives: they live in _work
    _work: Chunks[Initiative] = attrs.field(factory=Chunks)
    _communications: AppendLog[Communication] = attrs.field(factory=AppendLog)
    ended_at: datetime | None = None
    """When the relationship was closed as recovered or ended as lost."""
    end_reason: str = ""
    """Why it was lost."""
    lessons: tuple[str, ...] = ()
    """Lessons learned (004), at any stage and after the end too."""
    end_cause: EndCause | None = None
    """Why it was lost, for analysis; ``None`` unless LOST."""
    ended_by: Party | None = None
    """Which side ended it; ``None`` unless LOST."""
    _agreed_work: frozenset[str] = frozenset()  # initiatives of the last plan version agreed
    _response_moves: tuple[DelayWarning, ...] = ()  # promised response dates moved later
    # The advisory findings the current plan version was proposed with (see rules.standing).
    _plan_advice: tuple[Finding, ...] = attrs.field(default=(), eq=False, hash=False)
    _issue_advice: Mapping[str, tuple[Finding, ...]] = attrs.field(
        factory=dict, eq=False, hash=False
    )
    # What a provider promise was settled with (broken, or kept after its date), by
    # commitment id, and what the provider's work was finished with (completed or dropped
    # after its date), by initiative id: the day it happened is on no value (see
    # rules.standing).
    _promise_advice: Mapping[str, tuple[Finding, ...]] = attrs.field(
        factory=dict, eq=False, hash=False
    )
    _work_advice: Mapping[str, tuple[Finding, ...]] = attrs.field(
        factory=dict, eq=False, hash=False
    )
    _issue_pos: Index = attrs.field(factory=Index, eq=False, hash=False)
    _commitment_pos: Mapping[str, int] = attrs.field(factory=dict, eq=False, hash=False)
    _initiative_pos: Mapping[str, int] = attrs.field(factory=dict, eq=False, hash=False)
    _work_for: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict, eq=False, hash=False)
    _cache: dict[str, Any] | None = attrs.field(default=None, init=False, eq=False, hash=False)
    # Once closed or lost: its standing findings, provider promises and the review of what
    # was sent after its end, found once: by a replay at its end, else on the first
    # findings(now) (see _replay.keep_ended).
    _ended: Ended | None = attrs.field(default=None, init=False, eq=False, hash=False)
    # True only while a replay builds the relationship, before anyone else sees it: its
    # issues, initiatives and holds are then its own, and are changed in place (see
    # _replay.Replay).
    _draft: bool = attrs.field(default=False, init=False, eq=False, hash=False)

    def __repr__(self) -> str:
        return (
            f"<Relationship {self.id!r} client={self.client!r} stage={self.stage.name}"
            f" version={self.version}>"
        )

    if not TYPE_CHECKING:  # hidden from the type checker, which would then allow any name

        def __getattr__(self, name: str) -> Any:
            # Only a relationship a keyed store rebuilt from its verified state lacks
            # attributes: they are read from it when the first is asked for
            # (clientrecovery._stored_state.rebuilt).
            deferred = self.__dict__.get("_deferred")
            if deferred is not None and name in deferred.names:
                deferred.fill(self)
                return self.__dict__[name]
            raise AttributeError(
                f"{type(self).__name__!r} object has no attribute {name!r}", name=name, obj=self
            )

        def __dir__(self) -> list[str]:
            # The attributes not read yet too (an editor's completion, inspect), unread.
            names = set(super().__dir__())
            deferred = self.__dict__.get("_deferred")
            if deferred is not None:
                names |= deferred.names
                names.discard("_deferred")
            return sorted(names)

    def _cached(self, key: str, make: Callable[[], Any]) -> Any:
        cache = self._cache
        if cache is None:
            cache = {}
            object.__setattr__(self, "_cache", cache)
        if key not in cache:
            cache[key] = make()
        return cache[key]

    # --- queries ---------------------------------------------------------------------------

    @property
    def history(self) -> tuple[ev.Event, ...]:
        """Every accepted command's event, oldest first."""
        return self._cached("history", self._log.as_tuple)  # type: ignore[no-any-return]

    @property
    def issues(self) -> tuple[Issue, ...]:
        """The client's issues, in the order raised."""
        return self._cached("issues", self._issues.as_tuple)  # type: ignore[no-any-return]

    @property
    def plan(self) -> TurnaroundPlan | None:
        """The current plan, with each initiative's progress."""
        if self._plan is None:
            return None
        header = self._plan
        return self._cached(  # type: ignore[no-any-return]
            "plan", lambda: replace(header, initiatives=self._work.as_tuple())
        )

    @property
    def plan_version(self) -> int:
        """The current plan's version: 0 before the first proposal."""
        return 0 if self._plan is None else self._plan.version

    @property
    def plan_agreed(self) -> bool:
        """Whether the client agreed the current version of the plan."""
        return self._plan is not None and self._plan.agreed_at is not None

    @property
    def communications(self) -> tuple[Communication, ...]:
        """The communications log, oldest first."""
        return self._cached("communications", self._communications.as_tuple)  # type: ignore[no-any-return]

    @property
    def version(self) -> int:
        """How many events were accepted; a store can refuse a stale write by it."""
        return len(self._log)

    @property
    def last_event(self) -> ev.Event:
        """The most recent event."""
        log = self._log  # (its buffer read here: every event's check asks for it)
        return log._buffer[log._size - 1]

    @property
    def done_initiatives(self) -> frozenset[str]:
        """Ids of the current plan's initiatives that are done."""
        return frozenset(i.id for i in self._work if i.status is InitiativeStatus.DONE)

    @property
    def plan_in_force(self) -> bool:
        """Whether the client has agreed a plan that still runs: delivery goes on while a late
        issue is discovered and a revision waits for agreement (003 §9; 000)."""
        return self.recovering_since is not None and self.stage not in _TERMINAL

    @property
    def plan_advice(self) -> tuple[Finding, ...]:
        """The WARNING and INFO findings the current plan version was proposed with."""
        return self._plan_advice

    @property
    def issue_advice(self) -> Mapping[str, tuple[Finding, ...]]:
        """The WARNING and INFO findings issues were specified with, by issue id."""
        return self._issue_advice

    @property
    def response_moves(self) -> tuple[DelayWarning, ...]:
        """Each time the promised response date moved later, oldest first."""
        return self._response_moves

    @property
    def promises(self) -> tuple[Commitment, ...]:
        """The provider's own promises (000), in order."""
        return tuple(c for c in self.commitments if c.party is Party.PROVIDER)

    @property
    def has_client_commitment(self) -> bool:
        """Whether the client has a commitment that is not broken (003 §4)."""
        return any(
            c.party is Party.CLIENT and c.status is not CommitmentStatus.BROKEN
            for c in self.commitments
        )

    @property
    def client_commitment(self) -> Commitment | None:
        """The client's latest commitment, or ``None``."""
        for c in reversed(self.commitments):
            if c.party is Party.CLIENT:
                return c
        return None

    # --- queries with arguments (clientrecovery._queries) --------------------------------

    has_issue = _queries.has_issue
    has_commitment = _queries.has_commitment
    issue = _queries.issue
    commitment = _queries.commitment
    initiative = _queries.initiative
    initiatives_for = _queries.initiatives_for
    agreed_initiative = _queries.agreed_initiative
    findings = _queries.findings
    follow_up_schedule = _queries.follow_up_schedule
    written_summary = _queries.written_summary
    plan_document = _queries.plan_document
    stakeholder_update = _queries.stakeholder_update
    check = _queries.check
    next_actions = _queries.next_actions

    # --- opening and replaying -------------------------------------------------------------

    @classmethod
    def open(
        cls,
        client: str,
        *,
        trigger: str,
        at: datetime,
        id: str | None = None,  # noqa: A002 - the public keyword of the design
        raised_by: Party = Party.CLIENT,
        policy: Policy = _DEFAULT_POLICY,
        actor: str | None = None,
        account: str | None = None,
    ) -> Relationship:
        """Open a relationship in trouble, in the ASSESSING stage.

        Args:
            client: The client's name.
            trigger: What brought the relationship into trouble.
            at: When (timezone-aware).
            id: Its id; when ``None``, derived from client, trigger and time.
            raised_by: Who raised the trouble.
            policy: Thresholds and calendar.
            actor: Who opened it.
            account: The CRM's key of the client account the case belongs to; an account
                may have several cases, open and closed.
        """
        if id is None and isinstance(at, datetime):
            key = f"{client}\x1f{trigger}\x1f{at.isoformat()}"
            # (backslashreplace: a lone surrogate reaches the validators, which name it)
            given: object = str(
                uuid.uuid5(_NAMESPACE, key.encode(errors="backslashreplace").decode())
            )
        else:
            given = id
        event = ev.RelationshipOpened(
            id=given,  # type: ignore[arg-type]  # the validator refuses a non-str
            client=client,
            trigger=trigger,
            raised_by=raised_by,
            policy=policy,
            at=at,
            actor=actor,
            account=account,
        )
        return run(None, event)

    @classmethod
    def replay(cls, history: Iterable[ev.Event]) -> Relationship:
        """Rebuild a relationship from its events, re-checking every rule on the way.

        Raises:
            RuleViolation: An event breaks the method (the message names which, and where).
            InvalidValue: The history is empty, is not a collection, or holds something that
                is not an event.
        """
        replay = Replay()
        for position, event in enumerate(collection(history, "an iterable of events", "history")):
            if not isinstance(event, ev.Event):
                raise InvalidValue(f"history[{position}]", f"is not an Event: {event!r}")
            try:
                replay.add(event)
            except RuleViolation as refused:
                refused.add_note(f"while replaying history[{position}] ({type(event).__name__})")
                raise
        replayed = replay.result()
        if replayed is None:
            raise InvalidValue("history", "is empty; it must start with RelationshipOpened")
        return replayed

    def apply(self, event: ev.Event) -> Relationship:
        """Record an event that was built elsewhere (read from a store, say), with every rule
        checked exactly as when its command ran; replay is this, event after event.

        Raises:
            RuleViolation: The event breaks the method here.
            InvalidValue: ``event`` is not an :class:`~clientrecovery.events.Event`.
        """
        if not isinstance(event, ev.Event):
            raise InvalidValue("apply(event)", f"is not an Event: {event!r}")
        return run(self, event)

    # --- commands (clientrecovery._commands) ---------------------------------------------

    assess = _commands.assess
    align_internally = _commands.align_internally
    meet_client = _commands.meet_client
    raise_issue = _commands.raise_issue
    specify_issue = _commands.specify_issue
    drop_issue = _commands.drop_issue
    agree_issues = _commands.agree_issues
    secure_commitment = _commands.secure_commitment
    promise = _commands.promise
    promise_response = _commands.promise_response
    send_written_summary = _commands.send_written_summary
    propose_plan = _commands.propose_plan
    revise_plan = _commands.revise_plan
    agree_plan = _commands.agree_plan
    start_initiative = _commands.start_initiative
    complete_initiative = _commands.complete_initiative
    warn_delay = _commands.warn_delay
    wait_on_client = _commands.wait_on_client
    resume = _commands.resume
    drop_initiative = _commands.drop_initiative
    follow_up = _commands.follow_up
    contact_client = _commands.contact_client
    inform_stakeholders = _commands.inform_stakeholders
    resolve_issue = _commands.resolve_issue
    fulfil_commitment = _commands.fulfil_commitment
    break_commitment = _commands.break_commitment
    close = _commands.close
    end = _commands.end
    record_lessons = _commands.record_lessons
