"""The aggregate: a client relationship in trouble, and the commands that move it on.

Every command checks all the rules that bear on it first, raises
:class:`~clientrecovery.RuleViolation` listing every ERROR finding if any, and only then
records one event and returns a new :class:`Relationship`; the instance it was called on is
never changed. :meth:`Relationship.replay` rebuilds a relationship from its history through
the very same path, so a history that breaks the method cannot be loaded.
"""

from __future__ import annotations

import contextvars
import inspect
import uuid
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any, NoReturn

import attrs

from clientrecovery import clock, documents, rules
from clientrecovery import events as ev
from clientrecovery._records import AppendLog, Chunks, Index, replace, replaced, update
from clientrecovery._validate import collection, instance_of, on_calendar
from clientrecovery.catalogue import Finding, NextAction, Rule, Severity
from clientrecovery.errors import ChronologyError, InvalidValue, RuleViolation, UnknownItem
from clientrecovery.model import (
    Alignment,
    Assessment,
    Commitment,
    CommitmentStatus,
    Communication,
    CommunicationKind,
    DelayWarning,
    Hold,
    Initiative,
    InitiativeStatus,
    Issue,
    IssueCategory,
    IssueStatus,
    Party,
    Quantification,
    Stage,
    TurnaroundPlan,
)
from clientrecovery.policy import Policy
from clientrecovery.schedule import add_business_days, business_days_between, day_of
from clientrecovery.stages import COMMAND_STAGES

__all__ = ["Relationship"]

_DEFAULT_POLICY = Policy()
_NAMESPACE = uuid.UUID("6f1c2b1e-8d0a-4f55-9a57-1c3e7f0b2d44")
_checking: contextvars.ContextVar[bool] = contextvars.ContextVar("_checking", default=False)


