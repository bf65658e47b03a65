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
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any, Final, NoReturn

import attrs

from clientrecovery import _actions, clock, documents, rules
from clientrecovery import events as ev
from clientrecovery._handlers import APPLY, free_id
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
    DelayWarning,
    EndCause,
    Initiative,
    InitiativeStatus,
    Issue,
    IssueCategory,
    Party,
    Quantification,
    Stage,
    TurnaroundPlan,
)
from clientrecovery.policy import Policy
from clientrecovery.rules.standing import standing
from clientrecovery.schedule import day_of
from clientrecovery.stages import COMMAND_STAGES

__all__ = ["Relationship"]

_Ended = tuple[tuple[Finding, ...], tuple[Commitment, ...], tuple[Finding, ...]]
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
    _issue_pos: Index = attrs.field(factory=Index, eq=False, hash=False)
    _commitment_pos: Mapping[str, int] = attrs.field(factory=dict, eq=False, hash=False)
    _initiative_pos: Mapping[str, int] = attrs.field(factory=dict, eq=False, hash=False)
    _work_for: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict, eq=False, hash=False)
    _cache: dict[str, Any] | None = attrs.field(default=None, init=False, eq=False, hash=False)
    # Once closed or lost: its standing findings, provider promises and the review of what
    # was sent after its end, kept as each event is applied (see _keep_ended).
    _ended: _Ended | None = attrs.field(default=None, init=False, eq=False, hash=False)
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
    def plan_in_force(self) -> bool:
        """Whether the client has agreed a plan that still runs: delivery goes on while a late
        issue is discovered and a revision waits for agreement (003 §9; 000)."""
        return self.recovering_since is not None and not self.stage.terminal

    def agreed_initiative(self, initiative_id: str) -> bool:
        """Whether the initiative belongs to a plan version the client agreed."""
        return initiative_id in self._agreed_work

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

    def findings(self, now: datetime) -> tuple[Finding, ...]:
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
            _keep_ended(self)
            ended = self._ended
        if ended is None:
            return clock.findings(self, now) + _on_history(self)
        held, promises, review = ended  # an ended case: only promises depend on ``now``
        clock.as_of(self, now, "findings")
        return clock.after_end(self, now, held, promises) + review

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
        return _actions.next_actions(self)

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
        """Write down (or update) the full situation (001 §1-3).

        Runs in every open stage: the root cause is often only found in the meeting (000;
        003 §1). The latest assessment stands; ASSESS_FIRST still gates the meeting.
        """
        return _run(self, ev.SituationAssessed(assessment=assessment, at=at, actor=actor))

    def align_internally(
        self, *, approved_by: str, at: datetime, approach: str = "", actor: str | None = None
    ) -> Relationship:
        """Record leadership's approval of the approach (001 §4)."""
        return _run(
            self,
            ev.InternallyAligned(approved_by=approved_by, approach=approach, at=at, actor=actor),
        )

    def meet_client(self, *, at: datetime, willing: bool, actor: str | None = None) -> Relationship:
        """Meet the client: a willing client opens DISCOVERY, an unwilling one ends it (000).

        ``willing`` has no default: whether the relationship can be saved is always asked.
        """
        return _run(self, ev.ClientMet(willing=willing, at=at, actor=actor))

    def raise_issue(
        self,
        title: str,
        *,
        at: datetime,
        detail: str = "",
        category: IssueCategory = IssueCategory.OTHER,
        id: str | None = None,  # noqa: A002 - the public keyword of the design
        raised_by: Party = Party.CLIENT,
        client_words: str = "",
        actor: str | None = None,
    ) -> Relationship:
        """Record an issue; ids ``I1``, ``I2``, … are assigned if not given.

        Args:
            title: The issue, in a line.
            at: When.
            detail: More about it.
            category: What it is about.
            id: Its id.
            raised_by: Who brought it up. Before the meeting (ASSESSING) the provider may note
                an issue it already knows, to bring to the client (001); it is still made
                specific and agreed with the client.
            client_words: The client's own phrasing, relayed back in the written summary and
                the plan ("you told us: …", 004).
            actor: Who recorded it.

        An issue raised after the list was agreed reopens DISCOVERY for that issue: delivery
        of the agreed plan goes on, and once the list is agreed again the client's commitment
        stands, and a new response date and written summary come before the revised plan.
        """
        return _run(
            self,
            ev.IssueRaised(
                issue_id=free_id("I", self._issue_pos) if id is None else id,
                title=title,
                detail=detail,
                category=category,
                raised_by=raised_by,
                client_words=client_words,
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
                id=commitment.id or free_id("C", self._commitment_pos),
                status=CommitmentStatus.AGREED,
                note="",
            )
        return _run(self, ev.CommitmentSecured(commitment=commitment, at=at, actor=actor))

    def promise(
        self, commitment: Commitment, *, at: datetime, actor: str | None = None
    ) -> Relationship:
        """Record a promise of the provider's own: a date, a call, a deliverable (000).

        It is tracked like the client's commitment (``P1``, … if it has no id; status
        AGREED), kept or broken with :meth:`fulfil_commitment` and :meth:`break_commitment`,
        and past its date while open it is a PROMISE_KEPT finding.
        """
        if isinstance(commitment, Commitment):
            commitment = attrs.evolve(
                commitment,
                id=commitment.id or _promise_id(self),
                status=CommitmentStatus.AGREED,
                note="",
            )
        return _run(self, ev.PromiseMade(commitment=commitment, at=at, actor=actor))

    def promise_response(
        self, *, by: date | datetime, at: datetime, actor: str | None = None
    ) -> Relationship:
        """Give the client the date of the response and plan (003 §5).

        In PLANNING it gives a new date: moving it later is a delay, which WARN_AHEAD judges
        like any other. A ``datetime`` is taken as its calendar day in the policy's time zone.
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
        self,
        initiative_id: str,
        *,
        reason: str,
        at: datetime,
        needs: str = "",
        by: date | None = None,
        actor: str | None = None,
    ) -> Relationship:
        """Pause provider-owned work while the client owes its part (003 final comments).

        Say exactly what the client owes (``needs``) and by when (``by``): a wait without
        them is accepted with a CLIENT_PART finding asking to quantify it. A client-owned
        initiative is refused: there the client is reminded, not waited on. The provider's
        clock stops: when work resumes, the due date moves by the working days waited.
        """
        return _run(
            self,
            ev.WaitedOnClient(
                initiative_id=initiative_id, reason=reason, needs=needs, by=by, at=at, actor=actor
            ),
        )

    def resume(self, initiative_id: str, *, at: datetime, actor: str | None = None) -> Relationship:
        """Resume a paused initiative; its due date moves by the working days waited."""
        return _run(self, ev.Resumed(initiative_id=initiative_id, at=at, actor=actor))

    def drop_initiative(
        self, initiative_id: str, *, reason: str, at: datetime, actor: str | None = None
    ) -> Relationship:
        """Drop work that is no longer needed (its measure was met another way).

        An issue whose remaining initiatives are done or dropped can be resolved.
        """
        return _run(
            self,
            ev.InitiativeDropped(initiative_id=initiative_id, reason=reason, at=at, actor=actor),
        )

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
        cause: EndCause = EndCause.OTHER,
        ended_by: Party = Party.PROVIDER,
        actor: str | None = None,
    ) -> Relationship:
        """End the relationship as LOST, keeping the lessons learned (004).

        ``cause`` classifies the loss for analysis; ``ended_by`` says which side ended it.
        Ending a case that was never assessed or whose client was never met is an
        INSPECT_BEFORE_ENDING finding, and one without lessons a LESSONS_KEPT finding.
        """
        return _run(
            self,
            ev.RelationshipEnded(
                reason=reason,
                lessons=lessons,
                cause=cause,
                ended_by=ended_by,
                at=at,
                actor=actor,
            ),
        )

    def record_lessons(
        self, lessons: Sequence[str], *, at: datetime, actor: str | None = None
    ) -> Relationship:
        """Keep lessons learned, in any stage, after a loss or a recovery too (004)."""
        return _run(self, ev.LessonsRecorded(lessons=lessons, at=at, actor=actor))


# --- the one path: check, then apply --------------------------------------------------------


def _run(r: Relationship | None, event: ev.Event) -> Relationship:
    policy = r.policy if r is not None else _first_policy(event)
    found = rules.evaluate(r, event, policy)
    if _checking.get():
        raise _Checked(found)
    if found:
        _refuse_errors(event, found)
    return _apply(r, event, found)


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

    __slots__ = ("_check", "_current")

    def __init__(self, *, check: bool = True) -> None:
        self._current: Relationship | None = None
        # Without checks, for events a store already checked and can prove it holds as saved.
        self._check = check

    def add(self, event: ev.Event) -> None:
        """Check ``event`` as its command would, then record it (raises as :func:`_run`)."""
        r = self._current
        if r is None:
            r = _run(None, event)  # a new relationship, with a log of its own
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
        r._log.grow(event)

    def result(self) -> Relationship | None:
        """The relationship replayed (``None`` if no event was added); this ends the replay."""
        r, self._current = self._current, None
        if r is not None:
            r.__dict__["_draft"] = False
            _settle(r)
            _keep_ended(r)  # once, for the whole history: only its end matters
        return r


def _promise_id(r: Relationship) -> str:
    """``P1``, ``P2``, … by the provider's promises so far (skipping ids already taken)."""
    n = len(r.promises) + 1
    while f"P{n}" in r._commitment_pos:
        n += 1
    return f"P{n}"


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


_PLAN_EVENTS = (ev.PlanProposed, ev.PlanRevised)


_ADVISED: Final = frozenset({*_PLAN_EVENTS, ev.IssueSpecified})
"""The events whose findings :func:`_advise` keeps."""


def _advise(
    r: Relationship, event: ev.Event, found: list[Finding], changes: dict[str, Any]
) -> None:
    """Keep the advice a plan or an issue was given when recorded, which stands as long as
    they do (:mod:`clientrecovery.rules.standing`): a plan's while it is the current version
    (WARN_AHEAD of moved work stands with the initiative's delays instead), an issue's while
    it is specified or agreed."""
    kind = type(event)
    if kind in _PLAN_EVENTS:
        changes["_plan_advice"] = tuple(
            f for f in found if f.severity is not Severity.ERROR and f.rule is not Rule.WARN_AHEAD
        )
    elif kind is ev.IssueSpecified and found:
        advice = tuple(f for f in found if f.severity is not Severity.ERROR)
        if advice:
            issue_id = event.issue_id  # type: ignore[attr-defined]
            changes["_issue_advice"] = {**r._issue_advice, issue_id: advice}


def _apply(r: Relationship | None, event: ev.Event, found: list[Finding]) -> Relationship:
    if isinstance(event, ev.RelationshipOpened):
        return Relationship(
            id=event.id,
            client=event.client,
            trigger=event.trigger,
            raised_by=event.raised_by,
            opened_at=event.at,
            policy=event.policy,
            stage=Stage.ASSESSING,
            account=event.account,
            log=AppendLog((event,)),
        )
    if r is None:  # pragma: no cover - _first_policy refuses this first
        raise AssertionError("an event before RelationshipOpened")
    changes = APPLY[type(event)](r, event)
    _advise(r, event, found, changes)
    changes["_log"] = r._log.appended(event)
    changes["_cache"] = None
    applied = replaced(r, changes)
    _keep_ended(applied)
    return applied


def _keep_ended(r: Relationship) -> None:
    """Keep what the findings of an ended case hold whenever they are asked: its standing
    findings, its provider promises and the review of what was sent after its end. They
    depend on the history alone, which changes only by an event, so they are found once,
    as each event is applied; ``findings(now)`` adds only the promises time made late."""
    if r.stage.terminal:
        promises = tuple([c for c in r.commitments if c.party is Party.PROVIDER])
        r.__dict__["_ended"] = (standing(r), promises, _on_history(r))


_REVIEW: list[Callable[[Relationship], tuple[Finding, ...]]] = []


def _on_history(r: Relationship) -> tuple[Finding, ...]:
    """The review of the texts on ``r``'s record (:func:`clientrecovery.guidance.on_history`),
    imported on first use: the guidance engine is loaded only when a review is asked for."""
    if not _REVIEW:
        from clientrecovery.guidance import on_history

        _REVIEW.append(on_history)
    return _REVIEW[0](r)
