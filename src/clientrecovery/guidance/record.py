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

from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING

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


def _event_texts(event: ev.Event) -> _Texts:
    if isinstance(event, ev.ClientContacted):
        return [(_WHERE["contact_client"], event.summary, Party.CLIENT)]
    if isinstance(event, ev.StakeholdersInformed):
        return [(_WHERE["inform_stakeholders"], event.summary, Party.CLIENT)]
    if isinstance(event, ev.InternallyAligned):
        return [(_WHERE["align_internally"], event.approach, Party.PROVIDER)]
    if isinstance(event, ev.PromiseMade):
        return [(_WHERE["promise"], event.commitment.description, Party.CLIENT)]
    if isinstance(event, ev.WaitedOnClient):
        return [(_WHERE["wait_on_client"], event.needs, Party.CLIENT)]
    return []


_ENDINGS = (ev.RelationshipClosed, ev.RelationshipEnded)


_Key = tuple[
    tuple[Rule, ...], tuple[tuple[Rule, tuple[str, ...]], ...], tuple[tuple[Rule, Severity], ...]
]


def _key(policy: Policy) -> _Key:
    """What of a policy bears on a review: a small, hashable stand-in for it."""
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


def _on_record(texts: _Texts, subject: str, key: _Key, with_credits: bool) -> Iterator[Finding]:
    for where, text, audience in texts:
        if not text.strip():
            continue
        for f in _reviewed(text, audience, key):
            if f.severity is Severity.INFO and not with_credits:
                continue
            severity = Severity.WARNING if f.severity is Severity.ERROR else f.severity
            yield Finding(f.rule, severity, f"{where}: {f.message}", subject, f.hint, f.span)


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
    start = 0
    if r.stage in (Stage.RECOVERED, Stage.LOST):
        # A client unwilling to meet ends the case too, with no closing event of its own.
        ends = [
            i
            for i, e in enumerate(r.history)
            if isinstance(e, _ENDINGS) or (isinstance(e, ev.ClientMet) and not e.willing)
        ]
        start = 1 + ends[-1] if ends else 0
    key = _key(r.policy)
    found: list[Finding] = []
    version = 0
    last_summary: int | None = None
    for position, event in enumerate(r.history):
        if position < start:
            if isinstance(event, ev.PlanProposed | ev.PlanRevised):
                version += 1
            continue
        if isinstance(event, ev.PlanProposed | ev.PlanRevised):
            version += 1
            texts = _plan_texts(event.plan, f"plan v{version}")
        elif isinstance(event, ev.WrittenSummarySent):
            last_summary = position
            continue
        else:
            texts = _event_texts(event)
        if texts:
            found.extend(_on_record(texts, f"history[{position}]", key, with_credits=False))
    if last_summary is not None:
        texts = _summary_texts(r)
        summary = list(_on_record(texts, f"history[{last_summary}]", key, with_credits=False))
        if summary:
            found.extend(summary)
            found.sort(key=lambda f: int((f.subject or "history[0]")[8:-1]))
    return tuple(found)