class _Checked(Exception):
    """Carries a dry run's findings out of a command (see :meth:`Relationship.check`)."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__()
        self.findings = findings


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
    """Lessons learned (004)."""
    _issue_pos: Index = attrs.field(factory=Index, eq=False, hash=False)
    _commitment_pos: Mapping[str, int] = attrs.field(factory=dict, eq=False, hash=False)
    _initiative_pos: Mapping[str, int] = attrs.field(factory=dict, eq=False, hash=False)
    _work_for: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict, eq=False, hash=False)
    _cache: dict[str, Any] | None = attrs.field(default=None, init=False, eq=False, hash=False)
    # True only while a replay builds the relationship, before anyone else sees it: its issues
    # and initiatives are then its own, and are changed in place (see _Replay).
    _draft: bool = attrs.field(default=False, init=False, eq=False, hash=False)

    def __repr__(self) -> str:
        return (
            f"<Relationship {self.id!r} client={self.client!r} stage={self.stage.name}"
            f" version={self.version}>"
        )

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
        return self._log.last

    def has_issue(self, issue_id: str) -> bool:
        """Whether an issue has this id."""
        return issue_id in self._issue_pos

    def has_commitment(self, commitment_id: str | None) -> bool:
        """Whether a commitment has this id."""
        return commitment_id in self._commitment_pos

    def issue(self, issue_id: str) -> Issue:
        """The issue with that id (:class:`~clientrecovery.UnknownItem` if none)."""
        # A caller may pass anything; only a str can be an id.
        position = self._issue_pos.get(issue_id) if isinstance(issue_id, str) else None  # type: ignore[redundant-expr]
        if position is None:
            raise UnknownItem("issue", str(issue_id), self._issue_pos.keys())
        return self._issues[position]

    def commitment(self, commitment_id: str) -> Commitment:
        """The commitment with that id (:class:`~clientrecovery.UnknownItem` if none)."""
        try:
            return self.commitments[self._commitment_pos[commitment_id]]
        except (KeyError, TypeError):
            raise UnknownItem(
                "commitment", str(commitment_id), list(self._commitment_pos)
            ) from None

    def initiative(self, initiative_id: str) -> Initiative:
        """The current plan's initiative with that id (:class:`~clientrecovery.UnknownItem`)."""
        try:
            return self._work[self._initiative_pos[initiative_id]]
        except (KeyError, TypeError):
            raise UnknownItem(
                "initiative", str(initiative_id), list(self._initiative_pos)
            ) from None

    def initiatives_for(self, issue_id: str) -> tuple[Initiative, ...]:
        """The current plan's initiatives that address an issue."""
        work, positions = self._work, self._initiative_pos
        return tuple([work[positions[i]] for i in self._work_for.get(issue_id, ())])

    @property
    def done_initiatives(self) -> frozenset[str]:
        """Ids of the current plan's initiatives that are done."""
        return frozenset(i.id for i in self._work if i.status is InitiativeStatus.DONE)

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

    def findings(self, now: datetime) -> tuple[Finding, ...]:
        """What is late as of ``now``, by how much, and what to do (the advisory rules).

        ``now`` must be aware and not before the last event. Reports WARN_AHEAD,
        FOLLOW_UP_CADENCE, COMMUNICATE_OFTEN, STAKEHOLDERS_INFORMED, PROMISE_KEPT and
        commitments past due; nothing for a closed or lost relationship.
        """
        from clientrecovery.guidance import on_history  # review on the record (guidance)

        return clock.findings(self, now) + on_history(self)

    def follow_up_schedule(self, until: datetime) -> tuple[datetime, ...]:
        """When status checks are due, from the start of recovery up to ``until`` (003 §9)."""
        return clock.follow_up_schedule(self, until)

    def written_summary(self) -> str:
        """The written summary of issues, commitment and response date, in Markdown (003 §6)."""
        return documents.written_summary(self)

    def plan_document(self) -> str:
        """The current plan in writing, in Markdown (003 §7; 001 §6)."""
        return documents.plan_document(self)

    def stakeholder_update(self) -> str:
        """What was agreed, for the stakeholders, in Markdown (001 §7)."""
        return documents.stakeholder_update(self)

    def check(self, command: str, /, *args: Any, **kwargs: Any) -> tuple[Finding, ...]:
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
        token = _checking.set(True)
        try:
            method(*args, **kwargs)
        except _Checked as outcome:
            from clientrecovery.guidance import on_command  # review on the record (guidance)

            return (*outcome.findings, *on_command(self, command, bound.arguments))
        finally:
            _checking.reset(token)
        raise AssertionError("unreachable: a checked command always reports")  # pragma: no cover

    def next_actions(self) -> tuple[NextAction, ...]:
        """What can be done now, and what blocks the other commands of this stage.

        Lists the commands that belong to the current stage, in the order of the method;
        commands on items (issues, initiatives, commitments) appear when some item can take
        them, with the ids in the hint.
        """
        actions: list[NextAction] = []
        for command, hint in _HINTS.items():
            if self.stage not in COMMAND_STAGES[command]:
                continue
            if command == "propose_plan" and self.plan_version:
                continue
            if command == "revise_plan" and not self.plan_version:
                continue
            items = _ITEMS.get(command)
            if items is not None:
                ids = items(self)
                if not ids:
                    continue
                hint = f"{hint}: {', '.join(ids)}"
            blocked = tuple(rules.blockers(self, command))
            actions.append(NextAction(command, blocked, hint))
        return tuple(actions)

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
        """
        if id is None and isinstance(at, datetime):
            key = f"{client}\x1f{trigger}\x1f{at.isoformat()}"
            given: object = str(uuid.uuid5(_NAMESPACE, key))
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
        )
        return _run(None, event)

    @classmethod
    def replay(cls, history: Iterable[ev.Event]) -> Relationship:
        """Rebuild a relationship from its events, re-checking every rule on the way.

        Raises:
            RuleViolation: An event breaks the method (the message names which, and where).
            InvalidValue: The history is empty, is not a collection, or holds something that
                is not an event.
        """
        replay = _Replay()
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
        return _run(self, event)

    # --- commands --------------------------------------------------------------------------

    def assess(
        self, assessment: Assessment, *, at: datetime, actor: str | None = None
    ) -> Relationship:
        """Write down (or update) the full situation before meeting the client (001 §1-3)."""
        return _run(self, ev.SituationAssessed(assessment=assessment, at=at, actor=actor))

    def align_internally(
        self, *, approved_by: str, at: datetime, approach: str = "", actor: str | None = None
    ) -> Relationship:
        """Record leadership's approval of the approach (001 §4)."""
        return _run(
            self,
            ev.InternallyAligned(approved_by=approved_by, approach=approach, at=at, actor=actor),
        )

    def meet_client(
        self, *, at: datetime, willing: bool = True, actor: str | None = None
    ) -> Relationship:
        """Meet the client: a willing client opens DISCOVERY, an unwilling one ends it (000)."""
        return _run(self, ev.ClientMet(willing=willing, at=at, actor=actor))

    def raise_issue(
        self,
        title: str,
        *,
        at: datetime,
        detail: str = "",
        category: IssueCategory = IssueCategory.OTHER,
        id: str | None = None,  # noqa: A002 - the public keyword of the design
        actor: str | None = None,
    ) -> Relationship:
        """Record an issue the client raises; ids ``I1``, ``I2``, … are assigned if not given.

        An issue raised after the list was agreed sends the relationship back to DISCOVERY:
        once the list is agreed again, the client's commitment stands, and a new response
        date and written summary come before the revised plan.
        """
        return _run(
            self,
            ev.IssueRaised(
                issue_id=_free_id("I", self._issue_pos) if id is None else id,
                title=title,
                detail=detail,
                category=category,
                at=at,
                actor=actor,
            ),
        )

    def specify_issue(
        self,
        issue_id: str,
        *,
        examples: Sequence[str],
        quantification: Quantification | str,
        at: datetime,
        actor: str | None = None,
    ) -> Relationship:
        """Make an issue specific: concrete examples and a measure (003 §1-2)."""
        return _run(
            self,
            ev.IssueSpecified(
                issue_id=issue_id,
                examples=examples,
                quantification=quantification,
                at=at,
                actor=actor,
            ),
        )

    def drop_issue(
        self, issue_id: str, *, reason: str, at: datetime, actor: str | None = None
    ) -> Relationship:
        """Throw out a generality that could not be made specific (003 §1)."""
        return _run(self, ev.IssueDropped(issue_id=issue_id, reason=reason, at=at, actor=actor))

    def agree_issues(
        self, *, at: datetime, nothing_missed: bool, actor: str | None = None
    ) -> Relationship:
        """The client agrees the list and confirms nothing is missing (003 §3)."""
        return _run(self, ev.IssuesAgreed(nothing_missed=nothing_missed, at=at, actor=actor))

    def secure_commitment(
        self, commitment: Commitment, *, at: datetime, actor: str | None = None
    ) -> Relationship:
        """Record what the client commits to once the issues are resolved (003 §4).

        The commitment gets an id (``C1``, …) if it has none; its status starts AGREED.
        """
        if isinstance(commitment, Commitment):
            commitment = attrs.evolve(
                commitment,
                id=commitment.id or _free_id("C", self._commitment_pos),
                status=CommitmentStatus.AGREED,
                note="",
            )
        return _run(self, ev.CommitmentSecured(commitment=commitment, at=at, actor=actor))

    def promise_response(
        self, *, by: date | datetime, at: datetime, actor: str | None = None
    ) -> Relationship:
        """Give the client the date of the response and plan (003 §5).

        A ``datetime`` is taken as its calendar day in the policy's time zone.
        """
        if isinstance(by, datetime):
            on_calendar(by, "promise_response(by=...)")
            by = day_of(self.policy, by)
        return _run(self, ev.ResponsePromised(by=by, at=at, actor=actor))

    def send_written_summary(self, *, at: datetime, actor: str | None = None) -> Relationship:
        """Send the written summary of issues, commitment and timeframe (003 §6)."""
        return _run(self, ev.WrittenSummarySent(at=at, actor=actor))

    def propose_plan(
        self, plan: TurnaroundPlan, *, at: datetime, actor: str | None = None
    ) -> Relationship:
        """Put the first turnaround plan to the client (003 §7; 001 §6)."""
        return _run(self, ev.PlanProposed(plan=_clean(plan), at=at, actor=actor))

    def revise_plan(
        self, plan: TurnaroundPlan, *, at: datetime, actor: str | None = None
    ) -> Relationship:
        """Put a revised plan to the client; it needs their agreement again (003 §8).

        Initiatives keep their progress by id; the plan's version goes up by one.
        """
        return _run(self, ev.PlanRevised(plan=_clean(plan), at=at, actor=actor))

    def agree_plan(
        self, *, at: datetime, option_id: str | None = None, actor: str | None = None
    ) -> Relationship:
        """The client agrees the current plan, choosing an option (the preferred one if none)."""
        if option_id is None and self.plan is not None:
            preferred = self.plan.preferred_option
            option_id = preferred.id if preferred is not None else None
        return _run(self, ev.PlanAgreed(option_id=option_id, at=at, actor=actor))

    def start_initiative(
        self, initiative_id: str, *, at: datetime, actor: str | None = None
    ) -> Relationship:
        """Begin work on an initiative of the agreed plan."""
        return _run(self, ev.InitiativeStarted(initiative_id=initiative_id, at=at, actor=actor))

    def complete_initiative(
        self, initiative_id: str, *, at: datetime, outcome: str = "", actor: str | None = None
    ) -> Relationship:
        """Record an initiative as done."""
        return _run(
            self,
            ev.InitiativeCompleted(
                initiative_id=initiative_id, outcome=outcome, at=at, actor=actor
            ),
        )

    def warn_delay(
        self,
        initiative_id: str,
        *,
        new_due: date,
        reason: str,
        at: datetime,
        actor: str | None = None,
    ) -> Relationship:
        """Warn the client ahead of time that an initiative will be late (003 §9)."""
        return _run(
            self,
            ev.DelayWarned(
                initiative_id=initiative_id, new_due=new_due, reason=reason, at=at, actor=actor
            ),
        )

    def wait_on_client(
        self, initiative_id: str, *, reason: str, at: datetime, actor: str | None = None
    ) -> Relationship:
        """Pause an initiative while the client owes its part (003 final comments).

        The provider's clock stops: when work resumes, the due date moves by the working days
        waited.
        """
        return _run(
            self, ev.WaitedOnClient(initiative_id=initiative_id, reason=reason, at=at, actor=actor)
        )

    def resume(self, initiative_id: str, *, at: datetime, actor: str | None = None) -> Relationship:
        """Resume a paused initiative; its due date moves by the working days waited."""
        return _run(self, ev.Resumed(initiative_id=initiative_id, at=at, actor=actor))

    def follow_up(self, *, at: datetime, note: str, actor: str | None = None) -> Relationship:
        """Record a status check of the turnaround (003 §9)."""
        return _run(self, ev.FollowedUp(note=note, at=at, actor=actor))

    def contact_client(
        self,
        *,
        at: datetime,
        channel: str,
        summary: str,
        proactive: bool = True,
        actor: str | None = None,
    ) -> Relationship:
        """Record a contact with the client (003 §10)."""
        return _run(
            self,
            ev.ClientContacted(
                channel=channel, summary=summary, proactive=proactive, at=at, actor=actor
            ),
        )

    def inform_stakeholders(
        self, *, at: datetime, audience: Sequence[str], summary: str, actor: str | None = None
    ) -> Relationship:
        """Record that stakeholders were told what was discussed and agreed (001 §7)."""
        return _run(
            self,
            ev.StakeholdersInformed(
                audience=audience,
                summary=summary,
                at=at,
                actor=actor,
            ),
        )

    def resolve_issue(
        self, issue_id: str, *, evidence: str, at: datetime, actor: str | None = None
    ) -> Relationship:
        """Record that the client confirmed an issue is resolved (its initiatives done)."""
        return _run(
            self, ev.IssueResolved(issue_id=issue_id, evidence=evidence, at=at, actor=actor)
        )

    def fulfil_commitment(
        self, commitment_id: str, *, at: datetime, evidence: str, actor: str | None = None
    ) -> Relationship:
        """Record that a commitment was kept."""
        return _run(
            self,
            ev.CommitmentFulfilled(
                commitment_id=commitment_id, evidence=evidence, at=at, actor=actor
            ),
        )

    def break_commitment(
        self, commitment_id: str, *, at: datetime, reason: str, actor: str | None = None
    ) -> Relationship:
        """Record that a commitment was not kept."""
        return _run(
            self,
            ev.CommitmentBroken(commitment_id=commitment_id, reason=reason, at=at, actor=actor),
        )

    def close(self, *, at: datetime, actor: str | None = None) -> Relationship:
        """Close the turnaround as RECOVERED: issues resolved, the client's commitment kept."""
        return _run(self, ev.RelationshipClosed(at=at, actor=actor))

    def end(
        self,
        *,
        reason: str,
        at: datetime,
        lessons: Sequence[str] = (),
        actor: str | None = None,
    ) -> Relationship:
        """End the relationship as LOST, keeping the lessons learned (004)."""
        return _run(
            self,
            ev.RelationshipEnded(
                reason=reason,
                lessons=lessons,
                at=at,
                actor=actor,
            ),
        )


