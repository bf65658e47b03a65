"""Review on the record: the texts the commands record for the client, reviewed as they go.

The commands whose words reach the client (or shape what reaches it) are reviewed with
:func:`~clientrecovery.guidance.review`:

========================  =============================================  ==========
command                   text                                           audience
========================  =============================================  ==========
``contact_client``        the summary                                    client
``inform_stakeholders``   the summary                                    client
``send_written_summary``  what the written summary says of the agreed     client
                          issues (titles, examples) and of the client's
                          commitment (003 §6)
``propose_plan``,         each initiative's title and success            client
``revise_plan``           criterion, each option's summary and effects,
                          the cost change's reasons and benefits
``align_internally``      the approach leadership approved (001 §4)      provider
========================  =============================================  ==========

:func:`on_command` gives the findings for a command about to run (``Relationship.check``
shows them); :func:`on_history` those of every such text on the record
(``Relationship.findings``), without the INFO credits. Both are advisory: a finding's
severity is at most WARNING, whatever the policy says, so wording never blocks a command.
Each names the text's place in the history as its subject, ``history[7]``, and says which
text it is about; its span points into that text. ``Policy.guidance_on_record = False``
switches both off.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from clientrecovery import events as ev
from clientrecovery.catalogue import Finding, Rule, Severity
from clientrecovery.model import IssueStatus, Party, Stage, TurnaroundPlan
from clientrecovery.policy import Policy

if TYPE_CHECKING:
    from clientrecovery.relationship import Relationship

__all__ = ["on_command", "on_history"]

# (where, text, audience) of each text a command records.
_Texts = list[tuple[str, str, Party]]


def _plan_texts(plan: TurnaroundPlan, label: str) -> _Texts:
    texts: _Texts = []
    for i in plan.initiatives:
        texts.append((f"{label}, initiative {i.id} title", i.title, Party.CLIENT))
        where = f"{label}, initiative {i.id} success criterion"
        texts.append((where, i.success_criterion, Party.CLIENT))
    for o in plan.options:
        texts.append((f"{label}, option {o.id} summary", o.summary, Party.CLIENT))
        for name, effect in (
            ("cost", o.cost_effect),
            ("scope", o.scope_effect),
            ("timeline", o.timeline_effect),
        ):
            texts.append((f"{label}, option {o.id} {name} effect", effect, Party.CLIENT))
    cost = plan.cost_change
    if cost is not None:
        for n, reason in enumerate(cost.reasons, start=1):
            texts.append((f"{label}, cost reason {n}", reason, Party.CLIENT))
        for n, benefit in enumerate(cost.benefits, start=1):
            texts.append((f"{label}, cost benefit {n}", benefit, Party.CLIENT))
    return texts


def _summary_texts(r: Relationship) -> _Texts:
    """The words of the written summary that were written for this case (the rest of it is
    the summary's own wording): agreed issues and the client's commitments."""
    label = _WHERE["send_written_summary"]
    texts: _Texts = []
    for issue in r.issues:
        if issue.status in (IssueStatus.AGREED, IssueStatus.RESOLVED):
            texts.append((f"{label}, issue {issue.id} title", issue.title, Party.CLIENT))
            for n, example in enumerate(issue.examples, start=1):
                where = f"{label}, issue {issue.id} example {n}"
                texts.append((where, example, Party.CLIENT))
    for c in r.commitments:
        if c.party is Party.CLIENT:
            texts.append((f"{label}, commitment {c.id}", c.description, Party.CLIENT))
    return texts


def _command_texts(r: Relationship, command: str, arguments: Mapping[str, object]) -> _Texts:
    text: object
    if command in ("contact_client", "inform_stakeholders"):
        where, text = _WHERE[command], arguments.get("summary")
    elif command == "align_internally":
        where, text = _WHERE[command], arguments.get("approach", "")
    elif command in ("propose_plan", "revise_plan"):
        plan = arguments.get("plan")
        label = f"plan v{r.plan_version + 1}"
        return _plan_texts(plan, label) if isinstance(plan, TurnaroundPlan) else []
    elif command == "send_written_summary":
        return _summary_texts(r)
    elif command == "promise":
        promised = arguments.get("commitment")
        where, text = _WHERE[command], getattr(promised, "description", None)
    elif command == "wait_on_client":
        where, text = _WHERE[command], arguments.get("needs", "")
    else:
        return []
    audience = Party.PROVIDER if command == "align_internally" else Party.CLIENT
    return [(where, text, audience)] if isinstance(text, str) else []


_WHERE = {
    "contact_client": "contact summary",
    "inform_stakeholders": "stakeholder update",
    "align_internally": "alignment approach",
    "send_written_summary": "written summary",
    "promise": "promise",
    "wait_on_client": "what the client is asked for",
}


_EVENT_TEXTS: dict[type[ev.Event], Callable[[Any], _Texts]] = {
    ev.ClientContacted: lambda e: [(_WHERE["contact_client"], e.summary, Party.CLIENT)],
    ev.StakeholdersInformed: lambda e: [(_WHERE["inform_stakeholders"], e.summary, Party.CLIENT)],
    ev.InternallyAligned: lambda e: [(_WHERE["align_internally"], e.approach, Party.PROVIDER)],
    ev.PromiseMade: lambda e: [(_WHERE["promise"], e.commitment.description, Party.CLIENT)],
    ev.WaitedOnClient: lambda e: [(_WHERE["wait_on_client"], e.needs, Party.CLIENT)],
}
"""The texts for the client (or, for the alignment, the team) each kind of event records;
plans and the written summary are read by :func:`on_history` itself."""
_PLANS = (ev.PlanProposed, ev.PlanRevised)
_READ = frozenset({*_EVENT_TEXTS, *_PLANS, ev.WrittenSummarySent})
"""Every kind of event whose texts :func:`on_history` reads."""


def _ends(event: ev.Event) -> bool:
    """Whether the event ended the case: a close, an end, or a meeting the client refused."""
    if isinstance(event, ev.ClientMet):
        return not event.willing
    return isinstance(event, ev.RelationshipClosed | ev.RelationshipEnded)


_Key = tuple[
    tuple[Rule, ...], tuple[tuple[Rule, tuple[str, ...]], ...], tuple[tuple[Rule, Severity], ...]
]


_PLAIN: _Key = ((), (), ())
"""The key of a policy that leaves every guidance check as it is (the common case)."""


def _key(policy: Policy) -> _Key:
    """What of a policy bears on a review: a small, hashable stand-in for it."""
    if not (policy.guidance_off or policy.guidance_phrases or policy.severities):
        return _PLAIN
    return (
        policy.guidance_off,
        tuple(policy.guidance_phrases.items()),
        tuple((rule, s) for rule, s in policy.severities.items() if rule.guidance),
    )


@lru_cache(maxsize=4096)
def _reviewed(text: str, audience: Party, key: _Key) -> tuple[Finding, ...]:
    from clientrecovery.guidance import review  # the package imports this module

    off, phrases, severities = key
    policy = Policy(guidance_off=off, guidance_phrases=dict(phrases), severities=dict(severities))
    return review(text, audience=audience, policy=policy)


_CREDITED: frozenset[Rule] = frozenset(
    {Rule.LISTENING, Rule.TAKES_RESPONSIBILITY, Rule.SPECIFIC_COMMITMENT}
)
"""The credits (``guidance.CREDITS``), left out of ``findings(now)`` by rule, not by
severity: a check a policy lowered to INFO is still advice."""


def _on_record(texts: _Texts, subject: str, key: _Key, with_credits: bool) -> Iterator[Finding]:
    for where, text, audience in texts:
        if not text.strip():
            continue
        for f in _reviewed(text, audience, key):
            if f.rule in _CREDITED and not with_credits:
                continue
            severity = Severity.WARNING if f.severity is Severity.ERROR else f.severity
            yield Finding(f.rule, severity, f"{where}: {f.message}", subject, f.hint, f.span)


_EVENT_REVIEWS: dict[tuple[int, int, int, _Key], tuple[ev.Event, tuple[Finding, ...]]] = {}
"""The review of each recorded event, by the event's identity (the entry keeps the event,
so an id is never taken for another's), its place, the plan's version and the policy's
key: the history of a relationship is shared by every relationship a command makes from
it, and reviewed again at each ``findings(now)``."""
_EVENT_REVIEWS_MAX = 65_536


def _event_review(event: ev.Event, position: int, version: int, key: _Key) -> tuple[Finding, ...]:
    """The findings on the texts one recorded event holds, at ``history[position]``."""
    slot = (id(event), position, version, key)
    kept = _EVENT_REVIEWS.get(slot)
    if kept is not None and kept[0] is event:
        return kept[1]
    if type(event) in _PLANS:
        texts = _plan_texts(event.plan, f"plan v{version}")  # type: ignore[attr-defined]
    else:
        texts = _EVENT_TEXTS[type(event)](event)
    found = tuple(_on_record(texts, f"history[{position}]", key, with_credits=False))
    if len(_EVENT_REVIEWS) >= _EVENT_REVIEWS_MAX:
        _EVENT_REVIEWS.clear()
    _EVENT_REVIEWS[slot] = (event, found)
    return found


def on_command(
    r: Relationship, command: str, arguments: Mapping[str, object]
) -> tuple[Finding, ...]:
    """The review of the texts ``command`` would record with ``arguments``, credits included.

    ``arguments`` are the command's, by keyword name (as ``inspect.BoundArguments`` holds
    them). Nothing for a command that records no text for the client, or when the
    relationship's policy has ``guidance_on_record`` off.
    """
    if not r.policy.guidance_on_record:
        return ()
    texts = _command_texts(r, command, arguments)
    subject = f"history[{len(r.history)}]"
    return tuple(_on_record(texts, subject, _key(r.policy), with_credits=True))


def on_history(r: Relationship) -> tuple[Finding, ...]:
    """The review of every text on ``r``'s record that went to the client (no credits).

    In the order of the history. The written summary is reviewed as it reads now, at the
    place of the last time it was sent. Once the relationship is closed or lost, only what
    was sent after its end (a parting summary, a hand-over: *Rebuilding Client Relations*)
    is reviewed: the case's own texts no longer call for a change.
    """
    if not r.policy.guidance_on_record:
        return ()
    history = r.history
    start = 0
    if r.stage in (Stage.RECOVERED, Stage.LOST):
        ends = (i for i in range(len(history) - 1, -1, -1) if _ends(history[i]))
        start = next(ends, len(history) - 1) + 1
        if start == len(history):  # nothing sent since the end: nothing to review
            return ()
    key = _key(r.policy)
    found: list[Finding] = []
    version = 0
    last_summary: int | None = None
    # Only the events that record a text (found at C speed), in the order of the history.
    # After the end no plan is proposed, so a closed case's scan starts at its end.
    tail = history[start:] if start else history
    for position in [i for i, kind in enumerate(map(type, tail), start) if kind in _READ]:
        event = history[position]
        kind = type(event)
        if kind in _PLANS:
            version += 1
        if kind is ev.WrittenSummarySent:
            last_summary = position
            continue
        found.extend(_event_review(event, position, version, key))
    if last_summary is not None:
        texts = _summary_texts(r)
        summary = list(_on_record(texts, f"history[{last_summary}]", key, with_credits=False))
        if summary:
            found.extend(summary)
            found.sort(key=lambda f: int((f.subject or "history[0]")[8:-1]))
    return tuple(found)