# --- the one path: check, then apply --------------------------------------------------------


def _run(r: Relationship | None, event: ev.Event) -> Relationship:
    policy = r.policy if r is not None else _first_policy(event)
    found = rules.evaluate(r, event, policy)
    if _checking.get():
        raise _Checked(found)
    if found:
        _refuse_errors(event, found)
    return _apply(r, event)


class _Replay:
    """Replays events into one relationship, changed in place.

    Each command copies the aggregate, so that every relationship handed out stays as it
    was. During a replay no one sees the relationship before the last event, so those
    copies are not needed (they were a quarter of a replay's time): the events' changes go
    into one relationship, and the issues and initiatives it made itself are changed in
    place while it is a draft. The rules and the changes are the commands' own: only where
    the changes go differs. :meth:`result` hands the relationship out, and from then on
    it is copied like any other.
    """

    __slots__ = ("_current",)

    def __init__(self) -> None:
        self._current: Relationship | None = None

    def add(self, event: ev.Event) -> None:
        """Check ``event`` as its command would, then record it (raises as :func:`_run`)."""
        r = self._current
        if r is None:
            r = _run(None, event)  # a new relationship, with a log of its own
            r.__dict__["_draft"] = True
            self._current = r
            return
        found = rules.evaluate(r, event, r.policy)
        if found:
            _refuse_errors(event, found)
        changes = _APPLY[type(event)](r, event)
        changes["_cache"] = None
        r.__dict__.update(changes)
        r._log.grow(event)

    def result(self) -> Relationship | None:
        """The relationship replayed (``None`` if no event was added); this ends the replay."""
        r, self._current = self._current, None
        if r is not None:
            r.__dict__["_draft"] = False
        return r


def _refuse_errors(event: ev.Event, found: list[Finding]) -> None:
    errors = [f for f in found if f.severity is Severity.ERROR]
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


def _free_id(prefix: str, taken: Collection[str]) -> str:
    n = len(taken) + 1
    while f"{prefix}{n}" in taken:
        n += 1
    return f"{prefix}{n}"


def _clean(plan: TurnaroundPlan) -> TurnaroundPlan:
    """The plan as proposed: what the relationship keeps itself is reset."""
    instance_of(TurnaroundPlan)(plan, _PLAN_ARG, plan)
    return TurnaroundPlan(
        initiatives=tuple(
            attrs.evolve(i, status=InitiativeStatus.PLANNED, delays=(), outcome="", holds=())
            for i in plan.initiatives
        ),
        options=plan.options,
        cost_change=plan.cost_change,
    )


_PLAN_ARG = attrs.fields(ev.PlanProposed).plan


def _replace(items: tuple[Any, ...], position: int, item: Any) -> tuple[Any, ...]:
    return (*items[:position], item, *items[position + 1 :])


def _logged(r: Relationship, entry: Communication) -> dict[str, Any]:
    return {"_communications": r._communications.appended(entry)}


def _apply(r: Relationship | None, event: ev.Event) -> Relationship:
    if isinstance(event, ev.RelationshipOpened):
        return Relationship(
            id=event.id,
            client=event.client,
            trigger=event.trigger,
            raised_by=event.raised_by,
            opened_at=event.at,
            policy=event.policy,
            stage=Stage.ASSESSING,
            log=AppendLog((event,)),
        )
    if r is None:  # pragma: no cover - _first_policy refuses this first
        raise AssertionError("an event before RelationshipOpened")
    changes = _APPLY[type(event)](r, event)
    changes["_log"] = r._log.appended(event)
    changes["_cache"] = None
    return replaced(r, changes)


def _edited(
    r: Relationship,
    name: str,
    items: Chunks[Any],
    positions: Iterable[int],
    change: dict[str, Any],
) -> dict[str, Any]:
    """The changes that give the items at ``positions`` of ``items`` (the field ``name``) the
    values in ``change``: none while a replay drafts ``r``, as the items are then changed in
    place (they are its own), else a copy of each and of the chunks that hold them."""
    if r._draft:
        for position in positions:
            update(items[position], change)
        return {}
    updated = items
    for position in positions:
        updated = updated.set(position, replaced(items[position], change))
    return {name: updated}


def _with_issue(r: Relationship, issue_id: str, **change: Any) -> dict[str, Any]:
    position = r._issue_pos.get(issue_id)
    if position is None:  # pragma: no cover - the checks raise UnknownItem first
        raise UnknownItem("issue", issue_id)
    return _edited(r, "_issues", r._issues, (position,), change)


def _with_commitment(r: Relationship, commitment_id: str, **change: Any) -> dict[str, Any]:
    position = r._commitment_pos[commitment_id]
    updated = replaced(r.commitments[position], change)
    return {"commitments": _replace(r.commitments, position, updated)}


def _with_initiative(r: Relationship, initiative_id: str, **change: Any) -> dict[str, Any]:
    position = r._initiative_pos[initiative_id]
    return _edited(r, "_work", r._work, (position,), change)


def _on_assessed(r: Relationship, e: ev.SituationAssessed) -> dict[str, Any]:
    return {"assessment": e.assessment, "assessed_at": e.at}


def _on_aligned(r: Relationship, e: ev.InternallyAligned) -> dict[str, Any]:
    return {"alignment": Alignment(approved_by=e.approved_by, approach=e.approach, at=e.at)}


def _on_met(r: Relationship, e: ev.ClientMet) -> dict[str, Any]:
    if e.willing:
        return {"met_at": e.at, "stage": Stage.DISCOVERY}
    return {
        "met_at": e.at,
        "stage": Stage.LOST,
        "ended_at": e.at,
        "end_reason": "the client did not want to work things out",
    }


_NEW_ISSUE = Issue(id="new", title="new")


def _on_raised(r: Relationship, e: ev.IssueRaised) -> dict[str, Any]:
    late = r.stage is not Stage.DISCOVERY
    # The event checked every value when it was built: no need to check them again.
    values = {
        "id": e.issue_id,
        "title": e.title,
        "detail": e.detail,
        "category": e.category,
        "late": late,
    }
    issue = replaced(_NEW_ISSUE, values)
    return {
        "_issues": r._issues.append(issue),
        "_issue_pos": r._issue_pos.added(e.issue_id),
        "stage": Stage.DISCOVERY,
    }


def _on_specified(r: Relationship, e: ev.IssueSpecified) -> dict[str, Any]:
    return _with_issue(
        r,
        e.issue_id,
        status=IssueStatus.SPECIFIED,
        examples=e.examples,
        quantification=e.quantification,
    )


def _on_dropped(r: Relationship, e: ev.IssueDropped) -> dict[str, Any]:
    return _with_issue(r, e.issue_id, status=IssueStatus.DROPPED, note=e.reason)


def _on_agreed(r: Relationship, e: ev.IssuesAgreed) -> dict[str, Any]:
    specified = [n for n, i in enumerate(r._issues) if i.status is IssueStatus.SPECIFIED]
    changes = _edited(r, "_issues", r._issues, specified, {"status": IssueStatus.AGREED})
    return {**changes, "issues_agreed_at": e.at, "stage": Stage.ISSUES_AGREED}


def _response_promised(r: Relationship) -> bool:
    return (
        r.response_promised_at is not None
        and r.issues_agreed_at is not None
        and r.response_promised_at >= r.issues_agreed_at
    )


def _on_secured(r: Relationship, e: ev.CommitmentSecured) -> dict[str, Any]:
    commitment_id = e.commitment.id or _free_id("C", r._commitment_pos)
    changes: dict[str, Any] = {
        "commitments": (*r.commitments, replace(e.commitment, id=commitment_id)),
        "_commitment_pos": {**r._commitment_pos, commitment_id: len(r.commitments)},
    }
    if _response_promised(r):
        changes["stage"] = Stage.PLANNING
    return changes


def _on_promised(r: Relationship, e: ev.ResponsePromised) -> dict[str, Any]:
    changes: dict[str, Any] = {"response_due": e.by, "response_promised_at": e.at}
    if r.has_client_commitment:
        changes["stage"] = Stage.PLANNING
    return changes


def _on_summary(r: Relationship, e: ev.WrittenSummarySent) -> dict[str, Any]:
    entry = Communication(
        kind=CommunicationKind.WRITTEN_SUMMARY,
        at=e.at,
        summary="summary of the issues, the client's commitment and the response date",
        channel="written",
        actor=e.actor,
    )
    return {"summary_sent_at": e.at, **_logged(r, entry)}


def _on_plan(r: Relationship, e: ev.PlanProposed | ev.PlanRevised) -> dict[str, Any]:
    before = {i.id: i for i in r._work}
    initiatives = []
    for initiative in e.plan.initiatives:
        old = before.get(initiative.id)
        kept = (
            {}
            if old is None
            else {
                "status": old.status,
                "delays": old.delays,
                "outcome": old.outcome,
                "holds": old.holds,
            }
        )
        # A copy even when nothing is kept: the relationship's initiatives are its own (a
        # replay changes them in place), never the event's.
        initiatives.append(replaced(initiative, kept))
    header = replace(
        e.plan,
        initiatives=(),
        version=(r._plan.version if r._plan is not None else 0) + 1,
        proposed_at=e.at,
    )
    work: dict[str, list[str]] = {}
    for initiative in initiatives:
        for issue_id in initiative.addresses:
            work.setdefault(issue_id, []).append(initiative.id)
    answered = {"responded_at": e.at} if r.stage is Stage.PLANNING else {}
    return {
        **answered,
        "_plan": header,
        "_work": Chunks(initiatives),
        "stage": Stage.PLAN_PROPOSED,
        "_initiative_pos": {i.id: n for n, i in enumerate(initiatives)},
        "_work_for": {issue_id: tuple(ids) for issue_id, ids in work.items()},
    }


def _on_plan_agreed(r: Relationship, e: ev.PlanAgreed) -> dict[str, Any]:
    if r._plan is None:  # pragma: no cover - STAGE_ORDER refuses this first
        raise AssertionError("agree_plan without a plan")
    header = replace(r._plan, agreed_at=e.at, chosen_option=e.option_id)
    return {
        "_plan": header,
        "stage": Stage.RECOVERING,
        "recovering_since": r.recovering_since or e.at,
    }


def _on_started(r: Relationship, e: ev.InitiativeStarted) -> dict[str, Any]:
    return _with_initiative(r, e.initiative_id, status=InitiativeStatus.IN_PROGRESS)


def _on_completed(r: Relationship, e: ev.InitiativeCompleted) -> dict[str, Any]:
    return _with_initiative(r, e.initiative_id, status=InitiativeStatus.DONE, outcome=e.outcome)


def _on_delay(r: Relationship, e: ev.DelayWarned) -> dict[str, Any]:
    initiative = r.initiative(e.initiative_id)
    warning = DelayWarning(at=e.at, previous_due=initiative.due, new_due=e.new_due, reason=e.reason)
    changes = _with_initiative(
        r, e.initiative_id, due=e.new_due, delays=(*initiative.delays, warning)
    )
    entry = Communication(
        kind=CommunicationKind.CLIENT_CONTACT,
        at=e.at,
        summary=f"delay of {initiative.id} to {e.new_due}: {e.reason}",
        channel="delay warning",
        actor=e.actor,
    )
    return {**changes, **_logged(r, entry)}


def _on_waited(r: Relationship, e: ev.WaitedOnClient) -> dict[str, Any]:
    initiative = r.initiative(e.initiative_id)
    hold = Hold(reason=e.reason, started_at=e.at)
    return _with_initiative(r, e.initiative_id, holds=(*initiative.holds, hold))


def _on_resumed(r: Relationship, e: ev.Resumed) -> dict[str, Any]:
    initiative = r.initiative(e.initiative_id)
    hold = initiative.holds[-1]
    policy = r.policy
    waited = business_days_between(
        policy, policy.local_date(hold.started_at), policy.local_date(e.at)
    )
    ended = replace(hold, ended_at=e.at, business_days=waited)
    return _with_initiative(
        r,
        e.initiative_id,
        holds=(*initiative.holds[:-1], ended),
        due=add_business_days(policy, initiative.due, waited),
    )


def _on_followed_up(r: Relationship, e: ev.FollowedUp) -> dict[str, Any]:
    return _logged(
        r, Communication(kind=CommunicationKind.FOLLOW_UP, at=e.at, summary=e.note, actor=e.actor)
    )


def _on_contacted(r: Relationship, e: ev.ClientContacted) -> dict[str, Any]:
    entry = Communication(
        kind=CommunicationKind.CLIENT_CONTACT,
        at=e.at,
        summary=e.summary,
        channel=e.channel,
        proactive=e.proactive,
        actor=e.actor,
    )
    return _logged(r, entry)


def _on_informed(r: Relationship, e: ev.StakeholdersInformed) -> dict[str, Any]:
    entry = Communication(
        kind=CommunicationKind.STAKEHOLDER_UPDATE,
        at=e.at,
        summary=e.summary,
        audience=e.audience,
        actor=e.actor,
    )
    return _logged(r, entry)


def _on_resolved(r: Relationship, e: ev.IssueResolved) -> dict[str, Any]:
    return _with_issue(r, e.issue_id, status=IssueStatus.RESOLVED, note=e.evidence)


def _on_fulfilled(r: Relationship, e: ev.CommitmentFulfilled) -> dict[str, Any]:
    return _with_commitment(r, e.commitment_id, status=CommitmentStatus.FULFILLED, note=e.evidence)


def _on_broken(r: Relationship, e: ev.CommitmentBroken) -> dict[str, Any]:
    return _with_commitment(r, e.commitment_id, status=CommitmentStatus.BROKEN, note=e.reason)


def _on_closed(r: Relationship, e: ev.RelationshipClosed) -> dict[str, Any]:
    return {"stage": Stage.RECOVERED, "ended_at": e.at}


def _on_ended(r: Relationship, e: ev.RelationshipEnded) -> dict[str, Any]:
    return {"stage": Stage.LOST, "ended_at": e.at, "end_reason": e.reason, "lessons": e.lessons}


_APPLY: Mapping[type[ev.Event], Callable[[Relationship, Any], dict[str, Any]]] = {
    ev.SituationAssessed: _on_assessed,
    ev.InternallyAligned: _on_aligned,
    ev.ClientMet: _on_met,
    ev.IssueRaised: _on_raised,
    ev.IssueSpecified: _on_specified,
    ev.IssueDropped: _on_dropped,
    ev.IssuesAgreed: _on_agreed,
    ev.CommitmentSecured: _on_secured,
    ev.ResponsePromised: _on_promised,
    ev.WrittenSummarySent: _on_summary,
    ev.PlanProposed: _on_plan,
    ev.PlanRevised: _on_plan,
    ev.PlanAgreed: _on_plan_agreed,
    ev.InitiativeStarted: _on_started,
    ev.InitiativeCompleted: _on_completed,
    ev.DelayWarned: _on_delay,
    ev.WaitedOnClient: _on_waited,
    ev.Resumed: _on_resumed,
    ev.FollowedUp: _on_followed_up,
    ev.ClientContacted: _on_contacted,
    ev.StakeholdersInformed: _on_informed,
    ev.IssueResolved: _on_resolved,
    ev.CommitmentFulfilled: _on_fulfilled,
    ev.CommitmentBroken: _on_broken,
    ev.RelationshipClosed: _on_closed,
    ev.RelationshipEnded: _on_ended,
}


# --- next actions -----------------------------------------------------------------------------


def _ids_of_issues(*statuses: IssueStatus) -> Callable[[Relationship], list[str]]:
    return lambda r: [i.id for i in r.issues if i.status in statuses]


def _ids_of_initiatives(
    *statuses: InitiativeStatus, held: bool = False
) -> Callable[[Relationship], list[str]]:
    """Ids of initiatives in one of the ``statuses``; waiting on the client only if ``held``
    (as the command's check allows, see ``rules._initiative_ready``)."""

    def ids(r: Relationship) -> list[str]:
        return [i.id for i in r._work if i.status in statuses and (held or not i.on_hold)]

    return ids


def _resolvable(r: Relationship) -> list[str]:
    return [
        i.id
        for i in r.issues
        if i.status is IssueStatus.AGREED
        and r.initiatives_for(i.id)
        and all(w.status is InitiativeStatus.DONE for w in r.initiatives_for(i.id))
    ]


def _open_commitments(r: Relationship) -> list[str]:
    return [c.id for c in r.commitments if c.status is CommitmentStatus.AGREED and c.id]


_ITEMS: Mapping[str, Callable[[Relationship], list[str]]] = {
    "specify_issue": _ids_of_issues(IssueStatus.RAISED),
    "drop_issue": _ids_of_issues(IssueStatus.RAISED),
    "start_initiative": _ids_of_initiatives(InitiativeStatus.PLANNED),
    "complete_initiative": _ids_of_initiatives(InitiativeStatus.IN_PROGRESS),
    "warn_delay": _ids_of_initiatives(
        InitiativeStatus.PLANNED, InitiativeStatus.IN_PROGRESS, held=True
    ),
    "wait_on_client": _ids_of_initiatives(InitiativeStatus.PLANNED, InitiativeStatus.IN_PROGRESS),
    "resume": lambda r: [i.id for i in r._work if i.on_hold],
    "resolve_issue": _resolvable,
    "fulfil_commitment": _open_commitments,
    "break_commitment": _open_commitments,
}

_HINTS: Mapping[str, str] = {
    "assess": "write down root cause, timeline, stakeholders, implications and the client's"
    " perspective (001 §1-3)",
    "align_internally": "get leadership to approve the approach (001 §4)",
    "meet_client": "meet the client; find out whether they want to work things out (000)",
    "raise_issue": "record each problem the client names (003 §1)",
    "specify_issue": "ask for examples and a measure for",
    "drop_issue": "throw out a generality that stays vague",
    "agree_issues": "ask the client to confirm the list and that nothing is missing (003 §3)",
    "secure_commitment": "ask what the client will do once the issues are solved (003 §4)",
    "promise_response": "give a date for the plan, not today (003 §5)",
    "send_written_summary": "write up the issues, the commitment and the date (003 §6)",
    "propose_plan": "put a prioritised plan with 2-3 options to the client (003 §7; 001 §6)",
    "revise_plan": "put a revised plan to the client",
    "agree_plan": "get the client's agreement to the plan (003 §8)",
    "start_initiative": "start work on",
    "complete_initiative": "record as done",
    "warn_delay": "warn the client early if a deadline is at risk (003 §9) for",
    "wait_on_client": "pause while the client owes its part",
    "resume": "resume work the client has unblocked",
    "resolve_issue": "confirm with the client that these are resolved",
    "fulfil_commitment": "record a kept commitment",
    "break_commitment": "record a broken commitment",
    "close": "close the turnaround as recovered",
    "follow_up": "check the status of the turnaround (003 §9)",
    "contact_client": "reach out before the client expects it (003 §10)",
    "inform_stakeholders": "tell everyone concerned what was agreed (001 §7)",
    "end": "end the relationship and keep the lessons learned (004)",
}
